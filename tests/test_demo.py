"""The README's first command: the demo over the sample articles."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import quotekit

ROOT = Path(__file__).resolve().parent.parent


def _demo():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("demo", ROOT / "examples" / "demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_demo_writes_records_and_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], analyzer: quotekit.Analyzer
) -> None:
    out = tmp_path / "demo"
    assert _demo().main(["--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Speakers of the corpus" in printed
    articles = sorted((ROOT / "examples" / "articles").glob("*.txt"))
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == [p.stem for p in articles]
    for record, path in zip(records, articles, strict=True):
        quotekit.validate_record(record, path.read_text(encoding="utf-8"))
    assert (out / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_demo_links_one_person_across_articles(tmp_path: Path, analyzer: quotekit.Analyzer) -> None:
    assert _demo().main(["--out", str(tmp_path)]) == 0
    records = [json.loads(line) for line in (tmp_path / "records.jsonl").read_text().splitlines()]
    articles_of: dict[str, set[str]] = {}
    for record in records:
        for entity in record["entities"]:
            articles_of.setdefault(entity["id"], set()).add(record["id"])
    # the samples write some people in several articles, under several spellings
    assert max(len(ids) for ids in articles_of.values()) >= 3
