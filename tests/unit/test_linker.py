"""Linker: the link stage kept between rebuilds gives exactly the Site of `link()`."""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.config import PeopleConfig, SiteConfig
from sitegen.link.site import Linker, LinkResult, link
from sitegen.model import Article, Extraction, PersonCard, QuoteFound
from tests.unit.linkdata import one

Item = tuple[Article, Extraction]
CONFIG = SiteConfig(people=PeopleConfig(link="first"))


def _card(slug: str, name: str, *aliases: str, hide: bool = False) -> PersonCard:
    return PersonCard(slug=slug, name=name, source_path=f"content/people/{slug}.md",
                      aliases=aliases, hide=hide)


def _same(linker: Linker, items: Sequence[Item], cards: Sequence[PersonCard]) -> None:
    """The linker's result equals a fresh `link()`, warnings included (by message)."""
    articles = [a for a, _ in items]
    extractions = {a.slug: e for a, e in items}
    kept: LinkResult = linker.link(articles, extractions, cards, CONFIG)
    fresh = link(articles, extractions, cards, CONFIG)
    assert kept.site == fresh.site
    assert [str(w) for w in kept.warnings] == [str(w) for w in fresh.warnings]


def _said(text: str, quote: str, speaker: str) -> tuple[QuoteFound, ...]:
    start = text.index(quote)
    return (QuoteFound(quote, start, start + len(quote), speaker),)


def test_linker_matches_fresh_link_after_each_edit() -> None:
    tony = one("a", "Tony Blair spoke. Blair left.", ("Tony Blair", "Blair"), day=1)
    gordon = one("b", "Gordon Brown and Mr Blair met.", ("Gordon Brown", "Brown"),
                 ("Blair", "Mr Blair"), day=2)
    bare = one("c", "Brown was late.", ("Brown",), day=3)
    text = 'Ed Miliband said "no" to Blair.'
    ed = one("d", text, ("Ed Miliband", "Miliband"), ("Blair",), day=4,
             quotes=_said(text, "no", "Ed Miliband"))
    linker = Linker()
    items: list[Item] = [tony, gordon, bare, ed]
    cards: list[PersonCard] = []
    _same(linker, items, cards)
    # change text (same people)
    items[0] = one("a", "Tony Blair spoke at length. Blair left.", ("Tony Blair", "Blair"),
                   day=1)
    _same(linker, items, cards)
    # add a person to an article
    items[2] = one("c", "Brown was late. Yvette Cooper was not.", ("Brown",),
                   ("Yvette Cooper",), day=3)
    _same(linker, items, cards)
    # remove a person
    items[1] = one("b", "Mr Blair met nobody.", ("Blair", "Mr Blair"), day=2)
    _same(linker, items, cards)
    # an ambiguous surname: a second Blair makes the bare "Blair" of article d ambiguous
    items.append(one("e", "Cherie Blair smiled.", ("Cherie Blair",), day=5))
    _same(linker, items, cards)
    # rename an article (new slug, same text)
    article, extraction = items[3]
    items[3] = one("d2", article.text, ("Ed Miliband", "Miliband"), ("Blair",), day=4,
                   quotes=extraction.quotes)
    _same(linker, items, cards)
    # add a card that settles the surname, then one that hides a person
    cards = [_card("tony-blair", "Tony Blair", "Blair")]
    _same(linker, items, cards)
    cards = [*cards, _card("yvette-cooper", "Yvette Cooper", hide=True)]
    _same(linker, items, cards)
    # remove the cards and an article
    cards = []
    del items[0]
    _same(linker, items, cards)
    # a person id taken by a newcomer shifts ("tony-blair" then "tony-blair-2")
    items.append(one("f", "Tony Blair, the other one.", ("Tony Blair",), day=6))
    _same(linker, items, cards)


def test_linker_follows_config_changes() -> None:
    tony = one("a", "Tony Blair spoke. Blair left.", ("Tony Blair", "Blair"), day=1)
    linker = Linker()
    result = linker.link([tony[0]], {"a": tony[1]}, [], CONFIG)
    assert result.site.article_links["a"].links
    none = SiteConfig(people=PeopleConfig(link="none"))
    assert linker.link([tony[0]], {"a": tony[1]}, [], none).site == link(
        [tony[0]], {"a": tony[1]}, [], none).site
    excluding = SiteConfig(people=PeopleConfig(link="first", exclude=("Blair",)))
    assert linker.link([tony[0]], {"a": tony[1]}, [], excluding).site == link(
        [tony[0]], {"a": tony[1]}, [], excluding).site
