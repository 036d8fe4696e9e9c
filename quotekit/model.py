"""The result classes: frozen, slotted, hashable and picklable.

Fields are offsets and strings, never spaCy objects, so results cross process
boundaries and serialise. For every span, ``text[span.start:span.end] == span.text``
where ``text`` is the analysed text exactly as given.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

__all__ = [
    "Analysis",
    "Entity",
    "EntityKind",
    "Failure",
    "Mention",
    "MentionKind",
    "Quote",
    "QuoteKind",
    "Span",
    "Speaker",
    "SpeakerKind",
]

QuoteKind = Literal["direct", "indirect", "mixed"]
EntityKind = Literal["person", "organization"]
MentionKind = Literal["name", "pronoun", "role"]
SpeakerKind = Literal["person", "organization", "description"]

QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
ENTITY_KINDS: tuple[str, ...] = ("person", "organization")
MENTION_KINDS: tuple[str, ...] = ("name", "pronoun", "role")
SPEAKER_KINDS: tuple[str, ...] = ("person", "organization", "description")


def _check_offsets(instance: Span | Mention | Quote, _attr: object, end: int) -> None:
    if not 0 <= instance.start <= end:
        raise ValueError(f"bad offsets: need 0 <= start <= end, got {instance.start}, {end}")
    if end - instance.start != len(instance.text):
        raise ValueError(
            f"offsets {instance.start}:{end} do not fit the text {instance.text!r} "
            f"({len(instance.text)} characters)"
        )


def _mentions(items: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(items)


def _spans(items: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(items)


def _entities(items: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(items)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    if isinstance(items, str):
        raise TypeError("warnings: expected a sequence of strings, got one string")
    return tuple(items)


def _quotes(items: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(items)


@attrs.frozen
class Span:
    """A stretch of the input text: ``text == input[start:end]``."""

    start: int
    end: int = attrs.field(validator=_check_offsets)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Cut ``text[start:end]`` as a span."""
        return cls(start, end, text[start:end])


@attrs.frozen
class Mention:
    """One mention of an entity: a name (without its title), a pronoun or a role.

    ``title`` is the civility or title written with a name (``M.``, ``le président``).
    """

    start: int
    end: int = attrs.field(validator=_check_offsets)
    text: str
    kind: MentionKind = attrs.field(default="name", validator=attrs.validators.in_(MENTION_KINDS))
    title: Span | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@attrs.frozen
class Entity:
    """A person or an organisation of one document (or of a corpus)."""

    id: str
    kind: EntityKind = attrs.field(validator=attrs.validators.in_(ENTITY_KINDS))
    name: str
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mentions)
    roles: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    gender: Literal["f", "m"] | None = None
    number: Literal["sing", "plur"] | None = None


@attrs.frozen
class Speaker:
    """Who a quote is attributed to.

    ``entity`` is the id of an :class:`Entity`, or None for a bare description
    (``un porte-parole``), whose text is then ``name``. ``mention`` designates the
    speaker at this quote; it may be a pronoun.
    """

    name: str
    kind: SpeakerKind = attrs.field(validator=attrs.validators.in_(SPEAKER_KINDS))
    entity: str | None = None
    mention: Span | None = None


@attrs.frozen
class Quote:
    """A quote: its content span, kind, speaker, cue and confidence in [0, 1]."""

    start: int
    end: int = attrs.field(validator=_check_offsets)
    text: str
    kind: QuoteKind = attrs.field(validator=attrs.validators.in_(QUOTE_KINDS))
    speaker: Speaker | None = None
    cue: Span | None = None
    confidence: float = attrs.field(
        default=0.5, validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)]
    )
    #: The attribution is reported with reserve: a conditional cue (``aurait déclaré``),
    #: a conditional content under ``selon``, or a hearsay marker (``de source proche``).
    hedged: bool = False
    #: The cue denies the content (``démentir``, ``nier``, ``contester``, ``réfuter``,
    #: ``récuser``): the speaker rejects it, does not assert it.
    denial: bool = False
    #: The cue is negated or hypothetical (``n'a jamais dit que``, ``pourrait annoncer
    #: que``): the content is not asserted by the speaker.
    negated: bool = False
    #: For a second-hand quote, the source that reports it (``selon Le Monde, X a
    #: affirmé que``); ``speaker`` stays the person quoted.
    via: Speaker | None = None
    #: In corpus mode, the id of the quotation: shared by the quotes of the corpus that
    #: report the same words (``quotekit.quotations``).
    quotation: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@attrs.frozen
class Failure:
    """Why a document could not be analysed: a stable ``code`` for programs and a
    ``message`` for people, saying what to do. Codes: ``bad_input`` (not a text: a bad JSON
    line, a ``"text"`` that is not a string), ``unreadable`` (a file that cannot be read),
    ``binary`` (a file that is not text), ``internal_error`` (a bug in quotekit or spaCy).
    """

    code: str
    message: str


@attrs.frozen
class Analysis:
    """Everything quotekit found in one document.

    ``error`` is set, with no entities and no quotes, when the document could not be
    analysed; its record then carries an ``error`` object in place of results.
    """

    id: str | None
    model: str
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entities)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    #: Why the result is a best effort, one sentence each (unbalanced quote marks,
    #: HTML markup, a text that does not look French); empty for a clean text.
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    error: Failure | None = None

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError when there is none)."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)

    def to_record(self) -> dict[str, object]:
        """This analysis as a record v1 dict (see ``records``)."""
        from quotekit.records import to_record

        return to_record(self)
