"""quotekit's demo: who said what in the sample articles, as a corpus.

Analyses every article of ``examples/articles/`` (or the folder given), links the
people across the articles (one name per person: "Zelenskiy" and "Zelensky" are one),
prints who said what in each article and a table of the speakers of the corpus, and
writes the records (JSONL, record v1) and an HTML report to an output folder.

Usage (from the repository root):
    python examples/demo.py                          # writes quotekit-demo/
    python examples/demo.py my-articles/ --out report/
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections import defaultdict
from pathlib import Path

import quotekit
from quotekit.render import write_html
from quotekit.textview import format_analysis

HERE = Path(__file__).resolve().parent


def read_articles(folder: Path) -> list[tuple[str, str]]:
    """``(id, text)`` of every ``.txt`` file of ``folder``, sorted by name."""
    return [
        (path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.txt"))
        if path.name.lower() != "readme.txt"
    ]


def speaker_table(linked: list[quotekit.Analysis]) -> list[tuple[str, str, int, list[str]]]:
    """Rows of (canonical name, roles, number of quotes, articles), most quoted first."""
    quotes: dict[str, int] = defaultdict(int)
    articles: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for analysis in linked:
        for quote in analysis.quotes:
            if quote.speaker is None or quote.speaker.entity is None:
                continue
            entity = analysis.entity(quote.speaker.entity)
            names[entity.id] = entity.name
            quotes[entity.id] += 1
            articles[entity.id].add(analysis.id or "?")
            roles[entity.id].update(r.text for r in entity.roles)
    rows = [
        (names[k], "; ".join(sorted(roles[k])) or "-", quotes[k], sorted(articles[k]))
        for k in quotes
    ]
    return sorted(rows, key=lambda r: (-r[2], r[0]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=HERE / "articles")
    parser.add_argument("--out", type=Path, default=Path("quotekit-demo"))
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: lg, else md)")
    args = parser.parse_args(argv)

    articles = read_articles(args.folder)
    if not articles:
        print(f"no .txt articles in {args.folder}", file=sys.stderr)
        return 1
    analyzer = quotekit.load(args.model)
    print(f"quotekit {quotekit.__version__} with {analyzer.model}: {len(articles)} articles\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", quotekit.QuotekitWarning)
        analyses = list(analyzer.pipe(articles))
    linked = list(quotekit.link_corpus(analyses))
    texts = dict(articles)

    for analysis in linked:
        print(format_analysis(analysis, texts[analysis.id or ""]))
        print()

    print("Speakers of the corpus")
    rows = speaker_table(linked)
    width = max((len(r[0]) for r in rows), default=10)
    print(f"  {'speaker':<{width}}  quotes  articles  roles")
    for name, roles, count, where in rows:
        print(f"  {name:<{width}}  {count:>6}  {len(where):>8}  {roles}")

    args.out.mkdir(parents=True, exist_ok=True)
    records = args.out / "records.jsonl"
    with records.open("w", encoding="utf-8") as fh:
        for analysis in linked:
            fh.write(json.dumps(quotekit.to_record(analysis), ensure_ascii=False) + "\n")
    report = write_html(
        args.out / "report.html",
        [(a, texts[a.id or ""]) for a in linked],
        title="quotekit: sample articles",
    )
    print(f"\nwrote {records} ({len(linked)} records) and {report}")
    print(f"open it in a browser: file://{report.resolve()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
