"""mark_key: one article's people, quotes and numbers with the key ones marked.

Quotes also learn here whether they are whole statements: a fragment gets
the sentence around it as its `context`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from sitegen.extract.key.evidence import make_evidence
from sitegen.extract.key.numbers import key_numbers
from sitegen.extract.key.people import choose_people, person_scores
from sitegen.extract.key.quotes import key_quotes
from sitegen.extract.key.statements import fragment_context, whole_statements
from sitegen.model import Extraction, NumberFound

if TYPE_CHECKING:
    from spacy.tokens import Doc


def mark_key(doc: Doc, title: str | None, extraction: Extraction) -> Extraction:
    """`extraction` with `key` set on its key people, quotes and numbers, and `context` on
    its fragment quotes. `title` is the headline (None when there is none)."""
    ev = make_evidence(doc, title)
    scores = person_scores(ev, extraction.people, extraction.quotes)
    key_names = set(choose_people(scores))
    people = tuple(replace(p, key=True) if p.name in key_names else p
                   for p in extraction.people)
    whole = whole_statements(ev, extraction.quotes)
    key = set(key_quotes(ev, extraction.quotes, scores, whole))
    quotes = tuple(replace(q, key=i in key, context=None if whole[i] else fragment_context(
        ev, q.start, q.end)) for i, q in enumerate(extraction.quotes))
    numbers = _numbers(extraction.numbers, set(key_numbers(ev, extraction.numbers)))
    return Extraction(people=people, quotes=quotes, numbers=numbers)


def _numbers(numbers: Sequence[NumberFound], key: set[int]) -> tuple[NumberFound, ...]:
    return tuple(replace(n, key=True) if i in key else n for i, n in enumerate(numbers))

