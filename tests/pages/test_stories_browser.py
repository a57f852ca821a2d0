"""A real headless Chromium reads a site with a story: from disk and under a sub-path.

Home -> the story -> its first key person -> one of their quotes at its anchor,
then the stories index and an article's related articles. No console errors,
no failed loads. Screenshots of each new page go to test-artifacts/.
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

SITE = Path(__file__).parent.parent / "sites" / "stories"

pytestmark = [*BROWSER_MARKS, pytest.mark.model]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    root = tmp_path_factory.mktemp("stories") / "site"
    shutil.copytree(SITE, root, ignore=shutil.ignore_patterns("expected"))
    build(load_config(root / "sitegen.toml"), extractor=extractor, strict=True)
    return root / "output"


@pytest.fixture(scope="module")
def sub_path_url(output: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site served by a plain http.server on 127.0.0.1 under /news/westhaven/."""
    served = tmp_path_factory.mktemp("served")
    shutil.copytree(output, served / "news" / "westhaven")
    handler = functools.partial(_QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/news/westhaven/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass


def _walk(page: Page, errors: PageErrors, home: str, label: str) -> None:
    page.goto(home)
    styled = "getComputedStyle(document.documentElement).getPropertyValue('--measure')"
    assert page.evaluate(styled), "the stylesheet did not load"

    page.locator("#stories + ul a").first.click()
    page.wait_for_url("**/topics/sea-wall/index.html")
    assert page.inner_text("h1") == "Westhaven's sea wall"
    assert "failed in a November storm" in page.inner_text(".intro")
    assert page.locator("#who + ul > li").count() == 2
    assert page.locator("#timeline + ol > li").count() == 2
    assert "repairs to the sea wall" in page.inner_text("aside.panel")
    screenshot(page, f"stories-{label}-1-story.png", full_page=True)

    page.locator("#who + ul > li a").first.click()
    page.wait_for_url("**/people/priya-shah/index.html")
    assert page.inner_text("h1") == "Priya Shah"
    assert page.locator('.stories a[href$="topics/sea-wall/index.html"]').count() == 1
    screenshot(page, f"stories-{label}-2-person.png", full_page=True)

    click_middle(page.locator("a.quote-link").first)
    page.wait_for_url(re.compile(r"/articles/[a-z-]+/index\.html#q-\d+$"))
    target = page.evaluate("document.querySelector(':target').textContent")
    assert target.strip(" ,.") in page.inner_text(".article .body")
    screenshot(page, f"stories-{label}-3-quote.png")
    related = page.locator("#related + ul a").first
    assert related.count() == 1, "the article ends with related articles"

    page.goto(home.replace("index.html", "") + "topics/index.html")
    assert page.locator("main ul.article-list > li").count() == 1
    screenshot(page, f"stories-{label}-4-stories.png")
    page.wait_for_load_state("load")
    assert errors.seen == []


def test_stories_browser_walk_from_disk(page: Page, page_errors: PageErrors,
                                        output: Path) -> None:
    _walk(page, page_errors, (output / "index.html").as_uri(), "file")


def test_stories_browser_walk_under_sub_path(page: Page, page_errors: PageErrors,
                                             sub_path_url: str) -> None:
    _walk(page, page_errors, sub_path_url + "index.html", "sub")
