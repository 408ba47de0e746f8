"""Events: PLOVER types on real sentences, arguments, negation, modality, nominal and passive forms."""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Event


def events_of(art: Article) -> list[tuple[str, list[str], list[str]]]:
    def codes(ids: list[str]) -> list[str]:
        return sorted({(art.actor(i).country or "?") for i in ids if art.actor(i)})

    return [(e.type, codes(e.source), codes(e.target)) for e in art.events]


def only(art: Article, etype: str) -> Event:
    found = [e for e in art.events if e.type == etype]
    assert found, events_of(art)
    return found[0]


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        ("Jordan and Britain agreed on a new border security plan.", "AGREE", ["GBR", "JOR"], []),
        (
            "The Egyptian foreign minister met his Qatari counterpart in Cairo on Sunday.",
            "CONSULT",
            ["EGY"],
            ["QAT"],
        ),
        ("Germany praised Poland for its handling of the refugee crisis.", "SUPPORT", ["DEU"], ["POL"]),
        ("Sudanese rebels released 20 prisoners of war.", "CONCEDE", ["SDN"], []),
        ("Indonesia and Australia will cooperate on counter-terrorism.", "AGREE", ["AUS", "IDN"], []),
        ("Japan donated rice to Haiti after the earthquake.", "AID", ["JPN"], ["HTI"]),
        ("Russian troops withdrew from the town.", "RETREAT", ["RUS"], []),
        ("France urged Iran to free the detained journalists.", "REQUEST", ["FRA"], ["IRN"]),
        ("China accused Japan of provoking tensions in the region.", "ACCUSE", ["CHN"], ["JPN"]),
        ("Serbia rejected an Albanian proposal for new talks.", "REJECT", ["SRB"], ["ALB"]),
        ("Iran threatened to close the strait to Western shipping.", "THREATEN", ["IRN"], []),
        ("Thousands of Kenyan students protested against the fee increase.", "PROTEST", ["KEN"], []),
        ("Canada imposed sanctions on Venezuela on Monday.", "SANCTION", ["CAN"], ["VEN"]),
        ("Pakistan deployed troops to the border region.", "MOBILIZE", ["PAK"], []),
        ("Turkish police arrested 30 protesters in Ankara.", "COERCE", ["TUR"], []),
        ("Israeli warplanes bombed targets in Syria overnight.", "ASSAULT", ["ISR"], []),
    ],
)
def test_each_plover_type(extract, text: str, etype: str, source: list[str], target: list[str]) -> None:
    art = extract(text, published="2024-03-27")
    e = only(art, etype)
    assert sorted({art.actor(i).country for i in e.source}) == source
    if target:
        assert set(target) <= {art.actor(i).country for i in e.target}


def test_a_topic_mention_is_not_an_event(extract) -> None:
    art = extract("Prices rose because of the war in Gaza and the attacks in the Red Sea.", published="2024-03-27")
    assert art.events == []


def test_negation_is_kept_as_a_field(extract) -> None:
    art = extract("Hungary did not veto the aid package for Ukraine.", published="2024-03-27")
    e = only(art, "REJECT")
    assert e.negated is True


def test_intended_hypothetical_and_reported_modality(extract) -> None:
    intended = extract("Germany plans to send tanks to Ukraine.", published="2024-03-27")
    assert any(e.modality == "intended" for e in intended.events)
    hypo = extract("If talks fail, Israel could attack Iran.", published="2024-03-27")
    assert only(hypo, "ASSAULT").modality == "hypothetical"
    reported = extract("Kenya's foreign ministry said Somali militants attacked a base.", published="2024-03-27")
    assert only(reported, "ASSAULT").modality == "reported"


def test_passive_voice_takes_the_agent_as_source(extract) -> None:
    art = extract("The convoy was attacked by Burundian militiamen near the border.", published="2024-03-27")
    e = only(art, "ASSAULT")
    assert {art.actor(i).country for i in e.source} == {"BDI"}


def test_nominal_event_with_possessor(extract, gallant_text: str) -> None:
    art = extract(gallant_text)
    e = next(e for e in art.events if e.trigger.text == "cancellation")
    assert e.type == "REJECT" and art.actor(e.source[0]).name == "Benjamin Netanyahu"


def test_event_dates_come_from_the_clause_else_the_publication(extract, gallant_text: str) -> None:
    art = extract(gallant_text)
    sullivan = next(e for e in art.events if any("Sullivan" in art.actor(i).name for i in e.target))
    assert (sullivan.type, sullivan.date) == ("CONSULT", "2024-03-25")
    undated = [e for e in art.events if e.date_basis == "published"]
    assert undated and all(e.date == "2024-03-27" for e in undated)


def test_every_event_points_to_its_sentence(extract, gallant_text: str) -> None:
    art = extract(gallant_text)
    for e in art.events:
        assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end
        assert 0.0 < e.confidence <= 1.0
