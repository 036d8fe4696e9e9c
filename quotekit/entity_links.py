"""Entities joined after attribution: an organisation and its acronym are one entity
(``UE`` / ``Union européenne``), and a speaker that takes up the noun written before a
name stands for that entity (``le quotidien La Gazette … Le quotidien affirme``).

Both run after the speaker ranker, on the finished analysis: they only add names to an
entity or point a description at the entity it stands for, so the ranker's training data
stays as it is.
"""

from __future__ import annotations

import re
from collections import defaultdict

import attrs
from spacy.tokens import Doc

from quotekit._text import doc_text
from quotekit.attribution import joined_persons
from quotekit.cue_sources import _cue_token, _source_token
from quotekit.model import Analysis, Entity, Span, Speaker
from quotekit.names import normalize

__all__ = [
    "group_speakers",
    "join_acronyms",
    "link_descriptions",
    "link_entities",
    "name_descriptions",
]


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

    An acronym joins the one other organisation of the article that the text follows
    with it in brackets (``Commonwealth Scientific and Industrial Research Organisation
    (CSIRO)``), else the one named before it whose initials it is (``UE`` / ``Union
    européenne``, small words left out: ``ONU`` / ``Organisation des Nations unies``);
    with two candidates it joins neither. Ids are renumbered in order and speakers
    follow their entity.
    """
    orgs = [e for e in analysis.entities if e.kind == "organization"]
    into: dict[str, Entity] = {}  # the acronym's entity id -> the full name's entity
    for a in orgs:
        acronym = _acronym(a.name)
        if acronym is None:
            continue
        others = [b for b in orgs if b.id != a.id and _acronym(b.name) is None]
        bracketed = [b for b in others if _bracketed(text, b, acronym)]
        # by initials only when the full name comes first, as the press introduces an
        # acronym (a headline aside): "le RN" alone is not "Radio Nova" named later
        headline = text.find("\n")
        body = [m.start for m in a.mentions if m.start > headline] or [m.start for m in a.mentions]
        first = min(body, default=0)
        fulls = bracketed or [
            b
            for b in others
            if acronym in _initials(b.name) and min(m.start for m in b.mentions) < first
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
        entity = new_id.get(who.entity)
        if entity is None:
            return who
        return attrs.evolve(who, entity=entity, name=names[entity])

    quotes = [
        attrs.evolve(q, speaker=follow(q.speaker), via=follow(q.via)) for q in analysis.quotes
    ]
    return attrs.evolve(analysis, entities=tuple(kept), quotes=tuple(quotes))


_DESCRIPTION = re.compile(r"(?:l['’]\s*|le |la )(\w+)", re.IGNORECASE)


_PHRASE_BREAK = re.compile(r"[.,;:!?«»()\[\]\n]")


def _noun_before(text: str, start: int) -> str | None:
    """The lower-case noun written with its article right before a name starting at
    ``start`` (over the name's own article), in the same phrase: ``quotidien`` in ``le
    quotidien (Le) Monde``, nothing in ``a déclaré Jean Dupont`` or ``le ministre. Jean``."""
    before = text[max(0, start - 40) : start]
    cut = max((m.end() for m in _PHRASE_BREAK.finditer(before)), default=0)
    words: list[str] = re.findall(r"\w+", before[cut:])
    if words and words[-1].lower() in ("le", "la", "les", "l"):
        words = words[:-1]  # "Le Canard enchaîné": the name's own article
    if len(words) < 2 or not words[-1].islower():
        return None
    if words[-2].lower() not in ("le", "la", "l", "du", "au"):
        return None
    return words[-1]


def link_descriptions(text: str, analysis: Analysis) -> Analysis:
    """A speaker that takes up the noun written before a name stands for that entity:
    ``le quotidien La Gazette … Le quotidien affirme``, ``le milliardaire Paul Sanders …
    le milliardaire a déclaré``.

    The speaker is the noun alone with a definite article (``le quotidien``,
    ``l'hebdomadaire``), as a description or as an organisation named by that noun
    (``le groupe``); it stands for the person or organisation named before the quote with
    that noun before its name, when exactly one is. The speaker keeps its mention.
    """
    if not any(q.speaker is not None and q.speaker.kind != "person" for q in analysis.quotes):
        return analysis  # only a description or an organisation's noun can be linked
    introduced = [
        (m.start, e.id, noun)
        for e in analysis.entities
        for m in e.mentions
        if m.kind == "name" and (noun := _noun_before(text, m.start)) is not None
    ]
    if not introduced:
        return analysis
    by_id = {e.id: e for e in analysis.entities}
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
            stands = Speaker(entity.name, entity.kind, entity.id, speaker.mention)
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
    into = {
        a: b
        for a, b in moved.items()
        if a is not None and b is not None and a not in still and by_id[b].kind == by_id[a].kind
    }
    return _absorb(attrs.evolve(analysis, quotes=tuple(quotes)), into, as_roles=True)


def name_descriptions(doc: Doc, analysis: Analysis) -> Analysis:
    """A description speaker named without the addressee of the words, which the parse
    hangs on it: ``un porte-parole de la police`` for ``selon un porte-parole de la
    police à l'AFP``. The speaker's mention keeps the phrase as the text writes it."""
    quotes = list(analysis.quotes)
    for k, quote in enumerate(quotes):
        speaker = quote.speaker
        if speaker is None or speaker.kind != "description" or speaker.mention is None:
            continue
        span = doc.char_span(speaker.mention.start, speaker.mention.end, alignment_mode="expand")
        if span is None:
            continue
        nouns = [t.i for t in span if t.pos_ in ("NOUN", "PROPN")]
        if not nouns:
            continue
        cut = None
        for t in span:
            if t.i <= nouns[0]:
                continue
            addressee = (
                t.lower_ in ("à", "au", "aux")
                and t.i + 1 < span.end
                # an organisation (a news agency, a paper), not a place: "à Kiev" stays
                and any(
                    w.text[:1].isupper() and w.ent_type_ == "ORG"
                    for w in doc[t.i + 1 : min(t.i + 3, span.end)]
                )
            )
            if addressee:
                cut = t.i
                break
        if cut is None:
            continue
        end = cut
        while end > span.start and doc[end - 1].is_punct:
            end -= 1
        name = doc[span.start : end].text
        if name and name != speaker.name:
            quotes[k] = attrs.evolve(quote, speaker=attrs.evolve(speaker, name=name))
    if quotes == list(analysis.quotes):
        return analysis
    return attrs.evolve(analysis, quotes=tuple(quotes))


def group_speakers(doc: Doc, analysis: Analysis) -> Analysis:
    """A quote whose source is persons joined by ``et`` or ``ainsi que`` (``selon
    Jean Dupont et Marie Durand``, ``Le ministre X ainsi que Y ont annoncé``) is theirs
    together: its speaker is the group as the text names it, when the speaker chosen is
    one of them."""
    text = doc_text(doc)
    names: dict[int, tuple[str, int, int]] = {}  # token index -> person id, name mention
    for entity in analysis.entities:
        if entity.kind != "person":
            continue
        for m in entity.mentions:
            if m.kind != "name":
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for tok in span or ():
                names[tok.i] = (entity.id, m.start, m.end)
    quotes = list(analysis.quotes)
    for k, quote in enumerate(quotes):
        speaker = quote.speaker
        if speaker is None or speaker.kind != "person" or quote.cue is None:
            continue
        cue = _cue_token(doc, quote.cue)
        if cue is None:
            continue
        if cue.pos_ == "ADP":  # selon X, d'après X
            source = cue.head if cue.head.i != cue.i else None
        else:
            source = _source_token(cue)  # the rules' own subject or passive agent
        if source is None or quote.start <= source.idx < quote.end:
            continue
        joined = joined_persons(source, lambda tok: names.get(tok.i))
        if joined is None or speaker.entity not in joined[0]:
            continue
        group = Span(joined[1], joined[2], text[joined[1] : joined[2]])
        quotes[k] = attrs.evolve(quote, speaker=Speaker(group.text, "description", None, group))
    if quotes == list(analysis.quotes):
        return analysis
    return attrs.evolve(analysis, quotes=tuple(quotes))


def link_entities(text: str, analysis: Analysis, doc: Doc | None = None) -> Analysis:
    """All the links of this module, in order: acronyms joined, descriptions linked to
    the entity they stand for, then (given the parsed ``doc``) descriptions named and
    persons who speak together grouped."""
    linked = link_descriptions(text, join_acronyms(text, analysis))
    return linked if doc is None else group_speakers(doc, name_descriptions(doc, linked))
