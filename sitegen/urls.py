"""Page URLs and the relative links between them.

Site URLs are relative to the site root with a trailing slash for pretty URLs
("articles/budget/"); "" is the home page. Links inside pages are relative
and name `index.html` explicitly so `output/` works from disk as well as under
any sub-path of a host.
"""

from __future__ import annotations


def output_path(url: str) -> str:
    """The file a URL is written to: "articles/x/" -> "articles/x/index.html"."""
    if url == "" or url.endswith("/"):
        return f"{url}index.html"
    return url


def relative(from_url: str, to_url: str, fragment: str = "") -> str:
    """A link from page `from_url` to page or file `to_url`, relative, with `index.html`.

    Pure string work on normalised site URLs (no `os.path`, which asks the OS for the
    current directory on every call): a large site makes hundreds of thousands of links.
    """
    target = output_path(to_url).split("/")
    base = output_path(from_url).split("/")[:-1]
    common = 0
    while common < len(base) and common < len(target) - 1 and base[common] == target[common]:
        common += 1
    rel = "/".join([".."] * (len(base) - common) + target[common:])
    return f"{rel}#{fragment}" if fragment else rel


def absolute(base_url: str, url: str) -> str:
    """An absolute URL for feeds and sitemaps: base_url joined with a pretty URL."""
    return base_url.rstrip("/") + "/" + url


def article_url(slug: str) -> str:
    """The page of one article."""
    return f"articles/{slug}/"


def person_url(person_id: str) -> str:
    """The page of one person."""
    return f"people/{person_id}/"


def topic_url(topic_id: str) -> str:
    """The page of one story."""
    return f"topics/{topic_id}/"


def is_external(src: str) -> bool:
    """Whether a link or image source already names its own host or scheme."""
    return "://" in src or src.startswith(("//", "data:", "mailto:"))


def root_prefix(from_url: str) -> str:
    """The relative path from page `from_url` to the site root: "" or "../" or "../../"."""
    depth = output_path(from_url).count("/")
    return "../" * depth


def is_web_url(url: str | None) -> bool:
    """Whether `url` is an http(s) address, safe to put in an href (no `javascript:`)."""
    return bool(url) and str(url).strip().lower().startswith(("http://", "https://"))
