"""Shared fixtures: the model is loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

import quotekit


@pytest.fixture(scope="session")
def analyzer() -> quotekit.Analyzer:
    """The default analyser (``quotekit.load()``), loaded once for the whole session."""
    return quotekit.load()


@pytest.fixture(scope="session")
def nlp(analyzer: quotekit.Analyzer) -> Language:
    """The spaCy pipeline inside the default analyser, with quotekit's components."""
    return analyzer.nlp
