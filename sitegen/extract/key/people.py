"""Key people: the people an article is about, scored on what the text does with them.

Signals, each a named weight: named in the headline; named in the lead; the
subject of a main-clause verb (who acts, decides, says); quoted (speaks for a
side); named in many sentences (the story keeps coming back to them); named
early. Someone named once in passing, deep in the text, as the object of a
preposition scores little and is left out even when fewer than three remain.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sitegen.extract.key.evidence import Evidence, main_subject
from sitegen.lexicon.titles import is_honorific
from sitegen.model import PersonFound, QuoteFound

#: At most this many key people per article (GUIDELINES "key").
MAX_KEY_PEOPLE = 3
#: Named in the headline: the strongest single sign that the story is about them.
W_TITLE = 4.0
#: First named in the lead: the story opens with them.
W_LEAD = 2.0
#: Each time they are the subject of a main-clause verb (they act or speak) ...
W_SUBJECT = 1.0
#: ... counted up to this many times, so a long interview does not drown the rest.
SUBJECT_CAP = 4
#: Each quote attributed to them (they speak for a side), up to QUOTE_CAP quotes.
W_QUOTE = 0.5
QUOTE_CAP = 4
#: log2(1 + sentences naming them): repetition across the article, with diminishing returns.
W_SPREAD = 1.5
#: Named early: up to this much for a first mention at the very start, less further on.
W_EARLY = 1.0
#: A key person scores at least this much (one passing mention scores about 2) ...
MIN_SCORE = 3.0
#: ... and at least this share of the article's top score: a story about one person
#: does not gain two bystanders just because there is room.
MIN_SHARE = 0.15


@dataclass(frozen=True, slots=True)
class PersonEvidence:
    """What the text does with one person, as counts (the signals before weighting)."""

    in_title: bool
    in_lead: bool
    subjects: int  # mentions that are the subject of a main-clause verb
    quotes: int  # quotes attributed to them
    sentences: int  # distinct sentences that name them
    first: float  # position of the first mention, 0.0 (start) to 1.0 (end)

    @property
    def score(self) -> float:
        return (W_TITLE * self.in_title + W_LEAD * self.in_lead
                + W_SUBJECT * min(self.subjects, SUBJECT_CAP)
                + W_QUOTE * min(self.quotes, QUOTE_CAP)
                + W_SPREAD * math.log2(1 + self.sentences) + W_EARLY * (1.0 - self.first))


def person_evidence(ev: Evidence, person: PersonFound,
                    quotes: Sequence[QuoteFound]) -> PersonEvidence:
    """The signals of one person of the article."""
    mentions = sorted(person.mentions)
    subjects = 0
    for start, end in mentions:
        span = ev.span(start, end)
        if span is not None and main_subject(span.root):
            subjects += 1
    first = mentions[0][0] if mentions else len(ev.text)
    return PersonEvidence(
        in_title=any(ev.in_title(w) for w in name_words(person)),
        in_lead=bool(mentions) and ev.in_lead(first),
        subjects=subjects,
        quotes=sum(1 for q in quotes if q.speaker == person.name),
        sentences=len({ev.sentence_of(s) for s, _ in mentions}),
        first=ev.position(first),
    )


def name_words(person: PersonFound) -> set[str]:
    """The capitalised words of a person's names that are not titles ('Mr Blair' -> Blair)."""
    words: set[str] = set()
    for form in (person.name, *person.aliases):
        for word in form.split():
            if word[:1].isupper() and len(word) > 1 and not is_honorific(word):
                words.add(word)
    return words


def person_scores(ev: Evidence, people: Sequence[PersonFound],
                  quotes: Sequence[QuoteFound]) -> dict[str, float]:
    """Every person's score by name (the quote rules weigh a speaker by it)."""
    return {p.name: person_evidence(ev, p, quotes).score for p in people}


def choose_people(scores: Mapping[str, float]) -> list[str]:
    """The key people's names, most important first."""
    ranked = sorted(scores.items(), key=lambda ns: (-ns[1], ns[0]))
    if not ranked:
        return []
    floor = max(MIN_SCORE, MIN_SHARE * ranked[0][1])
    return [name for name, s in ranked[:MAX_KEY_PEOPLE] if s >= floor]
