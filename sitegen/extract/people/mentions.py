"""Candidate person mentions in one Doc, before they are grouped into people.

Needs: entities (PERSON, ORG, ...), POS tags and the dependency parse.

Owns turning spans into `Mention`s: a PERSON entity with its honorifics
("Mr", "Sen.", "Prime Minister") split off, its possessive and post-nominals
("QC") dropped, an initials-only first name the model left out ("JP") put
back, and a peer's "of Place" kept ("Lord Irvine of Lairg"). It also finds
names the model missed or called an organisation, but only where the parse
says a person is meant: a name after a lower-case role noun ("spokesman Glyn
Davies"), with a person appositive ("Theresa May, shadow secretary"), or
"X of Y" as the subject of a reporting verb ("said Yonca Brunini of Yahoo").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sitegen.extract.people.names import is_org_word, is_person_word, looks_like_name_word
from sitegen.extract.verbs import REPORTING_VERBS
from sitegen.lexicon.titles import (
    ABBREVIATED_TITLES,
    OFFICE_TITLES,
    PEER_TITLES,
    PERSONAL_TITLES,
    POST_NOMINALS,
    bare,
    is_honorific,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
_ARTICLES = frozenset({"the", "a", "an"})
_HYPHENS = frozenset({"-", "‐", "–"})
_IN_NAME_PUNCT = _HYPHENS | {".", "'", "’"}
_NOT_NAME_POS = frozenset({"ADV", "CCONJ", "SCONJ", "ADP", "DET", "INTJ", "PRON"})
#: Person nouns that also start titles of works and teams ("Star Wars Rebels").
_IN_TITLES = frozenset({"star", "head", "chief", "member", "host", "champion", "winner",
                        "seed", "favourite", "king", "queen", "prince", "princess", "pope"})
#: Entity labels a word the model missed as a person may carry and still be one.
_MAYBE_PERSON_LABELS = frozenset({"", "ORG", "PERSON", "FAC", "GPE", "LOC", "NORP"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One place the text names someone: the name words and the titles before them."""

    start: int  # char offsets of the name words only
    end: int
    words: tuple[str, ...]
    titles: tuple[str, ...]
    title_start: int  # char offset where the titles begin (== start if none)
    first: int  # token index of the first name word
    last: int  # token index of the last name word
    tagged: bool  # the model called it PERSON (vs found by a context rule)
    written: str = ""  # titles and name as written ("Lt. Col. Sarah Jenkins")
    title_first: int = -1  # token index where the titles begin (== first if none)
    given: int = 0  # how many name words the model's entity itself had
    context: bool = False  # found by a person-context rule, against the model's tags
    sex: str | None = None  # "m"/"f" when a noun next to the name says ("his wife, X")

    @property
    def form(self) -> str:
        """The surface form with titles, as an alias ("Mr Abbas")."""
        return self.written or " ".join(self.titles + self.words)


def _left_titles(doc: Doc, first: int) -> list[Token]:
    """Capitalised honorific tokens directly before token `first` ("Prime Minister")."""
    out: list[Token] = []
    k = first - 1
    while k >= 0 and len(out) < 4:
        tok = doc[k]
        if tok.text == "." and k > 0 and doc[k - 1].whitespace_ == "" and bare(
                doc[k - 1].text) in ABBREVIATED_TITLES:
            tok = doc[k - 1]  # "Col" "." split by the tokenizer: keep the title's dot
            k -= 1
        if not (tok.text[:1].isupper() and is_honorific(tok.text)) or doc[first].is_sent_start:
            break  # a title never reaches back over a sentence break ("Miami Vice. Scrubs")
        if tok.text.endswith(".") and bare(tok.text) not in ABBREVIATED_TITLES:
            break  # "Vice." ends a sentence; "Sen." does not
        out.insert(0, tok)
        k -= 1
    return out


def _left_name_word(doc: Doc, first: int) -> Token | None:
    """A first name or initials the model left out of the entity ("JP" McManus)."""
    if first == 0:
        return None
    tok = doc[first - 1]
    if tok.pos_ != "PROPN" or not looks_like_name_word(tok.text):
        return None
    if is_honorific(tok.text) or is_org_word(tok.text) or tok.ent_type_ not in ("", "ORG"):
        return None
    if is_person_word(tok.lower_):
        return None  # "DJ Lisa I'Anson", "Judges Simon Cowell": a role, not a first name
    initials = tok.text.isupper() and len(tok.text) <= 3
    same_org = tok.ent_type_ == "ORG" and doc[first].ent_iob_ == "I"  # "Yonca Brunini" as ORG
    if tok.ent_type_ == "ORG" and not (initials or same_org):
        return None
    return tok


