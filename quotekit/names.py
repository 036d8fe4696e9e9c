"""Name variants: which mentions of a document name the same person.

This first version works within one document: a mention joins the entity of a
fuller name it is part of (``Poutine`` → ``Vladimir Poutine``, ``M. Poutine`` →
``Vladimir Poutine``), choosing, when two full names share a surname, the nearest
one before it that agrees in gender. The canonical name is the fullest form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import attrs

from quotekit._disjoint import DisjointSets

__all__ = [
    "NAME_PARTICLES",
    "TRANSLIT_LETTERS",
    "NameMention",
    "cluster_names",
    "join_aliases",
    "normalize",
    "skeleton",
    "translit_key",
    "translit_keys",
]

#: Lower-case words that join the parts of a name (de, von, ben, al...).
NAME_PARTICLES = _PARTICLES = frozenset(
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


# letters that do not decompose into a base letter and an accent
_LETTERS = str.maketrans(
    {
        "đ": "dj",
        "Đ": "Dj",
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ð": "d",
        "þ": "th",
    }
)


def normalize(name: str) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces, single spaces.

    Example:
        >>> normalize("Jean-Marie  Le Pen")
        'jean marie le pen'
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    for ch in "-‐–’'.":
        stripped = stripped.replace(ch, " ")
    return " ".join(stripped.lower().split())


def _tokens(name: str) -> list[str]:
    return normalize(name).split()


# civilities as normalize() leaves them ("M." -> "m"): never initials of a given name
_CIVILITIES = frozenset({"m", "mm", "mme", "mmes", "mlle", "me", "dr", "pr", "mgr"})


def _core(tokens: list[str]) -> list[str]:
    """The tokens that identify a person: without particles or a leading civility."""
    while len(tokens) > 1 and tokens[0] in _CIVILITIES:
        tokens = tokens[1:]
    return [t for t in tokens if t not in _PARTICLES]


@attrs.frozen
class NameMention:
    """One name mention to cluster: its text, position, gender when known, and whether a
    title or role is written before it (``le pape François``, ``M. Moreau``)."""

    text: str
    start: int
    gender: str | None = None
    titled: bool = False


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
    if len(short) >= 2 and short[0] == full[0] and short[-1] == full[-1]:
        return True
    # the start of a longer name whose last words are second surnames, not a suffix:
    # "Francisco Javier Gómez" / "Francisco Javier Gómez Noya", "Idriss Déby" / "Idriss
    # Déby Itno" (but not "Donald Trump" / "Donald Trump Jr.")
    return (
        len(short) >= 2
        and full[: len(short)] == short
        and not any(w in _SUFFIX_WORDS or w in _ROMAN for w in full[len(short) :])
    )


def _skips_middle(short: list[str], full: list[str]) -> bool:
    """``short`` is ``full``'s first and last words without the words between them."""
    return (
        2 <= len(short) < len(full)
        and short[0] == full[0]
        and short[-1] == full[-1]
        and full[-len(short) :] != short
        and full[: len(short)] != short
    )


