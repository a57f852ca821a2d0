"""Key numbers: the figures a story turns on, not its incidental counts.

Signals, each a named weight: what kind of figure it is (money, a rate, a
result, a measure, a large count; a small count of things is incidental); a
change or comparison, read from the parse (the number hangs from "by", "to"
or "from" under a verb, from a comparative, or from "up"/"down"); the subject
or object of a main-clause verb; the headline and the lead; the same figure
repeated. Ages are not key. A range's two ends are key together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitegen.extract.key.evidence import Evidence, figures_of, main_verb
from sitegen.extract.labels import range_ends
from sitegen.extract.numbers.units import CURRENCY_SIGNS, CURRENCY_WORDS, MEASURES, TIME_UNITS
from sitegen.model import NumberFound

if TYPE_CHECKING:
    from spacy.tokens import Token

#: At most this many key numbers per article (GUIDELINES "key").
MAX_KEY_NUMBERS = 3
#: Kinds of figure, by unit: money and rates are what news reports; a score is a result.
W_MONEY = 3.0
W_RATE = 3.0
W_RESULT = 3.0
W_MEASURE = 2.5
#: A span of time ("six years", "a 40-year low") says how long, rarely what the story is.
W_DURATION = 1.0
#: A count of things: large counts matter, small ones ("two leaders") are incidental.
W_LARGE_COUNT = 2.5
LARGE_COUNT = 1000
W_COUNT = 1.0
SMALL_COUNT = 10  # below this, a count of things adds nothing
#: Governed by a change or comparison ("rose by 5%", "from 24 weeks to 20", "5% higher").
W_CHANGE = 2.0
#: The subject or object of a main-clause verb: the sentence is about the figure.
W_MAIN = 1.0
#: In the headline; in the lead; early in the article (up to W_EARLY).
W_TITLE = 3.0
W_LEAD = 1.5
W_EARLY = 1.0
#: The same value written again elsewhere in the article.
W_REPEAT = 1.0
#: A key number scores at least this much: any sum of money or rate does on its own, a
#: small count in passing does not.
MIN_SCORE = 3.0
#: Prepositions that carry the size of a change when they hang from a verb.
CHANGE_PREPOSITIONS = frozenset({"by", "to", "from"})
#: Particles and adverbs of direction that a changed figure hangs from ("up 5%").
DIRECTIONS = frozenset({"up", "down"})
#: Comparative tags: "higher", "more", "faster".
COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
#: Object and subject labels that make a figure what a main clause is about.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "npadvmod"})
#: How far up the parse a change construction is looked for.
MAX_CLIMB = 4

_MONEY = frozenset(CURRENCY_SIGNS.values()) | frozenset(CURRENCY_WORDS.values())
_MEASURE = frozenset(short for _, short in MEASURES)
_RATE = frozenset({"%", "percentage points", "bp"})
_AGE = re.compile(r"-old\b|\baged?\b", re.I)


@dataclass(frozen=True, slots=True)
class NumberEvidence:
    kind: float  # the weight of its kind (money, rate, count...)
    change: bool
    main: bool
    in_title: bool
    in_lead: bool
    first: float
    repeated: bool
    age: bool

    @property
    def score(self) -> float:
        if self.age or not (self.kind or self.change or self.in_title):
            return 0.0  # an age, or a small count in passing ("the two leaders met")
        return (self.kind + W_CHANGE * self.change + W_MAIN * self.main
                + W_TITLE * self.in_title + W_LEAD * self.in_lead
                + W_EARLY * (1.0 - self.first) + W_REPEAT * self.repeated)


def kind_weight(number: NumberFound) -> float:
    """The weight of what kind of figure `number` is, from its unit and value."""
    unit = (number.unit or "").split(" per ")[0]
    if unit in _MONEY:
        return W_MONEY
    if unit in _RATE or unit.startswith("fraction") or 0 < number.value < 1:
        return W_RATE
    if unit == "score":
        return W_RESULT
    if unit in _MEASURE:
        return W_MEASURE
    if unit in TIME_UNITS:
        return W_DURATION
    if not unit:
        return 0.0  # a bare number: what it counts is not even written
    if number.value >= LARGE_COUNT:
        return W_LARGE_COUNT
    return W_COUNT if number.value >= SMALL_COUNT else 0.0


def changed(tok: Token) -> bool:
    """Whether the figure whose root is `tok` is the size of a change or a comparison."""
    for _ in range(MAX_CLIMB):
        head = tok.head
        if head is tok:
            return False
        if head.tag_ in COMPARATIVE_TAGS and tok.dep_ != "amod" and head.i > tok.i or (
                head.lower_ in DIRECTIONS and head.pos_ in ("ADV", "ADP", "PART")):
            return True  # "5% higher", "up 5%"; not "more than 5%", a hedge
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in CHANGE_PREPOSITIONS \
                and (head.head.pos_ == "VERB" or _from_to(head)):
            return True  # "rose by 5%", "a cut from 24 weeks to 20"
        if head.pos_ in ("VERB", "AUX"):
            return False
        tok = head
    return False


def _from_to(prep: Token) -> bool:
    """Whether a 'from' phrase has a 'to' phrase beside or inside it, or the other way round."""
    near = [*prep.children, *prep.head.children, prep.head]
    other = {"from": "to", "to": "from"}.get(prep.lower_)
    return other is not None and any(t.dep_ == "prep" and t.lower_ == other for t in near)


def is_main_argument(tok: Token) -> bool:
    """Whether the figure (or the noun it counts) is an argument of a main-clause verb."""
    for _ in range(MAX_CLIMB):
        if tok.dep_ in ARGUMENT_DEPS:
            head = tok.head.head if tok.dep_ == "pobj" else tok.head
            return head.pos_ in ("VERB", "AUX") and main_verb(head)
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def number_evidence(ev: Evidence, number: NumberFound,
                    numbers: Sequence[NumberFound]) -> NumberEvidence:
    span = ev.span(number.start, number.end)
    root = span.root if span is not None else None
    digits = figures_of(number.text)
    return NumberEvidence(
        kind=kind_weight(number),
        change=root is not None and changed(root),
        main=root is not None and is_main_argument(root),
        in_title=bool(digits & ev.title_figures),
        in_lead=ev.in_lead(number.start),
        first=ev.position(number.start),
        repeated=any(n.value == number.value and n.unit == number.unit
                     and n.start != number.start for n in numbers),
        age=bool(_AGE.search(ev.text, max(0, number.start - 6), number.end + 4)),
    )


def key_numbers(ev: Evidence, numbers: Sequence[NumberFound]) -> list[int]:
    """Indices into `numbers` of the key numbers, most important first. The other end of a
    key range is key too, in place of a weaker figure; a figure repeated is key once."""
    scores = [number_evidence(ev, n, numbers).score for n in numbers]
    for i, j in range_ends(ev.text, numbers):
        scores[i] = scores[j] = max(scores[i], scores[j])
    order = sorted(range(len(numbers)), key=lambda i: (-scores[i], numbers[i].start))
    chosen: list[int] = []
    for i in order:
        if len(chosen) == MAX_KEY_NUMBERS or scores[i] < MIN_SCORE:
            break
        if any(numbers[j].value == numbers[i].value and numbers[j].unit == numbers[i].unit
               for j in chosen):
            continue
        chosen.append(i)
    return chosen
