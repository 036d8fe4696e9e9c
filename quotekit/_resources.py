"""French language data: word lists under ``resources/fr``, read once, on first use.

The lists are plain text (one entry a line, ``#`` comments) so that they can be read,
reviewed and extended without touching code.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import attrs

__all__ = ["LanguageData", "french", "words_of"]


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


@functools.lru_cache(maxsize=1)
def nationality_bases() -> dict[str, str]:
    """Every form of a nationality of ``nationalities.txt`` (``françaises``) -> its
    masculine singular (``français``)."""
    bases = [w.lower() for w in _lines("nationalities.txt")]
    return {form: base for base in bases for form in _inflect_all(base)}


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
    #: verbs of opinion and wish: content only in a que-clause ("souhaite partir" is intent)
    clause_reporting_verbs: frozenset[str]
    titles: frozenset[str]
    role_nouns: frozenset[str]
    generic_person_nouns: frozenset[str]
    event_person_nouns: frozenset[str]
    organization_heads: frozenset[str]
    organization_names: frozenset[str]
    not_names: frozenset[str]
    place_nouns: frozenset[str]
    #: nouns of a thing named after a person, whose name stays a person's ("le prix X")
    named_after_nouns: frozenset[str]
    foreign_titles: frozenset[str]
    place_nouns_de: frozenset[str]
    nationalities: frozenset[str]
    party_words: frozenset[str]
    pronouns: dict[str, tuple[str | None, str]]
    noun_genders: dict[str, str] = attrs.field(factory=dict)
    speech_nouns: frozenset[str] = frozenset()
    #: nouns that carry someone else's words ("les informations de X"): X is the source
    source_nouns: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    #: the usual gender of a given name ("Nathalie" -> "f"); epicene names are absent
    given_name_genders: dict[str, str] = attrs.field(factory=dict)
    thing_heads: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    role_periphrases: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = attrs.field(factory=dict)
    #: verbs of saying, opinion and evidence whose que-clause is reported speech only when
    #: the speaker is secure (``quotekit.gated``)
    gated_reporting_verbs: frozenset[str] = frozenset()

    def is_role_noun(self, word: str, lemma: str) -> bool:
        """A role noun by its form or its lemma (``ministres``, ``porte-parole``), or a
        role noun after ``vice-``, ``ex-``, ``co-`` or ``sous-`` (``vice-procureur``)."""
        low = word.lower()
        if low in self.role_nouns or lemma.lower() in self.role_nouns:
            return True
        prefix, hyphen, rest = low.partition("-")
        return bool(hyphen) and prefix in _ROLE_PREFIXES and rest in self.role_nouns

    def gender_of(self, word: str) -> str | None:
        """``"f"`` or ``"m"`` when the form of a role or nationality noun shows it
        (``députée``, ``entraîneure``, ``Ukrainienne``), None for epicene nouns
        (``ministre``, ``porte-parole``) and unknown words."""
        return self.noun_genders.get(word.lower())


#: Prefixes that make a role of a role: ``vice-procureur``, ``ex-entraîneur``, ``co-fondateur``.
_ROLE_PREFIXES = frozenset(["vice", "ex", "co", "sous"])

_FEMININE_ENDINGS = (
    ("euse", "eur"),
    ("rice", "eur"),
    ("eure", "eur"),
    ("ière", "ier"),
    ("ienne", "ien"),
    ("enne", "en"),
    ("esse", "e"),
    ("e", ""),
)


def _noun_genders(words: set[str]) -> dict[str, str]:
    """The gender each form shows by having a partner of the other gender in ``words``.

    Notes:
        French marks the feminine of most role nouns with a suffix (``député`` /
        ``députée``, ``directeur`` / ``directrice``); a noun with no partner
        (``ministre``, ``maire``) is epicene and shows no gender by itself.
    """
    genders: dict[str, str] = {}
    for word in words:
        for fem, masc in _FEMININE_ENDINGS:
            if word.endswith(fem) and word[: len(word) - len(fem)] + masc in words:
                genders[word] = "f"
                genders.setdefault(word[: len(word) - len(fem)] + masc, "m")
                break
    return genders


def words_of(text: str) -> tuple[str, ...]:
    """The lower-case words of a phrase as spaCy's French tokenizer cuts elisions:
    ``chef de l'État`` -> ``("chef", "de", "l'", "état")``."""
    return tuple(re.findall(r"[^\s']+'?", text.lower().replace("’", "'")))


