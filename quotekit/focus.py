"""The full parse where it is needed: sentences that can hold a quote or name a person.

A bare French spaCy pipeline spends most of its time in three networks: the NER (with
its own token vectors), the shared token vectors and the dependency parser. quotekit
needs the NER everywhere, but the shared vectors, morphology, parse and lemmas only
where its rules read them: sentences that can hold a quote (quote marks, ``selon``,
``d'après``, a reporting verb or a noun of speech) and sentences that name a person (a
person of the NER, a civility, a role, nationality or party word: names are repaired and
roles linked with the parse).

:func:`focus_ranges` picks those token ranges from the NER's output and surface forms
alone. :class:`FocusParser` runs the pipeline's own components on them, as small Docs of
their own, and writes their annotations back into the article's Doc. Every other
sentence gets no part of speech, its words as lemmas and a flat tree (its first token is
the root, every other token hangs on it with the label ``dep``), so that sentence
boundaries, ``Token.sent`` and ``Doc.sents`` work everywhere.

Example:
    >>> analyzer = quotekit.load()                   # focus=True is the default
    >>> doc = analyzer.nlp("Il pleut. « Non », a dit Marie Dupont.")
    >>> [t.pos_ for t in doc][:3], doc[4].pos_ != ""
    (['', '', ''], True)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

import numpy
from spacy.attrs import (
    DEP,
    HEAD,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    LEMMA,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from quotekit._resources import french
from quotekit._tablelemmatizer import table_lemmatizer
from quotekit._tableruler import table_ruler
from quotekit._text import SENTENCE_ENDS
from quotekit.cues import SELON, first_group_lemmas

__all__ = ["FocusParser", "WordKinds", "focus_ranges", "lemma_candidates", "sentence_ranges"]

_ENDS = SENTENCE_ENDS
_CLOSERS = frozenset({"»", "”", '"', ")", "]"})
_TRAILERS = _CLOSERS | _ENDS
_MARKS = frozenset('«»“”"')
_ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]

Lemmas = Callable[[str], Iterable[str]]


class _Surface:
    """The words of a Doc as strings and flags, read once from its arrays: the focus
    looks at every token, and a Token object for each would cost more than the rest."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        values: Any = doc.to_array([ORTH, LOWER, IS_SPACE, IS_PUNCT, IS_TITLE])
        self.texts = [strings[v] for v in values[:, 0].tolist()]
        self.lowers = [strings[v] for v in values[:, 1].tolist()]
        self.is_space: list[bool] = values[:, 2].astype(bool).tolist()
        self.is_blank: list[bool] = (values[:, 2] | values[:, 3]).astype(bool).tolist()
        self.is_title: list[bool] = values[:, 4].astype(bool).tolist()


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences, without the parser: a sentence ends after ``. ! ?
    …`` and the end and closing marks that follow, or at a line break; the spaces and
    line breaks after it belong to it.

    Example:
        >>> [doc[a:b].text for a, b in sentence_ranges(nlp.make_doc("Oui. « Non. »\n\nBon"))]
        ['Oui.', '« Non. »\n\n', 'Bon']
    """
    return _sentence_ranges(_Surface(doc))


def _sentence_ranges(words: _Surface) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    texts = words.texts
    n = len(texts)
    i = 0
    while i < n:
        text = texts[i]
        if "\n" in text or text in _ENDS:
            end = i + 1
            while end < n and (texts[end] in _TRAILERS or words.is_space[end]):
                end += 1
            bounds.append((start, end))
            start = i = end
            continue
        i += 1
    if start < n:
        bounds.append((start, n))
    return bounds


_CUE, _PERSON = 2, 1
#: A gated verb (``quotekit.gated``): a cue only in a sentence that has a ``que``.
_GATED = -1
_QUE = frozenset({"que", "qu'", "qu’"})
#: Words whose kind is kept; past that the cache starts again (a news vocabulary fits).
_CACHE_SIZE = 200_000
_INFINITIVES = ("er", "ir", "re", "oir")
_ARTICLES = frozenset({"le", "la", "les", "l'", "l’"})


@functools.lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words that make a sentence need the parse, as lemmas: (quote cues, person words,
    subject pronouns)."""
    data = french()
    # an expression ("faire état") is found by its second word: "faire" is everywhere
    expressions = {v.split()[-1] for v in data.reporting_verbs if " " in v}
    cues = data.reporting_verbs | expressions | data.speech_nouns | SELON
    persons = data.role_nouns | data.nationalities | data.party_words
    persons |= {t.lower() for t in data.titles}
    return cues, persons, frozenset(data.pronouns)


