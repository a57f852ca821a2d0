"""Extraction quality on the held-out set: twelve articles the rules were not tuned on.

tests/data/heldout/ was written and annotated by someone who did not read the
rules, in styles the tuning set lacks (US wire copy, Sen./Rep./Gov., nested and
interrupted quotes). Rules tuned on tests/data/gold/ should hold up here too;
these thresholds catch a rule that helps the gold files at the cost of others.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sitegen.extract.document import extract_doc
from tests.quality.scoring import Result, breakdown, prediction, score, summarise

if TYPE_CHECKING:
    from spacy.language import Language

#: Measured minus a margin. At EXTRACTOR_VERSION 2 every metric measured 1.000 here,
#: but these articles were then used for validation, so the margin is wider than gold's.
THRESHOLDS: dict[str, float] = {
    "people_f1": 0.97,
    "quotes_f1": 0.96,
    "attribution_acc": 0.95,
    "attributed_quote_f1": 0.95,
    "numbers_f1": 0.97,
    "number_value_acc": 0.97,
}

HELDOUT_FILES = sorted((Path(__file__).resolve().parent.parent / "data" / "heldout").glob("*.json"))

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def heldout_results(nlp: Language) -> list[Result]:
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in HELDOUT_FILES]
    out = []
    for gold, doc in zip(golds, nlp.pipe([g["text"] for g in golds]), strict=True):
        extraction = extract_doc(doc)
        counts = score.score_article(gold, prediction(gold["id"], extraction))
        out.append(Result(gold, doc.text, extraction, counts))
    return out


def test_heldout_files_present() -> None:
    assert len(HELDOUT_FILES) == 12


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_heldout_metric(heldout_results: list[Result], metric: str) -> None:
    measured = summarise([r.counts for r in heldout_results])[metric]
    assert measured >= THRESHOLDS[metric], (
        f"{metric} = {measured:.3f} < {THRESHOLDS[metric]:.3f}\n{breakdown(heldout_results)}"
    )
