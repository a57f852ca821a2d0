#!/usr/bin/env python3
"""Extraction benchmark: sitegen against its baselines, on quality and on speed.

usage: extract_bench.py [GOLD_DIR] [--corpus DIR] [--limit N] [--jobs N]
                        [--single-limit N] [--model NAME] [--no-scores] [--no-throughput]

1. Scores, on the gold files (tests/data/gold by default), with the project's
   scorer (GOLD_DIR/score.py): sitegen; plain spaCy NER; textacy's
   direct_quotations and quantulum3 when they are importable.
2. Throughput on the BBC corpus: words/s of plain `nlp.pipe` with N processes
   against sitegen's full extraction (`Extractor.extract_all`, no cache) on the
   same texts in the same run, and the overhead in %.
3. From one process: how the time splits between spaCy and sitegen's rules.

Run it with the bench venv's Python (see bench/README.md) so the baselines
are importable without touching the main environment.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import logging
import os
import platform
import re
import resource
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from sitegen.extract.cache import ExtractionCache
from sitegen.extract.document import extract_doc
from sitegen.extract.nlp import DEFAULT_MODEL, load_pipeline
from sitegen.extract.runner import Extractor

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "tests" / "data" / "gold"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
BATCH_SIZE = 32

log = logging.getLogger("extract_bench")

Prediction = dict[str, Any]
Gold = Mapping[str, Any]

#: Headline metrics: (summary key, column title, the prediction field it needs).
METRICS: tuple[tuple[str, str, str], ...] = (
    ("people_f1", "people F1", "people"),
    ("quotes_f1", "quote F1", "quotes"),
    ("attribution_acc", "attrib. acc", "quotes"),
    ("attributed_quote_f1", "attr-quote F1", "quotes"),
    ("numbers_f1", "numbers F1", "numbers"),
    ("number_value_acc", "value acc", "numbers"),
)

NER_NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
          "bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12}
SMALL_WORDS = {w: float(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS_WORDS = {w: 10.0 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
DIGITS = re.compile(r"(\d[\d,]*(?:\.\d+)?|\.\d+)\s*([a-z]+)?", re.I)


def out(line: str = "") -> None:
    """Write one line of the report."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


# --------------------------------------------------------------------------- inputs


def load_module(path: Path, name: str) -> ModuleType:
    """Import a Python file by path."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_golds(gold_dir: Path) -> list[Gold]:
    """Every gold file in the folder, sorted by file name."""
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(gold_dir.glob("*.json"))]
    if not golds:
        raise SystemExit(f"no gold *.json files in {gold_dir}")
    return golds


def article_body(raw: str) -> str:
    """The text sitegen extracts from a .txt article: no title line, paragraphs by blank lines."""
    lines = raw.split("\n")[1:]
    return "\n\n".join(line.strip() for line in lines if line.strip())


def corpus_texts(corpus: Path, limit: int) -> list[str]:
    """Distinct article bodies of the corpus (sorted by path), at most `limit` if limit > 0.

    Duplicates are dropped because sitegen extracts a repeated text once, which
    would flatter it against plain `nlp.pipe`.
    """
    seen: dict[str, None] = {}
    for path in sorted(corpus.rglob("*.txt")):
        seen.setdefault(article_body(path.read_text(encoding="utf-8", errors="replace")))
        if limit and len(seen) >= limit:
            break
    return [t for t in seen if t]


def word_count(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


# --------------------------------------------------------------------------- systems


def naive_value(text: str) -> float | None:
    """The first number in an entity's text: digits or number words, times bn/m/k/million..."""
    match = DIGITS.search(text)
    if match:
        value = float(match.group(1).replace(",", ""))
        suffix = (match.group(2) or "").lower()
        return value * SCALES.get(suffix, 1.0)
    return words_value(text)


def words_value(text: str) -> float | None:
    """'twenty-five' -> 25, 'two million' -> 2e6, 'a dozen' -> 12; None without number words."""
    total, current, found = 0.0, 0.0, False
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in SMALL_WORDS or word in TENS_WORDS:
            current += SMALL_WORDS.get(word, TENS_WORDS.get(word, 0.0))
        elif word == "dozen":
            current = (current or 1.0) * 12
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in SCALES and len(word) > 2:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        else:
            continue
        found = True
    return total + current if found else None


def ner_people(doc: Doc) -> list[dict[str, Any]]:
    """One person per distinct PERSON entity string."""
    names = dict.fromkeys(ent.text for ent in doc.ents if ent.label_ == "PERSON")
    return [{"name": n, "aliases": [n]} for n in names]


def ner_numbers(doc: Doc) -> list[dict[str, Any]]:
    """CARDINAL/MONEY/PERCENT/QUANTITY entities with a naive value."""
    return [{"text": ent.text, "value": naive_value(ent.text)}
            for ent in doc.ents if ent.label_ in NER_NUMBER_LABELS]


