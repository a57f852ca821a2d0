"""What the theme tests measure in the page, as small scripts run in Chromium."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

#: WCAG 1.4.8 (AAA): lines of running text no longer than 80 characters.
MAX_LINE_CHARS = 80

#: Elements wider than the viewport, for the message when a page scrolls sideways.
_OVERFLOW = """() => {
  const doc = document.documentElement, out = [];
  const style = (el) => getComputedStyle(el).overflowX;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > innerWidth + 0.5) {
      const cls = typeof el.className === 'string' ? el.className.trim() : '';
      out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
               (cls ? '.' + cls.split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right));
    }
  }
  return {scrollWidth: doc.scrollWidth, innerWidth: innerWidth,
          clipped: [style(doc), style(document.body)].filter(v => v === 'hidden' || v === 'clip'),
          wide: out.slice(0, 8)};
}"""

#: The most characters on one line of each element matched, and where.
_LINE_CHARS = """(selector) => {
  let worst = {chars: 0, text: ''};
  const range = document.createRange();
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let lineTop = null, count = 0, line = '';
    const close = () => { if (count > worst.chars) worst = {chars: count, text: line}; };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        if (lineTop === null || rect.top > lineTop + rect.height / 2) {
          close(); lineTop = rect.top; count = 0; line = '';
        }
        count += 1; line += node.data[i];
      }
    }
    close();
  }
  return worst;
}"""

#: Links in the site's header and footer whose name another link on the page shares
#: while going somewhere else (WCAG 2.4.9: the name alone tells where a link goes).
_SHARED_NAMES = """() => {
  const name = (a) => (a.getAttribute('aria-label') || a.textContent)
    .trim().replace(/\\s+/g, ' ').toLowerCase();
  const target = (a) => a.href;
  const all = [...document.querySelectorAll('a[href]')];
  const chrome = [...document.querySelectorAll('.site-header a[href], .site-footer a[href]')];
  const out = [];
  for (const a of chrome) {
    for (const b of all) {
      if (a !== b && name(a) === name(b) && target(a) !== target(b)) {
        out.push(`"${name(a)}": ${target(a)} vs ${target(b)}`);
      }
    }
  }
  return [...new Set(out)];
}"""


def overflow(page: Page) -> dict[str, Any]:
    """scrollWidth, innerWidth, whether html/body hide their overflow, the widest elements."""
    result: dict[str, Any] = page.evaluate(_OVERFLOW)
    return result


def longest_line(page: Page, selector: str) -> dict[str, Any]:
    """{"chars": n, "text": the line} for the longest rendered line in `selector`."""
    result: dict[str, Any] = page.evaluate(_LINE_CHARS, selector)
    return result


def shared_link_names(page: Page) -> list[str]:
    found: list[str] = page.evaluate(_SHARED_NAMES)
    return found


def visible(page: Page, selector: str) -> list[str]:
    """The hrefs of the links matched by `selector` that are rendered (not display:none)."""
    found: list[str] = page.eval_on_selector_all(
        selector, "els => els.filter(e => e.getClientRects().length).map(e => e.href)")
    return found
