"""Render page plans in forked worker processes: a large site renders in a fraction
of the time on a machine with several cores.

Workers are forked, so they inherit the plans and the Jinja environment
without pickling them; each renders every n-th plan and sends back bytes.
Where fork is unavailable, or for a small site, rendering stays in-process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jinja2

from sitegen.errors import SourceLocation, TemplateError
from sitegen.model import RenderedPage
from sitegen.pages.plan import PagePlan
from sitegen.render.jinja import render_pages

#: Below this many plans, starting workers costs more than it saves.
MIN_PLANS_PER_WORKER = 250

# What a forked worker renders: set by `_start_worker` in the worker process only,
# because fork hands it over without pickling; never set in the parent.
_WORK: tuple[Sequence[PagePlan], jinja2.Environment, Path] | None = None

Result = RenderedPage | tuple[str, str | None, int | None]  # a page, or an error's parts


def render_all(
    plans: Sequence[PagePlan], env: jinja2.Environment, root: Path, jobs: int = 1
) -> list[RenderedPage | TemplateError]:
    """Every plan rendered, in order; a failing page gives a TemplateError in its place."""
    workers = min(jobs, len(plans) // MIN_PLANS_PER_WORKER)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return list(render_pages(plans, env, root))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(plans, env, root)) as pool:
        parts = list(pool.map(_render_share, [(n, workers) for n in range(workers)]))
    out: list[RenderedPage | TemplateError] = [TemplateError("not rendered")] * len(plans)
    for n, part in enumerate(parts):
        out[n::workers] = [_restore(result) for result in part]
    return out


def _start_worker(plans: Sequence[PagePlan], env: jinja2.Environment, root: Path) -> None:
    global _WORK
    _WORK = (plans, env, root)


def _render_share(share: tuple[int, int]) -> list[Result]:
    """Render plans n, n + step, n + 2 step... (interleaved, so the big index pages
    at the end of the list are spread over the workers)."""
    assert _WORK is not None, "called outside a render worker"
    plans, env, root = _WORK
    n, step = share
    return [item if isinstance(item, RenderedPage) else _parts(item)
            for item in render_pages(plans[n::step], env, root)]


def _parts(error: TemplateError) -> tuple[str, str | None, int | None]:
    # SitegenError does not pickle its location; send the parts instead.
    where = error.location
    return (error.message, where.path if where else None, where.line if where else None)


def _restore(result: Result) -> RenderedPage | TemplateError:
    if isinstance(result, RenderedPage):
        return result
    message, path, line = result
    return TemplateError(message, SourceLocation(path, line) if path is not None else None)
