"""People: PERSON mentions consolidated into one record per person.  (stub)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitegen.model import PersonFound

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class People:
    """The people of one Doc."""

    found: tuple[PersonFound, ...]


def find_people(doc: Doc) -> People:
    found: dict[str, list[tuple[int, int]]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            found.setdefault(ent.text, []).append((ent.start_char, ent.end_char))
    return People(tuple(PersonFound(n, (n,), None, tuple(m)) for n, m in found.items()))
