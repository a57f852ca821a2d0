"""Page plans: which pages the site has, at which URL, with which template and data.

A plan is everything render needs for one page; templates only format it.
`depends_on` names the inputs a page reads, so `serve` can re-render only
the pages a change touches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sitegen.config import SiteConfig
from sitegen.model import Article

FEED_SIZE = 20


@dataclass(frozen=True, slots=True)
class PagePlan:
    url: str  # site-relative pretty URL; "" is the home page
    template: str
    context: Mapping[str, Any]
    page: Mapping[str, Any] = field(default_factory=dict)  # title etc., merged into `page`
    depends_on: frozenset[str] = frozenset()


def article_url(slug: str) -> str:
    return f"articles/{slug}/"


def sort_articles(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """Newest first; undated articles last, then by title."""
    return tuple(sorted(articles, key=lambda a: (a.published is None,
                                                 -(a.published.toordinal() if a.published else 0),
                                                 a.title.lower(), a.slug)))


def plan_pages(config: SiteConfig, articles: tuple[Article, ...]) -> list[PagePlan]:
    """Every page of the site, in a stable order."""
    ordered = sort_articles(articles)
    common = {"config": config, "articles": ordered}
    every = frozenset({"articles"})
    plans = [PagePlan("", "index.html", common, {"title": config.title}, every)]
    for article in ordered:
        plans.append(PagePlan(article_url(article.slug), "article.html",
                              {**common, "article": article},
                              {"title": article.title},
                              frozenset({f"article:{article.slug}"})))
    plans += [
        PagePlan("404.html", "404.html", common, {"title": "Page not found", "root_links": True}),
        PagePlan("feed.xml", "feed.xml", {**common, "entries": ordered[:FEED_SIZE]}, {}, every),
        PagePlan("robots.txt", "robots.txt", common, {}, frozenset()),
    ]
    listed = [p.url for p in plans if p.url.endswith("/") or p.url == ""]
    plans.append(PagePlan("sitemap.xml", "sitemap.xml", {**common, "urls": listed}, {}, every))
    return plans
