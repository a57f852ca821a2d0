"""Quotes: quoted spans that reproduce someone's words, with their speakers.

Needs: sentences, POS tags, dependency parse, entities, and `People`.

Spans come from the raw text (`spans`), so the parse never decides
where a quotation starts or ends. This module drops spans that quote nobody
(GUIDELINES: titles of works, nicknames, words mentioned as words, glosses)
and hands the rest to `speakers` for attribution:
- a nickname sits between two parts of a name: Earvin "Magic" Johnson;
- a title or a name is all capitalised words: "Celebrity Big Brother", or
  one to three of them modifying a noun: its "Skyline" chip;
- a gloss or a name follows "known as", "dubbed", "titled", "the word",
  ", or" ("Tous, or "digital television for all""), or a kind of work
  ("the film", "her new album").
Short phrases with no reporting verb are kept: in news copy a quoted phrase
almost always reproduces somebody's words ("the "real opposition""), except a
lower-case word or two modifying a noun in a sentence that names nobody and
has no reporting verb: a scare quote (paying a "temporary" levy).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitegen.extract.quotes.nested import NestedAttributor
from sitegen.extract.quotes.spans import QuoteSpan, find_nested_spans, find_quote_spans
from sitegen.extract.quotes.speakers import Attributor
from sitegen.extract.verbs import REPORTING_VERBS
from sitegen.model import QuoteFound

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitegen.extract.people.collect import People

_NAMING_BEFORE = re.compile(
    r"(?:\b(?:known|referred to|described|billed|marketed|branded) as|\bdubbed|\bnicknamed"
    r"|\b(?:en)?titled|\bso-called|\bthe (?:word|words|phrase|term|slogan|motto|title|name)"
    r"|\b(?:a|an|the)\s+\w+\s+(?:called|named)|,\s*or|\(or"

    r"|\b(?:is|are|was|were|be|been|being)\s+(?:called|named|known as)(?:\s+(?:a|an|the))?)\s*$",
    re.IGNORECASE,
)
#: A kind of work before a capitalised quotation: its title ('the film "Back Home."').
_WORK_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|their|its)\s+(?:\w+\s+)?(?:film|movie|book|novel|song|album"
    r"|play|musical|opera|poem|painting|series|show|programme|program|documentary|podcast"
    r"|exhibition)\s*$", re.IGNORECASE)
_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’.-]*|of|the|and|a|an|in|on|at|to|for|or|&|-|:")
_NAME_PIECE = re.compile(r"[A-Z][\w'’.-]*")


def _all_capitalised(text: str) -> bool:
    """'Celebrity Big Brother', 'Get Me Out Of Here': a title or name, not speech."""
    words = text.strip(" ,.!?").split()
    return bool(words) and len(words) <= 8 and words[0][:1].isupper() and all(
        _TITLE_WORD.fullmatch(w) for w in words) and not text.rstrip().endswith((".", "!", "?"))


def _names_a_thing(text: str, span: QuoteSpan, inner: str) -> bool:
    """'its "Skyline" chip': capitalised words modifying the lower-case noun after them."""
    if span.close_mark is None or not _all_capitalised(inner) or len(inner.split()) > 3:
        return False
    after = text[span.close_mark + 1 : span.close_mark + 30]
    return after[:1] == " " and (after.split() or [""])[0].isalpha() and after[1:2].islower()


def is_quotation(text: str, span: QuoteSpan) -> bool:
    """Whether a quoted span reproduces someone's words (pure text rules)."""
    inner = text[span.start : span.end]
    before = text[max(0, span.open_mark - 40) : span.open_mark]
    if _NAMING_BEFORE.search(before) or sum(c.isalnum() for c in inner) < 2:
        return False
    if _all_capitalised(inner) and len(inner.split()) > 1:
        return False
    if _names_a_thing(text, span, inner) or (inner[:1].isupper() and _WORK_BEFORE.search(before)):
        return False
    if span.close_mark is not None and len(inner.split()) <= 2:
        prev_word = (before.split() or [""])[-1]
        next_word = (text[span.close_mark + 1 : span.close_mark + 40].split() or [""])[0]
        next_word = next_word.rstrip(",.;:!?)")  # "Marcus "Money" Bell, who scored"
        if (_NAME_PIECE.fullmatch(prev_word) and prev_word[-1].isalpha()
                and _NAME_PIECE.fullmatch(next_word) and inner[:1].isupper()):
            return False  # a nickname inside a name
    return True


def _scare_quote(doc: Doc, people: People, span: QuoteSpan) -> bool:
    """'paying a "temporary" tax': a lower-case word or two used as a modifier inside a
    noun phrase, in a sentence with no reporting verb, no named person and no pronoun or
    name as its subject (who could be the one quoted), quotes nobody."""
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or not 1 <= len(words) <= 2 or not all(t.is_lower for t in words):
        return False
    head = words[-1].head
    if not (words[-1].dep_ in ("amod", "compound", "nmod") and head.i > words[-1].i
            and head.pos_ in ("NOUN", "PROPN")):
        return False
    sent = words[0].sent
    subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ in ("PRON", "PROPN"):
        return False  # 'It expects "aggressive" rate cuts': a firm's or a speaker's words
    return not any(t.lower_ in REPORTING_VERBS or people.person_at(t.i) is not None
                   for t in sent)


def _spans(doc: Doc, people: People, found: list[QuoteSpan]) -> list[QuoteSpan]:
    text = people.text or doc.text
    return [s for s in found if is_quotation(text, s) and not _scare_quote(doc, people, s)]


def find_quotes(doc: Doc, people: People) -> tuple[QuoteFound, ...]:
    """Every quotation in `doc`, in text order, attributed where the text says who;
    quotations nested in others too, when a verb inside reports them."""
    text = people.text or doc.text
    spans = _spans(doc, people, find_quote_spans(text))
    if not spans:
        return ()
    attributor = Attributor(doc, people, spans, text)
    whos = attributor.attribute()
    found = list(zip(spans, whos, strict=True))
    nested = NestedAttributor(doc, text, attributor.resolver)
    for outer, who in list(found):
        for span in _spans(doc, people, find_nested_spans(text, [outer])):
            inner = nested.attribute(span, outer, who)
            if inner is not None:
                found.append((span, inner))
    found.sort(key=lambda f: f[0].start)
    out = []
    for span, who in found:
        speaker = people.found[who.speaker].name if who.speaker is not None else None
        out.append(QuoteFound(text[span.start : span.end], span.start, span.end, speaker,
                              None if speaker else who.source))
    return tuple(out)
