"""Who a subject stands for when it is not one named person.  Needs: parse, `People`.

Helpers of `resolve.Resolver`, each a rule about subjects that name a group,
a title or a speech act rather than one person:
- joint speakers: "Rep. A and Rep. B said" names two people, so the words
  are nobody's alone (GUIDELINES: speaker null, the source names both);
- a definite title: "the minister said" is the person whose role holds that
  title ("Finance Minister X") or who carries it ("Sen." for "senator");
- a speech noun's maker: a phrase quoted after "union warnings" or "Labour
  suggestions" in a sentence with no reporting verb is that maker's;
- an interview label: a paragraph led by a name and a colon ('Marsh: "..."')
  is that person's, or that outlet's ('The Herald: "...?"').
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitegen.lexicon.titles import bare, spelled_out

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sitegen.extract.people.collect import People

#: Nouns for something said, whose maker is the speaker of a phrase quoted in them.
_SPEECH_NOUNS = frozenset("""suggestion claim warning accusation allegation remark comment
    promise pledge assertion insistence argument threat demand criticism complaint""".split())


def joint_source(people: People, subj: Token, person: int) -> str | None:
    """"A and B" when `subj` is joined by "and" to other named people, else None. A name
    governed by a preposition does not count ("In a letter to C, A and B said": the
    parse may join C too)."""
    root = subj
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    members: list[int] = []
    for tok in [root, *(t for t in root.subtree if t.dep_ == "conj")]:
        k = people.person_at(tok.i)
        if k is not None and k not in members and tok.dep_ != "pobj":
            members.append(k)
    if len(members) < 2 or person not in members:
        return None
    names = [people.found[k].name for k in members]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _has_title(form: str, name: str, title: list[str], role: bool) -> bool:
    words = [spelled_out(w) for w in form.split()]
    if not role:
        words = words[: -len(name.split())]  # an alias's titles only, not the name
    n = len(title)
    return any(words[i : i + n] == title for i in range(len(words) - n + 1))


def role_holder(people: People, subj: Token, char: int) -> int | None:
    """The person whose role holds the subject's title words ("the attorney general",
    "the minister") or who carries them as a title, the one named nearest `char`."""
    title = [bare(c.text) for c in subj.children if c.dep_ == "compound" and c.i < subj.i]
    title.append(bare(subj.text))
    holders = [k for k, p in enumerate(people.found)
               if (p.role and _has_title(p.role, p.name, title, True))
               or any(_has_title(a, p.name, title, False) for a in p.aliases if a != p.name)]
    if not holders:
        return None
    return min(holders, key=lambda k: min(abs(a - char) for a, _ in people.found[k].mentions))


def speech_noun_maker(doc: Doc, people: People, first: int) -> str | None:
    """The unnamed maker of the nearest speech noun before token `first` in its sentence
    ('union' in "union warnings"); None for a person (the caller's rule) or no maker."""
    sent_start = doc[first].sent.start
    for i in range(first - 1, sent_start - 1, -1):
        tok = doc[i]
        if tok.pos_ == "NOUN" and (tok.lower_ in _SPEECH_NOUNS or tok.lower_[:-1] in _SPEECH_NOUNS):
            maker = next((c for c in tok.children if c.i < tok.i
                          and c.dep_ in ("compound", "poss", "amod") and (
                              c.pos_ in ("PROPN", "NOUN") or c.ent_type_ == "NORP")), None)
            if maker is None or people.person_at(maker.i) is not None:
                return None
            return maker.text
    return None


def interview_label(doc: Doc, people: People, open_mark: int,
                    first: int) -> tuple[int | None, str | None] | None:
    """(person, None) or (None, source) for a quotation whose paragraph starts with a
    short capitalised label and a colon; None when there is no such label."""
    text = people.text or doc.text
    lead = text[text.rfind("\n", 0, open_mark) + 1 : open_mark].strip()
    if not lead.endswith(":") or len(lead.split()) > 4 or first == 0:
        return None
    colon = doc[first - 1]
    while colon.i > 0 and colon.text != ":":
        colon = doc[colon.i - 1]
    person = people.person_at(colon.i - 1) if colon.i else None
    if person is not None:
        return person, None
    words = lead[:-1].split()
    named = all(w[:1].isupper() or w in ("of", "the") for w in words)
    return (None, lead[:-1].strip()) if named else None
