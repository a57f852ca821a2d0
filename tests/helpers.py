"""Small helpers shared by the tests: inline site trees, configs, editor-like saves, waiting."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitegen.config import SiteConfig


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


def edit(path: Path, text: str) -> None:
    """Write a file the way an editor saves it (content and mtime both change)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def wait_until(check: Callable[[], bool], timeout: float = 30, what: str = "condition") -> None:
    """Poll `check` every 50 ms until it is true; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")
