"""Persons, organisations and their roles: who is in the article, and what it says they are.

Person mentions start from the statistical NER (``PER``) and are repaired with
mechanisms that generalise: civilities and titles are moved out of the name span
into the mention's ``title``; words that are never names (months, function words)
and role nouns are not names; a capitalised word after a civility is a name even
when the NER missed it. Roles are read before the name (``le porte-parole du Kremlin
Dmitri Peskov``) and in apposition after it (``Dmitri Peskov, porte-parole du
Kremlin,``). Mentions of one person are merged by :mod:`quotekit.names`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import attrs
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from quotekit._resources import french
from quotekit.model import Entity, Mention, Span
from quotekit.names import NameMention, cluster_names, normalize

__all__ = ["PersonMention", "find_entities", "find_person_mentions"]

_FEMININE_TITLES = frozenset(
    {"mme", "mmes", "mlle", "mlles", "madame", "mademoiselle", "lady", "sainte"}
)
_MASCULINE_TITLES = frozenset(
    {"m.", "mm.", "monsieur", "sir", "lord", "saint", "mgr", "monseigneur"}
)
_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "l"})
_NAME_PARTICLES = frozenset(
    {
        "de",
        "du",
        "des",
        "d'",
        "d’",
        "von",
        "van",
        "der",
        "den",
        "di",
        "da",
        "del",
        "ben",
        "bin",
        "al",
        "el",
        "le",
        "la",
    }
)
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
    data = french()
    return tok.lower_ in data.role_nouns or tok.lemma_.lower() in data.role_nouns


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def _is_name_token(tok: Token) -> bool:
    if tok.lower_ in _NAME_PARTICLES or tok.text in ("-", "'", "’"):
        return True
    return _capitalised(tok) and not _is_title(tok)


def _trim_name(doc: Doc, start: int, end: int) -> tuple[int, int, tuple[int, int] | None]:
    """Move titles, roles and articles out of a name span; drop trailing junk."""
    title_start: int | None = None
    while start < end:
        tok = doc[start]
        if (
            _is_title(tok)
            or tok.lower_ in _ARTICLES
            or (_is_role_noun(tok) and not tok.text[:1].isupper())
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
        start += 1
    title = (title_start, start) if title_start is not None and title_start < start else None
    return start, end, title


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a hyphenated word written without spaces (``moon`` of ``Ki-moon``)."""
    return (
        i >= 2
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


def _gender_of_role(doc: Doc, role: tuple[int, int]) -> str | None:
    """Gender shown by a role phrase: its article or its role noun (``la ministre``)."""
    first = role[0]
    if first > 0 and doc[first - 1].pos_ == "DET":
        g = doc[first - 1].morph.get("Gender", [])
        if g:
            return "f" if g[0] == "Fem" else "m"
        if doc[first - 1].lower_ in ("la", "une"):
            return "f"
        if doc[first - 1].lower_ in ("le", "un", "du", "au"):
            return "m"
    for tok in doc[role[0] : role[1]]:
        if _is_role_noun(tok) and tok.pos_ == "NOUN":
            g = tok.morph.get("Gender", [])
            if g:
                return "f" if g[0] == "Fem" else "m"
            break
    return None


def _gender(doc: Doc, title: tuple[int, int] | None, start: int) -> str | None:
    if title is None:
        return None
    words = [t.lower_ for t in doc[title[0] : title[1]]]
    if any(w in _FEMININE_TITLES for w in words) or "la" in words:
        return "f"
    if any(w in _MASCULINE_TITLES for w in words) or "le" in words:
        return "m"
    for tok in doc[title[0] : title[1]]:
        if _is_role_noun(tok):
            g = tok.morph.get("Gender", [])
            if g:
                return "f" if g[0] == "Fem" else "m"
    return None


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
    j = start - 1
    first_role: int | None = None
    while j >= 0 and start - j <= 10:
        tok = doc[j]
        if (
            tok.text in _ROLE_STOP
            or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ")
            or "\n" in tok.text
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
    # adjectives before the role noun: "ancien ministre"
    while k < len(doc) and k - j < 2 and doc[k].pos_ == "ADJ" and not _is_role_noun(doc[k]):
        k += 1
    if k >= len(doc) or not _is_role_noun(doc[k]):
        return None
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


def _name_cue(tok: Token) -> int:
    """How many capitalised words a name after ``tok`` needs: 1 after a civility
    (``M. Dupont``), 2 after a role noun or a nationality (``l'Autrichienne Nadine
    Fest``, ``le prix Nobel Carlo Rubbia``); 0 when ``tok`` introduces no name."""
    if _is_title(tok) and tok.text[:1].isupper():
        return 1
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
            and (_capitalised(doc[k]) or (k > j and doc[k].lower_ in _NAME_PARTICLES))
        ):
            if doc[k].is_punct or "\n" in doc[k].text:
                break
            k += 1
        while k > j and not _capitalised(doc[k - 1]):
            k -= 1
        if k - j < need or any(i in taken for i in range(j, k)):
            continue
        if need == 2 and any(doc[i].ent_type_ in ("LOC", "ORG") for i in range(j, k)):
            continue  # "le ministre Affaires étrangères"-like misparses stay out
        yield j, k


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
        return j > 0 and doc[j - 1].lower_ in data.place_nouns_de
    return j >= 0 and doc[j].lower_ in data.place_nouns


def _valid_name(doc: Doc, start: int, end: int) -> bool:
    if end <= start:
        return False
    toks = list(doc[start:end])
    if not any(_capitalised(t) for t in toks):
        return False
    if any("\n" in t.text for t in toks):
        return False
    data = french()
    core = [t for t in toks if t.lower_ not in _NAME_PARTICLES]
    if not core or all(t.lower_ in data.not_names or _is_role_noun(t) for t in core):
        return False
    if _is_role_noun(core[0]) and len(core) < len(toks):
        return False  # "Président de la République": a capitalised role, not a name
    if _named_thing_before(doc, start):
        return False
    return not all(t.is_upper and len(t.text) <= 5 and len(toks) == 1 for t in core)  # acronyms


def _ent_is(doc: Doc, start: int, end: int) -> bool:
    """The tokens [start, end) are exactly one named entity of the NER."""
    ent = doc[start].ent_iob_ == "B" and (end == len(doc) or doc[end].ent_iob_ != "I")
    return ent


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
    known: set[tuple[str, ...]] = set()
    for start, end, _ in spans:
        words = tuple(t.text for t in doc[start:end])
        if len(words) >= 2:
            known.add(words)
        core = [t for t in doc[start:end] if t.lower_ not in _NAME_PARTICLES]
        if len(core) >= 2 and core[-1].is_alpha and len(core[-1].text) > 2:
            known.add((core[-1].text,))
    if not known:
        return
    longest = max(len(k) for k in known)
    ent_label = {t.i: t.ent_type_ for t in doc}
    i = 0
    while i < len(doc):
        if i in taken or not _capitalised(doc[i]):
            i += 1
            continue
        for size in range(min(longest, len(doc) - i), 0, -1):
            words = tuple(t.text for t in doc[i : i + size])
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
                or (after is not None and _capitalised(after) and after.ent_type_ == ent_label[i])
            ):
                continue
            if _hyphen_joined(doc, i) or _hyphen_joined(doc, i + size + 1):
                continue  # part of a compound: "Roland-Garros"
            if ent_label[i] not in ("", "PER") and not _ent_is(doc, i, i + size):
                continue  # inside a longer place or organisation: "Centre culturel Tjibaou"
            taken.update(range(i, i + size))
            yield i, i + size
            i += size - 1
            break
        i += 1