def textacy_quotes(doc: Doc) -> list[dict[str, Any]]:
    """textacy's direct quotations: the words between the marks, and the speaker's tokens."""
    from textacy.extract.triples import direct_quotations  # type: ignore[import-not-found]

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of quotation marks: textacy gives up on the doc
        return []
    return [{"text": t.content[1:-1].text if len(t.content) > 2 else t.content.text,
             "speaker": " ".join(tok.text for tok in t.speaker)} for t in triples]


def quantulum_numbers(text: str) -> list[dict[str, Any]]:
    """quantulum3's quantities, with the span it reports."""
    from quantulum3 import parser  # type: ignore[import-not-found]

    return [{"text": text[q.span[0]:q.span[1]], "value": q.value} for q in parser.parse(text)]


@dataclass(frozen=True)
class System:
    """A row of the scores table: how it predicts, and which fields it fills."""

    name: str
    fields: frozenset[str]
    predict: Callable[[Sequence[Gold]], list[Prediction]] | None
    note: str = ""


def sitegen_predictions(model: str) -> Callable[[Sequence[Gold]], list[Prediction]]:
    def predict(golds: Sequence[Gold]) -> list[Prediction]:
        extractor = Extractor(model, cache=ExtractionCache(None), jobs=1)
        found = extractor.extract_all({g["id"]: g["text"] for g in golds})
        return [{"id": g["id"], **found[g["id"]].to_json()} for g in golds]
    return predict


def doc_predictions(
    docs: Mapping[str, Doc], build: Callable[[Doc], Prediction]
) -> Callable[[Sequence[Gold]], list[Prediction]]:
    def predict(golds: Sequence[Gold]) -> list[Prediction]:
        return [{"id": g["id"], **build(docs[g["id"]])} for g in golds]
    return predict


def quantulum_predictions(golds: Sequence[Gold]) -> list[Prediction]:
    return [{"id": g["id"], "numbers": quantulum_numbers(g["text"])} for g in golds]


def installed(module: str, dist: str) -> str | None:
    """The distribution's version when `module` is importable, else None."""
    if importlib.util.find_spec(module) is None:
        return None
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def systems(model: str, golds: Sequence[Gold]) -> list[System]:
    """sitegen and every baseline, in table order."""
    import spacy

    full = spacy.load(model)  # every component, the lemmatizer too: textacy reads lemmas
    docs = {g["id"]: doc for g, doc in zip(golds, full.pipe(g["text"] for g in golds), strict=True)}
    rows = [
        System("sitegen", frozenset({"people", "quotes", "numbers"}), sitegen_predictions(model)),
        System("spaCy NER", frozenset({"people", "numbers"}),
               doc_predictions(docs, lambda d: {"people": ner_people(d),
                                                "numbers": ner_numbers(d)})),
    ]
    textacy = installed("textacy", "textacy")
    rows.append(System(
        f"textacy {textacy}" if textacy else "textacy", frozenset({"people", "quotes"}),
        doc_predictions(docs, lambda d: {"people": ner_people(d), "quotes": textacy_quotes(d)})
        if textacy else None,
        "people = spaCy NER" if textacy else "not installed"))
    quantulum = installed("quantulum3", "quantulum3")
    rows.append(System(
        f"quantulum3 {quantulum}" if quantulum else "quantulum3", frozenset({"numbers"}),
        quantulum_predictions if quantulum else None, "" if quantulum else "not installed"))
    return rows


# --------------------------------------------------------------------------- scoring


def summarise(scorer: ModuleType, golds: Sequence[Gold], preds: Sequence[Prediction]
              ) -> dict[str, float]:
    """Headline metrics, micro-averaged over the articles, with score.py's own functions."""
    totals: dict[str, tuple[int, ...]] = {}
    by_id = {p["id"]: p for p in preds}
    for gold in golds:
        for key, value in scorer.score_article(gold, by_id.get(gold["id"], {})).items():
            previous = totals.get(key, (0,) * len(value))
            totals[key] = tuple(a + b for a, b in zip(previous, value, strict=True))

    def ratio(key: str) -> float:
        right, seen = totals[key]
        return right / seen if seen else 0.0

    return {
        "people_f1": scorer.prf(*totals["people"])[2],
        "quotes_f1": scorer.prf(*totals["quotes"])[2],
        "attribution_acc": ratio("attribution"),
        "attributed_quote_f1": scorer.prf(*totals["attributed"])[2],
        "numbers_f1": scorer.prf(*totals["numbers"])[2],
        "number_value_acc": ratio("number_values"),
    }