class WordKinds:
    """What a lower-case word can be, from the word and every lemma the pipeline's
    lemma tables give it whatever its part of speech (``dit`` -> ``dire``, ``démenti``
    -> ``démentir``): a quote cue, a person word, or neither. Each word is looked up
    once, then cached.

    Args:
        lemmas: Candidate lemmas of a word; :func:`lemma_candidates` builds it from a
            pipeline's lemmatizer. None uses the word as written and its first-group
            infinitives only.
    """

    def __init__(self, lemmas: Lemmas | None = None) -> None:
        self._lemmas = lemmas
        self._seen: dict[str, int] = {}
        self._verbs: dict[str, bool] = {}

    def verb(self, word: str) -> bool:
        """Whether a lower-case word can be a verb form: a lemma the tables give it is
        an infinitive (``a`` -> ``avoir``, ``rejette`` -> ``rejeter``)."""
        known = self._verbs.get(word)
        if known is None:
            if len(self._verbs) >= _CACHE_SIZE:
                self._verbs.clear()
            lemmas = self._lemmas(word) if self._lemmas is not None else []
            known = self._verbs[word] = any(
                lemma != word and lemma.endswith(_INFINITIVES) for lemma in lemmas
            )
        return known

    def __call__(self, word: str) -> int:
        kind = self._seen.get(word)
        if kind is None:
            if len(self._seen) >= _CACHE_SIZE:
                self._seen.clear()  # a stream of millions of articles: memory stays bounded
            kind = self._seen[word] = self._kind(word)
        return kind

    def _kind(self, word: str) -> int:
        cues, persons, _ = _words()
        forms = {word, *first_group_lemmas(word)}
        if self._lemmas is not None and len(word) > 2:
            forms.update(self._lemmas(word))
        if not forms.isdisjoint(cues):
            return _CUE
        if not forms.isdisjoint(persons):
            return _PERSON
        if not forms.isdisjoint(french().gated_reporting_verbs):
            return _GATED
        return 0


def lemma_candidates(nlp: Language) -> Lemmas | None:
    """Every lemma the lemmatizer's tables give a word (its lookup table, and the
    exceptions of each part of speech), or None when the pipeline has no such tables."""
    if "lemmatizer" not in nlp.component_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None:
        return None
    tables = []
    if lookups.has_table("lemma_lookup"):
        tables.append(lookups.get_table("lemma_lookup"))
    if lookups.has_table("lemma_exc"):
        tables += [table for table in lookups.get_table("lemma_exc").values()]
    if not tables:
        return None

    def lemmas(word: str) -> list[str]:
        found: list[str] = []
        for table in tables:
            value = table.get(word)
            if isinstance(value, str):
                found.append(value)
            elif isinstance(value, list):
                found += [v for v in value if isinstance(v, str)]
        return found

    return lemmas


def focus_ranges(doc: Doc, kinds: WordKinds | None = None) -> list[tuple[int, int]]:
    """The token ranges of ``doc`` that need the full parse, merged and in order.

    A sentence needs it when it can hold a quote (quote marks, ``selon``, ``d'après``,
    ``pour`` at its start, a reporting verb or a noun of speech), when it names a
    person (a ``PER`` entity of the NER; a civility, a role, nationality or party word
    with a subject pronoun or a capitalised word after the first), or when a place of
    the NER opens it or is followed by a verb form: the place may act, as an
    organisation does (``l'Ukraine a rejeté``).
    The sentence before one that can hold a quote and has a subject pronoun needs it
    too: the pronoun's antecedent is usually there.

    Args:
        doc: A tokenised Doc, with the NER's entities when there are any.
        kinds: What each word can be (:class:`WordKinds`); None uses the words as
            written, without the pipeline's lemma tables.

    Returns:
        Disjoint ``(start, end)`` token ranges, covering whole sentences.
    """
    return _merged(_plan(doc, kinds if kinds is not None else WordKinds()))


