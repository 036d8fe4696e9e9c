"""Regenerate the golden records of the sample articles, after a reviewed change.

Usage, from the repository root::

    python tests/golden/regen.py              # every article of examples/articles/
    python tests/golden/regen.py tennis-blessure sommet-kiev    # only these
    python tests/golden/regen.py --check      # say what would change, write nothing

Each ``examples/articles/<stem>.txt`` is analysed with ``quotekit.load()`` (id
``<stem>``) and its record v1 written to ``tests/golden/<stem>.json`` as pretty JSON.
Read the diff (``git diff tests/golden``) before committing: the golden files are only
worth something if every change to them was looked at.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# Run as a script, Python puts tests/golden first on the path: the repository's own
# package must win over any installed quotekit (another checkout, a worktree).
sys.path.insert(0, str(ROOT))

import quotekit  # noqa: E402

ARTICLES = ROOT / "examples" / "articles"
GOLDEN = ROOT / "tests" / "golden"


def record_of(path: Path) -> dict[str, Any]:
    """The record v1 of one article, as ``tests/test_articles.py`` computes it."""
    text = path.read_text(encoding="utf-8")
    return quotekit.to_record(quotekit.load().analyse(text, id=path.stem))


def dump(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def _summary(old: dict[str, Any] | None, new: dict[str, Any]) -> str:
    if old is None:
        return f"new: {len(new['entities'])} entities, {len(new['quotes'])} quotes"
    parts = []
    for key in ("entities", "quotes"):
        a, b = old.get(key, []), new[key]
        changed = sum(1 for x, y in zip(a, b, strict=False) if x != y) + abs(len(a) - len(b))
        if changed:
            parts.append(f"{key}: {len(a)} -> {len(b)}, {changed} changed")
    return "; ".join(parts) or "unchanged"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stems", nargs="*", help="article names without .txt (default: all)")
    parser.add_argument("--check", action="store_true", help="report changes, write nothing")
    args = parser.parse_args(argv)
    paths = [ARTICLES / f"{s}.txt" for s in args.stems] or sorted(ARTICLES.glob("*.txt"))
    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(f"no such article: {', '.join(str(p) for p in missing)}", file=sys.stderr)
        return 2
    changed = 0
    for path in paths:
        target = GOLDEN / f"{path.stem}.json"
        old = json.loads(target.read_text(encoding="utf-8")) if target.is_file() else None
        new = record_of(path)
        summary = _summary(old, new)
        if summary != "unchanged":
            changed += 1
            if not args.check:
                target.write_text(dump(new), encoding="utf-8")
        print(f"{path.stem}: {summary}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
