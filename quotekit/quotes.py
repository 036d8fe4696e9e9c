"""Quote spans: direct, indirect and mixed, each with its cue (the reporting expression).

The guideline (``docs/guideline.md``) defines the spans. This stage finds them and the
cue that introduces each; the attribution stage then finds the speaker from the cue.

Mechanisms, in order:

1. Guillemet segments (``_marks``) are classified by the evidence around them: a colon
   before, an incise after (``», a déclaré X``), ``selon X,`` before, a reporting verb
   governing the fragment (mixed), or the shape of the content (a term in guillemets is
   short and has no verb: not a quote).
2. Reporting verbs (:mod:`quotekit.cues`) with a que-clause,
   an infinitive object, or an inverted-subject incise after the content give indirect
   quotes; a guillemet fragment inside that content makes it mixed.
3. ``selon X`` / ``d'après X`` give indirect quotes of the rest of their clause.
4. Overlaps are resolved so that no two quotes overlap.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from quotekit._marks import Segment, find_segments
from quotekit._resources import french
from quotekit._text import doc_text, string_ids, token_positions
from quotekit.cues import (
    _gate,
    _infinitive,
    _is_negated,
    cue_span,
    is_finite,
    is_reporting_verb,
    reporting_lemma,
)
from quotekit.linear import LinearModel
from quotekit.model import Quote, QuoteKind, Span

__all__ = [
    "QuoteCandidate",
    "find_candidates",
    "find_quotes",
    "quote_of",
    "reopens_speech",
]

#: Tokens that no clause or apposition runs across: sentence punctuation and quote marks.
_CLAUSE_STOPS = frozenset({".", ";", ":", "!", "?", "«", "»", '"', "“", "”"})
_QUE = frozenset({"que", "qu'", "qu’", "qu"})
_SELON = frozenset({"selon", "d'après", "d’après"})
_NOT_COMPLEMENTIZER = frozenset(
    {
        "ainsi",
        "alors",
        "bien",
        "parce",
        "tandis",
        "même",
        "avant",
        "après",
        "pendant",
        "dès",
        "lors",
    }
)
_TRAILING = frozenset(".!?;:,… \n\t\u00a0\u202f")
_CLOSING_MARKS = '»”"'
_OPENING_MARKS = '«“"'


@attrs.frozen
class QuoteCandidate:
    """A quote before attribution: spans, kind, cue and the evidence weight."""

    start: int
    end: int
    kind: QuoteKind
    cue_token: int | None  # index of the cue's head token in the Doc
    confidence: float
    priority: int  # higher wins an overlap
    #: how the candidate was made, a feature of the trained decision ("que", "selon",
    #: "segment:incise"...); "wide:..." for those the rules alone would not propose
    rule: str = "rule"


def _tokens_from(doc: Doc, char: int) -> SpacySpan | None:
    """The tokens from the one holding ``char`` to the end of the Doc."""
    if not len(doc) or char >= doc[-1].idx + len(doc[-1].text_with_ws):
        return None
    lo, hi = 0, len(doc) - 1
    while lo < hi:  # the last token starting at or before char
        mid = (lo + hi + 1) // 2
        if doc[mid].idx <= char:
            lo = mid
        else:
            hi = mid - 1
    if doc[lo].idx + len(doc[lo].text) <= char:
        lo += 1  # char is in the space after that token: start with the next one
    return doc[lo:] if lo < len(doc) else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    while start < end and text[start] in " \n\t\u00a0\u202f,":
        start += 1
    return start, end


def _strip_enclosing_marks(
    text: str, start: int, end: int, segments: list[Segment]
) -> tuple[int, int]:
    """A content that is exactly one guillemet segment keeps only the inside."""
    for seg in segments:
        if seg.open == start and seg.close == end - 1:
            return seg.start, seg.end
    return start, end


def _segment_at(segments: list[Segment], start: int, end: int) -> list[Segment]:
    """Segments that lie inside [start, end) (their closing mark included)."""
    return [s for s in segments if s.open >= start and s.close < end]


def _sentence_of(doc: Doc, i: int) -> SpacySpan:
    return doc[i].sent


def _que_clause(verb: Token) -> tuple[int, int] | None:
    """Token range (start, end) of the content of a que-clause governed by ``verb``.

    ``que`` may follow the verb after clitics, adverbs, an indirect object or a
    parenthetical between commas (``a annoncé, dimanche, que``), but not after
    another verb or the end of the sentence.
    """
    doc = verb.doc
    sent_end = verb.sent.end
    limit = min(sent_end, verb.i + 12)
    for j in range(verb.i + 1, limit):
        tok = doc[j]
        if tok.lower_ in _QUE:
            if j > 0 and doc[j - 1].lower_ in _NOT_COMPLEMENTIZER:
                return None  # "ainsi que", "alors que": not a reported content
            k = j + 1
            while k < len(doc) and doc[k].text in ("'", "’"):
                k += 1
            if k >= sent_end:
                return None
            # the clause: from after "que" to the right edge of its verb's subtree
            clause_head = tok.head if tok.head.i > tok.i else doc[k]
            # up to the clause's own head: "que" hangs on a copula or an auxiliary
            # ("que Moscou restait ouvert au dialogue": restait <- ouvert)
            while (
                clause_head.head.i > j
                and clause_head.head != clause_head
                and clause_head.head != verb
                and clause_head.dep_ in ("cop", "aux", "aux:tense", "aux:pass")
            ):
                clause_head = clause_head.head
            right = min(max(clause_head.right_edge.i, k), sent_end - 1)
            return k, _before_new_speech(doc, k, right + 1)
        if tok.pos_ == "VERB" or tok.text in _CLAUSE_STOPS or "\n" in tok.text:
            return None
    return None


def reopens_speech(doc: Doc, c: int) -> bool:
    """Token ``c`` is a comma before a present participle of a reporting verb, which
    opens a second content of the same speaker: ``que X, reconnaissant que Y``."""
    if doc[c].text != "," or c + 1 >= len(doc):
        return False
    p = doc[c + 1]
    return (
        "Part" in p.morph.get("VerbForm", [])
        and "Pres" in p.morph.get("Tense", [])
        and reporting_lemma(p) is not None
    )


def _before_new_speech(doc: Doc, start: int, end: int) -> int:
    """``end``, or the comma inside ``[start, end)`` where a second content opens
    (:func:`reopens_speech`)."""
    for c in range(start + 1, end - 1):
        if reopens_speech(doc, c):
            return c
    return end


def _infinitive_object(verb: Token) -> tuple[int, int] | None:
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ in ("xcomp", "ccomp", "obj")
            and child.pos_ in ("VERB", "AUX", "ADJ")
            and _infinitive(child)
        ):
            left = min(child.left_edge.i, child.i)
            # the infinitive's own left material must come after the verb
            left = max(left, verb.i + 1)
            # "de" before the infinitive introduces the content as "que" does a clause
            # ("l'accuse de militariser la mer"), and stays out of it likewise
            doc = verb.doc
            if (
                left < child.i
                and doc[left].lower_ in ("de", "d'", "d’")
                and doc[left].dep_ == "mark"
            ):
                left += 1
            return left, _before_finite_conjunct(child)
    return None


def _before_finite_conjunct(head: Token) -> int:
    """The end of ``head``'s subtree, before a finite verb coordinated with it: in ``disent
    ne pas ignorer X, mais se refusent à croire Y`` the second verb is the speakers' own
    act, not part of what they say."""
    end = head.right_edge.i + 1
    for child in head.children:
        if child.dep_ == "conj" and child.i > head.i and is_finite(child):
            k = child.left_edge.i
            while k > head.i and (head.doc[k - 1].is_punct or head.doc[k - 1].pos_ == "CCONJ"):
                k -= 1
            end = min(end, k)
    return end


def _noun_object(verb: Token, *, any_verb: bool = False) -> tuple[int, int] | None:
    """A noun object carrying content: ``a démenti toute implication``.

    Only for the verbs whose object is reported content (``object`` in the verb list),
    unless ``any_verb``: then a candidate for the trained decision to judge.
    """
    if _in_incise(verb):
        return None
    if not any_verb and reporting_lemma(verb) not in french().object_reporting_verbs:
        return None
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ == "obj"
            and child.pos_ == "NOUN"
            # a determiner or a number: "toute implication", "40 millions d'euros"
            and any(c.dep_ in ("det", "nummod") for c in child.children)
        ):
            return child.left_edge.i, child.right_edge.i + 1
    return None


def _in_incise(verb: Token) -> bool:
    """A verb right after a comma or closing mark: an incise, whose noun is its subject."""
    doc = verb.doc
    j = verb.i - 1
    while (
        j >= 0
        and doc[j].dep_ in ("aux:tense", "aux:pass", "advmod", "expl:comp")
        and doc[j].head.i == verb.i
    ):
        j -= 1
    while j >= 0 and doc[j].dep_ == "obl:mod" and doc[j].head.i == verb.i:
        j -= 1
    if j < 0 or doc[j].text not in (",", "»", "”", '"'):
        return False
    return not any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i for c in verb.children)


def _inverted_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubj:pass") and c.i > verb.i for c in verb.children) or any(
        c.text.startswith("-") and c.pos_ == "PRON" for c in verb.children
    )


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
        if tok.lower_ in _SELON or (tok.lower_ in ("d'", "d’") and tok.nbor(1).lower_ == "après"):
            return tok
        seen += 1
        if seen >= window:
            return None
    return None


_OPENER_WORDS = string_ids((*_SELON, "d'", "d’", "pour"))


def _opener_positions(doc: Doc) -> list[int]:
    """The tokens that can open indirect speech: verbs, and the words of ``selon``,
    ``d'après`` and ``pour``."""
    return sorted(token_positions(doc, POS, {VERB}) + token_positions(doc, LOWER, _OPENER_WORDS))


