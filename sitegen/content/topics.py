"""Story cards: parse `content/topics/*.md` into TopicCard records.

A card's YAML front matter gives the story's `title`; its Markdown body is
the editor's intro. The file stem is the story's id, which articles name in
their `topics:` front matter (compared as slugs, so "Election 2005" in an
article joins `election-2005.md`). Every problem is collected as a
ContentError with path and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitegen.content.articles import (
    decode,
    did_you_mean,
    key_line,
    render_markdown,
    slugify,
    split_front_matter,
)
from sitegen.errors import ContentError, SourceLocation
from sitegen.model import TopicCard

CARD_SUFFIXES = (".md", ".markdown")
TOPIC_KEYS = ("title",)


def load_topic_cards(
    topics_dir: Path, site_root: Path, *, raw_html: bool = False
) -> tuple[tuple[TopicCard, ...], tuple[ContentError, ...]]:
    """Parse every card in `topics_dir` (sorted by file name); a missing folder has none.

    Returns the cards and every error found; a card with an error is left out.
    """
    if not topics_dir.is_dir():
        return (), ()
    cards: list[TopicCard] = []
    errors: list[ContentError] = []
    seen: dict[str, str] = {}
    sources = sorted(
        p for p in topics_dir.iterdir()
        if p.is_file() and p.suffix.lower() in CARD_SUFFIXES and not p.name.startswith(".")
    )
    for source in sources:
        shown = _shown(source, site_root)
        try:
            card = parse_topic_card(shown, source.read_bytes(), raw_html=raw_html)
        except OSError as exc:
            errors.append(ContentError(f"cannot read: {exc.strerror}", SourceLocation(shown)))
            continue
        except ContentError as exc:
            errors.append(exc)
            continue
        if card.slug in seen:
            errors.append(ContentError(
                f"duplicate topic slug {card.slug!r}: also used by {seen[card.slug]}; "
                "rename one file", SourceLocation(shown)))
            continue
        seen[card.slug] = shown
        cards.append(card)
    return tuple(cards), tuple(errors)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def parse_topic_card(shown: str, data: bytes, *, raw_html: bool = False) -> TopicCard:
    """Parse one story card. `shown` is its path as messages show it. Raises ContentError."""
    text = decode(shown, data).replace("\r\n", "\n").replace("\r", "\n")
    slug = slugify(Path(shown).stem)
    if not slug:
        raise ContentError("file name gives an empty slug; rename the file",
                           SourceLocation(shown, 1))
    if not text.startswith("---\n"):
        raise ContentError("a topic card starts with front matter: '---', `title: ...`, '---'",
                           SourceLocation(shown, 1))
    meta, body, _ = split_front_matter(shown, text)
    fields = _check_fields(shown, meta, text)
    title = fields.get("title")
    if not title:
        raise ContentError("topic card has no 'title'; add `title: ...`", SourceLocation(shown, 1))
    return TopicCard(slug=slug, title=title, source_path=shown,
                     intro_html=render_markdown(body, raw_html=raw_html) if body.strip() else "")


def _check_fields(shown: str, meta: dict[str, Any], text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in meta.items():
        where = SourceLocation(shown, key_line(text, str(key)))
        if key not in TOPIC_KEYS:
            hint = did_you_mean(str(key), TOPIC_KEYS)
            raise ContentError(f"unknown topic card key '{key}'{hint}", where)
        if value is None:
            continue
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ContentError(f"{key}: expected text, got {value!r}", where)
        out[key] = str(value).strip()
    return out
