"""Guillemet segments (``quotekit._marks.find_segments``): pairing marks without a model.

Each row of a table is a text and the contents of the segments expected in it, in
text order. Every segment also satisfies ``text[start:end] == content`` with no
space next to the marks, and its marks sit at ``open`` and ``close``.
"""

from __future__ import annotations

import itertools
import warnings

import pytest

from quotekit._marks import SPACES, Segment, find_segments
from quotekit.errors import QuotekitWarning

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, the usual one in French typography
THIN = "\u2009"

OPENERS = '«“"'
CLOSERS = '»”"'


def contents(text: str, **kwargs: bool) -> list[str]:
    return [text[s.start : s.end] for s in find_segments(text, **kwargs)]


def check_offsets(text: str, segments: list[Segment]) -> None:
    """Offsets are consistent: marks at open/close, content between them without spaces."""
    for seg in segments:
        assert 0 <= seg.open < seg.start <= seg.end <= seg.close <= len(text)
        assert text[seg.open] in OPENERS
        assert seg.close == len(text) or text[seg.close] in CLOSERS or text[seg.close] == "\n"
        content = text[seg.start : seg.end]
        if content:
            assert content[0] not in SPACES and content[-1] not in SPACES
        assert text[seg.open + 1 : seg.start].strip(SPACES) == ""
        assert text[seg.end : seg.close].strip(SPACES) == ""
    for a, b in itertools.pairwise(segments):
        assert a.close < b.open, "segments must not overlap"


# --- balanced text: no warning --------------------------------------------------------

BALANCED = [
    pytest.param(
        "Le ministre a déclaré : « Nous ne céderons pas. » Puis il est parti.",
        ["Nous ne céderons pas."],
        id="guillemets",
    ),
    pytest.param(
        "La maire a répondu : “Nous verrons bien.” Fin de la réunion.",
        ["Nous verrons bien."],
        id="curly-quotes",
    ),
    pytest.param(
        'Le maire a répondu : "Nous verrons bien." Fin de la réunion.',
        ["Nous verrons bien."],
        id="straight-quotes",
    ),
    pytest.param(
        f"Il a dit :{NBSP}«{NBSP}Oui{NBSP}»{NBSP}; elle a dit «{NNBSP}Non{NNBSP}».",
        ["Oui", "Non"],
        id="nbsp-and-narrow-nbsp",
    ),
    pytest.param(
        f"«{THIN}Jamais{THIN}», a-t-il lancé, « \t{NBSP} plus jamais  ».",
        ["Jamais", "plus jamais"],
        id="thin-space-and-mixed-spaces",
    ),
    pytest.param(
        "« Elle m'a répondu ‹ jamais › devant tout le monde », a raconté le maire.",
        ["Elle m'a répondu ‹ jamais › devant tout le monde"],
        id="nested-single-guillemets",
    ),
    pytest.param(
        "« Ils parlent d'une « trahison », mais c'est faux », a assuré la ministre.",
        ["Ils parlent d'une « trahison », mais c'est faux"],
        id="nested-guillemets",
    ),
    pytest.param(
        "« Le texte parle d'un “ accord historique ” », a ironisé le député.",
        ["Le texte parle d'un “ accord historique ”"],
        id="curly-inside-guillemets",
    ),
    pytest.param(
        "“Ils parlent d'une « trahison », mais c'est faux”, a assuré la ministre.",
        ["Ils parlent d'une « trahison », mais c'est faux"],
        id="guillemets-inside-curly",
        marks=pytest.mark.xfail(
            strict=True,
            reason="« » inside “ ” is returned as a second, overlapping segment",
        ),
    ),
    pytest.param(
        "Le capitaine a déclaré : « Nous avons tout donné.\n\n"
        "« Les supporters méritaient mieux. »\n\nLe match a eu lieu samedi.",
        ["Nous avons tout donné.\n\n« Les supporters méritaient mieux."],
        id="multi-paragraph-reopened",
    ),
    pytest.param(
        "Le capitaine a déclaré : « Nous avons tout donné.\n\n"
        "» Les supporters méritaient mieux.\n\n"
        "« Nous reviendrons. »\n\nLe match a eu lieu samedi.",
        ["Nous avons tout donné.\n\n» Les supporters méritaient mieux.\n\n« Nous reviendrons."],
        id="multi-paragraph-three-paragraphs",
    ),
    pytest.param(
        "« Nous irons au bout. »\n\n« Nous ne lâcherons rien », a ajouté la syndicaliste.",
        ["Nous irons au bout.", "Nous ne lâcherons rien"],
        id="two-closed-quotes-in-two-paragraphs",
    ),
    pytest.param(
        "Elle a dénoncé un « scandale » et une « honte », puis un « mensonge ».",
        ["scandale", "honte", "mensonge"],
        id="several-fragments",
    ),
    pytest.param("Aucune citation dans cette phrase.", [], id="no-marks"),
    pytest.param("« »", [""], id="empty-quote"),
]


