"""Rebuilder: `build()` for the preview server, keeping state between builds.

It runs the stage functions of `sitegen.build` in `build()`'s order (content
-> extract -> link -> plan -> render -> write) but keeps, for the server's lifetime: one
Extractor (the spaCy pipeline loads at most once), each article file's parse
(`ArticleMemo`), each article's extraction, the link stage's per-article work
(`Linker`), the Jinja environment, the static files, each page's plan (`PlanMemo`:
reused while the Site records it reads are unchanged) and bytes (`RenderMemo`). A
change to one article re-parses and re-extracts that article and re-renders only the
pages whose inputs differ; a template edit re-renders the pages built from it; a config
edit starts over. Like `build`, it writes nothing unless every stage
succeeded, and then only changed files.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitegen.build import (
    SiteContent,
    StageTimer,
    link_site,
    make_extractor,
    manifest_path,
)
from sitegen.config import SiteConfig, load_config
from sitegen.content.cards import load_cards
from sitegen.content.static import collect_static
from sitegen.content.topics import load_topic_cards
from sitegen.errors import BuildFailed, SitegenError
from sitegen.extract.runner import Extractor
from sitegen.link.site import Linker
from sitegen.model import Article, Extraction, RenderedPage
from sitegen.pages.plan import plan_pages
from sitegen.render.jinja import Environment, check_templates, default_theme_dir, make_environment
from sitegen.serve.hub import PendingOutput
from sitegen.serve.memo import ArticleMemo, PlanMemo, RenderMemo
from sitegen.serve.writer import OutputWriter
from sitegen.write.output import check_output_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RebuildStats:
    """What the last successful rebuild did, for logs, tests and benchmarks."""

    parsed: int  # article files read and parsed
    extracted: int  # articles sent to extraction (cache hits included)
    rendered: int  # page plans rendered (the rest reused)
    changed: int  # output files written or removed
    seconds: float
    stage_ms: dict[str, float]  # content, extract, link, plan, render, write


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during a rebuild: the memos keep a large heap of
    long-lived records, and full collections that walk it cost a tenth of a rebuild or more.
    Garbage from the rebuild is collected as usual afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _is_under(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


class Rebuilder:
    """A rebuild callable for `LiveServer`: changed source paths in, changed output paths out.

    Raises BuildFailed (or another SitegenError) when the sources have errors.
    """

    def __init__(self, config: SiteConfig, *, jobs: int | None = None, strict: bool = False,
                 extractor: Extractor | None = None, pending: PendingOutput | None = None) -> None:
        self.config = config
        self.pending = pending  # with it, writes wait for `flush`
        self.jobs = jobs
        self.strict = strict
        self.extractor = extractor or make_extractor(config, jobs)
        self._overrides = self._cli_overrides(config)
        self.stats: RebuildStats | None = None
        self._lock = threading.Lock()  # one rebuild (or model load) at a time
        self._warned: set[str] = set()  # warnings already logged
        self._reset()

    def preload(self) -> threading.Thread:
        """Load the spaCy pipeline in the background, so the first edit is not slowed by it."""
        def load() -> None:
            with self._lock:
                try:
                    self.extractor.pipeline()
                except SitegenError as exc:
                    log.warning("%s", exc)

        thread = threading.Thread(target=load, name="sitegen-preload", daemon=True)
        thread.start()
        return thread

    def _reset(self) -> None:
        self.articles = ArticleMemo()
        self.renders = RenderMemo()
        self.linker = Linker()
        self.plans = PlanMemo()
        self._env: Environment | None = None
        self._static: list[RenderedPage] | None = None
        self._extractions: dict[str, tuple[str, Extraction]] = {}
        self._writer = OutputWriter(self.config.output_path, manifest_path(self.config),
                                    self.pending)
        self.page_count = 0

    # --- what to watch -------------------------------------------------------

    def config_file(self) -> Path:
        return self.config.root / Path(self.config.config_path).name

    def watched_folders(self) -> list[Path]:
        """content/, templates/, static/; and the default theme when it lies inside the site
        (a checkout of sitegen itself), never an installed package's copy."""
        c = self.config
        folders = [c.content_path, c.path(c.templates_dir), c.path(c.static_dir)]
        theme = default_theme_dir().resolve()
        if c.root.resolve() in theme.parents and theme not in folders:
            folders.append(theme)
        return folders

    def watched_files(self) -> list[Path]:
        return [self.config_file()]

    def ignored(self) -> list[Path]:
        return [self.config.output_path, self.config.path(self.config.cache_dir)]

    # --- the build -----------------------------------------------------------

    def __call__(self, changed: frozenset[Path]) -> list[str]:
        """Rebuild after `changed` (empty: the first build). Returns output paths written
        or removed. Raises BuildFailed listing every error; `output/` is then untouched."""
        with self._lock, _gc_paused():
            return self._rebuild(changed)

    def _rebuild(self, changed: frozenset[Path]) -> list[str]:
        """The stages of `build.build`, in its order, each skipping what did not change."""
        started, timer = time.perf_counter(), StageTimer()
        self._note_changes(changed)
        config = self.config
        check_output_dir(config.output_path, config.root, config.content_path,
                         config.config_path)
        with timer("content"):
            content, env = self._load(changed)
        with timer("extract"):
            extracted = self._extract(content.articles)
        with timer("link"):
            linked = link_site(content, self.extractions(), config, self.linker)
            self._raise_errors([], linked.warnings)
        with timer("plan"):
            self.plans.start(linked.site)
            plans = plan_pages(config, linked.site, reuse=self.plans.reuse)
        with timer("render"):
            state, errors = self.renders.render(plans, env, config.root)
            static = self._static_pages(errors)
            if errors:
                raise BuildFailed(errors)
        with timer("write"):
            outputs = self._writer.write([e.page for e in state.entries.values()] + static)
        self.renders.commit(state)
        self.plans.commit(plans)
        self.page_count = len(state.entries) + len(static)
        self.stats = RebuildStats(self.articles.parsed_last, extracted, state.rendered,
                                  len(outputs), time.perf_counter() - started,
                                  {k: round(v * 1000, 1) for k, v in timer.seconds.items()})
        log.debug("rebuild: %s", self.stats)
        return outputs

    def _load(self, changed: frozenset[Path]) -> tuple[SiteContent, Environment]:
        """Articles (re-parsing only changed files), cards and templates, as
        `build.load_site_content` and `check_templates` report them. Raises BuildFailed."""
        config = self.config
        articles, errors, warnings = self.articles.load(
            config.content_path / "articles", config.root, drafts=config.drafts,
            raw_html=config.raw_html, max_bytes=config.max_article_kb * 1024,
            changed=changed if self.stats is not None else None)
        cards, card_errors = load_cards(config.content_path / "people", config.root,
                                        raw_html=config.raw_html)
        topics, topic_errors = load_topic_cards(config.content_path / "topics", config.root,
                                                raw_html=config.raw_html)
        errors += card_errors
        errors += topic_errors
        env = self._environment(errors)
        self._raise_errors(errors, warnings)
        assert env is not None  # no environment means template errors, raised above
        return SiteContent(articles, cards, tuple(errors), tuple(warnings), topics), env

    def _raise_errors(self, errors: Sequence[SitegenError],
                      warnings: Sequence[SitegenError]) -> None:
        """`build.raise_errors`, except that a warning is logged once per server, not again
        on every keystroke; with --strict every warning still fails the build."""
        for warning in warnings:
            if str(warning) not in self._warned:
                self._warned.add(str(warning))
                log.warning("%s", warning)
        failures = [*errors, *warnings] if self.strict else list(errors)
        if failures:
            raise BuildFailed(failures)

    def _note_changes(self, changed: frozenset[Path]) -> None:
        """Drop the memos a change invalidates."""
        c = self.config
        if any(p == self.config_file() for p in changed):
            self._reload_config()
            return
        theme = default_theme_dir()
        template_dirs = [d for d in (c.path(c.templates_dir), theme)]
        edited = [p.relative_to(d).as_posix() for p in changed for d in template_dirs
                  if _is_under(p, d) and p != d]
        if edited:
            self.renders.templates_changed(edited)
            self._env = None
        if any(p == d for p in changed for d in template_dirs):
            self.renders.templates_changed(None)  # the whole folder came or went
            self._env = None
        static_dirs = (c.path(c.static_dir), theme / "assets")
        if any(_is_under(p, d) for p in changed for d in static_dirs):
            self._static = None

    def _cli_overrides(self, config: SiteConfig) -> dict[str, Any]:
        """Settings the command line changed (e.g. --drafts): kept when the file is reloaded."""
        try:
            loaded = load_config(self.config_file()) if self.config_file().is_file() else None
        except SitegenError:
            return {}
        if loaded is None:
            return {}
        return {f.name: getattr(config, f.name) for f in dataclasses.fields(config)
                if getattr(config, f.name) != getattr(loaded, f.name)}

    def _reload_config(self) -> None:
        """Re-read the config file (raises BuildFailed if it is now invalid) and start over."""
        fresh = dataclasses.replace(load_config(self.config_file()), **self._overrides)
        if fresh == self.config:
            return
        log.info("%s changed: rebuilding everything", self.config.config_path)
        old, self.config = self.config, fresh
        if (old.extract, old.cache_dir) != (fresh.extract, fresh.cache_dir):
            self.extractor = make_extractor(fresh, self.jobs)
        self._reset()

    def _environment(self, errors: list[SitegenError]) -> Environment | None:
        """The Jinja environment, re-made after template edits; None if templates have errors."""
        if self._env is None:
            env = make_environment(self.config, auto_reload=False)  # re-made on edits
            template_errors = check_templates(env, self.config.root)
            if template_errors:
                errors += template_errors
                return None
            self._env = env
        return self._env

    def _extract(self, articles: tuple[Article, ...]) -> int:
        """Extraction for new or edited articles only; the rest is kept by content hash."""
        todo = {a.slug: a.text for a in articles
                if self._extractions.get(a.slug, ("", None))[0] != a.content_hash}
        hashes = {a.slug: a.content_hash for a in articles}
        if todo:
            titles = {a.slug: a.title for a in articles if a.slug in todo}
            for slug, extraction in self.extractor.extract_all(todo, titles=titles).items():
                self._extractions[slug] = (hashes[slug], extraction)
        for gone in set(self._extractions) - set(hashes):
            del self._extractions[gone]
        return len(todo)

    def extractions(self) -> dict[str, Extraction]:
        """Each current article's extraction, by slug (what the link stage reads)."""
        return {slug: extraction for slug, (_, extraction) in self._extractions.items()}

    def _static_pages(self, errors: list[SitegenError]) -> list[RenderedPage]:
        if self._static is None:
            pages: list[RenderedPage] = []
            static_errors: list[SitegenError] = []
            for folder, prefix in ((default_theme_dir() / "assets", "assets/"),
                                   (self.config.path(self.config.static_dir), "")):
                found, problems = collect_static(folder, prefix, self.config.root)
                pages += found
                static_errors += problems
            errors += static_errors
            if static_errors:
                return pages
            self._static = pages
        return self._static

    def flush(self) -> None:
        """Write what the last rebuild staged in `pending` (the server calls this right
        after the reload event). Raises OSError."""
        with self._lock:
            self._writer.flush()
