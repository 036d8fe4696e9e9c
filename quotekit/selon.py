"""``Selon X``, ``d'après X`` and a sentence-initial ``pour X``: the source phrase, a name
or role in apposition to it, and the clause it attributes (after it, or before it when
the source closes the clause). :mod:`quotekit.indirect` calls it for each such word.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from quotekit._marks import Segment
from quotekit._resources import french
from quotekit._text import doc_text
from quotekit.animacy import names_a_thing
from quotekit.cues import (
    is_finite,
    is_selon,
)
from quotekit.quote_candidates import (
    _CLOSING_MARKS,
    QuoteCandidate,
    _content_bounds,
    _has_verb,
    _segment_at,
    _strip_enclosing_marks,
    _without_edge_marks,
)
from quotekit.verb_contents import _CLAUSE_STOPS

__all__: list[str] = []


#: Nouns of time: ``Pour le moment,`` says when, not who.
_MOMENTS = frozenset({"moment", "instant", "heure", "fois", "temps", "période", "reste"})


def _selon_token(tok: Token) -> bool:
    """``selon``, ``d'après``, or ``pour`` opening a sentence before a name and a comma
    (not before a noun of time or of a thing: ``Pour l'instant,``)."""
    if is_selon(tok):
        return True
    if not (tok.lower_ == "pour" and tok.i == tok.sent.start and _followed_by_name_and_comma(tok)):
        return False
    noun = tok.doc[tok.i + 2] if tok.doc[tok.i + 1].pos_ == "DET" else None
    return noun is None or not (noun.lemma_.lower() in _MOMENTS or names_a_thing(noun))


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
        return _described_apposition_end(doc, start, limit, after_name=after_name)
    return k if k < limit and doc[k].text == "," else None


def _described_apposition_end(doc: Doc, start: int, limit: int, *, after_name: bool) -> int | None:
    """``Selon X, l'un des conseillers du ministre, …``, ``Selon X, du Territoire de la
    capitale, …``: after a name, a phrase opening with a determiner, pronoun or
    preposition and holding no finite verb, between two commas, is an apposition when a
    clause with a finite verb follows it.

    Notes:
        A participle phrase (``…, interrogé par la radio, …``) stays in the content:
        cutting it too put one more sealed quote within strict bounds but gave another
        a wrong speaker (docs/design.md, "Tried and not kept").
    """
    if not (after_name and doc[start].pos_ in ("DET", "ADP", "PRON", "NUM")):
        return None
    k = start
    while k < limit and k - start < 16 and doc[k].text != ",":
        if doc[k].text in _CLAUSE_STOPS or (doc[k].pos_ in ("VERB", "AUX") and is_finite(doc[k])):
            return None
        k += 1
    if k >= limit or doc[k].text != "," or k == start:
        return None
    if not any(t.pos_ in ("VERB", "AUX") and is_finite(t) for t in doc[k + 1 : limit]):
        return None
    return k


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
    # "Deux ouvriers ont été blessés, selon la préfecture, et l'usine …": between commas
    # and before a conjunction, the source closes the clause before it; what follows is
    # the journalist's
    closes_clause = (
        tok.i > sent.start
        and doc[tok.i - 1].text == ","
        and after.text == ","
        and source_end + 1 < sent.end
        and doc[source_end + 1].pos_ == "CCONJ"
    )
    if after.text == "," and source_end + 1 < sent.end and not closes_clause:
        # the content follows the source: to the end of the sentence
        start, end = doc[source_end + 1].idx, sent.end_char
    elif tok.i > sent.start and (
        closes_clause or (after.is_punct and after.text in ".!?;") or source_end >= sent.end
    ):
        # the source closes the sentence: the content is before it (none when the source
        # opens the sentence: doc[tok.i - 1] would wrap round to the end of the text)
        start = sent.start_char
        j = tok.i - 1
        while j > sent.start and doc[j].is_punct and doc[j].text not in _CLOSING_MARKS:
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
        start, end = _without_edge_marks(text, start, end)
        yield QuoteCandidate(start, end, "mixed", tok.i, 0.75, 4, "selon")
    else:
        yield QuoteCandidate(start, end, "indirect", tok.i, 0.75, 1, "selon")
