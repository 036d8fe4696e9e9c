"""Fuzzing as a benchmark: N seeded random texts through the library, the CLI and ``--jobs 2``.

The texts mix four families, drawn with a seeded generator so that a run can be repeated:

- news: French news sentences built from templates (names, roles, reporting verbs, quotes
  in guillemets or English quotes, paragraphs), with stray marks about once in 40 characters
  (a lone guillemet, a dash, a hyphen at an edge, an apostrophe, brackets, markup, URLs);
- unicode: random code points of any plane, including lone surrogates, NUL and control
  characters, a BOM, CRLF line ends, right-to-left and CJK scripts;
- tiny: empty, blank, one character or one mark;
- huge: a rare news text of several hundred thousand characters, analysed in pieces.

Every text goes through ``Analyzer.pipe`` (the library), then all of them through
``quotekit extract --jobs 2`` as one JSONL file (the CLI with worker processes). It prints
texts tried, records, error records, unexpected exceptions (an exception out of the library,
or an ``internal_error`` record) and offset mismatches (a span whose offsets do not give its
text), and whether the CLI's records equal the library's. Exit status 1 if any of these is
wrong, so CI can run a slice.

Usage (from the repository root):
    python benchmarks/fuzz.py --n 2000 --seed 1
    python benchmarks/fuzz.py --n 100000 --seed 7 --no-cli    # the library only
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FIRST = ["Claire", "Jean", "Marie-Hélène", "Ahmed", "Li", "Olga", "Jean-Pierre", "Aïcha", "Luc"]
LAST = ["Moreau", "Dupont", "de Villiers", "Benali", "Wang", "Ivanova", "Le Guen", "al-Rachid"]
ROLES = [
    "le ministre de l'Intérieur",
    "la porte-parole du gouvernement",
    "le maire de Lyon",
    "M.",
    "Mme",
    "le président",
    "l'entraîneur des Bleus",
    "la secrétaire générale de la CGT",
]
VERBS = ["a déclaré", "a affirmé", "a-t-il ajouté", "a-t-elle dit", "selon", "estime", "a lancé"]
SAID = [
    "Nous ne céderons pas",
    "Il faut aller vite, très vite",
    "Ce n'est pas une surprise",
    "Je ne suis candidat à rien",
    "La situation reste tendue dans le nord du pays",
    "Personne ne pouvait le prévoir",
]
FACTS = [
    "La réunion s'est tenue mardi à Bruxelles.",
    "Les syndicats appellent à une nouvelle journée de grève.",
    "Le texte sera examiné au Sénat la semaine prochaine.",
    "Trois personnes ont été blessées, selon les pompiers.",
    "Le club a confirmé l'information dans un communiqué.",
]
STRAY = [
    "«",
    "»",
    '"',
    "-",
    "–",
    "—",
    "'",
    "’",
    "(",
    ")",
    "[",
    "<b>",
    "</p>",
    "&nbsp;",
    "…",
    "http://exemple.fr/a?b=1",
    "@",
    "#",
    "\u00a0",
    "\u202f",
    "*",
    "/",
    "\\",
    ":",
    ";",
    ",",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random) -> str:
    who = _person(rng)
    said = rng.choice(SAID)
    pick = rng.randrange(6)
    if pick == 0:
        return f"« {said} », {rng.choice(VERBS)} {who}."
    if pick == 1:
        return f"{rng.choice(ROLES)} {who} a estimé que {said.lower()}."
    if pick == 2:
        return f'"{said}", a dit {who}, {rng.choice(ROLES)}.'
    if pick == 3:
        return f"Selon {who}, {said.lower()}."
    if pick == 4:
        return f"{who} : « {said}. »"
    return rng.choice(FACTS)


def _stray(rng: random.Random, text: str) -> str:
    out: list[str] = []
    for ch in text:
        if rng.random() < 1 / 40:
            out.append(rng.choice(STRAY))
        out.append(ch)
    if rng.random() < 0.2:  # a mark at the very start or end: a token at a Doc's edge
        mark = rng.choice(STRAY)
        out = [mark, *out] if rng.random() < 0.5 else [*out, mark]
    return "".join(out)


def _news(rng: random.Random, sentences: int) -> str:
    paragraphs: list[str] = []
    while sentences > 0:
        size = min(sentences, rng.randint(1, 4))
        paragraphs.append(" ".join(_sentence(rng) for _ in range(size)))
        sentences -= size
    joiner = rng.choice(["\n\n", "\n", "\r\n\r\n", " "])
    return _stray(rng, joiner.join(paragraphs))


def _code_point(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.05:
        return chr(rng.randint(0xD800, 0xDFFF))  # a lone surrogate
    if pick < 0.15:
        return chr(rng.randint(0, 0x1F))  # NUL and control characters
    if pick < 0.2:
        return rng.choice(["\ufeff", "\r\n", "\u2028", "\u200b", "\u0301", "\ufffd"])
    if pick < 0.6:
        return chr(rng.randint(0x20, 0x24F))
    if pick < 0.8:
        return rng.choice(["\u0627", "\u05d0", "\u4e2d", "\u0416", "\U0001f600", " ", "\n"])
    return chr(rng.randint(0, 0x10FFFF))


def _unicode(rng: random.Random) -> str:
    text = "".join(_code_point(rng) for _ in range(rng.randint(1, 300)))
    if rng.random() < 0.5:  # unicode noise around real-looking news
        return text[: len(text) // 2] + _news(rng, rng.randint(1, 3)) + text[len(text) // 2 :]
    return text


def _tiny(rng: random.Random) -> str:
    return rng.choice(["", " ", "\n\n", "\t", "a", "«", "»", "-", ".", "M.", "\ufeff", "\x00"])


def make_text(rng: random.Random, *, huge_every: int = 5000) -> str:
    """One random text; about one in ``huge_every`` is several hundred thousand characters."""
    pick = rng.random()
    if pick < 1 / huge_every:
        return _news(rng, rng.randint(2500, 4000))
    if pick < 0.6:
        return _news(rng, rng.randint(1, 12))
    if pick < 0.9:
        return _unicode(rng)
    return _tiny(rng)


def make_texts(n: int, seed: int) -> Iterator[tuple[str, str]]:
    """``n`` seeded ``(id, text)`` pairs."""
    rng = random.Random(seed)
    for i in range(n):
        # as JSON reads it back: two lone surrogates side by side are one pair in JSON
        yield f"fuzz-{seed}-{i}", json.loads(json.dumps(make_text(rng)))


def _offset_mismatches(record: dict[str, Any], text: str) -> int:
    from quotekit.errors import RecordError
    from quotekit.records import validate_record

    try:
        validate_record(record, text)
    except RecordError:
        return 1
    return 0


def run_library(pairs: list[tuple[str, str]], counts: dict[str, int]) -> list[dict[str, Any]]:
    import warnings

    import quotekit
    from quotekit.records import to_record

    analyzer = quotekit.load()
    records: list[dict[str, Any]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            for analysis in analyzer.pipe(pairs, batch_size=32):
                records.append(to_record(analysis))
        except Exception:  # the library must not raise: count it and say where
            counts["unexpected exceptions"] += 1
            traceback.print_exc()
    return records


def run_cli(pairs: list[tuple[str, str]], folder: Path) -> list[dict[str, Any]]:
    corpus = folder / "fuzz.jsonl"
    with corpus.open("w", encoding="utf-8", errors="surrogatepass") as fh:
        for doc_id, text in pairs:
            # lone surrogates are written as JSON escapes, as scrapers write them
            fh.write(json.dumps({"id": doc_id, "text": text}) + "\n")
    out = folder / "records.jsonl"
    command = [sys.executable, "-m", "quotekit", "extract", str(corpus), "-o", str(out)]
    subprocess.run([*command, "--jobs", "2"], stderr=subprocess.DEVNULL, check=False)
    with out.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def tally(
    name: str, pairs: list[tuple[str, str]], records: list[dict[str, Any]], counts: dict[str, int]
) -> None:
    counts[f"{name} records"] = len(records)
    counts[f"{name} missing or extra records"] = abs(len(pairs) - len(records))
    errors = [r for r in records if "error" in r]
    counts[f"{name} error records"] = len(errors)
    internal = [r for r in errors if r["error"]["code"] == "internal_error"]
    counts["unexpected exceptions"] += len(internal)
    for record in internal[:5]:
        print(f"{name}: {record['id']}: {record['error']['message']}", file=sys.stderr)
    paired = list(zip(records, pairs, strict=False))  # a short list is counted above
    wrong_ids = sum(r.get("id") != doc_id for r, (doc_id, _) in paired)
    counts[f"{name} records out of place"] = wrong_ids
    mismatches = sum(_offset_mismatches(r, t) for r, (_, t) in paired)
    counts["offset mismatches"] += mismatches


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="texts to try (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI --jobs 2 run")
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="write the library's and the CLI's records to library.jsonl and cli.jsonl here",
    )
    args = parser.parse_args()
    pairs = list(make_texts(args.n, args.seed))
    counts: dict[str, int] = {"unexpected exceptions": 0, "offset mismatches": 0}
    start = time.monotonic()
    library = run_library(pairs, counts)
    tally("library", pairs, library, counts)
    if not args.no_cli:
        with tempfile.TemporaryDirectory() as tmp:
            cli = run_cli(pairs, Path(tmp))
        tally("cli --jobs 2", pairs, cli, counts)
        unlike = [i for i, (a, b) in enumerate(zip(library, cli, strict=False)) if a != b]
        counts["cli records unlike the library's"] = len(unlike) + abs(len(library) - len(cli))
        if unlike:
            a, b = library[unlike[0]], cli[unlike[0]]
            keys = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
            print(f"first record unlike: {a.get('id')} (fields {', '.join(keys)})", file=sys.stderr)
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name, records in (("library", library), ("cli", cli)):
                with (args.keep / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
                    for record in records:
                        fh.write(json.dumps(record, ensure_ascii=True) + "\n")
    print(f"texts tried: {len(pairs):,} (seed {args.seed}, {time.monotonic() - start:.0f} s)")
    for key, value in counts.items():
        print(f"{key}: {value:,}")
    wrong = ("unexpected", "mismatch", "missing", "place", "unlike")
    bad = [key for key, value in counts.items() if value and any(w in key for w in wrong)]
    if bad:
        print("FAILED: " + ", ".join(bad), file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    sys.exit(main())
