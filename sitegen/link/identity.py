"""Who is who across the site: resolve every person found in an article to one identity.

The rules, in order (keys come from `sitegen.link.names`, so accents, case,
possessives and leading titles never matter):

1. Full names ("Tony Blair") are one identity per key across the whole site.
   A card wins: a full name that is, or has a full-name alias that is, a
   card's name or alias belongs to that card. Two people who share a surname
   (Tony and Cherie Blair) have different keys, so they never merge.
2. A one-word name ("Blair", "Mr Blair") joins the full-name person of the same
   article with that surname (or, failing that, that first name) when the
   article names exactly one.
3. Otherwise a card that lists the word as its name or alias takes it: that is
   how an editor settles an ambiguous surname.
4. Otherwise it joins the one full-name person with that surname in its
   article or, if the article names none, anywhere on the site. With several
   candidates it is ambiguous; with none, every article's bare "Blair" is one
   identity of its own.

Throughout, a gendered title settles a shared surname: "Mr Blair" never joins
a person called "Mrs Blair" (or "Ms", "Lady"...) anywhere on the site, and
the other way round.

An ambiguous mention belongs to nobody: it is not linked and a quote by it has
no speaker_id (its `source` keeps the name as written). The link stage warns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sitegen.link.names import NameKey, is_full_name, name_key, surname, title_gender
from sitegen.model import PersonCard, PersonFound

#: ("card", slug) for a card's person, ("name", *key) for one found only by extraction.
Ident = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One person found in one article."""

    article_slug: str
    found: PersonFound
    key: NameKey


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A one-word name that more than one person could own."""

    entry: Entry
    candidates: tuple[Ident, ...]


@dataclass(slots=True)
class Resolution:
    """Entry -> identity (None when ambiguous), plus the ambiguities and card clashes."""

    idents: list[Ident | None] = field(default_factory=list)
    ambiguities: list[Ambiguity] = field(default_factory=list)
    card_clashes: list[tuple[PersonCard, str, str]] = field(default_factory=list)
    genders: dict[Ident, set[str]] = field(default_factory=dict)  # from gendered titles


def resolve(entries: Sequence[Entry], cards: Sequence[PersonCard]) -> Resolution:
    """The identity of each entry, in the order given (entries and cards must be sorted)."""
    result = Resolution()
    card_of = _card_keys(cards, result)
    full_of = [_full_ident(e, card_of) if is_full_name(e.key) else None for e in entries]
    by_surname: dict[str, set[Ident]] = {}
    for card in cards:
        for key in _card_forms(card):
            if is_full_name(key):
                by_surname.setdefault(surname(key), set()).add(("card", card.slug))
    local: dict[str, list[tuple[NameKey, Ident]]] = {}
    for entry, ident in zip(entries, full_of, strict=True):
        if ident is not None:
            result.genders.setdefault(ident, set()).update(_genders(entry.found))
            by_surname.setdefault(surname(entry.key), set()).add(ident)
            local.setdefault(entry.article_slug, []).append((entry.key, ident))
    for entry, ident in zip(entries, full_of, strict=True):
        if ident is None:
            ident = _short_ident(entry, card_of, local.get(entry.article_slug, []),
                                 by_surname, result)
        result.idents.append(ident)
    return result


def _genders(found: PersonFound) -> set[str]:
    return {g for g in map(title_gender, (found.name, *found.aliases)) if g}


def _compatible(entry: Entry, idents: Iterable[Ident], result: Resolution) -> set[Ident]:
    """The idents whose titles do not contradict the entry's ("Mr" vs "Mrs")."""
    mine = _genders(entry.found)
    if len(mine) != 1:
        return set(idents)
    return {i for i in idents if not (result.genders.get(i, set()) - mine)}


def _card_forms(card: PersonCard) -> Iterable[NameKey]:
    for form in (card.name, *card.aliases):
        key = name_key(form)
        if key:
            yield key


def _card_keys(cards: Sequence[PersonCard], result: Resolution) -> dict[NameKey, Ident]:
    card_of: dict[NameKey, Ident] = {}
    owner: dict[NameKey, str] = {}
    for card in cards:
        for key in _card_forms(card):
            if key in card_of and card_of[key] != ("card", card.slug):
                result.card_clashes.append((card, " ".join(key), owner[key]))
                continue
            card_of[key] = ("card", card.slug)
            owner[key] = card.source_path
    return card_of


def _full_ident(entry: Entry, card_of: dict[NameKey, Ident]) -> Ident:
    if entry.key in card_of:
        return card_of[entry.key]
    # Only full-name aliases may pull a person into a card: a bare "Blair" alias
    # is shared by every Blair and must not decide who Tony Blair is.
    for alias in entry.found.aliases:
        key = name_key(alias)
        if is_full_name(key) and key in card_of:
            return card_of[key]
    return ("name", *entry.key)


def _short_ident(
    entry: Entry,
    card_of: dict[NameKey, Ident],
    local: list[tuple[NameKey, Ident]],
    by_surname: dict[str, set[Ident]],
    result: Resolution,
) -> Ident | None:
    if not entry.key:
        return None
    token = entry.key[-1]
    local_ids = _compatible(entry, {i for key, i in local if surname(key) == token}, result)
    if not local_ids:  # "Cherie" in an article that names Cherie Blair
        local_ids = _compatible(entry, {i for key, i in local if key[0] == token}, result)
    if len(local_ids) == 1:
        return next(iter(local_ids))
    if entry.key in card_of:  # the editor's choice settles what the text leaves open
        return card_of[entry.key]
    candidates = local_ids or _compatible(entry, by_surname.get(token, set()), result)
    if len(candidates) == 1:
        return next(iter(candidates))
    if candidates:
        result.ambiguities.append(Ambiguity(entry, tuple(sorted(candidates))))
        return None
    return ("name", *entry.key)
