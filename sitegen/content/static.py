"""Static files: the theme's assets and the site's `static/` folder, as pages to write."""

from __future__ import annotations

from pathlib import Path

from sitegen.errors import ContentError, SourceLocation
from sitegen.model import RenderedPage


def collect_static(folder: Path, prefix: str, site_root: Path) -> tuple[list[RenderedPage],
                                                                         list[ContentError]]:
    """Every regular file under `folder` (hidden ones skipped), to be written under `prefix`."""
    pages: list[RenderedPage] = []
    errors: list[ContentError] = []
    if not folder.is_dir():
        return pages, errors
    for source in sorted(folder.rglob("*")):
        rel = source.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not source.is_file():
            continue
        try:
            data = source.read_bytes()
        except OSError as exc:
            shown = _shown(source, site_root)
            errors.append(ContentError(f"cannot read: {exc.strerror}", SourceLocation(shown)))
            continue
        out = f"{prefix}{rel.as_posix()}"
        pages.append(RenderedPage(out, out, data, frozenset({f"static:{out}"})))
    return pages, errors


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
