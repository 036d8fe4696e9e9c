"""Name variants (``quotekit.names``): normalisation and clustering, without a model.

``cluster_names`` gets name mentions in text order (their text, offset and gender when
known) and gives each the index of its cluster's representative, the first mention of
the fullest form. The tables below give the mentions and, for each, the text of the
representative it should get.
"""

from __future__ import annotations

import pytest

from quotekit.names import (
    NameMention,
    cluster_names,
    join_aliases,
    normalize,
    translit_key,
    translit_keys,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jean-Marie  Le Pen", "jean marie le pen"),
        ("Éric d’Harcourt", "eric d harcourt"),
        ("Zoé\u00a0LEFÈVRE", "zoe lefevre"),
        ("V. Poutine", "v poutine"),
        ("  Ngozi   Okonjo-Iweala ", "ngozi okonjo iweala"),
        ("Anaïs O'Neill", "anais o neill"),
    ],
)
def test_normalize(name: str, expected: str) -> None:
    assert normalize(name) == expected


def test_normalize_is_idempotent() -> None:
    for name in ("Jean-Marie Le Pen", "Éric d’Harcourt", "V. Poutine"):
        assert normalize(normalize(name)) == normalize(name)


def mentions(
    *specs: tuple[str, int] | tuple[str, int, str | None] | tuple[str, int, str | None, bool],
) -> list[NameMention]:
    return [NameMention(*spec) for spec in specs]


def representatives(ms: list[NameMention]) -> list[str]:
    return [ms[r].text for r in cluster_names(ms)]


