"""People: person mentions grouped into one record per person, with lookups for quotes.

Needs: entities, POS tags, dependency parse (through `mentions`, `filter`, `roles`).

Rules, and why:
- Mentions come from PERSON entities plus the context rules in `mentions`.
- Multi-word names group when one is a suffix of the other ("Singh Gill",
  "Parmjit Singh Gill") or they share first and last words ("George Bush",
  "George W Bush"). A one-word mention joins the person whose surname it is
  (else whose first name), choosing by title sex and then by the nearest
  earlier mention: "Mr Blair" after "Tony Blair" and before "Cherie Blair".
- The text is re-scanned for every known surname, so a mention the model
  tagged ORG, GPE or nothing is still found, but a bare word only counts
  where the article uses it bare for a person elsewhere or after a title
  (so "in May" stays a month when only "Theresa May" is a person).
- `filter` drops groups that are organisations, places or modifiers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sitegen.extract.people.filter import PersonFilter
from sitegen.extract.people.mentions import (
    Mention,
    context_mentions,
    entity_mentions,
    mention_from_tokens,
    titled_mentions,
)
from sitegen.extract.people.names import is_org_word, looks_like_name_word
from sitegen.extract.people.roles import find_role
from sitegen.lexicon.titles import bare, is_gendered_title, is_honorific, spelled_out, title_sex
from sitegen.model import PersonFound

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: 'Marcus "Money" Bell': a first name, a quoted nickname, a surname.
_NICKNAMED = re.compile(
    r"\b([A-Z][\w'’-]+) [\"“‘']([A-Z][\w'’ .-]{0,24}?)[\"”’'] ([A-Z][\w'’-]+)\b")
_SKIP_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL",
                          "EVENT", "LAW", "LANGUAGE"})


@dataclass(frozen=True)
class People:
    """The people of one Doc, and where each is mentioned (for resolving speakers)."""

    found: tuple[PersonFound, ...]
    text: str = ""  # the Doc's text, read once (Doc.text joins every token on each call)
    genders: tuple[str | None, ...] = ()
    token_person: dict[int, int] = field(default_factory=dict)  # token index -> person index
    starts: tuple[int, ...] = ()  # char starts of all mentions, sorted
    owners: tuple[tuple[int, int], ...] = ()  # (person index, last token) per entry of starts

    def person_at(self, token_i: int) -> int | None:
        """Index in `found` of the person named at token `token_i`, if any."""
        return self.token_person.get(token_i)

    def before(self, char: int) -> list[tuple[int, int, int]]:
        """(char start, person index, last token) of mentions before `char`, nearest first."""
        k = bisect_right(self.starts, char)
        return [(self.starts[j], *self.owners[j]) for j in range(k - 1, -1, -1)]

    def after(self, char: int) -> list[tuple[int, int, int]]:
        """(char start, person index, last token) of mentions from `char` on, nearest first."""
        k = bisect_right(self.starts, char)
        return [(self.starts[j], *self.owners[j]) for j in range(k, len(self.starts))]


def _same_person(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    s, lg = [bare(w) for w in short], [bare(w) for w in long]
    if len(s) >= 2 and lg[-len(s):] == s:
        return True
    return s[0] == lg[0] and s[-1] == lg[-1] and set(s) <= set(lg)


#: Nouns before a name that tell the person's sex ("his wife, Ann Lowe").
_SEX_NOUNS = {**dict.fromkeys("""wife widow mother daughter sister girlfriend fiancee
    actress chairwoman spokeswoman businesswoman congresswoman grandmother aunt niece
    stepmother""".split(), "f"), **dict.fromkeys("""husband widower father son brother
    boyfriend fiance actor chairman spokesman businessman congressman grandfather uncle
    nephew stepfather""".split(), "m")}
def _gender(mentions: list[Mention]) -> str | None:
    for m in mentions:
        if m.sex:
            return m.sex
        sex = next((s for s in map(title_sex, m.titles) if s), None)
        if sex:
            return sex
    return None


def _office(mentions: list[Mention]) -> set[str]:
    """Titles other than Mr/Mrs/Ms ... that the mentions carry, spelled out."""
    return {spelled_out(t) for m in mentions for t in m.titles
            if not is_gendered_title(t)}


def _pick(groups: list[list[Mention]], cands: list[int], m: Mention) -> int | None:
    """Among candidate groups for a one-word mention, the title-compatible nearest one;
    None when a gendered title fits none of them ("Mr X" beside only "Mrs X")."""
    sex = _gender([m])
    fit = [g for g in cands if sex is None or _gender(groups[g]) in (None, sex)]
    if not fit:
        return None
    office = _office([m])
    fit = [g for g in fit if office & _office(groups[g])] or fit  # "Senator X" -> "Sen. Y X"
    if sex is not None:
        fit = [g for g in fit if _gender(groups[g]) == sex] or fit
    earlier = [(max(x.start for x in groups[g] if x.start < m.start), g)
               for g in fit if any(x.start < m.start for x in groups[g])]
    if earlier:
        return max(earlier)[1]
    return min((min(x.start for x in groups[g]), g) for g in fit)[1]


def group_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped into people (see the module docstring for the rules)."""
    groups: list[list[Mention]] = []
    key_of: dict[tuple[str, ...], int] = {}
    for words in sorted({m.words for m in mentions if len(m.words) > 1}, key=len, reverse=True):
        target = next((g for k, g in key_of.items() if _same_person(words, k)), None)
        if target is None:
            target = len(groups)
            groups.append([])
        key_of[words] = target
    single: dict[str, int] = {}
    for m in sorted(mentions, key=lambda x: x.start):
        if len(m.words) > 1:
            groups[key_of[m.words]].append(m)
    for m in sorted(mentions, key=lambda x: x.start):
        if len(m.words) > 1:
            continue
        w = bare(m.words[0])
        cands = sorted({g for k, g in key_of.items() if bare(k[-1]) == w}) or sorted(
            {g for k, g in key_of.items() if bare(k[0]) == w})
        target = _pick(groups, cands, m) if cands else None
        if target is None:
            sex = _gender([m])
            key = w + ":" + (sex or "") if cands else w
            if key in single and sex and _gender(groups[single[key]]) not in (None, sex):
                key = w + ":" + sex  # "Lord X" and "Lady X", neither named in full
            if key not in single:
                single[key] = len(groups)
                groups.append([])
            target = single[key]
        groups[target].append(m)
    return [g for g in groups if g]


