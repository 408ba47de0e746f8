"""Events: who the source and target are, read off wire sentences in the CAMEO manual's style."""

from __future__ import annotations

import pytest

from .helpers import events_of


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the name in apposition acts, not the nationality word before it
        (
            "Basque separatist group ETA killed a town councillor in San Sebastian on Friday.",
            ("ASSAULT", ["ESP"], ["ESP"]),
        ),
        # a place "of" a town is the town, not whoever guards it
        ("Bosnian Serb troops overran the U.N. safe area of Srebrenica on Tuesday.", ("ASSAULT", ["BIH"], ["BIH"])),
        (
            "Serb gunners shelled the Moslem enclave of Bihac on Saturday, U.N. officials said.",
            ("ASSAULT", ["SRB"], ["BIH"]),
        ),
        # weapons the tagger reads as names are what is sent, not who receives it
        ("The United States rushed Patriot missile batteries to Israel on Friday.", ("AID", ["USA"], ["ISR"])),
        ("The Red Cross flew surgeons and medicines to Kabul on Tuesday.", ("AID", ["IGO"], ["AFG"])),
        # a state that legalises a body, with no place named, does it at home
        (
            "Poland's communist authorities legalised the Solidarity trade union on Monday.",
            ("CONCEDE", ["POL"], ["POL"]),
        ),
    ],
)
def test_names_in_apposition_places_of_towns_weapons_and_bodies_at_home(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_an_appositive_name_without_a_country_leaves_the_body_it_belongs_to(extract) -> None:
    art = extract("A member of the Syrian parliament, Mohammed Mamoun, started a hunger strike to protest the arrests.")
    assert ("PROTEST", ["SYR"], ["SYR"]) in events_of(art), events_of(art)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a protest or a concession naming no other party is addressed to the state at home
        ("Tens of thousands of South Korean workers went on strike on Monday.", ("PROTEST", ["KOR"], ["KOR"])),
        ("The Pakistani government lifted the ban on political rallies on Monday.", ("CONCEDE", ["PAK"], ["PAK"])),
        ("Peru's president resigned on Monday amid a bribery scandal.", ("CONCEDE", ["PER"], ["PER"])),
        # the state must be named: "Egyptians" is the protesters' name, not a second actor's
        ("Thousands of Egyptians protested on Friday.", ("PROTEST", ["EGY"], [])),
        # abroad, the state at home is not whom a protest addresses
        ("Hundreds of Iranian students protested in Paris on Friday.", ("PROTEST", ["IRN"], ["FRA"])),
        # rebels who give in yield to someone the sentence must name
        ("Tamil rebels in Sri Lanka gave up their demand for a separate state.", ("CONCEDE", ["LKA"], [])),
    ],
)
def test_protests_and_concessions_at_home_address_the_state(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_weapon_names_are_no_actors(extract) -> None:
    art = extract("Iraq fired Scud missiles at Tel Aviv as Patriot batteries tried to intercept them.")
    assert {a.name for a in art.actors} & {"Scud", "Patriot"} == set()


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a city of the lexicon the tagger read as a name, where something is sent
        (
            "Moscow threatened on Friday to cut off gas supplies to Kiev unless it paid its debts.",
            ("THREATEN", ["RUS"], ["UKR"]),
        ),
        # opposition figures and political parties are groups, and a state's police arrest them at home
        ("Egyptian police arrested 30 opposition figures on Tuesday.", ("COERCE", ["EGY"], ["EGY"])),
        ("Chile's military government legalised political parties on Tuesday.", ("CONCEDE", ["CHL"], ["CHL"])),
    ],
)
def test_cities_sent_to_and_groups_acted_on_at_home(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_a_lead_opened_up_in_a_race_is_no_concession(extract) -> None:
    assert events_of(extract("Sanders has opened up a 15-point lead over Clinton in New Hampshire.")) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a hyphenated event noun is read whole, and who is built up builds up
        (
            "The build-up of Iraqi troops near the Saudi border on Monday worried Riyadh.",
            ("MOBILIZE", ["IRQ"], ["SAU"]),
        ),
        # a participle's agent settled what its noun names
        ("A ceasefire agreed by Armenia and Azerbaijan took effect on Thursday.", ("AGREE", ["ARM", "AZE"], [])),
        # people said to be protesting who clash with troops riot, against what they protest
        (
            "Palestinians protesting against the Israeli occupation clashed with troops in Gaza on Friday.",
            ("PROTEST", ["PSE"], ["ISR"]),
        ),
    ],
)
def test_hyphenated_nouns_agreed_participles_and_protesters_clashing(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_a_hyphenated_trigger_is_evidenced_whole(extract) -> None:
    art = extract("Activists engaged in a brief sit-in along the march route in Seoul.")
    assert [art.text[e.trigger.start : e.trigger.end] for e in art.events if e.type == "PROTEST"] == ["sit-in"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the executed are a state's own, and whoever condemns an execution accuses its agent
        ("Saudi Arabia executed three drug smugglers on Friday.", ("ASSAULT", ["SAU"], ["SAU"])),
        (
            "Amnesty International condemned the execution of 20 political prisoners by Iraq.",
            ("ACCUSE", ["IGO"], ["IRQ"]),
        ),
    ],
)
def test_executions_and_their_condemnation(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_a_plan_executed_kills_no_one(extract) -> None:
    assert events_of(extract("The execution of the plan by the Pentagon was flawless.")) == []
    assert events_of(extract("But Mr. Kim's execution has been challenged, Mr. Solomon said.")) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a weapon's subject clause: who it is blamed on or was planted by
        ("A car bomb blamed on Tamil rebels killed 20 people in Colombo on Tuesday.", ("ASSAULT", ["LKA"], ["LKA"])),
        # never recognising a state's borders refuses it (CAMEO 12)
        ("Iraq said on Monday it would never recognise Kuwait's borders.", ("REJECT", ["IRQ"], ["KWT"])),
    ],
)
def test_bombs_blamed_on_someone_and_recognition_refused(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # where an accord is reached is no party to it
        (
            "Greece and Macedonia initialled an accord at the United Nations on Wednesday ending their dispute.",
            ("AGREE", ["GRC", "MKD"], []),
        ),
        # a side taken is a target, though told with "in"
        (
            "President Obama argued in favour of Britain's remaining in the European Union.",
            ("SUPPORT", ["USA"], ["GBR"]),
        ),
        (
            "German Chancellor Helmut Kohl voiced confidence on Thursday in Boris Yeltsin's reforms.",
            ("SUPPORT", ["DEU"], ["RUS"]),
        ),
        # a name the model read as a body, after a person's title, is the holder
        ("U.N. envoy Terje Roed-Larsen met Israeli officials in Jerusalem on Tuesday.", ("CONSULT", ["IGO"], ["ISR"])),
    ],
)
def test_venues_sides_taken_and_titled_names(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # troops landing deploy; where something burned set on fire is where it happened
        ("U.S. Marines landed in Somalia on Wednesday.", ("MOBILIZE", ["USA"], ["SOM"])),
        ("Protesters set fire to the Danish embassy in Damascus on Saturday.", ("PROTEST", ["SYR"], ["DNK"])),
    ],
)
def test_troops_landing_and_fires_set_abroad(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_a_plane_or_a_candidate_landing_is_no_deployment(extract) -> None:
    assert events_of(extract("Sanders landed in Iowa on Monday after the plane landed in Des Moines.")) == []


def test_a_newspaper_suspended_at_home_is_coerced(extract) -> None:
    art = extract("Egypt's government suspended an opposition newspaper on Wednesday for publishing false news.")
    assert ("COERCE", ["EGY"], ["EGY"]) in events_of(art), events_of(art)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Indonesian troops mowed down unarmed protesters in Dili on Tuesday.", ("ASSAULT", ["IDN"], ["?", "TLS"])),
        ("Chinese authorities locked up hundreds of Falun Gong followers on Friday.", ("COERCE", ["CHN"], ["CHN"])),
        ("Serb forces laid siege to the eastern Bosnian town of Gorazde on Sunday.", ("ASSAULT", ["SRB"], ["BIH"])),
        ("Iraqi troops fell back from the Saudi border town of Khafji on Thursday.", ("RETREAT", ["IRQ"], ["SAU"])),
    ],
)
def test_phrasal_verbs_of_force_and_retreat(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Obama had essentially locked up the nomination before Kentucky's primary.",
        "The Dow plummeted in minutes, wiping out $136 billion in market value.",
        "Sanders has toned down his criticism of Hillary Clinton.",
    ],
)
def test_nominations_locked_up_value_wiped_out_and_criticism_toned_down_are_no_events(extract, text: str) -> None:
    assert events_of(extract(text)) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Israel freed 45 Lebanese prisoners on Monday.", ("RETREAT", ["ISR"], ["LBN"])),
        ("Iraq returned Kuwaiti archives it had seized during the occupation.", ("RETREAT", ["IRQ"], ["KWT"])),
        (
            "Kerry said the Iranians released by the United States were close to completing their sentences.",
            ("RETREAT", ["USA"], ["IRN"]),
        ),
    ],
)
def test_people_property_and_land_are_released(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "ISIS has recently released a propaganda video about Hillary Clinton.",
        "I'll release mine in the next week, Pence told Chuck Todd.",
        "Sen. Kelly Ayotte returned $43,100 in Turkish-American donations last year.",
        "Ted Cruz's associates insist he's returning to the Senate as the same conservative.",
    ],
)
def test_videos_tax_returns_donations_and_homecomings_are_no_retreat(extract, text: str) -> None:
    assert [e for e in events_of(extract(text)) if e[0] == "RETREAT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "During his administration Scott had cut mosquito-control programs.",
        "I will stop any trade deal that kills jobs, Clinton said.",
        "Clinton and Sanders ended in a virtual tie on the Democratic side.",
    ],
)
def test_a_sanction_against_no_one_is_none(extract, text: str) -> None:
    assert events_of(extract(text)) == []


