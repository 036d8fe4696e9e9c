"""What a text shows that makes its analysis a best effort: HTML markup, another language.

The quotes stage adds the quote marks it could not pair (``quotekit._marks``). Each problem
is one sentence that says what to do; the records keep them (``warnings``) and the analyser
raises each as a :class:`~quotekit.errors.QuotekitWarning`, naming the document.
"""

from __future__ import annotations

import html.entities
import re
from typing import Any

from spacy.attrs import IS_ALPHA, LOWER
from spacy.tokens import Doc

from quotekit._text import doc_text, string_ids

__all__ = ["text_problems"]

# Words so common in French that any French text of some length has many of them.
_FRENCH_MARKERS = frozenset(
    {
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "un",
        "une",
        "et",
        "est",
        "que",
        "qui",
        "dans",
        "pour",
        "pas",
        "sur",
        "au",
        "aux",
        "il",
        "elle",
        "ne",
        "se",
        "ce",
        "son",
        "sa",
        "ses",
        "par",
        "plus",
        "avec",
        "a",
        "été",
        "sont",
        "mais",
        "ou",
        "nous",
        "vous",
        "ils",
        "elles",
        "cette",
        "leur",
    }
)

# The HTML elements that scraped article text carries. Only these count as tags, so that
# "<<Nous irons>>" (guillemets typed as angle brackets), "<Nom Prénom>" or "a<b et c>d"
# are not taken for markup.
_TAG_NAMES = (
    "a|abbr|article|aside|b|blockquote|body|br|caption|cite|code|dd|del|div|dl|dt|em|"
    "figcaption|figure|font|footer|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|li|"
    "link|main|meta|nav|noscript|ol|p|pre|q|s|script|section|small|span|strong|style|sub|"
    "sup|table|tbody|td|tfoot|th|thead|title|tr|u|ul"
)
# A tag (``<p>``, ``</a>``, ``<br/>``, ``<a href="x">``), its attributes written
# ``name=value``, not right after another "<"; a character entity (``&eacute;``,
# ``&#171;``, ``&#xAB;``) by its HTML name.
_ATTRIBUTE = r"""\s+[A-Za-z_:][-A-Za-z0-9_:.]*\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'<>]+)"""
_TAG = re.compile(rf"(?<!<)</?(?:{_TAG_NAMES})(?:{_ATTRIBUTE})*\s*/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_ENTITY_NAMES = frozenset(name.rstrip(";") for name in html.entities.html5)


_MARKER_IDS = string_ids(_FRENCH_MARKERS)


def _not_french(doc: Doc) -> str | None:
    values: Any = doc.to_array([IS_ALPHA, LOWER])
    words = values[values[:, 0] == 1, 1]
    if len(words) < 20:
        return None
    share = sum(w in _MARKER_IDS for w in words.tolist()) / len(words)
    if share >= 0.08:
        return None
    return (
        f"This text does not look French (only {share:.0%} common French words): "
        "quotekit reads French news, results on other languages are a best effort."
    )


def _markup(text: str) -> str | None:
    tags = _TAG.findall(text)
    entities = [e for e in _ENTITY.findall(text) if e[1] == "#" or e[1:-1] in _ENTITY_NAMES]
    if not tags and not entities:
        return None
    found = []
    if tags:
        found.append(f"{len(tags)} tag{'s' * (len(tags) > 1)}, e.g. {tags[0][:20]!r}")
    if entities:
        many = "ies" if len(entities) > 1 else "y"
        found.append(f"{len(entities)} character entit{many}, e.g. {entities[0]!r}")
    return (
        f"The text holds HTML markup ({'; '.join(found)}): quotekit reads plain text, and "
        "names or quotes cut by markup are a best effort. Strip the tags and decode the "
        "entities (html.unescape) before analysing; offsets then index the cleaned text."
    )


def text_problems(doc: Doc) -> list[str]:
    """The problems of the text of ``doc`` that make its analysis a best effort."""
    return [p for p in (_markup(doc_text(doc)), _not_french(doc)) if p is not None]
