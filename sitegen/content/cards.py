"""Editorial cards: parse `content/people/*.md` into PersonCard records.

A card's YAML front matter names a person (`name`, `aliases`, `role`, `image`,
`hide`) and its Markdown body is the bio. The file stem is the person's id.
Every problem is collected as a ContentError with path and line.
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
from sitegen.model import PersonCard

CARD_SUFFIXES = (".md", ".markdown")
CARD_KEYS = ("name", "aliases", "role", "image", "hide")


def load_cards(
    people_dir: Path, site_root: Path, *, raw_html: bool = False
) -> tuple[tuple[PersonCard, ...], tuple[ContentError, ...]]:
    """Parse every card in `people_dir` (sorted by file name); a missing folder has none.

    Returns the cards and every error found; a card with an error is left out.
    """
    if not people_dir.is_dir():
        return (), ()
    cards: list[PersonCard] = []
    errors: list[ContentError] = []
    seen: dict[str, str] = {}
    sources = sorted(
        p for p in people_dir.iterdir()
        if p.is_file() and p.suffix.lower() in CARD_SUFFIXES and not p.name.startswith(".")
    )
    for source in sources:
        shown = _shown(source, site_root)
        try:
            card = parse_card(shown, source.read_bytes(), raw_html=raw_html)
        except OSError as exc:
            errors.append(ContentError(f"cannot read: {exc.strerror}", SourceLocation(shown)))
            continue
        except ContentError as exc:
            errors.append(exc)
            continue
        if card.slug in seen:
            errors.append(ContentError(
                f"duplicate person slug {card.slug!r}: also used by {seen[card.slug]}; "
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


def parse_card(shown: str, data: bytes, *, raw_html: bool = False) -> PersonCard:
    """Parse one card file. `shown` is its path as messages show it. Raises ContentError."""
    text = decode(shown, data).replace("\r\n", "\n").replace("\r", "\n")
    slug = slugify(Path(shown).stem)
    if not slug:
        raise ContentError("file name gives an empty slug; rename the file",
                           SourceLocation(shown, 1))
    if not text.startswith("---\n"):
        raise ContentError("a person card starts with front matter: '---', `name: ...`, '---'",
                           SourceLocation(shown, 1))
    meta, body, _ = split_front_matter(shown, text)
    fields = _check_fields(shown, meta, text)
    name = fields.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ContentError("card has no 'name'; add `name: Full Name`", SourceLocation(shown, 1))
    role = fields.get("role")
    image = fields.get("image")
    return PersonCard(
        slug=slug, name=name.strip(), source_path=shown,
        aliases=tuple(fields.get("aliases", ())),
        role=role if isinstance(role, str) else None,
        image=image if isinstance(image, str) else None,
        hide=fields.get("hide") is True,
        bio_html=render_markdown(body, raw_html=raw_html) if body.strip() else "",
    )


def _check_fields(shown: str, meta: dict[str, Any], text: str) -> dict[str, Any]:
    """The card's fields, type-checked. Unknown keys are errors: a misspelt `alias:` would
    otherwise be silently ignored and the merge it asks for would not happen."""
    out: dict[str, Any] = {}
    for key, value in meta.items():
        where = SourceLocation(shown, key_line(text, str(key)))
        if key not in CARD_KEYS:
            hint = did_you_mean(str(key), CARD_KEYS)
            raise ContentError(f"unknown card key '{key}'{hint}", where)
        if value is None:
            continue
        if key == "hide":
            if not isinstance(value, bool):
                raise ContentError(f"hide: expected true or false, got {value!r}", where)
        elif key == "aliases":
            value = _as_aliases(value, where)
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            value = str(value).strip()
        else:
            raise ContentError(f"{key}: expected text, got {value!r}", where)
        out[key] = value
    return out


def _as_aliases(value: Any, where: SourceLocation) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        raise ContentError(f"aliases: expected a list of names, got {value!r}", where)
    return tuple(str(v).strip() for v in value if str(v).strip())
