"""A real headless Chromium on the preview: the page reloads itself after an edit, shows a
broken build as an overlay and swaps a changed stylesheet without reloading.

Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import base64
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.serve import LiveServer
from tests.serve.cdp import DevTools
from tests.serve.conftest import edit
from tests.serve.helpers import free_port

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed"),
]


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[DevTools]:
    port = free_port()
    proc = subprocess.Popen(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'chromium'}",
         f"--remote-debugging-port={port}", "--window-size=1000,800", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        tools = DevTools(port)
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


def poll(tools: DevTools, expression: str, timeout: float = 30) -> object:
    """Evaluate until the value is truthy; returns it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = tools.evaluate(expression)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"still false after {timeout}s: {expression}")


def screenshot(tools: DevTools, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    data = tools.call("Page.captureScreenshot", format="png")["data"]
    target = ARTIFACTS / name
    target.write_bytes(base64.b64decode(data))
    return target


def _open(tools: DevTools, live: LiveServer, path: str, text: str) -> None:
    tools.call("Page.navigate", url=f"http://127.0.0.1:{live.port}{path}")
    poll(tools, f"document.readyState === 'complete' && document.body.innerText.includes({text!r})")
    poll(tools, "window.__sitegen !== undefined")


def test_browser_reloads_by_itself_after_an_edit(browser: DevTools, live: LiveServer,
                                                 site: Path) -> None:
    _open(browser, live, "/articles/port-strike/", "Port strike ends")
    browser.evaluate("window.__beforeEdit = true")
    article = site / "content/articles/port-strike.md"
    edit(article, article.read_text() + "\nDockers returned to work on Monday morning.\n")
    poll(browser, "document.body.innerText.includes('Dockers returned to work on Monday')")
    assert browser.evaluate("window.__beforeEdit === undefined")  # a real reload happened
    assert screenshot(browser, "serve-reload.png").stat().st_size > 1000


def test_browser_shows_build_errors_over_the_page_and_clears_them(
        browser: DevTools, live: LiveServer, site: Path) -> None:
    _open(browser, live, "/articles/budget-vote/", "Budget vote delayed")
    article = site / "content/articles/budget-vote.md"
    good = article.read_text()
    edit(article, "---\ntitle: [unclosed\n---\nBody\n")
    overlay = "(document.getElementById('__sitegen-overlay') || {}).innerText || ''"
    text = str(poll(browser, f"{overlay}.includes('budget-vote.md:') && {overlay}"))
    assert "YAML" in text
    assert "Budget vote delayed" in str(browser.evaluate("document.body.innerText"))
    screenshot(browser, "serve-error-overlay.png")
    edit(article, good)
    poll(browser, "document.getElementById('__sitegen-overlay') === null")


def test_browser_swaps_a_changed_stylesheet_without_reloading(
        browser: DevTools, live: LiveServer, site: Path) -> None:
    epoch = live.hub.epoch()
    edit(site / "templates/base.html",
         '{% extends "default/base.html" %}\n'
         '{% block head %}<link rel="stylesheet" href="{{ rel(\'style.css\') }}">{% endblock %}\n')
    deadline = time.monotonic() + 30
    while live.hub.epoch() == epoch and time.monotonic() < deadline:
        time.sleep(0.05)  # the template's own rebuild must not count as the reload
    _open(browser, live, "/articles/river-report/", "River levels fall")
    browser.evaluate("window.__beforeEdit = true")
    edit(site / "static/style.css", "body { background: rgb(1, 2, 3) !important; }\n")
    poll(browser, "getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)'")
    assert browser.evaluate("window.__beforeEdit === true")  # swapped in place, no reload