def _plan(doc: Doc, kinds: WordKinds) -> list[tuple[int, int, bool]]:
    """Each sentence as (start, end, needs the parse)."""
    persons = [e.start for e in doc.ents if e.label_ == "PER"]
    places = {e.end for e in doc.ents if e.label_ == "LOC"}
    openers = {e.start for e in doc.ents if e.label_ == "LOC"}
    words = _Surface(doc)
    sentences = _sentence_ranges(words)
    wanted = [False] * len(sentences)
    p = 0
    for k, (a, b) in enumerate(sentences):
        while p < len(persons) and persons[p] < a:
            p += 1
        kind, pronoun = _scan(words, a, b, kinds, places)
        if kind == _PERSON and not pronoun and not _names_something(words, a, b):
            kind = 0  # "les prix français ont baissé": a role word with no one to give it to
        wanted[k] = kind > 0 or (p < len(persons) and persons[p] < b) or _opens(words, a, openers)
        if kind == _CUE and pronoun and k > 0:
            wanted[k - 1] = True
    return [(a, b, w) for (a, b), w in zip(sentences, wanted, strict=True)]


def _scan(
    words: _Surface, start: int, end: int, kinds: WordKinds, places: set[int]
) -> tuple[int, bool]:
    """The strongest word kind of tokens [start, end) (a place followed by a verb form,
    and a given name followed by a capitalised word, count as person words), and
    whether they hold a subject pronoun (``il``, ``-t-elle``, ``selon lui``)."""
    _, _, pronouns = _words()
    given = french().given_names
    texts = words.texts
    kind = 0
    pronoun = gated = que = False
    for i in range(start, end):
        text = texts[i]
        if text in _MARKS:
            kind = _CUE
            continue
        if text in given and i + 1 < end and texts[i + 1][:1].isupper():
            kind = max(kind, _PERSON)  # "Carlo Rubbia": a name the NER may have missed
            continue
        low = words.lowers[i].lstrip("-")
        if low in pronouns:
            pronoun = True
        que = que or low in _QUE
        if kind == _CUE or not low.isalpha():
            continue
        if _selon_like(words, start, i):
            kind = _CUE
            continue
        word_kind = kinds(low)
        gated = gated or word_kind == _GATED
        kind = max(kind, word_kind)
        if kind == 0 and i in places and kinds.verb(low):
            kind = _PERSON
    if gated and que:
        kind = _CUE  # "Les analyses montrent que …": a gated verb with its que-clause
    return kind, pronoun


def _names_something(words: _Surface, start: int, end: int) -> bool:
    """Whether a capitalised word stands in the sentence after its first word: a name a
    role word can be linked to (the role of a named person, a name the NER missed)."""
    first = next((i for i in range(start, end) if not words.is_blank[i]), start)
    return any(words.is_title[i] for i in range(first + 1, end))


def _opens(words: _Surface, start: int, places: set[int]) -> bool:
    """Whether a place of the NER opens the sentence (after an article): its subject."""
    i = start
    n = len(words.texts)
    while i < n and (words.is_blank[i] or words.lowers[i] in _ARTICLES):
        i += 1
    return i in places


def _selon_like(words: _Surface, start: int, i: int) -> bool:
    """``d'après`` (two tokens), or ``pour`` opening the sentence (``Pour X, …``)."""
    low = words.lowers[i]
    if low == "après":
        return i > start and words.lowers[i - 1] in ("d'", "d’")
    return low == "pour" and all(words.is_blank[j] for j in range(start, i))


