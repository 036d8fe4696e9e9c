"""Speaker candidates, their features and the linear models (``speakers``, ``linear``).

Hand-built analyses, no model: what the ranker is given to choose from, and how it
chooses. The people and sentences are invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from quotekit.errors import InputError
from quotekit.linear import LinearModel, Models, load_models
from quotekit.model import Analysis, Entity, Mention, Quote, Span, Speaker
from quotekit.speakers import Candidate, RuleEvidence, choose, rank_speakers, speaker_candidates

TEXT = (
    "Claire Moreau est arrivée lundi. Paul Girard l'attendait.\n"
    "« Nous ne céderons pas sur Paul Girard », a déclaré Claire Moreau."
)


def _mention(text: str, word: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(start, start + len(word), word)


def _analysis() -> tuple[Analysis, Quote]:
    moreau = Entity(
        "e1",
        "person",
        "Claire Moreau",
        (_mention(TEXT, "Claire Moreau"), _mention(TEXT, "Claire Moreau", 1)),
        gender="f",
        number="sing",
    )
    girard = Entity(
        "e2",
        "person",
        "Paul Girard",
        (_mention(TEXT, "Paul Girard"), _mention(TEXT, "Paul Girard", 1)),
        gender="m",
        number="sing",
    )
    start = TEXT.index("Nous")
    end = TEXT.index(" »")
    cue = TEXT.index("a déclaré")
    quote = Quote(
        start,
        end,
        TEXT[start:end],
        kind="direct",
        cue=Span(cue, cue + len("a déclaré"), "a déclaré"),
        confidence=0.9,
    )
    return Analysis("a", "test", (moreau, girard), (quote,)), quote


def test_candidates_are_nobody_and_each_entity_near_the_quote() -> None:
    analysis, _ = _analysis()
    speaker = Speaker("Claire Moreau", "person", "e1", analysis.entities[0].mentions[1].span)
    evidence = RuleEvidence(speaker, 0.9, "name", 0.9)
    candidates = speaker_candidates(
        analysis, 0, evidence, sentence_starts=[0, 33, 58], text=TEXT, previous=None
    )
    assert candidates[0].speaker is None and candidates[0].features["nobody"] == 1.0
    by_entity = {c.speaker.entity: c for c in candidates[1:] if c.speaker is not None}
    assert set(by_entity) == {"e1", "e2"}
    moreau, girard = by_entity["e1"].features, by_entity["e2"].features
    assert moreau["rule"] == 1.0 and "rule" not in girard
    assert moreau["near_cue"] == 1.0  # named right after the incise's verb
    assert girard["inside"] == 1.0  # named inside the quote: rarely its speaker
    assert "near_cue" not in girard


@pytest.mark.parametrize(
    ("pronoun", "kept"), [("elle", {"e1"}), ("il", {"e2"}), ("ils", {"e1", "e2"})]
)
def test_a_pronoun_speaker_rules_out_the_persons_of_the_other_gender(
    pronoun: str, kept: set[str]
) -> None:
    """ "a-t-elle déclaré" is no man's word: a person whose gender is known and differs
    from the pronoun's is no candidate; "ils", which may stand for a mixed group, keeps
    everyone."""
    analysis, _ = _analysis()
    at = TEXT.index("a déclaré")
    speaker = Speaker("Claire Moreau", "person", "e1", Span(at, at + len(pronoun), pronoun))
    evidence = RuleEvidence(speaker, 0.7, "pronoun", 0.9)
    candidates = speaker_candidates(
        analysis, 0, evidence, sentence_starts=[0, 33, 58], text=TEXT, previous=None
    )
    assert {c.speaker.entity for c in candidates if c.speaker is not None} == kept


def test_a_description_of_the_rules_is_a_candidate_with_its_own_features() -> None:
    analysis, _ = _analysis()
    phrase = Span(0, 13, TEXT[:13])
    evidence = RuleEvidence(
        Speaker("les horaires", "description", None, phrase), 0.7, "description"
    )
    candidates = speaker_candidates(
        analysis, 0, evidence, sentence_starts=[0], text=TEXT, previous=None
    )
    described = [c for c in candidates if c.speaker is not None and c.speaker.entity is None]
    assert len(described) == 1
    assert described[0].features["description:no_agent"] == 1.0  # a timetable cannot speak
    # Claire Moreau's first mention lies inside the rules' phrase
    assert any(
        c.features.get("in_rule_phrase") for c in candidates if c.speaker and c.speaker.entity
    )


def test_a_person_reached_through_a_role_keeps_the_role_phrase_as_a_candidate() -> None:
    """``le porte-parole`` given to someone named before may be a guess of the role stage:
    the bare phrase stays a candidate, so that the ranker can prefer it."""
    analysis, _ = _analysis()
    phrase = Span(0, 13, TEXT[:13])  # stands for a role phrase here
    speaker = Speaker("Paul Girard", "person", "e2", phrase)

    def bare_candidates(source: str) -> list[Candidate]:
        candidates = speaker_candidates(
            analysis,
            0,
            RuleEvidence(speaker, 0.75, source),
            sentence_starts=[0],
            text=TEXT,
            previous=None,
        )
        return [c for c in candidates if c.speaker is not None and c.speaker.entity is None]

    bare = bare_candidates("role")
    assert [c.speaker.name for c in bare if c.speaker] == [TEXT[:13]]
    assert bare[0].features["description:via_role"] == 1.0
    # reached through a name, no such candidate
    assert bare_candidates("name") == []


def test_choose_takes_the_best_scoring_candidate_with_its_share_of_probability() -> None:
    analysis, _ = _analysis()
    evidence = RuleEvidence(None, 0.3, "none")
    candidates = speaker_candidates(
        analysis, 0, evidence, sentence_starts=[0], text=TEXT, previous=None
    )
    favour_inside = LinearModel({"inside": 5.0})
    best, p = choose(favour_inside, candidates)
    assert best.speaker is not None and best.speaker.entity == "e2"
    assert 0.5 < p <= 1.0
    favour_nobody = LinearModel({"nobody": 5.0})
    best, _ = choose(favour_nobody, candidates)
    assert best.speaker is None


def test_rank_speakers_sets_the_choice_and_a_confidence_from_both_decisions() -> None:
    analysis, quote = _analysis()
    rule_speaker = Speaker("Paul Girard", "person", "e2", analysis.entities[1].mentions[0].span)
    analysis = attrs.evolve(analysis, quotes=(attrs.evolve(quote, speaker=rule_speaker),))
    evidence = [RuleEvidence(rule_speaker, 0.6, "name", 0.8)]
    model = LinearModel({"near_cue": 4.0, "rule": 0.5})
    ranked = rank_speakers(analysis, evidence, model, text=TEXT, sentence_starts=[0])
    chosen = ranked.quotes[0]
    assert chosen.speaker is not None and chosen.speaker.entity == "e1"
    # the mention given is the one nearest the quote, and it is the name's text
    assert chosen.speaker.mention is not None
    assert TEXT[chosen.speaker.mention.start : chosen.speaker.mention.end] == "Claire Moreau"
    assert 0.0 < chosen.confidence <= 0.8


def test_linear_model_scores_and_probabilities() -> None:
    model = LinearModel({"a": 2.0, "b": -1.0}, intercept=0.5)
    assert model.score({"a": 1.0, "b": 1.0, "unknown": 1.0}) == pytest.approx(1.5)
    assert model.probability({}) == pytest.approx(1 / (1 + 2.718281828**-0.5), rel=1e-6)
    assert model.probability({"b": 1000.0}) == 0.0


def test_models_round_trip_through_a_folder(tmp_path: Path) -> None:
    models = Models(
        LinearModel({"x": 1.0}, 0.1, {"threshold": 0.4, "enabled": False}),
        LinearModel({"y": -2.0}, 0.0, {"C": 0.3}),
    )
    folder = models.save(tmp_path / "m")
    loaded = load_models(folder)
    assert dict(loaded.quotes.weights) == {"x": 1.0}
    assert loaded.quotes.meta["threshold"] == 0.4
    assert dict(loaded.speakers.weights) == {"y": -2.0}


def test_a_missing_or_foreign_model_folder_says_what_to_give(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="quotekit train"):
        load_models(tmp_path / "nowhere")
    (tmp_path / "quotes.json").write_text(json.dumps({"weights": {}}), "utf-8")
    (tmp_path / "speakers.json").write_text("{}", "utf-8")
    with pytest.raises(InputError, match="not a quotekit model"):
        load_models(tmp_path)


def test_the_shipped_models_load_and_say_what_they_were_trained_on() -> None:
    models = load_models()
    assert models.speakers.weights and models.quotes.weights
    assert models.speakers.meta["gold"] == ["quotes-open.jsonl"]
    assert isinstance(models.quotes.meta["enabled"], bool)
