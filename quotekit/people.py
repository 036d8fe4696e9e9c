"""Persons, organisations and their roles: who is in the article, and what it says they are.

Person mentions start from the statistical NER (``PER``) and are repaired with
mechanisms that generalise: civilities and titles are moved out of the name span
into the mention's ``title``; words that are never names (months, function words),
role nouns, things named after a class noun (``la compagnie aérienne X``) and the
seats of institutions (``Matignon``) are not names; a capitalised word after a
civility, two after a role or nationality noun, or between commas after a role
(``Le président du groupe, Masayoshi Son,``) are a name even when the NER missed
them; given names left out before a surname are added; the lines of a team sheet
are names; the other items of a list of persons are persons; a longer form the NER
labelled otherwise that ends with a person's surname is that person's fuller name;
names the article gave are found again where the NER missed them.

Roles are noun phrases headed by a role noun, nationality or party word, linked to
the person by the construction that attaches them: before the name, in apposition,
as a predicate of être/devenir/rester/nommer, detached at the start of a sentence,
coordinated with a linked role, or as a role mention standing for a person named
before. Gender comes from civilities, articles and the form of role nouns.
Organisations are the NER's ``ORG``, institution seats (``le Kremlin``) and places
that act (``l'Ukraine a rejeté``). Mentions of one person are merged by
:mod:`quotekit.names`.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable

import attrs
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from quotekit._resources import french
from quotekit._text import doc_sentences, doc_text
from quotekit.model import Entity, Mention, Span
from quotekit.names import NAME_PARTICLES, NameMention, cluster_names, normalize
from quotekit.tokens import NAME_PREFIXES, split_prefixed_names

# split_prefixed_names moved to quotekit.tokens; it is still importable from here
__all__ = ["PersonMention", "find_entities", "find_person_mentions", "split_prefixed_names"]

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


@attrs.frozen
class PersonMention:
    """A person's name mention with the title and role phrases found around it."""

    start: int  # token index
    end: int
    title: tuple[int, int] | None = None  # token range
    roles: tuple[tuple[int, int], ...] = ()
    gender: str | None = None


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


_CAPITAL_PARTICLES = _NAME_PARTICLES - {"le", "la", "du", "des", "d'", "d’"}


def _extend_left(doc: Doc, start: int, end: int | None = None) -> int:
    """Given names the NER left out before a surname: ``Tsaï`` of ``Tsaï Ing-wen``,
    ``Guy-Brice Parfait`` of ``Guy-Brice Parfait Kolélas``; a capitalised particle:
    ``De`` of ``De Gendt``.

    Notes:
        A capitalised proper noun right before a person's name, outside any other
        entity and not a title, role, nationality or word that is never a name,
        belongs to the name: French writes nothing capitalised between a title and
        the name but the name itself. A capitalised particle (``De``, ``Van``,
        ``Di``) inside a sentence can only be part of the name; at a sentence start
        it is only when the name is the subject of the clause (``De Gendt remporte``),
        since a sentence may open with the preposition (``De Dupont, on retient ...``).
        After a preposition a lower-case ``de`` is a particle too (``sous de Gaulle``).
    """
    if end is not None and start > 0:
        tok = doc[start - 1]
        if (
            tok.text[:1].isupper()
            and tok.lower_ in _CAPITAL_PARTICLES
            and (not tok.is_sent_start or doc[start:end].root.dep_.startswith("nsubj"))
        ):
            return start - 1
    while start > 0:
        tok = doc[start - 1]
        if tok.text == "-" and not tok.whitespace_ and start >= 2 and doc[start - 2].is_alpha:
            start -= 1
            continue
        if (
            not _could_extend_name(tok)
            or tok.pos_ != "PROPN"
            or tok.ent_type_ != ""  # "fidèle de Mitterrand Claude Estier": another entity
        ):
            break
        start -= 1
    if start < len(doc) and doc[start].text == "-":
        start += 1
    return start


def _could_extend_name(tok: Token) -> bool:
    """A capitalised word that may belong to a name next to it: not a title, article,
    role, nationality or word that is never a name."""
    data = french()
    return (
        _capitalised(tok)
        and tok.is_alpha
        and not _is_title(tok)
        and not _is_role_noun(tok)
        and tok.lower_ not in data.nationalities
        and tok.lower_ not in data.not_names
        and tok.lower_ not in _ARTICLES
    )


def _extend_right(doc: Doc, end: int) -> int:
    """Surnames the NER left out after a given name: ``Casanova`` of ``Charles-Antoine
    Casanova``, ``Francisca`` of ``Elisa Di Francisca``, ``-Boisset`` of ``Myriam
    Guillot-Boisset``.

    Notes:
        The NER often stops a name where the parser wrongly starts a new sentence. A
        capitalised word right after a person's name, outside any other entity and not
        a title, article, role, nationality or word that is never a name, continues
        it; so does a hyphenated part written without spaces.
    """
    added = 0
    while end < len(doc) and added < 2:
        tok = doc[end]
        if (
            tok.text == "-"
            and not doc[end - 1].whitespace_
            and not tok.whitespace_
            and end + 1 < len(doc)
            and _capitalised(doc[end + 1])
            and doc[end + 1].is_alpha
        ):
            end += 2
            added += 1
            continue
        if (
            not doc[end - 1].whitespace_
            or not _could_extend_name(tok)
            or tok.ent_iob_ not in ("O", "")
            or tok.pos_ not in ("PROPN", "NOUN")
        ):
            break
        end += 1
        added += 1
    return end


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


def _role_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """``le porte-parole du Kremlin`` before ``Dmitri Peskov``: up to 10 tokens, no verb.

    Also ``la ministre de la Culture, Rachida Dati,``: the role then sits between an
    article and the comma before the name.
    """
    if start >= 2 and doc[start - 1].text == ",":
        found = _role_before(doc, start - 1)
        if found is not None and found[0] > 0 and doc[found[0] - 1].pos_ == "DET":
            return found[0], start - 1
        return None
    if start >= 1 and doc[start - 1].lower_ in _DE:
        return None  # "collaborateur de Jean Dupont": the name is the complement
    if start >= 2 and doc[start - 1].lower_ in _ARTICLES and doc[start - 2].lower_ in _DE:
        return None  # "le président de la Mont-Blanc": a complement with its article
    j = start - 1
    first_role: int | None = None
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
        if _is_role_noun(tok):
            first_role = j
        j -= 1
    if first_role is None:
        return None
    # include adjectives before the role noun ("l'ancien Premier ministre")
    return first_role, start


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
    if k >= len(doc) or not _is_role_noun(doc[k]) or _plural(doc[k]):
        return None  # "X, plusieurs ministres, dont ...": one person has no plural role
    m = k + 1
    while m < len(doc) and m - j < 14:
        tok = doc[m]
        if tok.text in _ROLE_STOP or tok.pos_ in ("VERB", "AUX") or "\n" in tok.text:
            break
        if tok.pos_ == "PRON" or tok.pos_ == "SCONJ":
            break
        m += 1
    if (
        m < len(doc)
        and doc[m].text not in (",", ".", ";", ")", "\n")
        and doc[m].pos_ not in ("VERB", "AUX")
    ):
        return None
    return j, m


_PLURAL_DETS = frozenset({"les", "des", "plusieurs", "ses", "leurs", "ces", "deux", "trois"})


def _plural(tok: Token) -> bool:
    """A noun in the plural, by its morphology or its determiner (``plusieurs
    ministres``, ``quatre ministres``)."""
    number = tok.morph.get("Number", [])
    if number:
        return "Plur" in number
    if tok.i == 0:
        return False
    det = tok.doc[tok.i - 1]
    return det.lower_ in _PLURAL_DETS or (det.like_num and det.lower_ not in ("un", "une", "1"))


