"""Render stage: the Jinja environment and turning page plans into bytes.

Templates come from the site's `templates/` first, then the default theme,
by file name; `default/<name>` always reaches the theme's own file so an
override can extend it. Autoescaping is on and undefined names are errors.
`template_deps` tells `serve` which context names and template files a page's
template reads, so it re-renders only pages whose inputs changed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2 import meta, nodes
from markupsafe import Markup

from sitegen import urls
from sitegen.config import SiteConfig
from sitegen.errors import SitegenError, SourceLocation, TemplateError
from sitegen.model import RenderedPage
from sitegen.pages.plan import PagePlan

#: The template environment type, for stages that hold one without importing jinja2.
Environment = jinja2.Environment

log = logging.getLogger(__name__)

#: Files in a templates folder that are templates (the rest, like assets/, are not).
TEMPLATE_SUFFIXES = (".html", ".xml", ".txt", ".json", ".js")


def default_theme_dir() -> Path:
    """The default theme: inside the installed package, or top-level in a checkout."""
    package = Path(__file__).resolve().parents[1]  # sitegen/
    packaged = package / "templates"
    if packaged.is_dir():
        return packaged
    return package.parent / "templates"


class _ExplainingLoader(jinja2.ChoiceLoader):
    """A ChoiceLoader that logs which file each template came from (--explain-templates)."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        log.info("template %s <- %s", template, filename)
        return source, filename, uptodate


def make_environment(
    config: SiteConfig, explain: bool = False, auto_reload: bool = True
) -> jinja2.Environment:
    """The Jinja environment for a site. Raises BuildFailed listing every template syntax error.

    A one-shot build passes `auto_reload=False`: templates cannot change during it, and
    checking their files before every page costs a few `stat` calls per page.
    """
    theme = jinja2.FileSystemLoader(str(default_theme_dir()))
    loaders: list[jinja2.BaseLoader] = []
    site_templates = config.path(config.templates_dir)
    if site_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(site_templates)))
    loaders += [theme, jinja2.PrefixLoader({"default": theme})]
    loader_cls = _ExplainingLoader if explain else jinja2.ChoiceLoader
    env = jinja2.Environment(
        loader=loader_cls(loaders),
        autoescape=jinja2.select_autoescape(("html", "xml", "htm")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=auto_reload,
    )
    env.filters["date"] = format_date
    env.filters["isodate"] = iso_datetime
    env.filters["time"] = time_tag
    env.filters["number"] = format_number
    env.filters["jsonld"] = json_ld
    env.filters["json"] = json_data
    env.filters["plural"] = plural
    env.filters["number_value"] = number_value
    env.globals["rel"] = _rel
    base_path = urllib.parse.urlsplit(config.base_url).path.rstrip("/") + "/"
    env.globals["absolute"] = lambda url: urls.absolute(config.base_url, url)
    env.globals["base_path"] = base_path
    return env


def check_templates(env: jinja2.Environment, root: Path) -> list[SitegenError]:
    """Compile every template once so all syntax errors are reported together."""
    errors: list[SitegenError] = []
    for name in env.list_templates(filter_func=_is_template_name):
        if not name.endswith(TEMPLATE_SUFFIXES):
            continue
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            where = SourceLocation(_shown(exc.filename or name, root), exc.lineno)
            errors.append(TemplateError(f"template syntax: {exc.message}", where))
    return errors


def _is_template_name(name: str) -> bool:
    """Theme files that are templates: not the `default/` aliases, not static assets."""
    return not name.startswith(("default/", "assets/"))


def _shown(filename: str, root: Path) -> str:
    path = Path(filename)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        theme = default_theme_dir()
        try:
            return "(default theme) " + path.resolve().relative_to(theme.resolve()).as_posix()
        except ValueError:
            return filename


@jinja2.pass_context
def _rel(context: jinja2.runtime.Context, to_url: str, fragment: str = "") -> str:
    """A link from the page being rendered to `to_url`, through the page's `root`: the
    relative way up to the site root ("../../"), or base_url's path on pages served at
    any depth (404.html). A link to the page itself is just its file name."""
    page = context["page"]
    if to_url == page["url"] and not page.get("root_links"):
        target = urls.output_path(to_url).rsplit("/", 1)[-1]
    else:
        target = page["root"] + urls.output_path(to_url)
    return f"{target}#{fragment}" if fragment else target


def format_date(value: dt.date | None, fmt: str = "%-d %B %Y") -> str:
    return value.strftime(fmt) if value else ""


def time_tag(value: dt.date | None) -> Markup:
    """`<time datetime="2024-03-01">1 March 2024</time>`, or nothing for no date."""
    if value is None:
        return Markup("")
    return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), format_date(value))


