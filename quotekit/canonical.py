"""Canonical names across documents: one output per person, whatever the spelling.

A name is reduced to word skeletons (:func:`quotekit.names.skeleton`) after titles
are dropped and aliases (exonyms, nicknames) applied. Two full names are one person
when the shorter's words appear in order in the longer (a middle name, a second
surname or an initial may be missing), beginning with a given name, ending with the
same surname. Clusters only join when every pair of their full names agrees, so
"George Bush" cannot chain George W. Bush to George H. W. Bush. A surname alone (or
with an initial) joins a full name only when exactly one person fits it. Names are
compared only within blocks that share a word key, so the cost grows near-linearly.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs
from rapidfuzz import fuzz

from quotekit.name_words import (
    _ELIDED,
    _HYPHEN_PARTICLES,
    _NO_GROUP,
    _PARTICLES,
    _ROMAN,
    _SUFFIXES,
    Aliases,
    GivenNames,
    _given_groups,
    _is_patronymic,
    _keys_of,
    _shipped_aliases,
    _shipped_given_names,
    _skeleton,
    _strip_articles,
    _strip_title,
    _words,
    load_aliases,
    load_given_names,
)
from quotekit.names import TRANSLIT_LETTERS

__all__ = [
    "GivenNames",
    "ParsedName",
    "canonicalize",
    "cluster_parsed",
    "load_aliases",
    "load_given_names",
    "parse_name",
    "press_marks",
]


@attrs.frozen
class ParsedName:
    """A name as compared: its display form (without title) and its word skeletons."""

    display: str
    words: tuple[str, ...]  # skeletons, particles and patronymics removed
    joined: str = ""  # the normalised words run together, particles kept: "jeanmarielepen"
    keys: tuple[tuple[str, ...], ...] = ()  # transliteration keys of the words (translit_keys)
    groups: tuple[frozenset[int], ...] = ()  # given-name groups of the words
    aliased: bool = False  # a whole-name alias gave the words ("Edson Arantes do Nascimento")

    @property
    def is_full(self) -> bool:
        """Stands for one person alone: two words or more, not all initials."""
        return len(self.words) >= 2 and sum(len(w) > 1 for w in self.words) >= 2

    @property
    def surname(self) -> str:
        return self.words[-1]

    def blocks(self) -> set[str]:
        """Keys of the blocks full names are compared in: the consonants of each word
        that can be a surname (every word but the first), and of the whole name run
        together. Exact keys keep blocks small, so the cost grows near-linearly."""
        keys = {_consonants(w) for w in self.words[1:] if len(w) > 1}
        # a Czech feminine in -ová is found under its stem: Merkelová, Merkel
        keys.update(_consonants(w[:-3]) for w in self.words[1:] if w.endswith("ova") and len(w) > 5)
        # the same without the hushing consonant, which German writes "sch" and French "j":
        # Prigoschin / Prigojine, Saluschnyj / Zaloujny
        keys.update("~" + _consonants(w).replace("x", "") for w in self.words[1:] if len(w) > 3)
        keys.add("=" + _consonants(self.joined or "".join(self.words)))
        # the same surname in another convention (Ławrow, Lavrovs), with a given name
        # that can agree: its groups in the table, or its first letter
        if self.keys and len(self.words[0]) > 1:
            first = {f"g{g}" for g in self.groups[0]} | {self.words[0].translate(_VOWEL_CLASS)[0]}
            keys.update(
                f"§{g}|{k}"
                for g in first
                for word_keys in self.keys[1:]
                for k in word_keys
                if len(k) >= _MIN_KEY
            )
        return keys

    def lookup_keys(self) -> set[str]:
        """Keys under which a full name is found by a surname alone: its blocks, and
        its first word (family name first: "Xi" for "Xi Jinping")."""
        keys = self.blocks()
        if len(self.words[0]) > 1:
            keys.add(_consonants(self.words[0]))
        return keys

    def prefix_keys(self) -> set[str]:
        """Looser keys, tried for a surname alone when the exact ones find nobody: the
        first three letters of each word that can be a surname."""
        return {"^" + w[:3] for w in self.words[1:] if len(w) > 3}


#: transliteration keys shorter than this are too common to identify a surname
_MIN_KEY = 4


@functools.lru_cache(maxsize=1 << 17)
def _consonants(key: str) -> str:
    return "".join(c for c in key if c not in "aeiou") or key


@functools.lru_cache(maxsize=1 << 17)
def _vowel_class(word: str) -> str:
    return word.translate(_VOWEL_CLASS)


@functools.lru_cache(maxsize=1 << 17)
def _run_together(words: tuple[str, ...]) -> str:
    return "".join(words)


def parse_name(
    name: str, *, aliases: Aliases | None = None, given_names: GivenNames | None = None
) -> ParsedName | None:
    """Parse a name for comparison; None when nothing of a name is left.

    Titles are dropped, aliases applied, particles and patronymic middle names
    (``Vladimirovitch``, ``Volodymyrivna``) left out of the compared words.

    Example:
        >>> parse_name("M. Volodymyr Zelenskiy").words == parse_name("Wolodymyr Selenskyj").words
        True
    """
    written = " ".join(name.split())
    display = _strip_title(written)
    table = _shipped_aliases() if aliases is None else aliases
    # whole-name aliases are keyed by the words run together ("Jean Paul II" finds
    # "Jean-Paul II"), tried with the title ("Pape François") and without it
    whole = None
    for form in dict.fromkeys((written, _strip_articles(written), display)):
        whole = whole or table.get(("=", "".join(_words(form))))
    if whole is None:
        base = _words(display)
        spelled = base
        if display.translate(TRANSLIT_LETTERS) != display:
            spelled = _words(display, spell_out=True)
            if len(spelled) != len(base):
                spelled = base
    else:
        base = spelled = list(whole)
    # (word, the word with its letters spelled out), aliases applied to both
    pairs: list[tuple[str, str]] = []
    for word, spelled_word in zip(base, spelled, strict=True):
        alias = table.get((word,))
        if alias:
            pairs.extend((a, a) for a in alias)
        else:
            pairs.append((word, spelled_word))
    if not pairs:
        return None
    # particles are left out, but a first "e" or "y" is an initial ("E. Macron"), not the
    # Portuguese or Spanish "and"
    kept = [
        pair
        for i, pair in enumerate(pairs)
        if pair[0] not in _PARTICLES or (i == 0 and pair[0] in ("e", "y"))
    ] or pairs
    if len(kept) >= 3:
        kept = [kept[0], *(p for p in kept[1:-1] if not _is_patronymic(p[0])), kept[-1]]
    given = _shipped_given_names()[0] if given_names is None else given_names
    skeletons = tuple(_SUFFIXES.get(w) or (w if w in _ROMAN else _skeleton(w)) for w, _ in kept)
    return ParsedName(
        display,
        skeletons,
        "".join(w for w, _ in pairs),
        tuple(_keys_of(spelled_word) for _, spelled_word in kept),
        tuple(_given_groups(w, given) if len(w) > 1 else _NO_GROUP for w in skeletons),
        aliased=whole is not None,
    )


# vowels that transliterations swap: o/u (Hosni, Husni), e/i (Ebrahim, Ibrahim),
# a/u (Abdallah, Abdullah)
_VOWEL_CLASS = str.maketrans({"o": "u", "e": "i", "a": "u"})


def _same_word(
    a: str, b: str, ga: frozenset[int] = _NO_GROUP, gb: frozenset[int] = _NO_GROUP
) -> bool:
    """One given name, spelled two ways: equal skeletons, an initial, one line of the
    given-name table (two names on different lines are different), the same letters up to
    o/u and e/i swaps, or (long words) the same consonants or a close spelling."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if ga and gb:
        return not ga.isdisjoint(gb)
    if _vowel_class(a) == _vowel_class(b):
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if min(len(a), len(b)) >= 7 and _consonants(a) == _consonants(b):
        return True
    return fuzz.ratio(a, b) >= 88


