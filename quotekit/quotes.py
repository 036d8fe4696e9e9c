"""Quote spans: direct, indirect and mixed, each with its cue (the reporting expression).

The guideline (``docs/guideline.md``) defines the spans. This stage finds them and the
cue that introduces each; the attribution stage then finds the speaker from the cue.

Mechanisms, in order:

1. Guillemet segments (``_marks``) are classified by the evidence around them, here: a
   colon before, an incise after (``», a déclaré X``), ``selon X,`` before, a reporting
   verb governing the fragment (mixed), or the shape of the content (a term in guillemets
   is short and has no verb: not a quote).
2. Reporting verbs with a que-clause, an infinitive or noun object, or an inverted-subject
   incise after the content give indirect quotes, and ``selon X`` / ``d'après X`` the rest
   of their clause (:mod:`quotekit.indirect`); a guillemet fragment inside that content
   makes it mixed.
3. Overlaps are resolved so that no two quotes overlap (:func:`find_candidates`), and the
   candidates become :class:`~quotekit.model.Quote` objects (:func:`find_quotes`).
"""

from __future__ import annotations

import attrs
from spacy.tokens import Doc, Token

from quotekit._marks import Segment, find_segments
from quotekit._resources import french
from quotekit._text import doc_text
from quotekit.cues import (
    _is_negated,
    cue_span,
    is_reporting_verb,
    is_selon,
)
from quotekit.indirect import _indirect_candidates
from quotekit.linear import LinearModel
from quotekit.model import Quote, Span
from quotekit.quote_candidates import (
    QuoteCandidate,
    _inverted_subject,
    _tokens_from,
    _trim,
)
from quotekit.selon import _selon_source_end, _selon_token

__all__ = [
    "QuoteCandidate",
    "find_candidates",
    "find_quotes",
    "quote_of",
]


def _incise_after(doc: Doc, char: int, *, window: int = 4) -> Token | None:
    """A reporting verb right after ``char`` (a closing mark or a comma): ``», a déclaré X``."""
    span = _tokens_from(doc, char)
    if span is None:
        return None
    seen = 0
    for tok in span:
        if tok.idx < char:
            continue
        if tok.is_punct and tok.text in (",", "»", "”", '"', "—", "-"):
            continue
        if tok.text in (".", "!", "?", "\n") or "\n" in tok.text:
            return None
        if is_reporting_verb(tok) and not _is_negated(tok):
            return tok
        if is_selon(tok):
            return tok
        seen += 1
        if seen >= window:
            return None
    return None


def _direct_from_segment(
    doc: Doc, seg: Segment, words: int, has_verb: bool
) -> QuoteCandidate | None:
    text = doc_text(doc)
    # evidence before the opening mark (a colon may end the previous paragraph)
    j = seg.open - 1
    while j >= 0 and text[j] in " \u00a0\u202f\t\n\r":
        j -= 1
    colon_before = j >= 0 and text[j] == ":"
    incise = _incise_after(doc, seg.close + 1)
    if incise is not None and _names_the_noun_before(doc, seg):
        return None  # "sous le slogan « Du pain et la paix », a accusé": a name
    # a comma-incise inside the quote is handled by the caller
    if incise is not None and colon_before and not _inverted_subject(incise):
        incise = None  # "Il a réagi : « … » poursuivant par": the colon's verb speaks
    if incise is not None:
        return QuoteCandidate(seg.start, seg.end, "direct", incise.i, 0.9, 3, "segment:incise")
    if colon_before:
        cue = _verb_before(doc, j)
        return QuoteCandidate(
            seg.start, seg.end, "direct", cue, 0.85 if cue is not None else 0.7, 3, "segment:colon"
        )
    before = doc.char_span(0, seg.open, alignment_mode="contract") if seg.open > 0 else None
    if before is not None and len(before):
        prev = before[-1]
        sent_start = prev.sent.start
        # "Selon X, « ... »"
        for tok in doc[sent_start : prev.i + 1]:
            source_end = _selon_source_end(tok)
            if source_end > prev.i + 1:
                continue  # "selon un « mode sans échec »": the fragment is the source itself
            if _selon_token(tok) and _apposition_only(doc, source_end, prev.i):
                return QuoteCandidate(seg.start, seg.end, "direct", tok.i, 0.8, 3, "segment:selon")
    starts_sentence = _at_sentence_start(text, seg.open)
    if (
        before is not None
        and len(before)
        and before[-1].pos_ in ("ADP", "DET")
        and not starts_sentence
    ):
        return None  # embedded in the sentence's syntax ("pour « un moment d'échange »")
    if has_verb and (words >= 4 or (starts_sentence and words >= 3)):
        return QuoteCandidate(
            seg.start, seg.end, "direct", None, 0.55 if starts_sentence else 0.4, 2, "segment:bare"
        )
    return None


