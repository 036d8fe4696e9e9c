"""Titles, civilities, gender, and the roles written right next to a person's name.

A name span keeps the name only: civilities and titles (``M.``, ``Mme``, ``le
président``) move out of it into the mention's ``title`` (:func:`_trim_name`,
:func:`_title_before`). The role phrase just before a name (``la ministre de la Culture
Claire Moreau``) or in apposition after it (``Claire Moreau, ministre de la Culture``)
is found here too (:func:`_role_before`, :func:`_role_after`); the other ways a role is
linked to a person are in :mod:`quotekit.roles`. Gender comes from civilities, articles
and the form of role nouns. The token tests shared by the person stage live here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotekit._resources import french
from quotekit.model import Span
from quotekit.names import NAME_PARTICLES

_FEMININE_TITLES = frozenset(
    {"mme", "mmes", "mlle", "mlles", "madame", "mademoiselle", "lady", "sainte"}
)


_MASCULINE_TITLES = frozenset(
    {"m.", "mm.", "monsieur", "sir", "lord", "saint", "mgr", "monseigneur"}
)


_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "l"})


_DE = frozenset({"de", "du", "des", "d'", "d’"})


_NAME_PARTICLES = NAME_PARTICLES


_ROLE_STOP = frozenset({",", ".", ";", ":", "(", ")", "«", "»", '"', "!", "?", "—", "–"})


def _is_title(tok: Token) -> bool:
    return tok.text in french().titles or (
        tok.text.rstrip(".") + "." in french().titles and tok.text.endswith(".")
    )


def _is_role_noun(tok: Token) -> bool:
    return french().is_role_noun(tok.lower_, tok.lemma_)


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def _is_name_token(tok: Token) -> bool:
    if tok.lower_ in _NAME_PARTICLES or tok.text in ("-", "'", "’"):
        return True
    return _capitalised(tok) and not _is_title(tok)


def _capitalised_role_after_article(doc: Doc, i: int, end: int) -> bool:
    """``le Pape François``, ``du Général Martin``: a capitalised role noun after an
    article and before a capitalised name is a title (French puts no article before a
    bare name, so ``de son nom Prince Rogers Nelson`` keeps its first word)."""
    tok = doc[i]
    return (
        tok.text[:1].isupper()
        and _is_role_noun(tok)
        and i > 0
        and doc[i - 1].lower_ in _ARTICLES | {"au", "aux", "du", "un", "une"}
        and i + 1 < end
        and _capitalised(doc[i + 1])
        and doc[i + 1].lower_ not in _NAME_PARTICLES
    )


def _trim_name(doc: Doc, start: int, end: int) -> tuple[int, int, tuple[int, int] | None]:
    """Move titles, roles and articles out of a name span; drop trailing junk."""
    title_start: int | None = None
    while start < end:
        tok = doc[start]
        if (
            tok.lower_ in ("le", "la")
            and tok.text[:1].isupper()
            and start > 0
            and _is_title(doc[start - 1])
            and start + 1 < end
            and _capitalised(doc[start + 1])
        ):
            break  # "Mme Le Guen": after a civility a capitalised article is a particle
        if (
            _is_title(tok)
            or tok.lower_ in _ARTICLES
            or (_is_role_noun(tok) and not tok.text[:1].isupper())
            or _capitalised_role_after_article(doc, start, end)
        ):
            if title_start is None:
                title_start = start
            start += 1
        elif not _capitalised(tok) and tok.lower_ not in _NAME_PARTICLES:
            title_start = None if title_start is None else title_start
            start += 1
        else:
            break
    while end > start and (not _capitalised(doc[end - 1]) or doc[end - 1].is_punct):
        if _hyphen_joined(doc, end - 1) and end - start >= 3:
            break  # "Ki-moon", "Ing-wen": the lower-case part of a hyphenated name
        end -= 1
    while start < end and doc[start].lower_ in _NAME_PARTICLES and not _capitalised(doc[start]):
        if start > 0 and doc[start].lower_ in ("de", "d'", "d’") and doc[start - 1].pos_ == "ADP":
            break  # "ministre de de Gaulle", "sous de Gaulle": after a preposition, a particle
        if start + 1 < end and doc[start + 1].text == "-" and not doc[start].whitespace_:
            break  # "al-Joulani": a particle joined to the surname is part of it
        if start > 0 and _is_title(doc[start - 1]):
            break  # "Mme von der Leyen", "M. de Villepin": a civility precedes the whole name
        start += 1
    title = (title_start, start) if title_start is not None and title_start < start else None
    return start, end, title


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a hyphenated word written without spaces (``moon`` of ``Ki-moon``);
    False past the Doc's end (a name that ends the text)."""
    return (
        2 <= i < len(doc)
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i].is_alpha
    )


def _title_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """A civility (``M.``) or an article + role noun (``le président``) just before a name."""
    if start == 0:
        return None
    prev = doc[start - 1]
    if _is_title(prev):
        return start - 1, start
    if _is_role_noun(prev) and start >= 2 and doc[start - 2].lower_ in _ARTICLES | {"un", "une"}:
        return start - 2, start
    return None


