"""The analyser: loading, clear errors for bad input or models, warnings, the batch API."""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy

import quotekit
from quotekit import (
    Analysis,
    InputError,
    ModelNotFoundError,
    NotFrenchError,
    QuotekitError,
    QuotekitWarning,
)
from quotekit.records import to_record, validate_record

FRENCH = "« Le projet sera prêt en juin », a promis mardi le directeur du chantier, Hugo Lemaire."
ENGLISH = (
    "The committee met on Tuesday morning to discuss the budget for next year, and several "
    "members said they would vote against the proposal because the costs had grown too fast "
    "without any clear explanation from the board."
)

TEXTS = [
    "La maire de Nantes, Sophie Bernard, a annoncé que le tramway serait prolongé.",
    "« Nous avons gagné », a déclaré le capitaine Thomas Leroy après le match.",
    "Le conseil municipal s'est réuni lundi soir pour voter le budget.",
    "Selon la préfète Claire Dubois, la route rouvrira demain.",
    "« Je ne me représenterai pas », a indiqué le député Jean Roche.",
    "Les habitants du quartier attendent une réponse depuis des mois.",
    "Le ministre a estimé qu'il fallait « aller plus vite » sur ce dossier.",
]


# --- bad input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (None, "got None"),
        (b"\xc2\xab Non \xc2\xbb, a dit M. Roux.", "decode"),
        (42, "got int"),
        (["une", "liste"], "got list"),
    ],
    ids=["None", "bytes", "int", "list"],
)
def test_bad_input_raises_input_error(analyzer: quotekit.Analyzer, text: object, hint: str) -> None:
    with pytest.raises(InputError, match=hint) as caught:
        analyzer.analyse(text)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, QuotekitError)


def test_module_level_analyse(analyzer: quotekit.Analyzer) -> None:
    assert quotekit.analyse(FRENCH, id="a") == analyzer.analyse(FRENCH, id="a")
    with pytest.raises(InputError):
        quotekit.analyse(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   \n", "\u00a0\t\u3000"])
def test_an_empty_or_blank_text_gives_an_empty_analysis_and_a_warning(
    analyzer: quotekit.Analyzer, text: str
) -> None:
    with pytest.warns(QuotekitWarning, match="empty or only whitespace"):
        analysis = analyzer.analyse(text, id="vide")
    assert (analysis.id, analysis.entities, analysis.quotes, analysis.error) == (
        "vide",
        (),
        (),
        None,
    )
    assert "empty" in analysis.warnings[0]


def test_analyse_echoes_the_id(analyzer: quotekit.Analyzer) -> None:
    assert analyzer.analyse(FRENCH).id is None
    assert analyzer.analyse(FRENCH, id="article-7").id == "article-7"


# --- models -----------------------------------------------------------------


@pytest.mark.parametrize("model", ["fr_core_news_nexistepas", "/nulle/part/modele"])
def test_unknown_model(model: str) -> None:
    with pytest.raises(ModelNotFoundError, match="pip install") as caught:
        quotekit.load(model)
    assert isinstance(caught.value, OSError)
    assert model in str(caught.value)


def test_non_french_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "en_pipeline"
    spacy.blank("en").to_disk(path)
    with pytest.raises(NotFrenchError, match="'en'") as caught:
        quotekit.load(path)
    assert isinstance(caught.value, ValueError)
    assert "pip install" in str(caught.value)


def test_french_pipeline_without_parser(tmp_path: Path) -> None:
    path = tmp_path / "fr_blank"
    spacy.blank("fr").to_disk(path)
    with pytest.raises(NotFrenchError, match="parser"):
        quotekit.load(path)


def test_unneeded_components_are_not_loaded(analyzer: quotekit.Analyzer) -> None:
    assert "senter" not in analyzer.nlp.component_names


# --- long texts ----------------------------------------------------------------


@pytest.fixture(scope="module")
def short_analyzer() -> quotekit.Analyzer:
    return quotekit.load(max_length=50)


def test_text_at_the_limit_is_analysed(short_analyzer: quotekit.Analyzer) -> None:
    text = "Le maire a dit que la route serait bientôt rouverte"[:50]
    assert len(text) == 50
    assert isinstance(short_analyzer.analyse(text), Analysis)


def _every_span_fits(analysis: Analysis, text: str) -> None:
    validate_record(to_record(analysis), text)


def test_text_over_max_length_is_analysed_in_pieces(analyzer: quotekit.Analyzer) -> None:
    short_analyzer = quotekit.load(max_length=80)
    first = "« Nous ne céderons pas », a déclaré Claire Moreau."
    second = "Le maire Paul Martin a affirmé que la route serait rouverte."
    text = first + "\n\n" + second + "\n\n" + first
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuotekitWarning)
        whole = analyzer.analyse(text)
        pieces = short_analyzer.analyse(text)
    _every_span_fits(pieces, text)
    assert len(text) > 2 * short_analyzer.max_length
    # the same people and quotes as the whole text, one entity per name across the pieces
    assert sorted(e.name for e in pieces.entities) == ["Claire Moreau", "Paul Martin"]
    moreau = next(e for e in pieces.entities if e.name == "Claire Moreau")
    assert [m.start for m in moreau.mentions] == [
        m.start for e in whole.entities if e.name == "Claire Moreau" for m in e.mentions
    ]
    assert [q.start for q in pieces.quotes][::2] == [q.start for q in whole.quotes][::2]
    assert {q.speaker.entity for q in pieces.quotes if q.speaker} <= {e.id for e in pieces.entities}


