"""The text of a Doc, joined once.

spaCy builds ``Doc.text`` anew at each call by joining every token, which made it one of
quotekit's largest costs (several calls per stage and per quote candidate). The stages
read it through :func:`doc_text`, which keeps it for as long as the Doc lives.
"""

from __future__ import annotations

import threading
import weakref

from spacy.tokens import Doc

__all__ = ["doc_text"]

_local = threading.local()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined on the first call for this Doc and kept until it is freed.

    Notes:
        Docs are not changed after the spaCy pipeline has run, which is when the quotekit
        stages read them; a Doc retokenised later must not be read through this cache.
    """
    cache: weakref.WeakKeyDictionary[Doc, str] | None = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = weakref.WeakKeyDictionary()
    text = cache.get(doc)
    if text is None:
        text = cache[doc] = doc.text
    return text
