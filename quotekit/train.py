"""Training quotekit's two decisions from gold quotes (``quotekit train``).

The gold articles are parsed once. Then:

1. **Quotes.** Every candidate of :func:`quotekit.quotes.find_candidates` (``wide``: the
   ones the rules reject too) is labelled a quote when it matches a gold quote (it covers
   at least 30% of the gold span, as the evaluator's lenient match, and at least 30% of
   itself is gold). A logistic regression learns the weights of
   :func:`quotekit.quote_features.candidate_features`; the probability threshold is the
   one that gives the best lenient F1 on held-out folds. The decision is ``enabled``
   (replaces the rules' choice) only when cross-validation (``--cv``) finds the whole
   analysis better with it (attribution F1); otherwise the rules choose the quotes.
2. **Speakers.** The quotes the trained decision keeps go through the attribution rules;
   for each one that matches a gold quote with a known speaker, every candidate of
   :func:`quotekit.speakers.speaker_candidates` is labelled by the evaluator's own
   speaker test, and a conditional logit learns to rank them: the softmax over each
   quote's candidates that analysis applies (:func:`quotekit.speakers.choose`), fitted by
   the likelihood of the right candidates.

Learning uses scikit-learn (``pip install "quotekit[train]"``); the weights are written as
a model folder (:mod:`quotekit.linear`) that ``quotekit.load(attribution=FOLDER)``,
``--attribution FOLDER`` and ``quotekit evaluate`` use. Cross-validation splits the
articles into folds; each fold is analysed with models trained on the others only and
scored by :func:`quotekit.evaluate.score_quotes`.

Example:
    quotekit train ../shared/data/winer-dev/quotes-open.jsonl -o my-model --cv 5
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
from spacy.tokens import Doc

from quotekit.analyzer import Analyzer, load
from quotekit.attribution import attribute, choose_speakers, drop_indefinite_sources
from quotekit.entity_links import link_entities
from quotekit.errors import QuotekitError
from quotekit.evaluate import GoldDocument, load_gold, score_quotes
from quotekit.evaluate.matching import _lenient, _match, _speaker_correct, _speaker_evaluated
from quotekit.gated import RULE as GATED
from quotekit.linear import LinearModel, Models
from quotekit.model import Analysis
from quotekit.quote_features import candidate_features, decide
from quotekit.quotes import QuoteCandidate, find_candidates, quote_of
from quotekit.signatures import sign_quotes
from quotekit.speakers import RuleEvidence, speaker_candidates

__all__ = ["Article", "cross_validate", "fit", "prepare", "train"]

#: Inverse regularisation strength of the quote decision and the speaker ranker (chosen
#: by cross-validation on the open gold, see docs/training.md).
C = 0.3
#: Quote thresholds tried on held-out folds.
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
_MIN_SHARE = 0.3  # of a candidate's own characters that must be gold for it to be a quote


@attrs.define
class Article:
    """One gold article, parsed, with its quote candidates and their features."""

    gold: GoldDocument
    doc: Doc
    people: Analysis  # the persons stage's entities, no quotes yet
    candidates: list[QuoteCandidate]
    features: list[dict[str, float]]
    labels: list[int]


def _label(c: QuoteCandidate, gold: GoldDocument) -> int:
    for q in gold.quotes:
        overlap = min(q.end, c.end) - max(q.start, c.start)
        if (
            overlap > 0
            and _lenient(overlap, q.end - q.start, c.end - c.start)
            and overlap >= _MIN_SHARE * (c.end - c.start)
        ):
            return 1
    return 0


def prepare(gold: Sequence[GoldDocument], analyzer: Analyzer) -> list[Article]:
    """Parse the gold articles and find their persons and quote candidates."""
    nlp = analyzer.nlp
    out: list[Article] = []
    texts = ((g.text, g) for g in gold)
    with nlp.select_pipes(disable=["quotekit_quotes", "quotekit_attribution"]):
        for doc, g in nlp.pipe(texts, as_tuples=True):
            people = attrs.evolve(doc._.quotekit, id=g.id)
            candidates = find_candidates(doc, problems=[], wide=True)
            out.append(
                Article(
                    g,
                    doc,
                    people,
                    candidates,
                    [candidate_features(doc, c) for c in candidates],
                    [_label(c, g) for c in candidates],
                )
            )
    return out


def _weights(names: Iterable[str], coefficients: Iterable[float]) -> dict[str, float]:
    """The non-zero weights by feature name, rounded as the model files keep them."""
    return {
        name: round(float(w), 6)
        for name, w in zip(names, coefficients, strict=True)
        if abs(w) > 1e-9
    }


def _logistic(rows: Iterable[tuple[dict[str, float], int]], *, c: float, what: str) -> LinearModel:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise QuotekitError('Training needs scikit-learn: pip install "quotekit[train]"') from err
    features: list[dict[str, float]] = []
    labels: list[int] = []
    for f, y in rows:
        features.append(f)
        labels.append(y)
    if len(set(labels)) < 2:
        raise QuotekitError(
            f"Nothing to learn the {what} from: the gold gives no positive and negative "
            "examples. Check that its quotes have speakers and offsets into the text."
        )
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(features)
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, labels)
    weights = _weights(vectorizer.get_feature_names_out(), model.coef_[0])
    meta = {"examples": len(labels), "positives": sum(labels), "C": c}
    return LinearModel(weights, round(float(model.intercept_[0]), 6), meta)


def _ranker(groups: Iterable[list[tuple[dict[str, float], int]]], *, c: float) -> LinearModel:
    """A conditional logit: the softmax over each quote's candidates that ``choose``
    applies, fitted by maximum likelihood of the right candidates, with an L2 penalty
    ``1 / (2c)`` as in scikit-learn's logistic regression."""
    try:
        import numpy
        from scipy.optimize import minimize
        from sklearn.feature_extraction import DictVectorizer
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise QuotekitError('Training needs SciPy: pip install "quotekit[train]"') from err
    features: list[dict[str, float]] = []
    labels: list[int] = []
    owners: list[int] = []
    n = 0
    for group in groups:
        n_right = sum(y for _, y in group)
        if n_right == 0 or n_right == len(group):
            continue  # no right candidate, or nothing to choose: nothing to learn
        for f, y in group:
            features.append(f)
            labels.append(y)
            owners.append(n)
        n += 1
    if n == 0:
        raise QuotekitError(
            "Nothing to learn the speaker ranking from: no gold quote has a right and a "
            "wrong speaker candidate. Check that its quotes have speakers and offsets."
        )
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(features).tocsr()
    right = numpy.asarray(labels, dtype=float)
    owner = numpy.asarray(owners)

    def loss(w: Any) -> tuple[float, Any]:
        s = x @ w
        top = numpy.full(n, -numpy.inf)
        numpy.maximum.at(top, owner, s)
        e = numpy.exp(s - top[owner])
        z = numpy.bincount(owner, weights=e, minlength=n)
        zr = numpy.bincount(owner, weights=e * right, minlength=n)
        value = -float(numpy.sum(numpy.log(zr) - numpy.log(z))) + 0.5 / c * float(w @ w)
        grad = x.T @ (e / z[owner] - e * right / zr[owner]) + w / c
        return value, grad

    found = minimize(loss, numpy.zeros(x.shape[1]), jac=True, method="L-BFGS-B")
    weights = _weights(vectorizer.get_feature_names_out(), found.x)
    meta = {"examples": len(labels), "quotes": n, "C": c, "objective": "conditional logit"}
    return LinearModel(weights, 0.0, meta)


