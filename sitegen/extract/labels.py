"""Number labels: what each figure counts or measures, and of what, read from the parse.

Beside "£35bn" a reader wants "cuts to public spending"; beside "5%", "shares
in Manchester United". The label is a noun phrase of the figure's sentence,
found by the dependency parse, in this order:

1. "£35bn of cuts to public spending", "a third of Welsh households": the
   noun after "of" that hangs from the figure;
2. "a reduction in the legal limit from 24 weeks to 20", "a stake of 28.1%":
   the noun the figure's prepositional phrase attaches to;
3. "180,000 women in England and Wales": the counted noun itself with what
   attaches to it, when it counts things (not money, rates or measures);
4. "raised interest rates to 2.25%", "shares were up 5%": the object of the
   verb the figure hangs from, else its subject.

A phrase keeps its modifiers and attachments up to MAX_WORDS words, drops a
leading article, never includes a figure, and is None when it would only
repeat the figure's own words. A range's second end with no unit takes the
first end's ("from 24 weeks to 20": 20 weeks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from sitegen.extract.numbers.units import CURRENCY_SIGNS, CURRENCY_WORDS, MEASURES, TIME_UNITS
from sitegen.model import NumberFound

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: A label has at most this many words: a phrase, not a sentence.
MAX_WORDS = 8
#: How many heads up the parse a figure's verb or noun is looked for.
MAX_CLIMB = 4
#: Dependents before a noun that belong in its label ("legal limit", "Welsh households").
LEFT_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod",
                       "npadvmod"})
#: Dependents after a noun that say of what ("cuts to public spending planned by ...").
RIGHT_DEPS = frozenset({"prep", "acl", "pobj", "compound", "amod"})
#: Labels of the words a figure's phrase hangs from on the way up to its noun or verb.
CLIMB_DEPS = frozenset({"pobj", "prep", "npadvmod", "advmod", "nummod", "quantmod", "conj",
                        "appos", "nmod", "amod", "acomp", "dobj", "attr", "nsubj", "nsubjpass",
                        "oprd"})
#: How a figure hangs from a noun it modifies or renames ("the £3.2bn settlement").
MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "quantmod", "appos"})
#: Arguments of a verb that name what a figure measures, in order of preference.
OBJECT_DEPS = ("dobj", "attr")
SUBJECT_DEPS = ("nsubj", "nsubjpass")

_MEASURED = (frozenset(CURRENCY_SIGNS.values()) | frozenset(CURRENCY_WORDS.values())
             | frozenset(short for _, short in MEASURES) | TIME_UNITS
             | frozenset({"%", "percentage points", "bp", "score"}))
_RANGE_GAP = re.compile(r"[ \t]+(?:to|and|or)[ \t]+|[ \t]*[-–][ \t]*")
_NOUNS = frozenset({"NOUN", "PROPN"})
_WORD = re.compile(r"\w+")


def label_numbers(doc: Doc, numbers: Sequence[NumberFound]) -> tuple[NumberFound, ...]:
    """`numbers` with a label each (None when the parse gives none) and range units shared."""
    numbers = share_range_units(doc.text, numbers)
    figures: set[int] = set()
    spans = []
    for n in numbers:
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        spans.append(span)
        if span is not None:
            figures.update(range(span.start, span.end))
    out = [replace(n, label=None if span is None else number_label(span.root, n, figures))
           for n, span in zip(numbers, spans, strict=True)]
    for a, b in range_ends(doc.text, out):  # the two ends of a range measure one thing
        label = out[a].label or out[b].label
        out[a], out[b] = replace(out[a], label=label), replace(out[b], label=label)
    return tuple(out)


def share_range_units(text: str, numbers: Sequence[NumberFound]) -> list[NumberFound]:
    """The second end of a range written without a unit takes the first end's unit."""
    out = list(numbers)
    for a, b in range_ends(text, out):
        first, second = out[a], out[b]
        if second.unit is None and first.unit is not None and first.unit != "score":
            out[b] = replace(second, unit=first.unit)
    return out


def range_ends(text: str, numbers: Sequence[NumberFound]) -> list[tuple[int, int]]:
    """(first, second) indices of numbers written as the two ends of a range: '15,000 and
    20,000 couples', 'from 24 weeks to 20', '£5-10m'."""
    order = sorted(range(len(numbers)), key=lambda i: numbers[i].start)
    return [(a, b) for a, b in zip(order, order[1:], strict=False)
            if _RANGE_GAP.fullmatch(text, numbers[a].end, numbers[b].start)]


