"""The actor errors real pages show, as classes: kinds, variants, envoys, datelines, credit lines."""

from __future__ import annotations

import pytest

from newsgraph.record import Actor, Article


def named(art: Article, words: str) -> Actor:
    found = [a for a in art.actors if words in a.name]
    assert found, [a.name for a in art.actors]
    return found[0]


def actor_of(art: Article, mention: str) -> Actor | None:
    return next((a for a in art.actors if any(m.text == mention for m in a.mentions)), None)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The actress wrote on Tumblr that her label had sold her songs.", "Tumblr"),
        ("Twitter users mocked the slogan within hours of its launch.", "Twitter"),
        ("PolitiFact rated the senator's claim false on Friday.", "PolitiFact"),
        ("Black Lives Matter organized a march through the city center.", "Black Lives Matter"),
        ("The contract went to Harlan Space Systems, which builds landers.", "Harlan Space Systems"),
    ],
)
def test_platforms_fact_checkers_movements_and_companies_are_no_persons(extract, text: str, name: str) -> None:
    assert named(extract(text), name).kind == "organization"


def test_a_person_named_again_as_a_body_is_one_person(extract) -> None:
    art = extract("Harold Winslow founded the studio in 1998. Harold Winslow later sold it to investors.")
    people = [a for a in art.actors if "Winslow" in a.name]
    assert len(people) == 1 and people[0].kind == "person"


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("The European Union said on Monday that the EU would answer the tariffs.", {"European Union", "EU"}),
        (
            "SoftBank Group Corp. said it would invest. SoftBank shares fell, and SoftBank Group cut its forecast.",
            {"SoftBank Group Corp.", "SoftBank", "SoftBank Group"},
        ),
        (
            "Moldovan President Igor Dodonov met the envoy. Dodonnov said the talks went well.",
            {"Igor Dodonov", "Dodonnov"},
        ),
        (
            "Libyan leader Muammar Gaddafi spoke for two hours. Qaddafi then left the tent.",
            {"Muammar Gaddafi", "Qaddafi"},
        ),
    ],
)
def test_variants_of_one_name_are_one_actor(extract, text: str, mentions: set[str]) -> None:
    art = extract(text)
    owners = {id(actor_of(art, m)) for m in mentions}
    assert len(owners) == 1 and actor_of(art, next(iter(mentions))) is not None, [
        (a.name, [m.text for m in a.mentions]) for a in art.actors
    ]


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        ("U.S. Ambassador to Poland Georgette Mosbacher praised the new law.", "Mosbacher", "USA"),
        ("Japan's envoy to France Kenji Tanaka delivered the letter.", "Tanaka", "JPN"),
        ("Former U.S. ambassador to the Philippines Philip Goldberg testified.", "Goldberg", "USA"),
        ("Anna Weber, the German envoy to Minsk, left the talks early.", "Weber", "DEU"),
    ],
)
def test_an_envoy_keeps_his_country_not_the_one_he_is_sent_to(extract, text: str, surname: str, country: str) -> None:
    envoy = named(extract(text), surname)
    assert (envoy.kind, envoy.country) == ("person", country)


def test_an_envoy_sent_somewhere_is_no_citizen_of_it(extract) -> None:
    art = extract("Anna Weber, the former special envoy to Minsk, left the talks early.")
    assert named(art, "Weber").country != "BLR"


def test_a_wire_dateline_names_no_actor(extract) -> None:
    art = extract("ROME (AP) — Italy's president dissolved parliament on Thursday.\n\nThe vote is due in March.")
    assert actor_of(art, "AP") is None and actor_of(art, "ROME") is None
    assert named(art, "Italy").country == "ITA"


def test_credit_lines_name_no_actor(extract) -> None:
    text = (
        "Kenyan police arrested three protesters in Nairobi on Monday.\n\n"
        "Reporting by Amos Kiprono; Editing by Clara Beaumont\n\n"
        "Lucy Waweru in Mombasa contributed to this report."
    )
    art = extract(text)
    assert not [a for a in art.actors if any(w in a.name for w in ("Kiprono", "Beaumont", "Waweru"))]
    assert named(art, "police").country == "KEN"


def test_an_acronym_in_parentheses_is_only_a_names_own(extract) -> None:
    art = extract("The World Health Organization (WHO) warned of a new outbreak. Officials in Geneva (AFP) agreed.")
    assert actor_of(art, "WHO") is named(art, "World Health Organization")
    geneva = actor_of(art, "AFP")
    assert geneva is None or geneva.kind != "country"


@pytest.mark.parametrize(
    ("text", "surname", "country", "sector"),
    [
        ("Edin Hadzic, the mayor of Tuzla, said the water supply was restored.", "Hadzic", "BIH", "GOV"),
        ("Former Chancellor Gerhard Schroeder opened the pipeline.", "Schroeder", "DEU", "ELI"),
        ("The BBC's Fiona Marsh interviewed the minister.", "Marsh", "GBR", "MED"),
        ("Hong Kong Chief Executive Wendy Lau announced new curbs.", "Lau", "HKG", "GOV"),
        ("Rita Oduya, chief operating officer of Lagos Freight, said prices would rise.", "Oduya", "NGA", "BUS"),
    ],
)
def test_titles_give_country_and_sector(extract, text: str, surname: str, country: str | None, sector: str) -> None:
    person = named(extract(text), surname)
    assert (person.country, person.sector) == (country, sector)


def test_places_listed_where_something_happens_are_no_country_actor(extract) -> None:
    art = extract("In Ohio, Iowa and Nevada, voters chose new governors. Mexico protested the decision.")
    assert actor_of(art, "Iowa") is None and actor_of(art, "Nevada") is None
    assert named(art, "Mexico").country == "MEX"


def test_a_party_of_a_state_read_as_one_name_is_a_group(extract) -> None:
    art = extract("Oregon Democrats won a majority in the state senate for the first time.")
    group = actor_of(art, "Oregon Democrats") or named(art, "Democrats")
    assert (group.kind, group.country, group.sector) == ("group", "USA", "PTY")