def _same_surname(a: str, b: str, ka: tuple[str, ...] = (), kb: tuple[str, ...] = ()) -> bool:
    """One surname: the skeletons, up to vowel swaps, the consonants or a close spelling;
    or one transliteration key (``ka``, ``kb``: Ławrow / Lavrov / Lavrovs)."""
    if a == b or _vowel_class(a) == _vowel_class(b):
        return True
    if any(k in kb for k in ka if len(k) >= _MIN_KEY):
        return True
    if a + "ova" == b or b + "ova" == a:
        return True  # Czech and Slovak feminine: Merkel / Merkelová, von der Leyenová
    if min(len(a), len(b)) < 4 or len(a) == 1 or len(b) == 1:
        return False
    return _consonants(a) == _consonants(b) or fuzz.ratio(a, b) >= 85


def compatible(a: ParsedName, b: ParsedName) -> bool:
    """Whether two full names can name one person (see the module's description)."""
    if _run_together(a.words) == _run_together(b.words) or (a.joined and a.joined == b.joined):
        return True  # "Jean-Marie Le Pen" / "Jean-Marie Lepen"
    # a suffix (Jr., Sr.) in one only: father and son; else the names compare without it
    if _suffixes(a) != _suffixes(b):
        return False
    a_core, b_core = _without_suffixes(a), _without_suffixes(b)
    if len(a_core.words) == len(a.words) or len(b_core.words) == len(b.words):
        a_core, b_core = a, b  # "Neymar Jr" has nothing but its suffix to drop
    a, b = a_core, b_core
    short, long = (a, b) if len(a.words) <= len(b.words) else (b, a)
    # the same surname, possibly the first of two: "Nicolás Maduro" / "Nicolás Maduro Moros"
    if not any(
        _same_surname(short.surname, long.words[i], _key(short, -1), _key(long, i))
        for i in range(1, len(long.words))
    ):
        return False
    # the shorter's words, in order, within the longer's: given names as given names,
    # the last word as a surname
    j = 0
    matched: list[int] = []
    last = len(short.words) - 1
    for k, word in enumerate(short.words):
        while j < len(long.words) and not (
            _same_surname(word, long.words[j], _key(short, k), _key(long, j))
            if k == last
            else _same_word(word, long.words[j], _group(short, k), _group(long, j))
        ):
            j += 1
        if j == len(long.words):
            return False
        matched.append(j)
        j += 1
    given = matched[:-1]
    if matched[0] != 0:
        # different first names are different people ("Idriss Déby" is not "Mahamat
        # Idriss Déby"); but the last words of a long name are its surnames ("López
        # Obrador", "Lula da Silva" of four-word names)
        return len(short.words) == 2 and len(long.words) >= 4 and long.words[-2:] == short.words
    # "George Walker Bush" is not "George Herbert Walker Bush"
    return all(y == x + 1 for x, y in itertools.pairwise(given))


