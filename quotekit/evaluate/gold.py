"""Quote gold: one article a line of JSONL (``id``, ``text``, ``quotes``, ``persons``),
annotated by ``annotation-guideline.md``, read and checked by :func:`load_gold`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from quotekit.errors import InputError
from quotekit.model import QUOTE_KINDS

#: The values of ``speaker_kind`` in quote gold.
GOLD_SPEAKER_KINDS: tuple[str, ...] = ("person", "organization", "description", "none")


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class GoldQuote:
    """One gold quote: its span in the article, kind, speaker and cue, as annotated."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_kind: str = "none"
    speaker_mention: str | None = None
    cue: str | None = None


@attrs.frozen
class GoldPerson:
    """A person the article names: fullest name, every written form, and roles."""

    name: str
    forms: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    roles: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)


@attrs.frozen
class GoldDocument:
    """One annotated article."""

    id: str
    text: str
    quotes: tuple[GoldQuote, ...] = ()
    persons: tuple[GoldPerson, ...] = ()


def _field(obj: Mapping[str, Any], key: str, types: type | tuple[type, ...], where: str) -> Any:
    if key not in obj:
        raise InputError(f"{where}: missing field {key!r}")
    value = obj[key]
    if not isinstance(value, types) or isinstance(value, bool):
        choices = (types,) if isinstance(types, type) else types
        expected = " or ".join(t.__name__ for t in choices)
        raise InputError(f"{where}: field {key!r} should be {expected}, got {type(value).__name__}")
    return value


def _optional_str(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{where}: field {key!r} should be a string or null")
    return value


def _str_list(obj: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = obj.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise InputError(f"{where}: field {key!r} should be a list of strings")
    return tuple(values)


def _gold_quote(obj: Any, text: str, where: str) -> GoldQuote:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object")
    start = _field(obj, "start", int, where)
    end = _field(obj, "end", int, where)
    quote_text = _field(obj, "text", str, where)
    if not 0 <= start <= end <= len(text) or text[start:end] != quote_text:
        raise InputError(
            f"{where}: offsets {start}:{end} do not give the quote text {quote_text!r} "
            f"(the article has {text[start:end]!r} there)"
        )
    kind = _field(obj, "kind", str, where)
    if kind not in QUOTE_KINDS:
        raise InputError(f"{where}: kind {kind!r} is not one of {', '.join(QUOTE_KINDS)}")
    speaker_kind = obj.get("speaker_kind") or "none"
    if speaker_kind not in GOLD_SPEAKER_KINDS:
        raise InputError(
            f"{where}: speaker_kind {speaker_kind!r} is not one of {', '.join(GOLD_SPEAKER_KINDS)}"
        )
    return GoldQuote(
        start,
        end,
        quote_text,
        kind,
        speaker=_optional_str(obj, "speaker", where),
        speaker_kind=speaker_kind,
        speaker_mention=_optional_str(obj, "speaker_mention", where),
        cue=_optional_str(obj, "cue", where),
    )


def _gold_person(obj: Any, where: str) -> GoldPerson:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object")
    name = _field(obj, "name", str, where)
    forms = _str_list(obj, "forms", where) or (name,)
    return GoldPerson(name, forms, _str_list(obj, "roles", where))


def _gold_document(line: str, where: str) -> GoldDocument:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: not JSON ({err})") from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    doc_id = _field(obj, "id", (str, int), where)
    text = _field(obj, "text", str, where)
    quotes = _field(obj, "quotes", list, where)
    persons = obj.get("persons", [])
    if not isinstance(persons, list):
        raise InputError(f"{where}: field 'persons' should be a list")
    return GoldDocument(
        str(doc_id),
        text,
        tuple(_gold_quote(q, text, f"{where}, quotes[{i}]") for i, q in enumerate(quotes)),
        tuple(_gold_person(p, f"{where}, persons[{i}]") for i, p in enumerate(persons)),
    )


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a quote gold file (JSONL, one annotated article a line).

    Each line holds ``id``, ``text``, ``quotes`` (``start``, ``end``, ``text``, ``kind``,
    ``speaker``, ``speaker_kind``, ``speaker_mention``, ``cue``) and ``persons``
    (``name``, ``forms``, ``roles``). Blank lines are skipped.

    Args:
        path: The JSONL file.

    Returns:
        The documents, in file order.

    Raises:
        InputError: the file cannot be read, or a line is not JSON, misses a field, has
            a field of the wrong type, or has quote offsets that do not give the quote
            text; the message gives the line number.

    Example:
        >>> docs = load_gold("quotes-open.jsonl")
        >>> docs[0].quotes[0].speaker
        'Marie Dupont'
    """
    try:
        with open(path, encoding="utf-8") as lines:
            return [
                _gold_document(line, f"{path}, line {number}")
                for number, line in enumerate(lines, start=1)
                if line.strip()
            ]
    except OSError as err:
        raise InputError(f"Cannot read the gold file {str(path)!r}: {err}") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text ({err})") from None
