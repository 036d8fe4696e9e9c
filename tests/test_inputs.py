"""Reading the command line's inputs: files, folders, JSON lines, stdin, problems. No model."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotekit._inputs import STDIN_NAME, Document, Problem, format_of, iter_documents

MOREAU = "« Nous ne céderons pas », a déclaré la ministre Claire Moreau."
MARTIN = "Le maire Paul Martin a affirmé que la route serait rouverte lundi."
DURAND = "« Rien ne change », a dit M. Durand, porte-parole du syndicat."


def read_all(*paths: str | Path, **options: object) -> tuple[list[Document], list[Problem]]:
    problems: list[Problem] = []
    docs = list(iter_documents(list(paths), on_problem=problems.append, **options))  # type: ignore[arg-type]
    return docs, problems


def read(*paths: str | Path, **options: object) -> tuple[list[tuple[str, str]], list[Problem]]:
    """The (id, text) of the documents read; problems and error documents as problems."""
    docs, problems = read_all(*paths, **options)
    for doc in docs:
        if doc.error is not None:
            problems.append(Problem(doc.source, doc.error.message, doc.line))
    return [(d.id, d.text) for d in docs if d.error is None], problems


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


def test_a_file_that_is_not_utf8_is_decoded_as_windows_1252_with_a_warning(
    tmp_path: Path,
) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(MOREAU.encode("cp1252"))
    good = tmp_path / "good.txt"
    good.write_text(MARTIN, encoding="utf-8")
    docs, problems = read_all(latin, good)
    assert [(d.id, d.text) for d in docs] == [(str(latin), MOREAU), (str(good), MARTIN)]
    assert problems == []
    assert "not UTF-8" in docs[0].warnings[0]
    assert "Windows-1252" in docs[0].warnings[0]
    assert docs[1].warnings == ()


def test_bytes_windows_1252_lacks_are_read_as_latin_1(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Caf\xe9 \x81 ouvert.")
    [doc], _ = read_all(path)
    assert doc.text == "Café \x81 ouvert."
    assert "Latin-1" in doc.warnings[0]


def test_a_binary_file_gives_an_error_document_in_its_place(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MOREAU, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe" * 20)
    (tmp_path / "c.txt").write_text(MARTIN, encoding="utf-8")
    docs, problems = read_all(tmp_path)
    assert [d.id for d in docs] == ["a.txt", "b.txt", "c.txt"]
    assert [d.error.code if d.error else None for d in docs] == [None, "binary", None]
    assert problems == []


def test_a_utf8_text_with_nul_and_control_characters_is_a_text(tmp_path: Path) -> None:
    text = "Titre\x00\x01\x07 " + MOREAU
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    [doc], _ = read_all(path)
    assert (doc.text, doc.error) == (text, None)


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_an_empty_text_file_is_a_document(tmp_path: Path, content: str) -> None:
    path = tmp_path / "vide.txt"
    path.write_text(content, encoding="utf-8")
    docs, problems = read(path)
    assert docs == [(str(path), content)]
    assert problems == []


def test_a_missing_file_gives_an_error_document_named_by_its_path(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(MARTIN, encoding="utf-8")
    docs, _ = read_all(tmp_path / "absent.txt", good)
    assert [d.id for d in docs] == [str(tmp_path / "absent.txt"), str(good)]
    assert docs[0].error is not None and docs[0].error.code == "unreadable"
    assert "cannot read" in docs[0].error.message


def test_the_output_file_is_never_read_as_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MOREAU, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text(jsonl({"id": "x", "text": MARTIN}), encoding="utf-8")
    docs, _ = read_all(tmp_path, exclude=[out])
    assert [d.id for d in docs] == ["a.txt"]
    stat = out.stat()
    docs, _ = read_all(tmp_path, exclude_ids=[(stat.st_dev, stat.st_ino)])
    assert [d.id for d in docs] == ["a.txt"]
    docs, problems = read_all(out, exclude=[str(out)])
    assert docs == []
    assert "output file" in problems[0].message


def test_a_long_text_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(MOREAU * 3000, encoding="utf-8")
    docs, problems = read(path)
    assert docs == [(str(path), MOREAU * 3000)]
    assert problems == []


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


def test_a_json_line_that_is_not_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "lot.jsonl"
    path.write_bytes(
        jsonl({"id": "a", "text": MOREAU}).encode("utf-8")
        + jsonl({"id": "b", "text": MARTIN}).encode("cp1252")
        + jsonl({"id": "c", "text": DURAND}).encode("utf-8")
    )
    docs, problems = read_all(path)
    assert [(d.id, d.text) for d in docs] == [("a", MOREAU), ("b", MARTIN), ("c", DURAND)]
    assert [bool(d.warnings) for d in docs] == [False, True, False]
    assert problems == []


def test_bad_json_lines_keep_their_place_with_an_id(tmp_path: Path) -> None:
    path = tmp_path / "lot.jsonl"
    path.write_text(
        jsonl({"id": "a", "text": MOREAU}) + "pas du JSON\n" + '{"id": "b", "text": 3}\n'
    )
    docs, _ = read_all(path)
    assert [(d.id, d.error.code if d.error else None) for d in docs] == [
        ("a", None),
        (f"{path}:2", "bad_input"),
        ("b", "bad_input"),
    ]


def test_lone_surrogate_escapes_are_kept_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "lot.jsonl"
    path.write_text('{"id": "a", "text": "Oui \\ud83d non."}\n', encoding="utf-8")
    [doc], _ = read_all(path)
    assert doc.text == "Oui \ud83d non."


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
    first = next(docs)
    assert (first.id, first.text) == ("0", MOREAU)
    assert next(docs).id == "1"
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


def test_stdin_that_is_not_utf8_is_decoded_with_a_warning() -> None:
    docs, problems = read_all(stdin=stdin_of(MOREAU.encode("cp1252")))
    assert [(d.id, d.text) for d in docs] == [(STDIN_NAME, MOREAU)]
    assert "not UTF-8" in docs[0].warnings[0]
    assert problems == []


def test_problems_read_like_compiler_messages() -> None:
    assert str(Problem("lot.jsonl", "bad JSON", 3)) == "lot.jsonl:3: bad JSON"
    assert str(Problem("a.txt", "cannot read")) == "a.txt: cannot read"