def _after_singular_det(tok: Token) -> bool:
    """``tok`` follows a singular determiner (``la``, ``l'``, ``une``, ``sa``)."""
    prev = tok.doc[tok.i - 1]
    return prev.lower_ in ("le", "la", "l'", "l’", "un", "une", "son", "sa", "cette", "ce")


def _name_cue(tok: Token) -> int:
    """How many capitalised words a name after ``tok`` needs: 1 after a civility
    (``M. Dupont``), 2 after a role noun or a nationality (``l'Autrichienne Nadine
    Fest``, ``le prix Nobel Carlo Rubbia``); 0 when ``tok`` introduces no name."""
    if _is_title(tok) and tok.text[:1].isupper():
        return 1
    if (
        tok.lower_ in french().nationalities
        and tok.text[:1].isupper()
        and tok.i > 0
        and _after_singular_det(tok)
    ):
        return 1  # "la Japonaise Miyake": a capitalised nationality noun is a person
    if tok.lower_ in french().nationalities or (_is_role_noun(tok) and not tok.text[:1].isupper()):
        return 2
    return 0


def _names_after_titles(doc: Doc, taken: set[int]) -> Iterable[tuple[int, int]]:
    """Capitalised words after a civility, role or nationality that the NER missed."""
    for tok in doc:
        need = _name_cue(tok)
        if not need:
            continue
        j = tok.i + 1
        k = j
        while (
            k < len(doc)
            and k - j < 4
            and (
                _capitalised(doc[k])
                # a particle may open the name after a civility: "M. de Villecourt"
                or ((k > j or need == 1) and doc[k].lower_ in _NAME_PARTICLES)
            )
        ):
            if doc[k].is_punct or "\n" in doc[k].text:
                break
            k += 1
        while k > j and not _capitalised(doc[k - 1]):
            k -= 1
        if k - j < need or any(i in taken for i in range(j, k)):
            continue
        if (
            need == 2
            and tok.lower_ not in french().nationalities
            and any(doc[i].ent_type_ in ("LOC", "ORG") for i in range(j, k))
        ):
            continue  # "le ministre Affaires étrangères"-like misparses stay out
        # after a nationality noun ("l'Autrichienne Nadine Fest") the NER often
        # reads a place; two capitalised words there are a person's name
        yield j, k


_ROSTER_LINE = re.compile(
    r"^(?P<name>[^\W\d_][\w'’-]*\.?(?: [^\W\d_][\w'’-]*\.?){0,3})[ \t]*"
    r"(?P<stats>\([ \t]*\d[^()\n]*\))?[ \t]*$"
)


def _roster_names(doc: Doc, taken: set[int]) -> Iterable[tuple[int, int]]:
    """Names in a team sheet: a block of short lines, each a capitalised name and
    mostly a parenthesised statistic (``Karabatic L. (4/4)``).

    Notes:
        Sports copy lists players one a line with their figures; the NER, trained
        on running text, misses most of them. A block of at least three such lines,
        at least half with a statistic, is read as a list of names.
    """
    data = french()
    block: list[tuple[int, int, bool]] = []
    offset = 0
    lines = doc_text(doc).split("\n")
    for n, line in enumerate(lines):
        match = _ROSTER_LINE.match(line.strip())
        ok = match is not None and all(
            w[:1].isupper() and w.lower().rstrip(".") not in data.not_names
            for w in match.group("name").split()
        )
        if ok and match is not None:
            lead = len(line) - len(line.lstrip())
            block.append(
                (
                    offset + lead,
                    offset + lead + len(match.group("name")),
                    bool(match.group("stats")),
                )
            )
        if not ok or n == len(lines) - 1:
            if len(block) >= 3 and 2 * sum(stats for *_, stats in block) >= len(block):
                for start_char, end_char, _ in block:
                    span = doc.char_span(start_char, end_char, alignment_mode="expand")
                    if span is None or any(t.i in taken for t in span):
                        continue
                    yield span.start, span.end
            block = []
        offset += len(line) + 1


def _names_after_role_comma(doc: Doc, taken: set[int]) -> Iterable[tuple[int, int]]:
    """``Le président du groupe, Masayoshi Son, a ...``: two to four capitalised words
    between commas after a role phrase with its article, whatever the NER said."""
    for tok in doc:
        if tok.text != "," or tok.i + 3 >= len(doc):
            continue
        j = tok.i + 1
        k = j
        while k < len(doc) and k - j < 4 and _is_name_token(doc[k]) and "\n" not in doc[k].text:
            k += 1
        while k > j and not _capitalised(doc[k - 1]):
            k -= 1
        if k - j < 2 or k >= len(doc) or doc[k].text not in (",", ")", "("):
            continue
        if any(i in taken for i in range(j, k)) or not _capitalised(doc[j]):
            continue
        if _role_before(doc, j) is None:
            continue
        yield j, k


def _name_run(doc: Doc, i: int) -> int:
    """The end of the name words from token ``i``: up to four capitalised words,
    particles, hyphens and apostrophes, not across a line break or other punctuation,
    ending on a capitalised word (``i`` itself when there is none)."""
    k = i
    while k < len(doc) and k - i < 4 and _is_name_token(doc[k]) and "\n" not in doc[k].text:
        if doc[k].is_punct and doc[k].text not in ("-", "'", "’"):
            break
        k += 1
    while k > i and not _capitalised(doc[k - 1]):
        k -= 1
    return k


def _names_after_role_phrase(doc: Doc, taken: set[int]) -> Iterable[tuple[int, int]]:
    """``le champion du monde Shohei Ono``, ``le guide touristique Grover Marquina``:
    two to four capitalised words right after a role phrase with its complements or
    adjectives, outside any place or organisation the NER found."""
    i = 1
    while i < len(doc):
        if i in taken or not _capitalised(doc[i]) or doc[i - 1].is_punct:
            i += 1
            continue
        k = _name_run(doc, i)
        if (
            k - i < 2
            or any(j in taken for j in range(i, k))
            or any(doc[j].ent_type_ in ("LOC", "ORG", "MISC") for j in range(i, k))
            or _role_before(doc, i) is None
            or _is_role_noun(doc[i - 1])  # the civility and role-noun cues handle these
        ):
            i += 1
            continue
        yield i, k
        i = k


# before a given name, words that make it part of the name of a place, a team or a
# thing: "San Antonio Spurs", "Saint-Louis", "la Charlotte Hornets arena"
_NOT_BEFORE_GIVEN = frozenset(
    {"-", "'", "’", "san", "santa", "santo", "são", "sao", "saint", "sainte", "st", "st.", "sankt"}
    | {"le", "la", "les", "l'", "l’", "du", "des", "au", "aux"}
)


def _names_from_given_names(doc: Doc, taken: set[int]) -> Iterable[tuple[int, int]]:
    """``deux prix Nobel Carlo Rubbia``: a common given name and up to three more name
    words after it (capitalised words, particles, hyphens), the last one capitalised,
    whatever label the NER gave them.

    Notes:
        The NER reads a name it does not know by its context, and a person's name
        next to a prize, a place or a team is often tagged as a thing. A known given
        name in front of a capitalised surname is stronger evidence than that
        context. Not after an article or a saint's or city's prefix (``la Charlotte
        Hornets arena``, ``San Antonio Spurs``), and the words must still pass
        :func:`_valid_name` (``la rue Jean Jaurès`` stays a street).
    """
    given = french().given_names
    i = 0
    while i < len(doc):
        tok = doc[i]
        if (
            tok.text not in given
            or i in taken
            or (i > 0 and doc[i - 1].lower_ in _NOT_BEFORE_GIVEN)
        ):
            i += 1
            continue
        k = _name_run(doc, i)
        if k <= i + 1 or any(j in taken for j in range(i, k)):
            i += 1
            continue
        yield i, k
        i = k


