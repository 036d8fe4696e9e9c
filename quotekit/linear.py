"""The trained decisions: linear models over named features, stored as JSON.

quotekit makes two decisions with learned weights: whether a quote candidate is a quote
(:mod:`quotekit.quote_features`) and which candidate is a quote's speaker
(:mod:`quotekit.speakers`). Each is a :class:`LinearModel`: a weight per feature name and
an intercept, scored by a sum in plain Python, so that nothing heavier than the standard
library runs at analysis time. A model folder holds one JSON file per decision
(``quotes.json``, ``speakers.json``); :mod:`quotekit.train` (``quotekit train``) writes it,
and the one that ships is ``quotekit/resources/models/attribution``, trained on the open
gold.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from quotekit.errors import InputError

__all__ = ["DEFAULT_MODEL", "LinearModel", "Models", "load_models"]

#: The folder of the shipped models, inside the package.
DEFAULT_MODEL = "resources/models/attribution"
FORMAT = "quotekit.linear/1"
FILES = {"quotes": "quotes.json", "speakers": "speakers.json"}


@attrs.frozen
class LinearModel:
    """A weight per feature, an intercept, and what the model was trained on."""

    weights: Mapping[str, float] = attrs.field(eq=False)
    intercept: float = 0.0
    meta: Mapping[str, Any] = attrs.field(factory=dict, eq=False)

    def score(self, features: Mapping[str, float]) -> float:
        w = self.weights
        return self.intercept + sum(w.get(name, 0.0) * value for name, value in features.items())

    def probability(self, features: Mapping[str, float]) -> float:
        """The logistic of the score: how likely the features' case is a positive one."""
        s = self.score(features)
        return 1.0 / (1.0 + math.exp(-s)) if s > -500 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "intercept": self.intercept,
            "weights": dict(sorted(self.weights.items())),
            "meta": dict(self.meta),
        }

    @classmethod
    def from_json(cls, data: Any, where: str) -> LinearModel:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(f"{where} is not a quotekit model ({FORMAT}).")
        weights = data.get("weights")
        if not isinstance(weights, dict) or not all(
            isinstance(v, (int, float)) for v in weights.values()
        ):
            raise InputError(f"{where}: 'weights' must map feature names to numbers.")
        return cls(
            {str(k): float(v) for k, v in weights.items()},
            float(data.get("intercept", 0.0)),
            dict(data.get("meta") or {}),
        )


@attrs.frozen
class Models:
    """The two trained decisions of a model folder."""

    quotes: LinearModel
    speakers: LinearModel

    def save(self, folder: str | Path) -> Path:
        """Write the folder (created if needed); return it."""
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        for name, file in FILES.items():
            model: LinearModel = getattr(self, name)
            text = json.dumps(model.to_json(), indent=1, ensure_ascii=False) + "\n"
            (path / file).write_text(text, "utf-8")
        return path


def _read(folder: Path | None, file: str) -> tuple[str, str]:
    if folder is None:
        where = f"the shipped model {file}"
        return resources.files("quotekit").joinpath(f"{DEFAULT_MODEL}/{file}").read_text(
            "utf-8"
        ), where
    path = folder / file
    try:
        return path.read_text("utf-8"), str(path)
    except OSError as err:
        raise InputError(
            f"Cannot read {path}: give the folder written by 'quotekit train ... -o FOLDER' "
            f"({err.strerror or err})."
        ) from err


def load_models(folder: str | Path | None = None) -> Models:
    """Load a model folder written by ``quotekit train``; None loads the shipped one.

    The quote and the attribution components both ask for the folder: it is read once,
    and again only when one of its files changed (a model retrained in place).

    Raises:
        InputError: a file is missing or is not a quotekit model.
    """
    if folder is None:
        return _load(None, ())
    path = Path(folder).resolve()
    stamps = tuple(
        (path / f).stat().st_mtime_ns if (path / f).exists() else -1 for f in FILES.values()
    )
    return _load(str(path), stamps)


@functools.lru_cache(maxsize=8)
def _load(folder: str | None, _stamps: tuple[int, ...]) -> Models:
    path = None if folder is None else Path(folder)
    loaded: dict[str, LinearModel] = {}
    for name, file in FILES.items():
        text, where = _read(path, file)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(f"{where} is not JSON: {err}") from err
        loaded[name] = LinearModel.from_json(data, where)
    return Models(**loaded)
