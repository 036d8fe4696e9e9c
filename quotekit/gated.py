"""Gated reporting verbs: verbs of saying, opinion and evidence (``craindre``,
``montrer``, ``s'étonner``, ``murmurer``…) whose que-clause is often reported speech,
but whose quotes are kept only when their speaker is secure.

Their entries in ``resources/fr/reporting_verbs.txt`` carry the ``gated`` flag; they
are no reporting verbs for the other rules (a guillemet quote near one takes no cue
from it). :func:`gated_candidates` gives the que-clause of such a verb as a candidate
that loses every overlap. After the speakers are chosen, :func:`insecure_quotes` says
which of these quotes to drop: those whose verb's own subject (``nsubj``, the ``par``
agent of a passive, or the subject of the verb it is coordinated with) is not the
speaker the rules found, and those whose speaker the ranker chose otherwise or with a
probability below :data:`MIN_PROBABILITY`.

Earlier wider verb lists (``docs/design.md``) found more quotes on unseen news, but half
of those had wrong speakers; on the open and extra golds, the ranker's speaker of an
indirect quote whose cue's subject is that speaker was right 162 times in 162 at a
probability of 0.9 or more, 22 times in 28 below.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from quotekit._marks import Segment
from quotekit._text import doc_text
from quotekit.cue_sources import _cue_token
from quotekit.cues import _gate, gated_lemma
from quotekit.model import Analysis, Quote, Speaker
from quotekit.quote_candidates import (
    QuoteCandidate,
    _content_bounds,
    _segment_at,
    _strip_enclosing_marks,
    _without_edge_marks,
)
from quotekit.speakers import RuleEvidence, is_agent_description
from quotekit.verb_contents import _que_clause

__all__ = ["MIN_PROBABILITY", "RULE", "gated_candidates", "insecure_quotes", "secure"]

#: The probability the ranker must give a gated quote's speaker (the quote's confidence
#: over its confidence before attribution). With the rules alone the same ratio is read
#: from the rules' confidence: a name the verb has for subject passes, a pronoun or a
#: description does not.
MIN_PROBABILITY = 0.9

#: The ``rule`` of a gated candidate.
RULE = "gated:que"

_SUBJECT_DEPS = ("nsubj", "obl:agent")

#: A gated candidate loses every overlap to the other rules' candidates: it only fills a gap
#: they leave, so that dropping it later loses none of theirs (between two gated candidates
#: the longer wins, as elsewhere).
_PRIORITY = 0


def gated_candidates(doc: Doc, tok: Token, segments: list[Segment]) -> Iterable[QuoteCandidate]:
    """The que-clause of a gated verb as a candidate (``craint que …``; noun objects and
    infinitives are intentions or things as often as speech); nothing for a negated,
    hypothetical, first-person or impersonal verb."""
    if gated_lemma(tok) is None or _gate(tok) is not None:
        return
    rng = _que_clause(tok)
    if rng is None or rng[0] >= rng[1]:
        return
    a, b = rng
    text = doc_text(doc)
    start, end = _content_bounds(text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), segments)
    if end <= start:
        return
    if _segment_at(segments, start, end):
        start, end = _strip_enclosing_marks(text, start, end, segments)
        start, end = _without_edge_marks(text, start, end)
        yield QuoteCandidate(start, end, "mixed", tok.i, 0.85, _PRIORITY, RULE)
    else:
        yield QuoteCandidate(start, end, "indirect", tok.i, 0.8, _PRIORITY, RULE)


def _gated_cue(doc: Doc, quote: Quote) -> Token | None:
    if quote.cue is None:
        return None
    cue = _cue_token(doc, quote.cue)
    return cue if cue is not None and gated_lemma(cue) is not None else None


def _same(a: Speaker | None, b: Speaker | None) -> bool:
    if a is None or b is None:
        return False
    if a.entity is not None or b.entity is not None:
        return a.entity == b.entity
    return a.mention == b.mention


def _apposed(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]


def _subject_speaks(cue: Token, speaker: Speaker | None, source: str) -> bool:
    """The verb's own subject (or passive agent) is the rules' speaker: it lies in the
    speaker's mention (or the name apposed to it does), or it is a pronoun the rules
    resolved to that speaker (a description found so must be of someone who can speak).
    A coordinated subject is no one entity; a verb coordinated with another shares its
    subject."""
    if speaker is None or speaker.mention is None:
        return False
    span = speaker.mention
    subjects = [c for c in cue.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects and cue.dep_ == "conj":
        # "X ont analysé … et ont découvert que": the first verb's subject is its own
        subjects = [c for c in cue.head.children if c.dep_ in _SUBJECT_DEPS]
    for c in subjects:
        if any(g.dep_ == "conj" for g in c.children):
            return False  # "X et Y craignent que": the speaker is both, not the one found
        # "La ministre Claire Moreau craint que": the role's apposed name is the subject's
        if any(span.start <= t.idx < span.end for t in (c, *_apposed(c))):
            return True
        if c.pos_ == "PRON" and source == "pronoun":
            return speaker.kind != "description" or is_agent_description(span.text)
    return False


def secure(cue: Token, quote: Quote, evidence: RuleEvidence) -> bool:
    """Whether the speaker chosen for the quote of gated verb ``cue`` is secure."""
    p = quote.confidence / evidence.quote_confidence if evidence.quote_confidence else 0.0
    return (
        p >= MIN_PROBABILITY
        and _same(quote.speaker, evidence.speaker)
        and _subject_speaks(cue, evidence.speaker, evidence.source)
    )


def insecure_quotes(doc: Doc, analysis: Analysis, evidence: Sequence[RuleEvidence]) -> set[int]:
    """The indices of the quotes of gated verbs whose speaker is not secure, in
    ``analysis`` after its speakers were chosen (``evidence``: the rules' decisions, one per
    quote in the same order: attribution and the ranker keep the quotes as they are given).
    A gated quote is told by its cue, a verb of the ``gated`` entries, which no other rule
    takes as a cue."""
    out: set[int] = set()
    for i, (quote, ev) in enumerate(zip(analysis.quotes, evidence, strict=True)):
        cue = _gated_cue(doc, quote)
        if cue is not None and not secure(cue, quote, ev):
            out.add(i)
    return out
