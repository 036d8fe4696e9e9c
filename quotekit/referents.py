"""Referents: whom a phrase or a pronoun of the attribution stage stands for.

:class:`_Entities` holds the article's entities while speakers are found (organisations
and descriptions are added as they turn up) and answers the lookups of
:mod:`quotekit.attribution`: the entity a source phrase names, the person a role phrase or
an epithet stands for, the names before a position. The functions below resolve a subject
pronoun (``a-t-il ajouté``): the previous quote's speaker when no one else became a
subject since, an unnamed speaker taken up by ``il``, a group taken up by ``ils``, else
the nearest entity that agrees in gender and number, a clause subject first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

import attrs
from spacy.tokens import Doc, Token

from quotekit._resources import french
from quotekit._text import doc_sentences, doc_text
from quotekit.cue_sources import _pronoun
from quotekit.model import Entity, Mention, Span, Speaker
from quotekit.names import normalize
from quotekit.speakers import is_agent_description

# a name right after "de" / "d'" / "du" / "des" is a noun's complement ("l'avocat de X")
_COMPLEMENT = re.compile(r"(?:\b(?:de|du|des)\s+|\bd['’]\s*)\Z", re.IGNORECASE)


@attrs.define
class _Entities:
    """The document's entities, growing as organisations and descriptions are found."""

    items: list[Entity]

    def at(
        self, text: str, start: int, end: int, head: tuple[int, int]
    ) -> tuple[Entity, Mention] | None:
        """The entity named in the phrase [start, end) of ``text`` whose head is at ``head``.

        A person named in the phrase is its referent (``le porte-parole du Kremlin
        Dmitri Peskov``), unless the name is the complement of a noun, after ``de``
        (``un proche de X``, ``l'avocat de X``: the speaker is the one described, not X);
        an organisation only when its name is the head or follows it (``l'association X``:
        ``le ministère des Affaires étrangères`` is not ``Affaires étrangères``).
        """
        found: list[tuple[int, int, Entity, Mention]] = []
        for e in self.items:
            for m in e.mentions:
                if m.kind != "name" or not (start <= m.start and m.end <= end):
                    continue
                on_head = m.start <= head[0] and head[1] <= m.end
                # or the name right after the head, in apposition ("l'association X")
                named = head[1] < m.start <= head[1] + 1
                if e.kind == "person" and not on_head and _COMPLEMENT.search(text, start, m.start):
                    continue
                if e.kind == "person" or on_head or named:
                    found.append((0 if e.kind == "person" else 1, m.start, e, m))
        if not found:
            # a person's name that the parse cut after its first word ("Chu Mi-Ae")
            for e in self.items:
                for m in e.mentions:
                    if e.kind == "person" and m.kind == "name" and m.start <= head[0] < m.end:
                        found.append((0, m.start, e, m))
        if not found:
            return None
        found.sort(key=lambda f: (f[0], f[1]))
        return found[0][2], found[0][3]

    def organization(self, name: str, mention: Span) -> Entity:
        key = normalize(name)
        for k, e in enumerate(self.items):
            if e.kind == "organization" and normalize(e.name) == key:
                if all(m.start != mention.start for m in e.mentions):
                    ms = tuple(
                        sorted(
                            (*e.mentions, Mention(mention.start, mention.end, mention.text)),
                            key=lambda m: m.start,
                        )
                    )
                    self.items[k] = attrs.evolve(e, mentions=ms)
                return self.items[k]
        entity = Entity(
            id=f"e{len(self.items) + 1}",
            kind="organization",
            name=name,
            mentions=(Mention(mention.start, mention.end, mention.text),),
        )
        self.items.append(entity)
        return entity

    def by_role(self, phrase: str, position: int) -> Entity | None:
        """The person a role phrase stands for (``le chef du gouvernement``, named before).

        The same role text wins; else a role that begins with the phrase or that the
        phrase begins with. Among several, the person mentioned last before ``position``.
        """
        key = normalize(phrase)
        if not key:
            return None
        best: tuple[int, int, Entity] | None = None
        for e in self.items:
            if e.kind != "person":
                continue
            for r in e.roles:
                role = normalize(r.text)
                if role == key:
                    rank = 0
                elif role.startswith(key + " ") or key.startswith(role + " "):
                    rank = 1
                elif " " not in key and key in french().role_nouns and key in role.split():
                    rank = 2  # "la joueuse" for the "24e joueuse mondiale"
                else:
                    continue
                last = max((m.start for m in e.mentions if m.start < position), default=-1)
                cand = (rank, -last, e)
                if best is None or cand[:2] < best[:2]:
                    best = cand
        return None if best is None else best[2]

    def by_epithet(self, word: str, text: str, position: int) -> Entity | None:
        """The person last named right after ``word`` before ``position``.

        ``l'Ukrainienne Daria Kovalenko … L'Ukrainienne a assuré``: a nationality or
        a role noun written before a name, taken up alone later, stands for that person.
        """
        key = normalize(word)
        best: tuple[int, Entity] | None = None
        for e in self.items:
            if e.kind != "person":
                continue
            for m in e.mentions:
                if m.start >= position or m.kind != "name":
                    continue
                words = text[max(0, m.start - 60) : m.start].replace("'", " ").split()
                if words and normalize(words[-1]) == key and (best is None or m.start > best[0]):
                    best = (m.start, e)
        return None if best is None else best[1]

    def before(self, position: int) -> list[tuple[int, Entity, Mention]]:
        """Name mentions before ``position``, nearest first."""
        out = [
            (m.start, e, m)
            for e in self.items
            for m in e.mentions
            if m.end <= position and m.kind == "name"
        ]
        out.sort(key=lambda x: -x[0])
        return out