def cluster_names(mentions: Sequence[NameMention]) -> list[int]:
    """Assign each mention a cluster number; mentions of one person share it.

    Args:
        mentions: Name mentions in text order.

    Returns:
        For each mention, the index (in ``mentions``) of its cluster's representative:
        the first mention of its fullest form.

    Notes:
        Words are compared by their transliteration skeletons (``Zelensky`` and
        ``Zelenskiy`` are one name). A short form (a surname, initials, a given name and
        surname, the first words of a name with two surnames) joins the nearest earlier
        compatible full name, else the first later one; a first name alone, without a
        title, joins the one full name it starts, if only one does; two different full
        names never merge, even with one surname.
    """
    # skeletons, so that "Zelensky" and "Zelenskiy" in one article are one name
    toks = [[skeleton(t) for t in _core(_tokens(m.text))] for m in mentions]
    # fullest first, and among forms of one length those with whole given names before
    # those with initials ("Vladimir Poutine" before "V. Poutine")
    order = sorted(
        range(len(mentions)),
        key=lambda i: (-len(toks[i]), sum(len(t) == 1 for t in toks[i]), mentions[i].start),
    )
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
        if not candidates and len(toks[i]) == 1 and not mentions[i].titled:
            # a first name alone, when exactly one full name starts with it and it is
            # nobody's surname ("Marine" after "Marine Le Pen"); not after a title, which
            # a first name takes alone for a pope or a king ("le pape François")
            starts = [r for r in full_forms if len(toks[r]) >= 2 and toks[r][0] == toks[i][0]]
            surname_of = any(toks[r][-1] == toks[i][0] for r in full_forms)
            if len(starts) == 1 and not surname_of:
                candidates = starts
        pool: list[int] = []
        if candidates:
            before = [r for r in candidates if _first_start(r, rep, mentions) <= mentions[i].start]
            # a name that skips the middle of a longer one takes it only when the longer
            # one was written first: "George Martin" before "George R. R. Martin" is
            # someone else
            pool = before or [r for r in candidates if not _skips_middle(toks[i], toks[r])]
        if pool:
            rep[i] = min(pool, key=lambda r: abs(_nearest(r, rep, mentions, mentions[i].start)))
        else:
            rep[i] = i
            full_forms.append(i)
    return [rep[i] for i in range(len(mentions))]


def join_aliases(
    mentions: Sequence[NameMention], clusters: Sequence[int], links: Iterable[tuple[int, int]]
) -> list[int]:
    """Merge the clusters of :func:`cluster_names` that ``links`` say are one person.

    Args:
        mentions: The name mentions given to :func:`cluster_names`.
        clusters: Its result.
        links: Pairs of mention indices that are two names of one person (an alias
            phrase of the text, the alias table: :mod:`quotekit.aliases`).

    Returns:
        For each mention, the representative of its merged cluster: that of the cluster
        with most mentions among those merged (the first mentioned, on a tie), so that a
        person is named as the article names them most.

    Notes:
        A linked mention that is a short form of another name ("Martin" in "Sophie
        Durand, née Martin", which spelling alone gives to a "Paul Martin" of the
        article) goes alone to the person it is linked to, without that other cluster.
    """
    links = list(links)
    if not links:
        return list(clusters)
    toks = [[skeleton(t) for t in _core(_tokens(m.text))] for m in mentions]
    linked = {i for pair in links for i in pair}
    detached = {i for i in linked if toks[i] != toks[clusters[i]]}
    sets = DisjointSets(len(mentions))
    for i, r in enumerate(clusters):
        if i not in detached:
            sets.union(i, r)
    for a, b in links:
        sets.union(a, b)
    # each merged group, by the clusters it joins (a detached mention is one of its own)
    groups: dict[int, dict[int, list[int]]] = {}
    for i in range(len(mentions)):
        own = i if i in detached else clusters[i]
        groups.setdefault(sets.find(i), {}).setdefault(own, []).append(i)
    out = list(clusters)
    for parts in groups.values():
        main = min(parts, key=lambda c: (-len(parts[c]), min(mentions[i].start for i in parts[c])))
        for members in parts.values():
            for i in members:
                out[i] = main
    return out


def _first_start(r: int, rep: dict[int, int], mentions: Sequence[NameMention]) -> int:
    return min(mentions[i].start for i, x in rep.items() if x == r)


def _nearest(r: int, rep: dict[int, int], mentions: Sequence[NameMention], at: int) -> int:
    """Distance from ``at`` back to the nearest mention of cluster ``r`` (before wins)."""
    starts = [mentions[i].start for i, x in rep.items() if x == r]
    before = [at - s for s in starts if s <= at]
    if before:
        return min(before)
    return 10**9 + min(s - at for s in starts)


