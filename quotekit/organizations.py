"""Organisations: the recognizer's ``ORG``, institution seats (``le Kremlin``) and places
that act (``l'Ukraine a rejeté``), one entity for those named alike, and one entity for an
organisation and its acronym (``OMS`` / ``Organisation mondiale de la santé``).
"""

from __future__ import annotations

import re
from collections import defaultdict

import attrs
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from quotekit._resources import french
from quotekit.model import Analysis, Entity, Mention, Speaker
from quotekit.names import normalize
from quotekit.titles import _ARTICLES, _char_span, _is_role_noun

__all__ = ["find_organizations", "join_acronyms", "link_descriptions"]


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


#: Words an acronym may leave out: "Organisation des Nations unies" is the ONU.
_SMALL_WORDS = frozenset(
    {"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "sur", "en", "a", "au", "aux"}
    | {"of", "the", "and", "for"}
)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,6}")


def _acronym(name: str) -> str | None:
    """``name`` as an acronym (``OMS``, ``l'ONU``), or None when it is not one."""
    word = re.sub(r"^(?:l['’]|les? |la )", "", name.strip(), flags=re.IGNORECASE)
    if not _ACRONYM.fullmatch(word) or sum(c.isalpha() for c in word) < 2:
        return None
    return word


def _initials(name: str) -> set[str]:
    """The acronyms a full name can have: the initials of all its words, and of its words
    without the small ones (``Organisation des Nations unies``: ``ODNU``, ``ONU``)."""
    words = [w for w in re.split(r"[\s\-'’]+", normalize(name)) if w]
    if len(words) < 2:
        return set()
    out = {"".join(w[0] for w in words).upper()}
    content = [w for w in words if w not in _SMALL_WORDS]
    if len(content) >= 2:
        out.add("".join(w[0] for w in content).upper())
    return out


def _bracketed(text: str, full: Entity, acronym: str) -> bool:
    """The text writes ``acronym`` in brackets right after a mention of ``full``."""
    after = re.compile(r"\s*\(\s*" + re.escape(acronym) + r"\s*\)")
    return any(after.match(text, m.end) for m in full.mentions)


def join_acronyms(text: str, analysis: Analysis) -> Analysis:
    """One entity for an organisation and its acronym, named by the full name.

    An acronym joins the one other organisation of the article whose initials it is
    (``UE`` / ``Union européenne``, small words left out: ``ONU`` / ``Organisation des
    Nations unies``) or that the text follows with it in brackets (``Commonwealth
    Scientific and Industrial Research Organisation (CSIRO)``); with two candidates it
    joins neither. Ids are renumbered in order and speakers follow their entity.
    """
    orgs = [e for e in analysis.entities if e.kind == "organization"]
    into: dict[str, Entity] = {}  # the acronym's entity id -> the full name's entity
    for a in orgs:
        acronym = _acronym(a.name)
        if acronym is None:
            continue
        fulls = [
            b
            for b in orgs
            if b.id != a.id
            and _acronym(b.name) is None
            and (acronym in _initials(b.name) or _bracketed(text, b, acronym))
        ]
        if len(fulls) == 1:
            into[a.id] = fulls[0]
    return _absorb(analysis, {a: b.id for a, b in into.items()})


