"""Reporting verbs and cues: which words report speech, and the span of the cue.

A cue is the reporting expression of a quote (``a déclaré``, ``a-t-il ajouté``, ``selon``).
The verbs are lemmas of ``resources/fr/reporting_verbs.txt``, recognised in any inflected
form, also where the tagger misreads a participle; a verb that is negated, hypothetical,
the journalist's own (first person) or impersonal reports no speech (``_gate`` says which).
:mod:`quotekit.quotes` builds quote candidates on these cues.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from quotekit._resources import french
from quotekit._text import doc_text
from quotekit.model import Span

__all__ = [
    "MODALS",
    "NEGATION",
    "SELON",
    "cue_span",
    "first_group_lemmas",
    "gated_lemma",
    "is_aside",
    "is_finite",
    "is_reporting_verb",
    "is_selon",
    "reporting_lemma",
]

#: ``selon`` and ``d'après`` as one token: "according to", a cue with no verb.
SELON = frozenset({"selon", "d'après", "d’après"})

#: The second word of a negation (``ne … pas``); the flags stage reads the same words.
NEGATION = frozenset({"pas", "jamais", "plus", "guère", "point", "nullement", "aucunement", "rien"})


#: Verbs that make the speech they govern hypothetical (``pourrait annoncer``).
MODALS = frozenset({"pouvoir", "devoir", "falloir", "aller"})


#: Endings of first-group verb forms (present, imperfect, participles), longest first.
_ER_ENDINGS = ("aient", "ées", "ait", "ant", "ent", "ée", "és", "es", "é", "e")


def reporting_lemma(token: Token) -> str | None:
    """The reporting-verb lemma of ``token``, or None when it is not a reporting verb.

    Notes:
        spaCy's French lemmatiser leaves some present forms as they are (``estime``,
        ``réclame``, ``indique`` keep their own form as lemma), so when the lemma is
        not a listed verb, the first-group lemma rebuilt from the ending (``estime`` ->
        ``estimer``) is tried too. Only verbs and auxiliaries qualify, and a participle
        the tagger read as an adjective right after ``avoir`` (``a-t-il martelé``).
    """
    if token.pos_ not in ("VERB", "AUX") and not _participle_after_avoir(token):
        return None
    verbs = french().reporting_verbs
    lemma = token.lemma_.lower()
    if lemma in verbs:
        return lemma
    if lemma in _light_verbs():
        word = light_verb_word(token)
        return None if word is None else f"{lemma} {word.lower_}"
    return _guessed_lemma(token, verbs)


def _guessed_lemma(token: Token, verbs: frozenset[str]) -> str | None:
    """The first-group lemma rebuilt from ``token``'s ending that ``verbs`` lists, if any
    (the lemmatiser leaves ``estime`` as it is)."""
    for guess in first_group_lemmas(token.lower_):
        if guess in verbs:
            return guess
    return None


@functools.cache
def _light_verbs() -> frozenset[str]:
    """The verbs that report speech only with the word after them (``faire`` of ``faire
    état``): the first words of the verb list's expressions."""
    return frozenset(v.split()[0] for v in french().reporting_verbs if " " in v)


def light_verb_word(token: Token) -> Token | None:
    """The word that makes a verb like ``faire`` an expression of the verb list:
    ``savoir`` of ``a fait savoir que``, ``état`` of ``fait état de``, ``part`` of ``a fait
    part de`` (an object without an article, or an infinitive, right after the verb or
    after an adverb)."""
    if token.lemma_.lower() not in _light_verbs():
        return None
    verbs = french().reporting_verbs
    doc = token.doc
    for child in token.children:
        if (
            child.i > token.i
            and child.dep_ in ("obj", "xcomp")
            and all(t.pos_ == "ADV" for t in doc[token.i + 1 : child.i])
            and not any(c.dep_ == "det" for c in child.children)
            and f"{token.lemma_.lower()} {child.lower_}" in verbs
        ):
            return child
    return None


