"""The scores of :mod:`quotekit.evaluate` as aligned text tables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from quotekit.evaluate.scores import _f1


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
