"""The regex pass that reads quantities out of raw text (no model)."""

from __future__ import annotations

import pytest

from sitegen.extract.numbers.scan import scan


def _read(text: str) -> list[tuple[str, float, str | None, str]]:
    return [(text[q.start:q.end], q.value, q.unit, q.kind) for q in scan(text)]


@pytest.mark.parametrize(("text", "written", "value", "unit"), [
    ("It cost £4.5m in all.", "£4.5m", 4.5e6, "GBP"),
    ("a $3 billion deal", "$3 billion", 3e9, "USD"),
    ("worth €2bn now", "€2bn", 2e9, "EUR"),
    ("paid US$40k", "US$40k", 4e4, "USD"),
    ("a 20p stamp", "20p", 20, "pence"),
    ("prices rose 4.1% last", "4.1%", 4.1, "%"),
    ("down 12 percent", "12 percent", 12, "%"),
    ("up 7 per cent", "7 per cent", 7, "%"),
    ("about 2,300 square kilometres of forest", "2,300 square kilometres", 2300, "km2"),
    ("fell to 88.2 yen", "88.2 yen", 88.2, "JPY"),
    ("a 30-year mortgage", "30-year", 30, "years"),
    ("priced at 120p a share", "120p a share", 120, "pence per share"),
    ("some forty-two thousand fans", "forty-two thousand", 42000, None),
    ("nearly 1.8 million voters", "1.8 million", 1.8e6, None),
    ("three and a half years", "three and a half", 3.5, None),
    ("half a million homes", "half a million", 5e5, None),
])
def test_quantities_scan_reads_value_and_unit(
        text: str, written: str, value: float, unit: str | None) -> None:
    assert (written, value, unit, "amount") in _read(text)


def test_quantities_scan_reads_word_fractions() -> None:
    out = _read("Two-thirds of voters and a fifth of nurses, half the staff.")
    assert [(w, round(v, 3)) for w, v, _, k in out if k == "fraction"] == [
        ("Two-thirds", 0.667), ("a fifth", 0.2), ("half", 0.5)]


def test_quantities_scan_reads_quarter_point_moves() -> None:
    out = _read("a cut of half a percentage point after a quarter-point rise")
    assert [(w, v, u) for w, v, u, _ in out] == [
        ("half a percentage point", 0.5, "percentage points"),
        ("a quarter-point", 0.25, "percentage points")]


@pytest.mark.parametrize("text", [
    "the first half of the game", "at half-time", "a third place finish",
    "in the third quarter", "the 21st century", "the 1980s", "MPEG-4 video", "3D films",
    "a G7 summit", "at 0930 local time",
])
def test_quantities_scan_skips_ordinals_periods_and_codes(text: str) -> None:
    assert [k for *_, k in _read(text) if k in ("amount", "fraction")] == []


def test_quantities_scan_reads_a_in_b_as_a_fraction() -> None:
    assert ("one in four", 0.25, None, "fraction") in _read("one in four adults")
    assert ("seven out of 10", 0.7, None, "fraction") in _read("seven out of 10 firms")


def test_quantities_scan_joins_scores() -> None:
    out = scan("They won 31-17 and lost 3-1.")
    assert [(q.value, q.kind, len(q.parts)) for q in out] == [(31, "score", 2), (3, "score", 2)]


def test_quantities_scan_spreads_units_over_ranges() -> None:
    assert [(w, v, u) for w, v, u, _ in _read("a £5-10m fee")] == [
        ("£5", 5e6, "GBP"), ("10m", 1e7, "GBP")]
    assert [(v, u) for _, v, u, _ in _read("between 3 and 4 percent")] == [(3, "%"), (4, "%")]
    assert [(v, u) for _, v, u, _ in _read("$20m to $30m")] == [(2e7, "USD"), (3e7, "USD")]


def test_quantities_scan_marks_year_ranges() -> None:
    assert [k for *_, k in _read("the 2004-05 season")] == ["year_range"]


def test_quantities_scan_does_not_join_different_units() -> None:
    assert [(v, u) for _, v, u, _ in _read("sales rose 4.5% to $220bn")] == [
        (4.5, "%"), (2.2e11, "USD")]


def test_quantities_scan_skips_clock_times_and_lone_scales() -> None:
    assert _read("at 10:15 a.m. a billion-dollar deal") == []


