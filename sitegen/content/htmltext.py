"""The plain text of an HTML fragment, with a map from text offsets back into the HTML.

Extraction reads the text; the pages link people and anchor quotes in place by
mapping text offsets back to positions inside the HTML's text nodes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

#: Tags that end a block: their end separates paragraphs in the text.
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre table tr td th dl dt dd "
    "figure figcaption section article aside header footer hr br".split()
)
#: Tags whose content is not prose.
SKIP_TAGS = frozenset(("script", "style", "template"))

_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<[^>]*>", re.S)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9]*)")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of HTML: markup (`text is None`) or one text node, decoded."""

    html: str
    text: str | None
    text_start: int  # offset of this node's text in the full text
    open_tags: tuple[str, ...]  # enclosing tag names, outermost first


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    pieces: tuple[Piece, ...]


def html_to_text(fragment: str) -> HtmlText:
    """Split `fragment` into markup and text nodes; blocks are separated by a blank line."""
    pieces: list[Piece] = []
    out: list[str] = []
    length = 0
    stack: list[str] = []
    pending_break = False
    pos = 0

    def add_text(raw: str) -> None:
        nonlocal length, pending_break
        decoded = html.unescape(raw)
        between_blocks = not decoded.strip() and (pending_break or not length)
        if between_blocks or any(t in SKIP_TAGS for t in stack) or not decoded:
            pieces.append(Piece(raw, None, length, tuple(stack)))
            return
        if pending_break and length:
            out.append("\n\n")
            length += 2
        # Cleared even before the first text: else the next inline node of the first
        # paragraph ("<p>Hello <em>x</em>") would start a new block.
        pending_break = False
        if "pre" not in stack:
            # Soft line breaks inside a paragraph are spaces to a reader; same length,
            # so offsets still map one-to-one onto the node's decoded text.
            decoded = decoded.replace("\n", " ")
        pieces.append(Piece(raw, decoded, length, tuple(stack)))
        out.append(decoded)
        length += len(decoded)

    for m in _TOKEN.finditer(fragment):
        if m.start() > pos:
            add_text(fragment[pos : m.start()])
        tag = m.group()
        pieces.append(Piece(tag, None, length, tuple(stack)))
        name_m = _TAG_NAME.match(tag)
        if name_m:
            name = name_m.group(1).lower()
            if tag.startswith("</"):
                if name in stack:
                    del stack[len(stack) - 1 - stack[::-1].index(name) :]
            elif not tag.endswith("/>") and name not in ("br", "hr", "img", "input", "meta"):
                stack.append(name)
            if name in BLOCK_TAGS:
                pending_break = True
        pos = m.end()
    if pos < len(fragment):
        add_text(fragment[pos:])
    return HtmlText("".join(out), tuple(pieces))


#: Elements inside which a link may not go, and inside which no wrapper may go.
LINK_BLOCKERS = frozenset(("a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"))
WRAP_BLOCKERS = frozenset(("code", "pre", "script", "style", "template"))


def may_wrap(tag: str, open_tags: tuple[str, ...]) -> bool:
    """Whether text inside `open_tags` may go in a `tag` (a link: not in <a>, headings, code)."""
    blockers = LINK_BLOCKERS if tag == "a" else WRAP_BLOCKERS
    return not any(t in blockers for t in open_tags)


def linkable_ranges(body_html: str) -> tuple[tuple[int, int], ...]:
    """Text ranges where a link may go (outside <a>, headings, code), adjacent ones joined."""
    ranges: list[tuple[int, int]] = []
    for piece in html_to_text(body_html).pieces:
        if piece.text is None or not may_wrap("a", piece.open_tags):
            continue
        start, end = piece.text_start, piece.text_start + len(piece.text)
        if ranges and ranges[-1][1] == start:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return tuple(ranges)
