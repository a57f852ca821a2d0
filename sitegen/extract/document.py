"""extract_doc: one parsed spaCy Doc in, one Extraction out.

Needs: sentences and dependency parse (parser), entities (ner), POS tags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitegen.extract.numbers.figures import find_numbers
from sitegen.extract.people.collect import find_people
from sitegen.extract.quotes.find import find_quotes
from sitegen.model import Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_doc(doc: Doc) -> Extraction:
    """People, quotes with speakers, and numbers of one article."""
    people = find_people(doc)
    quotes = find_quotes(doc, people)
    numbers = find_numbers(doc)
    return Extraction(people=people.found, quotes=quotes, numbers=numbers)
