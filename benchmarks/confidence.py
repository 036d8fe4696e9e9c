"""Accuracy of quotekit's attributions by confidence band, on a quote gold file.

A predicted quote is right when it matches a gold quote leniently (as in ``quotekit
evaluate``) and its speaker is correct; the table gives, for each band of
``Quote.confidence``, how many quotes fall in it and the share that are right. A
meaningful confidence makes that share rise with the band.

From the repository root::

    python benchmarks/confidence.py                         # ../shared/.../quotes-sealed.jsonl
    python benchmarks/confidence.py path/to/quotes-open.jsonl --bands 0.5 0.7 0.85
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's package, not an installed one

import quotekit  # noqa: E402
from quotekit.evaluate import load_gold  # noqa: E402
from quotekit.evaluate.matching import _lenient, _match, _speaker_correct  # noqa: E402

# the sealed gold: the table is read as what confidence means on articles never trained on
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "winer-dev" / "quotes-sealed.jsonl"


def scored(gold_path: Path) -> list[tuple[float, bool]]:
    """``(confidence, right)`` of every predicted quote of the gold articles."""
    docs = load_gold(gold_path)
    analyses = list(quotekit.load().pipe([(d.id, d.text) for d in docs]))
    out = []
    for doc, analysis in zip(docs, analyses, strict=True):
        gold = [(q.start, q.end) for q in doc.quotes]
        pred = [(q.start, q.end) for q in analysis.quotes]
        by_pred = {p: g for g, p in _match(gold, pred, _lenient).items()}
        for pi, quote in enumerate(analysis.quotes):
            gi = by_pred.get(pi)
            right = gi is not None and _speaker_correct(doc.quotes[gi], doc, quote, analysis)
            out.append((quote.confidence, right))
    return out


def bands_table(gold_path: Path, cuts: Sequence[float]) -> list[tuple[str, int, int]]:
    """``(band, quotes, right)`` for each confidence band, lowest first."""
    docs = load_gold(gold_path)
    analyses = list(quotekit.load().pipe([(d.id, d.text) for d in docs]))
    edges = [0.0, *cuts, 1.0001]
    rows = [
        [f"[{a:.2f}, {min(b, 1.0):.2f}{']' if b > 1 else ')'}", 0, 0]
        for a, b in itertools.pairwise(edges)
    ]
    for doc, analysis in zip(docs, analyses, strict=True):
        gold = [(q.start, q.end) for q in doc.quotes]
        pred = [(q.start, q.end) for q in analysis.quotes]
        by_pred = {p: g for g, p in _match(gold, pred, _lenient).items()}
        for pi, quote in enumerate(analysis.quotes):
            band = next(k for k in range(len(edges) - 1) if quote.confidence < edges[k + 1])
            rows[band][1] += 1
            gi = by_pred.get(pi)
            if gi is not None and _speaker_correct(doc.quotes[gi], doc, quote, analysis):
                rows[band][2] += 1
    return [(str(r[0]), int(r[1]), int(r[2])) for r in rows]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--bands", nargs="+", type=float, default=[0.4, 0.6, 0.75, 0.85])
    args = parser.parse_args(argv)
    rows = bands_table(args.gold, sorted(args.bands))
    print(f"{'confidence':<14}{'quotes':>8}{'right':>8}{'accuracy':>10}")
    for band, n, right in rows:
        accuracy = f"{right / n:.3f}" if n else "-"
        print(f"{band:<14}{n:>8}{right:>8}{accuracy:>10}")
    total = sum(r[1] for r in rows)
    print(f"{'all':<14}{total:>8}{sum(r[2] for r in rows):>8}")
    # what a user who keeps only the quotes at or above a threshold gets
    pairs = scored(args.gold)
    print(f"\n{'keep if >=':<14}{'kept':>8}{'share':>8}{'right':>10}")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        kept = [r for c, r in pairs if c >= t]
        share = len(kept) / len(pairs) if pairs else 0.0
        right = f"{sum(kept) / len(kept):.3f}" if kept else "-"
        print(f"{t:<14.2f}{len(kept):>8}{share:>8.2f}{right:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
