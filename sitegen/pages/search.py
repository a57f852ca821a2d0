"""The client-side search index: articles, people and quotes, as compact JSON.

`templates/assets/search.js` reads it from `search/index.js` (a script that
sets a global, so search works from `file://`, where fetching JSON is
blocked). Links are output paths relative to the site root, so the script
resolves them against its own page and the site works under any sub-path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sitegen.model import Article, SitePerson
from sitegen.pages.views import QuoteView, SiteViews
from sitegen.urls import output_path

#: The first characters of an article's text shown and searched when it has no summary.
SNIPPET_CHARS = 160


def search_index(
    articles: Iterable[Article], people: Iterable[SitePerson], quotes: Iterable[QuoteView],
    views: SiteViews,
) -> dict[str, Any]:
    """{"articles": [...], "people": [...], "quotes": [...]}, each in display order.

    Short keys keep the file small: t=title/text, u=link, d=date, s=snippet or
    speaker, n=name, a=aliases, r=role, m=mentions.
    """
    return {
        "articles": [
            {"t": a.title, "u": output_path(views.articles[a.slug].url),
             "d": a.published.isoformat() if a.published else "",
             "s": a.summary or snippet(a.text)}
            for a in articles
        ],
        "people": [
            {"n": p.name, "a": " · ".join(p.aliases), "r": p.roles[0] if p.roles else "",
             "u": output_path(views.people[p.id].url), "m": p.mention_count}
            for p in people
        ],
        "quotes": [
            {"t": q.shown, "s": q.speaker.name if q.speaker else (q.source or ""),
             "u": f"{output_path(q.article.url)}#{q.anchor}", "d": q.article.title}
            for q in quotes
        ],
    }


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The start of `text`, cut at a word boundary, with an ellipsis when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"
