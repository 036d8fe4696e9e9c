"""Indirect speech: the content a reporting verb introduces (a que-clause, an infinitive or a
noun object, what ``se dire`` says of its subject, the sentence before an inverted-subject
incise) and the clause that ``selon X``, ``d'après X`` or a sentence-initial ``pour X``
attribute; a guillemet fragment inside that content makes the quote mixed.

The verbs come from :mod:`quotekit.cues`, which also says why a verb reports no speech
(negated, hypothetical, authorial, impersonal); ``wide`` candidates (for training) keep those
with the reason in their ``rule``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Token

from quotekit._marks import Segment
from quotekit._resources import french
from quotekit._text import doc_text, string_ids, token_positions
from quotekit.cues import (
    SELON,
    _gate,
    _infinitive,
    cue_span,
    is_finite,
    is_reporting_verb,
    is_selon,
    light_verb_word,
    reporting_lemma,
)
from quotekit.quote_candidates import (
    _CLOSING_MARKS,
    _OPENING_MARKS,
    _SPACES,
    QuoteCandidate,
    _inverted_subject,
    _segment_at,
    _strip_enclosing_marks,
    _trim,
)

__all__ = ["reopens_speech"]

#: Tokens that no clause or apposition runs across: sentence punctuation and quote marks.
_CLAUSE_STOPS = frozenset({".", ";", ":", "!", "?", "«", "»", '"', "“", "”"})
_QUE = frozenset({"que", "qu'", "qu’", "qu"})
_PHRASE_STOPS = frozenset({",", ";", ":", ".", "!", "?"})
_REFLEXIVE = frozenset({"se", "s'", "s’"})
#: The verb's dependents that continue its noun object.
_OBJECT_TAILS = frozenset({"obl:mod", "obl:arg", "obl"})
_TO = frozenset({"à", "au", "aux", "auprès"})
_DE_MARKS = frozenset({"de", "d'", "d’"})
_NOT_COMPLEMENTIZER = frozenset(
    {
        "ainsi",
        "alors",
        "bien",
        "parce",
        "tandis",
        "même",
        "avant",
        "après",
        "pendant",
        "dès",
        "lors",
    }
)


def _que_clause(verb: Token) -> tuple[int, int] | None:
    """Token range (start, end) of the content of a que-clause governed by ``verb``.

    ``que`` may follow the verb after clitics, adverbs, an indirect object or a
    parenthetical between commas (``a annoncé, dimanche, que``), but not after
    another verb or the end of the sentence.
    """
    doc = verb.doc
    sent_end = verb.sent.end
    limit = min(sent_end, verb.i + 12)
    light = light_verb_word(verb)
    for j in range(verb.i + 1, limit):
        tok = doc[j]
        if tok.lower_ in _QUE:
            if j > 0 and doc[j - 1].lower_ in _NOT_COMPLEMENTIZER and not _adverb_before(doc, j):
                return None  # "ainsi que", "alors que": not a reported content
            k = j + 1
            while k < len(doc) and doc[k].text in ("'", "’"):
                k += 1
            if k >= sent_end:
                return None
            # the clause: from after "que" to the right edge of its verb's subtree
            clause_head = tok.head if tok.head.i > tok.i else doc[k]
            # up to the clause's own head: "que" hangs on a copula or an auxiliary
            # ("que Moscou restait ouvert au dialogue": restait <- ouvert)
            while (
                clause_head.head.i > j
                and clause_head.head != clause_head
                and clause_head.head != verb
                and clause_head.dep_ in ("cop", "aux", "aux:tense", "aux:pass")
            ):
                clause_head = clause_head.head
            right = min(max(clause_head.right_edge.i, k), sent_end - 1)
            if not any(is_finite(t) for t in doc[k : right + 1]):
                # no finite verb: the parse broke the clause off ("que Blink était « un
                # pari »" with "que" read as a determiner); it runs to the sentence end
                right = sent_end - 1
            # the parse may hang the clause's last words elsewhere ("que les masters
            # resteront sélectifs, parmi lesquels ceux de droit"): with no verb of its
            # own, the rest of the sentence is the clause's
            right = _verbless_rest(doc, right, sent_end)
            return k, _before_new_speech(doc, k, right + 1)
        if light is not None and tok.i == light.i:
            continue  # "a fait savoir que"
        if tok.pos_ == "VERB" or tok.text in _CLAUSE_STOPS or "\n" in tok.text:
            return None
    return None


_REST_STOPS = frozenset({";", ":", "«", "(", ".", "!", "?", "…"})


def _predicate(tok: Token, before: int) -> bool:
    """A verb of its own clause: finite, or a participle or infinitive that hangs on a
    word up to ``before`` (``a requis la relaxe et dénoncé``), not on a noun after it
    (``des contenus publiés par``)."""
    if is_finite(tok):
        return True
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("acl", "amod") and tok.head.i <= before


def _verbless_rest(doc: Doc, right: int, sent_end: int) -> int:
    """The last token of a clause that ends at ``right`` in the parse: the end of its
    sentence (before its final stop, ``;``, ``:``, ``«``, ``(`` or a line break) when no
    clause of its own comes between, else ``right``."""
    stop = next(
        (
            q
            for q in range(right + 1, sent_end)
            if doc[q].text in _REST_STOPS or "\n" in doc[q].text
        ),
        sent_end,
    )
    if any(_predicate(t, right) for t in doc[right + 1 : stop]):
        return right
    return max(right, stop - 1)


def _adverb_before(doc: Doc, j: int) -> bool:
    """The word before ``que`` (token ``j``) ends an adverb of the verb, not a
    conjunction: ``affirme tout de même que``, ``a quand même dit que``."""
    return (j >= 3 and [t.lower_ for t in doc[j - 3 : j]] == ["tout", "de", "même"]) or (
        j >= 2 and [t.lower_ for t in doc[j - 2 : j]] == ["quand", "même"]
    )


def reopens_speech(doc: Doc, c: int) -> bool:
    """Token ``c`` is a comma before a present participle of a reporting verb, which
    opens a second content of the same speaker: ``que X, reconnaissant que Y``."""
    if doc[c].text != "," or c + 1 >= len(doc):
        return False
    p = doc[c + 1]
    return (
        "Part" in p.morph.get("VerbForm", [])
        and "Pres" in p.morph.get("Tense", [])
        and reporting_lemma(p) is not None
    )


def _before_new_speech(doc: Doc, start: int, end: int) -> int:
    """``end``, or the comma inside ``[start, end)`` where a second content opens
    (:func:`reopens_speech`)."""
    for c in range(start + 1, end - 1):
        if reopens_speech(doc, c):
            return c
    return end


def _infinitive_object(verb: Token) -> tuple[int, int] | None:
    """An infinitive object carrying content: ``annonce vouloir se représenter``, ``dit
    avoir été menacée`` (a compound infinitive; the tagger may read its participle as a
    noun or an adjective). ``savoir`` of ``a fait savoir`` is part of the verb."""
    light = light_verb_word(verb)
    for child in verb.children:
        if (
            child.i > verb.i
            and (light is None or child.i != light.i)
            and child.dep_ in ("xcomp", "ccomp", "obj")
            and child.pos_ in ("VERB", "AUX", "ADJ", "NOUN")
            and _infinitive(child)
        ):
            left = min(child.left_edge.i, child.i)
            # the infinitive's own left material must come after the verb
            left = max(left, verb.i + 1)
            # "de" or "à" before the infinitive introduces the content as "que" does a
            # clause ("l'accuse de militariser la mer", "appelle à voter"), and stays out
            # of it likewise
            doc = verb.doc
            if (
                left < child.i
                and doc[left].lower_ in ("de", "d'", "d’", "à")
                and doc[left].dep_ == "mark"
            ):
                left += 1
            return left, _before_finite_conjunct(child)
    return _addressee_infinitive(verb)


def _addressee_infinitive(verb: Token) -> tuple[int, int] | None:
    """An infinitive the parser hangs on the one addressed rather than on the verb:
    ``recommande aux voyageurs de rester prudents``, ``appelle les électeurs à voter``.

    What is asked of them is the content, after its ``de`` or ``à``; whom it is asked of
    stays out, as an addressee does of a noun object.
    """
    for child in verb.children:
        if child.i < verb.i or child.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if child.dep_ in ("obl", "obl:arg", "obl:mod", "iobj"):
            if child.dep_ != "iobj" and not any(
                c.dep_ == "case" and c.lower_ in _TO for c in child.children
            ):
                continue
            marks = _DE_MARKS  # "à X de faire"
        elif child.dep_ == "obj":
            marks = frozenset({"à"})  # "X à faire"; "son intention de faire" is a noun object
        else:
            continue
        for inf in child.children:
            if (
                inf.i > child.i
                and inf.dep_ in ("acl", "xcomp")
                and "Inf" in inf.morph.get("VerbForm", [])
                and any(c.dep_ == "mark" and c.lower_ in marks for c in inf.children)
            ):
                left = inf.left_edge.i
                if verb.doc[left].dep_ == "mark":
                    left += 1
                return left, _before_finite_conjunct(inf)
    return None


def _said_of_oneself(verb: Token) -> tuple[int, int] | None:
    """What ``se dire`` says of its subject: ``se dit prête à négocier``."""
    if reporting_lemma(verb) != "dire" or not any(
        c.i < verb.i and c.lower_ in _REFLEXIVE for c in verb.children
    ):
        return None
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ in ("xcomp", "obj", "ccomp")
            and (
                child.pos_ == "ADJ"
                or (child.pos_ == "VERB" and "Part" in child.morph.get("VerbForm", []))
            )
        ):
            start = max(child.left_edge.i, verb.i + 1)
            # a comma ends it: "se dit prête à négocier, tout en exigeant des garanties"
            phrase = verb.doc[child.i : child.right_edge.i + 1]
            end = next((t.i for t in phrase if t.text in _PHRASE_STOPS), phrase.end)
            return start, end
    return None


def _before_finite_conjunct(head: Token) -> int:
    """The end of ``head``'s subtree, before a finite verb coordinated with it: in ``disent
    ne pas ignorer X, mais se refusent à croire Y`` the second verb is the speakers' own
    act, not part of what they say."""
    end = head.right_edge.i + 1
    for child in head.children:
        if child.dep_ == "conj" and child.i > head.i and is_finite(child):
            k = child.left_edge.i
            while k > head.i and (head.doc[k - 1].is_punct or head.doc[k - 1].pos_ == "CCONJ"):
                k -= 1
            end = min(end, k)
    return end


def _noun_object(verb: Token, *, any_verb: bool = False) -> tuple[int, int] | None:
    """A noun object carrying content: ``a démenti toute implication``.

    Only for the verbs whose object is reported content (``object`` in the verb list),
    unless ``any_verb``: then a candidate for the trained decision to judge.
    """
    if _in_incise(verb):
        return None
    lemma = reporting_lemma(verb)
    if not any_verb and lemma not in french().object_reporting_verbs:
        return None
    light = light_verb_word(verb)
    if light is not None:
        return _light_verb_complement(verb, light)
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ == "obj"
            and child.pos_ == "NOUN"
            # a determiner or a number: "toute implication", "40 millions d'euros"
            and any(c.dep_ in ("det", "nummod") for c in child.children)
        ):
            return child.left_edge.i, _object_end(verb, child)
    return None


def _light_verb_complement(verb: Token, word: Token) -> tuple[int, int] | None:
    """What ``fait état de`` and ``a fait part de`` report: their ``de`` phrase (``de 36
    blessés``, ``de sa colère``), hung on the verb or on its word."""
    for child in (*verb.children, *word.children):
        if (
            child.i > word.i
            and child.dep_ in ("obl:arg", "obl", "obl:mod", "nmod")
            and child.pos_ in ("NOUN", "PROPN", "PRON")
            and child.left_edge.lower_ in _DE_MARKS | {"du", "des"}
        ):
            start = child.left_edge.i
            if child.left_edge.lower_ in _DE_MARKS:
                start += 1  # "de 36 morts": "de" stays out; "des blessés" keeps its article
            return start, _object_end(verb, child)
    return None


def _object_end(verb: Token, obj: Token) -> int:
    """A noun object runs over the verb's phrases that follow it (``a annoncé son retrait
    pour la saison prochaine``) and over the rest of its sentence when no verb comes: they
    qualify what is said. Whom it is said to (``à la région``) is no part of it."""
    end = obj.right_edge.i + 1
    for child in verb.children:
        if child.i <= obj.i or child.dep_ not in _OBJECT_TAILS:
            continue
        if child.left_edge.i != end or child.left_edge.lower_ in _TO:
            break  # "réclame 40 millions d'euros à la région": whom it is said to
        end = child.right_edge.i + 1
    doc = verb.doc
    if end < verb.sent.end and doc[end].lower_ in _TO:
        return end
    # as a que-clause: words the parse hung elsewhere, with no verb, are the object's
    return _verbless_rest(doc, end - 1, verb.sent.end) + 1


def _in_incise(verb: Token) -> bool:
    """A verb right after a comma or closing mark: an incise, whose noun is its subject."""
    doc = verb.doc
    j = verb.i - 1
    while (
        j >= 0
        and doc[j].dep_ in ("aux:tense", "aux:pass", "advmod", "expl:comp")
        and doc[j].head.i == verb.i
    ):
        j -= 1
    while j >= 0 and doc[j].dep_ == "obl:mod" and doc[j].head.i == verb.i:
        j -= 1
    if j < 0 or doc[j].text not in (",", "»", "”", '"'):
        return False
    return not any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i for c in verb.children)


_OPENER_WORDS = string_ids((*SELON, "d'", "d’", "pour"))


def _opener_positions(doc: Doc) -> list[int]:
    """The tokens that can open indirect speech: verbs, and the words of ``selon``,
    ``d'après`` and ``pour``."""
    return sorted(token_positions(doc, POS, {VERB}) + token_positions(doc, LOWER, _OPENER_WORDS))


