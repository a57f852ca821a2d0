"""The noun a number counts: 'five people', 'two of his own officials'.

Needs POS tags and dependency labels on the Doc. A walk over the few words
after the number, not the parse alone, because the small model often attaches
the number to a modifier ("four previous parliamentary by-elections").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: How many words (a hyphenated compound is one) may stand between number and noun.
MAX_WORDS = 5
_MODIFIER_POS = frozenset({"ADJ", "PROPN", "NOUN"})
_MODIFIER_TAGS = frozenset({"VBN", "VBG", "JJ", "JJR", "JJS"})
#: Nouns that follow a number without being what it counts.
_NOT_COUNTED = frozenset({"%", "percent", "cent"})
_TIME_DEICTICS = frozenset({"last", "next", "this", "previous", "past", "coming", "same"})
_PARTITIVE_SKIP = frozenset({"DET", "PRON", "ADJ", "PROPN"})
#: Adverbs and prepositions the tagger gives to words that modify counted nouns.
_MODIFIER_WORDS = frozenset({"other", "outside", "more", "fewer", "less", "further", "extra",
                             "additional", "former", "new", "so-called", "only", "very"})


def _word_end(tok: Token) -> Token:
    """Last token of the hyphenated word `tok` begins ('free-to-air', 'by-elections')."""
    doc = tok.doc
    i = tok.i
    while i + 2 < len(doc) and doc[i].whitespace_ == "" and doc[i + 1].text in ("-", "–") \
            and doc[i + 1].whitespace_ == "":
        i += 2
    return doc[i]


def counted_noun(tok: Token | None, text: str, end: int) -> Token | None:
    """The head noun of the words right after a number that ends at `end`, or None.

    Modifiers (adjectives, participles, proper nouns, noun compounds) may come
    first; the walk stops at the first noun that is not a compound of the next.
    """
    if tok is None or text[end:tok.idx].strip():
        return None
    doc = tok.doc
    i, words = tok.i, 0
    while i < len(doc) and words < MAX_WORDS:
        last = _word_end(doc[i])
        hyphenated = last.i > i
        if last.pos_ == "NOUN" or last.tag_ == "NNPS" or (hyphenated and last.pos_ == "PROPN") \
                or _is_member_noun(last):
            nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
            if nxt is not None and last.whitespace_ and _continues(last, nxt, hyphenated):
                i, words = last.i + 1, words + 1
                continue
            return None if last.lower_ in _NOT_COUNTED and words == 0 else last
        if last.lower_ in _TIME_DEICTICS or not (
                last.pos_ in _MODIFIER_POS or last.tag_ in _MODIFIER_TAGS or hyphenated
                or last.lower_ in _MODIFIER_WORDS):
            return None  # "sold 189,000 last year": "last year" says when, counts nothing
        i, words = last.i + 1, words + 1
    return None


def _is_member_noun(tok: Token) -> bool:
    """'one Democrat', 'a Briton': a singular proper noun for a member of a group, ending the
    noun phrase."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.ent_type_ == "NORP" and tok.pos_ == "PROPN" and (
        nxt is None or nxt.pos_ not in ("NOUN", "PROPN"))


def _continues(noun: Token, nxt: Token, hyphenated: bool) -> bool:
    """Whether `noun` modifies a following noun ('transmission sites', 'free-to-air channels')."""
    end = _word_end(nxt)
    if (end.pos_ != "NOUN" and end.tag_ != "NNPS") or end.lower_.endswith("ing"):
        return False  # "one member voting present": the tagger often calls that a noun
    return hyphenated or noun.dep_ in ("compound", "amod", "nmod")


def word_text(tok: Token) -> str:
    """The whole hyphenated word that ends with `tok`, lower-cased ('by-elections')."""
    doc, i = tok.doc, tok.i
    while i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 1].whitespace_ == "" \
            and doc[i - 2].whitespace_ == "":
        i -= 2
    return doc[i : tok.i + 1].text.lower()


def partitive_noun(tok: Token | None, text: str, end: int) -> Token | None:
    """'two of his own officials' -> officials; None unless 'of' follows the number."""
    if tok is None or tok.lower_ != "of" or text[end:tok.idx].strip():
        return None
    doc = tok.doc
    i = tok.i + 1
    while i < len(doc) and i - tok.i <= MAX_WORDS:
        t = doc[i]
        if t.pos_ == "NOUN":
            return counted_noun(t, text, t.idx) or t
        if t.pos_ not in _PARTITIVE_SKIP or t.lower_ in ("them", "us", "those", "these", "which"):
            return None
        i += 1
    return None
