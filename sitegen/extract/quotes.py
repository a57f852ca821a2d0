"""Quotes: quoted spans and their speakers.  (stub)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitegen.model import QuoteFound

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitegen.extract.people import People


def find_quotes(doc: Doc, people: People) -> tuple[QuoteFound, ...]:
    return ()