def test_quantities_scan_reads_race_distances_as_metres() -> None:
    assert [(w, v, u) for w, v, u, _ in _read("won the 400m and the 5,000m final")] == [
        ("400m", 400, "m"), ("5,000m", 5000, "m")]
    assert _read("a 60m population") == [("60m", 6e7, None, "amount")]


def test_quantities_scan_skips_telephone_numbers() -> None:
    assert _read("Call 0800 555 111 or (202) 555-0143.") == []


def test_quantities_scan_reads_hyphenated_single_fractions() -> None:
    assert _read("About one-third oppose it.") == [("one-third", 1 / 3, None, "fraction")]


def test_quantities_scan_skips_overlong_digit_strings() -> None:
    assert _read("ref " + "9" * 40) == []


def test_quantities_scan_reads_won_only_after_a_scale() -> None:
    assert _read("100 trillion won") == [("100 trillion won", 1e14, "KRW", "amount")]
    assert _read("they 3 won") == [("3", 3, None, "amount")]


def test_quantities_scan_skips_html_entities() -> None:
    assert _read("Fran&#231;ois") == []


@pytest.mark.parametrize(("text", "written", "value", "unit"), [
    ("a loss of Rs 500 crore", "Rs 500 crore", 5e9, "INR"),
    ("a $1.5-billion deal", "$1.5-billion", 1.5e9, "USD"),
    ("up 5 pct on the day", "5 pct", 5, "%"),
    ("a cut of 25bps", "25bps", 25, "bp"),
    ("inflation of -0.3% in May", "-0.3%", -0.3, "%"),
    ("at minus 5 degrees", "minus 5 degrees", -5, "degrees"),
])
def test_quantities_scan_reads_other_styles(
        text: str, written: str, value: float, unit: str | None) -> None:
    assert (written, value, unit, "amount") in _read(text)


def test_quantities_scan_needs_a_word_edge_before_letter_signs() -> None:
    assert _read("HRs 5") == [("5", 5, None, "amount")]


def test_quantities_scan_adds_written_fractions() -> None:
    assert _read("for 2 1/2 years") == [("2 1/2", 2.5, None, "amount")]
    assert _read("ran 3½ miles") == [("3½ miles", 3.5, "miles", "amount")]
    assert [v for _, v, _, _ in _read("on 9/11 and 24/7")] == []


def test_quantities_scan_marks_multipliers() -> None:
    assert [k for *_, k in _read("a four-fold rise and a 10-fold jump")] == [
        "multiplier", "multiplier"]
    assert _read("a 10fold jump") == []


def test_quantities_scan_reads_heights_and_lengths_in_metres() -> None:
    assert [(w, v, u) for w, v, u, _ in _read("She cleared 1.76m; he fell 30ft (10m).")] == [
        ("1.76m", 1.76, "m"), ("30ft", 30, "ft"), ("10m", 10, "m")]


def test_quantities_scan_word_compounds_and_halves() -> None:
    out = _read("a two-tier economy for two-and-a-half years, a half-hourly bus")
    assert [(w, v, k) for w, v, _, k in out] == [
        ("two", 2, "compound"), ("two-and-a-half", 2.5, "amount")]


def test_quantities_scan_rejects_mixed_model_names() -> None:
    assert _read("its 7E7 plane") == []


def test_quantities_scan_reads_field_event_marks_in_metres() -> None:
    text = "She landed 17.30m and reached 1.80m in the men's 800m; sales reached 1.8m units."
    assert [(w, v, u) for w, v, u, _ in _read(text)] == [
        ("17.30m", 17.3, "m"), ("1.80m", 1.8, "m"), ("800m", 800, "m"), ("1.8m", 1.8e6, None)]


def test_quantities_scan_quarter_needs_a_numerator_or_a_point() -> None:
    assert _read("a sixth straight quarter of expansion") == []
    assert [v for _, v, _, _ in _read("quarter-point cuts and a quarter of voters")] == [
        0.25, 0.25]


def test_quantities_scan_skips_arithmetic() -> None:
    assert _read("a board reading 2+2=5") == []


def test_quantities_scan_skips_exchange_rate_footnotes() -> None:
    assert _read("by 2025. ($1 = 0.9174 euros)") == [("2025", 2025, None, "amount")]


def test_quantities_scan_reads_temperatures() -> None:
    assert [(w, v, u) for w, v, u, _ in _read("highs of 30C, lows of -5°C and 86F")] == [
        ("30C", 30, "°C"), ("-5°C", -5, "°C"), ("86F", 86, "°F")]
