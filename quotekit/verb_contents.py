"""What a reporting verb reports: the token range of its content in the parse.

A que-clause (``a affirmé que …``), an infinitive object (``annonce vouloir …``, or one the
parser hangs on the addressee: ``recommande aux voyageurs de …``), a noun object for the
verbs flagged ``object`` (``a démenti toute implication``) or the ``de`` phrase of an
expression (``fait état de …``), and what ``se dire`` says of its subject. Each stops
where the parse and the punctuation end the clause, and runs over words the parse hung
elsewhere when no other clause comes first. :mod:`quotekit.indirect` turns these ranges
into quote candidates.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotekit._resources import french
from quotekit.cues import (
    _infinitive,
    is_finite,
    light_verb_word,
    reporting_lemma,
)
from quotekit.speakers import is_agent_description

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
            if _relative_after_noun(verb, tok):
                return None  # "un message qu'il a posté": a relative pronoun, no clause
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
            # the parse may hang the clause's last words elsewhere ("que les écoles
            # resteront fermées, sauf exceptions"): with no verb of its
            # own, the rest of the sentence is the clause's
            right = _verbless_rest(doc, right, sent_end)
            return k, _before_new_speech(doc, k, right + 1)
        if light is not None and tok.i == light.i:
            continue  # "a fait savoir que"
        if tok.pos_ == "VERB" or tok.text in _CLAUSE_STOPS or "\n" in tok.text:
            return None
    return None


#: The prepositions of an addressee (``a confié à ses proches qu'elle …``).
_TO = frozenset({"à", "au", "aux"})


def _relative_after_noun(verb: Token, que: Token) -> bool:
    """Whether ``que``, after a noun between ``verb`` and it, is the object of a relative
    clause on that noun (``a condamné ces violences dans un message qu'il a posté``), not
    the complementizer of ``verb``'s content. The parse says relative (``que`` the object
    of an ``acl:relcl`` verb on the noun), but it misreads a complementizer as one when
    the clause's verb has an object or complement of its own (``explique dans un
    communiqué qu'elle remboursera les billets``, ``qu'il comptait démissionner``) or the
    noun is the addressee (``a confié à ses proches qu'elle …``)."""
    clause = que.head
    noun = clause.head
    return (
        que.dep_ == "obj"
        and clause.dep_ == "acl:relcl"
        and verb.i < noun.i < que.i
        and not any(c.dep_ == "case" and c.lower_ in _TO for c in noun.children)
        and not any(c.dep_ in ("obj", "xcomp", "ccomp") and c.i != que.i for c in clause.children)
    )


_REST_STOPS = frozenset({";", ":", "«", "(", ".", "!", "?", "…"})


#: Words that open an infinitive adjunct (``pour``, ``sans``, ``afin de``, ``avant de``).
_ADJUNCT_MARKS = frozenset({"pour", "sans", "afin", "avant", "de", "d'", "d’", "à"})


def _predicate(tok: Token, before: int) -> bool:
    """A verb of its own clause: finite, or a participle or infinitive that hangs on a
    word up to ``before`` (``a requis la relaxe et dénoncé``), not on a noun after it
    (``des photos prises par``) nor opened by ``pour``, ``sans``, ``de`` (an adjunct)."""
    if is_finite(tok):
        return True
    if _infinitive(tok) and any(
        c.dep_ == "mark" and c.lower_ in _ADJUNCT_MARKS for c in tok.children
    ):
        return False  # "pour avoir menti aux juges": a reason or purpose, part of the content
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
    """What ``fait état de`` and ``a fait part de`` report: their ``de`` phrase (``de 12
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
                start += 1  # "de 12 blessés": "de" stays out; "des blessés" keeps its article
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
        if child.left_edge.i != end or (child.left_edge.lower_ in _TO and _addressee(child)):
            break  # "réclame 40 millions d'euros à la région": whom it is said to
        end = child.right_edge.i + 1
    doc = verb.doc
    if end < verb.sent.end and doc[end].lower_ in _TO and _addressee(doc[end].head):
        return end
    # as a que-clause: words the parse hung elsewhere, with no verb, are the object's
    return _verbless_rest(doc, end - 1, verb.sent.end) + 1


#: Media one speaks to or through: "a annoncé sa démission à la presse, à la radio".
_MEDIA = frozenset(
    {"presse", "radio", "télévision", "télé", "média", "médias", "chaîne", "journal"}
    | {"journaux", "quotidien", "hebdomadaire", "magazine", "antenne", "micro", "caméra"}
)


def _addressee(noun: Token) -> bool:
    """The noun of an ``à`` phrase names whom something is said to: a name, a pronoun,
    a noun for people, institutions (``à la région``) or the media (``à la presse``), not
    a thing (``sa candidature à l'élection``, which stays in the content)."""
    return (
        noun.pos_ in ("PROPN", "PRON")
        or is_agent_description(noun.text)
        or noun.lower_ in french().place_nouns
        or noun.lower_ in _MEDIA
    )


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
