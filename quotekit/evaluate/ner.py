"""Person names against named-entity gold in brat standoff (``T1<TAB>Person 10 25<TAB>Marie
Dupont``): :func:`read_brat`, :func:`score_ner` by exact offsets, and :func:`evaluate_ner`,
which measures quotekit's names and the bare spaCy ``PER`` entities on a folder."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotekit.errors import InputError

if TYPE_CHECKING:
    from quotekit.analyzer import Analyzer

from quotekit.evaluate.scores import Result, _person_entities, _prf


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
