"""The site to publish: `output/` exactly as the last successful build wrote it, or an error.

`build()` leaves a stamp (`sitegen.write.stamp`) with the hash of every source
it read and every file it wrote. Here `output/` is checked against it, so
`sitegen deploy --no-build` refuses:

- no stamp: never built, or only by `sitegen serve` (which may include drafts);
- a source changed, appeared or went away since (an edit not yet built, or a
  build that failed after it: a failed build leaves output/ and the stamp as
  they were, and the sources no longer match);
- built by another sitegen version, or with drafts the config does not ask for;
- a file in `output/` changed, missing, or not written by that build.

Hidden files in `output/` are never published (the build writes none).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sitegen import __version__
from sitegen.build import manifest_path
from sitegen.config import SiteConfig
from sitegen.deploy.errors import DeployError
from sitegen.write.stamp import file_digest, input_digests, read_stamp, stamp_path

REBUILD = "run `sitegen build`, or deploy without --no-build"
SHOWN_NAMES = 3  # how many changed files a message names before "and N more"


@dataclass(frozen=True, slots=True)
class SiteFile:
    path: str  # output path, with /
    source: Path  # the file in output/
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class SiteFiles:
    """What a deploy publishes: every file of the last good build, by output path."""

    folder: Path
    files: Mapping[str, SiteFile]

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files.values())


def built_site(config: SiteConfig) -> SiteFiles:
    """`output/` as the last successful build left it. Raises DeployError when there was
    none, or when the sources or `output/` changed since."""
    out = config.output_dir
    stamp = read_stamp(stamp_path(manifest_path(config)))
    if stamp is None:
        raise DeployError(f"{out}/ has no record of a successful `sitegen build`; {REBUILD}")
    if stamp.sitegen != __version__:
        raise DeployError(f"{out}/ was built by sitegen {stamp.sitegen}, this is "
                          f"{__version__}; {REBUILD}")
    if stamp.drafts and not config.drafts:
        raise DeployError(f"{out}/ was built with drafts (--drafts) and the config does not "
                          f"publish drafts; {REBUILD}")
    changed = _differences(stamp.inputs, input_digests(config))
    if changed:
        raise DeployError(f"{out}/ is stale: {_names(changed)} changed since the last "
                          f"successful build; {REBUILD}")
    files: dict[str, SiteFile] = {}
    actual: dict[str, str] = {}
    for path in _visible_files(config.output_path):
        rel = path.relative_to(config.output_path).as_posix()
        actual[rel] = file_digest(path)
        files[rel] = SiteFile(rel, path, path.stat().st_size, actual[rel])
    extra = sorted(set(actual) - set(stamp.outputs))
    if extra:
        raise DeployError(f"{out}/{extra[0]} was not written by the last build; remove it, or "
                          "put files to publish in the static folder and build")
    edited = _differences(stamp.outputs, actual)
    if edited:
        raise DeployError(f"{out}/ is not what the last build wrote: {_names(edited)} "
                          f"changed or missing since (edited by hand, or by `sitegen serve`?); "
                          f"{REBUILD}")
    return SiteFiles(config.output_path, files)


def _differences(recorded: Mapping[str, str], now: Mapping[str, str]) -> list[str]:
    return sorted(k for k in {*recorded, *now} if recorded.get(k) != now.get(k))


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:SHOWN_NAMES])
    more = len(names) - SHOWN_NAMES
    return f"{shown} (and {more} more)" if more > 0 else shown


def _visible_files(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.rglob("*"))
            if p.is_file() and not any(part.startswith(".")
                                       for part in p.relative_to(folder).parts)]
