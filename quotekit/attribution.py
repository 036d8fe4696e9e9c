"""Speakers: who each quote is attributed to, from its cue and the parse.

For a quote with a cue, the source is the token :mod:`quotekit.cue_sources` finds (the
cue verb's subject, the agent of a passive, the main clause's subject for a participle)
or the noun after ``selon``/``d'après``. The source phrase is mapped to an entity of the
persons stage when it contains one of its mentions; a pronoun is resolved to the nearest
earlier entity that agrees in gender and number, preferring the previous quote's
speaker (:mod:`quotekit.referents`); any other noun phrase is an organisation (proper
noun or organisation head, ``le ministère``) or a description (``des témoins``). A quote
with no cue continues the previous quote's speaker when it follows it closely.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
from spacy.tokens import Doc, Token

from quotekit._resources import french
from quotekit._text import doc_text
from quotekit.cue_sources import (
    _clitic_subject,
    _cue_token,
    _inverted_source,
    _left_subject,
    _noun_before,
    _passive_participle,
    _phrase,
    _pronoun,
    _right_subject,
    _source_token,
)
from quotekit.gated import insecure_quotes
from quotekit.linear import LinearModel
from quotekit.model import Analysis, Quote, Span, Speaker
from quotekit.referents import (
    _described_before,
    _Entities,
    _plural_subject_before,
    _resolve_pronoun,
    joined_conjuncts,
)
from quotekit.speakers import RuleEvidence, rank_speakers

__all__ = ["attribute", "choose_speakers", "drop_indefinite_sources"]

_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "l", "'"})
_DEFINITE = frozenset({"le", "la", "l'", "l’"})
_CONTINUATION_CHARS = 400  # a quote with no cue continues a speaker this close
_CONTINUATION_CONFIDENCE = 0.5


def _span_of(doc: Doc, start: int, end: int) -> Span:
    span = doc[start:end]  # its text without building doc.text again
    return Span(span.start_char, span.end_char, span.text)


def _strip_articles(doc: Doc, start: int, end: int) -> int:
    while start < end - 1 and doc[start].lower_ in _ARTICLES:
        start += 1
    return start


def _misread_name(tok: Token) -> bool:
    """A name the tagger took for a pronoun (``Selon iTELE``): capitalised mid-sentence."""
    return any(c.isupper() for c in tok.text) and tok.i != tok.sent.start and _pronoun(tok) is None


def _speaker_from_phrase(
    doc: Doc,
    head: Token,
    ents: _Entities,
    previous: Speaker | None,
    *,
    after: int = -1,
    quote: tuple[int, int] | None = None,
) -> tuple[Speaker, float] | None:
    if _pronoun(head) is not None:
        offset = len(head.text) - len(head.text.lstrip("-"))  # "-il" of "a-t-il"
        mention = Span.of(doc_text(doc), head.idx + offset, head.idx + len(head.text))
        plural = (_pronoun(head) or (None, "sing"))[1] == "plur"
        # (a subject inside the quote is what is said, not who says it)
        group = _plural_subject_before(doc, head, quote) if plural else None
        if group is not None:
            by_group = _speaker_from_phrase(doc, group, ents, previous)
            if by_group is not None:
                sp, conf = by_group
                return attrs.evolve(sp, mention=mention), conf * 0.9
        described = None if plural else _described_before(ents, previous, head)
        if described is not None:
            # "Un épidémiologiste a salué « … ». « … », a-t-il estimé": the unnamed
            # speaker of the quote before, when no person was named since
            return attrs.evolve(described, mention=mention), 0.75
        found = _resolve_pronoun(head, ents, previous, head.idx)
        if found is None:
            return None
        entity, conf = found
        return Speaker(entity.name, entity.kind, entity.id, mention), conf
    if head.pos_ == "PRON" and not _misread_name(head):
        return _pronoun_phrase(doc, head, ents, previous, after)
    carrier = _carried_source(head)
    if carrier is not None:
        # "les informations de X", "un communiqué publié par X": X is the source
        carried = _speaker_from_phrase(doc, carrier, ents, previous)
        if carried is not None:
            return carried
    start, end = _phrase(doc, head)
    start = max(start, after + 1)
    if start >= end:
        return None
    span = _span_of(doc, start, end)
    text = doc_text(doc)
    hit = ents.at(text, span.start, span.end, (head.idx, head.idx + len(head.text)))
    if hit is None and end + 1 < len(doc) and doc[end].text == ",":
        # "selon son entraîneur, Marc Lebrun, …": the name in apposition is the source
        nxt = doc[end + 1]
        word = (nxt.idx, nxt.idx + len(nxt.text))
        apposed = ents.at(text, *word, word)
        if apposed is not None and apposed[0].kind == "person":
            return Speaker(apposed[0].name, "person", apposed[0].id, span), 0.85
    if hit is not None:
        entity, name_mention = hit
        joined = joined_persons(head, _name_at(ents)) if entity.kind == "person" else None
        if joined is not None:
            # "selon X et Y", "X ainsi que Y ont annoncé": they speak together
            together = Span.of(doc_text(doc), joined[1], joined[2])
            return Speaker(together.text, "description", None, together), 0.9
        return Speaker(entity.name, entity.kind, entity.id, name_mention.span), 0.9
    role_person = ents.by_role(doc[_strip_articles(doc, start, end) : end].text, head.idx)
    if (
        role_person is None
        and doc[start].lower_ in _DEFINITE
        and end - start == 2
        and (head.lower_ in french().nationalities or head.lower_ in french().role_nouns)
    ):
        role_person = ents.by_epithet(head.text, doc_text(doc), head.idx)
    if role_person is not None:
        return Speaker(role_person.name, "person", role_person.id, span), 0.75
    bare = _strip_articles(doc, start, end)
    name_span = _span_of(doc, bare, end)
    # "le syndicat" is an organisation; "les syndicats", a group of them, a description
    head_is_org = (
        head.lemma_.lower() in french().organization_heads
        or head.lower_ in french().organization_heads
    ) and "Plur" not in head.morph.get("Number", [])
    if (
        head.pos_ == "PROPN"
        or _misread_name(head)
        or head_is_org
        or head.ent_type_ in ("ORG", "LOC")
    ):
        entity = ents.organization(name_span.text, name_span)
        return Speaker(entity.name, "organization", entity.id, span), 0.8
    return Speaker(span.text, "description", None, span), 0.7


#: A person's name at a token: (entity id, first and last character of the name mention).
NameAt = Callable[[Token], "tuple[str, int, int] | None"]


def joined_persons(head: Token, name_at: NameAt) -> tuple[set[str], int, int] | None:
    """Persons joined by ``et`` or ``ainsi que`` whose first is ``head`` or a name apposed
    to it (``Le ministre X ainsi que Y``), each named by a different person entity: their
    entity ids and the characters from the first name to the last; None when ``head``
    heads no such group."""
    for first in (head, *(c for c in head.children if c.dep_ == "appos")):
        joined = joined_conjuncts(first)
        if not joined:
            continue
        names = [name_at(t) for t in (first, *joined)]
        ids = {n[0] for n in names if n is not None}
        if len(ids) != len(names):
            continue  # a word that names no person, or one person twice
        return ids, min(n[1] for n in names if n), max(n[2] for n in names if n)
    return None


def _name_at(ents: _Entities) -> NameAt:
    def name_at(tok: Token) -> tuple[str, int, int] | None:
        for e in ents.items:
            if e.kind != "person":
                continue
            for m in e.mentions:
                if m.kind == "name" and m.start <= tok.idx < m.end:
                    return e.id, m.start, m.end
        return None

    return name_at


_DEMONSTRATIVES = frozenset({"celui", "celle", "ceux", "celles"})
_RELATIVES = frozenset({"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle"})
_PHRASE_ENDS = frozenset({",", ".", ";", ":", "!", "?", "«", "»", "(", ")"})


def _pronoun_phrase(
    doc: Doc, head: Token, ents: _Entities, previous: Speaker | None, after: int
) -> tuple[Speaker, float] | None:
    """The speaker a subject pronoun that is not personal describes: one of a group with
    its complement (``l'un des enseignants``), a demonstrative with its relative clause
    (``ceux qui le connaissaient``), or the noun phrase in apposition after it, which
    names it first (``L'un d'eux, un homme de 30 ans, …``). A bare pronoun (``rien``,
    ``qui``) describes no one."""
    if head.lower_ in _RELATIVES:
        return None
    complement = next(
        (
            c
            for c in head.children
            if c.i > head.i and c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN", "PRON")
        ),
        None,
    )
    relative = None
    if head.lower_ in _DEMONSTRATIVES:
        relative = next((c for c in head.children if c.i > head.i and c.dep_ == "acl:relcl"), None)
    if complement is None and relative is None:
        return None
    start = max(head.left_edge.i, after + 1)
    while start < head.i and doc[start].dep_ == "case" and doc[start].head.i == head.i:
        start += 1
    last = max(c.right_edge.i for c in (complement, relative) if c is not None)
    end = head.i + 1
    while end <= last and doc[end].text not in _PHRASE_ENDS and "\n" not in doc[end].text:
        end += 1
    if complement is not None and end < len(doc) - 1 and doc[end].text == ",":
        # "L'un d'eux, un Kanak de 20 ans, a avoué": the apposition names it
        for k in range(end + 1, min(len(doc), end + 3)):
            tok = doc[k]
            if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("appos", "nsubj"):
                named = _speaker_from_phrase(doc, tok, ents, previous)
                if named is not None:
                    return named
                break
            if tok.pos_ != "DET":
                break
    if start >= end:
        return None
    span = _span_of(doc, start, end)
    return Speaker(span.text, "description", None, span), 0.7


def _carried_source(head: Token) -> Token | None:
    """The source inside a noun phrase that carries someone else's words: ``X`` of
    ``les informations de X``, ``un communiqué de X``, ``les propos rapportés par X``."""
    lemma = head.lemma_.lower()
    if lemma not in french().source_nouns and head.lower_ not in french().source_nouns:
        return None
    nouns = [
        c
        for c in head.children
        if c.i > head.i and c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN")
    ]
    # a bare common noun makes a compound with the head ("un communiqué de presse de X"):
    # the source is the complement with an article or a capital
    sources = [c for c in nouns if not c.is_lower or any(g.dep_ == "det" for g in c.children)]
    if nouns:
        return (sources or nouns)[0]
    for child in head.children:
        if child.i > head.i and child.dep_ == "acl":
            for grand in child.children:
                if grand.dep_ == "obl:agent" and grand.pos_ in ("NOUN", "PROPN"):
                    return grand
    return None


def _speaker_for(
    doc: Doc, quote: Quote, ents: _Entities, previous: tuple[Quote, Speaker] | None
) -> tuple[Speaker | None, float]:
    prev_speaker = previous[1] if previous is not None else None
    if quote.cue is not None:
        cue = _cue_token(doc, quote.cue)
        if cue is not None:
            if cue.pos_ == "ADP":  # selon X, d'après X
                head = cue.head if cue.head.i != cue.i else None
                if head is not None:
                    found = _speaker_from_phrase(doc, head, ents, prev_speaker, after=cue.i)
                    if found is not None:
                        return found
            elif cue.pos_ == "NOUN" and cue.lemma_.lower() in french().speech_nouns:
                # a noun of speech: "les paroles de l'écrivain"
                of = [
                    c
                    for c in cue.children
                    if c.dep_ in ("nmod", "nmod:poss") and c.pos_ in ("NOUN", "PROPN")
                ]
                if of:
                    found = _speaker_from_phrase(doc, of[0], ents, prev_speaker)
                    if found is not None:
                        return found
            else:
                guessed = False
                if quote.cue.start >= quote.end:  # an incise after the quote
                    source = _inverted_source(cue, cue.i + 12) or _source_token(cue)
                else:
                    # "« A, a-t-il lancé. B »": the incise's own pronoun speaks B too,
                    # whatever subject the parser gives the verb
                    source = _clitic_subject(cue) or _source_token(cue)
                if source is None and not _passive_participle(cue):
                    # (a participle with no agent, "Accusé de …, le maire", names the
                    # one spoken of, not the speaker: no guess)
                    guessed = True  # word order, not the parse: weaker evidence
                    source = (
                        _noun_before(doc, cue)
                        or _left_subject(doc, cue)
                        or _right_subject(doc, cue)
                    )
                if source is not None and quote.start <= source.idx < quote.end:
                    source = None  # a word of the quote itself is not its source
                if (
                    source is not None
                    and source.pos_ == "PRON"
                    and _pronoun(source) is None
                    and not _misread_name(source)
                ):
                    # "L'un d'eux, un Kanak de 20 ans, a avoué": the apposition names it
                    source = _left_subject(doc, cue) or source
                if source is not None:
                    found = _speaker_from_phrase(
                        doc, source, ents, prev_speaker, quote=(quote.start, quote.end)
                    )
                    if found is not None:
                        return (found[0], found[1] * 0.85) if guessed else found
    if previous is not None and quote.start - previous[0].end <= _CONTINUATION_CHARS:
        return previous[1], _CONTINUATION_CONFIDENCE
    return None, 0.3


def _source(speaker: Speaker | None, conf: float, previous: Speaker | None) -> str:
    """How the rules reached ``speaker``, for the ranker's features."""
    if speaker is None:
        return "none"
    if conf == _CONTINUATION_CONFIDENCE and speaker is previous:
        return "continuation"
    if speaker.mention is not None and _is_pronoun_text(speaker.mention.text):
        return "pronoun"
    if speaker.kind == "description":
        return "description"
    return "organization" if speaker.kind == "organization" else "name"


def _through_a_role(speaker: Speaker, ents: _Entities) -> bool:
    """A person the rules reached through a description the role stage gave them (``le
    porte-parole`` taken for someone named before), not through one of their names."""
    if speaker.kind != "person" or speaker.entity is None or speaker.mention is None:
        return False
    span = speaker.mention
    entity = next((e for e in ents.items if e.id == speaker.entity), None)
    if entity is None:
        return False
    return not any(
        m.kind == "name" and m.start < span.end and span.start < m.end for m in entity.mentions
    )


def _is_pronoun_text(text: str) -> bool:
    return text.lower().lstrip("-").removeprefix("t-") in french().pronouns


def attribute(
    doc: Doc, analysis: Analysis, *, evidence: list[RuleEvidence] | None = None
) -> Analysis:
    """Give each quote of ``analysis`` its speaker, an entity of the document.

    Args:
        doc: The parsed Doc the analysis was made from.
        analysis: The persons stage's entities and the quote stage's quotes.
        evidence: When given, what the rules decided for each quote is appended to it
            (their speaker, confidence and how they reached it), for the ranker.

    Returns:
        The analysis with speakers set, confidences updated, and the organisations
        that speak added to the entities.
    """
    ents = _Entities(list(analysis.entities))
    quotes: list[Quote] = []
    previous: tuple[Quote, Speaker] | None = None
    for quote in analysis.quotes:
        speaker, conf = _speaker_for(doc, quote, ents, previous)
        if evidence is not None:
            prev_speaker = previous[1] if previous is not None else None
            source = _source(speaker, conf, prev_speaker)
            if source == "name" and speaker is not None and _through_a_role(speaker, ents):
                source = "role"
            evidence.append(RuleEvidence(speaker, conf, source, quote.confidence))
        confidence = round(max(0.0, min(1.0, quote.confidence * (0.5 + 0.5 * conf))), 4)
        quote = attrs.evolve(quote, speaker=speaker, confidence=confidence)
        quotes.append(quote)
        if speaker is not None:
            previous = (quote, speaker)
    # speakers named before an organisation was added keep their ids; refresh names
    by_id = {e.id: e for e in ents.items}
    quotes = [
        q
        if q.speaker is None or q.speaker.entity is None
        else attrs.evolve(q, speaker=attrs.evolve(q.speaker, name=by_id[q.speaker.entity].name))
        for q in quotes
    ]
    return attrs.evolve(analysis, entities=tuple(ents.items), quotes=tuple(quotes))


def drop_indefinite_sources(doc: Doc, analysis: Analysis) -> Analysis:
    """No speaker for a quote whose cue has the indefinite ``on`` as subject (``On estime
    que …``, ``peut-on lire``): the text names no source, as the guideline's ``null``
    speaker says, whoever was named nearby. An ``on`` inside the quote is the quoted
    speaker's own word and changes nothing."""
    quotes = list(analysis.quotes)
    for k, quote in enumerate(quotes):
        cue = quote.cue
        if cue is None or quote.speaker is None:
            continue
        head = _cue_token(doc, cue)
        if head is not None and any(
            c.dep_ in ("nsubj", "expl:subj")
            and c.lower_.lstrip("-") == "on"
            and not quote.start <= c.idx < quote.end
            for c in head.children
        ):
            quotes[k] = attrs.evolve(quote, speaker=None)
    if quotes == list(analysis.quotes):
        return analysis
    return attrs.evolve(analysis, quotes=tuple(quotes))


def choose_speakers(
    doc: Doc, analysis: Analysis, ranker: LinearModel | None
) -> tuple[Analysis, list[RuleEvidence]]:
    """The speaker step of the pipeline (and of ``quotekit train --cv``): the rules' speaker
    of each quote with its evidence, then the ranker's choice among candidates (None: the
    rules alone). A gated verb's quote whose speaker is not secure (:mod:`quotekit.gated`)
    is dropped and the speakers are chosen again without it, so that no later quote
    continues a speaker it alone gave; again until every gated quote left is secure.

    Attribution and the ranker return one quote per quote given, in order, so an index of
    the result is an index of ``analysis.quotes``.
    """
    text = doc_text(doc)
    sentence_starts = [s.start_char for s in doc.sents]
    quotes = analysis.quotes
    while True:
        evidence: list[RuleEvidence] = []
        attributed = attribute(doc, attrs.evolve(analysis, quotes=quotes), evidence=evidence)
        if ranker is not None:
            attributed = rank_speakers(
                attributed, evidence, ranker, text=text, sentence_starts=sentence_starts
            )
        insecure = insecure_quotes(doc, attributed, evidence)
        if not insecure:
            return attributed, evidence
        quotes = tuple(q for i, q in enumerate(quotes) if i not in insecure)
