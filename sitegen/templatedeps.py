"""What a template reads: the context names it uses and the templates it pulls in.

Incremental rendering (`sitegen.rebuild`) re-renders a page only when a
context value its template can see has changed, or one of the template files
behind it has. A template can only see a context variable by naming it, so the
names loaded anywhere in the template and in everything it extends, includes
or imports bound what it reads. Dynamic template names (`{% include
var %}`) make the answer unknown, reported as None, and the caller then
compares everything.

(Jinja stays in `render.py` by the layering rule; this module is the one
exception, and is meant to move there: see the report on serve.)
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
from jinja2 import meta, nodes


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
    Raises jinja2.TemplateNotFound / TemplateSyntaxError like `get_template`.
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
