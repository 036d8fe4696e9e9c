"""Peak memory of analysing one very long text (1 MB and 10 MB by default), in pieces.

Builds each text from French news paragraphs written from templates, analyses it in a fresh
process with ``quotekit.load().analyse(text)`` (which cuts it into pieces at paragraph or
sentence ends), checks every offset against the text, and prints the seconds taken and the
process's peak resident memory (``ru_maxrss``). Memory should not grow with the length: the
pieces are analysed one after the other. Prints figures only.

Usage (from the repository root):
    python benchmarks/long_text.py                 # 1 MB and 10 MB
    python benchmarks/long_text.py --sizes 1 3     # sizes in MB (millions of characters)
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import warnings

PEOPLE = ["Claire Moreau", "Paul Martin", "Sophie Bernard", "Thomas Leroy", "Aïcha Benali"]
SAID = ["Nous irons au bout", "Rien ne change ici", "La route rouvrira lundi"]
FACTS = [
    "Le conseil municipal s'est réuni lundi soir pour voter le budget de l'année.",
    "Les habitants du quartier attendent une réponse depuis plusieurs mois.",
    "La réunion s'est tenue à huis clos, selon plusieurs participants.",
]


def build(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        who, said = rng.choice(PEOPLE), rng.choice(SAID)
        paragraph = f"« {said} », a déclaré {who}. {rng.choice(FACTS)} {rng.choice(FACTS)}\n\n"
        parts.append(paragraph)
        length += len(paragraph)
    return "".join(parts)[:size]


def child(size: int) -> None:
    import quotekit
    from quotekit.records import to_record, validate_record

    text = build(size)
    analyzer = quotekit.load()
    start = time.monotonic()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = analyzer.analyse(text)
    seconds = time.monotonic() - start
    validate_record(to_record(analysis), text)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"quotes": len(analysis.quotes), "seconds": seconds, "peak_mb": peak_mb}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10], help="MB each")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child)
        return
    print(f"{'characters':>12} {'quotes':>8} {'seconds':>9} {'peak RSS MB':>12}", flush=True)
    for mb in args.sizes:
        size = int(mb * 1_000_000)
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{size:>12,} {row['quotes']:>8,} {row['seconds']:>9.1f} {row['peak_mb']:>12.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
