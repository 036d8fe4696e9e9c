"""When a predicted quote matches a gold one (lenient, strict, exact overlap) and when a
predicted speaker names the gold speaker (names compared without articles, accents, case
or titles; a person by any of their gold forms)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

import attrs

from quotekit.evaluate.gold import GoldDocument, GoldPerson, GoldQuote
from quotekit.model import Analysis, Entity, Quote, Speaker

#: A predicted span must cover this percentage of a gold quote's characters to match it leniently.
LENIENT_PERCENT = 30
#: A strict match covers this percentage of the gold span and of the predicted span.
STRICT_PERCENT = 80

# ------------------------------------------------------------------ names and keys

_ARTICLES = frozenset({"le", "la", "les", "un", "une", "des"})
_PRONOUNS = frozenset(
    {"il", "elle", "ils", "elles", "on", "lui", "eux", "leur", "celui", "celle", "ceux", "celles"}
    | {"ci", "je", "j", "moi", "tu", "toi", "nous", "vous", "soi"}
)
# Words that never identify a speaker on their own: articles, prepositions, pronouns.
# ("son" is left out on purpose: it is also a surname, as in Masayoshi Son.)
_FUNCTION_WORDS = (
    _ARTICLES
    | _PRONOUNS
    | {"l", "d", "de", "du", "au", "aux", "a", "à", "en", "et", "ou", "y", "t", "se", "ce", "ca"}
    | {"ça", "cela", "qui", "que", "qu", "par", "pour", "sur"}
)
_APOSTROPHES = re.compile(r"[’ʼ`´‘]")
_HYPHENS = re.compile(r"\s*[-‐‑]\s*")
_NOT_NAME = re.compile(r"[^\w'-]+")


def _cased_tokens(text: str, *, strip_article: bool = True) -> tuple[str, ...]:
    """Accent- and punctuation-normalised tokens, case kept; hyphens stay inside tokens.

    A leading article (``le``, ``la``, ``l'``, ``les``, ``un``, ``une``, ``des``) is
    dropped when ``strip_article`` is set; apostrophes split tokens (``D'Achery`` gives
    ``D``, ``Achery``).
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _HYPHENS.sub("-", _APOSTROPHES.sub("'", text))
    words = [w.strip("-") for w in _NOT_NAME.sub(" ", text).split()]
    words = [w for w in words if w and w != "'"]
    if strip_article and words:
        first = words[0].casefold()
        if first in _ARTICLES or first == "l'":
            words = words[1:]
        elif first.startswith("l'"):
            words[0] = words[0][2:]
    return tuple(part for word in words for part in word.split("'") if part.strip("-"))


def _tokens(text: str, *, strip_article: bool = True) -> tuple[str, ...]:
    """:func:`_cased_tokens`, case-folded."""
    return tuple(t.casefold() for t in _cased_tokens(text, strip_article=strip_article))


def _flat(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part for token in tokens for part in token.split("-") if part)


def _norm(text: str) -> str:
    """The comparison form of a name: no accents, case, punctuation or hyphens."""
    return " ".join(_flat(_tokens(text, strip_article=False)))


def _is_pronoun(text: str) -> bool:
    words = [w for w in _flat(_tokens(text, strip_article=False)) if w != "t"]
    return bool(words) and all(w in _PRONOUNS for w in words)


@attrs.frozen
class _Name:
    """A candidate designation of a source, as normalised tokens.

    ``suffixes`` are the numbers of last tokens that may stand for the whole: any for
    a person's name (``Poutine`` for ``Vladimir Poutine``); for other names, only a
    capitalised ending not introduced by a function word (``Spunik`` for ``agence
    Spunik``, but not ``Nouméa`` for ``parquet de Nouméa`` nor ``européenne`` for
    ``Union européenne``).
    """

    tokens: tuple[str, ...]
    suffixes: frozenset[int]


def _name(text: str | None, *, person: bool) -> list[_Name]:
    if text is None:
        return []
    cased = _cased_tokens(text)
    tokens = tuple(t.casefold() for t in cased)
    if not tokens or all(w in _FUNCTION_WORDS for w in _flat(tokens)):
        return []
    if person:
        suffixes = frozenset(range(1, len(tokens)))
    else:
        suffixes = frozenset(
            n
            for n in range(1, len(tokens))
            if cased[-n][:1].isupper() and tokens[-n - 1].split("-")[-1] not in _FUNCTION_WORDS
        )
    return [_Name(tokens, suffixes)]


def _same_name(a: _Name, b: _Name) -> bool:
    if _flat(a.tokens) == _flat(b.tokens):
        return True
    for long, short in ((a, b), (b, a)):
        n = len(short.tokens)
        if n in long.suffixes and long.tokens[-n:] == short.tokens:
            return True
    return False


def _any_same(left: Iterable[_Name], right: Sequence[_Name]) -> bool:
    return any(_same_name(a, b) for a in left for b in right)


def _gold_person_of(doc: GoldDocument, speaker: str) -> GoldPerson | None:
    key = _flat(_tokens(speaker))
    for person in doc.persons:
        if any(_flat(_tokens(form)) == key for form in (person.name, *person.forms)):
            return person
    return None


def _gold_person_names(person: GoldPerson) -> list[_Name]:
    return [n for form in (person.name, *person.forms) for n in _name(form, person=True)]


def _gold_speaker_names(quote: GoldQuote, doc: GoldDocument) -> list[_Name]:
    is_person = quote.speaker_kind == "person"
    names = _name(quote.speaker, person=is_person)
    if quote.speaker_mention is not None and not _is_pronoun(quote.speaker_mention):
        names += _name(quote.speaker_mention, person=False)
    person = _gold_person_of(doc, quote.speaker) if quote.speaker is not None else None
    if person is not None:
        names += _gold_person_names(person)
    return names


def _entity_names(entity: Entity) -> list[_Name]:
    is_person = entity.kind == "person"
    names = _name(entity.name, person=is_person)
    for mention in entity.mentions:
        if mention.kind == "name":
            names += _name(mention.text, person=is_person)
    return names


def _predicted_speaker_names(speaker: Speaker, analysis: Analysis) -> list[_Name]:
    entity: Entity | None = None
    if speaker.entity is not None:
        try:
            entity = analysis.entity(speaker.entity)
        except KeyError:
            entity = None
    names = _name(speaker.name, person=speaker.kind == "person")
    if entity is not None:
        # an entity is judged by its names alone: the phrase that led to it (``le
        # porte-parole`` taken for a person named earlier) is no evidence that it is right
        return names + _entity_names(entity)
    mention = speaker.mention
    if mention is not None and not _is_pronoun(mention.text):
        names += _name(mention.text, person=False)
    return names


def _speaker_evaluated(quote: GoldQuote) -> bool:
    return quote.speaker is not None or quote.speaker_kind == "none"


def _speaker_correct(gold: GoldQuote, doc: GoldDocument, pred: Quote, analysis: Analysis) -> bool:
    if gold.speaker is None:
        return pred.speaker is None
    if pred.speaker is None:
        return False
    return _any_same(
        _gold_speaker_names(gold, doc), _predicted_speaker_names(pred.speaker, analysis)
    )


# ------------------------------------------------------------------------- matching


# Integer arithmetic, so that exactly 30% or 80% is not lost to floating point.
def _lenient(overlap: int, gold_len: int, _pred_len: int) -> bool:
    return overlap * 100 >= gold_len * LENIENT_PERCENT


def _strict(overlap: int, gold_len: int, pred_len: int) -> bool:
    return overlap * 100 >= gold_len * STRICT_PERCENT and overlap * 100 >= pred_len * STRICT_PERCENT


def _exact(overlap: int, gold_len: int, pred_len: int) -> bool:
    return overlap == gold_len == pred_len


def _match(
    gold: Sequence[tuple[int, int]],
    predicted: Sequence[tuple[int, int]],
    accept: Callable[[int, int, int], bool],
) -> dict[int, int]:
    """One-to-one matching, greedy by largest character overlap: gold index -> predicted index.

    Ties go to the earlier gold span, then the earlier predicted span (by offsets, then
    by position), so the result does not depend on dict or set order.
    """
    candidates: list[tuple[int, int, int, int, int, int, int]] = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(predicted):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0 and accept(overlap, ge - gs, pe - ps):
                candidates.append((-overlap, gs, ge, ps, pe, gi, pi))
    candidates.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, pi in candidates:
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs
