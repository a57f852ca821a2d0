"""Units read right after a number (no model)."""

from __future__ import annotations

import pytest

from sitegen.extract.numbers.units import currency_of_sign, rate_after, unit_after


@pytest.mark.parametrize(("after", "unit"), [
    ("% rise", "%"), (" percent of", "%"), (" per cent.", "%"),
    (" percentage points", "percentage points"), (" basis points", "bp"),
    (" euros each", "EUR"), (" US dollars", "USD"), (" yen", "JPY"), (" pence", "pence"),
    (" square miles", "sq mi"), ("km away", "km"), (" kilograms", "kg"), (" mph", "mph"),
    (" milligrams", "mg"), ("ml of", "ml"),
    ("-year lows", "years"), ("-year-old man", "years"), ("-point lead", "points"),
])
def test_units_unit_after_reads_unit(after: str, unit: str) -> None:
    text = "12" + after
    found = unit_after(text, 2)
    assert found is not None and found[0] == unit


@pytest.mark.parametrize("after", [" people", " kinship", " mphasis", "-off", " m"])
def test_units_unit_after_ignores_other_words(after: str) -> None:
    assert unit_after("12" + after, 2) is None


def test_units_unit_after_ends_at_the_unit() -> None:
    text = "some 40 square kilometres of land"
    found = unit_after(text, 7)
    assert found is not None and text[7:found[1]] == " square kilometres"


def test_units_currency_of_sign() -> None:
    assert currency_of_sign("£") == "GBP"
    assert currency_of_sign("US$") == "USD"
    assert currency_of_sign("€") == "EUR"


def test_units_rate_after_reads_per_noun() -> None:
    assert rate_after("12p a share", 3) == ("share", 11)
    assert rate_after("$9 an hour", 2) == ("hour", 10)
    assert rate_after("$9 a lot", 2) is None


def test_units_unit_after_reads_hyphenated_percentage_points() -> None:
    assert unit_after("a 3-percentage-point surtax", 3) == ("percentage points", 20)
