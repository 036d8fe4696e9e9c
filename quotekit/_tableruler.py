"""spaCy's ``attribute_ruler``, as array operations when its patterns allow it.

The French pipelines' attribute ruler holds 23 one-token patterns: 20 copy the part of
speech into the tag (``{"POS": "NOUN"}`` -> ``TAG = "NOUN"``), three fix the
annotations of whitespace tokens. spaCy runs them through its Matcher, one Python
object per token, which cost about 5% of quotekit's time on news. :func:`table_ruler`
reads the ruler's patterns and, when every one of them is a single token tested on
``POS``, ``IS_SPACE`` or ``DEP`` that sets ``TAG``, ``POS``, ``MORPH`` or ``DEP``,
returns a :class:`TableRuler` that gives the same annotations from the Doc's arrays;
otherwise it returns None and the ruler itself runs.

As in spaCy, every pattern is tested on the Doc as it comes in, then the matched
patterns are applied in the order they were added, a later one overwriting an earlier
one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, MORPH, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

__all__ = ["TableRuler", "table_ruler"]

_SETTABLE = (TAG, POS, MORPH, DEP)
_READ = [POS, IS_SPACE, DEP, TAG, MORPH]
_COLUMN = {TAG: 3, POS: 0, MORPH: 4}
#: A test on one column of ``_READ``: (column, accepted values, negated).
_Test = tuple[int, frozenset[int], bool]


class _Step:
    """One pattern: its tests (column, accepted values, negated) and what it sets."""

    def __init__(self, tests: list[_Test], sets: dict[int, int]):
        self.tests = [(column, sorted(accepted), negated) for column, accepted, negated in tests]
        self.sets = sets

    def mask(self, values: numpy.ndarray) -> numpy.ndarray:
        hit = numpy.ones(len(values), dtype=bool)
        for column, accepted, negated in self.tests:
            found = values[:, column] == accepted[0]
            for value in accepted[1:]:
                found |= values[:, column] == value
            hit &= ~found if negated else found
        return hit


class TableRuler:
    """The attribute ruler's patterns, applied to a Doc's arrays.

    The leading patterns that copy one part of speech into the tag become one lookup
    table; the others are tested with array masks.
    """

    def __init__(self, name: str, tags: dict[int, int], steps: list[_Step]) -> None:
        self.name = name
        self._table = numpy.zeros(max(POS_IDS.values()) + 1, dtype="uint64")
        for pos, tag in tags.items():
            self._table[pos] = tag
        self._steps = steps

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values: Any = doc.to_array(_READ)
        new = values.copy()
        tags = self._table[values[:, 0]]
        copied = tags != 0
        new[copied, 3] = tags[copied]
        deps: dict[int, int] = {}
        for step in self._steps:
            hit = step.mask(values)
            if not hit.any():
                continue
            for attr, value in step.sets.items():
                if attr == DEP:
                    deps.update(dict.fromkeys(numpy.flatnonzero(hit).tolist(), value))
                else:
                    new[hit, _COLUMN[attr]] = value
        doc.from_array([POS, TAG, MORPH], new[:, [0, 3, 4]])
        for i, value in deps.items():
            doc[i].dep = value
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def table_ruler(ruler: Any) -> TableRuler | None:
    """A :class:`TableRuler` doing what ``ruler`` (a spaCy AttributeRuler) does, or None
    when one of its patterns is more than a single token tested on ``POS``,
    ``IS_SPACE`` or ``DEP`` (``NOT_IN``)."""
    strings = ruler.vocab.strings
    tags: dict[int, int] = {}
    steps: list[_Step] = []
    for i, attrs in enumerate(ruler.attrs):
        if ruler.indices[i] not in (0, -1) or not set(attrs) <= set(_SETTABLE):
            return None
        found = ruler.matcher.get(str(i))
        if found is None:
            return None
        tests_of_patterns = [_tests(pattern, strings) for pattern in found[1]]
        if any(tests is None for tests in tests_of_patterns):
            return None
        for tests in tests_of_patterns:
            assert tests is not None
            only_pos = len(tests) == 1 and tests[0][0] == 0 and not tests[0][2]
            if only_pos and set(attrs) == {TAG} and not steps:
                for pos in tests[0][1]:
                    tags[pos] = attrs[TAG]
            else:
                steps.append(_Step(tests, dict(attrs)))
    return TableRuler(ruler.name, tags, steps)


def _tests(pattern: list[dict[str, Any]], strings: Any) -> list[_Test] | None:
    """The tests of a one-token pattern as (column, values, negated), or None."""
    if len(pattern) != 1:
        return None
    tests = []
    for key, value in pattern[0].items():
        if key == "POS" and isinstance(value, str) and value in POS_IDS:
            tests.append((0, frozenset({POS_IDS[value]}), False))
        elif key == "IS_SPACE" and isinstance(value, bool):
            tests.append((1, frozenset({int(value)}), False))
        elif key == "DEP" and isinstance(value, dict) and set(value) == {"NOT_IN"}:
            tests.append((2, frozenset(strings.add(v) for v in value["NOT_IN"]), True))
        else:
            return None
    return tests