def _selon_token(tok: Token) -> bool:
    if is_selon(tok):
        return True
    return tok.lower_ == "pour" and tok.i == tok.sent.start and _followed_by_name_and_comma(tok)


def _followed_by_name_and_comma(tok: Token) -> bool:
    doc = tok.doc
    j = tok.i + 1
    if (j < len(doc) and doc[j].pos_ in ("PROPN",)) or (
        j + 1 < len(doc) and doc[j].pos_ == "DET" and doc[j + 1].pos_ in ("NOUN", "PROPN")
    ):
        for k in range(j, min(len(doc), j + 12)):
            if doc[k].text == ",":
                return True
            if doc[k].pos_ == "VERB":
                return False
    return False


def _selon_source_end(tok: Token) -> int:
    """Token index just after the source of ``selon X`` (``selon le ministère``)."""
    doc = tok.doc
    source = tok.head if tok.head.i > tok.i else None
    if tok.lower_ in ("d'", "d’"):
        source = tok.head if tok.head.i > tok.i + 1 else None
    end = source.right_edge.i + 1 if source is not None else tok.i + 2
    # the source stops at the first comma
    for k in range(tok.i + 1, min(end, len(doc))):
        if doc[k].text == ",":
            return k
    return end


def _indirect_candidates(
    doc: Doc, segments: list[Segment], *, wide: bool = False
) -> Iterable[QuoteCandidate]:
    text = doc_text(doc)
    for i in _opener_positions(doc):
        tok = doc[i]
        if _selon_token(tok):
            yield from _selon_candidate(doc, tok, segments)
            continue
        if tok.pos_ != "VERB" or not is_reporting_verb(tok):
            continue
        gate = _gate(tok)
        if gate is not None and not wide:
            continue
        rng = _que_clause(tok)
        confidence = 0.8
        rule = "que"
        clause_only = reporting_lemma(tok) in french().clause_reporting_verbs
        if rng is None and not clause_only:
            rng = _infinitive_object(tok)
            confidence = 0.7
            rule = "infinitive"
        if rng is None and not clause_only:
            rng = _said_of_oneself(tok)
            confidence = 0.7
            rule = "predicate"
        if rng is None and not clause_only:
            rng = _noun_object(tok)
            confidence = 0.55
            rule = "noun"
        if rng is None and wide:
            rng = _noun_object(tok, any_verb=True)
            confidence = 0.0
            rule = "wide:noun"
        if gate is not None:
            rule, confidence = f"wide:{gate}:{rule}", 0.0
        if rng is None:
            # inverted-subject incise after the content: "..., a expliqué X."
            if _inverted_subject(tok) and tok.i > tok.sent.start + 3:
                cue = cue_span(doc, tok)
                j = cue.start - 1
                while j >= 0 and text[j] in " \u00a0":
                    j -= 1
                if j >= 0 and text[j] == ",":
                    # the content is the sentence before the incise
                    start, end = _content_bounds(
                        text, tok.sent.start_char, j, segments, before_cue=True
                    )
                    if end - start > 20 and not _inside_segment(segments, start, end):
                        yield QuoteCandidate(
                            start,
                            end,
                            "indirect",
                            tok.i,
                            0.6 if gate is None else 0.0,
                            1,
                            "inverted" if gate is None else f"wide:{gate}:inverted",
                        )
            continue
        # coordinated que-clauses ("qu'il … et que les enquêteurs …") stay one content,
        # as the open gold has them eight times in ten
        a, b = rng
        a = _after_quoted_conjunct(doc, a, b, segments)
        if a >= b:
            continue
        raw_end = doc[b - 1].idx + len(doc[b - 1].text)
        if rule == "que":
            raw_end = _with_trailing_fragment(text, doc[a].idx, raw_end, segments)
        start, end = _content_bounds(text, doc[a].idx, raw_end, segments)
        if end <= start:
            continue
        inside = _segment_at(segments, start, end)
        if rule == "noun" and inside:
            # "a dénoncé un « chantage » de la mairie": the fragment is the quote
            seg = inside[0]
            yield QuoteCandidate(
                seg.start, seg.end, "mixed", tok.i, confidence + 0.1, 4, f"{rule}:fragment"
            )
            continue
        if inside:
            start, end = _strip_enclosing_marks(text, start, end, segments)
            start, end = _without_edge_marks(text, start, end)
            yield QuoteCandidate(start, end, "mixed", tok.i, confidence + 0.05, 4, rule)
        else:
            yield QuoteCandidate(start, end, "indirect", tok.i, confidence, 1, rule)


