"""Scoring quotekit against gold data: quotes, speakers, persons, roles and names.

Two kinds of gold are read:

- quote gold (JSONL, one article a line: ``id``, ``text``, ``quotes``, ``persons``),
  annotated by ``annotation-guideline.md``; :func:`load_gold` reads it,
  :func:`score_quotes` scores predicted analyses against it and
  :func:`evaluate_gold` runs an analyser on it and scores the result;
- named-entity gold in brat standoff (``T1<TAB>Person 10 25<TAB>Marie Dupont``);
  :func:`read_brat` reads one file, :func:`score_ner` scores person spans and
  :func:`evaluate_ner` measures quotekit's person names and the bare spaCy ``PER``
  entities on a folder of ``.ann``/``.txt`` pairs.

Scores are plain JSON-ready dicts with unrounded floats; :func:`format_report` and
:func:`format_ner_report` print them as aligned tables.

Example:
    >>> import quotekit
    >>> result = evaluate_gold("quotes-open.jsonl", quotekit.load())
    >>> print(format_report(result))  # doctest: +SKIP
"""

from __future__ import annotations

from quotekit.evaluate.gold import (
    GOLD_SPEAKER_KINDS,
    GoldDocument,
    GoldPerson,
    GoldQuote,
    load_gold,
)
from quotekit.evaluate.ner import evaluate_ner, read_brat, score_ner
from quotekit.evaluate.report import format_ner_report, format_report
from quotekit.evaluate.scores import evaluate_gold, score_quotes

__all__ = [
    "GOLD_SPEAKER_KINDS",
    "GoldDocument",
    "GoldPerson",
    "GoldQuote",
    "evaluate_gold",
    "evaluate_ner",
    "format_ner_report",
    "format_report",
    "load_gold",
    "read_brat",
    "score_ner",
    "score_quotes",
]
