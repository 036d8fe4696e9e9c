"""Indirect speech candidates: for each reporting verb, its content (a range from
:mod:`quotekit.verb_contents`) or, with no content after it, the sentence before an
inverted-subject incise; for each ``selon X``, ``d'après X`` or sentence-initial ``pour
X``, the clause :mod:`quotekit.selon` finds. A guillemet fragment inside the content
makes the quote mixed.

The verbs come from :mod:`quotekit.cues`, which also says why a verb reports no speech
(negated, hypothetical, authorial, impersonal); ``wide`` candidates (for training) keep those
with the reason in their ``rule``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc

from quotekit._marks import Segment
from quotekit._resources import french
from quotekit._text import doc_text, string_ids, token_positions
from quotekit.animacy import cannot_speak
from quotekit.cues import (
    SELON,
    _gate,
    cue_span,
    is_reporting_verb,
    reporting_lemma,
)
from quotekit.gated import gated_candidates
from quotekit.quote_candidates import (
    _OPENING_MARKS,
    QuoteCandidate,
    _content_bounds,
    _inside_segment,
    _inverted_subject,
    _segment_at,
    _strip_enclosing_marks,
    _without_edge_marks,
)
from quotekit.selon import _selon_candidate, _selon_token
from quotekit.verb_contents import (
    _QUE,
    _infinitive_object,
    _noun_object,
    _que_clause,
    _said_of_oneself,
)

__all__: list[str] = []


_OPENER_WORDS = string_ids((*SELON, "d'", "d’", "pour"))

#: The contents whose verb's subject must be able to speak (:func:`quotekit.animacy.
#: cannot_speak`): noun objects, the riskiest (``la compétition promettait un spectacle``).
_JUDGED_SUBJECT = frozenset({"noun"})


def _opener_positions(doc: Doc) -> list[int]:
    """The tokens that can open indirect speech: verbs, and the words of ``selon``,
    ``d'après`` and ``pour``."""
    return sorted(token_positions(doc, POS, {VERB}) + token_positions(doc, LOWER, _OPENER_WORDS))


def _indirect_candidates(
    doc: Doc, segments: list[Segment], *, wide: bool = False
) -> Iterable[QuoteCandidate]:
    text = doc_text(doc)
    for i in _opener_positions(doc):
        tok = doc[i]
        if _selon_token(tok):
            yield from _selon_candidate(doc, tok, segments)
            continue
        if tok.pos_ != "VERB":
            continue
        if not is_reporting_verb(tok):
            if not wide:
                yield from gated_candidates(doc, tok, segments)
            continue
        gate = _gate(tok)
        if gate is not None and not wide:
            continue
        rng = _que_clause(tok)
        confidence = 0.8
        rule = "que"
        clause_only = reporting_lemma(tok) in french().clause_reporting_verbs
        if rng is None and not clause_only:
            rng = _infinitive_object(tok)
            confidence = 0.7
            rule = "infinitive"
        if rng is None and not clause_only:
            rng = _said_of_oneself(tok)
            confidence = 0.7
            rule = "predicate"
        if rng is None and not clause_only:
            rng = _noun_object(tok)
            confidence = 0.55
            rule = "noun"
        if rng is None and wide:
            rng = _noun_object(tok, any_verb=True)
            confidence = 0.0
            rule = "wide:noun"
        if gate is None and rng is not None and rule in _JUDGED_SUBJECT and cannot_speak(tok):
            # "les radiographies confirment une fracture": a thing reports no one's words
            gate = "inanimate"
            if not wide:
                continue
        if gate is not None:
            rule, confidence = f"wide:{gate}:{rule}", 0.0
        if rng is None:
            # inverted-subject incise after the content: "..., a expliqué X."
            if _inverted_subject(tok) and tok.i > tok.sent.start + 3:
                cue = cue_span(doc, tok)
                j = cue.start - 1
                while j >= 0 and text[j] in " \u00a0":
                    j -= 1
                if j >= 0 and text[j] == ",":
                    # the content is the sentence before the incise
                    start, end = _content_bounds(
                        text, tok.sent.start_char, j, segments, before_cue=True
                    )
                    if end - start > 20 and not _inside_segment(segments, start, end):
                        yield QuoteCandidate(
                            start,
                            end,
                            "indirect",
                            tok.i,
                            0.6 if gate is None else 0.0,
                            1,
                            "inverted" if gate is None else f"wide:{gate}:inverted",
                        )
            continue
        # coordinated que-clauses ("qu'il … et que les enquêteurs …") stay one content,
        # as the open gold has them eight times in ten
        a, b = rng
        a = _after_quoted_conjunct(doc, a, b, segments)
        if a >= b:
            continue
        raw_end = doc[b - 1].idx + len(doc[b - 1].text)
        if rule == "que":
            raw_end = _with_trailing_fragment(text, doc[a].idx, raw_end, segments)
        start, end = _content_bounds(text, doc[a].idx, raw_end, segments)
        if end <= start:
            continue
        inside = _segment_at(segments, start, end)
        if rule == "noun" and inside:
            # "a dénoncé un « chantage » de la mairie": the fragment is the quote
            seg = inside[0]
            yield QuoteCandidate(
                seg.start, seg.end, "mixed", tok.i, confidence + 0.1, 4, f"{rule}:fragment"
            )
            continue
        if inside:
            start, end = _strip_enclosing_marks(text, start, end, segments)
            start, end = _without_edge_marks(text, start, end)
            yield QuoteCandidate(start, end, "mixed", tok.i, confidence + 0.05, 4, rule)
        else:
            yield QuoteCandidate(start, end, "indirect", tok.i, confidence, 1, rule)


def _after_quoted_conjunct(doc: Doc, a: int, b: int, segments: list[Segment]) -> int:
    """``a précisé que « … » et qu'il importait peu …``: when the first of coordinated
    que-clauses is a whole guillemet segment, a direct quote of its own, the content is
    what follows the conjunction."""
    if doc[a].text not in _OPENING_MARKS:
        return a
    seg = next((s for s in segments if s.open == doc[a].idx), None)
    if seg is None:
        return a
    k = a
    while k < b and doc[k].idx < seg.close:
        k += 1
    if k + 2 < b and doc[k + 1].pos_ == "CCONJ" and doc[k + 2].lower_ in _QUE:
        return k + 3
    return a


def _with_trailing_fragment(text: str, start: int, end: int, segments: list[Segment]) -> int:
    """Extend a clause to a guillemet fragment that ends it (``que le gouvernement
    « ne lâchera rien »``): the parser often hangs the fragment, or its closing mark, on
    the main verb. A fragment opening right after the clause or inside it counts.
    """
    j = end
    while j < len(text) and text[j] in " \u00a0\u202f\t":
        j += 1
    for seg in segments:
        if not (seg.open == j or start <= seg.open < end < seg.close + 1):
            continue
        if "\n" in text[seg.open : seg.close] or any(c in text[start : seg.open] for c in ":;.!?"):
            continue  # a quote after a colon stands on its own
        return min(len(text), max(end, seg.close + 1))  # an unclosed « ends at the text end
    return end