def _participle_after_avoir(token: Token) -> bool:
    """An adjective that is a past participle of a compound tense: ``a martelé``,
    ``a-t-il martelé`` (``avoir`` never takes an adjective)."""
    if token.pos_ != "ADJ":
        return False
    j = token.i - 1
    while j >= 0 and token.doc[j].text.startswith("-") and token.doc[j].pos_ == "PRON":
        j -= 1  # the inverted subject of "a-t-il"
    return j >= 0 and token.doc[j].lemma_ == "avoir"


def first_group_lemmas(form: str) -> Iterator[str]:
    """The ``-er`` infinitives that a lower-case form can belong to, by its ending
    (``estiment`` -> ``estimer``)."""
    for ending in _ER_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            yield form[: -len(ending)] + "er"


def is_selon(token: Token) -> bool:
    """``selon``, or ``d'après`` as one token or as ``d'`` followed by ``après``."""
    low = token.lower_
    if low in SELON:
        return True
    doc = token.doc
    return low in ("d'", "d’") and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "après"


def gated_lemma(token: Token) -> str | None:
    """The lemma of ``token`` when it is a verb of the list's ``gated`` entries (a verb
    that reports speech only with a secure speaker, :mod:`quotekit.gated`), else None."""
    if token.pos_ != "VERB":
        return None
    verbs = french().gated_reporting_verbs
    lemma = token.lemma_.lower()
    if lemma in verbs:
        return lemma
    if lemma in french().reporting_verbs:
        return None
    return _guessed_lemma(token, verbs)


def is_reporting_verb(token: Token) -> bool:
    """Whether ``token`` is a verb whose lemma is a reporting verb."""
    return reporting_lemma(token) is not None


def _is_negated(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in NEGATION for c in verb.children) and any(
        c.lower_ in ("ne", "n'", "n’") for c in verb.children
    )


_FIRST_PERSON = frozenset({"je", "j'", "j’", "nous"})


def _is_authorial(verb: Token) -> bool:
    """The journalist's own voice: imperative or first person (``Rappelons que``).

    Notes:
        The tagger often misses the imperative of ``Rappelons``/``Notons`` (no subject,
        first word of the sentence, ``-ons`` ending) and sometimes marks a third
        person with a noun subject as first person (``La Corée parle``): the subject
        decides when there is one.
    """
    if "Imp" in verb.morph.get("Mood", []):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl:subj")]
    if subjects:
        return any(c.lower_ in _FIRST_PERSON for c in subjects)
    first = verb.sent.start
    while first < verb.i and (verb.doc[first].is_punct or verb.doc[first].is_space):
        first += 1
    if first == verb.i and verb.lower_.endswith(("ons", "ez")):
        return True
    return "1" in verb.morph.get("Person", [])


# the verbs whose impersonal use puts a verb of saying in the journalist's mouth:
# "il faut dire que", "il convient de rappeler que", "tout laisse à penser que"
_ASIDE_HEADS = ("fau", "fall", "conv", "laiss", "rest")


def is_aside(verb: Token) -> bool:
    """The journalist's aside, in an impersonal turn: ``À noter que``, ``Il faut dire
    que``, ``Tout laisse à penser que``, ``c'est-à-dire que``."""
    doc = verb.doc
    if doc_text(doc)[max(0, verb.idx - 6) : verb.idx].lower().replace("’", "'").endswith("est-à-"):
        return True  # "c'est-à-dire": a gloss
    if not _infinitive(verb):
        return False
    before = [t.lower_ for t in doc[verb.sent.start : verb.i] if not (t.is_punct or t.is_space)]
    if before in (["à"], ["a"]):
        return True  # "À noter que", first words of the sentence
    head = verb.head
    return (
        head.i < verb.i
        and head.lower_.startswith(_ASIDE_HEADS)
        and not any(c.dep_ == "nsubj" and c.lower_ not in ("tout", "rien") for c in head.children)
    )


_IMPERSONAL = frozenset({"cela", "ceci", "ça", "ce"})


