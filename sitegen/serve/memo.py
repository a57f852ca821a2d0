"""Memos that let a rebuild skip work whose inputs did not change.

`ArticleMemo` keeps each parsed article file keyed by (path, mtime_ns, size),
so only edited files are read and parsed again. `RenderMemo` keeps each
page's plan and rendered bytes by URL and re-renders a plan only when its
template files changed or a context value its templates can read differs
from last time (compared by value, so it stays right whatever pages the
pipeline plans). `PlanMemo` keeps last build's plans and the Site they came
from, and hands an article or person plan back when every Site record it reads
is unchanged, so planning skips them. All are plain state objects, passed in; a
failed build commits neither plans nor render state, so the next build compares
against what is on disk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen.content.articles import (
    ParsedFile,
    collect_articles,
    discover_articles,
    parse_article_file,
)
from sitegen.errors import SitegenError
from sitegen.model import Article, RenderedPage, Site
from sitegen.pages.plan import PagePlan, same_inputs
from sitegen.render.jinja import Environment, TemplateDeps, known_deps, render_pages


class ArticleMemo:
    """Parses article files, reusing the last parse of any file that did not change.

    Given the changed paths (from the watcher), only those files are looked at
    again; the folder is listed anew only when a file appeared or went away.
    Without them (the first build), every file's (mtime_ns, size) is checked.
    """

    def __init__(self) -> None:
        self._parsed: dict[Path, tuple[tuple[int, int], ParsedFile]] = {}
        self._files: list[Path] | None = None
        self.parsed_last = 0  # files parsed by the last `load`, for logs and tests

    def load(self, articles_dir: Path, site_root: Path, *, drafts: bool, raw_html: bool,
             max_bytes: int, changed: frozenset[Path] | None = None,
             ) -> tuple[tuple[Article, ...], list[SitegenError], list[SitegenError]]:
        """(articles, errors, warnings), as `content.load_articles` reports them."""
        self.parsed_last = 0
        dirty = self._refresh_files(articles_dir, changed)
        assert self._files is not None
        current: dict[Path, tuple[tuple[int, int], ParsedFile]] = {}
        outcomes = []
        for source in self._files:
            hit = self._parsed.get(source)
            if hit is not None and dirty is not None and source not in dirty:
                current[source] = hit
                outcomes.append(hit[1])
            else:
                outcomes.append(self._parse(source, site_root, raw_html, max_bytes, current))
        self._parsed = current  # forget deleted files
        result = collect_articles(outcomes, drafts=drafts)
        return result.articles, list(result.errors), list(result.warnings)

    def _refresh_files(self, articles_dir: Path,
                       changed: frozenset[Path] | None) -> frozenset[Path] | None:
        """List the folder again if needed. Returns the files to re-check, None for all."""
        if changed is not None and self._files is not None:
            ours = {p for p in changed if articles_dir in p.parents}
            known = set(self._parsed)
            if all(p in known and p.is_file() for p in ours):
                return frozenset(ours)
        self._files = discover_articles(articles_dir)
        return None

    def _parse(self, source: Path, site_root: Path, raw_html: bool, max_bytes: int,
               current: dict[Path, tuple[tuple[int, int], ParsedFile]]) -> ParsedFile:
        try:
            st = source.stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = (-1, -1)
        hit = self._parsed.get(source)
        if hit is not None and hit[0] == stamp and stamp != (-1, -1):
            current[source] = hit
            return hit[1]
        self.parsed_last += 1
        parsed = parse_article_file(source, site_root, raw_html=raw_html,
                                    max_bytes=max_bytes)
        current[source] = (stamp, parsed)
        return parsed


@dataclass(frozen=True, slots=True)
class _Entry:
    plan: PagePlan
    stamp: tuple[int, ...]  # versions of the template files the page was rendered from
    page: RenderedPage


@dataclass
class RenderState:
    """The pages of one render, by URL; committed to the memo once written."""

    entries: dict[str, _Entry] = field(default_factory=dict)
    rendered: int = 0  # plans actually rendered (not reused)


class RenderMemo:
    """Renders page plans, reusing last build's bytes for plans whose inputs are unchanged."""

    def __init__(self) -> None:
        self.committed: dict[str, _Entry] = {}
        self._deps: dict[str, TemplateDeps] = {}
        self._files: dict[str, tuple[frozenset[str], tuple[str | None, ...]]] = {}
        self._versions: dict[str, int] = {}  # template name -> edits seen

    def templates_changed(self, names: Iterable[str] | None) -> None:
        """Note edited template files (names relative to a templates folder); None = all."""
        self._deps.clear()
        self._files.clear()
        if names is None:
            self.committed = {}
            return
        for name in names:
            for key in (name, f"default/{name}"):
                self._versions[key] = self._versions.get(key, 0) + 1

    def render(self, plans: Iterable[PagePlan], env: Environment,
               root: Path) -> tuple[RenderState, list[SitegenError]]:
        state, errors = RenderState(), list[SitegenError]()
        same = _Comparer()
        stamps: dict[str, tuple[int, ...]] = {}
        for plan in plans:
            deps = self._deps_of(env, plan.template)
            stamp = stamps.get(plan.template) or stamps.setdefault(plan.template,
                                                                   self._stamp(deps))
            old = self.committed.get(plan.url)
            if old is not None and old.stamp == stamp and same.plans(old.plan, plan, deps):
                state.entries[plan.url] = _Entry(plan, stamp, old.page)
                continue
            state.rendered += 1
            for item in render_pages([plan], env, root):
                if isinstance(item, SitegenError):
                    errors.append(item)
                else:
                    state.entries[plan.url] = _Entry(plan, stamp, item)
        return state, errors

    def commit(self, state: RenderState) -> None:
        self.committed = state.entries

    def _deps_of(self, env: Environment, template: str) -> TemplateDeps:
        deps = self._deps.get(template)
        if deps is None:
            deps = known_deps(env, template, self._files)
            self._deps[template] = deps
        return deps

    def _stamp(self, deps: TemplateDeps) -> tuple[int, ...]:
        if deps.templates is None:
            return (sum(self._versions.values()),)
        return tuple(self._versions.get(n, 0) for n in sorted(deps.templates))


