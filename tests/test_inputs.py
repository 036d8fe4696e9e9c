"""Reading the command line's inputs: files, folders, JSON lines, stdin, problems. No model."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotekit._inputs import STDIN_NAME, Problem, format_of, iter_documents

MOREAU = "« Nous ne céderons pas », a déclaré la ministre Claire Moreau."
MARTIN = "Le maire Paul Martin a affirmé que la route serait rouverte lundi."
DURAND = "« Rien ne change », a dit M. Durand, porte-parole du syndicat."


def read(*paths: str | Path, **options: object) -> tuple[list[tuple[str, str]], list[Problem]]:
    problems: list[Problem] = []
    docs = list(iter_documents(list(paths), on_problem=problems.append, **options))  # type: ignore[arg-type]
    return docs, problems


def jsonl(*objects: object) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)


def stdin_of(data: str | bytes) -> io.TextIOWrapper:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")


# -- text files and folders -------------------------------------------------------------------


def test_a_text_file_is_one_document_named_by_its_path_as_given(tmp_path: Path) -> None:
    path = tmp_path / "moreau.txt"
    path.write_text(MOREAU, encoding="utf-8")
    docs, problems = read(str(path))
    assert docs == [(str(path), MOREAU)]
    assert problems == []


def test_a_text_is_kept_exactly_as_stored_but_the_bom(tmp_path: Path) -> None:
    text = "Titre\r\n\r\n" + MOREAU + "\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    docs, _ = read(path)
    assert docs == [(str(path), text)]


def test_a_folder_is_read_recursively_in_sorted_order_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "2.txt").write_text(MARTIN, encoding="utf-8")
    (tmp_path / "a" / "9.txt").write_text(MOREAU, encoding="utf-8")
    (tmp_path / "z.txt").write_text(DURAND, encoding="utf-8")
    (tmp_path / "a" / "lot.jsonl").write_text(jsonl({"text": MARTIN}, {"id": "d", "text": DURAND}))
    (tmp_path / "notes.md").write_text("pas un article", encoding="utf-8")
    (tmp_path / ".cache" / "x.txt").write_text(MOREAU, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(MOREAU, encoding="utf-8")

    docs, problems = read(tmp_path)

    assert [doc_id for doc_id, _ in docs] == ["a/9.txt", "a/lot.jsonl:1", "d", "b/2.txt", "z.txt"]
    assert docs[0] == ("a/9.txt", MOREAU)
    assert problems == []


@pytest.mark.parametrize(
    ("input_format", "ids"),
    [("auto", ["a.jsonl:1", "b.txt"]), ("text", ["b.txt"]), ("jsonl", ["a.jsonl:1"])],
)
def test_a_folder_is_searched_for_the_files_of_the_input_format(
    tmp_path: Path, input_format: str, ids: list[str]
) -> None:
    (tmp_path / "a.jsonl").write_text(jsonl({"text": MARTIN}), encoding="utf-8")
    (tmp_path / "b.txt").write_text(MOREAU, encoding="utf-8")
    docs, _ = read(tmp_path, input_format=input_format)
    assert [doc_id for doc_id, _ in docs] == ids


def test_a_folder_without_articles_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("rien", encoding="utf-8")
    docs, problems = read(tmp_path)
    assert docs == []
    assert [p.source for p in problems] == [str(tmp_path)]
    assert "no *.txt or *.jsonl files" in problems[0].message


def test_a_missing_file_is_reported_and_the_others_are_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(MOREAU, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    docs, problems = read(missing, good)
    assert docs == [(str(good), MOREAU)]
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"{missing}: cannot read")


def test_a_file_without_permission_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # CI runs as root, who reads any file: simulate the refusal the OS gives others.
    path = tmp_path / "secret.txt"
    path.write_text(MOREAU, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(MARTIN, encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    real_read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", refuse)
    docs, problems = read(path, good)
    assert docs == [(str(good), MARTIN)]
    assert "cannot read" in problems[0].message


def test_a_file_that_is_not_utf8_is_reported_and_the_others_are_read(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(MOREAU.encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text(MARTIN, encoding="utf-8")
    docs, problems = read(latin, good)
    assert docs == [(str(good), MARTIN)]
    assert problems[0].source == str(latin)
    assert "not UTF-8" in problems[0].message
    assert "iconv" in problems[0].message


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_an_empty_text_file_is_reported_and_skipped(tmp_path: Path, content: str) -> None:
    path = tmp_path / "vide.txt"
    path.write_text(content, encoding="utf-8")
    docs, problems = read(path)
    assert docs == []
    assert "empty" in problems[0].message


def test_a_text_longer_than_max_length_is_reported_with_its_place(tmp_path: Path) -> None:
    long_file = tmp_path / "long.txt"
    long_file.write_text(MOREAU * 3, encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text(jsonl({"text": MOREAU * 3}, {"text": MARTIN}), encoding="utf-8")
    docs, problems = read(long_file, lines, max_length=100)
    assert docs == [(f"{lines}:2", MARTIN)]
    assert [(p.source, p.line) for p in problems] == [(str(long_file), None), (str(lines), 1)]
    assert all("max_length" in p.message for p in problems)


# -- JSON lines -------------------------------------------------------------------------------


def test_json_lines_give_their_id_or_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "lot.jsonl"
    path.write_text(
        jsonl({"id": "art-1", "text": MOREAU}, {"text": MARTIN})
        + "\n"  # blank lines are skipped, but still counted
        + jsonl({"id": 7, "text": DURAND}, {"id": None, "text": MOREAU}),
        encoding="utf-8",
    )
    docs, problems = read(path)
    assert docs == [
        ("art-1", MOREAU),
        (f"{path}:2", MARTIN),
        ("7", DURAND),
        (f"{path}:5", MOREAU),
    ]
    assert problems == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "text": ', "bad JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"id": "x"}', 'no "text" field'),
        ('{"id": "x", "text": 3}', '"text" is a number'),
        ('{"id": "x", "text": null}', '"text" is null'),
        ('{"id": "x", "text": "  "}', "empty"),
        ('{"id": ["x"], "text": "Bonjour."}', '"id" is an array'),
    ],
)
def test_a_bad_json_line_is_reported_with_its_number_and_the_rest_is_read(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "lot.jsonl"
    path.write_text(
        jsonl({"id": "a", "text": MOREAU}) + line + "\n" + jsonl({"id": "c", "text": MARTIN})
    )
    docs, problems = read(path)
    assert docs == [("a", MOREAU), ("c", MARTIN)]
    assert len(problems) == 1
    assert (problems[0].source, problems[0].line) == (str(path), 2)
    assert str(problems[0]).startswith(f"{path}:2: ")
    assert message in problems[0].message


def test_a_json_line_that_is_not_utf8_costs_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "lot.jsonl"
    path.write_bytes(
        jsonl({"id": "a", "text": MOREAU}).encode("utf-8")
        + jsonl({"id": "b", "text": MARTIN}).encode("latin-1")
        + jsonl({"id": "c", "text": DURAND}).encode("utf-8")
    )
    docs, problems = read(path)
    assert [doc_id for doc_id, _ in docs] == ["a", "c"]
    assert (problems[0].line, "not UTF-8" in problems[0].message) == (2, True)


def test_a_json_lines_file_with_no_lines_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "vide.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    docs, problems = read(path)
    assert docs == []
    assert "no documents" in problems[0].message


def test_json_lines_are_read_lazily() -> None:
    consumed = 0

    def lines() -> Iterator[bytes]:
        nonlocal consumed
        for i in range(1_000):
            consumed += 1
            yield jsonl({"id": str(i), "text": MOREAU}).encode("utf-8")

    docs = iter_documents(["-"], on_problem=pytest.fail, stdin=lines())  # type: ignore[arg-type]
    assert next(docs) == ("0", MOREAU)
    assert next(docs) == ("1", MOREAU)
    assert consumed == 2


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.jsonl", "jsonl"),
        ("a.JSON", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.txt", "text"),
        ("a", "text"),
    ],
)
def test_the_auto_format_of_a_file_goes_by_its_extension(name: str, expected: str) -> None:
    assert format_of(name) == expected


def test_input_text_reads_a_jsonl_file_as_one_text(tmp_path: Path) -> None:
    path = tmp_path / "lot.jsonl"
    content = jsonl({"id": "a", "text": MOREAU})
    path.write_text(content, encoding="utf-8")
    docs, _ = read(path, input_format="text")
    assert docs == [(str(path), content)]


# -- standard input ---------------------------------------------------------------------------


def test_stdin_is_read_as_json_lines_when_its_first_line_is_a_document() -> None:
    data = "\n" + jsonl({"id": "a", "text": MOREAU}, {"text": MARTIN})
    docs, problems = read(stdin=stdin_of(data))
    assert docs == [("a", MOREAU), (f"{STDIN_NAME}:3", MARTIN)]
    assert problems == []


@pytest.mark.parametrize(
    "data",
    [
        MOREAU + "\n" + MARTIN + "\n",
        '{"titre": "pas un document"}\n' + MOREAU,
        "[1, 2]\n" + MOREAU,
    ],
)
def test_stdin_is_one_plain_text_otherwise(data: str) -> None:
    docs, problems = read("-", stdin=stdin_of(data))
    assert docs == [(STDIN_NAME, data)]
    assert problems == []


def test_stdin_can_be_forced_to_json_lines() -> None:
    data = "[1, 2]\n" + jsonl({"id": "b", "text": MARTIN})
    docs, problems = read("-", input_format="jsonl", stdin=stdin_of(data))
    assert docs == [("b", MARTIN)]
    assert [(p.source, p.line) for p in problems] == [(STDIN_NAME, 1)]


def test_stdin_may_be_a_plain_text_stream() -> None:
    docs, _ = read(stdin=io.StringIO(MOREAU))
    assert docs == [(STDIN_NAME, MOREAU)]


@pytest.mark.parametrize("data", [b"", b"\n  \n"])
def test_empty_stdin_is_a_problem(data: bytes) -> None:
    docs, problems = read(stdin=stdin_of(data))
    assert docs == []
    assert problems[0].source == STDIN_NAME


def test_stdin_that_is_not_utf8_is_a_problem() -> None:
    docs, problems = read(stdin=stdin_of(MOREAU.encode("latin-1")))
    assert docs == []
    assert "not UTF-8" in problems[0].message


def test_problems_read_like_compiler_messages() -> None:
    assert str(Problem("lot.jsonl", "bad JSON", 3)) == "lot.jsonl:3: bad JSON"
    assert str(Problem("a.txt", "cannot read")) == "a.txt: cannot read"