def _name_lists(doc: Doc, lo: int, hi: int) -> list[list[tuple[int, int]]]:
    """The coordinated lists of names in tokens [lo, hi): items of one to four name
    words joined by commas and closed by ``et`` or ``ou`` (``Powell, Blake et
    Ashmeade``), each item as a token range."""
    lists: list[list[tuple[int, int]]] = []
    items: list[tuple[int, int]] = []
    closed = False  # the list has its "et" / "ou"
    i = lo
    while i < hi:
        tok = doc[i]
        if not (_capitalised(tok) and not tok.is_punct and "\n" not in tok.text):
            items, closed, i = [], False, i + 1
            continue
        k = i + 1
        while k < hi and k - i < 4 and _is_name_token(doc[k]) and "\n" not in doc[k].text:
            k += 1
        while k > i + 1 and not _capitalised(doc[k - 1]):
            k -= 1
        items.append((i, k))
        if closed and len(items) >= 2:
            lists.append(items)
            items, closed = [], False
        i = k
        if i < hi and doc[i].text == ",":
            i += 1
        if i < hi and doc[i].lower_ in ("et", "ou"):
            closed, i = True, i + 1
        elif i < hi and doc[i - 1].text != ",":
            items, closed = [], False  # the list ends with this item
    return lists


def _closed_lists(doc: Doc) -> list[list[tuple[int, int]]]:
    """The lists of names closed by ``et`` or ``ou`` in each sentence of ``doc``, without
    those holding an organisation of the NER: a list of mixed kinds, whose labels are no
    evidence for its other items."""
    text = doc_text(doc)
    lists = []
    for lo, hi in doc_sentences(doc):
        piece = text[doc[lo].idx : doc[hi - 1].idx + len(doc[hi - 1])]
        if " et " in piece or " ou " in piece:  # else no list closed by "et" / "ou" here
            lists += [
                items
                for items in _name_lists(doc, lo, hi)
                if not any(t.ent_type_ == "ORG" for s, e in items for t in doc[s:e])
            ]
    return lists


def _places_among(doc: Doc, items: list[tuple[int, int]]) -> int:
    """How many items hold a place of the NER."""
    return sum(any(t.ent_type_ == "LOC" for t in doc[s:e]) for s, e in items)


def _listed_with_places_mostly(
    doc: Doc,
    spans: list[tuple[int, int, tuple[int, int] | None]],
    lists: list[list[tuple[int, int]]],
) -> set[tuple[int, int]]:
    """Names of persons that are items of a list of places: ``les îles de Faial,
    Pico, Sao Jorge, Graciosa et Terceira`` with the last two read as persons.

    Notes:
        Items of one list are things of one kind. When the NER finds more places than
        persons among the items of a list closed by ``et`` or ``ou``, or a place noun in
        the plural introduces its first item (``les îles de``), its one-word persons
        are places too, unless a civility or a role before them shows them to be
        persons (a full name keeps the evidence of its given name: ``Paul Girard,
        Marseille, Lyon et Nice``).
    """
    persons = {(s, e): title for s, e, title in spans}
    out: set[tuple[int, int]] = set()
    for items in lists:
        named = [item for item in items if item in persons]
        if not named:
            continue
        first = items[0][0]
        # a place noun in the plural before the list ("les îles de"): one "domicile de"
        # is no list of places
        noun = doc[first - 2] if first >= 2 and doc[first - 1].lower_ in _DE else doc[first - 1]
        introduced = (
            first > 0
            and _named_thing_before(doc, first)
            and noun.lower_ not in _FAMILY_NOUNS
            and _plural(noun)
        )
        if _places_among(doc, items) <= len(named) and not introduced:
            continue
        out.update(
            (start, end)
            for start, end in named
            # a full name keeps the evidence of its given name
            if end - start == 1
            and persons[(start, end)] is None
            and _role_before(doc, start) is None
        )
    return out


def _listed_with_persons(
    doc: Doc,
    spans: list[tuple[int, int, tuple[int, int] | None]],
    taken: set[int],
    lists: list[list[tuple[int, int]]],
) -> Iterable[tuple[int, int]]:
    """Names in a list of persons the NER read in part: ``Powell, Blake et Ashmeade``.

    Notes:
        Items of one list are things of one kind (the counterpart of
        :func:`_listed_with_places`). A list closed by ``et`` or ``ou`` with at least
        one person among its items, no organisation of the NER and no more of its
        places than persons, has persons for its other items too. The first item must
        be a person for the NER, since it may be the complement of what comes before
        (``la victoire de Paris, Durand et Dupont``).
    """
    data = french()
    persons = {(s, e) for s, e, _ in spans}
    for items in lists:
        known = sum(item in persons for item in items)
        places = _places_among(doc, items)
        if not known or places > known:
            continue
        for n, (start, end) in enumerate(items):
            if (start, end) in persons or any(i in taken for i in range(start, end)):
                continue
            if (n == 0 or doc[start].is_sent_start) and doc[start].ent_type_ != "PER":
                continue
            if any(
                t.lower_ in data.not_names
                or t.lower_ in data.nationalities
                or _is_role_noun(t)
                or _is_title(t)
                for t in doc[start:end]
            ):
                continue
            yield start, end


def _fuller_forms(
    doc: Doc, spans: list[tuple[int, int, tuple[int, int] | None]], taken: set[int]
) -> Iterable[tuple[int, int]]:
    """A longer name the NER gave another label, ending with the surname of a person
    of the article: ``Recep Tayyip Erdoğan`` (read as MISC) when ``Erdoğan`` is a
    person.

    Notes:
        The counterpart of :func:`_repeated_names`, which finds again the forms the
        article gave: here the form is new but its surname is known. Every other word
        must be one that may belong to a name (capitalised, no article, title, role,
        nationality, class noun or word that is never a name, or a particle), no
        article may come before it (``le Centre X``), and no class noun may name it as
        a thing (``l'hôpital Pasteur``).
    """
    data = french()
    surnames = set()
    for start, end, _ in spans:
        core = [t for t in doc[start:end] if t.lower_ not in _NAME_PARTICLES and t.is_alpha]
        if core and len(core[-1].text) > 2:
            surnames.add(core[-1].text)
    if not surnames:
        return
    for ent in doc.ents:
        if ent.label_ == "PER" or doc[ent.end - 1].text not in surnames:
            continue
        start, end = ent.start, ent.end
        if start > 0 and doc[start - 1].lower_ in _ARTICLES | {"au", "aux", "du", "des"}:
            continue  # "le Centre X": French puts no article before a person's bare name
        if not 2 <= end - start <= 4 or any(i in taken for i in range(start, end)):
            continue
        words = doc[start : end - 1]
        if not all(
            (
                _could_extend_name(t)
                and t.lower_ not in data.place_nouns
                and t.lower_ not in data.organization_heads
            )
            or t.lower_ in _NAME_PARTICLES
            or t.text == "-"
            for t in words
        ) or not _capitalised(doc[start]):
            continue
        if not _shown_as_thing(doc, start, end):
            yield start, end


