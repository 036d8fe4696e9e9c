"""Pairwise precision and recall of ``quotekit.canonicalize`` on the name-variants test set.

The test set (``tests/data/name_variants.tsv``) gives, for each name form, the person it
names. All forms go to ``quotekit.canonicalize`` in one call. Over all pairs of forms, a
predicted pair is two forms with the same output and a gold pair two forms of the same
person:

    precision = |predicted & gold| / |predicted|      recall = |predicted & gold| / |gold|

The script prints both, then the false merges (different people given one output, grouped
by that output) and the misses (one person given several outputs, grouped by person), at
most ``--limit`` of each. ``--shuffle N`` also runs N random input orders and checks that
every form gets the same output as in file order.

Usage (from the repository root):
    python benchmarks/names_eval.py
    python benchmarks/names_eval.py --shuffle 5 --seed 1 --limit 20
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from itertools import combinations
from pathlib import Path

import quotekit

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TSV = REPO / "tests" / "data" / "name_variants.tsv"


def read_variants(path: Path) -> list[tuple[str, str]]:
    """``(person_id, form)`` rows of the TSV, in file order: a header line, then one
    ``person_id<TAB>form`` line per form; blank lines and ``#`` comments are skipped."""
    rows: list[tuple[str, str]] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            if line.split("\t") != ["person_id", "form"]:
                raise ValueError(f"{path}:{number}: expected the header 'person_id<TAB>form'")
            header_seen = True
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not all(f.strip() for f in fields):
            raise ValueError(f"{path}:{number}: expected 'person_id<TAB>form', got {line!r}")
        rows.append((fields[0], fields[1]))
    return rows


def _pairs(counts: Counter[Hashable]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def pairwise_scores(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float]:
    """Pairwise (precision, recall) of the clustering ``pred`` against ``gold``.

    ``gold[i]`` and ``pred[i]`` are the gold and predicted cluster labels of item ``i``.
    With no predicted pair, precision is 1.0; with no gold pair, recall is 1.0.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predicted ones")
    both = _pairs(Counter(zip(gold, pred, strict=True)))
    predicted = _pairs(Counter(pred))
    expected = _pairs(Counter(gold))
    precision = both / predicted if predicted else 1.0
    recall = both / expected if expected else 1.0
    return precision, recall


def false_merges(persons: Sequence[str], forms: Sequence[str], outputs: Sequence[str]):
    """For each output given to forms of several persons: the output, its wrong pairs and,
    per person, that person's forms with that output. Most wrong pairs first."""
    by_output: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for person, form, out in zip(persons, forms, outputs, strict=True):
        by_output[out][person].append(form)
    groups = []
    for out, people in by_output.items():
        if len(people) > 1:
            wrong = sum(len(a) * len(b) for a, b in combinations(people.values(), 2))
            groups.append((out, wrong, dict(sorted(people.items()))))
    groups.sort(key=lambda g: (-g[1], g[0]))
    return groups


def misses(persons: Sequence[str], forms: Sequence[str], outputs: Sequence[str]):
    """For each person whose forms got several outputs: the person, its missed pairs and,
    per output, the forms with that output. Most missed pairs first."""
    by_person: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for person, form, out in zip(persons, forms, outputs, strict=True):
        by_person[person][out].append(form)
    groups = []
    for person, outs in by_person.items():
        if len(outs) > 1:
            missed = sum(len(a) * len(b) for a, b in combinations(outs.values(), 2))
            groups.append((person, missed, dict(sorted(outs.items()))))
    groups.sort(key=lambda g: (-g[1], g[0]))
    return groups


def _show(groups, limit: int, what: str) -> None:
    total = sum(g[1] for g in groups)
    print(f"\n{what}: {total} pairs in {len(groups)} groups" + (":" if groups else ""))
    for key, n, parts in groups[:limit]:
        print(f"  {key!r}  ({n} pairs)")
        for label, members in parts.items():
            print(f"      {label}: {' | '.join(members)}")
    if len(groups) > limit:
        print(f"  ... and {len(groups) - limit} more groups")


def check_order(forms: Sequence[str], outputs: Sequence[str], runs: int, seed: int) -> int:
    """Runs ``canonicalize`` on ``runs`` shuffled orders; returns the number of runs in
    which some form got another output than in file order (and prints the first few)."""
    rng = random.Random(seed)
    reference = dict(zip(forms, outputs, strict=True))
    bad_runs = 0
    for run in range(1, runs + 1):
        order = list(forms)
        rng.shuffle(order)
        got = quotekit.canonicalize(order)
        diff = [(f, reference[f], g) for f, g in zip(order, got, strict=True) if reference[f] != g]
        if diff:
            bad_runs += 1
            print(f"  shuffle {run}: {len(diff)} forms get another output, e.g.:")
            for form, before, after in diff[:5]:
                print(f"      {form!r}: {before!r} in file order, {after!r} shuffled")
    return bad_runs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tsv", type=Path, default=DEFAULT_TSV, help="the test set")
    parser.add_argument("--limit", type=int, default=40, help="groups shown per list (40)")
    parser.add_argument("--shuffle", type=int, default=0, metavar="N", help="N shuffled runs")
    parser.add_argument("--seed", type=int, default=0, help="seed of the shuffles (0)")
    args = parser.parse_args(argv)

    rows = read_variants(args.tsv)
    persons = [p for p, _ in rows]
    forms = [f for _, f in rows]
    start = time.perf_counter()
    outputs = quotekit.canonicalize(forms)
    seconds = time.perf_counter() - start
    if not isinstance(outputs, list) or len(outputs) != len(forms):
        print(f"canonicalize returned {type(outputs).__name__} of the wrong length")
        return 1

    precision, recall = pairwise_scores(persons, outputs)
    gold_pairs = _pairs(Counter(persons))
    predicted_pairs = _pairs(Counter(outputs))
    print(f"test set   {args.tsv}")
    print(f"forms      {len(forms)}   persons {len(set(persons))}   outputs {len(set(outputs))}")
    print(f"pairs      gold {gold_pairs}   predicted {predicted_pairs}   ({seconds:.2f} s)")
    print(f"precision  {precision:.4f}")
    print(f"recall     {recall:.4f}")
    _show(false_merges(persons, forms, outputs), args.limit, "false merges")
    _show(misses(persons, forms, outputs), args.limit, "misses")

    again = quotekit.canonicalize(forms)
    print(f"\ndeterministic (same order twice): {'yes' if again == outputs else 'NO'}")
    if args.shuffle:
        bad = check_order(forms, outputs, args.shuffle, args.seed)
        verdict = "yes" if bad == 0 else f"NO ({bad} of {args.shuffle} runs differ)"
        print(f"order independent ({args.shuffle} shuffles, seed {args.seed}): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
