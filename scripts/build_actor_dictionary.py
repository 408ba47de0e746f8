"""Build newsgraph's actor dictionary from the Phoenix (PETRARCH2) dictionaries.

    python scripts/build_actor_dictionary.py [PETRARCH2_DIR] [--check]

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.agents.txt`` (format: their
``dictionaries.rst``) and writes the package data the actor stage looks names up in:

- ``src/newsgraph/data/phoenix_actors.json``: one entry per dictionary record — a kind hint
  (``p`` a person, ``o`` a body, ``d`` a description such as "American vice president"),
  its CAMEO codes with the days each held (``"USAGOV 20090120-"``), and its names and
  variants as lookup keys (lower case, words by single spaces, no leading "the"). A name
  that records of different countries share is left out: it names no one;
- ``src/newsgraph/data/phoenix_agents.json``: role nouns and their plurals → sector, in the
  ``roles`` shape of ``actors.json`` (so a user's ``roles`` and ours override them);
- ``src/newsgraph/data/petrarch2-LICENSE.txt``: the dictionaries' MIT licence, which the
  derived files keep.

Country records (``AFGHANISTAN_ [AFG]`` and its cities and provinces) are left out: the place
lexicons and the gazetteer code places. ``--check`` rebuilds in memory and fails when the
shipped files differ (the test suite runs it when the dictionaries are present).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.actors.cameo import (  # noqa: E402
    STATE_ALIASES,
    Restriction,
    country_and_sector,
    format_restriction,
    iso3_codes,
    latest_day,
    parse_restriction,
    parts_of,
)
from newsgraph.actors.dictionary import name_key  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "petrarch2"
DATA = ROOT / "src" / "newsgraph" / "data"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
NOTICE = (
    "Derived by scripts/build_actor_dictionary.py from the Phoenix dictionaries of PETRARCH2 "
    "(openeventdata/petrarch2 676801cd), Copyright (c) 2014 Open Event Data Alliance, MIT licence: "
    "see petrarch2-LICENSE.txt beside this file."
)
# words of a record's name that make it a body, not the person a dated record usually is
_BODY_WORDS = frozenset({"administration", "government", "cabinet", "ministry", "regime", "party", "office"})


@dataclass
class Record:
    source: str
    names: list[str] = field(default_factory=list)
    codes: list[Restriction] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


_CODE = re.compile(r"\[([^\]]*)\]")


def read_actor_file(path: Path) -> list[Record]:
    """Records of one actor file: name lines (primary, ``+`` synonyms) and the codes that
    follow, on the name lines or on tab-indented lines. A primary line opens a new record
    once the current one has codes; until then it joins it (several primaries may share
    one block of codes)."""
    records: list[Record] = []
    current: Record | None = None
    for raw in path.read_text("utf-8").splitlines():
        body, _, comment = raw.partition("#")
        if not body.strip():
            if current is not None and comment.strip():
                current.comments.append(comment.strip())
            continue
        codes = [parse_restriction(c.strip()) for c in _CODE.findall(body)]
        name = _CODE.sub(" ", body).split(";")[0].strip()
        primary = name and not name.startswith("+")
        if primary and (current is None or current.codes):
            current = Record(path.name)
            records.append(current)
        if current is None:
            continue
        if name:
            current.names.append(name.lstrip("+").strip())
        current.codes.extend(c for c in codes if c is not None)
        if comment.strip():
            current.comments.append(comment.strip())
    return [r for r in records if r.names and r.codes]


def variants(name: str) -> list[str]:
    """A phrase's lookup keys: as written, and without a parenthesised gloss ("ADEN_ISLAMIC_ARMY_(AAIA)_")."""
    key = name_key(name)
    out = [key]
    bare = name_key(re.sub(r"\([^)]*\)", " ", name.replace("_", " ")))
    if bare and bare != key:
        out.append(bare)
    return [k for k in out if len(k) > 1 and any(ch.isalpha() for ch in k)]


def is_place(record: Record) -> bool:
    """A country's record (its names, cities and provinces): only bare state codes."""
    # "USRARM": Armenia as a Soviet republic; "KWTOCC": occupied; "GEOUNR": not yet recognised
    states = iso3_codes() | set(STATE_ALIASES) | {"UNR", "OCC"}
    return all(set(parts_of(c[0])) <= states for c in record.codes)


def kind_of(record: Record, role_words: frozenset[str]) -> str:
    """``p`` a person (the dictionaries' rulers and ministers: dated codes of an office, or a
    CountryInfo source), ``d`` a description made of role and nationality words, else ``o`` a
    body (or a region with a code of its own)."""
    words = set(name_key(record.names[0]).replace("-", " ").split())
    if words and words <= role_words:
        return "d"
    if words & _BODY_WORDS:
        return "o"
    # dated codes with a role: an office held ("Kosovo" has dated codes too, of no role)
    dated = any(
        (c[1] is not None or c[2] is not None) and (country_and_sector(c[0])[1] or c[0].startswith("IGO"))
        for c in record.codes
    )
    source = " ".join(record.comments)
    if dated or "CountryInfo" in source or "IGOrulers" in source:
        return "p"
    return "o"


# ---------------------------------------------------------------------------------- agents
_SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


