"""The build stamp: what the last successful build read and what it wrote, by content hash.

`build()` records it in the cache folder after writing `output/`, so a later
command can tell whether `output/` still is that build's result and still
matches its sources (`sitegen deploy --no-build` refuses anything else).
Hashes, not mtimes: a checkout, a copy or a clock change cannot fake or hide
a change. The inputs are every file the build may read: the config file and
the content, templates and static folders, plus the default theme; hidden
files and editor scratch files are skipped, as the build skips them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sitegen import __version__
from sitegen.config import SiteConfig
from sitegen.model import RenderedPage
from sitegen.render.jinja import default_theme_dir

STAMP_FORMAT = 1  # bump when the file's shape changes: older stamps then read as missing


@dataclass(frozen=True, slots=True)
class BuildStamp:
    sitegen: str  # the version that built it: another version may render differently
    drafts: bool  # built with drafts
    inputs: Mapping[str, str]  # source name -> sha256
    outputs: Mapping[str, str]  # output path -> sha256


def stamp_path(manifest_path: Path) -> Path:
    """Where the stamp of the output folder whose write manifest is `manifest_path` lives."""
    return manifest_path.with_name("build-" + manifest_path.name.removeprefix("manifest-"))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """sha256 of a file, read in chunks. Raises OSError."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def input_digests(config: SiteConfig) -> dict[str, str]:
    """Every source the build may read, by a stable name: `config`, `theme/<file>` for the
    default theme, and other files relative to the site root (absolute when outside it)."""
    found: dict[str, str] = {}
    config_file = config.root / Path(config.config_path).name  # root is the file's folder
    if config_file.is_file():
        found["config"] = file_digest(config_file)
    for folder, label in ((config.content_path, None), (config.path(config.templates_dir), None),
                          (config.path(config.static_dir), None), (default_theme_dir(), "theme")):
        for path in _source_files(folder):
            name = f"{label}/{path.relative_to(folder).as_posix()}" if label else \
                _name(path, config.root)
            found[name] = file_digest(path)
    return found


def record_build(config: SiteConfig, path: Path, pages: Iterable[RenderedPage]) -> None:
    """Write the stamp of a build that has just written `pages`. Raises OSError."""
    stamp = {
        "format": STAMP_FORMAT, "sitegen": __version__, "drafts": config.drafts,
        "inputs": input_digests(config),
        "outputs": {p.output_path: digest(p.content) for p in pages},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(stamp, indent=0, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def read_stamp(path: Path) -> BuildStamp | None:
    """The stamp at `path`, or None when there is none (or it is unreadable or outdated)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["format"] != STAMP_FORMAT:
            return None
        return BuildStamp(str(data["sitegen"]), bool(data["drafts"]),
                          {str(k): str(v) for k, v in data["inputs"].items()},
                          {str(k): str(v) for k, v in data["outputs"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _source_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.rglob("*"))
            if p.is_file() and not _is_skipped(p.relative_to(folder))]


def _is_skipped(rel: Path) -> bool:
    """Hidden files and editor backups: never read by the build."""
    return any(part.startswith((".", "#")) or part.endswith("~") for part in rel.parts)


def _name(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
