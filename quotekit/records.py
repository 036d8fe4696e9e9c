"""Record v1 (``quotekit.record/1``) to and from the result classes, and JSON.

The record is a public contract (``docs/record-schema.md``): fields may be added,
never renamed or removed. Fields added here beyond the schema's table are
``entities[].gender``, ``entities[].number``, ``quotes[].speaker.kind``, the
top-level ``warnings``, the top-level ``error`` (a document that could not be analysed:
``{"code": ..., "message": ...}``, with empty ``entities`` and ``quotes``), and how a quote
is attributed (``quotes[].hedged``, ``.denial``, ``.negated``, ``.via``, and
``.quotation`` in corpus mode); they are written only when known or set (``warnings``
only when there is one, ``error`` only on an error record, the flags only when true), and
absent ones read back as None (``warnings`` as none, the flags as false).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from quotekit.errors import RecordError
from quotekit.model import (
    Analysis,
    Entity,
    Failure,
    Mention,
    MentionKind,
    Quote,
    Span,
    Speaker,
)

__all__ = [
    "SCHEMA",
    "dumps",
    "from_record",
    "loads",
    "to_record",
    "validate_record",
]

SCHEMA = "quotekit.record/1"

Record = dict[str, Any]


def _span(span: Span) -> Record:
    return {"start": span.start, "end": span.end, "text": span.text}


def _mention(mention: Mention) -> Record:
    out: Record = {"start": mention.start, "end": mention.end, "text": mention.text}
    if mention.kind != "name":
        out["kind"] = mention.kind
    if mention.title is not None:
        out["title"] = _span(mention.title)
    return out


def _entity(entity: Entity) -> Record:
    out: Record = {
        "id": entity.id,
        "kind": entity.kind,
        "name": entity.name,
        "mentions": [_mention(m) for m in entity.mentions],
        "roles": [_span(r) for r in entity.roles],
    }
    if entity.gender is not None:
        out["gender"] = entity.gender
    if entity.number is not None:
        out["number"] = entity.number
    return out


def _speaker(sp: Speaker | None) -> Record | None:
    if sp is None:
        return None
    return {
        "entity": sp.entity,
        "name": sp.name,
        "kind": sp.kind,
        "mention": None if sp.mention is None else _span(sp.mention),
    }


def _quote(quote: Quote) -> Record:
    out: Record = {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": _speaker(quote.speaker),
        "cue": None if quote.cue is None else _span(quote.cue),
        "confidence": round(quote.confidence, 4),
    }
    # how the quote is attributed: written only when set (absent reads back as false/null)
    for flag in ("hedged", "denial", "negated"):
        if getattr(quote, flag):
            out[flag] = True
    if quote.via is not None:
        out["via"] = _speaker(quote.via)
    if quote.quotation is not None:
        out["quotation"] = quote.quotation
    return out


def to_record(analysis: Analysis) -> Record:
    """Convert an analysis to a record v1 dict (JSON-ready).

    Args:
        analysis: The result of ``Analyzer.analyse``.

    Returns:
        A dict following ``quotekit.record/1``.

    Example:
        >>> to_record(analyzer.analyse("« Non », a dit M. Dupont."))["quotes"][0]["text"]
        'Non'
    """
    record: Record = {
        "schema": SCHEMA,
        "id": analysis.id,
        "model": analysis.model,
        "entities": [_entity(e) for e in analysis.entities],
        "quotes": [_quote(q) for q in analysis.quotes],
    }
    if analysis.warnings:
        record["warnings"] = list(analysis.warnings)
    if analysis.error is not None:
        record["error"] = {"code": analysis.error.code, "message": analysis.error.message}
    return record


def _message(err: Exception) -> str:
    """The first argument of an error: attrs validators put the message there."""
    return str(err.args[0]) if err.args else str(err)


class _Reader:
    """Reads one record, naming the path of whatever is wrong in it."""

    def get(self, obj: Any, key: str, path: str, *, optional: bool = False) -> Any:
        if not isinstance(obj, Mapping):
            raise RecordError(f"{path}: expected a JSON object, got {type(obj).__name__}")
        if key not in obj:
            if optional:
                return None
            raise RecordError(f"{path}: missing field {key!r}")
        return obj[key]

    def list(self, obj: Any, key: str, path: str) -> list[Any]:
        value = self.get(obj, key, path)
        # msgpack (DocBin, n_process) gives tuples back where JSON gives lists
        if not isinstance(value, (list, tuple)):
            raise RecordError(f"{path}.{key}: expected a list, got {type(value).__name__}")
        return list(value)

    def strings(self, obj: Any, key: str, path: str) -> tuple[str, ...]:
        """An optional list of strings (absent: none)."""
        if self.get(obj, key, path, optional=True) is None:
            return ()
        values = self.list(obj, key, path)
        for i, value in enumerate(values):
            if not isinstance(value, str):
                raise RecordError(
                    f"{path}.{key}[{i}]: expected a string, got {type(value).__name__}"
                )
        return tuple(values)

    def failure(self, obj: Any, path: str) -> Failure | None:
        """The optional ``error`` object of an error record."""
        error = self.get(obj, "error", path, optional=True)
        if error is None:
            return None
        code, message = self.get(error, "code", "error"), self.get(error, "message", "error")
        if not (isinstance(code, str) and isinstance(message, str)):
            raise RecordError("error: code and message must be strings")
        return Failure(code, message)

    def span(self, obj: Any, path: str) -> Span:
        start, end, text = (self.get(obj, k, path) for k in ("start", "end", "text"))
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(text, str)):
            raise RecordError(f"{path}: start and end must be integers and text a string")
        try:
            return Span(start, end, text)
        except ValueError as err:
            raise RecordError(f"{path}: {_message(err)}") from None

    def mention(self, obj: Any, path: str) -> Mention:
        span = self.span(obj, path)
        title = self.get(obj, "title", path, optional=True)
        kind: MentionKind = self.get(obj, "kind", path, optional=True) or "name"
        if kind not in ("name", "pronoun", "role"):
            raise RecordError(f"{path}.kind: {kind!r} is not one of name, pronoun, role")
        try:
            return Mention(
                span.start,
                span.end,
                span.text,
                kind=kind,
                title=None if title is None else self.span(title, f"{path}.title"),
            )
        except RecordError:
            raise
        except ValueError as err:
            raise RecordError(f"{path}: {_message(err)}") from None

    def entity(self, obj: Any, path: str) -> Entity:
        try:
            return Entity(
                id=str(self.get(obj, "id", path)),
                kind=self.get(obj, "kind", path),
                name=self.get(obj, "name", path),
                mentions=tuple(
                    self.mention(m, f"{path}.mentions[{i}]")
                    for i, m in enumerate(self.list(obj, "mentions", path))
                ),
                roles=tuple(
                    self.span(r, f"{path}.roles[{i}]")
                    for i, r in enumerate(self.list(obj, "roles", path))
                ),
                gender=self.get(obj, "gender", path, optional=True),
                number=self.get(obj, "number", path, optional=True),
            )
        except RecordError:
            raise
        except ValueError as err:
            raise RecordError(f"{path}: {_message(err)}") from None

    def speaker(self, sp: Any, path: str) -> Speaker | None:
        if sp is None:
            return None
        mention = self.get(sp, "mention", path, optional=True)
        entity = self.get(sp, "entity", path, optional=True)
        kind = self.get(sp, "kind", path, optional=True)
        try:
            return Speaker(
                name=self.get(sp, "name", path),
                kind=kind or ("description" if entity is None else "person"),
                entity=entity,
                mention=None if mention is None else self.span(mention, f"{path}.mention"),
            )
        except RecordError:
            raise
        except ValueError as err:
            raise RecordError(f"{path}: {_message(err)}") from None

    def flag(self, obj: Any, key: str, path: str) -> bool:
        value = self.get(obj, key, path, optional=True)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise RecordError(f"{path}.{key}: expected true or false, got {value!r}")
        return value

    def quote(self, obj: Any, path: str) -> Quote:
        span = self.span(obj, path)
        speaker = self.speaker(self.get(obj, "speaker", path, optional=True), f"{path}.speaker")
        via = self.speaker(self.get(obj, "via", path, optional=True), f"{path}.via")
        quotation = self.get(obj, "quotation", path, optional=True)
        if quotation is not None and not isinstance(quotation, str):
            raise RecordError(f"{path}.quotation: expected a string, got {quotation!r}")
        cue = self.get(obj, "cue", path, optional=True)
        try:
            return Quote(
                span.start,
                span.end,
                span.text,
                kind=self.get(obj, "kind", path),
                speaker=speaker,
                cue=None if cue is None else self.span(cue, f"{path}.cue"),
                confidence=float(self.get(obj, "confidence", path)),
                hedged=self.flag(obj, "hedged", path),
                denial=self.flag(obj, "denial", path),
                negated=self.flag(obj, "negated", path),
                via=via,
                quotation=quotation,
            )
        except RecordError:
            raise
        except (ValueError, TypeError) as err:
            raise RecordError(f"{path}: {_message(err)}") from None


def from_record(record: Mapping[str, Any]) -> Analysis:
    """Read a record v1 dict back into an :class:`Analysis`.

    Raises:
        RecordError: the record does not follow ``quotekit.record/1``; the message
            gives the path of the faulty field (``quotes[2].cue: missing field 'end'``).
    """
    read = _Reader()
    schema = read.get(record, "schema", "record")
    if schema != SCHEMA:
        raise RecordError(
            f"record: schema is {schema!r}, this version of quotekit reads {SCHEMA!r}"
        )
    return Analysis(
        id=read.get(record, "id", "record", optional=True),
        model=read.get(record, "model", "record"),
        entities=tuple(
            read.entity(e, f"entities[{i}]")
            for i, e in enumerate(read.list(record, "entities", "record"))
        ),
        quotes=tuple(
            read.quote(q, f"quotes[{i}]")
            for i, q in enumerate(read.list(record, "quotes", "record"))
        ),
        warnings=read.strings(record, "warnings", "record"),
        error=read.failure(record, "record"),
    )


def _spans_of(record: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    out: list[tuple[str, Mapping[str, Any]]] = []
    for i, ent in enumerate(record.get("entities", [])):
        for j, m in enumerate(ent.get("mentions", [])):
            out.append((f"entities[{i}].mentions[{j}]", m))
            if m.get("title"):
                out.append((f"entities[{i}].mentions[{j}].title", m["title"]))
        for j, r in enumerate(ent.get("roles", [])):
            out.append((f"entities[{i}].roles[{j}]", r))
    for i, q in enumerate(record.get("quotes", [])):
        out.append((f"quotes[{i}]", q))
        if q.get("cue"):
            out.append((f"quotes[{i}].cue", q["cue"]))
        sp = q.get("speaker")
        if sp and sp.get("mention"):
            out.append((f"quotes[{i}].speaker.mention", sp["mention"]))
        via = q.get("via")
        if via and via.get("mention"):
            out.append((f"quotes[{i}].via.mention", via["mention"]))
    return out


def validate_record(record: Mapping[str, Any], text: str | None = None) -> None:
    """Check that a record follows record v1, and its offsets against ``text``.

    Args:
        record: A record dict.
        text: The analysed text; when given, every span must satisfy
            ``text[start:end] == span["text"]``.

    Raises:
        RecordError: naming the first faulty field.
    """
    analysis = from_record(record)
    if analysis.error is not None and (analysis.entities or analysis.quotes):
        raise RecordError("error: an error record has no entities and no quotes")
    ids = {e.id for e in analysis.entities}
    if len(ids) != len(analysis.entities):
        raise RecordError("entities: two entities share an id")
    for i, q in enumerate(analysis.quotes):
        if q.speaker is not None and q.speaker.entity is not None and q.speaker.entity not in ids:
            raise RecordError(f"quotes[{i}].speaker.entity: no entity {q.speaker.entity!r}")
        if q.via is not None and q.via.entity is not None and q.via.entity not in ids:
            raise RecordError(f"quotes[{i}].via.entity: no entity {q.via.entity!r}")
    if text is None:
        return
    for path, span in _spans_of(record):
        if text[span["start"] : span["end"]] != span["text"]:
            raise RecordError(
                f"{path}: text[{span['start']}:{span['end']}] is "
                f"{text[span['start'] : span['end']]!r}, not {span['text']!r}"
            )


def dumps(analysis: Analysis, *, indent: int | None = None) -> str:
    """The record of an analysis as JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(to_record(analysis), ensure_ascii=False, indent=indent)


def loads(data: str | bytes) -> Analysis:
    """Read an analysis from the JSON text of its record.

    Raises:
        RecordError: the text is not JSON, or not a record v1.
    """
    try:
        record = json.loads(data)
    except json.JSONDecodeError as err:
        raise RecordError(f"not JSON: {err}") from None
    return from_record(record)