def _key(p: ParsedName, i: int) -> tuple[str, ...]:
    return p.keys[i] if p.keys else ()


def _group(p: ParsedName, i: int) -> frozenset[int]:
    return p.groups[i] if p.groups else _NO_GROUP


def _suffixes(p: ParsedName) -> set[str]:
    if "jr" not in p.words and "sr" not in p.words:
        return _NO_SUFFIX
    return {w for w in p.words if w in ("jr", "sr")}


_NO_SUFFIX: set[str] = set()


def _without_suffixes(p: ParsedName) -> ParsedName:
    if "jr" not in p.words and "sr" not in p.words:
        return p
    keep = [i for i, w in enumerate(p.words) if w not in ("jr", "sr")]
    if len(keep) == len(p.words) or len(keep) < 2:
        return p  # nothing to drop, or a name that is its suffix ("Neymar Jr")
    return attrs.evolve(
        p,
        words=tuple(p.words[i] for i in keep),
        keys=tuple(p.keys[i] for i in keep) if p.keys else (),
        groups=tuple(p.groups[i] for i in keep) if p.groups else (),
    )


# letters and spellings the French press does not use for a foreign name: Polish,
# Czech, Baltic, Romanian, Turkish, Hungarian letters and a ç before e or i; German sch,
# Polish sz, cz, rz, Hungarian cs, zs, Dutch sj, zj, a w; English sh, zh, a y before e
# or u at a word's start or after a consonant (Yulia, Yevgeny, Matviyenko: Ioulia,
# Evgueni, Matvienko), -iy, -yy, -yi, -yj, -ij endings; a Slavic j between vowels,
# after e, i, y at a word's end or before a consonant (Alijev, Sergej, Dmitrij); -ová
_FOREIGN_LETTERS = frozenset("łśćżźąęńšžčřěůőűșțşğıđāēīūķļņģėįųŭ")
_FOREIGN_SPELLINGS = re.compile(
    r"sch|sz|cz|rz|cs|zs|sj|zj|w|sh|zh|ç(?![aou])"
    r"|\by[eu]|(?<=[bcdfgklmnprstvzi])y[eu]|(?:iy|yy|yi|yj|ij)\b"
    r"|[aeiou]j[aeiou]|[eiy]j\b|j(?=[bcdfghklmnpqrstvwxz])|ová\b"
)
# and those it does use: ou for u, tch, gue, gui, ï, ë
_FRENCH_SPELLINGS = re.compile(r"ou|tch|gue|gui|[ïë]")
_ACCENTS = frozenset("éèêëîïôâàçûù")
_LOWER_WORDS = _PARTICLES | _HYPHEN_PARTICLES | _ELIDED


