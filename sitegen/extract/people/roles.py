"""A person's role, as the article words it.  Needs: POS tags and dependency parse.

Tried on each mention in text order, first hit wins:
1. Modifiers before the name in its noun phrase, titles included but social
   titles dropped: "Palestinian leader Mahmoud Abbas" -> "Palestinian leader",
   "U.S. President Donald Trump" -> "U.S. President", "former Tory lord
   chancellor Lord Mackay" -> "former Tory lord chancellor".
2. An appositive: "David Gill, United's chief executive," -> "United's chief
   executive".
3. A "who" clause: "Kevin Mayer, who heads Disney's streaming unit" ->
   "heads Disney's streaming unit"; "who is a member of X" -> "a member of X".
4. The role the name stands in apposition to: "The home secretary, Yvette
   Cooper," -> "home secretary".
5. (last resort) "of" + organisation: "Michael Carpenter of the International Institute
   for Strategic Studies" -> "of the International Institute for ...".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitegen.extract.people.filter import is_person_noun
from sitegen.extract.people.mentions import Mention
from sitegen.lexicon.titles import FEMALE_TITLES, MALE_TITLES, TITLE_WORDS, bare

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MAX_WORDS = 12
_SOCIAL = MALE_TITLES | FEMALE_TITLES | {"dr", "prof", "rev", "mx"}
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "npadvmod"})
_COPULA = frozenset({"is", "was", "are", "were", "'s", "has", "had", "been"})
_ROLE_VERBS = frozenset(
    """heads leads runs chairs manages directs founded co-founded owns represents coaches
    edits hosts presents serves served headed led ran chaired managed directed owned
    represented coached edited hosted presented run head lead chair manage direct own
    represent coach edit host present serve""".split()
)
_PARTY_STATE = re.compile(r"[DRI]-[A-Z]")  # "D-N.Y.": a US party and state, not a role
_JOINERS = frozenset({"-", "–", "'", "’"})
_DROP_EDGE = frozenset({"who", "whose"})


def _text(doc: Doc, first: int, last: int) -> str | None:
    """The text of tokens first..last as written, trimmed of edge punctuation."""
    while first <= last and (doc[first].is_punct or doc[first].is_space
                             or doc[first].lower_ in _DROP_EDGE):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space
                             or doc[last].text in ("'s", "’s")):
        last -= 1
    if any(doc[i].is_space for i in range(first, last + 1)):
        return None  # a role never runs over a paragraph break
    while last + 2 < len(doc) and doc[last].whitespace_ == "" and doc[last + 1].text in "-–":
        last += 2  # "vice" + "-president": the parse often splits hyphenated titles
    if first > last or last - first >= _MAX_WORDS:
        return None
    text = doc[first : last + 1].text
    if (doc[first].is_sent_start and first < last and doc[first + 1].is_lower
            and doc[first].pos_ != "PROPN" and not doc[first].ent_type_):
        text = text[:1].lower() + text[1:]  # "Former foreign secretary Robin Cook said"
    return text


def _modifies(tok: Token, m: Mention) -> bool:
    """The token is part of the noun phrase before the name (title words included)."""
    nxt = tok.doc[tok.i + 1]
    if tok.whitespace_ == "" and (tok.text in _JOINERS or nxt.text in _JOINERS):
        return True  # inside a hyphenated or apostrophised word: "mother-in-law", "Blazin'"
    if tok.dep_ == "case":
        return tok.head.i == tok.i - 1
    if tok.dep_ not in _MODIFIER_DEPS or not (tok.i < tok.head.i <= m.last):
        return False
    return tok.pos_ not in ("DET", "ADP", "PUNCT", "PRON")


def _before(doc: Doc, m: Mention) -> str | None:
    """Role words before the name that modify it (rule 1)."""
    start = m.title_first if m.title_first >= 0 else m.first
    end = m.first - 1
    while end >= start and bare(doc[end].text) in _SOCIAL:
        end -= 1  # "Lord" in "lord chancellor Lord Mackay" is not the role
    k = start - 1
    while k >= 0 and start - k <= _MAX_WORDS and _modifies(doc[k], m):
        k -= 1
    if end < k + 1:
        return None
    return _text(doc, k + 1, end)


def _subtree(tok: Token) -> str | None:
    return _text(tok.doc, tok.left_edge.i, tok.right_edge.i)


def _after(doc: Doc, m: Mention) -> str | None:
    """Appositive, "who" clause or "of" phrase after the name (rules 2-4)."""
    last = doc[m.last]
    found: dict[str, str | None] = {}
    for child in last.children:
        if child.i <= m.last:
            continue
        if child.dep_ == "appos" and "appos" not in found and child.pos_ in ("NOUN", "PROPN"):
            role = _subtree(child)
            if role and (_PARTY_STATE.match(role) or not any(w.islower() for w in role.split())):
                role = None  # "D-N.Y.", "Robert 58": a party tag or a team sheet, not a role
            found["appos"] = role
        elif child.dep_ == "relcl" and "relcl" not in found:
            found["relcl"] = _relative(child)
    return found.get("appos") or found.get("relcl")


def _of_phrase(doc: Doc, m: Mention) -> str | None:
    """Rule 5: "Michael Carpenter of the International Institute ..."."""
    last = doc[m.last]
    for child in last.children:
        if child.i > m.last and child.dep_ == "prep" and child.lower_ in ("of", "from"):
            return _subtree(child)
    return None


def _relative(verb: Token) -> str | None:
    """'who heads X' -> 'heads X'; 'who is a member of X' -> 'a member of X'."""
    if not any(c.lower_ in ("who", "whose") for c in verb.children if c.i < verb.i):
        return None
    if verb.lower_ in _COPULA:
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        return _subtree(attr) if attr is not None else None
    if verb.lower_ not in _ROLE_VERBS:
        return None  # "who e-mailed ...", "who wants ...": an act, not a role
    obj = next((c for c in verb.children
                if c.i > verb.i and c.dep_ in ("dobj", "prep", "attr", "prt")), None)
    start = min([verb.i] + [c.i for c in verb.children if c.dep_ == "aux"])  # "has run"
    return _text(verb.doc, start, obj.right_edge.i if obj is not None else verb.i)


def _head_role(doc: Doc, m: Mention) -> str | None:
    """Rule 4: the name is the appositive of a role ("The home secretary, Yvette Cooper,")."""
    last = doc[m.last]
    head = last.head
    if last.dep_ != "appos" or head.i >= m.first or not is_person_noun(head):
        return None
    first = head.left_edge.i
    while first < head.i and doc[first].pos_ == "DET":
        first += 1
    return _text(doc, first, head.i)


def _spelled(role: str) -> str:
    """A lone abbreviated title reads as its word: "Sen." -> "Senator"."""
    word = TITLE_WORDS.get(bare(role)) if " " not in role else None
    return word.capitalize() if word else role


def find_role(doc: Doc, group: list[Mention]) -> str | None:
    """The first role the article gives any mention of this person, or None."""
    ordered = sorted(group, key=lambda m: m.start)
    before = [_spelled(r) for r in (_before(doc, m) for m in ordered) if r]
    best = max(before, key=lambda r: (len(r.split()), -before.index(r))) if before else None
    after = next((r for r in (_after(doc, m) for m in ordered) if r), None) or next(
        (r for r in (_head_role(doc, m) for m in ordered) if r), None)
    if best and (len(best.split()) > 1 or after is None):
        return best
    if after or best:
        return after or best  # "Sen." alone says less than "the former House speaker"
    return next((r for r in (_of_phrase(doc, m) for m in ordered) if r), None)
