"""A real headless Chromium on the preview: the page reloads itself after an edit, shows a
broken build as an overlay and swaps a changed stylesheet without reloading.

Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sitegen.serve.server import LiveServer
from tests.browser import BROWSER_MARKS, screenshot
from tests.helpers import edit

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [*BROWSER_MARKS, pytest.mark.model]


def _open(page: Page, live: LiveServer, path: str, text: str) -> None:
    page.goto(f"http://127.0.0.1:{live.port}{path}")
    page.get_by_text(text).first.wait_for()
    page.wait_for_function("window.__sitegen !== undefined")


def test_browser_reloads_by_itself_after_an_edit(page: Page, live: LiveServer,
                                                 site: Path) -> None:
    _open(page, live, "/articles/port-strike/", "Port strike ends")
    page.evaluate("window.__beforeEdit = true")
    article = site / "content/articles/port-strike.md"
    edit(article, article.read_text() + "\nDockers returned to work on Monday morning.\n")
    page.wait_for_function("document.body.innerText.includes('Dockers returned to work on Monday')")
    assert page.evaluate("window.__beforeEdit === undefined")  # a real reload happened
    assert screenshot(page, "serve-reload.png").stat().st_size > 1000


def test_browser_shows_build_errors_over_the_page_and_clears_them(
        page: Page, live: LiveServer, site: Path) -> None:
    _open(page, live, "/articles/budget-vote/", "Budget vote delayed")
    article = site / "content/articles/budget-vote.md"
    good = article.read_text()
    edit(article, "---\ntitle: [unclosed\n---\nBody\n")
    overlay = page.locator("#__sitegen-overlay")
    overlay.get_by_text("budget-vote.md:").first.wait_for()
    assert "YAML" in overlay.inner_text()
    assert "Budget vote delayed" in page.inner_text("body")
    screenshot(page, "serve-error-overlay.png")
    edit(article, good)
    overlay.wait_for(state="detached")


def test_browser_swaps_a_changed_stylesheet_without_reloading(
        page: Page, live: LiveServer, site: Path) -> None:
    epoch = live.hub.epoch()
    edit(site / "templates/base.html",
         '{% extends "default/base.html" %}\n'
         '{% block head %}<link rel="stylesheet" href="{{ rel(\'style.css\') }}">{% endblock %}\n')
    deadline = time.monotonic() + 30
    while live.hub.epoch() == epoch and time.monotonic() < deadline:
        time.sleep(0.05)  # the template's own rebuild must not count as the reload
    _open(page, live, "/articles/river-report/", "River levels fall")
    page.evaluate("window.__beforeEdit = true")
    edit(site / "static/style.css", "body { background: rgb(1, 2, 3) !important; }\n")
    page.wait_for_function("getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)'")
    assert page.evaluate("window.__beforeEdit === true")  # swapped in place, no reload
