"""A realistic site: 150 BBC articles (tests/data/bbc-sample) built with the real model.

Every internal link resolves (anchors included), every person page can be
reached from the home page, and the open data agrees with the pages.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sitegen.build import BuildReport, build
from sitegen.extract.runner import Extractor
from tests.helpers import make_config
from tests.linkcheck import broken_links, reachable

SAMPLE = Path(__file__).parent.parent / "data" / "bbc-sample"

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory, extractor: Extractor
) -> tuple[Path, BuildReport]:
    root = tmp_path_factory.mktemp("bbc")
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    for source in sorted(SAMPLE.glob("*.txt")):
        shutil.copyfile(source, articles / source.name)
    report = build(make_config(root, title="BBC sample", base_url="https://example.org/bbc/"),
                   extractor=extractor)
    return root / "output", report


def test_pages_bbc_sample_is_large_enough(built: tuple[Path, BuildReport]) -> None:
    _, report = built
    assert report.articles == 150
    assert report.people > 150 and report.quotes > 300 and report.numbers > 300


def test_pages_bbc_no_broken_links(built: tuple[Path, BuildReport]) -> None:
    output, _ = built
    assert broken_links(output) == []


def test_pages_bbc_every_page_and_person_reachable_from_home(
    built: tuple[Path, BuildReport],
) -> None:
    output, report = built
    pages = {p.relative_to(output).as_posix() for p in output.rglob("*.html")}
    people = {p for p in pages if p.startswith("people/") and p != "people/index.html"}
    assert len(people) == report.people
    assert pages - reachable(output) == {"404.html"}


def test_pages_bbc_open_data_matches_the_pages(built: tuple[Path, BuildReport]) -> None:
    output, report = built
    people = json.loads((output / "data/people.json").read_text("utf-8"))["people"]
    assert len(people) == report.people
    for person in people:
        assert (output / "people" / person["id"] / "index.html").is_file()
        assert person["url"] == f"https://example.org/bbc/people/{person['id']}/"
    quotes = json.loads((output / "data/quotes.json").read_text("utf-8"))["quotes"]
    assert len(quotes) == report.quotes
    speakers = {q["speaker_id"] for q in quotes if q["speaker_id"]}
    assert speakers <= {p["id"] for p in people}


def test_pages_bbc_ids_are_unique_on_every_page(built: tuple[Path, BuildReport]) -> None:
    output, _ = built
    for page in output.rglob("*.html"):
        ids = re.findall(r'\sid="([^"]+)"', page.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), f"{page.relative_to(output)} repeats an id"
