"""The source of a cue in the parse: which token says the words a reporting verb reports.

The subject of the verb (inverted in an incise: ``», a déclaré M. Peskov``; before a
colon: ``Le ministre a déclaré :``), the agent of a passive (``a été confirmé par le
ministère``, also of a participle: ``un budget jugé « irréaliste » par les syndicats``), the
subject of the main clause for a participle (``…, affirmant que``),
and the noun phrase around a source token. :mod:`quotekit.attribution` turns the token
into a speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotekit._resources import french
from quotekit.cues import is_finite, light_verb_word, reporting_lemma
from quotekit.model import Span
from quotekit.verb_contents import reopens_speech

_SUBJECTS = ("nsubj", "nsubj:pass", "expl:subj")
_VERB_GROUP = ("aux:tense", "aux:pass", "advmod", "expl:comp", "expl:pv")
_RELATIVE = frozenset({"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle"})
_WEEKDAYS = frozenset(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])


def _cue_token(doc: Doc, cue: Span) -> Token | None:
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for tok in span:
        if tok.lower_ in ("selon", "après", "pour") and tok.pos_ == "ADP":
            return tok.head if tok.dep_ == "fixed" else tok
    # the head of the cue: the token the others depend on
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX", "NOUN")]
    if len(verbs) > 1:
        word = light_verb_word(verbs[-2])
        if word is not None and word.i == verbs[-1].i:
            return verbs[-2]  # "fait état", "a fait savoir": faire is the head
    return verbs[-1] if verbs else span[-1]


def _plausible_subject(subject: Token, verb: Token) -> bool:
    """Not a misparse: a verb given as subject, a subject from another sentence (the
    parser sometimes runs a sentence over a paragraph break), or a subject after a
    participle or an infinitive standing alone, which French never inverts (``jugeant
    que … la victoire``)."""
    if (
        subject.i > verb.i
        and "Fin" not in verb.morph.get("VerbForm", [])
        and not any(c.dep_.startswith("aux") for c in verb.children)  # "a déclaré X"
    ):
        return False
    return subject.pos_ not in ("VERB", "AUX") and not _crosses_boundary(
        verb.doc, subject.i, verb.i
    )


def _clitic_subject(verb: Token) -> Token | None:
    """The subject pronoun joined to the verb by a hyphen: ``a-t-il dit``, ``estime-t-elle``."""
    doc = verb.doc
    for k in range(max(0, verb.i - 2), min(len(doc), verb.i + 2)):
        tok = doc[k]
        if tok.text.startswith("-") and _pronoun(tok) is not None:
            return tok
    return None


def _inverted_source(verb: Token, limit: int) -> Token | None:
    """The subject after the verb of an incise: ``a-t-il dit``, ``a déclaré M. X``."""
    doc = verb.doc
    for child in verb.children:
        if child.i > verb.i and child.dep_ in _SUBJECTS and _plausible_subject(child, verb):
            return child
    clitic = _clitic_subject(verb)
    if clitic is not None and clitic.i <= verb.i:
        return clitic
    # the first noun phrase after the verb, before the sentence ends
    for k in range(verb.i + 1, min(len(doc), limit)):
        tok = doc[k]
        if tok.text in (".", "!", "?", "«", ";") or "\n" in tok.text:
            break
        if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ not in ("obl", "obl:mod", "obl:arg", "nmod"):
            return tok
    return None


def _noun_before(doc: Doc, verb: Token) -> Token | None:
    """The noun right before a verb and its auxiliaries, when the parse gave no subject.

    Notes:
        Wire copy with odd spacing (``L' Élysée a salué``) misleads the parser; the
        word order of a French declarative still puts the subject right before.
    """
    j = verb.i - 1
    while (
        j >= 0
        and doc[j].head.i == verb.i
        and doc[j].dep_ in ("aux:tense", "aux:pass", "advmod", "expl:comp")
    ):
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN") or doc[j].sent.start != verb.sent.start:
        return None
    tok = doc[j]
    # "La Corée du Sud a annoncé": the noun before the verb ends the subject, whose head
    # comes first
    while tok.dep_ in ("nmod", "flat:name", "flat", "appos") and tok.head.i < tok.i:
        tok = tok.head
    if any(c.dep_ == "case" for c in tok.children):
        return None  # a prepositional phrase is no subject: "X a de son côté assuré"
    return tok


def _crosses_boundary(doc: Doc, a: int, b: int) -> bool:
    """Whether a line break or a sentence end lies between tokens ``a`` and ``b``.

    Notes:
        The parser's sentences sometimes run over a paragraph break or a full stop
        (wire copy, headlines): a subject found by climbing the tree past one belongs
        to another sentence.
    """
    lo, hi = min(a, b), max(a, b)
    return any(_ends_sentence(doc, k) for k in range(lo, hi))


def _ends_sentence(doc: Doc, k: int) -> bool:
    """A line break, a full stop, or a word glued to its full stop before a capital (``H.``)."""
    text = doc[k].text
    if "\n" in text or text in (".", "!", "?", ";"):
        return True
    return (
        len(text) > 1
        and text.endswith(".")
        and text not in french().titles
        and k + 1 < len(doc)
        and doc[k + 1].text[:1].isupper()
    )


def _source_token(verb: Token) -> Token | None:
    """The subject of a reporting verb, climbing to the main clause for participles.

    An infinitive under a verb with a noun object takes that object as its subject
    (``a conduit le Conseil à exprimer``: object control).
    """
    doc = verb.doc
    node = verb
    if verb.i > 0 and reopens_speech(doc, verb.i - 1):
        # "X a confirmé que Y, reconnaissant que Z": a participle set off by a comma has
        # no subject of its own and goes on with the speech before it. The parser hangs
        # it inside the content of that speech, gives it the content's subject, or hangs
        # it on the noun before the comma; each time the speaker is the earlier verb's
        # (with no speech verb before it, the rules below apply).
        before = _governing_speech(verb)
        if before is None and (
            any(c.dep_ in _SUBJECTS and c.i < verb.i for c in verb.children)
            or (verb.dep_ == "acl" and verb.head.i < verb.i)
        ):
            before = _speech_verb_before(verb)
        if before is not None:
            return _source_token(before)
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    if _passive(verb):
        # a passive's source is its agent, wherever the parser hung "par X" (on a noun
        # after the verb, on the main verb); its subject is spoken of, never the source
        agent = agent or _agent_after(verb)
        if agent is not None:
            return agent
        if any(c.dep_ == "nsubj:pass" for c in verb.children):
            return None
    if agent is not None and verb.dep_ in ("acl", "amod"):
        return agent  # "un budget jugé « irréaliste » par les syndicats"
    if _passive_participle(verb) and agent is None:
        return None  # "Accusé de fraude, le maire …": the maire is spoken of, by no one named
    if (
        verb.dep_ == "acl"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.head.i < verb.i
        and not _in_phrase(verb.head)
    ):
        return verb.head  # "des manifestants exigeant la démission"
    for _ in range(3):
        for child in node.children:
            if child.dep_ in _SUBJECTS and child.text != "-t" and _plausible_subject(child, node):
                return child
        for child in node.children:
            if child.dep_ in ("obl:agent",):
                return child
        if _controlled_infinitive(node):
            objects = [
                c
                for c in node.head.children
                if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN") and c.i < node.i
            ]
            if objects:
                return objects[-1]  # the nearest: "conduit la semaine dernière le Conseil à"
        if (
            (node.dep_ in ("conj", "advcl", "xcomp", "acl", "parataxis") or _in_phrase(node))
            and node.head.i != node.i
            and not _crosses_boundary(doc, node.i, node.head.i)
        ):
            node = node.head
        else:
            break
    if (node.dep_ == "acl" or (verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"))) and (
        not _in_phrase(verb.head)
    ):
        return verb.head
    return None


def _passive(verb: Token) -> bool:
    """A passive verb: a participle standing alone, or one with ``être`` or a passive subject."""
    return _passive_participle(verb) or any(
        c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children
    )


def _agent_after(verb: Token) -> Token | None:
    """The noun of the first ``par`` after a passive verb in its clause, wherever the
    parser hung it (``qualifié de « … » par ses opposants``)."""
    doc = verb.doc
    for k in range(verb.i + 1, verb.sent.end):
        tok = doc[k]
        if tok.text in (".", ";", ":", "?", "!") or _finite(tok):
            return None
        if tok.lower_ == "par" and tok.pos_ == "ADP" and tok.head.i > tok.i:
            return tok.head
    return None


def _passive_participle(verb: Token) -> bool:
    """A past participle standing alone, with no auxiliary: ``jugé``, ``accusé de``; not
    one whose ``avoir`` the parser hung elsewhere (``a de son côté assuré``)."""
    if not (
        "Part" in verb.morph.get("VerbForm", [])
        and "Past" in verb.morph.get("Tense", [])
        and verb.dep_ in ("acl", "amod", "advcl")
        and not any(c.dep_.startswith("aux") for c in verb.children)
    ):
        return False
    doc = verb.doc
    for k in range(verb.i - 1, verb.sent.start - 1, -1):
        tok = doc[k]
        if tok.is_punct:
            break
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_ not in ("avoir", "être")
    return True


def _in_phrase(tok: Token) -> bool:
    """A noun of a prepositional phrase of its clause (``de son côté``), where the parser
    hangs a verb it misread: the clause's subject is the source, not this noun."""
    return tok.dep_.startswith("obl") and any(c.dep_ == "case" for c in tok.children)


def _governing_speech(verb: Token) -> Token | None:
    """The reporting verb before ``verb`` whose content clause holds ``verb`` after that
    clause's own verb (``confirmé que le site restait fermé, reconnaissant``), if any; a
    participle before the content's verb belongs to the content (``a indiqué que les
    manifestants, estimant que …, avaient bloqué``)."""
    node = verb
    for _ in range(6):
        head = node.head
        if (
            node.dep_ == "ccomp"
            and head.i < verb.i
            and node.i <= verb.i
            and reporting_lemma(head) is not None
        ):
            return head
        if head.i == node.i:
            break
        node = head
    return None


def _speech_verb_before(verb: Token) -> Token | None:
    """The nearest reporting verb before ``verb`` in its sentence, else the sentence's
    main verb before it: a participle set off by a comma relates to the subject of the
    sentence (``La délégation a rejeté toute obligation, rappelant que``)."""
    for j in range(verb.i - 1, verb.sent.start - 1, -1):
        if reporting_lemma(verb.doc[j]) is not None:
            return verb.doc[j]
    root = verb.sent.root
    return root if root.i < verb.i and root.pos_ in ("VERB", "AUX") else None


def _controlled_infinitive(node: Token) -> bool:
    """An infinitive complement (``à exprimer``, ``de dire``) whose subject is the object."""
    if "Inf" not in node.morph.get("VerbForm", []):
        return False
    if node.dep_ == "xcomp":
        return True
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("à", "de", "d'", "d’") for c in node.children
    )