def _quotes_of(article: Article, quotes: LinearModel | None, *, gated: bool = False) -> Analysis:
    """The article's analysis with the quotes the decision keeps (None: the rules').

    ``gated`` True keeps the gated verbs' candidates (:mod:`quotekit.gated`), for the gate
    to judge in an analysis; False, for training, leaves them out: they are kept only
    where the ranker is already sure of their speaker, so they teach it nothing.
    """
    if quotes is None or not quotes.meta.get("enabled", True):
        kept = [
            quote_of(article.doc, c)
            for c in find_candidates(article.doc, problems=[])
            if gated or c.rule != GATED
        ]
    else:
        kept = [
            quote_of(article.doc, c, p) for c, p in decide(article.doc, article.candidates, quotes)
        ]
    return attrs.evolve(article.people, quotes=tuple(kept))


def _attributed(
    article: Article, quotes: LinearModel | None
) -> tuple[Analysis, list[RuleEvidence]]:
    evidence: list[RuleEvidence] = []
    return attribute(article.doc, _quotes_of(article, quotes), evidence=evidence), evidence


def _speaker_groups(
    article: Article, analysis: Analysis, evidence: Sequence[RuleEvidence]
) -> Iterable[list[tuple[dict[str, float], int]]]:
    gold = article.gold
    pairs = _match(
        [(q.start, q.end) for q in gold.quotes],
        [(q.start, q.end) for q in analysis.quotes],
        _lenient,
    )
    by_pred = {p: g for g, p in pairs.items()}
    starts = [s.start_char for s in article.doc.sents]
    previous = None
    for i, quote in enumerate(analysis.quotes):
        g = by_pred.get(i)
        if g is not None and _speaker_evaluated(gold.quotes[g]):
            group = []
            for cand in speaker_candidates(
                analysis, i, evidence[i], sentence_starts=starts, text=gold.text, previous=previous
            ):
                with_it = attrs.evolve(quote, speaker=cand.speaker)
                right = _speaker_correct(gold.quotes[g], gold, with_it, analysis)
                group.append((cand.features, int(right)))
            yield group
        if evidence[i].speaker is not None:
            previous = evidence[i].speaker