def _selon_token(tok: Token) -> bool:
    if tok.lower_ in _SELON:
        return True
    if (
        tok.lower_ in ("d'", "d’")
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].lower_ == "après"
    ):
        return True
    return tok.lower_ == "pour" and tok.i == tok.sent.start and _followed_by_name_and_comma(tok)


def _followed_by_name_and_comma(tok: Token) -> bool:
    doc = tok.doc
    j = tok.i + 1
    if (j < len(doc) and doc[j].pos_ in ("PROPN",)) or (
        j + 1 < len(doc) and doc[j].pos_ == "DET" and doc[j + 1].pos_ in ("NOUN", "PROPN")
    ):
        for k in range(j, min(len(doc), j + 12)):
            if doc[k].text == ",":
                return True
            if doc[k].pos_ == "VERB":
                return False
    return False


def _selon_source_end(tok: Token) -> int:
    """Token index just after the source of ``selon X`` (``selon le ministère``)."""
    doc = tok.doc
    source = tok.head if tok.head.i > tok.i else None
    if tok.lower_ in ("d'", "d’"):
        source = tok.head if tok.head.i > tok.i + 1 else None
    end = source.right_edge.i + 1 if source is not None else tok.i + 2
    # the source stops at the first comma
    for k in range(tok.i + 1, min(end, len(doc))):
        if doc[k].text == ",":
            return k
    return end