def number_label(root: Token, number: NumberFound, figures: set[int]) -> str | None:
    """The label of the figure whose tokens' root is `root`; `figures` holds the token
    indices of every figure in the Doc (a label never includes one)."""
    if root.head.i in figures and root.head.i != root.i and root.dep_ == "appos":
        root = _figure_root(root.head, figures)  # "£800m ($1.5bn)": the first one's label
    own = set(range(root.left_edge.i, root.right_edge.i + 1)) & figures
    unit = (number.unit or "").split(" per ")[0]
    if unit and unit not in _MEASURED:  # it counts things: "180,000 women in England"
        counted = root.pos_ in _NOUNS and root.i in figures
        label = phrase(root, figures - {root.i}) if counted else None
        if counted and _adds_nothing(label, number) and root.dep_ in SUBJECT_DEPS:
            done = verb_phrase(root.head, figures | own)  # "58 people were killed in ..."
            label = f"{root.text} {done}" if done else None
    else:
        noun = _of_noun(root, figures) or _modified_noun(root, figures) or _attached_noun(
            root, figures)
        label = phrase(noun, figures | own) if noun is not None else _verb_label(
            root, unit, figures | own)
    return None if _adds_nothing(label, number) else label


def _adds_nothing(label: str | None, number: NumberFound) -> bool:
    """Whether `label` only repeats the figure's own words ("14 free-to-air channels")."""
    return not label or set(_WORD.findall(label.lower())) <= set(
        _WORD.findall(number.text.lower()))