def _threshold(articles: Sequence[Article], *, folds: int, c: float) -> tuple[float, float]:
    """The quote threshold with the best lenient F1 on held-out folds, and that F1."""
    order = list(range(len(articles)))
    random.Random(1).shuffle(order)
    held_out: dict[int, LinearModel] = {}
    for k in range(folds):
        rest = [articles[i] for j, i in enumerate(order) if j % folds != k]
        model = _fit_quotes(rest, c=c)
        for i in order[k::folds]:
            held_out[i] = model
    best, best_f1 = 0.5, -1.0
    gold = [a.gold for a in articles]
    for t in THRESHOLDS:
        analyses = []
        for i, a in enumerate(articles):
            m = held_out[i]
            m = attrs.evolve(m, meta={**m.meta, "threshold": t})
            analyses.append(_quotes_of(a, m))
        f1 = score_quotes(gold, analyses)["quotes"]["lenient"]["f1"]
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best, best_f1


def _fit_quotes(articles: Sequence[Article], *, c: float) -> LinearModel:
    rows = ((f, y) for a in articles for f, y in zip(a.features, a.labels, strict=True))
    return _logistic(rows, c=c, what="quote decision")


def fit(
    articles: Sequence[Article], *, c: float = C, folds: int = 5, quote_decision: bool = False
) -> Models:
    """Train both decisions on ``articles``; the quote threshold by inner folds.

    With ``quote_decision`` False the trained quote decision is written but not enabled:
    the rules choose the quotes, and the speaker model is trained on theirs.
    """
    quotes = _fit_quotes(articles, c=c)
    threshold, held_out_f1 = 0.5, 0.0
    if len(articles) >= folds:
        threshold, held_out_f1 = _threshold(articles, folds=folds, c=c)
    quote_meta = {
        "threshold": threshold,
        "held_out_lenient_f1": round(held_out_f1, 4),
        "enabled": quote_decision,
    }
    quotes = attrs.evolve(quotes, meta={**quotes.meta, **quote_meta})

    def groups() -> Iterable[list[tuple[dict[str, float], int]]]:
        for a in articles:
            analysis, evidence = _attributed(a, quotes)
            yield from _speaker_groups(a, analysis, evidence)

    speakers = _ranker(groups(), c=c)
    meta = {"articles": len(articles)}
    return Models(
        attrs.evolve(quotes, meta={**quotes.meta, **meta}),
        attrs.evolve(speakers, meta={**speakers.meta, **meta}),
    )


