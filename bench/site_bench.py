#!/usr/bin/env python3
"""Site benchmark: build the whole BBC corpus as one site, cold and warm.

usage: site_bench.py [--corpus DIR] [--site DIR] [--limit N] [--jobs N] [--skip-cold]

The corpus (`../shared/corpus/bbc` by default: 2,087 .txt files in five
folders) is copied into a site's `content/articles/` as `<folder>-<name>.txt`.
Each build runs in a fresh child process, through the same stage functions
`sitegen.build.build` calls, and reports:

- pages written, person pages, quotes, numbers;
- wall time and the time of each stage (content, extract, link, plan,
  render, write), so the dominant one is visible;
- peak memory: the child's own max RSS and its extraction workers' (the
  largest child), from resource.getrusage.

Runs: **cold** (empty extraction cache, empty output), **warm** (cache full,
nothing changed: nothing to write) and **warm, empty output** (cache full,
every page written again). A baseline in the same run puts the render figure
in context: reading the same articles and rendering each through a one-line
Jinja template (what any static site generator does at least).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
STAGES = ("content", "extract", "link", "plan", "render", "write")


def make_site(corpus: Path, site: Path, limit: int | None) -> int:
    """Copy the corpus into `site`; returns the number of articles."""
    articles = site / "content" / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    sources = sorted(corpus.glob("*/*.txt"))[:limit] if limit else sorted(corpus.glob("*/*.txt"))
    for source in sources:
        shutil.copyfile(source, articles / f"{source.parent.name}-{source.name}")
    (site / "sitegen.toml").write_text(
        'title = "BBC explainers"\nbase_url = "https://example.org/bbc/"\n', encoding="utf-8")
    return len(sources)


def child_build(site: Path, jobs: int) -> dict[str, Any]:
    """One build, stage by stage, in this process. Returns the figures as a dict."""
    from sitegen.build import (
        extract_site,
        link_site,
        load_site_content,
        make_extractor,
        manifest_path,
        raise_errors,
        render_plans,
        write_site,
    )
    from sitegen.config import load_config
    from sitegen.pages.plan import plan_pages
    from sitegen.render.jinja import check_templates, make_environment

    started, timer = time.perf_counter(), CpuTimer()
    config = load_config(site / "sitegen.toml")
    with timer("content"):
        content = load_site_content(config)
        env = make_environment(config, auto_reload=False)
        raise_errors([*content.errors, *check_templates(env, config.root)], (), False)
    with timer("extract"):
        extractions = extract_site(content, make_extractor(config, jobs))
    with timer("link"):
        linked = link_site(content, extractions, config)
    with timer("plan"):
        plans = plan_pages(config, linked.site)
    with timer("render"):
        pages = render_plans(config, plans, env, jobs)
    with timer("write"):
        report = write_site(pages, config.output_path, manifest_path(config))
    wall = time.perf_counter() - started
    return {
        "articles": len(content.articles), "pages": len(pages),
        "written": len(report.written), "people": len(linked.site.people),
        "quotes": len(linked.site.quotes), "numbers": len(linked.site.numbers),
        "link_warnings": len(linked.warnings), "wall": wall, "stages": timer.seconds,
        "cpu": timer.cpu,
        "maxrss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "maxrss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


class CpuTimer:
    """Wall time and CPU time (this process and its reaped workers) per stage: on a busy
    machine CPU time is the figure that does not depend on the neighbours."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), _cpu()
        try:
            yield
        finally:
            self.seconds[stage] = time.perf_counter() - wall
            self.cpu[stage] = _cpu() - cpu


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_child(site: Path, jobs: int) -> dict[str, Any]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", str(site), "--jobs", str(jobs)],
                          capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-4000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process_wall"] = time.perf_counter() - started
    return figures


def baseline_render(site: Path) -> float:
    """Seconds to read every article and render it through a one-line Jinja template."""
    import jinja2

    started = time.perf_counter()
    template = jinja2.Environment(autoescape=True).from_string(
        "<!doctype html><title>{{ title }}</title><h1>{{ title }}</h1>{{ body }}")
    out = Path(tempfile.mkdtemp(prefix="baseline-"))
    for source in sorted((site / "content" / "articles").glob("*.txt")):
        title, _, body = source.read_text(encoding="utf-8").partition("\n")
        (out / f"{source.stem}.html").write_text(template.render(title=title, body=body),
                                                 encoding="utf-8")
    seconds = time.perf_counter() - started
    shutil.rmtree(out)
    return seconds


def show(name: str, f: dict[str, Any]) -> str:
    stages = "  ".join(f"{s} {f['stages'].get(s, 0):.2f}s ({f['cpu'].get(s, 0):.2f}s cpu)"
                       for s in STAGES)
    top = max(STAGES, key=lambda s: f["stages"].get(s, 0))
    return (f"{name:<22} {f['wall']:7.2f}s wall ({f['process_wall']:.2f}s with interpreter "
            f"start) | {f['pages']} pages, {f['written']} written | peak RSS "
            f"{f['maxrss_self_mb']:.0f} MB (workers {f['maxrss_children_mb']:.0f} MB)\n"
            f"{'':<22} {stages}  -> dominated by {top}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--site", type=Path, help="site folder to use (kept); default: a temp dir")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--jobs", type=int, default=2, help="extraction processes")
    parser.add_argument("--skip-cold", action="store_true", help="reuse --site's cache as it is")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        sys.stdout.write(json.dumps(child_build(args.child, args.jobs)) + "\n")
        return 0
    site = args.site or Path(tempfile.mkdtemp(prefix="site-bench-"))
    if not args.skip_cold:
        shutil.rmtree(site, ignore_errors=True)
        count = make_site(args.corpus, site, args.limit)
        sys.stderr.write(f"site with {count} articles in {site}\n")
    load = os.getloadavg()[0]
    runs: list[tuple[str, dict[str, Any]]] = []
    if not args.skip_cold:
        runs.append(("cold", run_child(site, args.jobs)))
    runs.append(("warm (no change)", run_child(site, args.jobs)))
    shutil.rmtree(site / "output", ignore_errors=True)
    runs.append(("warm (empty output)", run_child(site, args.jobs)))
    first = runs[0][1]
    lines = [
        f"sitegen site benchmark: {first['articles']} articles from {args.corpus}, "
        f"jobs={args.jobs}, {os.cpu_count()} cores, load average before the runs "
        f"{load:.2f}",
        f"site: {first['pages']} pages, {first['people']} person pages, {first['quotes']} "
        f"quotes, {first['numbers']} numbers, {first['link_warnings']} link warnings",
        *(show(name, figures) for name, figures in runs),
    ]
    base = baseline_render(site)
    warm = runs[-1][1]["stages"]
    ours = warm.get("plan", 0) + warm.get("render", 0) + warm.get("write", 0)
    lines.append(f"baseline: one-line Jinja template per article, read+render+write: {base:.2f}s; "
                 f"sitegen plan+render+write (empty output): {ours:.2f}s = {ours / base:.1f}x "
                 "(sitegen also renders person, index and data pages)")
    sys.stdout.write("\n".join(lines) + "\n")
    if not args.site:
        shutil.rmtree(site, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
