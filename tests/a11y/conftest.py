"""Build the sample and extras sites once per session and serve each over loopback."""

from __future__ import annotations

import shutil
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitegen.build import build
from sitegen.config import load_config
from sitegen.extract.runner import Extractor
from tests.a11y.sites import PASTED_ARTICLE, ROOT, PageType, find_page, serve
from tests.helpers import write_tree


@dataclass(frozen=True)
class BuiltSite:
    output: Path
    url: str  # where it is served, ending in '/'

    def page_url(self, kind: PageType) -> str:
        """The served URL of the page that stands for `kind`; skips when the site has none."""
        found = find_page(self.output, kind)
        if found is None:
            if kind.optional:
                pytest.skip(f"the {kind.name!r} page type: this site has no {kind.pattern}")
            raise AssertionError(f"the site has no {kind.pattern}")
        return self.url + found + kind.query


def _base_path(site: Path) -> str:
    return urllib.parse.urlsplit(load_config(site / "sitegen.toml").base_url).path


@pytest.fixture(scope="session")
def theme_sites(tmp_path_factory: pytest.TempPathFactory,
                extractor: Extractor) -> Iterator[dict[str, BuiltSite]]:
    """{"sample": ..., "extras": ...}, built with the strict build and served."""
    scratch = tmp_path_factory.mktemp("theme")
    sample = scratch / "sample"
    shutil.copytree(ROOT / "content", sample / "content")
    shutil.copy(ROOT / "sitegen.toml", sample / "sitegen.toml")
    extras = scratch / "extras"
    shutil.copytree(ROOT / "tests/sites/people", extras, ignore=shutil.ignore_patterns("expected"))
    write_tree(extras, {"content/articles/council-papers.md": PASTED_ARTICLE.read_text("utf-8")})
    for site in (sample, extras):
        build(load_config(site / "sitegen.toml"), extractor=extractor)
    with serve(sample / "output", _base_path(sample), scratch / "s1") as sample_url, \
         serve(extras / "output", _base_path(extras), scratch / "s2") as extras_url:
        yield {"sample": BuiltSite(sample / "output", sample_url),
               "extras": BuiltSite(extras / "output", extras_url)}
