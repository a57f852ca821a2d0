"""Fixtures for the preview server: a small real site in tmp_path, served on a free port.

The server runs in this process (threads) with the real Rebuilder and the
session's shared Extractor, so the spaCy pipeline loads once for all tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.config import load_config
from sitegen.extract.runner import Extractor
from sitegen.serve.server import LiveServer, start_preview
from tests.helpers import write_tree
from tests.serve.helpers import SITE


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "site", SITE)


@pytest.fixture
def live(site: Path, extractor: Extractor) -> Iterator[LiveServer]:
    """The real preview (real build, real watcher, real HTTP) of `site` on a free port."""
    config = load_config(site / "sitegen.toml")
    server = start_preview(config, port=0, extractor=extractor)
    try:
        yield server
    finally:
        server.stop()
