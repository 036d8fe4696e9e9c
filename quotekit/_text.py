"""The text of a Doc, joined once, its rule sentences, cut once, and the tokens a stage
needs to look at, found on the Doc's arrays.

spaCy builds ``Doc.text`` anew at each call by joining every token, which made it one of
quotekit's largest costs (several calls per stage and per quote candidate). The stages
read it through :func:`doc_text`, which keeps it for as long as the Doc lives; the
people stage reads its sentences through :func:`doc_sentences` the same way.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import Any

import numpy
from spacy.attrs import IDX, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["SENTENCE_ENDS", "doc_sentences", "doc_text", "string_ids", "token_positions"]

#: The tokens that end a sentence for quotekit's rule splitters (with line breaks).
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})

_local = threading.local()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined on the first call for this Doc and kept until it is freed.

    Notes:
        Docs are not changed after the spaCy pipeline has run, which is when the quotekit
        stages read them; a Doc retokenised later must not be read through this cache.
    """
    cache: weakref.WeakKeyDictionary[Doc, str] | None = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = weakref.WeakKeyDictionary()
    text = cache.get(doc)
    if text is None:
        text = cache[doc] = doc.text
    return text


def doc_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences of ``doc``, cut after ``. ! ? …`` and at every token
    holding a line break; computed on the first call for this Doc and kept until it is
    freed (the same caveat as :func:`doc_text`).

    Notes:
        The parser's own sentence splits fall inside hyphenated place names
        (``Nouvelle-Calédonie``) often enough to cut a role from its subject. The cut
        is found on arrays (token ids, offsets of the line breaks), without making a
        Python object of every token.
    """
    cache: weakref.WeakKeyDictionary[Doc, list[tuple[int, int]]] | None = getattr(
        _local, "sentences", None
    )
    if cache is None:
        cache = _local.sentences = weakref.WeakKeyDictionary()
    found = cache.get(doc)
    if found is not None:
        return found
    bounds: list[tuple[int, int]] = []
    if len(doc):
        table = doc.to_array([ORTH, IDX])
        ends = numpy.array([doc.vocab.strings[w] for w in sorted(SENTENCE_ENDS)], dtype=table.dtype)
        mask = numpy.isin(table[:, 0], ends)
        chars = numpy.frombuffer(doc_text(doc).encode("utf-32-le"), dtype=numpy.uint32)
        breaks = numpy.flatnonzero(chars == 10)  # "\n", at character offsets
        if breaks.size:
            mask[numpy.searchsorted(table[:, 1], breaks, side="right") - 1] = True
        start = 0
        for end in numpy.flatnonzero(mask).tolist():
            bounds.append((start, end + 1))
            start = end + 1
        if start < len(doc):
            bounds.append((start, len(doc)))
    cache[doc] = bounds
    return bounds


def string_ids(words: Iterable[str]) -> frozenset[int]:
    """The string IDs (hashes) of ``words``, for :func:`token_positions`."""
    return frozenset(get_string_id(w) for w in words)


def token_positions(doc: Doc, attr: int, values: AbstractSet[int]) -> list[int]:
    """The indexes of the tokens whose ``attr`` (a spaCy attribute: ``POS``, ``ORTH``,
    ``LOWER`` ...) is one of ``values`` (parts of speech, or string IDs from
    :func:`string_ids`).

    Notes:
        A stage that looks at a few kinds of tokens (verbs, given names) loops over
        these instead of over every token: spaCy makes a Python object of each token
        a loop visits, which made such loops a large part of quotekit's own time.
    """
    if not len(doc):
        return []
    column: Any = doc.to_array(attr)
    return [i for i, value in enumerate(column.tolist()) if value in values]
