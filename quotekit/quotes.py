from __future__ import annotations
from spacy.tokens import Doc
from quotekit.model import Quote
def find_quotes(doc: Doc) -> tuple[Quote, ...]:
    return ()