def _after_quoted_conjunct(doc: Doc, a: int, b: int, segments: list[Segment]) -> int:
    """``a précisé que « … » et qu'il importait peu …``: when the first of coordinated
    que-clauses is a whole guillemet segment, a direct quote of its own, the content is
    what follows the conjunction."""
    if doc[a].text not in _OPENING_MARKS:
        return a
    seg = next((s for s in segments if s.open == doc[a].idx), None)
    if seg is None:
        return a
    k = a
    while k < b and doc[k].idx < seg.close:
        k += 1
    if k + 2 < b and doc[k + 1].pos_ == "CCONJ" and doc[k + 2].lower_ in _QUE:
        return k + 3
    return a


def _with_trailing_fragment(text: str, start: int, end: int, segments: list[Segment]) -> int:
    """Extend a clause to a guillemet fragment that ends it (``que le gouvernement
    « ne lâchera rien »``): the parser often hangs the fragment, or its closing mark, on
    the main verb. A fragment opening right after the clause or inside it counts.
    """
    j = end
    while j < len(text) and text[j] in " \u00a0\u202f\t":
        j += 1
    for seg in segments:
        if not (seg.open == j or start <= seg.open < end < seg.close + 1):
            continue
        if "\n" in text[seg.open : seg.close] or any(c in text[start : seg.open] for c in ":;.!?"):
            continue  # a quote after a colon stands on its own
        return min(len(text), max(end, seg.close + 1))  # an unclosed « ends at the text end
    return end


