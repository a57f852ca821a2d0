"""The site-wide person records: one SitePerson per visible identity, and their order.

Called by `sitegen.link.site` with each article's facts already placed.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from sitegen.link.article import ArticleFacts
from sitegen.link.identity import Entry, Ident
from sitegen.link.names import fold
from sitegen.model import Article, CoPerson, PersonCard, SitePerson

#: Person id -> (the inputs of their record, the record), kept between calls.
PeopleMemo = dict[str, tuple[tuple[Any, ...], SitePerson]]


def make_people(
    articles: Sequence[Article],
    facts: Sequence[ArticleFacts],
    entries: Sequence[Entry],
    idents: Sequence[Ident | None],
    ids: Mapping[Ident, str],
    names: Mapping[Ident, str],
    cards: Mapping[Ident, PersonCard],
    co_limit: int,
    memo: PeopleMemo | None = None,
) -> tuple[dict[str, SitePerson], tuple[str, ...]]:
    """People by id (ids sorted) and the ids by prominence: mentions, quotes, articles.
    With a `memo` from the last call, a person whose inputs are unchanged keeps their
    record; the memo is updated to this call's people."""
    forms: dict[str, set[str]] = {}
    for entry, ident in zip(entries, idents, strict=True):
        if ident is not None and ident in ids:
            forms.setdefault(ids[ident], set()).update((entry.found.name, *entry.found.aliases))
    here: dict[str, list[tuple[Article, ArticleFacts]]] = {}
    totals: Counter[str] = Counter()
    for article, f in zip(articles, facts, strict=True):
        for pid, count in f.mentions.items():
            here.setdefault(pid, []).append((article, f))
            totals[pid] += count
    co = _co_people(facts)
    people: dict[str, SitePerson] = {}
    fresh: PeopleMemo = {}
    for ident, pid in sorted(ids.items(), key=lambda item: item[1]):
        card = cards.get(ident)
        if card is not None:
            forms.setdefault(pid, set()).update((card.name, *card.aliases))
        # Among people sharing as many articles, the more mentioned come first.
        shared = co.get(pid)
        co_ranked = heapq.nsmallest(co_limit, shared.items(),
                                    key=lambda oc: (-oc[1], -totals[oc[0]], oc[0])
                                    ) if shared else []
        co_people = tuple(CoPerson(o, c) for o, c in co_ranked)
        person_forms, person_here = forms.get(pid, set()), here.get(pid, [])
        if memo is None:
            people[pid] = _person(pid, names[ident], person_forms, person_here, card, co_people)
            continue
        key = (names[ident], frozenset(person_forms), tuple(person_here), card, co_people)
        old = memo.get(pid)
        if old is not None and old[0] == key:
            people[pid] = old[1]
        else:
            people[pid] = _person(pid, names[ident], person_forms, person_here, card, co_people)
        fresh[pid] = (key, people[pid])
    if memo is not None:
        memo.clear()
        memo.update(fresh)
    order = sorted(people.values(), key=lambda p: (
        -p.mention_count, -p.quote_count, -len(p.article_slugs), p.id))
    return people, tuple(p.id for p in order)


def _person(
    pid: str,
    name: str,
    forms: set[str],
    here: Sequence[tuple[Article, ArticleFacts]],
    card: PersonCard | None,
    co_people: tuple[CoPerson, ...],
) -> SitePerson:
    ranked = sorted(range(len(here)), key=lambda n: (-here[n][1].mentions[pid], n))
    roles: Counter[str] = Counter(f.roles[pid] for _, f in here if pid in f.roles)
    # "Prime Minister" and "prime minister" are one role, shown in its commonest spelling.
    by_fold: dict[str, list[str]] = {}
    for role in sorted(roles, key=lambda r: (-roles[r], r)):
        by_fold.setdefault(fold(role), []).append(role)
    role_order = sorted((forms[0] for forms in by_fold.values()),
                        key=lambda r: (-sum(roles[f] for f in by_fold[fold(r)]), r))
    if card is not None and card.role:
        role_order = [card.role, *(r for r in role_order if fold(r) != fold(card.role))]
    dates = [a.published for a, _ in here if a.published is not None]
    quotes = sum(p.quote_count for _, f in here for p in f.links.people if p.person_id == pid)
    return SitePerson(
        id=pid,
        name=name,
        aliases=tuple(sorted((f for f in forms if f.strip() and f != name),
                             key=lambda f: (fold(f), f))),
        roles=tuple(role_order),
        bio_html=card.bio_html if card is not None else "",
        image=card.image if card is not None else None,
        mention_count=sum(f.mentions[pid] for _, f in here),
        quote_count=quotes,
        article_slugs=tuple(here[n][0].slug for n in ranked),
        first_seen=min(dates, default=None),
        last_seen=max(dates, default=None),
        co_people=co_people,
        card_path=card.source_path if card is not None else None,
    )


def _co_people(facts: Sequence[ArticleFacts]) -> dict[str, dict[str, int]]:
    """Person id -> how many articles they share with each other person."""
    co: dict[str, dict[str, int]] = {}
    for f in facts:
        present = f.mentions
        if len(present) < 2:
            continue
        for pid in present:
            counter = co.get(pid)
            if counter is None:
                counter = co[pid] = {}
            for other in present:
                if other != pid:
                    counter[other] = counter.get(other, 0) + 1
    return co
