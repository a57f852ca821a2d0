"""Units that follow or precede a number: currencies, percentages, measures, times.  Pure text.

Owns the lexicons and the anchored regexes that read a unit right next to a
number, and the short unit names that NumberFound carries ("GBP", "%",
"km2"). `sitegen.extract.numbers.scan` calls `unit_after` at the end of each
number it finds; nothing here looks at spaCy annotations.
"""

from __future__ import annotations

import re

#: Currency signs written before the amount ("£7.4m", "US$5", "€1.2bn").
CURRENCY_SIGNS: dict[str, str] = {
    "£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "US$": "USD", "A$": "AUD",
    "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "Rs": "INR",
    "Rs.": "INR", "Rs ": "INR", "Rs. ": "INR", "₹": "INR",
}
CURRENCY_SIGN = r"(?:(?<![A-Za-z])(?:US\$|A\$|C\$|HK\$|NZ\$|S\$|R\$|Rs\.?[ ]?)|[£$€¥₹])"

#: Currency names written after the amount ("70 euros", "105.6 yen").
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rouble": "RUB", "ruble": "RUB",
    "franc": "CHF", "pence": "pence", "penny": "pence", "cent": "cents",
    "won": "KRW", "peso": "MXN", "rand": "ZAR", "krona": "SEK", "kroner": "DKK",
}

#: Measures, longest spelling first so "square miles" wins over "miles".
MEASURES: tuple[tuple[str, str], ...] = (
    (r"square\s+(?:kilometres|kilometers|kilometre|kilometer|km)|sq\.?\s*km|km2|km²", "km2"),
    (r"square\s+(?:miles?)|sq\.?\s*miles?", "sq mi"),
    (r"square\s+(?:metres|meters|metre|meter)|sq\.?\s*m|m2|m²", "m2"),
    (r"square\s+(?:feet|foot)|sq\.?\s*ft", "sq ft"),
    (r"kilometres|kilometers|kilometre|kilometer|km", "km"),
    (r"miles\s+(?:per|an)\s+hour|mph", "mph"),
    (r"km/h|kph|kilometres\s+(?:per|an)\s+hour", "km/h"),
    (r"miles?", "miles"), (r"metres|meters|metre|meter", "m"),
    (r"centimetres|centimeters|cm", "cm"), (r"millimetres|millimeters|mm", "mm"),
    (r"feet|foot|ft", "ft"), (r"inches|inch", "in"), (r"yards?", "yd"),
    (r"kilogrammes|kilograms?|kilos?|kg", "kg"), (r"milligrams?|milligrammes?|mg", "mg"),
    (r"micrograms?|mcg|µg", "µg"), (r"grams?|grammes?", "g"),
    (r"millilitres?|milliliters?|ml", "ml"),
    (r"tonnes?|metric\s+tons?", "t"), (r"tons?", "tons"), (r"lbs?", "lb"),
    (r"ounces?|oz", "oz"), (r"acres?", "acres"), (r"hectares?|ha", "ha"),
    (r"litres?|liters?", "l"), (r"gallons?", "gal"), (r"barrels?", "barrels"),
    (r"megawatts?|mw", "MW"), (r"gigawatts?|gw", "GW"), (r"kilowatts?|kw", "kW"),
    (r"gigabytes?|gb", "GB"), (r"megabytes?|mb", "MB"), (r"terabytes?|tb", "TB"),
    (r"mbps|mbit/s", "Mbps"), (r"ghz", "GHz"), (r"mhz", "MHz"),
    (r"degrees\s+(?:celsius|centigrade)|°c", "°C"), (r"degrees\s+fahrenheit|°f", "°F"),
    (r"degrees?|°", "degrees"), (r"calories", "calories"),
)

#: Words after an amount that make it a rate ("300p a share", "$15 an hour").
RATE_NOUNS = (
    r"share|barrel|hour|day|week|month|year|head|person|litre|liter|gallon|ounce|"
    r"tonne|ton|kilo|kg|pound|unit|mile|minute|night|game|match|seat|household|pupil"
)