def _plural(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("man"):
        last = last[:-3] + "men"
    else:
        last += "s"
    return f"{head} {last}".strip()


def agent_sector(code: str) -> str | None:
    """ "~GOVFRM" → GOV, "~MUS" → REL, "NGO~" → NGO; None for codes that name no sector
    (``~PPL`` people, ``~RAD`` radicals, ``IGO~`` an international force: the lexicon's)."""
    if code.endswith("~"):
        return "NGO" if code.startswith(("NGO", "NGM")) else None
    return country_and_sector(code.lstrip("~"))[1]


def read_agents(path: Path) -> dict[str, str]:
    """Role phrase (lower case; singular and plural) → sector."""
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text("utf-8").splitlines():
        body = raw.split("#", 1)[0].strip()
        if not body:
            continue
        m = _SUBSTITUTION.match(body)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(body)
        if not codes:
            continue
        sector = agent_sector(codes[0].strip())
        if sector is None:
            continue
        phrase = _CODE.sub(" ", body)
        plural = None
        brace = re.search(r"\{([^}]*)\}", phrase)
        if brace:
            plural = brace.group(1).strip()  # "" means no plural
            phrase = phrase[: brace.start()] + phrase[brace.end() :]
        phrase = phrase.strip()
        forms = [phrase]
        marker = re.search(r"!(\w+)!", phrase)
        if marker and marker.group(1) in subs:
            forms = [phrase.replace(marker.group(0), w) for w in subs[marker.group(1)]]
            plural = ""  # the substitution set holds the plurals
        for form in forms:
            key = name_key(form)
            if not key or not all(ch.isalpha() or ch in " -'." for ch in key):
                continue
            out.setdefault(key, sector)
            if plural is None:
                out.setdefault(_plural(key), sector)
            elif plural:
                out.setdefault(name_key(plural), sector)
    return out


# ----------------------------------------------------------------------------------- build
def build(source: Path) -> tuple[dict[str, object], dict[str, object]]:
    agents = read_agents(source / "Phoenix.agents.txt")
    role_words = frozenset(w for k in agents for w in k.replace("-", " ").split())
    role_words |= {"american", "us", "u.s.", "united", "states", "of", "the", "and", "national", "vice", "state"}
    records = [r for f in ACTOR_FILES for r in read_actor_file(source / f) if not is_place(r)]
    # a name: the records it belongs to, and the country each gives
    owners: dict[str, set[int]] = {}
    for i, r in enumerate(records):
        for name in r.names:
            for key in variants(name):
                owners.setdefault(key, set()).add(i)
    shared: set[str] = set()
    for key, ids in owners.items():
        countries = {country_and_sector(c[0])[0] for i in ids for c in records[i].codes}
        if len(ids) > 1 and len(countries) > 1:
            shared.add(key)
    entries = []
    seen: set[str] = set()
    horizon = max(d for r in records if (d := latest_day(r.codes)) is not None)
    for r in records:
        keys = []
        for name in r.names:
            for key in variants(name):
                if key not in shared and key not in seen:
                    seen.add(key)
                    keys.append(key)
        if not keys:
            continue
        codes = list(dict.fromkeys(format_restriction(c) for c in r.codes))
        entries.append([kind_of(r, role_words), codes, keys])
    actors = {
        "_notice": NOTICE,
        "_format": (
            "entries: [kind (p person, o body, d description), CAMEO codes with the days they held "
            "('CODE' undated; 'CODE YYYYMMDD-YYYYMMDD', an end left empty when open), lookup keys]"
        ),
        "horizon": horizon.isoformat(),
        "entries": entries,
    }
    by_sector: dict[str, list[str]] = {}
    for phrase, sector in sorted(agents.items()):
        by_sector.setdefault(sector, []).append(phrase)
    agent_data = {"_notice": NOTICE, "roles": by_sector}
    return actors, agent_data


def dump(obj: dict[str, object]) -> str:
    # one entry per line: small diffs when the dictionaries change, and still compact
    if "entries" in obj:
        head = {k: v for k, v in obj.items() if k != "entries"}
        lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in obj["entries"]]  # type: ignore[attr-defined]
        body = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
        return body + ',\n "entries": [\n' + ",\n".join(lines) + "\n ]\n}\n"
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--check", action="store_true", help="fail when the shipped files differ from a rebuild")
    args = ap.parse_args()
    actors, agents = build(args.source)
    outputs = {"phoenix_actors.json": dump(actors), "phoenix_agents.json": dump(agents)}
    if args.check:
        stale = [n for n, text in outputs.items() if (DATA / n).read_text("utf-8") != text]
        if stale:
            sys.exit(f"out of date: {', '.join(stale)} (run scripts/build_actor_dictionary.py)")
        return
    for name, text in outputs.items():
        (DATA / name).write_text(text, "utf-8")
    shutil.copyfile(args.source / "LICENSE", DATA / "petrarch2-LICENSE.txt")
    n_names = sum(len(e[2]) for e in actors["entries"])  # type: ignore[attr-defined]
    n_roles = sum(len(v) for v in agents["roles"].values())  # type: ignore[attr-defined]
    print(f"{len(actors['entries'])} records, {n_names} names, horizon {actors['horizon']}; {n_roles} role phrases")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
