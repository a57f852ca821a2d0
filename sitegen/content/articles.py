"""Content stage: discover article files and parse each into an Article.

Markdown files carry YAML front matter; `.txt` files have the title on their
first line. Every problem is collected as a ContentError with path and line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml

from sitegen.content.htmltext import html_to_text
from sitegen.content.scrollbox import ScrollBoxes
from sitegen.errors import ContentError, SourceLocation
from sitegen.model import Article

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
FRONT_MATTER_KEYS = ("title", "date", "slug", "draft", "author", "source_url", "summary",
                     "topics")


@dataclass(frozen=True, slots=True)
class ContentResult:
    """What the content stage found: articles, errors and warnings."""

    articles: tuple[Article, ...]
    errors: tuple[ContentError, ...]
    warnings: tuple[ContentError, ...]


def slugify(value: str) -> str:
    """A URL-safe slug: unicode folded to ASCII, lowercase, words joined by '-'."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def discover_articles(articles_dir: Path) -> list[Path]:
    """Article files under `articles_dir`, sorted, hidden files skipped."""
    if not articles_dir.is_dir():
        return []
    return sorted(
        p for p in articles_dir.rglob("*")
        if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(articles_dir).parts)
    )


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """One article file's parse outcome: an article or an error, plus its warnings."""

    article: Article | None
    error: ContentError | None
    warnings: tuple[ContentError, ...]


def load_articles(
    articles_dir: Path, site_root: Path, *, drafts: bool, raw_html: bool, max_bytes: int
) -> ContentResult:
    """Parse every article; duplicates slugs and bad files become errors."""
    return collect_articles(
        (parse_article_file(source, site_root, raw_html=raw_html, max_bytes=max_bytes)
         for source in discover_articles(articles_dir)), drafts=drafts)


def parse_article_file(
    source: Path, site_root: Path, *, raw_html: bool, max_bytes: int
) -> ParsedFile:
    """Read and parse one article file; an unreadable, oversized or invalid file is the
    outcome's error (an "empty file" one is a warning for `collect_articles`)."""
    shown = _shown(source, site_root)
    try:
        data = source.read_bytes()
    except OSError as exc:
        return ParsedFile(None, ContentError(f"cannot read: {exc.strerror}",
                                             SourceLocation(shown)), ())
    if len(data) > max_bytes:
        return ParsedFile(None, ContentError(
            f"file is {len(data) // 1024} KB, over the {max_bytes // 1024} KB limit "
            "(max_article_kb in sitegen.toml)", SourceLocation(shown)), ())
    warnings: list[ContentError] = []
    try:
        article = parse_article(shown, data, raw_html=raw_html, warnings=warnings)
    except ContentError as exc:
        return ParsedFile(None, exc, tuple(warnings))
    return ParsedFile(article, None, tuple(warnings))


