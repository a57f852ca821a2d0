"""build(): the one function that runs every stage, in order.

content -> extract -> link -> render -> write. Nothing touches `output/`
until every in-memory stage has succeeded, so a failed build leaves it as it
was. Each stage is a public function so `serve`'s incremental rebuilder can
call the same ones.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sitegen.config import SiteConfig
from sitegen.content.articles import load_articles
from sitegen.content.cards import load_cards
from sitegen.content.static import collect_static
from sitegen.content.topics import load_topic_cards
from sitegen.errors import BuildFailed, SitegenError
from sitegen.extract.cache import ExtractionCache
from sitegen.extract.runner import Extractor
from sitegen.link.site import Linker, LinkResult, link
from sitegen.model import Article, Extraction, PersonCard, RenderedPage, Site, TopicCard
from sitegen.pages.plan import PagePlan, plan_pages
from sitegen.render.jinja import Environment, check_templates, default_theme_dir, make_environment
from sitegen.render.pool import render_all
from sitegen.write.output import WriteReport, check_output_dir, write_site
from sitegen.write.stamp import record_build, stamp_path

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total) for uncached extraction


@dataclass(frozen=True, slots=True)
class BuildReport:
    articles: int
    pages: int
    written: int
    unchanged: int
    removed: int
    warnings: tuple[SitegenError, ...]
    seconds: float
    people: int = 0
    quotes: int = 0
    numbers: int = 0
    stage_seconds: Mapping[str, float] | None = None  # content, extract, link, render, write


@dataclass(frozen=True, slots=True)
class SiteContent:
    """What the content stage read: articles, editorial cards, and what was wrong."""

    articles: tuple[Article, ...]
    cards: tuple[PersonCard, ...]
    errors: tuple[SitegenError, ...]
    warnings: tuple[SitegenError, ...]
    topics: tuple[TopicCard, ...] = ()  # story cards


def make_extractor(config: SiteConfig, jobs: int | None = None) -> Extractor:
    cache = ExtractionCache(config.path(config.cache_dir) / "extract")
    return Extractor(config.extract.model, cache, jobs if jobs is not None else config.extract.jobs)


def build(
    config: SiteConfig,
    *,
    extractor: Extractor | None = None,
    strict: bool = False,
    explain_templates: bool = False,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the site into config.output_dir.

    Raises BuildFailed with every error found (and, with `strict`, every warning).
    """
    started, timer = time.perf_counter(), StageTimer()
    check_output_dir(config.output_path, config.root, config.content_path, config.config_path)
    with timer("content"):
        content = load_site_content(config)
        env = make_environment(config, explain=explain_templates, auto_reload=False)
        raise_errors([*content.errors, *check_templates(env, config.root)], content.warnings,
                     strict)
    extractor = extractor or make_extractor(config)
    with timer("extract"):
        extractions = extract_site(content, extractor, progress)
    with timer("link"):
        linked = link_site(content, extractions, config)
        raise_errors([], linked.warnings, strict)
    with timer("render"):
        pages = render_site(config, linked.site, env, jobs=extractor.jobs)
    with timer("write"):
        written = write_site(pages, config.output_path, manifest_path(config))
        record_build(config, stamp_path(manifest_path(config)), pages)  # for deploy --no-build
    return BuildReport(
        articles=len(content.articles), pages=len(pages), written=len(written.written),
        unchanged=written.unchanged, removed=len(written.removed),
        warnings=(*content.warnings, *linked.warnings), seconds=time.perf_counter() - started,
        people=len(linked.site.people), quotes=len(linked.site.quotes),
        numbers=len(linked.site.numbers), stage_seconds=dict(timer.seconds),
    )


def load_site_content(config: SiteConfig) -> SiteContent:
    """Parse every article and person card; nothing raises, problems are collected."""
    articles = load_articles(
        config.content_path / "articles", config.root, drafts=config.drafts,
        raw_html=config.raw_html, max_bytes=config.max_article_kb * 1024,
    )
    cards, card_errors = load_cards(config.content_path / "people", config.root,
                                    raw_html=config.raw_html)
    topics, topic_errors = load_topic_cards(config.content_path / "topics", config.root,
                                            raw_html=config.raw_html)
    return SiteContent(articles.articles, cards, (*articles.errors, *card_errors, *topic_errors),
                       articles.warnings, topics)


def extract_site(
    content: SiteContent, extractor: Extractor, progress: Progress | None = None
) -> dict[str, Extraction]:
    """Each article's extraction by slug, from the cache or the model. Raises ModelError."""
    texts = {a.slug: a.text for a in content.articles}
    titles = {a.slug: a.title for a in content.articles}
    return extractor.extract_all(texts, _counter(progress, len(texts)), titles)


def link_site(
    content: SiteContent, extractions: Mapping[str, Extraction], config: SiteConfig,
    linker: Linker | None = None,
) -> LinkResult:
    """The linked Site, and warnings about names the link stage could not decide.
    A `linker` kept between calls redoes only the articles that changed."""
    if linker is not None:
        return linker.link(content.articles, extractions, content.cards, config, content.topics)
    return link(content.articles, extractions, content.cards, config, content.topics)


def render_site(
    config: SiteConfig, site: Site, env: Environment, jobs: int = 1
) -> list[RenderedPage]:
    """Every page and static file in memory, rendered by up to `jobs` processes.
    Raises BuildFailed listing every failure."""
    return render_plans(config, plan_pages(config, site), env, jobs)


def render_plans(
    config: SiteConfig, plans: list[PagePlan], env: Environment, jobs: int = 1
) -> list[RenderedPage]:
    """The given plans rendered, plus the theme's assets and the site's static files.
    Raises BuildFailed listing every template and static-file error."""
    pages: list[RenderedPage] = []
    errors: list[SitegenError] = []
    for item in render_all(plans, env, config.root, jobs):
        if isinstance(item, SitegenError):
            errors.append(item)
        else:
            pages.append(item)
    for folder, prefix in ((default_theme_dir() / "assets", "assets/"),
                           (config.path(config.static_dir), "")):
        static_pages, static_errors = collect_static(folder, prefix, config.root)
        pages += static_pages
        errors += static_errors
    if errors:
        raise BuildFailed(errors)
    return pages


def raise_errors(
    errors: list[SitegenError], warnings: tuple[SitegenError, ...], strict: bool
) -> None:
    """Log the warnings; raise BuildFailed if there are errors (or warnings, when strict)."""
    for warning in warnings:
        log.warning("%s", warning)
    failures = [*errors, *warnings] if strict else errors
    if failures:
        raise BuildFailed(failures)


def manifest_path(config: SiteConfig) -> Path:
    key = hashlib.sha256(str(config.output_path).encode()).hexdigest()[:12]
    return config.path(config.cache_dir) / f"manifest-{key}.json"


class StageTimer:
    """Wall time per stage, for the report and the benchmark."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started


def _counter(progress: Progress | None, total: int) -> Callable[[int], None] | None:
    if progress is None:
        return None
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        progress(done, total)

    return step


__all__ = ["BuildReport", "SiteContent", "WriteReport", "build", "extract_site", "link_site",
           "load_site_content", "make_extractor", "render_plans", "render_site", "write_site"]
