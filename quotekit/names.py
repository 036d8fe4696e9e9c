"""Name variants: which mentions of a document name the same person.

This first version works within one document: a mention joins the entity of a
fuller name it is part of (``Poutine`` → ``Vladimir Poutine``, ``M. Poutine`` →
``Vladimir Poutine``), choosing, when two full names share a surname, the nearest
one before it that agrees in gender. The canonical name is the fullest form.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from rapidfuzz import fuzz

__all__ = [
    "NameMention",
    "ParsedName",
    "canonicalize",
    "cluster_names",
    "normalize",
    "parse_name",
    "skeleton",
]

_PARTICLES = frozenset(
    {
        "de",
        "du",
        "des",
        "d'",
        "d’",
        "von",
        "van",
        "der",
        "den",
        "la",
        "le",
        "di",
        "da",
        "del",
        "ben",
        "bin",
        "al",
        "el",
    }
)


def normalize(name: str) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces, single spaces.

    Example:
        >>> normalize("Jean-Marie  Le Pen")
        'jean marie le pen'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    for ch in "-‐–’'.":
        stripped = stripped.replace(ch, " ")
    return " ".join(stripped.lower().split())


def _tokens(name: str) -> list[str]:
    return normalize(name).split()


def _core(tokens: list[str]) -> list[str]:
    """The tokens that identify a person: without particles."""
    return [t for t in tokens if t not in _PARTICLES]


@attrs.frozen
class NameMention:
    """One name mention to cluster: its text, position and gender when known."""

    text: str
    start: int
    gender: str | None = None


def _is_part_of(short: list[str], full: list[str]) -> bool:
    """``short`` names the same person as ``full``: its tokens, in order, end ``full``
    (a surname, ``Valdivia Silva``), or it is ``full``'s first name and surname.
    Initials match their word (``V. Poutine``)."""
    if not short or len(short) > len(full):
        return False
    if full[-len(short) :] == short:
        return True
    # initials: "v poutine" vs "vladimir poutine"
    if len(short) == len(full) and all(
        a == b or (len(a) == 1 and b.startswith(a)) for a, b in zip(short, full, strict=True)
    ):
        return True
    # first + last of a longer name: "Julio Silva" / "Julio Valdivia Silva"
    return len(short) >= 2 and short[0] == full[0] and short[-1] == full[-1]


def cluster_names(mentions: Sequence[NameMention]) -> list[int]:
    """Assign each mention a cluster number; mentions of one person share it.

    Args:
        mentions: Name mentions in text order.

    Returns:
        For each mention, the index (in ``mentions``) of its cluster's representative:
        the first mention of its fullest form.

    Notes:
        Words are compared by their transliteration skeletons (``Zelensky`` and
        ``Zelenskiy`` are one name). A short form joins the nearest earlier compatible
        full name, else the first later one; a first name alone joins the one full name
        it starts, if only one does; two different full names never merge, even with
        one surname.
    """
    # skeletons, so that "Zelensky" and "Zelenskiy" in one article are one name
    toks = [[skeleton(t) for t in _core(_tokens(m.text))] for m in mentions]
    order = sorted(range(len(mentions)), key=lambda i: (-len(toks[i]), mentions[i].start))
    rep: dict[int, int] = {}
    full_forms: list[int] = []  # representatives, fullest first
    for i in order:
        if not toks[i]:
            rep[i] = i
            continue
        # the same form as a representative
        same = [r for r in full_forms if toks[r] == toks[i]]
        if same:
            rep[i] = same[0]
            continue
        candidates = [
            r
            for r in full_forms
            if _is_part_of(toks[i], toks[r])
            and not (
                mentions[i].gender
                and mentions[r].gender
                and mentions[i].gender != mentions[r].gender
            )
        ]
        if not candidates and len(toks[i]) == 1:
            # a first name alone, when exactly one full name starts with it and it is
            # nobody's surname ("Marine" after "Marine Le Pen")
            starts = [r for r in full_forms if len(toks[r]) >= 2 and toks[r][0] == toks[i][0]]
            surname_of = any(toks[r][-1] == toks[i][0] for r in full_forms)
            if len(starts) == 1 and not surname_of:
                candidates = starts
        if candidates:
            before = [r for r in candidates if _first_start(r, rep, mentions) <= mentions[i].start]
            pool = before or candidates
            rep[i] = min(pool, key=lambda r: abs(_nearest(r, rep, mentions, mentions[i].start)))
        else:
            rep[i] = i
            full_forms.append(i)
    return [rep[i] for i in range(len(mentions))]


def _first_start(r: int, rep: dict[int, int], mentions: Sequence[NameMention]) -> int:
    return min(mentions[i].start for i, x in rep.items() if x == r)


def _nearest(r: int, rep: dict[int, int], mentions: Sequence[NameMention], at: int) -> int:
    """Distance from ``at`` back to the nearest mention of cluster ``r`` (before wins)."""
    starts = [mentions[i].start for i, x in rep.items() if x == r]
    before = [at - s for s in starts if s <= at]
    if before:
        return min(before)
    return 10**9 + min(s - at for s in starts)


# --- Across documents: canonical names ------------------------------------------------
#
# A name is reduced to a *skeleton* per word that forgets what transliteration
# changes (y/i/j, ou/u, ch/sh/sch/kh, doubled letters, -iy/-yy/-i endings, w/v, z/s,
# q/c/k, ph/f, silent h), then full names are joined when their surnames' skeletons
# agree and their given names are compatible (same skeleton, an initial, or a close
# spelling). A surname or initial alone joins a full name only when exactly one
# full name fits it. Blocks by the surname's consonants keep the cost near-linear.

_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("sch", "x"),
    ("tch", "x"),
    ("ch", "x"),
    ("sh", "x"),
    ("kh", "x"),
    ("zh", "j"),
    ("dj", "j"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("gh", "g"),
    ("ck", "k"),
    ("qu", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ea", "i"),
    ("ee", "i"),
    ("q", "k"),
    ("c", "k"),
    ("w", "v"),
    ("z", "s"),
    ("y", "i"),
    ("j", "i"),
    ("g", "k"),
    ("h", ""),
)

_ROMAN = frozenset(
    {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xvi"}
)


def skeleton(word: str) -> str:
    """A spelling-independent key of one normalised word.

    Example:
        >>> skeleton("zelenskyy") == skeleton("selenskyj") == skeleton("zelenski")
        True
    """
    if word in _ROMAN:
        return word  # regnal numbers: keep "ii" apart from "i"
    out = word
    for old, new in _SKELETON_RULES:
        out = out.replace(old, new)
    collapsed: list[str] = []
    for ch in out:
        if not collapsed or collapsed[-1] != ch:
            collapsed.append(ch)
    return "".join(collapsed) or word


def _consonants(key: str) -> str:
    return "".join(c for c in key if c not in "aeiou") or key[:2]


@attrs.frozen
class ParsedName:
    """A name split for comparison: given names and surname, as skeletons."""

    display: str  # the form without its title, as written
    given: tuple[str, ...]
    surname: tuple[str, ...]

    @property
    def block(self) -> str:
        return _consonants("".join(self.surname))


@functools.lru_cache(maxsize=1)
def _default_aliases() -> dict[tuple[str, ...], tuple[str, ...]]:
    from importlib import resources

    text = resources.files("quotekit").joinpath("resources").joinpath("fr")
    table = text.joinpath("aliases.tsv").read_text(encoding="utf-8")
    return _read_aliases(line.split("\t") for line in table.splitlines())


def _read_aliases(rows: Iterable[Sequence[str]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    aliases: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in rows:
        if len(row) < 2 or not row[0].strip() or row[0].lstrip().startswith("#"):
            continue
        variant, canonical = (tuple(normalize(x).split()) for x in row[:2])
        if variant and canonical:
            aliases[variant] = canonical
    return aliases


def _apply_aliases(tokens: list[str], aliases: dict[tuple[str, ...], tuple[str, ...]]) -> list[str]:
    whole = aliases.get(tuple(tokens))
    if whole is not None:
        return list(whole)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in (3, 2, 1):
            key = tuple(tokens[i : i + size])
            if len(key) == size and key in aliases:
                out.extend(aliases[key])
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _strip_title(name: str) -> str:
    """Drop civilities, articles and role words written before a name (``M.``, ``le président``)."""
    from quotekit._resources import french

    data = french()
    words = name.split()
    while len(words) > 1:
        w = words[0]
        low = w.lower().rstrip(",")
        if (
            w in data.titles
            or w in ("le", "la", "les", "l'", "l’")
            or (low in data.role_nouns and w[:1].islower())
            or (low in data.nationalities and w[:1].islower())
            or low in ("président", "présidente", "pape", "pope", "papst")
        ):
            words = words[1:]
        else:
            break
    return " ".join(words)


def parse_name(
    name: str, *, aliases: dict[tuple[str, ...], tuple[str, ...]] | None = None
) -> ParsedName | None:
    """Split a name into given names and surname skeletons; None when nothing is left.

    Example:
        >>> parse_name("M. Jean-Marie Le Pen").surname == parse_name("Le Pen").surname
        True
    """
    display = _strip_title(" ".join(name.split()))
    tokens = normalize(display).split()
    if not tokens:
        return None
    tokens = _apply_aliases(tokens, _default_aliases() if aliases is None else aliases)
    # regnal names ("Jean-Paul II") are one unit
    if tokens[-1] in _ROMAN and len(tokens) >= 2 and len(tokens[-1]) > 1:
        return ParsedName(display, (), tuple(skeleton(t) for t in tokens))
    # the surname is the last word with the particles written before it
    k = len(tokens) - 1
    while k > 0 and tokens[k - 1] in _PARTICLES:
        k -= 1
    if k == 0 and len(tokens) > 1:  # only particles before: "de Gaulle", "Le Pen"
        k = 0
    given = tuple(skeleton(t) for t in tokens[:k] if t not in _PARTICLES)
    surname = tuple(skeleton(t) for t in tokens[k:] if t not in _PARTICLES) or (
        skeleton(tokens[-1]),
    )
    return ParsedName(display, given, surname)


def _close(a: str, b: str, *, cutoff: float) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return fuzz.ratio(a, b) >= cutoff


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names of one person: position by position the same, an initial, or close;
    an extra given name is fine unless it is an initial (``George W.`` is not ``George``)."""
    for x, y in zip(a, b, strict=False):
        if x == y:
            continue
        if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            continue
        if not _close(x, y, cutoff=80):
            return False
    longer = a if len(a) > len(b) else b
    return all(len(t) > 1 for t in longer[min(len(a), len(b)) :])


