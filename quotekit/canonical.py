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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from importlib import resources

import attrs
from rapidfuzz import fuzz

from quotekit._resources import french
from quotekit.names import normalize, skeleton

__all__ = ["ParsedName", "canonicalize", "cluster_parsed", "load_aliases", "parse_name"]

Aliases = dict[tuple[str, ...], tuple[str, ...]]

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
    path = resources.files("quotekit").joinpath("resources").joinpath("fr").joinpath("aliases.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    return _rows_to_aliases(line.split("\t") for line in lines)


def load_aliases(extra: Iterable[Sequence[str]] | None = None) -> Aliases:
    """The shipped alias table (``resources/fr/aliases.tsv``) plus ``(variant, canonical)`` rows."""
    table = dict(_shipped_aliases())
    if extra is not None:
        table.update(_rows_to_aliases(extra))
    return table


_HYPHEN_PARTICLES = frozenset({"al", "el", "ben", "bin", "ibn", "abu", "abou", "abd", "ould"})
_ELIDED = frozenset({"d", "l", "qu"})


def _words(name: str) -> list[str]:
    """Normalised words. A hyphenated word stays one word (``Jean-Marie`` ->
    ``jeanmarie``) unless it starts with a particle (``al-Assad`` -> ``al assad``); an
    apostrophe splits off an elided particle (``d'Estaing``) and is dropped elsewhere
    (``Eto'o`` -> ``etoo``)."""
    out: list[str] = []
    for raw in name.replace("’", "'").replace("‐", "-").split():
        head, sep, rest = raw.partition("'")
        if sep and normalize(head) in _ELIDED:
            out.append(normalize(head))
            raw = rest
        raw = raw.replace("'", "")
        parts = [p for p in raw.split("-") if p]
        while len(parts) > 1 and normalize(parts[0]) in _HYPHEN_PARTICLES:
            out.append(normalize(parts.pop(0)))
        word = normalize("".join(parts))
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


@attrs.frozen
class ParsedName:
    """A name as compared: its display form (without title) and its word skeletons."""

    display: str
    words: tuple[str, ...]  # skeletons, particles removed
    joined: str = ""  # the normalised words run together, particles kept: "jeanmarielepen"

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
        # the same without the hushing consonant, which German writes "sch" and French "j":
        # Prigoschin / Prigojine, Saluschnyj / Zaloujny
        keys.update("~" + _consonants(w).replace("x", "") for w in self.words[1:] if len(w) > 3)
        keys.add("=" + _consonants(self.joined or "".join(self.words)))
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


def _consonants(key: str) -> str:
    return "".join(c for c in key if c not in "aeiou") or key


def parse_name(name: str, *, aliases: Aliases | None = None) -> ParsedName | None:
    """Parse a name for comparison; None when nothing of a name is left.

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
    for form in (written, _strip_articles(written), display):
        whole = whole or table.get(("=", "".join(_words(form))))
    base = _words(display) if whole is None else list(whole)
    words = [x for w in base for x in table.get((w,), (w,))]
    if not words:
        return None
    kept = [w for w in words if w not in _PARTICLES] or words
    return ParsedName(
        display,
        tuple(_SUFFIXES.get(w) or (w if w in _ROMAN else skeleton(w)) for w in kept),
        "".join(words),
    )


# vowels that transliterations swap: o/u (Hosni, Husni), e/i (Ebrahim, Ibrahim),
# a/u (Abdallah, Abdullah)
_VOWEL_CLASS = str.maketrans({"o": "u", "e": "i", "a": "u"})


def _same_word(a: str, b: str) -> bool:
    """One given name, spelled two ways: equal skeletons, an initial, the same letters
    up to o/u and e/i swaps, or (long words) the same consonants or a close spelling."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a.translate(_VOWEL_CLASS) == b.translate(_VOWEL_CLASS):
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if min(len(a), len(b)) >= 7 and _consonants(a) == _consonants(b):
        return True
    return fuzz.ratio(a, b) >= 88


def _same_surname(a: str, b: str) -> bool:
    if a == b or a.translate(_VOWEL_CLASS) == b.translate(_VOWEL_CLASS):
        return True
    if min(len(a), len(b)) < 4 or len(a) == 1 or len(b) == 1:
        return False
    return _consonants(a) == _consonants(b) or fuzz.ratio(a, b) >= 85


def compatible(a: ParsedName, b: ParsedName) -> bool:
    """Whether two full names can name one person (see the module's description)."""
    if "".join(a.words) == "".join(b.words) or (a.joined and a.joined == b.joined):
        return True  # "Jean-Marie Le Pen" / "Jean-Marie Lepen"
    short, long = (a, b) if len(a.words) <= len(b.words) else (b, a)
    # the same surname, possibly the first of two: "Nicolás Maduro" / "Nicolás Maduro Moros"
    if not any(_same_surname(short.surname, w) for w in long.words[1:]):
        return False
    # the shorter's words, in order, within the longer's: given names as given names,
    # the last word as a surname
    j = 0
    matched: list[int] = []
    last = len(short.words) - 1
    for k, word in enumerate(short.words):
        same = _same_surname if k == last else _same_word
        while j < len(long.words) and not same(word, long.words[j]):
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
    if any(b != a + 1 for a, b in itertools.pairwise(given)):
        return False  # "George Walker Bush" is not "George Herbert Walker Bush"
    # a suffix (Jr., Sr., II) in one only: father and son
    return _suffixes(short) == _suffixes(long)


def _suffixes(p: ParsedName) -> set[str]:
    return {w for w in p.words if w in ("jr", "sr")}


def _best_display(forms: Sequence[str], counts: dict[str, int]) -> str:
    """The fullest form (most words, fewest initials, not in capitals, longest), then the
    most frequent, then the first in sort order: a choice independent of input order."""

    def key(f: str) -> tuple[int, int, bool, int, int, str]:
        words = f.split()
        initials = sum(len(w.rstrip(".")) == 1 for w in words)
        return (-len(words), initials, f.isupper(), -len(f), -counts[f], f)

    return min(forms, key=key)


def cluster_parsed(parsed: dict[str, ParsedName], counts: dict[str, int]) -> dict[str, str]:
    """Group distinct name strings into persons; map each to its cluster's display form."""
    by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name, p in parsed.items():
        by_words[p.words].append(name)
    shapes = sorted(by_words)
    rep = {s: parsed[by_words[s][0]] for s in shapes}
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
    for group in blocks.values():
        full = sorted(s for s in set(group) if rep[s].is_full)
        for i, a in enumerate(full):
            for b in full[i + 1 :]:
                if compatible(rep[a], rep[b]):
                    pairs.add((a, b))
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
    for s in shapes:
        if rep[s].is_full:
            for key in rep[s].lookup_keys():
                lookup[key].append(s)
            for key in rep[s].prefix_keys():
                loose[key].append(s)
    attached: dict[tuple[str, ...], tuple[str, ...]] = {}
    for s in shapes:
        p = rep[s]
        if p.is_full:
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
        chosen = exact if exact else close
        if len(chosen) == 1:
            attached[s] = chosen.pop()

    clusters: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for s in shapes:
        clusters[attached.get(s, find(s))].extend(by_words[s])
    out: dict[str, str] = {}
    for names in clusters.values():
        display_counts: dict[str, int] = defaultdict(int)
        for n in names:
            display_counts[parsed[n].display] += counts.get(n, 1)
        best = _best_display(sorted(display_counts), display_counts)
        for n in names:
            out[n] = best
    return out


def canonicalize(
    names: Iterable[str], *, aliases: Iterable[Sequence[str]] | None = None
) -> list[str]:
    """The canonical name of each input name: equal outputs exactly for one person.

    Args:
        names: Name strings as written (titles such as ``M.`` or ``le président`` are
            ignored), in any order; the result does not depend on the order.
        aliases: Extra ``(variant, canonical)`` rows added to the shipped alias table
            (``resources/fr/aliases.tsv``): exonyms, nicknames.

    Returns:
        One canonical name per input, in input order: the fullest form of the person
        among the inputs, without title. A surname alone gets a full name's canonical
        form only when exactly one person among the inputs fits it.

    Example:
        >>> canonicalize(["Volodymyr Zelensky", "M. Zelenskiy", "Marine Le Pen", "Le Pen"])
        ['Volodymyr Zelensky', 'Volodymyr Zelensky', 'Marine Le Pen', 'Marine Le Pen']
    """
    table = load_aliases(aliases)
    inputs = list(names)
    counts: dict[str, int] = defaultdict(int)
    for n in inputs:
        counts[n] += 1
    parsed = {n: p for n in counts if (p := parse_name(n, aliases=table)) is not None}
    result = cluster_parsed(parsed, counts)
    return [result.get(n, " ".join(n.split())) for n in inputs]
