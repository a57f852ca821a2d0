"""Quote span finding on raw text: no model needed."""

from __future__ import annotations

from sitegen.extract.quotes.spans import Role, find_quote_spans, mark_role


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def test_quotespans_straight_double_with_trailing_comma() -> None:
    text = 'She said: "We will win," and left. "Nobody doubts it."'
    assert texts(text) == ["We will win,", "Nobody doubts it."]


def test_quotespans_offsets_round_trip() -> None:
    text = 'The mayor called it "a mess" on Friday.'
    [span] = find_quote_spans(text)
    assert text[span.start : span.end] == "a mess"
    assert text[span.open_mark] == '"' and text[span.close_mark or 0] == '"'


def test_quotespans_curly_double() -> None:
    assert texts("“It’s over,” he said.") == ["It’s over,"]


def test_quotespans_interrupted_quote_is_two_spans() -> None:
    text = '"The plan is sound," the minister said, "but it needs money."'
    assert texts(text) == ["The plan is sound,", "but it needs money."]


def test_quotespans_continued_paragraph_is_one_quote() -> None:
    text = '"First part of it.\n\n"Second part," she said.'
    assert texts(text) == ['First part of it.\n\n"Second part,']


def test_quotespans_lost_paragraph_break_keeps_inner_mark() -> None:
    text = '"One thing is clear. "Another is not." Then he left.'
    assert texts(text) == ['One thing is clear. "Another is not.']


def test_quotespans_unclosed_quote_ends_with_paragraph() -> None:
    text = 'He said: "This never closes.\nA new paragraph "with a quote" here.'
    assert texts(text) == ["This never closes.", "with a quote"]


def test_quotespans_apostrophes_are_not_quotes() -> None:
    text = "Don't ask what the '90s gave 'em, said O'Neill of Ukraine’s team."
    assert texts(text) == []


def test_quotespans_single_marks_used_as_quotes() -> None:
    assert texts("The coach called it ‘a disgrace’ today.") == ["a disgrace"]
    assert texts("The coach called it 'a disgrace' today.") == ["a disgrace"]


def test_quotespans_nested_single_inside_double_is_one_quote() -> None:
    text = '"They told me \'no way\' at once," she said.'
    assert texts(text) == ["They told me 'no way' at once,"]


def test_quotespans_plural_possessive_does_not_close() -> None:
    text = "The players' union said \"we are ready\"."
    assert texts(text) == ["we are ready"]


def test_quotespans_mark_role_from_context() -> None:
    assert mark_role('a "b', 2) is Role.OPEN
    assert mark_role('b" a', 1) is Role.CLOSE
    assert mark_role("don't", 3, single=True) is Role.NONE


def test_nested_spans_single_inside_double_and_double_inside_single() -> None:
    from sitegen.extract.quotes.spans import find_nested_spans

    text = ("“She told me, ‘Keep going,’ and I did.” Then ‘My aunt said, \"Never again,\" "
            "and meant it.’ The players’ bench was quiet.")
    inner = find_nested_spans(text, find_quote_spans(text))
    assert [text[s.start : s.end] for s in inner] == ["Keep going,", "Never again,"]
