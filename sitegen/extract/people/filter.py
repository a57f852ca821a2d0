"""Which grouped mentions are really people.  Needs: entities, POS tags, parse.

The small model tags clubs, parties, places and shows as PERSON ("Man Utd",
"Labour", "Leicester South", "Celebrity Big Brother"). Rather than list
them, a group is judged on generic evidence, in this order:

- always dropped: a name that only modifies another person's name ("Sex
  Pistol John Lydon"), an all-caps acronym.
- a title ("Mr", "Lord", "Sen.") keeps it.
- dropped: a name agreeing with a plural verb ("Blackburn have rejected",
  "Rovers, who are aiming": British copy treats teams as plural), and a lone
  word used to modify a noun ("Uefa officials", "Euronext chief").
- strong evidence keeps it: a person appositive ("Theresa May, shadow
  secretary"), a "who" clause after a name of two words or more.
- weaker evidence keeps it unless there is doubt (below): a role noun before
  it ("dancer Bez"), a list after a person appositive ("two sons, Avi and
  Joel"), being the subject of "said" (a lone word only if the model called
  it PERSON at least twice).
- otherwise dropped: a lone word (the model's one-word PERSON guesses are
  mostly places and brands), a name the model only ever gave as one word
  plus initials ("JP Morgan"), and a name with doubt.
- doubt: an organisation or compass word ("United", "Hour", "South Africa"),
  an acronym inside ("Xerox PARC"), a foreign article first ("De Telegraaf"),
  the fullest form tagged as another entity type at least as often as
  PERSON, an organisation appositive ("NM Rothschild, the investment bank"),
  or standing in a list of places or firms ("Lille, Lyon and Toulouse").
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from sitegen.extract.people.mentions import Mention
from sitegen.extract.people.names import COMPASS_WORDS, ORG_WORDS, is_org_word, is_person_word
from sitegen.extract.verbs import SPEECH_VERBS
from sitegen.lexicon.titles import bare

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Articles of other languages: a name that starts with one is a paper or a club.
_ARTICLES = frozenset("De Le La El Il Les Los Las Der Die Das".split())
_THING_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})


def is_person_noun(tok: Token) -> bool:
    """'spokesman', 'sons', 'chairmen': a noun for a person."""
    return is_person_word(tok.lower_)


#: Person nouns that firms and teams are called too ("Yukos, Yugansk's former owner").
_SHARED_NOUNS = frozenset("""owner owners partner partners member members winner winners
    champion champions investor investors producer producers host hosts leader leaders
    founder founders backer backers rival rivals""".split())


def _only_people(tok: Token) -> bool:
    """A person noun firms are not called, or a shared one that is his or hers."""
    if not is_person_noun(tok):
        return False
    return tok.lower_ not in _SHARED_NOUNS or any(
        c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.children)


class PersonFilter:
    """Judges groups of one Doc; built once per Doc."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.labels: dict[str, Counter[str]] = {}
        for ent in doc.ents:
            self.labels.setdefault(ent.text, Counter())[ent.label_] += 1
        self.owner: dict[int, int] = {}
        for k, m in enumerate(mentions):
            for i in range(m.first, m.last + 1):
                self.owner[i] = k

    def keep(self, group: list[Mention]) -> bool:
        full = max(group, key=lambda m: len(m.words))
        if all(self._is_modifier(m) for m in group):
            return False
        if len(full.words) == 1 and full.words[0].isupper() and len(full.words[0]) > 1:
            return False
        if any(m.titles for m in group):
            return True
        if self._plural(group) or (len(full.words) == 1 and self._modifies(group)):
            return False  # "Blackburn have rejected", "Euronext chief": a team or a firm
        if any(self._strong_evidence(m) for m in group):
            return True
        if any(self._role_evidence(m) for m in group):
            return not (self._outvoted(group) or any(self._doubt(m, lists=False) for m in group))
        doubt = self._outvoted(group) or any(self._doubt(m) for m in group)
        if any(self._speaker_evidence(m) for m in group):
            # a lone word needs more than one "X said" (firms say things too): the model
            # must call it PERSON at least twice
            tagged = sum(1 for m in group if m.tagged)
            return not doubt and (len(full.words) > 1 or tagged >= 2)
        if len(full.words) == 1:
            return False
        if not any(m.given >= 2 or not m.tagged for m in group):
            return False
        return not doubt

    def _is_modifier(self, m: Mention) -> bool:
        """The mention is a compound modifier of another person's name."""
        tok = self.doc[m.last]
        own = self.owner.get(m.last)
        for _ in range(3):
            if tok.dep_ != "compound" or tok.head.i <= tok.i:
                return False
            tok = tok.head
            if tok.i in self.owner and self.owner[tok.i] != own:
                return True
        return False

    def _role_evidence(self, m: Mention) -> bool:
        """A role noun before the name ("dancer Bez"), or being listed with a person
        appositive ("two sons, Avi and Joel"): firms can have these too."""
        doc, last = self.doc, self.doc[m.last]
        if m.first > 0 and doc[m.first - 1].is_lower and is_person_noun(doc[m.first - 1]):
            return True
        top = last
        while top.dep_ == "conj" and top.head.i < top.i:
            top = top.head
        if top is last or top.dep_ != "appos" or not is_person_noun(top.head):
            return False
        listed = [t for t in top.subtree if t is top or t.dep_ == "conj"]
        people = sum(1 for t in listed if t.i in self.owner)
        return people > sum(1 for t in listed if t.ent_type_ in _THING_LABELS and
                            t.i not in self.owner and not is_person_noun(t))

    def _speaker_evidence(self, m: Mention) -> bool:
        last = self.doc[m.last]
        return last.dep_ == "nsubj" and last.head.lower_ in SPEECH_VERBS

    def _strong_evidence(self, m: Mention) -> bool:
        """A title, a person appositive, or a "who" clause after a name of two words or
        more (British copy gives teams "who" too): only people have these."""
        if m.titles:
            return True
        last = self.doc[m.last]
        if last.dep_ == "appos" and _only_people(last.head):
            return True
        for child in last.children:
            if child.dep_ == "appos" and _only_people(child):
                return True
            if child.dep_ == "relcl" and len(m.words) > 1 and any(
                    t.lower_ in ("who", "whose") for t in child.children):
                return True
        return False

    def _plural(self, group: list[Mention]) -> bool:
        """A name that takes a plural verb: British copy says "Blackburn have rejected",
        "Rovers, who are aiming"; a person never agrees in the plural alone."""
        for m in group:
            tok = self.doc[m.last]
            if any(c.dep_ in ("conj", "cc") for c in tok.children):
                continue  # "Blair and Brown have ...": the pair is plural, not each
            verb = None
            if tok.dep_ in ("nsubj", "nsubjpass"):
                verb = tok.head
            else:
                verb = next((c for c in tok.children if c.dep_ == "relcl"), None)
            if verb is None:
                continue
            auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            finite = min([verb, *auxes], key=lambda t: t.i)  # "would ... have gone": "would"
            if finite.tag_ == "VBP" and finite.i > tok.i:
                return True
        return False

    def _modifies(self, group: list[Mention]) -> bool:
        """A lone name used to modify a common noun ("Uefa officials", "Uefa delegate"):
        organisations are used that way, people seldom."""
        for m in group:
            tok = self.doc[m.last]
            if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.is_lower:
                return True
        return False

    def _outvoted(self, group: list[Mention]) -> bool:
        """The group's names are tagged as things at least as often as the model tagged
        them PERSON. A mention found by a context rule overrides its own tag. Only the
        fullest forms vote: the model often calls a bare surname an ORG or GPE."""
        longest = max(len(m.words) for m in group)
        forms = {" ".join(m.words) for m in group if len(m.words) == longest}
        things = sum(self.labels.get(f, Counter())[k] for f in forms for k in _THING_LABELS)
        things -= sum(1 for m in group if m.context and len(m.words) == longest)
        persons = sum(1 for m in group if (m.tagged or m.context) and len(m.words) == longest)
        return things > 0 and things >= persons

    def _doubt(self, m: Mention, lists: bool = True) -> bool:
        if any(is_org_word(w) for w in m.words) or bare(m.words[-1]) in COMPASS_WORDS:
            return True
        if len(m.words) > 1 and (bare(m.words[0]) in COMPASS_WORDS or m.words[0] in _ARTICLES):
            return True  # "South Africa", "North Devon", "De Telegraaf", "Le Matin"
        if len(m.words) > 1 and any(w.isupper() and len(w) >= 3 for w in m.words):
            return True  # "Xerox PARC": an acronym inside a name is a firm's
        last = self.doc[m.last]
        for child in last.children:
            if child.dep_ == "appos" and child.lower_ in ORG_WORDS:
                return True
        if not lists:
            return False
        near = [c for c in last.children if c.dep_ == "conj"]
        if last.dep_ == "conj":
            near.append(last.head)
        return any(t.ent_type_ in _THING_LABELS for t in near)