@pytest.mark.parametrize(("text", "expected"), BALANCED)
def test_balanced_segments(text: str, expected: list[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", QuotekitWarning)
        segments = find_segments(text)
    assert [text[s.start : s.end] for s in segments] == expected
    check_offsets(text, segments)


def test_segment_marks_and_kind() -> None:
    text = "Il a dit : « Oui. » Elle a dit : “Non.”"
    assert find_segments(text) == [
        Segment(open=11, close=18, start=13, end=17, mark="«"),
        Segment(open=33, close=38, start=34, end=38, mark="“"),
    ]


# --- unbalanced text: a warning and a best effort --------------------------------------

UNBALANCED = [
    pytest.param(
        "Le maire a dit : « Rien ne va plus.\n\nLa préfète a répondu : « Tout est sous contrôle. »",
        ["Rien ne va plus.", "Tout est sous contrôle."],
        "not closed in its paragraph",
        id="unclosed-closes-at-paragraph-end",
    ),
    pytest.param(
        "Le maire a dit : « Rien ne va plus.\n\nLa séance a été levée.\n\n"
        "« Tout est sous contrôle », a répondu la préfète.",
        ["Rien ne va plus.", "Tout est sous contrôle"],
        "not closed in its paragraph",
        id="unclosed-does-not-swallow-later-quote",
    ),
    pytest.param(
        "Le maire a dit : « Rien ne va plus",
        ["Rien ne va plus"],
        "never closed",
        id="unclosed-at-end-of-text",
    ),
    pytest.param(
        "Le maire a dit oui » puis il a dit « non ».",
        ["non"],
        "closes no quote",
        id="stray-closing-guillemet",
    ),
    pytest.param(
        'Le maire a dit "oui" puis "non.',
        ["oui"],
        "unpaired",
        id="odd-straight-quotes",
    ),
]


@pytest.mark.parametrize(("text", "expected", "problem"), UNBALANCED)
def test_unbalanced_segments_warn(text: str, expected: list[str], problem: str) -> None:
    with pytest.warns(QuotekitWarning, match=problem):
        segments = find_segments(text)
    assert [text[s.start : s.end] for s in segments] == expected
    check_offsets(text, segments)


def test_unclosed_segment_ends_at_its_paragraph() -> None:
    text = "Il a dit : « Rien ne va.\n\nSuite du texte."
    with pytest.warns(QuotekitWarning):
        (seg,) = find_segments(text)
    assert seg.close == text.index("\n\n")


def test_warn_false_is_silent() -> None:
    text = "Le maire a dit oui » puis « non"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        segments = find_segments(text, warn=False)
    assert [text[s.start : s.end] for s in segments] == ["non"]


@pytest.mark.parametrize("warn", [True, False])
def test_problems_are_collected_instead_of_warned(warn: bool) -> None:
    text = "Le maire a dit oui » puis « non"
    problems: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        segments = find_segments(text, warn=warn, problems=problems)
    assert [text[s.start : s.end] for s in segments] == ["non"]
    assert len(problems) == 1
    assert problems[0].startswith("Unbalanced quote marks (» at offset 19 closes no quote")


def test_deterministic() -> None:
    text = "« Un », « deux » et “trois”.\n\n« Quatre. »"
    assert find_segments(text) == find_segments(text)
