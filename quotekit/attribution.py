"""Speakers: who each quote is attributed to, from its cue and the parse.

For a quote with a cue, the source is the token :mod:`quotekit.cue_sources` finds (the
cue verb's subject, the agent of a passive, the main clause's subject for a participle)
or the noun after ``selon``/``d'après``. The source phrase is mapped to an entity of the
persons stage when it contains one of its mentions; a pronoun is resolved to the nearest
earlier entity that agrees in gender and number, preferring the previous quote's
speaker; any other noun phrase is an organisation (proper noun or organisation head,
``le ministère``) or a description (``des témoins``). A quote with no cue continues the
previous quote's speaker when it follows it closely.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

import attrs
from spacy.tokens import Doc, Token

from quotekit._resources import french
from quotekit._text import doc_sentences, doc_text
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
from quotekit.model import Analysis, Entity, Mention, Quote, Span, Speaker
from quotekit.names import normalize
from quotekit.speakers import RuleEvidence, is_agent_description

__all__ = ["attribute", "drop_indefinite_sources"]

_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "l", "'"})
_DEFINITE = frozenset({"le", "la", "l'", "l’"})
# a name right after "de" / "d'" / "du" / "des" is a noun's complement ("l'avocat de X")
_COMPLEMENT = re.compile(r"(?:\b(?:de|du|des)\s+|\bd['’]\s*)\Z", re.IGNORECASE)
_CONTINUATION_CHARS = 400  # a quote with no cue continues a speaker this close
_CONTINUATION_CONFIDENCE = 0.5


@attrs.define
class _Entities:
    """The document's entities, growing as organisations and descriptions are found."""

    items: list[Entity]

    def at(
        self, text: str, start: int, end: int, head: tuple[int, int]
    ) -> tuple[Entity, Mention] | None:
        """The entity named in the phrase [start, end) of ``text`` whose head is at ``head``.

        A person named in the phrase is its referent (``le porte-parole du Kremlin
        Dmitri Peskov``), unless the name is the complement of a noun, after ``de``
        (``un proche de X``, ``l'avocat de X``: the speaker is the one described, not X);
        an organisation only when its name is the head or follows it (``l'association X``:
        ``le ministère des Affaires étrangères`` is not ``Affaires étrangères``).
        """
        found: list[tuple[int, int, Entity, Mention]] = []
        for e in self.items:
            for m in e.mentions:
                if m.kind != "name" or not (start <= m.start and m.end <= end):
                    continue
                on_head = m.start <= head[0] and head[1] <= m.end
                # or the name right after the head, in apposition ("l'association X")
                named = head[1] < m.start <= head[1] + 1
                if e.kind == "person" and not on_head and _COMPLEMENT.search(text, start, m.start):
                    continue
                if e.kind == "person" or on_head or named:
                    found.append((0 if e.kind == "person" else 1, m.start, e, m))
        if not found:
            # a person's name that the parse cut after its first word ("Chu Mi-Ae")
            for e in self.items:
                for m in e.mentions:
                    if e.kind == "person" and m.kind == "name" and m.start <= head[0] < m.end:
                        found.append((0, m.start, e, m))
        if not found:
            return None
        found.sort(key=lambda f: (f[0], f[1]))
        return found[0][2], found[0][3]

    def organization(self, name: str, mention: Span) -> Entity:
        key = normalize(name)
        for k, e in enumerate(self.items):
            if e.kind == "organization" and normalize(e.name) == key:
                if all(m.start != mention.start for m in e.mentions):
                    ms = tuple(
                        sorted(
                            (*e.mentions, Mention(mention.start, mention.end, mention.text)),
                            key=lambda m: m.start,
                        )
                    )
                    self.items[k] = attrs.evolve(e, mentions=ms)
                return self.items[k]
        entity = Entity(
            id=f"e{len(self.items) + 1}",
            kind="organization",
            name=name,
            mentions=(Mention(mention.start, mention.end, mention.text),),
        )
        self.items.append(entity)
        return entity

    def by_role(self, phrase: str, position: int) -> Entity | None:
        """The person a role phrase stands for (``le chef du gouvernement``, named before).

        The same role text wins; else a role that begins with the phrase or that the
        phrase begins with. Among several, the person mentioned last before ``position``.
        """
        key = normalize(phrase)
        if not key:
            return None
        best: tuple[int, int, Entity] | None = None
        for e in self.items:
            if e.kind != "person":
                continue
            for r in e.roles:
                role = normalize(r.text)
                if role == key:
                    rank = 0
                elif role.startswith(key + " ") or key.startswith(role + " "):
                    rank = 1
                elif " " not in key and key in french().role_nouns and key in role.split():
                    rank = 2  # "la joueuse" for the "24e joueuse mondiale"
                else:
                    continue
                last = max((m.start for m in e.mentions if m.start < position), default=-1)
                cand = (rank, -last, e)
                if best is None or cand[:2] < best[:2]:
                    best = cand
        return None if best is None else best[2]

    def by_epithet(self, word: str, text: str, position: int) -> Entity | None:
        """The person last named right after ``word`` before ``position``.

        ``l'Ukrainienne Daria Kovalenko … L'Ukrainienne a assuré``: a nationality or
        a role noun written before a name, taken up alone later, stands for that person.
        """
        key = normalize(word)
        best: tuple[int, Entity] | None = None
        for e in self.items:
            if e.kind != "person":
                continue
            for m in e.mentions:
                if m.start >= position or m.kind != "name":
                    continue
                words = text[max(0, m.start - 60) : m.start].replace("'", " ").split()
                if words and normalize(words[-1]) == key and (best is None or m.start > best[0]):
                    best = (m.start, e)
        return None if best is None else best[1]

    def before(self, position: int) -> list[tuple[int, Entity, Mention]]:
        """Name mentions before ``position``, nearest first."""
        out = [
            (m.start, e, m)
            for e in self.items
            for m in e.mentions
            if m.end <= position and m.kind == "name"
        ]
        out.sort(key=lambda x: -x[0])
        return out