def test_a_second_hand_source_in_a_later_piece_keeps_its_offsets(
    analyzer: quotekit.Analyzer,
) -> None:
    """``via`` (the source of a second-hand quote) is shifted and renamed like the speaker
    when a long text is analysed in pieces."""
    first = "« Nous ne céderons pas », a déclaré Claire Moreau."
    second = "Selon Le Monde, le ministre Paul Girard a affirmé que la réforme était abandonnée."
    text = first + "\n\n" + second
    piecewise = quotekit.load(max_length=len(second) + 5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuotekitWarning)
        whole = analyzer.analyse(text)
        pieces = piecewise.analyse(text)
    _every_span_fits(pieces, text)
    [expected] = [q.via for q in whole.quotes if q.via is not None]
    [got] = [q for q in pieces.quotes if q.via is not None]
    assert got.via is not None and got.via.mention is not None and expected.mention is not None
    assert got.via.mention.start == expected.mention.start > len(first)
    ids = {e.id: e.name for e in pieces.entities}
    assert got.via.entity is None or ids[got.via.entity] == got.via.name


def test_pieces_are_cut_at_paragraph_or_sentence_ends() -> None:
    from quotekit.analyzer import _cut

    text = "Une phrase. " * 10 + "\n\n" + "Une autre phrase ici. " * 10
    pieces = _cut(text, 100)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(end - start <= 100 for start, end in pieces)
    assert all(text[end - 2 : end] in (". ", "\n\n") for _, end in pieces[:-1])
    assert _cut("x" * 250, 100) == [(0, 100), (100, 200), (200, 250)]


def test_text_over_max_length_in_pipe(short_analyzer: quotekit.Analyzer) -> None:
    items = ["Il pleut.", "Le maire a annoncé que la route serait rouverte la semaine prochaine."]
    results = list(short_analyzer.pipe(items))
    assert len(results) == 2
    for analysis, text in zip(results, items, strict=True):
        _every_span_fits(analysis, text)


