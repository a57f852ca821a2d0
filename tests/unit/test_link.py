"""The link stage: who is who across articles, cards, exclusions, ids and the Site."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sitegen.link.names import name_key
from sitegen.model import (
    Extraction,
    NumberFound,
    PersonCard,
    QuoteFound,
)
from tests.unit.linkdata import found, make_article, one, run

TONY = one("a", "Tony Blair spoke. Blair left.", ("Tony Blair", "Blair"), day=1)


def test_link_surname_in_other_article_joins_full_name() -> None:
    site = run(TONY, one("b", "Mr Blair said no.", ("Blair", "Mr Blair"), day=2)).site
    assert list(site.people) == ["tony-blair"]
    tony = site.people["tony-blair"]
    assert tony.name == "Tony Blair"
    assert tony.article_slugs == ("a", "b")
    assert tony.mention_count == 3
    assert tony.aliases == ("Blair", "Mr Blair")
    assert (tony.first_seen, tony.last_seen) == (dt.date(2025, 1, 1), dt.date(2025, 1, 2))


def test_link_shared_surname_never_merges_and_bare_surname_is_ambiguous() -> None:
    cherie = one("b", "Cherie Blair smiled.", ("Cherie Blair",), day=2)
    bare = one("c", "Blair was late.", ("Blair",), day=3)
    result = run(TONY, cherie, bare)
    site = result.site
    assert sorted(site.people) == ["cherie-blair", "tony-blair"]
    # In its own article "Blair" is Tony: that article names only him.
    assert site.people["tony-blair"].mention_count == 2
    assert site.people["cherie-blair"].mention_count == 1
    assert site.article_links["c"].people == ()
    assert site.article_links["c"].links == ()
    [warning] = result.warnings
    assert str(warning).startswith("content/articles/c.md: 'Blair' could be")
    assert "Cherie Blair or Tony Blair" in warning.message


def test_link_bare_surname_with_two_full_names_in_article_is_ambiguous() -> None:
    text = "Tony Blair and Cherie Blair arrived. Blair waved."
    item = one("a", text, ("Tony Blair",), ("Cherie Blair",), ("Blair",))
    result = run(item)
    assert {p.person_id: p.mention_count for p in result.site.article_links["a"].people} == {
        "tony-blair": 1, "cherie-blair": 1}
    assert len(result.warnings) == 1


def test_link_bare_surname_with_no_full_name_anywhere_is_one_person() -> None:
    site = run(one("a", "Blair spoke.", ("Blair",)),
               one("b", "Mr Blair spoke.", ("Mr Blair",))).site
    assert list(site.people) == ["blair"]
    assert site.people["blair"].name == "Blair"
    assert site.people["blair"].article_slugs == ("a", "b")


def test_link_first_name_joins_full_name_in_same_article_only() -> None:
    site = run(one("a", "Cherie Blair came. Cherie spoke.", ("Cherie Blair",), ("Cherie",)),
               one("b", "Cherie sang.", ("Cherie",))).site
    assert sorted(site.people) == ["cherie", "cherie-blair"]
    assert site.people["cherie-blair"].mention_count == 2


def test_link_names_compare_without_accents_case_or_titles() -> None:
    site = run(
        one("a", "José Mourinho won.", ("José Mourinho",), day=1),
        one("b", "JOSE MOURINHO lost.", ("JOSE MOURINHO",), day=2),
        one("c", "Mourinho's team drew.", ("Mourinho",), day=3),
        one("d", "President Zelenskiy met ZELENSKIY.", ("Zelenskiy", "President Zelenskiy",
                                                          "ZELENSKIY")),
    ).site
    assert sorted(site.people) == ["jose-mourinho", "zelenskiy"]
    assert site.people["jose-mourinho"].name == "José Mourinho"
    assert site.people["jose-mourinho"].article_slugs == ("c", "b", "a")  # newest first
    assert site.people["zelenskiy"].name == "Zelenskiy"
    assert site.people["zelenskiy"].mention_count == 2


def test_link_card_merges_aliases_renames_and_adds_bio() -> None:
    card = PersonCard(slug="pm", name="Tony Blair", source_path="content/people/pm.md",
                      aliases=("Anthony Blair",), role="Prime minister", image="blair.jpg",
                      bio_html="<p>Labour leader.</p>")
    anthony = make_article("b", "Anthony Blair wrote.", 2)
    result = run(TONY, (anthony, Extraction(people=(
        found(anthony.text, "Anthony Blair", role="Labour leader"),))), cards=(card,))
    site = result.site
    assert list(site.people) == ["pm"]
    pm = site.people["pm"]
    assert (pm.name, pm.image, pm.bio_html) == ("Tony Blair", "blair.jpg", "<p>Labour leader.</p>")
    assert pm.roles == ("Prime minister", "Labour leader")
    assert pm.article_slugs == ("a", "b")
    assert pm.card_path == "content/people/pm.md"
    assert result.warnings == ()


def test_link_card_alias_settles_ambiguous_surname_but_not_in_other_articles() -> None:
    card = PersonCard(slug="cherie-blair", name="Cherie Blair",
                      source_path="content/people/cherie-blair.md", aliases=("Blair",))
    cherie = one("b", "Cherie Blair smiled.", ("Cherie Blair",), day=2)
    bare = one("c", "Blair was late.", ("Blair",), day=3)
    result = run(TONY, cherie, bare, cards=(card,))
    assert result.warnings == ()
    assert [p.person_id for p in result.site.article_links["c"].people] == ["cherie-blair"]
    # In Tony Blair's article, the text itself says who "Blair" is.
    assert result.site.people["tony-blair"].mention_count == 2


def test_link_roles_are_distinct_without_case_most_frequent_first() -> None:
    items = [make_article(s, "Tony Blair spoke.", d) for s, d in (("a", 1), ("b", 2), ("c", 3))]
    roles = ("prime minister", "Labour leader", "Prime Minister")
    site = run(*((a, Extraction(people=(found(a.text, "Tony Blair", role=r),)))
                 for a, r in zip(items, roles, strict=True))).site
    assert site.people["tony-blair"].roles == ("Prime Minister", "Labour leader")
    assert [p.role for p in site.article_links["a"].people] == ["prime minister"]


def test_link_display_name_drops_titles_and_possessive() -> None:
    site = run(one("a", "President Zelenskiy's plan.", ("President Zelenskiy's",))).site
    assert [(p.id, p.name) for p in site.people.values()] == [("zelenskiy", "Zelenskiy")]


def test_link_card_rename_changes_display_name_not_matching() -> None:
    card = PersonCard(slug="volodymyr-zelensky", name="Volodymyr Zelensky",
                      source_path="content/people/volodymyr-zelensky.md",
                      aliases=("Volodymyr Zelenskiy",))
    site = run(one("a", "Volodymyr Zelenskiy flew. Zelenskiy landed.",
                   ("Volodymyr Zelenskiy", "Zelenskiy")), cards=(card,)).site
    assert [(p.id, p.name, p.mention_count) for p in site.people.values()] == [
        ("volodymyr-zelensky", "Volodymyr Zelensky", 2)]


def test_link_hidden_card_removes_person_everywhere() -> None:
    text = 'Tomahawk said "fire". Tony Blair agreed.'
    quote = QuoteFound("fire", text.index("fire"), text.index("fire") + 4, "Tomahawk")
    item = one("a", text, ("Tomahawk",), ("Tony Blair",), quotes=(quote,))
    card = PersonCard(slug="tomahawk", name="Tomahawk", source_path="content/people/tomahawk.md",
                      hide=True)
    site = run(item, cards=(card,), mode="all").site
    assert list(site.people) == ["tony-blair"]
    assert [p.person_id for p in site.article_links["a"].people] == ["tony-blair"]
    assert [m.person_id for m in site.article_links["a"].links] == ["tony-blair"]
    [q] = site.quotes
    assert (q.speaker_id, q.source) == (None, None)
    assert site.quotes_by_person == {}
    assert all(c.person_id != "tomahawk" for c in site.people["tony-blair"].co_people)


def test_link_card_naming_nobody_is_a_warning_with_its_path() -> None:
    card = PersonCard(slug="x", name="Nobody Here", source_path="content/people/x.md")
    result = run(TONY, cards=(card,))
    assert [str(w) for w in result.warnings] == [
        "content/people/x.md: card describes 'Nobody Here', who is not found in any article; "
        "check the spelling of `name:` and `aliases:`"]
    assert "x" not in result.site.people


def test_link_exclude_list_compares_without_accents_or_case() -> None:
    item = one("a", "White House and Tony Blair and Zoë.", ("White House",), ("Tony Blair",),
               ("Zoë",))
    site = run(item, exclude=("WHITE HOUSE", "zoe", "Lord")).site
    assert list(site.people) == ["tony-blair"]


def test_link_exclude_list_matches_aliases_as_written() -> None:
    item = one("a", "Tomahawks flew. Lord Falconer spoke.", ("Tomahawk", "Tomahawks"),
               ("Falconer", "Lord Falconer"))
    assert list(run(item, exclude=("tomahawks", "Lord")).site.people) == ["falconer"]
    assert list(run(item, exclude=("Lord Falconer",)).site.people) == ["tomahawk"]


def test_link_ids_are_unique_and_do_not_depend_on_input_order() -> None:
    items = [one("a", "Jean-Paul Smith ran.", ("Jean-Paul Smith",), day=1),
             one("b", "Jean Paul Smith ran.", ("Jean Paul Smith",), day=2),
             one("c", "Tony Blair ran. Cherie Blair ran.", ("Tony Blair",), ("Cherie Blair",))]
    forward = run(*items).site
    backward = run(*reversed(items)).site
    assert sorted(forward.people) == ["cherie-blair", "jean-paul-smith", "jean-paul-smith-2",
                                      "tony-blair"]
    assert forward.people["jean-paul-smith"].name == "Jean Paul Smith"
    assert forward == backward


def test_link_quotes_get_anchors_and_speakers() -> None:
    text = 'Tony Blair said "yes" and "no". A spokesman said "maybe". Blair: "ok".'
    quotes = tuple(QuoteFound(w, text.index(f'"{w}"') + 1, text.index(f'"{w}"') + 1 + len(w),
                              s, src)
                   for w, s, src in [("ok", "Blair", None), ("yes", "Tony Blair", None),
                                     ("maybe", None, "a spokesman"), ("no", "Tony Blair", None)])
    site = run(one("a", text, ("Tony Blair", "Blair"), quotes=quotes)).site
    assert [(q.id, q.text, q.speaker_id, q.source) for q in site.quotes] == [
        ("q-1", "yes", "tony-blair", None), ("q-2", "no", "tony-blair", None),
        ("q-3", "maybe", None, "a spokesman"), ("q-4", "ok", "tony-blair", None)]
    assert site.people["tony-blair"].quote_count == 3
    assert [q.id for q in site.quotes_by_person["tony-blair"]] == ["q-1", "q-2", "q-4"]


def test_link_ambiguous_speaker_keeps_name_as_source() -> None:
    text = 'Blair said "later".'
    quote = QuoteFound("later", 12, 17, "Blair")
    site = run(one("x", "Tony Blair.", ("Tony Blair",)),
               one("y", "Cherie Blair.", ("Cherie Blair",)),
               one("a", text, ("Blair",), quotes=(quote,))).site
    [q] = site.article_links["a"].quotes
    assert (q.speaker_id, q.source) == (None, "Blair")


def test_link_mode_first_all_none() -> None:
    text = "Tony Blair met Cherie Blair. Tony Blair left."
    item = one("a", text, ("Tony Blair",), ("Cherie Blair",))
    spans = {mode: [(m.start, m.end, m.person_id) for m in run(item, mode=mode).site
                    .article_links["a"].links] for mode in ("first", "all", "none")}
    assert spans["first"] == [(0, 10, "tony-blair"), (15, 27, "cherie-blair")]
    assert spans["all"] == spans["first"] + [(29, 39, "tony-blair")]
    assert spans["none"] == []


def test_link_first_mention_in_heading_does_not_count() -> None:
    text = "Tony Blair\n\nTony Blair left."
    article = make_article("a", text, body_html="<h2>Tony Blair</h2>\n<p>Tony Blair left.</p>")
    site = run((article, Extraction(people=(found(text, "Tony Blair"),)))).site
    assert [(m.start, m.end) for m in site.article_links["a"].links] == [(12, 22)]


def test_link_orders_articles_people_numbers_and_co_people() -> None:
    text = "Tony Blair and Cherie Blair paid £5m. Tony Blair again."
    number = NumberFound("£5m", 5e6, "GBP", text.split(".")[0] + ".", 32, 35)
    a = make_article("a", text, 1)
    extraction = Extraction(people=(found(text, "Tony Blair"), found(text, "Cherie Blair")),
                            numbers=(number,))
    site = run((a, extraction), one("b", "Cherie Blair.", ("Cherie Blair",), day=5),
               one("c", "Undated Tony Blair.", ("Tony Blair",))).site
    assert list(site.articles) == ["b", "a", "c"]
    assert site.people_order == ("tony-blair", "cherie-blair")
    assert [(n.id, n.article_slug, n.value) for n in site.numbers] == [("n-1", "a", 5e6)]
    assert [(c.person_id, c.articles) for c in site.people["tony-blair"].co_people] == [
        ("cherie-blair", 1)]
    assert site.people["tony-blair"].article_slugs == ("a", "c")


def test_link_site_is_json_serialisable() -> None:
    site = run(TONY).site
    data = json.loads(json.dumps(dataclasses.asdict(site), default=str))
    assert data["people"]["tony-blair"]["mention_count"] == 2


def test_link_name_key_folds_titles_possessives_and_accents() -> None:
    assert name_key("Mr Blair’s") == ("blair",)
    assert name_key("Prime Minister José  Sócrates") == ("jose", "socrates")
    assert name_key("Lord") == ("lord",)


def test_link_every_person_reference_has_a_page() -> None:
    text = 'Tony Blair, Cherie Blair and Tomahawk met. Blair said "go". Mr Brown said "no".'
    quotes = (QuoteFound("go", text.index("go"), text.index("go") + 2, "Blair"),
              QuoteFound("no", text.index('"no') + 1, text.index('"no') + 3, "Mr Brown"),
              QuoteFound("x", 0, 1, "Tomahawk"))
    item = one("a", text, ("Tony Blair",), ("Cherie Blair",), ("Blair",), ("Tomahawk",),
               ("Brown", "Mr Brown"), quotes=quotes)
    hide = PersonCard(slug="t", name="Tomahawk", source_path="content/people/t.md", hide=True)
    site = run(item, one("b", "Blair again.", ("Blair",)), cards=(hide,), mode="all").site
    refs = {q.speaker_id for q in site.quotes if q.speaker_id}
    refs |= {m.person_id for links in site.article_links.values() for m in links.links}
    refs |= {p.person_id for links in site.article_links.values() for p in links.people}
    refs |= {c.person_id for p in site.people.values() for c in p.co_people}
    refs |= set(site.quotes_by_person) | set(site.people_order)
    assert refs == set(site.people) == {"tony-blair", "cherie-blair", "brown"}
    assert [(q.speaker_id, q.source) for q in site.quotes] == [
        (None, None), (None, "Blair"), ("brown", None)]


def test_link_gendered_title_never_joins_the_other_spouse() -> None:
    cherie = one("a", "Cherie Blair came. Mrs Blair spoke.", ("Cherie Blair", "Mrs Blair"), day=1)
    mister = one("b", "Mr Blair said no.", ("Blair", "Mr Blair"), day=2)
    madam = one("c", "Mrs Blair said yes.", ("Blair", "Mrs Blair"), day=3)
    site = run(cherie, mister, madam).site
    assert sorted(site.people) == ["blair", "cherie-blair"]
    assert site.people["cherie-blair"].article_slugs == ("a", "c")
    assert site.people["blair"].article_slugs == ("b",)


def test_link_gendered_title_picks_the_right_one_in_the_same_article() -> None:
    text = "Sir Tony Blair and Lady Cherie Blair came. Mr Blair spoke."
    item = one("a", text, ("Tony Blair", "Sir Tony Blair"), ("Cherie Blair", "Lady Cherie Blair"),
               ("Blair", "Mr Blair"))
    result = run(item)
    counts = {p.person_id: p.mention_count for p in result.site.article_links["a"].people}
    assert counts["cherie-blair"] == 1 and counts["tony-blair"] > 1
    assert result.warnings == ()  # "Mr Blair" was not ambiguous
