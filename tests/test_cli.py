"""The ``quotekit`` command line: inputs, output formats, exit codes, messages.

These tests check the command's mechanics (ids, order, counts, valid records, exit codes),
not the quality of the analysis: the records are compared with what the library itself gives
for the same texts, so they hold whatever the stages find.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import types
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy

import quotekit
from quotekit import cli, cli_extract
from quotekit._writers import _Progress
from quotekit.model import Analysis, Entity, Mention, Quote, Span, Speaker
from quotekit.records import to_record, validate_record
from quotekit.textview import format_analysis, shorten

MOREAU = "« Nous ne céderons pas », a déclaré la ministre Claire Moreau."
MARTIN = "Le maire Paul Martin a affirmé que la route serait rouverte lundi."
DURAND = "« Rien ne change », a dit M. Durand, porte-parole du syndicat."
TEXTS = {"moreau": MOREAU, "martin": MARTIN, "durand": DURAND}


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def records_of(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def expected(analyzer: quotekit.Analyzer, items: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    return [to_record(a) for a in analyzer.pipe(list(items))]


def jsonl(*objects: object) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder of three articles, one in a subfolder, plus a file that is not an article."""
    folder = tmp_path / "articles"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "martin.txt").write_text(MARTIN, encoding="utf-8")
    (folder / "durand.txt").write_text(DURAND, encoding="utf-8")
    (folder / "moreau.txt").write_text(MOREAU, encoding="utf-8")
    (folder / "README.md").write_text("Pas un article.", encoding="utf-8")
    return folder


# -- extract: inputs and the jsonl output -----------------------------------------------------


def test_extract_a_folder_writes_one_valid_record_per_article_in_sorted_order(
    capsys: pytest.CaptureFixture[str], analyzer: quotekit.Analyzer, articles: Path
) -> None:
    code, out, err = run(capsys, "extract", articles)
    assert (code, err) == (0, "")
    records = records_of(out)
    items = [("2024/martin.txt", MARTIN), ("durand.txt", DURAND), ("moreau.txt", MOREAU)]
    assert [r["id"] for r in records] == [doc_id for doc_id, _ in items]
    for record, (_, text) in zip(records, items, strict=True):
        validate_record(record, text)
    assert records == expected(analyzer, items)


def test_extract_a_file_names_it_by_its_path_as_given(
    capsys: pytest.CaptureFixture[str], analyzer: quotekit.Analyzer, articles: Path
) -> None:
    path = articles / "moreau.txt"
    code, out, _ = run(capsys, "extract", path)
    assert code == 0
    assert records_of(out) == expected(analyzer, [(str(path), MOREAU)])


def test_extract_names_the_document_of_each_warning_and_keeps_it_in_the_record(
    capsys: pytest.CaptureFixture[str], analyzer: quotekit.Analyzer, tmp_path: Path
) -> None:
    path = tmp_path / "lot.jsonl"
    path.write_text(
        jsonl({"id": "propre", "text": MOREAU})
        + jsonl({"id": "ouvert", "text": "« Nous irons au bout, a déclaré Marie Dupont."}),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "extract", path)
    assert code == 0
    assert "quotekit: warning: ouvert: Unbalanced quote marks" in err
    assert "propre:" not in err
    clean, unbalanced = records_of(out)
    assert "warnings" not in clean
    assert unbalanced["warnings"][0].startswith("Unbalanced quote marks")


def test_extract_jsonl_with_a_bad_line_gives_an_error_record_in_its_place(
    capsys: pytest.CaptureFixture[str], analyzer: quotekit.Analyzer, tmp_path: Path
) -> None:
    path = tmp_path / "lot.jsonl"
    path.write_text(
        jsonl({"id": "a", "text": MOREAU}) + '{"id": "b", "text": \n' + jsonl({"text": MARTIN}),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "extract", path)
    assert code == cli.EXIT_PARTIAL == 1
    assert f"{path}:2: bad JSON" in err
    assert "3 records written, 1 of them error record" in err
    items = [("a", MOREAU), (f"{path}:3", MARTIN)]
    records = records_of(out)
    assert [r["id"] for r in records] == ["a", f"{path}:2", f"{path}:3"]
    failed = records.pop(1)
    assert failed["error"]["code"] == "bad_input"
    assert (failed["entities"], failed["quotes"]) == ([], [])
    validate_record(failed)
    for record, (_, text) in zip(records, items, strict=True):
        validate_record(record, text)
    assert records == expected(analyzer, items)


