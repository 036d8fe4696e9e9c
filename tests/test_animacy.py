"""The learned animacy decision (``quotekit.animacy``) and its training
(``quotekit.training.animacy``). All the sentences are invented."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pytest
from spacy.language import Language

from quotekit import animacy
from quotekit.training import animacy as training


def _verb(nlp: Language, text: str, form: str):
    return next(t for t in nlp(text) if t.text == form)


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("La seconde période a confirmé la domination des visiteurs.", "confirmé", True),
        ("La finale promettait un duel serré entre les deux équipes.", "promettait", True),
        ("Le jury a annoncé la disqualification du relais italien.", "annoncé", False),
        # an agent noun, whatever its vector (``gréviste`` has the row of ``grève``)
        ("Les grévistes réclament une hausse des salaires.", "réclament", False),
        # a name in the phrase, a pronoun, a noun of the lexicons
        ("Le palais de l'Élysée a démenti toute rencontre.", "démenti", False),
        ("Elle a confirmé la domination des visiteurs.", "confirmé", False),
        ("Le communiqué confirme la fermeture du site.", "confirme", False),
    ],
)
def test_cannot_speak(nlp: Language, text: str, verb: str, expected: bool) -> None:
    assert animacy.cannot_speak(_verb(nlp, text, verb)) is expected


def test_a_noun_written_before_a_name_stands_for_it(nlp: Language) -> None:
    alone = "L'application annonce une hausse de ses tarifs."
    assert animacy.cannot_speak(_verb(nlp, alone, "annonce"))
    named = "L'application Uber a changé de logo. " + alone
    assert not animacy.cannot_speak(_verb(nlp, named, "annonce"))


def test_subject_of_takes_the_nearest_subject_and_the_coordinated_verbs(nlp: Language) -> None:
    verb = _verb(nlp, "Le coureur remporte l'étape et confirme sa forme.", "confirme")
    subject = animacy.subject_of(verb)
    assert subject is not None and subject.lower_ == "coureur"


def test_agent_form() -> None:
    assert animacy.agent_form("grévistes")
    assert animacy.agent_form("spectateur")
    assert animacy.agent_form("blessés")
    assert not animacy.agent_form("compétition")
    assert not animacy.agent_form("gouvernement")
    assert not animacy.agent_form("activité")


def test_no_judgement_with_other_vectors() -> None:
    import spacy

    blank = spacy.blank("fr")
    doc = blank("La course promettait un spectacle.")
    assert animacy.speaking_probability(doc[1]) is None


def test_the_shipped_model_fits_the_vectors_it_names(nlp: Language) -> None:
    info = animacy._model()
    assert info is not None and len(info["weights"]) == info["vectors"]["width"]
    assert animacy._fits(nlp.vocab, info)
    assert 0 < info["threshold"] < 0.5
    assert info["figures"]["heldout_accuracy"] > 0.85


def test_split_of_is_stable_and_holds_out_about_one_in_five() -> None:
    words = [f"mot{i}" for i in range(1000)]
    parts = Counter(training.split_of(w) for w in words)
    assert 150 < parts["heldout"] < 250
    # a fixed hash, not Python's: the same words are held out in every run
    assert [training.split_of(w) for w in ("président", "ministre", "étape")] == [
        "train",
        "train",
        "heldout",
    ]


def test_examples_keep_entity_nouns_used_at_names_and_drop_the_rare_ones() -> None:
    counts = Counter({"musher": 10, "compétition": 40, "étape": 30, "rare": 2})
    entity = Counter({"musher": 2, "compétition": 1})
    labels = training.examples(counts, entity, {"ministre"}, min_count=3)
    assert labels == {"ministre": 1, "musher": 1, "étape": 0}


def test_group_weights_give_each_group_of_positives_the_same_weight() -> None:
    labels = {"ministre": 1, "député": 1, "maire": 1, "ministère": 1, "étape": 0}
    weights = training.group_weights(list(labels), labels)
    by_word = dict(zip(labels, weights, strict=True))
    assert by_word["étape"] == 1.0
    persons = by_word["ministre"] + by_word["député"] + by_word["maire"]
    assert np.isclose(persons, by_word["ministère"])


def test_entity_nouns(nlp: Language) -> None:
    text = "Le musher Paul Girard a gagné. Le ministère de l'Intérieur a réagi."
    doc = nlp(text)
    person = text.index("Paul Girard")
    org = text.index("ministère")
    spans = [
        (person, person + len("Paul Girard"), "Person"),
        (org, org + len("ministère de l'Intérieur"), "Organization"),
    ]
    assert set(training.entity_nouns(doc, spans)) == {"musher", "ministère"}


def test_judging_adds_no_string_to_the_vocabulary(nlp: Language) -> None:
    doc = nlp("La zorglubite promettait un spectacle.")
    noun = next(t for t in doc if t.lower_ == "zorglubite")
    before = len(nlp.vocab.strings)
    animacy.speaking_probability(noun)
    # a word the vocabulary has never seen, looked up as a lemma would be
    assert animacy.unit_vector(nlp.vocab, "qwzorglubitesque") is None
    assert len(nlp.vocab.strings) == before
    assert "qwzorglubitesque" not in nlp.vocab.strings
    unit = animacy.unit_vector(nlp.vocab, "ministre")
    assert unit is not None and np.isclose(np.linalg.norm(unit), 1.0)


def test_the_shipped_model_was_trained_on_the_current_lexicons() -> None:
    # a lexicon edited after training: rebuild with the command the model file names
    info = json.loads(animacy.MODEL.read_text(encoding="utf-8"))
    assert info["lexicons"] == training.lexicon_digest(), info["command"] + " --install"
