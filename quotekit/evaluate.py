"""Scoring quotekit against gold data: quotes, speakers, persons, roles and names.

Two kinds of gold are read:

- quote gold (JSONL, one article a line: ``id``, ``text``, ``quotes``, ``persons``),
  annotated by ``annotation-guideline.md``; :func:`load_gold` reads it,
  :func:`score_quotes` scores predicted analyses against it and
  :func:`evaluate_gold` runs an analyser on it and scores the result;
- named-entity gold in brat standoff (``T1<TAB>Person 10 25<TAB>Marie Dupont``);
  :func:`read_brat` reads one file, :func:`score_ner` scores person spans and
  :func:`evaluate_ner` measures quotekit's person names and the bare spaCy ``PER``
  entities on a folder of ``.ann``/``.txt`` pairs.

Scores are plain JSON-ready dicts with unrounded floats; :func:`format_report` and
:func:`format_ner_report` print them as aligned tables.

Example:
    >>> import quotekit
    >>> result = evaluate_gold("quotes-open.jsonl", quotekit.load())
    >>> print(format_report(result))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from quotekit.errors import InputError
from quotekit.model import QUOTE_KINDS, Analysis, Entity, Quote, Speaker

if TYPE_CHECKING:
    from quotekit.analyzer import Analyzer

__all__ = [
    "GOLD_SPEAKER_KINDS",
    "GoldDocument",
    "GoldPerson",
    "GoldQuote",
    "evaluate_gold",
    "evaluate_ner",
    "format_ner_report",
    "format_report",
    "load_gold",
    "read_brat",
    "score_ner",
    "score_quotes",
]

#: The values of ``speaker_kind`` in quote gold.
GOLD_SPEAKER_KINDS: tuple[str, ...] = ("person", "organization", "description", "none")

#: A predicted span must cover this percentage of a gold quote's characters to match it leniently.
LENIENT_PERCENT = 30
#: A strict match covers this percentage of the gold span and of the predicted span.
STRICT_PERCENT = 80

Result = dict[str, Any]


# --------------------------------------------------------------------------- gold


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class GoldQuote:
    """One gold quote: its span in the article, kind, speaker and cue, as annotated."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_kind: str = "none"
    speaker_mention: str | None = None
    cue: str | None = None


@attrs.frozen
class GoldPerson:
    """A person the article names: fullest name, every written form, and roles."""

    name: str
    forms: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    roles: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)


@attrs.frozen
class GoldDocument:
    """One annotated article."""

    id: str
    text: str
    quotes: tuple[GoldQuote, ...] = ()
    persons: tuple[GoldPerson, ...] = ()


def _field(obj: Mapping[str, Any], key: str, types: type | tuple[type, ...], where: str) -> Any:
    if key not in obj:
        raise InputError(f"{where}: missing field {key!r}")
    value = obj[key]
    if not isinstance(value, types) or isinstance(value, bool):
        choices = (types,) if isinstance(types, type) else types
        expected = " or ".join(t.__name__ for t in choices)
        raise InputError(f"{where}: field {key!r} should be {expected}, got {type(value).__name__}")
    return value