_HYPHENS = "-\u2010"


def _word_end(text: str, end: int) -> int:
    """``end`` moved past the rest of a hyphenated word it cuts (``attentats|-suicides``,
    ``Al-|Qaida``): the tokenizer splits such words and the parser may hang their parts
    elsewhere."""
    while 1 < end < len(text) - 1 and text[end - 2].isalnum():
        if text[end - 1].isalnum() and text[end] in _HYPHENS and text[end + 1].isalnum():
            end += 1
        elif not (text[end - 1] in _HYPHENS and text[end].isalnum()):
            break
        while end < len(text) and text[end].isalnum():
            end += 1
    return end


def _content_bounds(
    text: str, start: int, end: int, segments: list[Segment], *, before_cue: bool = False
) -> tuple[int, int]:
    """Trim a reported content; keep a closing mark only if its quote opened inside.

    A reported content never crosses a line break: the parser's sentences sometimes do
    (a headline, a dateline, the next paragraph), so the part next to the cue is kept.
    """
    if "\n" in text[start:end]:
        if before_cue:
            start = text.rindex("\n", start, end) + 1
        else:
            end = text.index("\n", start, end)
    end = _word_end(text, end)
    start, end = _trim(text, start, end)
    while end > start and text[end - 1] in _CLOSING_MARKS:
        if any(s.close == end - 1 and s.open >= start for s in segments):
            break
        end -= 1
        start, end = _trim(text, start, end)
    return start, end