# --- any text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "« Oui \ud83d », a dit Anne Roy.",
        "\ud83d",
        "Nul\x00 et\x01 contrôle\x1f, a dit Jean Martin.",
        "\ufeff« Non », a déclaré Luc Petit.\r\nEt voilà.\r\n",
        "Русский 中文 العربية « Oui », a dit Anne Roy. 😀",
    ],
    ids=["lone-surrogate", "only-a-surrogate", "nul-and-controls", "bom-crlf", "mixed-scripts"],
)
def test_any_text_is_analysed_with_offsets_into_it_as_given(
    analyzer: quotekit.Analyzer, text: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuotekitWarning)
        analysis = analyzer.analyse(text, id="x")
    assert analysis.error is None
    _every_span_fits(analysis, text)
    listed = list(analyzer.pipe([("x", text)]))
    assert listed == [analysis]


def test_a_failure_inside_the_analysis_is_that_documents_error_only(
    analyzer: quotekit.Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quotekit.people

    real = quotekit.people.find_entities

    def fragile(doc: Any) -> Any:
        if "PANNE" in doc.text:
            raise IndexError("[E040] Attempt to access token at 9, max length 9.")
        return real(doc)

    monkeypatch.setattr(quotekit.people, "find_entities", fragile)
    items = [("a", TEXTS[0]), ("b", "Une PANNE ici."), ("c", TEXTS[1]), ("d", "PANNE")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuotekitWarning)
        results = list(analyzer.pipe(items, batch_size=4))
        alone = analyzer.analyse("PANNE encore", id="e")
    assert [r.id for r in results] == ["a", "b", "c", "d"]
    assert [r.error is None for r in results] == [True, False, True, False]
    failed = results[1]
    assert failed.error is not None and failed.error.code == "internal_error"
    assert "IndexError" in failed.error.message and "report" in failed.error.message
    assert (failed.entities, failed.quotes) == ((), ())
    assert results[0] == analyzer.analyse(TEXTS[0], id="a")
    assert alone.error is not None and alone.error.code == "internal_error"


# --- warnings --------------------------------------------------------------------


def test_english_text_warns(analyzer: quotekit.Analyzer) -> None:
    with pytest.warns(QuotekitWarning, match="French") as record:
        analysis = analyzer.analyse(ENGLISH)
    assert isinstance(analysis, Analysis)  # a best-effort result all the same
    assert record[0].filename == __file__  # the warning points at the caller


def test_french_text_does_not_warn(analyzer: quotekit.Analyzer) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        analyzer.analyse(FRENCH + " " + TEXTS[0] + " " + TEXTS[3])


def test_short_text_does_not_warn(analyzer: quotekit.Analyzer) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        analyzer.analyse("OK, thanks.")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("<p>« Nous irons au bout », a dit Marie Dupont.</p>", r"2 tags, e\.g\. '<p>'"),
        ("« Nous irons », a d&eacute;clar&eacute; Marie Dupont.", r"2 character entities"),
        ("Marie Dupont a dit : <a href='x'>voir</a>.", r"2 tags, e\.g\. \"<a href='x'>\""),
        ("Marie Dupont a dit : voir<br/>la suite.", r"\(1 tag, e\.g\. '<br/>'\)"),
    ],
)
def test_html_markup_warns_and_says_what_to_do(
    analyzer: quotekit.Analyzer, text: str, match: str
) -> None:
    with pytest.warns(QuotekitWarning, match=match) as record:
        analysis = analyzer.analyse(text)
    assert "html.unescape" in str(record[0].message)
    assert analysis.warnings == (str(record[0].message),)
    assert analysis.to_record()["warnings"] == list(analysis.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Le taux reste < 2 % et > 1 %, selon Marie Dupont & fils.",
        "<<Nous irons au bout>>, a dit Marie Dupont.",  # guillemets typed as angle brackets
        "Écrivez à <Nom Prénom> ; si a<b et c>d, Marie Dupont a raison.",
        "Procter&Gamble; a répondu à Marie Dupont.",  # no entity of that name
    ],
)
def test_prose_with_angle_brackets_or_ampersands_is_no_markup(
    analyzer: quotekit.Analyzer, text: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        analysis = analyzer.analyse(text)
    assert analysis.warnings == ()
    assert "warnings" not in analysis.to_record()


def test_warnings_of_a_batch_name_the_document_and_stay_in_the_records(
    analyzer: quotekit.Analyzer,
) -> None:
    items = [("propre", FRENCH), ("ouvert", "« Nous irons au bout, a déclaré Marie Dupont.")]
    with pytest.warns(QuotekitWarning, match=r"^ouvert: Unbalanced quote marks") as record:
        analyses = list(analyzer.pipe(items))
    assert len(record) == 1
    assert analyses[0].warnings == ()
    assert analyses[1].warnings == (str(record[0].message).removeprefix("ouvert: "),)


def test_english_text_warns_in_a_batch_too(analyzer: quotekit.Analyzer) -> None:
    with pytest.warns(QuotekitWarning, match=r"^en: This text does not look French"):
        (analysis,) = analyzer.pipe([("en", ENGLISH)])
    assert analysis.warnings and "French" in analysis.warnings[0]


# --- the batch API -------------------------------------------------------------------


@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_pipe_keeps_order_and_ids(analyzer: quotekit.Analyzer, batch_size: int) -> None:
    items = [(f"doc-{i}", text) for i, text in enumerate(TEXTS)]
    results = list(analyzer.pipe(items, batch_size=batch_size))
    assert [r.id for r in results] == [doc_id for doc_id, _ in items]
    assert results == [analyzer.analyse(text, id=doc_id) for doc_id, text in items]


def test_pipe_of_plain_strings(analyzer: quotekit.Analyzer) -> None:
    results = list(analyzer.pipe(TEXTS, batch_size=3))
    assert [r.id for r in results] == [None] * len(TEXTS)
    assert results == [analyzer.analyse(text) for text in TEXTS]


def test_pipe_accepts_none_ids(analyzer: quotekit.Analyzer) -> None:
    results = list(analyzer.pipe([(None, TEXTS[0]), ("b", TEXTS[1])]))
    assert [r.id for r in results] == [None, "b"]


def test_pipe_of_nothing(analyzer: quotekit.Analyzer) -> None:
    assert list(analyzer.pipe([])) == []


def test_pipe_is_lazy(analyzer: quotekit.Analyzer) -> None:
    """Results come out as they are ready: a failing source still gives what came before."""
    pulled: list[int] = []

    def source() -> Iterator[str]:
        for i, text in enumerate(TEXTS[:3]):
            pulled.append(i)
            yield text
        raise RuntimeError("the source broke")

    results = analyzer.pipe(source(), batch_size=1)
    assert pulled == []  # nothing is read before the first result is asked for
    first = next(results)
    assert isinstance(first, Analysis)
    assert len(pulled) <= 2  # it did not read the whole stream for one result
    assert isinstance(next(results), Analysis)
    assert isinstance(next(results), Analysis)
    with pytest.raises(RuntimeError, match="the source broke"):
        next(results)


@pytest.mark.parametrize(
    ("items", "where"),
    [
        ([TEXTS[0], None, TEXTS[1]], "item 1"),
        ([TEXTS[0], TEXTS[1], 3], "item 2"),
        ([("a", TEXTS[0]), ("b", b"octets")], "item 1 (id 'b')"),
        ([("a", TEXTS[0]), ("b", TEXTS[1], "extra")], "item 1"),
    ],
    ids=["None", "number", "bytes-with-id", "triple"],
)
def test_bad_item_in_pipe_names_its_position(
    analyzer: quotekit.Analyzer, items: list[object], where: str
) -> None:
    with pytest.raises(InputError) as caught:
        list(analyzer.pipe(items, batch_size=1))  # type: ignore[arg-type]
    assert where.lower() in str(caught.value).lower()
    assert isinstance(caught.value, ValueError)