def analyse(articles: Sequence[Article], models: Models | None) -> list[Analysis]:
    """The articles analysed with ``models`` (None: the rules alone)."""
    out = []
    for a in articles:
        quotes = _quotes_of(a, None if models is None else models.quotes, gated=True)
        ranker = None if models is None else models.speakers
        analysis, evidence = choose_speakers(a.doc, quotes, ranker)
        # the attribution component's steps after the ranker that move speakers, in its
        # order (pipeline.QuotesComponent.run): no source for `on`, signed quotes, then
        # entity links (it also flags quotes and adds negated ones, which the scores
        # leave out)
        analysis = drop_indefinite_sources(a.doc, analysis)
        signed = sign_quotes(a.doc, analysis, [e.quote_confidence for e in evidence])
        out.append(link_entities(a.gold.text, signed, a.doc))
    return out


def _figures(result: dict[str, Any]) -> dict[str, float]:
    return {
        "lenient_f1": result["quotes"]["lenient"]["f1"],
        "strict_f1": result["quotes"]["strict"]["f1"],
        "speaker_accuracy": result["speaker"]["accuracy"],
        "attribution_f1": result["attribution"]["f1"],
    }


def cross_validate(
    articles: Sequence[Article], *, folds: int = 5, seed: int = 0, c: float = C
) -> dict[str, Any]:
    """Figures of each fold analysed with models trained on the other folds, by article:
    ``speakers`` (the rules' quotes, trained speakers), ``both`` (trained quotes and
    speakers) and ``rules`` (the rules alone)."""
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    runs: dict[str, list[dict[str, float]]] = {"speakers": [], "both": [], "rules": []}
    for k in range(folds):
        held = [articles[i] for i in order[k::folds]]
        rest = [articles[i] for j, i in enumerate(order) if j % folds != k]
        gold = [a.gold for a in held]
        for name, models in (
            ("speakers", fit(rest, c=c)),
            ("both", fit(rest, c=c, quote_decision=True)),
            ("rules", None),
        ):
            runs[name].append(_figures(score_quotes(gold, analyse(held, models))))

    def summary(rows: list[dict[str, float]]) -> dict[str, Any]:
        return {
            key: {
                "mean": statistics.mean(r[key] for r in rows),
                "stdev": statistics.stdev(r[key] for r in rows) if len(rows) > 1 else 0.0,
                "folds": [round(r[key], 4) for r in rows],
            }
            for key in rows[0]
        }

    return {"folds": folds, "seed": seed, **{name: summary(rows) for name, rows in runs.items()}}


def train(
    gold_paths: Sequence[str | Path],
    output: str | Path,
    *,
    model: str | Path | None = None,
    cv: int = 0,
    c: float = C,
) -> dict[str, Any]:
    """Train both decisions on gold JSONL files and write the model folder ``output``.

    Args:
        gold_paths: Gold files in the format of ``quotekit evaluate``.
        output: The model folder to write (``quotes.json``, ``speakers.json``).
        model: The spaCy pipeline (as for :func:`quotekit.load`).
        cv: When 2 or more, also cross-validate with that many folds by article.
        c: Inverse regularisation strength.

    Returns:
        What was trained on, where it was written, and the cross-validation figures.
    """
    gold: list[GoldDocument] = []
    for path in gold_paths:
        gold.extend(load_gold(path))
    analyzer = load(model, attribution="rules")
    articles = prepare(gold, analyzer)
    report: dict[str, Any] = {"articles": len(articles)}
    quote_decision = False
    if cv >= 2:
        report["cross_validation"] = found = cross_validate(articles, folds=cv, c=c)
        # the trained quote decision replaces the rules' only when the whole analysis is
        # better with it on held-out folds
        both, only = found["both"]["attribution_f1"], found["speakers"]["attribution_f1"]
        quote_decision = both["mean"] > only["mean"]
    models = fit(articles, c=c, quote_decision=quote_decision)
    source = {"gold": [Path(p).name for p in gold_paths], "spacy_model": analyzer.model}
    models = Models(
        attrs.evolve(models.quotes, meta={**models.quotes.meta, **source}),
        attrs.evolve(models.speakers, meta={**models.speakers.meta, **source}),
    )
    written = models.save(output)
    report.update(
        {
            "written_to": str(written),
            "quote_candidates": models.quotes.meta["examples"],
            "quote_threshold": models.quotes.meta["threshold"],
            "quote_decision_enabled": models.quotes.meta["enabled"],
            "speaker_candidates": models.speakers.meta["examples"],
        }
    )
    return report
