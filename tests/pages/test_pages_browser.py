"""A real headless Chromium reads the built site: from disk and served under a sub-path.

Home page -> a person -> one of their quotes, at its anchor in the article ->
the search box. No console errors, no failed loads. Screenshots go to
test-artifacts/ (gitignored). Uses the DevTools client of tests/serve/cdp.py.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import build
from sitegen.config import load_config
from sitegen.extract import Extractor
from tests.serve.cdp import DevTools
from tests.serve.helpers import free_port

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SITE = Path(__file__).parent.parent / "sites" / "people"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed"),
]


class RecordingDevTools(DevTools):
    """DevTools that keeps the events it reads past (console calls, exceptions, log entries)."""

    def __init__(self, debug_port: int) -> None:
        super().__init__(debug_port)
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        ident = self._next_id
        self.ws.send_text(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv_text())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            if "method" in message:
                self.events.append(message)

    def errors(self) -> list[str]:
        """Every console error, uncaught exception and failed load seen so far."""
        found: list[str] = []
        for event in self.events:
            params = event.get("params", {})
            if event["method"] == "Runtime.exceptionThrown":
                found.append(str(params["exceptionDetails"]))
            elif event["method"] == "Runtime.consoleAPICalled" and params["type"] == "error":
                found.append(str(params["args"]))
            elif event["method"] == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"{params['entry'].get('url')}: {params['entry']['text']}")
        return found


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    root = tmp_path_factory.mktemp("browser") / "site"
    shutil.copytree(SITE, root, ignore=shutil.ignore_patterns("expected"))
    build(load_config(root / "sitegen.toml"), extractor=extractor)
    return root / "output"


@pytest.fixture(scope="module")
def sub_path_url(output: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site served by a plain http.server at http://127.0.0.1:<port>/sub/."""
    served = tmp_path_factory.mktemp("served")
    shutil.copytree(output, served / "sub")
    handler = functools.partial(_QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sub/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[RecordingDevTools]:
    port = free_port()
    proc = subprocess.Popen(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'chromium'}",
         f"--remote-debugging-port={port}", "--window-size=1100,900", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        tools = RecordingDevTools(port)
        for domain in ("Page", "Runtime", "Log"):
            tools.call(f"{domain}.enable")
        try:
            yield tools
        finally:
            tools.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def poll(tools: DevTools, expression: str, timeout: float = 20) -> Any:
    """Evaluate until the value is truthy; returns it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = tools.evaluate(expression)
        except RuntimeError:  # the page navigated while being asked: ask the new one
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"still false after {timeout}s: {expression}")


def screenshot(tools: DevTools, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    data = tools.call("Page.captureScreenshot", format="png")["data"]
    (ARTIFACTS / name).write_bytes(base64.b64decode(data))


def _loaded(tools: DevTools, path_end: str) -> None:
    poll(tools, f"location.pathname.endsWith({path_end!r}) && document.readyState === 'complete'")


def _walk(tools: RecordingDevTools, home: str, label: str) -> None:
    """Home -> most mentioned person -> their first quote in context -> search."""
    tools.call("Page.navigate", url=home)
    _loaded(tools, "/index.html")
    header = "getComputedStyle(document.querySelector('.site-header')).display"
    assert tools.evaluate(header) == "flex", "the stylesheet did not load"
    screenshot(tools, f"pages-{label}-1-home.png")

    tools.evaluate("document.querySelector('#people + ol a').click()")
    _loaded(tools, "/people/jane-holloway/index.html")
    assert tools.evaluate("document.querySelector('h1').textContent") == "Jane Holloway"
    assert tools.evaluate("document.querySelector('img.portrait').naturalWidth") == 8
    screenshot(tools, f"pages-{label}-2-person.png")

    tools.evaluate("document.querySelector('a.quote-link').click()")
    _loaded(tools, "/articles/repair-budget/index.html")
    assert poll(tools, "location.hash") == "#q-1"
    target = tools.evaluate("document.querySelector(':target').textContent")
    assert target == "The harbour is the heart of this town,"
    screenshot(tools, f"pages-{label}-3-quote.png")

    tools.evaluate("document.getElementById('site-search').value = 'holloway';"
                   "document.querySelector('form.search button').click()")
    _loaded(tools, "/search/index.html")
    first = poll(tools, "document.querySelector('#search-results a')?.textContent")
    assert first == "Jane Holloway"
    tools.evaluate("var q = document.getElementById('q'); q.value = 'heart town';"
                   "q.dispatchEvent(new Event('input'))")
    poll(tools, "document.getElementById('search-status').textContent"
                ".startsWith('2 results for \u201cheart town')")
    quote = "document.querySelector('#search-results a[href*=\"#q-\"]')"
    assert poll(tools, f"{quote}?.getAttribute('href')") == (
        "../articles/repair-budget/index.html#q-1")
    assert tools.evaluate(f"{quote}.textContent").startswith("\u201cThe harbour is the heart")
    screenshot(tools, f"pages-{label}-4-search.png")
    tools.evaluate(f"{quote}.click()")
    _loaded(tools, "/articles/repair-budget/index.html")
    tools.call("Runtime.evaluate", expression="1")  # read the events still in flight
    assert tools.errors() == []


def test_pages_browser_walk_from_disk(browser: RecordingDevTools, output: Path) -> None:
    _walk(browser, (output / "index.html").as_uri(), "file")


def test_pages_browser_walk_under_sub_path(browser: RecordingDevTools, sub_path_url: str) -> None:
    _walk(browser, sub_path_url + "index.html", "sub")
    browser.call("Page.navigate", url=sub_path_url)  # the bare folder URL works too
    poll(browser, "document.readyState === 'complete' && document.title")
    assert browser.evaluate("document.querySelector('h1').textContent") == "Eastport explainers"
