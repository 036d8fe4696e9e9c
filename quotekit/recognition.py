"""Person mentions: the recognizer's person names, repaired where the article shows better.

quotekit ships its own entity recognizer, trained on French news
(:mod:`quotekit.training.ner`); the repairs here are the ones that still raise the
person-name figures with it on months it never saw (``benchmarks/ner_ablation.py``):
titles and articles moved out of the name (:mod:`quotekit.titles`), spans that are not
names dropped (words that are never names, role nouns, a thing named after a class noun
such as ``la compagnie aérienne X``, an institution's seat, a place, an acronym, the
whole of a quotation), and names the recognizer missed that the article itself shows:
a given name before a capitalised word, given names coordinated with a person's, the
full form of a name the article gave elsewhere, and names it gave found again.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token

from quotekit._resources import french
from quotekit._text import string_ids, token_positions
from quotekit.titles import (
    _ARTICLES,
    _DE,
    _NAME_PARTICLES,
    _capitalised,
    _hyphen_joined,
    _is_name_token,
    _is_role_noun,
    _is_title,
    _trim_name,
)
from quotekit.tokens import NAME_PREFIXES

__all__ = ["PersonMention", "find_person_spans"]


@attrs.frozen
class PersonMention:
    """A person's name mention with the title and role phrases found around it."""

    start: int  # token index
    end: int
    title: tuple[int, int] | None = None  # token range
    roles: tuple[tuple[int, int], ...] = ()
    gender: str | None = None


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
    done = 0
    for i in token_positions(doc, ORTH, _given_name_ids()):
        if i < done or i in taken or (i > 0 and doc[i - 1].lower_ in _NOT_BEFORE_GIVEN):
            continue
        k = _name_run(doc, i)
        if k <= i + 1 or any(j in taken for j in range(i, k)):
            continue
        yield i, k
        done = k


@functools.lru_cache(maxsize=1)
def _given_name_ids() -> frozenset[int]:
    return string_ids(french().given_names)


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
    if _fills_quotation(doc, start, end):
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
        The NER cuts a name it labels two ways into two entities; the NER's span is
        kept as it is, and :func:`_repeated_names` does not touch words
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
    firsts = {k[0] for k in known}
    # only the tokens that can start a known name are visited: found on the Doc's arrays
    # (a particle's key is its lower case, any other word's its text)
    starts = token_positions(doc, ORTH, string_ids(firsts))
    starts += token_positions(doc, LOWER, string_ids(firsts & _NAME_PARTICLES))
    resume = 0  # the token after the last name found
    for i in sorted(set(starts)):
        if i < resume:
            continue
        keys = key(doc[i : i + longest])
        if (
            keys[0] not in firsts
            or i in taken
            or not (_capitalised(doc[i]) or doc[i].lower_ in _NAME_PARTICLES)
        ):
            continue
        label = doc[i].ent_type_
        for size in range(min(longest, len(doc) - i), 0, -1):
            words = keys[:size]
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
            resume = i + size
            break


def find_person_spans(doc: Doc) -> list[tuple[int, int, tuple[int, int] | None]]:
    """The person names of a Doc as token ranges ``(start, end, title)``, in no order.

    The NER's ``PER`` entities, with titles, civilities and articles moved out of the
    name (``title`` is the token range of the civility or title written in the entity),
    less those that are not names (:func:`_valid_name`); then the names the NER missed
    that the article itself shows: a given name before a capitalised word, given names
    coordinated with a person's, the full form of a name the article gave elsewhere,
    and the names the article gave found again.

    Every repair here was kept because it raises the person-name figures of the
    recognizer quotekit ships on unseen months (``benchmarks/ner_ablation.py``).
    """
    spans: list[tuple[int, int, tuple[int, int] | None]] = []
    for ent in doc.ents:
        if ent.label_ != "PER":
            continue
        start, end, title = _trim_name(doc, ent.start, ent.end)
        if _valid_name(doc, start, end):
            spans.append((start, end, title))
    taken = {i for s, e, _ in spans for i in range(s, e)}
    for start, end in _names_from_given_names(doc, taken):
        if _valid_name(doc, start, end):
            spans.append((start, end, None))
            taken.update(range(start, end))
    for start, end in list(_coordinated_given_names(doc, spans, taken)):
        spans.append((start, end, None))
        taken.update(range(start, end))
    spans = _completed_to_full_names(doc, spans, taken)
    for start, end in _repeated_names(doc, spans, taken):
        spans.append((start, end, None))
    return spans