def _clause_start(doc: Doc, i: int) -> int:
    """The first token of the clause of token ``i``: after a line break or sentence end."""
    j = i
    while j > 0:
        prev = doc[j - 1]
        if "\n" in prev.text or prev.text in (".", "!", "?", ";", ":", "«", "»"):
            break
        j -= 1
    return j


def _left_subject(doc: Doc, verb: Token) -> Token | None:
    """The subject before a verb, across the comma-enclosed appositions and relative clauses.

    ``Manuel Valls, qui avait échangé avec lui, s'est dit …``; ``Philippe Germain, le chef
    de l'exécutif, a salué …``. The clause before the verb is cut at its commas; a piece
    opening with a preposition is a circumstance, one opening with a relative pronoun a
    relative clause; of the others, a piece with a proper noun wins, else the first
    noun phrase whose head is not a pronoun.

    Notes:
        The parser often leaves such a subject unattached (a measured failure on news
        copy), while word order still puts it at the head of the clause.
    """
    j = verb.i - 1
    while j >= 0 and doc[j].head.i == verb.i and doc[j].dep_ in _VERB_GROUP:
        j -= 1
    if j < 0 or doc[j].text != ",":
        return None
    start = _clause_start(doc, j)
    pieces: list[list[Token]] = [[]]
    for tok in doc[start:j]:
        if tok.text == ",":
            pieces.append([])
        else:
            pieces[-1].append(tok)
    nouns: list[Token] = []
    for piece in pieces:
        if not piece or piece[0].pos_ in ("ADP", "SCONJ", "ADV") or piece[0].lower_ in _RELATIVE:
            continue
        if any(_finite(t) for t in piece):
            continue
        ids = {t.i for t in piece}
        heads = [t for t in piece if t.head.i not in ids or t.head.i == t.i]
        head = next((t for t in heads if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None:
            continue
        if any(t.pos_ == "PROPN" for t in piece):
            return head
        nouns.append(head)
    return nouns[0] if nouns else None


def _right_subject(doc: Doc, verb: Token) -> Token | None:
    """The subject of the main clause after a non-finite cue opening the sentence.

    ``Après avoir annoncé …, l'opérateur a affirmé``: the subject of the first finite
    verb after a comma, before the clause ends.
    """
    if is_finite(verb):
        return None
    seen_comma = False
    for k in range(verb.i + 1, len(doc)):
        tok = doc[k]
        if "\n" in tok.text or tok.text in (".", "!", "?", ";", "«"):
            return None
        if tok.text == ",":
            seen_comma = True
        elif seen_comma and tok.dep_ in ("nsubj", "nsubj:pass") and doc[tok.head.i].i > tok.i:
            return tok if is_finite(tok.head) else None
    return None


def _phrase(doc: Doc, head: Token) -> tuple[int, int]:
    """Token range of the noun phrase of ``head``, cut at a comma, verb or relative clause."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    while start < head.i and doc[start].dep_ == "case" and doc[start].head.i == head.i:
        start += 1  # "selon le Kremlin": the preposition is the cue, not the source
    while start < head.i and doc[start].lower_ in ("après",) and doc[start].dep_ == "fixed":
        start += 1
    # do not run into the verb or quote
    for k in range(head.i + 1, end):
        tok = doc[k]
        if (
            tok.text in (",", ".", ":", ";", "«", "»", "(")
            or _finite(tok)
            or tok.dep_ == "acl:relcl"
            or (k == head.i + 1 and tok.lower_ in _WEEKDAYS)  # "l'ONU lundi a affirmé"
            or (tok.pos_ == "PRON" and tok.lower_ in _RELATIVE)  # "un responsable qui"
        ):
            end = k
            break
    for k in range(head.i - 1, start - 1, -1):
        tok = doc[k]
        if (
            tok.text in (",", ".", ":", ";", "«", "»", ")")
            or _finite(tok)
            or tok.pos_ in ("ADV", "CCONJ")  # "… à bord et la compagnie annonce"
        ):
            start = k + 1
            break
    while end > head.i + 1 and doc[end - 1].pos_ in ("ADV", "PUNCT", "ADP", "CCONJ"):
        end -= 1
    return start, max(end, head.i + 1)


def _finite(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and (
        "Fin" in tok.morph.get("VerbForm", []) or tok.pos_ == "AUX"
    )


def _pronoun(tok: Token) -> tuple[str | None, str] | None:
    form = tok.lower_.lstrip("-")
    return french().pronouns.get(form)
