"""Reading the command line's inputs as a lazy stream of ``(id, text)`` documents.

Sources are ``.txt`` files (one document each), JSON lines files (one ``{"id": ..., "text": ...}``
object a line), folders (searched recursively for both) and standard input. Nothing here loads a
model: the stream is plain data for :meth:`quotekit.Analyzer.pipe`.

Every document gets a :class:`Document` in its place, so the output lines up with the input: a
file that cannot be read, a binary file, a line that is not JSON or has no string ``"text"``
gives a Document with an ``error`` (a :class:`~quotekit.model.Failure`) instead of a text, and
reading goes on. A file or line that is not UTF-8 is decoded by a fallback (Windows-1252, which
is Latin-1 with the typographic marks, and Latin-1 itself where Windows-1252 has no character)
and its Document carries a warning saying so. Problems that are no document's (a folder with no
texts, an empty standard input) are handed to the ``on_problem`` callback as a
:class:`Problem`; to collect them, pass ``on_problem=problems.append``.

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

from quotekit.model import Failure

__all__ = [
    "FORMATS",
    "JSONL_SUFFIXES",
    "STDIN",
    "STDIN_NAME",
    "Document",
    "InputFormat",
    "Problem",
    "count_documents",
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

Report = Callable[["Problem"], None]

#: Bytes read to tell a binary file from a text.
_SNIFF = 8192


@attrs.frozen
class Document:
    """One input document: its id and text, or the ``error`` that kept it from being read.

    ``source`` and ``line`` say where it comes from (``line`` for JSON lines);
    ``warnings`` say what was done to read it (a fallback decoding).
    """

    id: str
    text: str
    source: str
    line: int | None = None
    warnings: tuple[str, ...] = ()
    error: Failure | None = None


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
    stdin: IO[str] | IO[bytes] | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
    exclude_ids: Iterable[tuple[int, int]] = (),
) -> Iterator[Document]:
    """Yield the documents of the given sources, in order, reading lazily.

    Args:
        paths: Files, folders, or ``"-"`` for standard input; none means standard input.
        on_problem: Called with each :class:`Problem` that is no document's.
        input_format: ``"text"`` (a file is one document), ``"jsonl"`` (one JSON object a
            line) or ``"auto"``: by extension for files (``.jsonl``, ``.json``, ``.ndjson`` are
            JSON lines), and for standard input by whether its first non-empty line is a JSON
            object with a ``"text"`` field. Folders are searched for ``*.txt`` and ``*.jsonl``
            (only ``*.txt`` under ``"text"``, only ``*.jsonl`` under ``"jsonl"``), recursively,
            in sorted order, skipping hidden files and folders.
        stdin: The stream read for ``"-"``; ``sys.stdin`` when None.
        exclude: Files never read (the output file), by path.
        exclude_ids: Files never read, by ``(st_dev, st_ino)`` (standard output redirected
            to a file).

    Yields:
        One :class:`Document` per document. A ``.txt`` file's id is its path as given, or
        relative to the folder given; a JSON line's id is its ``"id"`` (a number becomes a
        string), or ``<file>:<line>`` when it has none or it cannot be read; plain text on
        standard input is ``<stdin>``.

    Example:
        >>> problems = []
        >>> [(d.id, d.text) for d in iter_documents(["articles/"], on_problem=problems.append)]
        [('2024/a.txt', '« Nous ne céderons pas », a déclaré Claire Moreau.')]
    """
    reader = _Reader(on_problem, exclude=exclude, exclude_ids=exclude_ids)
    sources = list(paths) or [STDIN]
    for source in sources:
        given = os.fspath(source)
        if given == STDIN:
            yield from reader.stdin(sys.stdin if stdin is None else stdin, input_format)
        elif os.path.isdir(given):
            yield from reader.folder(given, input_format)
        elif reader.excluded(given):
            reader.report(given, "this is the output file: it is not read as input")
        else:
            fmt = format_of(given) if input_format == "auto" else input_format
            yield from reader.file(Path(given), given, given, fmt)


def count_documents(
    paths: Iterable[str | os.PathLike[str]], *, input_format: InputFormat = "auto"
) -> int | None:
    """How many documents the given files and folders hold (non-blank lines of JSON lines
    files), for a progress bar; None when standard input is among them."""
    total = 0
    for source in paths:
        given = os.fspath(source)
        if given == STDIN:
            return None
        files = [given]
        if os.path.isdir(given):
            suffixes = _FOLDER_SUFFIXES[input_format]
            files = [
                os.path.join(top, name)
                for top, dirs, names in os.walk(given)
                for name in names
                if not name.startswith(".") and Path(name).suffix.lower() in suffixes
            ]
        for path in files:
            fmt = format_of(path) if input_format == "auto" else input_format
            if fmt == "text":
                total += 1
                continue
            try:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
    return total


class _Reader:
    """Reads sources, reporting problems and counting what each source gave."""

    def __init__(
        self,
        report: Report,
        *,
        exclude: Iterable[str | os.PathLike[str]] = (),
        exclude_ids: Iterable[tuple[int, int]] = (),
    ) -> None:
        self._report = report
        self._problems = 0
        self._exclude = {os.path.realpath(p) for p in exclude}
        self._exclude_ids = set(exclude_ids)

    def report(self, source: str, message: str, line: int | None = None) -> None:
        self._problems += 1
        self._report(Problem(source, message, line))

    def excluded(self, path: str) -> bool:
        """Whether ``path`` is the output file, which is never read."""
        if not (self._exclude or self._exclude_ids):
            return False
        if os.path.realpath(path) in self._exclude:
            return True
        try:
            st = os.stat(path)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) in self._exclude_ids

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
                full = os.path.join(top, name)
                if (
                    not name.startswith(".")
                    and Path(name).suffix.lower() in suffixes
                    and not self.excluded(full)
                ):
                    found.append(((*rel_top.parts, name), full))
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
                count += 1
                yield _failed(name, shown, None, "unreadable", f"cannot read: {_why(err)}")
            if count == 0 and not self._reported_any(before):
                self.report(shown, "no documents: the file has no JSON lines")
        else:
            try:
                data = path.read_bytes()
            except OSError as err:
                yield _failed(name, shown, None, "unreadable", f"cannot read: {_why(err)}")
                return
            yield self._text_document(data, shown, name)

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
            data = b"".join(chain(head, lines))
            if data.strip():
                count += 1
                yield self._text_document(data, STDIN_NAME, STDIN_NAME)
        if count == 0 and not self._reported_any(before):
            self.report(STDIN_NAME, "no documents: standard input is empty")

    # -- contents ---------------------------------------------------------------------------

    def _text_document(self, data: bytes, source: str, name: str) -> Document:
        text, warning = _decode(data)
        if text is None:
            return _failed(
                name,
                source,
                None,
                "binary",
                "not a text file (it holds bytes no text encoding has, such as NUL): "
                "give .txt files of text, or JSON lines",
            )
        return Document(name, text, source, warnings=() if warning is None else (warning,))

    def _jsonl(self, lines: Iterable[bytes], source: str, name: str) -> Iterator[Document]:
        for lineno, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            line, warning = _decode(raw)
            if line is None:
                line = raw.decode("latin-1")  # binary: the JSON parser says what is wrong
            warned = () if warning is None else (warning,)
            where = f"{name}:{lineno}"

            def bad(message: str, doc_id: str = where) -> Document:
                return _failed(doc_id, source, lineno, "bad_input", message)  # noqa: B023

            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield bad(
                    f"bad JSON: {err.msg} (column {err.colno}); each line needs one "
                    'JSON object {"id": ..., "text": ...}'
                )
                continue
            if not isinstance(obj, dict):
                yield bad(
                    f'expected a JSON object {{"id": ..., "text": ...}}, got {_json_type(obj)}'
                )
                continue
            doc_id = obj.get("id")
            if doc_id is None:
                doc_id = where
            elif isinstance(doc_id, (int, float)) and not isinstance(doc_id, bool):
                doc_id = json.dumps(doc_id)
            elif not isinstance(doc_id, str):
                yield bad(f'"id" is {_json_type(doc_id)}; use a string or a number')
                continue
            text = obj.get("text")
            if not isinstance(text, str):
                what = 'no "text" field' if "text" not in obj else f'"text" is {_json_type(text)}'
                yield bad(f'{what}; each line needs a string "text"', doc_id)
                continue
            yield Document(doc_id, text, source, lineno, warnings=warned)


def _failed(doc_id: str, source: str, line: int | None, code: str, message: str) -> Document:
    return Document(doc_id, "", source, line, error=Failure(code, message))


def _why(err: OSError) -> str:
    return str(err.strerror or err)


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """The text of ``data`` and a warning if it was not UTF-8; None for a binary file.

    UTF-8 first (a leading byte order mark dropped); else Windows-1252, the usual encoding
    of French pages that are not UTF-8; else Latin-1, which decodes any byte. Data that is
    not UTF-8 and holds NUL bytes, or many control bytes, is binary.
    """
    try:
        return data.decode("utf-8").removeprefix(_BOM), None
    except UnicodeDecodeError as err:
        position = err.start
    sniff = data[:_SNIFF]
    controls = sum(sniff.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13))
    if b"\x00" in data or controls * 10 > len(sniff):
        return None, None
    try:
        text, encoding = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "Latin-1"
    return text, (
        f"not UTF-8 (byte {data[position]:#04x} at byte offset {position}): read as "
        f"{encoding}; offsets index the text so decoded. Convert it to UTF-8 first if "
        "the accents look wrong, e.g. with: iconv -f cp1252 -t utf-8"
    )


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
    text, _ = _decode(raw)
    try:
        obj = json.loads(text or "")
    except json.JSONDecodeError:
        return False
    return isinstance(obj, dict) and "text" in obj


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
