"""Numbers: numeric facts with value, unit (or counted noun) and sentence.

Reading numbers out of the text is the job of `scan.scan`, a regex pass that
does not depend on how spaCy tokenized "£7.4m". This module decides which of
them state a fact and what they count, and needs from the Doc: sentence
boundaries (parser), POS tags and dependency labels (to find the counted
noun: "three Foreign Office officials"), and entity labels (to drop numbers
inside names: "Channel 4", "Boeing 747").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy

from sitegen.extract.numbers import context as ctx
from sitegen.extract.numbers.nouns import counted_noun, partitive_noun, word_text
from sitegen.extract.numbers.ranges import is_year
from sitegen.extract.numbers.scan import Quantity, scan
from sitegen.extract.numbers.units import TIME_UNITS
from sitegen.model import NumberFound

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Entity labels of names; a number inside one (not leading it) is part of the name.
NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW", "PERSON",
                         "GPE", "LOC", "NORP", "LANGUAGE"})
#: Nouns after "A-B" that make it a score or odds rather than a range.
SCORE_NOUNS = frozenset({"win", "wins", "victory", "victories", "defeat", "defeats", "loss",
                         "losses", "draw", "lead", "vote", "votes", "margin", "majority",
                         "decision", "ruling", "favourite", "favorite", "odds", "record",
                         "scoreline", "result", "thrashing", "triumph", "count", "tally"})
_NOT_COUNT_ONE = frozenset({"no", "any", "every", "each", "the", "this", "that", "another",
                            "which", "what", "someone", "anyone"})

#: Web copy puts no-break and thin spaces inside numbers ("15\u00a0per cent") and
#: no-break hyphens in compounds; the rules read them as plain ones, one character for one.
_PLAIN = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
                        "\u2011": "-"})

#: Nouns after "one" that make an idiom of time or manner, not a count ...
_IDIOM_NOUNS = frozenset({"point", "stage", "time", "way", "hand", "day", "night", "morning",
                          "evening", "afternoon", "thing"})
#: ... unless a word before it says it counts: "for one day", "only one way".
_COUNTING_BEFORE = frozenset({"for", "within", "only", "just", "than", "over", "under", "about",
                              "least", "most", "exactly", "in"})


class _Index:
    """Character offsets -> tokens and sentences of one Doc, built once per Doc.

    Reads token offsets and sentence starts as arrays: creating a Python Token
    per word would cost more than all the rules together.
    """

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text  # doc.text rebuilds the string on every access
        # spaCy gives uint64; searching it with a Python int would cast the whole
        # array to float on every call, so make it int64 once.
        self.starts = doc.to_array("IDX").astype(numpy.int64)
        first = doc.to_array("SENT_START") == 1 if doc.has_annotation("SENT_START") else None
        sent_tokens = numpy.flatnonzero(first) if first is not None else numpy.array([0])
        self.sent_starts = self.starts[sent_tokens] if len(doc) else numpy.array([0])

    def token_at(self, char: int) -> Token | None:
        i = int(numpy.searchsorted(self.starts, char, side="right")) - 1
        return self.doc[i] if i >= 0 else None

    def token_from(self, char: int) -> Token | None:
        """The first token starting at or after `char`."""
        i = int(numpy.searchsorted(self.starts, char, side="left"))
        return self.doc[i] if i < len(self.doc) else None

    def sentence(self, char: int) -> str:
        i = max(0, int(numpy.searchsorted(self.sent_starts, char, side="right")) - 1)
        s = int(self.sent_starts[i]) if len(self.sent_starts) else 0
        e = int(self.sent_starts[i + 1]) if i + 1 < len(self.sent_starts) else len(self.text)
        return self.text[s:e].strip()


def find_numbers(doc: Doc) -> tuple[NumberFound, ...]:
    """Every numeric fact in the Doc, in text order."""
    raw = doc.text
    text = raw.translate(_PLAIN)  # same length: offsets stay valid for `raw`
    index = _Index(doc, raw)
    found: list[tuple[Quantity, str | None, int] | None] = []
    quantities = _expand_scores(text, index, scan(text))
    for q in quantities:
        found.append(_read(text, index, q))
    _share_links(text, quantities, found)
    out: list[NumberFound] = []
    kept = [item for item in found if item is not None]
    for k, (q, unit, end) in enumerate(kept):
        if k + 1 < len(kept) and end > kept[k + 1][0].start:
            end = q.end  # "one in 13 of the 48 million cards": stop before the next number
        start = q.start if q.kind == "score" else ctx.prefix_start(text, q.start)
        out.append(NumberFound(raw[start:end], float(q.value), unit,
                               index.sentence(q.start), start, end))
    return tuple(out)


def _expand_scores(text: str, index: _Index, qs: list[Quantity]) -> list[Quantity]:
    """'10-15 years' is a range of two numbers; '24-18', '5-2 favourite', '2-1 win' are scores."""
    out: list[Quantity] = []
    for q in qs:
        nxt = index.token_from(q.end) if q.kind == "score" else None
        counts = (nxt is not None and text[q.end:nxt.idx].strip() == ""
                  and (nxt.tag_ == "NNS" or nxt.lower_ in TIME_UNITS)
                  and nxt.lower_ not in SCORE_NOUNS)
        if q.kind == "score" and q.parts[0].value < q.parts[1].value and (
                counts or ctx.before_range(text, q.start)):
            out.append(replace(q.parts[0], link=len(out) + 1))
            out.append(q.parts[1])
        else:
            out.append(q)
    return out


def _read(text: str, index: _Index, q: Quantity) -> tuple[Quantity, str | None, int] | None:
    """(quantity, unit, end of its text) if `q` states a fact, else None."""
    if q.kind not in ("amount", "fraction", "score"):
        return None  # ordinals, decades, year ranges
    if q.kind == "score":
        return None if ctx.is_date(text, q.start, q.end) else (q, "score", q.end)
    if q.unit is not None:
        return q, q.unit, q.end
    if _not_a_fact(text, index, q):
        return None
    after = index.token_from(q.end)
    noun = counted_noun(after, text, q.end)
    head = noun or partitive_noun(after, text, q.end)
    if _is_pronoun_one(text, q, noun):
        return None
    if head is None:
        bare_name = q.integer_digits is not None and ctx.names_when_bare(text, q.start)
        return None if (is_year(q) or bare_name) else (q, None, q.end)
    unit = word_text(head) if q.kind != "fraction" else f"fraction of {word_text(head)}"
    if head.lower_ in TIME_UNITS and (head.text[0].isupper() or ctx.says_when(
            text, q.start, head.idx + len(head))):
        return None  # "two years ago"; "60 Minutes", "28 Days Later" are titles
    if is_year(q) and (head.tag_ != "NNS" or ctx.after_determiner(text, q.start)):
        return None  # "the 2003 championships"; but "2000 people" counts
    return q, unit, head.idx + len(head)


def _not_a_fact(text: str, index: _Index, q: Quantity) -> bool:
    """Dates, clock times, labels and names: numbers that do not count anything."""
    if ctx.is_date(text, q.start, q.end) or ctx.is_clock(text, q.end):
        return True
    tok = index.token_at(q.start)
    if q.words and text[q.start].isupper() and (
            not ctx.starts_sentence(text, q.start)
            or (tok is not None and tok.ent_type_ in NAME_LABELS)):
        return True  # "the Six Nations", "Air Force One", "Henk Ten Cate"
    if q.integer_digits is None and not q.words:
        return False
    if ctx.is_label(text, q.start):
        return True  # "page 5", "the number eight"
    if tok is None:
        return False
    if tok.ent_type_ in NAME_LABELS and tok.ent_iob_ == "I":
        return True  # inside a name: "Channel 4", "Boeing 747"
    prev = tok.nbor(-1) if tok.i > 0 else None
    return bool(q.integer_digits is not None and prev is not None and prev.pos_ == "PROPN"
                and prev.text[:1].isupper() and not prev.whitespace_ == ""
                and not ctx.is_date(text, q.start, q.end) and prev.i + 1 == tok.i
                and not prev.is_sent_start)


def _is_pronoun_one(text: str, q: Quantity, noun: Token | None) -> bool:
    """'one of them', 'no one', 'one another', 'if one was': 'one' that counts nothing."""
    if not q.words or q.value != 1 or text[q.start:q.end].lower() != "one":
        return False
    if noun is None:
        return True
    before = text[max(0, q.start - 12):q.start].split()
    prev = before[-1].lower() if before else ""
    if noun.lower_ in _IDIOM_NOUNS and prev not in _COUNTING_BEFORE:
        return True  # "at one point", "one day he will", "on one hand"
    return prev in _NOT_COUNT_ONE


def _share_links(text: str, qs: list[Quantity],
                 found: list[tuple[Quantity, str | None, int] | None]) -> None:
    """The first of 'between 15,000 and 20,000 couples' counts couples too; 'two or three
    years ago' says when as a whole."""
    for i, q in enumerate(qs):
        item, j = found[i], q.link
        if j is None or j >= len(qs) or item is None or item[1] is not None:
            continue
        partner = found[j]
        if partner is None and qs[j].unit is None and qs[j].kind == "amount":
            found[i] = None  # its partner was dropped for saying when
        elif partner is not None:
            found[i] = (item[0], partner[1], item[2])
