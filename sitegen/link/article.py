"""One article's part of the link stage: its people, quotes, numbers and links to place.

Called by `sitegen.link.site` once identities and person ids are decided.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sitegen.content.htmltext import linkable_ranges
from sitegen.link.identity import Entry, Ident
from sitegen.link.names import NameKey, name_key
from sitegen.model import (
    Article,
    ArticleLinks,
    ArticlePerson,
    Extraction,
    MentionLink,
    SiteNumber,
    SiteQuote,
)


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """An article's links, plus what the site-wide person records add up."""

    links: ArticleLinks
    mentions: dict[str, int]  # person id -> mentions in this article
    roles: dict[str, str]  # person id -> the role this article gives


def link_article(
    article: Article,
    extraction: Extraction,
    entries: Sequence[tuple[Entry, Ident | None]],
    ids: Mapping[Ident, str],
    link_mode: str,
) -> ArticleFacts:
    """Place one article's people, quotes and numbers; `link_mode` is `people.link`."""
    size = len(article.text)
    spans: dict[str, set[tuple[int, int]]] = {}
    roles: dict[str, str] = {}
    key: set[str] = set()
    for entry, ident in entries:
        pid = ids.get(ident) if ident is not None else None
        if pid is None:
            continue
        if entry.found.key:
            key.add(pid)
        spans.setdefault(pid, set()).update(
            (s, e) for s, e in entry.found.mentions if 0 <= s < e <= size)
        if entry.found.role and entry.found.role.strip():
            roles.setdefault(pid, entry.found.role.strip())
    spans = {pid: _outermost(pairs) for pid, pairs in spans.items()}
    quotes = _quotes(article, extraction, _speakers(entries, ids))
    said = {pid: sum(1 for q in quotes if q.speaker_id == pid) for pid in spans}
    people = sorted(
        (ArticlePerson(pid, roles.get(pid), len(spans[pid]), said[pid], pid in key)
         for pid in spans),
        key=lambda p: (-p.mention_count, -p.quote_count, p.person_id),
    )
    numbers = tuple(
        SiteNumber(f"n-{n}", article.slug, x.text, x.value, x.unit, x.sentence, x.start, x.end,
                   x.label, x.key)
        for n, x in enumerate(sorted(extraction.numbers,
                                     key=lambda x: (x.start, x.end, x.text)), 1)
    )
    links = ArticleLinks(article.slug, tuple(people), quotes, numbers,
                         _links(article, spans, link_mode))
    return ArticleFacts(links, {pid: len(s) for pid, s in spans.items()}, roles)


def _outermost(pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Mentions not inside another mention of the same person: "Cherie" found inside
    "Cherie Blair" is one mention, not two."""
    kept: set[tuple[int, int]] = set()
    reach = -1
    for start, end in sorted(pairs, key=lambda p: (p[0], -p[1])):
        if end > reach:
            kept.add((start, end))
            reach = end
    return kept


def _speakers(
    entries: Sequence[tuple[Entry, Ident | None]], ids: Mapping[Ident, str]
) -> dict[NameKey, tuple[str | None, bool]]:
    """Name key -> (person id or None, whether it is None because ambiguous).
    Names win over aliases, so a shared alias never steals a quote."""
    found: dict[NameKey, tuple[str | None, bool]] = {}
    for use_aliases in (False, True):
        for entry, ident in entries:
            forms = entry.found.aliases if use_aliases else (entry.found.name,)
            for form in forms:
                pid = ids.get(ident) if ident is not None else None
                found.setdefault(name_key(form), (pid, ident is None))
    return found


def _quotes(
    article: Article, extraction: Extraction, speakers: Mapping[NameKey, tuple[str | None, bool]]
) -> tuple[SiteQuote, ...]:
    quotes: list[SiteQuote] = []
    for n, q in enumerate(sorted(extraction.quotes, key=lambda q: (q.start, q.end, q.text)), 1):
        pid, ambiguous = speakers.get(name_key(q.speaker), (None, False)) if q.speaker else (
            None, False)
        # An ambiguous speaker is still a name the reader can see; a hidden or excluded
        # one is not a person at all, so only the extraction's own `source` remains.
        source = q.source or (q.speaker if ambiguous else None)
        quotes.append(SiteQuote(f"q-{n}", article.slug, q.text, pid, source, q.start, q.end,
                                q.key, q.context))
    return tuple(quotes)


def _links(
    article: Article, spans: Mapping[str, set[tuple[int, int]]], link_mode: str
) -> tuple[MentionLink, ...]:
    """Mentions to link: inside linkable text, not overlapping each other, and for
    "first" only each person's first such mention (a mention in a heading does not count)."""
    if link_mode == "none" or not spans:
        return ()
    ranges = linkable_ranges(article.body_html)
    starts = [r[0] for r in ranges]
    candidates = sorted(
        (s, e, pid) for pid, pairs in spans.items() for s, e in pairs
        if _inside(ranges, starts, s, e)
    )
    links: list[MentionLink] = []
    linked: set[str] = set()
    for start, end, pid in sorted(candidates, key=lambda c: (c[0], -c[1], c[2])):
        if links and start < links[-1].end:
            continue
        if link_mode == "first" and pid in linked:
            continue
        links.append(MentionLink(start, end, pid))
        linked.add(pid)
    return tuple(links)


def _inside(ranges: Sequence[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and ranges[i][1] >= end
