"""Other names of one person in a document: alias phrases of the text and the alias table.

Spelling alone cannot tell that "Bud Spencer" and "Carlo Pedersoli" are one person; the
article says so ("Bud Spencer, de son vrai nom Carlo Pedersoli"), or general knowledge
does ("Pelé" is "Edson Arantes do Nascimento"). This module finds those links between
person mentions; :func:`quotekit.names.join_aliases` merges the clusters they join.

- :func:`alias_links` reads the phrases of ``resources/fr/alias_phrases.tsv`` between two
  names ("X, alias Y", "X, dit Y", "X, née Y"), after the second ("X, Y de son vrai
  nom"), or after the clause whose subject the person is ("X reviendra sous le nom de Y").
- :func:`table_links` applies the whole-name rows of the shipped alias table
  (``resources/fr/aliases.tsv``: birth names, stage names, nicknames).
"""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from quotekit._marks import find_segments
from quotekit._resources import _lines
from quotekit._text import doc_sentences, doc_text
from quotekit.name_words import Aliases, _shipped_aliases, _strip_title, _words
from quotekit.names import normalize

__all__ = ["PHRASE_KINDS", "alias_links", "table_links"]

#: where the two names stand around a phrase (see ``alias_phrases.tsv``)
PHRASE_KINDS = ("between", "apposed", "after", "clause")

_ELIDED = {"d": "de", "l": "le", "qu": "que"}
_OPENERS = frozenset({"«", "“", '"', "‹"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
# a noun that carries a name after it: "le chanteur Paul Dupont", "le champion Edson ..."
_NAME_CARRIERS = frozenset({"appos", "nmod", "flat:name"})
_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})
# how far up the tree the person of a "clause" phrase is looked for
_MAX_CLIMB = 10


def _norm_words(text: str) -> tuple[str, ...]:
    """Lower case, no accents, elided articles written out: ``d'Aldo`` -> ``de aldo``."""
    return tuple(_ELIDED.get(w, w) for w in normalize(text).split())


def _expand(phrase: str) -> list[str]:
    """``surnommé(e)`` -> ``surnommé``, ``surnommée``."""
    forms = [phrase]
    while any("(e)" in f for f in forms):
        forms = [g for f in forms for g in (f.replace("(e)", "", 1), f.replace("(e)", "e", 1))]
    return forms


@functools.lru_cache(maxsize=1)
def _phrases() -> dict[str, frozenset[tuple[str, ...]]]:
    """``alias_phrases.tsv``: kind -> the phrases of that kind, as normalised words."""
    out: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for n, line in enumerate(_lines("alias_phrases.tsv"), 1):
        kind, tab, phrase = line.partition("\t")
        if not tab or kind not in PHRASE_KINDS or not phrase.strip():
            raise ValueError(
                f"alias_phrases.tsv, entry {n} ({line!r}): write one of {', '.join(PHRASE_KINDS)}, "
                "a tab, then the phrase"
            )
        for form in _expand(phrase.strip()):
            out[kind].add(_norm_words(form))
    return {kind: frozenset(out[kind]) for kind in PHRASE_KINDS}


@functools.lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(p) for phrases in _phrases().values() for p in phrases)


def _match_before(doc: Doc, end: int, floor: int, kinds: Sequence[str]) -> tuple[int, str] | None:
    """The longest phrase of one of ``kinds`` whose tokens end at ``end`` (start >= floor):
    (its first token, its kind)."""
    phrases = _phrases()
    best: tuple[int, str] | None = None
    for start in range(end - 1, max(floor, end - _longest()) - 1, -1):
        words = _norm_words(doc[start:end].text)
        if len(words) > _longest():
            break
        for kind in kinds:
            if words in phrases[kind]:
                best = (start, kind)
    return best