def _trim(toks: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """Split an entity's tokens into (titles, name tokens), dropping what is not name."""
    if toks and toks[0].lower_ in _ARTICLES:
        return None
    while len(toks) > 1 and toks[0].pos_ in _NOT_NAME_POS:
        toks = toks[1:]  # "Nevertheless Franz Ferdinand": a sentence adverb the model took in
    while toks and (toks[-1].text in _POSSESSIVE_TOKENS or toks[-1].is_punct):
        toks = toks[:-1]
    while len(toks) > 1 and bare(toks[-1].text) in POST_NOMINALS:
        toks = toks[:-1]
    toks = toks[_mid_title(toks) :]  # "Lib Dem MP Lembit Opik": the party only modifies
    titles: list[Token] = []
    while len(toks) > 1 and (is_honorific(toks[0].text) or is_person_word(toks[0].lower_)):
        tok = toks.pop(0)
        # "Backbencher Stephen Pound": a role word ends any titles before it
        titles = titles + [tok] if is_honorific(tok.text) else []
    if not toks or any(t.is_punct and t.text not in _IN_NAME_PUNCT for t in toks):
        return None  # "Bernard, Bowyer, Dyer": a list the model took for one name
    breaks = [k for k, t in enumerate(toks[:-1]) if t.is_space or "\n" in t.whitespace_]
    if breaks:
        toks = toks[breaks[-1] + 1 :]  # a name never runs over a line break
    return titles, toks


def mention_from_tokens(doc: Doc, toks: list[Token], tagged: bool) -> Mention | None:
    """A Mention from the tokens of a name span, or None if nothing name-like is left."""
    trimmed = _trim(list(toks))
    if trimmed is None:
        return None
    titles, toks = trimmed
    toks = _hyphenated(doc, toks)
    words = doc[toks[0].i : toks[-1].i + 1].text.split()
    if not all(looks_like_name_word(w) for w in words):
        return None
    given = len(words)
    titles = _left_titles(doc, (titles[0] if titles else toks[0]).i) + titles
    extra = None if titles else _left_name_word(doc, toks[0].i)
    peer = _peerage(doc, toks[-1].i, titles)
    toks = ([extra] if extra is not None else []) + toks + peer
    words = ([extra.text] if extra is not None else []) + words + [t.text for t in peer]
    head = titles[0] if titles else toks[0]
    end = toks[-1].idx + len(toks[-1].text)
    if (words[-1].endswith(".") and len(words[-1]) > 2 and words[-1][-2].islower()
            and bare(words[-1]) not in ("jr", "sr")):
        words[-1] = words[-1][:-1]  # "Norbert Ore." at a sentence end: the dot is not his
        end -= 1
    return Mention(
        start=toks[0].idx, end=end, words=tuple(words), titles=tuple(t.text for t in titles),
        title_start=head.idx, first=toks[0].i, last=toks[-1].i, tagged=tagged,
        written=" ".join(doc[head.i : toks[-1].i + 1].text[: end - head.idx].split()),
        title_first=head.i, given=given if tagged else 0,
    )


def _mid_title(toks: list[Token]) -> int:
    """Index of the first token of a run of office titles inside an entity, after
    other words and before at least one name word; 0 if there is none."""
    for j in range(1, len(toks) - 1):
        if bare(toks[j].text) in OFFICE_TITLES and not is_honorific(toks[j - 1].text):
            return j
    return 0


def _hyphenated(doc: Doc, toks: list[Token]) -> list[Token]:
    """Widen a name over hyphen-joined parts the model cut off ("Jean-" Claude,
    Ocasio "-Cortez"): a hyphen with no space on either side and a capital after."""
    first, last = toks[0].i, toks[-1].i
    while (first >= 2 and doc[first - 1].text in _HYPHENS and not doc[first - 1].whitespace_
           and not doc[first - 2].whitespace_ and doc[first - 2].text[:1].isupper()):
        first -= 2
    while (last + 2 < len(doc) and doc[last + 1].text in _HYPHENS and not doc[last].whitespace_
           and not doc[last + 1].whitespace_ and doc[last + 2].text[:1].isupper()):
        last += 2
    return list(doc[first : last + 1])


def _peerage(doc: Doc, last: int, titles: list[Token]) -> list[Token]:
    """'of Lairg' after 'Lord Irvine': part of a peer's name."""
    if not any(bare(t.text) in PEER_TITLES for t in titles) or last + 2 >= len(doc):
        return []
    of, place = doc[last + 1], doc[last + 2]
    if of.lower_ == "of" and place.pos_ == "PROPN" and place.text[:1].isupper():
        return [of, place]
    return []


def entity_mentions(doc: Doc) -> list[Mention]:
    """Mentions from the model's PERSON entities."""
    out = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            m = mention_from_tokens(doc, list(ent), tagged=True)
            if m is not None:
                out.append(m)
    return out


def _name_chain(tok: Token) -> list[Token]:
    """The token and the name-like compound tokens directly to its left."""
    chain = [tok]
    k = tok.i - 1
    while k >= 0 and tok.doc[k].dep_ == "compound" and tok.doc[k].pos_ == "PROPN":
        chain.insert(0, tok.doc[k])
        k -= 1
    return chain


def _person_context(doc: Doc, chain: list[Token]) -> bool:
    """Parse evidence that an untagged name is a person."""
    head = chain[-1]
    before = doc[chain[0].i - 1] if chain[0].i > 0 else None
    if before is not None and (before.is_lower and is_person_word(before.lower_)
                               or bare(before.text) in OFFICE_TITLES):
        return True
    if len(chain) == 3 and is_person_word(chain[0].lower_) and chain[0].lower_ not in _IN_TITLES:
        return True  # "Nurse Ella Grant": a capitalised role noun, then the name
    speaks = head.dep_ in ("nsubj", "nsubjpass") and head.head.lower_ in REPORTING_VERBS
    if speaks and before is not None and before.is_lower and before.pos_ == "NOUN":
        return True  # "reviewer Anne Holt called ...": any role noun before a speaker
    for child in head.children:
        if child.dep_ == "appos" and is_person_word(child.lower_):
            return True
        if child.dep_ == "prep" and child.lower_ == "of" and speaks:
            return True
    return False


def context_mentions(doc: Doc, taken: set[int]) -> list[Mention]:
    """Two- or three-word names the model missed, where the parse says a person is meant."""
    out = []
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        if tok.ent_type_ not in _MAYBE_PERSON_LABELS:
            continue
        chain = _name_chain(tok)
        titled = [k for k, t in enumerate(chain[:-1]) if is_honorific(t.text)]
        chain = chain[titled[-1] + 1 :] if titled else chain  # "Local MP Anne Price"
        if not 2 <= len(chain) <= 3 or any(t.i in taken for t in chain):
            continue
        if any(is_honorific(t.text) or is_org_word(t.text) or not t.text[:1].isupper()
               or (t.text.isupper() and len(t.text) > 1) for t in chain):
            continue
        if tok.ent_type_ not in ("", "PERSON") and not _entity_is(tok, chain):
            continue  # part of a longer organisation or place name
        if _person_context(doc, chain):
            m = mention_from_tokens(doc, chain, tagged=False)
            if m is not None:
                out.append(replace(m, context=True))
    return out


_TITLE_RE = re.compile(
    r"\b(?:" + "|".join(sorted((t.capitalize() for t in PERSONAL_TITLES), key=len, reverse=True))
    + r")\b\.?\s+(?=[A-Z])"
)


def titled_mentions(doc: Doc, text: str, taken: set[int]) -> list[Mention]:
    """'Mr Gaymard', 'Sen. Smith': a name after a personal title, whatever the model tagged.

    Titles are found in the text with one precompiled pattern, not by visiting
    every token (token objects are costly to make)."""
    out = []
    for match in _TITLE_RE.finditer(text):
        span = doc.char_span(match.start(), match.start() + len(match.group().split()[0]),
                             alignment_mode="expand")
        if span is None or span[0].i in taken:
            continue
        tok = span[0]
        k = tok.i + 1
        if k < len(doc) and doc[k].text == "." and tok.whitespace_ == "":
            k += 1
        chain: list[Token] = []
        while (k < len(doc) and len(chain) < 3 and k not in taken
               and (doc[k].pos_ == "PROPN" or not chain and doc[k].pos_ in ("NOUN", "ADJ"))
               and doc[k].text[:1].isupper() and not is_honorific(doc[k].text)
               and doc[k].ent_type_ in _MAYBE_PERSON_LABELS | {"WORK_OF_ART", "PRODUCT"}):
            chain.append(doc[k])
            k += 1
        if chain and not any(is_org_word(t.text) for t in chain):
            m = mention_from_tokens(doc, chain, tagged=False)
            if m is not None and m.titles:
                out.append(replace(m, context=True))
                taken.update(range(m.first, m.last + 1))
    return out


def _entity_is(tok: Token, chain: list[Token]) -> bool:
    """True when the entity holding `tok` is exactly the chain (not a longer org name)."""
    doc = tok.doc
    after = chain[-1].i + 1
    return chain[0].ent_iob_ == "B" and (after >= len(doc) or doc[after].ent_iob_ != "I")
