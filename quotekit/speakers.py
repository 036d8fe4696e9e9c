"""Speaker candidates of a quote and the features a trained ranker scores them by.

The rules of :mod:`quotekit.attribution` read the parse and propose one source per
quote. That proposal is good evidence but not the decision: on articles the rules were
not written on, it is often a noun phrase that cannot speak, a person named inside the
quote, or the last person named before a pronoun. Here every entity of the article that
could be the speaker becomes a candidate, next to the rules' proposal and "nobody", and
each candidate is described by features of evidence that holds in any article: where its
mentions stand relative to the quote and its cue, whether it spoke the quote before,
how salient it is, whether it agrees with a pronoun, what the rules proposed.
:func:`rank_speakers` scores the candidates with weights learned from gold data
(:mod:`quotekit.train`, :mod:`quotekit.linear`), and the best one is the speaker.

Features are plain ``name -> value`` dicts (mostly 1.0 indicators), so that the model is
a readable table of weights.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Sequence

import attrs

from quotekit._resources import french
from quotekit.linear import LinearModel
from quotekit.model import Analysis, Entity, Quote, Span, Speaker

__all__ = [
    "Candidate",
    "RuleEvidence",
    "choose",
    "is_agent_description",
    "rank_speakers",
    "speaker_candidates",
]


#: Distances in characters between a mention and the quote, as bucket edges.
_DISTANCE_EDGES = (0, 40, 120, 300, 700, 1500)


@attrs.frozen
class RuleEvidence:
    """What the attribution rules said of one quote: their speaker and how sure they were.

    ``source`` is how the rules reached the speaker: ``name``, ``role`` (a person reached
    through a role mention the role stage gave them, ``le porte-parole`` for someone named
    before), ``pronoun``, ``description``, ``organization``, ``continuation`` (the previous
    quote's speaker, no cue of its own) or ``none``.
    """

    speaker: Speaker | None
    confidence: float
    source: str
    #: the quote's own confidence, before attribution: how likely it is a quote
    quote_confidence: float = 1.0


@attrs.frozen
class Candidate:
    """One possible speaker of a quote (None: nobody) and its features."""

    speaker: Speaker | None
    features: dict[str, float] = attrs.field(eq=False)


def _bucket(distance: int | None) -> str:
    if distance is None:
        return "none"
    for i, edge in enumerate(_DISTANCE_EDGES[1:]):
        if distance < edge:
            return str(i)
    return str(len(_DISTANCE_EDGES) - 1)


def _count_bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n <= 3 else "4" if n <= 7 else "8"


def _conf_bucket(c: float) -> str:
    return "lo" if c < 0.6 else "mid" if c < 0.8 else "hi"


class _Text:
    """Sentence and paragraph numbers of character offsets, by plain text rules."""

    def __init__(self, text: str, sentence_starts: Sequence[int]) -> None:
        self.sentence_starts = list(sentence_starts) or [0]
        self.paragraph_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def sentence(self, char: int) -> int:
        return bisect.bisect_right(self.sentence_starts, char) - 1

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1


def _pronoun_of(evidence: RuleEvidence) -> tuple[str, str] | None:
    if evidence.speaker is None or evidence.speaker.mention is None:
        return None
    form = evidence.speaker.mention.text.lower().lstrip("-").removeprefix("t-")
    found = french().pronouns.get(form)
    if found is None:
        return None
    gender, number = found
    return gender or "", number


def _nearest_mention(entity: Entity, quote: Quote) -> Span | None:
    """The name mention of ``entity`` nearest to the quote, outside it (before first)."""
    before = [m for m in entity.mentions if m.end <= quote.start]
    if before:
        m = max(before, key=lambda m: m.end)
        return m.span
    after = [m for m in entity.mentions if m.start >= quote.end]
    if after:
        m = min(after, key=lambda m: m.start)
        return m.span
    return None


def _entity_features(
    entity: Entity,
    quote: Quote,
    *,
    text: _Text,
    recency: dict[str, int],
    most_mentioned: str | None,
    previous: Speaker | None,
    evidence: RuleEvidence,
) -> dict[str, float]:
    f: dict[str, float] = {}
    has_cue = quote.cue is not None
    cue_tag = "cue" if has_cue else "nocue"
    f[f"ent:{entity.kind}"] = 1.0
    f[f"ent:{entity.kind}:{quote.kind}"] = 1.0
    is_rule = evidence.speaker is not None and evidence.speaker.entity == entity.id
    if is_rule:
        f["rule"] = 1.0
        f[f"rule:{evidence.source}"] = 1.0
        f[f"rule:{evidence.source}:{_conf_bucket(evidence.confidence)}"] = 1.0
        f[f"rule:{quote.kind}"] = 1.0
    mentions = entity.mentions
    before = [quote.start - m.end for m in mentions if m.end <= quote.start]
    after = [m.start - quote.end for m in mentions if m.start >= quote.end]
    inside = [m for m in mentions if quote.start <= m.start and m.end <= quote.end]
    d_before = min(before) if before else None
    d_after = min(after) if after else None
    f[f"before:{_bucket(d_before)}"] = 1.0
    f[f"after:{_bucket(d_after)}"] = 1.0
    f[f"before:{_bucket(d_before)}:{quote.kind}"] = 1.0
    f[f"after:{_bucket(d_after)}:{quote.kind}"] = 1.0
    if inside:
        f["inside"] = 1.0
        if not before and not after:
            f["inside_only"] = 1.0
    if not before:
        f["first_after_quote"] = 1.0
    q_sentence = text.sentence(quote.start)
    q_end_sentence = text.sentence(max(quote.start, quote.end - 1))
    outside = [m for m in mentions if m.end <= quote.start or m.start >= quote.end]
    sentences = {text.sentence(m.start) for m in outside}
    if sentences & {q_sentence, q_end_sentence}:
        f["same_sentence"] = 1.0
    elif q_sentence - 1 in sentences:
        f["previous_sentence"] = 1.0
    if {text.paragraph(m.start) for m in outside} & {text.paragraph(quote.start)}:
        f["same_paragraph"] = 1.0
    if quote.cue is not None:
        cue = quote.cue
        near = [
            m for m in outside if (0 <= cue.start - m.end <= 40) or (0 <= m.start - cue.end <= 40)
        ]
        if near:
            f["near_cue"] = 1.0
            f[f"near_cue:{quote.kind}"] = 1.0
        if any(text.sentence(m.start) == text.sentence(cue.start) for m in outside):
            f["cue_sentence"] = 1.0
    rank = recency.get(entity.id)
    f[f"recency:{'none' if rank is None else min(rank, 3)}:{cue_tag}"] = 1.0
    f[f"count:{_count_bucket(len(mentions))}"] = 1.0
    if entity.id == most_mentioned:
        f["most_mentioned"] = 1.0
    if previous is not None and previous.entity == entity.id:
        f["previous_speaker"] = 1.0
        f[f"previous_speaker:{cue_tag}"] = 1.0
        f[f"previous_speaker:{quote.kind}"] = 1.0
    pronoun = _pronoun_of(evidence)
    if pronoun is not None:
        gender, number = pronoun
        if entity.kind == "person":
            agree_g = not gender or entity.gender is None or entity.gender == gender
            agree_n = (entity.number or "sing") == number
            f["pronoun_agrees" if agree_g and agree_n else "pronoun_disagrees"] = 1.0
            if rank is not None:
                f[f"pronoun_recency:{min(rank, 3)}"] = 1.0
        else:
            f["pronoun_org"] = 1.0
    return f


def speaker_candidates(
    analysis: Analysis,
    index: int,
    evidence: RuleEvidence,
    *,
    sentence_starts: Sequence[int],
    text: str,
    previous: Speaker | None,
    window: int = 2500,
    view: _Text | None = None,
) -> list[Candidate]:
    """The candidates for the speaker of ``analysis.quotes[index]``.

    Args:
        analysis: The article's analysis, with the entities the attribution rules found.
        index: Which quote.
        evidence: The rules' speaker of that quote.
        sentence_starts: Character offsets where the article's sentences start.
        text: The article.
        previous: The speaker of the quote before, if any.
        window: Entities with no mention this close to the quote (characters) are left out.
        view: The article's sentence and paragraph index, when the caller made it once for
            all its quotes.

    Returns:
        Nobody, the rules' speaker when it is a bare description (or the role phrase
        through which they reached a person), and each entity with a
        name mention within ``window`` characters of the quote.
    """
    quote = analysis.quotes[index]
    if view is None:
        view = _Text(text, sentence_starts)
    # recency: entities ordered by their last name mention before the quote
    last: dict[str, int] = {}
    for e in analysis.entities:
        ends = [m.end for m in e.mentions if m.end <= quote.start]
        if ends:
            last[e.id] = max(ends)
    recency = {eid: r for r, eid in enumerate(sorted(last, key=lambda k: -last[k]))}
    persons = [e for e in analysis.entities if e.kind == "person"]
    most = max(persons, key=lambda e: (len(e.mentions), -e.mentions[0].start), default=None)
    most_mentioned = most.id if most is not None and len(most.mentions) > 1 else None
    cue_tag = "cue" if quote.cue is not None else "nocue"

    out: list[Candidate] = []
    nobody = {"nobody": 1.0, f"nobody:{cue_tag}": 1.0, f"nobody:{quote.kind}": 1.0}
    if evidence.speaker is None:
        nobody["nobody:rule"] = 1.0
    out.append(Candidate(None, nobody))
    rule_phrase: Span | None = None
    if evidence.speaker is not None and evidence.speaker.entity is None:
        desc = _description_candidate(evidence.speaker.name, quote.kind)
        desc["rule"] = 1.0
        desc[f"rule:{evidence.source}"] = 1.0
        desc[f"rule:{evidence.source}:{_conf_bucket(evidence.confidence)}"] = 1.0
        rule_phrase = evidence.speaker.mention
        out.append(Candidate(evidence.speaker, desc))
    elif evidence.source == "role" and evidence.speaker is not None and evidence.speaker.mention:
        # the person reached through a role mention may be a guess: the bare description
        # stays a candidate
        phrase = evidence.speaker.mention
        desc = _description_candidate(phrase.text, quote.kind)
        desc["description:via_role"] = 1.0
        out.append(Candidate(Speaker(phrase.text, "description", None, phrase), desc))
    pronoun = _pronoun_of(evidence)
    # the gender a pronoun gives its referent: "ils" may stand for a mixed group
    pronoun_gender = ""
    if pronoun is not None and pronoun != ("m", "plur"):
        pronoun_gender = pronoun[0]
    for entity in analysis.entities:
        near = any(
            m.start < quote.end + window and m.end > quote.start - window for m in entity.mentions
        )
        is_rule = evidence.speaker is not None and evidence.speaker.entity == entity.id
        if not (near or is_rule):
            continue
        if (
            pronoun_gender
            and entity.kind == "person"
            and entity.gender is not None
            and entity.gender != pronoun_gender
        ):
            continue  # "a-t-elle dit" is no man's word, whatever else points to him
        if is_rule and evidence.speaker is not None:
            speaker = evidence.speaker
        else:
            mention = _nearest_mention(entity, quote)
            speaker = Speaker(entity.name, entity.kind, entity.id, mention)
        features = _entity_features(
            entity,
            quote,
            text=view,
            recency=recency,
            most_mentioned=most_mentioned,
            previous=previous,
            evidence=evidence,
        )
        if rule_phrase is not None and any(
            rule_phrase.start <= m.start and m.end <= rule_phrase.end for m in entity.mentions
        ):
            # "les informations d'un porte-parole de la police": the entity inside it
            features["in_rule_phrase"] = 1.0
        out.append(Candidate(speaker, features))
    return out


@functools.lru_cache(maxsize=1)
def _agent_nouns() -> frozenset[str]:
    """Nouns for people or organisations: the words that let a description speak."""
    data = french()
    return (
        data.role_nouns
        | data.generic_person_nouns
        | data.event_person_nouns
        | data.organization_heads
        | data.nationalities
    )


def _description_words(phrase: str) -> list[str]:
    words = [w.strip(".,;:'’«»\"()").lower() for w in phrase.replace("'", " ").split()]
    return [w for w in words if w]


def is_agent_description(phrase: str) -> bool:
    """One of the description's words is a noun for people or organisations."""
    agents = _agent_nouns()
    return any(w in agents or w.rstrip("sx") in agents for w in _description_words(phrase))


