"""Corpus-wide linking of entities (no model: hand-built analyses)."""

from __future__ import annotations

import random

import pytest

import quotekit
from quotekit import Analysis, Corpus, Entity, Mention, Quote, Speaker


def _doc(doc_id: str, *people: str, orgs: tuple[str, ...] = ()) -> Analysis:
    """An analysis whose text is the names one after the other, each a person entity."""
    text = " ; ".join((*people, *orgs))
    entities = []
    pos = 0
    for k, name in enumerate((*people, *orgs), start=1):
        start = text.index(name, pos)
        pos = start + len(name)
        kind = "person" if k <= len(people) else "organization"
        entities.append(Entity(f"e{k}", kind, name, (Mention(start, start + len(name), name),)))
    quotes = []
    if entities:
        first = entities[0]
        mention = first.mentions[0]
        quotes.append(
            Quote(
                mention.start,
                mention.end,
                mention.text,
                "direct",
                speaker=Speaker(first.name, first.kind, first.id, mention.span),
            )
        )
    return Analysis(doc_id, "test-0", tuple(entities), tuple(quotes))


CORPUS = [
    _doc("a", "Volodymyr Zelenskiy", "Joe Biden"),
    _doc("b", "Zelensky", orgs=("Kremlin",)),
    _doc("c", "Volodymyr Zelensky", "Hunter Biden"),
    _doc("d", "Biden"),
    _doc("e", "Marine Le Pen", "Jean-Marie Le Pen"),
    _doc("f", "le Kremlin", orgs=()),
]


def _ids(linked: list[Analysis]) -> dict[tuple[str | None, str], str]:
    return {(a.id, m.text): e.id for a in linked for e in a.entities for m in e.mentions}


def test_name_variants_get_one_corpus_id() -> None:
    linked = list(quotekit.link_corpus(CORPUS))
    ids = _ids(linked)
    assert (
        ids[("a", "Volodymyr Zelenskiy")]
        == ids[("b", "Zelensky")]
        == ids[("c", "Volodymyr Zelensky")]
    )
    names = {e.name for a in linked for e in a.entities if e.id == ids[("b", "Zelensky")]}
    assert len(names) == 1


def test_people_sharing_a_surname_stay_apart() -> None:
    ids = _ids(list(quotekit.link_corpus(CORPUS)))
    assert ids[("a", "Joe Biden")] != ids[("c", "Hunter Biden")]
    assert ids[("e", "Marine Le Pen")] != ids[("e", "Jean-Marie Le Pen")]


def test_a_lone_surname_with_two_candidates_links_to_neither() -> None:
    ids = _ids(list(quotekit.link_corpus(CORPUS)))
    assert ids[("d", "Biden")] not in (ids[("a", "Joe Biden")], ids[("c", "Hunter Biden")])


def test_a_lone_surname_with_one_candidate_links_to_it() -> None:
    docs = [_doc("a", "Joe Biden"), _doc("b", "Biden")]
    ids = _ids(list(quotekit.link_corpus(docs)))
    assert ids[("a", "Joe Biden")] == ids[("b", "Biden")]


def test_organisations_link_by_name() -> None:
    docs = [_doc("b", "Zelensky", orgs=("Kremlin",)), _doc("x", orgs=("kremlin",))]
    ids = _ids(list(quotekit.link_corpus(docs)))
    assert ids[("b", "Kremlin")] == ids[("x", "kremlin")]
    assert ids[("b", "Kremlin")].startswith("org:")


def test_ids_do_not_depend_on_document_order() -> None:
    first = _ids(list(quotekit.link_corpus(CORPUS)))
    shuffled = CORPUS[:]
    random.Random(7).shuffle(shuffled)
    assert _ids(list(quotekit.link_corpus(shuffled))) == first


def test_speakers_follow_their_entity() -> None:
    for analysis in quotekit.link_corpus(CORPUS):
        entity_ids = {e.id for e in analysis.entities}
        for quote in analysis.quotes:
            assert quote.speaker is not None
            assert quote.speaker.entity in entity_ids
            assert quote.speaker.name == analysis.entity(quote.speaker.entity).name


def test_linked_records_stay_valid() -> None:
    for analysis in quotekit.link_corpus(CORPUS):
        quotekit.validate_record(quotekit.to_record(analysis))


def test_two_entities_of_one_document_that_are_one_person_merge() -> None:
    doc = _doc("g", "Vladimir Poutine", "Putin")
    corpus = Corpus()
    corpus.add(doc)
    linked = corpus.link(doc)
    assert len(linked.entities) == 1
    assert {m.text for m in linked.entities[0].mentions} == {"Vladimir Poutine", "Putin"}


@pytest.mark.parametrize("extra", [[("Vova", "Vladimir Putin")]])
def test_user_aliases_extend_the_table(extra: list[tuple[str, str]]) -> None:
    docs = [_doc("a", "Vladimir Putin"), _doc("b", "Vova")]
    ids = _ids(list(quotekit.link_corpus(docs, aliases=extra)))
    assert ids[("a", "Vladimir Putin")] == ids[("b", "Vova")]