def _match_after(doc: Doc, start: int, ceiling: int) -> int | None:
    """The end of an ``after`` phrase starting at token ``start`` (end <= ceiling)."""
    phrases = _phrases()["after"]
    best = None
    for end in range(start + 1, min(ceiling, start + _longest()) + 1):
        words = _norm_words(doc[start:end].text)
        if len(words) > _longest():
            break
        if words in phrases:
            best = end
    return best


def _person_at(tok: Token, owner: dict[int, int], other_than: int) -> int | None:
    """The mention a token is part of, or the one a noun carries (``le chanteur X``)."""
    if tok.i in owner:
        return owner[tok.i] if owner[tok.i] != other_than else None
    if tok.pos_ in ("NOUN", "PROPN"):
        for child in tok.children:
            if child.dep_ in _NAME_CARRIERS and owner.get(child.i, other_than) != other_than:
                return owner[child.i]
    return None


def _clause_person(
    doc: Doc, k: int, span: tuple[int, int], sentence: tuple[int, int], owner: dict[int, int]
) -> int | None:
    """The person a clause is about, climbing the parse from the name ``span``: a person
    the phrase is attached to ("Paul Dupont, connu sous le nom de ..."), or the subject
    of a verb on the way up ("Paul Dupont reviendra sous le nom de ...")."""
    start, end = span
    root = next((t for t in doc[start:end] if not start <= t.head.i < end), doc[start])
    came_from, tok = root, root.head
    for _ in range(_MAX_CLIMB):
        if not start <= tok.i < end:
            found = _person_at(tok, owner, k)
            if found is None:
                for child in tok.children:
                    if child.dep_ in _SUBJECTS and not start <= child.i < end:
                        found = _person_at(child, owner, k)
                        if found is not None:
                            break
            if found is not None:
                return found
            # a thing a participle gives the name to ("une œuvre signée sous le nom de
            # Banksy", "l'artiste connu sous le nom de ..."), unless it is the subject's
            # own ("son ancien personnage, repris sous le nom de ...")
            if (
                came_from.dep_.startswith("acl")
                and tok.pos_ in ("NOUN", "PROPN", "PRON")
                and not any(c.dep_ == "det" and c.lower_ in _POSSESSIVES for c in tok.children)
            ):
                return None
        if tok.head.i == tok.i:
            break
        came_from, tok = tok, tok.head
    if tok.pos_ in ("VERB", "AUX") and not any(c.dep_ in _SUBJECTS for c in tok.children):
        # a clause whose subject the parser left in another sentence: the one person
        # named before the phrase in quotekit's sentence
        before = {owner[i] for i in range(sentence[0], start) if owner.get(i, k) != k}
        if len(before) == 1:
            return before.pop()
    return None


def _verb_reading(doc: Doc, phrase: tuple[int, int], span: tuple[int, int]) -> bool:
    """The name is the subject of a verb of the phrase: an incise (``..., dit Marie
    Dupont``), not a second name."""
    return any(
        t.dep_ in _SUBJECTS and phrase[0] <= t.head.i < phrase[1] for t in doc[span[0] : span[1]]
    )