def _absorb(analysis: Analysis, into: dict[str, str], *, as_roles: bool = False) -> Analysis:
    """``analysis`` with each entity of ``into``'s keys merged into the entity its value
    names (mentions and roles joined; the kept entity's name); ids renumbered in order,
    speakers and ``via`` following their entity. With ``as_roles`` the merged entities'
    mentions are role mentions of the kept one (``le groupe`` of ``Vektor``)."""
    if not into:
        return analysis
    absorbed: dict[str, list[Entity]] = defaultdict(list)
    for e in analysis.entities:
        if e.id in into:
            if as_roles:
                e = attrs.evolve(e, mentions=[attrs.evolve(m, kind="role") for m in e.mentions])
            absorbed[into[e.id]].append(e)
    kept: list[Entity] = []
    new_id: dict[str, str] = {}
    for e in analysis.entities:
        if e.id in into:
            continue
        parts = [e, *absorbed.get(e.id, [])]
        mentions = {(m.start, m.end): m for p in parts for m in p.mentions}
        roles = {(r.start, r.end): r for p in parts for r in p.roles}
        merged = attrs.evolve(
            e,
            id=f"e{len(kept) + 1}",
            mentions=tuple(mentions[k] for k in sorted(mentions)),
            roles=tuple(roles[k] for k in sorted(roles)),
        )
        for p in parts:
            new_id[p.id] = merged.id
        kept.append(merged)
    names = {e.id: e.name for e in kept}

    def follow(who: Speaker | None) -> Speaker | None:
        if who is None or who.entity is None:
            return who
        entity = new_id[who.entity]
        return attrs.evolve(who, entity=entity, name=names[entity])

    quotes = [
        attrs.evolve(q, speaker=follow(q.speaker), via=follow(q.via)) for q in analysis.quotes
    ]
    return attrs.evolve(analysis, entities=tuple(kept), quotes=tuple(quotes))


_DESCRIPTION = re.compile(r"(?:l['’]\s*|le |la )(\w+)", re.IGNORECASE)


def _noun_before(text: str, start: int) -> str | None:
    """The lower-case noun written right before a name starting at ``start``, over the
    name's own article: ``quotidien`` in ``le quotidien (Le) Monde``."""
    words: list[str] = re.findall(r"\w+", text[max(0, start - 40) : start])
    if words and words[-1].lower() in ("le", "la", "les", "l"):
        words = words[:-1]  # "Le Canard enchaîné": the name's own article
    if not words or not words[-1].islower():
        return None
    return words[-1]


def link_descriptions(text: str, analysis: Analysis) -> Analysis:
    """A speaker that takes up the noun written before an organisation's name stands for
    that organisation: ``le quotidien La Gazette … Le quotidien affirme``.

    The speaker is the noun alone with a definite article (``le quotidien``,
    ``l'hebdomadaire``), as a description or as an organisation named by that noun
    (``le groupe``); it stands for the organisation named before the quote with that
    noun before its name, when exactly one is. The speaker keeps its mention.
    """
    orgs = [e for e in analysis.entities if e.kind == "organization"]
    introduced = [
        (m.start, e.id, noun)
        for e in orgs
        for m in e.mentions
        if (noun := _noun_before(text, m.start)) is not None
    ]
    if not introduced:
        return analysis
    by_id = {e.id: e for e in orgs}
    quotes = list(analysis.quotes)
    for k, quote in enumerate(quotes):
        speaker = quote.speaker
        if speaker is None or speaker.kind == "person":
            continue
        if speaker.kind == "organization" and (speaker.mention is None or " " in speaker.name):
            continue  # a name, not a bare noun
        mention = speaker.mention.text if speaker.mention is not None else speaker.name
        found = _DESCRIPTION.fullmatch(mention.strip())
        if found is None:
            continue
        noun = found.group(1).lower()
        named = {eid for at, eid, n in introduced if n == noun and at < quote.start}
        named.discard(speaker.entity or "")
        if len(named) == 1:
            entity = by_id[named.pop()]
            stands = Speaker(entity.name, "organization", entity.id, speaker.mention)
            quotes[k] = attrs.evolve(quote, speaker=stands)
    if quotes == list(analysis.quotes):
        return analysis
    # an organisation named by the bare noun ("groupe") that no quote keeps is the
    # named one: one entity
    moved = {
        old.speaker.entity: new.speaker.entity
        for old, new in zip(analysis.quotes, quotes, strict=True)
        if old.speaker is not None and new.speaker is not None and old.speaker != new.speaker
    }
    still = {q.speaker.entity for q in quotes if q.speaker is not None}
    into = {a: b for a, b in moved.items() if a is not None and b is not None and a not in still}
    return _absorb(attrs.evolve(analysis, quotes=tuple(quotes)), into, as_roles=True)