def test_extract_keeps_the_input_order_across_batches(
    capsys: pytest.CaptureFixture[str], analyzer: quotekit.Analyzer, tmp_path: Path
) -> None:
    items = [(f"doc-{i}", list(TEXTS.values())[i % 3]) for i in range(7)]
    path = tmp_path / "lot.jsonl"
    path.write_text(jsonl(*({"id": i, "text": t} for i, t in items)), encoding="utf-8")
    code, out, _ = run(capsys, "extract", path, "--batch-size", "2")
    assert code == 0
    assert records_of(out) == expected(analyzer, items)


def test_extract_reads_stdin_as_json_lines_when_it_looks_like_them(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    analyzer: quotekit.Analyzer,
) -> None:
    set_stdin(monkeypatch, jsonl({"id": "m", "text": MOREAU}, {"text": DURAND}))
    code, out, err = run(capsys, "extract")
    assert (code, err) == (0, "")
    assert records_of(out) == expected(analyzer, [("m", MOREAU), ("<stdin>:2", DURAND)])


def test_extract_reads_stdin_as_one_text_otherwise(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    analyzer: quotekit.Analyzer,
) -> None:
    text = MOREAU + "\n" + MARTIN + "\n"
    set_stdin(monkeypatch, text)
    code, out, _ = run(capsys, "extract", "-")
    assert code == 0
    (record,) = records_of(out)
    validate_record(record, text)
    assert [record] == expected(analyzer, [("<stdin>", text)])


def test_extract_with_a_missing_file_among_good_ones_exits_1(
    capsys: pytest.CaptureFixture[str], articles: Path
) -> None:
    missing = articles / "absent.txt"
    code, out, err = run(capsys, "extract", missing, articles / "moreau.txt")
    assert code == cli.EXIT_PARTIAL
    assert f"{missing}: cannot read" in err
    records = records_of(out)
    assert [r["id"] for r in records] == [str(missing), str(articles / "moreau.txt")]
    assert records[0]["error"]["code"] == "unreadable"
    assert "error" not in records[1]


def test_extract_when_nothing_can_be_analysed_exits_4(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x1a\xff" * 50)
    code, out, err = run(capsys, "extract", tmp_path / "absent.txt", binary)
    assert code == cli.EXIT_NO_INPUT == 4
    assert [r["error"]["code"] for r in records_of(out)] == ["unreadable", "binary"]
    assert "absent.txt: cannot read" in err
    assert "image.txt: not a text file" in err


def test_extract_gives_an_empty_text_a_record_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "vide.txt"
    empty.write_text("  \n", encoding="utf-8")
    code, out, err = run(capsys, "extract", empty)
    assert code == cli.EXIT_OK
    (record,) = records_of(out)
    assert (record["id"], record["entities"], record["quotes"]) == (str(empty), [], [])
    assert "empty" in record["warnings"][0]
    assert "vide.txt: The text is empty" in err


# -- extract: other output formats ------------------------------------------------------------


def test_format_json_is_one_array_of_the_same_records(
    capsys: pytest.CaptureFixture[str], articles: Path
) -> None:
    _, jsonl_out, _ = run(capsys, "extract", articles)
    code, out, _ = run(capsys, "extract", articles, "--format", "json")
    assert code == 0
    parsed = json.loads(out)
    assert isinstance(parsed, list)
    assert parsed == records_of(jsonl_out)


def test_format_text_shows_each_document_as_the_text_view(
    capsys: pytest.CaptureFixture[str], analyzer: quotekit.Analyzer, articles: Path
) -> None:
    items = [("2024/martin.txt", MARTIN), ("durand.txt", DURAND), ("moreau.txt", MOREAU)]
    code, out, _ = run(capsys, "extract", articles, "--format", "text")
    assert code == 0
    views = [
        format_analysis(a, text) for a, (_, text) in zip(analyzer.pipe(items), items, strict=True)
    ]
    assert out == "\n\n".join(views) + "\n"
    assert "== durand.txt ==" in out


def test_output_goes_to_the_file_given(
    capsys: pytest.CaptureFixture[str], articles: Path, tmp_path: Path
) -> None:
    target = tmp_path / "records.jsonl"
    code, out, _ = run(capsys, "extract", articles, "--output", target)
    assert (code, out) == (0, "")
    assert len(records_of(target.read_text(encoding="utf-8"))) == 3


def test_an_output_file_that_cannot_be_written_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], articles: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "extract", articles, "-o", tmp_path / "absent" / "out.jsonl")
    assert code == cli.EXIT_USAGE
    assert "cannot write" in err


