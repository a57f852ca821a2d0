"""Text around a number that says it is no fact: dates, clock times, labels, 'when' spans.

Pure text: each predicate reads only the characters next to a quantity, so
it can be tested without the model. `sitegen.extract.numbers.figures` applies them
to what `sitegen.extract.numbers.scan.scan` found.
"""

from __future__ import annotations

import re

MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June?|July?|"
         r"Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

_MONTH_BEFORE = re.compile(r"\b(?:" + MONTH + r"|" + WEEKDAY + r")[ \t]*$")
#: "5 May", "7th of June", and the earlier days of a list: "on 14, 20 and 27 April".
_MONTH_AFTER = re.compile(
    r"(?:st|nd|rd|th)?(?:(?:,|[ \t]+and|[ \t]+or|[ \t]+to|[ \t]*[-–])[ \t]*\d{1,2}"
    r"(?:st|nd|rd|th)?)*[ \t]+(?:of[ \t]+)?" + MONTH + r"(?!\w)")
_ERA_AFTER = re.compile(r"[ \t]*(?:AD|BC|BCE|CE|A\.D\.|B\.C\.)(?!\w)")
_CLOCK_AFTER = re.compile(
    r"[ \t]*(?:GMT|BST|UTC|CET|EST|EDT|CST|CDT|PST|PDT|ET|am|pm|a\.m\.|p\.m\.|o'clock|hrs)(?!\w)",
    re.I)
_LABEL_BEFORE = re.compile(
    r"\b(?:page|pages|no\.?|nos\.?|number|clause|article|section|chapter|room|route|line|"
    r"platform|gate|flight|episode|series|version|level|grade|tier|category|class|stage|"
    r"phase|round|rule|paragraph|item|table|figure|channel|radio|interstate|highway|"
    r"district|ward|precinct|apartment|suite|terminal|exit|division|vol\.?|volume|track|"
    r"amendment|proposition|prop\.?|bill|title|seed|windows|formula|studio|day|week|game|"
    r"year|hole|lap|resolution)[ \t]+(?:\w+[ \t]+(?:or|and|to)[ \t]+)?$", re.I)
#: Before a number that counts nothing, words that make it a name or a rank: "Doom 3",
#: "Halo 2", "a top 10", but not "Labour 355 seats" (that number counts seats).
_BARE_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w'&.-]*|\btop)[ \t]+$")
_NOT_NAME_WORDS = re.compile(r"(?:" + MONTH + r"|" + WEEKDAY + r"|I|A|The|In|On|At|By)[ \t]+$")
#: After a span of time, words that always make it say when.
_WHEN_AFTER = re.compile(
    r"[ \t]+(?:ago|hence|from[ \t]+now)\b|['’]?[ \t]+time\b"
    r"|[ \t]+(?:to|ending|ended|through|until|till|from)[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?"
    r"(?:" + MONTH + r"|\d{4}\b|(?:last|this|next)[ \t]+\w+)")
#: ... and words that make it say when unless "for" says how long ("for six years before").
_LATER_AFTER = re.compile(
    r"[ \t]+(?:earlier|later|before|after|previously|into|prior|since)\b"
    r"|[ \t]+(?:on|back)(?=[ \t]*[,.;:!?)\n]|$)", re.I)
#: Verbs (and "for") before a span of time that make it say how long: "for six years",
#: "lasted just six minutes before", "spent the past two years".
_HOW_LONG = (
    r"\b(?:for|last(?:s|ed|ing)|wait(?:s|ed|ing)?|takes?|took|taken|taking|spen[dt]|"
    r"spends|spending|requires?|required|needs?|needed|serve[sd]?|serving|remain(?:s|ed)?|"
    r"stay(?:s|ed)?|survived?)[ \t]+")
_HOW_LONG_BEFORE = re.compile(
    _HOW_LONG + r"(?:(?:just|only|about|almost|nearly|some|around|over|under|"
    r"more[ \t]+than|less[ \t]+than|at[ \t]+least)[ \t]+)?$", re.I)
