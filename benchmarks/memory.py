"""Peak memory of ``quotekit extract`` streaming 1,000 and 10,000 articles.

Builds a JSONL corpus by cycling the dev articles (with distinct ids), runs the command
line on its first 1,000 and on all 10,000 lines in fresh processes, and prints each
run's peak resident memory (from the kernel's accounting of the child). Memory should
stay flat: inputs are read lazily and records written as they come. Prints figures only.

Usage (from the repository root):
    python benchmarks/memory.py                        # 1k and 10k, --jobs 2
    python benchmarks/memory.py --sizes 1000 5000 --jobs 1
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/data/winer-dev/2016"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--corpus-mode", action="store_true", help="run extract --corpus")
    args = parser.parse_args()
    paths = [p for p in sorted(args.corpus.rglob("*.txt")) if not p.name.endswith("-urls.txt")]
    texts = [t for t in (p.read_text(encoding="utf-8") for p in paths) if t.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'articles':>9} {'seconds':>9} {'peak RSS MB':>12}")
        for size in args.sizes:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            with corpus.open("w", encoding="utf-8") as fh:
                for k, text in zip(range(size), itertools.cycle(texts)):
                    fh.write(json.dumps({"id": f"a{k}", "text": text}, ensure_ascii=False) + "\n")
            cmd = [
                sys.executable,
                "-m",
                "quotekit",
                "extract",
                str(corpus),
                "--jobs",
                str(args.jobs),
            ]
            if args.corpus_mode:
                cmd.append("--corpus")
            start = time.perf_counter()
            # a small wrapper process reports the peak RSS of its children (the CLI and
            # its workers): the largest of them is what the machine must hold at once
            probe = (
                "import resource, subprocess, sys;"
                "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
            )
            out = subprocess.run(
                [sys.executable, "-c", probe, *cmd],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
            seconds = time.perf_counter() - start
            print(f"{size:>9,} {seconds:>9.0f} {int(out.stdout.split()[-1]) / 1024:>12,.0f}")


if __name__ == "__main__":
    main()
