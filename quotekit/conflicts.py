"""Conflicting attributions: one quotation given to different people in different articles.

A fact-checker reviews these first: the same words attributed to one person by one outlet
and to another by the next. :func:`find_conflicts` reads records (or analyses) of a corpus,
gives them corpus-wide entity ids and quotation ids when they have none (``quotekit
.corpus``, ``quotekit.quotations``), and lists each quotation whose quotes name two different
corpus entities as speaker in two different documents.

Left out: quotes flagged ``negated`` (nobody is said to have said them), speakers that are no
entity (a bare description such as ``des témoins`` names nobody), and quotations of fewer than
``min_words`` words (``« C'est une victoire »`` is said by many).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from quotekit.corpus import link_corpus
from quotekit.model import Analysis, Quote
from quotekit.quotations import normalize_quote
from quotekit.records import from_record

__all__ = ["Attribution", "Conflict", "find_conflicts"]

#: Quotations shorter than this (in normalised words) are too common to be a conflict.
MIN_WORDS = 5


@attrs.frozen
class Attribution:
    """One quote of a quotation: where, to whom, how."""

    document: str | None
    speaker: str | None  # the corpus entity id
    name: str | None
    cue: str | None
    start: int
    end: int
    text: str
    confidence: float
    hedged: bool = False
    denial: bool = False
    via: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class Conflict:
    """A quotation attributed to different people in different documents."""

    quotation: str
    text: str  # the longest text of the quotation
    speakers: tuple[str, ...]  # the names of the distinct speakers
    attributions: tuple[Attribution, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "quotation": self.quotation,
            "text": self.text,
            "speakers": list(self.speakers),
            "attributions": [a.to_dict() for a in self.attributions],
        }


def _analyses(records: Iterable[Mapping[str, Any] | Analysis]) -> list[Analysis]:
    out = []
    for r in records:
        out.append(r if isinstance(r, Analysis) else from_record(r))
    return out


def _linked(analyses: list[Analysis]) -> bool:
    """Whether the analyses already carry corpus ids (``extract --corpus``)."""
    for a in analyses:
        for q in a.quotes:
            if q.quotation is None:
                return False
            entity = None if q.speaker is None else q.speaker.entity
            if entity is not None and ":" not in entity:
                return False
    return True


def _attribution(analysis: Analysis, q: Quote) -> Attribution:
    sp = q.speaker
    return Attribution(
        document=analysis.id,
        speaker=None if sp is None else sp.entity,
        name=None if sp is None else sp.name,
        cue=None if q.cue is None else q.cue.text,
        start=q.start,
        end=q.end,
        text=q.text,
        confidence=q.confidence,
        hedged=q.hedged,
        denial=q.denial,
        via=None if q.via is None else q.via.name,
    )


def _fuller(text: str, than: str | None) -> bool:
    """Whether ``text`` shows a quotation better than ``than``: more words, then not in
    capitals, then fewer characters (less punctuation)."""
    if than is None:
        return True

    def key(t: str) -> tuple[int, bool, int]:
        return (len(normalize_quote(t).split()), not t.isupper(), -len(t))

    return key(text) > key(than)


def find_conflicts(
    records: Iterable[Mapping[str, Any] | Analysis], *, min_words: int = MIN_WORDS
) -> list[Conflict]:
    """The quotations of a corpus attributed to different people in different documents.

    Args:
        records: Record v1 dicts (or analyses) of the corpus's documents; when they do not
            carry corpus ids yet (records of ``quotekit extract`` without ``--corpus``),
            they are linked here first.
        min_words: Quotations with fewer normalised words are never conflicts.

    Returns:
        Conflicts, the most attributed first, then by text; each lists every quote of
        the quotation (with its document, speaker, cue, span, confidence, ``hedged``,
        ``denial`` and ``via``), sorted by speaker then document.

    Example:
        >>> [c.speakers for c in find_conflicts(records)]
        [('Claire Moreau', 'Paul Girard')]
    """
    analyses = _analyses(records)
    if not _linked(analyses):
        analyses = list(link_corpus(analyses))
    by_quotation: dict[str, list[Attribution]] = {}
    longest: dict[str, str] = {}
    for analysis in analyses:
        for q in analysis.quotes:
            if q.quotation is None or q.negated:
                continue
            by_quotation.setdefault(q.quotation, []).append(_attribution(analysis, q))
            if _fuller(q.text, longest.get(q.quotation)):
                longest[q.quotation] = q.text
    conflicts = []
    for qid, attributions in by_quotation.items():
        if len(normalize_quote(longest[qid]).split()) < min_words:
            continue
        named = [a for a in attributions if a.speaker is not None]
        if not any(
            a.speaker != b.speaker and a.document != b.document for a in named for b in named
        ):
            continue
        names: dict[str, str] = {}
        for a in named:
            names.setdefault(a.speaker or "", a.name or "")
        ordered = sorted(attributions, key=lambda a: (a.name or "~", a.document or "", a.start))
        conflicts.append(Conflict(qid, longest[qid], tuple(sorted(names.values())), tuple(ordered)))
    conflicts.sort(key=lambda c: (-len(c.attributions), c.text))
    return conflicts


def conflicts_text(conflicts: list[Conflict]) -> str:
    """The conflicts as plain text, one block each."""
    lines: list[str] = []
    for i, c in enumerate(conflicts, 1):
        lines.append(f"{i}. « {c.text} » ({c.quotation})")
        lines.append(f"   given to: {', '.join(c.speakers)}")
        for a in c.attributions:
            flags = [f for f in ("hedged", "denial") if getattr(a, f)]
            if a.via:
                flags.append(f"via {a.via}")
            extra = f" [{', '.join(flags)}]" if flags else ""
            lines.append(
                f"   - {a.document}: {a.name or '(no source)'}, cue « {a.cue or '-'} », "
                f"{a.start}-{a.end}, confidence {a.confidence:.2f}{extra}"
            )
            lines.append(f"     {a.text}")
    if not conflicts:
        lines.append("No conflicting attribution.")
    return "\n".join(lines) + "\n"
