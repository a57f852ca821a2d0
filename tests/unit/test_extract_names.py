"""Name string helpers: no model needed."""

from __future__ import annotations

from sitegen.extract.people.names import is_org_word, split_name, strip_possessive


def test_names_strip_possessive() -> None:
    assert strip_possessive("Trump's") == "Trump"
    assert strip_possessive("Ukraine’s") == "Ukraine"
    assert strip_possessive("Jones'") == "Jones"


def test_names_split_titles() -> None:
    parts = split_name("Prime Minister Tony Blair")
    assert parts.titles == ("Prime", "Minister") and parts.name == "Tony Blair"
    assert split_name("Sen. Chuck Schumer").name == "Chuck Schumer"
    assert split_name("Lt. Col. Sarah Jenkins").name == "Sarah Jenkins"


def test_names_last_word_is_never_stripped() -> None:
    assert split_name("Baroness Scotland").name == "Scotland"


def test_names_post_nominals_dropped() -> None:
    assert split_name("Philippe Sands QC").name == "Philippe Sands"


def test_names_gender_from_title() -> None:
    assert split_name("Ms Essex").gender == "f"
    assert split_name("Mr Kim").gender == "m"
    assert split_name("Dr. Fauci").gender is None


def test_names_org_words_with_plural() -> None:
    assert is_org_word("United") and is_org_word("Televisions")
    assert not is_org_word("Smith")
