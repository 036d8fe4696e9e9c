"""The standoff form of the extra development gold gives back the gold it was made from."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "extra_gold.py"
_spec = importlib.util.spec_from_file_location("extra_gold", _PATH)
assert _spec is not None and _spec.loader is not None
extra_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(extra_gold)

TEXT = (
    "Crue : la maire Anne Roux demande de la patience\n\n"
    "La maire, Anne Roux, a déclaré que les digues tiendraient. « Nous serons prêts », "
    "a ajouté Mme Roux."
)


def _gold() -> dict[str, object]:
    quotes = []
    for piece, kind, mention, cue in (
        ("les digues tiendraient", "indirect", "Anne Roux", "a déclaré"),
        ("Nous serons prêts", "direct", "Roux", "a ajouté"),
    ):
        start = TEXT.index(piece)
        quotes.append(
            {
                "start": start,
                "end": start + len(piece),
                "text": piece,
                "kind": kind,
                "speaker": "Anne Roux",
                "speaker_kind": "person",
                "speaker_mention": mention,
                "cue": cue,
            }
        )
    persons = [{"name": "Anne Roux", "forms": ["Anne Roux", "Roux"], "roles": ["maire"]}]
    return {"id": "2016_03_01-001", "text": TEXT, "quotes": quotes, "persons": persons}


def test_standoff_keeps_offsets_not_text_and_gives_the_gold_back() -> None:
    gold = _gold()
    row = extra_gold.to_standoff(gold)
    assert "text" not in row
    assert all("text" not in q for q in row["quotes"])
    # the mention nearest the quote is the one kept
    second = row["quotes"][1]["speaker_mention"]
    assert TEXT[second[0] : second[1]] == "Roux" and second[0] > TEXT.index("Mme")
    assert extra_gold.from_standoff(row, TEXT) == gold


def test_a_name_the_article_does_not_write_whole_is_kept_as_written() -> None:
    gold = _gold()
    gold["persons"] = [{"name": "Anne et Paul Roux", "forms": ["Anne Roux"], "roles": []}]
    row = extra_gold.to_standoff(gold)
    assert row["persons"][0]["name"] == {"literal": "Anne et Paul Roux"}
    assert extra_gold.from_standoff(row, TEXT) == gold


def test_another_text_is_refused() -> None:
    row = extra_gold.to_standoff(_gold())
    with pytest.raises(ValueError, match="not the one annotated"):
        extra_gold.from_standoff(row, TEXT + " ")
