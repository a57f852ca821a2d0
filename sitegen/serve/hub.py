"""State the rebuild thread shares with request threads: ReloadHub and PendingOutput.

Each finished rebuild is published as one event with a rising `epoch`:
`reload` (pages changed), `css` (only stylesheets changed; the browser swaps
them in place) or `status` (nothing to reload, e.g. the build failed or was
fixed without changing any page). Every event carries the current build
errors, so a browser shows or clears its overlay from any of them. Request
threads block in `wait_after` until an event newer than the one they sent.
`PendingOutput` holds pages rendered but not yet written (see its docstring).
"""

from __future__ import annotations

import secrets
import threading
from collections import deque
from collections.abc import Mapping, Sequence
from typing import Any

#: Events kept for clients that fall behind; older than this and they just reload.
HISTORY = 64

Event = dict[str, Any]


def classify(changed_outputs: Sequence[str]) -> str:
    """The event kind for a set of changed output paths."""
    if not changed_outputs:
        return "status"
    if all(p.endswith(".css") for p in changed_outputs):
        return "css"
    return "reload"


class ReloadHub:
    """Thread-safe build status plus a short history of change events."""

    def __init__(self) -> None:
        self.token = secrets.token_hex(8)  # tells a browser the server restarted
        self._cond = threading.Condition()
        self._epoch = 0
        self._errors: tuple[str, ...] = ()
        self._building = False
        self._history: deque[Event] = deque(maxlen=HISTORY)
        self._closed = False

    def epoch(self) -> int:
        with self._cond:
            return self._epoch

    def errors(self) -> tuple[str, ...]:
        with self._cond:
            return self._errors

    def status_json(self) -> Event:
        with self._cond:
            return {"epoch": self._epoch, "errors": list(self._errors),
                    "building": self._building, "server": self.token}

    def building(self, active: bool) -> None:
        with self._cond:
            self._building = active

    def publish(self, changed_outputs: Sequence[str], errors: Sequence[str] = ()) -> Event:
        """Record a finished rebuild (`errors` empty if it succeeded) and wake every waiter."""
        with self._cond:
            self._epoch += 1
            self._errors = tuple(errors)
            self._building = False
            kind = "status" if errors else classify(changed_outputs)
            css = ["/" + p for p in changed_outputs] if kind == "css" else []
            event: Event = {"kind": kind, "epoch": self._epoch, "errors": list(self._errors),
                            "css": css, "changed": len(changed_outputs), "server": self.token}
            self._history.append(event)
            self._cond.notify_all()
            return event

    def wait_after(self, since: int, timeout: float) -> list[Event] | None:
        """Events newer than `since`, waiting up to `timeout` s for one; [] on timeout,
        None once the hub is closed. A client too far behind gets a single reload."""
        with self._cond:
            self._cond.wait_for(lambda: self._closed or self._epoch > since, timeout)
            if self._closed:
                return None
            if self._epoch <= since:
                return []
            events = [e for e in self._history if e["epoch"] > since]
            if not events or events[0]["epoch"] != since + 1:
                return [{**self._history[-1], "kind": "reload"}]
            return events

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


class PendingOutput:
    """Output files a rebuild produced that are not on disk yet, by output path.

    The server answers from here between the reload event and the moment the
    files are written, so browsers never wait for the disk; None marks a file
    about to be removed.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._files: dict[str, bytes | None] = {}

    def replace(self, files: Mapping[str, bytes | None]) -> None:
        with self._lock:
            self._files = dict(files)

    def clear(self) -> None:
        with self._lock:
            self._files = {}

    def __len__(self) -> int:
        with self._lock:
            return len(self._files)

    def get(self, output_path: str) -> tuple[bool, bytes | None]:
        """(True, bytes or None if being removed) when pending, else (False, None)."""
        with self._lock:
            if output_path in self._files:
                return True, self._files[output_path]
            return False, None
