"""A run killed with SIGKILL in the middle of 2,000 articles, then resumed with --resume, gives
exactly the records of an uninterrupted run: none missing, none twice, no torn line."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import pytest

import quotekit
from quotekit import QuotekitWarning
from quotekit.records import to_record

N = 2000

PEOPLE = ["Claire Moreau", "Paul Martin", "Sophie Bernard", "Thomas Leroy", "Jean Roche"]
ROLES = ["la maire", "le ministre", "la préfète", "le député", "le porte-parole"]
SAID = ["Nous irons au bout", "Rien ne change", "La route rouvrira lundi", "Je ne suis pas là"]


def article(i: int) -> str:
    """A short article made from templates; every 7th is blank, every 11th has no quote."""
    if i % 7 == 3:
        return "   "
    who, role, said = PEOPLE[i % 5], ROLES[(i // 5) % 5], SAID[(i // 25) % 4]
    if i % 11 == 5:
        return f"{role.capitalize()} {who} a visité le chantier n° {i} mardi."
    return f"« {said} », a déclaré {role} {who}. Réunion n° {i}."


def lines_of(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read().split("\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, str]]]:
    folder = tmp_path_factory.mktemp("resume")
    items = [(f"art-{i:04d}", article(i)) for i in range(N)]
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for doc_id, text in items:
            fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        fh.write("pas du JSON\n")  # the error record keeps its place too
    items.append((f"{path}:{N + 1}", ""))
    return path, items


def test_a_killed_run_resumed_gives_the_records_of_an_uninterrupted_run(
    analyzer: quotekit.Analyzer, corpus: tuple[Path, list[tuple[str, str]]]
) -> None:
    path, items = corpus
    out = path.parent / "records.jsonl"
    command = [sys.executable, "-m", "quotekit", "extract", str(path), "-o", str(out)]
    command += ["--batch-size", "8"]
    run = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run.poll() is None:
        if out.exists() and out.stat().st_size > 300 * 250:  # a few hundred records
            break
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    cut = lines_of(out)
    assert 0 < len(cut) - 1 < N, "the run should have been killed in the middle"
    if cut[-1] == "":
        # killed between two lines: tear the last one as a kill inside a write would
        with out.open("a", encoding="utf-8") as fh:
            fh.write('{"schema": "quotekit.record/1", "id": "art-')

    resumed = subprocess.run(
        [*command, "--resume"], stderr=subprocess.PIPE, text=True, check=False, timeout=300
    )
    assert resumed.returncode == 1, resumed.stderr  # the one bad JSON line is an error record

    lines = lines_of(out)
    assert lines[-1] == ""  # the file ends with a complete line
    records: list[dict[str, Any]] = [json.loads(line) for line in lines[:-1]]
    assert [r["id"] for r in records] == [doc_id for doc_id, _ in items]
    assert records[-1]["error"]["code"] == "bad_input"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuotekitWarning)
        uninterrupted = [to_record(a) for a in analyzer.pipe(items[:-1], batch_size=64)]
    assert records[:-1] == uninterrupted


def test_resume_refuses_an_output_of_other_inputs(
    tmp_path: Path, corpus: tuple[Path, list[tuple[str, str]]]
) -> None:
    from quotekit import cli

    path, _ = corpus
    out = tmp_path / "other.jsonl"
    out.write_text(json.dumps({"schema": "quotekit.record/1", "id": "ailleurs"}) + "\n")
    assert cli.main(["extract", str(path), "-o", str(out), "--resume"]) == cli.EXIT_USAGE
    assert cli.main(["extract", str(path), "--resume"]) == cli.EXIT_USAGE


def test_the_output_file_inside_the_input_folder_is_not_read(
    tmp_path: Path, analyzer: quotekit.Analyzer
) -> None:
    from quotekit import cli

    (tmp_path / "a.txt").write_text(article(0), encoding="utf-8")
    out = tmp_path / "out.txt"  # named as an input would be: only its identity tells
    with out.open("w", encoding="utf-8") as fh:  # `quotekit extract DIR > DIR/out.txt`
        command = [sys.executable, "-m", "quotekit", "extract", str(tmp_path)]
        subprocess.run(command, stdout=fh, stderr=subprocess.DEVNULL, check=True)
    assert [json.loads(line)["id"] for line in lines_of(out)[:-1]] == ["a.txt"]
    assert cli.main(["extract", str(tmp_path), "-o", str(out)]) == cli.EXIT_OK
    assert [json.loads(line)["id"] for line in lines_of(out)[:-1]] == ["a.txt"]
