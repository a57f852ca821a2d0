"""Quotations nested inside quotations, and who is reported as saying them.

Needs: sentences, POS tags, dependency parse, and `People` (through `resolve`).

A speaker who reports somebody else's words inside a quotation ("Coach told
us, 'Get stops,' and we did") gives a second quotation: GUIDELINES count
every span that reproduces someone's words. Rules:
- Only a nested span with a reporting verb next to it inside the outer
  quotation counts (the verb before it in its sentence, else one right after
  a span ending in a comma or question mark); a quoted word with no verb is
  a scare quote or a title and is left alone.
- The verb's subject names the speaker: "I"/"we" is the outer quotation's
  speaker, a name or he/she resolves as any subject does, a bare role noun
  ("Coach told us") is the person whose role ends in that noun (the one
  named nearest when several do), and
  anything else is an unnamed source ("a mother").
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from sitegen.extract.quotes.resolve import Who
from sitegen.extract.quotes.sources import role_holder
from sitegen.extract.verbs import is_active_reporting

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sitegen.extract.quotes.resolve import Resolver
    from sitegen.extract.quotes.spans import QuoteSpan

_FIRST_PERSON = frozenset({"i", "we"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


class NestedAttributor:
    """Speakers of nested quotations in one Doc."""

    def __init__(self, doc: Doc, text: str, resolver: Resolver) -> None:
        self.doc = doc
        self.text = text
        self.resolver = resolver
        self.starts = [t.idx for t in doc]

    def _token(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def attribute(self, span: QuoteSpan, outer: QuoteSpan, outer_who: Who) -> Who | None:
        """Who said the nested `span`, or None when it is not reported speech."""
        verb = self._verb(span, outer)
        if verb is None:
            return None
        subj = _subject(verb)
        if subj is None:
            return None
        if subj.lower_ in _FIRST_PERSON:
            return outer_who
        if self.resolver.people.person_at(subj.i) is None and not any(
                c.dep_ == "det" for c in subj.children):
            holder = role_holder(self.resolver.people, subj, subj.idx)
            if holder is not None:
                return Who(holder)
        return self.resolver.resolve(subj, span.open_mark)

    def _verb(self, span: QuoteSpan, outer: QuoteSpan) -> Token | None:
        first, last = self._token(span.open_mark), self._token(span.end)
        lo = max(self._token(outer.start), self.doc[first].sent.start)
        before = [t for t in self.doc[lo:first] if is_active_reporting(t)]
        if before:
            return before[-1]
        if self.text[span.end - 1 : span.end] not in ",?!":
            return None
        hi = min(self._token(outer.end - 1) + 1, self.doc[last].sent.end)
        return next((t for t in self.doc[last + 1 : hi] if is_active_reporting(t)), None)

def _subject(verb: Token) -> Token | None:
    """The verb's subject, or its head's for "kept telling myself" (climbing a little)."""
    tok = verb
    for _ in range(3):
        subj = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is not None or tok.dep_ not in ("xcomp", "advcl", "conj") or tok.head is tok:
            return subj
        tok = tok.head
    return None


