"""Signed quotes: a quote set apart and signed on the next line is its signer's.

The press signs a quote box or an epigraph on the line after it (``« … »`` then ``— Marie
Roux, maire de Tours``). The text names that author explicitly, as a byline does, so
:func:`sign_quotes` gives a quote with no cue its signer after the trained ranker, whatever
the rules or the ranker chose; the ranker's training data and weights stay as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from spacy.tokens import Doc

from quotekit._text import doc_text
from quotekit.attribution import _ARTICLES
from quotekit.cues import is_finite
from quotekit.model import Analysis, Quote, Span, Speaker
from quotekit.referents import _Entities

__all__ = ["sign_quotes"]

#: the dashes that open a line naming the author of a quote set apart
_SIGNATURE_DASHES = frozenset("—–")
_SIGNED = 0.9  # the rules' confidence in a signer, as in a name
_AFTER_QUOTE = frozenset(' \u00a0\u202f»"”.!?…')


def _signature(doc: Doc, quote: Quote, ents: _Entities) -> Speaker | None:
    """The author named on the line after a quote set apart, as the press signs a quote
    box or an epigraph: ``« … »`` then a line ``— Marie Roux, maire de Tours``.

    A signature is short and says who, not what: at most eight words before its first
    comma, no quote mark, no ending of a question or a list item, and a name of the
    persons stage at its start, or else capitalised words with no finite verb (not a
    dialogue line ``— Parce que le moment est venu, répond-elle.``). Those words are
    then an organisation, or a description when they open with an article.
    """
    text = doc_text(doc)
    i = quote.end
    while i < len(text) and text[i] in _AFTER_QUOTE:
        i += 1  # the rest of the quote's line: closing marks and final punctuation
    if i >= len(text) or text[i] not in "\r\n":
        return None
    while i < len(text) and text[i] in "\r\n \t":
        i += 1
    if i >= len(text) or text[i] not in _SIGNATURE_DASHES:
        return None
    i += 1
    while i < len(text) and text[i] in " \u00a0":
        i += 1
    line_end = next((k for k in range(i, len(text)) if text[k] in "\r\n"), len(text))
    line = text[i:line_end].rstrip()
    if not line or any(c in line for c in '«»"“”') or line[-1] in "?!;:":
        return None
    comma = text.find(",", i, line_end)
    end = comma if comma >= 0 else i + len(line)
    while end > i and not text[end - 1].isalnum():
        end -= 1
    if end <= i or len(text[i:end].split()) > 8:
        return None
    named = [
        (m.start, e, m)
        for e in ents.items
        for m in e.mentions
        if m.kind == "name" and i <= m.start <= i + 3 and m.end <= end
    ]
    if named:
        _, entity, mention = min(named, key=lambda n: (n[0], n[1].kind != "person"))
        return Speaker(entity.name, entity.kind, entity.id, mention.span)
    # else the words themselves, when they name and do not say: capitalised, no verb
    words = doc.char_span(i, end, alignment_mode="expand")
    if not text[i].isupper() or words is None or any(is_finite(t) for t in words):
        return None
    span = Span(i, end, text[i:end])
    first = span.text.split()[0].lower()
    if first in _ARTICLES or first in ("un", "une", "des") or first[:2] in ("l'", "l’"):
        return Speaker(span.text, "description", None, span)  # "— Un habitant du quartier"
    entity = ents.organization(span.text, span)
    return Speaker(entity.name, "organization", entity.id, span)


def sign_quotes(
    doc: Doc, analysis: Analysis, quote_confidences: Sequence[float] | None = None
) -> Analysis:
    """Give a quote with no cue the author signed on the line after it (``« … »`` then
    ``— Marie Roux, maire``), whatever the rules or the ranker chose: the article names
    that author explicitly, as a byline does. See :func:`_signature`.

    ``quote_confidences``, the quote stage's confidence of each quote, gives a signed
    quote the confidence of a speaker found by name; without it the confidence stays.
    """
    ents = _Entities(list(analysis.entities))
    quotes = list(analysis.quotes)
    for k, quote in enumerate(quotes):
        if quote.cue is None:
            speaker = _signature(doc, quote, ents)
            if speaker is not None:
                confidence = quote.confidence
                if quote_confidences is not None:
                    confidence = round(quote_confidences[k] * (0.5 + 0.5 * _SIGNED), 4)
                quotes[k] = attrs.evolve(quote, speaker=speaker, confidence=confidence)
    if quotes == list(analysis.quotes):
        return analysis
    return attrs.evolve(analysis, entities=tuple(ents.items), quotes=tuple(quotes))