def find_person_mentions(doc: Doc) -> list[PersonMention]:
    """Person name mentions of a parsed Doc, with title, roles and gender.

    Example:
        >>> [doc[m.start:m.end].text for m in find_person_mentions(nlp("M. Dupont a parlé."))]
        ['Dupont']
    """
    spans: list[tuple[int, int, tuple[int, int] | None]] = []
    for ent in doc.ents:
        if ent.label_ != "PER":
            continue
        start, end, title = _trim_name(doc, ent.start, ent.end)
        if _valid_name(doc, start, end):
            spans.append((start, end, title))
    taken = {i for s, e, _ in spans for i in range(s, e)}
    for start, end in _names_after_titles(doc, taken):
        if _valid_name(doc, start, end):
            spans.append((start, end, None))
            taken.update(range(start, end))
    for start, end in _repeated_names(doc, spans, taken):
        spans.append((start, end, None))
    mentions = []
    for start, end, title in sorted(spans):
        title = _title_before(doc, start) or title
        roles = tuple(r for r in (_role_before(doc, start), _role_after(doc, end)) if r is not None)
        gender = _gender(doc, title, start)
        for role in roles:
            gender = gender or _gender_of_role(doc, role)
        mentions.append(PersonMention(start, end, title, roles, gender))
    return mentions


def _char_span(doc: Doc, start: int, end: int) -> Span:
    first, last = doc[start], doc[end - 1]
    return Span.of(doc.text, first.idx, last.idx + len(last.text))


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
    text = doc.text
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
    for ent in doc.ents:
        if ent.label_ != "ORG" or any(t.i in person_tokens for t in ent):
            continue
        start, end = _strip_article(doc, ent)
        if _is_role_noun(doc[start]) and not doc[start].text[:1].isupper():
            continue  # "ministre de la Culture" is a role, not an organisation
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if end <= start:
            continue
        span = _char_span(doc, start, end)
        orgs[normalize(span.text)].append(Mention(span.start, span.end, span.text))
    for org_mentions in orgs.values():
        name = max((m.text for m in org_mentions), key=len)
        drafts.append(
            (
                org_mentions[0].start,
                Entity(id="", kind="organization", name=name, mentions=tuple(org_mentions)),
            )
        )

    drafts.sort(key=lambda d: d[0])
    del text
    return tuple(attrs.evolve(e, id=f"e{k}") for k, (_, e) in enumerate(drafts, start=1))