class _Comparer:
    """Equality by value for one build's plans. Large values are remembered by object
    identity: every plan may share one (say, the list of all articles), which is then
    compared once per build, not once per page."""

    LARGE = 32  # containers at least this long are worth remembering

    def __init__(self) -> None:
        self._known: dict[tuple[int, int], bool] = {}
        self._alive: list[Any] = []  # keep compared objects alive so ids stay unique
        self._keys: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[str]] = {}

    def plans(self, old: PagePlan, new: PagePlan, deps: TemplateDeps) -> bool:
        """Same template, same page data, same values for every context name the
        template can read."""
        if old.template != new.template or not self(old.page, new.page):
            return False
        cache_key = (new.template, tuple(old.context), tuple(new.context))
        keys = self._keys.get(cache_key)
        if keys is None:
            names = set(old.context) | set(new.context)
            keys = sorted(names if deps.names is None else names & deps.names)
            self._keys[cache_key] = keys
        missing = object()
        return all(self(old.context.get(k, missing), new.context.get(k, missing)) for k in keys)

    def __call__(self, a: Any, b: Any) -> bool:
        if a is b:
            return True
        if type(a) is not type(b):
            return False
        if not isinstance(a, (list, tuple, dict)) or len(a) < self.LARGE:
            return bool(a == b)
        key = (id(a), id(b))
        answer = self._known.get(key)
        if answer is None:
            answer = self._known[key] = bool(a == b)
            self._alive.append((a, b))
        return answer


class PlanMemo:
    """Last build's article and person plans, handed back by `reuse` (the `reuse` of
    `plan_pages`) when the Site records they were planned from are unchanged."""

    def __init__(self) -> None:
        self._site: Site | None = None
        self._plans: dict[str, PagePlan] = {}
        self._next: Site | None = None
        self._same: dict[str, bool] = {}  # key -> unchanged, for the build under way

    def start(self, site: Site) -> None:
        """Begin planning `site`."""
        self._next, self._same = site, {}

    def reuse(self, url: str, keys: frozenset[str]) -> PagePlan | None:
        """The previous plan for `url` if every record behind `keys` is unchanged."""
        old, new = self._site, self._next
        plan = self._plans.get(url)
        if plan is None or old is None or new is None:
            return None
        for key in keys:
            same = self._same.get(key)
            if same is None:
                same = self._same[key] = same_inputs(old, new, key)
            if not same:
                return None
        return plan

    def commit(self, plans: Iterable[PagePlan]) -> None:
        """Keep this build's plans (once it has succeeded) for the next."""
        self._site, self._same = self._next, {}
        self._plans = {p.url: p for p in plans}