def _same_surname(a: ParsedName, b: ParsedName) -> bool:
    sa, sb = "".join(a.surname), "".join(b.surname)
    return _close(sa, sb, cutoff=84)


def _full_compatible(a: ParsedName, b: ParsedName) -> bool:
    return _same_surname(a, b) and _given_compatible(a.given, b.given)


def _is_full(p: ParsedName) -> bool:
    """A name that can stand for one person on its own: a given name (not just an
    initial) and a surname, or a multi-word name with no given name (``Jean-Paul II``)."""
    if p.given:
        return any(len(g) > 1 for g in p.given)
    return len(p.surname) > 1


def _best_display(forms: Sequence[str], counts: dict[str, int]) -> str:
    """The fullest form (most words, fewest initials, not in capitals, longest), then the
    most frequent, then the first in sort order: a choice independent of input order."""

    def key(f: str) -> tuple[int, int, bool, int, int, str]:
        words = f.split()
        initials = sum(len(w.rstrip(".")) == 1 for w in words)
        return (-len(words), initials, f.isupper(), -len(f), -counts[f], f)

    return min(forms, key=key)


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
        among the inputs (without title). A surname alone, or an initial with a
        surname, gets a full name's canonical form only when exactly one full name
        among the inputs fits it.

    Example:
        >>> canonicalize(["Volodymyr Zelensky", "M. Zelenskiy", "Marine Le Pen", "Le Pen"])
        ['Volodymyr Zelensky', 'Volodymyr Zelensky', 'Marine Le Pen', 'Marine Le Pen']

    Notes:
        Different given names with one surname are different people; two forms join
        only if every pair of their clusters' full forms is compatible, so that
        ``George Bush`` cannot chain ``George W. Bush`` to ``George H. W. Bush``.
    """
    table = dict(_default_aliases())
    if aliases is not None:
        table.update(_read_aliases(aliases))
    inputs = list(names)
    counts: dict[str, int] = defaultdict(int)
    for n in inputs:
        counts[n] += 1
    parsed: dict[str, ParsedName | None] = {n: parse_name(n, aliases=table) for n in counts}
    result = cluster_parsed({n: p for n, p in parsed.items() if p is not None}, counts)
    return [result.get(n, " ".join(n.split())) for n in inputs]


def cluster_parsed(parsed: dict[str, ParsedName], counts: dict[str, int]) -> dict[str, str]:
    """Group distinct name strings into persons; map each to its cluster's display form."""
    # distinct parsed shapes: many strings share one (case, accents, titles)
    by_shape: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = defaultdict(list)
    for name, p in parsed.items():
        by_shape[(p.given, p.surname)].append(name)
    shapes = sorted(by_shape)
    rep = {s: ParsedName(by_shape[s][0], s[0], s[1]) for s in shapes}
    blocks: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = defaultdict(list)
    for s in shapes:
        blocks[rep[s].block].append(s)

    parent: dict[Any, Any] = {s: s for s in shapes}

    def find(s: Any) -> Any:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    members: dict[Any, list[Any]] = {s: [s] for s in shapes}
    final_cluster: dict[Any, Any] = {}
    for block in sorted(blocks):
        group = blocks[block]
        full = [s for s in group if _is_full(rep[s])]
        partial = [s for s in group if not _is_full(rep[s])]
        # full names: merge clusters only when every cross pair is compatible
        pairs = sorted(
            (a, b)
            for i, a in enumerate(full)
            for b in full[i + 1 :]
            if _full_compatible(rep[a], rep[b])
        )
        for a, b in pairs:
            ra, rb = find(a), find(b)
            if ra == rb:
                continue
            if all(_full_compatible(rep[x], rep[y]) for x in members[ra] for y in members[rb]):
                keep, drop = min(ra, rb), max(ra, rb)
                parent[drop] = keep
                members[keep].extend(members.pop(drop))
        # surnames alone and initials: the one full cluster that fits, if only one
        for s in partial:
            fits = {
                find(f)
                for f in full
                if _same_surname(rep[s], rep[f])
                and (not rep[s].given or _given_compatible(rep[s].given, rep[f].given))
            }
            if len(fits) == 1:
                final_cluster[s] = fits.pop()
    out: dict[str, str] = {}
    clusters: dict[Any, list[str]] = defaultdict(list)
    for s in shapes:
        root = final_cluster.get(s, find(s))
        clusters[root].extend(by_shape[s])
    for names in clusters.values():
        display_forms = sorted({parsed[n].display for n in names})
        display_counts: dict[str, int] = defaultdict(int)
        for n in names:
            display_counts[parsed[n].display] += counts.get(n, 1)
        best = _best_display(display_forms, display_counts)
        for n in names:
            out[n] = best
    return out
