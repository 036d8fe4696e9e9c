"""Errors and warnings raised by quotekit.

Every error derives from :class:`QuotekitError` and from the builtin exception it
refines, so callers can catch either (``except ValueError`` keeps working).
Messages say what was wrong and what to do about it.
"""

from __future__ import annotations

__all__ = [
    "InputError",
    "ModelNotFoundError",
    "NotFrenchError",
    "QuotekitError",
    "QuotekitWarning",
    "RecordError",
    "TextTooLongError",
]


class QuotekitError(Exception):
    """Base class of every error quotekit raises on purpose."""


class ModelNotFoundError(QuotekitError, OSError):
    """The spaCy pipeline asked for is not installed (or the path holds none)."""


class NotFrenchError(QuotekitError, ValueError):
    """The spaCy pipeline asked for is not a French one."""


class InputError(QuotekitError, ValueError):
    """The input is not something quotekit can analyse (None, bytes, empty text...)."""


class TextTooLongError(InputError):
    """The text is longer than the analyser's ``max_length``."""


class RecordError(QuotekitError, ValueError):
    """A record does not follow the record schema (``quotekit.record/1``)."""


class QuotekitWarning(UserWarning):
    """A recoverable oddity in a text: the result is a best effort.

    Examples: an unbalanced guillemet, a text that does not look French.
    """
