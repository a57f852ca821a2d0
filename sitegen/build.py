"""build(): the one function that runs every stage, in order.

content -> extract -> link -> render -> write. Nothing touches `output/`
until every in-memory stage has succeeded, so a failed build leaves it as it
was.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from sitegen.config import SiteConfig
from sitegen.content import load_articles
from sitegen.errors import BuildFailed, SitegenError
from sitegen.extract import Extractor
from sitegen.extract.cache import ExtractionCache
from sitegen.model import RenderedPage
from sitegen.pages import plan_pages
from sitegen.render import check_templates, default_theme_dir, make_environment, render_pages
from sitegen.static import collect_static
from sitegen.write import WriteReport, check_output_dir, write_site

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
    started = time.perf_counter()
    check_output_dir(config.output_path, config.root, config.content_path, config.config_path)
    content = load_articles(
        config.content_path / "articles", config.root, drafts=config.drafts,
        raw_html=config.raw_html, max_bytes=config.max_article_kb * 1024,
    )
    env = make_environment(config, explain=explain_templates)
    errors: list[SitegenError] = [*content.errors, *check_templates(env, config.root)]
    warnings: list[SitegenError] = list(content.warnings)
    for warning in warnings:
        log.warning("%s", warning)
    if strict:
        errors += warnings
    if errors:
        raise BuildFailed(errors)

    extractor = extractor or make_extractor(config)
    texts = {a.slug: a.text for a in content.articles}
    extractor.extract_all(texts, _counter(progress, len(texts)))

    pages: list[RenderedPage] = []
    for item in render_pages(plan_pages(config, content.articles), env, config.root):
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

    report = write_site(pages, config.output_path, manifest_path(config))
    return _report(content.articles, pages, report, warnings, started)


def manifest_path(config: SiteConfig):  # type: ignore[no-untyped-def]
    key = hashlib.sha256(str(config.output_path).encode()).hexdigest()[:12]
    return config.path(config.cache_dir) / f"manifest-{key}.json"


def _counter(progress: Progress | None, total: int) -> Callable[[int], None] | None:
    if progress is None:
        return None
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        progress(done, total)

    return step


def _report(articles: tuple[object, ...], pages: list[RenderedPage], report: WriteReport,
            warnings: list[SitegenError], started: float) -> BuildReport:
    return BuildReport(
        articles=len(articles), pages=len(pages), written=len(report.written),
        unchanged=report.unchanged, removed=len(report.removed), warnings=tuple(warnings),
        seconds=time.perf_counter() - started,
    )
