"""What pages show is decided in sitegen.pages.views: orders, selections and splits."""

from __future__ import annotations

from dataclasses import replace

from sitegen.model import SiteNumber, SiteQuote
from sitegen.pages.views import (
    ArticleRef,
    PersonEntry,
    PersonRef,
    brief,
    key_numbers,
    key_quotes,
    letter_groups,
    number_view,
    quote_view,
    whole_first,
)

ARTICLES = {"a": ArticleRef("a", "A", "articles/a/", None)}
PEOPLE = {"jo": PersonRef("jo", "Jo Bloggs", "people/jo/")}


def _quote(n: int, text: str, speaker: str | None = None, source: str | None = None) -> SiteQuote:
    return SiteQuote(f"q-{n}", "a", text, speaker, source, n * 100, n * 100 + len(text))


def _number(n: int, unit: str | None) -> SiteNumber:
    return SiteNumber(f"n-{n}", "a", str(n), float(n), unit, f"About {n} things.", n, n + 1)


def test_pages_views_key_items_are_those_extraction_marked_in_text_order() -> None:
    quotes = [_quote(1, "leant on", "jo"), replace(_quote(2, "We will win", "jo"), key=True),
              _quote(3, "No comment", None), replace(_quote(4, "I am proud", "jo"), key=True)]
    assert [q.id for q in key_quotes(quotes)] == ["q-2", "q-4"]
    numbers = [_number(1, None), replace(_number(2, "GBP"), key=True), _number(3, "%")]
    assert [n.id for n in key_numbers(numbers)] == ["n-2"]


def test_pages_views_fragments_come_after_whole_statements_inside_their_sentence() -> None:
    fragment = replace(_quote(1, "productive", "jo"),
                       context='He called the talks "productive" but "realistic."')
    whole = _quote(2, "We will win this fight.", "jo")
    views = [quote_view(q, ARTICLES, PEOPLE) for q in (fragment, whole)]
    assert [v.anchor for v in whole_first(views)] == ["q-2", "q-1"]
    assert views[0].context == ('He called the talks "', '" but "realistic."')
    assert not views[0].whole and views[1].whole and views[1].context is None


def test_pages_views_number_shows_its_counted_noun_when_the_text_leaves_it_out() -> None:
    twenty = replace(_number(20, "weeks"), text="20", label="reduction in the legal limit")
    view = number_view(twenty, ARTICLES)
    assert view.shown == "20 weeks" and view.label == "reduction in the legal limit"
    assert number_view(replace(_number(5, "GBP"), text="£5m"), ARTICLES).shown == "£5m"
    assert number_view(replace(_number(7, "people"), text="seven people"),
                       ARTICLES).shown == "seven people"


def test_pages_views_quote_view_resolves_speaker_and_trims_the_trailing_comma() -> None:
    view = quote_view(_quote(1, "We will rebuild every pier,", "jo"), ARTICLES, PEOPLE)
    assert view.text == "We will rebuild every pier,"
    assert view.shown == "We will rebuild every pier"
    assert view.speaker == PEOPLE["jo"] and view.source is None
    unnamed = quote_view(_quote(2, "Fine.", None, "a spokesman"), ARTICLES, PEOPLE)
    assert unnamed.speaker is None and unnamed.source == "a spokesman"


def test_pages_views_brief_cuts_at_a_word() -> None:
    assert brief("short", 10) == "short"
    assert brief("one two three four", 12) == "one two…"


def test_pages_views_number_view_splits_the_sentence_around_the_figure() -> None:
    view = number_view(SiteNumber("n-1", "a", "£3m", 3e6, "GBP", "It cost £3m to fix.", 8, 11),
                       ARTICLES)
    assert (view.before, view.text, view.after) == ("It cost ", "£3m", " to fix.")
    missing = number_view(SiteNumber("n-2", "a", "x", 1.0, None, "No figure.", 0, 1), ARTICLES)
    assert (missing.before, missing.after) == ("No figure.", "")


def test_pages_views_letter_groups_sort_by_surname_accents_ignored() -> None:
    def entry(pid: str, name: str) -> PersonEntry:
        return PersonEntry(PersonRef(pid, name, f"people/{pid}/"), None, 1, 0, 1)

    groups = letter_groups([entry("z", "Émile Zola"), entry("b", "Tony Blair"),
                            entry("c", "Cherie Blair"), entry("x", "2Pac"),
                            entry("a", "Ángel Álvarez")])
    assert [(g.letter, [e.ref.id for e in g.people]) for g in groups] == [
        ("A", ["a"]), ("B", ["c", "b"]), ("Z", ["z"]), ("#", ["x"])]
