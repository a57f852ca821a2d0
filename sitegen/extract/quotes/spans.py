"""Quoted spans found in raw text: the marks, not the meaning.  (pure text, no model)

Owns deciding which quotation marks open and close a quotation, for straight
and curly, double and single marks. Works on the raw article text alone, so
it needs no annotations and is tested without spaCy. Deciding whether a span
reproduces somebody's words (and whose) is the job of `find`.

Rules, and why:
- A mark's role comes from its neighbours: an opening mark follows a space or
  an opening bracket and precedes a word; a closing mark follows a word and
  precedes a space or punctuation. Curly marks carry a direction, but copy
  often has them the wrong way round, so context wins when it is clear.
- A paragraph that ends inside a quotation and a next paragraph that starts
  with an opening mark are one quotation (the old convention for quotes that
  run over paragraphs); the break and the inner mark stay in the text.
- An opening mark met inside a quotation right after the end of a sentence is
  the same convention with the paragraph break lost; it stays in the text.
- A quotation still open when its paragraph ends (and is not continued) ends
  with the paragraph, so an odd number of marks never loses the article.
- Single marks are quotation marks only when they open before a word and
  close after one; apostrophes inside words (don't, Ukraine’s, I'Anson),
  elisions ('em, '90s) and unmatched marks are left alone.
- `find_quote_spans` returns only the outermost spans: a quotation inside a
  quotation is part of the outer one's words. `find_nested_spans` finds the
  quotations inside each outer one, marked with the other kind of mark
  ("He said, 'Go,' and we went" inside double marks, and the reverse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_DOUBLE_ANY = '"' + _DOUBLE_OPEN + _DOUBLE_CLOSE
_SINGLE_OPEN = "‘‚"
_SINGLE_CLOSE = "’"
_SINGLE_ANY = "'" + _SINGLE_OPEN + _SINGLE_CLOSE

_BEFORE_OPEN = "([{—–-/" + _DOUBLE_ANY
_AFTER_CLOSE = ".,;:!?)]}—–-…" + _DOUBLE_ANY + _SINGLE_ANY
_SENTENCE_END = ".?!…"
#: Words that start with an apostrophe in informal English: never quote openers.
_ELISION = re.compile(r"(?:em|n|cause|cos|til|tis|twas|bout|round|s)\b|\d\ds?\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n")
#: A single-mark quotation longer than this is more likely two stray apostrophes.
_MAX_SINGLE_LEN = 400


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Offsets of a quotation's words (marks excluded) and of its marks."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None when the paragraph ended the quotation
    single: bool = False


def mark_role(text: str, i: int, single: bool = False) -> Role:
    """Whether the quotation mark at text[i] opens, closes, could do either, or is no mark."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    opens = (prev.isspace() or prev in _BEFORE_OPEN) and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSE)
    ch = text[i]
    if single:
        if prev.isalnum() and nxt.isalnum():
            return Role.NONE  # an apostrophe inside a word
        if opens and _ELISION.match(text, i + 1):
            return Role.NONE
        if opens and not closes:
            return Role.OPEN
        return Role.CLOSE if closes and not opens else Role.NONE
    if opens and not closes:
        return Role.CLOSE if ch in _DOUBLE_CLOSE and nxt in _AFTER_CLOSE else Role.OPEN
    if closes and not opens:
        return Role.OPEN if ch in _DOUBLE_OPEN and prev in _BEFORE_OPEN else Role.CLOSE
    if ch in _DOUBLE_OPEN:
        return Role.OPEN
    if ch in _DOUBLE_CLOSE:
        return Role.CLOSE
    return Role.EITHER


def _paragraph_end(text: str, i: int) -> int:
    """End of the paragraph holding text[i], trailing whitespace excluded."""
    m = _PARAGRAPH_BREAK.search(text, i)
    end = m.start() if m else len(text)
    while end > i and text[end - 1].isspace():
        end -= 1
    return end


def _after_sentence_end(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 0 and text[j] in _SENTENCE_END


def _starts_paragraph(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    return j < 0 or text[j] == "\n"


def _scan(text: str, marks: str, single: bool) -> list[QuoteSpan]:
    """Pair the marks of one kind (double or single) into spans, paragraph-aware."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    since = 0  # where to look for a paragraph break inside the open quotation
    for i, ch in enumerate(text):
        if ch not in marks:
            continue
        role = mark_role(text, i, single)
        if role is Role.NONE:
            continue
        if open_at is not None and "\n" in text[since:i]:
            if _starts_paragraph(text, i) and role in (Role.OPEN, Role.EITHER):
                since = i
                continue  # a quotation running on into the next paragraph
            if not single:
                spans.append(QuoteSpan(open_at + 1, _paragraph_end(text, since), open_at, None))
            open_at = None
        if open_at is None:
            if role in (Role.OPEN, Role.EITHER):
                open_at = since = i
        elif role in (Role.CLOSE, Role.EITHER):
            if not single or i - open_at <= _MAX_SINGLE_LEN:
                spans.append(QuoteSpan(open_at + 1, i, open_at, i, single))
            open_at = None
        elif not (_after_sentence_end(text, i) and not single):
            open_at = since = i  # the earlier mark was stray; this one opens
    if open_at is not None and not single:
        spans.append(QuoteSpan(open_at + 1, _paragraph_end(text, since), open_at, None))
    return [s for s in spans if s.end > s.start and text[s.start : s.end].strip()]


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Outermost quoted spans of `text`, in order of their start."""
    spans = _scan(text, _DOUBLE_ANY, False) + _scan(text, _SINGLE_ANY, True)
    spans.sort(key=lambda s: (s.open_mark, -s.end))
    out: list[QuoteSpan] = []
    for span in spans:
        if out and span.open_mark < (out[-1].close_mark or out[-1].end):
            continue  # inside (or tangled with) the previous outer span
        out.append(span)
    return out


def find_nested_spans(text: str, outer: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quotations inside the outer spans, marked with the other kind of mark."""
    out: list[QuoteSpan] = []
    for span in outer:
        inner = text[span.start : span.end]
        single = not span.single
        marks = _SINGLE_ANY if single else _DOUBLE_ANY
        if not any(c in marks for c in inner):
            continue
        for s in _scan(inner, marks, single):
            if s.close_mark is None:
                continue  # an inner quotation always closes inside the outer one
            base = span.start
            out.append(QuoteSpan(s.start + base, s.end + base, s.open_mark + base,
                                 s.close_mark + base, single))
    return out
