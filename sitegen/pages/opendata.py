"""Open data: the extracted people, quotes and numbers as `data/*.json`.

Each record links to its page with an absolute URL (from `base_url`), so the
files are useful on their own once downloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sitegen.model import SitePerson
from sitegen.pages.views import NumberView, QuoteView, SiteViews

Absolute = Callable[[str], str]  # site-relative URL -> absolute URL
JsonObject = dict[str, Any]


def people_data(people: Iterable[SitePerson], views: SiteViews, absolute: Absolute) -> JsonObject:
    """Everyone, most prominent first, with the articles that name them."""
    return {"people": [
        {"id": p.id, "name": p.name, "url": absolute(views.people[p.id].url),
         "aliases": list(p.aliases), "roles": list(p.roles),
         "mention_count": p.mention_count, "quote_count": p.quote_count,
         "first_seen": p.first_seen.isoformat() if p.first_seen else None,
         "last_seen": p.last_seen.isoformat() if p.last_seen else None,
         "articles": [{"slug": m.article.slug, "url": absolute(m.article.url),
                       "mentions": m.mentions, "quotes": m.quotes}
                      for m in views.mentions_by_person.get(p.id, ())],
         "co_people": [{"id": c.person_id, "articles": c.articles} for c in p.co_people]}
        for p in people
    ]}


def quotes_data(quotes: Iterable[QuoteView], absolute: Absolute) -> JsonObject:
    """Every quote, newest article first, in text order within an article."""
    return {"quotes": [
        {"text": q.text, "url": absolute(q.article.url) + "#" + q.anchor, "key": q.key,
         "whole": q.whole,
         "speaker_id": q.speaker.id if q.speaker else None,
         "speaker": q.speaker.name if q.speaker else None, "source": q.source,
         "article": q.article.slug, "article_title": q.article.title,
         "published": q.article.published.isoformat() if q.article.published else None}
        for q in quotes
    ]}


def numbers_data(numbers: Iterable[NumberView], absolute: Absolute) -> JsonObject:
    """Every numeric fact, newest article first, in text order within an article."""
    return {"numbers": [
        {"text": n.text, "value": n.value, "unit": n.unit, "label": n.label, "key": n.key,
         "sentence": n.sentence,
         "url": absolute(n.article.url) + "#" + n.anchor, "article": n.article.slug,
         "article_title": n.article.title,
         "published": n.article.published.isoformat() if n.article.published else None}
        for n in numbers
    ]}