def _resolve_pronoun(
    tok: Token, ents: _Entities, previous: Speaker | None, at: int
) -> tuple[Entity, float] | None:
    gender, number = _pronoun(tok) or (None, "sing")

    def agrees(e: Entity) -> bool:
        if e.kind == "person":
            if number == "plur":
                return False
            return e.gender is None or gender is None or e.gender == gender
        return True  # "elle" for la Mairie, "ils" for a group: organisations are lenient

    if previous is not None and previous.entity is not None:
        for e in ents.items:
            if e.id != previous.entity or not agrees(e):
                continue
            if (e.kind == "person") == (number == "sing"):
                if _new_subject_since(tok, ents, previous, agrees):
                    break  # "… », a dit X. Y arrive ensuite. « … », a-t-il ajouté": Y
                return e, 0.85
            if number == "sing" and not _person_between(ents, e, at, agrees):
                # "« … », a affirmé le Kremlin. « … », a-t-il ajouté": the speaking
                # organisation, unless a person who agrees was named since
                return e, 0.75
    fitting = [
        (e, m)
        for _, e, m in ents.before(at)
        if (agrees(e) and (number == "plur") == (e.kind != "person"))
        or (agrees(e) and e.kind == "person" and number == "sing")
    ]
    # a subject pronoun takes up a subject rather than an object or a complement named
    # since: "X termine 7e, devant Y. « … », a-t-il confié" is X's
    subject = next((e for e, m in fitting if _subject_mention(tok, m)), None)
    if subject is not None:
        return subject, 0.7
    return (fitting[0][0], 0.7) if fitting else None


def _new_subject_since(
    pronoun: Token, ents: _Entities, previous: Speaker, agrees: Callable[[Entity], bool]
) -> bool:
    """Another person who ``agrees`` is the subject of a clause between the previous
    speaker's mention and ``pronoun``."""
    if previous.mention is None:
        return False
    since = previous.mention.end
    return any(
        start >= since
        and e.id != previous.entity
        and e.kind == "person"
        and agrees(e)
        and _subject_mention(pronoun, m)
        for start, e, m in ents.before(pronoun.idx)
    )


#: how many sentences back a subject may be to be preferred to a nearer non-subject
_SUBJECT_SENTENCES = 2


