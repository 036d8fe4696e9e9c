"""Repairs to spaCy's tokens before the NER: the words a French news text writes in a
way the tokenizer was not trained on.

Both repairs run in the component ``quotekit_tokens``, first in the pipeline, and leave
the characters of the text unchanged (every token keeps its offsets):

- :func:`join_elisions`: ``l' adaptation`` (a space after the apostrophe) is read as
  ``l'adaptation`` is;
- :func:`split_prefixed_names`: ``pro-Assad`` becomes ``pro``, ``-``, ``Assad``.

The same component then marks the tokens inside a word as no sentence start
(:func:`no_sentence_inside_words`), which the parser respects.

Example:
    >>> [t.text for t in repair_tokens(nlp.make_doc("l' armée pro-Assad"))]
    ["l'", 'armée', 'pro', '-', 'Assad']
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from quotekit._text import string_ids, token_positions

__all__ = [
    "NAME_PREFIXES",
    "join_elisions",
    "no_sentence_inside_words",
    "prepare_tokens",
    "repair_tokens",
    "split_prefixed_names",
]

#: What a token glued to it continues: no sentence starts after a word, a hyphen or an
#: apostrophe with no space between (:func:`no_sentence_inside_words`).
_GLUING = frozenset({"-", "'", "’"})

#: Prefixes split from a capitalised name joined to them (``pro-Assad``).
NAME_PREFIXES = frozenset({"pro", "anti"})
_PREFIXED_NAME = re.compile(
    rf"^({'|'.join(sorted(NAME_PREFIXES))})-([^\W\d_][\w'’]*)$", re.IGNORECASE
)


_APOSTROPHES = string_ids(("'", "’"))
_ELIDED = frozenset(
    {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}
)


def join_elisions(doc: Doc) -> Doc:
    """Join an elided word to its apostrophe when a space follows it: ``l' adaptation``
    becomes ``l'``, ``adaptation``, as ``l'adaptation`` is tokenised.

    Notes:
        Some copy writes a space after the apostrophe of an elision, and spaCy's
        French tokenizer then splits ``l`` from ``'``: the NER and the parser, trained
        on ``l'``, read such sentences worse, and the rules that look for ``d'`` or
        ``l'`` miss them. The characters of the text are unchanged.
    """
    spans = []
    for j in token_positions(doc, ORTH, _APOSTROPHES):
        if j == 0 or not doc[j].whitespace_:
            continue
        i = j - 1
        tok = doc[i]
        if tok.whitespace_ or tok.lower_ not in _ELIDED:
            continue
        # a word of its own, not the end of a word or of a quoted letter ("'n' roll")
        if (
            i == 0
            or doc[i - 1].whitespace_
            or doc[i - 1].is_space
            or doc[i - 1].text in ("(", "«", "“", '"', "—", "–")
        ):
            spans.append(doc[i : i + 2])
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


def split_prefixed_names(doc: Doc) -> Doc:
    """Split a prefix from the name it is joined to: ``anti-Trump`` becomes ``anti``,
    ``-``, ``Trump``, so that the name can be a mention (``les troupes pro-Assad``).

    Notes:
        spaCy's French tokenizer keeps a word with a hyphenated prefix as one token,
        which is right for ``anti-inflation`` but hides a person's name. Only a
        capitalised word after ``pro-`` or ``anti-`` is split; it runs before the NER
        (component ``quotekit_tokens``), and the characters of the text are unchanged.
    """
    if not len(doc):
        return doc
    hits = []
    strings = doc.vocab.strings
    orths: Any = doc.to_array(ORTH)
    for i, orth in enumerate(orths.tolist()):
        text = strings[orth]
        if "-" in text:
            match = _PREFIXED_NAME.match(text)
            if match is not None and match.group(2)[:1].isupper():
                hits.append((doc[i], match.group(1), match.group(2)))
    if hits:
        with doc.retokenize() as retokenizer:
            for tok, prefix, name in hits:
                retokenizer.split(tok, [prefix, "-", name], heads=[(tok, 2), (tok, 2), tok])
    return doc


def repair_tokens(doc: Doc) -> Doc:
    """Both repairs, in place (the NER's training calls them alone; the
    ``quotekit_tokens`` component runs :func:`prepare_tokens`)."""
    return split_prefixed_names(join_elisions(doc))


def no_sentence_inside_words(doc: Doc) -> Doc:
    """Mark every token glued to a word, a hyphen or an apostrophe before it as no
    sentence start, in place.

    Notes:
        The tokenizer cuts a compound it does not know (``l'artisan-maçon``: ``artisan``,
        ``-``, ``maçon``), and the parser may then end a sentence after ``artisan``,
        which cuts the clause, the quote and the speaker's sentence in two. A sentence
        starts after a space or a punctuation mark (``fin.Début`` may still be cut);
        the parser respects a token marked as no start and decides everywhere else.
        The NER is trained without these marks (:mod:`quotekit.training.ner` calls
        :func:`repair_tokens` alone): they only forbid, and it never reads them.
    """
    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings
    values: Any = doc.to_array([ORTH, SPACY, SENT_START])
    glued = numpy.zeros(len(doc), dtype=bool)
    for i, (orth, spaced) in enumerate(values[:-1, :2].tolist()):
        if not spaced:
            last = strings[orth][-1:]
            glued[i + 1] = last.isalnum() or last in _GLUING
    if glued.any():
        starts = values[:, 2].astype("int64")
        starts[glued] = -1
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
    return doc


def prepare_tokens(doc: Doc) -> Doc:
    """The function of the ``quotekit_tokens`` component: :func:`repair_tokens`, then
    :func:`no_sentence_inside_words`."""
    return no_sentence_inside_words(repair_tokens(doc))
