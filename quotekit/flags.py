"""How firmly each quote is attributed: hedged, denial, negated, and second-hand (``via``).

This stage runs after attribution, on the parsed Doc (the sentences holding a cue are
parsed, ``quotekit.focus``) and the quotes and entities already found. It reads the cue's
tokens and their morphology, and the sentence around them:

- ``hedged``: a conditional cue (``aurait déclaré``, ``affirmerait``), a conditional main
  verb in the content of ``selon X, …`` (``selon X, Y aurait …``), or a hearsay marker in
  the cue's sentence, outside the content (``selon des informations de``, ``de source
  proche du dossier``, ``selon une source``, ``à en croire``);
- ``denial``: the cue's verb is ``démentir``, ``nier``, ``contester``, ``réfuter`` or
  ``récuser``;
- ``negated``: the cue is negated (``n'a jamais dit que``) or hypothetical (``pourrait
  annoncer que``, ``s'il disait que``). The quote stage leaves such cues out; this stage adds
  their que-clause as a quote flagged ``negated``, which the evaluator does not count;
- ``via``: the source that reports a quote second-hand: ``selon X`` / ``d'après X`` /
  ``cité par X`` in the sentence of another cue (``selon Le Monde, le ministre a affirmé
  que …``: the quote becomes the que-clause, its speaker the minister, ``via`` Le Monde).

A ``selon X`` that is itself the cue gives no ``via``: X is then the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
from spacy.attrs import POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Token

from quotekit._text import doc_text, token_positions
from quotekit.cues import MODALS, NEGATION, cue_span, is_aside, is_selon, reporting_lemma
from quotekit.model import Analysis, Quote, QuoteKind, Span, Speaker

__all__ = ["DENIAL_LEMMAS", "mark_quotes"]

#: Reporting verbs whose speaker rejects the content.
DENIAL_LEMMAS = frozenset({"démentir", "nier", "contester", "réfuter", "récuser"})

_NE = frozenset({"ne", "n'", "n’"})
_QUE = frozenset({"que", "qu'", "qu’"})
_SUBJECT_PRONOUNS = frozenset({"lui", "elle", "eux", "elles", "moi", "nous", "vous", "soi"})
_FIRST_PERSON = frozenset({"je", "j'", "j’", "nous"})

#: Hearsay markers: the information comes from an unnamed or indirect source.
_HEARSAY = re.compile(
    r"\b(?:selon|d['’]après)\s+(?:des|nos|plusieurs|certaines|une|de|diverses)\s+"
    r"(?:informations?|sources?|rumeurs?|indiscrétions?)\b"
    r"|\bde\s+sources?\s+(?:proches?|bien\s+informées?|sûres?|concordantes|"
    r"policières?|judiciaires?|diplomatiques?|gouvernementales?|internes?)\b"
    r"|\bselon\s+la\s+rumeur\b|\bà\s+en\s+croire\b|\bdit-on\b|\bparaît-il\b",
    re.IGNORECASE,
)
#: ``cité par X``, ``rapporté par X``: the source that reports a quote.
_REPORTED_BY = frozenset({"cité", "citée", "cités", "citées", "rapporté", "rapportés"})


#: Conditional stems of irregular verbs (``aur-ait``, ``pourr-ait``).
_IRREGULAR_CONDITIONAL = frozenset(
    {"aur", "ser", "pourr", "devr", "fer", "ir", "voudr", "viendr", "faudr", "saur", "verr"}
    | {"tiendr", "enverr", "vaudr", "dir"}
)


def _conditional(tok: Token) -> bool:
    """A verb form in the conditional.

    Notes:
        The tagger often reads a conditional as an imperfect (``affirmerait``:
        ``Mood=Ind|Tense=Imp``), so the form decides too: the conditional is the
        infinitive (``-re`` without its ``e``) or an irregular stem followed by
        ``-ait``/``-aient``, where the imperfect is the bare stem (``déclarait``).
    """
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if "Cnd" in tok.morph.get("Mood", []):
        return True
    form, lemma = tok.lower_, tok.lemma_.lower()
    for ending in ("aient", "ait", "ais"):
        if form.endswith(ending) and form[: -len(ending)].endswith("r"):
            stem = form[: -len(ending)]
            return (
                stem in _IRREGULAR_CONDITIONAL
                or stem == lemma
                or (lemma.endswith("re") and stem == lemma[:-1])
                or (len(stem) > 4 and stem.endswith("er") and stem != lemma[:-2] + "r")
            )
    return False


def _conditional_head(tok: Token) -> bool:
    """The verb or one of its auxiliaries is conditional (``aurait déclaré``)."""
    return _conditional(tok) or any(
        (c.dep_.startswith("aux") or c.dep_ == "cop") and _conditional(c) for c in tok.children
    )


def _negated(verb: Token) -> Token | None:
    """The ``ne`` of a negated verb (``n'a jamais dit``), else None."""
    ne = [c for c in verb.children if c.lower_ in _NE]
    if ne and any(c.lower_ in NEGATION for c in verb.children):
        return ne[0]
    return None


def _hypothetical(verb: Token) -> Token | None:
    """The token that makes the verb hypothetical: a modal it depends on (``pourrait
    annoncer``) or ``si`` (``s'il disait que``); else None."""
    head = verb.head
    own_subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")]
    subjects = own_subject or [c for c in head.children if c.dep_ in ("nsubj", "expl:subj")]
    if any(c.lower_ in ("on", "l'on", "l’on") for c in subjects):
        return None  # "si l'on peut considérer que": nobody is reported
    if (
        verb.dep_ == "xcomp"
        and head.i < verb.i
        and head.lemma_ in MODALS
        and not own_subject  # "comme l'indique X" misread as the modal's complement
        and not any(t.is_punct for t in verb.doc[head.i + 1 : verb.i])
    ):
        return head
    for c in verb.children:
        if c.dep_ == "mark" and c.lower_ in ("si", "s'", "s’"):
            return c
    return None


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [] if span is None else list(span)


def _cue_head(doc: Doc, cue: Span) -> Token | None:
    """The cue's verb (``déclaré`` in ``a-t-il déclaré``), or its ``selon``."""
    toks = _tokens(doc, cue.start, cue.end)
    for tok in toks:
        if tok.lower_ in ("selon", "après", "d'après", "d’après"):
            return tok
    verbs = [t for t in toks if reporting_lemma(t) is not None]
    if verbs:
        return verbs[-1]
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX", "NOUN")]
    return verbs[-1] if verbs else (toks[-1] if toks else None)


def _is_selon(tok: Token | None) -> bool:
    return tok is not None and tok.lower_ in ("selon", "après", "d'après", "d’après")


def _que_clause(verb: Token) -> tuple[int, int] | None:
    """Character bounds of the que-clause object of ``verb``, without ``que``."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ not in ("ccomp", "obj", "xcomp") or child.i < verb.i:
            continue
        sub = list(child.subtree)
        first = sub[0]
        if first.lower_ not in _QUE:
            continue
        lo, hi = first.i + 1, sub[-1].i
        while hi > lo and (doc[hi].is_punct and doc[hi].text not in '»”"'):
            hi -= 1
        if hi < lo:
            return None
        # a content never crosses a line break
        for k in range(lo, hi + 1):
            if "\n" in doc[k].text_with_ws and k < hi:
                hi = k
                break
        return doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    return None


def _speaker_at(analysis: Analysis, start: int, end: int, text: str) -> Speaker:
    """The entity mentioned in ``text[start:end]``, else a description of the phrase."""
    for entity in analysis.entities:
        for m in entity.mentions:
            if start <= m.start and m.end <= end:
                return Speaker(
                    name=entity.name,
                    kind=entity.kind,
                    entity=entity.id,
                    mention=Span(m.start, m.end, m.text),
                )
    return Speaker(name=text[start:end], kind="description", mention=Span.of(text, start, end))


def _source_phrase(doc: Doc, selon: Token, stop: int) -> tuple[int, int] | None:
    """The character bounds of the source after ``selon`` / ``d'après`` / ``par``: up to a
    comma, a clause stop, the sentence end or ``stop`` (a character offset)."""
    sent = selon.sent
    k = selon.i + 1
    if k < len(doc) and doc[k].dep_ == "fixed" and doc[k].lower_ in ("après",):
        k += 1
    first = k
    while (
        k < sent.end
        and doc[k].idx < stop
        and doc[k].text not in (",", ".", ";", ":", "!", "?", "«", "»", "(", ")")
        and "\n" not in doc[k].text
        and not (doc[k].pos_ in ("VERB", "AUX") and k > first)
    ):
        k += 1
    if k == first:
        return None
    return doc[first].idx, doc[k - 1].idx + len(doc[k - 1].text)


def _selon_tokens(doc: Doc, start: int, end: int) -> Iterable[Token]:
    for tok in _tokens(doc, start, end):
        if is_selon(tok):
            yield tok


_SENTENCE_END = re.compile(r"[.!?…]\s|\n")


def _sentence_around(text: str, quote: Quote) -> tuple[int, int]:
    """The characters of the sentence holding the quote and its cue, outside the quote's
    own text: from the last sentence end before them to the first one after them."""
    lo = quote.start if quote.cue is None else min(quote.start, quote.cue.start)
    hi = quote.end if quote.cue is None else max(quote.end, quote.cue.end)
    start = lo
    while start > 0:  # back to a line break or a sentence end (not inside the quote)
        ch = text[start - 1]
        if ch == "\n":
            break
        ends = ch in ".!?…" and start < len(text) and text[start].isspace()
        if ends and not (quote.start <= start - 1 < quote.end):
            break
        start -= 1
    m = _SENTENCE_END.search(text, hi)
    return start, len(text) if m is None else m.start() + 1


def _via(doc: Doc, analysis: Analysis, quote: Quote, head: Token) -> Speaker | None:
    """The source reporting a quote second-hand, in the sentence of its cue and outside its
    content: ``selon X`` / ``d'après X`` / ``cité par X``."""
    text = doc_text(doc)
    sent_start, sent_end = _sentence_around(text, quote)
    for tok in _selon_tokens(doc, sent_start, sent_end):
        if quote.start <= tok.idx < quote.end:
            continue
        if quote.cue is not None and quote.cue.start <= tok.idx < quote.cue.end:
            continue
        anchor = tok.i + 1 if tok.lower_ in ("d'", "d’") else tok.i
        stop = quote.start if tok.idx < quote.start else len(text)
        phrase = _source_phrase(doc, doc[anchor], stop)
        if phrase is None:
            continue
        words = [t for t in _tokens(doc, *phrase)]
        if len(words) == 1 and words[0].lower_ in _SUBJECT_PRONOUNS:
            continue  # "selon lui": the speaker's own view
        return _speaker_at(analysis, phrase[0], phrase[1], text)
    for tok in _tokens(doc, sent_start, sent_end):
        if (
            tok.lower_ == "croire"
            and tok.i >= 2
            and doc[tok.i - 1].lower_ == "en"
            and doc[tok.i - 2].lower_ == "à"
            and not (quote.start <= tok.idx < quote.end)
        ):  # "à en croire X"
            phrase = _source_phrase(doc, tok, quote.start if tok.idx < quote.start else len(text))
            if phrase is not None:
                return _speaker_at(analysis, phrase[0], phrase[1], text)
        if tok.lower_ in _REPORTED_BY and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "par":
            if quote.start <= tok.idx < quote.end:
                continue
            phrase = _source_phrase(doc, doc[tok.i + 1], len(text))
            if phrase is not None:
                return _speaker_at(analysis, phrase[0], phrase[1], text)
    return None


def _content_conditional(doc: Doc, quote: Quote) -> bool:
    """The main verb of the content is conditional (``selon X, Y aurait démissionné``)."""
    toks = _tokens(doc, quote.start, quote.end)
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return any(_conditional_head(t) for t in roots)


def _hearsay(text: str, quote: Quote, sent_start: int, sent_end: int) -> bool:
    """A hearsay marker in the sentence, outside the quote's content."""
    for m in _HEARSAY.finditer(text, sent_start, sent_end):
        if not (quote.start <= m.start() < quote.end):
            return True
    return False


def _flags(doc: Doc, analysis: Analysis, quote: Quote) -> Quote:
    if quote.cue is None:
        return quote
    head = _cue_head(doc, quote.cue)
    if head is None:
        return quote
    text = doc_text(doc)
    selon = _is_selon(head)
    if selon:
        hedged = _content_conditional(doc, quote)
        denial = negated = False
        via = None
    else:
        hedged = _conditional_head(head)
        denial = (reporting_lemma(head) or head.lemma_) in DENIAL_LEMMAS
        negated = quote.negated or _negated(head) is not None or _hypothetical(head) is not None
        via = quote.via if quote.via is not None else _via(doc, analysis, quote, head)
    if (
        via is not None
        and quote.speaker is not None
        and via.entity is not None
        and via.entity == quote.speaker.entity
    ):
        via = None  # "selon X, qui assure que": X speaks first-hand
    hedged = hedged or _hearsay(text, quote, *_sentence_around(text, quote))
    return attrs.evolve(
        quote,
        hedged=quote.hedged or hedged,
        denial=quote.denial or denial,
        negated=negated,
        via=via,
    )


def _first_person(verb: Token) -> bool:
    return any(
        c.dep_ in ("nsubj", "expl:subj") and c.lower_ in _FIRST_PERSON for c in verb.children
    )


def _overlaps(start: int, end: int, quotes: Iterable[Quote]) -> bool:
    return any(start < q.end and q.start < end for q in quotes)


def _unasserted(doc: Doc, quotes: list[Quote]) -> tuple[list[Quote], set[int]]:
    """Que-clauses of negated or hypothetical reporting verbs, which the quote stage skips,
    and the indexes in ``quotes`` of those whose cue is inside such a clause (``il n'a pas
    dit qu'il réclamerait …``): they are not asserted either."""
    text = doc_text(doc)
    cues = [q.cue for q in quotes if q.cue is not None]
    out: list[Quote] = []
    embedded: set[int] = set()
    for i in token_positions(doc, POS, {VERB}):
        tok = doc[i]
        if reporting_lemma(tok) is None:
            continue
        if any(c.start <= tok.idx < c.end for c in cues):
            continue
        marker = _negated(tok) or _hypothetical(tok)
        if (
            marker is None
            or _first_person(tok)
            or is_aside(tok)  # "Il faut dire que": falloir is a modal, but nobody speaks
            or _overlaps(tok.idx, tok.idx + 1, quotes)
        ):
            continue
        if any(c.dep_ == "aux:pass" for c in tok.children):
            continue  # "n'est plus assuré que": a passive, no speaker
        bounds = _que_clause(tok)
        if bounds is None or not any(
            t.pos_ in ("VERB", "AUX") for t in _tokens(doc, *bounds)
        ):  # "ne … que dans un arrondissement": restriction, not a clause
            continue
        if _overlaps(*bounds, [*quotes, *out]):
            embedded.update(
                i
                for i, q in enumerate(quotes)
                if q.cue is not None and bounds[0] <= q.cue.start < bounds[1]
            )
            continue
        start, end = bounds
        if not any(ch.isalnum() for ch in text[start:end]):
            continue  # a clause the parse left with no word: no quote
        cue = cue_span(doc, tok)
        cue = Span.of(text, min(cue.start, marker.idx), cue.end)
        out.append(
            Quote(
                start,
                end,
                text[start:end],
                kind="indirect",
                cue=cue,
                confidence=0.8,
                negated=True,
            )
        )
    return out, embedded


def _second_hand(doc: Doc, analysis: Analysis, quote: Quote) -> Quote | None:
    """``Selon Le Monde, le ministre a affirmé que …``: the que-clause of the reporting verb
    inside a ``selon`` content, as a quote of that verb's subject reported via the source."""
    if quote.cue is None:
        return None
    head = _cue_head(doc, quote.cue)
    if not _is_selon(head):
        return None
    text = doc_text(doc)
    for tok in _tokens(doc, quote.start, quote.end):
        if tok.pos_ != "VERB" or reporting_lemma(tok) is None:
            continue
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subjects or not all(quote.start <= s.idx < quote.end for s in subjects):
            continue
        words = [t for t in _tokens(doc, quote.start, quote.end) if not t.is_punct]
        if not words or min(t.i for s in subjects for t in s.subtree) != words[0].i:
            continue  # the content must open with the subject: "selon X, Y a affirmé que"
        if _first_person(tok):
            continue
        bounds = _que_clause(tok)
        if bounds is None or not (quote.start <= bounds[0] and bounds[1] <= quote.end):
            continue
        if not any(ch.isalnum() for ch in text[bounds[0] : bounds[1]]):
            continue  # a clause the parse left with no word: no quote
        assert head is not None
        anchor = head.i + 1 if head.lower_ in ("d'", "d’") else head.i
        phrase = _source_phrase(doc, doc[anchor], quote.start)
        via = None if phrase is None else _speaker_at(analysis, *phrase, text)
        cue = cue_span(doc, tok)
        marker = _negated(tok) or _hypothetical(tok)
        if marker is not None:
            cue = Span.of(text, min(cue.start, marker.idx), cue.end)
        start, end = bounds
        kind: QuoteKind = "mixed" if quote.kind == "mixed" else "indirect"
        return Quote(
            start,
            end,
            text[start:end],
            kind=kind,
            cue=cue,
            confidence=0.8,
            negated=marker is not None,
            via=via,
        )
    return None


def _attribute_new(doc: Doc, analysis: Analysis, new: list[Quote]) -> Analysis:
    """Speakers for the quotes this stage adds, from the attribution stage run over all the
    quotes; the quotes already attributed keep theirs."""
    from quotekit.attribution import attribute

    if not new:
        return analysis
    added = {(q.start, q.end) for q in new}
    everything = sorted([*analysis.quotes, *new], key=lambda q: q.start)
    attributed = attribute(doc, attrs.evolve(analysis, quotes=tuple(everything)))
    by_span = {(q.start, q.end): q for q in attributed.quotes}
    quotes = [by_span[(q.start, q.end)] if (q.start, q.end) in added else q for q in everything]
    return attrs.evolve(analysis, entities=attributed.entities, quotes=tuple(quotes))


def mark_quotes(doc: Doc, analysis: Analysis) -> Analysis:
    """Flag how each quote of ``analysis`` is attributed (see the module's notes).

    Args:
        doc: The parsed Doc the analysis was made from.
        analysis: The analysis after attribution.

    Returns:
        The analysis with ``hedged``, ``denial``, ``negated`` and ``via`` set on its
        quotes, second-hand quotes under ``selon`` given to the person quoted, and the
        que-clauses of negated or hypothetical cues added as quotes flagged ``negated``.

    Example:
        >>> a = mark_quotes(doc, analysis)  # doc: "Le ministre aurait déclaré que …"
        >>> a.quotes[0].hedged
        True
    """
    kept: list[Quote] = []
    new: list[Quote] = []
    for quote in analysis.quotes:
        inner = _second_hand(doc, analysis, quote)
        if inner is None:
            kept.append(quote)
        else:
            new.append(inner)
    unasserted, embedded = _unasserted(doc, kept)
    kept = [attrs.evolve(q, negated=True) if i in embedded else q for i, q in enumerate(kept)]
    new.extend(q for q in unasserted if not _overlaps(q.start, q.end, new))
    base = attrs.evolve(analysis, quotes=tuple(kept))
    analysis = _attribute_new(doc, base, new)
    quotes = tuple(_flags(doc, analysis, q) for q in analysis.quotes)
    return attrs.evolve(analysis, quotes=quotes)
