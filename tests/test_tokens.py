"""Token repairs before the NER (``quotekit.tokens``): the text's characters never change."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from quotekit.tokens import (
    join_elisions,
    no_sentence_inside_words,
    repair_tokens,
    split_prefixed_names,
)


def words(doc: Doc) -> list[str]:
    return [t.text for t in doc]


def test_prefix_is_split_from_a_name_only(nlp: Language) -> None:
    text = "Les milices pro-Haddad et les Anti-Kovalenko rejettent la loi anti-inflation."
    doc = nlp(text)
    assert words(doc)[:9] == ["Les", "milices", "pro", "-", "Haddad", "et", "les", "Anti", "-"]
    assert "anti-inflation" in words(doc)  # a common word keeps its prefix
    assert doc.text == text
    split = split_prefixed_names(nlp.make_doc("pro-Haddad"))
    assert (len(split), split.text) == (3, "pro-Haddad")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("l' armée", ["l'", "armée"], id="article"),
        pytest.param("L’ auteur d' Aïda", ["L’", "auteur", "d'", "Aïda"], id="curly-and-capital"),
        pytest.param("jusqu' au bout", ["jusqu'", "au", "bout"], id="jusqu"),
        pytest.param("qu' il parte", ["qu'", "il", "parte"], id="qu"),
        pytest.param("aujourd' hui", ["aujourd", "'", "hui"], id="not-an-elision"),
        pytest.param("n' importe", ["n'", "importe"], id="negation"),
        pytest.param("l'armée", ["l'", "armée"], id="already-whole"),
        pytest.param("Rock 'n' roll", ["Rock", "'", "n", "'", "roll"], id="quoted-letter"),
    ],
)
def test_elision_with_a_space_is_joined(nlp: Language, text: str, expected: list[str]) -> None:
    doc = join_elisions(nlp.make_doc(text))
    assert words(doc) == expected
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_repairs_feed_the_ner(nlp: Language) -> None:
    """The pipeline runs the repairs first: the NER and the rules see whole elisions."""
    text = "Le maire d' Arcy , Paul Girard , a démissionné."
    doc = nlp(text)
    assert "d'" in words(doc)
    assert doc.text == text
    assert words(repair_tokens(nlp.make_doc("l' armée pro-Assad"))) == [
        "l'",
        "armée",
        "pro",
        "-",
        "Assad",
    ]


def test_no_sentence_starts_inside_a_word(nlp: Language) -> None:
    doc = no_sentence_inside_words(nlp.make_doc("Fin.Début de l’artisan-maçon, et « oui »."))
    marked = [t.text for t in doc if t.is_sent_start is False]
    # glued to a word, a hyphen or an apostrophe: no sentence start there
    assert marked == [".", "artisan", "-", "maçon", ","]
    # after a full stop with no space, and after a space, the parser still decides
    assert doc[2].text == "Début" and doc[2].is_sent_start is None
    assert doc.text == "Fin.Début de l’artisan-maçon, et « oui »."
    assert len(no_sentence_inside_words(nlp.make_doc("Seul"))) == 1
