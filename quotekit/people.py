"""Persons, organisations and their roles: who is in the article, and what it says they are.

This module puts the person stage together; each part has a module of its own:

- :mod:`quotekit.recognition`: person mentions, from the entity recognizer quotekit
  ships (trained on French news, :mod:`quotekit.training.ner`) and the few repairs
  that still raise its figures on unseen months;
- :mod:`quotekit.titles`: titles and civilities moved out of names, gender, and the
  roles written right before or after a name;
- :mod:`quotekit.roles`: the other role phrases and the person each one describes;
- :mod:`quotekit.organizations`: organisations.

Mentions of one person are merged by :mod:`quotekit.names`.
"""

from __future__ import annotations

from collections import defaultdict

import attrs
from spacy.tokens import Doc

from quotekit._text import doc_text
from quotekit.aliases import alias_links, table_links
from quotekit.model import Entity, Mention, Span
from quotekit.names import NameMention, cluster_names, join_aliases, normalize
from quotekit.organizations import find_organizations
from quotekit.recognition import PersonMention, find_person_spans
from quotekit.roles import _link_roles
from quotekit.titles import (
    _char_span,
    _gender,
    _gender_of_given_name,
    _gender_of_role,
    _plural,
    _role_after,
    _role_before,
    _title_before,
)
from quotekit.tokens import split_prefixed_names

# split_prefixed_names moved to quotekit.tokens; it is still importable from here
__all__ = ["PersonMention", "find_entities", "find_person_mentions", "split_prefixed_names"]


def find_person_mentions(
    doc: Doc, *, how: dict[tuple[int, int], str] | None = None
) -> list[PersonMention]:
    """Person name mentions of a parsed Doc, with title, roles and gender.

    When ``how`` is given, the construction that gave each role is written to it, by
    the role's token range (``benchmarks/role_links.py`` scores each construction).

    Example:
        >>> [doc[m.start:m.end].text for m in find_person_mentions(nlp("M. Dupont a parlé."))]
        ['Dupont']
    """
    spans = find_person_spans(doc)
    mentions = []
    shared: tuple[int, int] | None = None  # a plural role before a list of names
    previous_end = -1
    for start, end, title in sorted(spans):
        title = _title_before(doc, start) or title
        before = _role_before(doc, start, end)
        listed = start - 1 == previous_end and doc[start - 1].lower_ in (",", "et")
        if listed and shared is not None:
            before = shared  # "les Français Paul Ferrand et Marc Olier": both are French
        elif before is None or not any(_plural(t) for t in doc[before[0] : before[1]]):
            shared = None
        else:
            shared = before
        previous_end = end
        after = _role_after(doc, end)
        roles = tuple(r for r in (before, after) if r is not None)
        if how is not None:
            if before is not None:
                plural = before == shared
                how[before] = "plural, before a list of names" if plural else "right before"
            if after is not None:
                how[after] = "right after, by a comma"
        gender = _gender(doc, title, start)
        for role in roles:
            gender = gender or _gender_of_role(doc, role)
        gender = gender or _gender_of_given_name(doc, start)
        mentions.append(PersonMention(start, end, title, roles, gender))
    for k, extra in _link_roles(doc, mentions, how).items():
        m = mentions[k]
        roles = m.roles + tuple(
            r for r in extra if not any(r[0] < o[1] and o[0] < r[1] for o in m.roles)
        )
        gender = m.gender
        for role in roles:
            gender = gender or _gender_of_role(doc, role)
        mentions[k] = attrs.evolve(m, roles=roles, gender=gender)
    return mentions


def find_entities(doc: Doc) -> tuple[Entity, ...]:
    """The persons and organisations of a parsed Doc, one entity each.

    Person mentions of one person are merged (``Vladimir Poutine``, ``M. Poutine``);
    organisations named alike (``le Kremlin``, ``Kremlin``) are merged too.

    Returns:
        Entities in order of first mention; ids ``e1``, ``e2``...
    """
    text = doc_text(doc)
    persons = find_person_mentions(doc)
    names = [
        NameMention(doc[m.start : m.end].text, doc[m.start].idx, m.gender, m.title is not None)
        for m in persons
    ]
    clusters = cluster_names(names)
    # other names of one person: "X, de son vrai nom Y", "Pelé" / "Edson Arantes do Nascimento"
    links = alias_links(
        doc,
        [
            (m.title[0] if m.title is not None and m.title[1] == m.start else m.start, m.end)
            for m in persons
        ],
    )
    links += table_links([n.text for n in names])
    joined = join_aliases(names, clusters, links)
    members: dict[int, list[int]] = defaultdict(list)
    for i, rep in enumerate(joined):
        members[rep].append(i)

    drafts: list[tuple[int, Entity]] = []
    for rep, idx in members.items():
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
        # named by the cluster the merged ones joined (see join_aliases)
        named = [persons[i] for i in idx if clusters[i] == rep] or [persons[i] for i in idx]
        name = max(
            (doc[m.start : m.end].text for m in named),
            key=lambda t: (len(normalize(t).split()), len(t)),
        )
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
    drafts += find_organizations(doc, person_tokens)
    drafts.sort(key=lambda d: d[0])
    del text
    return tuple(attrs.evolve(e, id=f"e{k}") for k, (_, e) in enumerate(drafts, start=1))
