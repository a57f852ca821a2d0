"""schema.org JSON-LD for article, person and story pages: NewsArticle, Person, Quotation,
CollectionPage with an ItemList.

Builds plain dicts with absolute URLs; `render.json_ld` serialises them
safely inside <script> (every <, > and & escaped), so no extracted string can
close the block.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sitegen.model import Article, SitePerson
from sitegen.pages.views import ArticleRef, PersonRef, QuoteView
from sitegen.urls import is_web_url

Absolute = Callable[[str], str]  # site-relative URL -> absolute URL
JsonObject = dict[str, Any]

CONTEXT = "https://schema.org"


def person_stub(person: PersonRef, absolute: Absolute) -> JsonObject:
    return {"@type": "Person", "@id": absolute(person.url), "name": person.name,
            "url": absolute(person.url)}


def quotation(quote: QuoteView, absolute: Absolute) -> JsonObject:
    """A Quotation, part of its article, spoken by its speaker (a Person) if known."""
    data: JsonObject = {
        "@type": "Quotation",
        "@id": absolute(quote.article.url) + "#" + quote.anchor,
        "text": quote.text,
        "isPartOf": {"@id": absolute(quote.article.url)},
    }
    if quote.speaker is not None:
        data["spokenByCharacter"] = {"@id": absolute(quote.speaker.url)}
    elif quote.source:
        data["spokenByCharacter"] = {"@type": "Person", "name": quote.source}
    return data


def news_article(
    article: Article, ref: ArticleRef, people: Sequence[PersonRef],
    quotes: Sequence[QuoteView], absolute: Absolute,
) -> JsonObject:
    """The article's NewsArticle, which `mentions` its people, and its quotations."""
    data: JsonObject = {
        "@type": "NewsArticle",
        "@id": absolute(ref.url),
        "url": absolute(ref.url),
        "headline": article.title,
        "mentions": [person_stub(p, absolute) for p in people],
    }
    if article.published:
        data["datePublished"] = article.published.isoformat()
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.summary:
        data["description"] = article.summary
    if is_web_url(article.source_url):
        data["isBasedOn"] = article.source_url
    return {"@context": CONTEXT, "@graph": [data, *(quotation(q, absolute) for q in quotes)]}


def person(
    site_person: SitePerson, ref: PersonRef, image_url: str | None,
    articles: Sequence[ArticleRef], quotes: Sequence[QuoteView], absolute: Absolute,
) -> JsonObject:
    """The person's Person record, the articles it is the subject of, and their quotations."""
    data: JsonObject = {
        "@type": "Person",
        "@id": absolute(ref.url),
        "url": absolute(ref.url),
        "name": site_person.name,
        "subjectOf": [{"@id": absolute(a.url), "@type": "NewsArticle", "headline": a.title}
                      for a in articles],
    }
    if site_person.aliases:
        data["alternateName"] = list(site_person.aliases)
    if site_person.roles:
        data["jobTitle"] = site_person.roles[0]
    if image_url:
        data["image"] = image_url
    return {"@context": CONTEXT, "@graph": [data, *(quotation(q, absolute) for q in quotes)]}


def collection_page(
    title: str, url: str, description: str, articles: Sequence[ArticleRef],
    people: Sequence[PersonRef], absolute: Absolute,
) -> JsonObject:
    """A story page: a CollectionPage about its key people, whose main entity is the
    ItemList of its articles in timeline order."""
    data: JsonObject = {
        "@type": "CollectionPage",
        "@id": absolute(url),
        "url": absolute(url),
        "name": title,
        "about": [person_stub(p, absolute) for p in people],
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": len(articles),
            "itemListElement": [
                {"@type": "ListItem", "position": n, "url": absolute(a.url), "name": a.title}
                for n, a in enumerate(articles, 1)
            ],
        },
    }
    if description:
        data["description"] = description
    return {"@context": CONTEXT, "@graph": [data]}
