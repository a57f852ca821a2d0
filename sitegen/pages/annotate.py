"""Wrap ranges of an article's text in markup, inside the HTML's text nodes only.

Offsets are into `html_to_text(body_html).text` (which is `Article.text`).
The rules, so that the article's words and markup always survive:

- Only text nodes change; tags, comments and untouched text nodes are copied
  byte for byte. A changed text node is re-escaped with `html.escape(quote=False)`.
- A span that crosses an element boundary is split into one wrapper per text
  node ("<em>Tony</em> Blair" gives two links). Its `id` goes on the first
  wrapper only, so anchors stay unique.
- Spans must nest. One that crosses a span given before it is dropped, and so
  is a link overlapping an earlier link. For equal ranges, the span given first
  is outermost.
- Links (`a`) are never put inside an existing <a>, a heading or code; other
  wrappers are never put inside code or pre. Those parts are left as they are.
"""

from __future__ import annotations

import bisect
import html
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sitegen.content.htmltext import Piece, html_to_text, may_wrap
from sitegen.model import ArticleLinks

log = logging.getLogger(__name__)

_NAME = re.compile(r"[a-z][a-z0-9-]*\Z")


@dataclass(frozen=True, slots=True)
class Span:
    """Wrap text offsets [start, end) in `<tag attrs>...</tag>`. Attribute values are raw."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not _NAME.match(self.tag) or not all(_NAME.match(k) for k, _ in self.attrs):
            raise ValueError(f"not a safe tag or attribute name: {self.tag!r} {self.attrs!r}")


def annotate_html(body_html: str, spans: Iterable[Span]) -> str:
    """`body_html` with each span wrapped, following the module's rules."""
    doc = html_to_text(body_html)
    kept = _nested(spans, len(doc.text))
    if not kept:
        return body_html
    out: list[str] = []
    next_span = 0
    active: list[int] = []
    opened: set[int] = set()  # spans whose first wrapper (the one with the id) is out
    for piece in doc.pieces:
        if piece.text is None:
            out.append(piece.html)
            continue
        node_end = piece.text_start + len(piece.text)
        while next_span < len(kept) and kept[next_span].start < node_end:
            active.append(next_span)
            next_span += 1
        active = [i for i in active if kept[i].end > piece.text_start]
        here = [i for i in active if may_wrap(kept[i].tag, piece.open_tags)]
        if here:
            out.append(_wrap_node(piece, kept, here, opened))
        else:
            out.append(piece.html)
    return "".join(out)


def _nested(spans: Iterable[Span], text_length: int) -> list[Span]:
    """Spans in document order (outer before inner). A span that crosses one given before
    it, or a link that overlaps an earlier link, is dropped: the caller lists what matters
    most first. Accepted spans are kept sorted by start, so each new span is checked only
    against those that could overlap it (starting within the longest span's length)."""
    starts: list[int] = []
    accepted: list[tuple[Span, int]] = []  # parallel to `starts`
    longest = 0
    for n, span in enumerate(spans):
        if not 0 <= span.start < span.end <= text_length:
            continue
        lo = bisect.bisect_left(starts, span.start - longest)
        hi = bisect.bisect_left(starts, span.end)
        clash = next((a for a, _ in accepted[lo:hi] if _crosses(a, span) or (
            a.tag == span.tag == "a" and a.start < span.end and span.start < a.end)), None)
        if clash is not None:
            log.debug("span %r crosses %r; not wrapped", span, clash)
            continue
        at = bisect.bisect_right(starts, span.start)
        starts.insert(at, span.start)
        accepted.insert(at, (span, n))
        longest = max(longest, span.end - span.start)
    accepted.sort(key=lambda sn: (sn[0].start, -sn[0].end, sn[1]))
    return [span for span, _ in accepted]


def _crosses(a: Span, b: Span) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def _wrap_node(piece: Piece, kept: Sequence[Span], here: list[int], opened: set[int]) -> str:
    text = piece.text or ""
    base = piece.text_start
    out: list[str] = []
    stack: list[tuple[str, int]] = []  # (tag, local end)
    pos = 0
    for i in here:  # already outer-before-inner, in text order
        span = kept[i]
        start, end = max(span.start - base, 0), min(span.end - base, len(text))
        while stack and stack[-1][1] <= start:
            tag, stop = stack.pop()
            out.append(html.escape(text[pos:stop], quote=False) + f"</{tag}>")
            pos = stop
        out.append(html.escape(text[pos:start], quote=False) + _open_tag(span, i not in opened))
        opened.add(i)
        stack.append((span.tag, end))
        pos = start
    while stack:
        tag, stop = stack.pop()
        out.append(html.escape(text[pos:stop], quote=False) + f"</{tag}>")
        pos = stop
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def _open_tag(span: Span, first: bool) -> str:
    attrs = "".join(
        f' {name}="{html.escape(value, quote=True)}"'
        for name, value in span.attrs if first or name != "id"
    )
    return f"<{span.tag}{attrs}>"


def spans_for_article(links: ArticleLinks, person_href: Callable[[str], str]) -> list[Span]:
    """The spans of one article page: quotes, numbers (titled with what they measure), then
    person links (innermost).

    `person_href(person_id)` gives the relative URL of a person's page.
    """
    spans = [Span(q.start, q.end, "span", (("id", q.id), ("class", "quote")))
             for q in links.quotes]
    spans += [Span(n.start, n.end, "data",
                   (("id", n.id), ("class", "number"), ("value", _number_value(n.value)),
                    *((("title", n.label),) if n.label else ())))
              for n in links.numbers]
    spans += [Span(m.start, m.end, "a", (("class", "person"), ("href", person_href(m.person_id))))
              for m in links.links]
    return spans


def _number_value(value: float) -> str:
    """A machine-readable value: "5000", not "5000.0" or "5e+03"."""
    return str(int(value)) if value.is_integer() else repr(value)
