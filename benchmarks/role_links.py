"""How often each way of linking a role to a person is right, on a quote gold file.

quotekit gives a person a role by a few constructions (``roles.py``, ``people.py``): right
before the name, after it by a comma, as a predicate, before the name a few words on, as
a role mention standing for someone named earlier... For each role on a person entity
that the gold can judge, the construction that gave it and whether it is right: the gold
lists it for that person (``right``), for another person (``other person``), or for
nobody while the person has other gold roles (``not gold``). A role on a person the gold
does not list, or lists with no role, is ``unjudged``.

It prints counts only, so it can be run on the sealed gold: a construction whose precision
holds on the open gold and falls on the sealed one is a rule that fitted the articles it
was written on. (This count found the forward link of the ninth session, docs/design.md.)

From the repository root::

    python benchmarks/role_links.py                         # ../shared/.../quotes-sealed.jsonl
    python benchmarks/role_links.py path/to/quotes-open.jsonl
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's package, not an installed one

import quotekit  # noqa: E402
from quotekit.evaluate import load_gold  # noqa: E402
from quotekit.evaluate.matching import _any_same, _entity_names, _gold_person_names  # noqa: E402
from quotekit.evaluate.scores import _occurrences, _overlaps, _person_entities  # noqa: E402
from quotekit.people import find_person_mentions  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "winer-dev" / "quotes-sealed.jsonl"
VERDICTS = ("right", "other person", "not gold", "unjudged")


def counts(gold_path: Path) -> dict[str, Counter[str]]:
    """Verdict counts by construction."""
    analyzer = quotekit.load()
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in load_gold(gold_path):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = analyzer.nlp(doc.text)
        analysis = parsed._.quotekit
        how: dict[tuple[int, int], str] = {}
        find_person_mentions(parsed, how=how)  # the people stage again, telling how
        by_start = {parsed[a].idx: name for (a, _), name in how.items()}
        golds = [
            (_gold_person_names(p), [_occurrences(doc.text, r) for r in p.roles])
            for p in doc.persons
        ]
        for entity in _person_entities(analysis):
            mine = [g for g in golds if _any_same(_entity_names(entity), g[0])]
            for role in entity.roles:
                construction = by_start.get(role.start, "other")
                if any(_overlaps(role.start, role.end, o) for g in mine for o in g[1]):
                    verdict = "right"
                elif any(_overlaps(role.start, role.end, o) for g in golds for o in g[1]):
                    verdict = "other person"
                elif not any(g[1] for g in mine):
                    verdict = "unjudged"
                else:
                    verdict = "not gold"
                out[construction][verdict] += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()
    table = counts(args.gold)
    print(f"{'construction':42s}" + "".join(f"{v:>14s}" for v in VERDICTS) + "  precision")
    for name, c in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        judged = c["right"] + c["other person"] + c["not gold"]
        precision = f"{c['right'] / judged:.2f}" if judged else "-"
        print(f"{name:42s}" + "".join(f"{c[v]:14d}" for v in VERDICTS) + f"  {precision:>9s}")


if __name__ == "__main__":
    main()