def _optional_str(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{where}: field {key!r} should be a string or null")
    return value


def _str_list(obj: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = obj.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise InputError(f"{where}: field {key!r} should be a list of strings")
    return tuple(values)


def _gold_quote(obj: Any, text: str, where: str) -> GoldQuote:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object")
    start = _field(obj, "start", int, where)
    end = _field(obj, "end", int, where)
    quote_text = _field(obj, "text", str, where)
    if not 0 <= start <= end <= len(text) or text[start:end] != quote_text:
        raise InputError(
            f"{where}: offsets {start}:{end} do not give the quote text {quote_text!r} "
            f"(the article has {text[start:end]!r} there)"
        )
    kind = _field(obj, "kind", str, where)
    if kind not in QUOTE_KINDS:
        raise InputError(f"{where}: kind {kind!r} is not one of {', '.join(QUOTE_KINDS)}")
    speaker_kind = obj.get("speaker_kind") or "none"
    if speaker_kind not in GOLD_SPEAKER_KINDS:
        raise InputError(
            f"{where}: speaker_kind {speaker_kind!r} is not one of {', '.join(GOLD_SPEAKER_KINDS)}"
        )
    return GoldQuote(
        start,
        end,
        quote_text,
        kind,
        speaker=_optional_str(obj, "speaker", where),
        speaker_kind=speaker_kind,
        speaker_mention=_optional_str(obj, "speaker_mention", where),
        cue=_optional_str(obj, "cue", where),
    )


def _gold_person(obj: Any, where: str) -> GoldPerson:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object")
    name = _field(obj, "name", str, where)
    forms = _str_list(obj, "forms", where) or (name,)
    return GoldPerson(name, forms, _str_list(obj, "roles", where))


def _gold_document(line: str, where: str) -> GoldDocument:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: not JSON ({err})") from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    doc_id = _field(obj, "id", (str, int), where)
    text = _field(obj, "text", str, where)
    quotes = _field(obj, "quotes", list, where)
    persons = obj.get("persons", [])
    if not isinstance(persons, list):
        raise InputError(f"{where}: field 'persons' should be a list")
    return GoldDocument(
        str(doc_id),
        text,
        tuple(_gold_quote(q, text, f"{where}, quotes[{i}]") for i, q in enumerate(quotes)),
        tuple(_gold_person(p, f"{where}, persons[{i}]") for i, p in enumerate(persons)),
    )


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a quote gold file (JSONL, one annotated article a line).

    Each line holds ``id``, ``text``, ``quotes`` (``start``, ``end``, ``text``, ``kind``,
    ``speaker``, ``speaker_kind``, ``speaker_mention``, ``cue``) and ``persons``
    (``name``, ``forms``, ``roles``). Blank lines are skipped.

    Args:
        path: The JSONL file.

    Returns:
        The documents, in file order.

    Raises:
        InputError: the file cannot be read, or a line is not JSON, misses a field, has
            a field of the wrong type, or has quote offsets that do not give the quote
            text; the message gives the line number.

    Example:
        >>> docs = load_gold("quotes-open.jsonl")
        >>> docs[0].quotes[0].speaker
        'Marie Dupont'
    """
    try:
        with open(path, encoding="utf-8") as lines:
            return [
                _gold_document(line, f"{path}, line {number}")
                for number, line in enumerate(lines, start=1)
                if line.strip()
            ]
    except OSError as err:
        raise InputError(f"Cannot read the gold file {str(path)!r}: {err}") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text ({err})") from None


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
    mention = speaker.mention
    if mention is not None and not _is_pronoun(mention.text):
        pronoun_spans = set()
        if entity is not None:
            pronoun_spans = {(m.start, m.end) for m in entity.mentions if m.kind == "pronoun"}
        if (mention.start, mention.end) not in pronoun_spans:
            names += _name(mention.text, person=False)
    if entity is not None:
        names += _entity_names(entity)
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


def _ratio(part: int, whole: int, *, empty: float = 0.0) -> float:
    return part / whole if whole else empty


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _prf(correct: int, predicted: int, gold: int, *, empty: float = 0.0) -> dict[str, float]:
    precision = _ratio(correct, predicted, empty=empty)
    recall = _ratio(correct, gold, empty=empty)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


# ------------------------------------------------------------- persons, roles, names


def _person_entities(analysis: Analysis) -> list[Entity]:
    return [e for e in analysis.entities if e.kind == "person"]


def _predicted_forms(analysis: Analysis) -> dict[str, set[int]]:
    """Normalised name mention -> indices of the person entities that have it."""
    forms: dict[str, set[int]] = {}
    for index, entity in enumerate(_person_entities(analysis)):
        for mention in entity.mentions:
            key = _norm(mention.text) if mention.kind == "name" else ""
            if key:
                forms.setdefault(key, set()).add(index)
    return forms


def _gold_forms(doc: GoldDocument) -> dict[str, set[int]]:
    """Normalised gold form -> indices of the gold persons written that way."""
    forms: dict[str, set[int]] = {}
    for index, person in enumerate(doc.persons):
        for form in person.forms:
            key = _norm(form)
            if key:
                forms.setdefault(key, set()).add(index)
    return forms


def _pair_counts(gold: dict[str, set[int]], predicted: dict[str, set[int]]) -> tuple[int, int, int]:
    """(same in both, same in gold, same in prediction) over pairs of shared forms."""
    common = sorted(gold.keys() & predicted.keys())
    both = in_gold = in_pred = 0
    for i, first in enumerate(common):
        for second in common[i + 1 :]:
            same_gold = bool(gold[first] & gold[second])
            same_pred = bool(predicted[first] & predicted[second])
            in_gold += same_gold
            in_pred += same_pred
            both += same_gold and same_pred
    return both, in_gold, in_pred


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every occurrence of ``phrase`` as whole words; any occurrence when none is whole."""
    if not phrase:
        return []
    bounded = [
        (m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
    ]
    if bounded:
        return bounded
    return [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(min(end, e) > max(start, s) for s, e in spans)


def _role_counts(doc: GoldDocument, analysis: Analysis) -> tuple[int, int, int, int]:
    """(gold roles, gold roles recalled, predicted roles, predicted roles correct)."""
    entities = _person_entities(analysis)
    person_names = [_gold_person_names(p) for p in doc.persons]
    # gold person index -> occurrences of each of its distinct roles
    occurrences = [
        {role: _occurrences(doc.text, role) for role in dict.fromkeys(p.roles)} for p in doc.persons
    ]
    matches: list[set[int]] = []
    for entity in entities:
        names = _entity_names(entity)
        matches.append({i for i, gold in enumerate(person_names) if _any_same(names, gold)})

    gold_total = recalled = predicted = correct = 0
    for entity, persons in zip(entities, matches, strict=True):
        for role in entity.roles:
            predicted += 1
            correct += any(
                _overlaps(role.start, role.end, spans)
                for i in persons
                for spans in occurrences[i].values()
            )
    for i, roles in enumerate(occurrences):
        for spans in roles.values():
            gold_total += 1
            recalled += any(
                _overlaps(role.start, role.end, spans)
                for entity, persons in zip(entities, matches, strict=True)
                if i in persons
                for role in entity.roles
            )
    return gold_total, recalled, predicted, correct


# -------------------------------------------------------------------------- scoring


def score_quotes(gold_docs: Sequence[GoldDocument], analyses: Sequence[Analysis]) -> Result:
    """Score predicted analyses against quote gold. A pure function: no model is run.

    Args:
        gold_docs: The gold documents (from :func:`load_gold`).
        analyses: The analysis predicted for each gold document, in the same order.

    Returns:
        A JSON-ready dict::

            {"documents",
             "quotes": {"gold", "predicted", "lenient": {...}, "strict": {...}, "exact": {...}},
             "speaker": {"accuracy", "evaluated", "correct"},
             "attribution": {"precision", "recall", "f1"},
             "by_kind": {kind: {"gold", "recall", "speaker_accuracy"}},
             "persons": {...}, "clustering": {...},
             "roles": {"recall", "precision", "gold", "predicted"}}

        Floats are not rounded; a ratio with a zero denominator is 0.0 (1.0 for
        clustering, see below).

    Raises:
        InputError: the two sequences differ in length, or an analysis has an id that is
            not its gold document's.

    Notes:
        - Quote matching is one-to-one per document, greedy by largest character
          overlap (ties: earlier gold span, then earlier predicted span); quote kinds are
          ignored. A match is *lenient* when the predicted span covers at least 30% of the
          gold span's characters, *strict* when the overlap is at least 80% of the gold
          span and 80% of the predicted span, *exact* when the two spans are the same
          characters. The three matchings are computed separately. Predicted quotes
          flagged ``negated`` (``n'a jamais dit que``) are not predictions: the guideline
          skips negated and hypothetical speech.
        - Speaker: evaluated on lenient pairs whose gold speaker is given, and on those
          whose gold ``speaker_kind`` is ``none`` (no source), which are correct when the
          prediction has no speaker. Otherwise the speaker is correct when a gold
          designation and a predicted one name the same source. Gold designations: the
          ``speaker``, the ``speaker_mention`` unless it is a pronoun (``il``, ``elle``,
          ``-t-il``, ``lui``...), and every form of the gold person the speaker is.
          Predicted ones: the speaker's name, its mention unless a pronoun, and every
          name mention of its entity. Two designations are the same when equal after
          removing accents, case, punctuation and a leading article (``le``, ``la``,
          ``l'``, ``les``, ``un``, ``une``, ``des``: ``le Kremlin`` is ``Kremlin``), or when
          one is a person's name of several words and the other its last word(s)
          (``Poutine`` for ``Vladimir Poutine``). For other names, the last words stand
          for the whole only when capitalised and not introduced by a function word
          (``Spunik`` for ``agence Spunik``, not ``Nouméa`` for ``parquet de Nouméa``).
          Designations made only of function words (articles, prepositions, pronouns)
          never match.
        - Attribution: a predicted quote is right when lenient-matched and its speaker is
          correct (a gold quote without speaker wants none); precision over predicted
          quotes, recall over gold quotes.
        - ``by_kind``: gold quotes per gold kind, the lenient-matched share, and the
          speaker accuracy among the matched ones.
        - Persons: per document, the distinct normalised gold forms against the distinct
          normalised name mentions of predicted person entities; micro-averaged.
        - Clustering: over the forms found on both sides of a document, every pair of
          forms is "together" in gold when one gold person has both, and in the
          prediction when one predicted entity has both. Pairwise precision = pairs
          together in both / pairs together in the prediction, recall = / pairs together
          in gold; 1.0 when there is no such pair.
        - Roles: a predicted role of a person entity is correct when it overlaps an
          occurrence (as whole words) in the text of a gold role of a gold person that
          the entity names (name forms compared as for speakers). A gold (person, role)
          is recalled when a role of an entity naming that person overlaps one of its
          occurrences.

    Example:
        >>> score_quotes(load_gold("gold.jsonl"), analyses)["quotes"]["lenient"]["f1"]
        0.5
    """
    if len(gold_docs) != len(analyses):
        raise InputError(
            f"score_quotes needs one analysis per gold document: got {len(gold_docs)} "
            f"documents and {len(analyses)} analyses."
        )
    n_gold = n_pred = lenient = strict = exact = 0
    evaluated = correct = attributed = 0
    kinds = {kind: Counter[str]() for kind in QUOTE_KINDS}
    persons = Counter[str]()
    pairs = Counter[str]()
    roles = Counter[str]()

    for doc, analysis in zip(gold_docs, analyses, strict=True):
        if analysis.id is not None and analysis.id != doc.id:
            raise InputError(
                f"The analysis {analysis.id!r} was given for gold document {doc.id!r}: "
                "analyses must come in the order of the gold documents."
            )
        # a quote flagged negated ("n'a jamais dit que") is not asserted: not a prediction
        analysis = attrs.evolve(analysis, quotes=tuple(q for q in analysis.quotes if not q.negated))
        gold_spans = [(q.start, q.end) for q in doc.quotes]
        pred_spans = [(q.start, q.end) for q in analysis.quotes]
        n_gold += len(gold_spans)
        n_pred += len(pred_spans)
        matched = _match(gold_spans, pred_spans, _lenient)
        lenient += len(matched)
        strict += len(_match(gold_spans, pred_spans, _strict))
        exact += len(_match(gold_spans, pred_spans, _exact))

        for gi, gold in enumerate(doc.quotes):
            by_kind = kinds[gold.kind]
            by_kind["gold"] += 1
            if gi not in matched:
                continue
            by_kind["matched"] += 1
            right = _speaker_correct(gold, doc, analysis.quotes[matched[gi]], analysis)
            attributed += right
            if _speaker_evaluated(gold):
                evaluated += 1
                correct += right
                by_kind["evaluated"] += 1
                by_kind["correct"] += right

        gold_forms = _gold_forms(doc)
        pred_forms = _predicted_forms(analysis)
        persons["gold"] += len(gold_forms)
        persons["predicted"] += len(pred_forms)
        persons["correct"] += len(gold_forms.keys() & pred_forms.keys())

        both, in_gold, in_pred = _pair_counts(gold_forms, pred_forms)
        pairs["both"] += both
        pairs["gold"] += in_gold
        pairs["predicted"] += in_pred

        gold_roles, recalled, predicted_roles, correct_roles = _role_counts(doc, analysis)
        roles["gold"] += gold_roles
        roles["recalled"] += recalled
        roles["predicted"] += predicted_roles
        roles["correct"] += correct_roles

    return {
        "documents": len(gold_docs),
        "quotes": {
            "gold": n_gold,
            "predicted": n_pred,
            "lenient": {**_prf(lenient, n_pred, n_gold), "matched": lenient},
            "strict": {**_prf(strict, n_pred, n_gold), "matched": strict},
            "exact": {**_prf(exact, n_pred, n_gold), "matched": exact},
        },
        "speaker": {
            "accuracy": _ratio(correct, evaluated),
            "evaluated": evaluated,
            "correct": correct,
        },
        "attribution": _prf(attributed, n_pred, n_gold),
        "by_kind": {
            kind: {
                "gold": counts["gold"],
                "recall": _ratio(counts["matched"], counts["gold"]),
                "speaker_accuracy": _ratio(counts["correct"], counts["evaluated"]),
            }
            for kind, counts in kinds.items()
        },
        "persons": _prf(persons["correct"], persons["predicted"], persons["gold"]),
        "clustering": _prf(pairs["both"], pairs["predicted"], pairs["gold"], empty=1.0),
        "roles": {
            "recall": _ratio(roles["recalled"], roles["gold"]),
            "precision": _ratio(roles["correct"], roles["predicted"]),
            "gold": roles["gold"],
            "predicted": roles["predicted"],
        },
    }


def score_ner(
    pairs: Iterable[tuple[str, Sequence[tuple[int, int]], Sequence[tuple[int, int]]]],
) -> Result:
    """Score predicted person spans against gold ones, by exact offsets.

    Args:
        pairs: For each document, ``(text, gold_spans, predicted_spans)`` with spans as
            ``(start, end)``; a span listed twice on one side counts once.

    Returns:
        ``{"documents", "gold", "predicted", "correct", "precision", "recall", "f1"}``,
        micro-averaged; 0.0 where a denominator is zero.

    Example:
        >>> score_ner([("Marie Dupont a parlé.", [(0, 12)], [(0, 12)])])["f1"]
        1.0
    """
    documents = gold = predicted = correct = 0
    for _text, gold_spans, pred_spans in pairs:
        documents += 1
        gold_set = {(int(s), int(e)) for s, e in gold_spans}
        pred_set = {(int(s), int(e)) for s, e in pred_spans}
        gold += len(gold_set)
        predicted += len(pred_set)
        correct += len(gold_set & pred_set)
    return {
        "documents": documents,
        "gold": gold,
        "predicted": predicted,
        "correct": correct,
        **_prf(correct, predicted, gold),
    }


def read_brat(ann_path: str | Path) -> list[tuple[int, int, str, str]]:
    """Read the text-bound annotations of a brat ``.ann`` file.

    Lines that are not ``T`` annotations (relations, events, notes) are skipped, and so
    are discontinuous spans (``T3<TAB>Person 0 5;9 15<TAB>...``).

    Args:
        ann_path: The ``.ann`` file (UTF-8).

    Returns:
        ``(start, end, type, text)`` for each span, in file order.

    Raises:
        InputError: the file cannot be read or a ``T`` line is malformed (the message
            gives the line number).

    Example:
        >>> read_brat("article.ann")[0]
        (10, 22, 'Person', 'Marie Dupont')
    """
    spans: list[tuple[int, int, str, str]] = []
    try:
        with open(ann_path, encoding="utf-8", newline="") as lines:
            for number, line in enumerate(lines, start=1):
                line = line.rstrip("\r\n")
                if not line.startswith("T"):
                    continue
                fields = line.split("\t", 2)
                head = fields[1].split() if len(fields) > 1 else []
                if len(fields) > 1 and ";" in fields[1]:
                    continue
                if len(head) != 3 or not (head[1].isdigit() and head[2].isdigit()):
                    raise InputError(
                        f"{ann_path}, line {number}: expected 'T<id><TAB><type> <start> <end>"
                        f"<TAB><text>', got {line!r}"
                    )
                text = fields[2] if len(fields) > 2 else ""
                spans.append((int(head[1]), int(head[2]), head[0], text))
    except OSError as err:
        raise InputError(f"Cannot read the brat file {str(ann_path)!r}: {err}") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{ann_path}: not UTF-8 text ({err})") from None
    return spans


# ------------------------------------------------------------------ running models


def evaluate_gold(
    path: str | Path, analyzer: Analyzer, *, batch_size: int = 8, n_process: int = 1
) -> Result:
    """Analyse every article of a quote gold file and score the result.

    Args:
        path: The gold JSONL file (see :func:`load_gold`).
        analyzer: A loaded analyser (``quotekit.load()``).
        batch_size: Texts sent to the pipeline at a time.
        n_process: Worker processes.

    Returns:
        The scores of :func:`score_quotes`.

    Raises:
        InputError: the gold file is unreadable or malformed.

    Example:
        >>> result = evaluate_gold("quotes-open.jsonl", quotekit.load())
        >>> result["quotes"]["gold"]
        115
    """
    docs = load_gold(path)
    analyses = list(
        analyzer.pipe([(d.id, d.text) for d in docs], batch_size=batch_size, n_process=n_process)
    )
    return score_quotes(docs, analyses)


def _read_text(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text ({err})") from None


def evaluate_ner(
    directory: str | Path, analyzer: Analyzer, *, batch_size: int = 8, n_process: int = 1
) -> Result:
    """Measure person names against brat gold: quotekit's and the bare spaCy NER's.

    Every ``*.ann`` file under ``directory`` (recursively, in sorted order) is read with
    its ``.txt`` sibling, exactly as written (UTF-8, newlines untouched). Its ``Person``
    spans are the gold. quotekit's prediction is the name mentions of its person
    entities; spaCy's is the ``PER`` entities of the bare pipeline of the same model
    (:meth:`Analyzer.bare`), run on the same texts.

    Args:
        directory: The folder of ``.ann``/``.txt`` pairs.
        analyzer: A loaded analyser (``quotekit.load()``).
        batch_size: Texts sent to the pipeline at a time.
        n_process: Worker processes.

    Returns:
        ``{"quotekit": score_ner(...), "spacy": score_ner(...), "skipped": int,
        "offset_mismatches": int, "offset_mismatch_examples": [...]}``. ``skipped`` counts
        ``.ann`` files whose text is empty or whitespace-only, or missing.
        ``offset_mismatches`` counts gold person spans whose annotated text is not
        ``text[start:end]``; they are still scored at their offsets, and the first ten are
        listed as ``{"file", "start", "end", "annotated", "found"}``.

    Raises:
        InputError: ``directory`` holds no ``.ann`` file, or a file is unreadable.

    Example:
        >>> result = evaluate_ner("winer-dev/2016", quotekit.load())
        >>> result["spacy"]["f1"] < result["quotekit"]["f1"]
        True
    """
    from quotekit.pipeline import RECORD_ATTR
    from quotekit.records import from_record

    root = Path(directory)
    ann_files = sorted(root.rglob("*.ann"))
    if not ann_files:
        raise InputError(f"No brat .ann file under {str(directory)!r}.")
    skipped = mismatches = 0
    examples: list[dict[str, Any]] = []
    items: list[tuple[str, list[tuple[int, int]]]] = []
    for ann in ann_files:
        txt = ann.with_suffix(".txt")
        if not txt.is_file():
            skipped += 1
            continue
        text = _read_text(txt)
        if not text.strip():
            skipped += 1
            continue
        gold: list[tuple[int, int]] = []
        for start, end, kind, written in read_brat(ann):
            if kind != "Person":
                continue
            gold.append((start, end))
            if text[start:end] != written:
                mismatches += 1
                if len(examples) < 10:
                    examples.append(
                        {
                            "file": str(ann.relative_to(root)),
                            "start": start,
                            "end": end,
                            "annotated": written,
                            "found": text[start:end],
                        }
                    )
        items.append((text, gold))

    quotekit_pairs = []
    spacy_pairs = []
    texts = [text for text, _ in items]
    docs = analyzer.nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
    bare = analyzer.bare().pipe(texts, batch_size=batch_size, n_process=n_process)
    for (text, gold), doc, bare_doc in zip(items, docs, bare, strict=True):
        spacy_spans = [(e.start_char, e.end_char) for e in bare_doc.ents if e.label_ == "PER"]
        record = doc._.get(RECORD_ATTR)
        ours: list[tuple[int, int]] = []
        if record is not None:
            for entity in _person_entities(from_record(record)):
                ours += [(m.start, m.end) for m in entity.mentions if m.kind == "name"]
        quotekit_pairs.append((text, gold, ours))
        spacy_pairs.append((text, gold, spacy_spans))
    return {
        "quotekit": score_ner(quotekit_pairs),
        "spacy": score_ner(spacy_pairs),
        "skipped": skipped,
        "offset_mismatches": mismatches,
        "offset_mismatch_examples": examples,
    }


# ----------------------------------------------------------------------- reports


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """Left-aligned first column, right-aligned figures; floats with 3 decimals."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            return f"{value:.3f}"
        return "" if value is None else str(value)

    cells = [list(header)] + [[cell(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        first = row[0].ljust(widths[0])
        rest = [value.rjust(width) for value, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join([first, *rest]).rstrip())
    return lines


def format_report(result: Mapping[str, Any]) -> str:
    """The scores of :func:`score_quotes` as aligned text tables (3 decimals).

    Args:
        result: What :func:`score_quotes` or :func:`evaluate_gold` returned.

    Returns:
        A multi-line text, without a final newline.
    """
    quotes = result["quotes"]
    speaker = result["speaker"]
    roles = result["roles"]
    lines = [
        f"quotekit evaluation: {result['documents']} documents, {quotes['gold']} gold quotes, "
        f"{quotes['predicted']} predicted",
        "",
    ]

    def prf(name: str, scores: Mapping[str, Any], *extra: object) -> list[object]:
        return [name, scores["precision"], scores["recall"], scores["f1"], *extra]

    lines += _table(
        ["", "precision", "recall", "f1", "matched"],
        [
            prf("quotes, lenient", quotes["lenient"], quotes["lenient"]["matched"]),
            prf("quotes, strict", quotes["strict"], quotes["strict"]["matched"]),
            prf("quotes, exact", quotes["exact"], quotes["exact"]["matched"]),
            prf("attribution", result["attribution"], None),
            prf("persons", result["persons"], None),
            prf("clustering", result["clustering"], None),
            [
                "roles",
                roles["precision"],
                roles["recall"],
                _f1(roles["precision"], roles["recall"]),
                None,
            ],
        ],
    )
    lines += [
        "",
        f"speaker accuracy  {speaker['accuracy']:.3f}  ({speaker['correct']} of "
        f"{speaker['evaluated']} matched quotes)",
        f"roles             {roles['gold']} gold, {roles['predicted']} predicted",
        "",
    ]
    lines += _table(
        ["by gold kind", "gold", "recall", "speaker"],
        [
            [kind, scores["gold"], scores["recall"], scores["speaker_accuracy"]]
            for kind, scores in result["by_kind"].items()
        ],
    )
    return "\n".join(lines)


def format_ner_report(result: Mapping[str, Any]) -> str:
    """The scores of :func:`evaluate_ner` as an aligned text table (3 decimals).

    Args:
        result: What :func:`evaluate_ner` returned.

    Returns:
        A multi-line text, without a final newline.
    """
    systems = [name for name in ("quotekit", "spacy") if name in result]
    documents = result[systems[0]]["documents"] if systems else 0
    lines = [
        f"person names: {documents} documents, {result.get('skipped', 0)} skipped, "
        f"{result.get('offset_mismatches', 0)} gold offset mismatches",
        "",
    ]
    lines += _table(
        ["system", "gold", "predicted", "correct", "precision", "recall", "f1"],
        [
            [
                name,
                result[name]["gold"],
                result[name]["predicted"],
                result[name]["correct"],
                result[name]["precision"],
                result[name]["recall"],
                result[name]["f1"],
            ]
            for name in systems
        ],
    )
    return "\n".join(lines)
