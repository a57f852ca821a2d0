"""What pages show: the linked Site turned into records that templates only format.

Every name, URL, count and order a page needs is decided here, once for the
whole site, in time linear in the size of the Site. URLs are site-relative
pretty URLs ("people/tony-blair/"); templates turn them into relative links
with `rel()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sitegen.link.names import fold, name_key, surname
from sitegen.model import Article, SiteNumber, SitePerson, SiteQuote
from sitegen.urls import article_url, person_url

#: Quotes in side panels and on the home page are cut to about this many characters.
BRIEF_CHARS = 140


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """Enough of an article to link to it."""

    slug: str
    title: str
    url: str
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class PersonRef:
    """Enough of a person to link to them."""

    id: str
    name: str
    url: str


@dataclass(frozen=True, slots=True)
class QuoteView:
    """A quote with its article and speaker resolved; `anchor` is its id in the article."""

    anchor: str
    text: str  # exactly as in the article
    shown: str  # as lists show it: without the comma that led back into the sentence
    brief: str  # `shown`, cut at a word to fit a side panel
    article: ArticleRef
    speaker: PersonRef | None
    source: str | None  # who said it when there is no speaker page
    key: bool = False  # one of its article's key quotes
    context: tuple[str, str] | None = None  # a fragment's sentence, (before, after) the quote

    @property
    def whole(self) -> bool:
        """A whole statement, not a fragment of the reporter's sentence."""
        return self.context is None


@dataclass(frozen=True, slots=True)
class NumberView:
    """A numeric fact; `before`/`text`/`after` split its sentence around the figure."""

    anchor: str
    text: str
    value: float
    unit: str | None
    sentence: str
    before: str
    after: str
    article: ArticleRef
    label: str | None = None  # what it counts or measures
    key: bool = False  # one of its article's key numbers

    @property
    def shown(self) -> str:
        """The figure as lists show it: with its counted noun when the text leaves it out
        (the second end of "from 24 weeks to 20" is "20 weeks")."""
        unit = self.unit or ""
        if unit.isalpha() and unit.islower() and unit not in self.text.lower():
            return f"{self.text} {unit}"
        return self.text


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A person in a list: link, role and counts."""

    ref: PersonRef
    role: str | None
    mentions: int
    quotes: int
    articles: int


@dataclass(frozen=True, slots=True)
class ArticleMention:
    """An article as a person's page lists it: how often it names them and quotes them."""

    article: ArticleRef
    mentions: int
    quotes: int


@dataclass(frozen=True, slots=True)
class CoPersonView:
    person: PersonRef
    articles: int


@dataclass(frozen=True, slots=True)
class LetterGroup:
    """People whose sort name starts with `letter` ("#" for anything but A-Z)."""

    letter: str
    people: tuple[PersonEntry, ...]


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """Quotes under one heading: a speaker (`person`) or an article (`article`)."""

    anchor: str
    title: str
    url: str
    quotes: tuple[QuoteView, ...]


@dataclass(frozen=True, slots=True)
class NumberGroup:
    article: ArticleRef
    numbers: tuple[NumberView, ...]


@dataclass(frozen=True, slots=True)
class SiteViews:
    """The site-wide records pages are planned from, built once by `make_views`."""

    articles: dict[str, ArticleRef]  # newest first, like Site.articles
    people: dict[str, PersonRef]
    entries: dict[str, PersonEntry]  # by person id
    quotes: dict[tuple[str, str], QuoteView]  # (article slug, anchor) -> quote
    numbers: dict[tuple[str, str], NumberView]
    mentions_by_person: dict[str, tuple[ArticleMention, ...]]  # most mentions first


