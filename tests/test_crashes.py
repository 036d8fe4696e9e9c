"""Regressions of crashes found by fuzzing (benchmarks/fuzz.py) and by real articles."""

from __future__ import annotations

import pytest
from spacy.language import Language

from quotekit import titles


@pytest.mark.parametrize("text", ["Roland-Garros", "Dupont", "à Ki-moon"])
def test_a_hyphen_test_past_the_end_of_the_doc_is_false_not_an_index_error(
    nlp: Language, text: str
) -> None:
    # _repeated_names asks whether the token after a known name ends a hyphenated word;
    # for a name that ends the text, that token is past the Doc's end ([E040] before).
    doc = nlp.make_doc(text)
    assert titles._hyphen_joined(doc, len(doc)) is False
    assert titles._hyphen_joined(doc, len(doc) + 1) is False
    assert titles._hyphen_joined(doc, len(doc) - 1) is (text != "Dupont")