def press_marks(name: str) -> tuple[int, int]:
    """(foreign, French) spelling marks of a name: how many letters and letter groups
    the French press does not use for a foreign name (``ł``, ``š``, ``sch``, ``sz``,
    ``w``, ``sh``, ``-iy``, ...), and how many it does (``ou``, ``tch``, ``gue``, ``ï``).

    Example:
        >>> press_marks("Sergueï Lavrov"), press_marks("Siergiej Ławrow")
        ((0, 2), (4, 0))
        >>> press_marks("Denis Chmygal"), press_marks("Denys Shmyhal")
        ((0, 0), (1, 0))
    """
    low = name.lower()
    foreign = sum(c in _FOREIGN_LETTERS for c in low)
    plain = "".join(c for c in low if c not in _FOREIGN_LETTERS)
    foreign += len(_FOREIGN_SPELLINGS.findall(plain))
    return foreign, len(_FRENCH_SPELLINGS.findall(low))


_ROMAN_UPPER = frozenset(r.upper() for r in _ROMAN) | {r.upper() + "." for r in _ROMAN}


def _has_patronymic(words: list[str]) -> bool:
    """Whether normalised words have a patronymic middle name."""
    words = [w for w in words if w not in _PARTICLES]
    return len(words) >= 3 and any(_is_patronymic(w) for w in words[1:-1])


