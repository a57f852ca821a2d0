"""extract_doc: one parsed spaCy Doc (and its headline) in, one Extraction out.

Needs: sentences and dependency parse (parser), entities (ner), POS tags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitegen.extract.key.select import mark_key
from sitegen.extract.labels import label_numbers
from sitegen.extract.numbers.figures import find_numbers
from sitegen.extract.people.collect import find_people
from sitegen.extract.quotes.find import find_quotes
from sitegen.model import Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_doc(doc: Doc, title: str | None = None) -> Extraction:
    """People, quotes with speakers, and labelled numbers of one article, the key ones
    marked. `title` is the article's headline (None when it has none): key rules read it."""
    people = find_people(doc)
    quotes = find_quotes(doc, people)
    numbers = label_numbers(doc, find_numbers(doc))
    return mark_key(doc, title, Extraction(people=people.found, quotes=quotes, numbers=numbers))
