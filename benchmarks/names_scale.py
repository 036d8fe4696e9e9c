"""How canonicalisation scales: time and peak memory for 10k, 100k and 1M name mentions.

Synthetic mentions are drawn from made-up people whose names come in the variants
news writes: transliterations (y/i, ou/u, ch/sh, doubled letters, -iy/-y endings),
accents and capitals, titles, surname alone, initials. Each size runs in a fresh
process so that its peak memory is its own. The script prints figures and asserts
nothing about time. "seconds" is wall-clock time; "cpu s" the processor time of the
canonicalisation alone, which a machine shared with other work does not inflate.

Usage (from the repository root):
    python benchmarks/names_scale.py                 # 10k, 100k, 1M
    python benchmarks/names_scale.py --sizes 10000   # one size
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "vo",
    "de",
    "sa",
    "ni",
    "to",
    "lu",
    "ba",
    "ze",
    "ko",
    "ri",
    "na",
    "pe",
    "yu",
    "sha",
    "chen",
    "ov",
    "ska",
    "dmi",
    "tri",
]
FIRST = [
    "Anna",
    "Boris",
    "Olena",
    "Ioulia",
    "Dmitri",
    "Sergueï",
    "Karim",
    "Fatima",
    "Léa",
    "Marc",
    "Jean",
    "Pierre",
    "Youssef",
    "Mehmet",
]
TITLES = ["", "", "", "M. ", "Mme ", "le président ", "la ministre "]


def _person(rng: random.Random) -> tuple[str, str]:
    surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
    return rng.choice(FIRST), surname


def _variant(rng: random.Random, first: str, surname: str) -> str:
    s = surname
    roll = rng.random()
    if roll < 0.15:
        s = s.replace("y", "i").replace("ou", "u")
    elif roll < 0.3:
        s = s.replace("sh", "ch").replace("ch", "sch")
    elif roll < 0.4:
        s = s + ("iy" if not s.endswith("i") else "y")
    elif roll < 0.5:
        s = s.upper()
    form = rng.random()
    if form < 0.55:
        name = f"{first} {s}"
    elif form < 0.75:
        name = s
    elif form < 0.85:
        name = f"{first[0]}. {s}"
    else:
        name = f"{first} {s}".upper()
    return rng.choice(TITLES) + name


def mentions(n: int, seed: int = 1) -> list[str]:
    """``n`` synthetic mentions of about ``n / 20`` people."""
    rng = random.Random(seed)
    people = [_person(rng) for _ in range(max(10, n // 20))]
    return [_variant(rng, *rng.choice(people)) for _ in range(n)]


def run_one(n: int) -> None:
    import quotekit

    names = mentions(n)
    quotekit.canonicalize(["warm up"])
    start, cpu_start = time.perf_counter(), time.process_time()
    out = quotekit.canonicalize(names)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{n:>10,} {seconds:>10.2f} {cpu:>8.2f} {n / seconds:>14,.0f} {peak_mb:>12,.0f}"
        f" {len(set(out)):>12,}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(args.one)
        return
    print(
        f"{'mentions':>10} {'seconds':>10} {'cpu s':>8} {'mentions/s':>14} {'peak MB':>12}"
        f" {'canonical':>12}"
    )
    for n in args.sizes:
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)


if __name__ == "__main__":
    main()
