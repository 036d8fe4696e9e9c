"""Person-name scores by month of the WiNER dev corpus, and for its two halves.

The rules of :mod:`quotekit.recognition` were written while reading the errors of months
01-08 only, and the recognizer quotekit ships was trained on most of 01-08 (its held-out
part: ``python -m quotekit.training.ner``, docs/training.md), so the 01-08 rows here are no
unseen figure any more; months 09-12 are held apart (see docs/evaluation.md). This prints, for
quotekit and for the bare spaCy NER of the same model, exact-span P / R / F1 by month
and by half, the errors left per thousand gold names, and a file-level bootstrap
interval of the F1 gap between the halves. It prints figures only, never the text of
an error, so that running it does not "look at" the held-apart months.

From the repository root::

    python benchmarks/ner_split.py                   # ../shared/data/winer-dev/2016
    python benchmarks/ner_split.py DIR --held-apart 09 10 11 12 --samples 2000
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's package, not an installed one

import quotekit  # noqa: E402
from quotekit.evaluate import read_brat  # noqa: E402
from quotekit.evaluate.scores import _person_entities  # noqa: E402
from quotekit.pipeline import RECORD_ATTR  # noqa: E402
from quotekit.records import from_record  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "data" / "winer-dev" / "2016"

# one file: (month, gold spans, quotekit's spans, bare spaCy's spans)
FileSpans = tuple[str, set[tuple[int, int]], set[tuple[int, int]], set[tuple[int, int]]]


def file_spans(directory: Path) -> list[FileSpans]:
    """Gold, quotekit and bare-spaCy person spans of every .ann/.txt pair, by file."""
    pairs = []
    for ann in sorted(directory.rglob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        if text.strip():
            gold = {(s, e) for s, e, kind, _ in read_brat(ann) if kind == "Person"}
            pairs.append((ann.parent.name, text, gold))
    analyzer = quotekit.load()
    texts = [text for _, text, _ in pairs]
    docs = analyzer.nlp.pipe(texts, batch_size=8)
    bare = analyzer.bare().pipe(texts, batch_size=8)
    out: list[FileSpans] = []
    for (month, _, gold), doc, bare_doc in zip(pairs, docs, bare, strict=True):
        ours = {
            (m.start, m.end)
            for entity in _person_entities(from_record(doc._.get(RECORD_ATTR)))
            for m in entity.mentions
            if m.kind == "name"
        }
        spacy = {(e.start_char, e.end_char) for e in bare_doc.ents if e.label_ == "PER"}
        out.append((month, gold, ours, spacy))
    return out


def prf(files: Sequence[FileSpans], system: int) -> tuple[float, float, float, int]:
    """Micro P / R / F1 and the error count (missed + wrong) of system 2 (quotekit) or
    3 (bare spaCy) over ``files``."""
    correct = predicted = gold = 0
    for row in files:
        found = row[system]
        assert isinstance(found, set)
        correct += len(row[1] & found)
        predicted += len(found)
        gold += len(row[1])
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, (predicted - correct) + (gold - correct)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--held-apart", nargs="+", default=["09", "10", "11", "12"])
    parser.add_argument("--samples", type=int, default=2000, help="bootstrap samples")
    args = parser.parse_args(argv)

    files = file_spans(args.directory)
    held = [f for f in files if f[0] in args.held_apart]
    seen = [f for f in files if f[0] not in args.held_apart]
    groups: list[tuple[str, list[FileSpans]]] = [
        (month, [f for f in files if f[0] == month]) for month in sorted({f[0] for f in files})
    ]
    groups += [("looked at", seen), ("held apart", held), ("all", files)]
    print(f"{'files':12} {'gold':>5}  quotekit P / R / F1   errors/1000   spaCy F1")
    for name, rows in groups:
        gold = sum(len(f[1]) for f in rows)
        p, r, f, errors = prf(rows, 2)
        spacy_f1 = prf(rows, 3)[2]
        print(
            f"{name:12} {gold:5}  {p:.3f} / {r:.3f} / {f:.3f}   {1000 * errors / gold:8.1f}"
            f"      {spacy_f1:.3f}"
        )
    rng = random.Random(0)
    gaps = sorted(
        prf(rng.choices(seen, k=len(seen)), 2)[2] - prf(rng.choices(held, k=len(held)), 2)[2]
        for _ in range(args.samples)
    )
    low, high = gaps[int(0.025 * len(gaps))], gaps[int(0.975 * len(gaps)) - 1]
    gap = prf(seen, 2)[2] - prf(held, 2)[2]
    print(
        f"F1 gap, looked at minus held apart: {gap:.3f}"
        f" (95% bootstrap over files: {low:.3f} to {high:.3f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
