"""A third quote gold for development: WiNER articles of months 01-08 not in the open gold.

The 236 articles of ``../shared/data/winer-dev/2016`` (months 01-08) that
``quotes-open.jsonl`` does not hold were annotated for this project by LLM-based
assistants working from ``spec/annotation-guideline.md`` and three open articles as
examples, blind to quotekit's output (2026-12-05). Nobody adjudicated them and their
agreement with the corpus annotators was not measured: they lean inclusive on indirect
speech (``y voient``, ``supposent que``) and exclusive on tallies (``le bilan fait état
de``). Use them as a second development set, whose errors may be read, beside the open
gold; quotekit's accuracy is the sealed figure (docs/evaluation.md).

The repository keeps the annotations as standoff (character offsets into the articles,
never their text): ``benchmarks/data/extra-gold-01-08.jsonl``. This script joins them to
the articles and writes gold JSONL that ``quotekit evaluate`` reads::

    python benchmarks/extra_gold.py build > /tmp/extra-gold.jsonl
    quotekit evaluate /tmp/extra-gold.jsonl

and turns a gold JSONL of those articles back into standoff (``standoff GOLD``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WINER = ROOT.parent / "shared" / "data" / "winer-dev" / "2016"
STANDOFF = ROOT / "benchmarks" / "data" / "extra-gold-01-08.jsonl"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _where(text: str, value: str | None, near: int = 0) -> Any:
    """``[start, end]`` of ``value`` in ``text`` (the occurrence nearest ``near``), or
    the value itself when the article does not write it as such (a joined name)."""
    if value is None:
        return None
    found = [i for i in range(len(text)) if text.startswith(value, i)] if value else []
    if not found:
        return {"literal": value}
    start = min(found, key=lambda i: abs(i - near))
    return [start, start + len(value)]


def _what(text: str, where: Any) -> str | None:
    if where is None:
        return None
    if isinstance(where, dict):
        return str(where["literal"])
    return text[where[0] : where[1]]


def to_standoff(doc: dict[str, Any]) -> dict[str, Any]:
    text = doc["text"]
    quotes = []
    for q in doc["quotes"]:
        quotes.append(
            {
                "start": q["start"],
                "end": q["end"],
                "kind": q["kind"],
                "speaker": _where(text, q["speaker"], q["start"]),
                "speaker_kind": q["speaker_kind"],
                "speaker_mention": _where(text, q["speaker_mention"], q["start"]),
                "cue": _where(text, q["cue"], q["start"]),
            }
        )
    persons = [
        {
            "name": _where(text, p["name"]),
            "forms": [_where(text, f) for f in p["forms"]],
            "roles": [_where(text, r) for r in p["roles"]],
        }
        for p in doc["persons"]
    ]
    return {"id": doc["id"], "sha256": _digest(text), "quotes": quotes, "persons": persons}


def from_standoff(row: dict[str, Any], text: str) -> dict[str, Any]:
    if _digest(text) != row["sha256"]:
        raise ValueError(f"{row['id']}: the article is not the one annotated")
    quotes = [
        {
            "start": q["start"],
            "end": q["end"],
            "text": text[q["start"] : q["end"]],
            "kind": q["kind"],
            "speaker": _what(text, q["speaker"]),
            "speaker_kind": q["speaker_kind"],
            "speaker_mention": _what(text, q["speaker_mention"]),
            "cue": _what(text, q["cue"]),
        }
        for q in row["quotes"]
    ]
    persons = [
        {
            "name": _what(text, p["name"]),
            "forms": [_what(text, f) for f in p["forms"]],
            "roles": [_what(text, r) for r in p["roles"]],
        }
        for p in row["persons"]
    ]
    return {"id": row["id"], "text": text, "quotes": quotes, "persons": persons}


def build(standoff: Path, winer: Path) -> Iterator[dict[str, Any]]:
    for line in standoff.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        month = row["id"].split("_")[1]
        text = (winer / month / f"{row['id']}.txt").read_text(encoding="utf-8")
        yield from_standoff(row, text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="gold JSONL on stdout, from the standoff and the articles")
    b.add_argument("--standoff", type=Path, default=STANDOFF)
    b.add_argument("--winer", type=Path, default=WINER, help="the WiNER 2016 folder")
    s = sub.add_parser("standoff", help="standoff on stdout, from a gold JSONL")
    s.add_argument("gold", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        for doc in build(args.standoff, args.winer):
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        for line in args.gold.read_text(encoding="utf-8").splitlines():
            row = to_standoff(json.loads(line))
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
