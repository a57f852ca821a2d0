"""Write stage: put rendered pages into the output folder, touching only what changed.

A file is rewritten only when its bytes differ, through a temporary file and
an atomic rename. Files an earlier build wrote and this one did not are
removed afterwards; a manifest (kept in the cache folder, so `output/` holds
only the site) records what sitegen wrote, so files it did not write are
never deleted.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import ConfigError, SourceLocation
from sitegen.model import RenderedPage


@dataclass(frozen=True, slots=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def check_output_dir(
    output_dir: Path, site_root: Path, content_dir: Path, config_path: str
) -> None:
    """Refuse output folders whose cleaning could destroy sources. Raises ConfigError."""
    out = output_dir.resolve()
    forbidden = {
        Path("/"): "the filesystem root",
        Path.home().resolve(): "your home folder",
        site_root.resolve(): "the site root",
        content_dir.resolve(): "the content folder",
    }
    for path, what in forbidden.items():
        if out == path:
            raise ConfigError(f"output_dir: refusing to write into {what} ({out}); "
                              "choose a folder of its own such as 'output'",
                              SourceLocation(config_path))
    if out in content_dir.resolve().parents or content_dir.resolve() in out.parents:
        raise ConfigError(f"output_dir: {out} overlaps the content folder; "
                          "choose a folder of its own such as 'output'",
                          SourceLocation(config_path))


def _read_manifest(manifest_path: Path) -> set[str]:
    try:
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
        return {str(p) for p in data["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def _write_atomic(path: Path, content: bytes) -> None:
    """Write through a temporary file beside `path` and rename it over: readers (and a
    crash) see the old file or the new one, never half of one."""
    tmp = path.with_name(f".{path.name}.sitegen-tmp")
    try:
        with open(tmp, "wb") as f:  # plain open: mode follows the umask, like any file
            f.write(content)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_pages(pages: Iterable[RenderedPage], output_dir: Path) -> tuple[list[str], int]:
    """Write pages whose bytes changed. Returns (written paths, unchanged count)."""
    written: list[str] = []
    unchanged = 0
    made: set[Path] = set()
    for page in pages:
        target = output_dir / page.output_path
        try:
            if target.stat().st_size == len(page.content) and target.read_bytes() == page.content:
                unchanged += 1
                continue
        except OSError:
            pass
        if target.parent not in made:  # one mkdir per folder, not per file
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        _write_atomic(target, page.content)
        written.append(page.output_path)
    return written, unchanged


def write_site(
    pages: list[RenderedPage], output_dir: Path, manifest_path: Path, *, prune: bool = True
) -> WriteReport:
    """Write the whole site, then remove files earlier builds wrote that this one did not."""
    output_dir.mkdir(parents=True, exist_ok=True)
    previous = _read_manifest(manifest_path)
    written, unchanged = write_pages(pages, output_dir)
    current = {p.output_path for p in pages}
    removed: list[str] = []
    if prune:
        for stale in sorted(previous - current):
            target = output_dir / stale
            if target.is_file() and not target.is_symlink():
                target.unlink()
                removed.append(stale)
                _remove_empty_parents(target.parent, output_dir)
    manifest = json.dumps({"files": sorted(current)}, indent=0).encode("utf-8")
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(manifest_path, manifest)
    return WriteReport(tuple(written), unchanged, tuple(removed))


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
