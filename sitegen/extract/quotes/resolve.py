"""Resolving a reporting verb's subject to a person, or to a short unnamed source.

Needs: sentences, dependency parse, and `People` (mentions by token and offset).

- A subject inside a person's mention is that person ("Mr Kennedy said").
- A definite title with no name ("the minister said") goes to the person
  whose role holds those words or who carries them as a title, the one
  named nearest when several do (`sources.role_holder`).
- "he"/"she", and other definite titles ("said the national team
  coach", "the attorney general denied"), go to the most salient person
  before the quotation: the nearest sentence (outside quotation marks) that
  names a compatible person, and in it the grammatical subject, else the
  first named; with no subject there but the last quoted speaker among the
  names, that speaker goes on. Sex is known from the text (`genders`:
  titles, "his wife, X", "X said she ..."); for "she" a known
  woman in the last three such sentences wins, since without a name lexicon
  most unknowns in news copy are men. With nobody before, the first person
  after is taken (a lede: "..., he insisted. Lord Goldsmith said ...").
- A named subject joined by "and" to another named person ("Sen. A and Sen. B
  said") is a joint statement: no speaker, the source names both; so is
  "they" when one of the two sentences before has such a subject.
- Anything else is an unnamed source: the subject's words, cut short ("a
  spokesman for the supporters club", "the Treasury").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitegen.extract.people.filter import is_person_noun
from sitegen.extract.people.genders import PRONOUN_SEX, infer_genders
from sitegen.extract.quotes.sources import joint_source, role_holder, speech_noun_maker
from sitegen.extract.quotes.spans import QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from sitegen.extract.people.collect import People

_PRONOUN_SEX = PRONOUN_SEX
#: Person nouns that stand for somebody unnamed, so "the spokesman" is not resolved.
_UNNAMED = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "officials",
                      "source", "sources", "aide", "aides", "adviser", "advisers", "member"})
_SOURCE_WORDS = 8
_WINDOW = 3


@dataclass(frozen=True, slots=True)
class Who:
    """A quotation's speaker (index into People.found) or unnamed source."""

    speaker: int | None
    source: str | None = None


def _aged_or_national(subj: Token) -> bool:
    """'the 21-year-old', 'the Canadian': a definite description of one person."""
    if subj.lower_.endswith("-old") or (subj.lower_ == "old" and subj.i >= 2
                                        and subj.doc[subj.i - 2].lower_ == "year"):
        return True
    return subj.ent_type_ == "NORP" and subj.tag_ in ("NNP", "NN", "JJ") and not (
        subj.lower_.endswith("s"))