def _lexical_gender(doc: Doc, start: int, end: int) -> str | None:
    """Gender shown by the form of a role or nationality noun or adjective in
    ``[start, end)`` before any ``de`` complement (``entraîneure``, ``ministre
    ukrainienne``); epicene nouns (``ministre``) show none.

    Notes:
        spaCy's morphology gives a gender to epicene nouns from context statistics
        (``Claire Moreau, ministre`` comes out masculine); the form is surer.
    """
    data = french()
    for tok in doc[start:end]:
        if tok.lower_ in _DE:
            break
        gender = data.gender_of(tok.text)
        if gender is not None:
            return gender
    return None


def _gender_of_role(doc: Doc, role: tuple[int, int]) -> str | None:
    """Gender shown by a role phrase: its article or its role noun (``la ministre``)."""
    first = role[0]
    if first > 0 and doc[first - 1].pos_ == "DET" and doc[first - 1].lower_ not in ("l'", "l’"):
        if doc[first - 1].lower_ in ("la", "une", "cette", "sa"):
            return "f"
        if doc[first - 1].lower_ in ("le", "un", "du", "au", "ce", "cet"):
            return "m"
        g = doc[first - 1].morph.get("Gender", [])
        if g:
            return "f" if g[0] == "Fem" else "m"
    return _lexical_gender(doc, role[0], role[1])


def _gender_of_given_name(doc: Doc, start: int) -> str | None:
    """The usual gender of the given name that opens a name (``Nathalie``, ``Nicolas``)."""
    return french().given_name_genders.get(doc[start].text)


def _gender(doc: Doc, title: tuple[int, int] | None, start: int) -> str | None:
    if title is None:
        return None
    words = [t.lower_ for t in doc[title[0] : title[1]]]
    if title[0] > 0 and doc[title[0] - 1].lower_ in ("le", "la"):
        words.insert(0, doc[title[0] - 1].lower_)  # "le Dr", "la Pr"
    if any(w in _FEMININE_TITLES for w in words) or "la" in words:
        return "f"
    if any(w in _MASCULINE_TITLES for w in words) or "le" in words:
        return "m"
    return _lexical_gender(doc, title[0], title[1])


def _nationality_noun(tok: Token) -> bool:
    """``Français`` in ``le Français Lionel Baud``: a capitalised nationality is a noun,
    what the article says the person is."""
    return tok.text[:1].isupper() and tok.lower_ in french().nationalities


def _any_noun_role(doc: Doc, j: int) -> bool:
    """Token ``j`` is a common noun that may say what a person is, though no list has it
    (``le musher``, ``son compère``): not a noun of places, things, organisations or
    dates, and not the complement of another noun."""
    tok = doc[j]
    if tok.pos_ != "NOUN" or not tok.is_lower or tok.like_num:
        return False
    if j > 0 and doc[j - 1].lower_ in _DE:
        return False
    data = french()
    word = tok.lower_
    return not any(
        w in data.place_nouns
        or w in data.named_after_nouns
        or w in data.organization_heads
        or w in data.not_names
        for w in (word, word.rstrip("sx"))
    )


def _opens_phrase(doc: Doc, j: int) -> bool:
    """A determiner opens the noun phrase of token ``j`` (adjectives aside), and no
    preposition but ``par`` comes before it: the phrase is no prepositional complement,
    or it is the agent of a passive, which names the person it describes."""
    k = j - 1
    while k >= 0 and doc[k].pos_ == "ADJ":
        k -= 1
    return (
        k >= 0
        and doc[k].pos_ == "DET"
        # the agent of a passive is the person the noun describes: "remportée par le
        # musher X"
        and (k == 0 or doc[k - 1].pos_ != "ADP" or doc[k - 1].lower_ == "par")
    )


