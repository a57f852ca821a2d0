"""OutputWriter: the write stage for repeated builds, knowing what `output/` already holds.

It remembers the bytes of every file it wrote, so a rebuild finds its changed
files without reading `output/` back. With a `PendingOutput` it does not write
at once: it hands the changed files to it (the preview server answers from
there) and writes them on `flush`, so a browser never waits for the disk.
Files coming or going go through `write.write_site`, which also prunes stale
files and keeps the manifest.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.model import RenderedPage
from sitegen.serve.hub import PendingOutput
from sitegen.write.output import write_pages, write_site


class OutputWriter:
    """Writes successive sets of pages into one output folder, touching only changes."""

    def __init__(self, output_dir: Path, manifest_path: Path,
                 pending: PendingOutput | None = None) -> None:
        self.output_dir = output_dir
        self.manifest_path = manifest_path
        self.pending = pending
        self._on_disk: dict[str, bytes] | None = None  # what output/ holds (or will, at flush)
        self._unwritten: tuple[list[RenderedPage], bool] | None = None  # (pages, structural)

    def write(self, pages: list[RenderedPage]) -> list[str]:
        """Write (or, with `pending`, stage) the pages. Returns the output paths that
        changed or went away. Raises OSError."""
        self.flush()
        known, self._on_disk = self._on_disk, {p.output_path: p.content for p in pages}
        if known is None or self.pending is None:
            return self._write_now(pages, known)
        changed = {p.output_path: p.content for p in pages
                   if not _same(known.get(p.output_path), p.content)}
        removed = sorted(set(known) - set(self._on_disk))
        self.pending.replace({**changed, **dict.fromkeys(removed)})
        self._unwritten = (pages, bool(removed) or not set(changed) <= set(known))
        return [*sorted(changed), *removed]

    def _write_now(self, pages: list[RenderedPage], known: dict[str, bytes] | None) -> list[str]:
        if known is None or known.keys() != {p.output_path for p in pages}:
            report = write_site(pages, self.output_dir, self.manifest_path)
            return [*report.written, *report.removed]
        fresh = [p for p in pages if not _same(known[p.output_path], p.content)]
        return write_pages(fresh, self.output_dir)[0]

    def flush(self) -> None:
        """Write what the last `write` staged. Raises OSError (then the next write
        compares against nothing and rewrites what differs)."""
        if self._unwritten is None or self.pending is None:
            return
        pages, structural = self._unwritten
        self._unwritten = None
        try:
            if structural:
                write_site(pages, self.output_dir, self.manifest_path)
            else:
                write_pages([p for p in pages if self.pending.get(p.output_path)[0]],
                            self.output_dir)
        except OSError:
            self._on_disk = None
            raise
        finally:
            self.pending.clear()


def _same(old: bytes | None, new: bytes) -> bool:
    return old is new or old == new