TIME_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
    "weeks", "fortnight", "fortnights", "month", "months", "year", "years", "decade",
    "decades", "century", "centuries", "weekend", "weekends", "night", "nights",
})

#: Nouns glued to a number by a hyphen ("40-year lows", "a 10-point lead", "25-year-old").
HYPHEN_NOUNS = (
    r"year|month|week|day|hour|minute|second|mile|metre|meter|kilometre|kilometer|km|foot|"
    r"inch|point|seat|man|member|strong|page|storey|story|bedroom|game|match|nation|"
    r"country|state|acre|percent|per-cent|mph|yard|lap|hole|set|goal|try|run|wicket|vote"
)
_HYPHEN_RE = re.compile(r"-(percentage-point|" + HYPHEN_NOUNS + r")s?(?P<old>-old)?\b", re.I)

# One alternation with a group per unit, tried once, rather than one regex per unit.
_MEASURE_RE = re.compile(
    r"[ \t]?(?:" + "|".join(f"(?P<u{i}>{pat})" for i, (pat, _) in enumerate(MEASURES))
    + r")(?![\w/²])", re.I)
_MEASURE_SHORT = {f"u{i}": short for i, (_, short) in enumerate(MEASURES)}
_PERCENT_RE = re.compile(r"[ \t]?%|[ \t]+(?:percent|per[ \t]+cent|pc|pct)\b|pc\b", re.I)
_POINTS_RE = re.compile(r"[ \t]+(?:percentage|percent|per[ \t]+cent)(?:age)?[ \t]+points?\b"
                        r"|[ \t]+basis[ \t]+points?\b|[ \t]?bps?\b", re.I)
_CURRENCY_WORD_RE = re.compile(
    r"[ \t]+(?:(?:US|Australian|Canadian|Hong[ \t]+Kong|New[ \t]+Zealand)[ \t]+)?"
    r"(dollars?|euros?|pounds?(?:[ \t]+sterling)?|sterling|yen|yuan|renminbi|rupees?|"
    r"roubles?|rubles?|francs?|pence|penny|cents?|pesos?|rand|krona|kroner)\b", re.I)
_RATE_RE = re.compile(r"[ \t]+(?:a|an|per)[ \t]+(" + RATE_NOUNS + r")\b", re.I)


def currency_of_sign(sign: str) -> str:
    """'£' -> 'GBP', 'US$' -> 'USD'."""
    return CURRENCY_SIGNS[sign]


def unit_after(text: str, pos: int) -> tuple[str, int] | None:
    """The unit written right after a number ending at `pos`: (short unit, end offset).

    Percentage points are tried before plain percent, measures before nothing.
    """
    m = _POINTS_RE.match(text, pos)
    if m:
        unit = "percentage points" if "percent" in m.group(0).lower() else "bp"
        return unit, m.end()
    m = _PERCENT_RE.match(text, pos)
    if m:
        return "%", m.end()
    m = _HYPHEN_RE.match(text, pos)
    if m:
        noun = m.group(1).lower()
        if noun.startswith("percentage"):
            return "percentage points", m.end()
        return ("%" if noun.startswith("per") else _plural(noun)), m.end()
    m = _CURRENCY_WORD_RE.match(text, pos)
    if m:
        word = m.group(1).lower().split()[0]
        singular = word if word in CURRENCY_WORDS else word.rstrip("s")
        return CURRENCY_WORDS.get(singular, word), m.end()
    m = _MEASURE_RE.match(text, pos)
    if m and m.lastgroup:
        return _MEASURE_SHORT[m.lastgroup], m.end()
    return None


def _plural(noun: str) -> str:
    if noun in ("strong", "km", "mph"):
        return noun
    if noun == "foot":
        return "feet"
    if noun == "man":
        return "men"
    if noun.endswith("y") and noun not in ("day", "storey"):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("ch", "s")) else "s")


def rate_after(text: str, pos: int) -> tuple[str, int] | None:
    """'a share' / 'per hour' right after an amount: (denominator noun, end offset)."""
    m = _RATE_RE.match(text, pos)
    return (m.group(1).lower(), m.end()) if m else None