def _periphrases(lines: list[str]) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """``role_periphrases.tsv``: periphrasis words -> the roles it stands for, as words."""
    out: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for n, line in enumerate(lines, 1):
        phrase, tab, targets = line.partition("\t")
        if not tab or not targets.strip():
            raise ValueError(
                f"role_periphrases.tsv, entry {n} ({line!r}): write the periphrasis, a tab, "
                "then its roles separated by '|'"
            )
        out[words_of(phrase)] = tuple(words_of(t) for t in targets.split("|") if t.strip())
    return out


@functools.lru_cache(maxsize=1)
def french() -> LanguageData:
    """The French language data, loaded on the first call."""
    verbs: set[str] = set()
    strong: set[str] = set()
    with_object: set[str] = set()
    clause_only: set[str] = set()
    speech_nouns: set[str] = set()
    gated: set[str] = set()
    for line in _lines("reporting_verbs.txt"):
        lemma, *flags = line.split("\t")
        lemma = _strip_reflexive(lemma.strip())
        if "noun" in flags:
            speech_nouns.add(lemma)
            continue
        if "gated" in flags:
            gated.add(lemma)
            continue
        verbs.add(lemma)
        if "strong" in flags:
            strong.add(lemma)
        if "object" in flags:
            with_object.add(lemma)
        if "clause" in flags:
            clause_only.add(lemma)
    role_nouns = {w.split("\t")[0].lower() for w in _lines("role_nouns.txt")}
    given_names = _lines("given_names.txt")  # a name, then its usual gender after a tab
    nationalities = frozenset(nationality_bases())
    singular = {
        w
        for w in role_nouns | nationalities
        if not w.endswith("s") or w[:-1] not in role_nouns | nationalities
    }
    pronouns: dict[str, tuple[str | None, str]] = {}
    for line in _lines("pronouns.tsv"):
        form, gender, number = line.split("\t")
        pronouns[form] = (None if gender == "-" else gender, number)
    return LanguageData(
        reporting_verbs=frozenset(verbs),
        strong_reporting_verbs=frozenset(strong),
        object_reporting_verbs=frozenset(with_object),
        clause_reporting_verbs=frozenset(clause_only),
        gated_reporting_verbs=frozenset(gated - verbs),
        titles=frozenset(_lines("titles.txt")),
        role_nouns=frozenset(role_nouns),
        generic_person_nouns=frozenset(
            w.split("\t")[0].lower() for w in _lines("role_nouns.txt") if w.endswith("\tgeneric")
        ),
        event_person_nouns=frozenset(
            w.split("\t")[0].lower() for w in _lines("role_nouns.txt") if w.endswith("\tevent")
        ),
        organization_heads=frozenset(w.lower() for w in _lines("organizations.txt")),
        organization_names=frozenset(w.lower() for w in _lines("organization_names.txt")),
        not_names=frozenset(w.lower() for w in _lines("not_names.txt")),
        place_nouns=frozenset(
            w.split("\t")[0].lower()
            for w in _lines("place_nouns.txt")
            if not w.endswith("\tperson")
        ),
        named_after_nouns=frozenset(
            w.split("\t")[0].lower() for w in _lines("place_nouns.txt") if w.endswith("\tperson")
        ),
        foreign_titles=frozenset(w.lower() for w in _lines("foreign_titles.txt")),
        place_nouns_de=frozenset(
            w.split("\t")[0].lower() for w in _lines("place_nouns.txt") if w.endswith("\tde")
        ),
        nationalities=nationalities,
        party_words=frozenset().union(*(_inflect_all(w.lower()) for w in _lines("parties.txt"))),
        source_nouns=frozenset(_lines("source_nouns.txt")),
        pronouns=pronouns,
        noun_genders=_noun_genders(singular),
        speech_nouns=frozenset(speech_nouns),
        given_names=frozenset(line.split("\t")[0] for line in given_names),
        given_name_genders=dict(
            (name, gender)
            for name, _, gender in (line.partition("\t") for line in given_names)
            if gender
        ),
        thing_heads=frozenset(_lines("thing_heads.txt")),
        places=frozenset(_lines("places.txt")),
        role_periphrases=_periphrases(_lines("role_periphrases.tsv")),
    )
