"""What story pages show: `/topics/` and `/topics/<id>/`, and the story links elsewhere.

A story page is the explainer: the editor's intro; who's who (key people
with role and their most representative quote); in their words (key quotes
grouped by person, newest first); key numbers with labels; a timeline of
the articles with dates and summaries; related stories. Everything is
decided here from the Site; templates only format it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sitegen.model import Article, Site, SiteTopic
from sitegen.pages.views import (
    ArticleRef,
    NumberView,
    PersonRef,
    QuoteGroup,
    QuoteView,
    SiteViews,
    brief,
    whole_first,
)
from sitegen.urls import topic_url

#: How many people a story is listed with on /topics/ and the home page.
LIST_PEOPLE = 3
#: At most this many stories a person page links to.
PERSON_STORIES = 10

_TAG = re.compile(r"<[^>]+>")
_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’]?\s")


@dataclass(frozen=True, slots=True)
class TopicRef:
    """Enough of a story to link to it."""

    id: str
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class TopicItem:
    """A story in a list: link, a line of its intro, its span of dates and key people."""

    ref: TopicRef
    intro: str  # the intro's first paragraph as plain text, cut to fit a list
    articles: int
    first: dt.date | None
    last: dt.date | None
    people: tuple[PersonRef, ...]


@dataclass(frozen=True, slots=True)
class WhoView:
    """One of a story's key people: who they are and what they said that sums it up."""

    person: PersonRef
    role: str | None
    quote: QuoteView | None
    key_articles: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    article: ArticleRef
    summary: str  # the article's summary, else its first sentence


@dataclass(frozen=True, slots=True)
class TopicPage:
    """Everything `topic.html` shows."""

    item: TopicItem
    intro_html: str
    who: tuple[WhoView, ...]
    words: tuple[QuoteGroup, ...]  # key quotes by person (who's who order), newest first
    numbers: tuple[NumberView, ...]
    timeline: tuple[TimelineEntry, ...]
    related: tuple[TopicItem, ...]


def topic_refs(site: Site) -> dict[str, TopicRef]:
    return {tid: TopicRef(tid, t.title, topic_url(tid)) for tid, t in site.topics.items()}


def topic_items(site: Site, views: SiteViews) -> dict[str, TopicItem]:
    """Every story as lists show it, newest story first."""
    refs = topic_refs(site)
    out = {}
    for tid, topic in site.topics.items():
        dates = [d for s in topic.article_slugs if (d := site.articles[s].published)]
        out[tid] = TopicItem(refs[tid], intro_text(topic.intro_html), len(topic.article_slugs),
                             min(dates, default=None), max(dates, default=None),
                             tuple(views.people[p.person_id] for p in topic.people[:LIST_PEOPLE]
                                   if p.person_id in views.people))
    return out


def intro_text(intro_html: str) -> str:
    """The intro's first paragraph as plain text, cut to fit a list."""
    first = intro_html.split("</p>", 1)[0]
    return brief(" ".join(html.unescape(_TAG.sub("", first)).split()))


def lead(article: Article) -> str:
    """An article's summary, else its first sentence, cut to fit a timeline."""
    if article.summary:
        return brief(article.summary)
    paragraph = article.text.strip().split("\n", 1)[0]
    return brief(_SENTENCE.split(paragraph, 1)[0].strip())


def topic_page(site: Site, views: SiteViews, items: Mapping[str, TopicItem],
               tid: str) -> TopicPage:
    topic = site.topics[tid]
    return TopicPage(
        item=items[tid], intro_html=topic.intro_html, who=tuple(_who(site, views, topic)),
        words=tuple(_words(site, views, topic)),
        numbers=tuple(views.numbers[key] for key in topic.numbers),
        timeline=tuple(TimelineEntry(views.articles[s], lead(site.articles[s]))
                       for s in topic.article_slugs),
        related=tuple(items[r] for r in topic.related if r in items),
    )


def _who(site: Site, views: SiteViews, topic: SiteTopic) -> list[WhoView]:
    out = []
    for p in topic.people:
        if p.person_id not in views.people:
            continue
        roles = [a.role for s in reversed(topic.article_slugs)
                 for a in site.article_links[s].people if a.person_id == p.person_id and a.role]
        role = roles[0] if roles else views.entries[p.person_id].role
        quote = views.quotes.get(p.quote) if p.quote else None
        out.append(WhoView(views.people[p.person_id], role, quote, p.key_articles))
    return out


def _words(site: Site, views: SiteViews, topic: SiteTopic) -> list[QuoteGroup]:
    """Key quotes by speaker, in who's who order, then the other speakers; quotes by no
    person with a page come last, under "Other voices". Within a group, whole statements
    newest first, then fragments."""
    by_speaker: dict[str | None, list[QuoteView]] = {}
    newest_first = sorted(topic.quotes, key=lambda key: _newest(site, key[0]))
    for key in newest_first:
        quote = views.quotes[key]
        by_speaker.setdefault(quote.speaker.id if quote.speaker else None, []).append(quote)
    order = [p.person_id for p in topic.people if p.person_id in by_speaker]
    order += [pid for pid in by_speaker if pid is not None and pid not in order]
    groups = [QuoteGroup(f"w-{pid}", views.people[pid].name, views.people[pid].url,
                         tuple(whole_first(by_speaker[pid]))) for pid in order]
    if None in by_speaker:
        groups.append(QuoteGroup("w-others", "Other voices", "",
                                 tuple(whole_first(by_speaker[None]))))
    return groups


def _newest(site: Site, slug: str) -> tuple[bool, int]:
    published = site.articles[slug].published
    return (published is None, -(published or dt.date.min).toordinal())


def article_topics(site: Site, refs: Mapping[str, TopicRef], slug: str) -> list[TopicRef]:
    """The stories an article belongs to, in the Site's story order."""
    return [refs[tid] for tid, t in site.topics.items() if slug in t.article_slugs]


def person_topics(site: Site, refs: Mapping[str, TopicRef], pid: str) -> list[TopicRef]:
    """The stories a person is a key person of, then those whose articles name them."""
    key = [tid for tid, t in site.topics.items() if any(p.person_id == pid for p in t.people)]
    named = set(site.people[pid].article_slugs) if pid in site.people else set()
    rest = [tid for tid, t in site.topics.items()
            if tid not in key and named.intersection(t.article_slugs)]
    return [refs[tid] for tid in [*key, *rest][:PERSON_STORIES]]


def topic_inputs(site: Site, tid: str) -> frozenset[str]:
    """Every Site record a story page reads, as `depends_on` keys."""
    topic = site.topics[tid]
    return frozenset({f"topic:{tid}"} | {f"article:{s}" for s in topic.article_slugs}
                     | {f"person:{p.person_id}" for p in topic.people}
                     | {f"topic:{r}" for r in topic.related})
