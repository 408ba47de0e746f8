"""spaCy component ``newsgraph_actors``: fills ``doc._.actors``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ActorsComponent:
    """Placeholder until the actors stage lands: sets an empty list."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = []
        return doc


@Language.factory("newsgraph_actors", assigns=["doc._.actors"])
def make_actors_component(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
