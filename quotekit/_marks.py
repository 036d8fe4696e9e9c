"""Guillemet segments of a text: pairing quote marks, before any parsing.

This is plain string work, so it is fast and testable without a model. French
typography has three habits it must handle:

- spaces (ordinary, non-breaking, thin) inside the marks: ``« Oui »``;
- a quote running over several paragraphs, reopened with « (or continued with ») at
  the start of each new paragraph, and closed once at its end;
- marks nested one level: ‹ › or “ ” inside « ».

Unbalanced marks give a best-effort pairing and a :class:`QuotekitWarning` (or a sentence
in the caller's ``problems`` list, as the quotes component collects them); a stray
mark never swallows the rest of the article: an unclosed « closes at the end of its
paragraph unless the next paragraph continues the quote.
"""

from __future__ import annotations

import itertools
import re
import warnings

import attrs

from quotekit.errors import QuotekitWarning

__all__ = ["Segment", "find_segments"]

#: Spaces that French typography puts next to guillemets.
SPACES = " \t\u00a0\u202f\u2009\u2007\u200a"

_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n|\r\n[ \t\u00a0]*\r\n")


@attrs.frozen
class Segment:
    """A pair of quote marks and the content between them.

    ``open``/``close`` are the offsets of the marks; ``start``/``end`` those of the
    content without the spaces next to the marks.
    """

    open: int
    close: int
    start: int
    end: int
    mark: str


def _content(text: str, open_: int, close: int) -> tuple[int, int]:
    start, end = open_ + 1, close
    while start < end and text[start] in SPACES:
        start += 1
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return start, end


def _paragraph_starts(text: str) -> list[int]:
    return [m.end() for m in _PARAGRAPH.finditer(text)]


def _at_paragraph_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in SPACES:
        j -= 1
    return j < 0 or text[j] == "\n"


def _next_paragraph_continues(text: str, para_end: int, mark_open: str, mark_close: str) -> bool:
    j = para_end
    while j < len(text) and text[j] in SPACES + "\n\r":
        j += 1
    return j < len(text) and text[j] in (mark_open, mark_close)


def _pair_french(text: str, problems: list[str]) -> list[Segment]:
    """Pair « and » (with one level of nested « » allowed)."""
    segments: list[Segment] = []
    paragraph_ends = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    open_at: int | None = None
    depth = 0
    p = 0  # index into paragraph_ends
    i = 0
    n = len(text)
    while i < n:
        while p < len(paragraph_ends) - 1 and paragraph_ends[p] < i:
            # Crossing a paragraph end with an open quote: keep it open only if the
            # next paragraph continues it.
            if open_at is not None and not _next_paragraph_continues(
                text, paragraph_ends[p], "«", "»"
            ):
                problems.append(f"« at offset {open_at} is not closed in its paragraph")
                start, end = _content(text, open_at, paragraph_ends[p])
                segments.append(Segment(open_at, paragraph_ends[p], start, end, "«"))
                open_at, depth = None, 0
            p += 1
        ch = text[i]
        if ch == "«":
            if open_at is None:
                open_at = i
            elif _at_paragraph_start(text, i):
                pass  # the quote reopened at a new paragraph: same quote
            else:
                depth += 1
        elif ch == "»":
            if open_at is None:
                if not _at_paragraph_start(text, i):
                    problems.append(f"» at offset {i} closes no quote")
            elif depth > 0:
                depth -= 1
            elif _at_paragraph_start(text, i) and _continues_after(text, i):
                pass  # » opening a continued paragraph
            else:
                start, end = _content(text, open_at, i)
                segments.append(Segment(open_at, i, start, end, "«"))
                open_at = None
        i += 1
    if open_at is not None:
        problems.append(f"« at offset {open_at} is never closed")
        start, end = _content(text, open_at, paragraph_ends[-1])
        segments.append(Segment(open_at, paragraph_ends[-1], start, end, "«"))
    return segments


def _continues_after(text: str, i: int) -> bool:
    """A » at a paragraph start continues a quote when text (not a line end) follows."""
    j = i + 1
    while j < len(text) and text[j] in SPACES:
        j += 1
    return j < len(text) and text[j] not in "\n\r.,;"


def _pair_simple(
    text: str, opener: str, closer: str, problems: list[str], taken: list[tuple[int, int]]
) -> list[Segment]:
    """Pair marks of one kind (“ ”, or " " where opener == closer) within paragraphs."""
    segments: list[Segment] = []
    bounds = [0, *_paragraph_starts(text), len(text) + 1]
    for a, b in itertools.pairwise(bounds):
        positions = [
            i
            for i in range(a, min(b, len(text)))
            if text[i] in (opener, closer) and not any(s < i < e for s, e in taken)
        ]
        if opener == closer:
            if len(positions) % 2:
                problems.append(f"unpaired {opener} at offset {positions[-1]}")
                positions = positions[:-1]
            pairs = list(zip(positions[::2], positions[1::2], strict=True))
        else:
            pairs = []
            stack: list[int] = []
            for i in positions:
                if text[i] == opener:
                    stack.append(i)
                elif stack:
                    o = stack.pop()
                    if not stack:
                        pairs.append((o, i))
                else:
                    problems.append(f"{closer} at offset {i} closes no quote")
            if stack:
                problems.append(f"{opener} at offset {stack[0]} is never closed")
        for o, c in pairs:
            start, end = _content(text, o, c)
            segments.append(Segment(o, c, start, end, opener))
    return segments


def find_segments(
    text: str, *, warn: bool = True, problems: list[str] | None = None
) -> list[Segment]:
    """Find the outermost quote-mark segments of ``text``, in text order.

    Args:
        text: Any text.
        warn: Emit a :class:`QuotekitWarning` listing unbalanced marks.
        problems: When given, the sentence listing unbalanced marks is appended to it
            instead of being warned.

    Returns:
        Segments that do not overlap each other; marks nested inside a segment are
        part of its content.

    Example:
        >>> [text[s.start:s.end] for s in find_segments(text := "Il a dit : « Oui. »")]
        ['Oui.']
    """
    unpaired: list[str] = []
    segments = _pair_french(text, unpaired)
    taken = [(s.open, s.close) for s in segments]
    for opener, closer in (("“", "”"), ('"', '"')):
        for seg in _pair_simple(text, opener, closer, unpaired, taken):
            if not any(s <= seg.open <= e or s <= seg.close <= e for s, e in taken):
                segments.append(seg)
                taken.append((seg.open, seg.close))
    segments.sort(key=lambda s: s.open)
    if unpaired:
        shown = "; ".join(unpaired[:3]) + ("; ..." if len(unpaired) > 3 else "")
        message = f"Unbalanced quote marks ({shown}): quotes near them are a best effort."
        if problems is not None:
            problems.append(message)
        elif warn:
            warnings.warn(message, QuotekitWarning, stacklevel=2)
    return segments
