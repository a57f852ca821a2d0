"""Fixtures for the preview server: a small real site in tmp_path, served on a free port.

The server runs in this process (threads) with the real Rebuilder and the
session's shared Extractor, so the spaCy pipeline loads once for all tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sitegen.config import load_config
from sitegen.extract import Extractor
from sitegen.serve import LiveServer, start_preview
from tests.conftest import write_tree
from tests.serve.helpers import request

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


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "site", SITE)


@pytest.fixture
def live(site: Path, extractor: Extractor) -> Iterator[LiveServer]:
    """The real preview (real build, real watcher, real HTTP) of `site` on a free port."""
    config = load_config(site / "sitegen.toml")
    server = start_preview(config, port=0, extractor=extractor)
    try:
        yield server
    finally:
        server.stop()


def edit(path: Path, text: str) -> None:
    """Write a file the way an editor saves it (content and mtime both change)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def wait_until(check: Callable[[], bool], timeout: float = 30, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def page_text(port: int, path: str) -> str:
    return request(port, path).text
