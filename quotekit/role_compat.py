"""Whether a role mention can stand for a person, from the words of the roles that
person was already given: a nationality the mention does not share (``la judokate
française`` is not the Slovenian named last), a function of the same noun held in
something else (``le champion de France`` is not the one called ``champion du monde``),
the function a periphrasis stands for (``le chef de l'État`` for ``le président
ukrainien``); and the one person it cannot be, the subject of its own verb (``X aurait
abordé le jeune homme``).

Roles are compared as tuples of lower-case words (:func:`quotekit.roles._role_words`).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc

from quotekit._resources import french, nationality_bases
from quotekit.recognition import PersonMention
from quotekit.titles import _DE


def _nationalities(words: tuple[str, ...]) -> frozenset[str]:
    """The nationalities a role's words give, each as its masculine singular."""
    bases = nationality_bases()
    return frozenset(bases[w] for w in words if w in bases)


def _other_nationality(roles: list[tuple[str, ...]], nationality: frozenset[str]) -> bool:
    """A person already given a nationality that the role's does not share."""
    theirs = frozenset().union(*(_nationalities(r) for r in roles)) if roles else frozenset()
    return bool(theirs) and not (theirs & nationality)


def _has_complement(doc: Doc, start: int, end: int) -> bool:
    """A role phrase with a ``de`` complement: ``directeur de l'hôpital``; an age is none
    (``la jeune femme de 22 ans``)."""
    return any(
        t.lower_ in _DE and not (t.i + 1 < len(doc) and doc[t.i + 1].like_num)
        for t in doc[start:end]
    )


def _complement_after(words: tuple[str, ...], nouns: set[str]) -> str | bool | None:
    """The first word of the ``de`` complement of the noun (one of ``nouns``) in a role's
    words (``monde`` in ``champion du monde``); None when the noun has none, False when
    the role does not hold the noun."""
    for i, w in enumerate(words):
        if w in nouns:
            rest = words[i + 1 :]
            for j, r in enumerate(rest):
                if r in _DE:
                    after = [x for x in rest[j + 1 :] if x not in ("le", "la", "l'", "les")]
                    return after[0] if after else None
                if r in (",", "et", "ou"):
                    break
            return None
    return False


def _other_function(words: tuple[str, ...], nouns: set[str], roles: list[tuple[str, ...]]) -> bool:
    """Whether a person's roles give the noun only with another complement than the role
    mention's: ``le champion de France`` is not the one called ``champion du monde``."""
    mine = _complement_after(words, nouns)
    if not mine:
        return False
    theirs = [c for c in (_complement_after(r, nouns) for r in roles) if c is not False]
    return bool(theirs) and all(c is not None and c != mine for c in theirs)


def _periphrasis_targets(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The roles a role mention (its words) is a periphrasis for: ``chef de l'État`` ->
    ``président``, ...; none for a plain role."""
    return next((t for p, t in french().role_periphrases.items() if words[: len(p)] == p), ())


def _stands_for(targets: tuple[tuple[str, ...], ...], roles: list[tuple[str, ...]]) -> bool:
    """Whether one of ``roles`` is one of a periphrasis's ``targets``, followed by
    adjectives only: ``président ukrainien`` for ``chef de l'État``, not ``président du
    Sénat``."""
    for role in roles:
        for target in targets:
            rest = role[len(target) :]
            if role[: len(target)] == target and not any(w in _DE for w in rest):
                return True
    return False


#: How a noun phrase depends on the verb of its clause when it is not its subject.
_NOT_SUBJECT = ("obj", "iobj", "obl")


def _subject_of_its_verb(
    doc: Doc,
    head: int,
    mentions: list[PersonMention],
    copulas: frozenset[str],
    pronouns: Collection[str],
) -> int | None:
    """The subject of the verb whose object or oblique the noun ``head`` is, as a
    mention index, or as the token of a personal pronoun, one of ``pronouns`` (``-1 -
    token``): ``X aurait abordé le jeune homme`` (the young man is not X). None for a
    copula (``X est devenu le champion``), whose verb is one of ``copulas``."""
    tok = doc[head]
    if not tok.dep_.startswith(_NOT_SUBJECT) or tok.head.i == tok.i:
        return None
    verb = tok.head
    if verb.lemma_ in copulas or verb.lower_ in copulas:
        return None
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    if subject is None:
        return None
    if subject.lower_ in pronouns:
        return -1 - subject.i
    for k, m in enumerate(mentions):
        root = doc[m.start : m.end].root
        # the name itself, or in apposition to the subject ("le parquet, X, a ...")
        while root.i != subject.i and root.dep_ in ("appos", "flat:name", "flat"):
            if root.head.i == root.i:
                break
            root = root.head
        if root.i == subject.i:
            return k
    return None
