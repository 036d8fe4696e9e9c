"""Other names of one person in a document (``quotekit.aliases``).

The first tables give a sentence and the persons ``find_entities`` should find in it,
each as the name mentions it groups: an alias phrase joins two names; a phrase read as
a verb (``dit`` in an incise), or none at all, leaves them apart. The sentences are the
project's own.
"""

from __future__ import annotations

from importlib import resources

import pytest
from spacy.language import Language

import quotekit
from quotekit.aliases import alias_links, table_links
from quotekit.name_words import _words
from quotekit.people import find_entities


def persons(nlp: Language, text: str) -> list[list[str]]:
    return [
        [m.text for m in e.mentions if m.kind == "name"]
        for e in find_entities(nlp(text))
        if e.kind == "person"
    ]


JOINED = [
    pytest.param(
        "L'acteur Marco Belli, de son vrai nom Pietro Sandroni, a tourné cent films.",
        [["Marco Belli", "Pietro Sandroni"]],
        id="de-son-vrai-nom",
    ),
    pytest.param(
        "Le boxeur Karim Benali, Karim Bensaïd de son vrai nom, a gagné samedi.",
        [["Karim Benali", "Karim Bensaïd"]],
        id="de-son-vrai-nom-after-the-second-name",
    ),
    pytest.param(
        "La chanteuse Lila Forte, de son nom de naissance Delphine Carrel, sort un album.",
        [["Lila Forte", "Delphine Carrel"]],
        id="de-son-nom-de-naissance",
    ),
    pytest.param(
        "Sophie Durand, née Sophie Martin, a pris la parole devant le conseil.",
        [["Sophie Durand", "Sophie Martin"]],
        id="nee",
    ),
    pytest.param(
        "Le gardien Rodrigo Alves Pereira, dit Rodrigão, a arrêté deux tirs.",
        [["Rodrigo Alves Pereira", "Rodrigão"]],
        id="dit-after-a-comma",
    ),
    pytest.param(
        "Le rappeur Julien Marchal, alias Kerozen, a rempli la salle.",
        [["Julien Marchal", "Kerozen"]],
        id="alias",
    ),
    pytest.param(
        "La chanteuse Marie Lefèvre, surnommée Mimi, a chanté hier soir.",
        [["Marie Lefèvre", "Mimi"]],
        id="surnommee",
    ),
    pytest.param(
        "Le chanteur Jean-Luc Perrot, plus connu sous le nom de Johnny Sand, est mort.",
        [["Jean-Luc Perrot", "Johnny Sand"]],
        id="plus-connu-sous-le-nom-de",
    ),
    pytest.param(
        "Le lutteur Marc Doucet reviendra sur le ring la saison prochaine sous le nouveau nom"
        " de Max Fury.",
        [["Marc Doucet", "Max Fury"]],
        id="sous-le-nouveau-nom-de-the-clause-subject",
    ),
    pytest.param(
        "Le chanteur Paul Dupont reprendra ses anciennes chansons sous le nom de Marc Vidal.",
        [["Paul Dupont", "Marc Vidal"]],
        id="sous-le-nom-de-his-own-things",
    ),
    pytest.param(
        "L'acteur Marco Belli, de son vrai nom Pietro Sandroni, est mort. Belli avait 80 ans.",
        [["Marco Belli", "Pietro Sandroni", "Belli"]],
        id="the-surname-later-goes-with-them",
    ),
]


@pytest.mark.parametrize(("text", "expected"), JOINED)
def test_an_alias_phrase_joins_two_names(
    nlp: Language, text: str, expected: list[list[str]]
) -> None:
    assert persons(nlp, text) == expected


APART = [
    pytest.param(
        "Jean Dupont, dit-il, a rencontré Marie Lefèvre à Lyon.",
        [["Jean Dupont"], ["Marie Lefèvre"]],
        id="dit-il-is-an-incise",
    ),
    pytest.param(
        "J'ai vu Paul Martin, dit Marie Lefèvre, et il allait bien.",
        [["Paul Martin"], ["Marie Lefèvre"]],
        id="dit-with-the-name-as-subject-is-speech",
    ),
    pytest.param(
        "« J'ai parlé avec Paul Martin, dit Marie Lefèvre, et il viendra. »",
        [["Paul Martin"], ["Marie Lefèvre"]],
        id="inside-a-direct-quote",
    ),
    pytest.param(
        "Paul Dupont a dit Marie Lefèvre absente depuis lundi.",
        [["Paul Dupont"], ["Marie Lefèvre"]],
        id="a-dit-is-a-verb",
    ),
    pytest.param(
        "Paul Dupont dit Marie Lefèvre absente depuis lundi.",
        [["Paul Dupont"], ["Marie Lefèvre"]],
        id="dit-without-a-comma-is-a-verb",
    ),
    pytest.param(
        "Paul Dupont a rencontré un artiste connu sous le nom de Marc Vidal.",
        [["Paul Dupont"], ["Marc Vidal"]],
        id="the-name-of-someone-else-the-clause-names",
    ),
    pytest.param(
        "Paul Dupont a acheté une œuvre signée sous le nom de Marc Vidal.",
        [["Paul Dupont"], ["Marc Vidal"]],
        id="the-name-a-thing-is-signed-with",
    ),
    pytest.param(
        "Sophie Durand, née à Lyon, a rencontré Paul Martin hier.",
        [["Sophie Durand"], ["Paul Martin"]],
        id="nee-a-place",
    ),
    pytest.param(
        "Paul Dupont a rappelé le surnom de Marc Vidal au micro de la radio.",
        [["Paul Dupont"], ["Marc Vidal"]],
        id="a-phrase-without-the-first-name-next-to-it",
    ),
]