def _best_display(
    forms: Sequence[str], counts: dict[str, int], full: dict[str, bool] | None = None
) -> str:
    """The canonical form of a person among its forms (``counts``: how often each was
    seen; ``full``: whether it names the person alone, see :attr:`ParsedName.is_full`).

    In order: a full name, with no word in capitals (or in small letters, particles
    aside) and no patronymic; a spelling the French press uses (no foreign mark, see
    :func:`press_marks`) when there is one; the most frequent; fewer foreign marks, more
    French ones (``Sergueï`` before ``Sergei``); the most typical spelling (whose words
    the other forms share most: ``Zelensky`` before the Lithuanian ``Zelenskis``); more
    accents (``Déby`` before ``Deby``); the fullest; the first in sort order, small letters
    first. The choice does not depend on the order of the inputs."""
    words_of = {f: _words(f, spell_out=True) for f in forms}
    shared: dict[str, int] = defaultdict(int)
    for f in forms:
        for w in set(words_of[f]):
            shared[w] += 1

    def key(f: str) -> tuple[bool, bool, bool, bool, int, int, int, float, int, int, int, str]:
        words = f.split()
        # a full name as written, and as parsed (aliases such as "Zizou" are not)
        is_full = sum(len(w.rstrip(".")) > 1 for w in words) >= 2 and (full is None or full[f])
        # a word in capitals, or in small letters that is not a particle ("emmanuel")
        capitals = any(
            (w.isupper() and len(w) > 1 and w not in _ROMAN_UPPER)
            or (w[:1].islower() and (_words(w) or [""])[0] not in _LOWER_WORDS)
            for w in words
        )
        foreign, french = press_marks(f)
        normalised = words_of[f] or [f]
        typical = sum(shared[w] for w in normalised) / len(normalised)
        return (
            not is_full,
            capitals,
            _has_patronymic(words_of[f]),
            foreign > 0,
            -counts[f],
            foreign,
            -french,
            -typical,
            -sum(c in _ACCENTS for c in f),
            -len(words),
            -len(f),
            f.swapcase(),  # "de Gaulle" before "De Gaulle"
        )

    return min(forms, key=key)


def _shape_rep(names: list[ParsedName]) -> ParsedName:
    """One parsed name for names with the same skeletons (in sort order), with the
    transliteration keys of all of them, so that the result does not depend on which
    came first ("Zalužnyj" and "Zaluznyj" have one skeleton, not one key)."""
    first = names[0]
    if len(names) == 1 or not first.keys:
        return first
    merged = tuple(
        tuple(sorted({k for p in names if len(p.keys) > i for k in p.keys[i]}))
        for i in range(len(first.keys))
    )
    return attrs.evolve(first, keys=merged)


