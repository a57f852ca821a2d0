"""Extraction quality on the hand-annotated gold articles in tests/data/gold/.

Runs the real pipeline and `extract_doc` on every gold text, scores the result
with the project's own scorer (tests/data/gold/score.py, imported by path) and
checks each headline metric against THRESHOLDS. A failing score prints the
per-article breakdown so a regression is easy to find.

It also checks invariants that hold for any rules: offsets point at the text
they claim, speakers are people of the same article, and every person mention
points at one of that person's surface forms.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from sitegen.extract.document import extract_doc
from tests.quality.scoring import GOLD_DIR, Result, breakdown, prediction, score, summarise

if TYPE_CHECKING:
    from spacy.language import Language

#: Lowest acceptable value of each headline metric (micro-averaged over all gold articles).
#: Placeholders at the measured value minus about 0.02; tighten as the rules improve.
THRESHOLDS: dict[str, float] = {
    "people_f1": 0.98,  # measured 1.000 at c5726e4
    "quotes_f1": 0.98,  # measured 1.000
    "attribution_acc": 0.97,  # measured 0.9915 (117/118)
    "attributed_quote_f1": 0.97,  # measured 0.9915
    "numbers_f1": 0.98,  # measured 1.000
    "number_value_acc": 0.98,  # measured 1.000
}

GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

pytestmark = pytest.mark.model




@pytest.fixture(scope="module")
def results(nlp: Language) -> list[Result]:
    """Every gold article extracted and scored."""
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in GOLD_FILES]
    docs = nlp.pipe([g["text"] for g in golds])
    out = []
    for gold, doc in zip(golds, docs, strict=True):
        extraction = extract_doc(doc)
        counts = score.score_article(gold, prediction(gold["id"], extraction))
        out.append(Result(gold, doc.text, extraction, counts))
    return out


def test_gold_files_present() -> None:
    assert len(GOLD_FILES) == 13, f"expected 13 gold files in {GOLD_DIR}, found {len(GOLD_FILES)}"


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_headline_metric(results: list[Result], metric: str) -> None:
    measured = summarise([r.counts for r in results])[metric]
    assert measured >= THRESHOLDS[metric], (
        f"{metric} = {measured:.3f} < threshold {THRESHOLDS[metric]:.3f}\n{breakdown(results)}"
    )


def in_bounds(start: int, end: int, text: str) -> bool:
    """Whether (start, end) is a non-empty span inside `text`."""
    return 0 <= start < end <= len(text)


def by_article(results: list[Result]) -> Iterator[tuple[str, Result]]:
    for r in results:
        yield str(r.gold["id"]), r


def test_doc_text_is_article_text(results: list[Result]) -> None:
    bad = [gid for gid, r in by_article(results) if r.doc_text != r.gold["text"]]
    assert not bad, f"doc.text differs from the article text in: {bad}"


def test_quote_offsets_point_at_quote_text(results: list[Result]) -> None:
    bad = [
        f"{gid}: {q.text!r} != text[{q.start}:{q.end}] = {r.doc_text[q.start:q.end]!r}"
        for gid, r in by_article(results)
        for q in r.extraction.quotes
        if not in_bounds(q.start, q.end, r.doc_text) or q.text != r.doc_text[q.start : q.end]
    ]
    assert not bad, "\n".join(bad)


def test_number_offsets_point_at_number_text(results: list[Result]) -> None:
    bad = [
        f"{gid}: {n.text!r} != text[{n.start}:{n.end}] = {r.doc_text[n.start:n.end]!r}"
        for gid, r in by_article(results)
        for n in r.extraction.numbers
        if not in_bounds(n.start, n.end, r.doc_text) or n.text != r.doc_text[n.start : n.end]
    ]
    assert not bad, "\n".join(bad)


def test_speakers_are_people_of_the_article(results: list[Result]) -> None:
    bad = []
    for gid, r in by_article(results):
        names = {p.name for p in r.extraction.people}
        bad += [f"{gid}: speaker {q.speaker!r} of {q.text[:40]!r} is not among {sorted(names)}"
                for q in r.extraction.quotes if q.speaker is not None and q.speaker not in names]
    assert not bad, "\n".join(bad)


def test_mentions_point_at_a_form_of_the_person(results: list[Result]) -> None:
    bad = []
    for gid, r in by_article(results):
        for p in r.extraction.people:
            allowed = {p.name, *p.aliases}
            bad += [f"{gid}: {p.name}: text[{s}:{e}] = {r.doc_text[s:e]!r} not in {sorted(allowed)}"
                    for s, e in p.mentions
                    if not in_bounds(s, e, r.doc_text) or r.doc_text[s:e] not in allowed]
    assert not bad, "\n".join(bad)

