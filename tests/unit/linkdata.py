"""Link-stage inputs written by hand: articles and their people, without the model."""

from __future__ import annotations

import datetime as dt
import html
import re

from sitegen.config import PeopleConfig, SiteConfig
from sitegen.link.site import LinkResult, link
from sitegen.model import Article, Extraction, PersonCard, PersonFound, QuoteFound


def make_article(slug: str, text: str, day: int | None = None, body_html: str = "") -> Article:
    body = body_html or "\n".join(
        f"<p>{html.escape(p, quote=False)}</p>" for p in text.split("\n\n"))
    return Article(slug=slug, title=slug.title(), source_path=f"content/articles/{slug}.md",
                   text=text, body_html=body, content_hash=slug,
                   published=None if day is None else dt.date(2025, 1, day))


def found(text: str, name: str, *aliases: str, role: str | None = None) -> PersonFound:
    """A person with every occurrence of its forms in `text` as mentions, longest form first."""
    spans: list[tuple[int, int]] = []
    for form in sorted({name, *aliases}, key=len, reverse=True):
        for m in re.finditer(re.escape(form), text):
            if all(m.end() <= s or m.start() >= e for s, e in spans):
                spans.append((m.start(), m.end()))
    return PersonFound(name, tuple(aliases) or (name,), role, tuple(sorted(spans)))


def run(
    *items: tuple[Article, Extraction], cards: tuple[PersonCard, ...] = (),
    mode: str = "first", exclude: tuple[str, ...] = (),
) -> LinkResult:
    config = SiteConfig(people=PeopleConfig(link=mode, exclude=exclude))
    return link([a for a, _ in items], {a.slug: e for a, e in items}, cards, config)


def one(slug: str, text: str, *people: tuple[str, ...], day: int | None = None,
        quotes: tuple[QuoteFound, ...] = ()) -> tuple[Article, Extraction]:
    """An article whose people are given as (name, *aliases)."""
    return make_article(slug, text, day), Extraction(
        people=tuple(found(text, p[0], *p[1:]) for p in people), quotes=quotes)
