"""Whole statements and fragments: '"We want Tomahawks also."' against 'calling the talks
"productive"'.

A quote is a whole statement when it reads as a sentence on its own: it
starts with a capital letter (or a digit) and holds a clause with its own
subject, by the parse. The second part of an interrupted statement ('"A," he
said, "but B."') needs no capital. Anything else ("productive", "tantamount to abortion on
demand", "strengthen the suspicion that ...") is a fragment of the reporter's
sentence, and is shown inside that sentence for context.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitegen.extract.key.evidence import SUBJECT_DEPS, Evidence
from sitegen.model import QuoteFound

if TYPE_CHECKING:
    from spacy.tokens import Span

#: Dependents that make a clause: a subject, an expletive "there/it", a clausal subject.
CLAUSE_SUBJECTS = SUBJECT_DEPS | {"expl", "csubj", "csubjpass"}
#: Heads of a clause: verbs and auxiliaries ("That's what he said": 's is the head).
CLAUSE_HEADS = frozenset({"VERB", "AUX"})


#: At most this many characters of attribution between the parts of an interrupted quote.
INTERRUPTION_CHARS = 60
_SENTENCE_END = frozenset(".!?")


def is_statement(text: str, span: Span | None, continued: bool = False) -> bool:
    """Whether the quote `text` (whose tokens are `span`) is a whole statement; `continued`
    says it goes on from a statement that an attribution interrupted."""
    first = next((c for c in text if c.isalnum()), "")
    if not first or span is None or not (continued or first.isupper() or first.isdigit()):
        return False
    return any(t.dep_ in CLAUSE_SUBJECTS and t.head.pos_ in CLAUSE_HEADS
               and span.start <= t.head.i < span.end for t in span)


def whole_statements(ev: Evidence, quotes: Sequence[QuoteFound]) -> list[bool]:
    """For each quote, whether it is a whole statement."""
    order = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
    whole = [False] * len(quotes)
    previous: int | None = None
    for i in order:
        q = quotes[i]
        continued = previous is not None and whole[previous] and interrupted(
            ev.text, quotes[previous], q)
        whole[i] = is_statement(q.text, ev.span(q.start, q.end), continued)
        previous = i
    return whole


def interrupted(text: str, before: QuoteFound, after: QuoteFound) -> bool:
    """Whether `after` goes on from `before` across a short attribution, by the same speaker
    and within one sentence: '"A," he said, "but B."'."""
    gap = text[before.end:after.start]
    return (before.speaker == after.speaker and before.source == after.source
            and 0 < len(gap) <= INTERRUPTION_CHARS
            and before.text.rstrip()[-1:] not in _SENTENCE_END
            and not any(c in _SENTENCE_END for c in gap.strip(" \"'“”‘’")))


def fragment_context(ev: Evidence, start: int, end: int) -> str:
    """The sentence(s) of the article around a fragment at text[start:end]."""
    first, last = ev.sentence_of(start), ev.sentence_of(max(start, end - 1))
    s = ev.sentence_starts[first]
    e = ev.sentence_starts[last + 1] if last + 1 < len(ev.sentence_starts) else len(ev.text)
    return ev.text[s:e].strip()
