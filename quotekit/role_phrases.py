"""Role phrases: the noun phrases headed by a role noun, nationality or party word
(``l'ancien ministre de la Culture``, ``la troisième relayeuse``), found left to right.

Which person each phrase describes is :mod:`quotekit.roles`'s part; the two walks that
find the name a phrase introduces after it (``_named_after``: a few words on;
``_named_after_complements``: over the complements the phrase left out) live here, side
by side.
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

from quotekit._resources import french
from quotekit._text import string_ids
from quotekit.titles import _DE, _ROLE_STOP, _capitalised, _is_role_noun, _nationality_noun

_ROLE_PRE = frozenset(
    {
        "dernier",
        "dernière",
        "autre",
        "double",
        "triple",
        "fois",
        "ancien",
        "ancienne",
        "anciens",
        "futur",
        "future",
        "nouveau",
        "nouvel",
        "nouvelle",
        "ex",
        "plus",
        "jeune",
        "actuel",
        "actuelle",
        "premier",
        "première",
        "seul",
        "seule",
        "grand",
        "grande",
        "haut",
        "haute",
        "éternel",
        "célèbre",
        "célèbres",
        "célébre",
        "fidèle",
    }
)


def _pre(word: str, *, ordinal: bool = True) -> bool:
    """A modifier before a role noun: ``ancien``, ``futur``, an ordinal (``troisième``)."""
    return word in _ROLE_PRE or (ordinal and word.endswith("ième") and len(word) > 5)


_ROLE_DETS = frozenset({"le", "la", "l'", "l’", "un", "une", "son", "sa", "ce", "cette"})

_NAMED = frozenset(
    {"nommé", "nommée", "prénommé", "prénommée", "surnommé", "surnommée", "appelé", "appelée"}
)

_OPENERS = frozenset({"d'", "d’", "abord", "jadis", "autrefois", "longtemps"})


def _is_role_head(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.lower_ not in _role_head_words() and tok.lemma_.lower() not in french().role_nouns:
        return False  # most words: none of the tests below can pass
    if tok.lower_ == "premier" or tok.lower_ == "première":
        return i + 1 < len(doc) and _is_role_noun(doc[i + 1])
    prev = doc[i - 1] if i > 0 else None
    after_det = prev is not None and (prev.pos_ == "DET" or _pre(prev.lower_))
    verb_use = tok.pos_ == "VERB" and (
        "Fin" in tok.morph.get("VerbForm", [])
        or (prev is not None and (prev.lemma_ == "avoir" or prev.pos_ == "PRON"))
        or (
            "Part" in tok.morph.get("VerbForm", [])
            and i + 1 < len(doc)
            and doc[i + 1].lower_ in ("à", "au", "aux", "par", "en", "lors")
        )
    )  # "a élu", "se sont délégué", "est élu à l'Académie": a verb, not a role
    if not after_det and i + 1 < len(doc) and doc[i + 1].lower_ in ("que", "qu'", "qu’"):
        verb_use = True  # "X, juge que ...": a verb the tagger took for a noun
    if _is_role_noun(tok) and tok.lower_ not in _ROLE_PRE and (not verb_use or after_det):
        return True
    data = french()
    if tok.lower_ in data.party_words and (
        prev is None or prev.pos_ not in ("NOUN", "PROPN") or prev.lower_ in _OPENERS
    ):
        return True
    # a nationality used as a noun: "l'Autrichienne", "au Finlandais"
    return (
        tok.lower_ in data.nationalities
        and i > 0
        and doc[i - 1].lower_
        in _ROLE_DETS
        | {
            "au",
            "aux",
        }
    )


@functools.cache
def _role_head_words() -> frozenset[str]:
    data = french()
    return data.role_nouns | data.party_words | data.nationalities | {"premier", "première"}


def _role_phrase_at(doc: Doc, head: int, names: set[int]) -> tuple[int, int]:
    """The role phrase around the role noun ``head``: modifiers before it, adjectives
    and ``de`` complements after it, up to punctuation, a verb or another preposition."""
    start = head
    # "la troisième relayeuse", but "le huitième homme à ..." is no role
    ordinal = doc[head].lower_ not in french().generic_person_nouns
    while (
        start > 0
        and start - 1 not in names
        and (
            _pre(doc[start - 1].lower_, ordinal=ordinal)
            or (doc[start - 1].text == "-" and head - start < 3)
        )
        and not doc[start - 1].is_sent_start
    ):
        start -= 1
    if start > 0 and _pre(doc[start - 1].lower_, ordinal=ordinal) and doc[start - 1].is_sent_start:
        start -= 1
    data = french()
    end = head + 1
    in_de = False
    j = head + 1
    while j < len(doc) and j - head < 16:
        tok = doc[j]
        low = tok.lower_
        if "\n" in tok.text or tok.text in _ROLE_STOP - {"(", ")"}:
            break
        if tok.text == "(":
            close = next(
                (k for k in range(j + 1, min(j + 5, len(doc))) if doc[k].text == ")"), None
            )
            if close is None or not all(_capitalised(t) for t in doc[j + 1 : close]):
                break
            j = close + 1
            end = j
            continue
        if low in _DE or (low in _A and _common_noun_after(doc, j + 1)):
            in_de = True  # "ministre de l'Intérieur", "secrétaire d'État aux sports"
            j += 1
            continue
        if in_de and (tok.pos_ == "DET" or low in ("l'", "l’") or tok.like_num):
            j += 1
            continue
        if j in names and not (
            in_de and (doc[j - 1].lower_ in _DE | {"l'", "l’"} or j - 1 in names)
        ):
            break  # the name the role introduces
        if low == "et" and j + 1 < len(doc):
            nxt = doc[j + 1]
            if (
                _is_role_noun(nxt)
                or (in_de and _capitalised(nxt))
                or nxt.lower_ in data.nationalities
            ):
                j += 1
                continue
            break
        if _is_role_noun(tok) or low in data.nationalities or low in data.party_words:
            end = j = j + 1
            continue
        if tok.pos_ in ("ADJ",) and not _capitalised(tok):
            end = j = j + 1
            continue
        if (
            tok.pos_ == "VERB"
            and "Part" in tok.morph.get("VerbForm", [])
            and not _capitalised(tok)
            and low not in _NAMED
        ):
            if tok.morph.get("Tense", []) == ["Pres"]:
                break  # "résidant en Floride": a clause, not a role
            end = j = j + 1
            continue
        if tok.text == "-" and not tok.whitespace_:
            j += 1
            continue
        if in_de and (tok.pos_ in ("NOUN", "PROPN") or _capitalised(tok)):
            end = j = j + 1
            continue
        break
    return start, end


_A = frozenset({"à", "au", "aux"})


#: Nouns of time and circumstance: "maire à l'époque" is no part of the role.
_NOT_DOMAINS = frozenset(
    {"époque", "moment", "heure", "origine", "tribune", "occasion", "issue", "fois", "date"}
    | {"veille", "lendemain", "suite", "fin", "début", "tête"}
)


def _common_noun_after(doc: Doc, j: int) -> bool:
    """A lower-case noun at ``j``, after an article if any (``à la culture``), not a
    place (``au Canada``) nor a time (``à l'époque``)."""
    if j < len(doc) and (doc[j].lower_ in ("la", "l'", "l’", "les")):
        j += 1
    return (
        j < len(doc)
        and doc[j].pos_ == "NOUN"
        and not _capitalised(doc[j])
        and doc[j].lower_ not in _NOT_DOMAINS
    )


def _find_role_phrases(doc: Doc, names: set[int]) -> list[tuple[int, int, int]]:
    """Every role phrase of the Doc as (start, end, head), left to right, not overlapping."""
    out: list[tuple[int, int, int]] = []
    done = 0
    for i in _role_head_candidates(doc):
        if i < done or i in names or not _is_role_head(doc, i):
            continue
        start, end = _role_phrase_at(doc, i, names)
        if out and start < out[-1][1]:
            continue
        out.append((start, end, i))
        done = max(end, i + 1)
    return out


def _role_head_candidates(doc: Doc) -> list[int]:
    """The tokens :func:`_is_role_head` can accept: a role head word, or a word whose
    lemma is a role noun; read from the Doc's arrays (most tokens are neither)."""
    if not len(doc):
        return []
    values: Any = doc.to_array([LOWER, LEMMA])
    strings = doc.vocab.strings
    nouns = french().role_nouns
    lemmas = {v for v in set(values[:, 1].tolist()) if strings[v].lower() in nouns}
    heads = _role_head_ids()
    return [i for i, (low, lemma) in enumerate(values.tolist()) if low in heads or lemma in lemmas]


@functools.lru_cache(maxsize=1)
def _role_head_ids() -> frozenset[int]:
    return string_ids(_role_head_words())


#: Words that may stand between a role and the name it introduces: a comma, an article,
#: "en titre", a year ("la championne 2012, X").
_BEFORE_NAME = frozenset({",", "en", "titre", "l'", "l’", "la", "le", "les", "un", "une"})
_IS = frozenset({"est", "était", "sera", "fut"})


def _named_after(doc: Doc, end: int, hi: int, by_start: dict[int, int]) -> int | None:
    """The mention a role phrase ending at token ``end`` introduces, in its sentence
    (which ends at ``hi``): a name after a few words (an article, a comma, a year, a
    capitalised nationality: ``la championne en titre, l'Américaine X``), or the subject
    of ``est`` (``le vainqueur de l'étape est X``)."""
    j = end
    while j < min(hi, end + 7):
        if j in by_start:
            return by_start[j]
        tok = doc[j]
        if tok.lower_ in _IS and j + 1 in by_start:
            return by_start[j + 1]
        if not (
            tok.lower_ in _BEFORE_NAME
            or tok.like_num
            or (_capitalised(tok) and tok.pos_ in ("NOUN", "ADJ"))
            or _nationality_noun(tok)
        ):
            return None
        j += 1
    return None


#: Words that carry a role's complements on to the name it introduces: "le champion du
#: monde en titre de la spécialité X", "acteur de théâtre, de cinéma et de télévision X".
_COMPLEMENT_WORDS = frozenset(
    {"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "et", "l'", "l’", "la", "le", "les"}
)


def _named_after_complements(
    doc: Doc, end: int, hi: int, by_start: dict[int, int], starts: set[int], *, det: bool
) -> int | None:
    """The mention a role phrase ending at token ``end`` introduces after the rest of its
    noun phrase: complements, adjectives and coordinated nouns the role phrase left out,
    with no verb between (``le quintuple champion du monde … et actuel tenant du titre
    X``, ``la professeure de littérature à l'Université Concordia, X``). The name must
    follow a noun, an adjective or a capitalised word, not a preposition or an article
    (``la femme de X`` is another person), and after a comma only a role with an
    article introduces it; another role phrase on the way takes the name for itself."""
    j = end
    while j < min(hi, end + 16):
        tok = doc[j]
        low = tok.lower_
        if j in by_start:
            prev = doc[j - 1]
            if j == end or prev.lower_ in _COMPLEMENT_WORDS or prev.pos_ in ("ADP", "DET"):
                return None
            if prev.text == "," and not det:
                return None
            return by_start[j]
        if j in starts or "\n" in tok.text:
            return None
        if tok.text == ",":
            nxt = doc[j + 1] if j + 1 < hi else None
            # an enumeration of complements ("de cinéma et de télévision"), not of people
            if nxt is None or not (nxt.lower_ in _DE | {"et"} or j + 1 in by_start):
                return None
        elif low in _COMPLEMENT_WORDS or tok.like_num:
            pass
        elif (
            tok.pos_ == "VERB"
            and doc[j - 1].pos_ in ("ADJ", "DET")
            and "Fin" not in tok.morph.get("VerbForm", [])
        ):
            pass  # "et actuel tenant du titre": a noun the tagger took for a participle
        elif tok.is_punct or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADV"):
            return None
        elif _capitalised(tok):
            # inside a complement: "à l'Université Concordia", "de la WWE"
            if doc[j - 1].lower_ not in _COMPLEMENT_WORDS and not _capitalised(doc[j - 1]):
                return None
        elif tok.pos_ not in ("NOUN", "ADJ"):
            return None
        j += 1
    return None