def alias_links(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs of person mentions the text gives as two names of one person.

    Args:
        doc: The parsed Doc.
        spans: Token ranges ``(start, end)`` of the person mentions, in text order (a
            title written right before a name may be part of its range).

    Returns:
        Pairs ``(i, j)``, ``i < j``, of indices into ``spans``.

    Example:
        >>> doc = nlp("Le rappeur Julien Marchal, alias Kerozen, a rempli la salle.")
        >>> alias_links(doc, [(2, 4), (6, 7)])
        [(0, 1)]

    Notes:
        A phrase inside a direct quote links nothing. ``dit`` and ``dite`` link only
        after a comma or a parenthesis, and not when the parse makes the name after them
        their subject: ``« ... », dit Marie Dupont`` and ``J'ai vu Paul Martin, dit Marie
        Dupont, ...`` report speech.
    """
    if len(spans) < 2:
        return []
    owner = {i: k for k, (s, e) in enumerate(spans) for i in range(s, e)}
    ends = {e: k for k, (_s, e) in enumerate(spans)}
    sentences = doc_sentences(doc)
    firsts = [a for a, _b in sentences]
    segments: list[tuple[int, int]] | None = None

    def quoted(i: int) -> bool:
        nonlocal segments
        if segments is None:
            segments = [(s.start, s.end) for s in find_segments(doc_text(doc), warn=False)]
        at = doc[i].idx
        return any(s <= at < e for s, e in segments)

    def other_before(i: int, floor: int) -> tuple[int, bool]:
        """The mention ending right before token ``i`` (after a comma or parenthesis)."""
        comma = False
        while i > floor and doc[i - 1].text in (",", "("):
            i -= 1
            comma = True
        return ends.get(i, -1), comma

    links: set[tuple[int, int]] = set()
    for k, (start, end) in enumerate(spans):
        if not doc[start].text[:1].isupper():
            continue
        floor, ceiling = sentences[bisect.bisect_right(firsts, start) - 1]
        at = start
        while at > floor and doc[at - 1].text in _OPENERS:
            at -= 1
        found = _match_before(doc, at, floor, ("between", "apposed", "clause"))
        if found is not None:
            first, kind = found
            other, comma = other_before(first, floor)
            if other >= 0 and kind == "apposed" and not comma:
                other = -1
            if other < 0 and kind == "clause":
                person = _clause_person(doc, k, (start, end), (floor, ceiling), owner)
                other = -1 if person is None else person
            if (
                0 <= other != k
                and not quoted(first)
                and not (kind == "apposed" and _verb_reading(doc, (first, at), (start, end)))
            ):
                links.add((min(other, k), max(other, k)))
        # "X, Y de son vrai nom": the phrase after the second name
        other, comma = other_before(start, floor)
        if (
            0 <= other != k
            and comma
            and _match_after(doc, end, ceiling) is not None
            and not quoted(end)
        ):
            links.add((min(other, k), max(other, k)))
    return sorted(links)


def _spelled(words: Sequence[str], table: Aliases) -> str:
    """Words run together, each through the table's word aliases (``Lénine`` -> ``lenin``)."""
    return "".join(w for word in words for w in table.get((word,), (word,)))


def _key_and_target(name: str, table: Aliases) -> tuple[str, str | None]:
    """A name as the table compares it, and the name the table gives for it, if any
    (tried as written, then without a title, as :func:`quotekit.canonical.parse_name`)."""
    written = " ".join(name.split())
    target = None
    for form in dict.fromkeys((written, _strip_title(written))):
        target = target or table.get(("=", "".join(_words(form))))
    key = _spelled(_words(_strip_title(written)), table)
    return key, None if target is None else _spelled(target, table)


def table_links(names: Sequence[str], aliases: Aliases | None = None) -> list[tuple[int, int]]:
    """Pairs of names that the whole-name rows of the alias table make one person.

    Args:
        names: Name mentions as written.
        aliases: The alias table (:func:`quotekit.canonical.load_aliases`); the shipped
            one by default.

    Returns:
        Pairs ``(i, j)``, ``i < j``, of indices into ``names``: a name and the name the
        table gives for it (``Edson Arantes do Nascimento`` and ``Pelé``), or two names
        the table gives the same name for.

    Example:
        >>> table_links(["Karol Wojtyla", "Marie Dupont", "Jean-Paul II"])
        [(0, 2)]
    """
    table = _shipped_aliases() if aliases is None else aliases
    keys: list[str] = []
    by_key: dict[str, list[int]] = defaultdict(list)
    by_target: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        key, target = _key_and_target(name, table)
        keys.append(key)
        by_key[key].append(i)
        if target:
            by_target[target].append(i)
    links = set()
    for target, named in by_target.items():
        for i in named:
            for j in (*by_key.get(target, ()), *named):
                if keys[i] != keys[j]:
                    links.add((min(i, j), max(i, j)))
    return sorted(links)
