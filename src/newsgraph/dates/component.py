"""spaCy component ``newsgraph_dates``: fills ``doc._.timexes``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class DatesComponent:
    """Placeholder until the dates stage lands: sets an empty list."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = []
        return doc


@Language.factory("newsgraph_dates", assigns=["doc._.timexes"])
def make_dates_component(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)