def make_views(
    articles: Mapping[str, Article],
    people: Mapping[str, SitePerson],
    quotes: Sequence[SiteQuote],
    numbers: Sequence[SiteNumber],
    article_people: Mapping[str, Sequence[tuple[str, int, int]]],
) -> SiteViews:
    """Refs, quote and number views, and each person's articles with counts.

    `article_people` maps an article slug to (person id, mentions, quotes) in that article.
    """
    arefs = {slug: ArticleRef(slug, a.title, article_url(slug), a.published)
             for slug, a in articles.items()}
    prefs = {pid: PersonRef(pid, p.name, person_url(pid)) for pid, p in people.items()}
    entries = {pid: PersonEntry(prefs[pid], p.roles[0] if p.roles else None, p.mention_count,
                                p.quote_count, len(p.article_slugs))
               for pid, p in people.items()}
    quote_views = {(q.article_slug, q.id): quote_view(q, arefs, prefs) for q in quotes}
    number_views = {(n.article_slug, n.id): number_view(n, arefs) for n in numbers}
    counts: dict[str, dict[str, tuple[int, int]]] = {}
    for slug, rows in article_people.items():
        for pid, mentions, said in rows:
            counts.setdefault(pid, {})[slug] = (mentions, said)
    mentions_by_person = {
        pid: tuple(ArticleMention(arefs[slug], *counts.get(pid, {}).get(slug, (0, 0)))
                   for slug in p.article_slugs if slug in arefs)
        for pid, p in people.items()
    }
    return SiteViews(arefs, prefs, entries, quote_views, number_views, mentions_by_person)


def quote_view(quote: SiteQuote, articles: Mapping[str, ArticleRef],
               people: Mapping[str, PersonRef]) -> QuoteView:
    speaker = people.get(quote.speaker_id) if quote.speaker_id else None
    shown = quote.text.rstrip()
    shown = shown[:-1].rstrip() if shown.endswith((",", ";", ":")) else shown
    shown = shown or quote.text
    return QuoteView(quote.id, quote.text, shown, brief(shown), articles[quote.article_slug],
                     speaker, None if speaker else quote.source, quote.key,
                     _around(quote.context, quote.text))


def _around(context: str | None, text: str) -> tuple[str, str] | None:
    """A fragment's sentence split around the quoted words; the sentence alone when the
    words are not found in it."""
    if context is None:
        return None
    at = context.find(text)
    return (context[:at], context[at + len(text):]) if at >= 0 else (context, "")


def whole_first(quotes: Sequence[QuoteView]) -> list[QuoteView]:
    """Whole statements first, then fragments, each in the order given."""
    return [q for q in quotes if q.whole] + [q for q in quotes if not q.whole]


def brief(text: str, limit: int = BRIEF_CHARS) -> str:
    """`text` cut at the last word boundary before `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.-–— ") + "…"


def number_view(number: SiteNumber, articles: Mapping[str, ArticleRef]) -> NumberView:
    at = number.sentence.find(number.text) if number.text else -1
    if at < 0:
        before, after = number.sentence, ""
    else:
        before, after = number.sentence[:at], number.sentence[at + len(number.text):]
    return NumberView(number.id, number.text, number.value, number.unit, number.sentence,
                      before, after, articles[number.article_slug], number.label, number.key)


def key_quotes(quotes: Sequence[SiteQuote]) -> list[SiteQuote]:
    """The quotes extraction marked key, in text order."""
    return [q for q in quotes if q.key]


def key_numbers(numbers: Sequence[SiteNumber]) -> list[SiteNumber]:
    """The numbers extraction marked key, in text order."""
    return [n for n in numbers if n.key]


def sort_name(name: str) -> tuple[str, str]:
    """People sort by surname, then by the whole name, accents and case ignored."""
    key = name_key(name)
    return (surname(key) if key else fold(name), fold(name))


def letter_groups(entries: Sequence[PersonEntry]) -> tuple[LetterGroup, ...]:
    """Everyone A-Z by surname, grouped by its first letter; "#" for the rest, last."""
    ordered = sorted(entries, key=lambda e: (sort_name(e.ref.name), e.ref.id))
    groups: dict[str, list[PersonEntry]] = {}
    for entry in ordered:
        first = sort_name(entry.ref.name)[0][:1].upper()
        groups.setdefault(first if "A" <= first <= "Z" else "#", []).append(entry)
    letters = sorted(groups, key=lambda c: (c == "#", c))
    return tuple(LetterGroup(c, tuple(groups[c])) for c in letters)


@dataclass(frozen=True, slots=True)
class ArticlePersonView:
    """A person as an article's panel shows them: role in this article, counts here."""

    ref: PersonRef
    role: str | None
    mentions: int
    quotes: int
    key: bool = False  # one of the people the article is about


@dataclass(frozen=True, slots=True)
class ArticleItem:
    """An article in a list: its record, link, who is in it and how much it holds."""

    article: Article
    ref: ArticleRef
    people: tuple[PersonRef, ...]  # the most mentioned few
    quotes: int
    numbers: int
