"""The record the number modules pass around: one quantity as written in the text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number as written: text[start:end], its value and unit if the text gives one.

    kind: "amount" (a plain number), "fraction", "score" (A-B; `parts` holds A
    and B in case the caller reads it as a range), and kinds kept so callers
    can see what was skipped: "ordinal", "decade", "year_range", "multiplier",
    "compound" ("a two-tier economy").
    """

    start: int
    end: int
    value: float
    unit: str | None = None
    kind: str = "amount"
    words: bool = False  # written in words ("five") rather than digits
    integer_digits: str | None = None  # the digits when written as a plain integer
    scale: float = 1.0  # the scale written with it ("m" -> 1e6), 1 when none
    link: int | None = None  # index of the number it shares a counted noun with
    parts: tuple[Quantity, ...] = ()
