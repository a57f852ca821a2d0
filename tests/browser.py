"""Real headless Chromium for the tests, driven by Playwright.

Debian's `/usr/bin/chromium` is launched with the flags this project runs it
with (no browser is downloaded). Tests get a `page` fixture (see conftest)
whose console errors, uncaught exceptions and failed loads are recorded, and
save screenshots under `test-artifacts/` (gitignored, kept by CI).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page, Playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

#: Marks for every browser test: skipped, with the reason, where Chromium is absent.
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed"),
]


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=list(CHROMIUM_FLAGS))


class PageErrors:
    """Console errors, uncaught exceptions and failed requests seen by one page."""

    def __init__(self, page: Page) -> None:
        self.seen: list[str] = []
        page.on("console", lambda m: self.seen.append(f"console: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.seen.append(f"exception: {e}"))
        page.on("requestfailed", lambda r: self.seen.append(f"failed: {r.url} {r.failure}"))


def screenshot(page: Page, name: str, full_page: bool = False) -> Path:
    """Save a PNG of the page under test-artifacts/ and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    page.screenshot(path=str(target), full_page=full_page)
    return target


def click_middle(locator: Locator) -> None:
    """A real mouse click in the middle of an element.

    Playwright's default point is a few pixels inside the first line box; on a
    link whose text starts with a generated quotation mark (`<q>` inside `<a>`)
    Chromium hit-tests that point to the parent paragraph, so the click would
    miss the link.
    """
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not visible"
    locator.click(position={"x": box["width"] / 2, "y": box["height"] / 2})
