"""Who said a quotation.  Needs: sentences, POS tags, dependency parse, and `People`.

Rules, in the order they are tried for each quotation:
1. The reporting verb the quotation hangs from in the parse ("said it was a
   "good deal"", "calling the talks "productive""), climbing a few heads.
2. A reporting verb next to the quotation: after it when the quotation ends
   with a comma or question mark ("...," he said / said Mr X), else the
   nearest one before it in its sentence (X said: "..."), else any after it.
   "according to X" counts as a verb whose subject is X.
3. No verb: a phrase quoted inside a narrative sentence goes to the person
   that sentence is about (its subject, else the first named), else nobody.
   A paragraph led by a name and a colon ('Marsh: "..."') is that person's
   (or that outlet's, unnamed: 'The Herald: "..."').
   A quotation that opens its paragraph and is followed straight away by
   another one takes that one's speaker; otherwise a person introduced as a
   subject since the last quotation ("X was keen to talk. "..."), else the
   previous quotation's speaker (multi-sentence and multi-paragraph quotes).
The verb's subject (climbing conj/advcl/xcomp for "adding that", "calling")
is resolved by `resolve.Resolver`: a named person, a pronoun or a definite
title ("the coach"), or else it becomes the unnamed `source`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitegen.extract.quotes.resolve import Resolver, Who
from sitegen.extract.quotes.sources import interview_label
from sitegen.extract.quotes.spans import QuoteSpan
from sitegen.extract.verbs import INVERTING_VERBS, is_active_reporting, is_reporting
from sitegen.lexicon.titles import is_honorific

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sitegen.extract.people.collect import People

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_SKIP_SUBJECTS = frozenset({"i", "you", "we", "one", "what", "this", "these", "those", "there"})
_RELATIVE = frozenset({"who", "which", "that"})
_OPENS_SENTENCE = frozenset('.?!:;"”’\'\n')  # before a mark that starts a sentence
_QUOTING = frozenset({"quoted", "quoting", "quotes", "quote", "cited", "citing"})
_CLIMB_DEPS = ("conj", "advcl", "xcomp", "ccomp", "acl", "relcl", "pcomp", "prep")


@dataclass
class _Quote:
    span: QuoteSpan
    first: int  # first token inside the marks
    last: int  # last token inside the marks


class Attributor:
    """Attributes the quotations of one Doc; built once per Doc."""

    def __init__(self, doc: Doc, people: People, spans: list[QuoteSpan], text: str) -> None:
        self.doc = doc
        self.text = text  # == doc.text, which joins every token on each read
        self.resolver = Resolver(doc, people, spans)
        starts = [t.idx for t in doc]
        self.quotes = []
        for s in spans:
            first = bisect_right(starts, s.start) - 1
            last = max(first, bisect_right(starts, s.end - 1) - 1)
            self.quotes.append(_Quote(s, max(first, 0), last))
        self.inside: set[int] = set()
        for q in self.quotes:
            self.inside.update(range(q.first, q.last + 1))

    def attribute(self) -> list[Who]:
        cued = []
        self._fragments: set[int] = set()  # quotes attributed as narrative fragments
        self._previous: int | None = None
        for k in range(len(self.quotes)):
            who = self._cued(k)
            cued.append(who)
            if who is not None and who.speaker is not None:
                self._previous = who.speaker
        out: list[Who] = []
        for k, who in enumerate(cued):
            if who is None:
                who = self._uncued(k, cued, out)
            out.append(who)
        return out

    def _cued(self, k: int) -> Who | None:
        """Rules 1 and 2: a reporting verb and its resolved subject."""
        q = self.quotes[k]
        for verb in self._verbs(q):
            subject = self._subject(verb)
            if subject is None or subject.lower_ in _SKIP_SUBJECTS:
                continue  # "you might say": not an attribution
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                subject = verb.head  # "IATA, which has attacked the package as a "..."
            return self.resolver.resolve(subject, q.span.start, self._previous)
        return None

    def _verbs(self, q: _Quote) -> list[Token]:
        out = [v for v in (self._governor(q),) if v is not None]
        after = self._frame_after(q)
        before = self._frame_before(q)
        ends = self.text[q.span.end - 1 : q.span.end]
        if ends in ",?!" or not before:
            out += after + before[::-1]
        else:
            out += before[::-1] + after
        return out

    def _governor(self, q: _Quote) -> Token | None:
        """Rule 1: the reporting verb outside the marks that the quotation depends on."""
        best: Token | None = None
        for i in range(q.first, q.last + 1):
            tok = self.doc[i].head
            for _ in range(4):
                if tok.i in self.inside:
                    break
                if is_reporting(tok) and self._same_paragraph(q, tok):
                    if best is None or abs(tok.i - q.first) < abs(best.i - q.first):
                        best = tok
                    break
                if tok.head is tok:
                    break
                tok = tok.head
        return best

    def _same_paragraph(self, q: _Quote, tok: Token) -> bool:
        """No line break between the quotation and `tok` (the parse sometimes runs a
        sentence over a paragraph break: '"B." \n\n Fire chief X said ...'), unless
        nothing in the quotation's paragraph before it could attribute it (a headline)."""
        if tok.idx < q.span.open_mark:
            return self.text.find("\n", tok.idx, q.span.open_mark) < 0
        if tok.idx < q.span.end or self.text.find("\n", q.span.end, tok.idx) < 0:
            return True
        line_start = self.text.rfind("\n", 0, q.span.open_mark) + 1
        k = q.first - 1
        while k >= 0 and self.doc[k].idx >= line_start:
            if k in self.inside or is_reporting(self.doc[k]):
                return False  # '"A," she said. "B."': B goes with the verb before it
            k -= 1
        return True

    def _frame_after(self, q: _Quote) -> list[Token]:
        """Reporting tokens after the closing mark, to the end of that sentence."""
        doc = self.doc
        out: list[Token] = []
        i = q.last + 1
        while i < len(doc) and doc[i].is_punct and i not in self.inside and "\n" not in doc[i].text:
            i += 1
        if i >= len(doc) or i in self.inside:
            return out
        closed = self.text[q.span.start : q.span.end].rstrip()[-1:] in ".…"
        for tok in doc[i : doc[i].sent.end]:
            if tok.i in self.inside or tok.is_space:
                break
            if (is_active_reporting(tok) or self._according(tok)) and (
                    not closed or self._ends_sentence(tok)):
                out.append(tok)
        return out

    def _ends_sentence(self, tok: Token) -> bool:
        """'..." Mr Smith said.': after a full stop only a short tag is the attribution."""
        return tok.i + 4 >= tok.sent.end - 1

    def _frame_before(self, q: _Quote) -> list[Token]:
        """Reporting tokens before the opening mark, back to its sentence's start."""
        doc = self.doc
        out: list[Token] = []
        if q.first == 0:
            return out
        prev = doc[q.first - 1]
        start = prev.sent.start
        for tok in doc[start : q.first]:
            if tok.i in self.inside or tok.is_space or "\n" in tok.text:
                out = []
                continue
            if is_active_reporting(tok) or self._according(tok):
                out.append(tok)
        return out

    def _according(self, tok: Token) -> bool:
        return tok.lower_ == "according" and tok.i + 1 < len(self.doc) and (
            self.doc[tok.i + 1].lower_ == "to")

    def _subject(self, verb: Token) -> Token | None:
        if verb.lower_ == "according":
            to = self.doc[verb.i + 1]
            return next((c for c in to.children if c.dep_ == "pobj"), None)
        nxt = self._name_after(verb) if verb.lower_ in INVERTING_VERBS else None
        if nxt is not None:
            return nxt  # "said Junya Tanase": the parse may give "said" another subject
        tok, first = verb, None
        for step in range(5):
            if tok.lower_ in _QUOTING:  # "the agency quoted worker David Ogden as saying"
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj
            subjects = sorted((c for c in tok.children if c.dep_ in _SUBJECT_DEPS
                               and c.i not in self.inside and not self._governed(c)),
                              key=lambda c: (c.lower_ in _RELATIVE, c.i > tok.i, -c.i))
            named = [c for c in subjects if self._personal(c)]  # nearest: "CITY — Acme said"
            if named or (subjects and step == 0):
                return (named or subjects)[0]  # "Another peer, Lord Skidelsky, said"
            first = first or (subjects[0] if subjects else None)
            if tok.dep_ not in _CLIMB_DEPS or tok.head is tok:
                break
            tok = tok.head
        if first is None and verb.dep_ == "ROOT":
            return self._name_before(verb)  # "In a letter to C, A and B said ...": no nsubj
        # A subjectless "telling ...", "adding ...": the nearest subject up the tree,
        # unless one further up names a person (the parse often hangs the participle
        # on the wrong clause: "signaled that the bank was ..., telling lawmakers ...").
        return first

    def _name_before(self, verb: Token) -> Token | None:
        """A person named just before a subjectless main verb, over commas and a party tag
        ("..., Rep. Jo Lee, R-Texas, said"): the parse left the verb without its subject."""
        k = verb.i - 1
        while k >= 0 and verb.i - k <= 6 and k not in self.inside:
            tok = self.doc[k]
            if self.resolver.people.person_at(k) is not None:
                return tok
            if not (tok.is_punct or tok.pos_ == "PROPN"):
                return None
            k -= 1
        return None

    def _name_after(self, verb: Token) -> Token | None:
        """A person named right after the verb, titles skipped ("said Sen. Jo Lee"), when the
        verb follows the quotation or a comma or has no subject of its own before it
        (not "The club said Lind had been ...")."""
        prev = self.doc[verb.i - 1] if verb.i else None
        own = any(c.dep_ in _SUBJECT_DEPS and c.i < verb.i for c in verb.children)
        if own and prev is not None and not prev.is_punct:
            return None
        k = verb.i + 1
        while k < len(self.doc) and k - verb.i <= 4 and k not in self.inside:
            tok = self.doc[k]
            if self.resolver.people.person_at(k) is not None:
                return tok
            if not (is_honorific(tok.text) or tok.text == "."):
                return None
            k += 1
        return None

    def _governed(self, tok: Token) -> bool:
        """The name follows a preposition: "a spokeswoman for House Speaker Dana Ruiz"
        (the parse sometimes makes it a second subject of "said")."""
        k = tok.i
        while k > 0 and self.doc[k - 1].text[:1].isupper() and self.doc[k - 1].dep_ == "compound":
            k -= 1
        return k > 0 and self.doc[k - 1].pos_ == "ADP"

    def _personal(self, tok: Token) -> bool:
        """A subject that names a person, directly or through an appositive
        ("NEW YORK (AP) — Chair Jerome Powell signaled": the dateline is the subject)."""
        people = self.resolver.people
        return (people.person_at(tok.i) is not None or tok.lower_ in ("he", "she")
                or any(c.dep_ == "appos" and people.person_at(c.i) is not None
                       for c in tok.children))

    def _name_tag(self, q: _Quote) -> int | None:
        """'"...," Mr Bootle.': a name alone after the quotation, ending the sentence."""
        people = self.resolver.people
        k = q.last + 1
        while k < len(self.doc) and k not in self.inside and (
                self.doc[k].is_punct or is_honorific(self.doc[k].text)):
            k += 1  # the closing mark, a comma, "Mr", "Dr."
        person = people.person_at(k) if k < len(self.doc) else None
        if person is None:
            return None
        while k < len(self.doc) and people.person_at(k) == person:
            k += 1
        return person if k < len(self.doc) and self.doc[k].text in (".", "\n") else None

    def _recent(self, k: int, done: list[Who]) -> int | None:
        """The last speaker if the last quotation is at most one paragraph back."""
        if not k or done[-1].speaker is None:
            return None
        gap = self.text[self.quotes[k - 1].span.end : self.quotes[k].span.start]
        return done[-1].speaker if gap.count("\n\n") + (gap.count("\n") > 0) <= 1 else None

    def _uncued(self, k: int, cued: list[Who | None], done: list[Who]) -> Who:
        """Rule 3: borrow the next quotation's speaker or continue the previous one."""
        q = self.quotes[k]
        text = self.text
        label = interview_label(self.doc, self.resolver.people, q.span.open_mark, q.first)
        if label is not None:
            return Who(*label)
        tagged = self._name_tag(q)
        if tagged is not None:
            return Who(tagged)
        if k + 1 < len(self.quotes) and cued[k + 1] is not None:
            nxt = self.quotes[k + 1].span
            gap = text[(q.span.close_mark or q.span.end) + 1 : nxt.open_mark]
            line_start = text.rfind("\n", 0, q.span.open_mark) + 1
            if not gap.strip() and not text[line_start : q.span.open_mark].strip():
                return cued[k + 1]  # type: ignore[return-value]
        sent = self.doc[q.first].sent
        lead = text[max(0, q.span.open_mark - 3) : q.span.open_mark].rstrip()
        if lead[-1:] not in _OPENS_SENTENCE and any(
                not (t.is_punct or t.is_space) and t.i not in self.inside
                for t in self.doc[sent.start : q.first]):
            # A phrase quoted inside narrative ('the "real opposition"') with no reporting
            # verb: whoever the sentence is about, never the last speaker carried over.
            self._fragments.add(k)
            return self.resolver.in_sentence(sent.start, sent.end, self._recent(k, done), q.first)
        since = self.quotes[k - 1].last + 1 if k else 0
        subject = self.resolver.subject_between(since, q.first)
        if subject is not None:
            return subject  # "Martyn Williams was keen not to talk ... "We've got ...""
        spoken = [w for j, w in enumerate(done) if j not in self._fragments]
        if spoken:
            return spoken[-1]  # a fragment in narrative does not interrupt a speaker
        return self.resolver.nearest(q.span.start)
