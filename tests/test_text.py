"""The per-Doc caches of ``quotekit._text``: the text and the rule sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from quotekit._text import doc_sentences, doc_text


def sentences_token_by_token(doc: Doc) -> list[tuple[int, int]]:
    """The definition, walked one token at a time."""
    bounds, start = [], 0
    for tok in doc:
        if tok.text in (".", "!", "?", "…") or "\n" in tok.text:
            bounds.append((start, tok.i + 1))
            start = tok.i + 1
    if start < len(doc):
        bounds.append((start, len(doc)))
    return bounds


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Sans point final",
        "Il pleut. Il vente ! Vraiment ? Oui…",
        "Titre\n\nPremier paragraphe.\r\nSecond 😀 paragraphe, avec un émoji.\n",
        "« Non. » Puis : « Peut-être ? » Fin...",
        "\n\n\n",
    ],
)
def test_sentences_match_their_definition(nlp: Language, text: str) -> None:
    doc = nlp.make_doc(text)
    assert doc_sentences(doc) == sentences_token_by_token(doc)
    assert doc_sentences(doc) is doc_sentences(doc)  # computed once for this Doc


def test_text_is_the_docs_text(nlp: Language) -> None:
    doc = nlp.make_doc("Un texte 😀 de test.\n")
    assert doc_text(doc) == doc.text
