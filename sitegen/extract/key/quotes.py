"""Key quotes: the quotes a reader should see if they read no others.

Signals, each a named weight: a whole statement rather than a fragment; said
by a named person, the more central the better (their key-people score);
else by a described source ("a spokesman"); in the lead or early; long
enough to say something; sharing words with the headline. Chosen greedily,
so that no two say the same thing (content-word overlap) and each further
quote by the same speaker counts for a little less.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sitegen.extract.key.evidence import Evidence
from sitegen.model import QuoteFound

#: At most this many key quotes per article (GUIDELINES "key").
MAX_KEY_QUOTES = 3
#: A whole statement: the guidelines put these before fragments.
W_STATEMENT = 3.0
#: Said by a named person ...
W_NAMED = 1.0
#: ... plus up to this much by how central they are (their score over the top score).
W_SPEAKER = 2.0
#: Said by a described, unnamed source ("a spokesman for the club").
W_SOURCE = 0.5
#: In the lead, and (up to) for coming early.
W_LEAD = 1.5
W_EARLY = 1.0
#: Up to this much for length, reached at LENGTH_FULL words: a longer statement says more.
W_LENGTH = 1.0
LENGTH_FULL = 20
#: Sharing at least TITLE_SHARED content words with the headline.
W_TITLE = 1.5
TITLE_SHARED = 2
#: Two quotes that share this much of their content words (of both together) say the
#: same thing.
REDUNDANT_OVERLAP = 0.5
#: Each quote already chosen from the same speaker multiplies the next one's score by this:
#: a story's sides each get their say.
SAME_SPEAKER = 0.7
#: A key quote scores at least this much (a fragment by nobody in particular does not).
MIN_SCORE = 2.0


@dataclass(frozen=True, slots=True)
class QuoteEvidence:
    """What makes one quote worth showing, before weighting."""

    statement: bool
    speaker_share: float | None  # the speaker's score over the top person score; None: unnamed
    sourced: bool  # no named speaker, but a described source
    in_lead: bool
    first: float  # position in the article, 0.0 to 1.0
    words: int
    title_shared: int  # content words shared with the headline
    content: frozenset[str]  # its content words, lower-cased, for redundancy

    @property
    def score(self) -> float:
        speaker = (W_NAMED + W_SPEAKER * self.speaker_share if self.speaker_share is not None
                   else W_SOURCE * self.sourced)
        return (W_STATEMENT * self.statement + speaker + W_LEAD * self.in_lead
                + W_EARLY * (1.0 - self.first) + W_LENGTH * min(self.words, LENGTH_FULL)
                / LENGTH_FULL + W_TITLE * (self.title_shared >= TITLE_SHARED))


def quote_evidence(ev: Evidence, quote: QuoteFound, people: Mapping[str, float],
                   statement: bool) -> QuoteEvidence:
    """The signals of one quote; `people` maps each person's name to their key score,
    `statement` says whether it is a whole statement."""
    span = ev.span(quote.start, quote.end)
    tokens = list(span) if span is not None else []
    content = frozenset(t.lower_ for t in tokens if t.is_alpha and not t.is_stop)
    top = max(people.values(), default=0.0)
    share = None
    if quote.speaker is not None and quote.speaker in people:
        share = people[quote.speaker] / top if top > 0 else 0.0
    title = {w.lower() for w in ev.title_words}
    return QuoteEvidence(
        statement=statement,
        speaker_share=share,
        sourced=bool(quote.source),
        in_lead=ev.in_lead(quote.start),
        first=ev.position(quote.start),
        words=sum(1 for t in tokens if t.is_alpha),
        title_shared=len(content & title),
        content=content,
    )


def key_quotes(ev: Evidence, quotes: Sequence[QuoteFound], people: Mapping[str, float],
               statements: Sequence[bool]) -> list[int]:
    """Indices into `quotes` of the key quotes, most important first; `statements` says
    which quotes are whole statements."""
    found = [(i, quote_evidence(ev, q, people, whole))
             for i, (q, whole) in enumerate(zip(quotes, statements, strict=True))]
    chosen: list[int] = []
    said: dict[str | None, int] = {}
    while len(chosen) < MAX_KEY_QUOTES:
        best: tuple[float, int] | None = None
        for i, qe in found:
            if i in chosen or any(_same_thing(qe, found[j][1]) for j in chosen):
                continue
            speaker = quotes[i].speaker
            score = qe.score * SAME_SPEAKER ** said.get(speaker, 0) if speaker else qe.score
            if score >= MIN_SCORE and (best is None or score > best[0]):
                best = (score, i)
        if best is None:
            break
        chosen.append(best[1])
        said[quotes[best[1]].speaker] = said.get(quotes[best[1]].speaker, 0) + 1
    return chosen


def _same_thing(a: QuoteEvidence, b: QuoteEvidence) -> bool:
    both = len(a.content | b.content)
    return both > 0 and len(a.content & b.content) / both >= REDUNDANT_OVERLAP
