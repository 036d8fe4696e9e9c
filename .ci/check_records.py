"""Check the JSONL records that ``quotekit extract DIR`` wrote against the texts of DIR.

Usage:
    python .ci/check_records.py DIR RECORDS.jsonl

Every line must be a record v1 that validates against its text (``text[start:end] ==
span.text`` for every span), every record's id must name a ``.txt`` file of DIR (its path
relative to DIR, with or without ``.txt``), no id may come twice, and every ``.txt`` file of
DIR must have a record. Exit status 1 lists what is wrong.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from quotekit.errors import RecordError
from quotekit.records import validate_record


def text_file(folder: Path, doc_id: object) -> Path | None:
    if not isinstance(doc_id, str) or not doc_id:
        return None
    for candidate in (folder / doc_id, folder / f"{doc_id}.txt", Path(doc_id)):
        if candidate.suffix == ".txt" and candidate.is_file():
            return candidate.resolve()
    return None


def read_text(path: Path) -> str:
    """The text as ``quotekit extract`` reads it: UTF-8, newlines as they are, no BOM."""
    return path.read_bytes().decode("utf-8").removeprefix("\ufeff")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder, records_path = Path(argv[0]), Path(argv[1])
    problems: list[str] = []
    seen: dict[Path, int] = {}
    quotes = entities = 0
    with records_path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                problems.append(f"line {number}: not JSON ({err})")
                continue
            doc_id = record.get("id") if isinstance(record, dict) else None
            path = text_file(folder, doc_id)
            if path is None:
                problems.append(f"line {number}: id {doc_id!r} names no .txt file of {folder}")
                continue
            if path in seen:
                problems.append(
                    f"line {number}: {doc_id!r} already had a record on line {seen[path]}"
                )
                continue
            seen[path] = number
            try:
                validate_record(record, read_text(path))
            except RecordError as err:
                problems.append(f"line {number} ({doc_id}): {err}")
                continue
            quotes += len(record["quotes"])
            entities += len(record["entities"])
    expected = {p.resolve() for p in folder.rglob("*.txt")}
    for path in sorted(expected - seen.keys()):
        problems.append(f"no record for {path.relative_to(folder.resolve())}")

    print(
        f"{len(seen)} records of {len(expected)} .txt files checked: "
        f"{entities} entities, {quotes} quotes"
    )
    if problems:
        print(f"{len(problems)} problem(s) in {records_path}:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print("every record is a valid record v1 whose spans match its text")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
