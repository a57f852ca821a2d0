"""axe-core (the pinned npm package, injected into the page) finds nothing on any page type
at phone and desktop widths: every WCAG 2.x A, AA and AAA rule and best practice, with the
AAA contrast rule (7:1) enabled, in the light colour scheme; the colour rules again in the
dark one (the others do not depend on the colours)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.a11y.sites import AXE_JS, AXE_WIDTHS, INSTALL_HINT, PAGE_TYPES, PageType
from tests.a11y.test_a11y_layout import open_page
from tests.browser import BROWSER_MARKS

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from tests.a11y.conftest import BuiltSite

pytestmark = [
    *BROWSER_MARKS, pytest.mark.model,
    pytest.mark.skipif(not AXE_JS.is_file(), reason=f"{AXE_JS} is missing: {INSTALL_HINT}"),
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag2aaa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
COLOUR_RULES = ["color-contrast", "color-contrast-enhanced", "link-in-text-block"]

_RUN = """async ([type, values]) => {
  const result = await axe.run(document, {
    runOnly: {type: type, values: values},
    rules: {'color-contrast-enhanced': {enabled: true}},
    resultTypes: ['violations'],
  });
  const ran = [...result.passes, ...result.violations, ...result.incomplete].map(r => r.id);
  return {
    version: axe.version, ran: ran,
    violations: result.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(
      n => n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 240))})),
  };
}"""


def axe(page: Any, scheme: str) -> dict[str, Any]:
    page.add_script_tag(path=str(AXE_JS))
    only = ["tag", AXE_TAGS] if scheme == "light" else ["rule", COLOUR_RULES]
    result: dict[str, Any] = page.evaluate(_RUN, only)
    return result


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", AXE_WIDTHS)
@pytest.mark.parametrize("kind", PAGE_TYPES, ids=lambda k: k.name)
def test_a11y_axe_finds_nothing(browser: Browser, theme_sites: dict[str, BuiltSite],
                                kind: PageType, width: int, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        open_page(page, theme_sites, kind, width)
        result = axe(page, scheme)
    finally:
        context.close()
    assert "color-contrast-enhanced" in result["ran"], f"axe {result['version']} ran no AAA check"
    report = [f"{v['id']} ({v['help']}): {node}"
              for v in result["violations"] for node in v["nodes"]]
    assert report == [], "\n".join(report)
