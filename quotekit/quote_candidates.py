"""A quote candidate before the decision and attribution (:class:`QuoteCandidate`), and the
character and token helpers that the direct finder (:mod:`quotekit.quotes`) and the indirect
ones (:mod:`quotekit.indirect`, :mod:`quotekit.selon`) share: trimming a span, the
guillemet segment around it, a content's bounds in characters, the tokens from a
character on, an inverted subject (``a-t-il``)."""

from __future__ import annotations

import attrs
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from quotekit._marks import Segment
from quotekit.model import QuoteKind

__all__ = ["QuoteCandidate"]

_TRAILING = frozenset(".!?;:,… \n\t\u00a0\u202f")
_CLOSING_MARKS = '»”"'
_OPENING_MARKS = '«“"'
_SPACES = " \u00a0\u202f"


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


def _inverted_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubj:pass") and c.i > verb.i for c in verb.children) or any(
        c.text.startswith("-") and c.pos_ == "PRON" for c in verb.children
    )


_HYPHENS = "-\u2010"


def _word_end(text: str, end: int) -> int:
    """``end`` moved past the rest of a hyphenated word it cuts (``attentats|-suicides``,
    ``Al-|Qaida``): the tokenizer splits such words and the parser may hang their parts
    elsewhere."""
    while 1 < end < len(text) - 1 and text[end - 2].isalnum():
        if text[end - 1].isalnum() and text[end] in _HYPHENS and text[end + 1].isalnum():
            end += 1
        elif not (text[end - 1] in _HYPHENS and text[end].isalnum()):
            break
        while end < len(text) and text[end].isalnum():
            end += 1
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
    end = _word_end(text, end)
    start, end = _trim(text, start, end)
    while end > start and text[end - 1] in _CLOSING_MARKS:
        if any(s.close == end - 1 and s.open >= start for s in segments):
            break
        end -= 1
        start, end = _trim(text, start, end)
    return _clean_edges(text, start, end)


def _clean_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """A content neither opens on the colon that introduced it (``: le risque est
    limité``) nor ends on the mark or bracket that opens what follows (``son pays : «``),
    and closes a bracket it opened (``du Kurdistan (PKK)``)."""
    while True:
        before = (start, end)
        while start < end and text[start] in ":;":
            start += 1
        while end > start and text[end - 1] in "«“([":
            end -= 1
        start, end = _trim(text, start, end)
        if (start, end) == before:
            break
    span = text[start:end]
    if span.count("(") > span.count(")"):
        j = end
        while j < len(text) and text[j] in _SPACES:
            j += 1
        if j < len(text) and text[j] == ")":
            end = j + 1
    return start, end


def _without_edge_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A mixed content that starts or ends with its fragment leaves out the guillemet
    there, as the open gold writes it nine times in ten (``que le blocage est
    « intolérable``, ``Selon X, « environ 80 kg … » seront``)."""
    if end - start > 1 and text[end - 1] in _CLOSING_MARKS:
        end -= 1
        while end > start and text[end - 1] in _SPACES:
            end -= 1
    if end - start > 1 and text[start] in _OPENING_MARKS:
        start += 1
        while start < end and text[start] in _SPACES:
            start += 1
    return start, end


def _inside_segment(segments: list[Segment], start: int, end: int) -> bool:
    return any(s.open <= start and end <= s.close + 1 for s in segments)


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    """A verb, or a subject (the tagger sometimes reads a verb as an adjective: ``remonte``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ in ("VERB", "AUX") or t.dep_ in ("nsubj", "nsubj:pass") for t in span
    )