def _is_impersonal(verb: Token) -> bool:
    """A thing, not a source, as subject: ``ce qui indique que``, ``cela montre que``."""
    for c in verb.children:
        if c.dep_ not in ("nsubj", "expl:subj"):
            continue
        if c.lower_ in _IMPERSONAL:
            return True
        if c.lower_ == "qui" and c.i > 0 and verb.doc[c.i - 1].lower_ == "ce":
            return True
    return False


def _is_hypothetical(verb: Token) -> bool:
    """Speech that did not happen: conditional (``dirait``), future (``annoncera``), or
    after a modal (``pourrait annoncer``)."""
    if "Cnd" in verb.morph.get("Mood", []) or "Fut" in verb.morph.get("Tense", []):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in MODALS and head.i < verb.i


def cue_span(doc: Doc, head: Token) -> Span:
    """The reporting expression around ``head``, as written.

    Auxiliaries, clitic subjects of an inverted incise (``a-t-il``), reflexive
    pronouns and adverbs between them are included: ``a aussi expliqué``,
    ``s'est félicité``, ``a-t-il ajouté``.
    """
    start = head.i
    j = head.i - 1
    while j >= 0:
        tok = doc[j]
        if tok.head.i == head.i and tok.dep_ in (
            "aux:tense",
            "aux:pass",
            "aux",
            "expl:comp",
            "expl:pv",
            "advmod",
            "nsubj",
            "expl:subj",
        ):
            if tok.dep_ in ("nsubj", "expl:subj") and not tok.text.startswith("-"):
                break
            if tok.dep_ == "advmod" and tok.lower_ in ("ne", "n'", "n’"):
                break
            start = j
            j -= 1
            continue
        if tok.text.startswith("-") and tok.pos_ == "PRON":  # -t -il
            start = j
            j -= 1
            if j >= 0 and doc[j].pos_ == "AUX" and not doc[j].text.startswith("-"):
                start = j  # "a-t-elle promis": the parser may hang "a" on the pronoun
                j -= 1
                break
            continue
        if tok.lower_ in ("en",) and head.morph.get("VerbForm", []) == ["Part"] and j == head.i - 1:
            start = j  # gérondif "en disant"
        break
    # keep "-t-il" that spaCy attaches after the auxiliary
    end = head.i + 1
    word = light_verb_word(head)
    if word is not None:
        end = word.i + 1  # "a fait savoir", "fait état"
    return _token_span(doc, start, end)


def is_finite(tok: Token) -> bool:
    """A finite verb, simple or compound (the mood is on the auxiliary of ``ont refusé``)."""
    return "Fin" in tok.morph.get("VerbForm", []) or any(
        c.dep_ in ("aux:tense", "aux:pass") and "Fin" in c.morph.get("VerbForm", [])
        for c in tok.children
    )


def _infinitive(tok: Token) -> bool:
    """An infinitive, simple or compound (``avoir reçu``, ``avoir été contrainte``)."""
    if "Inf" in tok.morph.get("VerbForm", []):
        return True
    return any(
        c.dep_ in ("aux:tense", "aux:pass", "cop")
        and c.i < tok.i
        and "Inf" in c.morph.get("VerbForm", [])
        and c.lower_ in ("avoir", "être")
        for c in tok.children
    )


def _gate(tok: Token) -> str | None:
    """Why the rules do not take a reporting verb's content as a quote, if they don't."""
    if any(c.dep_ == "aux:pass" for c in tok.children):
        return "passive"  # "seront proposées"; "a été confirmé par" is left for later
    if is_aside(tok):
        return "authorial"
    if _is_negated(tok):
        return "negated"
    if _is_hypothetical(tok):
        return "hypothetical"
    if _is_authorial(tok):
        return "authorial"
    if _is_impersonal(tok):
        return "impersonal"
    return None


def _token_span(doc: Doc, start: int, end: int) -> Span:
    """Tokens [start, end) as a Span, without building doc.text (spaCy joins every
    token for it)."""
    span = doc[start:end]
    return Span(span.start_char, span.end_char, span.text)
