"""How person names compare: folding accents and case, honorifics, surnames.

Identity in `sitegen.link.site` is decided on the keys made here, never on the
surface strings, so "José Mourinho", "JOSE MOURINHO" and "Mr Mourinho's" agree.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from sitegen.lexicon.titles import HONORIFICS, SUFFIXES, title_sex

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_EDGE_PUNCT = ".,;:!?\"()[]{}"
_POSSESSIVE = re.compile(r"'s?$")

NameKey = tuple[str, ...]


def fold(text: str) -> str:
    """Accents removed, case folded, apostrophes straightened, spaces collapsed."""
    bare = text
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.translate(_APOSTROPHES).casefold().split())


# Pure functions of a string, called for every name form of every article: memoised.
@functools.lru_cache(maxsize=1 << 16)
def written_key(name: str) -> NameKey:
    """The words of a name as written, folded, without a possessive: titles kept."""
    tokens = [t.strip(_EDGE_PUNCT) for t in fold(name).split()]
    tokens = [t for t in tokens if t]
    if tokens:
        tokens[-1] = _POSSESSIVE.sub("", tokens[-1]) or tokens[-1]
    return tuple(tokens)


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> NameKey:
    """The tokens that identify a person: `written_key` without leading titles.

    Titles are dropped only while a token is left, so a name that is only a
    title ("Lord") keeps it.
    """
    tokens = written_key(name)
    start = 0
    while start < len(tokens) - 1 and tokens[start] in HONORIFICS:
        start += 1
    return tokens[start:]


def title_gender(form: str) -> str | None:
    """"m" or "f" when a name form starts with a gendered title, else None."""
    tokens = written_key(form)
    return title_sex(tokens[0]) if tokens else None


def surname(key: NameKey) -> str:
    """The last token that is not a generational suffix ("Martin Luther King Jr" -> "king")."""
    for token in reversed(key):
        if token not in SUFFIXES:
            return token
    return key[-1] if key else ""


def is_full_name(key: NameKey) -> bool:
    """Whether the key names more than a surname or a single given name."""
    return len([t for t in key if t not in SUFFIXES]) >= 2