def _coordinated_given_names(
    doc: Doc, spans: list[tuple[int, int, tuple[int, int] | None]], taken: set[int]
) -> Iterable[tuple[int, int]]:
    """``Maritie et Gilbert Carpentier``, ``les frères Allister et Jonathan Brownlee``:
    one capitalised word coordinated before a full name is a given name sharing its
    surname, even after a family noun.

    Notes:
        French writes the surname of two people once, after the second given name. The
        word must stand alone (nothing capitalised before it), outside any place or
        organisation, and be no title, role, nationality or word that is never a name.
    """
    data = french()
    surnames = set()
    for start, end, _ in spans:
        core = [t for t in doc[start:end] if t.lower_ not in _NAME_PARTICLES]
        if len(core) >= 2:
            surnames.add(core[-1].text)
    for start, end, _ in spans:
        core = [t for t in doc[start:end] if t.lower_ not in _NAME_PARTICLES]
        if len(core) < 2 or start < 2 or doc[start - 1].lower_ != "et":
            continue
        i = start - 2
        tok = doc[i]
        if (
            i in taken
            or tok.text in surnames  # "les frères Brownlee et Vincent Luis"
            or not _capitalised(tok)
            or not tok.is_alpha
            or tok.ent_type_ not in ("", "PER", "MISC")
            or (i > 0 and _capitalised(doc[i - 1]) and not doc[i - 1].is_sent_start)
            or (i > 0 and doc[i - 1].ent_type_ not in ("",))
            or _is_title(tok)
            or _is_role_noun(tok)
            or tok.lower_ in data.nationalities
            or tok.lower_ in data.not_names
        ):
            continue
        yield i, i + 1


def _singular(word: str) -> str:
    """``communes`` -> ``commune``: the singular of a plural in -s (place nouns)."""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _named_thing_before(doc: Doc, start: int) -> bool:
    """A place or thing noun just before the name: ``la ville de Hilla``, ``l'agence Spunik``.

    Notes:
        French names a place, a company or an event with its class noun in front; a
        person's name is introduced by a role or civility instead.
    """
    data = french()
    j = start - 1
    if j >= 0 and doc[j].lower_ in ("la", "le", "les"):
        j -= 1  # "le carnaval de La Calamine"
    if j >= 0 and doc[j].lower_ in ("de", "d'", "d’", "du"):
        noun = doc[j - 1].lower_ if j > 0 else ""
        return noun in data.place_nouns_de or _singular(noun) in data.place_nouns_de
    # adjectives and a noun complement between: "la sonde spatiale japonaise X",
    # "l'agence de presse X"
    k = j
    while k >= 0 and j - k < 3 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k -= 1
    if (
        k >= 2
        and doc[k].is_lower
        and doc[k - 1].lower_ in ("de", "d'", "d’")
        and doc[k - 2].lower_ in data.place_nouns
    ):
        return True
    return k >= 0 and doc[k].lower_ in data.place_nouns


def _listed_with_places(doc: Doc, start: int, end: int) -> bool:
    """A one-word name in a list whose neighbouring items are places the NER found:
    ``les îles de Faial, Pico, Graciosa et Terceira``.

    Notes:
        Items of one list are things of one kind. A single word joined by ``et`` or
        ``ou`` to a place, with no person on the other side, is a place the NER
        mislabelled (a comma alone may open an apposition: ``Las Vegas, Ginger, qui``).
    """
    if end - start != 1:
        return False

    def item(i: int, step: int) -> tuple[str | None, bool]:
        # the entity label of the list item next to position i, across ", " "et" "de",
        # and whether "et" / "ou" joins them (a comma alone may be an apposition)
        j = i + step
        comma = conj = False
        while 0 <= j < len(doc) and doc[j].lower_ in (",", "et", "ou", "de", "d'", "d’"):
            comma = comma or doc[j].text == ","
            conj = conj or doc[j].lower_ in ("et", "ou")
            j += step
        if not (comma or conj) or not (0 <= j < len(doc)) or "\n" in doc[j].text:
            return None, False
        return doc[j].ent_type_ or None, conj

    (left, left_conj), (right, right_conj) = item(start, -1), item(end - 1, 1)
    if "PER" in (left, right):
        return False
    return (left == "LOC" and left_conj) or (right == "LOC" and right_conj)


_QUOTE_MARKS = frozenset({"«", "»", '"', "“", "”", "''", "„"})


def _fills_quotation(doc: Doc, start: int, end: int) -> bool:
    """The name alone fills a pair of quote marks and holds a common noun or a word
    that is never a name (``crié « Allah Akbar »``, ``la « Foudre »``): a nickname, a
    slogan or a title, not a mention of a person. A proper name in quote marks may
    still name a person (``surnommé le « Ben Laden »``)."""
    if not any(t.pos_ == "NOUN" or t.lower_ in french().not_names for t in doc[start:end]):
        return False
    i = start - 1
    if i >= 0 and doc[i].lower_ in _ARTICLES:
        i -= 1
    return (
        i >= 0 and doc[i].text in _QUOTE_MARKS and end < len(doc) and doc[end].text in _QUOTE_MARKS
    )


_FAMILY_NOUNS = frozenset({"famille", "frères", "sœurs", "soeurs"})


def _shown_as_thing(doc: Doc, start: int, end: int) -> bool:
    """The words are named as a thing here: after a class noun (``le collectif X``),
    alone in quote marks, or listed with places."""
    family = start > 0 and doc[start - 1].lower_ in _FAMILY_NOUNS  # persons, not things
    return (
        (_named_thing_before(doc, start) and not family)
        or _fills_quotation(doc, start, end)
        or _listed_with_places(doc, start, end)
    )


def _valid_name(doc: Doc, start: int, end: int) -> bool:
    if end <= start:
        return False
    if _listed_with_places(doc, start, end) or _fills_quotation(doc, start, end):
        return False
    toks = list(doc[start:end])
    if not any(_capitalised(t) for t in toks):
        return False
    if any("\n" in t.text for t in toks):
        return False
    data = french()
    core = [t for t in toks if t.lower_ not in _NAME_PARTICLES]
    if not core or all(
        t.lower_ in data.not_names or _is_role_noun(t) or t.lower_ in data.nationalities
        for t in core
    ):
        return False  # "le surprenant Norvégien": a nationality noun describes a person
    if _is_role_noun(core[0]) and len(core) < len(toks):
        return False  # "Président de la République": a capitalised role, not a name
    if len(core) >= 2 and core[-1].text in data.thing_heads:
        return False  # "Tony Awards", "Charlie Hebdo": the class noun closes a thing's name
    if _named_thing_before(doc, start) and not (
        len(core) >= 2 and all(t.ent_type_ == "PER" for t in toks) and _described_place(doc, start)
    ):  # a given name and surname the NER reads as a person stay one: "la mosquée
        # sunnite Mohammed Abdallah al-Joubouri", "le président de la Région Jean Dupré"
        return False
    if doc[start:end].text.lower() in data.organization_names:
        return False  # "Matignon", "le Kremlin": the institution, not a person
    if doc[start:end].text in data.places:
        return False  # "à Belo Horizonte": a place the NER read as a person
    return not all(t.is_upper and len(t.text) <= 5 and len(toks) == 1 for t in core)  # acronyms


def _described_place(doc: Doc, start: int) -> bool:
    """The place noun before ``start`` is described (``la mosquée sunnite``) or is the
    complement of another noun (``le président de la Région``): the name after it is
    then more often a person in apposition than the name of the place itself
    (``l'entreprise X``, ``la mosquée X``)."""
    p = start - 1
    if p >= 0 and doc[p].pos_ == "ADJ" and doc[p].is_lower:
        return True
    q = p - 1
    if q >= 0 and doc[q].lower_ in _ARTICLES:
        q -= 1
    # the preposition joins two nouns; after a verb or another preposition it
    # introduces the place itself ("se retrouver au stade X", "jusqu'au stade X")
    return q > 0 and doc[q].lower_ in _DE | {"au", "aux"} and doc[q - 1].pos_ in ("NOUN", "PROPN")