def scores_section(gold_dir: Path, model: str) -> None:
    scorer = load_module(gold_dir / "score.py" if (gold_dir / "score.py").exists()
                         else DEFAULT_GOLD / "score.py", "gold_score")
    golds = load_golds(gold_dir)
    out(f"## Scores on {len(golds)} gold articles ({gold_dir})")
    out()
    name_width = 18
    out(f"{'system':{name_width}s} " + " ".join(f"{title:>13s}" for _, title, _ in METRICS)
        + "  note")
    for system in systems(model, golds):
        if system.predict is None:
            out(f"{system.name:{name_width}s} " + " ".join(f"{'-':>13s}" for _ in METRICS)
                + f"  {system.note}")
            continue
        log.info("scoring %s", system.name)
        summary = summarise(scorer, golds, system.predict(golds))
        cells = [f"{summary[key]:13.3f}" if field in system.fields else f"{'-':>13s}"
                 for key, _, field in METRICS]
        out(f"{system.name:{name_width}s} " + " ".join(cells) + f"  {system.note}")
    out()


# --------------------------------------------------------------------------- speed


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds, and CPU seconds of this process and of its finished children."""

    wall: float
    cpu: float


def cpu_seconds() -> float:
    """User + system CPU of this process and of every child it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], object]) -> Timing:
    start_wall, start_cpu = time.perf_counter(), cpu_seconds()
    run()
    return Timing(time.perf_counter() - start_wall, cpu_seconds() - start_cpu)


def drain(items: Iterable[object]) -> None:
    for _ in items:
        pass


def run_plain(texts: list[str], nlp: Language, jobs: int) -> Timing:
    """Time plain `nlp.pipe` over the texts."""
    log.info("plain nlp.pipe on %d texts", len(texts))
    return timed(lambda: drain(nlp.pipe(texts, n_process=jobs, batch_size=BATCH_SIZE)))


def run_sitegen(texts: list[str], model: str, jobs: int) -> Timing:
    """Time sitegen's full extraction of the texts, with a fresh, empty cache."""
    extractor = Extractor(model, cache=ExtractionCache(None), jobs=jobs)
    if jobs == 1:
        extractor.pipeline()  # loaded outside the timing, as plain's pipeline is
    ids = {str(i): t for i, t in enumerate(texts)}
    log.info("sitegen Extractor.extract_all on %d texts", len(texts))
    return timed(lambda: extractor.extract_all(ids))


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def measure(texts: list[str], model: str, jobs: int, nlp: Language, rounds: int
            ) -> tuple[list[Timing], list[Timing]]:
    """Plain and sitegen timings, `rounds` of each, alternating which goes first."""
    plain: list[Timing] = []
    full: list[Timing] = []
    for round_no in range(rounds):
        if round_no % 2 == 0:
            plain.append(run_plain(texts, nlp, jobs))
            full.append(run_sitegen(texts, model, jobs))
        else:
            full.append(run_sitegen(texts, model, jobs))
            plain.append(run_plain(texts, nlp, jobs))
    return plain, full


def verdict(ratio: float) -> str:
    return f"overhead {ratio - 1:+.1%} ({'meets' if ratio < 1.15 else 'MISSES'} the < 15% target)"


def throughput_section(texts: list[str], model: str, jobs: int, nlp: Language,
                       rounds: int) -> None:
    """Plain spaCy against sitegen on the same texts; the best run of each counts."""
    words = word_count(texts)
    out(f"## Throughput, {jobs} process(es), {len(texts)} distinct articles, {words:,} words")
    out()
    out(f"load average before: {load_average()}")
    plain, full = measure(texts, model, jobs, nlp, rounds)
    out(f"load average after:  {load_average()}")
    out()
    best_plain = min(plain, key=lambda t: t.wall)
    best_full = min(full, key=lambda t: t.wall)
    cpu_plain, cpu_full = min(t.cpu for t in plain), min(t.cpu for t in full)
    out(f"{'run (best of ' + str(rounds) + ')':50s} {'wall s':>8s} {'words/s':>8s} "
        f"{'CPU s':>8s}  all runs, wall/CPU s")
    for label, best, cpu, runs in (
        (f"plain nlp.pipe(n_process={jobs}, batch_size={BATCH_SIZE})", best_plain, cpu_plain,
         plain),
        (f"sitegen Extractor(jobs={jobs}).extract_all, no cache", best_full, cpu_full, full),
    ):
        out(f"{label:50s} {best.wall:8.1f} {words / best.wall:8.0f} {cpu:8.1f}  "
            + " ".join(f"{t.wall:.1f}/{t.cpu:.1f}" for t in runs))
    out(f"sitegen / plain, wall time: {best_full.wall / best_plain.wall:.3f}   "
        + verdict(best_full.wall / best_plain.wall))
    out(f"sitegen / plain, CPU time:  {cpu_full / cpu_plain:.3f}   "
        + verdict(cpu_full / cpu_plain))
    out("(CPU time counts this process and its worker processes; it is the steadier figure on a "
        "busy machine)")
    if jobs > 1:
        out("(sitegen's time includes each worker loading the pipeline; plain's pipeline was "
            "loaded before timing)")
    out()


