"""The default theme in real Chromium from 320 px to a desktop, on every page type.

No page scrolls sideways at any width; on a phone the article's panel repeats none of
the quotes just listed above it; the desktop header is one row; running text keeps to
80 characters a line; the header's and footer's links have names no other link shares
on its way elsewhere; article and story pages print without the nav, links as text.
Screenshots of every page type at 375 and 1280 px go to test-artifacts/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.a11y.checks import MAX_LINE_CHARS, longest_line, overflow, shared_link_names, visible
from tests.a11y.sites import AXE_WIDTHS, BY_NAME, PAGE_TYPES, WIDTHS, PageType
from tests.browser import ARTIFACTS, BROWSER_MARKS, screenshot

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.a11y.conftest import BuiltSite

pytestmark = [*BROWSER_MARKS, pytest.mark.model]


def open_page(page: Page, sites: dict[str, BuiltSite], kind: PageType, width: int) -> None:
    """Load the page for `kind` at `width`, with the theme's stylesheet applied and, on the
    search page, the results shown."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(sites[kind.site].page_url(kind))
    styled = "getComputedStyle(document.documentElement).getPropertyValue('--measure')"
    assert page.evaluate(styled), "the theme's stylesheet did not load"
    if kind.query:
        page.wait_for_function("document.getElementById('search-status').textContent !== ''")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGE_TYPES, ids=lambda k: k.name)
def test_a11y_layout_no_page_scrolls_sideways(page: Page, theme_sites: dict[str, BuiltSite],
                                              kind: PageType, width: int) -> None:
    open_page(page, theme_sites, kind, width)
    if width in AXE_WIDTHS:
        screenshot(page, f"theme-{kind.name}-{width}.png", full_page=True)
    got = overflow(page)
    assert got["clipped"] == [], "html/body must not hide what overflows: nothing may overflow"
    excess = got["scrollWidth"] - got["innerWidth"]
    assert excess <= 0, (
        f"{kind.name} at {width} px scrolls sideways by {excess} px; wider: {got['wide']}")


@pytest.mark.parametrize("kind", PAGE_TYPES, ids=lambda k: k.name)
def test_a11y_layout_running_text_keeps_to_a_readable_measure(
    page: Page, theme_sites: dict[str, BuiltSite], kind: PageType
) -> None:
    open_page(page, theme_sites, kind, 1280)
    worst = longest_line(page, "main p, main li, main blockquote, main dd")
    assert worst["chars"] <= MAX_LINE_CHARS, f"{worst['chars']} characters: {worst['text']!r}"


@pytest.mark.parametrize("kind", PAGE_TYPES, ids=lambda k: k.name)
def test_a11y_layout_site_links_have_names_of_their_own(
    page: Page, theme_sites: dict[str, BuiltSite], kind: PageType
) -> None:
    open_page(page, theme_sites, kind, 1280)
    assert page.locator(".site-footer a[href$='.json']").count() == 3
    assert shared_link_names(page) == []


def test_a11y_layout_article_panel_repeats_no_quote_on_a_phone(
    page: Page, theme_sites: dict[str, BuiltSite]
) -> None:
    kind = BY_NAME["article"]
    listed = ".who-said a[href*='#q-']"
    in_panel = ".panel a[href*='#q-']"
    open_page(page, theme_sites, kind, 1280)
    key_quotes = visible(page, in_panel)
    assert key_quotes, "beside the article, the panel shows its key quotes"
    assert set(key_quotes) <= set(visible(page, listed)), "every key quote is also listed"
    open_page(page, theme_sites, kind, 375)
    assert visible(page, listed), "on a phone the article still lists who said what"
    assert visible(page, in_panel) == [], "the panel under it must not list them again"
    assert page.locator(".panel h2").first.is_visible(), "the rest of the panel stays"


@pytest.mark.parametrize("kind", [BY_NAME["home"], BY_NAME["search"]], ids=lambda k: k.name)
def test_a11y_layout_desktop_header_is_one_row(page: Page, theme_sites: dict[str, BuiltSite],
                                               kind: PageType) -> None:
    open_page(page, theme_sites, kind, 1280)
    parts = [".site-title", ".site-header nav", ".site-header .search"]
    boxes = [page.locator(p).bounding_box() for p in parts if page.locator(p).count()]
    middles = [b["y"] + b["height"] / 2 for b in boxes if b is not None]
    assert len(middles) == len(boxes) >= 2
    assert max(middles) - min(middles) < 8, f"title, nav and search sit on one row: {boxes}"


def test_a11y_layout_phone_search_box_spans_the_header(
    page: Page, theme_sites: dict[str, BuiltSite]
) -> None:
    open_page(page, theme_sites, BY_NAME["home"], 320)
    form = page.locator(".site-header .search").bounding_box()
    header = page.locator(".site-header").bounding_box()
    assert form is not None and header is not None
    assert form["width"] >= header["width"] - 2 * 24, "a full-width search box on a phone"


@pytest.mark.parametrize("name", ["article-pasted", "story"])
def test_a11y_layout_prints_without_nav_and_with_links_as_text(
    page: Page, theme_sites: dict[str, BuiltSite], name: str
) -> None:
    kind = BY_NAME[name]
    open_page(page, theme_sites, kind, 1280)
    page.emulate_media(media="print")
    for hidden in (".site-header nav", ".site-header .search", ".site-footer"):
        assert not page.locator(hidden).is_visible(), f"{hidden} is not printed"
    links = page.eval_on_selector_all("main a[href]", """els => els.map(a => {
        const s = getComputedStyle(a), after = getComputedStyle(a, '::after').content;
        return {text: a.textContent, href: a.href, color: s.color, line: s.textDecorationLine,
                after: after, parent: getComputedStyle(a.parentElement).color};
    })""")
    assert links, "the page has links"
    for link in links:
        assert link["line"] == "none", f"printed as text, not underlined: {link}"
        assert link["color"] == link["parent"], f"printed in the text's colour: {link}"
    outside = [link for link in links if link["href"].startswith("https://example.com/")]
    if kind.site == "extras":
        assert len(outside) >= 2, "the source link and the body's link to the council"
    for link in outside:
        assert link["href"] in link["after"], f"a link off the site prints its address: {link}"
    clipped = page.eval_on_selector_all(
        ".scroll-box", "els => els.filter(e => e.scrollWidth > e.clientWidth).length")
    assert clipped == 0, "paper cannot scroll: a wide table must fit the page"
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / f"theme-{name}-print.pdf"))