# --- Spelling-independent keys ---------------------------------------------------------
#
# A word is reduced to a *skeleton* that forgets what transliteration changes (y/i/j,
# ou/u, ch/sh/sch/kh, doubled letters, -iy/-yy/-i endings, w/v, z/s, q/c/k, ph/f, silent
# h). Used here within a document and by ``canonical`` across documents.

_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("x", "ks"),
    ("dsch", "j"),
    ("tsch", "x"),
    ("sch", "x"),
    ("tch", "x"),
    ("ch", "x"),
    ("sh", "x"),
    ("kh", "x"),
    ("zh", "j"),
    ("dj", "j"),
    ("gue", "ge"),
    ("gui", "gi"),
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
    # a leading h stays: initials are compared with it ("H." / "Hussein")
    out = word[1:] if word.startswith("h") and len(word) > 1 else word
    for old, new in _SKELETON_RULES:
        out = out.replace(old, new)
    # a leading y/i/j before a vowel (all "i" by now) is written or not:
    # Ioulia / Yulia / Julia, Ievgueni / Yevgeny / Evgueni
    if len(out) >= 5 and out[0] == "i" and out[1] in "aeiou":
        out = out[1:]
    if word.startswith("h") and len(word) > 1:
        out = "h" + out
    collapsed: list[str] = []
    for ch in out:
        if not collapsed or collapsed[-1] != ch:
            collapsed.append(ch)
    return "".join(collapsed) or word


# suffixes after a name, as cluster_names compares words (skeletons): Jr., Sr., fils, père
_SUFFIX_WORDS = frozenset(skeleton(w) for w in ("jr", "junior", "sr", "senior", "fils", "pere"))


# --- A looser key across Latin-script conventions ----------------------------------------
#
# Where the skeleton keeps what one convention writes apart, the *transliteration key*
# folds the conventions of the languages the press of Europe writes Slavic, Balkan and
# Arabic names in: every sibilant and affricate is one letter (French ch, English sh,
# German sch, Polish sz and cz, Czech š and č once their accents are gone, Hungarian s,
# cs and zs, Dutch sj and tsj, ts, tz, dz, Serbian dj; j is a vowel, as in Slavic spellings); k, q,
# a hard c, g, h and kh are one (Ukrainian h is Russian g: Shmyhal / Chmygal; Hungarian h
# is kh); w, f, v are one; Hungarian gy is d; vowels fold to a, i (e, i, y, j) and u (o,
# u, ou, Dutch oe), and ov before a consonant to u (Belarusian ou: Tsikhanouskaya);
# Baltic endings (-as, -is, -us, -s), the Russian -ov/-ev with its feminine and Czech
# forms (-ova, -owa, -ová, -ovová) and final vowels are dropped. Two surnames with one key
# are read as one in ``canonical`` (the given names must still agree there).

_KEY_ENDINGS = ("ovova", "evova", "ova", "owa", "eva", "ewa", "ov", "ow", "ev", "ew", "off", "eff")
_BALTIC_ENDINGS = ("as", "is", "us", "ys", "s")
_KEY_RULES: tuple[tuple[str, str], ...] = (
    ("shch", "S"),
    ("szcz", "S"),
    ("tsch", "S"),
    ("dsch", "S"),
    ("dzh", "S"),
    ("dzs", "S"),
    ("sch", "S"),
    ("tch", "S"),
    ("sh", "S"),
    ("ch", "S"),
    ("zh", "S"),
    ("cz", "S"),
    ("sz", "S"),
    ("zs", "S"),
    ("cs", "S"),
    ("tsj", "S"),
    ("sj", "S"),
    ("ts", "S"),
    ("tz", "S"),
    ("dz", "S"),
    ("kh", "K"),
    ("gue", "ge"),
    ("gui", "gi"),
    ("ph", "v"),
    ("th", "t"),
    ("dh", "d"),
    ("x", "KS"),
    ("ou", "u"),
    ("oe", "u"),
)
_KEY_LETTERS = str.maketrans(
    {
        "s": "S",
        "z": "S",
        "k": "K",
        "q": "K",
        "g": "K",
        "h": "K",
        "w": "v",
        "f": "v",
        "e": "i",
        "y": "i",
        "j": "i",
        "o": "u",
    }
)


