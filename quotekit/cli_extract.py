"""``quotekit extract`` and ``quotekit render``: read the documents, load the analyser once
the first one is read, analyse them in batches (``--jobs`` processes) and write each result in
input order as it comes, with the progress bar, the summary on stderr and the exit code.

The readers are in :mod:`quotekit._inputs`, the writers and the progress bar in
:mod:`quotekit._writers`; :mod:`quotekit.cli` wires :func:`_extract` to both subcommands.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from itertools import chain
from pathlib import Path

from quotekit._inputs import STDIN, Document, Problem, count_documents, iter_documents
from quotekit._writers import (
    PROG,
    _CorpusWriter,
    _Done,
    _Progress,
    _read_done,
    _Reporter,
    _skip_done,
    _stdout_file,
    _utf8_stdout,
    _Writer,
)
from quotekit.analyzer import Analyzer
from quotekit.cli_options import (
    EXIT_MODEL,
    EXIT_NO_INPUT,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    _load,
)
from quotekit.errors import InputError, QuotekitWarning
from quotekit.model import Analysis


def _extract(args: argparse.Namespace) -> int:
    if args.resume and (args.output is None or args.format != "jsonl" or args.corpus):
        print(
            f"{PROG}: error: --resume needs --output FILE and the jsonl format (not --corpus)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    paths: list[str] = args.paths or [STDIN]
    done = _read_done(args.output) if args.resume else _Done([], 0)
    total = None
    if sys.stderr is not None and sys.stderr.isatty():
        total = count_documents(paths, input_format=args.input)
    progress = _Progress(sys.stderr, total=total, done=len(done.ids))
    try:
        return _extract_with(args, paths, done, progress)
    finally:
        progress.close()


def _extract_with(
    args: argparse.Namespace, paths: list[str], done: _Done, progress: _Progress
) -> int:
    reporter = _Reporter(sys.stderr, progress)
    if STDIN in paths and sys.stdin is not None and sys.stdin.isatty():
        reporter.say(f"{PROG}: reading French text from standard input (end it with Ctrl-D)")
    stdout_file = _stdout_file() if args.output is None else None
    documents = iter_documents(
        paths,
        on_problem=reporter.problem,
        input_format=args.input,
        exclude=[] if args.output is None else [args.output],
        exclude_ids=[] if stdout_file is None else [stdout_file],
    )
    mismatch = _skip_done(documents, done, args.output) if done.ids else None
    if mismatch is not None:
        reporter.say(f"{PROG}: error: {mismatch}")
        return EXIT_USAGE

    # Read up to the first document before loading the model, which takes seconds: a run
    # where nothing can be read fails at once.
    first = next(documents, None)
    if first is None:
        if done.ids:
            reporter.say(f"{PROG}: {args.output} already holds a record of every document")
            return EXIT_PARTIAL if done.errors else EXIT_OK
        reporter.say(f"{PROG}: nothing to analyse")
        return EXIT_NO_INPUT
    analyzer = _load(args)
    if analyzer is None:
        return EXIT_MODEL

    with ExitStack() as stack:
        if args.output is None:
            out = _utf8_stdout()
        else:
            try:
                if args.format == "html":  # a report: its folder may be new
                    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
                out = stack.enter_context(
                    open(
                        args.output,
                        "a" if args.resume else "w",
                        encoding="utf-8",
                        errors="backslashreplace",
                        newline="\n",
                    )
                )
            except OSError as err:
                print(
                    f"{PROG}: error: cannot write {args.output}: {err.strerror or err}",
                    file=sys.stderr,
                )
                return EXIT_USAGE
        stack.enter_context(warnings.catch_warnings())
        warnings.simplefilter("always", QuotekitWarning)
        warnings.showwarning = reporter.warning
        writer = (
            _CorpusWriter(_Writer(out, args.format, title=args.title))
            if args.corpus
            else _Writer(out, args.format, title=args.title)
        )
        try:
            count = _run_pipeline(
                analyzer, chain([first], documents), args, writer, progress, reporter
            )
        except BrokenPipeError:
            # The reader went away (``| head``): stop quietly, and keep Python from
            # complaining again when it flushes stdout at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_OK

    errors = writer.errors + done.errors
    count += len(done.ids)
    if errors or reporter.problems:
        reporter.say(
            f"{PROG}: {count:,} record{'s' * (count != 1)} written, "
            f"{errors:,} of them error record{'s' * (errors != 1)}"
            + (
                f"; {reporter.problems:,} other problem{'s' * (reporter.problems != 1)}"
                if reporter.problems
                else ""
            )
        )
        return EXIT_PARTIAL if count > errors else EXIT_NO_INPUT
    return EXIT_OK


def _run_pipeline(
    analyzer: Analyzer,
    documents: Iterator[Document],
    args: argparse.Namespace,
    writer: _Writer | _CorpusWriter,
    progress: _Progress,
    reporter: _Reporter,
) -> int:
    """Analyse the documents, write each result as it comes, in input order: a document
    that could not be read gets its error record in its place. Returns how many were
    written."""
    # The documents between the pipe's input and its output, to pair each result with its
    # document: at most about batch_size * jobs of them (and the error documents between
    # them), so memory stays flat.
    pending: deque[Document] = deque()

    def fed() -> Iterator[tuple[str, str]]:
        for document in documents:
            pending.append(document)
            if document.error is None:
                yield document.id, document.text

    def write_failed() -> None:
        while pending and pending[0].error is not None:
            doc = pending.popleft()
            where = doc.source if doc.line is None else f"{doc.source}:{doc.line}"
            assert doc.error is not None
            reporter.say(f"{where}: {doc.error.message}")
            writer.write(Analysis(id=doc.id, model=analyzer.model, error=doc.error), doc.text)
            progress.update()

    progress.begin()
    try:
        for analysis in analyzer.pipe(fed(), batch_size=args.batch_size, n_process=args.jobs):
            write_failed()
            doc = pending.popleft()
            if doc.warnings:
                for warning in doc.warnings:
                    reporter.say(f"{PROG}: warning: {doc.id}: {warning}")
                analysis = _with_warnings(analysis, doc.warnings)
            if analysis.error is not None:
                reporter.say(f"{PROG}: error: {doc.id}: {analysis.error.message}")
            writer.write(analysis, doc.text)
            progress.update()
        write_failed()
    except InputError as err:
        # The documents were checked as they were read, so this is not expected; if it
        # happens the stream cannot go on, but what was written stays valid.
        reporter.problem(Problem("<pipeline>", f"{err}; the documents after it were not analysed"))
    writer.close()
    return writer.count


def _with_warnings(analysis: Analysis, first: Sequence[str]) -> Analysis:
    import attrs

    return attrs.evolve(analysis, warnings=(*first, *analysis.warnings))
