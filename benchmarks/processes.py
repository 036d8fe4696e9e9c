"""Speed-up of 2 worker processes over 1, with the output checked identical.

Runs ``Analyzer.pipe`` over the same articles with ``n_process=1`` and ``n_process=2``
in one run and prints words per second of each and the speed-up. Prints figures only.

Usage (from the repository root):
    python benchmarks/processes.py                    # all articles of the dev corpus
    python benchmarks/processes.py --limit 200 --batch-size 8
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import quotekit

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/data/winer-dev/2016"


def read(corpus: Path, limit: int | None) -> list[tuple[str, str]]:
    paths = [p for p in sorted(corpus.rglob("*.txt")) if not p.name.endswith("-urls.txt")]
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in paths[:limit]]
    return [(i, t) for i, t in texts if t.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--model")
    args = parser.parse_args()
    items = read(args.corpus, args.limit)
    words = sum(len(t.split()) for _, t in items)
    analyzer = quotekit.load(args.model)
    warnings.simplefilter("ignore", quotekit.QuotekitWarning)
    list(analyzer.pipe(items[:5]))  # warm up
    results = {}
    seconds = {}
    for n in (1, 2):
        start = time.perf_counter()
        results[n] = [
            quotekit.to_record(a)
            for a in analyzer.pipe(items, batch_size=args.batch_size, n_process=n)
        ]
        seconds[n] = time.perf_counter() - start
    print(f"{len(items)} articles, {words:,} words, model {analyzer.model}")
    for n in (1, 2):
        print(f"n_process={n}: {seconds[n]:7.1f} s  {words / seconds[n]:9,.0f} words/s")
    print(f"speed-up 2 vs 1: {seconds[1] / seconds[2]:.2f}x")
    print(f"output identical and in order: {'yes' if results[1] == results[2] else 'NO'}")


if __name__ == "__main__":
    main()