def split_times(texts: list[str], nlp: Language) -> tuple[Timing, Timing]:
    """(spaCy, rules) times in one process: pulling each doc from nlp.pipe, then extract_doc."""
    spacy_wall = spacy_cpu = rules_wall = rules_cpu = 0.0
    docs = iter(nlp.pipe(texts, batch_size=BATCH_SIZE))
    while True:
        wall0, cpu0 = time.perf_counter(), time.process_time()
        doc = next(docs, None)
        wall1, cpu1 = time.perf_counter(), time.process_time()
        if doc is None:
            break
        extract_doc(doc)
        spacy_wall += wall1 - wall0
        spacy_cpu += cpu1 - cpu0
        rules_wall += time.perf_counter() - wall1
        rules_cpu += time.process_time() - cpu1
    return Timing(spacy_wall, spacy_cpu), Timing(rules_wall, rules_cpu)


def split_section(texts: list[str], nlp: Language) -> None:
    """The share of the rules in one process's time: the cleanest overhead figure."""
    words = word_count(texts)
    log.info("single-process split on %d texts", len(texts))
    spacy_t, rules_t = split_times(texts, nlp)
    total_wall, total_cpu = spacy_t.wall + rules_t.wall, spacy_t.cpu + rules_t.cpu
    out(f"## One process: spaCy vs rules, {len(texts)} articles, {words:,} words")
    out()
    out(f"{'':22s} {'wall s':>8s} {'share':>7s} {'CPU s':>8s} {'share':>7s} {'words/s (CPU)':>14s}")
    for label, t in (("spaCy nlp.pipe", spacy_t), ("rules extract_doc", rules_t)):
        out(f"{label:22s} {t.wall:8.1f} {t.wall / total_wall:7.1%} {t.cpu:8.1f} "
            f"{t.cpu / total_cpu:7.1%} {words / max(t.cpu, 1e-9):14.0f}")
    out(f"rules overhead on spaCy: {rules_t.wall / spacy_t.wall:+.1%} wall, "
        f"{rules_t.cpu / spacy_t.cpu:+.1%} CPU  (end to end {words / total_wall:.0f} words/s wall, "
        f"{words / total_cpu:.0f} words/s CPU)")
    out()


# --------------------------------------------------------------------------- report


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def code_state() -> str:
    """The commit under test, and whether sitegen/ has changes not yet committed."""
    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True,
                                  text=True, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "sitegen")
    return f"{commit}" + (" + uncommitted changes in sitegen/" if dirty else "")


def header(args: argparse.Namespace) -> None:
    out("# sitegen extraction benchmark")
    out()
    out("command: " + " ".join(shlex.quote(a) for a in [sys.executable, *sys.argv]))
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    out(f"machine: {os.cpu_count()} cores ({usable} usable), {cpu_model()}, "
        f"{platform.system()} {platform.release()}")
    versions = [f"python {platform.python_version()}"]
    for dist in ("spacy", args.model.replace("_", "-"), "textacy", "quantulum3"):
        try:
            versions.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{dist} not installed")
    out("versions: " + ", ".join(versions))
    out(f"code: {code_state()}")
    out(f"date: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
    out()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD,
                        help="folder of gold *.json files (default: tests/data/gold)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder of .txt articles for the throughput runs")
    parser.add_argument("--limit", type=int, default=0,
                        help="use at most N corpus articles (default: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes for the throughput runs (default: cpu count)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="repeat plain and sitegen N times, alternating order; "
                             "the best time counts (default: 1)")
    parser.add_argument("--single-limit", type=int, default=0,
                        help="articles for the one-process split (default: same as --limit)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline to use")
    parser.add_argument("--no-scores", action="store_true", help="skip the gold scores")
    parser.add_argument("--no-throughput", action="store_true", help="skip the speed runs")
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(name)s: %(message)s")
    args = parse_args(argv)
    header(args)
    if not args.no_scores:
        scores_section(args.gold, args.model)
    if not args.no_throughput:
        texts = corpus_texts(args.corpus, args.limit)
        if not texts:
            raise SystemExit(f"no .txt articles under {args.corpus}")
        start = time.perf_counter()
        nlp = load_pipeline(args.model)
        out(f"pipeline {args.model} ({', '.join(nlp.pipe_names)}) loaded in "
            f"{time.perf_counter() - start:.1f} s (sitegen's load_pipeline: the components "
            "sitegen runs, for plain spaCy too)")
        out()
        throughput_section(texts, args.model, max(1, args.jobs), nlp, max(1, args.rounds))
        split_section(texts[: args.single_limit] if args.single_limit else texts, nlp)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