def _names_the_noun_before(doc: Doc, seg: Segment) -> bool:
    """A capitalised text in guillemets right after a common noun inside a sentence names
    what the noun denotes (``le slogan « Du pain et la paix »``, ``l'opération « Ville
    morte »``), unless the noun is one of speech (``ses propos « … »``)."""
    text = doc_text(doc)
    if not text[seg.start : seg.start + 1].isupper() or _at_sentence_start(text, seg.open):
        return False
    before = doc.char_span(0, seg.open, alignment_mode="contract") if seg.open > 0 else None
    if before is None or not len(before):
        return False
    noun = before[-1]
    return noun.pos_ == "NOUN" and noun.lemma_.lower() not in french().speech_nouns


def _apposition_only(doc: Doc, source_end: int, last: int) -> bool:
    """Whether tokens ``source_end..last`` are at most a comma apposition before a mark.

    ``Selon X, « … »`` and ``Pour X, le président de Y, « … »``: the source may carry
    its role between commas, but no verb.
    """
    if source_end >= last - 1:
        return True
    between = doc[source_end : last + 1]
    return (
        len(between) <= 14
        and doc[last].text == ","
        and between[0].text == ","
        and not any(t.pos_ in ("VERB", "AUX") or t.text in ".;:!?" for t in between)
    )


def _at_sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \u00a0\u202f\t":
        j -= 1
    return j < 0 or text[j] in ".!?\n—–-" or text[j] == "»"


def _verb_before(doc: Doc, colon_char: int) -> int | None:
    """The reporting verb (or noun of speech) of the clause before a colon."""
    span = doc.char_span(0, colon_char, alignment_mode="contract")
    if span is None or not len(span):
        return None
    sent = span[-1].sent
    before = list(doc[sent.start : span[-1].i + 1])
    for tok in reversed(before):
        if is_reporting_verb(tok):
            return tok.i
    for tok in reversed(before):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in french().speech_nouns:
            return tok.i  # "Les paroles de l'écrivain sont : « … »"
    for tok in reversed(before):
        if tok.pos_ == "VERB" and tok.dep_ == "ROOT":
            return tok.i
    return None


def _governing_verb(doc: Doc, seg: Segment) -> Token | None:
    """A reporting verb that governs a guillemet fragment (``a dénoncé un « ... »``).

    The fragment's root is climbed up to four heads; a word of the fragment hanging
    directly on a reporting verb before it counts too, since the parser sometimes roots
    a fragment ending with ``[…]`` or a full stop elsewhere.
    """
    inner = doc.char_span(seg.start, seg.end, alignment_mode="expand")
    if inner is None or not len(inner):
        return None

    def clean_gap(head: Token) -> bool:
        gap = doc_text(doc)[head.idx + len(head.text) : seg.open]
        return not any(c in gap for c in ".;:!?\n")

    root = inner.root
    node: Token = root
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            break
        if head.i < inner.start and is_reporting_verb(head):
            # no sentence punctuation between the verb and the mark
            return head if clean_gap(head) else None
        node = head
    for tok in inner:
        head = tok.head
        if head.i < inner.start and is_reporting_verb(head) and tok.dep_ in _CONTENT_DEPS:
            return head if clean_gap(head) else None
    return None


_CONTENT_DEPS = frozenset({"obj", "xcomp", "ccomp", "obl:arg", "nsubj"})


def _words(doc: Doc, start: int, end: int) -> tuple[int, bool]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return len(doc_text(doc)[start:end].split()), False
    words = sum(1 for t in span if not t.is_punct and not t.is_space)
    has_verb = any(
        t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm", []) or t.pos_ == "VERB")
        for t in span
    )
    return words, has_verb


def _noun_phrase_follows(doc: Doc, verb: Token, between: list[Token]) -> bool:
    """An incise whose subject the parser took for an object: ``, a affirmé le syndicaliste X,``.

    Only auxiliaries and adverbs may stand between the comma and the verb, and a
    determiner, a proper noun or a civility must follow it.
    """
    if any(t.pos_ not in ("AUX", "ADV") for t in between):
        return False
    if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i for c in verb.children):
        return False
    k = verb.i + 1
    while k < len(doc) and doc[k].pos_ == "ADV":
        k += 1
    return k < len(doc) and (doc[k].pos_ in ("DET", "PROPN") or doc[k].text in french().titles)


def _split_on_incise(doc: Doc, seg: Segment) -> list[tuple[int, int, int | None]]:
    """Split ``« Nous irons, a-t-il dit, jusqu'au bout »`` into two parts with one cue."""
    span = doc.char_span(seg.start, seg.end, alignment_mode="contract")
    if span is None:
        return [(seg.start, seg.end, None)]
    toks = list(span)
    for k, tok in enumerate(toks[:-2]):
        if tok.text != ",":
            continue
        # ", a-t-il dit," / ", dit-il," / ", estime le ministre,"
        for m in range(k + 1, min(k + 6, len(toks))):
            verb = toks[m]
            if is_reporting_verb(verb) and (
                _inverted_subject(verb) or _noun_phrase_follows(doc, verb, toks[k + 1 : m])
            ):
                # find the end of the incise: a comma, or a full stop when the quote
                # goes on with a new sentence ("…, a expliqué M. Lebrun. Nous avons…")
                for n in range(m + 1, min(m + 10, len(toks))):
                    if toks[n].text in (",", "."):
                        first_end = tok.idx
                        second_start = toks[n].idx + 1
                        a = _trim(doc_text(doc), seg.start, first_end)
                        # the second part ends where the quote ends, its full stop kept
                        b = (_trim(doc_text(doc), second_start, seg.end)[0], seg.end)
                        if a[1] > a[0] and b[1] > b[0]:
                            return [(a[0], a[1], verb.i), (b[0], b[1], verb.i)]
                break
    return [(seg.start, seg.end, None)]


