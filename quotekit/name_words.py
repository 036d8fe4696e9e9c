"""The words of a name as :mod:`quotekit.canonical` compares them: normalised words
(particles, elided articles and hyphens handled), the titles and articles dropped before
a name, patronymic middle names, and the alias and given-name tables (shipped under
``resources/``, extendable by users).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from quotekit._resources import _lines, french
from quotekit.names import TRANSLIT_LETTERS, normalize, skeleton, translit_keys

Aliases = dict[tuple[str, ...], tuple[str, ...]]
#: skeleton of a given name -> the numbers of its groups in the given-name table
GivenNames = dict[str, frozenset[int]]

_PARTICLES = frozenset(
    "de du des d von van der den di da del della dos das ben bin ibn al el la le lo y e".split()  # noqa: SIM905
)
_SUFFIXES = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr"}
_ROMAN = frozenset(
    [
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "vi",
        "vii",
        "viii",
        "ix",
        "x",
        "xi",
        "xii",
        "xiii",
        "xiv",
        "xv",
        "xvi",
    ]
)


def _rows_to_aliases(rows: Iterable[Sequence[str]]) -> Aliases:
    table: Aliases = {}
    for row in rows:
        if len(row) < 2 or not row[0].strip() or row[0].lstrip().startswith("#"):
            continue
        variant, canonical = _words(row[0]), tuple(_words(row[1]))
        if not (variant and canonical):
            continue
        if len(variant) == 1 and len(canonical) == 1:
            table[(variant[0],)] = canonical  # a word: "Poutine" -> "Putin", in any name
        else:
            table[("=", "".join(variant))] = canonical  # a whole name, words run together
    return table


@functools.lru_cache(maxsize=1)
def _shipped_aliases() -> Aliases:
    return _rows_to_aliases(line.split("\t") for line in _lines("aliases.tsv"))


def load_aliases(extra: Iterable[Sequence[str]] | None = None) -> Aliases:
    """The shipped alias table (``resources/fr/aliases.tsv``) plus ``(variant, canonical)`` rows."""
    table = dict(_shipped_aliases())
    if extra is not None:
        table.update(_rows_to_aliases(extra))
    return table


def _groups_to_table(groups: Iterable[Sequence[str]], table: GivenNames, first: int) -> None:
    for number, group in enumerate(groups, first):
        for spelling in group:
            words = normalize(spelling).replace(" ", "")
            if not words or spelling.lstrip().startswith("#"):
                continue
            key = skeleton(words)
            table[key] = table.get(key, frozenset()) | {number}


@functools.lru_cache(maxsize=1)
def _shipped_given_names() -> tuple[GivenNames, int]:
    rows = [
        [cell.strip() for cell in line.split("\t") if cell.strip()]
        for line in _lines("given_name_variants.tsv")
    ]
    table: GivenNames = {}
    _groups_to_table(rows, table, 0)
    return table, len(rows)


def load_given_names(extra: Iterable[Sequence[str]] | None = None) -> GivenNames:
    """The shipped given-name table (``resources/fr/given_name_variants.tsv``) plus groups
    of spellings of one given name (``[["Mykyta", "Nikita"], ...]``).

    A user group that shares a spelling with a shipped one joins it.
    """
    shipped, count = _shipped_given_names()
    if extra is None:
        return shipped
    table = dict(shipped)
    groups = [
        [extra_group] if isinstance(extra_group, str) else extra_group for extra_group in extra
    ]
    joined: GivenNames = {}
    _groups_to_table(groups, joined, count)
    for key, numbers in joined.items():
        table[key] = table.get(key, frozenset()) | numbers
    # a user group that shares a spelling with a shipped group joins it: every spelling of
    # the user group gets the shipped group's numbers too
    for number, group in enumerate(groups, count):
        keys = [skeleton(normalize(g).replace(" ", "")) for g in group if normalize(g)]
        union = frozenset().union(*(table.get(k, frozenset()) for k in keys))
        if union != {number}:
            for k in keys:
                table[k] = table.get(k, frozenset()) | union
    return table


_NO_GROUP: frozenset[int] = frozenset()


def _given_groups(word: str, table: GivenNames) -> frozenset[int]:
    """The given-name groups of a skeleton; Baltic endings (-s, -as, -is, -us) are tried off
    a word not in the table (``Sergejs``, ``Sergejus``)."""
    found = table.get(word)
    if found is not None:
        return found
    for end in ("s", "as", "is", "us"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            found = table.get(word[: -len(end)])
            if found:
                return found
    return _NO_GROUP


# patronymic middle names in the spellings of the press: Vladimirovitch, Volodymyrovych,
# Wladimirowitsch, Władimirowicz, Vladimirovič, Vlagyimirovics, Volodymyrivna, Sergueïevna
_PATRONYMIC = re.compile(
    r"(?:[oe]v|[oe]w|y?iv)(?:itch|ich|ych|ytch|itsch|ytsch|icz|ycz|ic|yc|ics|icius|na|nja)$"
    r"|(?:ichna|ivna)$"
)


def _is_patronymic(word: str) -> bool:
    return len(word) >= 7 and _PATRONYMIC.search(word) is not None


_HYPHEN_PARTICLES = frozenset({"al", "el", "ben", "bin", "ibn", "abu", "abou", "abd", "ould"})
_ELIDED = frozenset({"d", "l", "qu"})


# names repeat their words: one normalisation, skeleton and key per distinct word (bounded
# caches, so that memory stays flat on long streams)
_norm = functools.lru_cache(maxsize=1 << 16)(normalize)
_skeleton = functools.lru_cache(maxsize=1 << 16)(skeleton)
_keys_of = functools.lru_cache(maxsize=1 << 16)(translit_keys)


def _words(name: str, *, spell_out: bool = False) -> list[str]:
    """Normalised words. A hyphenated word stays one word (``Jean-Marie`` ->
    ``jeanmarie``) unless it starts with a particle (``al-Assad`` -> ``al assad``); an
    apostrophe splits off an elided particle (``d'Estaing``) and is dropped elsewhere
    (``Eto'o`` -> ``etoo``). With ``spell_out``, letters such as ``š`` are spelled out
    (``sh``) before the accents go (:data:`quotekit.names.TRANSLIT_LETTERS`)."""
    out: list[str] = []
    if spell_out:
        name = name.translate(TRANSLIT_LETTERS)
    for raw in name.replace("’", "'").replace("‐", "-").split():
        head, sep, rest = raw.partition("'")
        if sep and _norm(head) in _ELIDED:
            out.append(_norm(head))
            raw = rest
        raw = raw.replace("'", "")
        parts = [p for p in raw.split("-") if p]
        while len(parts) > 1 and _norm(parts[0]) in _HYPHEN_PARTICLES:
            out.append(_norm(parts.pop(0)))
        word = _norm("".join(parts))
        if word:
            out.extend(word.split())
    return out


def _is_title_word(word: str, *, first: bool) -> bool:
    data = french()
    low = word.lower().strip(",.")
    return (
        word in data.titles
        or low + "." in data.titles
        or low in data.foreign_titles
        or (low in data.role_nouns and (word[:1].islower() or first))
        or (low in data.nationalities and word[:1].islower())
        or word in ("le", "la", "les", "l'", "l’", "feu")
    )


def _strip_articles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower() in ("le", "la", "les", "feu"):
        words = words[1:]
    return " ".join(words)


def _strip_title(name: str) -> str:
    """Drop civilities, articles and role words written before a name
    (``M.``, ``le président``, ``l'ayatollah``, ``Präsident``)."""
    words = name.split()
    while len(words) > 1:
        word = words[0]
        for article in ("l'", "l’", "L'", "L’"):
            if word.startswith(article) and len(word) > 2:
                word = word[2:]
        if not _is_title_word(word, first=True):
            break
        words = words[1:]
    return " ".join(words)
