"""spaCy component ``newsgraph_actors``: fills ``doc._.actors``.

Mentions come from :mod:`newsgraph.actors.mentions` (entities, known bodies,
nationality groups, roles and codes); :mod:`newsgraph.actors.merge` joins them
into actors and links pronouns and descriptions. Codes come from evidence only:
a nationality word, a place, a known body or figure, or — for unnamed groups,
state bodies and titled people — a sentence that names one country only;
without any, an actor stays ``country=None``.
"""

from __future__ import annotations

import copy

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import doc_text, sentence_of
from ..record import Actor
from .candidate import Candidate
from .lexicon import about_us_states, actor_lexicon, lookup_key, named_abroad, seceded_later
from .mentions import MentionFinder
from .merge import merge_candidates, recoded
from .where import only_country, place_codes

US_STATES_KEY = "newsgraph.us_states"
SECEDED_KEY = "newsgraph.seceded_later"  # successor state -> the state it left, for this text


# the titles of American offices, in a text read as about the United States: "Rep. Jim Jordan",
# "Gov. Scott Walker" hold their office there (a senator of another country is named with it)
_AMERICAN_TITLES = frozenset({"sen.", "rep.", "gov.", "senator", "congressman", "congresswoman", "governor"})


# the chambers a text about the United States names without saying whose
_CHAMBERS = frozenset({"house", "senate", "house of representatives", "legislature", "state legislature"})
_CHAMBERS |= {"state senate", "state house", "general assembly"}


def _american_chambers(actors: list[Actor]) -> None:
    """In a text read as about the United States, "the House", "the Senate", "the Legislature" are
    American legislatures."""
    for actor in actors:
        if actor.kind == "organization" and actor.country is None and lookup_key(actor.name) in _CHAMBERS:
            actor.country, actor.sector = "USA", actor.sector or "LEG"
            recoded(actor)


def _american_office_holders(actors: list[Actor]) -> None:
    for actor in actors:
        if actor.kind == "person" and actor.country is None:
            # the title's last word: "Florida Rep." is a representative
            titles = {w.lower().split()[-1] for w in (*(m.text for m in actor.mentions), *actor.roles) if w.strip()}
            if titles & _AMERICAN_TITLES:
                actor.country = "USA"
                recoded(actor)


class ActorsComponent:
    """People, organisations, countries and groups of an article, merged, with roles and codes."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon = actor_lexicon()
        self.finder = MentionFinder(nlp, self.lexicon)
        # the same finder (its matchers shared) reading "Georgia" as the US state
        self.us_lexicon = self.lexicon.reading_us_states()
        self.us_finder = copy.copy(self.finder)
        self.us_finder.lex = self.us_lexicon

    def __call__(self, doc: Doc) -> Doc:
        us = doc.user_data[US_STATES_KEY] = about_us_states(doc_text(doc))
        finder, lexicon = (self.us_finder, self.us_lexicon) if us else (self.finder, self.lexicon)
        candidates = finder.candidates(doc)
        if us:
            self._countries_abroad(doc, candidates)
        self._bodies_abroad(doc, candidates)
        doc._.actors = merge_candidates(doc, candidates, lexicon)
        self._whose_groups(doc._.actors)
        if us:
            _american_office_holders(doc._.actors)
            _american_chambers(doc._.actors)
        seceded = doc.user_data[SECEDED_KEY] = seceded_later(doc_text(doc))
        for actor in doc._.actors if seceded else ():
            # "Sudanese rebels shelled Juba": a town of the state as it was when the text was written
            old = seceded.get(actor.country or "")
            if old is not None:
                actor.country = old
                recoded(actor)
                if actor.kind == "country":
                    actor.name = lexicon.country_names.get(old, actor.name)
        return doc

    def _whose_groups(self, actors: list[Actor]) -> None:
        """A group named after a person or body ("Sanders supporters", "Clinton aides") with no
        country of its own takes the country its owner has once all mentions are merged."""
        people = [a for a in actors if a.kind in ("person", "organization") and a.country]
        for group in (a for a in actors if a.kind == "group" and a.country is None):
            for m in group.mentions:
                whose = next(
                    (p for p in people for n in p.mentions if m.start <= n.start and n.end < m.end),
                    None,
                )
                if whose is not None:
                    group.country = whose.country
                    recoded(group)
                    break

    def _countries_abroad(self, doc: Doc, candidates: list[Candidate]) -> None:
        """In a sentence that names another country, "Georgia" is the country again: "Putin's
        invasions of Georgia and Ukraine" in an article about the primaries."""
        for c in candidates:
            code = self.lexicon.countries.get(c.text.lower())
            span = doc.char_span(c.start, c.end, alignment_mode="expand") if code and c.country == "USA" else None
            if code and span is not None and named_abroad(sentence_of(span), self.lexicon):
                c.country = code

    def _bodies_abroad(self, doc: Doc, candidates: list[Candidate]) -> None:
        """A body many states name alike ("Congress"), read as America's, is the one other state its
        sentence names when the text names nothing American: "marched on Congress in Buenos Aires"."""
        alike = self.lexicon.named_alike
        ours = [c for c in candidates if c.country == "USA" and alike(c.text)]
        if not ours or any(c.country == "USA" and not alike(c.text) for c in candidates):
            return
        for c in ours:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is None:
                continue
            words = {self.lexicon.code_of_word(t.text) for t in sentence_of(span) if t.ent_type_ == "NORP"}
            named = only_country((place_codes(sentence_of(span), self.lexicon) | words) - {"USA", None})
            if named:
                c.country = named


@Language.factory("newsgraph_actors", assigns=["doc._.actors"])
def make_actors_component(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
