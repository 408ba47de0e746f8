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
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import doc_text, sentence_of
from ..record import Actor
from .candidate import FOREIGN_WORDS, LOCAL_SECTORS, Candidate
from .lexicon import ActorLexicon, about_us_states, actor_lexicon, lookup_key, named_abroad, seceded_later
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
        self._home_bodies(doc, doc._.actors, lexicon)
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

    def _home_bodies(self, doc: Doc, actors: list[Actor], lexicon: ActorLexicon) -> None:
        """An unnamed state body, local group or titled official whose own sentence gave no
        country ("the Interior Ministry said", "local police", "protesters") is the country's the
        article is about, when it is about one (`article_country`)."""
        homeless = [a for a in actors if a.country is None and _serves_at_home(a)]
        if not homeless:
            return
        home = article_country(doc, actors, lexicon)
        for actor in homeless if home else ():
            actor.country = home
            recoded(actor)

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


# an article is about one country when that country is named in this share of the sentences
# naming any, and in at least this many of them
ARTICLE_COUNTRY_SHARE = 0.6
ARTICLE_COUNTRY_SENTENCES = 3
# the sectors of a state's own bodies and people: they act at home unless the text says otherwise
_OFFICES = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "OPP", "PTY"})
_HOME_SECTORS = _OFFICES | LOCAL_SECTORS


def article_country(doc: Doc, actors: list[Actor], lexicon: ActorLexicon) -> str | None:
    """The country an article is about, when it is about one: the country its actors and places
    name in at least ``ARTICLE_COUNTRY_SHARE`` of the sentences that name any country, and in at
    least ``ARTICLE_COUNTRY_SENTENCES`` of them; None for an article about several."""
    by_sentence: dict[int, set[str]] = {}
    text_len = len(doc_text(doc))
    for a in actors:
        if a.country in (None, "IGO"):
            continue
        for m in a.mentions:
            tok = doc.char_span(m.start, min(m.end, text_len), alignment_mode="expand")
            if tok is not None and len(tok):
                by_sentence.setdefault(sentence_of(tok[0]).start_char, set()).add(a.country or "")
    for sent in doc.sents:
        places = place_codes(sent, lexicon) - {"IGO"}
        if places:
            by_sentence.setdefault(sent.start_char, set()).update(places)
    if not by_sentence:
        return None
    code, n = Counter(c for codes in by_sentence.values() for c in codes).most_common(1)[0]
    if n >= ARTICLE_COUNTRY_SENTENCES and n >= ARTICLE_COUNTRY_SHARE * len(by_sentence):
        return code
    return None


def _serves_at_home(actor: Actor) -> bool:
    """A body, group or titled person of a state's own sectors, named by description only (no
    dictionary code), and not said to be foreign ("foreign ministers", "Western diplomats")."""
    if actor.sector not in _HOME_SECTORS or actor.code_source == "dictionary":
        return False
    if actor.kind == "person" and not (actor.roles and actor.sector in _OFFICES):
        return False  # a person is placed by an office, not by being named in the story
    if actor.kind not in ("person", "organization", "group"):
        return False
    return not any(w in FOREIGN_WORDS for m in actor.mentions for w in m.text.lower().split())


@Language.factory("newsgraph_actors", assigns=["doc._.actors"])
def make_actors_component(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
