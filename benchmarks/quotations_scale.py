"""How quotation grouping scales: time and peak memory for 100k and 1M quotes.

Synthetic quotes are sentences of 6 to 30 made-up words (a vocabulary of 20,000 words with
a Zipf-like draw, so that common words and common short runs recur as in news). About one
quote in five is reported again elsewhere: the same words with other quote marks, case,
accents and punctuation, or a fragment of eight words or more. Each size runs in a fresh
process so that its peak memory is its own; the grouping is checked against the planted
repeats (every repeat found in its source's quotation). The script asserts nothing about time.

Usage (from the repository root):
    python benchmarks/quotations_scale.py                  # 100k and 1M
    python benchmarks/quotations_scale.py --sizes 100000   # one size
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time

CONSONANTS = "bcdfglmnprstvz"
VOWELS = "aeiouéèâ"


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        n = rng.randint(1, 4)
        words.add("".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(n)))
    return sorted(words)


def _variant(rng: random.Random, text: str) -> str:
    """The same words as another outlet writes them."""
    if rng.random() < 0.5:
        text = text.upper() if rng.random() < 0.2 else text.capitalize()
    text = text.replace(" ", rng.choice([" ", "  ", ", ", " "]), rng.randint(0, 2))
    return rng.choice(["« {} »", "“{}”", '"{}"', "{}", "{} !", "{}..."]).format(text)


def quotes(n: int, seed: int = 18) -> tuple[list[str], list[tuple[int, int]]]:
    """``n`` quote texts and the planted (repeat, source) pairs."""
    from quotekit.quotations import normalize_quote

    rng = random.Random(seed)
    vocab = _vocabulary(rng, 20_000)
    weights = [1.0 / (r + 10) for r in range(len(vocab))]
    texts: list[str] = []
    planted: list[tuple[int, int]] = []
    while len(texts) < n:
        if texts and rng.random() < 0.2:
            src = rng.randrange(len(texts))
            words = texts[src].strip('«»“”"!. ').split()
            if len(words) > 9 and rng.random() < 0.5:
                k = rng.randint(8, len(words) - 1)
                start = rng.randint(0, len(words) - k)
                words = words[start : start + k]
                text = " ".join(w.strip(",") for w in words)
            else:
                text = _variant(rng, texts[src])
            if len(normalize_quote(text).split()) >= 8:  # a repeat that must join its source
                planted.append((len(texts), src))
            texts.append(text)
            continue
        texts.append(" ".join(rng.choices(vocab, weights, k=rng.randint(6, 30))))
    return texts, planted


def run(n: int) -> None:
    from quotekit.quotations import Quotations

    texts, planted = quotes(n)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    index = Quotations()
    for text in texts:
        index.add(text)
    ids = [index.id_of(t) for t in texts]
    elapsed = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    missed_pairs = [(a, b) for a, b in planted if ids[a] != ids[b]]
    missed = len(missed_pairs)
    for a, b in missed_pairs[:3]:
        print(f"  missed: {texts[a]!r} from {texts[b]!r}", file=sys.stderr)
    groups = len(set(ids))
    print(
        f"{n:>9,} quotes  {elapsed:7.1f} s  {n / elapsed:>9,.0f} quotes/s  "
        f"peak RSS {rss / 1024:7.0f} MB (inputs {rss_before / 1024:.0f} MB)  "
        f"{groups:,} quotations  planted repeats missed: {missed} of {len(planted):,}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run(args.one)
        return
    for n in args.sizes:
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)


if __name__ == "__main__":
    main()
