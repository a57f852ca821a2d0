"""HTTP headers a bucket serves a file with: its Content-Type and its Cache-Control.

A bucket serves what it was told at upload, so these are chosen here, from
the file's name, the same on every machine (not from the system's
mime.types). Caching follows what may change under the same name:

- pages and data (HTML, XML feeds and sitemaps, JSON, text): revalidated on
  every visit, so a deploy shows at once;
- assets whose name carries a content hash (`app.3f9a1c2b.css`): cached for a
  year, as immutable, since new content gets a new name;
- other assets (the default theme's `assets/style.css`, images in static/):
  cached briefly, since their content can change under the same name.
"""

from __future__ import annotations

import mimetypes
import re

PAGE_CACHE = "public, max-age=0, must-revalidate"
ASSET_CACHE = "public, max-age=300"  # five minutes: an edited stylesheet shows up soon
IMMUTABLE_CACHE = "public, max-age=31536000, immutable"  # one year, the usual maximum
#: A content hash in a file name: 8 or more hex digits between separators before the suffix.
FINGERPRINT = re.compile(r"[.-][0-9a-f]{8,}\.[A-Za-z0-9]+$")

TYPES = {
    ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8", ".json": "application/json",
    ".map": "application/json", ".webmanifest": "application/manifest+json",
    ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8", ".csv": "text/csv; charset=utf-8",
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif",
    ".ico": "image/vnd.microsoft.icon", ".woff": "font/woff", ".woff2": "font/woff2",
    ".ttf": "font/ttf", ".otf": "font/otf", ".pdf": "application/pdf",
    ".mp4": "video/mp4", ".webm": "video/webm", ".mp3": "audio/mpeg", ".ogg": "audio/ogg",
    ".wasm": "application/wasm", ".zip": "application/zip",
}
#: Special names whose suffix does not say enough.
NAMED_TYPES = {"feed.xml": "application/atom+xml; charset=utf-8", "CNAME": "text/plain"}
PAGE_TYPES = ("text/html", "application/xml", "application/atom+xml", "application/json",
              "application/manifest+json", "text/plain", "text/markdown", "text/csv")


def content_type(path: str) -> str:
    """The Content-Type for an output path."""
    name = path.rsplit("/", 1)[-1]
    if name in NAMED_TYPES:
        return NAMED_TYPES[name]
    suffix = f".{name.rsplit('.', 1)[-1].lower()}" if "." in name else ""
    if suffix in TYPES:
        return TYPES[suffix]
    guessed, _ = mimetypes.guess_type(name, strict=True)
    return guessed or "application/octet-stream"


def cache_control(path: str) -> str:
    """The Cache-Control for an output path (see the module's docstring)."""
    if FINGERPRINT.search(path.rsplit("/", 1)[-1]):
        return IMMUTABLE_CACHE
    if content_type(path).split(";")[0] in PAGE_TYPES:
        return PAGE_CACHE
    return ASSET_CACHE
