"""The open actor dictionaries: date-aware codes, generic agents, text over dictionary, user lexicons."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from newsgraph.actors.cameo import code_on, country_and_sector, parse_restriction
from newsgraph.actors.dictionary import actor_dictionary, name_key
from newsgraph.actors.lexicon import load_lexicon
from newsgraph.record import Actor, Article

from ..conftest import ROOT, SHARED


def person(art: Article, surname: str) -> Actor:
    found = [a for a in art.actors if a.kind == "person" and a.name.endswith(surname)]
    assert len(found) == 1, [(a.name, a.kind) for a in art.actors]
    return found[0]


def group(art: Article, words: str) -> Actor:
    found = [a for a in art.actors if words in a.name]
    assert found, [a.name for a in art.actors]
    return found[0]


@pytest.mark.parametrize(
    ("code", "country", "sector"),
    [
        ("USAGOV", "USA", "GOV"),
        ("USAGOVLEG", "USA", "LEG"),  # a legislature of the government is the record's LEG
        ("BENGOVEDU", "BEN", "GOV"),  # an education minister acts for the government
        ("IGOUNOJUDICJ", "IGO", "JUD"),
        ("MNCUSA", "USA", "BUS"),  # a multinational's home state
        ("NGOHRIAMN", None, "HRI"),
        ("IMGMUSALQ", None, "REB"),  # an armed group of a faith is no religious body
        ("VATCTH", "VAT", "REL"),
        ("ELI", None, "ELI"),
        ("KSV", "XKX", None),
        ("XYZQQQ", None, None),
    ],
)
def test_cameo_codes_become_the_records_country_and_sector(code: str, country: str | None, sector: str | None) -> None:
    assert country_and_sector(code) == (country, sector)


def test_the_code_valid_on_a_day_or_the_latest_without_one() -> None:
    # a minister moved from one ministry to another, then out of office; "a" president after it
    codes = [parse_restriction(c) for c in ("XYZGOVAGR 070101-090630", "XYZGOVBUS 090701-100630", "XYZELI")]
    restrictions = [c for c in codes if c is not None]
    assert code_on(restrictions, date(2008, 3, 1)) == ("XYZGOVAGR", True)
    assert code_on(restrictions, date(2009, 7, 1)) == ("XYZGOVBUS", True)
    assert code_on(restrictions, date(2012, 1, 1)) == ("XYZELI", False)  # no range holds: the default
    assert code_on(restrictions, None) == ("XYZELI", False)  # the last range has ended: the default
    open_ended = [r for r in (parse_restriction("XYZGOV >100701"), parse_restriction("XYZELI <100630")) if r]
    assert code_on(open_ended, None) == ("XYZGOV", True)


def test_malformed_dictionary_dates_are_dropped() -> None:
    assert parse_restriction("KORGOVBUS 2004017-20061201") is None
    assert parse_restriction("--- 990101-000101") is None
    assert parse_restriction("USAGOV 19991231-") == ("USAGOV", date(1999, 12, 31), None)


def test_the_shipped_dictionary_is_small_and_knows_names_by_their_variants() -> None:
    data = ROOT / "src" / "newsgraph" / "data"
    size = sum(p.stat().st_size for p in data.glob("phoenix_*.json"))
    assert size < 15_000_000
    assert (data / "petrarch2-LICENSE.txt").read_text("utf-8").startswith("The MIT License")
    dictionary = actor_dictionary()
    # variants of one record are one record: the lookup key drops "the", case and underscores
    assert dictionary.record(name_key("The Obama Administration")) == dictionary.record("barack obama")
    assert dictionary.record(name_key("EU")) == dictionary.record(name_key("European Union"))


@pytest.mark.skipif(not (SHARED / "data" / "petrarch2").is_dir(), reason="the Phoenix dictionaries are not here")
def test_the_shipped_dictionary_is_what_the_build_script_derives() -> None:
    script = ROOT / "scripts" / "build_actor_dictionary.py"
    done = subprocess.run(
        [sys.executable, str(script), str(SHARED / "data" / "petrarch2"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_codes_follow_the_publication_date_across_an_office_change(extract) -> None:
    text = "Vladimir Putin met Jacques Chirac in Paris to discuss the gas dispute."
    as_pm = person(extract(text, published="1999-09-15"), "Putin")  # prime minister, coded GOV
    before = person(extract(text, published="1995-06-01"), "Putin")  # a Petersburg official, ELI
    assert (as_pm.country, as_pm.sector, as_pm.code_date) == ("RUS", "GOV", "1999-09-15")
    assert (before.country, before.sector, before.cameo) == ("RUS", "ELI", "RUSELI")
    assert as_pm.code_source == before.code_source == "dictionary"
    # Chirac, president in 1999, a former president after 2007
    assert person(extract(text, published="1999-09-15"), "Chirac").sector == "GOV"
    assert person(extract(text, published="2010-03-01"), "Chirac").sector == "ELI"


def test_without_a_date_the_latest_code_is_taken_and_marked(extract) -> None:
    putin = person(extract("Vladimir Putin met the Chinese premier in Beijing."), "Putin")
    assert (putin.country, putin.sector, putin.code_date) == ("RUS", "GOV", "latest")


def test_an_office_open_at_the_dictionarys_end_is_not_taken_as_held_years_later(extract) -> None:
    # the dictionary ends in 2015 with Obama in office: in 2019 he keeps his country, not the office
    art = extract("Barack Obama spoke at a rally in Chicago on Tuesday.", published="2019-11-19")
    obama = person(art, "Obama")
    assert (obama.country, obama.sector, obama.cameo) == ("USA", None, "USA")
    # unless the text says what he is
    art = extract("Former President Barack Obama spoke at a rally in Chicago on Tuesday.", published="2019-11-19")
    obama = person(art, "Obama")
    assert (obama.sector, obama.code_source) == ("ELI", "both")


@pytest.mark.parametrize(
    ("text", "words", "country", "sector"),
    [
        ("Iraqi rebels ambushed a convoy near the border on Sunday.", "Iraqi rebels", "IRQ", "REB"),
        ("A Chinese automaker said it would build a plant in Hungary.", "Chinese automaker", "CHN", "BUS"),
        ("Pakistani police detained two suspects after the blast.", "Pakistani police", "PAK", "COP"),
        ("Nigerian lawmakers passed the budget on Thursday.", "Nigerian lawmakers", "NGA", "LEG"),
    ],
)
def test_generic_actors_take_their_sector_from_the_agent_dictionary(
    extract, text: str, words: str, country: str, sector: str
) -> None:
    actor = group(extract(text), words)
    assert (actor.country, actor.sector, actor.cameo, actor.code_source) == (
        country,
        sector,
        country + sector,
        "text",
    )


def test_what_the_text_says_wins_over_the_dictionary(extract) -> None:
    # the dictionary has him at the UN from 2007; the article names him by his Korean office
    text = "South Korean Foreign Minister Ban Ki-moon flew to Tokyo for talks on the crisis."
    ban = person(extract(text, published="2008-05-01"), "Ki-moon")
    assert (ban.country, ban.sector, ban.cameo, ban.code_source) == ("KOR", "GOV", "KORGOV", "text")
    # without his title the dictionary's code holds
    ban = person(extract("Ban Ki-moon flew to Tokyo for talks on the crisis.", published="2008-05-01"), "Ki-moon")
    assert (ban.country, ban.cameo, ban.code_source) == ("IGO", "IGOUNO", "dictionary")


def test_a_title_any_body_gives_yields_to_the_dictionary_or_the_body_it_names(extract) -> None:
    art = extract("Chairman Yasser Arafat rejected the offer.", published="1998-01-10")
    assert person(art, "Arafat").sector == "GOV"
    art = extract("Emirates Airline president Tim Clark said the carrier would expand.")
    assert person(art, "Clark").sector == "BUS"


def test_a_user_lexicon_wins_over_the_dictionary_and_our_hand_list(tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text(
        json.dumps(
            {
                "people": {"vladimir putin": ["FRA", "BUS"], "donald trump": ["CAN", None]},
                "roles": {"AGR": ["automaker"]},
            }
        ),
        encoding="utf-8",
    )
    ours, theirs = load_lexicon(), load_lexicon((str(mine),))
    day = date(2019, 11, 19)
    assert ours.known_person(["Vladimir", "Putin"], date(2005, 1, 1)).country == "RUS"  # type: ignore[union-attr]
    putin = theirs.known_person(["Vladimir", "Putin"], day)
    trump = theirs.known_person(["Trump"], day)  # our hand list's alias of the name the user codes
    assert putin is not None and (putin.country, putin.sector) == ("FRA", "BUS")
    assert trump is not None and (trump.country, trump.sector) == ("CAN", None)
    assert ours.role_sectors["automaker"] == "BUS" and theirs.role_sectors["automaker"] == "AGR"


def test_a_user_lexicon_reaches_the_extracted_record(tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps({"people": {"vladimir putin": ["FRA", "BUS"]}}), encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("Vladimir Putin met the Chinese premier in Beijing on Monday.\n", encoding="utf-8")
    env = {**os.environ, "NEWSGRAPH_LEXICONS": str(mine)}
    newsgraph = Path(sys.executable).with_name("newsgraph")
    done = subprocess.run([str(newsgraph), "extract", str(page)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    putin = next(a for a in record["actors"] if a["name"] == "Vladimir Putin")
    assert (putin["country"], putin["sector"], putin["code_source"]) == ("FRA", "BUS", "dictionary")
