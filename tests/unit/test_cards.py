"""Editorial person cards: parsing content/people/*.md, with located errors."""

from __future__ import annotations

from pathlib import Path

from sitegen.content.cards import load_cards
from sitegen.model import PersonCard
from tests.helpers import write_tree


def load(tmp_path: Path, files: dict[str, str | bytes]) -> tuple[tuple[PersonCard, ...], list[str]]:
    write_tree(tmp_path, files)
    cards, errors = load_cards(tmp_path / "content" / "people", tmp_path)
    return cards, [str(e) for e in errors]


def test_cards_parse_fields_and_bio(tmp_path: Path) -> None:
    cards, errors = load(tmp_path, {"content/people/Tony-Blair.md": (
        "---\nname: Tony Blair\naliases: [Anthony Blair, Mr Blair]\nrole: Prime minister\n"
        "image: /img/blair.jpg\n---\nLed **Labour**.\n")})
    assert errors == []
    assert cards == (PersonCard(
        slug="tony-blair", name="Tony Blair", source_path="content/people/Tony-Blair.md",
        aliases=("Anthony Blair", "Mr Blair"), role="Prime minister", image="/img/blair.jpg",
        hide=False, bio_html="<p>Led <strong>Labour</strong>.</p>"),)


def test_cards_hide_and_single_alias(tmp_path: Path) -> None:
    cards, errors = load(tmp_path, {
        "content/people/tomahawk.md": "---\nname: Tomahawk\nhide: true\naliases: Tomahawks\n---\n",
    })
    assert errors == []
    assert (cards[0].hide, cards[0].aliases, cards[0].bio_html) == (True, ("Tomahawks",), "")


def test_cards_errors_have_path_and_line(tmp_path: Path) -> None:
    cards, errors = load(tmp_path, {
        "content/people/a.md": "---\nname: A B\nalias: [C]\n---\n",
        "content/people/b.md": "---\nname: B\nhide: yes please\n---\n",
        "content/people/c.md": "---\nrole: x\n---\nbio\n",
        "content/people/d.md": "---\nname: [unclosed\n---\n",
        "content/people/e.md": b"---\nname: \xff\n---\n",
        "content/people/f.md": "no front matter\n",
        "content/people/g.md": "---\nname: G\naliases: {a: 1}\n---\n",
    })
    assert cards == ()
    assert errors == [
        "content/people/a.md:3: unknown card key 'alias'; did you mean 'aliases'?",
        "content/people/b.md:3: hide: expected true or false, got 'yes please'",
        "content/people/c.md:1: card has no 'name'; add `name: Full Name`",
        "content/people/d.md:2: front matter is not valid YAML: while parsing a flow "
        "sequence: expected ',' or ']', but got '<stream end>' (on line 3)",
        "content/people/e.md:2: not valid UTF-8 (byte 0xff); save the file as UTF-8",
        "content/people/f.md:1: a person card starts with front matter: "
        "'---', `name: ...`, '---'",
        "content/people/g.md:3: aliases: expected a list of names, got {'a': 1}",
    ]


def test_cards_duplicate_slug_is_an_error(tmp_path: Path) -> None:
    cards, errors = load(tmp_path, {
        "content/people/Tony Blair.md": "---\nname: Tony Blair\n---\n",
        "content/people/tony-blair.md": "---\nname: Tony Blair\n---\n",
    })
    assert [c.source_path for c in cards] == ["content/people/Tony Blair.md"]
    assert errors == ["content/people/tony-blair.md: duplicate person slug 'tony-blair': "
                      "also used by content/people/Tony Blair.md; rename one file"]


def test_cards_missing_folder_has_no_cards(tmp_path: Path) -> None:
    assert load_cards(tmp_path / "nowhere", tmp_path) == ((), ())


def test_cards_skip_other_files(tmp_path: Path) -> None:
    cards, errors = load(tmp_path, {"content/people/notes.txt": "x",
                                    "content/people/.draft.md": "---\nname: X\n---\n",
                                    "content/people/x.md": "---\nname: X Y\n---\n"})
    assert ([c.slug for c in cards], errors) == (["x"], [])
