"""Training the trained decisions on a newsroom's own gold (``quotekit train``, ``train``).

The gold here is built from invented articles, with offsets computed from the text, in the
format of ``quotekit evaluate``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotekit
from quotekit.cli import EXIT_NO_INPUT, EXIT_OK, EXIT_USAGE, main
from quotekit.train import train

PEOPLE = [
    ("Claire Moreau", "la ministre de la Santé", "f"),
    ("Paul Girard", "le maire de Lyon", "m"),
    ("Sophie Bernard", "la présidente du syndicat", "f"),
    ("Karim Benali", "le délégué syndical", "m"),
    ("Hélène Roussel", "la députée", "f"),
    ("Marc Delorme", "le porte-parole de la police", "m"),
]
SAID = [
    "Nous ne céderons pas",
    "Le texte sera voté avant l'été",
    "La situation reste calme",
    "Les négociations reprendront lundi",
]


def _quote(text: str, content: str, cue: str, speaker: str, mention: str, kind: str) -> dict:
    start = text.index(content)
    return {
        "start": start,
        "end": start + len(content),
        "text": content,
        "kind": kind,
        "speaker": speaker,
        "speaker_kind": "person",
        "speaker_mention": mention,
        "cue": cue,
    }


def _article(i: int) -> dict:
    name, role, gender = PEOPLE[i % len(PEOPLE)]
    other, other_role, _ = PEOPLE[(i + 1) % len(PEOPLE)]
    pronoun = "elle" if gender == "f" else "il"
    direct, indirect = SAID[i % len(SAID)], SAID[(i + 1) % len(SAID)].lower()
    text = (
        f"Réunion à la préfecture\n"
        f"{role.capitalize()}, {name}, a rencontré {other}, {other_role}, mardi. "
        f"« {direct} », a déclaré {name}. "
        f"{other} a affirmé que {indirect}. "
        f"« Rien n'est décidé », a-t-{pronoun} ajouté. "
        # guillemets around a name: a candidate that is no quote, as real articles have
        f"Le « plan Horizon » de la région sera présenté en mai."
    )
    quotes = [
        _quote(text, direct, "a déclaré", name, name, "direct"),
        _quote(text, indirect, "a affirmé", other, other, "indirect"),
        _quote(text, "Rien n'est décidé", f"a-t-{pronoun} ajouté", other, pronoun, "direct"),
    ]
    persons = [
        {"name": name, "forms": [name], "roles": [role.split(" ", 1)[1]]},
        {"name": other, "forms": [other], "roles": [other_role.split(" ", 1)[1]]},
    ]
    return {"id": f"a{i}", "text": text, "quotes": quotes, "persons": persons}


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    lines = [json.dumps(_article(i), ensure_ascii=False) for i in range(8)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture(scope="module")
def trained(gold: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("model") / "model"
    report = train([gold], folder, cv=2)
    return folder, report


def test_train_writes_a_model_folder_and_cross_validates(trained: tuple[Path, dict]) -> None:
    folder, report = trained
    assert (folder / "quotes.json").is_file() and (folder / "speakers.json").is_file()
    assert report["articles"] == 8
    cv = report["cross_validation"]
    assert set(cv) >= {"speakers", "both", "rules"}
    for figures in cv["speakers"].values():
        assert len(figures["folds"]) == 2 and 0.0 <= figures["mean"] <= 1.0
    assert isinstance(report["quote_decision_enabled"], bool)


def test_training_is_reproducible(gold: Path, trained: tuple[Path, dict], tmp_path: Path) -> None:
    folder, report = trained
    again = tmp_path / "again"
    train([gold], again, cv=2 if report["quote_decision_enabled"] else 0)
    for file in ("quotes.json", "speakers.json"):
        first = json.loads((folder / file).read_text("utf-8"))
        second = json.loads((again / file).read_text("utf-8"))
        assert first["weights"] == second["weights"]


def test_a_trained_folder_is_loaded_and_used(trained: tuple[Path, dict]) -> None:
    folder, _ = trained
    analyzer = quotekit.load(attribution=folder)
    assert analyzer is not quotekit.load()
    text = _article(3)["text"]
    analysis = analyzer.analyse(text)
    speakers = [q.speaker.name for q in analysis.quotes if q.speaker is not None]
    assert "Karim Benali" in speakers  # the direct quote's incise names him


def test_the_command_line_trains_evaluates_and_says_what_is_wrong(
    gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli-model"
    assert main(["train", str(gold), "-o", str(out)]) == EXIT_OK
    assert "models written to" in capsys.readouterr().out
    assert main(["evaluate", str(gold), "--attribution", str(out), "--json"]) == EXIT_OK
    scores = json.loads(capsys.readouterr().out)
    assert scores["quotes"]["gold"] == 24
    assert main(["train", str(tmp_path / "missing.jsonl"), "-o", str(out)]) == EXIT_NO_INPUT
    empty = tmp_path / "empty.jsonl"
    article = _article(0)
    article["quotes"] = []
    empty.write_text(json.dumps(article, ensure_ascii=False) + "\n", "utf-8")
    assert main(["train", str(empty), "-o", str(tmp_path / "x")]) == EXIT_USAGE
    assert "Nothing to learn" in capsys.readouterr().err
    article_file = tmp_path / "a.txt"
    article_file.write_text(_article(1)["text"], "utf-8")
    code = main(["extract", str(article_file), "--attribution", str(tmp_path / "nowhere")])
    assert code != EXIT_OK
    assert "quotekit train" in capsys.readouterr().err


def test_the_speaker_ranker_learns_which_candidate_of_each_quote_is_right() -> None:
    """A conditional logit: only the comparison inside a quote's candidates counts."""
    from quotekit.speakers import Candidate, choose
    from quotekit.train import _ranker

    # the right candidate is the one "near" the cue; "named" is common to right and wrong
    # candidates alike, so it says nothing about which one is right
    groups = [[({"near": 1.0, "named": 1.0}, 1), ({"named": 1.0}, 0), ({}, 0)] for _ in range(20)]
    groups.append([({"near": 1.0}, 1)])  # nothing to choose: left out
    groups.append([({"far": 1.0}, 0)])  # no right candidate: left out
    model = _ranker(groups, c=1.0)
    assert model.meta["quotes"] == 20
    assert "far" not in model.weights
    assert model.weights["near"] > 1.0
    cands = [Candidate(None, {"named": 1.0}), Candidate(None, {"near": 1.0, "named": 1.0})]
    best, p = choose(model, cands)
    assert best is cands[1] and p > 0.8


def test_the_speaker_ranker_needs_a_choice_to_learn_from() -> None:
    from quotekit.train import _ranker

    with pytest.raises(quotekit.QuotekitError, match="Nothing to learn"):
        _ranker([[({"a": 1.0}, 1)], [({"b": 1.0}, 0)]], c=1.0)