CLUSTERS = [
    pytest.param(
        mentions(("Claire Moreau", 0, "f"), ("Moreau", 60)),
        ["Claire Moreau", "Claire Moreau"],
        id="surname-joins-full-name",
    ),
    pytest.param(
        mentions(("Moreau", 0), ("Claire Moreau", 60, "f")),
        ["Claire Moreau", "Claire Moreau"],
        id="surname-before-full-name-joins-it",
    ),
    pytest.param(
        # the persons stage passes the name without its civility, with the gender it shows
        mentions(("Vladimir Poutine", 0), ("Poutine", 60, "m")),
        ["Vladimir Poutine", "Vladimir Poutine"],
        id="m-form-as-the-persons-stage-gives-it",
    ),
    pytest.param(
        mentions(("Vladimir Poutine", 0), ("M. Poutine", 60, "m")),
        ["Vladimir Poutine", "Vladimir Poutine"],
        id="m-form-with-civility",
    ),
    pytest.param(
        mentions(("Marc Poutine", 0, "m"), ("Vladimir Poutine", 40, "m"), ("M. Poutine", 80, "m")),
        ["Marc Poutine", "Vladimir Poutine", "Vladimir Poutine"],
        id="civility-is-not-an-initial",
    ),
    pytest.param(
        mentions(("Vladimir Poutine", 0), ("V. Poutine", 60)),
        ["Vladimir Poutine", "Vladimir Poutine"],
        id="initial",
    ),
    pytest.param(
        mentions(("V. Poutine", 0), ("Vladimir Poutine", 40), ("Poutine", 80)),
        ["Vladimir Poutine"] * 3,
        id="initial-before-full-name",
    ),
    pytest.param(
        mentions(("Vladimir Poutine", 0), ("V. Poutine", 40), ("Viktor Poutine", 80)),
        ["Vladimir Poutine", "Vladimir Poutine", "Viktor Poutine"],
        id="initial-goes-to-the-earlier-name",
    ),
    pytest.param(
        mentions(("Julio Valdivia Silva", 0), ("Julio Silva", 40), ("Valdivia Silva", 80)),
        ["Julio Valdivia Silva"] * 3,
        id="two-surnames",
    ),
    pytest.param(
        mentions(("Paul Henri Dumas", 0), ("Paul Dumas", 40)),
        ["Paul Henri Dumas"] * 2,
        id="first-and-last-words-after-the-longer-name",
    ),
    pytest.param(
        mentions(("Paul Dumas", 0), ("Paul Dumas", 40), ("Paul H. Dumas", 80), ("Dumas", 120)),
        ["Paul Dumas", "Paul Dumas", "Paul H. Dumas", "Paul H. Dumas"],
        id="a-whole-name-before-a-longer-one-is-someone-else",
    ),
    pytest.param(
        mentions(("Dumas", 0), ("Henri Dumas", 40), ("Paul Henri Dumas", 80)),
        ["Paul Henri Dumas"] * 3,
        id="the-end-of-a-later-name-still-joins-it",
    ),
    pytest.param(
        mentions(("Claire Moreau", 0), ("Paul Moreau", 40)),
        ["Claire Moreau", "Paul Moreau"],
        id="two-full-names-sharing-a-surname-stay-apart",
    ),
    pytest.param(
        mentions(
            ("Marine Le Pen", 0, "f"),
            ("Jean-Marie Le Pen", 40, "m"),
            ("Le Pen", 80, "f"),
            ("Le Pen", 120, "m"),
        ),
        ["Marine Le Pen", "Jean-Marie Le Pen", "Marine Le Pen", "Jean-Marie Le Pen"],
        id="le-pen-by-gender",
    ),
    pytest.param(
        mentions(("Marine Le Pen", 0, "f"), ("Jean-Marie Le Pen", 40, "m"), ("Le Pen", 80, "f")),
        ["Marine Le Pen", "Jean-Marie Le Pen", "Marine Le Pen"],
        id="gender-beats-nearness",
    ),
    pytest.param(
        mentions(("Claire Moreau", 0), ("Paul Moreau", 40), ("Moreau", 80)),
        ["Claire Moreau", "Paul Moreau", "Paul Moreau"],
        id="surname-to-nearest-earlier-full-name",
    ),
    pytest.param(
        mentions(
            ("Claire Moreau", 0),
            ("Paul Moreau", 40),
            ("Claire Moreau", 100),
            ("Moreau", 140),
        ),
        ["Claire Moreau", "Paul Moreau", "Claire Moreau", "Claire Moreau"],
        id="nearest-mention-of-the-cluster-counts",
    ),
    pytest.param(
        mentions(("Moreau", 0), ("Claire Moreau", 40), ("Paul Moreau", 80)),
        ["Claire Moreau", "Claire Moreau", "Paul Moreau"],
        id="leading-surname-to-first-later-full-name",
    ),
    pytest.param(
        mentions(("Claire Moreau", 0, "f"), ("Moreau", 60, "m")),
        ["Claire Moreau", "Moreau"],
        id="gender-conflict-keeps-apart",
    ),
    pytest.param(
        mentions(("Dmitri Peskov", 0), ("Peskov", 40), ("Vladimir Ivanov", 60), ("Ivanov", 100)),
        ["Dmitri Peskov", "Dmitri Peskov", "Vladimir Ivanov", "Vladimir Ivanov"],
        id="two-people",
    ),
    pytest.param(
        mentions(("Hélène Lefèvre", 0), ("LEFEVRE", 40), ("Helene Lefevre", 80)),
        ["Hélène Lefèvre"] * 3,
        id="case-and-accents",
    ),
    pytest.param(
        mentions(("Moreau", 0), ("Moreau", 40)),
        ["Moreau", "Moreau"],
        id="same-surname-alone",
    ),
    pytest.param(
        mentions(("Lucía Pérez Ortega", 0), ("Lucía Pérez", 60)),
        ["Lucía Pérez Ortega", "Lucía Pérez Ortega"],
        id="second-surname-left-out",
    ),
    pytest.param(
        mentions(("Ana María Ruiz", 0), ("Ana María Ruiz Soto", 60)),
        ["Ana María Ruiz Soto", "Ana María Ruiz Soto"],
        id="second-surname-left-out-three-words",
    ),
    pytest.param(
        mentions(("Paul Moreau", 0), ("Paul Moreau Jr.", 60)),
        ["Paul Moreau", "Paul Moreau Jr."],
        id="a-suffix-is-another-person",
    ),
    pytest.param(
        mentions(("Claire Moreau", 0), ("Claire", 60)),
        ["Claire Moreau", "Claire Moreau"],
        id="first-name-alone-joins",
    ),
    pytest.param(
        mentions(("Claire Moreau", 0), ("Claire", 60, None, True)),
        ["Claire Moreau", "Claire"],
        id="first-name-after-a-title-stays-apart",
    ),
]


@pytest.mark.parametrize(("ms", "expected"), CLUSTERS)
def test_cluster_names(ms: list[NameMention], expected: list[str]) -> None:
    assert representatives(ms) == expected


def joined(ms: list[NameMention], links: list[tuple[int, int]]) -> list[str]:
    return [ms[r].text for r in join_aliases(ms, cluster_names(ms), links)]


def test_join_aliases_merges_linked_clusters_under_the_most_mentioned() -> None:
    ms = mentions(("Léo Ferrand", 0), ("Max Fury", 30), ("Ferrand", 60), ("Claire Moreau", 90))
    assert joined(ms, [(0, 1)]) == ["Léo Ferrand", "Léo Ferrand", "Léo Ferrand", "Claire Moreau"]
    # the other way round when the other name is the more frequent one
    ms = mentions(("Léo Ferrand", 0), ("Max Fury", 30), ("Fury", 60))
    assert joined(ms, [(0, 1)]) == ["Max Fury", "Max Fury", "Max Fury"]


