"""Neighbouring numbers read together: ranges, 'A-B' scores, 'one in three'.  Pure text.

Owns how two quantities next to each other combine: 'between 15,000 and
20,000' and '£5-10m' are ranges whose ends share a unit and scale, '24-18'
is one score, 'nine out of 10' one fraction, '2004-05' a span of years.
`sitegen.extract.numbers.scan.scan` calls `combine` on what it found.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitegen.extract.numbers.quantity import Quantity

_RANGE_GAP = re.compile(r"(?:-|–|[ \t]+(?:to|-|–)[ \t]+)$")
#: Around "A to B", words that make it a tally of votes ("voted 218 to 214", "a 5 to 4 ruling").
_VOTE_BEFORE = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ruled|passed|margin|tally)\b(?:[ \t]+\w+)?"
                          r"[ \t]+(?:of[ \t]+|by[ \t]+|was[ \t]+|were[ \t]+)?$", re.I)
_VOTE_AFTER = re.compile(r"[ \t]+(?:vote|votes|decision|ruling|margin|majority)\b", re.I)
_BETWEEN = re.compile(r"\bbetween[ \t]+(?:\w+[ \t]+)?$", re.I)


def combine(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Join neighbours: 'A-B' scores, ranges that share a unit, 'one in three' fractions."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        b = qs[i + 1] if i + 1 < len(qs) else None
        if b is None or a.kind not in ("amount",) or b.kind != "amount":
            out.append(a)
            i += 1
            continue
        gap = text[a.end:b.start]
        joined = _join_pair(text, a, b, gap)
        if joined is None:
            out.append(a)
            i += 1
        elif len(joined) == 1:
            out.append(joined[0])
            i += 2
        else:
            out.append(replace(joined[0], link=len(out) + 1))
            out.append(joined[1])
            i += 2
    return out


def _join_pair(text: str, a: Quantity, b: Quantity, gap: str) -> list[Quantity] | None:
    both_plain = a.integer_digits is not None and b.integer_digits is not None
    if gap in ("-", "–") and both_plain and a.unit is None:
        if is_year(a) and (is_year(b) or len(b.integer_digits or "") == 2):
            return [Quantity(a.start, b.end, a.value, kind="year_range")]
        if b.unit is None:
            return [Quantity(a.start, b.end, a.value, "score", "score", parts=(a, b))]
    if both_plain and a.unit is None and b.unit is None and re.fullmatch(r"[ \t]+to[ \t]+", gap) \
            and (_VOTE_BEFORE.search(text, max(0, a.start - 30), a.start)
                 or _VOTE_AFTER.match(text, b.end)):
        return [Quantity(a.start, b.end, a.value, "score", "score", parts=(a, b))]  # a tally
    ranged = _RANGE_GAP.fullmatch(gap) or (re.fullmatch(r"[ \t]+and[ \t]+", gap)
                                           and _BETWEEN.search(text, max(0, a.start - 40), a.start))
    if ranged and (a.unit is None or b.unit is None or a.unit == b.unit):
        return [_share(a, b), _share(b, a, scale=False)]
    if re.fullmatch(r"[ \t]+or[ \t]+", gap):
        return [a, b]  # "two or three years": the first shares the second's noun
    if re.fullmatch(r"[ \t]+(?:in|out[ \t]+of)[ \t]+", gap) and _plain_count(a) and _plain_count(b):
        if 0 < a.value <= b.value <= 1000 and b.value >= 2:
            return [Quantity(a.start, b.end, a.value / b.value, None, "fraction", a.words)]
    return None


def _share(a: Quantity, b: Quantity, scale: bool = True) -> Quantity:
    """One end of a range takes the unit the other carries; the first also its scale ('£5-10m')."""
    if scale and b.scale > 1 and a.scale == 1 and a.value < 1000 and not a.words \
            and (None in (a.unit, b.unit) or a.unit == b.unit):
        a = replace(a, value=a.value * b.scale, scale=b.scale, integer_digits=None)
    if a.unit is None and b.unit is not None:
        a = replace(a, unit=b.unit)
    return a


def is_year(q: Quantity) -> bool:
    d = q.integer_digits
    return d is not None and len(d) == 4 and 1500 <= int(d) <= 2100


def _plain_count(q: Quantity) -> bool:
    return q.unit is None and q.kind == "amount" and float(q.value).is_integer()
