"""French language data: word lists under ``resources/fr``, read once, on first use.

The lists are plain text (one entry a line, ``#`` comments) so that they can be read,
reviewed and extended without touching code.
"""

from __future__ import annotations

import functools
from importlib import resources

import attrs

__all__ = ["LanguageData", "french"]


def _lines(name: str) -> list[str]:
    text = (
        resources.files("quotekit")
        .joinpath("resources")
        .joinpath("fr")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _strip_reflexive(lemma: str) -> str:
    for prefix in ("se ", "s'", "s’"):
        if lemma.startswith(prefix):
            return lemma[len(prefix) :]
    return lemma


def _inflect_all(word: str) -> set[str]:
    """Masculine, feminine and plural forms of a nationality (``autrichien``, ``-nes``)."""
    if word.endswith("e"):
        fem = word
    elif word.endswith("en"):
        fem = word + "ne"
    elif word.endswith("c"):
        fem = word[:-1] + "que"  # turc -> turque
    else:
        fem = word + "e"
    forms = {word, fem, fem + "s"}
    forms.add(word if word.endswith("s") else word + "s")
    return forms


@attrs.frozen
class LanguageData:
    """The word lists quotekit's French rules use."""

    reporting_verbs: frozenset[str]
    strong_reporting_verbs: frozenset[str]
    object_reporting_verbs: frozenset[str]
    titles: frozenset[str]
    role_nouns: frozenset[str]
    organization_heads: frozenset[str]
    not_names: frozenset[str]
    place_nouns: frozenset[str]
    place_nouns_de: frozenset[str]
    nationalities: frozenset[str]
    pronouns: dict[str, tuple[str | None, str]]
    speech_nouns: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def french() -> LanguageData:
    """The French language data, loaded on the first call."""
    verbs: set[str] = set()
    strong: set[str] = set()
    with_object: set[str] = set()
    speech_nouns: set[str] = set()
    for line in _lines("reporting_verbs.txt"):
        lemma, *flags = line.split("\t")
        lemma = _strip_reflexive(lemma.strip())
        if "noun" in flags:
            speech_nouns.add(lemma)
            continue
        verbs.add(lemma)
        if "strong" in flags:
            strong.add(lemma)
        if "object" in flags:
            with_object.add(lemma)
    pronouns: dict[str, tuple[str | None, str]] = {}
    for line in _lines("pronouns.tsv"):
        form, gender, number = line.split("\t")
        pronouns[form] = (None if gender == "-" else gender, number)
    return LanguageData(
        reporting_verbs=frozenset(verbs),
        strong_reporting_verbs=frozenset(strong),
        object_reporting_verbs=frozenset(with_object),
        titles=frozenset(_lines("titles.txt")),
        role_nouns=frozenset(w.lower() for w in _lines("role_nouns.txt")),
        organization_heads=frozenset(w.lower() for w in _lines("organizations.txt")),
        not_names=frozenset(w.lower() for w in _lines("not_names.txt")),
        place_nouns=frozenset(w.split("\t")[0].lower() for w in _lines("place_nouns.txt")),
        place_nouns_de=frozenset(
            w.split("\t")[0].lower() for w in _lines("place_nouns.txt") if w.endswith("\tde")
        ),
        nationalities=frozenset().union(
            *(_inflect_all(w.lower()) for w in _lines("nationalities.txt"))
        ),
        pronouns=pronouns,
        speech_nouns=frozenset(speech_nouns),
    )
