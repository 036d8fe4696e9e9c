"""Throughput of quotekit's full analysis against a bare ``nlp.pipe`` of the same model.

Both run in one process over the same texts with the same batch size, after a warm-up.
quotekit runs the model's parse only on the sentences that need it (``quotekit.focus``),
so its full analysis can be faster than the bare pipeline, its own stages included; the
ratio says by how much. ``--full-parse`` times quotekit with every sentence parsed, which
shows what its own stages cost on top of spaCy. The script prints figures and asserts
nothing about time.

Caches matter: spaCy's lemmatizer remembers the lemma of every (word, part of speech) it
has seen, and quotekit its own tables by word. ``--repeat 3`` times the same texts again,
when every word is known; ``--warm-up half`` runs both pipelines over the first half of
the corpus untimed, then times the other half, whose common words are known and rare
ones new, as when a process has been reading news for a while.

Usage (from the repository root):
    python benchmarks/throughput.py                  # every article of the default corpus
    python benchmarks/throughput.py --warm-up half   # time the second half, warmed on the first
    python benchmarks/throughput.py --limit 60 --repeat 3
    python benchmarks/throughput.py --profile        # and where quotekit spends its time
    python benchmarks/throughput.py --full-parse     # quotekit parsing every sentence
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import spacy

import quotekit
from quotekit.analyzer import _resolve

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "winer-dev" / "2016"


def read_corpus(folder: Path, limit: int | None) -> list[str]:
    """Every ``*.txt`` under ``folder``, sorted by path, up to ``limit`` texts.

    Address lists (``*-urls.txt``) sit beside the articles in WiNER and are not articles.
    """
    paths = sorted(p for p in folder.rglob("*.txt") if not p.name.endswith("-urls.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths[:limit]]
    return [t for t in texts if t.strip()]


def best_times(
    runs: list[Callable[[list[str]], None]], texts: list[str], repeat: int, chunk: int
) -> list[float]:
    """The time of each run over ``texts``, in seconds: the sum over chunks of ``chunk``
    texts of the fastest of ``repeat`` passes over each chunk.

    The runs take turns chunk by chunk, so a slow spell of the machine (a shared VM has
    them, lasting seconds) falls on both of them, and the fastest pass of each chunk
    leaves it out.
    """
    chunks = [texts[i : i + chunk] for i in range(0, len(texts), chunk)]
    best = [[float("inf")] * len(chunks) for _ in runs]
    for _ in range(repeat):
        for k, part in enumerate(chunks):
            for i, run in enumerate(runs):
                start = time.perf_counter()
                run(part)
                best[i][k] = min(best[i][k], time.perf_counter() - start)
    return [sum(times) for times in best]


def consume(results: Iterable[object]) -> None:
    for _ in results:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="folder of .txt articles, read recursively (default: %(default)s)",
    )
    parser.add_argument("--limit", type=int, default=None, help="use the first N texts only")
    parser.add_argument(
        "--model", default=None, help="spaCy pipeline (default: quotekit's default)"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="timed runs of each; the best is kept"
    )
    parser.add_argument(
        "--batch-size", type=int, default=16, help="texts per batch (default: %(default)s)"
    )
    parser.add_argument(
        "--chunk",
        type=int,
        default=64,
        help="texts per timed turn; the runs alternate chunk by chunk (default: %(default)s)",
    )
    parser.add_argument(
        "--warm-up",
        choices=("batch", "half"),
        default="batch",
        help="untimed run before timing: two batches (default), or the first half of the "
        "corpus, which is then left out of the timing",
    )
    parser.add_argument(
        "--full-parse",
        action="store_true",
        help="time quotekit with every sentence parsed (quotekit.load(focus=False))",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile one more quotekit run and print its top functions",
    )
    args = parser.parse_args(argv)

    if not args.corpus.is_dir():
        parser.error(f"no corpus folder at {args.corpus}; give one with --corpus DIR")
    texts = read_corpus(args.corpus, args.limit)
    if args.warm_up == "half":
        warm, texts = texts[: len(texts) // 2], texts[len(texts) // 2 :]
    else:
        warm = texts[: min(len(texts), 2 * args.batch_size)]
    if not texts:
        parser.error(f"no .txt texts under {args.corpus}")
    words = sum(len(t.split()) for t in texts)

    # Unbalanced guillemets and the like are expected in real news; they are not news here.
    warnings.simplefilter("ignore", quotekit.QuotekitWarning)
    model = _resolve(args.model)
    analyzer = quotekit.load(model, focus=not args.full_parse)
    bare = spacy.load(model)

    def run_bare(part: list[str]) -> None:
        consume(bare.pipe(part, batch_size=args.batch_size))

    def run_quotekit(part: list[str]) -> None:
        consume(analyzer.pipe(part, batch_size=args.batch_size))

    consume(bare.pipe(warm, batch_size=args.batch_size))
    consume(analyzer.pipe(warm, batch_size=args.batch_size))

    bare_s, quotekit_s = best_times([run_bare, run_quotekit], texts, args.repeat, args.chunk)

    print(f"model       {analyzer.model} ({', '.join(bare.pipe_names)})")
    print(f"quotekit    {'every sentence parsed' if args.full_parse else 'focus (default)'}")
    timed = "the second half: " if args.warm_up == "half" else ""
    print(f"corpus      {args.corpus}: {timed}{len(texts)} texts, {words:,} words")
    print(f"batch size  {args.batch_size}")
    print(f"repeat      best of {args.repeat} for each chunk of {args.chunk} texts")
    print(f"{'':12}{'seconds':>10}{'words/s':>12}")
    print(f"{'bare spaCy':12}{bare_s:10.2f}{words / bare_s:12,.0f}")
    print(f"{'quotekit':12}{quotekit_s:10.2f}{words / quotekit_s:12,.0f}")
    print(
        f"ratio       quotekit/bare: {quotekit_s / bare_s:.2f}x the time, "
        f"{bare_s / quotekit_s:.2f}x the words/s"
    )

    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(run_quotekit, texts)
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
        # Only quotekit's own modules: the regex filters the entries, then 25 are kept.
        package = re.escape(str(Path(quotekit.__file__).parent))
        stats.print_stats(package, 25)
        print("\nquotekit functions by cumulative time (one profiled run)")
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
