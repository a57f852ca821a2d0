"""The preview's HTTP side: serving `output/` safely, plus the live-reload endpoints.

Owns URL-to-file resolution (nothing outside `output/` is ever served, however
the path is encoded or symlinked), content types, the reload script injected
into HTML as it is served (never written to disk), and three endpoints under
`/__sitegen/`: `events` (server-sent events), `status` (JSON) and
`livereload.js`. What the events say comes from a `ReloadHub`
(`sitegen.serve.hub`); this module only carries it to browsers.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import re
import sys
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

from sitegen.serve.hub import PendingOutput, ReloadHub

log = logging.getLogger(__name__)

PREFIX = "/__sitegen/"
HEARTBEAT_SECONDS = 10.0

#: Types we want regardless of the machine's /etc/mime.types.
_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".css": "text/css", ".js": "text/javascript",
    ".mjs": "text/javascript", ".json": "application/json", ".xml": "application/xml",
    ".txt": "text/plain", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp", ".ico": "image/x-icon",
    ".woff2": "font/woff2", ".woff": "font/woff", ".webmanifest": "application/manifest+json",
}
_TEXTUAL = ("application/json", "application/xml", "image/svg+xml", "application/manifest+json")
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


def content_type(file_name: str) -> str:
    """The Content-Type for a file name, with `charset=utf-8` for text."""
    suffix = Path(file_name).suffix.lower()
    kind = _TYPES.get(suffix) or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in _TEXTUAL or kind.endswith("+xml"):
        return f"{kind}; charset=utf-8"
    return kind


@dataclass(frozen=True, slots=True)
class Resolved:
    """Where a request path leads: a file to send, a redirect, or nothing (404)."""

    file: Path | None = None
    redirect: str | None = None


def safe_parts(request_path: str) -> list[str] | None:
    """The path's segments, decoded; None if any is `.`/`..` (plain or percent-encoded)
    or holds a NUL or backslash."""
    decoded = urllib.parse.unquote(urllib.parse.urlsplit(request_path).path)
    if "\x00" in decoded or "\\" in decoded:
        return None
    parts = [p for p in decoded.split("/") if p]
    return None if any(p in (".", "..") for p in parts) else parts


def resolve_request(output_dir: Path, request_path: str) -> Resolved:
    """Map a request path to a file under `output_dir`, refusing anything that escapes it.

    Dot segments are refused outright (`safe_parts`); the joined path is then
    resolved (following symlinks) and must still lie inside `output_dir`. A
    folder without a trailing slash redirects to one.
    """
    parts = safe_parts(request_path)
    if parts is None:
        return Resolved()
    root = output_dir.resolve()
    target = root.joinpath(*parts).resolve()
    if not target.is_relative_to(root):
        return Resolved()
    if target.is_dir():
        if not urllib.parse.urlsplit(request_path).path.endswith("/"):
            return Resolved(redirect=_folder_url(parts))
        target = (target / "index.html").resolve()
        if not target.is_relative_to(root):
            return Resolved()
    return Resolved(file=target) if target.is_file() else Resolved()


def _folder_url(parts: list[str]) -> str:
    return "/" + "".join(urllib.parse.quote(p) + "/" for p in parts)


def resolve_pending(pending: PendingOutput, request_path: str,
                    ) -> tuple[Resolved, str, bytes | None] | None:
    """Like `resolve_request`, for files rendered but not yet written: None when the
    request is not about a pending file, else (redirect?, output path, bytes or None)."""
    parts = safe_parts(request_path)
    if parts is None:
        return None
    rel = "/".join(parts)
    index = f"{rel}/index.html" if rel else "index.html"
    if not parts or urllib.parse.urlsplit(request_path).path.endswith("/"):
        found, data = pending.get(index)
        return (Resolved(), index, data) if found else None
    found, data = pending.get(rel)
    if found:
        return Resolved(), rel, data
    found, data = pending.get(index)
    if found and data is not None:
        return Resolved(redirect=_folder_url(parts)), index, None
    return None


def inject_script(html: bytes, snippet: bytes) -> bytes:
    """Insert `snippet` before the last `</body>`, or at the end if there is none."""
    matches = list(_BODY_END.finditer(html))
    if not matches:
        return html + snippet
    at = matches[-1].start()
    return html[:at] + snippet + html[at:]


def livereload_js() -> bytes:
    return resources.files("sitegen.serve").joinpath("livereload.js").read_bytes()


class PreviewServer(ThreadingHTTPServer):
    """A threading HTTP server over one output folder, with the hub its events come from."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], output_dir: Path, hub: ReloadHub,
                 pending: PendingOutput | None = None) -> None:
        self.output_dir = output_dir
        self.hub = hub
        self.pending = PendingOutput() if pending is None else pending
        self.script = livereload_js()
        super().__init__(address, PreviewHandler)

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        """A browser that hangs up mid-response is normal; anything else is logged."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            log.debug("%s hung up", client_address[0])
        else:
            log.exception("error while answering %s", client_address[0])


class PreviewHandler(BaseHTTPRequestHandler):
    """GET and HEAD for files under the output folder and the `/__sitegen/` endpoints."""

    server: PreviewServer
    server_version = "sitegen-preview"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        log.debug("%s - %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _refuse(self) -> None:
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"method not allowed\n",
                   "text/plain; charset=utf-8", head=False, extra={"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _refuse

    def _respond(self, head: bool) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path.startswith(PREFIX):
            self._endpoint(path[len(PREFIX):], head)
            return
        epoch = self.server.hub.epoch()  # before reading: a newer build then reloads again
        in_memory = resolve_pending(self.server.pending, self.path)
        if in_memory is not None:
            found, output_path, data = in_memory
            if found.redirect is not None:
                self._redirect(found.redirect, head)
            elif data is None:
                self._not_found(epoch, head)
            else:
                self._send_body(output_path, data, HTTPStatus.OK, epoch, head)
            return
        found = resolve_request(self.server.output_dir, self.path)
        if found.redirect is not None:
            self._redirect(found.redirect, head)
        elif found.file is not None:
            self._send_file(found.file, HTTPStatus.OK, epoch, head)
        else:
            self._not_found(epoch, head)

    def _redirect(self, location: str, head: bool) -> None:
        query = urllib.parse.urlsplit(self.path).query
        self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain; charset=utf-8", head,
                   extra={"Location": location + (f"?{query}" if query else "")})

    def _not_found(self, epoch: int, head: bool) -> None:
        found, data = self.server.pending.get("404.html")
        if found and data is not None:
            self._send_body("404.html", data, HTTPStatus.NOT_FOUND, epoch, head)
            return
        page = self.server.output_dir / "404.html"
        if page.is_file():
            self._send_file(page, HTTPStatus.NOT_FOUND, epoch, head)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8", head)

    def _send_file(self, file: Path, status: HTTPStatus, epoch: int, head: bool) -> None:
        try:
            body = file.read_bytes()
        except OSError:  # removed between resolving and reading: a rebuild pruned it
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8", head)
            return
        self._send_body(file.name, body, status, epoch, head)

    def _send_body(self, name: str, body: bytes, status: HTTPStatus, epoch: int,
                   head: bool) -> None:
        """Send a file's bytes, with the reload script added to HTML."""
        kind = content_type(name)
        if kind.startswith("text/html"):
            token = self.server.hub.token
            snippet = (f'<script src="{PREFIX}livereload.js" data-epoch="{epoch}" '
                       f'data-server="{token}"></script>\n').encode()
            body = inject_script(body, snippet)
        self._send(status, body, kind, head)

    def _endpoint(self, name: str, head: bool) -> None:
        if name == "livereload.js":
            self._send(HTTPStatus.OK, self.server.script, content_type(name), head)
        elif name == "status":
            status = {**self.server.hub.status_json(), "unwritten": len(self.server.pending)}
            body = json.dumps(status).encode()
            self._send(HTTPStatus.OK, body, content_type("status.json"), head)
        elif name == "events":
            self._stream_events(head)
        else:
            self._not_found(self.server.hub.epoch(), head)

    def _send(self, status: HTTPStatus, body: bytes, kind: str, head: bool,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _since(self) -> int:
        """The last epoch this client saw: `?since=` or, on reconnect, Last-Event-ID."""
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        values = [*query.get("since", []), self.headers.get("Last-Event-ID") or ""]
        return max((int(v) for v in values if v.isdigit()), default=self.server.hub.epoch())

    def _stream_events(self, head: bool) -> None:
        """Server-sent events: a hello with the current status, then every change after `since`."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if head:
            return
        hub, since = self.server.hub, self._since()
        try:
            self._write_event("hello", hub.status_json(), None, retry=500)
            while True:
                events = hub.wait_after(since, HEARTBEAT_SECONDS)
                if events is None:
                    return  # server shutting down
                if not events:
                    self.wfile.write(b": ping\n\n")
                    self.wfile.flush()
                for event in events:
                    self._write_event(event["kind"], event, event["epoch"])
                    since = max(since, int(event["epoch"]))
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return  # the tab went away

    def _write_event(self, kind: str, data: object, event_id: int | None,
                     retry: int | None = None) -> None:
        lines = [f"event: {kind}", f"data: {json.dumps(data)}"]
        if event_id is not None:
            lines.append(f"id: {event_id}")
        if retry is not None:
            lines.append(f"retry: {retry}")
        self.wfile.write(("\n".join(lines) + "\n\n").encode())
        self.wfile.flush()
