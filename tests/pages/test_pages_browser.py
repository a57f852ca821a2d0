"""A real headless Chromium reads the built site: from disk and served under a sub-path.

Home page -> a person -> one of their quotes, at its anchor in the article ->
the search box. No console errors, no failed loads. Screenshots go to
test-artifacts/ (gitignored).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from sitegen.build import build
from sitegen.config import load_config
from sitegen.extract.runner import Extractor
from tests.browser import BROWSER_MARKS, PageErrors, click_middle, screenshot

if TYPE_CHECKING:
    from playwright.sync_api import Page

SITE = Path(__file__).parent.parent / "sites" / "people"

pytestmark = [*BROWSER_MARKS, pytest.mark.model]


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


def _walk(page: Page, errors: PageErrors, home: str, label: str) -> None:
    """Home -> most mentioned person -> their first quote in context -> search."""
    page.goto(home)
    styled = "getComputedStyle(document.documentElement).getPropertyValue('--measure')"
    assert page.evaluate(styled), "the stylesheet did not load"
    screenshot(page, f"pages-{label}-1-home.png")

    page.locator("#people + ol a").first.click()
    page.wait_for_url("**/people/jane-holloway/index.html")
    assert page.inner_text("h1") == "Jane Holloway"
    assert page.evaluate("document.querySelector('img.portrait').naturalWidth") == 8
    screenshot(page, f"pages-{label}-2-person.png")

    click_middle(page.locator("a.quote-link").first)
    page.wait_for_url(re.compile(r"/articles/repair-budget/index\.html#q-1$"))
    target = page.evaluate("document.querySelector(':target').textContent")
    assert target == "The harbour is the heart of this town,"
    screenshot(page, f"pages-{label}-3-quote.png")

    page.fill("#site-search", "holloway")
    page.click("form.search button")
    page.wait_for_url("**/search/index.html*")
    first = page.locator("#search-results a").first
    assert first.inner_text() == "Jane Holloway"
    page.fill("#q", "heart town")
    page.wait_for_function("document.getElementById('search-status').textContent"
                           ".startsWith('2 results for \u201cheart town')")
    quote = page.locator('#search-results a[href*="#q-"]').first
    assert quote.get_attribute("href") == "../articles/repair-budget/index.html#q-1"
    assert quote.inner_text().startswith("\u201cThe harbour is the heart")
    screenshot(page, f"pages-{label}-4-search.png")
    click_middle(quote)
    page.wait_for_url(re.compile(r"/articles/repair-budget/index\.html#q-1$"))
    page.wait_for_load_state("load")
    assert errors.seen == []


def test_pages_browser_walk_from_disk(page: Page, page_errors: PageErrors, output: Path) -> None:
    _walk(page, page_errors, (output / "index.html").as_uri(), "file")


def test_pages_browser_walk_under_sub_path(page: Page, page_errors: PageErrors,
                                           sub_path_url: str) -> None:
    _walk(page, page_errors, sub_path_url + "index.html", "sub")
    page.goto(sub_path_url)  # the bare folder URL works too
    assert page.inner_text("h1") == "Eastport explainers"
