"""Context predicates around a number: dates, clock times, labels, 'when' spans (no model)."""

from __future__ import annotations

import pytest

from sitegen.extract.numbers.context import (
    after_determiner,
    is_clock,
    is_date,
    is_label,
    names_when_bare,
    prefix_start,
    says_when,
    starts_sentence,
)


def _at(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


@pytest.mark.parametrize(("text", "word"), [
    ("on 5 May the", "5"), ("on May 5, the", "5"), ("the 7th of June", "7"),
    ("on 14, 20 and 27 April", "14"), ("since Jan. 6 there", "6"), ("on Tuesday 15 they", "15"),
])
def test_numcontext_is_date(text: str, word: str) -> None:
    assert is_date(text, *_at(text, word))


def test_numcontext_is_date_ignores_modal_may() -> None:
    text = "The 5 may be right."
    assert not is_date(text, *_at(text, "5"))


def test_numcontext_is_clock() -> None:
    assert is_clock("at 6 pm", 4) and is_clock("by 1700 GMT", 7)
    assert not is_clock("6 people", 1)


@pytest.mark.parametrize("text", ["see page 5", "Street's No 10", "on day 12", "Article 50"])
def test_numcontext_is_label(text: str) -> None:
    assert is_label(text, len(text) - len(text.split()[-1]))


@pytest.mark.parametrize(("text", "span", "when"), [
    ("two years ago we lost", "two years", True),
    ("in the three months to September", "three months", True),
    ("over the past 12 months, sales", "12 months", True),
    ("six years later he", "six years", True),
    ("in two years' time", "two years", True),
    ("worked for him for six years.", "six years", False),
    ("for the last 12 months, he", "12 months", False),
    ("for six years before retiring", "six years", False),
    ("scored in 12 minutes", "12 minutes", False),
])
def test_numcontext_says_when(text: str, span: str, when: bool) -> None:
    assert says_when(text, *_at(text, span)) is when


def test_numcontext_prefix_start_takes_hedges() -> None:
    text = "just above $1.29 and more than a third"
    assert text[prefix_start(text, text.index("$")):].startswith("just above $1.29")
    assert text[prefix_start(text, text.index("a third")):] == "more than a third"
    assert prefix_start(text, 0) == 0


def test_numcontext_starts_sentence_and_after_determiner() -> None:
    assert starts_sentence('He said: "Two', 10) and starts_sentence("Two men", 0)
    assert not starts_sentence("the Six Nations", 4)
    assert after_determiner("the 2003 final", 4) and not after_determiner("in 2003", 3)


def test_numcontext_names_when_bare() -> None:
    text = "He played the game Halo 2 and made a top 10. Doom 3 was late."
    assert names_when_bare(text, text.index("2"))
    assert names_when_bare(text, text.index("10"))
    assert not names_when_bare(text, text.index("3"))  # sentence-initial: cannot tell
    assert not names_when_bare("He arrived on Monday 5", 22)


@pytest.mark.parametrize(("text", "span"), [
    ("the lead lasted just six minutes before Graham scored", "six minutes"),
    ("patients waiting two years before treatment", "two years"),
    ("it took three days after the crash", "three days"),
])
def test_numcontext_says_when_not_after_verbs_of_duration(text: str, span: str) -> None:
    assert not says_when(text, *_at(text, span))


def test_numcontext_says_when_before_an_event() -> None:
    text = "Two days before the vote, he resigned."
    assert says_when(text, *_at(text, "Two days"))


def test_numcontext_says_when_the_last_n() -> None:
    text = "the last 24 hours had seen bets"
    assert says_when(text, *_at(text, "24 hours"))


def test_numcontext_spent_the_past_n_says_how_long() -> None:
    text = "He spent the past two years abroad."
    assert not says_when(text, *_at(text, "two years"))


def test_numcontext_is_date_reads_eras_and_resolutions_are_labels() -> None:
    text = "dated to 190 AD under resolution 1441"
    assert is_date(text, *_at(text, "190"))
    assert is_label(text, text.index("1441"))
