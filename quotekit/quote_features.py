"""Is a candidate a quote? Features of quote candidates and the trained decision.

:mod:`quotekit.quotes` proposes candidates by linguistic rules: guillemet segments,
que-clauses, infinitive and noun objects of reporting verbs, ``selon`` phrases. With
``wide=True`` it also proposes what its own rules reject (guillemets after an article,
content of a negated or hypothetical verb, noun objects of any reporting verb), tagged
with how each was made. Here each candidate is described by features that hold in any
article (how it was made, its cue verb and where the cue stands, its length, its marks,
whether it has a verb, whether it sits in the title line), a trained linear model
(:mod:`quotekit.linear`) gives it a probability, and the quotes are the candidates above
the model's threshold, the more probable winning an overlap.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from quotekit._resources import french
from quotekit._text import doc_text
from quotekit.cues import reporting_lemma
from quotekit.linear import LinearModel
from quotekit.quotes import QuoteCandidate

__all__ = ["DEFAULT_THRESHOLD", "candidate_features", "decide"]

#: Used when a model's ``meta`` gives no ``threshold`` of its own.
DEFAULT_THRESHOLD = 0.5

_MARKS = '«»“”"„‟'
_SPACES = " \u00a0\u202f\t"
_DETERMINERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l'",
        "l’",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d'",
        "d’",
        "au",
        "aux",
        "ce",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "notre",
        "nos",
        "votre",
        "vos",
        "mon",
        "ma",
        "mes",
        "pour",
        "par",
        "sur",
        "en",
        "dans",
        "avec",
        "contre",
    ]
)


def _words_bucket(n: int) -> str:
    for edge, name in ((1, "1"), (3, "2-3"), (7, "4-7"), (15, "8-15"), (30, "16-30")):
        if n <= edge:
            return name
    return "31+"


def _char_before(text: str, i: int) -> tuple[str, int]:
    """The first character before ``i`` that is not a space, and its offset (-1 if none)."""
    j = i - 1
    while j >= 0 and text[j] in _SPACES:
        j -= 1
    return (text[j], j) if j >= 0 else ("", -1)


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and text[j - 1] in _SPACES:
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'’-"):
        k -= 1
    return text[k:j].lower()


def candidate_features(doc: Doc, c: QuoteCandidate) -> dict[str, float]:
    """The features of one candidate of ``doc``."""
    text = doc_text(doc)
    f: dict[str, float] = {}
    parts = c.rule.split(":")
    f[f"rule:{c.rule}"] = 1.0
    f[f"family:{parts[0]}"] = 1.0
    if parts[0] == "wide" and len(parts) > 1:
        f[f"wide:{parts[1]}"] = 1.0
    f[f"kind:{c.kind}"] = 1.0
    f[f"priority:{c.priority}"] = 1.0
    f[f"rules_confidence:{round(c.confidence, 1)}"] = 1.0
    span = text[c.start : c.end]
    words = sum(1 for w in span.split() if any(ch.isalnum() for ch in w))
    f[f"words:{_words_bucket(words)}"] = 1.0
    f[f"words:{_words_bucket(words)}:{c.kind}"] = 1.0
    if span[:1].isupper():
        f["starts_upper"] = 1.0
    if span.rstrip(_MARKS + _SPACES)[-1:] in ".!?…":
        f["ends_sentence_mark"] = 1.0
    if any(ch in _MARKS for ch in span):
        f["holds_marks"] = 1.0
    before, at = _char_before(text, c.start)
    if before and before in _MARKS:
        f["in_marks"] = 1.0
        mark_before, _ = _char_before(text, at)
        if mark_before == ":":
            f["colon_before_marks"] = 1.0
        if _word_before(text, at) in _DETERMINERS:
            f["determiner_before_marks"] = 1.0
        if mark_before in ".!?\n" or at == 0 or text[at - 1 : at] == "\n":
            f["marks_open_sentence"] = 1.0
    newline = text.find("\n")
    if newline == -1 or c.start < newline:
        f["title_line"] = 1.0
    tokens = doc.char_span(c.start, c.end, alignment_mode="expand")
    if tokens is not None:
        if any(t.pos_ in ("VERB", "AUX") for t in tokens):
            f["has_verb"] = 1.0
        if not any(t.pos_ for t in tokens):
            f["unparsed"] = 1.0
        if any(t.text == "?" for t in tokens):
            f["question"] = 1.0
    if c.cue_token is None:
        f["no_cue"] = 1.0
        f[f"no_cue:{c.kind}"] = 1.0
    else:
        cue = doc[c.cue_token]
        lemma = reporting_lemma(cue) or cue.lemma_.lower() or cue.lower_
        data = french()
        f["cue:strong" if lemma in data.strong_reporting_verbs else "cue:weak"] = 1.0
        if lemma in data.object_reporting_verbs:
            f["cue:object_verb"] = 1.0
        if lemma in data.speech_nouns:
            f["cue:noun"] = 1.0
        f[f"cue_pos:{cue.pos_ or 'none'}"] = 1.0
        if cue.idx >= c.end:
            f["cue_after"] = 1.0
            gap = cue.idx - c.end
        else:
            f["cue_before"] = 1.0
            gap = max(0, c.start - (cue.idx + len(cue.text)))
        f[f"cue_gap:{_words_bucket(gap // 6)}"] = 1.0
    return f


def decide(
    doc: Doc, candidates: Sequence[QuoteCandidate], model: LinearModel
) -> list[tuple[QuoteCandidate, float]]:
    """The quotes among ``candidates`` and their probabilities, in text order.

    A candidate is kept when the model's probability reaches its threshold and it does
    not overlap a more probable kept candidate.
    """
    threshold = float(model.meta.get("threshold", DEFAULT_THRESHOLD))
    scored = [(c, model.probability(candidate_features(doc, c))) for c in candidates]
    kept: list[tuple[QuoteCandidate, float]] = []
    for c, p in sorted(scored, key=lambda cp: (-cp[1], -(cp[0].end - cp[0].start), cp[0].start)):
        if p < threshold or c.end <= c.start:
            continue
        if any(c.start < k.end and k.start < c.end for k, _ in kept):
            continue
        kept.append((c, p))
    return sorted(kept, key=lambda cp: cp[0].start)
