"""Which person-name repairs of quotekit still help, with a given recognizer.

Each repair of :func:`quotekit.recognition.find_person_spans` is switched off in turn and
the person names are scored (exact spans, P / R / F1) on folders of brat pairs: the
change of F1 against all repairs on says what the repair is worth. The texts are run
through the pipeline once (tokens, NER, focused parse); only the person stage is run
again for each variant. Figures only, never the text of an error, so that it can be
run on held-apart months.

From the repository root::

    python benchmarks/ner_ablation.py DIR [DIR ...] [--ner model]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import quotekit  # noqa: E402
from quotekit import pipeline  # noqa: E402
from quotekit.evaluate.ner import _read_text, read_brat  # noqa: E402


def _none(*_args: Any, **_kwargs: Any) -> list[Any]:
    return []


def _spans_unchanged(_doc: Any, spans: Any, *_rest: Any) -> Any:
    return spans


#: name -> {function of quotekit.recognition: stand-in that switches it off}. The repairs
#: removed when the news recognizer came (extending a name to the left or right, names
#: after a civility, a role and comma or a role phrase, team sheets, lists of persons or
#: places, fuller forms, nicknames, dashes) were measured the same way: none raised the
#: figures on months 09-12 or on the held-out part of 01-08 (docs/training.md).
VARIANTS: dict[str, dict[str, Callable[..., Any]]] = {
    "valid name (all)": {"_valid_name": lambda doc, s, e: e > s},
    "valid: fills quotation": {"_fills_quotation": lambda doc, s, e: False},
    "valid: named thing before": {"_named_thing_before": lambda doc, s: False},
    "names from given names": {"_names_from_given_names": _none},
    "coordinated given names": {"_coordinated_given_names": _none},
    "completed to full names": {"_completed_to_full_names": _spans_unchanged},
    "repeated names": {"_repeated_names": _none},
}


@contextmanager
def switched_off(module: Any, patches: dict[str, Callable[..., Any]]) -> Iterator[None]:
    saved = {name: getattr(module, name) for name in patches}
    try:
        for name, stand_in in patches.items():
            setattr(module, name, stand_in)
        yield
    finally:
        for name, original in saved.items():
            setattr(module, name, original)


def read_pairs(directory: Path) -> list[tuple[str, set[tuple[int, int]]]]:
    pairs = []
    for ann in sorted(directory.rglob("*.ann")):
        text = _read_text(ann.with_suffix(".txt"))
        if text.strip():
            gold = {(s, e) for s, e, kind, _ in read_brat(ann) if kind == "Person"}
            pairs.append((text, gold))
    return pairs


def prf(rows: Sequence[tuple[set[tuple[int, int]], set[tuple[int, int]]]]) -> str:
    correct = sum(len(g & p) for g, p in rows)
    predicted = sum(len(p) for _, p in rows)
    gold = sum(len(g) for g, _ in rows)
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} / {r:.3f} / {f:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directories", nargs="+", type=Path)
    parser.add_argument("--ner", default="news", choices=("news", "model"))
    parser.add_argument("--only", nargs="*", help="variants to run (default: all)")
    parser.add_argument(
        "--off", nargs="*", default=[], help="variants switched off in every run, the base too"
    )
    parser.add_argument(
        "--together", action="store_true", help="also switch off all the --only variants at once"
    )
    args = parser.parse_args(argv)

    from quotekit import people, recognition

    analyzer = quotekit.load(ner=args.ner)
    nlp = analyzer.nlp
    sets = []
    for directory in args.directories:
        pairs = read_pairs(directory)
        with nlp.select_pipes(disable=list(pipeline.COMPONENTS)):
            docs = list(nlp.pipe((text for text, _ in pairs), batch_size=8))
        sets.append((directory, docs, [gold for _, gold in pairs]))

    def score() -> list[str]:
        out = []
        for _, docs, golds in sets:
            rows = []
            for doc, gold in zip(docs, golds, strict=True):
                found = {
                    (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text))
                    for m in people.find_person_mentions(doc)
                }
                rows.append((gold, found))
            out.append(prf(rows))
        return out

    base = {k: v for name in args.off for k, v in VARIANTS[name].items()}
    base_off = switched_off(recognition, base)
    base_off.__enter__()
    print(f"recognizer: {analyzer.ner}; off: {', '.join(args.off) or 'none'}")
    print(f"{'variant':28} " + "  ".join(f"{d.name[-22:]:>22}" for d, _, _ in sets))
    print(f"{'all repairs':28} " + "  ".join(f"{s:>22}" for s in score()))
    for name, patches in VARIANTS.items():
        if args.only and name not in args.only:
            continue
        with switched_off(recognition, patches):
            print(f"{'- ' + name:28} " + "  ".join(f"{s:>22}" for s in score()), flush=True)
    if args.together and args.only:
        patches = {k: v for name in args.only for k, v in VARIANTS[name].items()}
        with switched_off(recognition, patches):
            print(f"{'- all of them':28} " + "  ".join(f"{s:>22}" for s in score()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
