"""spaCy component ``newsgraph_actors``: fills ``doc._.actors``.

Mentions come from :mod:`newsgraph.actors.mentions` (entities, known bodies,
nationality groups, roles and codes); :mod:`newsgraph.actors.merge` joins them
into actors and links pronouns and descriptions. Codes come from evidence only:
a nationality word, a place, a known body or figure, or — for unnamed groups,
state bodies and titled people — a sentence that names one country only;
without any, an actor stays ``country=None``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import actor_lexicon
from .mentions import MentionFinder
from .merge import merge_candidates


class ActorsComponent:
    """People, organisations, countries and groups of an article, merged, with roles and codes."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon = actor_lexicon()
        self.finder = MentionFinder(nlp, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = merge_candidates(doc, self.finder.candidates(doc), self.lexicon)
        return doc


@Language.factory("newsgraph_actors", assigns=["doc._.actors"])
def make_actors_component(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