def _subject_mention(pronoun: Token, mention: Mention) -> bool:
    """``mention`` is the subject of its clause (or in apposition to it), in the
    pronoun's sentence or one of the two before."""
    doc = pronoun.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    sentences = doc_sentences(doc)  # (start, end) in order: bisect by start, no copy
    here = bisect.bisect_right(sentences, (pronoun.i, len(doc)))
    if here - bisect.bisect_right(sentences, (span.start, len(doc))) > _SUBJECT_SENTENCES:
        return False
    tok = span.root
    while tok.dep_ in ("flat:name", "flat", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubj:pass")


_MASCULINE_ARTICLES = ("un ", "le ", "l'", "l’", "ce ", "cet ")
_FEMININE_ARTICLES = ("une ", "la ", "l'", "l’", "cette ")


def _described_before(ents: _Entities, previous: Speaker | None, pronoun: Token) -> Speaker | None:
    """The previous quote's speaker when it is a description of someone (``un
    épidémiologiste``) that the singular ``pronoun`` can take up: its article agrees,
    and no person was named between it and the pronoun."""
    if previous is None or previous.kind != "description" or previous.mention is None:
        return None
    gender, _ = _pronoun(pronoun) or (None, "sing")
    articles = _FEMININE_ARTICLES if gender == "f" else _MASCULINE_ARTICLES
    if not previous.name.lower().startswith(articles) or not is_agent_description(previous.name):
        return None
    since = previous.mention.end
    text = doc_text(pronoun.doc)
    if any(
        e.kind == "person" and since <= start and not _inside_marks(text, since, start)
        for start, e, _ in ents.before(pronoun.idx)
    ):
        return None  # (a name inside the quote is what was spoken of, not who spoke since)
    return previous


def _inside_marks(text: str, since: int, at: int) -> bool:
    """Whether ``at`` is inside guillemets opened after ``since``."""
    stretch = text[since:at]
    return stretch.rfind("«") > stretch.rfind("»")


def _person_between(
    ents: _Entities, org: Entity, at: int, agrees: Callable[[Entity], bool]
) -> bool:
    """Whether a person who ``agrees`` is named after ``org``'s last mention, before ``at``."""
    last = max((m.start for m in org.mentions if m.start < at), default=-1)
    return any(
        e.kind == "person" and agrees(e) and m.start > last for m_start, e, m in ents.before(at)
    )


#: The words that join persons who act together: "X et Y", "X ainsi que Y".
_JOINING = frozenset({"et", "ainsi"})


def joined_conjuncts(tok: Token) -> list[Token]:
    """The conjuncts after ``tok`` joined to it by ``et`` or ``ainsi que``."""
    return [
        c
        for c in tok.children
        if c.dep_ == "conj"
        and c.i > tok.i
        and any(g.dep_ == "cc" and g.lower_ in _JOINING for g in c.children)
    ]


def _plural_subject_before(
    doc: Doc, pronoun: Token, quote: tuple[int, int] | None = None
) -> Token | None:
    """The nearest plural noun subject in the two sentences before a plural pronoun.

    ``Les syndicats ont rencontré la direction. « … », ont-ils prévenu``: a group that
    acted last is what ``ils`` takes up, rather than a singular organisation named since
    (``selon la CGT``). A subject inside ``quote`` (its start and end characters) is a
    word of what is said, never who says it (``Six jeunes ont quitté la ville,
    indiquent-ils``).
    """
    sentences = 0
    for k in range(pronoun.i - 1, -1, -1):
        tok = doc[k]
        if tok.text in (".", "!", "?") or "\n\n" in tok.text:
            sentences += 1
            if sentences > 2:
                return None
        if quote is not None and quote[0] <= tok.idx < quote[1]:
            continue
        if (
            tok.dep_ in ("nsubj", "nsubj:pass")
            and tok.pos_ in ("NOUN", "PROPN")
            and (
                "Plur" in tok.morph.get("Number", [])
                # names joined by "et" are plural too: "Paul et Marie Roux ont dit"
                or any(c.pos_ == "PROPN" for c in joined_conjuncts(tok))
            )
        ):
            return tok
    return None