def test_two_jobs_give_the_same_records_in_the_same_order(
    capsys: pytest.CaptureFixture[str], articles: Path
) -> None:
    _, one, _ = run(capsys, "extract", articles)
    code, two, _ = run(capsys, "extract", articles, "--jobs", "2", "--batch-size", "1")
    assert code == 0
    assert records_of(two) == records_of(one)


# -- extract: models, warnings, progress ------------------------------------------------------


def test_an_unknown_model_exits_3_with_the_pip_command(
    capsys: pytest.CaptureFixture[str], articles: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    code, out, err = run(
        capsys, "extract", articles, "--model", "fr_pas_de_tel_modele", "-o", target
    )
    assert code == cli.EXIT_MODEL == 3
    assert "pip install" in err
    assert "Traceback" not in err
    assert out == ""
    assert not target.exists()


def test_a_model_that_is_not_french_exits_3(
    capsys: pytest.CaptureFixture[str], articles: Path, tmp_path: Path
) -> None:
    english = tmp_path / "english"
    spacy.blank("en").to_disk(english)
    code, _, err = run(capsys, "extract", articles, "--model", english)
    assert code == cli.EXIT_MODEL
    assert "French" in err
    assert "pip install" in err


class _WarningAnalyzer:
    """Stands in for the analyser: warns like a stage does on an unbalanced guillemet."""

    def pipe(
        self, items: Iterable[tuple[str, str]], *, batch_size: int, n_process: int
    ) -> Iterator[Analysis]:
        for doc_id, _text in items:
            warnings.warn("Unbalanced quote marks", quotekit.QuotekitWarning, stacklevel=1)
            yield Analysis(doc_id, "fr_test-0.0.0")


def test_warnings_are_one_line_on_stderr_and_do_not_fail_the_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, articles: Path
) -> None:
    monkeypatch.setattr(cli_extract, "_load", lambda model, **_: _WarningAnalyzer())
    code, out, err = run(capsys, "extract", articles / "moreau.txt")
    assert code == 0
    assert err == "quotekit: warning: Unbalanced quote marks\n"
    assert len(records_of(out)) == 1


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str], articles: Path
) -> None:
    code, _, err = run(capsys, "extract", articles)
    assert code == 0
    assert err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_done_of_total_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_Progress, "DELAY", 0.0)
    stream = _Terminal()
    progress = _Progress(stream, total=5, done=1)
    progress.begin()
    progress.update()
    progress.update()
    progress.say("a message")
    progress.close()
    shown = stream.getvalue()
    assert "3/5" in shown
    assert "documents" in shown
    assert "a message\n" in shown


def test_the_progress_bar_waits_a_second_and_is_silent_off_a_terminal() -> None:
    stream = _Terminal()
    progress = _Progress(stream, total=3)
    for _ in range(3):
        progress.update()
    progress.close()
    assert stream.getvalue() == ""

    quiet = io.StringIO()
    progress = _Progress(quiet)
    for _ in range(5):
        progress.update()
    progress.close()
    assert quiet.getvalue() == ""


