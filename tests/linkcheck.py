"""A link checker for built sites: every internal href/src resolves to a file (and anchor)."""

from __future__ import annotations

import html.parser
import posixpath
import urllib.parse
from pathlib import Path


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src") and tag != "base":
                self.links.append(value)
            elif name == "id":
                self.ids.add(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(output: Path, *, skip: tuple[str, ...] = ("404.html",)) -> list[str]:
    """`page -> link` for every internal link that does not resolve, anchors included."""
    pages = {p.relative_to(output).as_posix(): p for p in output.rglob("*.html")}
    parsed = {rel: _parse(p) for rel, p in pages.items()}
    broken: list[str] = []
    for rel, links in parsed.items():
        if rel in skip:
            continue
        for link in links.links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
                continue
            target = rel if not parts.path else posixpath.normpath(
                posixpath.join(posixpath.dirname(rel), urllib.parse.unquote(parts.path)))
            if target.startswith("../") or not (output / target).is_file():
                broken.append(f"{rel} -> {link}")
                continue
            if parts.fragment and target in parsed and parts.fragment not in parsed[target].ids:
                broken.append(f"{rel} -> {link} (no such anchor)")
    return broken


def reachable(output: Path, start: str = "index.html") -> set[str]:
    """Every page reachable by following internal links from `start`."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        rel = todo.pop()
        if rel in seen or not rel.endswith(".html") or not (output / rel).is_file():
            continue
        seen.add(rel)
        for link in _parse(output / rel).links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            todo.append(posixpath.normpath(
                posixpath.join(posixpath.dirname(rel), urllib.parse.unquote(parts.path))))
    return seen