class FocusParser:
    """``quotekit_focus``: runs the named components of the pipeline on the token ranges
    of :func:`focus_ranges` only, and writes their annotations back into each Doc.

    The components it runs (``tok2vec``, ``morphologizer``, ``parser``,
    ``attribute_ruler``, ``lemmatizer`` in ``fr_core_news_*``) must be disabled in the
    pipeline, and the NER must run before it: :func:`quotekit.load` sets this up.
    """

    def __init__(self, nlp: Language, name: str, components: Sequence[str]) -> None:
        self.name = name
        self.components = list(components)
        self._pipes = [_fast(nlp.get_pipe(c)) for c in self.components]
        self._kinds = WordKinds(lemma_candidates(nlp))
        self._dep = nlp.vocab.strings.add("dep")
        self._root = nlp.vocab.strings.add("ROOT")

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            yield from self._process(batch)

    def _process(self, docs: list[Doc]) -> list[Doc]:
        plans = [_plan(doc, self._kinds) for doc in docs]
        parts = [
            part for doc, plan in zip(docs, plans, strict=True) for part in self._parts(doc, plan)
        ]
        for proc in self._pipes:
            if parts:
                parts = list(_run(proc, parts))
        done = iter(parts)
        for doc, plan in zip(docs, plans, strict=True):
            self._write_back(doc, plan, [(a, next(done)) for a, _ in _merged(plan)])
        return docs

    def _parts(self, doc: Doc, plan: list[tuple[int, int, bool]]) -> list[Doc]:
        """New Docs of the tokens of each range to parse, with their norms (the token
        vectors read them; the tokenizer gives some tokens a norm of their own, such as
        no-break spaces). Faster than ``Span.as_doc``, which copies every annotation."""
        ranges = _merged(plan)
        if not ranges:
            return []
        strings = doc.vocab.strings
        # from_array's stub wants thinc's Ints2d
        values: Any = doc.to_array([ORTH, SPACY, NORM, SENT_START])
        words = [strings[int(orth)] for orth in values[:, 0]]
        spaces = values[:, 1].astype(bool).tolist()
        # the marks of quotekit_tokens: no sentence starts inside a word
        starts = [False if s < 0 else None for s in values[:, 3].astype("int64").tolist()]
        parts = []
        for a, b in ranges:
            part = Doc(
                doc.vocab,
                words=words[a:b],
                spaces=spaces[a:b],
                sent_starts=[None, *starts[a + 1 : b]],
            )
            part.from_array([NORM], values[a:b, 2:3])
            parts.append(part)
        return parts

    def _write_back(
        self, doc: Doc, plan: list[tuple[int, int, bool]], parts: list[tuple[int, Doc]]
    ) -> None:
        """Copy the annotations of the parsed parts (each with its first token's index
        in ``doc``) into ``doc``; give the other sentences words as lemmas and a flat
        tree."""
        # spaCy's from_array takes any 2-d integer array; its stub asks for thinc's Ints2d.
        values: Any = numpy.zeros((len(doc), len(_ATTRS)), dtype="uint64")
        values[:, _ATTRS.index(LEMMA)] = doc.to_array(LOWER)
        dep, head = _ATTRS.index(DEP), _ATTRS.index(HEAD)
        for a, part in parts:
            values[a : a + len(part)] = part.to_array(_ATTRS)
        for a, b, wanted in plan:
            if wanted:
                continue
            values[a, dep] = self._root
            values[a + 1 : b, dep] = self._dep
            # heads are offsets, as uint64: every token points back to the sentence's first
            values[a + 1 : b, head] = (a - numpy.arange(a + 1, b, dtype="int64")).astype("uint64")
        doc.from_array(_ATTRS, values)


def _merged(plan: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """The runs of consecutive sentences that need the parse, as token ranges."""
    ranges: list[tuple[int, int]] = []
    for a, b, wanted in plan:
        if not wanted:
            continue
        if ranges and ranges[-1][1] == a:
            ranges[-1] = (ranges[-1][0], b)
        else:
            ranges.append((a, b))
    return ranges


def _fast(proc: Any) -> Any:
    """The component itself, or its array form: for an attribute ruler when its patterns
    allow one (:mod:`quotekit._tableruler`), for a rule lemmatizer
    (:mod:`quotekit._tablelemmatizer`)."""
    if isinstance(proc, AttributeRuler):
        return table_ruler(proc) or proc
    return table_lemmatizer(proc) or proc


def _run(proc: Any, docs: list[Doc]) -> Iterator[Doc]:
    if hasattr(proc, "pipe"):
        yield from proc.pipe(docs)
    else:
        for doc in docs:
            yield proc(doc)