def test_a_sanction_on_a_state_left_unnamed_stays(extract) -> None:
    assert ("SANCTION", ["IGO"], []) in events_of(extract("The World Bank froze loans to the country after the coup."))


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Netanyahu, then in the opposition, was heading home.",
        "The United States does not have bilateral trade agreements with China.",
        "And I agree with that in almost every circumstance.",
    ],
)
def test_the_opposition_benches_agreements_not_had_and_views_are_no_events(extract, text: str) -> None:
    assert events_of(extract(text)) == []


def test_an_opposition_to_someone_is_a_rejection(extract) -> None:
    art = extract("Some Republicans reaffirmed their opposition to Trump on Tuesday.")
    assert [e[0] for e in events_of(art)] == ["REJECT"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # proposing a meeting intends one (CAMEO 036), which PLOVER codes as agreeing
        ("India proposed on Thursday a meeting of foreign secretaries with Pakistan.", ("AGREE", ["IND"], ["PAK"])),
        # opening links is diplomatic cooperation, as restoring ties
        ("China opened direct shipping links with Taiwan on Friday.", ("SUPPORT", ["CHN"], ["TWN"])),
    ],
)
def test_meetings_proposed_and_links_opened(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_what_was_suggested_at_a_meeting_is_no_proposal_to_meet(extract) -> None:
    art = extract("Savings can be found, as Mr. McDonough suggested at the meeting with analysts.")
    assert events_of(art) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            '"We stand with Israel in its fight against terror," President Bush told reporters on Thursday.',
            ("SUPPORT", ["USA"], ["ISR"]),
        ),
        (
            "Prime Minister Yitzhak Shamir said on Tuesday Israel would never negotiate with the PLO.",
            ("REJECT", ["ISR"], ["PSE"]),
        ),
        ('Milosevic said NATO was "committing genocide against the Serbian people."', ("ACCUSE", ["SRB"], ["IGO"])),
    ],
)
def test_standing_with_a_state_never_negotiating_and_crimes_charged(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_never_having_met_is_no_refusal(extract) -> None:
    met = '"He and I have never met," the Russian foreign minister said.'
    assert [(e.type, e.negated) for e in extract(met).events] == [("CONSULT", True)]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # troops crossing into a country attack it; refugees crossing do not
        (
            "South African troops crossed into southern Angola on Monday.",
            ("ASSAULT", ["ZAF"], ["AGO"]),
        ),
        # a threat's own state acting is no target of it: whom the condition names is
        (
            "Gaddafi warned that Libya would attack American cities if the United States bombed his country again.",
            ("THREATEN", ["LBY"], ["USA"]),
        ),
    ],
)
def test_incursions_and_the_threatened(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_refugees_crossing_a_border_are_no_incursion(extract) -> None:
    assert events_of(extract("Thousands of refugees crossed into Zaire on Monday.")) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # each nationality of a coordinated pair acts, in a joint act both are sources
        (
            "American and Russian scientists began a joint study of nuclear waste on Monday.",
            ("COOPERATE", ["RUS", "USA"], []),
        ),
        (
            "French and German troops took part in joint manoeuvres in Bavaria on Tuesday.",
            ("COOPERATE", ["DEU", "FRA"], []),
        ),
        # suspects handed over, told by a participle, are judicial cooperation
        ("German police handed over two suspected Mafia members to Italy on Tuesday.", ("COOPERATE", ["DEU"], ["ITA"])),
    ],
)
def test_joint_acts_of_two_nationalities_and_suspects_handed_over(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # one name for two countries, or the first left without its name
        ("North and South Korea signed a non-aggression pact on Friday.", ("AGREE", ["KOR", "PRK"], [])),
        ("South and North Korea agreed on Friday to hold a summit in Pyongyang.", ("AGREE", ["KOR", "PRK"], [])),
    ],
)
def test_north_and_south_korea_are_two_countries(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_the_compass_word_of_an_elliptic_pair_is_evidenced(extract) -> None:
    art = extract("South and North Korea agreed on Friday to hold a summit in Pyongyang.")
    south = next(a for a in art.actors if a.country == "KOR")
    assert [art.text[m.start : m.end] for m in south.mentions] == ["South"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # an irregular form the lemmatiser leaves alone
        ("The United States unfroze $400 million in Iranian assets on Friday.", ("RETREAT", ["USA"], ["IRN"])),
        # forces scaled back de-escalate; forces that come home from somewhere withdraw from it
        ("China scaled back military exercises on Monday.", ("RETREAT", ["CHN"], [])),
        (
            "Turkish troops returned home from northern Iraq after a week-long offensive.",
            ("RETREAT", ["TUR"], ["IRQ"]),
        ),
        # rebels yield to the government's army, which is no force of their own
        ("Georgian rebels surrendered to government troops on Thursday.", ("RETREAT", ["GEO"], ["GEO"])),
        # whose remains are handed over
        (
            "North Korea handed over the remains of 12 American soldiers missing since the Korean War.",
            ("RETREAT", ["PRK"], ["USA"]),
        ),
        # a credit line extended is aid, not an emergency extended
        ("The United States extended a $20 billion emergency credit line to Mexico.", ("AID", ["USA"], ["MEX"])),
    ],
)
def test_retreats_told_by_irregular_and_phrasal_verbs_and_aid_on_credit(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_spending_scaled_back_and_troops_returning_home_are_no_retreat(extract) -> None:
    assert events_of(extract("The company scaled back its spending on Monday.")) == []
    assert events_of(extract("The soldiers returned home for Christmas.")) == []


def test_a_name_the_model_reads_as_a_person_before_a_body_noun_is_the_body(extract) -> None:
    art = extract("China banned the Falun Gong spiritual movement on Thursday.")
    assert ("COERCE", ["CHN"], ["CHN"]) in events_of(art), events_of(art)
    assert [a.kind for a in art.actors if a.name == "Falun Gong"] == ["organization"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # where an attack comes from is not whom it hits
        ("Hamas militants fired rockets into southern Israel from the Gaza Strip.", ("ASSAULT", ["PSE"], ["ISR"])),
        # bombs dropped on a town attack it
        ("Iraqi warplanes dropped chemical bombs on the Kurdish town of Halabja.", ("ASSAULT", ["IRQ"], ["IRQ"])),
    ],
)
def test_attacks_from_somewhere_and_bombs_dropped(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_where_an_accord_is_signed_is_no_party_and_shuttles_are_mediation(extract) -> None:
    signed = extract("Ethiopia and Eritrea signed a peace deal in Algiers ending their border war.")
    assert ("AGREE", ["ERI", "ETH"], []) in events_of(signed), events_of(signed)
    shuttled = extract("The U.S. envoy shuttled between Israeli and Palestinian leaders.")
    assert ("CONSULT", ["USA"], ["ISR", "PSE"]) in events_of(shuttled), events_of(shuttled)
    # a settlement evacuated where it is remains a place acted on
    evacuated = extract("Israel will evacuate all 21 settlements in the Gaza Strip in mid-August.")
    assert any(e[2] == ["PSE"] for e in events_of(evacuated)), events_of(evacuated)


def test_a_treaty_signed_between_two_sides_and_aid_arriving_from_a_state(extract) -> None:
    signed = extract("A peace treaty was signed between Israel and Jordan on Wednesday.")
    assert ("AGREE", ["ISR", "JOR"], []) in events_of(signed), events_of(signed)
    arrived = extract("Food aid from the United States arrived in Ethiopia on Monday.")
    assert ("AID", ["USA"], ["ETH"]) in events_of(arrived), events_of(arrived)
    # a visitor arriving is a visit, not aid
    assert [e[0] for e in events_of(extract("The French president arrived in Algeria on Monday."))] == ["CONSULT"]
