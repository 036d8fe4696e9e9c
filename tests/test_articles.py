"""Whole articles against their golden records, record by record.

Each ``examples/articles/<stem>.txt`` (wire copy written for the project, about invented
people) is analysed again and compared with ``tests/golden/<stem>.json``: entity by
entity, then quote by quote, so a failure names the first record that changed. The
golden files record what quotekit did when they were last reviewed, not what it should
do; ``tests/golden/README.md`` lists their known mistakes and says how to regenerate them
(``python tests/golden/regen.py``) after a reviewed change.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quotekit
from quotekit.records import validate_record

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
GOLDEN = ROOT / "tests" / "golden"

STEMS = sorted(p.stem for p in ARTICLES.glob("*.txt"))
REGEN = "python tests/golden/regen.py"


def golden(stem: str) -> dict[str, Any]:
    return json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8"))


def text_of(stem: str) -> str:
    return (ARTICLES / f"{stem}.txt").read_text(encoding="utf-8")


def test_every_article_has_a_golden_record_and_back() -> None:
    assert len(STEMS) >= 3
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == STEMS


@pytest.mark.parametrize("stem", STEMS)
def test_golden_record_fits_its_article(stem: str) -> None:
    """The golden file is a valid record whose spans are slices of the article as it is now."""
    record = golden(stem)
    validate_record(record, text_of(stem))
    assert record["schema"] == quotekit.SCHEMA
    assert record["id"] == stem


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("part", ["entities", "quotes"])
def test_article_matches_golden(analyzer: quotekit.Analyzer, stem: str, part: str) -> None:
    want = golden(stem)[part]
    got = quotekit.to_record(analyzer.analyse(text_of(stem), id=stem))[part]
    for i, (g, w) in enumerate(zip(got, want, strict=False)):
        assert g == w, (
            f"{stem}: {part}[{i}] differs from the golden record; if the change was "
            f"reviewed and intended, regenerate with: {REGEN} {stem}"
        )
    assert len(got) == len(want), (
        f"{stem}: {len(got)} {part} instead of {len(want)}; extra or missing: "
        f"{json.dumps(got[len(want) :] or want[len(got) :], ensure_ascii=False)[:500]}"
    )
