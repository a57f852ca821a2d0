"""Names as strings: honorifics, post-nominals, possessives, and word lists.  (pure text)

Owns the vocabulary that people and quote rules share, and the helpers that
turn a surface form ("Mr Abbas's", "Sen. Chuck Schumer", "Lord Irvine of
Lairg") into its parts. Needs no model, so every helper is tested on strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Words that stand before a name and are not part of it, lower-cased, no dots.
#: Multi-word titles are matched word by word, so "Prime Minister" strips both.
HONORIFICS = frozenset(
    """mr mrs ms miss mx dr sir lord lady dame baroness baron earl viscount
    president vice prime minister chancellor secretary senator sen rep representative
    gov governor gen general lt col colonel maj major capt captain cmdr adm admiral
    sgt sergeant cpl judge justice prof professor rev reverend fr father
    sister brother rabbi imam bishop archbishop cardinal pope
    king queen prince princess duke duchess sheikh sheik
    mayor ambassador commissioner councillor cllr speaker chairman chairwoman chair chairperson
    coach det detective insp inspector supt officer pc attorney solicitor
    comptroller treasurer superintendent constable marshal sheriff envoy pastor
    mp""".split()
)
#: Titles that only ever stand before a person's name: "Mr Gaymard" is a person
#: even when the model tags "Gaymard" as something else.
PERSONAL_TITLES = frozenset(
    "mr mrs ms miss mx dr sir dame baroness sen senator rep gov prof rev lord lady".split()
)
#: Titles of office that can follow other words inside an entity ("Lib Dem MP X",
#: "Labour leader X"); royal, noble and religious titles are left out because they
#: also occur inside names ("Martin Luther King", "Prince Charles").
OFFICE_TITLES = frozenset(
    """mp mep msp sen senator rep representative gov governor dr president minister
    secretary chancellor judge justice mayor ambassador commissioner chairman chairwoman
    chair councillor cllr prof professor""".split()
)
#: Titles written with a dot ("Sen.", "Lt."): any other word ending in a dot ends a sentence.
ABBREVIATED_TITLES = frozenset(
    """mr mrs ms dr sen rep gov lt col gen maj capt cmdr adm sgt cpl prof rev fr st det
    insp supt cllr pres sec atty""".split()
)
#: Abbreviated office titles and the word they stand for ("Sen." == "Senator").
TITLE_WORDS = {"sen": "senator", "rep": "representative", "gov": "governor",
               "prof": "professor", "gen": "general", "supt": "superintendent",
               "insp": "inspector", "det": "detective", "cllr": "councillor"}
#: Honorifics that tell a person's sex, used to resolve "he" and "she".
MALE_TITLES = frozenset("mr sir lord baron earl king prince duke father fr brother".split())
FEMALE_TITLES = frozenset(
    "mrs ms miss lady dame baroness queen princess duchess sister".split()
)
#: Titles of peers, after which "of Place" is part of the name (Lord Irvine of Lairg).
PEER_TITLES = frozenset("lord lady baroness baron earl viscount duke duchess".split())
#: Letters after a name that are not part of it (Philippe Sands QC).
POST_NOMINALS = frozenset("qc kc mp msp mep am obe mbe cbe kbe phd md esq".split())
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

_DOTS = re.compile(r"\.")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def fold(word: str) -> str:
    """A word lower-cased with dots removed, for comparing against the word lists."""
    return _DOTS.sub("", word).lower()


def is_person_word(word: str) -> bool:
    """'spokesman', 'sons', 'chairmen': a noun for a person (lower-case word)."""
    return (word in PERSON_NOUNS or word.rstrip("s") in PERSON_NOUNS
            or (word.endswith("men") and word[:-3] + "man" in PERSON_NOUNS))


def is_honorific(word: str) -> bool:
    return fold(word) in HONORIFICS


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
        for t in self.titles:
            if fold(t) in MALE_TITLES:
                return "m"
            if fold(t) in FEMALE_TITLES:
                return "f"
        return None


def split_name(form: str) -> NameParts:
    """Split 'Prime Minister Tony Blair' into titles and name words.

    The last word is never stripped, so 'Baroness Scotland' keeps 'Scotland'
    and a lone 'President' stays a name (the caller decides if it is one).
    Post-nominals ('QC') and a trailing possessive are dropped.
    """
    words = strip_possessive(form.strip()).split()
    while len(words) > 1 and fold(words[-1]) in POST_NOMINALS:
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
    w = fold(word)
    return w in ORG_WORDS or (w.endswith("s") and w[:-1] in ORG_WORDS)


#: Inflected forms of verbs that report speech or writing (the lemmatizer is off).
REPORTING_VERBS = frozenset(
    """say says said saying tell tells told telling add adds added adding
    warn warns warned warning insist insists insisted insisting argue argues argued arguing
    claim claims claimed claiming stress stresses stressed stressing explain explains explained
    ask asks asked asking reply replies replied answer answered respond responded
    comment commented note notes noted observe observed remark remarked
    declare declared announce announced state states stated write writes wrote written
    admit admits admitted concede conceded acknowledge acknowledged confirm confirmed
    suggest suggested predict predicted promise promised urge urged
    deny denies denied describe describes described call calls called calling
    condemn condemned criticise criticised criticize criticized attack attacked
    accuse accused praise praised welcome welcomed dismiss dismissed reject rejected
    tweet tweeted post posted recall recalled recalls continue continued conclude concluded
    quip quipped joke joked shout shouted cry cried mutter muttered whisper whispered
    scream screamed yell yelled exclaim exclaimed boast boasted vow vowed pledge pledged
    complain complained lament lamented caution cautioned emphasise emphasised
    emphasize emphasized reiterate reiterated maintain maintained contend contended
    agree agreed disagree disagreed point pointed brand brands branded label labelled labeled
    dub dubbed term termed hail hailed slam slammed blast blasted demand demanded
    tell telling blame blamed question questioned
    observes remarks comments answers responds declares announces admits concedes
    acknowledges confirms suggests predicts urges warns""".split()
)
#: The subset that is strong enough to show the subject is a speaking person.
SPEECH_VERBS = frozenset(
    "say says said saying tell tells told add adds added insist insisted argue argued "
    "warn warned explain explained admit admitted".split()
)
#: Verbs after which a following name is the speaker, not the addressee ("said Mr X").
INVERTING_VERBS = frozenset(
    """said says added adds explained insisted continued wrote argued stressed noted
    commented replied recalled concluded admitted warned observes observed remarks
    remarked""".split()
)


def puts_it(verb_lower: str, children_lower: list[str]) -> bool:
    """'as one tenant put it': "put it" reports words like a verb of saying."""
    return verb_lower in ("put", "puts") and "it" in children_lower
