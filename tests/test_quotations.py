"""One quotation across a corpus (``quotekit.quotations``): no model, hand-written quotes."""

from __future__ import annotations

import random

import pytest

from quotekit import Analysis, Corpus, Quote, link_corpus
from quotekit.quotations import FRAGMENT_WORDS, Quotations, normalize_quote

LONG = "Nous ne céderons jamais face à la pression des marchés financiers internationaux"


def _index(*texts: str) -> Quotations:
    index = Quotations()
    for t in texts:
        index.add(t)
    return index


def test_normalisation_drops_marks_case_accents_and_punctuation() -> None:
    assert normalize_quote("« L’État, c’est NOUS ! »") == "l etat c est nous"
    assert normalize_quote("  l'État   c'est nous ") == "l etat c est nous"
    assert normalize_quote("« … »") == ""


@pytest.mark.parametrize(
    "variant",
    [
        f"« {LONG.upper()} ! »",
        LONG.replace(" ", "  ").replace("jamais", "jamais,"),
        "“" + LONG.replace("é", "e") + "”",
    ],
)
def test_the_same_words_written_otherwise_are_one_quotation(variant: str) -> None:
    index = _index(LONG, variant)
    assert index.id_of(LONG) == index.id_of(variant)
    assert len(index.groups()) == 1


def test_a_fragment_of_eight_words_is_the_same_quotation_and_of_seven_is_not() -> None:
    words = normalize_quote(LONG).split()
    eight = " ".join(words[2 : 2 + FRAGMENT_WORDS])
    seven = " ".join(words[2 : 2 + FRAGMENT_WORDS - 1])
    index = _index(LONG, eight, seven)
    assert index.id_of(eight) == index.id_of(LONG)
    assert index.id_of(seven) != index.id_of(LONG)


def test_shared_words_that_are_not_a_contiguous_fragment_do_not_join() -> None:
    words = LONG.split()
    shuffled = " ".join(words[6:] + words[:6])
    index = _index(LONG, shuffled)
    assert index.id_of(LONG) != index.id_of(shuffled)


def test_ids_do_not_depend_on_order_and_merged_indexes_agree() -> None:
    texts = [LONG, LONG.lower(), "Le climat n'attend pas et chaque année perdue se paiera"]
    texts += [" ".join(LONG.split()[k : k + 9]) for k in range(3)]
    one = _index(*texts)
    shuffled = texts[:]
    random.Random(3).shuffle(shuffled)
    other = _index(*shuffled[:3]).update(_index(*shuffled[3:]))
    assert [one.id_of(t) for t in texts] == [other.id_of(t) for t in texts]
    assert len({one.id_of(t) for t in texts}) == 2


def test_a_text_without_words_has_no_quotation() -> None:
    assert _index("« … »").id_of("« … »") is None


def test_corpus_link_gives_each_quote_its_quotation() -> None:
    def doc(doc_id: str, text: str) -> Analysis:
        return Analysis(doc_id, "test-0", (), (Quote(0, len(text), text, "direct"),))

    fragment = " ".join(LONG.split()[1:10])
    docs = [doc("a", LONG), doc("b", fragment), doc("c", "Une autre phrase sans rapport.")]
    linked = list(link_corpus(docs))
    ids = [a.quotes[0].quotation for a in linked]
    assert ids[0] == ids[1] != ids[2]
    assert all(i is not None and i.startswith("q:") for i in ids)
    corpus = Corpus()
    for d in reversed(docs):
        corpus.add(d)
    assert [corpus.link(d).quotes[0].quotation for d in docs] == ids