def _ent_is(doc: Doc, start: int, end: int) -> bool:
    """The tokens [start, end) are exactly one named entity of the NER."""
    ent = doc[start].ent_iob_ == "B" and (end == len(doc) or doc[end].ent_iob_ != "I")
    return ent


def _completed_to_full_names(
    doc: Doc, spans: list[tuple[int, int, tuple[int, int] | None]], taken: set[int]
) -> list[tuple[int, int, tuple[int, int] | None]]:
    """A mention that is part of a full name the article gave elsewhere, with the rest of
    that name next to it under another label, is that full name: ``Tsaï`` (LOC) before
    ``Ing-wen`` (PER) after ``Tsaï Ing-wen`` in the headline.

    Notes:
        The NER cuts a name it labels two ways into two entities; :func:`_extend_left`
        does not cross another entity, and :func:`_repeated_names` does not touch words
        already in a mention. The words added must be outside any other mention and
        the whole must not be shown as a thing.
    """
    full = {tuple(t.text for t in doc[s:e]) for s, e, _ in spans if e - s >= 2}
    if not full:
        return spans
    longest = max(len(f) for f in full)
    out = []
    for s, e, title in spans:
        best = (s, e)
        for a in range(max(0, e - longest), s + 1):
            for b in range(e, min(len(doc), a + longest) + 1):
                if (a, b) == (s, e) or b - a <= best[1] - best[0]:
                    continue
                extra = [i for i in range(a, b) if not s <= i < e]
                if any(i in taken for i in extra) or (title is not None and a < s):
                    continue
                if tuple(t.text for t in doc[a:b]) in full and not _shown_as_thing(doc, a, b):
                    best = (a, b)
        if best != (s, e):
            taken.update(range(*best))
        out.append((best[0], best[1], title))
    return out


def _repeated_names(
    doc: Doc, spans: list[tuple[int, int, tuple[int, int] | None]], taken: set[int]
) -> Iterable[tuple[int, int]]:
    """Other occurrences of names the article already gave to a person.

    Notes:
        The statistical NER labels one occurrence of a name and misses or mislabels
        another (a team list, a sentence start); agreement within the article is
        stronger evidence than either guess. Full names and the surname of a full
        name are propagated; a propagated span must not overlap another mention.
    """

    def key(toks: Iterable[Token]) -> tuple[str, ...]:
        # a particle is written "al-" or "Al-", "di" or "Di": the same name
        return tuple(t.lower_ if t.lower_ in _NAME_PARTICLES else t.text for t in toks)

    known: set[tuple[str, ...]] = set()
    for start, end, _ in spans:
        words = key(doc[start:end])
        if len(words) >= 2:
            known.add(words)
        core = [t for t in doc[start:end] if t.lower_ not in _NAME_PARTICLES]
        if len(core) >= 2 and core[-1].is_alpha and len(core[-1].text) > 2:
            known.add((core[-1].text,))
            last = core[-1].i
            if (
                last - 2 >= start
                and doc[last - 1].text == "-"
                and doc[last - 2].lower_ in _NAME_PARTICLES
                and not doc[last - 2].whitespace_
                and not doc[last - 1].whitespace_
            ):
                known.add(key(doc[last - 2 : last + 1]))  # "al-Joulani" of "Abou al-Joulani"
    if not known:
        return
    longest = max(len(k) for k in known)
    keys = key(doc)  # each token's word of a name key, computed once
    firsts = {k[0] for k in known}
    i = 0
    while i < len(doc):
        if (
            keys[i] not in firsts
            or i in taken
            or not (_capitalised(doc[i]) or doc[i].lower_ in _NAME_PARTICLES)
        ):
            i += 1
            continue
        label = doc[i].ent_type_
        for size in range(min(longest, len(doc) - i), 0, -1):
            words = keys[i : i + size]
            if words not in known or any(j in taken for j in range(i, i + size)):
                continue
            # not the end of a longer capitalised name we do not know ("Luka Karabatic")
            before = doc[i - 1] if i > 0 else None
            after = doc[i + size] if i + size < len(doc) else None
            if size == 1 and (
                (
                    before is not None
                    and _capitalised(before)
                    and before.ent_type_
                    and not before.is_sent_start
                )
                or (after is not None and _capitalised(after) and after.ent_type_ == label)
            ):
                continue
            prefixed = i >= 2 and doc[i - 2].lower_ in NAME_PREFIXES  # "pro-Assad"
            if (_hyphen_joined(doc, i) and not prefixed) or _hyphen_joined(doc, i + size + 1):
                continue  # part of a compound: "Roland-Garros"
            if label not in ("", "PER") and not _ent_is(doc, i, i + size):
                continue  # inside a longer place or organisation: "Centre culturel Tjibaou"
            if _named_thing_before(doc, i):
                continue  # "les frères Brownlee", "la rue Dumas": not this person
            taken.update(range(i, i + size))
            yield i, i + size
            i += size - 1
            break
        i += 1


# ------------------------------------------------------------------ role phrases

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
_ROLE_DETS = frozenset({"le", "la", "l'", "l’", "un", "une", "son", "sa", "ce", "cette"})
_DEFINITE = frozenset({"le", "la", "l'", "l’"})
_COPULAS = frozenset(
    {
        "être",
        "devenir",
        "redevenir",
        "rester",
        "demeurer",
        "nommer",
        "élire",
        "réélire",
        "désigner",
        "sembler",
        "paraître",
        "fut",
        "est",
        "était",
        "sera",
        "devient",
        "reste",
        "nommé",
        "nommée",
        "élu",
        "élue",
        "réélu",
        "réélue",
        "désigné",
        "désignée",
    }
)
_PREDICATE_ADVS = frozenset(
    {
        "aussi",
        "ensuite",
        "alors",
        "toujours",
        "déjà",
        "désormais",
        "notamment",
        "également",
        "encore",
        "aujourd'hui",
        "actuellement",
        "longtemps",
        "devenu",
        "devenue",
        "puis",
        "à",
        "la",
        "fois",
        "en",
        "enfin",
        "bien",
        "d'abord",
        "tour",
    }
)
_NAMED = frozenset(
    {"nommé", "nommée", "prénommé", "prénommée", "surnommé", "surnommée", "appelé", "appelée"}
)
_OPENERS = frozenset({"d'", "d’", "abord", "jadis", "autrefois", "longtemps"})
_LINK_WORDS = frozenset({",", "et", "puis", "ou", "mais", "aussi", "ensuite", "enfin"})
_SUBJECT_PRONOUNS = {"il": "m", "elle": "f"}


