"""The PLOVER trigger lexicon (``data/events.json``): verbs and nouns per event type, modes,
phrasal verbs, light verbs, and the words that mark intent and hypotheticals."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class EventLexicon:
    verbs: dict[str, str]  # lemma -> PLOVER type
    nouns: dict[str, str]  # lemma or lower form -> PLOVER type
    modes: dict[str, str | None]
    phrasal: dict[str, str]  # "call for" -> REQUEST
    light_verbs: frozenset[str]
    intent_words: frozenset[str]
    hypothetical_words: frozenset[str]
    conflict_types: frozenset[str]


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    raw = json.loads(resources.files("newsgraph.data").joinpath("events.json").read_text("utf-8"))
    verbs = {w: t for t, ws in raw["verbs"].items() for w in ws}
    nouns = {w: t for t, ws in raw["nouns"].items() for w in ws}
    return EventLexicon(
        verbs,
        nouns,
        dict(raw["modes"]),
        dict(raw["phrasal"]),
        frozenset(raw["light_verbs"]),
        frozenset(raw["intent_words"]),
        frozenset(raw["hypothetical_words"]),
        frozenset(raw["conflict_types"]),
    )
