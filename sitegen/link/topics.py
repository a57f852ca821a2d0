"""Stories: the articles an editor gathered under one topic, and what they add up to.

An article joins a story by naming it in its `topics:` front matter; the
story's id is the name's slug, so a card `content/topics/<id>.md` gives it a
title and an intro. A story's key people are the people its articles mark
key, most often key first; its quotes and numbers are its articles' key ones,
newest article first; its related stories share articles or key people.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from sitegen.content.articles import slugify
from sitegen.errors import ContentError, SourceLocation
from sitegen.model import Article, ArticleLinks, SiteQuote, SiteTopic, TopicCard, TopicPerson

#: At most this many people in a story's "who's who".
TOPIC_PEOPLE = 8
#: At most this many related stories per story.
RELATED_TOPICS = 5
#: Two quotes sharing this share of their words (of both together) are one statement quoted
#: twice, and a story shows it once.
REPEATED_WORDS = 0.8
#: A story shares an article with another for this many times the weight of one key person.
SHARED_ARTICLE_WEIGHT = 2

_WORD = re.compile(r"\w+")


def make_topics(
    articles: Sequence[Article], links: Mapping[str, ArticleLinks], cards: Sequence[TopicCard],
) -> tuple[dict[str, SiteTopic], list[ContentError]]:
    """Every story by id, newest story first, and warnings about cards no article names.
    `articles` are the site's, newest first."""
    members: dict[str, list[Article]] = {}
    names: dict[str, Counter[str]] = {}
    warnings: list[ContentError] = []
    for article in articles:
        for name in dict.fromkeys(article.topics):
            tid = slugify(name)
            if not tid:
                warnings.append(ContentError(
                    f"topic {name!r} gives an empty slug; use letters or digits",
                    SourceLocation(article.source_path)))
                continue
            if not members.get(tid) or members[tid][-1] is not article:
                members.setdefault(tid, []).append(article)
            names.setdefault(tid, Counter())[name] += 1
    by_card = {c.slug: c for c in cards}
    for card in cards:
        if card.slug not in members:
            warnings.append(ContentError(
                f"card describes story '{card.title}', which no article names; add "
                f"`topics: [{card.slug}]` to the front matter of its articles",
                SourceLocation(card.source_path)))
    topics: dict[str, SiteTopic] = {}
    key_people: dict[str, set[str]] = {}
    for tid, group in members.items():
        found = by_card.get(tid)
        title = found.title if found else min(names[tid], key=lambda n: (-names[tid][n], n))
        people = _people(group, links)
        key_people[tid] = {p.person_id for p in people}
        topics[tid] = SiteTopic(
            id=tid, title=title, intro_html=found.intro_html if found else "",
            article_slugs=tuple(a.slug for a in _timeline(group)), people=people,
            quotes=_distinct([q for a in group for q in _links(links, a).quotes if q.key]),
            numbers=tuple((a.slug, n.id) for a in group for n in _links(links, a).numbers
                          if n.key),
            related=(), card_path=found.source_path if found else None)
    related = _related(members, key_people)
    ordered = sorted(topics, key=lambda t: (_newest(members[t]), t))
    return {t: _with_related(topics[t], related.get(t, ())) for t in ordered}, warnings


def _links(links: Mapping[str, ArticleLinks], article: Article) -> ArticleLinks:
    return links.get(article.slug) or ArticleLinks(article.slug, (), (), (), ())


def _distinct(quotes: Sequence[SiteQuote]) -> tuple[tuple[str, str], ...]:
    """(article slug, quote id) of each quote, leaving out one that repeats words a quote
    before it already gave (a story's articles often quote the same statement)."""
    kept: list[tuple[SiteQuote, set[str]]] = []
    for quote in quotes:
        words = set(_WORD.findall(quote.text.lower()))
        if not any(len(words & w) >= REPEATED_WORDS * len(words | w) for _, w in kept):
            kept.append((quote, words))
    return tuple((q.article_slug, q.id) for q, _ in kept)


def _timeline(group: Sequence[Article]) -> list[Article]:
    """Oldest first; undated articles after the dated ones, in site order."""
    dated = sorted((a for a in group if a.published), key=lambda a: (a.published, a.slug))
    return [*dated, *(a for a in group if not a.published)]


def _newest(group: Sequence[Article]) -> tuple[bool, int]:
    """Sort key: stories with the newest article first, undated stories last."""
    dates = [a.published for a in group if a.published]
    return (not dates, -max(dates, default=dt.date.min).toordinal())


def _people(group: Sequence[Article], links: Mapping[str, ArticleLinks]) -> tuple[
        TopicPerson, ...]:
    """The story's key people: key in most of its articles, then most mentioned in them;
    each with their most representative quote (a key quote before other whole statements
    before fragments, newest article first)."""
    key: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for article in group:
        for p in _links(links, article).people:
            mentions[p.person_id] += p.mention_count
            if p.key:
                key[p.person_id] += 1
    ranked = sorted(key, key=lambda pid: (-key[pid], -mentions[pid], pid))[:TOPIC_PEOPLE]
    out = []
    for pid in ranked:
        said = [(rank, q) for rank, a in enumerate(group) for q in _links(links, a).quotes
                if q.speaker_id == pid]
        best = min(said, key=lambda rq: (not rq[1].key, rq[1].context is not None, rq[0],
                                         rq[1].start), default=None)
        quote = (best[1].article_slug, best[1].id) if best else None
        out.append(TopicPerson(pid, key[pid], mentions[pid], quote))
    return tuple(out)


def _related(members: Mapping[str, Sequence[Article]],
             key_people: Mapping[str, set[str]]) -> dict[str, tuple[str, ...]]:
    """Each story's related stories: shared articles, then shared key people."""
    slugs = {t: {a.slug for a in group} for t, group in members.items()}
    out: dict[str, tuple[str, ...]] = {}
    for tid in members:
        scores = {other: SHARED_ARTICLE_WEIGHT * len(slugs[tid] & slugs[other])
                  + len(key_people[tid] & key_people[other])
                  for other in members if other != tid}
        ranked = sorted((o for o, s in scores.items() if s > 0), key=lambda o: (-scores[o], o))
        out[tid] = tuple(ranked[:RELATED_TOPICS])
    return out


def _with_related(topic: SiteTopic, related: tuple[str, ...]) -> SiteTopic:
    return replace(topic, related=related)