@pytest.mark.parametrize(("text", "expected"), APART)
def test_no_alias_phrase_keeps_two_persons(
    nlp: Language, text: str, expected: list[list[str]]
) -> None:
    assert persons(nlp, text) == expected


def test_a_birth_surname_does_not_bring_its_namesake(nlp: Language) -> None:
    text = "Sophie Durand, née Martin, a pris la parole. Paul Martin lui a répondu."
    assert persons(nlp, text) == [["Sophie Durand", "Martin"], ["Paul Martin"]]


def test_the_person_is_named_by_the_name_the_article_uses_most(nlp: Language) -> None:
    text = (
        "Le catcheur Max Fury, de son vrai nom Marc Doucet, revient. Max Fury a gagné trois titres."
    )
    people = [e for e in find_entities(nlp(text)) if e.kind == "person"]
    assert [e.name for e in people] == ["Max Fury"]


def test_alias_links_gives_indices_of_the_mentions(nlp: Language) -> None:
    doc = nlp("Le rappeur Julien Marchal, alias Kerozen, a rempli la salle.")
    names = [(e.start, e.end) for e in doc.ents if e.label_ == "PER"]
    assert len(names) == 2
    assert alias_links(doc, names) == [(0, 1)]
    assert alias_links(doc, names[:1]) == []


# --- the shipped alias table -------------------------------------------------------------


def test_the_table_joins_a_birth_name_and_the_name_a_person_is_known_by(nlp: Language) -> None:
    text = (
        "Le roi du football Pelé a reçu le prix hier. Edson Arantes do Nascimento était ému,"
        " selon Marie Lefèvre."
    )
    assert persons(nlp, text) == [["Pelé", "Edson Arantes do Nascimento"], ["Marie Lefèvre"]]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Robert Zimmerman", "Bob Dylan"], [(0, 1)]),  # "Bob" is "Robert" in the table
        (["Lénine", "Vladimir Oulianov"], [(0, 1)]),  # "Lénine" is "Lenin"
        (["Karol Wojtyla", "Marie Dupont", "Jean-Paul II"], [(0, 2)]),  # one target
        (["Luiz Inácio Lula da Silva", "Lula", "Lula"], [(0, 1), (0, 2)]),
        (["Jean-Philippe Smet", "Johnny Hallyday", "Johnny Hallyday"], [(0, 1), (0, 2)]),
        (["David Jones", "David Bowie"], []),  # only "David Robert Jones" is Bowie
        (["Michel Colucci", "Michel Colin"], []),
        (["Pelé", "Pelé"], []),  # one name is no link
        ([], []),
    ],
)
def test_table_links(names: list[str], expected: list[tuple[int, int]]) -> None:
    assert table_links(names) == expected


def _table_rows() -> list[tuple[str, str]]:
    path = resources.files("quotekit").joinpath("resources", "fr", "aliases.tsv")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            variant, canonical = line.split("\t")
            rows.append((variant, canonical))
    return rows


def test_the_table_is_consistent() -> None:
    rows = _table_rows()
    targets: dict[str, set[str]] = {}
    for variant, canonical in rows:
        targets.setdefault("".join(_words(variant)), set()).add("".join(_words(canonical)))
    assert all(len(t) == 1 for t in targets.values()), "a variant has two canonical names"
    variants = set(targets)
    for variant, canonical in rows:
        assert "".join(_words(variant)) != "".join(_words(canonical)), variant
        # no chains: a canonical name is never itself rewritten as a whole
        if len(_words(canonical)) > 1 or len(_words(variant)) > 1:
            assert "".join(_words(canonical)) not in variants, canonical


@pytest.mark.parametrize(
    "names",
    [
        ["Abedi Pelé", "Edson Arantes do Nascimento"],  # the footballer of Ghana
        ["Gordon Brown", "Gordon Sumner"],
        ["David Jones", "David Bowie"],
        ["Elton John", "John Wayne"],
        ["Jean-Claude Duvalier", "François Duvalier"],
        ["Mohammed ben Zayed", "Mohammed ben Salmane"],
        ["Paul Van Haver", "Paul Hewson"],
    ],
)
def test_table_rows_do_not_merge_different_people(names: list[str]) -> None:
    assert len(set(quotekit.canonicalize(names))) == len(names)


@pytest.mark.parametrize(
    "names",
    [
        ["Pelé", "Edson Arantes do Nascimento"],
        ["Johnny Hallyday", "Jean-Philippe Smet"],
        ["Stromae", "Paul Van Haver"],
        ["Sting", "Gordon Sumner"],
        ["Malcolm X", "Malcolm Little"],
        ["DSK", "Dominique Strauss-Kahn"],
    ],
)
def test_table_rows_merge_across_documents(names: list[str]) -> None:
    assert len(set(quotekit.canonicalize(names))) == 1
