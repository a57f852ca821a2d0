"""The article-wide evidence the key rules read: headline, lead, sentences, main clauses.

Built once per Doc by `make_evidence`. Needs sentence boundaries and the
dependency parse. The headline is plain text (it is not parsed): its words
are compared with names and figures as written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: The lead is the first paragraph, but no more than this many sentences of it
#: (copy whose paragraph breaks were lost would otherwise be all lead).
LEAD_SENTENCES = 2
#: Dependency labels of a clause's subject (active and passive).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

_WORD = re.compile(r"[^\W_][\w'’.&-]*")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One article's Doc with its headline and the positions the rules compare against."""

    doc: Doc
    text: str  # doc.text, read once
    title_words: frozenset[str]  # the headline's words as written, possessives dropped
    title_figures: frozenset[str]  # digit strings in the headline, commas dropped
    lead_end: int  # char offset where the lead ends
    sentence_starts: tuple[int, ...]  # char offset of each sentence's start

    def in_title(self, word: str) -> bool:
        """Whether `word` (as written, possessive dropped) is a word of the headline."""
        return _POSSESSIVE.sub("", word) in self.title_words

    def in_lead(self, char: int) -> bool:
        return char < self.lead_end

    def position(self, char: int) -> float:
        """Where `char` falls in the article: 0.0 at the start, 1.0 at the end."""
        return char / max(1, len(self.text))

    def sentence_of(self, char: int) -> int:
        """Index of the sentence that holds `char`."""
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def span(self, start: int, end: int) -> Span | None:
        """The tokens covering text[start:end], or None if the offsets are outside the Doc."""
        if not 0 <= start < end <= len(self.text):
            return None
        return self.doc.char_span(start, end, alignment_mode="expand")


def make_evidence(doc: Doc, title: str | None) -> Evidence:
    """The evidence of one article; `title` is its headline, or None when it has none."""
    text = doc.text
    words = frozenset(_POSSESSIVE.sub("", w) for w in _WORD.findall(title or ""))
    figures = frozenset(d.replace(",", "") for d in _DIGITS.findall(title or ""))
    starts = tuple(s.start_char for s in doc.sents) if len(doc) else (0,)
    paragraph = text.find("\n", 0)
    lead_end = len(text) if paragraph < 0 else paragraph
    if len(starts) > LEAD_SENTENCES:
        lead_end = min(lead_end, starts[LEAD_SENTENCES])
    return Evidence(doc, text, words, figures, lead_end, starts)


def figures_of(text: str) -> frozenset[str]:
    """Digit strings written in `text`, commas dropped ('£1,200m' -> {'1200'})."""
    return frozenset(d.replace(",", "") for d in _DIGITS.findall(text))


def main_verb(tok: Token) -> bool:
    """Whether `tok` heads its sentence's main clause, or a verb conjoined to that head
    ("He arrived and said ...": both)."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "ROOT"


def main_subject(tok: Token) -> bool:
    """Whether `tok` is the subject of a main-clause verb: who acts in the sentence."""
    return tok.dep_ in SUBJECT_DEPS and main_verb(tok.head) or (
        tok.dep_ == "conj" and tok.head.dep_ in SUBJECT_DEPS and main_verb(tok.head.head))
