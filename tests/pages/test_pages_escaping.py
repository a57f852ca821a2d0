"""Escaping: markup in front matter, names, roles, bios and quotes shows as text everywhere.

Nothing an article or a card says can add markup to a page, close a JSON-LD
block, or change what the JSON data and the search index say.
"""

from __future__ import annotations

import html.parser
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import build
from sitegen.extract.runner import Extractor
from tests.helpers import make_config, write_tree

TITLE = 'Row over <script>alert("title")</script> & "quotes"'
AUTHOR = '<script>alert("author")</script> & Co'
SUMMARY = 'Summary with <script>alert("summary")</script> & "quotes"'
CARD_NAME = 'Jane "JJ" Holloway <script>alert("card")</script> & Co'
ROLE = '<script>alert("role")</script> & mayor'
QUOTE = "We will not bow to <script>alert('quote')</script> & threats,"
BOLD_QUOTE = "It is a <b>fine</b> bridge & I'm proud,"

FILES = {
    "content/articles/row.md": f"""---
title: '{TITLE}'
date: 2024-05-01
author: '{AUTHOR}'
summary: '{SUMMARY}'
source_url: 'https://example.com/?a=1&b="2"'
---
Mayor Jane Holloway opened the new bridge on Monday.

"{QUOTE}" Ms Holloway said.

Councillor Tom Baxter said the bridge cost £2m. "{BOLD_QUOTE}" Mr Baxter said.
""",
    "content/people/jane-holloway.md": f"""---
name: '{CARD_NAME}'
aliases: [Jane Holloway]
role: '{ROLE}'
---
Bio with <script>alert("bio")</script> & more.
""",
    "content/articles/unsafe-link.md": """---
title: A source that is a script
source_url: 'javascript:alert("source")'
---
The council met.
""",
}


class _Text(html.parser.HTMLParser):
    """The text a reader sees (script contents aside) and the JSON-LD blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.json_ld: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._script = dict(attrs).get("type") or "js"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script == "application/ld+json":
            self.json_ld.append(data)
        elif self._script is None:
            self.text.append(data)


def _read(page: Path) -> _Text:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    root = write_tree(tmp_path_factory.mktemp("escaping"), FILES)
    build(make_config(root, base_url="https://example.org/x/"), extractor=extractor)
    return root / "output"


@pytest.mark.model
def test_pages_escaping_extraction_found_the_hostile_strings(output: Path) -> None:
    quotes = json.loads((output / "data/quotes.json").read_text(encoding="utf-8"))["quotes"]
    assert {q["text"] for q in quotes} >= {QUOTE, BOLD_QUOTE}, "the test needs these quotes"
    assert (output / "people/jane-holloway/index.html").is_file()


@pytest.mark.model
def test_pages_escaping_no_markup_injected_into_any_page(output: Path) -> None:
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 8
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        for injected in ("<script>alert", "</script> &", "<b>fine</b>"):
            assert injected not in raw, f"{page.relative_to(output)} contains {injected!r}"


@pytest.mark.model
def test_pages_escaping_strings_read_back_as_text(output: Path) -> None:
    article = " ".join(_read(output / "articles/row/index.html").text)
    for shown in (TITLE, AUTHOR, CARD_NAME, QUOTE.rstrip(","), BOLD_QUOTE.rstrip(",")):
        assert shown in article
    person = " ".join(_read(output / "people/jane-holloway/index.html").text)
    for shown in (CARD_NAME, ROLE, 'Bio with <script>alert("bio")</script> & more.', TITLE):
        assert shown in person
    home = " ".join(_read(output / "index.html").text)
    assert CARD_NAME in home and TITLE in home and SUMMARY in home


@pytest.mark.model
def test_pages_escaping_json_ld_round_trips(output: Path) -> None:
    seen: set[str] = set()
    for page in ("articles/row/index.html", "people/jane-holloway/index.html"):
        blocks = _read(output / page).json_ld
        assert blocks, f"{page} has no JSON-LD"
        for block in blocks:
            assert "<" not in block and ">" not in block and "&" not in block
            seen.update(_strings(json.loads(block)))
    assert {TITLE, AUTHOR, SUMMARY, CARD_NAME, QUOTE, BOLD_QUOTE} <= seen


@pytest.mark.model
def test_pages_escaping_open_data_and_search_index_round_trip(output: Path) -> None:
    seen: set[str] = set()
    for name in ("people", "quotes", "numbers"):
        seen.update(_strings(json.loads((output / f"data/{name}.json").read_text("utf-8"))))
    assert {TITLE, CARD_NAME, ROLE, QUOTE, BOLD_QUOTE} <= seen
    script = (output / "search/index.js").read_text(encoding="utf-8")
    m = re.fullmatch(r"window\.SITEGEN_SEARCH = (.*);\n", script, re.S)
    assert m is not None
    assert "<" not in m.group(1), "the index must not be able to close a <script>"
    index = set(_strings(json.loads(m.group(1))))
    assert {TITLE, SUMMARY, CARD_NAME, QUOTE.rstrip(",")} <= index
    assert not (output / "search/index.json").exists(), "nothing reads a JSON copy of the index"


@pytest.mark.model
def test_pages_escaping_only_web_urls_become_source_links(output: Path) -> None:
    row = (output / "articles/row/index.html").read_text(encoding="utf-8")
    assert 'href="https://example.com/?a=1&amp;b=&#34;2&#34;"' in row
    unsafe = (output / "articles/unsafe-link/index.html").read_text(encoding="utf-8")
    assert "javascript:" not in unsafe