def _sentence_bounds_chars(doc: Doc, tok: Token) -> tuple[int, int]:
    sent = tok.sent
    return sent.start_char, sent.end_char


def _direct_from_segment(
    doc: Doc, seg: Segment, words: int, has_verb: bool
) -> QuoteCandidate | None:
    text = doc_text(doc)
    # evidence before the opening mark (a colon may end the previous paragraph)
    j = seg.open - 1
    while j >= 0 and text[j] in " \u00a0\u202f\t\n\r":
        j -= 1
    colon_before = j >= 0 and text[j] == ":"
    incise = _incise_after(doc, seg.close + 1) or _late_incise(doc, seg.close + 1)
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


def _late_incise(doc: Doc, char: int) -> Token | None:
    """An incise that closes the sentence after more words: ``« … » mardi, mettant fin
    à la grève, a déclaré le maire``.

    The reporting verb must follow a comma, have no subject before it and one after,
    and no other quote may open before it.
    """
    span = _tokens_from(doc, char)
    if span is None:
        return None
    for tok in span[:40]:
        if tok.text in (".", "!", "?", "«", "“", ";", ":") or "\n" in tok.text:
            return None
        if not is_reporting_verb(tok) or _is_negated(tok) or tok.pos_ != "VERB":
            continue
        j = tok.i - 1
        while j >= 0 and doc[j].head.i == tok.i and doc[j].dep_ in ("aux:tense", "advmod"):
            j -= 1
        if j < 0 or doc[j].text != ",":
            continue
        if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < tok.i for c in tok.children):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if _inverted_subject(tok) or (nxt is not None and nxt.pos_ in ("DET", "PROPN")):
            return tok
    return None


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


def _indirect_candidates(
    doc: Doc, segments: list[Segment], *, wide: bool = False
) -> Iterable[QuoteCandidate]:
    text = doc_text(doc)
    for i in _opener_positions(doc):
        tok = doc[i]
        if _selon_token(tok):
            yield from _selon_candidate(doc, tok, segments)
            continue
        if tok.pos_ != "VERB" or not is_reporting_verb(tok):
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
            rng = _noun_object(tok)
            confidence = 0.55
            rule = "noun"
        if rng is None and wide:
            rng = _noun_object(tok, any_verb=True)
            confidence = 0.0
            rule = "wide:noun"
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
        for a, b in _split_coordinated(doc, *rng):
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
                yield QuoteCandidate(start, end, "mixed", tok.i, confidence + 0.05, 4, rule)
            else:
                yield QuoteCandidate(start, end, "indirect", tok.i, confidence, 1, rule)