def _figure_root(tok: Token, figures: set[int]) -> Token:
    """The topmost token of the figure that `tok` belongs to."""
    while tok.head.i in figures and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _of_noun(root: Token, figures: set[int]) -> Token | None:
    """'£35bn of cuts': the noun after an 'of' that hangs from the figure."""
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            noun = next((c for c in child.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.pos_ in _NOUNS and noun.i not in figures:
                return noun
    return None


def _modified_noun(root: Token, figures: set[int]) -> Token | None:
    """'the £3.2bn settlement', '2-1 favourite', '5,000 square kilometres' in apposition to
    'recent Russian advances': the noun the figure modifies or renames."""
    head = root.head
    if root.dep_ in MODIFIER_DEPS and head.i not in figures and head.i != root.i and (
            head.pos_ in _NOUNS or head.pos_ == "ADJ" and head.dep_ in ("attr", "acomp")):
        return head
    return None


def _attached_noun(root: Token, figures: set[int]) -> Token | None:
    """'a reduction ... from 24 weeks to 20': the noun the figure's phrase attaches to,
    through prepositions only (a figure that is itself an argument has no such noun)."""
    tok = root
    for _ in range(MAX_CLIMB):
        if tok.dep_ != "pobj" and not (tok.dep_ == "prep" and tok.i != root.i):
            return None
        head = tok.head
        if head.pos_ in _NOUNS and head.i not in figures:
            return head
        if tok.dep_ == "pobj":  # two objects of one preposition: the first renames the second
            first = next((c for c in head.children if c.dep_ == "pobj"), tok)
            if first.i < tok.i and first.pos_ in _NOUNS and first.i not in figures:
                return first
        if head.pos_ != "ADP":
            return None
        tok = head
    return None


def _verb_label(root: Token, unit: str, exclude: set[int]) -> str | None:
    """For a figure that hangs from a verb: what the verb does, for a span of time or a
    result ('worked for him', 'beat France') or a subject with no object ('9p will go to a
    charity appeal'); else the verb's object, else its subject (or, for 'tipped to rise by
    a quarter point', the subject of the verb it completes)."""
    verb = _governing_verb(root)
    if verb is None:
        return None
    args = [c for c in verb.children if c.i not in exclude and c.pos_ in _NOUNS]
    objects = [c for c in args if c.dep_ in OBJECT_DEPS]
    subjects = [c for c in args if c.dep_ in SUBJECT_DEPS]
    if unit in TIME_UNITS or unit == "score" or (root.dep_ in SUBJECT_DEPS and not objects):
        said = verb_phrase(verb, exclude)
        if said is not None:
            return said
    if objects or subjects:
        return phrase((objects or subjects)[0], exclude)
    if verb.dep_ in ("xcomp", "acl", "relcl"):
        head = verb.head
        if verb.dep_ != "xcomp" and head.pos_ in _NOUNS and head.i not in exclude:
            return phrase(head, exclude)  # "a proposal pitched at 300p a share"
        controller = [c for c in head.children if c.dep_ in SUBJECT_DEPS and c.pos_ in _NOUNS
                      and c.i not in exclude]
        if controller:
            return phrase(controller[0], exclude)
    return None


def _governing_verb(root: Token) -> Token | None:
    tok = root
    for _ in range(MAX_CLIMB):
        if tok.dep_ not in CLIMB_DEPS or tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def verb_phrase(verb: Token, exclude: set[int]) -> str | None:
    """A verb with its particle and its object, else its first prepositional phrase or the
    verb it governs, with none of the tokens in `exclude`: 'wooing the club', 'come from the
    business support grant', 'planning to buy a digital receiver'. None for a verb alone."""
    words = [verb.text]
    rights = [c for c in verb.rights if c.i not in exclude]
    words += [c.text for c in rights if c.dep_ == "prt"]
    for child in rights:
        if child.dep_ in OBJECT_DEPS + ("acomp",) and child.pos_ in _NOUNS | {"ADJ"}:
            return " ".join([*words, phrase(child, exclude, article=True)])
    for child in rights:
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        whole = not any(t.i in exclude for t in child.subtree)
        if child.dep_ in ("prep", "dative", "agent") and pobj is not None and whole:
            return " ".join([*words, child.text, phrase(pobj, exclude, article=True)])
        if child.dep_ == "xcomp" and whole and _words(list(child.subtree)) < MAX_WORDS:
            return " ".join([*words, _text(list(child.subtree))])
    return None


def phrase(head: Token, exclude: set[int], *, article: bool = False) -> str:
    """`head` with its modifiers and attachments, in text order, without the tokens in
    `exclude`, at most MAX_WORDS words, without a dangling word, and without a leading
    article unless `article` (inside a verb phrase: "wooing the club")."""
    keep: list[Token] = []
    for child in head.lefts:
        if child.dep_ in LEFT_DEPS and child.i not in exclude:
            keep += [t for t in child.subtree if t.i not in exclude]
    keep.append(head)
    for child in head.rights:
        if child.dep_ not in RIGHT_DEPS or child.i in exclude:
            continue
        part = [t for t in child.subtree if t.i not in exclude]
        if _words(keep) + _words(part) > MAX_WORDS or len(part) < len(list(child.subtree)):
            break  # too long, or it holds a figure: stop before it
        keep += part
    keep.sort(key=lambda t: t.i)
    keep = _paragraph(keep, head)
    while keep and (keep[0].dep_ in ("punct", "cc") or not article and (
            keep[0].dep_ == "det" or keep[0].tag_ == "PRP$")):
        keep.pop(0)  # "the legal limit" -> "legal limit"; "their vehicle" -> "vehicle"
    while keep and keep[-1].pos_ in ("ADP", "CCONJ", "PUNCT", "DET", "PART"):
        keep.pop()  # "cuts to" once what followed was left out
    return _text(keep)


def _paragraph(tokens: list[Token], head: Token) -> list[Token]:
    """The tokens on `head`'s side of any paragraph break (the parser may run over one)."""
    breaks = [t.i for t in tokens if t.is_space and "\n" in t.text]
    before = max((i for i in breaks if i < head.i), default=-1)
    after = min((i for i in breaks if i > head.i), default=len(head.doc))
    return [t for t in tokens if before < t.i < after and not t.is_space]


def _words(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if not t.is_punct)


def _text(tokens: Sequence[Token]) -> str:
    """The tokens as written (spacing kept, a gap where tokens were left out); a first word
    that is capitalised only because it starts the sentence is lower-cased."""
    out: list[str] = []
    for k, t in enumerate(tokens):
        out.append(t.text)
        if k + 1 < len(tokens):
            out.append(t.whitespace_ if tokens[k + 1].i == t.i + 1 else " ")
    text = "".join(out).strip()
    if tokens and tokens[0].is_sent_start and tokens[0].pos_ != "PROPN" and text[1:2].islower():
        text = text[:1].lower() + text[1:]
    return text
