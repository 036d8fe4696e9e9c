"""Where ``quotekit extract`` puts its records: one complete line per document, written as
soon as it is ready (:class:`_Writer`, :class:`_CorpusWriter` for corpus-wide names), what an
interrupted run left for ``--resume`` (:func:`_read_done`, :func:`_skip_done`), the progress bar
(:class:`_Progress`) and the summary on stderr (:class:`_Reporter`)."""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from typing import IO, Any, TextIO

from tqdm import tqdm

from quotekit._inputs import Document, Problem
from quotekit.errors import QuotekitWarning
from quotekit.model import Analysis
from quotekit.records import from_record, to_record
from quotekit.textview import format_analysis

#: The command's name, at the start of every message it prints.
PROG = "quotekit"


class _Progress:
    """tqdm's bar on stderr when it is a terminal: documents done (of the total when it is
    known), rate and time left; silent elsewhere, and for runs of under a second."""

    DELAY = 1.0  # seconds before the bar first shows

    def __init__(self, stream: TextIO, *, total: int | None = None, done: int = 0) -> None:
        self.stream = stream
        try:
            self.enabled = stream.isatty()
        except (AttributeError, ValueError):
            self.enabled = False
        self.count = done
        self.bar: Any = None
        if self.enabled:
            self.bar = tqdm(
                total=total,
                initial=done,
                unit=" documents",
                file=stream,
                delay=self.DELAY,
                dynamic_ncols=True,
                desc=PROG,
            )

    def begin(self) -> None:
        """Start the clock (after the model has loaded, so the rate is the analysis's)."""
        if self.bar is not None:
            self.bar.reset(total=self.bar.total)
            self.bar.update(self.count)

    def update(self) -> None:
        self.count += 1
        if self.bar is not None:
            self.bar.update(1)

    def say(self, message: str) -> None:
        """Print a line on the stream, above the bar."""
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class _Reporter:
    """Prints problems and warnings on stderr, around the progress bar, and counts them."""

    def __init__(self, stream: TextIO, progress: _Progress) -> None:
        self.stream = stream
        self.progress = progress
        self.problems = 0

    def say(self, message: str) -> None:
        self.progress.say(message)

    def problem(self, problem: Problem) -> None:
        self.problems += 1
        self.say(str(problem))

    def warning(
        self,
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: IO[str] | None = None,
        line: str | None = None,
    ) -> None:
        """A ``warnings.showwarning`` that prints one short line instead of source code."""
        label = "warning" if issubclass(category, QuotekitWarning) else category.__name__
        self.say(f"{PROG}: {label}: {message}")


class _Writer:
    """Writes analyses in one output format, flushing each so pipelines see them as they come.

    A JSON line is written whole, then flushed: a run stopped at any moment leaves complete
    lines and at most one torn last line, which ``--resume`` drops.
    """

    def __init__(self, out: TextIO, fmt: str, *, title: str = "quotekit") -> None:
        self.out = out
        self.fmt = fmt
        self.title = title
        self.count = 0
        self.errors = 0
        # the HTML page shows an index of speakers over all articles: it is written at the end
        self.pages: list[tuple[Analysis, str]] = []

    def write(self, analysis: Analysis, text: str) -> None:
        self.errors += analysis.error is not None
        if self.fmt == "html":
            self.pages.append((analysis, text))
            self.count += 1
            return
        if self.fmt == "text":
            view = (
                format_analysis(analysis, text)
                if analysis.error is None
                else f"{analysis.id}: error: {analysis.error.message}"
            )
            chunk = ("\n" if self.count else "") + view + "\n"
        else:
            record = _json_line(to_record(analysis))
            if self.fmt == "jsonl":
                chunk = record + "\n"
            else:
                chunk = ("[\n" if self.count == 0 else ",\n") + record
        self.count += 1
        self.out.write(chunk)
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "[]\n")
            self.out.flush()
        elif self.fmt == "html":
            from quotekit.render import render_html

            self.out.write(render_html(self.pages, title=self.title))
            self.out.flush()


def _json_line(value: object) -> str:
    """JSON with characters as they are, unless the text holds a lone surrogate, which UTF-8
    cannot encode: then escaped (``\\ud83d``), so that the record reads back exactly."""
    line = json.dumps(value, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(value)
    return line


class _CorpusWriter:
    """Holds records in a temporary file until the whole corpus is seen, then writes them
    linked (corpus-wide ids and names): memory holds only the name table."""

    def __init__(self, writer: _Writer) -> None:
        from quotekit.corpus import Corpus

        self.writer = writer
        self.corpus = Corpus()
        # closed in close(), after the last document: it outlives any one call
        self.held = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.count = 0

    def write(self, analysis: Analysis, text: str) -> None:
        self.corpus.add(analysis)
        self.held.write(json.dumps([to_record(analysis), text]) + "\n")
        self.count += 1

    def close(self) -> None:
        self.held.seek(0)
        for line in self.held:
            record, text = json.loads(line)
            self.writer.write(self.corpus.link(from_record(record)), text)
        self.held.close()
        self.writer.close()

    @property
    def errors(self) -> int:
        return self.writer.errors


def _utf8_stdout() -> TextIO:
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    return stream


def _stdout_file() -> tuple[int, int] | None:
    """The (device, inode) of standard output when it is a regular file, so that
    ``quotekit extract . > out.jsonl`` does not read ``out.jsonl``."""
    try:
        st = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


class _Done:
    """What an earlier run left in the output file, for ``--resume``."""

    def __init__(self, ids: list[str | None], errors: int) -> None:
        self.ids = ids
        self.errors = errors


def _read_done(path: str) -> _Done:
    """The complete records of ``path``; a torn last line (a run killed while writing it)
    is cut off the file, so that the run goes on after the last complete record."""
    ids: list[str | None] = []
    errors = 0
    try:
        fh = open(path, "rb+")  # noqa: SIM115 - closed below, after the truncation
    except FileNotFoundError:
        return _Done(ids, errors)
    with fh:
        kept = 0
        for raw in fh:
            try:
                record = json.loads(raw) if raw.endswith(b"\n") else None
            except ValueError:
                record = None
            if not isinstance(record, dict) or "schema" not in record:
                break
            ids.append(record.get("id"))
            errors += "error" in record
            kept += len(raw)
        fh.truncate(kept)
    return _Done(ids, errors)


def _skip_done(documents: Iterator[Document], done: _Done, output: str) -> str | None:
    """Skip the documents ``done`` holds records of; the reason the output does not
    match the inputs, or None."""
    for position, doc_id in enumerate(done.ids):
        doc = next(documents, None)
        if doc is None or doc.id != doc_id:
            found = "no more documents" if doc is None else f"the document {doc.id!r}"
            return (
                f"cannot resume: record {position + 1} of {output} has the id {doc_id!r}, but "
                f"the inputs give {found} at that place; give the same inputs and options as "
                "the run that wrote it, or run without --resume to start again"
            )
    return None
