"""Numbers: numeric facts with value, unit and sentence.  (stub)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitegen.model import NumberFound

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_numbers(doc: Doc) -> tuple[NumberFound, ...]:
    return ()
