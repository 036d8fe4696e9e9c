"""The ``quotekit`` command line: ``extract`` records from French texts, ``evaluate`` against gold.

Subcommand and option names are a contract (scripts and pipelines call them): add, never rename.

Built on :mod:`argparse` rather than typer (which spaCy brings): argparse is in the standard
library, so the contract does not hang on a transitive dependency's version; it already exits
with 2 and a ``usage:`` line on a bad option, which is the exit code documented here; and its
help output is plain text that does not change with the terminal.

The progress bar is tqdm's (spaCy 3.8 requires it, and quotekit declares it): documents done of
the total when the inputs are files or folders, the rate and the time left, on a terminal only.

This module builds the parser, dispatches to the subcommands and runs ``evaluate``, ``train``
and ``conflicts``; the shared options, help texts and exit codes are in
:mod:`quotekit.cli_options`, the ``extract`` and ``render`` run in :mod:`quotekit.cli_extract`.

Example:
    $ quotekit extract articles/ > records.jsonl
    $ echo "« Nous ne céderons pas », a déclaré Claire Moreau." | quotekit extract --format text
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from quotekit._writers import PROG, _utf8_stdout
from quotekit.analyzer import Analyzer
from quotekit.cli_extract import _extract
from quotekit.cli_options import (
    EVALUATE_EPILOG,
    EXIT_CODES,
    EXIT_MODEL,
    EXIT_NO_INPUT,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_RUN,
    EXIT_USAGE,
    EXTRACT_EPILOG,
    MAX_LENGTH,
    RENDER_EPILOG,
    _add_model_options,
    _add_reading_options,
    _load,
)
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


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:  # pragma: no cover - running from a source tree not installed
        return "unknown"


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