#: letters whose accent is a sound of its own, spelled out before the accents go: Czech,
#: Slovak, Polish, Baltic, Romanian, Turkish, Albanian (š = sh, č = ch, ž = zh, ň = ny)
TRANSLIT_LETTERS = str.maketrans(
    {
        "š": "sh",
        "Š": "Sh",
        "ś": "sh",
        "Ś": "Sh",
        "ş": "sh",
        "Ş": "Sh",
        "ș": "sh",
        "Ș": "Sh",
        "č": "ch",
        "Č": "Ch",
        "ć": "ch",
        "Ć": "Ch",
        "ç": "ch",
        "Ç": "Ch",
        "ž": "zh",
        "Ž": "Zh",
        "ż": "zh",
        "Ż": "Zh",
        "ź": "zh",
        "Ź": "Zh",
        "ț": "ts",
        "Ț": "Ts",
        "ř": "rzh",
        "Ř": "Rzh",
        "ň": "ny",
        "Ň": "Ny",
    }
)


def translit_key(word: str) -> str:
    """A key of one normalised word that forgets Latin-script transliteration conventions
    (the first of :func:`translit_keys`).

    Example:
        >>> translit_key("lawrow") == translit_key("lavrovs") == translit_key("lavrov")
        True
        >>> translit_key("shmyhal") == translit_key("chmygal") == translit_key("szmyhal")
        True
    """
    return translit_keys(word)[0]


def translit_keys(word: str) -> tuple[str, ...]:
    """The transliteration keys of one normalised word (see above): one key, or two when
    the word has a ch that French reads sh and German, Polish or Czech read kh
    (``Zacharowa``: ``Zakharova`` and a ``Zasharova``).

    Normalise with :data:`TRANSLIT_LETTERS` applied first, so that Czech ``š`` is ``sh``.
    """
    # Hungarian gy before a vowel is a d (Medvegyev); a Serbian đ (dj) is one sound
    w = re.sub(r"gy(?=[aeiou])", "d", word).replace("dj", "S")
    w = _strip_baltic(w)
    for end in _KEY_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            # and a Baltic ending under a Czech one: Harrisová is Harris, and Harris "Harri"
            w = _strip_baltic(w[: -len(end)])
            break
    # French ou before a vowel is a w (Sinouar, Zaouahiri); Belarusian ou (ў) before a
    # consonant is the Russian ov (Tsikhanouskaya, Tikhanovskaya)
    w = re.sub(r"ou(?=[aeiy])", "v", w)
    w = re.sub(r"o[vwu](?=[bcdfgklmnpqrstvwxz])", "u", w)
    keys = [_fold(w)]
    if re.search(r"(?<![stc])ch", w):
        alternative = _fold(re.sub(r"(?<![stc])ch", "K", w))
        if alternative != keys[0]:
            keys.append(alternative)
    return tuple(keys)


def _strip_baltic(w: str) -> str:
    if len(w) >= 6:
        for end in _BALTIC_ENDINGS:
            if w.endswith(end) and len(w) - len(end) >= 4:
                return w[: -len(end)]
    return w


def _fold(w: str) -> str:
    for old, new in _KEY_RULES:
        w = w.replace(old, new)
    # c is ts before e, i, y, at the end (Vucic for Vučić) and in -cki (Polish), else k
    w = re.sub(r"c(?=[eiy]|$|ki?$)", "S", w).replace("c", "K")
    w = w.translate(_KEY_LETTERS)
    # a y, i or j before a vowel at the start is written or not (Ianoukovitch, Janukowytsch)
    if len(w) > 2 and w[0] == "i" and w[1] in "aiu":
        w = w[1:]
    collapsed: list[str] = []
    for ch in w:
        if not collapsed or collapsed[-1] != ch:
            collapsed.append(ch)
    out = "".join(collapsed)
    return out.rstrip("aiu") or out