def collect_articles(outcomes: Iterable[ParsedFile], *, drafts: bool) -> ContentResult:
    """The site's articles from its files' outcomes, in file order: drafts skipped unless
    `drafts`, an empty file a warning, a repeated slug an error."""
    articles: list[Article] = []
    errors: list[ContentError] = []
    warnings: list[ContentError] = []
    seen: dict[str, str] = {}
    for parsed in outcomes:
        warnings += parsed.warnings
        if parsed.error is not None:
            (warnings if parsed.error.message.startswith("empty file") else errors).append(
                parsed.error)
            continue
        article = parsed.article
        assert article is not None
        if article.draft and not drafts:
            continue
        if article.slug in seen:
            errors.append(ContentError(
                f"duplicate slug {article.slug!r}: also used by {seen[article.slug]}",
                SourceLocation(article.source_path)))
            continue
        seen[article.slug] = article.source_path
        articles.append(article)
    return ContentResult(tuple(articles), tuple(errors), tuple(warnings))


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def decode(shown: str, data: bytes) -> str:
    """UTF-8 text of a file (a BOM is dropped). Raises ContentError at the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            SourceLocation(shown, line),
        ) from None


def parse_article(
    shown: str, data: bytes, *, raw_html: bool = False, warnings: list[ContentError] | None = None
) -> Article:
    """Parse one article file. `shown` is its path as messages show it.

    Problems that do not stop the article are appended to `warnings`.
    Raises ContentError (an "empty file" one is a warning for the caller).
    """
    text = decode(shown, data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ContentError("empty file, skipped", SourceLocation(shown))
    stem = Path(shown).stem
    content_hash = hashlib.sha256(data).hexdigest()
    if shown.lower().endswith(".txt"):
        return _parse_txt(shown, stem, text, content_hash)
    meta, body, body_line = split_front_matter(shown, text)
    fields = _check_front_matter(shown, meta, text, warnings if warnings is not None else [])
    title = fields.get("title")
    if not title:
        raise ContentError("front matter has no 'title'; add `title: ...`",
                           SourceLocation(shown, 1))
    slug = slugify(str(fields.get("slug") or stem))
    if not slug:
        raise ContentError("slug is empty after removing unsafe characters; set `slug:`",
                           SourceLocation(shown, 1))
    body_html = render_markdown(body, raw_html=raw_html)
    return Article(
        slug=slug, title=str(title), source_path=shown, text=html_to_text(body_html).text,
        body_html=body_html, content_hash=content_hash, published=fields.get("date"),
        author=fields.get("author"), summary=fields.get("summary"),
        source_url=fields.get("source_url"), draft=bool(fields.get("draft", False)),
        topics=fields.get("topics", ()),
    )


def _parse_txt(shown: str, stem: str, text: str, content_hash: str) -> Article:
    lines = text.split("\n")
    title = lines[0].strip()
    paragraphs = [line.strip() for line in lines[1:] if line.strip()]
    body_html = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    slug = slugify(stem)
    if not slug:
        raise ContentError("file name gives an empty slug; rename the file",
                           SourceLocation(shown, 1))
    return Article(slug=slug, title=title, source_path=shown, text="\n\n".join(paragraphs),
                   body_html=body_html, content_hash=content_hash)


def split_front_matter(shown: str, text: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, body's first line). Raises ContentError with the YAML's real line."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.M)
    if end is None:
        raise ContentError("front matter opened with '---' on line 1 is never closed; "
                           "add a line '---' after it", SourceLocation(shown, 1))
    yaml_text = text[4 : 4 + end.start()]
    body = text[4 + end.end() :].lstrip("\n")
    body_line = 2 + yaml_text.count("\n") + 1
    try:
        meta = yaml.safe_load(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context_mark", None)
        if context is not None and 2 + context.line != line:
            # YAML notices an unclosed bracket or quote only at the next token; the
            # line where it opened is what the writer needs to fix, so point there.
            problem = f"{getattr(exc, 'context', None)}: {problem} (on line {line})"
            line = 2 + context.line
        raise ContentError(f"front matter is not valid YAML: {problem}",
                           SourceLocation(shown, line)) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError("front matter must be a mapping of `key: value` lines",
                           SourceLocation(shown, 2))
    return meta, body, body_line


def key_line(text: str, key: str) -> int | None:
    """The line of a top-level `key:` in a file's text, for messages."""
    m = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
    return text[: m.start()].count("\n") + 1 if m else None


def did_you_mean(key: str, choices: tuple[str, ...]) -> str:
    """"; did you mean 'x'?" for a near miss among `choices`, else ""."""
    near = difflib.get_close_matches(key, choices, n=1)
    return f"; did you mean '{near[0]}'?" if near else ""


def _check_front_matter(
    shown: str, meta: dict[str, Any], text: str, warnings: list[ContentError]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in meta.items():
        where = SourceLocation(shown, key_line(text, str(key)))
        if key not in FRONT_MATTER_KEYS:
            hint = did_you_mean(str(key), FRONT_MATTER_KEYS)
            warnings.append(ContentError(f"unknown front matter key '{key}' ignored{hint}", where))
            continue
        if value is None:
            continue
        if key == "date":
            value = _as_date(value, where)
        elif key == "draft":
            if not isinstance(value, bool):
                raise ContentError(f"draft: expected true or false, got {value!r}", where)
        elif key == "topics":
            value = as_names("topics", value, where)
        elif not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ContentError(f"{key}: expected text, got {value!r}", where)
        else:
            value = str(value)
        out[key] = value
    return out


def as_names(key: str, value: Any, where: SourceLocation) -> tuple[str, ...]:
    """A list of names (or one name) from front matter, blanks dropped. Raises ContentError."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        raise ContentError(f"{key}: expected a list of names, got {value!r}", where)
    return tuple(str(v).strip() for v in value if str(v).strip())


def _as_date(value: Any, where: SourceLocation) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ContentError(f"date: expected YYYY-MM-DD, got {value!r}", where) from None


def render_markdown(body: str, *, raw_html: bool) -> str:
    """The body's HTML. Without `raw_html`, HTML in the source shows as text."""
    md = markdown.Markdown(extensions=["extra", "sane_lists", ScrollBoxes()], output_format="html")
    if not raw_html:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
    return md.convert(body)