_WHEN_BEFORE = re.compile(
    r"(?P<for>" + _HOW_LONG + r")?"
    r"(?:\b(?:the|this|these|those|its|his|her|their|our|my|your)[ \t]+)?"
    r"\b(?:last|past|next|previous|coming|first|final|following|same|recent|preceding|"
    r"opening|closing|ensuing|latest)[ \t]+$", re.I)
_PREFIX = re.compile(
    r"(?:\b(?:just|well|only|roughly|some)[ \t]+)?"
    r"\b(?:about|around|approximately|roughly|nearly|almost|over|under|above|below|"
    r"more[ \t]+than|less[ \t]+than|fewer[ \t]+than|at[ \t]+least|at[ \t]+most|up[ \t]+to|"
    r"as[ \t]+(?:many|much|little|few|high|low)[ \t]+as|an[ \t]+estimated|upwards[ \t]+of|"
    r"close[ \t]+to|in[ \t]+excess[ \t]+of|some|approx\.?)[ \t]+$", re.I)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|his|her|their|our|next|last)|['’]s?)[ \t]+$", re.I)
_RANGE_BEFORE = re.compile(r"\b(?:aged|ages?|between)[ \t]+$", re.I)
_SENTENCE_EDGE = set(".!?:;\"'“”‘’([—–-\n")
_WINDOW = 40


def is_date(text: str, start: int, end: int) -> bool:
    """'5 May', 'March 17', 'on Tuesday 5', '7th of June': a day of a month."""
    return bool(_MONTH_BEFORE.search(text, max(0, start - 12), start)
                or _MONTH_AFTER.match(text, end) or _ERA_AFTER.match(text, end))


def is_clock(text: str, end: int) -> bool:
    """'at 6 pm', '0619 GMT'."""
    return bool(_CLOCK_AFTER.match(text, end))


def is_label(text: str, start: int) -> bool:
    """'page 5', 'No 10', 'Radio 4', 'Article 50': a number that names, not counts."""
    return bool(_LABEL_BEFORE.search(text, max(0, start - 16), start))


def names_when_bare(text: str, start: int) -> bool:
    """Whether the word before a bare number makes it a name or rank ('Doom 3', 'top 10')."""
    m = _BARE_NAME_BEFORE.search(text, max(0, start - 30), start)
    if not m or _NOT_NAME_WORDS.match(text, m.start(), start):
        return False
    return text[m.start():m.start() + 3] == "top" or not starts_sentence(text, m.start())


def says_when(text: str, start: int, end: int) -> bool:
    """Whether a span of time ('two years', 'three months') at text[start:end] says when.

    'two years ago', 'the three months to September', 'the last 24 hours' say
    when; 'for six years' and 'for the last 12 months' say how long.
    """
    if _WHEN_AFTER.match(text, end):
        return True
    if _HOW_LONG_BEFORE.search(text, max(0, start - _WINDOW), start):
        return False
    if _LATER_AFTER.match(text, end):
        return True
    m = _WHEN_BEFORE.search(text, max(0, start - _WINDOW), start)
    return bool(m and not m.group("for"))


def after_determiner(text: str, start: int) -> bool:
    """Whether 'the', 'a', 'this', 'its' or a possessive stands right before `start`."""
    return bool(_DETERMINER_BEFORE.search(text, max(0, start - 12), start))


def before_range(text: str, start: int) -> bool:
    """Whether 'aged', 'ages' or 'between' before 'A-B' makes it a range ('aged 18-24')."""
    return bool(_RANGE_BEFORE.search(text, max(0, start - 10), start))


def prefix_start(text: str, start: int) -> int:
    """Where a hedge written before a number begins ('around 5,000', 'more than a third')."""
    m = _PREFIX.search(text, max(0, start - _WINDOW), start)
    return m.start() if m else start


def starts_sentence(text: str, start: int) -> bool:
    """Whether only spaces separate `start` from a sentence edge or an opening mark."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_EDGE
