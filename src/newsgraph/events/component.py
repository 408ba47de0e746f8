"""spaCy component ``newsgraph_events``: fills ``doc._.events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class EventsComponent:
    """Placeholder until the events stage lands: sets an empty list."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory("newsgraph_events", assigns=["doc._.events"])
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
