"""Combining neighbouring quantities: ranges, scores, 'A in B' fractions (no model)."""

from __future__ import annotations

from sitegen.extract.numbers.quantity import Quantity
from sitegen.extract.numbers.ranges import combine, is_year


def _q(start: int, end: int, value: float, unit: str | None = None,
       digits: str | None = None, scale: float = 1.0) -> Quantity:
    return Quantity(start, end, value, unit, integer_digits=digits, scale=scale)


def test_numranges_combine_joins_a_dash_b_into_one_score() -> None:
    text = "won 24-18 away"
    (score,) = combine(text, [_q(4, 6, 24, digits="24"), _q(7, 9, 18, digits="18")])
    assert (score.start, score.end, score.value, score.kind) == (4, 9, 24, "score")
    assert [p.value for p in score.parts] == [24, 18]


def test_numranges_combine_spreads_unit_and_scale_over_a_range() -> None:
    text = "£5-10m"
    low, high = combine(text, [_q(0, 2, 5, "GBP"), _q(3, 6, 1e7, scale=1e6)])
    assert (low.value, low.unit, low.link) == (5e6, "GBP", 1)
    assert (high.value, high.unit) == (1e7, "GBP")


def test_numranges_combine_reads_between_and() -> None:
    text = "between 3 and 4 percent"
    low, high = combine(text, [_q(8, 9, 3, digits="3"), _q(14, 23, 4, "%")])
    assert (low.unit, high.unit, low.link) == ("%", "%", 1)


def test_numranges_combine_reads_a_in_b_as_a_fraction() -> None:
    text = "one in four adults"
    (frac,) = combine(text, [_q(0, 3, 1), _q(7, 11, 4)])
    assert (frac.value, frac.kind, frac.end) == (0.25, "fraction", 11)


def test_numranges_combine_marks_spans_of_years() -> None:
    text = "the 2004-05 season"
    (span,) = combine(text, [_q(4, 8, 2004, digits="2004"), _q(9, 11, 5, digits="05")])
    assert span.kind == "year_range"


def test_numranges_is_year() -> None:
    assert is_year(_q(0, 4, 1999, digits="1999"))
    assert not is_year(_q(0, 5, 1999, digits=None))  # "1,999" is no year
    assert not is_year(_q(0, 4, 3000, digits="3000"))


def test_numranges_combine_reads_vote_tallies_written_with_to() -> None:
    text = "The vote was 218 to 214."
    (tally,) = combine(text, [_q(13, 16, 218, digits="218"), _q(20, 23, 214, digits="214")])
    assert (tally.kind, tally.value, text[tally.start:tally.end]) == ("score", 218, "218 to 214")
    text = "rose from 5 to 10"
    low, high = combine(text, [_q(10, 11, 5, digits="5"), _q(15, 17, 10, digits="10")])
    assert (low.kind, high.kind, low.link) == ("amount", "amount", 1)
