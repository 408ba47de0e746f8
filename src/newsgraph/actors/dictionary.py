"""The open actor dictionaries as a look-up: names and their variants → CAMEO codes by date.

``data/phoenix_actors.json`` is derived from the Phoenix dictionaries of PETRARCH2 (MIT
licence, ``data/petrarch2-LICENSE.txt``) by ``scripts/build_actor_dictionary.py``: about
26,000 people, bodies, international organisations, companies and armed groups, each with
the CAMEO codes it held and the days it held them. :class:`ActorDictionary` answers "what
is the actor named X on day D": the code valid on the publication date, or — the article
having no date — the latest code, marked ``latest``.

The dictionaries end early in 2015 (:attr:`ActorDictionary.horizon`). An office held with no
end at that time is not taken as still held on a later day: a person coded ``USAGOV`` from
2009 on keeps his country in a 2019 article, not the office, unless the text names it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.attrs import LOWER
from spacy.tokens import Doc

from ..nlp import doc_text, tokens_with
from .cameo import Restriction, code_on, country_and_sector, read_restriction


def name_key(text: str) -> str:
    """The lookup key of a name: lower case, underscores and runs of spaces as one space,
    curly apostrophes straight, no leading "the" ("The_Obama_Administration" → "obama
    administration")."""
    k = " ".join(text.replace("_", " ").replace("’", "'").lower().split())
    return k[4:] if k.startswith("the ") else k


def fold(key: str) -> str:
    """``key`` without accents: "weizsäcker" → "weizsacker", "chávez" → "chavez"."""
    if key.isascii():
        return key
    return "".join(ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class DictionaryCode:
    """What a lexicon says about a named actor: the CAMEO code and the record's codes it gives;
    ``date``: the publication date it was chosen for, ``latest`` (no date), or None (an undated
    entry of a hand or user lexicon)."""

    cameo: str | None
    country: str | None
    sector: str | None
    date: str | None = None


def parse_day(value: object) -> date | None:
    """The day of a publication date ("2019-11-19", "2019-11-19T08:00:00"), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class ActorDictionary:
    """Names → dictionary records → the code valid on a day."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.horizon = date.fromisoformat(data["horizon"])
        self.kinds: list[str] = []
        self.codes: list[tuple[Restriction, ...]] = []
        self.names: dict[str, int] = {}
        for kind, codes, keys in data["entries"]:
            self.kinds.append(kind)
            self.codes.append(tuple(read_restriction(c) for c in codes))
            for key in keys:
                self.names.setdefault(key, len(self.kinds) - 1)
        for key, record in list(self.names.items()):
            self.names.setdefault(fold(key), record)  # "erdogan" for "erdoğan"

    def __contains__(self, key: str) -> bool:
        return key in self.names

    def record(self, key: str) -> int | None:
        """The record named ``key`` (a lookup key), as written or without its accents ("Richard
        von Weizsäcker" is the dictionary's RICHARD_VON_WEIZSACKER)."""
        found = self.names.get(key)
        return found if found is not None else self.names.get(fold(key))

    def code(self, record: int, day: date | None) -> DictionaryCode | None:
        """The code of ``record`` on ``day`` (None: the latest). A code with no country ("ELI"
        after a UN post) keeps the country of the record's last code that has one; an office
        the dictionary leaves open is not taken as held after its horizon (the country is)."""
        restrictions = self.codes[record]
        chosen, held = code_on(restrictions, day)
        if chosen is None:
            return None
        country, sector = country_and_sector(chosen)
        if country is None and sector is not None:
            ranked = sorted(restrictions, key=lambda r: (r[2] or date.max, r[1] or date.min), reverse=True)
            country = next((c for r in ranked if (c := country_and_sector(r[0])[0]) is not None), None)
        if day is not None and day > self.horizon and held and sector not in (None, "ELI"):
            open_ended = any(r[0] == chosen and r[2] is None for r in restrictions)
            if open_ended:
                sector = None
        if country is None and sector is None:
            return None
        cameo = chosen if country_and_sector(chosen) == (country, sector) else (country or "") + (sector or "")
        return DictionaryCode(cameo, country, sector, day.isoformat() if day else "latest")

    def lookup(self, text: str, day: date | None) -> DictionaryCode | None:
        found = self.record(name_key(text))
        return self.code(found, day) if found is not None else None

    def person_names(self) -> list[str]:
        """The keys of the people the dictionaries name in two words or more."""
        return [k for k, i in self.names.items() if self.kinds[i] == "p" and " " in k]

    def body_names(self) -> list[str]:
        """The keys of the bodies, companies and armed groups the dictionaries name in two words or
        more."""
        return [k for k, i in self.names.items() if self.kinds[i] == "o" and " " in k]

    def surnames(self) -> set[str]:
        """One-word names that stand for one person: the last word of a full name of the same
        record ("putin" beside "vladimir putin"), which no other record ends with and no name
        begins with ("hussein", "abdullah" are first names too)."""
        ends: dict[str, set[int]] = {}
        firsts: set[str] = set()
        for k, i in self.names.items():
            words = k.split()
            if len(words) > 1:
                ends.setdefault(words[-1], set()).add(i)
                firsts.add(words[0])
        return {
            k
            for k, i in self.names.items()
            if " " not in k and self.kinds[i] == "p" and ends.get(k) == {i} and k not in firsts
        }


@lru_cache(maxsize=1)
def actor_dictionary() -> ActorDictionary:
    """The shipped dictionary, loaded once per process."""
    text = resources.files("newsgraph.data").joinpath("phoenix_actors.json").read_text("utf-8")
    return ActorDictionary(json.loads(text))


_FIRST = re.compile(r"[^\s-]+")


class NameFinder:
    """Finds names (lookup keys) in a Doc's text by their first token: the tokens that can start
    a name are found on the Doc's arrays in one pass, and each is tried against the names that
    start with it, longest first. Made once from many thousands of names without tokenising
    them (a PhraseMatcher would take most of a second to build)."""

    def __init__(self, keys: Iterable[str]) -> None:
        lengths: dict[str, set[int]] = {}
        self.keys = frozenset(keys)
        for key in self.keys:
            first = _FIRST.match(key)
            if first is not None:
                lengths.setdefault(first.group(0), set()).add(len(key))
        self.lengths = {w: sorted(ls, reverse=True) for w, ls in lengths.items()}
        self.first_words = frozenset(self.lengths)

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """Token spans (start, end) of the longest name starting at each token."""
        text = doc_text(doc)
        out: list[tuple[int, int]] = []
        for i in tokens_with(doc, self.first_words, (LOWER,)):
            tok = doc[i]
            for n in self.lengths.get(tok.lower_, ()):
                end = tok.idx + n
                if end < len(text) and (text[end].isalnum() or text[end] == "-"):
                    continue
                if text[tok.idx : end].lower().replace("’", "'") in self.keys:
                    span = doc.char_span(tok.idx, end)
                    if span is not None:
                        out.append((span.start, span.end))
                        break
        return out