# -- the text view ----------------------------------------------------------------------------


def _cut(text: str, sub: str) -> Span:
    start = text.index(sub)
    return Span.of(text, start, start + len(sub))


def test_the_text_view_says_who_said_what() -> None:
    text = "Titre\n" + MOREAU + " Un porte-parole a ajouté que le texte serait voté."
    name = _cut(text, "Claire Moreau")
    moreau = Entity(
        "e1",
        "person",
        "Claire Moreau",
        mentions=[Mention(name.start, name.end, name.text)],
        roles=[_cut(text, "ministre")],
    )
    direct = _cut(text, "Nous ne céderons pas")
    indirect = _cut(text, "le texte serait voté")
    analysis = Analysis(
        "a1",
        "fr_test-0.0.0",
        entities=[moreau, Entity("o1", "organization", "Gouvernement")],
        quotes=[
            Quote(
                direct.start,
                direct.end,
                direct.text,
                "direct",
                speaker=Speaker("Claire Moreau", "person", "e1", name),
                cue=_cut(text, "a déclaré"),
                confidence=0.93,
            ),
            Quote(indirect.start, indirect.end, indirect.text, "indirect", confidence=0.4),
        ],
    )
    assert format_analysis(analysis, text).splitlines() == [
        "== a1 ==",
        "Persons: Claire Moreau (ministre)",
        "Organisations: Gouvernement",
        "Quotes: 2",
        "  1. Claire Moreau — direct, cue « a déclaré », confidence 0.93, line 2",
        "     « Nous ne céderons pas »",
        "  2. ? — indirect, no cue, confidence 0.40, line 2",
        "     le texte serait voté",
    ]


def test_the_text_view_of_a_document_without_quotes() -> None:
    view = format_analysis(Analysis(None, "fr_test-0.0.0"))
    assert view.splitlines() == ["== (no id) ==", "Persons: -", "Quotes: none found"]


def test_long_quotes_are_shortened_at_a_word_boundary() -> None:
    long = " ".join(["nous"] * 100)
    short = shorten(long)
    assert len(short) <= 200
    assert short.endswith("nous…")
    assert shorten("Une\nphrase   courte") == "Une phrase courte"


# -- evaluate ---------------------------------------------------------------------------------


def test_evaluate_a_missing_gold_file_exits_4(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "evaluate", tmp_path / "absent.jsonl")
    assert code == cli.EXIT_NO_INPUT
    assert "absent.jsonl: no such gold file" in err


def test_evaluate_a_missing_ner_folder_exits_4(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "evaluate", "--ner", tmp_path / "absent")
    assert code == cli.EXIT_NO_INPUT
    assert "no such folder" in err


@pytest.fixture
def fake_evaluate(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any, int]]:
    """Replaces ``quotekit.evaluate`` by a stand-in that records its calls."""
    calls: list[tuple[str, Any, int]] = []
    module = types.ModuleType("quotekit.evaluate")

    def evaluate_gold(path: Path, analyzer: Any, *, n_process: int = 1) -> dict[str, Any]:
        calls.append(("gold", path, n_process))
        if "malformed" in str(path):
            raise quotekit.InputError(f"{path}, line 1: not JSON")
        return {"quotes": {"f1": 0.5}}

    def evaluate_ner(directory: Path, analyzer: Any, *, n_process: int = 1) -> dict[str, Any]:
        calls.append(("ner", directory, n_process))
        return {"quotekit": {"f1": 0.75}}

    module.evaluate_gold = evaluate_gold  # type: ignore[attr-defined]
    module.evaluate_ner = evaluate_ner  # type: ignore[attr-defined]
    module.format_report = lambda result: f"quote report {result['quotes']['f1']}"  # type: ignore[attr-defined]
    module.format_ner_report = lambda result: f"ner report {result['quotekit']['f1']}"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quotekit.evaluate", module)
    monkeypatch.setattr(cli, "_load", lambda model, **_: object())
    return calls