def iso_datetime(value: dt.date | None) -> str:
    """RFC 3339 for feeds; a date without time is midnight UTC."""
    day = value or dt.date(1970, 1, 1)
    return f"{day.isoformat()}T00:00:00Z"


def format_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """"1 quote", "2 quotes", "1,204 people" (with `plural_form`)."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{format_number(count)} {word}"


def number_value(value: float) -> str:
    """A machine-readable value for <data value>: "5000", not "5000.0" or "5e+03"."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def json_ld(data: Any) -> Markup:
    """JSON for a <script type="application/ld+json"> block, safe against `</script>`."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def json_data(data: Any) -> Markup:
    """JSON for a data file: UTF-8, compact (the files are large), keys in record order."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def render_pages(
    plans: Iterable[PagePlan], env: jinja2.Environment, root: Path
) -> Iterator[RenderedPage | TemplateError]:
    """Render each plan; a failing page yields a TemplateError instead of stopping."""
    base_path = str(env.globals["base_path"])
    for plan in plans:
        try:
            template = env.get_template(plan.template)
            up = base_path if plan.page.get("root_links") else urls.root_prefix(plan.url)
            text = template.render({**plan.context,
                                    "page": {"url": plan.url, "root": up, **plan.page}})
        except jinja2.TemplateNotFound as exc:
            # The traceback locates the {% extends %} or {% include %} that asked for it.
            located = _runtime_error(exc, plan, root)
            yield TemplateError(f"template {exc.name!r} not found (needed for /{plan.url})",
                                located.location)
            continue
        except jinja2.TemplateSyntaxError as exc:
            where = SourceLocation(_shown(exc.filename or plan.template, root), exc.lineno)
            yield TemplateError(f"template syntax: {exc.message}", where)
            continue
        except Exception as exc:  # noqa: BLE001 - any error inside a template is the template's
            yield _runtime_error(exc, plan, root)
            continue
        yield RenderedPage(plan.url, urls.output_path(plan.url), text.encode("utf-8"),
                           plan.depends_on)


def _runtime_error(exc: Exception, plan: PagePlan, root: Path) -> TemplateError:
    """Locate an error raised while rendering at the template line Jinja reports."""
    where: SourceLocation | None = None
    tb: TracebackType | None = sys.exc_info()[2]
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIXES):
            where = SourceLocation(_shown(filename, root), tb.tb_lineno)
        tb = tb.tb_next
    message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
    return TemplateError(f"while rendering /{plan.url}: {message}", where)


# --- what a template reads, for incremental rendering ---------------------------
#
# `sitegen.serve.rebuild` re-renders a page only when a context value its template can see
# has changed, or one of the template files behind it has. A template can only see a
# context variable by naming it, so the names loaded anywhere in the template and in
# everything it extends, includes or imports bound what it reads. Dynamic template
# names (`{% include var %}`) make the answer unknown, reported as None, and the
# caller then compares everything.


@dataclass(frozen=True, slots=True)
class TemplateDeps:
    """The context names a template may read and the template files it is made of
    (itself included). Either is None when it cannot be known statically."""

    names: frozenset[str] | None
    templates: frozenset[str] | None


def template_deps(env: jinja2.Environment, name: str,
                  memo: dict[str, tuple[frozenset[str], tuple[str | None, ...]]] | None = None,
                  ) -> TemplateDeps:
    """Dependencies of template `name`, following extends/include/import.

    `names` over-approximates: every name the templates load (loop variables
    and macro arguments included), which is safe for comparing contexts.
    `memo` keeps each file's own (names, references) between calls.
    Raises jinja2.TemplateNotFound / TemplateSyntaxError like `get_template`;
    `known_deps` is the variant that leaves reporting those to rendering.
    """
    memo = {} if memo is None else memo
    names: set[str] = set()
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        if current not in memo:
            memo[current] = _own_deps(env, current)
        own_names, refs = memo[current]
        names |= own_names
        for ref in refs:
            if ref is None:
                return TemplateDeps(None, None)
            todo.append(ref)
    return TemplateDeps(frozenset(names), frozenset(seen))


def _own_deps(env: jinja2.Environment, name: str) -> tuple[frozenset[str], tuple[str | None, ...]]:
    """The names one template file loads and the templates it names (None: dynamic)."""
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    ast = env.parse(source, name)
    loaded = frozenset(n.name for n in ast.find_all(nodes.Name) if n.ctx == "load")
    return loaded, tuple(meta.find_referenced_templates(ast))


def known_deps(env: jinja2.Environment, name: str,
               memo: dict[str, tuple[frozenset[str], tuple[str | None, ...]]] | None = None,
               ) -> TemplateDeps:
    """`template_deps`, or "depends on everything" when the template cannot be read
    (rendering reports the error with its location)."""
    try:
        return template_deps(env, name, memo)
    except jinja2.TemplateError:
        return TemplateDeps(None, None)