def cluster_parsed(parsed: dict[str, ParsedName], counts: dict[str, int]) -> dict[str, str]:
    """Group distinct name strings into persons; map each to its cluster's display form."""
    by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name, p in parsed.items():
        by_words[p.words].append(name)
    shapes = sorted(by_words)
    rep = {s: _shape_rep([parsed[n] for n in sorted(by_words[s])]) for s in shapes}
    blocks: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for s in shapes:
        for key in rep[s].blocks():
            blocks[key].append(s)

    parent = {s: s for s in shapes}
    members = {s: [s] for s in shapes}

    def find(s: tuple[str, ...]) -> tuple[str, ...]:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    pairs: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    checked: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()  # pairs met in two blocks
    for group in blocks.values():
        full = sorted(s for s in set(group) if rep[s].is_full)
        for i, a in enumerate(full):
            for b in full[i + 1 :]:
                if (a, b) in checked:
                    continue
                checked.add((a, b))
                if compatible(rep[a], rep[b]):
                    pairs.add((a, b))
    del checked
    # strongest evidence first: identical run-together names, then longer shared names
    for a, b in sorted(pairs, key=lambda p: (-min(len(p[0]), len(p[1])), p)):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        if all(compatible(rep[x], rep[y]) for x in members[ra] for y in members[rb]):
            keep, drop = min(ra, rb), max(ra, rb)
            parent[drop] = keep
            members[keep].extend(members.pop(drop))

    # a surname alone, or with initials: the one person it fits, exact spelling first
    lookup: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    loose: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    translit: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for s in shapes:
        if rep[s].is_full:
            for key in rep[s].lookup_keys():
                lookup[key].append(s)
            for key in rep[s].prefix_keys():
                loose[key].append(s)
            for key in {k for word_keys in rep[s].keys[1:] for k in word_keys}:
                if len(key) >= _MIN_KEY:
                    translit[key].append(s)
    attached: dict[tuple[str, ...], tuple[str, ...]] = {}
    for s in shapes:
        p = rep[s]
        if p.is_full:
            continue
        if len(s) == 1 and any(parsed[n].aliased for n in by_words[s]):
            # a name the alias table gives a birth name for is known by that one word
            # ("Pelé", "Hulk"): not the surname of a full name ("Abedi Pelé", "Hulk Hogan")
            continue
        own = _consonants(p.surname)
        candidates = set(lookup.get(own, ()))
        if not candidates and len(p.surname) > 3:
            candidates = set(loose.get("^" + p.surname[:3], ()))
        initials = [w for w in p.words[:-1] if len(w) == 1]
        fitting = [f for f in candidates if (not initials or rep[f].words[0][0] == initials[0])]
        exact = {find(f) for f in fitting if rep[f].surname == p.surname}
        if not exact and not initials:
            # a name that is written family name first: "Xi", "Mao", "Moon"
            exact = {find(f) for f in fitting if rep[f].words[0] == p.surname}
        close = {find(f) for f in fitting if _same_surname(rep[f].surname, p.surname)}
        if not exact and not close and p.keys:
            # the surname in another convention: "Ławrow", "Lavrovs"
            close = {
                find(f)
                for key in p.keys[-1]
                for f in translit.get(key, ())
                if not initials or rep[f].words[0][0] == initials[0]
            }
        chosen = exact if exact else close
        if len(chosen) == 1:
            attached[s] = chosen.pop()

    clusters: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for s in shapes:
        clusters[attached.get(s, find(s))].extend(by_words[s])
    out: dict[str, str] = {}
    for names in clusters.values():
        display_counts: dict[str, int] = defaultdict(int)
        display_full: dict[str, bool] = {}
        for n in names:
            shown = parsed[n].display
            display_counts[shown] += counts.get(n, 1)
            display_full[shown] = display_full.get(shown, False) or parsed[n].is_full
        best = _best_display(sorted(display_counts), display_counts, display_full)
        for n in names:
            out[n] = best
    return out


def canonicalize(
    names: Iterable[str],
    *,
    aliases: Iterable[Sequence[str]] | None = None,
    given_names: Iterable[Sequence[str]] | None = None,
) -> list[str]:
    """The canonical name of each input name: equal outputs exactly for one person.

    Args:
        names: Name strings as written (titles such as ``M.`` or ``le président`` are
            ignored), in any order; the result does not depend on the order.
        aliases: Extra ``(variant, canonical)`` rows added to the shipped alias table
            (``resources/fr/aliases.tsv``): exonyms, nicknames.
        given_names: Extra groups of spellings of one given name, added to the shipped
            table (``resources/fr/given_name_variants.tsv``): ``[["Mykyta", "Nikita"]]``.

    Returns:
        One canonical name per input, in input order, without title: among the person's
        full names, the French press spelling when the inputs give one (French marks
        such as ``ou``, ``tch``, ``ï`` and no foreign letter: ``Sergueï Lavrov`` rather
        than ``Siergiej Ławrow``), else the most frequent form (see
        :func:`press_marks`). A surname alone gets a full name's canonical form only
        when exactly one person among the inputs fits it.

    Example:
        >>> canonicalize(["Volodymyr Zelensky", "M. Zelenskiy", "Marine Le Pen", "Le Pen"])
        ['Volodymyr Zelensky', 'Volodymyr Zelensky', 'Marine Le Pen', 'Marine Le Pen']
    """
    table = load_aliases(aliases)
    given = load_given_names(given_names)
    inputs = list(names)
    counts: dict[str, int] = defaultdict(int)
    for n in inputs:
        counts[n] += 1
    parsed = {
        n: p for n in counts if (p := parse_name(n, aliases=table, given_names=given)) is not None
    }
    result = cluster_parsed(parsed, counts)
    return [result.get(n, " ".join(n.split())) for n in inputs]
