"""Find every written quantity in raw text: a pure regex pass, no spaCy.

Owns reading numbers out of running text, independent of how a tokenizer
splits "£7.4m" or "15-6": digits, cardinal words, currency signs, scale
suffixes, units, fraction words, and how neighbouring numbers combine
(ranges, scores, "one in three"). It decides nothing about whether a number
states a fact; `sitegen.extract.numbers.figures` filters with spaCy's annotations.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from sitegen.extract.numbers.quantity import Quantity
from sitegen.extract.numbers.ranges import combine
from sitegen.extract.numbers.units import CURRENCY_SIGN, currency_of_sign, rate_after, unit_after
from sitegen.extract.numbers.words import (
    CARDINAL_WORDS,
    FRACTION_WORDS,
    SCALES,
    WORD_RUN,
    fraction_value,
    parse_digits,
    split_run,
    words_value,
)

__all__ = ["Quantity", "scan"]


_DIGITS = (r"(?<![\w.,/:#&+=])(?P<dig>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
           r"(?!\d|[,.]\d|/\d|:\d|[+=])")
# Each pattern opens with a lookahead on its first character: without it the
# engine tries every alternative at every offset, which costs more than the rules.
_DIGIT_CORE = re.compile(
    r"(?=[\d£$€¥₹]|(?:US|A|C|HK|NZ|S|R)\$|Rs)(?P<sign>" + CURRENCY_SIGN + r")?" + _DIGITS
    + r"(?P<tail>[A-Za-z]+(?![\w]))?"
    + r"(?:(?:[ \t]+|-)(?P<scale>(?i:million|billion|trillion|thousand|mln|bln|lakhs?|"
    + r"crores?))\b)?")
_WORD_CORE = re.compile(
    r"(?=[" + "".join(sorted({w[0] for w in CARDINAL_WORDS} | {"a"})) + r"])"
    r"(?:\b(?P<art>an?)[ \t]+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    r"(?P<words>" + WORD_RUN + r")", re.I)
_ATTACHED_SCALES = {"k", "m", "mn", "bn", "b", "tn", "trn"}
_FRACTION = re.compile(
    r"(?=[aotfsenqh])\b(?:(?P<num>an?|one|two|three|four|five|six|seven|eight|nine|ten)[ \t-]+)?"
    r"(?P<den>" + "|".join(FRACTION_WORDS) + r")\b", re.I)
_FRACTION_NEXT = re.compile(
    r"[ \t]+of[ \t]+an?[ \t]+(?P<pp>(?:percentage[ \t]+)?point)\b|[ \t]+of\b"
    r"|(?:[ \t]+an?)?[ \t-]+(?:percentage[ \t]+)?(?P<pt>point)s?\b", re.I)
_HALF_NEXT = re.compile(r"[ \t]+(?:the|its|their|his|her|our|all|those|these)\b", re.I)
_HALF_SCALE = re.compile(r"[ \t]+an?[ \t]+(?P<s>million|billion|trillion|dozen|thousand)\b",
                         re.I)
_NOT_FRACTION_BEFORE = re.compile(
    r"\b(?:the|first|second|third|fourth|last|final|each|every|latter|opening|closing)[ \t]+$",
    re.I)
_AND_A_HALF = re.compile(r"[ \t-]+and[ \t-]+a[ \t-]+half\b", re.I)
#: A word number glued by a hyphen to a word that is no unit: "two-tier", "four-wheel".
_WORD_COMPOUND = re.compile(r"-(?!and\b)[a-z]", re.I)
_AND_BEFORE = re.compile(r"\band[ \t-]+$", re.I)
_NAME_HYPHEN = re.compile(r"(?<![\w])[A-Za-z]+-$")
_RACE_METRES = frozenset({50, 60, 100, 110, 200, 400, 800, 1000, 1500, 3000, 5000, 10000})
_RACE_AFTER = re.compile(
    r"[ \t]+(?:hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relay|race|sprint|"
    r"final|finals|heats?|semi-finals?|titles?|records?|champion|gold|silver|bronze|medal|"
    r"hope|event|run|runners?|specialist|world|qualifying|and|or)\b", re.I)
_LENGTH_AFTER = re.compile(
    r"[ \t]+(?:tall|taller|high|higher|long|longer|wide|wider|deep|deeper|away|above|below)\b")
_MARK_WORDS = r"(?:the|a|an|his|her|their|new|personal|season['’]s|world|required)[ \t]+"
_LENGTH_BEFORE = re.compile(
    r"(?:\b(?:cleared|jumped|vaulted|leap|throw|jump|landed|height|distance|depth|length)|"
    r"ft|feet|foot)\W*(?:of[ \t]+)?(?:" + _MARK_WORDS + r")*$", re.I)
#: Weaker hints, trusted only for two-decimal marks under 30 ('reached 1.80m').
_MARK_BEFORE = re.compile(
    r"\b(?:reached|best|record|mark|required|effort|attempt)[ \t]+(?:of[ \t]+)?"
    r"(?:" + _MARK_WORDS + r")*$", re.I)
_RACE_BEFORE = re.compile(
    r"\b(?:the|and|or|in|final|indoor|outdoor|(?:wo)?men['’]s)[ \t]+$", re.I)
#: Telephone numbers: "0800 555 111", "+44 20 7946 0000", "(202) 555-0143".
_PHONE = re.compile(r"(?:\+\d{1,3}|(?<!\d)0\d{2,4})(?:[ \t]\d{1,4}){2,}(?!\d)"
                    r"|\(\d{3}\)[ \t]?\d{3}-\d{4}\b|\b\d{3}[-.]\d{3}[-.]\d{4}\b")
#: Wire copy's exchange-rate footnote, "($1 = 0.9174 euros)": a convention, not a fact.
_RATE_NOTE = re.compile(r"\([ \t]*(?:US\$|[£$€¥])1[ \t]*=[ \t]*[^()\n]{1,30}\)")
_MINUS = re.compile(r"(?:(?<![^\s(])[-−]|\bminus[ \t]+)$", re.I)
_VULGAR = re.compile(r"(?:[ \t]+(\d{1,2})/(\d{1,2})|[ \t]?([½¼¾⅓⅔]))(?![\d/])")
_VULGAR_SIGNS = {"½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅓": (1, 3), "⅔": (2, 3)}
_FOLD = re.compile(r"-?fold\b", re.I)
_WON = re.compile(r"[ \t]+won\b")


def scan(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order, with ranges, scores and fractions combined."""
    fractions = _fractions(text)
    taken = [(q.start, q.end) for q in fractions]
    taken += [(m.start(), m.end()) for rx in (_PHONE, _RATE_NOTE) for m in rx.finditer(text)]
    cores = _without_overlaps(_cores(text), taken)
    return combine(text, sorted(cores + fractions, key=lambda q: q.start))


