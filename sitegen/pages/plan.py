"""Page plans: which pages the site has, at which URL, with which template and data.

A plan is everything render needs for one page; templates only format it.
`depends_on` names the inputs a page reads, so `serve` can re-render only
the pages a change touches:

- `article:<slug>`: that article's text, front matter and extraction;
- `person:<id>`: that person's record (name, roles, counts, card);
- `topic:<id>`: that story's record (title, intro, articles, people, related);
- `nav`: whether the site has stories (the navigation links them only then);
- `articles`, `people`, `quotes`, `numbers`, `topics`: the site-wide lists (any
  article, person, quote, number or story added, removed, renamed or re-counted).

Every page also depends on the config and the templates, which are not named.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitegen import urls
from sitegen.config import SiteConfig
from sitegen.model import ArticleLinks, Site, SitePerson
from sitegen.pages import jsonld
from sitegen.pages.annotate import annotate_html, spans_for_article
from sitegen.pages.opendata import numbers_data, people_data, quotes_data
from sitegen.pages.search import search_index
from sitegen.pages.stories import (
    TopicItem,
    TopicRef,
    article_topics,
    person_topics,
    topic_inputs,
    topic_items,
    topic_page,
    topic_refs,
)
from sitegen.pages.views import (
    ArticleItem,
    ArticlePersonView,
    CoPersonView,
    NumberGroup,
    QuoteGroup,
    SiteViews,
    key_numbers,
    key_quotes,
    letter_groups,
    make_views,
    whole_first,
)
from sitegen.urls import article_url, person_url, topic_url

FEED_SIZE = 20
HOME_ARTICLES = 10
HOME_PEOPLE = 12
HOME_QUOTES = 6
HOME_NUMBERS = 6
HOME_TOPICS = 6
PROMINENT_PEOPLE = 50  # the "most mentioned" table on /people/
LIST_PEOPLE = 3  # names shown beside an article in lists

#: (label, url, section) of the site navigation, in order.
NAV: tuple[tuple[str, str, str], ...] = (
    ("Articles", "articles/", "articles"),
    ("Stories", "topics/", "topics"),
    ("People", "people/", "people"),
    ("Quotes", "quotes/", "quotes"),
    ("Numbers", "numbers/", "numbers"),
    ("Search", "search/", "search"),
)

#: The input every page's navigation reads: whether the site has stories at all.
NAV_KEY = "nav"

Absolute = Callable[[str], str]
ALL = frozenset({"articles", "people", "quotes", "numbers", "topics"})


@dataclass(frozen=True, slots=True)
class PagePlan:
    url: str  # site-relative pretty URL; "" is the home page
    template: str
    context: Mapping[str, Any]
    page: Mapping[str, Any] = field(default_factory=dict)  # title etc., merged into `page`
    depends_on: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Planner:
    """What every plan is made from: the config, the Site and its views."""

    config: SiteConfig
    site: Site
    views: SiteViews
    absolute: Absolute
    items: Mapping[str, ArticleItem]  # every article as lists show it, by slug
    topics: Mapping[str, TopicItem]  # every story as lists show it, newest first
    topic_refs: Mapping[str, TopicRef]

    @property
    def common(self) -> dict[str, Any]:
        """What every page gets; a site without stories has no "Stories" in its navigation."""
        nav = NAV if self.site.topics else tuple(n for n in NAV if n[2] != "topics")
        return {"config": self.config, "nav": nav}


@dataclass(frozen=True, slots=True)
class AnnotatedBody:
    """An article's HTML with people linked, quotes anchored and numbers marked up.

    Made when the page is rendered (Jinja calls `__html__`), not when it is planned,
    and compared by its inputs: planning stays cheap for `serve`, and the work is done
    in the render workers.
    """

    body_html: str
    links: ArticleLinks
    url: str  # the article page's URL, which person links are relative to

    def __html__(self) -> str:
        spans = spans_for_article(self.links,
                                  lambda pid: urls.relative(self.url, person_url(pid)))
        return annotate_html(self.body_html, spans)


#: (url, the inputs its plan reads) -> last build's plan for that url if none of those
#: inputs changed since, else None. See `article_inputs` and `person_inputs`.
Reuse = Callable[[str, frozenset[str]], "PagePlan | None"]


def plan_pages(config: SiteConfig, site: Site, *, reuse: Reuse | None = None) -> list[PagePlan]:
    """Every page of the site, in a stable order: content pages, then indexes and files.

    With `reuse`, an article or person page whose inputs did not change keeps the plan
    `reuse` returns (the caller vouches that it equals what would be planned now)."""
    planner = make_planner(config, site)
    items = list(planner.items.values())
    plans = [plan_home(planner, items)]
    if reuse is None:
        plans += [plan_article(planner, slug) for slug in site.articles]
        plans += [plan_person(planner, pid) for pid in site.people_order]
    else:
        plans += [reuse(article_url(slug), article_inputs(site, slug))
                  or plan_article(planner, slug) for slug in site.articles]
        plans += [reuse(person_url(pid), person_inputs(site, pid))
                  or plan_person(planner, pid) for pid in site.people_order]
    plans += [plan_topic(planner, tid) for tid in site.topics]
    plans += [plan_articles_index(planner, items)]
    plans += [plan_topics_index(planner)] if site.topics else []
    plans += [plan_people_index(planner),
              plan_quotes_index(planner), plan_numbers_index(planner)]
    plans += plan_search(planner)
    plans += plan_data(planner)
    plans += plan_service_files(planner)
    plans.append(plan_sitemap(planner, plans))
    return plans


def make_planner(config: SiteConfig, site: Site) -> Planner:
    """The views of `site`, built once, for planning any of its pages."""
    per_article = {slug: [(p.person_id, p.mention_count, p.quote_count) for p in links.people]
                   for slug, links in site.article_links.items()}
    views = make_views(site.articles, site.people, site.quotes, site.numbers, per_article)
    items = {i.article.slug: i for i in article_items(site, views)}
    return Planner(config, site, views, functools.partial(urls.absolute, config.base_url),
                   items, topic_items(site, views), topic_refs(site))


def article_items(site: Site, views: SiteViews) -> list[ArticleItem]:
    """Every article for lists, newest first."""
    return [
        ArticleItem(article, views.articles[slug],
                    tuple(views.people[p.person_id] for p in _links(site, slug).people
                          [:LIST_PEOPLE]),
                    len(_links(site, slug).quotes), len(_links(site, slug).numbers))
        for slug, article in site.articles.items()
    ]


def _links(site: Site, slug: str) -> ArticleLinks:
    return site.article_links.get(slug) or ArticleLinks(slug, (), (), (), ())


def article_inputs(site: Site, slug: str) -> frozenset[str]:
    """Every Site record an article page's plan reads, as `depends_on` keys: the article,
    its people and its quotes' speakers, its related articles (and their people, whom
    lists name), and its stories."""
    links = _links(site, slug)
    related = site.related.get(slug, ())
    return frozenset({f"article:{slug}", NAV_KEY} | {f"person:{p.person_id}" for p in links.people}
                     | {f"person:{q.speaker_id}" for q in links.quotes if q.speaker_id}
                     | {f"article:{r}" for r in related}
                     | {f"person:{p.person_id}" for r in related
                        for p in _links(site, r).people[:LIST_PEOPLE]}
                     | {f"topic:{tid}" for tid, t in site.topics.items()
                        if slug in t.article_slugs})


def person_inputs(site: Site, pid: str) -> frozenset[str]:
    """Every Site record a person page's plan reads, as `depends_on` keys: the person,
    the articles that name or quote them, and the people they appear with."""
    person = site.people[pid]
    return frozenset({f"person:{pid}", NAV_KEY} | {f"article:{s}" for s in person.article_slugs}
                     | {f"article:{q.article_slug}" for q in site.quotes_by_person.get(pid, ())}
                     | {f"person:{c.person_id}" for c in person.co_people}
                     | {f"person:{c.person_id}" for c in site.quoted_with.get(pid, ())}
                     | {f"topic:{tid}" for tid in site.topics})


def same_inputs(old: Site, new: Site, key: str) -> bool:
    """Whether the records behind one `article:` or `person:` key are equal in both Sites
    (an article: its Article and ArticleLinks; a person: their SitePerson and quotes)."""
    kind, _, name = key.partition(":")
    if kind == "article":
        return (old.articles.get(name) == new.articles.get(name)
                and old.article_links.get(name) == new.article_links.get(name)
                and old.related.get(name) == new.related.get(name))
    if kind == "person":
        return (old.people.get(name) == new.people.get(name)
                and old.quotes_by_person.get(name) == new.quotes_by_person.get(name)
                and old.quoted_with.get(name) == new.quoted_with.get(name))
    if kind == NAV_KEY:
        return bool(old.topics) == bool(new.topics)
    if kind == "topic":
        return old.topics.get(name) == new.topics.get(name) and list(old.topics) == list(
            new.topics)
    return False


def plan_home(planner: Planner, items: Sequence[ArticleItem]) -> PagePlan:
    site, views = planner.site, planner.views
    latest = items[:HOME_ARTICLES]
    numbers = [key_numbers(_links(site, i.article.slug).numbers)[:1] for i in latest]
    context = {
        **planner.common,
        "latest": latest,
        "topics": list(planner.topics.values())[:HOME_TOPICS],
        "topic_count": len(site.topics),
        "article_count": len(site.articles),
        "people": [views.entries[pid] for pid in site.people_order[:HOME_PEOPLE]],
        "person_count": len(site.people),
        "quotes": [views.quotes[(q.article_slug, q.id)]
                   for q in site.quotes if q.speaker_id and q.key][:HOME_QUOTES],
        "quote_count": len(site.quotes),
        "numbers": [views.numbers[(n.article_slug, n.id)]
                    for found in numbers for n in found][:HOME_NUMBERS],
        "number_count": len(site.numbers),
    }
    return PagePlan("", "index.html", context, {"title": planner.config.title, "section": ""},
                    ALL)


def plan_article(planner: Planner, slug: str) -> PagePlan:
    site, views = planner.site, planner.views
    article, links, url = site.articles[slug], _links(site, slug), article_url(slug)
    people = [ArticlePersonView(views.people[p.person_id],
                                p.role or views.entries[p.person_id].role,
                                p.mention_count, p.quote_count, p.key)
              for p in sorted(links.people, key=lambda p: not p.key)]
    quotes = [views.quotes[(slug, q.id)] for q in links.quotes]
    context = {
        **planner.common,
        "article": article,
        "source_url": article.source_url if urls.is_web_url(article.source_url) else None,
        "body": AnnotatedBody(article.body_html, links, url),
        "people": people,
        "quotes": quotes,
        "key_quotes": [views.quotes[(slug, q.id)] for q in key_quotes(links.quotes)],
        "more_quotes": len(links.quotes) > len(key_quotes(links.quotes)),
        "key_numbers": [views.numbers[(slug, n.id)] for n in key_numbers(links.numbers)],
        "topics": article_topics(site, planner.topic_refs, slug),
        "related": [planner.items[r] for r in site.related.get(slug, ())],
        "jsonld": jsonld.news_article(article, views.articles[slug], [p.ref for p in people],
                                      quotes, planner.absolute),
    }
    return PagePlan(url, "article.html", context, {"title": article.title, "section": "articles"},
                    article_inputs(site, slug))


def plan_person(planner: Planner, pid: str) -> PagePlan:
    site, views = planner.site, planner.views
    person, ref = site.people[pid], views.people[pid]
    quotes = whole_first([views.quotes[(q.article_slug, q.id)]
                          for q in site.quotes_by_person.get(pid, ())])
    mentions = views.mentions_by_person.get(pid, ())
    co_people = [CoPersonView(views.people[c.person_id], c.articles)
                 for c in person.co_people if c.person_id in views.people]
    quoted_with = [CoPersonView(views.people[c.person_id], c.articles)
                   for c in site.quoted_with.get(pid, ()) if c.person_id in views.people]
    image_src, image_url = _image(person, ref.url, planner.absolute)
    context = {
        **planner.common,
        "person": person,
        "image_src": image_src,
        "last_seen": person.last_seen if person.last_seen != person.first_seen else None,
        "quotes": quotes,
        "articles": mentions,
        "co_people": co_people,
        "quoted_with": quoted_with,
        "topics": person_topics(site, planner.topic_refs, pid),
        "jsonld": jsonld.person(person, ref, image_url, [m.article for m in mentions], quotes,
                                planner.absolute),
    }
    return PagePlan(ref.url, "person.html", context, {"title": person.name, "section": "people"},
                    person_inputs(site, pid))


def _image(person: SitePerson, page_url: str, absolute: Absolute) -> tuple[str | None, str | None]:
    """(src for the page, absolute URL for JSON-LD) of a card's image: a URL as it is, or a
    path from the site root (where `static/` is copied)."""
    if not person.image:
        return None, None
    if urls.is_external(person.image):
        return person.image, person.image
    site_path = person.image.lstrip("/")
    return urls.relative(page_url, site_path), absolute(site_path)


def plan_articles_index(planner: Planner, items: Sequence[ArticleItem]) -> PagePlan:
    context = {**planner.common, "items": items}
    return PagePlan("articles/", "articles.html", context,
                    {"title": "Articles", "section": "articles"}, frozenset({"articles", "people"}))


def plan_people_index(planner: Planner) -> PagePlan:
    entries = [planner.views.entries[pid] for pid in planner.site.people_order]
    context = {**planner.common, "prominent": entries[:PROMINENT_PEOPLE],
               "groups": letter_groups(entries), "person_count": len(entries)}
    return PagePlan("people/", "people.html", context, {"title": "People", "section": "people"},
                    frozenset({"people"}))


def plan_quotes_index(planner: Planner) -> PagePlan:
    site, views = planner.site, planner.views
    by_speaker = [
        QuoteGroup(f"s-{pid}", views.people[pid].name, views.people[pid].url,
                   tuple(whole_first([views.quotes[(q.article_slug, q.id)]
                                      for q in site.quotes_by_person[pid]])))
        for pid in site.people_order if site.quotes_by_person.get(pid)
    ]
    by_article = [
        QuoteGroup(f"a-{slug}", views.articles[slug].title, views.articles[slug].url,
                   tuple(views.quotes[(slug, q.id)] for q in links.quotes))
        for slug, links in site.article_links.items() if links.quotes
    ]
    context = {**planner.common, "by_speaker": by_speaker, "by_article": by_article,
               "quote_count": len(site.quotes)}
    return PagePlan("quotes/", "quotes.html", context, {"title": "Quotes", "section": "quotes"},
                    frozenset({"quotes", "people", "articles"}))


def plan_numbers_index(planner: Planner) -> PagePlan:
    site, views = planner.site, planner.views
    groups = [NumberGroup(views.articles[slug],
                          tuple(views.numbers[(slug, n.id)] for n in links.numbers))
              for slug, links in site.article_links.items() if links.numbers]
    context = {**planner.common, "groups": groups, "number_count": len(site.numbers)}
    return PagePlan("numbers/", "numbers.html", context, {"title": "Numbers", "section": "numbers"},
                    frozenset({"numbers", "articles"}))


def plan_topic(planner: Planner, tid: str) -> PagePlan:
    site, views = planner.site, planner.views
    page = topic_page(site, views, planner.topics, tid)
    url = topic_url(tid)
    context = {
        **planner.common,
        "topic": page,
        "jsonld": jsonld.collection_page(
            page.item.ref.title, url, page.item.intro, [e.article for e in page.timeline],
            [w.person for w in page.who], planner.absolute),
    }
    return PagePlan(url, "topic.html", context, {"title": page.item.ref.title,
                                                 "section": "topics"}, topic_inputs(site, tid))


def plan_topics_index(planner: Planner) -> PagePlan:
    context = {**planner.common, "items": list(planner.topics.values())}
    return PagePlan("topics/", "topics.html", context, {"title": "Stories", "section": "topics"},
                    frozenset({"topics", "people"}))


def plan_search(planner: Planner) -> list[PagePlan]:
    """The search page, and its index as a script that sets a global (search.js reads it;
    a script, not JSON, so search works from file://, where fetching is blocked)."""
    site, views = planner.site, planner.views
    index = search_index(site.articles.values(), [site.people[p] for p in site.people_order],
                         [views.quotes[(q.article_slug, q.id)] for q in site.quotes], views)
    depends = frozenset({"articles", "people", "quotes"})
    return [
        PagePlan("search/", "search.html", {**planner.common, "root": urls.root_prefix("search/")},
                 {"title": "Search", "section": "search"}),
        PagePlan("search/index.js", "search-index.js", {"index": index}, {}, depends),
    ]


def plan_data(planner: Planner) -> list[PagePlan]:
    """`data/people.json`, `data/quotes.json` and `data/numbers.json`."""
    site, views, absolute = planner.site, planner.views, planner.absolute
    people = people_data([site.people[p] for p in site.people_order], views, absolute)
    quotes = quotes_data([views.quotes[(q.article_slug, q.id)] for q in site.quotes], absolute)
    numbers = numbers_data([views.numbers[(n.article_slug, n.id)] for n in site.numbers],
                           absolute)
    return [
        PagePlan("data/people.json", "data.json", {"data": people}, {},
                 frozenset({"people", "articles"})),
        PagePlan("data/quotes.json", "data.json", {"data": quotes}, {},
                 frozenset({"quotes", "people", "articles"})),
        PagePlan("data/numbers.json", "data.json", {"data": numbers}, {},
                 frozenset({"numbers", "articles"})),
    ]


def plan_service_files(planner: Planner) -> list[PagePlan]:
    """404.html, the Atom feed of the latest articles and robots.txt."""
    entries = list(planner.site.articles.values())[:FEED_SIZE]
    stories = list(planner.topics.values())[:FEED_SIZE]
    common = planner.common
    return [
        PagePlan("404.html", "404.html", common, {"title": "Page not found", "root_links": True,
                                                  "section": ""}),
        PagePlan("feed.xml", "feed.xml", {**common, "entries": entries, "stories": stories}, {},
                 frozenset({"articles", "topics"})),
        PagePlan("robots.txt", "robots.txt", common, {}, frozenset()),
    ]


def plan_sitemap(planner: Planner, plans: Sequence[PagePlan]) -> PagePlan:
    """Every HTML page but 404.html."""
    listed = [p.url for p in plans if p.url == "" or p.url.endswith("/")]
    return PagePlan("sitemap.xml", "sitemap.xml", {**planner.common, "urls": listed}, {}, ALL)