def _description_candidate(phrase: str, kind: str) -> dict[str, float]:
    """The features every description candidate has, whatever proposed it."""
    return {"description": 1.0, f"description:{kind}": 1.0, **_description_features(phrase)}


def _description_features(phrase: str) -> dict[str, float]:
    """Can a description speak: is one of its words a noun for people or organisations?"""
    words = _description_words(phrase)
    f: dict[str, float] = {}
    if is_agent_description(phrase):
        f["description:agent"] = 1.0
    else:
        f["description:no_agent"] = 1.0
    if len(words) > 6:
        f["description:long"] = 1.0
    if phrase[:1].isupper():
        f["description:capitalised"] = 1.0
    return f


def choose(model: LinearModel, candidates: Sequence[Candidate]) -> tuple[Candidate, float]:
    """The best candidate and its probability among the candidates (a softmax)."""
    scores = [model.score(c.features) for c in candidates]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    best = scores.index(top)
    return candidates[best], exps[best] / sum(exps)


def rank_speakers(
    analysis: Analysis,
    evidence: Sequence[RuleEvidence],
    model: LinearModel,
    *,
    text: str,
    sentence_starts: Sequence[int],
) -> Analysis:
    """Choose each quote's speaker among its candidates with the trained ``model``.

    Args:
        analysis: The analysis after the attribution rules (their speakers, entities).
        evidence: What the rules decided for each quote, in order.
        model: The trained speaker model.
        text: The article.
        sentence_starts: Where its sentences start (characters).

    Returns:
        The analysis with the chosen speakers. A quote's confidence becomes the
        probability that it is a quote (its confidence before attribution) times the
        probability the model gives its speaker among the candidates.
    """
    quotes = []
    previous: Speaker | None = None
    view = _Text(text, sentence_starts)
    for i, quote in enumerate(analysis.quotes):
        candidates = speaker_candidates(
            analysis,
            i,
            evidence[i],
            sentence_starts=sentence_starts,
            text=text,
            previous=previous,
            view=view,
        )
        best, p = choose(model, candidates)
        confidence = round(max(0.0, min(1.0, evidence[i].quote_confidence * p)), 4)
        quotes.append(attrs.evolve(quote, speaker=best.speaker, confidence=confidence))
        if evidence[i].speaker is not None:
            previous = evidence[i].speaker
    return attrs.evolve(analysis, quotes=tuple(quotes))
