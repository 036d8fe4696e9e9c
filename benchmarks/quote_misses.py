"""Missed indirect quotes and loose spans by kind, on a quote gold file.

Three counts, all safe on the sealed gold (they print kinds, never text):

- every gold indirect quote by the class of its cue (below; a listed verb split by whether
  the content is a que-clause), and how many of each class are found: the recall by
  class shows where unseen news loses indirect speech;

- each gold indirect quote that ``quotekit evaluate`` does not find (no lenient match), by
  what its gold cue is to quotekit: ``selon`` (``selon``, ``d'après``, ``pour``), a verb of the
  verb list that quotekit reads as a reporting verb (``listed verb``), a listed verb the
  tagger gave another part of speech (``listed, tagged NOUN``...), or a cue outside the list;
  and whether any candidate of ``find_candidates(doc, wide=True)`` overlaps it (``candidate``:
  quotekit proposed it and its rules or its span lost it; ``no candidate``: nothing proposed
  it). For a listed verb with no candidate, the parse relation of the content's head to the
  verb says which construction was not read (``obj``: a noun object, ``xcomp``: an
  infinitive or adjective, ``obl:arg``: a ``de``/``à`` phrase...);
- each gold quote found leniently but not strictly, by kind and by which edge is off
  (``start<``: the prediction starts before the gold, ``end>``: it ends after it).

From the repository root::

    python benchmarks/quote_misses.py                        # ../shared/.../quotes-sealed.jsonl
    python benchmarks/quote_misses.py path/to/quotes-open.jsonl
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc, Span

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's package, not an installed one

import quotekit  # noqa: E402
from quotekit._resources import french  # noqa: E402
from quotekit.cues import first_group_lemmas, is_selon, reporting_lemma  # noqa: E402
from quotekit.evaluate import load_gold  # noqa: E402
from quotekit.evaluate.gold import GoldDocument, GoldQuote  # noqa: E402
from quotekit.evaluate.matching import _lenient, _match, _strict  # noqa: E402
from quotekit.quotes import find_candidates  # noqa: E402
from quotekit.verb_contents import _QUE  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "winer-dev" / "quotes-sealed.jsonl"


def _cue_tokens(doc: Doc, gold: GoldDocument, quote: GoldQuote) -> Span | None:
    """The occurrence of the gold cue nearest the quote, as tokens."""
    if not quote.cue:
        return None
    best: tuple[int, int, int] | None = None
    for m in re.finditer(re.escape(quote.cue), gold.text):
        distance = min(abs(m.start() - quote.start), abs(m.start() - quote.end))
        if best is None or distance < best[0]:
            best = (distance, m.start(), m.end())
    if best is None:
        return None
    return doc.char_span(best[1], best[2], alignment_mode="expand")


def _cue_class(cue: Span) -> str:
    verbs = french().reporting_verbs
    if any(is_selon(t) or t.lower_ in ("selon", "pour") for t in cue):
        return "selon"
    if any(reporting_lemma(t) for t in cue):
        return "listed verb"
    listed = [
        t
        for t in cue
        if t.lemma_.lower() in verbs or any(g in verbs for g in first_group_lemmas(t.lower_))
    ]
    if listed:
        return f"listed, tagged {listed[-1].pos_}"
    return "outside the list"


def _relation(doc: Doc, cue: Span, quote: GoldQuote) -> str:
    """The parse relation of the content's head to the cue verb."""
    verb = [t for t in cue if reporting_lemma(t)][-1]
    content = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if content is None or not len(content):
        return "?"
    heads = [t for t in content if not (content.start <= t.head.i < content.end) or t.head == t]
    head = heads[0] if heads else content[0]
    where = "before" if quote.end <= cue.start_char else "after"
    if head.head == verb:
        return f"{where}, {head.dep_}"
    if verb in head.ancestors:
        return f"{where}, below {head.dep_}"
    return f"{where}, elsewhere"


def _after_que(doc: Doc, quote: GoldQuote) -> bool:
    """Whether the content is a que-clause: ``que`` opens it or comes right before it."""
    content = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if content is None or not len(content):
        return False
    return content[0].lower_ in _QUE or (
        content.start > 0 and doc[content.start - 1].lower_ in _QUE
    )


def counts(
    gold_path: Path,
) -> tuple[Counter[tuple[str, ...]], Counter[tuple[str, str]], Counter[tuple[str, bool]]]:
    """(missed indirect quotes by kind, lenient-not-strict quotes by kind and edge, every
    indirect quote by cue class and whether it is found)."""
    misses: Counter[tuple[str, ...]] = Counter()
    loose: Counter[tuple[str, str]] = Counter()
    by_class: Counter[tuple[str, bool]] = Counter()
    analyzer = quotekit.load()
    for gold in load_gold(gold_path):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = analyzer.nlp(gold.text)
            candidates = find_candidates(doc, wide=True)
        analysis = doc._.quotekit
        golds = [(q.start, q.end) for q in gold.quotes]
        predicted = [(q.start, q.end) for q in analysis.quotes]
        lenient = _match(golds, predicted, _lenient)
        strict = _match(golds, predicted, _strict)
        for g, p in lenient.items():
            if g in strict:
                continue
            (gs, ge), (ps, pe) = golds[g], predicted[p]
            edge = ("start<" if ps < gs else "start>" if ps > gs else "start=") + (
                " end<" if pe < ge else " end>" if pe > ge else " end="
            )
            loose[(gold.quotes[g].kind, edge)] += 1
        for g, quote in enumerate(gold.quotes):
            if quote.kind != "indirect":
                continue
            cue = _cue_tokens(doc, gold, quote)
            cue_class = (
                ("no cue" if not quote.cue else "cue not found") if cue is None else _cue_class(cue)
            )
            if cue_class == "listed verb":
                content = "que-clause" if _after_que(doc, quote) else "other content"
                by_class[(f"listed verb, {content}", g in lenient)] += 1
            else:
                by_class[(cue_class, g in lenient)] += 1
            if g in lenient:
                continue
            proposed = any(c.start < quote.end and quote.start < c.end for c in candidates)
            kind: tuple[str, ...] = (cue_class,)
            if cue is not None and cue_class == "listed verb" and not proposed:
                kind += (_relation(doc, cue, quote),)
            key = (*kind, "candidate" if proposed else "no candidate")
            misses[key] += 1
    return misses, loose, by_class


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args(argv)
    misses, loose, by_class = counts(args.gold)
    classes = Counter[str]()
    for (cue_class, _), n in by_class.items():
        classes[cue_class] += n
    print(f"{'gold indirect quotes by cue':32} {'quotes':>6} {'found':>6} {'recall':>7}")
    for cue_class, n in classes.most_common():
        found = by_class[(cue_class, True)]
        print(f"{cue_class:32} {n:6} {found:6} {found / n:7.3f}")
    print(f"missed indirect quotes: {sum(misses.values())}")
    for shape, n in sorted(misses.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:5}  {' / '.join(shape)}")
    print(f"found leniently, not strictly: {sum(loose.values())}")
    for (kind, edge), n in sorted(loose.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:5}  {kind:9} {edge}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