def _without_edge_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A mixed content that starts or ends with its fragment leaves out the guillemet
    there, as the open gold writes it nine times in ten (``que le blocage est
    « intolérable``, ``Selon X, « environ 80 kg … » seront``)."""
    if end - start > 1 and text[end - 1] in _CLOSING_MARKS:
        end -= 1
        while end > start and text[end - 1] in _SPACES:
            end -= 1
    if end - start > 1 and text[start] in _OPENING_MARKS:
        start += 1
        while start < end and text[start] in _SPACES:
            start += 1
    return start, end


def _inside_segment(segments: list[Segment], start: int, end: int) -> bool:
    return any(s.open <= start and end <= s.close + 1 for s in segments)


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    """A verb, or a subject (the tagger sometimes reads a verb as an adjective: ``remonte``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ in ("VERB", "AUX") or t.dep_ in ("nsubj", "nsubj:pass") for t in span
    )


def _apposition_end(doc: Doc, start: int, limit: int) -> int | None:
    """The comma that closes an apposition opening at ``start`` (names, or a role noun
    with its complements, no verb), or None when ``start`` opens no apposition.

    A role with an article (``, le procureur de Lyon,``) is an apposition only after a
    name; after a noun it may be the subject of the content (``Selon le ministère, le
    porte-parole du gouvernement, X, a …``)."""
    data = french()
    k = start
    after_name = start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN"
    if k < limit and doc[k].pos_ == "DET" and after_name:
        k += 1
    if k >= limit:
        return None
    if doc[k].pos_ == "PROPN" and doc[k - 1].pos_ != "DET":
        while k < limit and doc[k].pos_ == "PROPN":
            k += 1
    elif data.is_role_noun(doc[k].lower_, doc[k].lemma_):
        while (
            k < limit
            and k - start < 14
            and doc[k].text != ","
            and doc[k].pos_ not in ("VERB", "AUX")
            and doc[k].text not in _CLAUSE_STOPS
        ):
            k += 1
    else:
        return _described_apposition_end(doc, start, limit, after_name=after_name)
    return k if k < limit and doc[k].text == "," else None


