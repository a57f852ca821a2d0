"""Titles that stand before a person's name, and what each tells about them.  (pure text)

One list for the whole package: `extract` strips these words from mentions
("Prime Minister Tony Blair" is Tony Blair) and `link` drops them from name
keys, so both sides agree on what is part of a name. Words are compared
lower-cased without dots ("Sen." is "sen"): see `bare`.
"""

from __future__ import annotations

import re

#: Words that stand before a name and are not part of it. Multi-word titles are
#: matched word by word, so "Prime Minister" strips both.
HONORIFICS = frozenset(
    """mr mrs ms miss mx dr sir lord lady dame baroness baron earl viscount
    president vice prime minister chancellor secretary senator sen rep representative
    congressman congresswoman gov governor gen general lt lieutenant col colonel maj major
    capt captain cmdr commander adm admiral sgt sergeant cpl
    judge justice prof professor rev reverend fr father
    sister brother rabbi imam bishop archbishop cardinal pope
    king queen prince princess duke duchess sheikh sheik
    mayor ambassador commissioner councillor cllr speaker chairman chairwoman chair chairperson
    chief coach manager det detective insp inspector supt officer pc attorney solicitor
    comptroller treasurer superintendent constable marshal sheriff envoy pastor
    mp mep foreign home deputy shadow""".split()
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
#: Titles that tell a person's sex: "Mr Blair" is not Cherie, "Ms Essex" is "she".
MALE_TITLES = frozenset("mr sir lord baron earl king prince duke father fr brother".split())
FEMALE_TITLES = frozenset(
    "mrs ms miss lady dame baroness queen princess duchess sister".split()
)
#: Titles of peers, after which "of Place" is part of the name (Lord Irvine of Lairg).
PEER_TITLES = frozenset("lord lady baroness baron earl viscount duke duchess".split())
#: Letters after a name that are not part of it (Philippe Sands QC).
POST_NOMINALS = frozenset("qc kc mp msp mep am obe mbe cbe kbe phd md esq".split())
#: Generational suffixes: part of a name, but never its surname.
SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))

_DOTS = re.compile(r"\.")


def bare(word: str) -> str:
    """A word lower-cased with dots removed, as the lists above spell it ("Sen." -> "sen")."""
    return _DOTS.sub("", word).lower()


def is_honorific(word: str) -> bool:
    return bare(word) in HONORIFICS


def title_sex(word: str) -> str | None:
    """"m" or "f" when the title tells a person's sex ("Mrs", "Lord"), else None."""
    w = bare(word)
    if w in MALE_TITLES:
        return "m"
    if w in FEMALE_TITLES:
        return "f"
    return None


def is_gendered_title(word: str) -> bool:
    """Mr/Mrs/Lord...: a title of address that says nothing about office."""
    return title_sex(word) is not None


def spelled_out(word: str) -> str:
    """An abbreviated title written in full ("Sen." -> "senator"), folded."""
    w = bare(word)
    return TITLE_WORDS.get(w, w)
