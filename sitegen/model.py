"""The records that flow between stages: data only, no behaviour beyond (de)serialising.

Records are frozen and refer to each other by id or slug, never by object, so
there are no cycles and every record turns into JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One parsed article: what content produces and every later stage reads."""

    slug: str
    title: str
    source_path: str  # relative to the site root, as shown in messages
    text: str  # the plain text extraction reads (body only, no title)
    body_html: str  # the rendered body; `sitegen.content.htmltext` maps `text` back into it
    content_hash: str  # sha256 of the source file's bytes
    published: dt.date | None = None
    author: str | None = None
    summary: str | None = None
    source_url: str | None = None
    draft: bool = False
    topics: tuple[str, ...] = ()  # the stories it belongs to, as front matter names them


@dataclass(frozen=True, slots=True)
class PersonFound:
    """A person named in one article, with every place the article names them."""

    name: str  # the fullest form, honorifics stripped
    aliases: tuple[str, ...]  # every surface form used, honorific forms included
    role: str | None
    mentions: tuple[tuple[int, int], ...]  # (start, end) offsets into Article.text
    key: bool = False  # one of the (up to 3) people the article is about


@dataclass(frozen=True, slots=True)
class QuoteFound:
    """Words in quotation marks, with who said them."""

    text: str  # between the marks, exactly as in the text
    start: int  # offsets of `text` in Article.text
    end: int
    speaker: str | None  # a PersonFound.name, or None
    source: str | None = None  # who it is when the speaker is not a named person
    key: bool = False  # one of the (up to 3) quotes that carry the article
    context: str | None = None  # the sentence around a fragment; None for a whole statement


@dataclass(frozen=True, slots=True)
class NumberFound:
    """A numeric fact: its value, its unit or counted noun, and its sentence."""

    text: str  # the expression as written ("£7.4m", "five people")
    value: float
    unit: str | None
    sentence: str
    start: int  # offsets of `text` in Article.text
    end: int
    label: str | None = None  # what it counts or measures, from its sentence
    key: bool = False  # one of the (up to 3) figures the article turns on


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction finds in one article, and exactly what the cache stores."""

    people: tuple[PersonFound, ...] = ()
    quotes: tuple[QuoteFound, ...] = ()
    numbers: tuple[NumberFound, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "people": [
                {"name": p.name, "aliases": list(p.aliases), "role": p.role,
                 "mentions": [list(m) for m in p.mentions], **_key(p.key)}
                for p in self.people
            ],
            "quotes": [
                {"text": q.text, "speaker": q.speaker, "source": q.source,
                 "start": q.start, "end": q.end, **_key(q.key),
                 **({"context": q.context} if q.context is not None else {})}
                for q in self.quotes
            ],
            "numbers": [
                {"text": n.text, "value": n.value, "unit": n.unit, "label": n.label,
                 "sentence": n.sentence, "start": n.start, "end": n.end, **_key(n.key)}
                for n in self.numbers
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Extraction:
        """Rebuild from `to_json()` output; raises KeyError/TypeError/ValueError if malformed."""
        return cls(
            people=tuple(
                PersonFound(str(p["name"]), tuple(str(a) for a in p["aliases"]),
                            None if p["role"] is None else str(p["role"]),
                            tuple((int(s), int(e)) for s, e in p["mentions"]),
                            p.get("key") is True)
                for p in data["people"]
            ),
            quotes=tuple(
                QuoteFound(str(q["text"]), int(q["start"]), int(q["end"]),
                           None if q["speaker"] is None else str(q["speaker"]),
                           None if q["source"] is None else str(q["source"]),
                           q.get("key") is True, _text_or_none(q.get("context")))
                for q in data["quotes"]
            ),
            numbers=tuple(
                NumberFound(str(n["text"]), float(n["value"]),
                            None if n["unit"] is None else str(n["unit"]),
                            str(n["sentence"]), int(n["start"]), int(n["end"]),
                            _text_or_none(n.get("label")), n.get("key") is True)
                for n in data["numbers"]
            ),
        )


def _key(key: bool) -> dict[str, bool]:
    """`"key": true` on key items only, as DESIGN.md's extraction output shows them."""
    return {"key": True} if key else {}


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """One output file: what render produces and write consumes."""

    url: str  # site-relative URL, "" for the home page, "articles/x/" for an article
    output_path: str  # relative to the output folder, with "/" separators
    content: bytes
    depends_on: frozenset[str] = field(default_factory=frozenset)  # input keys, for serve


# --- The linked site: what `sitegen.link.site` produces and render only formats. ---


@dataclass(frozen=True, slots=True)
class PersonCard:
    """An editorial card, `content/people/<slug>.md`: it overrides what extraction found."""

    slug: str  # the file stem, slugified: the person's id and URL
    name: str  # the display name
    source_path: str  # relative to the site root, as shown in messages
    aliases: tuple[str, ...] = ()  # other names that mean this person
    role: str | None = None  # shown before any role extraction found
    image: str | None = None  # as written in the card; render resolves it
    hide: bool = False  # a false positive: no page, no links, no speaker credit
    bio_html: str = ""  # the card's Markdown body, rendered


