"""The recognizer trained on news: what ships, how it is loaded, and how its corpus is built."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import pytest
import spacy

import quotekit
from quotekit.analyzer import NEWS_NER, news_recognizer
from quotekit.errors import InputError
from quotekit.training.ner import CONFIG, LABELS, convert, months_of, split_of


def test_the_default_analyser_runs_the_news_recognizer(analyzer: quotekit.Analyzer) -> None:
    assert analyzer.ner == "news"
    bare_ner = analyzer.bare().get_pipe("ner")
    assert analyzer.nlp.get_pipe("ner").to_bytes(exclude=["vocab"]) != bare_ner.to_bytes(
        exclude=["vocab"]
    )


def test_the_model_recognizer_stays_available() -> None:
    baseline = quotekit.load(ner="model")
    assert baseline.ner == "model"
    assert baseline is not quotekit.load()
    doc = baseline.nlp("« Nous irons au bout », a déclaré Marie Dupont.")
    assert doc._.quotekit.quotes


def test_an_unknown_recognizer_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="news"):
        quotekit.load(ner="trained")  # type: ignore[arg-type]


def test_the_news_recognizer_needs_the_vectors_it_was_trained_with() -> None:
    blank = spacy.blank("fr")
    blank.add_pipe("ner")
    assert news_recognizer(blank) is None  # no vectors: the model keeps its own recognizer


def test_what_ships_is_the_recognizer_alone() -> None:
    files = {p.name for p in NEWS_NER.iterdir()}
    assert {"cfg", "model", "moves", "quotekit.json"} <= files
    assert "vocab" not in files and "vectors" not in files
    assert sum(p.stat().st_size for p in NEWS_NER.iterdir()) < 10_000_000
    assert CONFIG.is_file()


def test_months_of() -> None:
    assert months_of("01-03") == ["01", "02", "03"]
    assert months_of("02,11") == ["02", "11"]
    with pytest.raises(argparse.ArgumentTypeError):
        months_of("08-13")


def test_splits_keep_most_files_for_training() -> None:
    parts = [split_of(rank) for rank in range(200)]
    assert parts.count("dev") == 20
    assert parts.count("heldout") == 30
    assert parts.count("train") == 150


def test_convert_maps_types_and_widens_to_tokens(tmp_path: Path) -> None:
    text = "Le président Jean Valdor a visité Lyonnet le 3 mai avec l'ONG Terra Viva."
    spans = [
        ("Person", "Jean Valdor"),
        ("Location", "Lyonnet"),
        ("Date", "3 mai"),
        ("Organization", "ONG Terra Viva"),
    ]
    lines = []
    for k, (kind, words) in enumerate(spans, start=1):
        start = text.index(words)
        lines.append(f"T{k}\t{kind} {start} {start + len(words)}\t{words}")
    # a span ending inside a word: widened to the whole token
    start = text.index("Terra")
    lines.append(f"T9\tPerson {start} {start + 3}\tTer")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts: Counter[str] = Counter()
    doc = convert(spacy.blank("fr"), tmp_path / "a.ann", counts)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Jean Valdor", "PER"),
        ("Lyonnet", "LOC"),
        ("ONG Terra Viva", "ORG"),
    ]
    assert counts["dropped Date"] == 1
    assert counts["widened"] == 1
    assert counts["overlapping"] == 1  # "Ter" inside the organisation
    assert set(LABELS.values()) == {"PER", "ORG", "LOC", "MISC"}
