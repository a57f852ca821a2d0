"""Names as strings: a surface form split into titles and name words.  (pure text)

Turns a surface form ("Mr Abbas's", "Sen. Chuck Schumer", "Philippe Sands
QC") into its parts, and holds the word lists that tell a person's name from
an organisation's. Titles themselves live in `sitegen.lexicon.titles`. Needs
no model, so every helper is tested on strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitegen.lexicon.titles import POST_NOMINALS, bare, is_honorific, title_sex

#: Name-like words that mark an organisation, a place or a show, not a person.
ORG_WORDS = frozenset(
    """united utd city rovers athletic wanderers albion fc afc club team squad
    party labour tory tories conservative conservatives dem dems democrats republicans
    council committee commission association union federation league board group
    bank fund trust foundation institute university college school academy hospital
    ministry department office agency authority service services court house
    inc corp co ltd plc llc company holdings airlines airways motors media
    news times post herald radio tv television channel hour show programme program
    big brother street road avenue square central premiership championship cup grail
    marathon festival awards award prize games olympics grand prix rangers wireless films
    incorporated lab labs records borough county dynamo""".split()
)
#: Last words that make a name a place ("Leicester South") unless it has person evidence.
COMPASS_WORDS = frozenset("north south east west central".split())
#: Lower-case nouns that describe a person: evidence that a name near them is a person.
PERSON_NOUNS = frozenset(
    """son sons daughter daughters wife husband father mother brother sister
    boss chief head leader minister secretary spokesman spokeswoman spokesperson
    president chairman chairwoman director executive manager coach player striker
    footballer captain singer dancer actor actress star presenter host writer author
    broadcaster journalist editor analyst economist strategist lawyer barrister judge
    mp senator governor mayor official officer adviser advisor aide founder owner
    tycoon businessman businesswoman investor banker trader chancellor commissioner
    contestant housemate winner champion dj comedian musician rapper designer
    producer director artist scientist professor doctor researcher teacher student
    campaigner activist candidate member peer secretary-general chief-executive
    deputy colleague partner friend widow widower girlfriend boyfriend fan general qc
    backbencher novelist poet pianist guitarist drummer skipper goalkeeper keeper defender
    midfielder winger batsman bowler jockey boxer golfer cyclist athlete sprinter
    photographer historian academic surgeon nurse soldier pilot prisoner suspect victim
    witness grandmother grandfather uncle aunt nephew niece cousin chef
    seed veteran youngster teenager newcomer favourite rookie incumbent reviewer critic
    columnist commentator correspondent reporter blogger pundit lecturer curator
    king queen prince princess pope
    prosecutor lawmaker legislator physician pediatrician paediatrician epidemiologist
    biologist engineer firefighter trooper hiker climber cyclist farmer rancher
    volunteer survivor resident headteacher headmaster headmistress midwife paramedic
    pharmacist dentist surgeon economist physicist chemist""".split()
)

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")



def is_person_word(word: str) -> bool:
    """'spokesman', 'sons', 'chairmen': a noun for a person (lower-case word)."""
    return (word in PERSON_NOUNS or word.rstrip("s") in PERSON_NOUNS
            or (word.endswith("men") and word[:-3] + "man" in PERSON_NOUNS))



def strip_possessive(form: str) -> str:
    """'Trump's' -> 'Trump'; "Jones'" -> 'Jones'."""
    return _POSSESSIVE.sub("", form).rstrip()


@dataclass(frozen=True, slots=True)
class NameParts:
    """A surface form split into the title words before the name and the name words."""

    titles: tuple[str, ...]
    words: tuple[str, ...]

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def gender(self) -> str | None:
        """'m', 'f' or None, from the titles alone."""
        return next((s for s in map(title_sex, self.titles) if s), None)


def split_name(form: str) -> NameParts:
    """Split 'Prime Minister Tony Blair' into titles and name words.

    The last word is never stripped, so 'Baroness Scotland' keeps 'Scotland'
    and a lone 'President' stays a name (the caller decides if it is one).
    Post-nominals ('QC') and a trailing possessive are dropped.
    """
    words = strip_possessive(form.strip()).split()
    while len(words) > 1 and bare(words[-1]) in POST_NOMINALS:
        words.pop()
    titles: list[str] = []
    while len(words) > 1 and is_honorific(words[0]):
        titles.append(words.pop(0))
    return NameParts(tuple(titles), tuple(words))


def looks_like_name_word(word: str) -> bool:
    """Capitalised like a name word: 'Smith', "O'Neill", 'McCririck', 'JP', 'de'."""
    if word in ("de", "van", "von", "der", "da", "du", "la", "le", "bin", "al", "di"):
        return True
    return bool(word) and word[0].isupper() and any(c.isalpha() for c in word)


def is_org_word(word: str) -> bool:
    """'United', 'Televisions': a word that names organisations, places or shows."""
    w = bare(word)
    return w in ORG_WORDS or (w.endswith("s") and w[:-1] in ORG_WORDS)
