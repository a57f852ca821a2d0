"""Rendering in forked workers gives the same pages, in the same order, as rendering
in-process, and a template error keeps its location."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.build import link_site, load_site_content
from sitegen.errors import TemplateError
from sitegen.model import RenderedPage
from sitegen.pages.plan import plan_pages
from sitegen.render import pool as renderpool
from sitegen.render.jinja import make_environment, render_pages
from tests.helpers import make_config, write_tree


def _site(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    files = {f"content/articles/a{n}.md": f"---\ntitle: Article {n}\ndate: 2024-01-{n:02}\n---\n"
             f"Text number {n}.\n" for n in range(1, 13)}
    return write_tree(tmp_path, {**files, **(extra or {})})


def test_pages_renderpool_parallel_equals_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = make_config(_site(tmp_path))
    site = link_site(load_site_content(config), {}, config).site
    plans = plan_pages(config, site)
    env = make_environment(config)
    serial = list(render_pages(plans, env, config.root))
    monkeypatch.setattr(renderpool, "MIN_PLANS_PER_WORKER", 1)
    parallel = renderpool.render_all(plans, env, config.root, jobs=3)
    assert [p.url for p in plans] == [p.url for p in parallel if isinstance(p, RenderedPage)]
    assert parallel == serial


def test_pages_renderpool_error_keeps_its_location(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _site(tmp_path, {"templates/article.html":
                            "{% extends 'default/article.html' %}\n"
                            "{% block main %}\n{{ no_such_name }}\n{% endblock %}\n"})
    config = make_config(root)
    site = link_site(load_site_content(config), {}, config).site
    monkeypatch.setattr(renderpool, "MIN_PLANS_PER_WORKER", 1)
    out = renderpool.render_all(plan_pages(config, site), make_environment(config),
                                config.root, jobs=2)
    errors = [str(e) for e in out if isinstance(e, TemplateError)]
    assert len(errors) == 12
    assert errors[0] == ("templates/article.html:3: while rendering /articles/a12/: "
                         "'no_such_name' is undefined")