class Resolver:
    """Subject-to-speaker resolution for one Doc."""

    def __init__(self, doc: Doc, people: People, spans: list[QuoteSpan]) -> None:
        self.doc = doc
        self.people = people
        self.bounds = [(s.open_mark, s.close_mark if s.close_mark is not None else s.end)
                       for s in spans]
        self.opens = [b[0] for b in self.bounds]
        self.genders = infer_genders(doc, people, self._quoted)

    def _quoted(self, char: int) -> bool:
        k = bisect_right(self.opens, char) - 1
        return k >= 0 and char <= self.bounds[k][1]

    def resolve(self, subj: Token, char: int, previous: int | None = None) -> Who:
        """Who `subj` (a reporting verb's subject) is; `previous` is the last quoted speaker."""
        person = self.people.person_at(subj.i)
        if person is None:  # "Another peer, Lord Skidelsky, said"
            person = next((self.people.person_at(c.i) for c in subj.children
                           if c.dep_ == "appos" and self.people.person_at(c.i) is not None), None)
        if person is None and is_person_noun(subj):
            person = self._named_at_end(subj)
        if person is not None:
            return self._joint(subj, person) or Who(person)
        word = subj.lower_
        if word == "they":
            pair = self._pair_before(subj)
            if pair is not None:
                return pair
        if word in _PRONOUN_SEX:
            unnamed = self._unnamed_antecedent(subj)
            if unnamed is not None:
                return unnamed
            return self.salient(char, _PRONOUN_SEX[word], previous)
        if (word not in _UNNAMED and (is_person_noun(subj) or _aged_or_national(subj))
                and any(c.lower_ == "the" for c in subj.children)):
            holder = role_holder(self.people, subj, char)
            if holder is not None:
                return Who(holder)  # "the minister said": the one the article calls minister
            found = self.salient(char, None)
            if found.speaker is not None:
                return found
        if word not in _UNNAMED and is_person_noun(subj) and any(
                c.lower_ in ("his", "her") and c.dep_ == "poss" for c in subj.children):
            holder = role_holder(self.people, subj, char)  # "His son said": "his son, X"
            if holder is not None:
                return Who(holder)
        return Who(None, self._source(subj))

    def _joint(self, subj: Token, person: int) -> Who | None:
        source = joint_source(self.people, subj, person)
        return Who(None, source) if source is not None else None

    def _pair_before(self, pronoun: Token) -> Who | None:
        """"A and B wrote to ... "...," they wrote.': "they" is the pair of the nearest
        earlier sentence (of two) whose subject joins two named people."""
        sent = pronoun.sent
        for _ in range(2):
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
            subj = self._root_subject(sent)
            person = self.people.person_at(subj.i) if subj is not None else None
            if subj is not None and person is not None and not self._quoted(subj.idx):
                return self._joint(subj, person)
        return None

    def _unnamed_antecedent(self, pronoun: Token) -> Who | None:
        """"A Labour spokesman denied it. "...," he said.": when the nearest earlier
        sentence whose main subject is a person or a person noun has an unnamed one
        ("a spokesman"), "he" is that source, not the last named person."""
        sent = pronoun.sent
        for _ in range(3):
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
            subj = self._root_subject(sent)
            if subj is None or self._quoted(subj.idx):
                continue
            if self.people.person_at(subj.i) is not None or subj.lower_ in _PRONOUN_SEX:
                return None
            if is_person_noun(subj) and subj.lower_ in _UNNAMED:
                return Who(None, self._source(subj))
        return None

    def _root_subject(self, sent: Span) -> Token | None:
        return next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    def _named_at_end(self, subj: Token) -> int | None:
        """'Gloucester director of rugby Nigel Melville': a name ending the subject phrase
        after a noun, not after a preposition ('a spokesman for Mr Blair')."""
        end = subj.right_edge
        person = self.people.person_at(end.i)
        if person is None:
            return None
        k = end.i
        while k > subj.i and (self.people.person_at(k - 1) == person
                              or self.doc[k - 1].text[:1].isupper()):
            k -= 1  # back over the name and any capitalised titles ("House Speaker")
        before = self.doc[k - 1] if k > subj.i else self.doc[k]
        return person if before.is_lower and before.pos_ in ("NOUN", "PROPN", "ADJ") else None

    def nearest(self, char: int) -> Who:
        return self.salient(char, None)

    def in_sentence(self, start: int, end: int, recent: int | None, first: int) -> Who:
        """Whose words a phrase quoted at token `first` of a narrative sentence (tokens
        start..end-1) are: a he/she main subject; a named subject; a person the phrase
        belongs to ("a call by Lord Mackay to publish the "full text"", "Mr Brown's
        "golden rule""); else the `recent` speaker, else the first named, else nobody."""
        found = [(s, p, t) for s, p, t in self.people.after(self.doc[start].idx - 1)
                 if t < end and not self._quoted(s)]
        found = [m for m in found if start <= m[2] < end]
        maker = speech_noun_maker(self.doc, self.people, first)
        if maker is not None:
            return Who(None, maker)
        root_subject = self._root_subject(self.doc[start:end])
        if root_subject is not None and root_subject.lower_ in _PRONOUN_SEX:
            return self.salient(root_subject.idx, _PRONOUN_SEX[root_subject.lower_])
        subject = self._subject_in(found)
        if subject is not None:
            return Who(subject)
        owner = next((m[1] for m in found if self._owns(self.doc[m[2]], first)), None)
        if owner is not None:
            return Who(owner)
        pronoun = next((t for t in self.doc[start:end] if t.dep_ == "nsubj"
                        and t.lower_ in _PRONOUN_SEX and not self._quoted(t.idx)), None)
        if pronoun is not None:
            return self.salient(pronoun.idx, _PRONOUN_SEX[pronoun.lower_])
        if recent is not None:
            return Who(recent)
        return Who(min(found)[1]) if found else Who(None)

    def _owns(self, name: Token, first: int) -> bool:
        """The name is the agent or possessor of a phrase that holds token `first`."""
        if name.dep_ == "poss":
            owned = name.head
        elif name.dep_ == "pobj" and name.head.lower_ in ("by", "from"):
            owned = name.head.head
        else:
            return False
        return owned.left_edge.i <= first <= owned.right_edge.i

    def subject_between(self, first: int, last: int) -> Who | None:
        """The last person named as the subject of a main clause in tokens first..last-1,
        outside quotes."""
        for _start, person, tok in self.people.before(self.doc[last].idx if last < len(self.doc)
                                                      else 1 << 62):
            if tok < first:
                return None
            t = self.doc[tok]
            if t.dep_ == "appos":  # "Her partner, Luis Ortega, put it bluntly: "...""
                t = t.head
            if (not self._quoted(_start) and t.dep_ in ("nsubj", "nsubjpass")
                    and t.head.dep_ in ("ROOT", "conj")):  # not "X will ..., the firm claims"
                return Who(person)
        return None

    def _compatible(self, person: int, sex: str | None) -> bool:
        known = self.genders[person]
        return sex is None or known is None or known == sex

    def salient(self, char: int, sex: str | None, previous: int | None = None) -> Who:
        """The most salient compatible person before `char` (see module docstring)."""
        sentences: list[list[tuple[int, int, int]]] = []
        last_sent = -1
        for start, person, tok in self.people.before(char):
            if self._quoted(start) or not self._compatible(person, sex):
                continue
            sent = self.doc[tok].sent.start
            if sent != last_sent and sex and self._pronoun_led(tok, sex):
                continue  # "He said ... Harriet Harman": "he" is still the earlier person
            if sent != last_sent:
                if len(sentences) == _WINDOW:
                    break
                sentences.append([])
                last_sent = sent
            sentences[-1].append((start, person, tok))
        if sex == "f":
            for group in sentences:
                women = [m for m in group if self.genders[m[1]] == "f"]
                if women:
                    return Who(self._pick(women))
        if sentences:
            subject = self._subject_in(sentences[0])
            if subject is not None:
                return Who(subject)
            if previous is not None and any(m[1] == previous for m in sentences[0]):
                return Who(previous)  # no subject among several names: the speaker goes on
            return Who(min(sentences[0])[1])
        for start, person, _tok in self.people.after(char):
            if not self._quoted(start) and self._compatible(person, sex):
                return Who(person)
        return Who(None)

    def _pronoun_led(self, tok: int, sex: str) -> bool:
        """The mention's sentence has a same-sex pronoun as subject and names nobody as one."""
        sent = self.doc[tok].sent
        pronoun = {v: k for k, v in _PRONOUN_SEX.items()}[sex]
        subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass")]
        return any(t.lower_ == pronoun for t in subjects) and not any(
            self.people.person_at(t.i) is not None for t in subjects)

    def _pick(self, group: list[tuple[int, int, int]]) -> int:
        """In one sentence, the subject of its main verb, else any subject, else the first named."""
        subject = self._subject_in(group)
        return subject if subject is not None else min(group)[1]

    def _subject_in(self, group: list[tuple[int, int, int]]) -> int | None:
        subjects = [m for m in sorted(group) if self.doc[m[2]].dep_ in ("nsubj", "nsubjpass")]
        for _start, person, tok in subjects:
            if self.doc[tok].head.dep_ == "ROOT":
                return person
        return subjects[0][1] if subjects else None

    def _source(self, subj: Token) -> str:
        words = []
        for tok in subj.subtree:
            spaced = tok.i > 0 and bool(self.doc[tok.i - 1].whitespace_)
            dash = tok.text in ("-", "—") and spaced  # not the hyphen of "re-election"
            if tok.i > subj.i and (tok.text in (",", "(") or dash or tok.dep_ == "relcl"
                                   or tok.lower_ in ("who", "which", "that")):
                break
            if tok.is_space:
                continue
            words.append(tok.text_with_ws)
        text = "".join(words[:_SOURCE_WORDS]).strip().rstrip(",")
        first, _, rest = text.partition(" ")
        return (first.lower() + " " + rest).strip() if first in ("A", "An", "The") else text