def test_join_aliases_without_links_changes_nothing() -> None:
    ms = mentions(("Léo Ferrand", 0), ("Ferrand", 30), ("Max Fury", 60))
    assert join_aliases(ms, cluster_names(ms), []) == cluster_names(ms)


def test_a_linked_short_form_comes_alone() -> None:
    """ "Sophie Durand, née Martin": spelling gives "Martin" to Paul Martin, the link
    takes it to Sophie Durand alone, and Paul Martin stays apart."""
    ms = mentions(("Paul Martin", 0, "m"), ("Sophie Durand", 40, "f"), ("Martin", 60))
    assert representatives(ms) == ["Paul Martin", "Sophie Durand", "Paul Martin"]
    assert joined(ms, [(1, 2)]) == ["Paul Martin", "Sophie Durand", "Sophie Durand"]


def test_representative_is_first_mention_of_fullest_form() -> None:
    ms = mentions(("Moreau", 0), ("Claire Moreau", 40), ("Moreau", 80), ("Claire Moreau", 120))
    assert cluster_names(ms) == [1, 1, 1, 1]


def test_empty() -> None:
    assert cluster_names([]) == []


def test_deterministic() -> None:
    ms = mentions(
        ("Marine Le Pen", 0, "f"),
        ("Jean-Marie Le Pen", 40, "m"),
        ("Le Pen", 80),
        ("Claire Moreau", 120),
        ("Paul Moreau", 160),
        ("Moreau", 200),
        ("Vladimir Poutine", 240),
        ("V. Poutine", 280),
    )
    first = cluster_names(ms)
    assert all(cluster_names(ms) == first for _ in range(5))
    # equal inputs built anew give the same clusters (no identity or hash order involved)
    assert cluster_names([NameMention(m.text, m.start, m.gender) for m in ms]) == first
    assert [ms[r].text for r in first] == [
        "Marine Le Pen",
        "Jean-Marie Le Pen",
        "Jean-Marie Le Pen",
        "Claire Moreau",
        "Paul Moreau",
        "Paul Moreau",
        "Vladimir Poutine",
        "Vladimir Poutine",
    ]


# --- transliteration keys (issue 16) -----------------------------------------------------

SAME_KEY = [
    # Polish, Latvian, Lithuanian, German spellings of one Russian surname
    ("Lavrov", "Ławrow", "Lawrow", "Lavrovs", "Lavrovas"),
    # Ukrainian h / Russian g; French ch, German sch, Polish sz, Czech š, Hungarian s, Dutch sj
    ("Shmyhal", "Chmygal", "Schmyhal", "Szmyhal", "Šmyhal", "Smihal", "Sjmyhal"),
    # -y, -yj, -ij, -yi, the feminine -aya, Czech -á, Lithuanian -as
    ("Navalny", "Navalnyj", "Navalnij", "Navalnyi", "Navalnaya", "Navalná", "Navalnas"),
    # -ych, -itch, -ytsch, -ycz, -yč, -ics and a first y, i or j
    ("Yanukovych", "Ianoukovitch", "Janukowytsch", "Janukowycz", "Janukovyč", "Janukovics"),
    # Czech feminine -ová
    ("Tymoshenko", "Tymošenková", "Tymoszenko", "Timochenko"),
    # Serbian č and ć in every convention
    ("Vučić", "Vucic", "Vucsics", "Vuçiç", "Voutchitch"),
    # Polish ch and German ch are kh
    ("Zakharova", "Zacharowa", "Zacharovová"),
    # French ou before a vowel is a w
    ("Sinwar", "Sinouar"),
]


@pytest.mark.parametrize("forms", SAME_KEY, ids=[f[0] for f in SAME_KEY])
def test_one_transliteration_key(forms: tuple[str, ...]) -> None:
    from quotekit.names import TRANSLIT_LETTERS

    keys = [set(translit_keys(normalize(f.translate(TRANSLIT_LETTERS)))) for f in forms]
    assert all(keys[0] & k for k in keys[1:]), dict(zip(forms, keys, strict=True))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Keqiang", "Qiang"),
        ("Lavrov", "Lebedev"),
        ("Shmyhal", "Shevchenko"),
        ("Kuleba", "Klymenko"),
    ],
)
def test_different_surnames_keep_different_keys(a: str, b: str) -> None:
    assert translit_key(normalize(a)) != translit_key(normalize(b))


def test_a_ch_gets_two_readings() -> None:
    assert len(translit_keys("zacharowa")) == 2
    assert len(translit_keys("lavrov")) == 1
