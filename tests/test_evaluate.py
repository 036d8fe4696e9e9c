"""Scoring against gold: hand-built gold documents and analyses, no model."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from quotekit.errors import InputError
from quotekit.evaluate import (
    GoldDocument,
    GoldPerson,
    GoldQuote,
    evaluate_gold,
    evaluate_ner,
    format_ner_report,
    format_report,
    load_gold,
    read_brat,
    score_ner,
    score_quotes,
)
from quotekit.model import Analysis, Entity, Mention, Quote, Span, Speaker

# ------------------------------------------------------------------------- helpers


def find(text: str, fragment: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def gold_quote(
    text: str,
    fragment: str,
    *,
    kind: str = "direct",
    speaker: str | None = None,
    speaker_kind: str = "person",
    mention: str | None = None,
) -> GoldQuote:
    start, end = find(text, fragment)
    return GoldQuote(start, end, fragment, kind, speaker, speaker_kind, mention, None)


def quote(text: str, start: int, end: int, speaker: Speaker | None = None) -> Quote:
    return Quote(start, end, text[start:end], "direct", speaker=speaker)


def name(text: str, fragment: str, occurrence: int = 0) -> Mention:
    start, end = find(text, fragment, occurrence)
    return Mention(start, end, fragment)


def analysis(quotes: Iterable[Quote] = (), entities: Iterable[Entity] = ()) -> Analysis:
    return Analysis("doc", "test", tuple(entities), tuple(quotes))


def gold_doc(
    text: str, quotes: Iterable[GoldQuote] = (), persons: Iterable[GoldPerson] = ()
) -> GoldDocument:
    return GoldDocument("doc", text, tuple(quotes), tuple(persons))


# ----------------------------------------------------------------- quote matching

SPAN_TEXT = "Le maire a déclaré : « abcdefghijklmnopqrst ». Fin de la séance."
SPAN_START = SPAN_TEXT.index("abc")


@pytest.mark.parametrize(
    ("gold", "predicted", "lenient", "strict", "exact"),
    [
        # gold of 10 characters
        ((0, 10), (7, 20), 1, 0, 0),  # covers exactly 30% of the gold
        ((0, 10), (8, 20), 0, 0, 0),  # 20%: below the lenient floor
        ((0, 10), (2, 10), 1, 1, 0),  # exactly 80% of the gold, all of the prediction
        ((0, 10), (3, 10), 1, 0, 0),  # 70% of the gold
        ((0, 10), (0, 12), 1, 1, 0),  # all the gold, 10/12 of the prediction
        ((0, 10), (0, 13), 1, 0, 0),  # all the gold, 10/13 < 80% of the prediction
        ((0, 10), (0, 10), 1, 1, 1),  # the same characters
        ((0, 10), (1, 11), 1, 1, 0),  # the same length, one character off
        # gold of 8 characters inside a prediction of 10: exactly 80% of the prediction
        ((0, 8), (0, 10), 1, 1, 0),
        ((0, 8), (0, 11), 1, 0, 0),
        ((0, 10), (10, 20), 0, 0, 0),  # touching is not overlapping
    ],
)
def test_lenient_strict_and_exact_boundaries(
    gold: tuple[int, int], predicted: tuple[int, int], lenient: int, strict: int, exact: int
) -> None:
    gs, ge = (SPAN_START + gold[0], SPAN_START + gold[1])
    ps, pe = (SPAN_START + predicted[0], SPAN_START + predicted[1])
    gold_q = GoldQuote(gs, ge, SPAN_TEXT[gs:ge], "direct", None, "none", None, None)
    result = score_quotes([gold_doc(SPAN_TEXT, [gold_q])], [analysis([quote(SPAN_TEXT, ps, pe)])])
    assert result["quotes"]["lenient"]["matched"] == lenient
    assert result["quotes"]["strict"]["matched"] == strict
    assert result["quotes"]["exact"]["matched"] == exact
    assert result["quotes"]["lenient"]["recall"] == float(lenient)


TWO_QUOTES = "« Nous resterons », a dit Marie Dupont. Elle a ajouté que la réforme serait retirée."


def test_matching_is_one_to_one_and_prefers_the_largest_overlap() -> None:
    first = gold_quote(TWO_QUOTES, "Nous resterons", kind="direct")
    second = gold_quote(TWO_QUOTES, "la réforme serait retirée", kind="indirect")
    # One prediction covering both quotes: it overlaps the second one more.
    wide = quote(TWO_QUOTES, first.start + 5, second.end)
    result = score_quotes([gold_doc(TWO_QUOTES, [first, second])], [analysis([wide])])
    assert result["quotes"]["lenient"]["matched"] == 1
    assert result["by_kind"]["indirect"]["recall"] == 1.0
    assert result["by_kind"]["direct"]["recall"] == 0.0

    # The same prediction cut to overlap the first quote more: it goes to the first one.
    left = quote(TWO_QUOTES, first.start, second.start + 10)
    result = score_quotes([gold_doc(TWO_QUOTES, [first, second])], [analysis([left])])
    assert result["by_kind"]["direct"]["recall"] == 1.0
    assert result["by_kind"]["indirect"]["recall"] == 0.0

    # Two predictions on one gold quote: one match, the other is a false positive.
    both = [
        quote(TWO_QUOTES, first.start, first.end),
        quote(TWO_QUOTES, first.start, first.end - 2),
    ]
    result = score_quotes([gold_doc(TWO_QUOTES, [first])], [analysis(both)])
    lenient = result["quotes"]["lenient"]
    assert (lenient["matched"], lenient["precision"], lenient["recall"]) == (1, 0.5, 1.0)
    assert lenient["f1"] == pytest.approx(2 / 3)


def test_matching_ignores_quote_kind_and_counts_everything() -> None:
    gold = gold_quote(TWO_QUOTES, "la réforme serait retirée", kind="indirect")
    mixed = Quote(gold.start, gold.end, gold.text, "mixed")
    result = score_quotes([gold_doc(TWO_QUOTES, [gold])], [analysis([mixed])])
    assert result["documents"] == 1
    assert result["quotes"]["gold"] == 1
    assert result["quotes"]["predicted"] == 1
    assert result["quotes"]["strict"]["f1"] == 1.0


def test_empty_inputs_give_zero_not_errors() -> None:
    result = score_quotes([gold_doc("Rien à signaler.")], [analysis()])
    assert result["quotes"]["lenient"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "matched": 0}
    assert result["speaker"] == {"accuracy": 0.0, "evaluated": 0, "correct": 0}
    assert result["clustering"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_score_quotes_checks_its_inputs() -> None:
    with pytest.raises(InputError, match="one analysis per gold document"):
        score_quotes([gold_doc("Rien.")], [])
    other = Analysis("autre", "test")
    with pytest.raises(InputError, match="order"):
        score_quotes([gold_doc("Rien.")], [other])


# ----------------------------------------------------------------------- speakers

SPEAKER_TEXT = (
    "« Nous ne céderons pas », a déclaré le porte-parole du Kremlin Dmitri Peskov. "
    "« Jamais », a-t-il ajouté. "
    "Vladimir Poutine et Jean-Marie Tjibaou, le parquet de Nouméa, la ministre Marie Dupont."
)


def speaker_result(
    gold_speaker: str | None,
    predicted: Speaker | None,
    *,
    gold_kind: str = "person",
    gold_mention: str | None = None,
    persons: Iterable[GoldPerson] = (),
    entities: Iterable[Entity] = (),
) -> dict[str, Any]:
    gold = gold_quote(
        SPEAKER_TEXT,
        "Nous ne céderons pas",
        speaker=gold_speaker,
        speaker_kind=gold_kind,
        mention=gold_mention,
    )
    pred = quote(SPEAKER_TEXT, gold.start, gold.end, predicted)
    doc = gold_doc(SPEAKER_TEXT, [gold], persons)
    return score_quotes([doc], [analysis([pred], entities)])


def person(
    speaker: str, entity: str | None = None, mention: Span | None = None, kind: str = "person"
) -> Speaker:
    return Speaker(speaker, kind, entity, mention)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("gold_speaker", "gold_kind", "predicted", "correct"),
    [
        ("Dmitri Peskov", "person", person("Dmitri Peskov"), True),
        ("Dmitri Peskov", "person", person("Peskov"), True),  # surname
        ("Peskov", "person", person("Dmitri Peskov"), True),  # surname, the other way
        ("Dmitri Peskov", "person", person("DMITRI PESKOV"), True),  # case
        ("Dmitri Peskov", "person", person("Dmitri"), False),  # a first name is not a surname
        ("Dmitri Peskov", "person", person("Vladimir Poutine"), False),
        ("Kremlin", "organization", person("le Kremlin", kind="organization"), True),
        ("Élysée", "organization", person("L’elysee", kind="organization"), True),
        ("Élysée", "organization", person("l' Élysée", kind="organization"), True),
        ("des témoins", "description", person("témoins", kind="description"), True),
        # the surname rule is for persons' names: a city is not its prosecutor's office
        ("parquet de Nouméa", "organization", person("Nouméa", kind="organization"), False),
        # other names: a capitalised ending not introduced by a function word
        ("agence Spunik", "organization", person("Spunik", kind="organization"), True),
        ("Union européenne", "organization", person("européenne", kind="organization"), False),
        ("Corée du Sud", "organization", person("Sud", kind="organization"), False),
        # a hyphenated first name is one word: this is someone else
        ("Jean-Marie Tjibaou", "person", person("Marie Tjibaou"), False),
        ("Jean-Marie Tjibaou", "person", person("Tjibaou"), True),
        # never on a function word alone
        ("Jean de La Fontaine", "person", person("de"), False),
        ("Jean de La Fontaine", "person", person("La"), False),
    ],
)
def test_speaker_names(
    gold_speaker: str, gold_kind: str, predicted: Speaker, correct: bool
) -> None:
    result = speaker_result(gold_speaker, predicted, gold_kind=gold_kind)
    assert result["speaker"]["evaluated"] == 1
    assert result["speaker"]["correct"] == int(correct)
    assert result["attribution"]["precision"] == float(correct)


def test_speaker_by_gold_person_forms() -> None:
    poutine = GoldPerson("Vladimir Poutine", ["Vladimir Poutine", "Poutine"])
    # The gold speaker is written "Poutine"; the prediction names the person in full.
    result = speaker_result("Poutine", person("V. Poutine"), persons=[poutine])
    assert result["speaker"]["correct"] == 1
    result = speaker_result("Poutine", person("Marie Dupont"), persons=[poutine])
    assert result["speaker"]["correct"] == 0


def test_speaker_by_the_name_mentions_of_the_predicted_entity() -> None:
    peskov = Entity(
        "e1",
        "person",
        "porte-parole du Kremlin",
        [name(SPEAKER_TEXT, "Dmitri Peskov")],
    )
    speaker = person("porte-parole du Kremlin", entity="e1")
    assert speaker_result("Dmitri Peskov", speaker, entities=[peskov])["speaker"]["correct"] == 1
    # Without the entity, the name alone does not say who it is.
    assert speaker_result("Dmitri Peskov", speaker)["speaker"]["correct"] == 0


def test_speaker_by_a_description_mention() -> None:
    mention = Span.of(SPEAKER_TEXT, *find(SPEAKER_TEXT, "porte-parole du Kremlin"))
    gold = speaker_result(
        "Dmitri Peskov",
        person("porte-parole du Kremlin", mention=mention, kind="description"),
        gold_mention="le porte-parole du Kremlin",
    )
    assert gold["speaker"]["correct"] == 1


def test_an_entity_is_not_right_by_the_phrase_that_led_to_it() -> None:
    # "le porte-parole du Kremlin" taken for Vladimir Poutine, named earlier: the record
    # says Poutine spoke, whatever phrase it points at
    mention = Span.of(SPEAKER_TEXT, *find(SPEAKER_TEXT, "porte-parole du Kremlin"))
    poutine = Entity("e2", "person", "Vladimir Poutine", [name(SPEAKER_TEXT, "Poutine")])
    wrong = Speaker("Vladimir Poutine", "person", "e2", mention)
    result = speaker_result(
        "porte-parole du Kremlin",
        wrong,
        gold_kind="description",
        gold_mention="le porte-parole du Kremlin",
        entities=[poutine],
    )
    assert result["speaker"]["correct"] == 0


def test_pronoun_mentions_never_match_each_other() -> None:
    il = Span.of(SPEAKER_TEXT, *find(SPEAKER_TEXT, "il"))
    wrong = Speaker("Marie Dupont", "person", None, il)
    result = speaker_result("Dmitri Peskov", wrong, gold_mention="-t-il")
    assert result["speaker"]["correct"] == 0
    result = speaker_result("Dmitri Peskov", Speaker("Il", "person", None, il), gold_mention="il")
    assert result["speaker"]["correct"] == 0
    # the pronoun does not hide the right name
    right = Speaker("Dmitri Peskov", "person", None, il)
    assert speaker_result("Dmitri Peskov", right, gold_mention="-t-il")["speaker"]["correct"] == 1


def test_gold_without_speaker() -> None:
    result = speaker_result(None, None, gold_kind="none")
    assert result["speaker"] == {"accuracy": 1.0, "evaluated": 1, "correct": 1}
    assert result["attribution"]["recall"] == 1.0
    result = speaker_result(None, person("Dmitri Peskov"), gold_kind="none")
    assert result["speaker"] == {"accuracy": 0.0, "evaluated": 1, "correct": 0}
    assert result["attribution"]["recall"] == 0.0
    # a gold speaker and no predicted one
    result = speaker_result("Dmitri Peskov", None)
    assert result["speaker"]["correct"] == 0


# ----------------------------------------------------------- attribution, by kind

THREE_QUOTES = (
    "« Le projet avance bien », a affirmé Paul Martin. "
    "La maire a ajouté que les travaux commenceraient en mai. "
    "Selon la préfecture, le pont sera « fermé tout l'été »."
)


def test_attribution_and_by_kind() -> None:
    direct = gold_quote(THREE_QUOTES, "Le projet avance bien", speaker="Paul Martin")
    indirect = gold_quote(
        THREE_QUOTES,
        "les travaux commenceraient en mai",
        kind="indirect",
        speaker="Claire Moreau",
        mention="La maire",
    )
    mixed = gold_quote(
        THREE_QUOTES,
        "le pont sera « fermé tout l'été »",
        kind="mixed",
        speaker="préfecture",
        speaker_kind="organization",
    )
    predicted = [
        quote(THREE_QUOTES, direct.start, direct.end, person("Martin")),  # right
        quote(THREE_QUOTES, indirect.start, indirect.end - 4, person("Paul Martin")),  # wrong
        quote(THREE_QUOTES, 0, 1),  # matches nothing
    ]
    doc = gold_doc(THREE_QUOTES, [direct, indirect, mixed])
    result = score_quotes([doc], [analysis(predicted)])

    assert result["quotes"]["lenient"]["matched"] == 2
    assert result["speaker"] == {"accuracy": 0.5, "evaluated": 2, "correct": 1}
    attribution = result["attribution"]
    assert attribution["precision"] == pytest.approx(1 / 3)
    assert attribution["recall"] == pytest.approx(1 / 3)
    assert attribution["f1"] == pytest.approx(1 / 3)
    assert result["by_kind"] == {
        "direct": {"gold": 1, "recall": 1.0, "speaker_accuracy": 1.0},
        "indirect": {"gold": 1, "recall": 1.0, "speaker_accuracy": 0.0},
        "mixed": {"gold": 1, "recall": 0.0, "speaker_accuracy": 0.0},
    }


def test_result_is_json_ready_with_the_documented_layout() -> None:
    result = score_quotes([gold_doc(THREE_QUOTES)], [analysis()])
    assert json.loads(json.dumps(result)) == result
    assert set(result) == {
        "documents",
        "quotes",
        "speaker",
        "attribution",
        "by_kind",
        "persons",
        "clustering",
        "roles",
    }
    assert set(result["quotes"]) == {"gold", "predicted", "lenient", "strict", "exact"}
    assert set(result["roles"]) == {"recall", "precision", "gold", "predicted"}
    assert set(result["by_kind"]) == {"direct", "indirect", "mixed"}


# ---------------------------------------------------------------- persons, names

PEOPLE = (
    "La ministre de la Santé Marie Dupont a rencontré le maire Paul Martin. "
    "Mme Dupont et M. Martin ont visité l'hôpital Jean Petit."
)
DUPONT = GoldPerson("Marie Dupont", ["Marie Dupont", "Dupont"], ["ministre de la Santé"])
MARTIN = GoldPerson("Paul Martin", ["Paul Martin", "Martin"], ["maire"])


def test_persons_are_distinct_normalised_forms() -> None:
    entities = [
        Entity(
            "e1",
            "person",
            "Marie Dupont",
            [name(PEOPLE, "Marie Dupont"), name(PEOPLE, "Dupont", 1)],
        ),
        Entity(
            "e2",
            "person",
            "Jean Petit",
            # a role mention is not a name
            [name(PEOPLE, "Jean Petit"), Mention(*find(PEOPLE, "maire"), "maire", kind="role")],
        ),
        # organisations do not count, even with a person's name
        Entity("e3", "organization", "Paul Martin", [name(PEOPLE, "Paul Martin")]),
    ]
    result = score_quotes([gold_doc(PEOPLE, persons=[DUPONT, MARTIN])], [analysis((), entities)])
    assert result["persons"]["precision"] == pytest.approx(2 / 3)
    assert result["persons"]["recall"] == pytest.approx(2 / 4)


def test_persons_ignore_accents_and_case() -> None:
    text = "Élise Lefèvre a parlé. ELISE LEFEVRE est partie."
    gold = GoldPerson("Élise Lefèvre", ["Élise Lefèvre"])
    entity = Entity("e1", "person", "Élise Lefèvre", [name(text, "ELISE LEFEVRE")])
    result = score_quotes([gold_doc(text, persons=[gold])], [analysis((), [entity])])
    assert result["persons"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_clustering_is_pairwise_over_shared_forms() -> None:
    merged = Entity(
        "e1",
        "person",
        "Marie Dupont",
        [name(PEOPLE, "Marie Dupont"), name(PEOPLE, "Dupont", 1), name(PEOPLE, "Martin", 1)],
    )
    alone = Entity("e2", "person", "Paul Martin", [name(PEOPLE, "Paul Martin")])
    result = score_quotes(
        [gold_doc(PEOPLE, persons=[DUPONT, MARTIN])], [analysis((), [merged, alone])]
    )
    # Together in gold: (Marie Dupont, Dupont), (Paul Martin, Martin).
    # Together in the prediction: (Marie Dupont, Dupont), (Marie Dupont, Martin), (Dupont, Martin).
    assert result["clustering"]["precision"] == pytest.approx(1 / 3)
    assert result["clustering"]["recall"] == pytest.approx(1 / 2)

    right = [
        Entity(
            "e1",
            "person",
            "Marie Dupont",
            [name(PEOPLE, "Marie Dupont"), name(PEOPLE, "Dupont", 1)],
        ),
        Entity(
            "e2", "person", "Paul Martin", [name(PEOPLE, "Paul Martin"), name(PEOPLE, "Martin", 1)]
        ),
    ]
    result = score_quotes([gold_doc(PEOPLE, persons=[DUPONT, MARTIN])], [analysis((), right)])
    assert result["clustering"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_roles_need_the_right_person() -> None:
    dupont = Entity(
        "e1",
        "person",
        "Dupont",  # matched to the gold person by surname
        [name(PEOPLE, "Dupont", 1)],
        roles=[
            Span.of(PEOPLE, *find(PEOPLE, "ministre de la Santé")),  # hers: correct
            Span.of(PEOPLE, *find(PEOPLE, "maire")),  # Paul Martin's: wrong
        ],
    )
    result = score_quotes([gold_doc(PEOPLE, persons=[DUPONT, MARTIN])], [analysis((), [dupont])])
    assert result["roles"] == {"recall": 0.5, "precision": 0.5, "gold": 2, "predicted": 2}


def test_roles_overlap_is_enough_and_organisations_do_not_count() -> None:
    start = PEOPLE.index("ministre de la Santé")
    partial = Entity(
        "e1",
        "person",
        "Marie Dupont",
        [name(PEOPLE, "Marie Dupont")],
        roles=[Span.of(PEOPLE, start - 3, start + 8)],  # "La ministre"
    )
    org = Entity(
        "e2", "organization", "Paul Martin", [], roles=[Span.of(PEOPLE, *find(PEOPLE, "maire"))]
    )
    result = score_quotes(
        [gold_doc(PEOPLE, persons=[DUPONT, MARTIN])], [analysis((), [partial, org])]
    )
    assert result["roles"] == {"recall": 0.5, "precision": 1.0, "gold": 2, "predicted": 1}


# ------------------------------------------------------------------------- loading


def gold_line(text: str, quotes: list[dict[str, Any]]) -> str:
    obj = {
        "id": "a1",
        "text": text,
        "quotes": quotes,
        "persons": [{"name": "Paul Martin", "forms": ["Paul Martin"], "roles": []}],
    }
    return json.dumps(obj, ensure_ascii=False)


def test_load_gold(tmp_path: Path) -> None:
    start, end = find(TWO_QUOTES, "Nous resterons")
    q = {
        "start": start,
        "end": end,
        "text": "Nous resterons",
        "kind": "direct",
        "speaker": "Marie Dupont",
        "speaker_kind": "person",
        "speaker_mention": "Marie Dupont",
        "cue": "a dit",
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line(TWO_QUOTES, [q]) + "\n\n", encoding="utf-8")
    (doc,) = load_gold(path)
    assert doc.id == "a1"
    assert doc.quotes[0] == GoldQuote(
        start, end, "Nous resterons", "direct", "Marie Dupont", "person", "Marie Dupont", "a dit"
    )
    assert doc.persons == (GoldPerson("Paul Martin", ("Paul Martin",), ()),)

    bad = dict(q, start=start + 1)
    path.write_text(
        gold_line(TWO_QUOTES, [q]) + "\n" + gold_line(TWO_QUOTES, [bad]) + "\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match="line 2"):
        load_gold(path)
    path.write_text(gold_line(TWO_QUOTES, [q]) + "\n{pas du json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2.*not JSON"):
        load_gold(path)
    path.write_text(gold_line(TWO_QUOTES, [dict(q, kind="rumeur")]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 1.*kind"):
        load_gold(path)
    with pytest.raises(InputError, match="Cannot read"):
        load_gold(tmp_path / "absent.jsonl")


class StubAnalyzer:
    """Stands for an Analyzer: returns the given analyses, in order."""

    def __init__(self, analyses: list[Analysis]) -> None:
        self.analyses = analyses
        self.seen: list[tuple[str | None, str]] = []

    def pipe(
        self, items: Iterable[tuple[str | None, str]], *, batch_size: int, n_process: int
    ) -> Iterator[Analysis]:
        for item, result in zip(items, self.analyses, strict=True):
            self.seen.append(item)
            yield result


def test_evaluate_gold_runs_the_analyzer_on_every_article(tmp_path: Path) -> None:
    start, end = find(TWO_QUOTES, "Nous resterons")
    q = {"start": start, "end": end, "text": "Nous resterons", "kind": "direct",
         "speaker": None, "speaker_kind": "none", "speaker_mention": None, "cue": None}  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line(TWO_QUOTES, [q]) + "\n", encoding="utf-8")
    stub = StubAnalyzer([Analysis("a1", "test", (), (quote(TWO_QUOTES, start, end),))])
    result = evaluate_gold(path, stub)  # type: ignore[arg-type]
    assert stub.seen == [("a1", TWO_QUOTES)]
    assert result["attribution"]["f1"] == 1.0


# ----------------------------------------------------------------------------- NER


def test_score_ner_exact_spans() -> None:
    text = "Marie Dupont a rencontré Paul Martin."
    result = score_ner(
        [
            (text, [(0, 12), (25, 36)], [(0, 12), (0, 12), (25, 35), (14, 24)]),
            ("Rien.", [], []),
        ]
    )
    assert result == {
        "documents": 2,
        "gold": 2,
        "predicted": 3,
        "correct": 1,
        "precision": pytest.approx(1 / 3),
        "recall": 0.5,
        "f1": pytest.approx(0.4),
    }
    assert score_ner([])["f1"] == 0.0


def test_read_brat(tmp_path: Path) -> None:
    ann = tmp_path / "a.ann"
    ann.write_text(
        "T1\tPerson 0 12\tMarie Dupont\n"
        "R1\tAssociate Arg1:T1 Arg2:T2\n"
        "#1\tAnnotatorNotes T1\tune note\n"
        "T2\tLocation 28 33\tParis\r\n"
        "T3\tPerson 0 5;6 12\tMarie Dupont\n"
        "A1\tNegated T1\n",
        encoding="utf-8",
    )
    assert read_brat(ann) == [(0, 12, "Person", "Marie Dupont"), (28, 33, "Location", "Paris")]
    ann.write_text("T1\tPerson 0 12\tMarie Dupont\nT2\tPerson zéro 4\tPaul\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_brat(ann)


class FakeDoc:
    def __init__(self, ents: list[Any], record: dict[str, Any] | None) -> None:
        self.ents = ents
        self._ = SimpleNamespace(get=lambda _name: record)


def test_evaluate_ner_scores_quotekit_and_the_bare_spacy_pipeline(tmp_path: Path) -> None:
    text = "Marie Dupont a rencontré Paul Martin à Lyon."
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sub" / "a.ann").write_text(
        "T1\tPerson 0 12\tMarie Dupont\nT2\tPerson 25 36\tPaul Martin\nT3\tLocation 39 43\tLyon\n"
        "T4\tPerson 0 5\tMarta\n",  # wrong text for its offsets
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(" \n", encoding="utf-8")
    (tmp_path / "b.ann").write_text("", encoding="utf-8")

    entities = [Entity("e1", "person", "Marie Dupont", [name(text, "Marie Dupont")])]
    record = Analysis(None, "test", entities).to_record()
    ents = [
        SimpleNamespace(start_char=0, end_char=12, label_="PER"),
        SimpleNamespace(start_char=25, end_char=36, label_="PER"),
        SimpleNamespace(start_char=39, end_char=43, label_="LOC"),
    ]
    seen: list[tuple[str, str]] = []

    def piper(kind: str, docs_ents: list[Any]) -> Any:
        def pipe(texts: Iterable[str], *, batch_size: int, n_process: int) -> Iterator[FakeDoc]:
            for t in texts:
                seen.append((kind, t))
                yield FakeDoc(docs_ents, record)

        return SimpleNamespace(pipe=pipe)

    # quotekit's own docs carry no PER entity: spaCy's figure must come from the bare pipeline
    bare = piper("bare", ents)
    stub = SimpleNamespace(nlp=piper("quotekit", []), bare=lambda: bare)
    result = evaluate_ner(tmp_path, stub)  # type: ignore[arg-type]
    assert sorted(seen) == [("bare", text), ("quotekit", text)]
    assert result["skipped"] == 1
    assert result["offset_mismatches"] == 1
    assert result["offset_mismatch_examples"][0]["found"] == "Marie"
    assert (result["quotekit"]["gold"], result["quotekit"]["correct"]) == (3, 1)
    assert (result["spacy"]["predicted"], result["spacy"]["correct"]) == (2, 2)
    report = format_ner_report(result)
    assert "quotekit" in report and "spacy" in report
    assert f"{result['spacy']['recall']:.3f}" in report

    with pytest.raises(InputError, match="No brat"):
        evaluate_ner(tmp_path / "sub" / "vide", stub)  # type: ignore[arg-type]


# ------------------------------------------------------------------------- reports


def test_format_report_shows_every_figure_with_three_decimals() -> None:
    direct = gold_quote(THREE_QUOTES, "Le projet avance bien", speaker="Paul Martin")
    predicted = [
        quote(THREE_QUOTES, direct.start, direct.end, person("Martin")),
        quote(THREE_QUOTES, 0, 1),
        quote(THREE_QUOTES, 2, 3),
    ]
    result = score_quotes([gold_doc(THREE_QUOTES, [direct])], [analysis(predicted)])
    report = format_report(result)
    assert "0.333" in report  # lenient precision
    assert "0.500" in report  # lenient F1
    for label in ("lenient", "strict", "exact", "attribution", "persons", "clustering", "roles"):
        assert label in report
    for kind in ("direct", "indirect", "mixed"):
        assert kind in report
    widths = {len(line) for line in report.splitlines()[2:5]}
    assert len(widths) == 1  # the table's rows are aligned


def test_roles_count_each_gold_role_once_and_each_predicted_role() -> None:
    ministre = Span.of(PEOPLE, *find(PEOPLE, "ministre de la Santé"))
    sante = Span.of(PEOPLE, *find(PEOPLE, "Santé"))
    dupont = Entity("e1", "person", "Marie Dupont", [], roles=[ministre, sante])
    result = score_quotes([gold_doc(PEOPLE, persons=[DUPONT, MARTIN])], [analysis((), [dupont])])
    assert result["roles"] == {"recall": 0.5, "precision": 1.0, "gold": 2, "predicted": 2}


def test_role_occurrences_are_whole_words() -> None:
    text = "La présidente Anne Morel a reçu le président Luc Blanc."
    blanc = GoldPerson("Luc Blanc", ["Luc Blanc"], ["président"])
    # "président" is inside "présidente", which is not Luc Blanc's role
    wrong = Span.of(text, *find(text, "présidente"))
    entity = Entity("e1", "person", "Luc Blanc", [name(text, "Luc Blanc")], roles=[wrong])
    result = score_quotes([gold_doc(text, persons=[blanc])], [analysis((), [entity])])
    assert result["roles"]["precision"] == 0.0
    assert result["roles"]["recall"] == 0.0