def _without_overlaps(qs: list[Quantity], spans: list[tuple[int, int]]) -> list[Quantity]:
    """The quantities that overlap none of `spans`, in linear-logarithmic time.

    A quantity overlaps a span that starts before it ends iff the furthest end
    among those spans passes its start; a running maximum answers that.
    """
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach: list[int] = []
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    out = []
    for q in qs:
        i = bisect_left(starts, q.end) - 1
        if i < 0 or reach[i] <= q.start:
            out.append(q)
    return out


def _cores(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _DIGIT_CORE.finditer(text):
        q = _digit_number(text, m)
        if q is not None:
            out.append(q)
    digits = [(q.start, q.end) for q in out]
    words = [q for m in _WORD_CORE.finditer(text) for q in _word_numbers(text, m)]
    out.extend(_without_overlaps(words, digits))
    out.sort(key=lambda q: q.start)
    return [_with_unit(text, q) for q in out]


def _digit_number(text: str, m: re.Match[str]) -> Quantity | None:
    """A number written in digits, with its sign and scale; None for '3D', 'G8'-like names."""
    raw, tail, sign = m.group("dig"), m.group("tail") or "", m.group("sign")
    if not sign and _NAME_HYPHEN.search(text, max(0, m.start() - 20), m.start()):
        return None  # "MPEG-2", "F-16", "Covid-19": part of a name
    if len(raw) > 16:
        return None  # card numbers, IDs: no quantity has that many digits
    if len(raw) > 1 and raw[0] == "0" and raw[1] != "." and text[m.start() - 1:m.start()] != "-":
        return None  # "0619 GMT", phone numbers, codes; but "2004-05" is a year range
    value, end, kind = parse_digits(raw), m.end("dig"), "amount"
    unit = currency_of_sign(sign) if sign else None
    scale = 1.0
    if tail:
        low = tail.lower()
        if tail == "m" and not sign and (_is_race(text, m, value) or _is_length(text, m)):
            unit, end = "m", m.end("tail")
        elif tail in _ATTACHED_SCALES and (low != "b" or sign):
            scale, end = SCALES[low], m.end("tail")
        elif tail == "p" and not sign:
            unit, end = "pence", m.end("tail")
        elif tail in ("C", "F") and not sign:
            unit, end = "°" + tail, m.end("tail")  # "a high of 30C"
        elif low in ("st", "nd", "rd", "th"):
            return Quantity(m.start(), m.end("tail"), value, kind="ordinal")
        elif low == "s":
            return Quantity(m.start(), m.end("tail"), value, kind="decade")
        elif unit_after(text, m.end("dig")) is None:
            return None  # letters glued to digits that are no unit: a name or code
    elif text[m.end("dig"):m.end("dig") + 1].isalpha():
        return None  # "7E7": letters and digits mixed, a model name
    if m.group("scale") and scale == 1.0:
        scale, end = SCALES[_long_scale(m.group("scale"))], m.end("scale")
    plain = None if ("," in raw or "." in raw or sign or scale != 1.0) else raw
    start = m.start()
    minus = _MINUS.search(text, max(0, start - 7), start)
    if minus:  # "-0.3%", "minus 5 degrees"; not the second half of "15-6"
        start, value, plain = minus.start(), -value, None
    return Quantity(start, end, value * scale, unit, kind, False, plain, scale)


def _is_race(text: str, m: re.Match[str], value: float) -> bool:
    """'the 400m', '10,000m record': metres of a race, not millions."""
    if value not in _RACE_METRES:
        return False
    if value >= 1500:
        return True  # nobody writes 1,500 million as "1500m" without a currency
    return bool(_RACE_AFTER.match(text, m.end())
                or _RACE_BEFORE.search(text, max(0, m.start() - 12), m.start()))


def _is_length(text: str, m: re.Match[str]) -> bool:
    """'cleared 1.76m', '30ft (10m)', '50m taller': metres of a height or distance.

    Marks in field events carry two decimals ('17.30m'); millions written so
    ('1.25m') are told apart by the verb before them.
    """
    if _LENGTH_AFTER.match(text, m.end()) or _LENGTH_BEFORE.search(
            text, max(0, m.start() - 40), m.start()):
        return True
    raw = m.group("dig")
    return bool(re.fullmatch(r"\d{1,2}\.\d\d", raw) and float(raw) < 30
                and _MARK_BEFORE.search(text, max(0, m.start() - 40), m.start()))


def _long_scale(word: str) -> str:
    return {"mln": "million", "bln": "billion"}.get(word.lower(), word.lower())


def _word_numbers(text: str, m: re.Match[str]) -> list[Quantity]:
    """Split a run of cardinal words into numbers with their offsets."""
    base = m.start("words")
    pieces = [(w.start() + base, w.end() + base, w.group())
              for w in re.finditer(r"[A-Za-z]+", m.group("words"))]
    out: list[Quantity] = []
    if _NAME_HYPHEN.search(text, max(0, base - 20), base):
        return out  # "all-in-one", "Catch-Twenty": part of a compound or name
    for a, b in split_run([p[2] for p in pieces]):
        value = words_value([p[2] for p in pieces[a:b]])
        alone = b - a == 1 and pieces[a][2].lower() in (*SCALES, "dozen")
        hyphen_after = text[pieces[b - 1][1]:pieces[b - 1][1] + 1] == "-"
        if value is None or (alone and (hyphen_after or not (a == 0 and m.group("art")))):
            continue  # "a billion-dollar deal", "dozen": a scale with no number
        start = m.start() if a == 0 and m.group("art") else pieces[a][0]
        last = pieces[b - 1][2].lower()
        scale = SCALES[last] if last in SCALES and b - a > 1 else 1.0
        out.append(Quantity(start, pieces[b - 1][1], value, words=True, scale=scale))
    return out


def _with_unit(text: str, q: Quantity) -> Quantity:
    """Add '%', a currency word, a measure, 'and a half' or a rate written after the number."""
    if q.kind != "amount":
        return q
    if _FOLD.match(text, q.end):
        return replace(q, kind="multiplier")  # "four-fold": a multiplier, not a number here
    m = _AND_A_HALF.match(text, q.end)
    if m:
        q = replace(q, value=q.value + 0.5, end=m.end(), integer_digits=None)
    elif q.integer_digits is not None and (m := _VULGAR.match(text, q.end)):
        num, den = (int(m.group(1)), int(m.group(2))) if m.group(1) else _VULGAR_SIGNS[m.group(3)]
        if 0 < num < den <= 16:  # "2 1/2 years", "3½ miles"
            q = replace(q, value=q.value + num / den, end=m.end(), integer_digits=None)
    if q.unit is None:
        found = unit_after(text, q.end)
        if found:
            q = replace(q, unit=found[0], end=found[1])
        elif q.words and _WORD_COMPOUND.match(text, q.end):
            return replace(q, kind="compound")  # "a two-tier economy", "four-wheel drive"
        elif q.scale > 1 and (won := _WON.match(text, q.end)):
            q = replace(q, unit="KRW", end=won.end())  # "100 trillion won"; bare "won" is a verb
    if q.unit is not None and q.unit != "%":
        rate = rate_after(text, q.end)
        if rate:
            q = replace(q, unit=f"{q.unit} per {rate[0]}", end=rate[1])
    return q


def _fractions(text: str) -> list[Quantity]:
    """'a third of', 'two-thirds', 'half the', 'a quarter of a percentage point'."""
    out = []
    for m in _FRACTION.finditer(text):
        q = _fraction_at(text, m)
        if q is not None:
            out.append(q)
    return out


def _fraction_at(text: str, m: re.Match[str]) -> Quantity | None:
    num, den = m.group("num"), m.group("den").lower()
    value = fraction_value(num, den)
    before = max(0, m.start() - 12)
    if value is None or (not num and _NOT_FRACTION_BEFORE.search(text, before, m.start())):
        return None  # "the first half", "the third quarter": periods, not fractions
    if den == "half" and num and num.lower() == "a" and _AND_BEFORE.search(
            text, before, m.start()):
        return None  # "two and a half": the whole number reads it
    nxt = _FRACTION_NEXT.match(text, m.end())
    point = bool(nxt and (nxt.group("pp") or nxt.group("pt")))
    if nxt and (num or den == "half" or (den == "quarter" and point)):
        if point:  # "a quarter of a percentage point", "quarter-point"
            return Quantity(m.start(), nxt.end(), value, "percentage points", "fraction", True)
        return Quantity(m.start(), m.end(), value, None, "fraction", True)
    if den == "half":
        if text[m.end():m.end() + 1] == "-":
            return None  # "a half-hourly service", "half-time"
        scale = _HALF_SCALE.match(text, m.end())
        if scale:  # "half a million"
            word = scale.group("s").lower()
            factor = 12.0 if word == "dozen" else SCALES[word]
            return Quantity(m.start(), scale.end(), value * factor, None, "amount", True,
                            scale=factor)
        if _HALF_NEXT.match(text, m.end()) or num:
            return Quantity(m.start(), m.end(), value, None, "fraction", True)
        return None
    if num and "-" in m.group(0) and num.lower() not in ("a", "an"):
        return Quantity(m.start(), m.end(), value, None, "fraction", True)  # "two-thirds"
    return None
