"""`sitegen extract`: run extraction on files or stdin and print JSON lines or a table."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from sitegen.content.articles import decode, parse_article
from sitegen.errors import BuildFailed, ContentError, SitegenError, SourceLocation
from sitegen.extract.runner import Extractor
from sitegen.model import Extraction


def read_inputs(
    names: Sequence[str], stdin: TextIO, titles: dict[str, str] | None = None
) -> dict[str, str]:
    """Path as given -> plain text. `-` is stdin, whole input as the body (no headline).
    Each file's headline (a .txt file's first line, a .md file's `title`) goes into
    `titles` when given. Raises BuildFailed."""
    texts: dict[str, str] = {}
    errors: list[SitegenError] = []
    for name in names:
        if name == "-":
            texts["-"] = stdin.read()
            continue
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            errors.append(ContentError(f"cannot read: {exc.strerror}", SourceLocation(name)))
            continue
        try:
            article = parse_article(name, data)
        except ContentError as exc:
            if exc.message.startswith("empty file"):
                texts[name] = decode(name, data)
            else:
                errors.append(exc)
            continue
        texts[name] = article.text
        if titles is not None:
            titles[name] = article.title
    if errors:
        raise BuildFailed(errors)
    return texts


def extraction_json(path: str, extraction: Extraction) -> dict[str, object]:
    """The DESIGN.md shape: path, people, quotes (with offsets), numbers."""
    data = extraction.to_json()
    return {"path": path, **data}


def format_table(path: str, extraction: Extraction) -> str:
    """A view of one extraction for an editor's terminal; `*` marks the key items."""
    lines = [f"== {path}", "", f"People ({len(extraction.people)})"]
    for p in extraction.people:
        role = f" - {p.role}" if p.role else ""
        also = [a for a in p.aliases if a != p.name]
        alias = f"  (also: {', '.join(also)})" if also else ""
        lines.append(f"{_mark(p.key)}{p.name}{role}{alias}  [{len(p.mentions)} mentions]")
    lines += ["", f"Quotes ({len(extraction.quotes)})"]
    for q in extraction.quotes:
        who = q.speaker or (f"[{q.source}]" if q.source else "[unattributed]")
        text = q.text if len(q.text) <= 90 else q.text[:87] + "..."
        lines.append(f"{_mark(q.key)}{who}: \u201c{text}\u201d  @{q.start}")
    lines += ["", f"Numbers ({len(extraction.numbers)})"]
    for n in extraction.numbers:
        value = f"{n.value:,.6g}" if abs(n.value) < 1e6 else f"{n.value:,.0f}"
        label = f"  ({n.label})" if n.label else ""
        lines.append(f"{_mark(n.key)}{n.text:<32} = {value} {n.unit or ''}".rstrip() + label)
    return "\n".join(lines) + "\n"


def _mark(key: bool) -> str:
    return "* " if key else "  "


def run_extract(
    names: Sequence[str], fmt: str, model: str, jobs: int, out: TextIO, stdin: TextIO
) -> None:
    """Raises SitegenError on bad input or a missing model."""
    titles: dict[str, str] = {}
    texts = read_inputs(names, stdin if stdin is not None else sys.stdin, titles)
    results = Extractor(model, jobs=jobs).extract_all(texts, titles=titles)
    for name in texts:
        if fmt == "json":
            out.write(json.dumps(extraction_json(name, results[name]), ensure_ascii=False) + "\n")
        else:
            out.write(format_table(name, results[name]))