def _split_coordinated(doc: Doc, a: int, b: int) -> list[tuple[int, int]]:
    """Coordinated que-clauses (``qu'il … et que les enquêteurs …``) are separate quotes."""
    pieces: list[tuple[int, int]] = []
    start = a
    for k in range(a + 1, b - 1):
        if doc[k].lower_ in _QUE and doc[k - 1].pos_ == "CCONJ" and k - 1 > start:
            end = k - 1
            while end > start and doc[end - 1].is_punct:
                end -= 1
            if end - start >= 2:
                pieces.append((start, end))
            start = k + 1
    if b - start >= 3 or not pieces:
        pieces.append((start, b))
    return pieces


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


def _content_bounds(
    text: str, start: int, end: int, segments: list[Segment], *, before_cue: bool = False
) -> tuple[int, int]:
    """Trim a reported content; keep a closing mark only if its quote opened inside.

    A reported content never crosses a line break: the parser's sentences sometimes do
    (a headline, a dateline, the next paragraph), so the part next to the cue is kept.
    """
    if "\n" in text[start:end]:
        if before_cue:
            start = text.rindex("\n", start, end) + 1
        else:
            end = text.index("\n", start, end)
    start, end = _trim(text, start, end)
    while end > start and text[end - 1] in _CLOSING_MARKS:
        if any(s.close == end - 1 and s.open >= start for s in segments):
            break
        end -= 1
        start, end = _trim(text, start, end)
    return start, end


def _inside_segment(segments: list[Segment], start: int, end: int) -> bool:
    return any(s.open <= start and end <= s.close + 1 for s in segments)


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    """A verb, or a subject (the tagger sometimes reads a verb as an adjective: ``remonte``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ in ("VERB", "AUX") or t.dep_ in ("nsubj", "nsubj:pass") for t in span
    )


def _apposition_end(doc: Doc, start: int, limit: int) -> int | None:
    """The comma that closes an apposition opening at ``start`` (names, or a role noun
    with its complements, no verb), or None when ``start`` opens no apposition.

    A role with an article (``, le procureur de Lyon,``) is an apposition only after a
    name; after a noun it may be the subject of the content (``Selon le ministère, le
    porte-parole du gouvernement, X, a …``)."""
    data = french()
    k = start
    after_name = start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN"
    if k < limit and doc[k].pos_ == "DET" and after_name:
        k += 1
    if k >= limit:
        return None
    if doc[k].pos_ == "PROPN" and doc[k - 1].pos_ != "DET":
        while k < limit and doc[k].pos_ == "PROPN":
            k += 1
    elif data.is_role_noun(doc[k].lower_, doc[k].lemma_):
        while (
            k < limit
            and k - start < 14
            and doc[k].text != ","
            and doc[k].pos_ not in ("VERB", "AUX")
            and doc[k].text not in _CLAUSE_STOPS
        ):
            k += 1
    else:
        return None
    return k if k < limit and doc[k].text == "," else None


def _selon_candidate(doc: Doc, tok: Token, segments: list[Segment]) -> Iterable[QuoteCandidate]:
    """``Selon X, content`` / ``content, selon X`` / ``Le bilan, selon X, fait état de``."""
    text = doc_text(doc)
    sent = tok.sent
    source_end = _selon_source_end(tok)
    if source_end >= len(doc):
        return
    after = doc[source_end]
    if after.text == ",":
        # "Selon son entraîneur, Marc Lebrun, la blessure…", "Selon Marc Lebrun, procureur
        # de Lyon, « … »": a name or a role in apposition is the source's
        k = _apposition_end(doc, source_end + 1, sent.end)
        if k is not None:
            source_end = k
            after = doc[k]
    if after.text == "," and source_end + 1 < sent.end:
        # the content follows the source: to the end of the sentence
        start, end = doc[source_end + 1].idx, sent.end_char
    elif (after.is_punct and after.text in ".!?;") or source_end >= sent.end:
        # the source closes the sentence: the content is before it
        start = sent.start_char
        j = tok.i - 1
        while j > sent.start and doc[j].is_punct:
            j -= 1
        end = doc[j].idx + len(doc[j].text)
    else:
        return
    start, end = _content_bounds(text, start, end, segments, before_cue=start < tok.idx)
    if end - start < 15 or not _has_verb(doc, start, end):
        return
    if _segment_at(segments, start, end):
        if _strip_enclosing_marks(text, start, end, segments) != (start, end):
            return  # a whole guillemet segment: the direct-quote rules handle it
        yield QuoteCandidate(start, end, "mixed", tok.i, 0.75, 4, "selon")
    else:
        yield QuoteCandidate(start, end, "indirect", tok.i, 0.75, 1, "selon")


def _candidates(doc: Doc, segments: list[Segment], *, wide: bool = False) -> list[QuoteCandidate]:
    out: list[QuoteCandidate] = []
    for seg in segments:
        if seg.end <= seg.start:
            continue
        words, has_verb = _words(doc, seg.start, seg.end)
        governing = _governing_verb(doc, seg)
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
