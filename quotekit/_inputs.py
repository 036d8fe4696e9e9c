"""Reading the command line's inputs as a lazy stream of ``(id, text)`` documents.

Sources are ``.txt`` files (one document each), JSON lines files (one ``{"id": ..., "text": ...}``
object a line), folders (searched recursively for both) and standard input. Nothing here loads a
model: the stream is plain data for :meth:`quotekit.Analyzer.pipe`.

A bad source never stops the stream. Each problem (a missing or unreadable file, a file that is not
UTF-8, a line that is not JSON, a line without a string ``"text"``, an empty or too long text) is
handed to the ``on_problem`` callback as a :class:`Problem`, and reading goes on with the next line
or the next source. To collect them instead, pass ``on_problem=problems.append``.

Memory stays flat: JSON lines are read and decoded one line at a time, and a ``.txt`` file is read
only when the consumer asks for its document.

Texts are kept exactly as stored (only a leading UTF-8 byte order mark is dropped): ``\\r\\n`` line
ends are not translated, so the offsets of a record index the file's characters as another program
would read them.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO, Literal

import attrs

from quotekit.analyzer import check_text
from quotekit.errors import InputError

__all__ = [
    "FORMATS",
    "JSONL_SUFFIXES",
    "STDIN",
    "STDIN_NAME",
    "InputFormat",
    "Problem",
    "format_of",
    "iter_documents",
]

InputFormat = Literal["auto", "text", "jsonl"]

#: The values of ``--input``.
FORMATS: tuple[str, ...] = ("auto", "text", "jsonl")

#: What stands for standard input among the paths.
STDIN = "-"

#: How standard input is named in messages and in the ids it gets.
STDIN_NAME = "<stdin>"

#: Extensions read as JSON lines under ``auto``; any other file is read as plain text.
JSONL_SUFFIXES = frozenset({".jsonl", ".json", ".ndjson", ".jsonlines"})

# What a folder is searched for, by input format.
_FOLDER_SUFFIXES: dict[str, frozenset[str]] = {
    "auto": frozenset({".txt", ".jsonl"}),
    "text": frozenset({".txt"}),
    "jsonl": frozenset({".jsonl"}),
}

_BOM = "\ufeff"

Document = tuple[str, str]
Report = Callable[["Problem"], None]


@attrs.frozen
class Problem:
    """Something in the input that could not be analysed; the rest of the input still is.

    ``str(problem)`` reads ``source:line: message`` (``source: message`` without a line), the
    form compilers use, so editors and ``grep`` can find the place.
    """

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


def format_of(path: str | os.PathLike[str]) -> Literal["text", "jsonl"]:
    """The ``auto`` format of a file, by its extension: JSON lines or plain text."""
    return "jsonl" if Path(path).suffix.lower() in JSONL_SUFFIXES else "text"


def iter_documents(
    paths: Iterable[str | os.PathLike[str]] = (),
    *,
    on_problem: Report,
    input_format: InputFormat = "auto",
    max_length: int | None = None,
    stdin: IO[str] | IO[bytes] | None = None,
) -> Iterator[Document]:
    """Yield the ``(id, text)`` documents of the given sources, in order, reading lazily.

    Args:
        paths: Files, folders, or ``"-"`` for standard input; none means standard input.
        on_problem: Called with each :class:`Problem`; the source or line is then skipped.
        input_format: ``"text"`` (a file is one document), ``"jsonl"`` (one JSON object a
            line) or ``"auto"``: by extension for files (``.jsonl``, ``.json``, ``.ndjson`` are
            JSON lines), and for standard input by whether its first non-empty line is a JSON
            object with a ``"text"`` field. Folders are searched for ``*.txt`` and ``*.jsonl``
            (only ``*.txt`` under ``"text"``, only ``*.jsonl`` under ``"jsonl"``), recursively,
            in sorted order, skipping hidden files and folders.
        max_length: Longer texts are reported (with their place) and skipped, as the analyser
            would refuse them; None accepts any length.
        stdin: The stream read for ``"-"``; ``sys.stdin`` when None.

    Yields:
        ``(id, text)``. A ``.txt`` file's id is its path as given, or relative to the folder
        given; a JSON line's id is its ``"id"`` (a number becomes a string), or
        ``<file>:<line>`` when it has none; plain text on standard input is ``<stdin>``.

    Example:
        >>> problems = []
        >>> list(iter_documents(["articles/"], on_problem=problems.append))
        [('2024/a.txt', '« Nous ne céderons pas », a déclaré Claire Moreau.')]
    """
    reader = _Reader(on_problem, max_length=sys.maxsize if max_length is None else max_length)
    sources = list(paths) or [STDIN]
    for source in sources:
        given = os.fspath(source)
        if given == STDIN:
            yield from reader.stdin(sys.stdin if stdin is None else stdin, input_format)
        elif os.path.isdir(given):
            yield from reader.folder(given, input_format)
        else:
            fmt = format_of(given) if input_format == "auto" else input_format
            yield from reader.file(Path(given), given, given, fmt)


class _Reader:
    """Reads sources, reporting problems and counting what each source gave."""

    def __init__(self, report: Report, *, max_length: int) -> None:
        self._report = report
        self.max_length = max_length
        self._problems = 0

    def report(self, source: str, message: str, line: int | None = None) -> None:
        self._problems += 1
        self._report(Problem(source, message, line))

    def _checked(self, doc_id: str, text: str, source: str, line: int | None) -> Document | None:
        try:
            return doc_id, check_text(text, max_length=self.max_length)
        except InputError as err:
            self.report(source, str(err), line)
            return None

    def _reported_any(self, before: int) -> bool:
        return self._problems > before

    # -- sources ----------------------------------------------------------------------------

    def folder(self, given: str, input_format: InputFormat) -> Iterator[Document]:
        before = self._problems
        suffixes = _FOLDER_SUFFIXES[input_format]
        found: list[tuple[tuple[str, ...], str]] = []

        def unreadable(err: OSError) -> None:
            self.report(err.filename or given, f"cannot read this folder: {err.strerror or err}")

        for top, dirs, files in os.walk(given, onerror=unreadable):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            rel_top = Path(top).relative_to(given)
            for name in files:
                if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                    found.append(((*rel_top.parts, name), os.path.join(top, name)))
        if not found:
            if self._reported_any(before):
                return
            wanted = " or ".join(f"*{s}" for s in sorted(suffixes, reverse=True))
            self.report(given, f"no {wanted} files in this folder")
            return
        for parts, full in sorted(found):
            fmt = format_of(full) if input_format == "auto" else input_format
            yield from self.file(Path(full), full, "/".join(parts), fmt)

    def file(self, path: Path, shown: str, name: str, fmt: str) -> Iterator[Document]:
        """One file: ``shown`` names it in messages, ``name`` is the base of its ids."""
        before = self._problems
        count = 0
        if fmt == "jsonl":
            try:
                with path.open("rb") as fh:
                    for doc in self._jsonl(fh, shown, name):
                        count += 1
                        yield doc
            except OSError as err:
                self.report(shown, f"cannot read: {err.strerror or err}")
            if count == 0 and not self._reported_any(before):
                self.report(shown, "no documents: the file has no JSON lines")
        else:
            try:
                data = path.read_bytes()
            except OSError as err:
                self.report(shown, f"cannot read: {err.strerror or err}")
                return
            single = self._text_document(data, shown, name)
            if single is not None:
                yield single

    def stdin(self, stream: IO[str] | IO[bytes], input_format: InputFormat) -> Iterator[Document]:
        before = self._problems
        lines = _byte_lines(stream)
        head: list[bytes] = []
        if input_format == "auto":
            # Read up to the first non-empty line, decide, then put it back in front.
            for raw in lines:
                head.append(raw)
                if raw.strip():
                    break
            input_format = "jsonl" if head and _is_json_document(head[-1]) else "text"
        count = 0
        if input_format == "jsonl":
            for doc in self._jsonl(chain(head, lines), STDIN_NAME, STDIN_NAME):
                count += 1
                yield doc
        else:
            single = self._text_document(b"".join(chain(head, lines)), STDIN_NAME, STDIN_NAME)
            if single is not None:
                count += 1
                yield single
        if count == 0 and not self._reported_any(before):
            self.report(STDIN_NAME, "no documents: standard input is empty")

    # -- contents ---------------------------------------------------------------------------

    def _decode(self, data: bytes, source: str, line: int | None = None) -> str | None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            self.report(
                source,
                f"not UTF-8 text (byte {data[err.start]:#04x} at byte offset {err.start}); "
                "convert it first, e.g. with: iconv -f latin1 -t utf-8",
                line,
            )
            return None
        return text.removeprefix(_BOM)

    def _text_document(self, data: bytes, source: str, name: str) -> Document | None:
        text = self._decode(data, source)
        return None if text is None else self._checked(name, text, source, None)

    def _jsonl(self, lines: Iterable[bytes], source: str, name: str) -> Iterator[Document]:
        for lineno, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            line = self._decode(raw, source, lineno)
            if line is None:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                self.report(source, f"bad JSON: {err.msg} (column {err.colno})", lineno)
                continue
            if not isinstance(obj, dict):
                self.report(
                    source,
                    f'expected a JSON object {{"id": ..., "text": ...}}, got {_json_type(obj)}',
                    lineno,
                )
                continue
            text = obj.get("text")
            if not isinstance(text, str):
                what = 'no "text" field' if "text" not in obj else f'"text" is {_json_type(text)}'
                self.report(source, f'{what}; each line needs a string "text"', lineno)
                continue
            doc_id = obj.get("id")
            if doc_id is None:
                doc_id = f"{name}:{lineno}"
            elif isinstance(doc_id, (int, float)) and not isinstance(doc_id, bool):
                doc_id = json.dumps(doc_id)
            elif not isinstance(doc_id, str):
                self.report(
                    source, f'"id" is {_json_type(doc_id)}; use a string or a number', lineno
                )
                continue
            doc = self._checked(doc_id, text, source, lineno)
            if doc is not None:
                yield doc


def _byte_lines(stream: IO[str] | IO[bytes]) -> Iterator[bytes]:
    """The lines of a stream as bytes, decoded one by one so that bad bytes cost one line."""
    binary = getattr(stream, "buffer", None)
    if binary is not None:
        yield from binary
    elif isinstance(stream, io.TextIOBase):
        for line in stream:
            yield line.encode("utf-8", "surrogateescape")
    else:
        yield from stream  # type: ignore[misc]


def _is_json_document(raw: bytes) -> bool:
    try:
        obj = json.loads(raw.decode("utf-8").removeprefix(_BOM))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(obj, dict) and "text" in obj


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
