"""Verbs that report speech or writing, and the one predicate that recognises them.

Shared by the people rules (a name that is the subject of "said" is a person)
and the quote rules (whose words a quotation is). The lemmatizer is off, so
the lists hold inflected forms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Inflected forms of verbs that report speech or writing (the lemmatizer is off).
REPORTING_VERBS = frozenset(
    """say says said saying tell tells told telling add adds added adding
    warn warns warned warning insist insists insisted insisting argue argues argued arguing
    claim claims claimed claiming stress stresses stressed stressing explain explains explained
    ask asks asked asking reply replies replied answer answered respond responded
    comment commented note notes noted observe observed remark remarked
    declare declared announce announced state states stated write writes wrote written
    admit admits admitted concede conceded acknowledge acknowledged confirm confirmed
    suggest suggested predict predicted promise promised urge urged
    deny denies denied describe describes described call calls called calling
    condemn condemned criticise criticised criticize criticized attack attacked
    accuse accused praise praised welcome welcomed dismiss dismissed reject rejected
    tweet tweeted post posted recall recalled recalls continue continued conclude concluded
    quip quipped joke joked shout shouted cry cried mutter muttered whisper whispered
    scream screamed yell yelled exclaim exclaimed boast boasted vow vowed pledge pledged
    complain complained lament lamented caution cautioned emphasise emphasised
    emphasize emphasized reiterate reiterated maintain maintained contend contended
    agree agreed disagree disagreed point pointed brand brands branded label labelled labeled
    dub dubbed term termed hail hailed slam slammed blast blasted demand demanded
    tell telling blame blamed question questioned
    observes remarks comments answers responds declares announces admits concedes
    acknowledges confirms suggests predicts urges warns""".split()
)
#: The subset that is strong enough to show the subject is a speaking person.
SPEECH_VERBS = frozenset(
    "say says said saying tell tells told add adds added insist insisted argue argued "
    "warn warned explain explained admit admitted".split()
)
#: Verbs after which a following name is the speaker, not the addressee ("said Mr X").
INVERTING_VERBS = frozenset(
    """said says added adds explained insisted continued wrote argued stressed noted
    commented replied recalled concluded admitted warned observes observed remarks
    remarked""".split()
)


def puts_it(verb_lower: str, children_lower: list[str]) -> bool:
    """'as one tenant put it': "put it" reports words like a verb of saying."""
    return verb_lower in ("put", "puts") and "it" in children_lower


def is_reporting(tok: Token) -> bool:
    """A verb (or auxiliary) that reports words: "said", "warned", "as X put it"."""
    return tok.pos_ in ("VERB", "AUX") and (tok.lower_ in REPORTING_VERBS or puts_it(
        tok.lower_, [c.lower_ for c in tok.children]))


def is_active_reporting(tok: Token) -> bool:
    """A reporting verb in the active voice: "the suggestion was rejected" names no speaker."""
    return is_reporting(tok) and not any(c.dep_ == "auxpass" for c in tok.children)
