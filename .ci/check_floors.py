"""Fail when a figure of ``quotekit evaluate --json`` drops below its floor.

Usage:
    python .ci/check_floors.py FLOORS.json SECTION=RESULTS.json [SECTION=RESULTS.json ...]
    python .ci/check_floors.py --raise FLOORS.json SECTION=RESULTS.json [...]
    python .ci/check_floors.py --self-test

    e.g. open=.ci/out-open.json sealed=.ci/out-sealed.json ner=.ci/out-ner.json

``--raise`` sets every floor that its figure now exceeds to the figure (rounded down to
three decimals) and never lowers one: run it in the commit that raises a figure.

FLOORS.json maps a section ("open", "sealed", "ner") to dotted paths of that section's JSON
and their minimum values: {"open": {"quotes.lenient.f1": 0.55}, "ner": {"quotekit.f1": 0.8}}.
The open and sealed sections are ``quotekit evaluate --json`` of quotes-open.jsonl and
quotes-sealed.jsonl: a floor on each, so that a gain on the open data is kept only when the
sealed figures hold.
Every figure is printed against its floor; the exit status is 1 when any is below its
floor, missing or not a number, and the failures are listed again at the end.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def lookup(data: Any, path: str) -> Any:
    """The value at a dotted path (``quotes.lenient.f1``); KeyError naming the path if absent."""
    value = data
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            raise KeyError(path)
        value = value[key]
    return value


def check(floors: dict[str, dict[str, float]], results: dict[str, Any]) -> list[str]:
    """Print each figure against its floor; return the lines of the failing ones."""
    failures = []
    for section, paths in floors.items():
        if section not in results:
            failures.append(f"{section}: no results given for this section")
            print(f"FAIL  {failures[-1]}")
            continue
        for path, floor in paths.items():
            name = f"{section}:{path}"
            try:
                value = lookup(results[section], path)
            except KeyError:
                line = f"{name:40} missing          (floor {floor:.4f})"
            else:
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    line = f"{name:40} not a number: {value!r} (floor {floor:.4f})"
                elif value < floor:
                    line = f"{name:40} {value:.4f} < floor {floor:.4f}"
                else:
                    print(f"ok    {name:40} {value:.4f} >= floor {floor:.4f}")
                    continue
            failures.append(line)
            print(f"FAIL  {line}")
    return failures


def self_test() -> None:
    """The checker's own logic, on made-up figures."""
    results = {"eval": {"quotes": {"lenient": {"f1": 0.5}}, "speaker": {"accuracy": None}}}
    assert lookup(results["eval"], "quotes.lenient.f1") == 0.5
    assert check({"eval": {"quotes.lenient.f1": 0.5}}, results) == []  # equal to the floor passes
    failing = {
        "eval": {
            "quotes.lenient.f1": 0.6,  # below
            "quotes.strict.f1": 0.0,  # missing
            "speaker.accuracy": 0.0,  # not a number
            "quotes.lenient": 0.0,  # an object, not a figure
        },
        "ner": {"quotekit.f1": 0.0},  # no such section
    }
    failures = check(failing, results)
    assert len(failures) == 5, failures
    assert "0.5000 < floor 0.6000" in failures[0]
    assert "missing" in failures[1]
    print("self-test passed")


def raise_floors(floors: dict[str, dict[str, float]], results: dict[str, Any]) -> int:
    """Raise floors to the current figures (three decimals, rounded down); never lower."""
    raised = 0
    for section, paths in floors.items():
        if section not in results:
            continue
        for path, floor in paths.items():
            value = lookup(results[section], path)
            new = int(value * 1000) / 1000
            if new > floor:
                print(f"raised  {section}:{path:40} {floor:.3f} -> {new:.3f}")
                paths[path] = new
                raised += 1
    return raised


def main(argv: list[str]) -> int:
    if argv == ["--self-test"]:
        self_test()
        return 0
    update = bool(argv) and argv[0] == "--raise"
    if update:
        argv = argv[1:]
    if len(argv) < 2 or not all("=" in a for a in argv[1:]):
        print(__doc__, file=sys.stderr)
        return 2
    floors_path = Path(argv[0])
    floors = json.loads(floors_path.read_text(encoding="utf-8"))
    results = {}
    for arg in argv[1:]:
        section, path = arg.split("=", 1)
        results[section] = json.loads(Path(path).read_text(encoding="utf-8"))
    if update:
        raised = raise_floors(floors, results)
        floors_path.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
        print(f"{raised} floor(s) raised in {floors_path}")
    failures = check(floors, results)
    if failures:
        print(f"\n{len(failures)} figure(s) below their floor in {floors_path}:", file=sys.stderr)
        for line in failures:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"all {sum(len(p) for p in floors.values())} figures at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
