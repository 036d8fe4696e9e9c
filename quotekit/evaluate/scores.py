"""Scores of predicted analyses against quote gold: quotes (lenient, strict, exact), speakers,
attribution, kinds, persons, roles and in-document name clusters (:func:`score_quotes`),
and :func:`evaluate_gold`, which runs an analyser on a gold file and scores it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from quotekit.errors import InputError
from quotekit.model import QUOTE_KINDS, Analysis, Entity

if TYPE_CHECKING:
    from quotekit.analyzer import Analyzer

from quotekit.evaluate.gold import GoldDocument, load_gold
from quotekit.evaluate.matching import (
    _any_same,
    _entity_names,
    _exact,
    _gold_person_names,
    _lenient,
    _match,
    _norm,
    _speaker_correct,
    _speaker_evaluated,
    _strict,
)

Result = dict[str, Any]


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