def _span_of(doc: Doc, start: int, end: int) -> Span:
    span = doc[start:end]  # its text without building doc.text again
    return Span(span.start_char, span.end_char, span.text)


def _strip_articles(doc: Doc, start: int, end: int) -> int:
    while start < end - 1 and doc[start].lower_ in _ARTICLES:
        start += 1
    return start


def _resolve_pronoun(
    tok: Token, ents: _Entities, previous: Speaker | None, at: int
) -> tuple[Entity, float] | None:
    gender, number = _pronoun(tok) or (None, "sing")

    def agrees(e: Entity) -> bool:
        if e.kind == "person":
            if number == "plur":
                return False
            return e.gender is None or gender is None or e.gender == gender
        return True  # "elle" for la Mairie, "ils" for a group: organisations are lenient

    if previous is not None and previous.entity is not None:
        for e in ents.items:
            if e.id != previous.entity or not agrees(e):
                continue
            if (e.kind == "person") == (number == "sing"):
                if _new_subject_since(tok, ents, previous, agrees):
                    break  # "… », a dit X. Y arrive ensuite. « … », a-t-il ajouté": Y
                return e, 0.85
            if number == "sing" and not _person_between(ents, e, at, agrees):
                # "« … », a affirmé le Kremlin. « … », a-t-il ajouté": the speaking
                # organisation, unless a person who agrees was named since
                return e, 0.75
    fitting = [
        (e, m)
        for _, e, m in ents.before(at)
        if (agrees(e) and (number == "plur") == (e.kind != "person"))
        or (agrees(e) and e.kind == "person" and number == "sing")
    ]
    # a subject pronoun takes up a subject rather than an object or a complement named
    # since: "X termine 7e, devant Y. « … », a-t-il confié" is X's
    subject = next((e for e, m in fitting if _subject_mention(tok, m)), None)
    if subject is not None:
        return subject, 0.7
    return (fitting[0][0], 0.7) if fitting else None


def _new_subject_since(
    pronoun: Token, ents: _Entities, previous: Speaker, agrees: Callable[[Entity], bool]
) -> bool:
    """Another person who ``agrees`` is the subject of a clause between the previous
    speaker's mention and ``pronoun``."""
    if previous.mention is None:
        return False
    since = previous.mention.end
    return any(
        start >= since
        and e.id != previous.entity
        and e.kind == "person"
        and agrees(e)
        and _subject_mention(pronoun, m)
        for start, e, m in ents.before(pronoun.idx)
    )