def _role_before(doc: Doc, start: int, end: int | None = None) -> tuple[int, int] | None:
    """``le porte-parole du Kremlin`` before ``Dmitri Peskov``: up to 10 tokens, no verb.

    Also ``la ministre de la Culture, Rachida Dati,``: the role then sits between an
    article and the comma before the name. A noun no list has is a role too when its
    phrase is no prepositional complement: ``le musher Matt Hall``, but not ``durant
    la conférence de presse, Nadal``; a passive's agent is no complement (``remportée
    par le musher X``). Before a comma such a noun needs the name closed too (``end``,
    where the name ends: ``son compagnon, X, a``).
    """
    if start >= 2 and doc[start - 1].text == ",":
        found = _role_before(doc, start - 1)
        if found is None or found[0] == 0 or doc[found[0] - 1].pos_ != "DET":
            return None
        # a noun no list has is in apposition to the name only when the name is closed
        # too (``son compagnon, Tony Yoka, se qualifie``); else it ends a clause of its
        # own (``porté par un public surexcité, X a dominé``)
        listed = any(_is_role_noun(t) or _nationality_noun(t) for t in doc[found[0] : start - 1])
        if not listed and end is not None and end < len(doc) and doc[end].text not in _CLOSERS:
            return None
        return found[0], start - 1
    if start >= 1 and doc[start - 1].lower_ in _DE:
        return None  # "collaborateur de Jean Dupont": the name is the complement
    if start >= 2 and doc[start - 1].lower_ in _ARTICLES and doc[start - 2].lower_ in _DE:
        return None  # "le président de la Mont-Blanc": a complement with its article
    j = start - 1
    first_role: int | None = None
    first_noun: int | None = None
    while j >= 0 and start - j <= 10:
        tok = doc[j]
        if (
            tok.text in _ROLE_STOP
            or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ")
            or "\n" in tok.text
            or (tok.pos_ == "ADP" and tok.lower_ not in _DE)
        ):
            break
        if (
            tok.pos_ == "DET"
            and tok.lower_ not in ("du", "des")
            and not (j > 0 and doc[j - 1].pos_ == "ADP")  # "de la Culture" goes on
        ):
            break
        if _is_role_noun(tok) or _nationality_noun(tok):
            first_role = j
        elif _any_noun_role(doc, j):
            first_noun = j
        j -= 1
    if first_role is None and first_noun is not None and _opens_phrase(doc, first_noun):
        # any common noun the name follows is what the article calls the person:
        # "le musher Matt Hall", "son compère Terence Hill"
        first_role = first_noun
    if first_role is None:
        return None
    # include adjectives before the role noun ("l'ancien Premier ministre")
    return first_role, start


#: What closes a name in apposition: ``le ministre, X, a dit``.
_CLOSERS = frozenset({",", ".", ";", ":", ")", "!", "?", "»"})


def _role_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """``Dmitri Peskov, porte-parole du Kremlin,``: a role noun right after a comma."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    j = end + 1
    if j < len(doc) and doc[j].pos_ == "DET":
        j += 1
    k = j
    # a count before the role noun: "neuf fois vainqueur de"
    if k + 1 < len(doc) and doc[k].like_num and doc[k + 1].lower_ == "fois":
        k += 2
    # adjectives before the role noun: "ancien ministre"
    while k < len(doc) and k - j < 2 and doc[k].pos_ == "ADJ" and not _is_role_noun(doc[k]):
        k += 1
    if k < len(doc) and j == end + 1 and doc[k].lower_ in _DE:
        return _affiliation_after(doc, j)
    if k >= len(doc) or not _is_role_noun(doc[k]) or _plural(doc[k]):
        return None  # "X, plusieurs ministres, dont ...": one person has no plural role
    return _role_tail(doc, j, k + 1, verb_ends=True)


def _role_tail(doc: Doc, j: int, m: int, *, verb_ends: bool) -> tuple[int, int] | None:
    """The role phrase from ``j``, its words read on from ``m`` (at most 14 tokens from
    ``j``) up to a stop: punctuation, a verb, a pronoun, a subordinator or a line break.
    None unless the phrase is closed there by a comma, a full stop, a semicolon, a bracket
    or a line break (or, when ``verb_ends``, by the verb of the sentence)."""
    while m < len(doc) and m - j < 14:
        tok = doc[m]
        if tok.text in _ROLE_STOP or "\n" in tok.text:
            break
        if tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
            break
        m += 1
    closed = m >= len(doc) or doc[m].text in (",", ".", ";", ")", "\n")
    if not closed and not (verb_ends and doc[m].pos_ in ("VERB", "AUX")):
        return None
    return j, m


def _affiliation_after(doc: Doc, j: int) -> tuple[int, int] | None:
    """``Jean Dal, de l'université de Genève,``: a ``de`` phrase naming an institution
    (a capitalised word right after its article), closed by a comma or the sentence end,
    says where the person comes from."""
    k = j + 1
    while k < len(doc) and doc[k].lower_ in _ARTICLES | {"'", "’"}:
        k += 1
    if k >= len(doc) or not _capitalised(doc[k]):
        return None
    return _role_tail(doc, j, k + 1, verb_ends=False)


_PLURAL_DETS = frozenset({"les", "des", "plusieurs", "ses", "leurs", "ces", "deux", "trois"})


def _plural(tok: Token) -> bool:
    """A noun in the plural, by its morphology or its determiner (``plusieurs
    ministres``, ``quatre ministres``)."""
    number = tok.morph.get("Number", [])
    # a plural the tagger gives a word with no plural ending ("il a été champion") is
    # told by its determiner instead ("les porte-parole")
    if number and ("Plur" not in number or tok.lower_[-1:] in ("s", "x", "z")):
        return "Plur" in number
    if tok.i == 0:
        return False
    det = tok.doc[tok.i - 1]
    return det.lower_ in _PLURAL_DETS or (det.like_num and det.lower_ not in ("un", "une", "1"))


def _char_span(doc: Doc, start: int, end: int) -> Span:
    # doc[start:end].text is the same characters as doc.text[a:b], without building
    # the whole text again (spaCy joins every token for doc.text)
    span = doc[start:end]
    return Span(span.start_char, span.end_char, span.text)
