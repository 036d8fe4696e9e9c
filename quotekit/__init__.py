"""quotekit: who said what in French news.

Finds the people and organisations of a French article with their roles, its
quotes (direct, indirect, mixed), and the speaker of each quote, with exact
character offsets.

Example:
    >>> import quotekit
    >>> analysis = quotekit.load().analyse("« Nous irons au bout », a déclaré Marie Dupont.")
    >>> [(q.text, q.speaker.name) for q in analysis.quotes]
    [('Nous irons au bout', 'Marie Dupont')]
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from quotekit.analyzer import Analyzer, load
from quotekit.canonical import canonicalize
from quotekit.conflicts import find_conflicts
from quotekit.corpus import Corpus, link_corpus
from quotekit.errors import (
    InputError,
    ModelNotFoundError,
    NotFrenchError,
    QuotekitError,
    QuotekitWarning,
    RecordError,
    TextTooLongError,
)
from quotekit.model import Analysis, Entity, Mention, Quote, Span, Speaker
from quotekit.records import SCHEMA, from_record, to_record, validate_record

try:
    __version__ = version("quotekit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree not installed
    __version__ = "0.0.0"

__all__ = [
    "SCHEMA",
    "Analysis",
    "Analyzer",
    "Corpus",
    "Entity",
    "InputError",
    "Mention",
    "ModelNotFoundError",
    "NotFrenchError",
    "Quote",
    "QuotekitError",
    "QuotekitWarning",
    "RecordError",
    "Span",
    "Speaker",
    "TextTooLongError",
    "__version__",
    "analyse",
    "canonicalize",
    "find_conflicts",
    "from_record",
    "link_corpus",
    "load",
    "to_record",
    "validate_record",
]


def analyse(text: str, *, model: str | None = None, id: str | None = None) -> Analysis:
    """Analyse one French text with the (cached) default or named pipeline.

    A shortcut for ``quotekit.load(model).analyse(text, id=id)``.
    """
    return load(model).analyse(text, id=id)
