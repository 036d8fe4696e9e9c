"""Corpus-wide entities: one id and one canonical name per person across documents.

Linking needs to have seen the whole corpus (an article read first may only say
"Zelensky"; the fullest form may come later), so it works in two passes that keep
memory small: :meth:`Corpus.add` remembers only the name forms of each entity, and
:meth:`Corpus.link` then rewrites an analysis with corpus-wide ids and names.

Example:
    >>> corpus = Corpus()
    >>> for analysis in analyses:
    ...     corpus.add(analysis)
    >>> linked = [corpus.link(a) for a in analyses]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from quotekit.canonical import (
    ParsedName,
    cluster_parsed,
    load_aliases,
    load_given_names,
    parse_name,
)
from quotekit.model import Analysis, Entity
from quotekit.names import normalize
from quotekit.quotations import Quotations

__all__ = ["Corpus", "link_corpus"]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize(name)).strip("-") or "x"


class Corpus:
    """Corpus-wide ids and canonical names for the entities of many analyses.

    Args:
        aliases: Extra ``(variant, canonical)`` rows for the alias table.
        given_names: Extra groups of spellings of one given name for the given-name
            table (``[["Mykyta", "Nikita"]]``).

    Ids are derived from the canonical name (``p:volodymyr-zelensky``,
    ``org:kremlin``), so they are the same whatever the order of the documents.
    """

    def __init__(
        self,
        *,
        aliases: Iterable[Sequence[str]] | None = None,
        given_names: Iterable[Sequence[str]] | None = None,
    ) -> None:
        self._aliases = load_aliases(aliases)
        self._given = load_given_names(given_names)
        self._counts: dict[str, int] = {}  # person names as written, with their counts
        self._orgs: dict[str, dict[str, int]] = {}  # normalised org name -> forms
        self._table: dict[str, str] | None = None
        self._quotations = Quotations()  # one quotation id across articles

    def add(self, analysis: Analysis) -> None:
        """Remember the names of an analysis's entities (first pass)."""
        self._table = None
        self._quotations.add_analysis(analysis)
        for entity in analysis.entities:
            if entity.kind == "person":
                self._counts[entity.name] = self._counts.get(entity.name, 0) + 1
            else:
                forms = self._orgs.setdefault(normalize(entity.name), {})
                forms[entity.name] = forms.get(entity.name, 0) + 1

    def update(self, other: Corpus) -> Corpus:
        """Add the names another corpus has seen (to combine partial corpora, as a
        distributed reduce does); returns ``self``."""
        self._table = None
        self._quotations.update(other._quotations)
        for name, count in other._counts.items():
            self._counts[name] = self._counts.get(name, 0) + count
        for key, forms in other._orgs.items():
            mine = self._orgs.setdefault(key, {})
            for form, count in forms.items():
                mine[form] = mine.get(form, 0) + count
        return self

    def _resolve(self) -> dict[str, str]:
        if self._table is None:
            parsed: dict[str, ParsedName] = {}
            for name in self._counts:
                p = parse_name(name, aliases=self._aliases, given_names=self._given)
                if p is not None:
                    parsed[name] = p
            self._table = cluster_parsed(parsed, self._counts)
        return self._table

    def canonical(self, entity: Entity) -> tuple[str, str]:
        """The corpus-wide (id, canonical name) of an entity seen by :meth:`add`."""
        if entity.kind == "person":
            name = self._resolve().get(entity.name, entity.name)
            return f"p:{_slug(name)}", name
        forms = self._orgs.get(normalize(entity.name), {entity.name: 1})
        name = min(forms, key=lambda f: (-forms[f], f))
        return f"org:{_slug(name)}", name

    def link(self, analysis: Analysis) -> Analysis:
        """The analysis with corpus-wide entity ids and canonical names (second pass), and
        each quote's ``quotation`` id (``quotekit.quotations``).

        Two entities of one document that are one corpus person are merged.
        """
        ids: dict[str, str] = {}
        merged: dict[str, Entity] = {}
        for entity in analysis.entities:
            new_id, name = self.canonical(entity)
            ids[entity.id] = new_id
            if new_id in merged:
                old = merged[new_id]
                merged[new_id] = attrs.evolve(
                    old,
                    mentions=tuple(
                        sorted({*old.mentions, *entity.mentions}, key=lambda m: m.start)
                    ),
                    roles=tuple(sorted({*old.roles, *entity.roles}, key=lambda r: r.start)),
                )
            else:
                merged[new_id] = attrs.evolve(entity, id=new_id, name=name)
        quotes = []
        for quote in analysis.quotes:
            sp = quote.speaker
            if sp is not None and sp.entity is not None and sp.entity in ids:
                target = merged[ids[sp.entity]]
                sp = attrs.evolve(sp, entity=target.id, name=target.name)
                quote = attrs.evolve(quote, speaker=sp)
            if quote.via is not None and quote.via.entity in ids:
                target = merged[ids[quote.via.entity]]
                quote = attrs.evolve(
                    quote, via=attrs.evolve(quote.via, entity=target.id, name=target.name)
                )
            quote = attrs.evolve(quote, quotation=self._quotations.id_of(quote.text))
            quotes.append(quote)
        return attrs.evolve(analysis, entities=tuple(merged.values()), quotes=tuple(quotes))


def link_corpus(
    analyses: Iterable[Analysis],
    *,
    aliases: Iterable[Sequence[str]] | None = None,
    given_names: Iterable[Sequence[str]] | None = None,
) -> Iterator[Analysis]:
    """Link a finite collection of analyses in memory; for streams, use :class:`Corpus`."""
    items = list(analyses)
    corpus = Corpus(aliases=aliases, given_names=given_names)
    for analysis in items:
        corpus.add(analysis)
    for analysis in items:
        yield corpus.link(analysis)
