"""spaCy component ``newsgraph_places``: place names the model misread become places.

The small English model labels rare place names as people, bodies, nationalities or
products, or not at all: "demonstrators in Dakar" (PERSON), "in Tunis" (NORP), "in Herat"
(ORG), "in Montevideo" (PRODUCT), "in Yaounde" (nothing). Every later stage reads places
from ``GPE`` entities, so such a place would give no country. A proper noun right after a
preposition of place that the gazetteers know as a country, a province or a town of at
least :data:`TOWN_SIZE` people, and that is no known person or body, is relabelled
``GPE``; so is one named after "the town of", "the capital of" and the like. People's
names are only overridden after "in", "at", "near", "the town of" and the like ("a call
from Warren" keeps its senator). A nationality word the model left untagged ("Ugandan
opposition candidates", "the Montenegrin government") becomes ``NORP``, as the stages
read nationalities from those entities too.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import ENT_IOB, IS_SPACE, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..nlp import children_of, entity_at, tokens_with
from .lexicon import TOWN_SIZE, actor_lexicon, capitals, lookup_key, provinces, town_sizes
from .where import LOCATIVE_PREPS

# where something happens (the actor stage's prepositions of place): a person's name after
# these is still a place ("riots in Dakar")
WHERE = frozenset(LOCATIVE_PREPS)
# movement: a place the model read as a body or nothing ("flew to Yaounde"), never as a person
WHITHER = frozenset({"from", "to", "toward", "towards"})
# nouns whose "of" names a place: "the town of Goma", "the capital of Burundi", "the safe area of Zepa"
PLACE_NOUNS = frozenset(
    {"town", "city", "village", "capital", "port", "province", "region", "district", "suburb", "enclave", "area"}
)
# countries whose names are also people's ("Jim Jordan", "Chad", "India Walton")
_NAMES_TOO = frozenset({"chad", "jordan", "georgia", "india", "israel"})
# places named after the town they are in ("Algiers airport", "Kabul university")
SITES = frozenset({"airport", "port", "harbour", "harbor", "prison", "jail", "university", "camp", "base", "station"})
# labels the model gives places by mistake; anything else (dates, numbers, laws) is left alone
MISREAD = frozenset({"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", ""})


def entities_within_lines(doc: Doc) -> None:
    """An entity ends at a line break and never starts or ends on whitespace. The small model
    runs names across the lines of scraped pages ("Donald Trump\\nMANCHESTER", "Fault\\nTed
    Cruz") and takes in a line's last newline ("Janet Yellen\\n"); of the parts of a name cut
    at line breaks the longest is kept (the other is a headline word or a dateline)."""
    spaces = np.flatnonzero(doc.to_array(IS_SPACE))
    if not len(spaces):
        return
    iob = doc.to_array(ENT_IOB)  # 1: inside an entity, 3: beginning one
    in_entities = {int(i) for i in spaces if iob[i] in (1, 3)}
    if not in_entities:
        return
    fixed: list[Span] = []
    for ent in doc.ents:
        if not any(ent.start <= i < ent.end for i in in_entities):
            fixed.append(ent)
            continue
        parts: list[tuple[int, int]] = []
        start = ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or (i in in_entities and "\n" in doc[i].text):
                s, e = start, i
                while s < e and s in in_entities:
                    s += 1
                while e > s and e - 1 in in_entities:
                    e -= 1
                if e > s:
                    parts.append((s, e))
                start = i + 1
        if parts:
            s, e = max(parts, key=lambda p: (p[1] - p[0], -p[0]))
            fixed.append(Span(doc, s, e, label=ent.label))
    doc.ents = fixed
    doc.user_data.pop("newsgraph.ents", None)


class PlaceEntities:
    """Relabel known places the model gave another label (or none) after a preposition of place."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon = actor_lexicon()
        self.sizes = town_sizes()
        self.provinces = frozenset(k for k, codes in provinces().items() if len(codes) == 1)
        self.capitals = capitals()
        # one-word nationality words ("Ugandan", "Montenegrins"), for a fast first look
        self.demonyms = frozenset(k for k in self.lexicon.demonyms if " " not in k and "-" not in k)
        # one-word countries, and the cities and regions of our lexicon, which the news names for
        # their governments ("Oslo said") or as places ("supplies to Kiev"); not people's names
        # ("Victoria", "Jordan")
        lex = self.lexicon
        self.city_words = frozenset(k for k in lex.cities if self._no_name(k))
        self.country_words = frozenset(k for k in lex.countries if self._no_name(k) and k not in _NAMES_TOO)
        self.state_words = self.city_words | self.country_words  # looked for once per Doc

    def __call__(self, doc: Doc) -> Doc:
        entities_within_lines(doc)
        found: list[Span] = []
        for i in tokens_with(doc, WHERE | WHITHER | {"of"}, (LOWER,)):
            prep = doc[i]
            if prep.lower_ == "of" and prep.head.lemma_ not in PLACE_NOUNS:
                continue
            for obj in children_of(prep):
                where = prep.lower_ in WHERE or prep.lower_ == "of"
                span = self._misread_place(obj, where) if obj.dep_ == "pobj" else None
                if span is not None:
                    found.append(span)
                if obj.dep_ == "pobj" and obj.lemma_ in SITES:
                    # "at Sanaa airport": the town a site is named after
                    named = [c for c in children_of(obj) if c.dep_ == "compound" and c.i == obj.i - 1]
                    found.extend(filter(None, (self._misread_place(c, where) for c in named)))
        for i in tokens_with(doc, self.state_words, (LOWER,)):
            # "called in Togo's ambassador", "Oslo was prepared to send equipment": a country, or a
            # capital that speaks for its state, which the model read as a person's name
            word = doc[i]
            if (
                word.ent_type_ == "PERSON"
                and (
                    word.lower_ in self.country_words
                    or word.dep_ in ("nsubj", "nsubjpass")
                    # "to cut off gas supplies to Kiev"
                    or (word.dep_ == "pobj" and word.head.lower_ in WHITHER)
                    # "the southern regional capital Juba"
                    or (word.dep_ in ("appos", "compound") and word.head.lemma_ in PLACE_NOUNS)
                )
                and self._alone(word)
            ):
                found.append(Span(doc, i, i + 1, label="GPE"))
        for i in tokens_with(doc, self.demonyms, (LOWER,)):
            word = doc[i]
            if not word.ent_type_ and word.is_title and word.pos_ in ("PROPN", "ADJ", "NOUN"):
                found.append(Span(doc, i, i + 1, label="NORP"))
        if found:
            found = filter_spans(found)  # "the city of Port of Spain" is found twice
            kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in found)]
            doc.ents = sorted([*kept, *found], key=lambda e: e.start)
            doc.user_data.pop("newsgraph.ents", None)  # the stages' cached entity bounds, if any
        return doc

    def _misread_place(self, obj: Token, where: bool) -> Span | None:
        if obj.tag_ not in ("NNP", "NNPS"):
            return None
        doc = obj.doc
        # the whole name: "Santo Domingo" (the model may have tagged "Domingo" alone)
        start = obj.i
        while start > 0:
            prev = doc[start - 1]
            if prev.tag_ == "NNP" and prev.head.i == obj.i:
                start -= 1
            elif prev.text == "-" and start > 1 and doc[start - 2].tag_ == "NNP" and not doc[start - 2].whitespace_:
                start -= 2  # a name joined by hyphens: "Mazar-i-Sharif"
            else:
                break
        # a name with "of" inside, which the model splits in two places: "[Port] of [Spain]"
        named_of = [o for p in children_of(obj) if p.lower_ == "of" for o in children_of(p) if o.dep_ == "pobj"]
        if named_of and named_of[0].i == obj.i + 2 and named_of[0].tag_ == "NNP":
            whole = doc[start : named_of[0].i + 1]
            if doc[start].ent_iob_ != "I" and self._known_place(whole.text):
                return Span(doc, whole.start, whole.end, label="GPE")
        if obj.ent_type_ in ("GPE", "LOC"):
            return None
        span = doc[start : obj.i + 1]
        labels = {t.ent_type_ for t in span}
        # (a part may already be read as a place: "[Mazar]-i-Sharif")
        if not labels <= MISREAD | {"GPE", "LOC"} or ("PERSON" in labels and not where):
            return None
        after = doc[obj.i + 1] if obj.i + 1 < len(doc) else None
        if doc[start].ent_iob_ == "I" or (after is not None and after.ent_iob_ == "I"):
            return None  # part of a longer name: "the University of Dakar"
        return Span(doc, start, obj.i + 1, label="GPE") if self._known_place(span.text) else None

    def _no_name(self, key: str) -> bool:
        return " " not in key and key not in self.lexicon.genders and not self.lexicon.names_person(key)

    def _alone(self, word: Token) -> bool:
        """Is ``word`` a one-word entity of its own (not "Lima" of "Jose Lima")?"""
        ent = entity_at(word)
        return ent is not None and len(ent) == 1

    def _known_place(self, text: str) -> bool:
        key = lookup_key(text)
        lex = self.lexicon
        if lex.names_person(key) or key in lex.bodies or key in lex.demonyms:
            return False
        return (
            key in lex.countries
            or key in lex.cities
            or key in self.provinces
            or key in self.capitals
            or self.sizes.get(key, 0) >= TOWN_SIZE
        )


@Language.factory("newsgraph_places")
def make_places(nlp: Language, name: str) -> PlaceEntities:
    return PlaceEntities(nlp, name)
