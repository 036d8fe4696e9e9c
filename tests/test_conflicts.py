"""Conflicting attributions over a corpus of invented articles with planted conflicts.

``tests/data/conflicts`` holds 32 short articles written for this test: quotations given to
the same person in several articles (whole, in fragments, in capitals, with other
punctuation), to different people (whole and in fragments, one of them hedged), a quotation
one person is said never to have said, short common phrases and quotes sharing fewer than
eight words. ``planted.json`` lists the conflicts planted: every one must be found, with
exactly its people, and no other.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotekit
from quotekit import cli
from quotekit.conflicts import Conflict, conflicts_text
from quotekit.render import render_conflicts

DATA = Path(__file__).parent / "data" / "conflicts"
PLANTED = json.loads((DATA / "planted.json").read_text(encoding="utf-8"))["conflicts"]
ARTICLES = sorted(DATA.glob("*.txt"))


@pytest.fixture(scope="module")
def records(analyzer: quotekit.Analyzer) -> list[dict[str, object]]:
    items = [(p.stem, p.read_text(encoding="utf-8")) for p in ARTICLES]
    return [quotekit.to_record(a) for a in analyzer.pipe(items)]


def _people(conflict: Conflict) -> set[str]:
    return set(conflict.speakers)


def test_the_corpus_is_large_enough() -> None:
    assert len(ARTICLES) >= 30
    assert len(PLANTED) >= 5


def test_every_planted_conflict_is_found_and_no_other(records: list[dict[str, object]]) -> None:
    found = quotekit.find_conflicts(records)
    matched = []
    for plant in PLANTED:
        hits = [c for c in found if plant["piece"] in c.text]
        assert len(hits) == 1, (plant, [c.text for c in found])
        assert _people(hits[0]) == set(plant["speakers"])
        matched.append(hits[0])
    assert len(found) == len(PLANTED), [c.text for c in found if c not in matched]


def test_each_attribution_carries_its_article_cue_span_and_flags(
    records: list[dict[str, object]],
) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in ARTICLES}
    found = quotekit.find_conflicts(records)
    for conflict in found:
        assert len({a.document for a in conflict.attributions}) >= 2
        for a in conflict.attributions:
            assert a.document is not None
            assert texts[a.document][a.start : a.end] == a.text
            assert a.cue and 0.0 <= a.confidence <= 1.0
    hedged = [a for c in found for a in c.attributions if a.hedged]
    assert [(a.document, a.name) for a in hedged] == [("a18", "Omar Diallo")]


def test_linked_records_give_the_same_conflicts(records: list[dict[str, object]]) -> None:
    linked = [
        quotekit.to_record(a) for a in quotekit.link_corpus(map(quotekit.from_record, records))
    ]
    assert all("quotation" in q for r in linked for q in r["quotes"])  # type: ignore[attr-defined]
    assert quotekit.find_conflicts(linked) == quotekit.find_conflicts(records)


def test_a_negated_attribution_is_no_conflict(records: list[dict[str, object]]) -> None:
    negated = [
        q
        for r in records
        if r["id"] == "a15"
        for q in r["quotes"]  # type: ignore[attr-defined]
        if q.get("negated")
    ]
    assert [q["text"] for q in negated] == [
        "les communes rurales seront les grandes oubliées de cette réforme"
    ]
    assert not any("communes rurales" in c.text for c in quotekit.find_conflicts(records))


@pytest.mark.parametrize("fmt", ["jsonl", "text", "html"])
def test_the_command(
    records: list[dict[str, object]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    assert cli.main(["conflicts", str(path), "--format", fmt]) == 0
    out = capsys.readouterr().out
    found = quotekit.find_conflicts(records)
    if fmt == "jsonl":
        lines = [json.loads(line) for line in out.splitlines()]
        assert [c["quotation"] for c in lines] == [c.quotation for c in found]
        assert lines[0]["attributions"][0].keys() >= {"document", "name", "cue", "start"}
    elif fmt == "text":
        assert out == conflicts_text(found)
        assert "[hedged]" in out
    else:
        assert out == render_conflicts(found)
        assert out.count('class="article conflict"') == len(found)


def test_the_command_on_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["conflicts", str(tmp_path / "none.jsonl")]) == cli.EXIT_NO_INPUT
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema": "quotekit.record/1"}\nnot json\n')
    assert cli.main(["conflicts", str(bad)]) == cli.EXIT_NO_INPUT
    err = capsys.readouterr().err
    assert "bad.jsonl:1" in err and "bad.jsonl:2" in err and "Traceback" not in err


def test_the_conflicts_page_escapes_its_text() -> None:
    from quotekit.conflicts import Attribution

    evil = "<script>alert(1)</script>"
    conflict = Conflict(
        "q:1",
        evil,
        ("A", "B"),
        (Attribution("d1", "p:a", "A", "dit", 0, 5, evil, 0.5, hedged=True, via="<b>X</b>"),),
    )
    page = render_conflicts([conflict])
    assert evil not in page and "&lt;script&gt;" in page and "<b>X</b>" not in page
    assert "hedged" in page