def _candidates(doc: Doc, segments: list[Segment], *, wide: bool = False) -> list[QuoteCandidate]:
    out: list[QuoteCandidate] = []
    for seg in segments:
        if seg.end <= seg.start:
            continue
        words, has_verb = _words(doc, seg.start, seg.end)
        governing = _governing_verb(doc, seg)
        if governing is not None and _names_the_noun_before(doc, seg):
            governing = None  # "a lancé l'opération « Ville morte »": a name, no speech
        if governing is not None and not _colon_before(doc_text(doc), seg.open):
            out.append(
                QuoteCandidate(seg.start, seg.end, "mixed", governing.i, 0.7, 2, "segment:object")
            )
            continue
        direct = _direct_from_segment(doc, seg, words, has_verb)
        if direct is None:
            if wide:  # a term, a title, a name in guillemets... or a quote the rules missed
                out.append(
                    QuoteCandidate(seg.start, seg.end, "direct", None, 0.0, 0, "wide:segment")
                )
            continue
        parts = _split_on_incise(doc, seg)
        if len(parts) == 2:
            for s, e, inner_cue in parts:
                # the incise after the whole quote, when there is one, names the speaker
                cue = direct.cue_token if direct.cue_token is not None else inner_cue
                out.append(
                    attrs.evolve(
                        direct, start=s, end=e, cue_token=cue, confidence=0.85, rule="segment:split"
                    )
                )
        else:
            out.append(direct)
    out.extend(_indirect_candidates(doc, segments, wide=wide))
    return out


def _colon_before(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \u00a0\u202f\t\n\r":
        j -= 1
    return j >= 0 and text[j] == ":"


def _resolve_overlaps(cands: list[QuoteCandidate]) -> list[QuoteCandidate]:
    kept: list[QuoteCandidate] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.end <= c.start:
            continue
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def find_candidates(
    doc: Doc, *, problems: list[str] | None = None, wide: bool = False
) -> list[QuoteCandidate]:
    """Quote candidates of a parsed Doc, in text order.

    Unbalanced quote marks are appended to ``problems`` when it is given, else warned of.
    By default the rules' own choice: no overlaps, priority deciding. With ``wide``, every
    candidate, overlapping and including those the rules would reject (``rule`` says
    which), for the trained decision (:mod:`quotekit.quote_features`) to choose from.
    """
    text = doc_text(doc)
    segments = find_segments(text, problems=problems)
    # a part with no word is no quote: what an unclosed mark leaves after an incise
    said = [
        c
        for c in _candidates(doc, segments, wide=wide)
        if any(ch.isalnum() for ch in text[c.start : c.end])
    ]
    return sorted(said, key=lambda c: (c.start, c.end)) if wide else _resolve_overlaps(said)


def quote_of(doc: Doc, c: QuoteCandidate, confidence: float | None = None) -> Quote:
    """The :class:`Quote` of a candidate: its text, kind and cue span."""
    text = doc_text(doc)
    cue = None
    if c.cue_token is not None:
        cue = cue_span(doc, doc[c.cue_token])
        if doc[c.cue_token].lower_ in ("d'", "d’"):
            after = doc[c.cue_token + 1]
            cue = Span.of(text, cue.start, after.idx + len(after.text))
    if cue is not None and c.start < cue.end and cue.start < c.end:
        cue = None  # a cue inside its own quote is not one
    return Quote(
        c.start,
        c.end,
        text[c.start : c.end],
        kind=c.kind,
        cue=cue,
        confidence=c.confidence if confidence is None else confidence,
    )


def find_quotes(
    doc: Doc, *, problems: list[str] | None = None, model: LinearModel | None = None
) -> tuple[Quote, ...]:
    """Find the quotes of a parsed French Doc, with their cues but no speakers yet.

    Args:
        doc: A Doc parsed by a French pipeline with a parser and lemmatizer.
        problems: When given, a sentence on the unbalanced quote marks is appended to
            it instead of being raised as a :class:`QuotekitWarning`.
        model: The trained quote decision (:mod:`quotekit.quote_features`): it judges
            every candidate, those the rules reject included, and its probability is the
            quote's confidence. None: the rules decide.

    Returns:
        Quotes in text order; they do not overlap.

    Example:
        >>> [q.text for q in find_quotes(nlp("« Nous irons au bout », a déclaré Marie Dupont."))]
        ['Nous irons au bout']
    """
    if model is not None:
        from quotekit.quote_features import decide

        candidates = find_candidates(doc, problems=problems, wide=True)
        return tuple(quote_of(doc, c, p) for c, p in decide(doc, candidates, model))
    return tuple(quote_of(doc, c) for c in find_candidates(doc, problems=problems))
