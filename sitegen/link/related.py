"""Related content: the articles that go with an article, the people quoted with a person.

An article's related articles share its key people and its stories first,
then its other people; ties go to the newer article. A person's "quoted
alongside" are the people quoted in the same articles, most shared first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from sitegen.model import Article, ArticleLinks, CoPerson

#: At most this many related articles per article.
RELATED_ARTICLES = 5
#: At most this many people quoted alongside a person.
QUOTED_WITH_LIMIT = 10


def related_articles(
    articles: Sequence[Article], links: Mapping[str, ArticleLinks]
) -> dict[str, tuple[str, ...]]:
    """Article slug -> related slugs, best first. `articles` are the site's, newest first.

    Strong ties (a shared key person or story) rank first, then shared people;
    only articles sharing someone or something are related at all."""
    rank = {a.slug: n for n, a in enumerate(articles)}
    key_of: dict[str, set[str]] = {}
    people_of: dict[str, set[str]] = {}
    by_key: dict[str, list[str]] = {}
    by_person: dict[str, list[str]] = {}
    for article in articles:
        found = links.get(article.slug)
        people = found.people if found else ()
        key_of[article.slug] = {p.person_id for p in people if p.key} | {
            "topic:" + t for t in article.topics}
        people_of[article.slug] = {p.person_id for p in people}
        for tie in key_of[article.slug]:
            by_key.setdefault(tie, []).append(article.slug)
        for pid in people_of[article.slug]:
            by_person.setdefault(pid, []).append(article.slug)
    out: dict[str, tuple[str, ...]] = {}
    for article in articles:
        slug = article.slug
        strong: Counter[str] = Counter(o for tie in key_of[slug] for o in by_key[tie])
        strong.pop(slug, None)
        candidates = set(strong)
        if len(candidates) < RELATED_ARTICLES:
            candidates |= {o for pid in people_of[slug] for o in by_person[pid]} - {slug}
        ranked = sorted(candidates, key=lambda o: (
            -strong[o], -len(people_of[slug] & people_of[o]), rank[o]))
        out[slug] = tuple(ranked[:RELATED_ARTICLES])
    return out


def quoted_with(links: Mapping[str, ArticleLinks]) -> dict[str, tuple[CoPerson, ...]]:
    """Person id -> the people quoted in the same articles as them, most shared first."""
    shared: dict[str, Counter[str]] = {}
    quotes: Counter[str] = Counter()
    for found in links.values():
        speakers = sorted({q.speaker_id for q in found.quotes if q.speaker_id})
        for q in found.quotes:
            if q.speaker_id:
                quotes[q.speaker_id] += 1
        for pid in speakers:
            for other in speakers:
                if other != pid:
                    shared.setdefault(pid, Counter())[other] += 1
    return {pid: tuple(CoPerson(o, n) for o, n in sorted(
                counts.items(), key=lambda on: (-on[1], -quotes[on[0]], on[0]))[:QUOTED_WITH_LIMIT])
            for pid, counts in sorted(shared.items())}
