"""Speaker accuracy by how the attribution rules reached the speaker, on a quote gold file.

For each matched gold quote whose speaker is scored (as in ``quotekit evaluate``), the
rules' evidence (``name``, ``pronoun``, ``description``, ``organization``,
``continuation``, or ``none`` when they found nobody) and whether the final speaker is
right. It prints counts only, so it can be run on the sealed gold: comparing its rows on
open and sealed data shows which mechanism holds on unseen news.

A second table splits the wrong speakers by whether any of the ranker's candidates
(:func:`quotekit.speakers.speaker_candidates`) would have been right, and by the gold
speaker's kind: a wrong speaker with no right candidate is a fault of candidate
generation, which no ranking can mend.

The rules' evidence is what the attribution component hands the ranker; this script
wraps :func:`quotekit.speakers.rank_speakers` and ``speaker_candidates`` to read it.
An article long enough to be analysed in pieces, and a negated quote that the flags
stage adds after the ranker, are counted apart; when the speaker step ranks again
(after dropping a gated verb's quote whose speaker is not secure), its last round counts.

From the repository root::

    python benchmarks/speaker_sources.py                    # ../shared/.../quotes-sealed.jsonl
    python benchmarks/speaker_sources.py path/to/quotes-open.jsonl
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's package, not an installed one

import quotekit  # noqa: E402
import quotekit.speakers  # noqa: E402
from quotekit.evaluate import load_gold  # noqa: E402
from quotekit.evaluate.matching import (  # noqa: E402
    _lenient,
    _match,
    _speaker_correct,
    _speaker_evaluated,
)

DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "winer-dev" / "quotes-sealed.jsonl"


def counts(gold_path: Path) -> Counter[tuple[str, str]]:
    """``(source, "right" | "wrong")`` counts, ``("skipped", "")`` for long articles, and
    ``("wrong, a right candidate" | "wrong, no right candidate", gold speaker kind)``."""
    seen: list[dict[tuple[int, int], Any]] = []
    candidates: dict[tuple[int, int], list[Any]] = {}
    rank = quotekit.speakers.rank_speakers
    generate = quotekit.speakers.speaker_candidates

    def spy_candidates(analysis: Any, index: int, *args: Any, **kwargs: Any) -> Any:
        found = generate(analysis, index, *args, **kwargs)
        quote = analysis.quotes[index]
        candidates[(quote.start, quote.end)] = found
        return found

    def spy(analysis: Any, evidence: Any, *args: Any, **kwargs: Any) -> Any:
        # the rules' evidence by quote span: flags adds negated quotes after the ranker
        seen.append({(q.start, q.end): e for q, e in zip(analysis.quotes, evidence, strict=True)})
        return rank(analysis, evidence, *args, **kwargs)

    quotekit.speakers.rank_speakers = spy  # type: ignore[assignment]
    quotekit.speakers.speaker_candidates = spy_candidates  # type: ignore[assignment]
    out: Counter[tuple[str, str]] = Counter()
    try:
        analyzer = quotekit.load()
        for doc in load_gold(gold_path):
            seen.clear()
            candidates.clear()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                analysis = analyzer.analyse(doc.text, id=doc.id)
            if len(doc.text) > analyzer.max_length:
                out[("skipped", "")] += 1  # analysed in pieces: offsets are per piece
                continue
            # the speaker step ranks again after dropping an insecure gated quote
            # (quotekit.attribution.choose_speakers): its last round is what the record says
            evidence = seen[-1]
            pairs = _match(
                [(q.start, q.end) for q in doc.quotes],
                [(q.start, q.end) for q in analysis.quotes],
                _lenient,
            )
            for g, p in pairs.items():
                if not _speaker_evaluated(doc.quotes[g]):
                    continue
                found = evidence.get((analysis.quotes[p].start, analysis.quotes[p].end))
                if found is None:
                    out[("negated, added after the ranker", "")] += 1
                    continue
                source = found.source if found.speaker is not None else "none"
                right = _speaker_correct(doc.quotes[g], doc, analysis.quotes[p], analysis)
                out[(source, "right" if right else "wrong")] += 1
                if not right:
                    quote = analysis.quotes[p]
                    any_right = any(
                        _speaker_correct(
                            doc.quotes[g], doc, attrs.evolve(quote, speaker=c.speaker), analysis
                        )
                        for c in candidates.get((quote.start, quote.end), [])
                    )
                    row = "wrong, a right candidate" if any_right else "wrong, no right candidate"
                    out[(row, doc.quotes[g].speaker_kind)] += 1
    finally:
        quotekit.speakers.rank_speakers = rank  # type: ignore[assignment]
        quotekit.speakers.speaker_candidates = generate  # type: ignore[assignment]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args(argv)
    found = counts(args.gold)
    split = ("wrong, a right candidate", "wrong, no right candidate")
    sources = sorted({s for s, r in found if r and s not in split})
    print(f"{'rules found':14} {'quotes':>6} {'right':>6} {'accuracy':>9}")
    for source in sources:
        right, wrong = found[(source, "right")], found[(source, "wrong")]
        print(f"{source:14} {right + wrong:6} {right:6} {right / (right + wrong):9.3f}")
    if found[("skipped", "")]:
        print(f"articles analysed in pieces, not counted: {found[('skipped', '')]}")
    negated = found[("negated, added after the ranker", "")]
    if negated:
        print(f"negated quotes (no rules' evidence): {negated}")
    kinds = sorted({k for s, k in found if s in split})
    print()
    print(f"{'wrong speakers':26} " + " ".join(f"{k:>12}" for k in kinds))
    for row in split:
        print(f"{row:26} " + " ".join(f"{found[(row, k)]:12}" for k in kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
