from __future__ import annotations
from spacy.tokens import Doc
from quotekit.model import Entity
def find_entities(doc: Doc) -> tuple[Entity, ...]:
    return ()
