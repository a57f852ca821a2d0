"""ExtractionCache: extraction results on disk, keyed by what determines them.

The key is sha256 of (text, headline, extractor version, model name, model
version), so changing the rules or the model invalidates old entries (the
headline is part of it because the key-item rules read it). Entries are JSON;
a corrupt entry reads as a miss and is recomputed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from sitegen.model import Extraction


def cache_key(
    text: str, extractor_version: str, model: str, model_version: str, title: str | None = None
) -> str:
    """The content address of one article's extraction (`title`: its headline, if any)."""
    h = hashlib.sha256()
    for part in (extractor_version, model, model_version, text, *(() if title is None
                                                                  else ("\x01title", title))):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


class ExtractionCache:
    """JSON files under `root`, one per key, plus an in-memory layer for serve."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._memory: dict[str, Extraction] = {}

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Extraction | None:
        hit = self._memory.get(key)
        if hit is not None or self.root is None:
            return hit
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            hit = Extraction.from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or corrupt: recompute
        self._memory[key] = hit
        return hit

    def put(self, key: str, extraction: Extraction) -> None:
        self._memory[key] = extraction
        if self.root is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(extraction.to_json(), f, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time
