"""The pipeline the quality tests score, loaded once per session."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sitegen.extract.nlp import DEFAULT_MODEL, load_pipeline

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The pipeline sitegen uses, loaded once for the session."""
    return load_pipeline(DEFAULT_MODEL)
