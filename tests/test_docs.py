"""Every Python example of the README and of docs/*.md runs, as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _examples() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for k, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8")), start=1):
            found.append((f"{page.relative_to(ROOT)}#{k}", match.group(1)))
    return found


EXAMPLES = _examples()


def test_the_docs_have_examples() -> None:
    assert len(EXAMPLES) >= 6


@pytest.mark.parametrize(("where", "code"), EXAMPLES, ids=[w for w, _ in EXAMPLES])
def test_example_runs(where: str, code: str) -> None:
    # run as a script, so that examples guarded by `if __name__ == "__main__"` run too
    exec(compile(code, where, "exec"), {"__name__": "__main__"})


# -- shell examples: every `quotekit ...` line of a ```bash block runs, in a workspace that
# holds the files the examples name (articles/, mon-article.txt, corpus.jsonl, gold.jsonl,
# annotated/), written for this test from the sample articles.

SHELL_BLOCK = re.compile(r"^```(?:bash|sh)\n(.*?)^```", re.S | re.M)


def _shell_examples() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for match in SHELL_BLOCK.finditer(page.read_text(encoding="utf-8")):
            for line in match.group(1).splitlines():
                command = line.split("  #")[0].strip()
                # commands on the shared dev data are the ones .ci/run itself runs
                if command.startswith("quotekit ") and "../shared/" not in command:
                    found.append((f"{page.relative_to(ROOT)}: {command}", command))
    return found


SHELL_EXAMPLES = _shell_examples()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import json
    import shutil

    root = tmp_path_factory.mktemp("docs")
    samples = sorted((ROOT / "examples" / "articles").glob("*.txt"))[:2]
    (root / "articles").mkdir()
    for path in samples:
        shutil.copy(path, root / "articles" / path.name)
    shutil.copy(samples[0], root / "mon-article.txt")
    text = "« Nous irons au bout », a déclaré Marie Dupont."
    lines = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) for p in samples]
    (root / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = {
        "id": "g1",
        "text": text,
        "quotes": [
            {
                "start": 2,
                "end": 20,
                "text": "Nous irons au bout",
                "kind": "direct",
                "speaker": "Marie Dupont",
                "speaker_kind": "person",
                "speaker_mention": "Marie Dupont",
                "cue": "a déclaré",
            }
        ],
        "persons": [{"name": "Marie Dupont", "forms": ["Marie Dupont"], "roles": []}],
    }
    (root / "gold.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    # gold for `quotekit train`: the sample articles with their golden records as annotations
    articles = []
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        record = json.loads((ROOT / "tests" / "golden" / f"{path.stem}.json").read_text("utf-8"))
        articles.append(json.dumps(_as_gold(path.read_text("utf-8"), record), ensure_ascii=False))
    for name, part in (("my-gold", articles[:4]), ("more-gold", articles[4:7])):
        (root / f"{name}.jsonl").write_text("\n".join(part) + "\n", encoding="utf-8")
    (root / "held-out-gold.jsonl").write_text("\n".join(articles[7:]) + "\n", encoding="utf-8")
    (root / "annotated").mkdir()
    (root / "annotated" / "a.txt").write_text(text, encoding="utf-8")
    (root / "annotated" / "a.ann").write_text("T1\tPerson 34 46\tMarie Dupont\n", encoding="utf-8")
    return root


def _as_gold(text: str, record: dict) -> dict:
    """A gold article from a record: its quotes and speakers taken as the annotation."""
    names = {e["id"]: e for e in record["entities"]}
    quotes = []
    for q in record["quotes"]:
        speaker = q["speaker"]
        quotes.append(
            {
                "start": q["start"],
                "end": q["end"],
                "text": q["text"],
                "kind": q["kind"],
                "speaker": None if speaker is None else speaker["name"],
                "speaker_kind": "none" if speaker is None else speaker["kind"],
                "speaker_mention": None
                if speaker is None or speaker["mention"] is None
                else speaker["mention"]["text"],
                "cue": None if q["cue"] is None else q["cue"]["text"],
            }
        )
    persons = [
        {"name": e["name"], "forms": sorted({m["text"] for m in e["mentions"]}), "roles": []}
        for e in names.values()
        if e["kind"] == "person"
    ]
    return {"id": record["id"], "text": text, "quotes": quotes, "persons": persons}


def test_the_docs_have_shell_examples() -> None:
    assert len(SHELL_EXAMPLES) >= 8


@pytest.mark.parametrize(("where", "command"), SHELL_EXAMPLES, ids=[w for w, _ in SHELL_EXAMPLES])
def test_shell_example_runs(where: str, command: str, workspace: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        command.replace("quotekit ", f"{sys.executable} -m quotekit ", 1),
        shell=True,
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"{where}\n{done.stderr[-2000:]}"
