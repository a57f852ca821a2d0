"""Extraction stage: texts in, one Extraction per text out, through the cache.

Only uncached texts reach spaCy; spaCy is imported only when one does, so a
warm build never loads it. Many uncached texts are split across processes,
each with its own copy of the pipeline.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from sitegen.extract.cache import ExtractionCache, cache_key
from sitegen.extract.nlp import load_pipeline, model_version
from sitegen.model import Extraction

if TYPE_CHECKING:
    from spacy.language import Language

#: Bump whenever a rule changes what extraction returns: it invalidates caches.
EXTRACTOR_VERSION = "3"

#: Below this many uncached texts per worker, loading the pipeline in each worker
#: (~1.3 s, about ten articles' worth of parsing) costs more than it saves.
MIN_TEXTS_PER_WORKER = 24
BATCH_SIZE = 32

Progress = Callable[[int], None]
#: A text to extract and its headline (None when it has none).
Titled = tuple[str, str | None]


class Extractor:
    """Runs extraction for a site: holds the model name, the cache and, once loaded, the pipeline.

    `serve` keeps one Extractor for its lifetime so the pipeline loads once.
    """

    def __init__(self, model: str, cache: ExtractionCache | None = None, jobs: int = 0) -> None:
        self.model = model
        self.cache = cache if cache is not None else ExtractionCache(None)
        self.jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
        self._nlp: Language | None = None
        self._model_version: str | None = None

    @property
    def model_version(self) -> str:
        """Raises ModelError if the model is not installed."""
        if self._model_version is None:
            self._model_version = model_version(self.model)
        return self._model_version

    def key(self, text: str, title: str | None = None) -> str:
        return cache_key(text, EXTRACTOR_VERSION, self.model, self.model_version, title)

    def pipeline(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    def extract_all(
        self, texts: Mapping[str, str], progress: Progress | None = None,
        titles: Mapping[str, str] | None = None,
    ) -> dict[str, Extraction]:
        """Extraction for every text, by the caller's id; `titles` gives headlines by the
        same ids (the key-item rules read them). Raises ModelError."""
        titles = titles or {}
        results: dict[str, Extraction] = {}
        todo: dict[str, list[str]] = {}  # cache key -> ids sharing that text and title
        for ident, text in texts.items():
            key = self.key(text, titles.get(ident))
            hit = self.cache.get(key)
            if hit is not None:
                results[ident] = hit
            else:
                todo.setdefault(key, []).append(ident)
        if progress and results:
            progress(len(results))
        keys = list(todo)
        todo_texts = [(texts[todo[k][0]], titles.get(todo[k][0])) for k in keys]
        for key, extraction in zip(keys, self._run(todo_texts, progress), strict=True):
            self.cache.put(key, extraction)
            for ident in todo[key]:
                results[ident] = extraction
        return results

    def _run(self, texts: list[Titled], progress: Progress | None) -> Iterable[Extraction]:
        if not texts:
            return []
        workers = min(self.jobs, len(texts) // MIN_TEXTS_PER_WORKER)
        if workers <= 1 or self._nlp is not None:
            return _extract_texts(self.pipeline(), texts, progress)
        return self._run_parallel(texts, workers, progress)

    def _run_parallel(
        self, texts: list[Titled], workers: int, progress: Progress | None
    ) -> list[Extraction]:
        self.model_version  # noqa: B018 - fail early with ModelError, in this process
        # Several chunks per worker keep both busy to the end; a chunk of at least a few
        # texts keeps per-chunk overhead small.
        size = max(4, -(-len(texts) // (workers * 4)))
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        out: list[Extraction] = []
        ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        with ProcessPoolExecutor(
            workers, mp_context=ctx, initializer=_worker_init, initargs=(self.model,)
        ) as pool:
            for part in pool.map(_worker_extract, chunks):
                out.extend(part)
                if progress:
                    progress(len(part))
        return out


def _extract_texts(
    nlp: Language, texts: list[Titled], progress: Progress | None = None
) -> list[Extraction]:
    from sitegen.extract.document import extract_doc

    out = []
    for doc, title in nlp.pipe(texts, batch_size=BATCH_SIZE, as_tuples=True):
        out.append(extract_doc(doc, title))
        if progress:
            progress(1)
    return out


_worker_nlp: Any = None  # one pipeline per worker process, set by _worker_init


def _worker_init(model: str) -> None:
    global _worker_nlp
    _worker_nlp = load_pipeline(model)


def _worker_extract(texts: list[Titled]) -> list[Extraction]:
    return _extract_texts(_worker_nlp, texts)
