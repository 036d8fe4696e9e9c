"""The French word lists (``quotekit._resources``): what the rules read from them."""

from __future__ import annotations

import pytest

from quotekit._resources import _periphrases, french, words_of


def test_words_of_cuts_elisions_as_the_tokenizer_does() -> None:
    assert words_of("Chef de l’État") == ("chef", "de", "l'", "état")


def test_periphrases_map_to_roles_as_words() -> None:
    table = french().role_periphrases
    assert ("président",) in table[("chef", "de", "l'", "état")]


def test_a_periphrasis_line_without_a_tab_says_how_to_write_it() -> None:
    with pytest.raises(ValueError, match=r"role_periphrases\.tsv, entry 1 .* a tab"):
        _periphrases(["chef de l'état président"])


def test_flagged_role_nouns_are_role_nouns() -> None:
    data = french()
    assert data.event_person_nouns <= data.role_nouns
    assert {"suspect", "agresseur"} <= data.event_person_nouns
    assert not data.event_person_nouns & data.generic_person_nouns


def test_given_names_leave_out_names_of_places_and_titles() -> None:
    given = french().given_names
    assert {"Carlo", "Marie", "Jean-Pierre"} <= given
    assert not {"Paris", "Florence", "Abou", "Charlie"} & given


def test_places_hold_no_given_name() -> None:
    # a place that is also a given name would turn "Virginie Morel"'s short form away
    data = french()
    assert {"Belo Horizonte", "Loir-et-Cher", "Madagascar"} <= data.places
    assert not data.places & data.given_names
    assert "Washington" not in data.places  # a surname as common as the place
