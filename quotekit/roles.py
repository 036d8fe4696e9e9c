"""The person each role phrase describes.

Role phrases (:mod:`quotekit.role_phrases`) are linked to the person by the construction
that attaches them: before the name, in apposition, as a predicate of
être/devenir/rester/nommer, detached at the start of a sentence, coordinated with a
linked role, before the name it introduces a few words on (``la championne en titre,
l'Américaine X``, ``le vainqueur est X``) or at the end of its noun phrase (``le
champion du monde en titre de la spécialité X``), or as a role mention standing for a
person named elsewhere (``le chef du gouvernement a déclaré``).
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from quotekit._resources import french
from quotekit._text import doc_sentences
from quotekit.recognition import PersonMention
from quotekit.role_compat import (
    _has_complement,
    _nationalities,
    _other_function,
    _other_nationality,
    _periphrasis_targets,
    _stands_for,
    _subject_of_its_verb,
)
from quotekit.role_phrases import (
    _NAMED,
    _OPENERS,
    _ROLE_DETS,
    _ROLE_PRE,
    _find_role_phrases,
    _named_after,
    _named_after_complements,
    _pre,
)
from quotekit.titles import _capitalised, _plural

_DEFINITE = frozenset({"le", "la", "l'", "l’"})


_COPULAS = frozenset(
    {
        "être",
        "devenir",
        "redevenir",
        "rester",
        "demeurer",
        "nommer",
        "élire",
        "réélire",
        "désigner",
        "sembler",
        "paraître",
        "fut",
        "est",
        "était",
        "sera",
        "devient",
        "reste",
        "nommé",
        "nommée",
        "élu",
        "élue",
        "réélu",
        "réélue",
        "désigné",
        "désignée",
    }
)


_PREDICATE_ADVS = frozenset(
    {
        "aussi",
        "ensuite",
        "alors",
        "toujours",
        "déjà",
        "désormais",
        "notamment",
        "également",
        "encore",
        "aujourd'hui",
        "actuellement",
        "longtemps",
        "devenu",
        "devenue",
        "puis",
        "à",
        "la",
        "fois",
        "en",
        "enfin",
        "bien",
        "d'abord",
        "tour",
    }
)


#: Adverbs of time between a name's comma and its role: "X, alors ministre du budget,".
_APPOSITION_ADVS = frozenset(
    {"alors", "jusqu'", "jusqu’", "désormais", "aujourd'hui", "aujourd’hui", "actuellement"}
    | {"naguère"}
)


_LINK_WORDS = frozenset({",", "et", "puis", "ou", "mais", "aussi", "ensuite", "enfin"})


_SUBJECT_PRONOUNS = {"il": "m", "elle": "f"}


def _one_of(doc: Doc, start: int) -> int | None:
    """The first token of ``l'un des`` / ``une des`` right before a role phrase starting
    at ``start``, or None."""
    j = start - 1
    if j < 1 or doc[j].lower_ != "des" or doc[j - 1].lower_ not in ("un", "une"):
        return None
    return j - 2 if j >= 2 and doc[j - 2].lower_ in ("l'", "l’") else j - 1


def _skip_back(doc: Doc, i: int, lo: int, words: frozenset[str]) -> int:
    """The index of the first token before ``i`` (down to ``lo``) not in ``words``."""
    while i >= lo and doc[i].lower_ in words:
        i -= 1
    return i


#: Adverbs that make a role noun an adjective or deny it: "très résistante", "pas ministre".
_NOT_SKIPPED = frozenset(
    {"très", "trop", "si", "assez", "peu", "moins", "tellement", "pas", "jamais", "guère"}
    | {"point", "non", "ne", "n'", "n’", "plus"}
)


def _skip_modifiers(doc: Doc, i: int, lo: int, words: frozenset[str], *, bare: bool) -> int:
    """Like :func:`_skip_back`, also over adverbs (``également``, ``néanmoins``, ``par
    ailleurs``) and, before a role with no article (``bare``), over its own adjectives and
    ordinals (``X, également quintuple vainqueur``, ``X récente vainqueur``, ``est 19 e
    sabreuse``): what stands between a name or a copula and the role it attaches."""
    first = i
    while i >= lo:
        tok = doc[i]
        low = tok.lower_
        if bare and low in ("e", "er", "ère", "ème") and i > lo and doc[i - 1].like_num:
            i -= 2  # "19 e"
            continue
        skipped = (
            low in words
            or (tok.pos_ == "ADV" and low not in _NOT_SKIPPED)
            or (bare and ((tok.pos_ == "ADJ" and tok.is_lower) or tok.like_num))
            # "par ailleurs", "de nouveau", "en 1984"
            or (
                tok.pos_ == "ADP"
                and i < first
                and (doc[i + 1].pos_ in ("ADV", "ADJ") or doc[i + 1].like_num)
            )
        )
        if not skipped:
            break
        i -= 1
    return i


def _is_subject(doc: Doc, mention: PersonMention) -> bool:
    """The mention is the subject of its clause, itself or as the name of a role noun
    that is (``Le porte-parole X a dit``, parsed with X in apposition to the noun)."""
    tok = doc[mention.start : mention.end].root
    for _ in range(3):
        if tok.dep_.startswith("nsubj"):
            return True
        if tok.dep_ not in ("appos", "flat:name", "flat", "nmod") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _names_after_dont(doc: Doc, end: int, mentions: list[PersonMention]) -> list[int]:
    """The mentions listed after ``dont`` at token ``end`` (``, dont X, Y et Z``), by
    index."""
    j = end + 1 if end < len(doc) and doc[end].text == "," else end
    if j >= len(doc) or doc[j].lower_ != "dont":
        return []
    by_start = {m.start: k for k, m in enumerate(mentions)}
    found: list[int] = []
    j += 1
    while j in by_start:
        k = by_start[j]
        found.append(k)
        j = mentions[k].end
        if j < len(doc) and doc[j].text == ",":
            j += 1
        if j < len(doc) and doc[j].lower_ == "et":
            j += 1
    return found


#: Modifiers that make another function of the noun: "Premier ministre", "grand rabbin".
_PART_OF_FUNCTION = frozenset({"premier", "première", "grand", "grande", "haut", "haute"})


def _role_words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """The lower-case words of a role phrase, without the modifiers before its noun
    (``ancien``, ``actuel``)."""
    i = start
    while i < end - 1 and _pre(doc[i].lower_) and doc[i].lower_ not in _PART_OF_FUNCTION:
        i += 1
    return tuple(t.lower_.replace("’", "'") for t in doc[i:end])


def _link_roles(
    doc: Doc, mentions: list[PersonMention], how: dict[tuple[int, int], str] | None = None
) -> dict[int, list[tuple[int, int]]]:
    """Role phrases linked to the mention of the person they describe; when ``how`` is
    given, the construction that linked each phrase is written to it, by the phrase's
    token range (for ``benchmarks/role_links.py``).

    Notes:
        French attaches a role to a person in a few fixed ways: before the name, in
        apposition after it (with or without an article), as the predicate of être,
        devenir, rester or nommer whose subject is the person, a relative pronoun or a
        personal pronoun, in a detached phrase opening the sentence (``Ancien
        ministre, il ...``), coordinated with a role already linked (``, puis
        ministre de ...``), before the name it introduces a few words on or at the
        end of its noun phrase (over complements the phrase left out), and only
        then as a definite role mention standing for a person named before (``le chef
        de l'État``); in the headline or before the first name, where nobody is
        named before, for the first person the body gives that role.
    """
    names = {i for m in mentions for i in range(m.start, m.end)}
    by_end = {m.end: k for k, m in enumerate(mentions)}
    by_start = {m.start: k for k, m in enumerate(mentions)}
    genders = [m.gender for m in mentions]
    linked: dict[int, list[tuple[int, int]]] = defaultdict(list)
    phrase_person: dict[int, int] = {}  # phrase end -> mention index
    heads: dict[int, list[str]] = defaultdict(list)
    guessed: set[tuple[int, str]] = set()  # (person, role noun) linked by the fallback
    role_words: dict[int, list[tuple[str, ...]]] = defaultdict(list)  # for periphrases
    for k, m in enumerate(mentions):
        for a, b in m.roles:
            heads[k] += [t.lemma_.lower() for t in doc[a:b]] + [t.lower_ for t in doc[a:b]]
            role_words[k].append(_role_words(doc, a, b))

    def same_surname(k: int, j: int) -> bool:
        return doc[mentions[k].end - 1].lower_ == doc[mentions[j].end - 1].lower_

    def compatible(k: int, gender: str | None) -> bool:
        return gender is None or genders[k] in (None, gender)

    # the person the article is about: the surname written most often
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        counts[doc[m.end - 1].lower_] += 1
    topic = None
    if counts:
        top = max(counts.values())
        topic = next(
            (k for k, m in enumerate(mentions) if counts[doc[m.end - 1].lower_] == top and top > 1),
            None,
        )

    def before(i: int, gender: str | None, nationality: frozenset[str] = frozenset()) -> int | None:
        best = None
        for k, m in enumerate(mentions):
            if m.end <= i and k not in complements and compatible(k, gender):
                if nationality and _other_nationality(role_words[k], nationality):
                    continue  # "la judokate française" is not the Slovenian named last
                best = k
        return best

    # a name after a preposition is a complement ("la femme de X"), except the agent
    # of a passive ("les propos lancés par X"), who acts
    complements = {
        k
        for k, m in enumerate(mentions)
        if m.start > 0 and doc[m.start - 1].pos_ == "ADP" and doc[m.start - 1].lower_ != "par"
    }
    subjects = [k for k, m in enumerate(mentions) if k not in complements and _is_subject(doc, m)]

    def pronoun_person(p: int) -> int | None:
        gender = _SUBJECT_PRONOUNS[doc[p].lower_]
        found = [k for k in subjects if mentions[k].end <= p and compatible(k, gender)]
        if found:
            return found[-1]
        if topic is not None and mentions[topic].end <= p and compatible(topic, gender):
            return topic
        return before(p, gender)

    def subject_before(i: int) -> int | None:
        """The person who is the subject of the clause ending at ``i``."""
        if i < 0:
            return None
        lo, _ = _sentence_bounds(doc, i)
        j = i
        while j >= lo:
            if j + 1 in by_end and by_end[j + 1] not in complements:
                return by_end[j + 1]
            low = doc[j].lower_
            if low in _SUBJECT_PRONOUNS:
                return pronoun_person(j)
            if low == "qui":
                k = _skip_back(doc, j - 1, lo, frozenset({","}))
                return by_end.get(k + 1)
            if (
                doc[j].pos_ == "VERB"
                and "Fin" in doc[j].morph.get("VerbForm", [])
                and j < i - 1
                and doc[j].lower_ not in _COPULAS
            ):
                return None
            j -= 1
        return None

    def role_gender(start: int) -> str | None:
        if start > 0 and doc[start - 1].lower_ in ("la", "une", "sa", "cette"):
            return "f"
        if start > 0 and doc[start - 1].lower_ in ("le", "un", "son", "ce"):
            return "m"
        return None

    data = french()
    sentence_of: dict[int, tuple[int, int]] = {}
    for bounds in doc_sentences(doc):
        for i in range(*bounds):
            sentence_of[i] = bounds

    def _sentence_bounds(_doc: Doc, i: int) -> tuple[int, int]:
        return sentence_of[i]

    phrases = _find_role_phrases(doc, names)
    phrase_starts = {start for start, _, _ in phrases}
    # the title line, when the text has one: its role mentions come before the names the
    # body gives
    title_end = next((t.i for t in doc if "\n" in t.text), 0)
    # below a title, what comes before the first name is the lead that tells the
    # headline's story: its role mentions, like the headline's, stand for someone named
    # below ("Corse : un maire se tue" / "Un maire d'un petit village s'est tué")
    headline_end = max(title_end, min((m.start for m in mentions), default=0)) if title_end else 0
    headline: list[tuple[int, int, int]] = []
    # roles that introduce the name right after them: "le ministre X", "un homme nommé X"
    direct: dict[int, int] = {}
    for start, end, _ in phrases:
        if end in by_start:
            direct[start] = by_start[end]
        elif end + 1 in by_start and doc[end].lower_ in _NAMED:
            direct[start] = by_start[end + 1]
    for n, (start, end, head) in enumerate(phrases):
        construction = ""
        lo, hi = _sentence_bounds(doc, start)
        one_of = _one_of(doc, start)  # "l'un des conseillers": one person's role
        if _plural(doc[head]) and one_of is None:
            # a plural role shared by the names after "dont": "plusieurs ministres,
            # dont X et Y"; it is no role of one person otherwise
            for k in _names_after_dont(doc, end, mentions):
                linked[k].append((start, end))
                if how is not None:
                    how[start, end] = "plural, before the names after dont"
            continue
        if one_of is not None:
            det = one_of
        else:
            det = start - 1 if start > 0 and doc[start - 1].lower_ in _ROLE_DETS else start
        target: int | None = None
        # before the name: "le porte-parole X", "la ministre, X,"
        if start in direct:
            target = direct[start]
            construction = "before the name"
        elif n + 1 < len(phrases) and phrases[n + 1][0] in direct:
            # "L'assaillant, un homme nommé X": a role in apposition to a role
            gap = [t.lower_ for t in doc[end : phrases[n + 1][0]]]
            if gap and gap[0] == "," and all(w == "," or w in _ROLE_DETS for w in gap):
                target = direct[phrases[n + 1][0]]
                construction = "apposed to a role before the name"
        if (
            target is None
            and end < len(doc)
            and doc[end].text == ","
            and end + 1 in by_start
            # "du porte-parole de la mairie, X": du and au are articles too
            and (det < start or (start > 0 and doc[start - 1].lower_ in ("du", "au")))
        ):
            target = by_start[end + 1]
            construction = "before the name and a comma"
        # after the name: "X, porte-parole", "X, le maire de", "X spécialiste de"
        if target is None and det > lo:
            # "X, alors ministre", "X, également quintuple vainqueur"
            k = _skip_modifiers(doc, det - 1, lo + 1, _APPOSITION_ADVS, bare=det == start)
            if doc[k].text == ",":
                k -= 1
                # ", 73 ans," between the name and its role
                if (
                    k >= 1
                    and doc[k].lower_ == "ans"
                    and doc[k - 1].like_num
                    and doc[k - 2].text == ","
                ):
                    k -= 3
                if k + 1 in by_end:
                    target = by_end[k + 1]
                    construction = "after the name and a comma"
                elif k + 1 in phrase_person:
                    target = phrase_person[k + 1]
                    construction = "after a linked role and a comma"
            elif k + 1 in by_end and det == start:
                target = by_end[k + 1]
                construction = "after the name"
        # coordinated with a linked role: "sénateur et ministre", ", puis ministre"
        if target is None and det - 1 >= lo and doc[det - 1].lower_ in _LINK_WORDS:
            k = det - 1
            steps = 0
            while k >= lo and steps < 8 and k + 1 not in phrase_person:
                tok = doc[k]
                if tok.text == ")":
                    k = next((q for q in range(k, lo - 1, -1) if doc[q].text == "("), lo) - 1
                    continue
                if (
                    tok.pos_ == "AUX"
                    or "Fin" in tok.morph.get("VerbForm", [])
                    or tok.lower_ == "qui"
                ):
                    break
                k -= 1
                steps += 1
            if k + 1 in phrase_person and k < det - 1:
                target = phrase_person[k + 1]
                construction = "coordinated with a linked role"
        generic = doc[head].lower_ in data.generic_person_nouns
        # predicate: "X est le candidat", "il fut ministre", "nommé en 1984 secrétaire"
        if target is None and not (generic and det == start):
            k = _skip_modifiers(doc, det - 1, lo, _PREDICATE_ADVS, bare=det == start)
            while k >= lo and doc[k].like_num and k - 1 >= lo and doc[k - 1].lower_ == "en":
                k = _skip_back(doc, k - 2, lo, _PREDICATE_ADVS)
            if k >= lo and (doc[k].lower_ in _COPULAS or doc[k].lemma_ in _COPULAS):
                target = subject_before(k - 1)
                construction = "predicate"
        # detached at the start of the sentence: "Ancien ministre, il ..."
        if (
            target is None
            and not generic
            and start <= lo + 2
            and all(
                t.pos_ in ("ADV", "ADP", "DET") or t.lower_ in _ROLE_PRE | _OPENERS
                for t in doc[lo:start]
            )
        ):
            set_off = False  # by a comma: "Le ministre et son conseiller X" is not detached
            for j in range(end, hi):
                set_off = set_off or doc[j].text == ","
                if "Fin" in doc[j].morph.get("VerbForm", []):
                    break
                if not set_off:
                    continue
                if j in by_start:
                    target = by_start[j]
                    construction = "detached, then the name"
                    break
                if doc[j].lower_ in _SUBJECT_PRONOUNS:
                    target = pronoun_person(j)
                    construction = "detached, then a pronoun"
                    break
        # the person named right after it: "la championne en titre, l'Américaine X",
        # "le vainqueur de l'étape est X"
        if target is None:
            target = _named_after(doc, end, hi, by_start)
            construction = "before the name a few words on"
        if target is None:
            target = _named_after_complements(
                doc, end, hi, by_start, phrase_starts, det=det < start
            )
            construction = "before the name, over its complements"
        # a role mention for a person named before: "le chef de l'État a ..."
        any_person = (
            doc[head].lower_ in data.generic_person_nouns
            or doc[head].lemma_.lower() in data.generic_person_nouns
        )
        if (
            target is None
            and det < start
            and one_of is None  # "l'un des ministres" is someone not named yet
            and (
                doc[det].lower_ in _DEFINITE
                # "Isère : un maire se blesse": the headline's person, named below
                or (start < headline_end and doc[det].lower_ in ("un", "une"))
            )
            # a noun for any person ("homme", "frère") stands for one named before only
            # with a modifier or complement: "la jeune femme de 22 ans", "le mari de X"
            and (
                not any_person
                or (end - start > 1 and doc[head].pos_ != "ADJ" and doc[det].lower_ in _DEFINITE)
            )
        ):
            if (
                end < len(doc)
                and doc[end].text == ","
                and end + 1 < len(doc)
                and _capitalised(doc[end + 1])
            ):
                continue  # a name the NER missed follows
            lemma = doc[head].lemma_.lower()
            targets = _periphrasis_targets(_role_words(doc, start, end))
            same = [
                k
                for k, hs in heads.items()
                if mentions[k].end <= start
                and (lemma in hs or doc[head].lower_ in hs or _stands_for(targets, role_words[k]))
            ]
            # the gender the article or the noun shows: "la championne" is no man's role
            gender = role_gender(start) or data.gender_of(doc[head].text)
            same = [k for k in same if compatible(k, gender)]
            # "le champion de France" is not the one called "champion du monde"
            mention_words = _role_words(doc, start, end)
            same = [
                k
                for k in same
                if not _other_function(mention_words, {lemma, doc[head].lower_}, role_words[k])
            ]
            if doc[det].lower_ in ("un", "une"):
                headline.append((start, end, head))  # someone the body names later
                continue
            if same:
                target = same[-1]
                construction = "an earlier holder of its noun"
            elif lemma in data.event_person_nouns or doc[head].lower_ in data.event_person_nouns:
                continue  # "le suspect" is no one named yet
            else:
                # no one given that role yet: the nearest person named before, of the
                # role's gender (the last subject was tried: it chose worse on open data)
                target = before(start, gender, _nationalities(_role_words(doc, start, end)))
                subject = _subject_of_its_verb(doc, head, mentions, _COPULAS, _SUBJECT_PRONOUNS)
                if subject is not None and subject < 0:
                    subject = pronoun_person(-1 - subject)
                if target is not None and subject is not None and same_surname(target, subject):
                    # "X aurait abordé le jeune homme": not X, and no one named yet
                    target = None
                construction = "the nearest person before"
                if target is not None and heads[target] and _has_complement(doc, start, end):
                    # "le directeur de l'hôpital" after "X, le patient": a function of its
                    # own, and X already has another
                    target = None
                if target is None and start < headline_end and not any_person:
                    headline.append((start, end, head))
        if target is None:
            continue
        linked[target].append((start, end))
        if how is not None:
            how[start, end] = construction
        phrase_person[end] = target
        heads[target].append(doc[head].lemma_.lower())
        role_words[target].append(_role_words(doc, start, end))
        if construction == "the nearest person before":
            guessed.add((target, doc[head].lemma_.lower()))
    # "Belgique : la ministre démissionne": a headline's role
    # mention stands for the first person the article gives that role
    for start, end, head in headline:
        words = {doc[head].lemma_.lower(), doc[head].lower_}
        # below the title, a role the nearest-person guess gave is no evidence of it
        holders = [
            k
            for k in sorted(heads)
            if words & {h for h in heads[k] if start < title_end or (k, h) not in guessed}
        ]
        if holders:
            linked[holders[0]].append((start, end))
            if how is not None:
                how[start, end] = "the headline's role, given in the body"
    return linked
