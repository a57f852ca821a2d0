"""What a deploy tells its user: progress while files go out, one summary line at the end."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TextIO

from sitegen.deploy.plan import Plan, format_size

log = logging.getLogger(__name__)

LINE_EVERY = 100  # without a terminal: at most one progress line per this many files sent
LINE_INTERVAL = 2.0  # ... and per this many seconds, so a fast local copy stays quiet
BAR_MIN_FILES = 20  # on a terminal: a progress bar once at least this many files go out
BAR_WIDTH = 30


class Progress:
    """Counts files and bytes as a target sends them: a bar on a terminal, else a log line
    every LINE_EVERY files once LINE_INTERVAL seconds have passed since the last."""

    def __init__(self, plan: Plan, stream: TextIO | None = None, every: int = LINE_EVERY,
                 interval: float = LINE_INTERVAL) -> None:
        self.total_files = len(plan.uploads)
        self.total_bytes = plan.bytes_to_send
        self.files = 0
        self.bytes = 0
        self.every = every
        self.interval = interval
        self._last_line = time.monotonic()
        self.stream = stream if stream is not None and stream.isatty() else None
        self._bar_shown = False

    def advance(self, size: int) -> None:
        """One more file sent, of `size` bytes."""
        self.files += 1
        self.bytes += size
        if self.stream is not None and self.total_files >= BAR_MIN_FILES:
            filled = BAR_WIDTH * self.files // max(self.total_files, 1)
            self.stream.write(f"\rdeploying [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
                              f"{self.files}/{self.total_files} files, {format_size(self.bytes)}")
            self.stream.flush()
            self._bar_shown = True
        elif (self.stream is None and self.files % self.every == 0
              and time.monotonic() - self._last_line >= self.interval):
            self._last_line = time.monotonic()
            log.info("sent %d/%d files (%s of %s)", self.files, self.total_files,
                     format_size(self.bytes), format_size(self.total_bytes))

    def finish(self) -> None:
        if self._bar_shown and self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()
            self._bar_shown = False


@dataclass(frozen=True, slots=True)
class Published:
    """What a target says after publishing: where the site lives now, and how."""

    where: str
    detail: str = ""  # "commit 1a2b3c4", "version 20261201T120000-3f2a"
    bytes_sent: int = 0
    note: str = ""  # anything the user should know (objects left alone, ...)


@dataclass(frozen=True, slots=True)
class DeployReport:
    target: str  # the URL deployed to
    plan: Plan
    published: Published
    dry_run: bool
    seconds: float
    rollback: bool = False

    def summary(self) -> str:
        p, pub = self.plan, self.published
        counts = f"{len(p.added)} added, {len(p.changed)} changed, {len(p.removed)} removed"
        note = f"; {pub.note}" if pub.note else ""
        detail = f" ({pub.detail})" if pub.detail else ""
        if self.rollback:
            verb = "dry run: would roll back" if self.dry_run else "rolled back"
            return f"{verb} {pub.where}{detail}: {counts}"
        if self.dry_run:
            return (f"dry run: would deploy to {pub.where}: {counts}, "
                    f"{format_size(p.bytes_to_send)} to send; nothing was changed{note}")
        if p.is_empty:
            return f"{pub.where}{detail} is up to date ({p.unchanged} files): nothing sent{note}"
        return (f"deployed to {pub.where}{detail}: {counts}, {format_size(pub.bytes_sent)} "
                f"sent in {self.seconds:.1f}s{note}")