def _is_role_head(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.lower_ not in _role_head_words() and tok.lemma_.lower() not in french().role_nouns:
        return False  # most words: none of the tests below can pass
    if tok.lower_ == "premier" or tok.lower_ == "première":
        return i + 1 < len(doc) and _is_role_noun(doc[i + 1])
    prev = doc[i - 1] if i > 0 else None
    after_det = prev is not None and (prev.pos_ == "DET" or prev.lower_ in _ROLE_PRE)
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
    while (
        start > 0
        and start - 1 not in names
        and (
            doc[start - 1].lower_ in _ROLE_PRE or (doc[start - 1].text == "-" and start - head < 3)
        )
        and not doc[start - 1].is_sent_start
    ):
        start -= 1
    if start > 0 and doc[start - 1].lower_ in _ROLE_PRE and doc[start - 1].is_sent_start:
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
        if low in _DE:
            in_de = True
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


def _find_role_phrases(doc: Doc, names: set[int]) -> list[tuple[int, int, int]]:
    """Every role phrase of the Doc as (start, end, head), left to right, not overlapping."""
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(doc):
        if i in names or not _is_role_head(doc, i) or (doc[i].text[:1].isupper() and i in names):
            i += 1
            continue
        start, end = _role_phrase_at(doc, i, names)
        if out and start < out[-1][1]:
            i += 1
            continue
        out.append((start, end, i))
        i = max(end, i + 1)
    return out


def _skip_back(doc: Doc, i: int, lo: int, words: frozenset[str]) -> int:
    """The index of the first token before ``i`` (down to ``lo``) not in ``words``."""
    while i >= lo and doc[i].lower_ in words:
        i -= 1
    return i


def _is_subject(doc: Doc, mention: PersonMention) -> bool:
    """The mention is the subject of its clause, itself or as the name of a role noun
    that is (``Le porte-parole X a dit``, parsed with X in apposition to the noun)."""
    tok = doc[mention.start : mention.end].root
    for _ in range(3):
        if tok.dep_.startswith("nsubj"):
            return True
        if tok.dep_ not in ("appos", "flat:name", "flat", "nmod") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _names_after_dont(doc: Doc, end: int, mentions: list[PersonMention]) -> list[int]:
    """The mentions listed after ``dont`` at token ``end`` (``, dont X, Y et Z``), by
    index."""
    j = end + 1 if end < len(doc) and doc[end].text == "," else end
    if j >= len(doc) or doc[j].lower_ != "dont":
        return []
    by_start = {m.start: k for k, m in enumerate(mentions)}
    found: list[int] = []
    j += 1
    while j in by_start:
        k = by_start[j]
        found.append(k)
        j = mentions[k].end
        if j < len(doc) and doc[j].text == ",":
            j += 1
        if j < len(doc) and doc[j].lower_ == "et":
            j += 1
    return found


def _role_words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """The lower-case words of a role phrase, without the modifiers before its noun
    (``ancien``, ``actuel``)."""
    i = start
    while i < end - 1 and doc[i].lower_ in _ROLE_PRE:
        i += 1
    return tuple(t.lower_.replace("’", "'") for t in doc[i:end])


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


def _link_roles(doc: Doc, mentions: list[PersonMention]) -> dict[int, list[tuple[int, int]]]:
    """Role phrases linked to the mention of the person they describe.

    Notes:
        French attaches a role to a person in a few fixed ways: before the name, in
        apposition after it (with or without an article), as the predicate of être,
        devenir, rester or nommer whose subject is the person, a relative pronoun or a
        personal pronoun, in a detached phrase opening the sentence (``Ancien
        ministre, il ...``), coordinated with a role already linked (``, puis
        ministre de ...``), and as a definite role mention standing for a person named
        before (``le chef de l'État``).
    """
    names = {i for m in mentions for i in range(m.start, m.end)}
    by_end = {m.end: k for k, m in enumerate(mentions)}
    by_start = {m.start: k for k, m in enumerate(mentions)}
    genders = [m.gender for m in mentions]
    linked: dict[int, list[tuple[int, int]]] = defaultdict(list)
    phrase_person: dict[int, int] = {}  # phrase end -> mention index
    heads: dict[int, list[str]] = defaultdict(list)
    role_words: dict[int, list[tuple[str, ...]]] = defaultdict(list)  # for periphrases
    for k, m in enumerate(mentions):
        for a, b in m.roles:
            heads[k] += [t.lemma_.lower() for t in doc[a:b]] + [t.lower_ for t in doc[a:b]]
            role_words[k].append(_role_words(doc, a, b))

    def compatible(k: int, gender: str | None) -> bool:
        return gender is None or genders[k] in (None, gender)

    # the person the article is about: the surname written most often
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        counts[doc[m.end - 1].lower_] += 1
    topic = None
    if counts:
        top = max(counts.values())
        topic = next(
            (k for k, m in enumerate(mentions) if counts[doc[m.end - 1].lower_] == top and top > 1),
            None,
        )

    def before(i: int, gender: str | None) -> int | None:
        best = None
        for k, m in enumerate(mentions):
            if m.end <= i and k not in complements and compatible(k, gender):
                best = k
        return best

    complements = {
        k for k, m in enumerate(mentions) if m.start > 0 and doc[m.start - 1].pos_ == "ADP"
    }
    subjects = [k for k, m in enumerate(mentions) if k not in complements and _is_subject(doc, m)]

    def pronoun_person(p: int) -> int | None:
        gender = _SUBJECT_PRONOUNS[doc[p].lower_]
        found = [k for k in subjects if mentions[k].end <= p and compatible(k, gender)]
        if found:
            return found[-1]
        if topic is not None and mentions[topic].end <= p and compatible(topic, gender):
            return topic
        return before(p, gender)

    def subject_before(i: int) -> int | None:
        """The person who is the subject of the clause ending at ``i``."""
        if i < 0:
            return None
        lo, _ = _sentence_bounds(doc, i)
        j = i
        while j >= lo:
            if j + 1 in by_end and by_end[j + 1] not in complements:
                return by_end[j + 1]
            low = doc[j].lower_
            if low in _SUBJECT_PRONOUNS:
                return pronoun_person(j)
            if low == "qui":
                k = _skip_back(doc, j - 1, lo, frozenset({","}))
                return by_end.get(k + 1)
            if (
                doc[j].pos_ == "VERB"
                and "Fin" in doc[j].morph.get("VerbForm", [])
                and j < i - 1
                and doc[j].lower_ not in _COPULAS
            ):
                return None
            j -= 1
        return None

    def role_gender(start: int) -> str | None:
        if start > 0 and doc[start - 1].lower_ in ("la", "une", "sa", "cette"):
            return "f"
        if start > 0 and doc[start - 1].lower_ in ("le", "un", "son", "ce"):
            return "m"
        return None

    data = french()
    sentence_of: dict[int, tuple[int, int]] = {}
    for bounds in doc_sentences(doc):
        for i in range(*bounds):
            sentence_of[i] = bounds

    def _sentence_bounds(_doc: Doc, i: int) -> tuple[int, int]:
        return sentence_of[i]

    phrases = _find_role_phrases(doc, names)
    # roles that introduce the name right after them: "le ministre X", "un homme nommé X"
    direct: dict[int, int] = {}
    for start, end, _ in phrases:
        if end in by_start:
            direct[start] = by_start[end]
        elif end + 1 in by_start and doc[end].lower_ in _NAMED:
            direct[start] = by_start[end + 1]
    for n, (start, end, head) in enumerate(phrases):
        lo, hi = _sentence_bounds(doc, start)
        if _plural(doc[head]):
            # a plural role shared by the names after "dont": "plusieurs ministres,
            # dont X et Y"; it is no role of one person otherwise
            for k in _names_after_dont(doc, end, mentions):
                linked[k].append((start, end))
            continue
        det = start - 1 if start > 0 and doc[start - 1].lower_ in _ROLE_DETS else start
        target: int | None = None
        # before the name: "le porte-parole X", "la ministre, X,"
        if start in direct:
            target = direct[start]
        elif n + 1 < len(phrases) and phrases[n + 1][0] in direct:
            # "L'assaillant, un homme nommé X": a role in apposition to a role
            gap = [t.lower_ for t in doc[end : phrases[n + 1][0]]]
            if gap and gap[0] == "," and all(w == "," or w in _ROLE_DETS for w in gap):
                target = direct[phrases[n + 1][0]]
        if (
            target is None
            and end < len(doc)
            and doc[end].text == ","
            and end + 1 in by_start
            and det < start
        ):
            target = by_start[end + 1]
        # after the name: "X, porte-parole", "X, le maire de", "X spécialiste de"
        if target is None and det > lo:
            k = det - 1
            if doc[k].text == ",":
                k -= 1
                # ", 73 ans," between the name and its role
                if (
                    k >= 1
                    and doc[k].lower_ == "ans"
                    and doc[k - 1].like_num
                    and doc[k - 2].text == ","
                ):
                    k -= 3
                if k + 1 in by_end:
                    target = by_end[k + 1]
                elif k + 1 in phrase_person:
                    target = phrase_person[k + 1]
            elif k + 1 in by_end and det == start:
                target = by_end[k + 1]
        # coordinated with a linked role: "sénateur et ministre", ", puis ministre"
        if target is None and det - 1 >= lo and doc[det - 1].lower_ in _LINK_WORDS:
            k = det - 1
            steps = 0
            while k >= lo and steps < 8 and k + 1 not in phrase_person:
                tok = doc[k]
                if tok.text == ")":
                    k = next((q for q in range(k, lo - 1, -1) if doc[q].text == "("), lo) - 1
                    continue
                if (
                    tok.pos_ == "AUX"
                    or "Fin" in tok.morph.get("VerbForm", [])
                    or tok.lower_ == "qui"
                ):
                    break
                k -= 1
                steps += 1
            if k + 1 in phrase_person and k < det - 1:
                target = phrase_person[k + 1]
        generic = doc[head].lower_ in data.generic_person_nouns
        # predicate: "X est le candidat", "il fut ministre", "nommé en 1984 secrétaire"
        if target is None and not (generic and det == start):
            k = _skip_back(doc, det - 1, lo, _PREDICATE_ADVS)
            while k >= lo and doc[k].like_num and k - 1 >= lo and doc[k - 1].lower_ == "en":
                k = _skip_back(doc, k - 2, lo, _PREDICATE_ADVS)
            if k >= lo and (doc[k].lower_ in _COPULAS or doc[k].lemma_ in _COPULAS):
                target = subject_before(k - 1)
        # detached at the start of the sentence: "Ancien ministre, il ..."
        if (
            target is None
            and not generic
            and start <= lo + 2
            and all(
                t.pos_ in ("ADV", "ADP", "DET") or t.lower_ in _ROLE_PRE | _OPENERS
                for t in doc[lo:start]
            )
        ):
            for j in range(end, hi):
                if j in by_start:
                    target = by_start[j]
                    break
                if doc[j].lower_ in _SUBJECT_PRONOUNS:
                    target = pronoun_person(j)
                    break
                if "Fin" in doc[j].morph.get("VerbForm", []):
                    break
        # a role mention for a person named before: "le chef de l'État a ..."
        if (
            target is None
            and det < start
            and doc[det].lower_ in _DEFINITE
            and doc[head].lower_ not in data.generic_person_nouns
            and doc[head].lemma_.lower() not in data.generic_person_nouns
        ):
            if (
                end < len(doc)
                and doc[end].text == ","
                and end + 1 < len(doc)
                and _capitalised(doc[end + 1])
            ):
                continue  # a name the NER missed follows
            lemma = doc[head].lemma_.lower()
            targets = _periphrasis_targets(_role_words(doc, start, end))
            same = [
                k
                for k, hs in heads.items()
                if mentions[k].end <= start
                and (lemma in hs or doc[head].lower_ in hs or _stands_for(targets, role_words[k]))
            ]
            gender = role_gender(start)
            salient = [k for k in subjects if mentions[k].end <= start and compatible(k, gender)]
            if same:
                target = same[-1]
            elif lemma in data.event_person_nouns or doc[head].lower_ in data.event_person_nouns:
                continue  # "le suspect" is no one named yet
            elif salient:
                target = salient[-1]
            else:
                target = before(start, gender)
        if target is None:
            continue
        linked[target].append((start, end))
        phrase_person[end] = target
        heads[target].append(doc[head].lemma_.lower())
        role_words[target].append(_role_words(doc, start, end))
    return linked


def _join_nicknames(
    doc: Doc, spans: list[tuple[int, int, tuple[int, int] | None]]
) -> list[tuple[int, int, tuple[int, int] | None]]:
    """``Ezequiel "Pocho" Lavezzi``, ``Ernesto « Che » Guevara``: a nickname in quote
    marks between a given name and a surname is inside one name, which the NER
    splits around the marks."""
    out: list[tuple[int, int, tuple[int, int] | None]] = []
    for span in sorted(spans):
        if out:
            a, b, title = out[-1]
            c, d, _ = span
            region = doc[a:d]
            marks = [t.i for t in region if t.text in _QUOTE_MARKS]
            if (
                0 <= c - b <= 2
                and all(t.text in _QUOTE_MARKS for t in doc[b:c])
                and len(marks) == 2
                and marks[0] > a
                and marks[1] + 1 < d
                and 1 <= marks[1] - marks[0] - 1 <= 2
                and all(_capitalised(t) for t in doc[marks[0] + 1 : marks[1]])
                and not any("\n" in t.text for t in region)
            ):
                out[-1] = (a, d, title)
                continue
        out.append(span)
    return out


_DASHES = frozenset({"-", "–", "—"})


def _split_at_dashes(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of an entity cut at a dash that stands apart (``Chen Aisen - Lin
    Yue``: a pair of names).

    Notes:
        A hyphen inside a name is written close up (``Jean-Marie``); a dash between
        spaces separates two names, as in doubles partnerships and lists. The NER joins
        them when no sentence boundary stops it.
    """
    pieces = []
    a = start
    for k in range(start + 1, end - 1):
        if doc[k].text in _DASHES and doc[k - 1].whitespace_ and doc[k].whitespace_:
            pieces.append((a, k))
            a = k + 1
    pieces.append((a, end))
    return [(x, y) for x, y in pieces if y > x]


def _past_role_complement(doc: Doc, start: int, end: int) -> int:
    """The start of a name whose first word is the complement of a role before it
    (``championne du monde d'Ironman Daniela Ryf``, ``le PDG de Renault Carlos Ghosn``).

    Notes:
        The NER runs the complement and the name together when no sentence boundary
        stops it. The first word is taken off only when the article uses it elsewhere
        without the rest of the name and not as a person (``le championnat
        d'Ironman``): agreement within the article, so that a given name after ``de``
        stays.
    """
    if end - start < 3 or start < 2 or doc[start - 1].lower_ not in _DE:
        return start
    generic = french().generic_person_nouns
    if not any(
        _is_role_noun(doc[k]) and doc[k].lower_ not in generic
        for k in range(max(0, start - 5), start - 1)
    ):
        return start  # "le fils de Jean Paul Roux": a relative, not a role with a complement
    first, second = doc[start].text, doc[start + 1].text
    for tok in doc:
        if (
            tok.text == first
            and not start <= tok.i < end
            and tok.ent_type_ != "PER"
            and (tok.i + 1 >= len(doc) or doc[tok.i + 1].text != second)
        ):
            return start + 1
    return start


def find_person_mentions(doc: Doc) -> list[PersonMention]:
    """Person name mentions of a parsed Doc, with title, roles and gender.

    Example:
        >>> [doc[m.start:m.end].text for m in find_person_mentions(nlp("M. Dupont a parlé."))]
        ['Dupont']
    """
    spans: list[tuple[int, int, tuple[int, int] | None]] = []
    things: set[str] = set()  # one-word names the text shows to be things
    for ent in doc.ents:
        if ent.label_ != "PER":
            continue
        for piece_start, piece_end in _split_at_dashes(doc, ent.start, ent.end):
            start, end, title = _trim_name(
                doc,
                _extend_left(doc, piece_start, piece_end),
                _extend_right(doc, piece_end),
            )
            start = _past_role_complement(doc, start, end)
            if _valid_name(doc, start, end):
                spans.append((start, end, title))
            elif end - start == 1 and _shown_as_thing(doc, start, end):
                things.add(doc[start].text)
    lists = _closed_lists(doc)
    placed = _listed_with_places_mostly(doc, spans, lists)
    if placed:
        spans = [(s, e, t) for s, e, t in spans if (s, e) not in placed]
        things.update(doc[s].text for s, e in placed if e - s == 1)
    taken = {i for s, e, _ in spans for i in range(s, e)}
    taken.update(i for s, e in placed for i in range(s, e))
    for start, end in _names_after_titles(doc, taken):
        if _valid_name(doc, start, end):
            spans.append((start, end, None))
            taken.update(range(start, end))
    for start, end in _roster_names(doc, taken):
        spans.append((start, end, None))
        taken.update(range(start, end))
    for start, end in _names_after_role_comma(doc, taken):
        if _valid_name(doc, start, end):
            spans.append((start, end, None))
            taken.update(range(start, end))
    for start, end in _names_after_role_phrase(doc, taken):
        if _valid_name(doc, start, end):
            spans.append((start, end, None))
            taken.update(range(start, end))
    for start, end in _names_from_given_names(doc, taken):
        if _valid_name(doc, start, end):
            spans.append((start, end, None))
            taken.update(range(start, end))
    for start, end in list(_coordinated_given_names(doc, spans, taken)):
        spans.append((start, end, None))
        taken.update(range(start, end))
    for start, end in list(_listed_with_persons(doc, spans, taken, lists)):
        if _valid_name(doc, start, end):
            spans.append((start, end, None))
            taken.update(range(start, end))
    for start, end in list(_fuller_forms(doc, spans, taken)):
        if _valid_name(doc, start, end):
            spans.append((start, end, None))
            taken.update(range(start, end))
    spans = _completed_to_full_names(doc, spans, taken)
    for start, end in _repeated_names(doc, spans, taken):
        spans.append((start, end, None))
    spans = _join_nicknames(doc, spans)
    if things:
        # agreement within the article: "le collectif Indecline" ... "Indecline a mis"
        spans = [
            (s, e, t)
            for s, e, t in spans
            if not (e - s == 1 and t is None and doc[s].text in things)
        ]
    mentions = []
    for start, end, title in sorted(spans):
        title = _title_before(doc, start) or title
        roles = tuple(r for r in (_role_before(doc, start), _role_after(doc, end)) if r is not None)
        gender = _gender(doc, title, start)
        for role in roles:
            gender = gender or _gender_of_role(doc, role)
        mentions.append(PersonMention(start, end, title, roles, gender))
    for k, extra in _link_roles(doc, mentions).items():
        m = mentions[k]
        roles = m.roles + tuple(
            r for r in extra if not any(r[0] < o[1] and o[0] < r[1] for o in m.roles)
        )
        gender = m.gender
        for role in roles:
            gender = gender or _gender_of_role(doc, role)
        mentions[k] = attrs.evolve(m, roles=roles, gender=gender)
    return mentions


def _is_organization(doc: Doc, ent: SpacySpan) -> bool:
    """An organisation the text names or makes act.

    Notes:
        Besides the NER's ``ORG``: the seat of an institution standing for it (``le
        Kremlin``, ``Matignon``, from ``organization_names.txt``) whatever the NER's
        label, and a place that is the subject of a verb (``l'Ukraine a rejeté ces
        conditions``): a country or city that acts is its government.
    """
    if ent.label_ == "ORG":
        return True
    start, end = _strip_article(doc, ent)
    if doc[start:end].text.lower() in french().nationalities:
        return False  # "l'Ukrainienne a assuré": a person
    if doc[start:end].text.lower() in french().organization_names:
        return True
    if ent.start > 0 and doc[ent.start - 1].lower_ in ("un", "une", "des"):
        return False  # "un Kanak a avoué": a person described, not a place that acts
    root = ent.root
    return (
        ent.label_ == "LOC"
        and root.dep_ == "nsubj"
        and root.head.pos_ == "VERB"
        and not any(t.dep_ == "cop" for t in root.head.children)
    )


def _char_span(doc: Doc, start: int, end: int) -> Span:
    # doc[start:end].text is the same characters as doc.text[a:b], without building
    # the whole text again (spaCy joins every token for doc.text)
    span = doc[start:end]
    return Span(span.start_char, span.end_char, span.text)


def _strip_article(doc: Doc, span: SpacySpan) -> tuple[int, int]:
    start = span.start
    while start < span.end - 1 and doc[start].lower_ in _ARTICLES | {"'", "’"}:
        start += 1
    return start, span.end


def find_entities(doc: Doc) -> tuple[Entity, ...]:
    """The persons and organisations of a parsed Doc, one entity each.

    Person mentions of one person are merged (``Vladimir Poutine``, ``M. Poutine``);
    organisations named alike (``le Kremlin``, ``Kremlin``) are merged too.

    Returns:
        Entities in order of first mention; ids ``e1``, ``e2``...
    """
    text = doc_text(doc)
    persons = find_person_mentions(doc)
    names = [NameMention(doc[m.start : m.end].text, doc[m.start].idx, m.gender) for m in persons]
    clusters = cluster_names(names)
    members: dict[int, list[int]] = defaultdict(list)
    for i, rep in enumerate(clusters):
        members[rep].append(i)

    drafts: list[tuple[int, Entity]] = []
    for idx in members.values():
        mentions = []
        roles: dict[tuple[int, int], Span] = {}
        genders = {persons[i].gender for i in idx} - {None}
        for i in idx:
            m = persons[i]
            span = _char_span(doc, m.start, m.end)
            title = None if m.title is None else _char_span(doc, *m.title)
            mentions.append(Mention(span.start, span.end, span.text, title=title))
            for r in m.roles:
                role = _char_span(doc, *r)
                roles[(role.start, role.end)] = role
        name = max((mm.text for mm in mentions), key=lambda t: (len(normalize(t).split()), len(t)))
        gender = genders.pop() if len(genders) == 1 else None
        entity = Entity(
            id="",
            kind="person",
            name=name,
            mentions=tuple(sorted(mentions, key=lambda mm: mm.start)),
            roles=tuple(sorted(roles.values(), key=lambda r: r.start)),
            gender=gender,  # type: ignore[arg-type]
            number="sing",
        )
        drafts.append((min(mm.start for mm in mentions), entity))

    person_tokens = {i for m in persons for i in range(m.start, m.end)}
    orgs: dict[str, list[Mention]] = defaultdict(list)
    org_names: dict[str, str] = {}
    for ent in doc.ents:
        if not _is_organization(doc, ent) or any(t.i in person_tokens for t in ent):
            continue
        start, end = _strip_article(doc, ent)
        if _is_role_noun(doc[start]) and not doc[start].text[:1].isupper():
            continue  # "ministre de la Culture" is a role, not an organisation
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if end <= start:
            continue
        span = _char_span(doc, start, end)
        org_names[normalize(span.text)] = max(
            org_names.get(normalize(span.text), ""), span.text, key=len
        )
        if ent.label_ != "ORG":
            # "le Kremlin", "la France": the article is part of how the institution
            # is named, as the attribution stage writes such a speaker
            first = start
            while first > 0 and doc[first - 1].lower_ in _ARTICLES | {"'", "’"}:
                first -= 1
            span = _char_span(doc, first, end)
        orgs[normalize(doc[start:end].text)].append(Mention(span.start, span.end, span.text))
    for key, org_mentions in orgs.items():
        name = org_names[key]
        drafts.append(
            (
                org_mentions[0].start,
                Entity(id="", kind="organization", name=name, mentions=tuple(org_mentions)),
            )
        )

    drafts.sort(key=lambda d: d[0])
    del text
    return tuple(attrs.evolve(e, id=f"e{k}") for k, (_, e) in enumerate(drafts, start=1))
