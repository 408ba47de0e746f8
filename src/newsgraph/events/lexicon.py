"""The PLOVER trigger lexicon (``data/events.json``): verbs and nouns per event type, two-word
event nouns, verbs typed by their object, modes, phrasal verbs, light verbs, and the words
that mark intent, hypotheticals and threats."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..spelling import both_spellings


@dataclass(frozen=True, slots=True)
class EventLexicon:
    verbs: dict[str, str]  # lemma -> PLOVER type
    nouns: dict[str, str]  # lemma or lower form -> PLOVER type
    modes: dict[str, str | None]
    phrasal: dict[str, str]  # "call for" -> REQUEST; "fire off" -> "" (declared no event)
    light_verbs: frozenset[str]
    intent_words: frozenset[str]
    hypothetical_words: frozenset[str]
    conflict_types: frozenset[str]
    noun_phrases: dict[str, str]  # "hunger strike" -> PROTEST
    object_types: dict[tuple[str, str], str]  # ("lift", "blockade") -> RETREAT; "": declared no event
    threat_words: frozenset[str]  # "unless", "prepared": a harmful act held over someone
    transitive_only: frozenset[str]  # "decline", "return": events only with an object or "to" clause
    formula_verbs: frozenset[str]  # "decline", "refuse" ...
    formula_clauses: frozenset[str]  # ... "to comment": a reporter's formula, no event
    words: dict[str, frozenset[str]]  # named word lists the rules read ("topic_verbs", "offers", …)
    object_verbs: frozenset[str] = frozenset()  # verbs some object types: a fast first check
    phrasal_verbs: frozenset[str] = frozenset()  # first words of the phrasal verbs


def doubly_typed(rules: list[dict[str, Any]]) -> dict[tuple[str, str], list[str]]:
    """The verb-object pairs that two object-type rules type differently ("ship" + "tank": AID
    and MOBILIZE). In the built lexicon the later rule wins without a word, so a pair listed
    here is a decision nobody wrote down."""
    types: dict[tuple[str, str], list[str]] = {}
    for rule in rules:
        for etype, nouns in rule["objects"].items():
            for verb in rule["verbs"]:
                for noun in nouns:
                    seen = types.setdefault((verb, noun), [])
                    if etype not in seen:
                        seen.append(etype)
    return {k: v for k, v in types.items() if len(v) > 1}


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    raw = json.loads(resources.files("newsgraph.data").joinpath("events.json").read_text("utf-8"))
    # the lexicon is written in one spelling; wire text comes in both
    verbs = {v: t for t, ws in raw["verbs"].items() for w in ws for v in both_spellings(w)}
    nouns = {v: t for t, ws in raw["nouns"].items() for w in ws for v in both_spellings(w)}
    object_types = {
        (v, noun): "" if etype == "NONE" else etype
        for rule in raw.get("object_types", [])
        for etype, nouns in rule["objects"].items()
        for verb in rule["verbs"]
        for v in both_spellings(verb)
        for noun in nouns
    }
    return EventLexicon(
        verbs,
        nouns,
        dict(raw["modes"]),
        {k: v or "" for k, v in raw["phrasal"].items()},
        frozenset(raw["light_verbs"]),
        frozenset(raw["intent_words"]),
        frozenset(raw["hypothetical_words"]),
        frozenset(raw["conflict_types"]),
        {k: v for k, v in raw.get("noun_phrases", {}).items() if not k.startswith("_")},
        object_types,
        frozenset(raw.get("threat_words", [])),
        frozenset(raw.get("transitive_only", {}).get("verbs", [])),
        frozenset(raw.get("no_event_clauses", {}).get("verbs", [])),
        frozenset(raw.get("no_event_clauses", {}).get("clauses", [])),
        {k: frozenset(v) for k, v in raw.get("word_lists", {}).items() if not k.startswith("_")},
        frozenset(v for v, _ in object_types),
        frozenset(p.split()[0] for p in raw["phrasal"]),
    )