def test_evaluate_prints_the_report_of_the_evaluator(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_evaluate: list[tuple[str, Any, int]]
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{}\n", encoding="utf-8")
    code, out, _ = run(capsys, "evaluate", gold, "--jobs", "2")
    assert (code, out) == (0, "quote report 0.5\n")
    assert fake_evaluate == [("gold", gold, 2)]

    code, out, _ = run(capsys, "evaluate", "--ner", tmp_path, "--json")
    assert code == 0
    assert json.loads(out) == {"quotekit": {"f1": 0.75}}
    assert fake_evaluate[-1] == ("ner", tmp_path, 1)


def test_evaluate_a_malformed_gold_file_exits_4(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_evaluate: list[tuple[str, Any, int]]
) -> None:
    gold = tmp_path / "malformed.jsonl"
    gold.write_text("pas du JSON\n", encoding="utf-8")
    code, _, err = run(capsys, "evaluate", gold)
    assert code == cli.EXIT_NO_INPUT
    assert "line 1: not JSON" in err


# -- usage ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["extract", "--format", "xml"],
        ["extract", "--input", "csv"],
        ["extract", "--jobs", "0"],
        ["extract", "--batch-size", "beaucoup"],
        ["evaluate"],
        ["evaluate", "gold.jsonl", "--ner", "dossier"],
        ["traduire"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == cli.EXIT_USAGE == 2
    assert out == ""
    assert "usage:" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip().startswith(f"quotekit {quotekit.__version__}")


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"], ["evaluate", "--help"]])
def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "exit codes:" in out
    assert "3  the spaCy model" in out


# -- as a program -----------------------------------------------------------------------------


def test_python_m_quotekit_extract_reads_stdin() -> None:
    text = MOREAU + "\n"
    result = subprocess.run(
        [sys.executable, "-m", "quotekit", "extract", "-"],
        input=text.encode("utf-8"),
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    (record,) = records_of(result.stdout.decode("utf-8"))
    assert record["id"] == "<stdin>"
    validate_record(record, text)


def test_python_m_quotekit_reports_an_unknown_model_without_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quotekit", "extract", "--model", "fr_pas_de_tel_modele", "-"],
        input=MOREAU.encode("utf-8"),
        capture_output=True,
        timeout=300,
        check=False,
    )
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 3
    assert "pip install" in stderr
    assert "Traceback" not in stderr


def test_extract_corpus_gives_one_id_to_name_variants(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], analyzer: quotekit.Analyzer
) -> None:
    (tmp_path / "a.txt").write_text(
        "« Nous tiendrons », a déclaré le président ukrainien Volodymyr Zelenskiy.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Le président Volodymyr Zelensky a affirmé que Kiev ne céderait pas.", encoding="utf-8"
    )
    code, out, _err = run(capsys, "extract", "--corpus", tmp_path)
    assert code == 0
    records = records_of(out)
    ids = {
        record["id"]: {e["id"] for e in record["entities"] if e["kind"] == "person"}
        for record in records
    }
    assert ids["a.txt"] == ids["b.txt"]
    assert len(ids["a.txt"]) == 1
    for record in records:
        validate_record(record)


def test_render_writes_one_standalone_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], analyzer: quotekit.Analyzer
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "moreau.txt").write_text(MOREAU, encoding="utf-8")
    (folder / "martin.txt").write_text(MARTIN, encoding="utf-8")
    page = tmp_path / "out" / "report.html"
    code, _out, _err = run(capsys, "render", folder, "--corpus", "-o", page, "--title", "Essai")
    assert code == 0
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Essai</title>" in html
    assert html.count('data-quote-kind="') == sum(
        len(a.quotes) for a in analyzer.pipe([MOREAU, MARTIN])
    )
    assert "Claire Moreau" in html
    assert "https://" not in html and "http://" not in html
