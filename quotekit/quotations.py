"""One quotation across a corpus: the quotes of many articles that report the same words.

Two quotes are one quotation when their texts are the same after normalising quote marks,
apostrophes, spaces, case, accents and punctuation, or when one is a fragment of at least
:data:`FRAGMENT_WORDS` words of the other (a contiguous run of its words). Quotations are
the connected groups of that relation.

Cost: each distinct normalised text is indexed once, by its first ``FRAGMENT_WORDS``-word
n-gram; every text then looks up each of its own n-grams in that index, and only the texts
found there are compared (a substring test). Time and memory grow with the number of words
of the corpus, not with the square of the number of quotes (``benchmarks/quotations_scale.py``).

Ids are derived from the words of each quotation's longest text (``q:`` and a hash), so
they do not depend on the order of the documents.

Example:
    >>> q = Quotations()
    >>> for text in ("Nous ne céderons pas", "« Nous ne céderons PAS ! »"):
    ...     q.add(text)
    >>> q.id_of("Nous ne céderons pas") == q.id_of("« Nous ne céderons PAS ! »")
    True
"""

from __future__ import annotations

import gc
import hashlib
import re
import unicodedata
from collections.abc import Iterable

from quotekit._disjoint import DisjointSets
from quotekit.model import Analysis

__all__ = ["FRAGMENT_WORDS", "Quotations", "normalize_quote"]

#: A fragment must have at least this many words to be the same quotation as a longer text.
FRAGMENT_WORDS = 8

_APOSTROPHES = re.compile(r"[’'`´ʼ]")
_NOT_WORD = re.compile(r"[^\w\s]|_")


def normalize_quote(text: str) -> str:
    """The words of a quote, for comparison: lower case, no accents, no punctuation or
    quote marks, elisions split (``l'État`` -> ``l etat``), single spaces."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _NOT_WORD.sub(" ", _APOSTROPHES.sub(" ", folded))
    return " ".join(folded.split())


class Quotations:
    """Quotation ids for the quote texts of a corpus (two passes, as :class:`Corpus`).

    :meth:`add` remembers the normalised texts; :meth:`id_of` then gives each text the id
    of its quotation (the grouping is computed once, on the first call after an add).
    """

    def __init__(self, *, fragment_words: int = FRAGMENT_WORDS) -> None:
        self.fragment_words = fragment_words
        self._texts: set[str] = set()
        self._ids: dict[str, str] | None = None

    def __len__(self) -> int:
        return len(self._texts)

    def add(self, text: str) -> None:
        """Remember one quote text."""
        key = normalize_quote(text)
        if key:
            self._ids = None
            self._texts.add(key)

    def add_analysis(self, analysis: Analysis) -> None:
        """Remember the texts of an analysis's quotes."""
        for quote in analysis.quotes:
            self.add(quote.text)

    def update(self, other: Quotations) -> Quotations:
        """Add the texts another index has seen (a distributed reduce); returns ``self``."""
        if other._texts:
            self._ids = None
            self._texts |= other._texts
        return self

    def id_of(self, text: str) -> str | None:
        """The quotation id of a quote text added before (None for a text with no word)."""
        key = normalize_quote(text)
        if not key:
            return None
        ids = self._resolve()
        found = ids.get(key)
        return found if found is not None else _id(key)

    def groups(self) -> dict[str, list[str]]:
        """Quotation id -> its normalised texts (for inspection and tests)."""
        out: dict[str, list[str]] = {}
        for key, qid in self._resolve().items():
            out.setdefault(qid, []).append(key)
        return out

    def _resolve(self) -> dict[str, str]:
        if self._ids is None:
            self._ids = _group(sorted(self._texts), self.fragment_words)
        return self._ids


def _id(key: str) -> str:
    return "q:" + hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()


def _group(texts: list[str], n: int) -> dict[str, str]:
    """Normalised text -> quotation id, for distinct texts."""
    sets = DisjointSets(len(texts))
    find = sets.find

    # many small objects and no cycles: the cyclic collector would only rescan them
    collecting = gc.isenabled()
    gc.disable()
    try:
        # block: the texts of at least n words, by their first n-gram (an int when alone)
        first: dict[str, int | list[int]] = {}
        for i, text in enumerate(texts):
            w = text.split(" ", n)
            if len(w) >= n:
                gram = " ".join(w[:n])
                seen = first.get(gram)
                if seen is None:
                    first[gram] = i
                elif isinstance(seen, int):
                    first[gram] = [seen, i]
                else:
                    seen.append(i)
        if first:
            for j, text in enumerate(texts):
                w = text.split(" ")
                if len(w) <= n:
                    continue  # a text of n words has no longer fragment than itself
                padded = f" {text} "
                for k in range(len(w) - n + 1):
                    hit = first.get(" ".join(w[k : k + n]))
                    if hit is None:
                        continue
                    for i in (hit,) if isinstance(hit, int) else hit:
                        if i != j and f" {texts[i]} " in padded:
                            sets.union(i, j)
        del first
        # the id of a group: its longest text (then the first in order)
        best: dict[int, str] = {}
        for i, text in enumerate(texts):
            r = find(i)
            cur = best.get(r)
            if cur is None or len(text) > len(cur):
                best[r] = text
        ids = {r: _id(text) for r, text in best.items()}
        return {text: ids[find(i)] for i, text in enumerate(texts)}
    finally:
        if collecting:
            gc.enable()


def quotation_ids(texts: Iterable[str]) -> Quotations:
    """A :class:`Quotations` index of ``texts``."""
    index = Quotations()
    for text in texts:
        index.add(text)
    return index
