"""Number words and digit strings -> values.  Pure text: no spaCy.

Owns the lexicon of English cardinal words ("twenty-five", "three million",
"a dozen"), fraction words ("a third", "two-thirds", "half") and scale words
("million", "bn", "m", "k"), and turns their written forms into floats.
`sitegen.extract.numbers.scan` finds them in running text; this module only
reads a string that is already known to be a number.
"""

from __future__ import annotations

import re

SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

#: Scale words that multiply what precedes them, written out or abbreviated.
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # Indian English
}

#: Denominators of fractions written as words, singular and plural.
FRACTION_WORDS: dict[str, float] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

#: Every word that can take part in a written-out cardinal ("a" only leads one).
CARDINAL_WORDS = (*SMALL, "hundred", "thousand", "million", "billion", "trillion", "dozen")

#: A run of cardinal words joined by spaces, hyphens or "and"; split later by `split_run`.
WORD_RUN = (
    r"\b(?:" + "|".join(CARDINAL_WORDS) + r")\b"
    r"(?:(?:[ \t]+and[ \t]+|[ \t]+|-)(?:" + "|".join(CARDINAL_WORDS) + r")\b)*"
)

_SPLIT = re.compile(r"[\s-]+")
_BIG = ("thousand", "million", "billion", "trillion")


def parse_digits(text: str) -> float:
    """'15,000' -> 15000.0, '2.25' -> 2.25."""
    return float(text.replace(",", ""))


def words_value(words: list[str]) -> float | None:
    """Value of cardinal words already split ('twenty', 'five'); None if not one number.

    Works like reading aloud: small words add up, 'hundred' multiplies the
    current group, bigger scales close a group.
    """
    total, group, seen = 0.0, 0.0, False
    for raw in words:
        w = raw.lower()
        if w in ("and", "a", "an"):
            continue
        if w in SMALL:
            group += SMALL[w]
        elif w == "dozen":
            group = (group or 1) * 12
        elif w == "hundred":
            group = (group or 1) * 100
        elif w in _BIG:
            total += (group or 1) * SCALES[w]
            group = 0.0
        else:
            return None
        seen = True
    return total + group if seen else None


def split_run(words: list[str]) -> list[tuple[int, int]]:
    """Cut a run of cardinal words into separate numbers, as (first, last+1) word indices.

    'two three' is two numbers; 'twenty five' and 'one hundred and six' are one;
    'one and two' is two ('and' joins only after a hundred or a bigger scale).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(words)):
        prev, cur = words[i - 1].lower(), words[i].lower()
        if cur == "and":
            continue
        if prev == "and":
            before = words[i - 2].lower() if i >= 2 else ""
            joined = before in ("hundred", *_BIG) and cur in SMALL
        else:
            joined = _joins(prev, cur)
        if not joined:
            end = i - 1 if prev == "and" else i
            spans.append((start, end))
            start = i
    spans.append((start, len(words)))
    return spans


def _joins(prev: str, cur: str) -> bool:
    """Whether cardinal word `cur` continues the number that `prev` belongs to."""
    if cur == "dozen":
        return prev in SMALL
    if cur == "hundred":
        return prev in SMALL
    if cur in _BIG:
        # "two million", "two hundred thousand"; not "million thousand"
        return prev in SMALL or prev == "hundred" or SCALES.get(prev, 1e99) < SCALES[cur]
    if prev in ("hundred", *_BIG):
        return True
    # "twenty five": a tens word takes a following unit word
    return SMALL.get(prev, 0) >= 20 and SMALL[prev] % 10 == 0 and 0 < SMALL.get(cur, 0) < 10


def fraction_value(numerator: str | None, denominator: str) -> float | None:
    """'a', 'third' -> 0.333..; 'two', 'thirds' -> 0.666..; None if not a fraction word."""
    den = FRACTION_WORDS.get(denominator.lower())
    if den is None:
        return None
    num: float | None = 1.0
    if numerator and numerator.lower() not in ("a", "an"):
        num = (parse_digits(numerator) if numerator[0].isdigit()
               else words_value(_SPLIT.split(numerator)))
    return None if num is None else num / den
