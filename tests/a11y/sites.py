"""The sites the theme checks read: where they come from, which page stands for each
page type, and a loopback server that serves a built site at its base_url's path.

`sample` is the repository's own sample site (content/). `extras` is the people golden
site (a card with a portrait and a bio) plus one article with what authors paste into
Markdown: a wide table, a long URL, a code block, an outside link and a source link.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_HINT = "run `npm ci --ignore-scripts --prefix tests/a11y` (.ci/run does)"

#: The widths every page is checked at: small and common phones, a tablet, a desktop.
WIDTHS = (320, 375, 768, 1280)
#: The widths of the axe runs and the screenshots: a phone and a desktop.
AXE_WIDTHS = (375, 1280)
SEARCH_QUERY = "blair"

#: An article as an editor pastes it: a wide table, a long URL, a log line, links off the site.
PASTED_ARTICLE = Path(__file__).with_name("pasted-article.md")


@dataclass(frozen=True)
class PageType:
    """One page type: which site it is on and how to find a page of that type there."""

    name: str
    site: str
    pattern: str            # a path under output/, or a glob: the largest match stands for all
    query: str = ""
    optional: bool = False  # pages another feature adds; skipped while the site has none


PAGE_TYPES = (
    PageType("home", "sample", "index.html"),
    PageType("article", "sample", "articles/*/index.html"),
    PageType("person", "sample", "people/*/index.html"),
    PageType("people", "sample", "people/index.html"),
    PageType("articles", "sample", "articles/index.html"),
    PageType("quotes", "sample", "quotes/index.html"),
    PageType("numbers", "sample", "numbers/index.html"),
    PageType("stories", "sample", "topics/index.html", optional=True),
    PageType("story", "sample", "topics/*/index.html", optional=True),
    PageType("search", "sample", "search/index.html", query=f"?q={SEARCH_QUERY}"),
    PageType("404", "sample", "404.html"),
    PageType("article-pasted", "extras", "articles/council-papers/index.html"),
    PageType("person-card", "extras", "people/jane-holloway/index.html"),
)
BY_NAME = {t.name: t for t in PAGE_TYPES}


def find_page(output: Path, kind: PageType) -> str | None:
    """The page under `output` that stands for `kind` (for a glob, the largest: the most
    content, so the likeliest to overflow), or None when the site has no such page."""
    if "*" not in kind.pattern:
        return kind.pattern if (output / kind.pattern).is_file() else None
    found = sorted(output.glob(kind.pattern), key=lambda p: (-p.stat().st_size, p.as_posix()))
    return found[0].relative_to(output).as_posix() if found else None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass


@contextmanager
def serve(output: Path, base_path: str, scratch: Path) -> Iterator[str]:
    """Serve `output` at http://127.0.0.1:<port><base_path> (as a host serves base_url);
    yields that URL, ending in '/'."""
    served = scratch / "served"
    shutil.copytree(output, served / base_path.strip("/"), dirs_exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        prefix = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
