"""Stories at the content stage: `topics:` front matter and content/topics/*.md cards."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.content.articles import parse_article
from sitegen.content.topics import load_topic_cards
from sitegen.errors import ContentError
from sitegen.model import TopicCard
from tests.helpers import write_tree


def test_topics_front_matter_is_a_list_or_one_name() -> None:
    many = parse_article("a.md", b"---\ntitle: A\ntopics: [Election 2005, ' Budget ']\n---\nX.\n")
    assert many.topics == ("Election 2005", "Budget")
    one = parse_article("b.md", b"---\ntitle: B\ntopics: Election 2005\n---\nX.\n")
    assert one.topics == ("Election 2005",)
    assert parse_article("c.md", b"---\ntitle: C\n---\nX.\n").topics == ()


def test_topics_front_matter_error_has_path_and_line() -> None:
    with pytest.raises(ContentError) as bad:
        parse_article("a.md", b"---\ntitle: A\ntopics: {x: 1}\n---\nX.\n")
    assert str(bad.value) == "a.md:3: topics: expected a list of names, got {'x': 1}"


def load(tmp_path: Path, files: dict[str, str | bytes]) -> tuple[tuple[TopicCard, ...], list[str]]:
    write_tree(tmp_path, files)
    cards, errors = load_topic_cards(tmp_path / "content" / "topics", tmp_path)
    return cards, [str(e) for e in errors]


def test_topic_cards_parse_title_and_intro(tmp_path: Path) -> None:
    cards, errors = load(tmp_path, {"content/topics/Election-2005.md": (
        "---\ntitle: The 2005 election\n---\nLabour seeks a **third** term.\n")})
    assert errors == []
    assert cards == (TopicCard("election-2005", "The 2005 election",
                               "content/topics/Election-2005.md",
                               "<p>Labour seeks a <strong>third</strong> term.</p>"),)


def test_topic_card_errors_have_path_and_line(tmp_path: Path) -> None:
    cards, errors = load(tmp_path, {
        "content/topics/a.md": "---\ntitle: A\nintro: x\n---\n",
        "content/topics/b.md": "---\ntitle: [B\n---\n",
        "content/topics/c.md": "No front matter.\n",
        "content/topics/d.md": "---\ntitle:\n---\nBody.\n",
        "content/topics/e.md": b"---\ntitle: E\n---\n\xff\n",
        "content/topics/ok.md": "---\ntitle: Fine\n---\n",
    })
    assert [c.slug for c in cards] == ["ok"]
    assert errors[0] == "content/topics/a.md:3: unknown topic card key 'intro'"
    assert errors[1].startswith("content/topics/b.md:2: front matter is not valid YAML")
    assert errors[2] == ("content/topics/c.md:1: a topic card starts with front matter: '---', "
                         "`title: ...`, '---'")
    assert errors[3] == "content/topics/d.md:1: topic card has no 'title'; add `title: ...`"
    assert errors[4].startswith("content/topics/e.md:4: not valid UTF-8")


def test_topic_cards_missing_folder_has_none(tmp_path: Path) -> None:
    assert load_topic_cards(tmp_path / "nowhere", tmp_path) == ((), ())
