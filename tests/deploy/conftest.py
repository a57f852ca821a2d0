"""Fixtures for deploy tests: a small site, built with the session's extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.extract.runner import Extractor
from tests.deploy.helpers import Site, make_site


@pytest.fixture
def site(tmp_path: Path, extractor: Extractor) -> Site:
    """A built two-article site in tmp_path/site (spaCy runs once per session)."""
    return make_site(tmp_path / "site", extractor)
