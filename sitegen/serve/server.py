"""`sitegen serve`: build, serve `output/`, rebuild on changes and reload the browser.

`LiveServer` combines three injected parts: a source watcher
(`sitegen.serve.watch`), the HTTP server (`sitegen.serve.http`) and a rebuild
callable. The callable takes the set of source paths that changed and returns
the output paths it rewrote or removed; it raises SitegenError when the build
fails, in which case `output/` keeps the last good pages and browsers show the
errors over them. Tests pass a fake rebuild; `serve()` passes a `Rebuilder`
(`sitegen.serve.rebuild`) that keeps the spaCy pipeline and every cache in memory.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import signal
import threading
import time
import webbrowser
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen.config import SiteConfig
from sitegen.errors import BuildFailed, SitegenError
from sitegen.serve.http import PreviewServer
from sitegen.serve.hub import PendingOutput, ReloadHub
from sitegen.serve.watch import Debouncer, SourceWatcher

if TYPE_CHECKING:
    from sitegen.extract.runner import Extractor

log = logging.getLogger(__name__)

Rebuild = Callable[[frozenset[Path]], Sequence[str]]


def error_lines(exc: SitegenError) -> list[str]:
    """`path:line: message` for each error a failed build reports."""
    if isinstance(exc, BuildFailed):
        return [str(e) for e in exc.errors]
    return [str(exc)]


class LiveServer:
    """Serves `output_dir`, watches sources, and runs `rebuild` after each burst of changes."""

    def __init__(self, output_dir: Path, rebuild: Rebuild, *, watch_folders: Iterable[Path],
                 watch_files: Iterable[Path] = (), ignored: Iterable[Path] = (),
                 host: str = "127.0.0.1", port: int = 8000, delay: float = 0.1,
                 pending: PendingOutput | None = None,
                 flush: Callable[[], None] | None = None) -> None:
        self.output_dir = output_dir
        self.rebuild = rebuild
        self.pending = PendingOutput() if pending is None else pending
        self.flush = flush
        self.hub = ReloadHub()
        self.host, self.port = host, port
        self.watcher = SourceWatcher(watch_folders, watch_files, ignored,
                                     Debouncer(self.on_change, delay))
        self._httpd: PreviewServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def bind(self) -> None:
        """Claim the address now (before a long first build). Raises SitegenError if taken."""
        try:
            self._httpd = PreviewServer((self.host, self.port), self.output_dir, self.hub,
                                        self.pending)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise SitegenError(f"port {self.port} on {self.host} is already in use; "
                                   "stop the other server or choose another with --port") from None
            raise SitegenError(
                f"cannot listen on {self.host}:{self.port}: {exc.strerror}") from None
        self.port = self._httpd.server_address[1]

    def start(self) -> None:
        """Serve in a background thread and start watching (binding first if needed)."""
        if self._httpd is None:
            self.bind()
        assert self._httpd is not None
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.2}, name="sitegen-http",
                                        daemon=True)
        self._thread.start()
        self.watcher.start()

    def on_change(self, changed: frozenset[Path]) -> None:
        """Rebuild after a burst of changes and tell every browser what happened."""
        shown = ", ".join(sorted(p.name for p in changed)[:3]) + ("…" if len(changed) > 3 else "")
        log.info("changed: %s", shown)
        self.hub.building(True)
        started = time.perf_counter()
        try:
            outputs = self.rebuild(changed)
        except SitegenError as exc:
            lines = error_lines(exc)
            for n, line in enumerate(lines, 1):
                log.error("error %d/%d: %s", n, len(lines), line)
            self.hub.publish((), lines)
            return
        except Exception as exc:  # noqa: BLE001 - a bug in one rebuild must not kill the preview
            log.exception("internal error while rebuilding (please report it)")
            self.hub.publish((), [f"internal error: {exc!r} (see the terminal)"])
            return
        had_errors = bool(self.hub.errors())
        event = self.hub.publish(outputs)
        log.info("rebuilt in %.0f ms: %d file(s) changed%s, %s",
                 (time.perf_counter() - started) * 1000, len(outputs),
                 "; errors cleared" if had_errors else "", event["kind"])
        self._flush()

    def _flush(self) -> None:
        """Write the rebuilt files to disk, after browsers were told (they are served from
        memory meanwhile)."""
        if self.flush is None:
            return
        try:
            self.flush()
        except OSError as exc:
            log.error("cannot write %s: %s", self.output_dir, exc)
            self.hub.publish((), [f"{self.output_dir}: cannot write: {exc}"])

    def stop(self) -> None:
        """Stop watching, close event streams and shut the HTTP server down."""
        self.watcher.stop()
        self.hub.close()
        if self._thread is not None and self._httpd is not None:
            self._httpd.shutdown()  # only returns once serve_forever has run and stopped
            self._thread.join(timeout=5)
        if self._httpd is not None:
            self._httpd.server_close()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def start_preview(config: SiteConfig, *, host: str = "127.0.0.1", port: int = 8000,
                  strict: bool = False, jobs: int | None = None,
                  extractor: Extractor | None = None) -> LiveServer:
    """Bind, build once and start serving and watching; the caller must `stop()` it.

    Raises SitegenError if the port is taken, the output folder is refused or
    the model is missing; errors in the sources are shown, not raised.
    """
    from sitegen.serve.rebuild import Rebuilder

    pending = PendingOutput()
    rebuilder = Rebuilder(config, jobs=jobs, strict=strict, extractor=extractor, pending=pending)
    live = LiveServer(config.output_path, rebuilder, host=host, port=port,
                      watch_folders=rebuilder.watched_folders(),
                      watch_files=rebuilder.watched_files(), ignored=rebuilder.ignored(),
                      pending=pending, flush=rebuilder.flush)
    live.bind()
    try:
        _first_build(rebuilder, live.hub)
        rebuilder.preload()
        log.info("serving %s at %s (Ctrl-C to stop)", config.output_dir, live.url)
        live.start()
    except BaseException:
        live.stop()
        raise
    return live


def serve(config: SiteConfig, *, host: str = "127.0.0.1", port: int = 8000,
          open_browser: bool = False, strict: bool = False, jobs: int | None = None) -> int:
    """Build, then serve and rebuild until Ctrl-C or SIGTERM. Returns the exit code (0).

    Raises SitegenError if the port is taken, the output folder is refused or
    the model is missing.
    """
    if not is_loopback(host):
        log.warning("serving on %s: anyone who can reach this machine can read the preview", host)
    try:
        live = start_preview(config, host=host, port=port, strict=strict, jobs=jobs)
    except KeyboardInterrupt:
        return 0
    try:
        if open_browser:
            webbrowser.open(live.url)
        _wait_for_signal()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        live.stop()
    return 0


def _first_build(rebuilder: Rebuild, hub: ReloadHub) -> None:
    """Build once before serving; errors in the sources are shown, not fatal."""
    try:
        outputs = rebuilder(frozenset())
        log.info("built: %d file(s) written or removed", len(outputs))
    except BuildFailed as exc:
        lines = error_lines(exc)
        for n, line in enumerate(lines, 1):
            log.error("error %d/%d: %s", n, len(lines), line)
        hub.publish((), lines)


def _wait_for_signal() -> None:
    """Block until Ctrl-C (KeyboardInterrupt) or SIGTERM."""
    stop = threading.Event()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass
