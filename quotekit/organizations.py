"""Organisations: the recognizer's ``ORG``, institution seats (``le Kremlin``) and places
that act (``l'Ukraine a rejeté``), one entity for those named alike.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from quotekit._resources import french
from quotekit.model import Entity, Mention
from quotekit.names import normalize
from quotekit.titles import _ARTICLES, _char_span, _is_role_noun

__all__ = ["find_organizations"]


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


def _strip_article(doc: Doc, span: SpacySpan) -> tuple[int, int]:
    start = span.start
    while start < span.end - 1 and doc[start].lower_ in _ARTICLES | {"'", "’"}:
        start += 1
    return start, span.end


def _with_adjectives(doc: Doc, end: int) -> int:
    """``le ministère de l'Intérieur turc``, ``l'Agence américaine océanique et
    atmosphérique``: a nationality adjective, or an adjective coordinated to a word of the
    name, after the recognizer's span belongs to the organisation's name."""
    nationalities = french().nationalities
    start = end
    while end < len(doc):
        tok = doc[end]
        if tok.text[:1].islower() and tok.lower_ in nationalities:
            end += 1
        elif (
            tok.lower_ == "et"
            and end + 1 < len(doc)
            and doc[end + 1].pos_ == "ADJ"
            and doc[end + 1].text[:1].islower()
            and doc[end + 1].dep_ == "conj"
            and doc[end + 1].head.i < start
        ):
            end += 2  # "l'Agence américaine océanique et atmosphérique"
        else:
            break
    return end


def find_organizations(doc: Doc, person_tokens: set[int]) -> list[tuple[int, Entity]]:
    """The organisations of a parsed Doc, each with the offset of its first mention:
    the NER's entities that :func:`_is_organization` accepts and that hold no token of
    a person's name (``person_tokens``); those named alike are one entity."""
    drafts: list[tuple[int, Entity]] = []
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
        end = _with_adjectives(doc, end)
        span = _char_span(doc, start, end)
        org_names[normalize(span.text)] = max(
            org_names.get(normalize(span.text), ""), span.text, key=len
        )
        if ent.label_ != "ORG" or span.text.lower() in french().organization_names:
            # "le Kremlin", "la France": the article is part of how the institution
            # is named, as the attribution stage writes such a speaker (whether the
            # recognizer reads the seat as a place or as the organisation)
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

    return drafts
