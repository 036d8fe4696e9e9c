"""A plain-text "who said what" view of an analysis, for reading in a terminal.

This is the command line's ``--format text``. It is for people, not programs: its layout may
change between versions, unlike the record (``--format jsonl``).
"""

from __future__ import annotations

import re

from quotekit.model import Analysis, Entity, Quote

__all__ = ["MAX_QUOTE_CHARS", "format_analysis", "shorten"]

#: Quotes longer than this are cut at a word boundary and end with "…".
MAX_QUOTE_CHARS = 200

_SPACES = re.compile(r"\s+")


def shorten(text: str, width: int = MAX_QUOTE_CHARS) -> str:
    """``text`` on one line, cut to at most ``width`` characters at a word boundary.

    Example:
        >>> shorten("Nous ne céderons pas, ni aujourd'hui ni demain", 25)
        'Nous ne céderons pas, ni…'
    """
    flat = _SPACES.sub(" ", text).strip()
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if flat[width - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _line_of(text: str | None, offset: int) -> int | None:
    if text is None or offset > len(text):
        return None
    return text.count("\n", 0, offset) + 1


def _entity_line(label: str, entities: list[Entity]) -> str:
    parts = []
    for entity in entities:
        roles = list(dict.fromkeys(_SPACES.sub(" ", r.text) for r in entity.roles))
        parts.append(f"{entity.name} ({'; '.join(roles)})" if roles else entity.name)
    return f"{label}: {', '.join(parts) if parts else '-'}"


def _quote_lines(number: int, quote: Quote, text: str | None) -> list[str]:
    speaker = "?" if quote.speaker is None else quote.speaker.name
    facts: list[str] = [quote.kind]
    facts.append("no cue" if quote.cue is None else f"cue « {quote.cue.text} »")
    facts.append(f"confidence {quote.confidence:.2f}")
    line = _line_of(text, quote.start)
    if line is not None:
        facts.append(f"line {line}")
    content = shorten(quote.text)
    if quote.kind == "direct":
        content = f"« {content} »"
    return [f"  {number}. {speaker} — {', '.join(facts)}", f"     {content}"]


def format_analysis(analysis: Analysis, text: str | None = None) -> str:
    """A readable "who said what" summary of one document.

    Args:
        analysis: The result of ``Analyzer.analyse`` or ``Analyzer.pipe``.
        text: The analysed text; when given, each quote shows the line it starts on.

    Returns:
        A header with the document's id, the persons with their roles (and the organisations,
        when any), then one entry per quote: speaker (``?`` when unknown), kind, cue,
        confidence, and the quote shortened to about 200 characters. No final newline.

    Example:
        >>> print(format_analysis(analyzer.analyse(text, id="a1"), text))
        == a1 ==
        Persons: Claire Moreau (ministre)
        Quotes: 1
          1. Claire Moreau — direct, cue « a déclaré », confidence 0.93, line 1
             « Nous ne céderons pas »
    """
    lines = [f"== {analysis.id if analysis.id is not None else '(no id)'} =="]
    persons = [e for e in analysis.entities if e.kind == "person"]
    organizations = [e for e in analysis.entities if e.kind == "organization"]
    lines.append(_entity_line("Persons", persons))
    if organizations:
        lines.append(_entity_line("Organisations", organizations))
    lines.append(f"Quotes: {len(analysis.quotes) or 'none found'}")
    for number, quote in enumerate(analysis.quotes, start=1):
        lines.extend(_quote_lines(number, quote, text))
    return "\n".join(lines)
