"""What a template reads: the context names it uses and the templates it pulls in.

Incremental rendering (`sitegen.rebuild`) re-renders a page only when a
context value its template can see has changed, or one of the template files
behind it has. A template can only see a context variable by naming it, so the
names Jinja's parser finds free in the template and in everything it extends,
includes or imports bound what it reads. Dynamic template names (`{% include
var %}`) make the answer unknown, reported as None, and the caller then
compares everything.

(Jinja stays in `render.py` by the layering rule; this module is the one
exception, and is meant to move there: see the report on serve.)
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
from jinja2 import meta


@dataclass(frozen=True, slots=True)
class TemplateDeps:
    """The context names a template may read and the template files it is made of
    (itself included). Either is None when it cannot be known statically."""

    names: frozenset[str] | None
    templates: frozenset[str] | None


def template_deps(env: jinja2.Environment, name: str) -> TemplateDeps:
    """Dependencies of template `name`, following extends/include/import.

    Raises jinja2.TemplateNotFound / TemplateSyntaxError like `get_template`.
    """
    names: set[str] = set()
    seen: set[str] = set()
    todo = [name]
    dynamic = False
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        assert env.loader is not None
        source, _, _ = env.loader.get_source(env, current)
        ast = env.parse(source, current)
        names |= meta.find_undeclared_variables(ast)
        for ref in meta.find_referenced_templates(ast):
            if ref is None:
                dynamic = True
            else:
                todo.append(ref)
    if dynamic:
        return TemplateDeps(None, None)
    return TemplateDeps(frozenset(names), frozenset(seen))
