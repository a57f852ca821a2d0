"""Scoring helpers shared by the quality tests: the project's scorer and per-article results."""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from sitegen.model import Extraction

GOLD_DIR = Path(__file__).resolve().parent.parent / "data" / "gold"


def load_scorer(path: Path = GOLD_DIR / "score.py") -> ModuleType:
    """Import the project's scorer from its file, without copying it."""
    spec = importlib.util.spec_from_file_location("gold_score", path)
    assert spec is not None and spec.loader is not None, f"cannot import {path}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = load_scorer()


@dataclass(frozen=True)
class Result:
    """One gold article, what sitegen extracted from it, and its score counts."""

    gold: Mapping[str, Any]
    doc_text: str
    extraction: Extraction
    counts: Mapping[str, tuple[int, ...]]


def prediction(gold_id: str, extraction: Extraction) -> dict[str, Any]:
    """The extraction in the shape score.py reads."""
    return {"id": gold_id, **extraction.to_json()}


def summarise(counts: Sequence[Mapping[str, tuple[int, ...]]]) -> dict[str, float]:
    """Headline metrics, micro-averaged: add up every article's counts, then score."""
    totals: dict[str, tuple[int, ...]] = {}
    for article in counts:
        for key, value in article.items():
            previous = totals.get(key, (0,) * len(value))
            totals[key] = tuple(a + b for a, b in zip(previous, value, strict=True))

    def ratio(key: str) -> float:
        right, seen = totals[key]
        return right / seen if seen else 0.0

    return {
        "people_f1": score.prf(*totals["people"])[2],
        "quotes_f1": score.prf(*totals["quotes"])[2],
        "attribution_acc": ratio("attribution"),
        "attributed_quote_f1": score.prf(*totals["attributed"])[2],
        "numbers_f1": score.prf(*totals["numbers"])[2],
        "number_value_acc": ratio("number_values"),
    }


def breakdown(results: Sequence[Result]) -> str:
    """One line per article: found/predicted/gold (or right/matched) per measure."""
    keys = ("people", "quotes", "attribution", "attributed", "numbers", "number_values")
    width = max(len(str(r.gold["id"])) for r in results)
    lines = [f"{'article':{width}s}  " + "  ".join(f"{k:>13s}" for k in keys)]
    for r in results:
        cells = "  ".join(f"{'/'.join(map(str, r.counts[k])):>13s}" for k in keys)
        lines.append(f"{r.gold['id']:{width}s}  {cells}")
    lines.append("(people, quotes, attributed, numbers: matched/predicted/gold; "
                 "attribution, number_values: right/matched)")
    return "\n".join(lines)