def _rescan(doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of known names that the model tagged as something else, or not at all."""
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    alone = {bare(m.words[0]) for m in mentions if len(m.words) == 1 and not m.titles}
    surnames = {bare(m.words[-1]) for m in mentions
                if len(m.words) > 1 and (m.tagged or m.context)}
    words = {m.words[-1] for m in mentions} | {" ".join(m.words) for m in mentions}
    if not words:
        return []
    out = []
    for start, end in _occurrences(text, words):
        span = doc.char_span(start, end)
        if span is None or any(t.i in taken for t in span) or span[0].ent_type_ in _SKIP_LABELS:
            continue
        m = mention_from_tokens(doc, list(span), tagged=False)
        if m is None or (len(m.words) == 1 and not m.titles
                         and not _bare_ok(bare(m.words[0]), span[0], alone, surnames)):
            continue
        out.append(m)
        taken.update(range(m.first, m.last + 1))
    return out


def _occurrences(text: str, forms: set[str]) -> list[tuple[int, int]]:
    """Whole-word occurrences of any form, longest forms first, not overlapping.

    str.find per form: a per-article regex alternation would be compiled anew
    for every article, which costs more than the search."""
    found: list[tuple[int, int]] = []
    covered: set[int] = set()
    for form in sorted(forms, key=len, reverse=True):
        i = text.find(form)
        while i >= 0:
            end = i + len(form)
            before = text[i - 1] if i else " "
            after = text[end] if end < len(text) else " "
            if (not (before.isalnum() or before in "'’") and not after.isalnum()
                    and i not in covered):
                found.append((i, end))
                covered.update(range(i, end))
            i = text.find(form, end)
    return sorted(found)


def _bare_ok(word: str, tok: Token, alone: set[str], surnames: set[str]) -> bool:
    """A bare word is a person where the article uses it bare for one, or it is the
    surname of a full name, unless tagged a nationality ("German"), or a place
    ("Essex", "Marin") where it is not a subject or possessor ("Marin, 52, said")."""
    if word in alone:
        return True
    if word not in surnames or tok.ent_type_ == "NORP":
        return False
    if tok.ent_type_ not in ("GPE", "LOC") or tok.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    to = tok.head  # "according to Holt"
    return tok.dep_ == "pobj" and to.lower_ == "to" and to.i > 0 and (
        tok.doc[to.i - 1].lower_ == "according")


def _person(doc: Doc, group: list[Mention]) -> PersonFound:
    full = max(group, key=lambda m: (len(m.words), -m.start))
    aliases = dict.fromkeys([" ".join(full.words)] + [m.form for m in group]
                            + [" ".join(m.words) for m in group])
    spans = tuple(sorted({(m.start, m.end) for m in group}))
    return PersonFound(" ".join(full.words), tuple(aliases), find_role(doc, group), spans)


def _nicknamed(doc: Doc, text: str) -> list[Mention]:
    """'Marcus "Money" Bell': the name is "Marcus Bell", the whole form an alias."""
    out = []
    for match in _NICKNAMED.finditer(text):
        first, last = match.group(1), match.group(3)
        if not all(looks_like_name_word(w) and not is_honorific(w) and not is_org_word(w)
                   for w in (first, last)):
            continue
        a = doc.char_span(match.start(1), match.end(1))
        b = doc.char_span(match.start(3), match.end(3))
        if a is None or b is None or len(a) != 1 or len(b) != 1:
            continue
        out.append(Mention(match.start(), match.end(), (first, last), (), match.start(),
                           a[0].i, b[0].i, tagged=False, written=match.group(),
                           title_first=a[0].i, context=True))
    return out


def _sexed(doc: Doc, m: Mention) -> Mention:
    """The mention with the sex a noun before it tells: "his wife, Ann Lowe"."""
    k = (m.title_first if m.title_first >= 0 else m.first) - 1
    while k >= 0 and doc[k].text in (",", "’s", "'s"):
        k -= 1
    sex = _SEX_NOUNS.get(doc[k].lower_) if k >= 0 and len(m.words) > 1 else None
    return replace(m, sex=sex) if sex else m


def _initial_mentions(doc: Doc, text: str) -> list[Mention]:
    """Model entities, nicknamed names and context names, not overlapping."""
    mentions = _nicknamed(doc, text)
    nick = {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions += [m for m in entity_mentions(doc)
                 if not any(i in nick for i in range(m.first, m.last + 1))]
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions += context_mentions(doc, taken)
    return [_sexed(doc, m) for m in mentions]


def find_people(doc: Doc) -> People:
    """Everyone named in `doc`, fullest name first-mentioned order."""
    text = doc.text
    mentions = _initial_mentions(doc, text)
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions += titled_mentions(doc, text, taken)
    mentions += _rescan(doc, text, mentions)
    judge = PersonFilter(doc, mentions)
    groups = [g for g in group_mentions(mentions) if judge.keep(g)]
    groups.sort(key=lambda g: min(m.start for m in g))
    found = tuple(_person(doc, g) for g in groups)
    token_person: dict[int, int] = {}
    entries = []
    for k, g in enumerate(groups):
        for m in g:
            for i in range(m.first, m.last + 1):
                token_person[i] = k
            entries.append((m.start, k, m.last))
    entries.sort()
    return People(found, text, tuple(_gender(g) for g in groups), token_person,
                  tuple(e[0] for e in entries), tuple((e[1], e[2]) for e in entries))
