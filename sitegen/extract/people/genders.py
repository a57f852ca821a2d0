"""A person's sex, as the article shows it.  Needs: sentences, parse, and `People`.

Used to resolve "he" and "she" (`resolve`). Without a name lexicon the sex of
a person is known only from the text:
- titles ("Ms Essex", "Lord X") and kin nouns ("his wife, X"): `collect`;
- "X said she ...": a he/she subject of a clause under a sentence whose main
  subject names X; also "X said ..., and she ..." and "X thanked her staff"
  (his/her after X). Only when nobody else is named before the pronoun, and
  only when every such cue for X agrees.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from sitegen.extract.people.collect import People

PRONOUN_SEX = {"he": "m", "she": "f"}
_POSSESSIVE_SEX = {"his": "m", "her": "f"}


def root_subject(sent: Span) -> Token | None:
    return next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def infer_genders(doc: Doc, people: People, quoted: Callable[[int], bool]) -> list[str | None]:
    """Per person in `people.found`: "m", "f" or None (see the module docstring)."""
    known = list(people.genders) + [None] * (len(people.found) - len(people.genders))
    votes: dict[int, set[str]] = {}
    for sent in doc.sents:
        subj = root_subject(sent)
        person = people.person_at(subj.i) if subj is not None else None
        if person is None or subj is None or known[person] is not None:
            continue
        for pronoun in _pronouns_of(sent, subj.i, quoted):
            if all(people.person_at(i) in (None, person) for i in range(sent.start, pronoun.i)):
                votes.setdefault(person, set()).add(
                    _POSSESSIVE_SEX.get(pronoun.lower_) or PRONOUN_SEX[pronoun.lower_])
    for person, vs in votes.items():
        if len(vs) == 1:
            known[person] = next(iter(vs))
    return known


def _pronouns_of(sent: Span, subject: int, quoted: Callable[[int], bool]) -> list[Token]:
    """He/she subjects of clauses under the main verb, and his/her possessives after
    the subject, outside quotation marks."""
    out = [c for clause in sent.root.children
           if clause.dep_ in ("ccomp", "xcomp", "advcl", "conj")
           for c in clause.children if c.dep_ == "nsubj" and c.lower_ in PRONOUN_SEX]
    out += [t for t in sent if t.dep_ == "poss" and t.lower_ in _POSSESSIVE_SEX
            and t.i > subject]
    return [t for t in out if not quoted(t.idx)]
