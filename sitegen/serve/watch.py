"""Watching a site's sources: watchdog events, filtered and debounced into change sets.

`Debouncer` turns a burst of file events (an editor's save is often a write, a
rename and a chmod) into one call of a callback with every path that changed,
once no event has arrived for `delay` seconds. `SourceWatcher` feeds it from a
watchdog observer over `content/`, `templates/`, `static/` and the config file,
ignoring `output/`, the cache and editor scratch files. This is the only
module that imports watchdog.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

log = logging.getLogger(__name__)

OnChange = Callable[[frozenset[Path]], None]

#: Names editors write next to the file they save; never a site source.
_SCRATCH_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", "~", ".part", ".crdownload")
_SCRATCH_NAMES = frozenset({"4913", ".DS_Store"})


def is_scratch(path: Path) -> bool:
    """True for editor swap/backup files and other names that are never sources."""
    name = path.name
    return (name in _SCRATCH_NAMES or name.endswith(_SCRATCH_SUFFIXES)
            or name.startswith((".#", "#")))


class Debouncer:
    """Collects changed paths and calls `on_change` once a burst has been quiet for `delay` s.

    The callback runs on the debouncer's own thread, one call at a time; paths
    that change while it runs are collected for the next call.
    """

    def __init__(self, on_change: OnChange, delay: float = 0.1) -> None:
        self.on_change = on_change
        self.delay = delay
        self._pending: set[Path] = set()
        self._last_event = 0.0
        self._cond = threading.Condition()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="sitegen-debounce", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)

    def add(self, paths: Iterable[Path]) -> None:
        with self._cond:
            self._pending.update(paths)
            self._last_event = time.monotonic()
            self._cond.notify_all()

    def _next_batch(self) -> frozenset[Path] | None:
        """Wait for a burst to go quiet; None once stopped."""
        with self._cond:
            while not self._stopped:
                if not self._pending:
                    self._cond.wait()
                    continue
                quiet_for = time.monotonic() - self._last_event
                if quiet_for >= self.delay:
                    batch = frozenset(self._pending)
                    self._pending.clear()
                    return batch
                self._cond.wait(self.delay - quiet_for)
            return None

    def _run(self) -> None:
        while (batch := self._next_batch()) is not None:
            try:
                self.on_change(batch)
            except Exception:  # noqa: BLE001 - the watcher must outlive a bad callback
                log.exception("rebuild callback failed")


class _Handler(FileSystemEventHandler):
    """Forwards the paths of relevant events to a Debouncer."""

    def __init__(self, watcher: SourceWatcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a file inside changed; that file's own event says which
        paths = [Path(str(event.src_path))]
        if getattr(event, "dest_path", ""):
            paths.append(Path(str(event.dest_path)))
        relevant = [p for p in paths if self.watcher.is_watched(p)]
        if event.is_directory and event.event_type in ("created", "moved"):
            self.watcher.folder_appeared(paths[-1])
        if relevant:
            self.watcher.debouncer.add(relevant)


class SourceWatcher:
    """A watchdog observer over a site's sources, reporting to a Debouncer."""

    def __init__(self, folders: Iterable[Path], files: Iterable[Path],
                 ignored: Iterable[Path], debouncer: Debouncer) -> None:
        self.folders = tuple(f.resolve() for f in folders)
        self.files = frozenset(f.resolve() for f in files)
        self.ignored = tuple(i.resolve() for i in ignored)
        self.debouncer = debouncer
        self._observer = Observer()
        self._handler = _Handler(self)
        self._started = False
        self._recursive: set[Path] = set()
        self._lock = threading.Lock()

    def folder_appeared(self, folder: Path) -> None:
        """Start watching a watched folder created after `start` (called from the observer)."""
        folder = folder.resolve()
        with self._lock:
            if folder not in self.folders or folder in self._recursive or not folder.is_dir():
                return
            self._recursive.add(folder)
        self._observer.schedule(self._handler, str(folder), recursive=True)

    def is_watched(self, path: Path) -> bool:
        """True for a source path: inside a watched folder (not ignored), or a watched file."""
        if path in self.files:
            return True
        if is_scratch(path) or any(path == i or i in path.parents for i in self.ignored):
            return False
        return any(path == f or f in path.parents for f in self.folders)

    def start(self) -> None:
        """Watch each folder recursively and each file's folder (not recursively).

        A folder that does not exist yet is watched through its parent; when it
        appears (say `templates/`), it is watched from then on.
        """
        scheduled: set[tuple[Path, bool]] = set()
        for folder in self.folders:
            scheduled.add((folder, True) if folder.is_dir() else (folder.parent, False))
        for file in self.files:
            scheduled.add((file.parent, False))
        for folder, recursive in sorted(scheduled):
            if (folder, True) in scheduled and not recursive:
                continue
            if folder.is_dir():
                self._observer.schedule(self._handler, str(folder), recursive=recursive)
                if recursive:
                    self._recursive.add(folder)
        self._observer.start()
        self.debouncer.start()
        self._started = True

    def stop(self) -> None:
        if self._started:
            self._observer.stop()
            self._observer.join(timeout=5)
        self.debouncer.stop()
