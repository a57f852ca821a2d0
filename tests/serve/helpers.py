"""Test helpers for the preview server: a small site, raw HTTP requests, an event-stream reader.

Requests go through `http.client` so paths are sent exactly as written
(`/%2e%2e/` stays encoded) and redirects are not followed.
"""

from __future__ import annotations

import http.client
import json
import socket
import time
from dataclasses import dataclass
from typing import Any

SITE: dict[str, str | bytes] = {
    "sitegen.toml": 'title = "Preview test"\nbase_url = "https://example.org/"\n',
    "content/articles/budget-vote.md": (
        "---\ntitle: Budget vote delayed\ndate: 2024-03-01\n---\n"
        "Finance minister Anna Berg said the vote would wait.\n\n"
        '"We need another week," Berg told reporters on Tuesday.\n'),
    "content/articles/port-strike.md": (
        "---\ntitle: Port strike ends\ndate: 2024-03-02\n---\n"
        "Union leader Tom Okafor announced the end of the strike after 12 days.\n"),
    "content/articles/river-report.txt": (
        "River levels fall\n\nThe river fell by 2 metres, engineer Maria Lopez said.\n"),
    "static/style.css": "body { color: black; }\n",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def request(port: int, path: str, method: str = "GET", timeout: float = 10) -> Response:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path)
        resp = conn.getresponse()
        body = resp.read()
        return Response(resp.status, {k.lower(): v for k, v in resp.getheaders()}, body)
    finally:
        conn.close()


def status(port: int) -> dict[str, Any]:
    return dict(json.loads(request(port, "/__sitegen/status").body))


class EventStream:
    """Reads `/__sitegen/events` over a plain socket; `next_event` returns (kind, data)."""

    def __init__(self, port: int, since: int | None = None) -> None:
        path = "/__sitegen/events" + (f"?since={since}" if since is not None else "")
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        self.file = self.sock.makefile("rb")
        status_line = self.file.readline().decode()
        assert status_line.split()[1] == "200", status_line
        headers = {}
        while (line := self.file.readline().decode().strip()):
            key, _, value = line.partition(":")
            headers[key.lower()] = value.strip()
        assert headers["content-type"].startswith("text/event-stream"), headers

    def next_event(self, timeout: float = 30) -> tuple[str, dict[str, Any]]:
        """The next event (comments and keep-alives skipped). Raises TimeoutError."""
        deadline = time.monotonic() + timeout
        kind, data = "message", ""
        while time.monotonic() < deadline:
            self.sock.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                raw = self.file.readline()
            except TimeoutError:
                break
            if raw == b"":
                raise ConnectionError("event stream closed")
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event: "):
                kind = line[len("event: "):]
            elif line.startswith("data: "):
                data += line[len("data: "):]
            elif line == "" and data:
                return kind, dict(json.loads(data))
        raise TimeoutError("no event within the timeout")

    def wait_for(self, kinds: set[str], timeout: float = 60) -> tuple[str, dict[str, Any]]:
        """Skip events until one of `kinds` arrives."""
        deadline = time.monotonic() + timeout
        while True:
            kind, data = self.next_event(max(0.1, deadline - time.monotonic()))
            if kind in kinds:
                return kind, data

    def close(self) -> None:
        self.file.close()
        self.sock.close()