def _described_apposition_end(doc: Doc, start: int, limit: int, *, after_name: bool) -> int | None:
    """``Selon X, l'un des conseillers du ministre, …``, ``Selon X, du Territoire de la
    capitale, …``: after a name, a phrase opening with a determiner, pronoun or
    preposition and holding no finite verb, between two commas, is an apposition when a
    clause with a finite verb follows it.

    Notes:
        A participle phrase (``…, interrogé par la radio, …``) stays in the content:
        cutting it too put one more sealed quote within strict bounds but gave another
        a wrong speaker (docs/design.md, "Tried and not kept").
    """
    if not (after_name and doc[start].pos_ in ("DET", "ADP", "PRON", "NUM")):
        return None
    k = start
    while k < limit and k - start < 16 and doc[k].text != ",":
        if doc[k].text in _CLAUSE_STOPS or (doc[k].pos_ in ("VERB", "AUX") and is_finite(doc[k])):
            return None
        k += 1
    if k >= limit or doc[k].text != "," or k == start:
        return None
    if not any(t.pos_ in ("VERB", "AUX") and is_finite(t) for t in doc[k + 1 : limit]):
        return None
    return k


def _selon_candidate(doc: Doc, tok: Token, segments: list[Segment]) -> Iterable[QuoteCandidate]:
    """``Selon X, content`` / ``content, selon X`` / ``Le bilan, selon X, fait état de``."""
    text = doc_text(doc)
    sent = tok.sent
    source_end = _selon_source_end(tok)
    if source_end >= len(doc):
        return
    after = doc[source_end]
    if after.text == ",":
        # "Selon son entraîneur, Marc Lebrun, la blessure…", "Selon Marc Lebrun, procureur
        # de Lyon, « … »": a name or a role in apposition is the source's
        k = _apposition_end(doc, source_end + 1, sent.end)
        if k is not None:
            source_end = k
            after = doc[k]
    # "Deux ouvriers ont été blessés, selon la préfecture, et l'usine …": between commas
    # and before a conjunction, the source closes the clause before it; what follows is
    # the journalist's
    closes_clause = (
        tok.i > sent.start
        and doc[tok.i - 1].text == ","
        and after.text == ","
        and source_end + 1 < sent.end
        and doc[source_end + 1].pos_ == "CCONJ"
    )
    if after.text == "," and source_end + 1 < sent.end and not closes_clause:
        # the content follows the source: to the end of the sentence
        start, end = doc[source_end + 1].idx, sent.end_char
    elif closes_clause or (after.is_punct and after.text in ".!?;") or source_end >= sent.end:
        # the source closes the sentence: the content is before it
        start = sent.start_char
        j = tok.i - 1
        while j > sent.start and doc[j].is_punct and doc[j].text not in _CLOSING_MARKS:
            j -= 1
        end = doc[j].idx + len(doc[j].text)
    else:
        return
    start, end = _content_bounds(text, start, end, segments, before_cue=start < tok.idx)
    if end - start < 15 or not _has_verb(doc, start, end):
        return
    if _segment_at(segments, start, end):
        if _strip_enclosing_marks(text, start, end, segments) != (start, end):
            return  # a whole guillemet segment: the direct-quote rules handle it
        start, end = _without_edge_marks(text, start, end)
        yield QuoteCandidate(start, end, "mixed", tok.i, 0.75, 4, "selon")
    else:
        yield QuoteCandidate(start, end, "indirect", tok.i, 0.75, 1, "selon")