@dataclass(frozen=True, slots=True)
class TopicCard:
    """A story's card, `content/topics/<slug>.md`: the editor's title and intro."""

    slug: str  # the file stem, slugified: the story's id and URL
    title: str
    source_path: str  # relative to the site root, as shown in messages
    intro_html: str = ""  # the card's Markdown body, rendered


@dataclass(frozen=True, slots=True)
class CoPerson:
    """Someone who appears in the same articles as a person."""

    person_id: str
    articles: int  # how many articles name both


@dataclass(frozen=True, slots=True)
class SitePerson:
    """One person across the whole site: one page."""

    id: str  # slug, unique on the site: the page is people/<id>/
    name: str  # display name: the card's, else the most used full form
    aliases: tuple[str, ...]  # other surface forms, sorted
    roles: tuple[str, ...]  # distinct roles, the card's first, then most frequent first
    bio_html: str  # from the card, else ""
    image: str | None
    mention_count: int
    quote_count: int
    article_slugs: tuple[str, ...]  # most mentions first, then newest
    first_seen: dt.date | None  # earliest / latest date of an article naming them
    last_seen: dt.date | None
    co_people: tuple[CoPerson, ...]  # most shared articles first, at most link.CO_PEOPLE_LIMIT
    card_path: str | None = None  # the card that shaped this person, if any


@dataclass(frozen=True, slots=True)
class SiteQuote:
    """A quote placed in its article, with its speaker resolved to a person id."""

    id: str  # "q-N": the anchor, unique within its article
    article_slug: str
    text: str
    speaker_id: str | None  # a SitePerson.id, or None (unnamed, ambiguous or hidden)
    source: str | None  # who it is when there is no speaker_id
    start: int  # offsets into Article.text
    end: int
    key: bool = False  # one of its article's key quotes
    context: str | None = None  # the sentence around a fragment; None for a whole statement


@dataclass(frozen=True, slots=True)
class SiteNumber:
    """A numeric fact placed in its article."""

    id: str  # "n-N": the anchor, unique within its article
    article_slug: str
    text: str
    value: float
    unit: str | None
    sentence: str
    start: int  # offsets into Article.text
    end: int
    label: str | None = None  # what it counts or measures
    key: bool = False  # one of its article's key numbers


@dataclass(frozen=True, slots=True)
class ArticlePerson:
    """A person as one article shows them."""

    person_id: str
    role: str | None  # the role this article gives, if any
    mention_count: int
    quote_count: int
    key: bool = False  # one of the people the article is about


@dataclass(frozen=True, slots=True)
class MentionLink:
    """A mention to turn into a link to the person's page: offsets into Article.text."""

    start: int
    end: int
    person_id: str


@dataclass(frozen=True, slots=True)
class ArticleLinks:
    """What the article page shows beside the article's own text."""

    slug: str
    people: tuple[ArticlePerson, ...]  # most mentions first
    quotes: tuple[SiteQuote, ...]  # in text order
    numbers: tuple[SiteNumber, ...]  # in text order
    links: tuple[MentionLink, ...]  # in text order, non-overlapping, per `people.link`


@dataclass(frozen=True, slots=True)
class Site:
    """Everything the templates need, already decided. Built only by `sitegen.link.site`."""

    articles: dict[str, Article]  # by slug, newest first (undated last)
    people: dict[str, SitePerson]  # by id, ids sorted
    people_order: tuple[str, ...]  # person ids, most prominent first
    article_links: dict[str, ArticleLinks]  # by article slug, same order as `articles`
    quotes: tuple[SiteQuote, ...]  # articles newest first, then text order
    numbers: tuple[SiteNumber, ...]  # same order
    quotes_by_person: dict[str, tuple[SiteQuote, ...]]  # person id -> quotes, same order
    topics: dict[str, SiteTopic] = field(default_factory=dict)  # by id, newest story first
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)  # slug -> related slugs
    quoted_with: dict[str, tuple[CoPerson, ...]] = field(default_factory=dict)  # person id ->
    # people quoted in the same articles, most shared articles first


@dataclass(frozen=True, slots=True)
class TopicPerson:
    """One of a story's key people."""

    person_id: str
    key_articles: int  # how many of the story's articles they are key in
    mentions: int  # mentions across the story's articles
    quote: tuple[str, str] | None  # (article slug, quote id) of their most representative quote


@dataclass(frozen=True, slots=True)
class SiteTopic:
    """A story: the articles an editor gathered under one topic, and what they add up to."""

    id: str  # slug: the page is topics/<id>/
    title: str  # the card's, else the name articles give it
    intro_html: str  # from the card, else ""
    article_slugs: tuple[str, ...]  # oldest first (the timeline), undated last
    people: tuple[TopicPerson, ...]  # key people, most central first
    quotes: tuple[tuple[str, str], ...]  # (article slug, quote id) of key quotes, newest first
    numbers: tuple[tuple[str, str], ...]  # (article slug, number id) of key numbers, newest first
    related: tuple[str, ...]  # other topic ids, most shared first
    card_path: str | None = None
