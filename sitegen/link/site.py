"""Link stage: turn per-article extractions and editorial cards into the Site.

Who is who is decided in `sitegen.link.identity`; this module applies the config
(`people.exclude`, `people.link`), hides people whose card says `hide: true`,
gives every person a unique id, and counts, orders and places everything so
that templates only format. Same input, same Site: everything is sorted on
stable keys.

`people.exclude` drops a found person whose name or any alias, compared
without accents, case or possessive (titles kept), is on the list; so "Blair"
on the list also drops a "Tony Blair" whom an article calls "Blair". To drop
one person, prefer a card with `hide: true`.

Hidden and excluded people are absent everywhere: no page, no link, no
entry in any list; a quote by them keeps its text and `source` but has no
speaker_id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sitegen.config import SiteConfig
from sitegen.content.articles import slugify
from sitegen.errors import ContentError, SourceLocation
from sitegen.link.article import ArticleFacts, link_article
from sitegen.link.identity import Entry, Ident, Resolution, resolve
from sitegen.link.names import NameKey, fold, name_key, written_key
from sitegen.link.people import PeopleMemo, make_people
from sitegen.link.related import quoted_with, related_articles
from sitegen.link.topics import make_topics
from sitegen.model import (
    Article,
    Extraction,
    PersonCard,
    PersonFound,
    Site,
    SitePerson,
    SiteQuote,
    TopicCard,
)

#: At most this many co-appearing people per person.
CO_PEOPLE_LIMIT = 10


@dataclass(frozen=True, slots=True)
class LinkResult:
    """The linked site and what the editor should know about it."""

    site: Site
    warnings: tuple[ContentError, ...]


def link(
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    cards: Sequence[PersonCard],
    config: SiteConfig,
    topic_cards: Sequence[TopicCard] = (),
) -> LinkResult:
    """Resolve people across articles and build the Site. Never raises on content."""
    return Linker(remember=False).link(articles, extractions, cards, config, topic_cards)


#: What an article's entries depend on: the article, its extraction, `people.exclude`.
_EntriesKey = tuple[Article, Extraction, tuple[str, ...]]
#: What `link_article` depends on: the article, its extraction, each entry with whether
#: it is ambiguous and its person id, and `people.link`.
_FactsKey = tuple[Article, Extraction, tuple[tuple[Entry, bool, str | None], ...], str]


class Linker:
    """The link stage with memory: `link()` again after a few articles changed redoes
    only those articles' per-article work (their entries and `link_article`) and the
    records of people whose inputs changed, then the site-wide steps. The result is
    always the Site that `link()` from scratch gives."""

    def __init__(self, *, remember: bool = True) -> None:
        """`remember=False` keeps nothing (one `link()`, no keys to build)."""
        self._remember = remember
        self._entries: dict[str, tuple[_EntriesKey, list[Entry]]] = {}
        self._facts: dict[str, tuple[_FactsKey, ArticleFacts]] = {}
        self._people: PeopleMemo = {}

    def link(
        self,
        articles: Sequence[Article],
        extractions: Mapping[str, Extraction],
        cards: Sequence[PersonCard],
        config: SiteConfig,
        topic_cards: Sequence[TopicCard] = (),
    ) -> LinkResult:
        """Resolve people across articles and build the Site (with its stories, from the
        articles' `topics:` and `topic_cards`). Never raises on content."""
        ordered = sorted(articles, key=_newest_first)
        cards = sorted(cards, key=lambda c: c.slug)
        entries = self._site_entries(ordered, extractions, tuple(config.people.exclude))
        resolution = resolve(entries, cards)
        hidden = {("card", c.slug) for c in cards if c.hide}
        visible = sorted({i for i in resolution.idents if i is not None and i not in hidden})
        names = _display_names(entries, resolution, cards)
        ids = _assign_ids(visible, names)
        by_article: dict[str, list[tuple[Entry, Ident | None]]] = {a.slug: [] for a in ordered}
        for entry, ident in zip(entries, resolution.idents, strict=True):
            by_article[entry.article_slug].append((entry, ident))
        facts = [self._article_facts(a, extractions.get(a.slug, Extraction()),
                                     by_article[a.slug], ids, config.people.link)
                 for a in ordered]
        if self._remember:  # gone articles dropped
            self._facts = {a.slug: self._facts[a.slug] for a in ordered}
        people, order = make_people(ordered, facts, entries, resolution.idents, ids, names,
                                    {("card", c.slug): c for c in cards}, CO_PEOPLE_LIMIT,
                                    self._people if self._remember else None)
        article_links = {f.links.slug: f.links for f in facts}
        topics, topic_warnings = make_topics(ordered, article_links, topic_cards)
        site = Site(
            articles={a.slug: a for a in ordered},
            people=people,
            people_order=order,
            article_links=article_links,
            quotes=tuple(q for f in facts for q in f.links.quotes),
            numbers=tuple(n for f in facts for n in f.links.numbers),
            quotes_by_person=_quotes_by_person(facts, people),
            topics=topics,
            related=related_articles(ordered, article_links),
            quoted_with=quoted_with(article_links),
        )
        warnings = [*_warnings(ordered, cards, resolution, names), *topic_warnings]
        return LinkResult(site, tuple(warnings))

    def _site_entries(
        self, ordered: Sequence[Article], extractions: Mapping[str, Extraction],
        exclude: tuple[str, ...],
    ) -> list[Entry]:
        """`_entries`, reusing each unchanged article's entries from the last call."""
        if not self._remember:
            return _entries(ordered, extractions, exclude)
        excluded = _excluded(exclude)
        memo: dict[str, tuple[_EntriesKey, list[Entry]]] = {}
        entries: list[Entry] = []
        for article in ordered:
            key = (article, extractions.get(article.slug, Extraction()), exclude)
            old = self._entries.get(article.slug)
            found = old[1] if old is not None and old[0] == key else _article_entries(
                article, key[1], excluded)
            memo[article.slug] = (key, found)
            entries += found
        self._entries = memo
        return entries

    def _article_facts(
        self, article: Article, extraction: Extraction,
        entries: Sequence[tuple[Entry, Ident | None]], ids: Mapping[Ident, str],
        link_mode: str,
    ) -> ArticleFacts:
        """`link_article`, reused when none of its inputs changed since the last call."""
        if not self._remember:
            return link_article(article, extraction, entries, ids, link_mode)
        placed = tuple((e, i is None, ids.get(i) if i is not None else None) for e, i in entries)
        key = (article, extraction, placed, link_mode)
        old = self._facts.get(article.slug)
        if old is not None and old[0] == key:
            return old[1]
        facts = link_article(article, extraction, entries, ids, link_mode)
        self._facts[article.slug] = (key, facts)
        return facts

def _quotes_by_person(
    facts: Sequence[ArticleFacts], people: Mapping[str, SitePerson]
) -> dict[str, tuple[SiteQuote, ...]]:
    said: dict[str, list[SiteQuote]] = {}
    for f in facts:
        for quote in f.links.quotes:
            if quote.speaker_id is not None:
                said.setdefault(quote.speaker_id, []).append(quote)
    return {pid: tuple(said[pid]) for pid in people if pid in said}


def _newest_first(article: Article) -> tuple[bool, int, str]:
    published = article.published or dt.date.min
    return (article.published is None, -published.toordinal(), article.slug)


def _entries(
    articles: Sequence[Article], extractions: Mapping[str, Extraction], exclude: Sequence[str]
) -> list[Entry]:
    """Every person found, article by article, excluded names dropped."""
    excluded = _excluded(exclude)
    return [entry for article in articles
            for entry in _article_entries(article, extractions.get(article.slug, Extraction()),
                                          excluded)]


def _excluded(exclude: Sequence[str]) -> set[NameKey]:
    """`people.exclude` as written keys. Compared as written (titles kept): excluding
    "Lord" must not exclude Lord Falconer."""
    return {written_key(x) for x in exclude} - {()}


def _article_entries(
    article: Article, extraction: Extraction, excluded: set[NameKey]
) -> list[Entry]:
    """One article's people found, excluded names dropped. A quote's speaker that
    extraction did not list among the people is added with no mentions."""
    entries: list[Entry] = []
    found = list(extraction.people)
    known = {name_key(f) for p in found for f in (p.name, *p.aliases)}
    for quote in extraction.quotes:
        if quote.speaker and name_key(quote.speaker) not in known:
            known.add(name_key(quote.speaker))
            found.append(PersonFound(quote.speaker, (quote.speaker,), None, ()))
    for person in found:
        key = name_key(person.name)
        forms = {written_key(f) for f in (person.name, *person.aliases)}
        if key and not forms & excluded:
            entries.append(Entry(article.slug, person, key))
    return entries


def _display_names(
    entries: Sequence[Entry], resolution: Resolution, cards: Sequence[PersonCard]
) -> dict[Ident, str]:
    """A card's name; else the form most articles use, without titles or possessive,
    preferring the accented spelling on a tie."""
    forms: dict[Ident, Counter[str]] = {}
    for entry, ident in zip(entries, resolution.idents, strict=True):
        if ident is not None:
            counter = forms.get(ident)
            if counter is None:
                counter = forms[ident] = Counter()
            if ident[1:] == entry.key:
                counter[entry.found.name.strip()] += 1
    names: dict[Ident, str] = {("card", c.slug): c.name for c in cards}
    for ident, counter in forms.items():
        if ident not in names:
            untitled: Counter[str] = Counter()
            for form, count in counter.items():
                untitled[_untitled(form, ident[1:])] += count
            pool = list(untitled) or [" ".join(ident[1:]).title()]
            names[ident] = min(pool, key=lambda f: (-untitled[f], -_accents(f), f))
    return names


def _untitled(form: str, key: NameKey) -> str:
    """`form` without leading titles or a possessive ("President Zelenskiy's" ->
    "Zelenskiy"), keeping its own spelling; as it is if it does not end with the key."""
    words = form.split()[-len(key):]
    if words:
        words[-1] = re.sub(r"['’]s?$", "", words[-1]) or words[-1]
    candidate = " ".join(words)
    return candidate if name_key(candidate) == key else form


def _accents(form: str) -> int:
    return sum(1 for c in form if not c.isascii())


def _assign_ids(visible: Sequence[Ident], names: Mapping[Ident, str]) -> dict[Ident, str]:
    """Card people keep their file's slug; the others get the slug of their name, with
    "-2", "-3"... in sorted order when taken, so ids do not depend on input order."""
    ids = {ident: ident[1] for ident in visible if ident[0] == "card"}
    taken = set(ids.values())
    for base, ident in sorted((slugify(names[i]) or "person", i)
                              for i in visible if i[0] != "card"):
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        ids[ident] = slug
    return ids


def _warnings(
    articles: Sequence[Article], cards: Sequence[PersonCard], resolution: Resolution,
    names: Mapping[Ident, str],
) -> list[ContentError]:
    paths = {a.slug: a.source_path for a in articles}
    warnings: list[ContentError] = []
    seen: set[tuple[str, str]] = set()
    for amb in resolution.ambiguities:
        name = amb.entry.found.name
        if (amb.entry.article_slug, fold(name)) in seen:
            continue
        seen.add((amb.entry.article_slug, fold(name)))
        who = " or ".join(names.get(c, " ".join(c[1:])) for c in amb.candidates)
        warnings.append(ContentError(
            f"'{name}' could be {who}; its mentions are not linked. To decide, add "
            f"'{name}' to `aliases:` in that person's card in content/people/",
            SourceLocation(paths[amb.entry.article_slug])))
    for card, form, other in resolution.card_clashes:
        warnings.append(ContentError(
            f"'{form}' is also a name in {other}; that card keeps it",
            SourceLocation(card.source_path)))
    used = {i for i in resolution.idents if i is not None}
    for card in cards:
        if ("card", card.slug) not in used:
            verb = "hides" if card.hide else "describes"
            warnings.append(ContentError(
                f"card {verb} '{card.name}', who is not found in any article; "
                "check the spelling of `name:` and `aliases:`", SourceLocation(card.source_path)))
    return warnings
