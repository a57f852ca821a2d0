"""Number words, digit strings and fraction words -> values (no model)."""

from __future__ import annotations

import re

import pytest

from sitegen.extract.numbers.words import fraction_value, parse_digits, split_run, words_value


def _words(s: str) -> list[str]:
    return re.split(r"[\s-]+", s)


@pytest.mark.parametrize(("text", "value"), [
    ("seven", 7), ("twenty-five", 25), ("ninety nine", 99), ("one hundred and six", 106),
    ("three million", 3e6), ("two hundred thousand", 2e5), ("a dozen", 12),
    ("four thousand five hundred", 4500),
])
def test_numwords_words_value_reads_cardinals(text: str, value: float) -> None:
    assert words_value(_words(text)) == value


def test_numwords_words_value_rejects_other_words() -> None:
    assert words_value(["seven", "dwarfs"]) is None
    assert words_value([]) is None


def test_numwords_split_run_separates_adjacent_numbers() -> None:
    assert split_run(_words("twenty five")) == [(0, 2)]
    assert split_run(_words("two three")) == [(0, 1), (1, 2)]
    assert split_run(_words("one and two")) == [(0, 1), (2, 3)]
    assert split_run(_words("six hundred and twelve")) == [(0, 4)]


def test_numwords_parse_digits_drops_thousands_commas() -> None:
    assert parse_digits("12,500") == 12500
    assert parse_digits("0.75") == 0.75


def test_numwords_fraction_value_reads_numerator_and_denominator() -> None:
    assert fraction_value("a", "quarter") == 0.25
    assert fraction_value("three", "quarters") == 0.75
    assert fraction_value("two", "thirds") == pytest.approx(2 / 3)
    assert fraction_value(None, "half") == 0.5
    assert fraction_value("a", "dozen") is None
