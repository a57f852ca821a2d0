#!/usr/bin/env python3
"""Preview benchmark: how long from saving a file to the browser's reload event.

usage: serve_bench.py [--site sample|bbc|both] [--edits N] [--template-edits N]
                      [--workdir DIR]

For each site it starts the real `sitegen serve` (a subprocess on a free
loopback port), listens on `/__sitegen/events` as the injected script does,
and times, from just before the file write to the arrival of the event:

1. N edits of one article's body (a new sentence each time), p50 and p95;
2. N edits of a `templates/base.html` override that every HTML page uses;

and, with the server stopped, a full warm `sitegen build` (best of two) to
compare the template edit against.

Sites: `sample` is this repository's content/ and sitegen.toml; `bbc` is
every .txt of ../shared/corpus/bbc in content/articles/. Both are copied
under --workdir (default /tmp/sitegen-bench) and reused, so the extraction
cache persists: the first BBC run extracts 2,087 articles (minutes); later
runs are warm, which is what the preview sees while someone types.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
SAMPLE_ARTICLE = "goldsmith-i-was-not-leant-on.txt"
BASE_OVERRIDE = ('{% extends "default/base.html" %}\n'
                 '{% block head %}{{ super() }}<meta name="edit" content="N">{% endblock %}\n')

log = logging.getLogger("serve_bench")


def prepare(kind: str, workdir: Path) -> Path:
    """The site folder for `kind`, copied on first use and reused afterwards."""
    site = workdir / kind
    articles = site / "content" / "articles"
    if kind == "sample" and not site.exists():
        shutil.copytree(REPO / "content", site / "content")
    elif kind == "bbc" and not articles.exists():
        articles.mkdir(parents=True)
        for source in sorted(CORPUS.rglob("*.txt")):
            shutil.copy2(source, articles / source.name)
    shutil.copy2(REPO / "sitegen.toml", site / "sitegen.toml")
    shutil.rmtree(site / "templates", ignore_errors=True)
    (site / "templates").mkdir()
    return site


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Events:
    """A raw-socket reader of the server-sent events stream."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=600)
        self.sock.sendall(b"GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.file = self.sock.makefile("rb")
        while self.file.readline().strip():
            pass  # status line and headers

    def next(self) -> tuple[str, dict[str, object]]:
        kind, data = "", ""
        while True:
            line = self.file.readline().decode().rstrip("\n")
            if line.startswith("event: "):
                kind = line[7:]
            elif line.startswith("data: "):
                data = line[6:]
            elif not line and data:
                return kind, json.loads(data)

    def until(self, kinds: set[str]) -> tuple[str, dict[str, object]]:
        while True:
            kind, data = self.next()
            if kind in kinds:
                return kind, data


def start_server(site: Path, port: int, log_file: Path) -> subprocess.Popen[str]:
    """`sitegen serve` in `site`, its log (stderr) going to `log_file` (a pipe nobody reads
    while the bench runs would fill up and block the server)."""
    command = [sys.executable, "-m", "sitegen", "serve", "--port", str(port)]
    log.info("$ (cd %s && %s 2>%s)", site, shlex.join(command), log_file)
    with log_file.open("w") as err:
        proc = subprocess.Popen(command, cwd=site, stderr=err, text=True)
    deadline = time.monotonic() + 3600
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"sitegen serve exited: {log_file.read_text()[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/__sitegen/status", timeout=5)
            return proc
        except OSError:
            time.sleep(0.5)
    raise SystemExit("sitegen serve did not come up")


def unwritten(port: int) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__sitegen/status", timeout=30) as r:
        return int(json.loads(r.read())["unwritten"])


def timed_edits(events: Events, port: int, target: Path,
                texts: Sequence[str]) -> tuple[list[float], list[float]]:
    """Write each text to `target`. Returns the seconds from the write to the reload
    event, and to the moment every rebuilt file is on disk (the server answers from
    memory until then). Each edit starts once the previous one is written."""
    to_event: list[float] = []
    to_disk: list[float] = []
    for text in texts:
        time.sleep(0.3)  # a pause between keystroke bursts
        started = time.perf_counter()
        target.write_text(text, encoding="utf-8")
        kind, data = events.until({"reload", "status"})
        to_event.append(time.perf_counter() - started)
        if kind != "reload":
            raise SystemExit(f"edit of {target.name} did not reload: {data}")
        while unwritten(port):
            time.sleep(0.02)
        to_disk.append(time.perf_counter() - started)
    return to_event, to_disk


def warm_build_seconds(site: Path) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sitegen", "build"], cwd=site, check=True,
                       capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def summary(name: str, times: Sequence[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return (f"{name}: n={len(ms)} p50={statistics.median(ms):.0f} ms p95={p95:.0f} ms "
            f"min={ms[0]:.0f} ms max={ms[-1]:.0f} ms")


def bench_site(kind: str, workdir: Path, edits: int, template_edits: int) -> None:
    site = prepare(kind, workdir)
    article = (site / "content/articles" / SAMPLE_ARTICLE if kind == "sample" else
               sorted((site / "content/articles").glob("*.txt"))[0])
    original = article.read_text(encoding="utf-8")
    run = time.strftime("%H%M%S")  # new words each run, so extraction is never a cache hit
    articles = len(list((site / "content/articles").iterdir()))
    log.info("== %s: %d articles in %s", kind, articles, site)
    started = time.perf_counter()
    port = free_port()
    log_file = site.parent / f"{kind}-serve.log"
    proc = start_server(site, port, log_file)
    log.info("server up (first build) in %.1f s", time.perf_counter() - started)
    events = Events(port)
    base = site / "templates" / "base.html"
    try:
        article_times, article_disk = timed_edits(events, port, article, [
            f"{original}\nEdit {run}-{n}: Anna Berg said the figure was {n + 10} per cent.\n"
            for n in range(edits)])
        timed_edits(events, port, base, [BASE_OVERRIDE.replace("N", "0")])  # it appears
        template_times, template_disk = timed_edits(events, port, base, [
            BASE_OVERRIDE.replace("N", str(n + 1)) for n in range(template_edits)])
    finally:
        article.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=60)
    rebuilds = [float(m) for m in re.findall(r"rebuilt in (\d+) ms", log_file.read_text())]
    base.unlink(missing_ok=True)
    build = warm_build_seconds(site)
    log.info(summary("article edit -> reload event", article_times))
    log.info(summary("article edit -> files on disk", article_disk))
    log.info(summary("template edit (base.html) -> reload event", template_times))
    log.info(summary("template edit (base.html) -> files on disk", template_disk))
    log.info("server-side rebuild (from its log): p50=%.0f ms over %d rebuilds",
             statistics.median(rebuilds) if rebuilds else float("nan"), len(rebuilds))
    log.info("full warm `sitegen build`: %.0f ms (best of 2); template edit p50 / build = %.2f",
             build * 1000, statistics.median(template_times) / build)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", choices=("sample", "bbc", "both"), default="both")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--template-edits", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/sitegen-bench"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    log.info("$ %s", shlex.join([sys.executable, *sys.argv]))
    log.info("machine: %d CPU(s); python %s", os.cpu_count() or 0, sys.version.split()[0])
    args.workdir.mkdir(parents=True, exist_ok=True)
    for kind in ("sample", "bbc") if args.site == "both" else (args.site,):
        bench_site(kind, args.workdir, args.edits, args.template_edits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