#: how many sentences back a subject may be to be preferred to a nearer non-subject
_SUBJECT_SENTENCES = 2


def _subject_mention(pronoun: Token, mention: Mention) -> bool:
    """``mention`` is the subject of its clause (or in apposition to it), in the
    pronoun's sentence or one of the two before."""
    doc = pronoun.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    sentences = doc_sentences(doc)  # (start, end) in order: bisect by start, no copy
    here = bisect.bisect_right(sentences, (pronoun.i, len(doc)))
    if here - bisect.bisect_right(sentences, (span.start, len(doc))) > _SUBJECT_SENTENCES:
        return False
    tok = span.root
    while tok.dep_ in ("flat:name", "flat", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubj:pass")


_MASCULINE_ARTICLES = ("un ", "le ", "l'", "l’", "ce ", "cet ")
_FEMININE_ARTICLES = ("une ", "la ", "l'", "l’", "cette ")


def _described_before(ents: _Entities, previous: Speaker | None, pronoun: Token) -> Speaker | None:
    """The previous quote's speaker when it is a description of someone (``un
    épidémiologiste``) that the singular ``pronoun`` can take up: its article agrees,
    and no person was named between it and the pronoun."""
    if previous is None or previous.kind != "description" or previous.mention is None:
        return None
    gender, _ = _pronoun(pronoun) or (None, "sing")
    articles = _FEMININE_ARTICLES if gender == "f" else _MASCULINE_ARTICLES
    if not previous.name.lower().startswith(articles) or not is_agent_description(previous.name):
        return None
    since = previous.mention.end
    text = doc_text(pronoun.doc)
    if any(
        e.kind == "person" and since <= start and not _inside_marks(text, since, start)
        for start, e, _ in ents.before(pronoun.idx)
    ):
        return None  # (a name inside the quote is what was spoken of, not who spoke since)
    return previous


def _inside_marks(text: str, since: int, at: int) -> bool:
    """Whether ``at`` is inside guillemets opened after ``since``."""
    stretch = text[since:at]
    return stretch.rfind("«") > stretch.rfind("»")


def _person_between(
    ents: _Entities, org: Entity, at: int, agrees: Callable[[Entity], bool]
) -> bool:
    """Whether a person who ``agrees`` is named after ``org``'s last mention, before ``at``."""
    last = max((m.start for m in org.mentions if m.start < at), default=-1)
    return any(
        e.kind == "person" and agrees(e) and m.start > last for m_start, e, m in ents.before(at)
    )


def _plural_subject_before(doc: Doc, pronoun: Token) -> Token | None:
    """The nearest plural noun subject in the two sentences before a plural pronoun.

    ``Les syndicats ont rencontré la direction. « … », ont-ils prévenu``: a group that
    acted last is what ``ils`` takes up, rather than a singular organisation named since
    (``selon la CGT``).
    """
    sentences = 0
    for k in range(pronoun.i - 1, -1, -1):
        tok = doc[k]
        if tok.text in (".", "!", "?") or "\n\n" in tok.text:
            sentences += 1
            if sentences > 2:
                return None
        if (
            tok.dep_ in ("nsubj", "nsubj:pass")
            and tok.pos_ in ("NOUN", "PROPN")
            and "Plur" in tok.morph.get("Number", [])
        ):
            return tok
    return None


def _misread_name(tok: Token) -> bool:
    """A name the tagger took for a pronoun (``Selon iTELE``): capitalised mid-sentence."""
    return any(c.isupper() for c in tok.text) and tok.i != tok.sent.start and _pronoun(tok) is None


def _speaker_from_phrase(
    doc: Doc, head: Token, ents: _Entities, previous: Speaker | None, *, after: int = -1
) -> tuple[Speaker, float] | None:
    if _pronoun(head) is not None:
        offset = len(head.text) - len(head.text.lstrip("-"))  # "-il" of "a-t-il"
        mention = Span.of(doc_text(doc), head.idx + offset, head.idx + len(head.text))
        plural = (_pronoun(head) or (None, "sing"))[1] == "plur"
        group = _plural_subject_before(doc, head) if plural else None
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
                    found = _speaker_from_phrase(doc, source, ents, prev_speaker)
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
