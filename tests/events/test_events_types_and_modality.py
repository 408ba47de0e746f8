"""Events: PLOVER types on real sentences, arguments, negation, modality, nominal and passive forms."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newsgraph.events.lexicon import doubly_typed

from .helpers import events_of, only


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
        ("Sudanese rebels released 20 prisoners of war.", "RETREAT", ["SDN"], ["SDN"]),
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


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # the object decides: easing a military restriction is a retreat, a political one a concession
        ("Turkey lifted the blockade of the border town on Friday.", "RETREAT"),
        ("The Egyptian government eased restrictions on foreign journalists.", "CONCEDE"),
        ("Qatar suspended its mediation between the two factions.", "SANCTION"),
        ("The Colombian government met the strikers' demands on Friday.", "CONCEDE"),
        # two-word event nouns
        ("Kenyan doctors began a hunger strike outside the parliament.", "PROTEST"),
        ("Russian forces carried out air strikes on the city.", "ASSAULT"),
    ],
)
def test_verbs_and_nouns_typed_by_their_words(extract, text: str, etype: str) -> None:
    art = extract(text, published="2024-03-27")
    assert etype in {e.type for e in art.events}, events_of(art)


def test_a_statement_that_someone_must_act_is_a_request(extract) -> None:
    art = extract(
        "The French foreign minister said on Monday that Iran must release the detained aid workers.",
        published="2024-03-27",
    )
    e = only(art, "REQUEST")
    assert {art.actor(i).country for i in e.source} == {"FRA"}
    assert {art.actor(i).country for i in e.target} == {"IRN"}
    assert "RETREAT" not in {x.type for x in art.events}  # the release is what is asked, not done


def test_insisting_that_someone_act_is_a_request(extract) -> None:
    art = extract("Serbian opposition leaders insisted that President Milosevic step down immediately.")
    assert [e.type for e in art.events] == ["REQUEST"], events_of(art)  # the resignation is asked, not done
    assert extract("The Serbian minister insisted that he was innocent.").events == []


def test_a_promised_act_carries_the_promise(extract) -> None:
    helping = extract("The European Union promised on Thursday to send food and medicine to Bosnia.")
    assert [(e.type, e.trigger.text) for e in helping.events] == [("AGREE", "send")], events_of(helping)
    harming = extract("Hamas pledged to attack Israeli targets.")
    assert [e.type for e in harming.events] == ["THREATEN"], events_of(harming)


def test_going_on_strike_is_a_protest(extract) -> None:
    art = extract("Nigerian oil workers went on strike over the detention of union leaders.")
    assert [e.type for e in art.events] == ["PROTEST"], events_of(art)


def test_a_month_is_not_a_march(extract) -> None:
    art = extract("Senator Cruz first stirred Iowa crowds in March at a Pastors and Pews event.")
    assert art.events == []


def test_a_refusal_to_agree_is_a_rejection(extract) -> None:
    art = extract("Serbia and Kosovo failed to reach an agreement on the border.", published="2024-03-27")
    assert only(art, "REJECT").negated is False


def test_a_stated_conditional_harm_is_a_threat(extract) -> None:
    art = extract(
        "The Kenyan opposition said it will boycott the elections unless the president resigns.",
        published="2024-03-27",
    )
    assert "THREATEN" in {e.type for e in art.events}, events_of(art)
    decided = extract("Canada announced it would impose sanctions on Venezuela.", published="2024-03-27")
    assert only(decided, "SANCTION").modality == "intended"


def test_a_pronoun_subject_of_a_statement_is_the_speaker(extract) -> None:
    art = extract("Somali rebels said on Tuesday they would release the kidnapped engineers.", published="2024-03-27")
    e = only(art, "AGREE")
    assert {art.actor(i).country for i in e.source} == {"SOM"}


def test_the_cancelled_trip_points_to_its_destination(extract) -> None:
    art = extract(
        "The Polish president's cancellation of his trip to Berlin angered German officials.",
        published="2024-03-27",
    )
    e = next(e for e in art.events if e.trigger.text == "cancellation")
    assert {art.actor(i).country for i in e.target} == {"DEU"}


def test_an_embedded_target_is_not_the_source_itself(extract) -> None:
    # "its" is Russia, the source: the targets are the countries the borders are with
    art = extract("Russia closed its southern borders with Iran and Turkey because of the fighting.")
    e = only(art, "SANCTION")
    assert events_of(art)[art.events.index(e)][1:] == (["RUS"], ["IRN", "TUR"])


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        # the object's own modifiers come before a later clause (here a misparsed report)
        (
            "European Community foreign ministers demanded the withdrawal of Serbian forces from "
            "Bosnia-Herzogovina on Monday calling them an occupying army, "
            "diplomats quoted an EC declaration as saying.",
            "REQUEST",
            ["SRB"],
        ),
        # a nominal event takes the light verb's clause: "reiterated its demand that X ease"
        (
            "The International Labor Office (ILO) reiterated its demand today that Israel ease restrictions.",
            "REQUEST",
            ["ISR"],
        ),
        # a purpose clause reaches the one acted upon: "summoned X to complain" complains to X
        (
            "On Tuesday, Nigerian junior foreign minister Dubem Oniya summoned Niger's ambassador "
            "Brah Mohamane to complain of inaction over the gangs.",
            "ACCUSE",
            ["NER"],
        ),
    ],
)
def test_targets_inside_the_event_clause(extract, text: str, etype: str, target: list[str]) -> None:
    art = extract(text)
    ev = only(art, etype)
    assert sorted({art.actor(i).country for i in ev.target}) == target, events_of(art)


def test_a_place_inside_the_locative_phrase_is_the_location(extract) -> None:
    art = extract("Palestinian prisoners rioted on Monday at a jail in northern Israel, police sources said.")
    e = only(art, "PROTEST")
    assert e.location is not None and e.location.country == "ISR"


def test_sending_people_to_investigate_is_an_investigation(extract) -> None:
    art = extract(
        "The United Nations has sent 21 military and civilian personnel to Bosnia on Wednesday "
        "to investigate the feasibility of a peacekeeping force."
    )
    assert [t for t, _, _ in events_of(art)] == ["ACCUSE"]


def test_international_ngos_are_coded_like_the_red_cross(extract) -> None:
    art = extract("Amnesty International demanded that the Sudanese government end curbs on press freedom.")
    amnesty = next(a for a in art.actors if a.name == "Amnesty International")
    assert (amnesty.country, amnesty.sector) == ("IGO", "NGO")


def test_a_place_in_the_object_phrase_is_the_location(extract) -> None:
    art = extract("Red Cross officials suspended aid deliveries in Baghdad on Wednesday after two vehicles were hit.")
    e = only(art, "SANCTION")
    assert e.location is not None and e.location.text == "Baghdad" and e.location.country == "IRQ"


@pytest.mark.parametrize(
    ("text", "etype", "place", "country"),
    [
        # on the way up from a nominal trigger to its verb
        ("Rebel forces were engaged in ethnic cleansing in Kosovo, rights groups said.", "ASSAULT", "Kosovo", "XKX"),
        # down the chain of verbs and objects
        ("The European Union agreed to open a trade office in Nairobi next year.", "AGREE", "Nairobi", "KEN"),
        # where the subject acts
        (
            "Some 2,000 militiamen operating in eastern Congo have been demobilized since the accord, officials said.",
            "RETREAT",
            "eastern Congo",
            "COD",
        ),
        ("The government in Sanaa has denied any role in the attack.", "REJECT", "Sanaa", "YEM"),
    ],
)
def test_a_place_stated_in_the_event_clause_is_the_location(
    extract, text: str, etype: str, place: str, country: str
) -> None:
    e = only(extract(text), etype)
    assert e.location is not None and (e.location.text, e.location.country) == (place, country)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Nigeria's military government imposed a curfew on the southern oil city of Port Harcourt.", ["NGA"]),
        ("Chinese authorities imposed martial law on Lhasa.", ["CHN"]),
        ("Israel imposed a curfew on the West Bank town of Hebron.", ["PSE"]),
    ],
)
def test_a_state_coercing_a_place_of_its_own_targets_it(extract, text: str, target: list[str]) -> None:
    art = extract(text)
    e = only(art, "COERCE")
    assert sorted({art.actor(i).country for i in e.target}) == target


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the object of "persuade", "force", "push" does what the infinitive says
        ("Washington persuaded Israel to release 200 Palestinian prisoners.", ("RETREAT", ["ISR"], ["PSE"])),
        ("Saudi Arabia pushed Assad to step down.", ("CONCEDE", ["SYR"], [])),
        # the sender's purpose stays the sender's
        ("Russia sent troops to fight the rebels in Chechnya.", ("MOBILIZE", ["RUS"], ["RUS"])),
    ],
)
def test_the_object_of_a_control_verb_is_the_source_of_its_infinitive(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_uncoded_people_acted_on_at_a_place_are_acted_on_there(extract) -> None:
    art = extract("Indonesian troops tortured detainees in Dili.")
    e = only(art, "ASSAULT")
    assert sorted(str(art.actor(i).country) for i in e.target) == ["None", "TLS"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Senator Ted Cruz, who refused to endorse Donald Trump, spoke on Monday.", ("REJECT", ["USA"], ["USA"])),
        (
            "In her post, she reminded Trump of the actions of John Hinckley Jr., who shot and wounded "
            "President Reagan in 1981.",
            ("ASSAULT", ["?"], ["USA"]),
        ),
    ],
)
def test_an_event_told_in_a_relative_clause_on_its_source_has_its_target(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_a_relative_acts_for_themselves_not_for_whom_they_are_named_by(extract) -> None:
    # the wife, whom no actor names, is no source to code: no event rather than Scott's
    assert extract("Keith Lamont Scott's wife pleaded with police to release the videos.").events == []
    # a relative named beside the noun is the source
    art = extract("On CNN Tuesday, his wife, Jane, called for an open primary process.")
    e = only(art, "REQUEST")
    assert [art.actor(i).name for i in e.source] == ["Jane"]


def test_it_in_a_statement_is_no_person_speaking(extract) -> None:
    # "it" is the moment, not Tusk; "it" after a country's statement is the country
    art = extract(
        '"It was a sad moment for Europe when the British people decided to leave, and so it requested an honest '
        'diagnosis," said European Council President Donald Tusk.'
    )
    assert art.events == []
    assert events_of(extract("Iran said it would reject the proposal.")) == [("REJECT", ["IRN"], [])]
    # "he" may be a state's unnamed leader
    art = extract("South Korea's president said he fully supported U.S. policy towards North Korea.")
    assert events_of(art) == [("SUPPORT", ["KOR"], ["USA"])]


def test_ones_own_forces_mobilized_are_no_target(extract) -> None:
    art = extract("Iraq has mobilized its Republican Guard divisions, Western intelligence sources said.")
    assert events_of(art) == [("MOBILIZE", ["IRQ"], [])]


def test_an_accord_named_by_a_place_is_a_topic_not_an_agreement(extract) -> None:
    art = extract("The passing of the Iran deal means that within ten years Iran will threaten Israel.")
    assert [e.type for e in art.events] == ["THREATEN"]
    # made, it is an agreement
    assert [e.type for e in extract("Iran and the powers reached a deal on Tuesday.").events] == ["AGREE"]


def test_what_a_refusal_refuses_is_not_done(extract) -> None:
    art = extract("Trump said Friday that Ryan's refusal to support him was not a good thing.")
    assert [e.type for e in art.events] == ["REJECT"]


def test_a_place_inside_another_phrase_is_not_the_location(extract) -> None:
    # Jakarta is where the flooding was, not where the minister criticised anyone
    e = only(extract("The minister criticized the government's response to the flooding in Jakarta."), "ACCUSE")
    assert e.location is None


def test_a_place_name_ends_with_its_name(extract) -> None:
    art = extract(
        "Bucher said Tuesday that some residents in Jupiter, Florida who were voting as independents in "
        "municipal elections complained when they didn't see Trump's name on the ballot."
    )
    e = only(art, "ACCUSE")
    assert e.location is not None and e.location.text == "Jupiter, Florida"


def test_workers_of_an_organisation_take_its_country(extract) -> None:
    art = extract(
        "Iranian authorities have been pressuring workers of the United Bus Company of Tehran to cancel the strike."
    )
    e = only(art, "REQUEST")
    assert events_of(art)[art.events.index(e)][1:] == (["IRN"], ["IRN"])


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # verbs typed by what they act on, after the CAMEO categories PLOVER merges
        ("Demonstrators in Baghdad blocked the main road to the airport on Tuesday.", "PROTEST"),
        ("Rebels violated the ceasefire on Sunday, attacking army posts near the border.", "ASSAULT"),
        ("The Thai government declared a state of emergency in the capital on Monday.", "COERCE"),
        ("The Pakistani army put its troops on high alert along the border.", "MOBILIZE"),
        ("Israel called up thousands of reservists on Friday.", "MOBILIZE"),
        ("Egypt lodged a formal protest with Israel over the shooting.", "ACCUSE"),
        ("The Sudanese president granted amnesty to 500 rebels.", "CONCEDE"),
        ("Gunmen took 20 French engineers hostage in Niger.", "ASSAULT"),
        ("The Burmese junta banned the main opposition party.", "COERCE"),
        ("The Chinese president received the visiting Japanese delegation in Beijing.", "CONSULT"),
        ("Germany granted diplomatic recognition to Croatia on Thursday.", "SUPPORT"),
        ("Britain gave blankets and medicine to the earthquake victims in Turkey.", "AID"),
        ("Japan pledged 20 million dollars to Sudan for flood relief.", "AGREE"),
        ("Pakistan lodged a strong protest with India over the killing of its citizens.", "ACCUSE"),
        ("China conducted military exercises off the coast of Taiwan on Monday.", "MOBILIZE"),
        ("The United States and South Korea held joint military exercises near the border.", "COOPERATE"),
        ("Myanmar's junta placed the opposition leader under house arrest on Friday.", "COERCE"),
        ("Jordan lifted the curfew in the southern town of Maan on Sunday.", "CONCEDE"),
        ("The Chinese premier reaffirmed his country's commitment to Pakistan.", "SUPPORT"),
        ("Pakistan moved additional troops to its border with India.", "MOBILIZE"),
        ("Chile and Bolivia restored diplomatic relations after decades.", "SUPPORT"),
        ("The Asian Development Bank approved a $200 million loan for Vietnam.", "AID"),
        ("Iranian students burned Israeli flags outside the embassy.", "PROTEST"),
        ("Iran test-fired a long-range missile on Sunday, state television said.", "MOBILIZE"),
        ("The government of Uzbekistan banned the Hizb ut-Tahrir movement.", "COERCE"),
        ("Libya expelled thousands of Egyptian workers last month.", "COERCE"),
        ("Syria used chemical weapons against rebel-held suburbs of Damascus.", "ASSAULT"),
        ("The Pentagon ordered two more aircraft carriers to the region.", "MOBILIZE"),
        ("Japan raised its military alert level after the launch.", "MOBILIZE"),
        ("The Cuban president rallied support for Venezuela at the summit.", "SUPPORT"),
        ("The tribunal found the former general guilty of war crimes.", "ACCUSE"),
        ("The military government closed all universities after the demonstrations.", "COERCE"),
        ("Police broke up a demonstration by opposition supporters in Nairobi.", "COERCE"),
        ("Chile's military government lifted the state of siege on Tuesday.", "CONCEDE"),
        ("South Korea postponed the planned summit with the North.", "REJECT"),
        ("Pakistan's military ruler dissolved parliament on Tuesday.", "COERCE"),
        ("Palestinian prisoners staged a sit-in at the jail on Monday.", "PROTEST"),
        ("Israel and Syria swapped prisoners under German mediation.", "COOPERATE"),
        # a ban on trade is an economic sanction: lifting it eases one (CAMEO 085)
        ("The United States lifted its ban on food sales to Cuba.", "RETREAT"),
        ("The United States gave Colombia 18 helicopters last year.", "AID"),
        ("South Africa's government unbanned the African National Congress on Friday.", "CONCEDE"),
        ("North Korea has placed its army on a war footing.", "MOBILIZE"),
        ("Burma's military rulers put 15 opposition activists on trial.", "COERCE"),
        ("Iranian authorities blocked access to Facebook and Twitter ahead of the vote.", "COERCE"),
        ("Kenyan police teargassed opposition supporters in Nairobi.", "COERCE"),
        ("China staged a massive military parade in Beijing to show off its new missiles.", "MOBILIZE"),
        ("Germany forgave Poland's debts.", "AID"),
        ("North Korea's official newspaper branded the United States a warmonger.", "ACCUSE"),
    ],
)
def test_verbs_typed_by_their_objects(extract, text: str, etype: str) -> None:
    art = extract(text)
    assert [e.type for e in art.events] == [etype], events_of(art)


def test_branding_something_as_a_name_accuses_no_one(extract) -> None:
    assert extract("Officials in Minnesota brand their program as Building Community Resilience.").events == []


@pytest.mark.parametrize(
    "text",
    [
        "Veterans in 2014 were killing themselves at three times the rate of civilians.",
        "Trump spoke about the horrific San Bernardino attack on Tuesday.",
        "'Why not?' Senator Harry Reid asks.",
        "President Obama toured the museum last week.",
        "The White House contends that it is still on track to meet those targets.",
        "Trump backed away from a suggestion that he might cover legal costs.",
        "Last month, Trump fired his campaign manager, Corey Lewandowski.",
        "Apparently, Clinton did not give up.",
        "'But why?' reporter Jackie Nespral asked him.",
        "Dan McLaughlin at the National Review agreed with Matthews about the winner.",
        "I believe Donald Trump is destroying the Republican Party's chance to win an election.",
        "Rob Calabrese, a radio host in Nova Scotia, has set up a website called Cape Breton.",
        "Wines believes that the Clinton campaign took black voters for granted.",
        "'Why not?' Senator David Vitter demanded.",
        "She occupies one of the key positions of power in Washington as the attorney general.",
        "Donald Trump is drawing criticism after his remarks about veterans.",
        "Hochsprung was one of 26 people killed in the December 2012 shooting at the school.",
        "The White House has fought hard to defend the Cadillac tax.",
        "The Stop Trump movement would mobilize every possible resource to block Trump.",
        "Fallon fired back at the president on Twitter.",
        '"This epidemic must stop," Cacheris said.',
        "Ban Ki-moon, the secretary general of the United Nations, vowed not to repeat that mistake.",
        "E.U. leaders warn that if the bloc fails to ensure security, it could rapidly fall apart.",
        "A terror campaign is being deliberately executed by radical Islamic terrorists.",
        "Even as he hosted his Labor Day cookout, Representative Bobby Scott stood with his arms crossed.",
        "While earnings dropped sharply, Chevron's results still beat analysts' expectations.",
        "Today, Senator Bernie Sanders travels around California in a caravan of campaign buses.",
        "His campaign shelled out $2 million to broadcast a short film on Univision.",
        "Trump will deliver a speech on Monday addressing the terrorist attacks in Orlando.",
    ],
)
def test_no_event_in_suicide_a_citys_attack_a_question_or_a_tour(extract, text: str) -> None:
    art = extract(text)
    assert art.events == [], events_of(art)


def test_verbs_coordinated_before_a_passive_agent_share_it(extract) -> None:
    art = extract("Dozens of students were beaten and arrested by soldiers in Rangoon.")
    assert [(e.type, e.trigger.text) for e in art.events] == [("COERCE", "beaten"), ("COERCE", "arrested")]
    soldiers = next(a.id for a in art.actors if a.name.startswith("soldiers"))
    assert all(e.source == [soldiers] for e in art.events), events_of(art)


def test_a_sentence_verb_read_as_a_modifier_keeps_its_subject(extract) -> None:
    # the small model reads the only verb as modifying "Thousands": still the students protest
    art = extract("Thousands of students protested in Buenos Aires on Tuesday against cuts to university funding.")
    assert events_of(art) == [("PROTEST", ["ARG"], ["ARG"])]


def test_agreeing_on_an_act_is_agreement(extract) -> None:
    art = extract("Russia agreed with Ukraine on a ceasefire.")
    assert events_of(art) == [("AGREE", ["RUS"], ["UKR"])]


def test_taking_in_refugees_is_aid_refusing_them_a_rejection(extract) -> None:
    art = extract("The United States accepted 11,491 Syrian refugees last year.")
    assert events_of(art) == [("AID", ["USA"], ["SYR"])]
    art = extract("Hungary would not admit the Syrian refugees, the government said.")
    assert [e.type for e in art.events] == ["REJECT"], events_of(art)


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Trump warned that Clinton opposes the Second Amendment.", []),
        ("Puerto Rico has been warning that it is running out of cash.", []),
        ("Hillary Clinton has vowed to keep abortion legal.", []),
        ("Defense Secretary Ash Carter warned China against provocative actions in the South China Sea.", ["THREATEN"]),
        ("North Korea warned that it would turn Seoul into a sea of fire if war broke out.", ["THREATEN"]),
        ("Iran vowed to retaliate against Israel for the killing.", ["THREATEN"]),
    ],
)
def test_a_warning_or_a_vow_threatens_only_a_harm(extract, text: str, types: list[str]) -> None:
    art = extract(text)
    assert [e.type for e in art.events] == types, events_of(art)


def test_a_failure_to_act_is_negated(extract) -> None:
    art = extract(
        "In 2009, the United Nations came under withering criticism for its failure to speak out on the "
        "widespread human rights violations at the end of the civil war in Sri Lanka."
    )
    spoke = [e for e in art.events if e.trigger.text.startswith("speak")]
    assert spoke and spoke[0].negated, events_of(art)


def test_a_call_for_someone_to_act_is_a_request(extract) -> None:
    art = extract("President Barack Obama sounded a call for the United States to accept more refugees on Monday.")
    assert [e.type for e in art.events] == ["REQUEST"], events_of(art)


def test_parties_and_rivals_attack_and_clash_in_words(extract) -> None:
    art = extract("Democrats regularly attacked Republicans for how they were running the committee.")
    assert [e.type for e in art.events] == ["ACCUSE"], events_of(art)
    art = extract("Clinton considers how to attack Sanders.")
    assert [e.type for e in art.events] == ["ACCUSE"], events_of(art)
    art = extract("Rebels fought government troops near the capital of Sudan.")
    assert [e.type for e in art.events] == ["ASSAULT"], events_of(art)


def test_deriding_and_pounding_a_rival_criticise(extract) -> None:
    art = extract("Harry Reid has been steadily pounding Trump as a con artist.")
    assert [e.type for e in art.events] == ["ACCUSE"], events_of(art)
    art = extract("Conservative outside groups reported spending $6 million attacking Clinton.")
    assert [e.type for e in art.events] == ["ACCUSE"], events_of(art)
    art = extract("Former Obama spokesman Robert Gibbs derided the professional left.")
    assert [e.type for e in art.events] == ["ACCUSE"], events_of(art)


def test_a_ban_on_goods_stays_a_sanction(extract) -> None:
    art = extract("The European Union banned imports of Iranian oil on Monday.")
    assert [e.type for e in art.events] == ["SANCTION"], events_of(art)


def test_some_verbs_are_events_only_with_an_object(extract) -> None:
    assert extract("The British Conservative Party declined sharply in the polls last year.").events == []
    assert extract("Senator Harry Reid returned to Washington on Monday.").events == []
    refused = extract("The Chinese government declined to attend the summit in Tokyo.")
    assert [e.type for e in refused.events] == ["REJECT"], events_of(refused)


def test_the_place_acted_on_is_the_target_when_no_actor_is_named(extract) -> None:
    art = extract("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia, Belgrade radio said.")
    protest = only(art, "PROTEST")
    [serbia] = [art.actor(i) for i in protest.target]
    assert (serbia.kind, serbia.country) == ("country", "SRB")
    assert "Serbia" in [m.text for m in serbia.mentions]
    # a meeting place is no target, and a place that is only a topic is no actor
    met = extract("The Egyptian foreign minister met his Qatari counterpart in Cairo on Sunday.")
    assert all(a.country != "EGY" or a.kind != "country" for a in met.actors)


def test_cities_and_states_beyond_capitals_have_a_country(extract) -> None:
    art = extract("Serbian police beat ethnic Albanian demonstrators in Pristina on Monday.")
    assert only(art, "COERCE").location.country == "XKX"
    texas = extract("Mexican police arrested two American smugglers near El Paso, Texas.")
    assert only(texas, "COERCE").location.country == "USA"


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Britain sent two planeloads of blankets and medicine to the earthquake victims.", ["AID"]),
        ("France sent 500 troops to Chad on Monday.", ["MOBILIZE"]),
        ("The IAEA has dispatched inspectors to Iran.", ["ACCUSE"]),
        ("Senator Bernie Sanders sent a fundraising email to his supporters on Tuesday.", []),
        ("Germany dispatched rescue teams to help earthquake victims in Turkey.", ["AID"]),
    ],
)
def test_sending_is_typed_by_what_is_sent(extract, text: str, types: list[str]) -> None:
    art = extract(text)
    assert [e.type for e in art.events] == types, events_of(art)


def test_a_country_read_as_a_name_is_still_where_troops_go(extract) -> None:
    art = extract("France sent troops to Mali to protect civilians from Islamist militants.")
    assert events_of(art) == [("AID", ["FRA"], ["MLI"])]


def test_a_sum_given_as_aid_is_aid(extract) -> None:
    art = extract("The United States sent $500 million in food aid to Russia.")
    assert events_of(art) == [("AID", ["USA"], ["RUS"])]


def test_aid_received_comes_from_its_giver(extract) -> None:
    art = extract("Egypt received $2 billion in aid from the United States.")
    assert events_of(art) == [("AID", ["USA"], ["EGY"])]
    art = extract("Japanese relief supplies arrived in Indonesia on Sunday.")
    assert events_of(art) == [("AID", ["JPN"], ["IDN"])]


def test_who_is_released_by_a_named_agent_is_the_target(extract) -> None:
    art = extract("The release of six Kuwaiti prisoners by Iraq was welcomed by the Red Cross.")
    assert ("RETREAT", ["IRQ"], ["KWT"]) in events_of(art)


def test_who_is_sent_relief_is_the_target(extract) -> None:
    art = extract("Germany dispatched rescue teams to help earthquake victims in Turkey.")
    assert events_of(art) == [("AID", ["DEU"], ["TUR"])]


def test_time_and_concession_adjuncts_hold_no_target(extract) -> None:
    art = extract("Ousted President Askar Akayev has agreed to resign without returning to Kyrgyzstan.")
    assert only(art, "AGREE").target == []


def test_a_language_is_not_its_country(extract) -> None:
    art = extract("The Latvian Constitutional Court cancelled restrictions on the use of the Russian language.")
    assert all(a.country != "RUS" for a in art.actors)


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Israel and Hamas struck a deal on Sunday to exchange prisoners.", ["AGREE"]),
        ("Israeli jets struck Hamas targets in Gaza on Sunday.", ["ASSAULT"]),
        ("The European Union hit out at China over its human rights record.", ["ACCUSE"]),
        ("China blocked a United Nations resolution on Syria.", ["REJECT"]),
        ("Russia reneged on its promise to withdraw troops from Moldova.", ["REJECT"]),
        ("Turkish police sealed off the town of Cizre.", ["COERCE"]),
        ("Syrian forces recaptured the town of Palmyra.", ["ASSAULT"]),
        ("Senator Clinton was trying to recapture her momentum in Kentucky.", []),
        ("Israel dismantled checkpoints in the West Bank.", ["RETREAT"]),
        ("Senator Sanders wanted to dismantle the Affordable Care Act.", []),
        ("The United States brokered a ceasefire between Israel and Hamas.", ["CONSULT"]),
        ("President Ferdinand Marcos stepped down on Tuesday.", ["CONCEDE"]),
        ("Tamil rebels handed over their weapons to the army.", ["RETREAT"]),
        ("Serbia handed over former president Slobodan Milosevic to the war crimes tribunal.", ["RETREAT"]),
        ("India and Pakistan exchanged fire across the line of control.", ["ASSAULT"]),
        ("North Korea and South Korea exchanged prisoners at the border village of Panmunjom.", ["COOPERATE"]),
        ("The United States imposed tariffs on Chinese steel on Monday.", ["SANCTION"]),
        ("Saudi Arabia cut oil supplies to Jordan.", ["SANCTION"]),
        ("Seoul protested Tokyo's claim to the disputed islands.", ["ACCUSE"]),
        ("Thousands of Korean students protested against the government in Seoul.", ["PROTEST"]),
        ("Kenyan police fired tear gas at stone-throwing protesters in Nairobi.", ["COERCE"]),
        ("Palestinian youths threw stones at Israeli soldiers in Hebron.", ["PROTEST"]),
        ("Militants hurled a grenade at Indian soldiers in Srinagar.", ["ASSAULT"]),
        ("Donald Trump immediately started firing off questions to the mayor.", []),
        ("The Iraqi government finally gave in to the demands of the Kurds.", ["CONCEDE"]),
        ("Senator Marco Rubio suspended his presidential campaign on Tuesday.", []),
        ("Donald Trump attacked Hillary Clinton's record on trade.", ["ACCUSE"]),
        ("Gunmen attacked a police station in Kandahar.", ["ASSAULT"]),
        ("The Vermont senator won the state's caucuses, beating rival Hillary Clinton.", []),
        ("Serbian police beat ethnic Albanian demonstrators in Pristina.", ["COERCE"]),
        ("A spokesman for the Iranian president declined to comment.", []),
        ("Iran refused to discuss its nuclear program with the inspectors.", ["REJECT"]),
        ("Senator Clinton has amassed enough delegates to win.", []),
        ("Syria massed troops on the Turkish border.", ["MOBILIZE"]),
        ("Senator Clinton shared a bit of her anxiety with donors.", []),
        ("Colombia and Venezuela will share intelligence on the rebels.", ["AGREE"]),
        ("Senator Clinton talked about undocumented immigrants in Iowa.", []),
        ("Senator Clinton talked about deporting millions of undocumented immigrants.", []),
        ("Israeli and Palestinian negotiators discussed the border on Monday.", ["CONSULT"]),
        ("Pope Francis offered his condolences to the French president.", ["SUPPORT"]),
        ("The United States provided the Kurds with weapons.", ["AID"]),
        ("Senator Clinton tried to provide an answer to mitigate the damage.", []),
        ("Senator Clinton delivered her acceptance speech on Thursday.", []),
        ("Senator Cruz has consistently demonstrated his deep commitment to conservative principles.", []),
        ("The Florida senator sought to calm his supporters.", []),
        ("Zimbabwe asked for food aid on Monday.", ["REQUEST"]),
        ("Asked whether he would encourage his voters, Senator Johnson demurred.", []),
        ("I have a great deal of respect for the Japanese prime minister.", []),
        ("General Petraeus pleaded guilty to a misdemeanor charge.", []),
        ("Senator Clinton recalled her years as secretary of state.", []),
        ("Mexico recalled its ambassador from Cuba on Wednesday.", ["SANCTION"]),
        ("Senator Clinton's campaign had halted its advertising after her victories.", []),
        ("The European Union suspended talks with Turkey on Monday.", ["SANCTION"]),
        ("American families take to the beaches in August.", []),
        ("Thousands of Egyptians took to the streets of Cairo on Friday.", ["PROTEST"]),
        ("Senator Kasich said Donald Trump was encouraging violence at his rallies.", []),
        ("Senator Clinton acknowledged the appeal of the fractious Republican race.", []),
        ("Zimbabwe made an appeal for food aid on Monday.", ["REQUEST"]),
        ("A recent CNN survey found 90 percent support for background checks among Democrats.", []),
        ("Egypt voiced support for the Palestinian position at the talks.", ["SUPPORT"]),
        ("Senator Bozell agrees with Senator Viguerie that Cruz is the best candidate.", []),
        ("Iowa voters arrived at 25 randomly selected sites on Monday.", []),
        ("Senator Clinton will hold her next press conference on Monday.", []),
        ("Senator Clinton's team was all too happy to seize on Senator Ryan's comments.", []),
        ("In May, Xi Jinping and Vladimir Putin signed a treaty on Central Asia.", ["AGREE"]),
        ("Roffman signed a letter of apology drafted by the firm.", []),
        ("In a victory speech, Donald Trump struck a measured tone.", []),
        ("Senator Clinton worked to kill a proposal on immigration.", ["REJECT"]),
        ("Senator Rubio said there is a hunger for new faces in Washington.", []),
        ("Matthew Soerens spoke for World Relief, the evangelical humanitarian arm.", []),
        ("A Trump campaign spokeswoman did not discuss the terms of the agreement.", []),
        ("President Obama could offer a potent testimony about his rival.", []),
        ("Ukraine offered to mediate between Russia and Georgia.", ["AGREE"]),
        ("Senator Taylor Bush did not recognize the passenger behind him.", []),
        ("Germany recognized Croatia on Thursday.", ["SUPPORT"]),
        ("'I'd beat him,' Donald Trump said of Senator Cruz.", []),
        ("Mike Pence's aides referred requests for comment to the campaign.", []),
        ("Egypt expressed solidarity with the Palestinian people.", ["SUPPORT"]),
        ("Cuba paid tribute to the late Venezuelan president.", ["SUPPORT"]),
        ("Russia threw its weight behind the Serbian government.", ["SUPPORT"]),
        ("Syria rallied behind the Lebanese government.", ["SUPPORT"]),
    ],
)
def test_phrasal_verbs_and_objects_decide_the_type(extract, text: str, types: list[str]) -> None:
    art = extract(text)
    assert [e.type for e in art.events] == types, events_of(art)


def test_an_agent_the_parser_hung_on_the_patient_is_still_the_source(extract) -> None:
    art = extract("The arrest of the opposition leader by Zimbabwean police sparked protests.")
    arrest = only(art, "COERCE")
    assert [art.actor(i).country for i in arrest.source] == ["ZWE"]


def test_a_share_of_a_group_acts_for_the_group(extract) -> None:
    art = extract("Half of the Serb soldiers withdrew from the town on Monday.")
    retreat = only(art, "RETREAT")
    assert [art.actor(i).country for i in retreat.source] == ["SRB"]


def test_what_is_fired_into_is_the_target(extract) -> None:
    art = extract("Hamas fired dozens of rockets into southern Israel on Saturday.")
    assert events_of(art) == [("ASSAULT", ["PSE"], ["ISR"])]


def test_rioters_and_hijackers_are_groups(extract) -> None:
    art = extract("Rioters set fire to government buildings in the Kyrgyz capital Bishkek.")
    assert any(a.name == "Rioters" and a.kind == "group" for a in art.actors), art.actors
    # what a crowd burns is a violent protest (CAMEO 145)
    assert [(e.type, e.mode) for e in art.events] == [("PROTEST", "riot")], events_of(art)


@pytest.mark.parametrize(
    "text",
    [
        "A CNN poll released on Tuesday showed Mr. Trump with a 16-point lead.",
        "Even in the House, Mr. Ryan's ideas have met with resistance.",
        "Unfortunately, the campaign has just hit a massive pothole.",
        "Arkansas, where Clinton garners 41 percent support against Trump, is the exception.",
        "He was scheduled to co-host a fundraiser in New Jersey on Thursday night.",
        "The campaign said the ad that the senator released was misleading.",
        "Ted Cruz has captured Texas and Oklahoma in the primaries.",
        "Pressed again about the vice-president chatter, Perez talked about baseball.",
        "According to his plea agreement, he faces at least two years in prison.",
        "Trump has demonstrated that those who criticize him do so at their own peril.",
        "Alex Isenstadt contributed to this story.",
        "Ms. Brainard declined to be interviewed for this article.",
        "Asked about her weaknesses, the senator shifted to the economy.",
        "President Obama sought on Wednesday to ease Asian worries about the campaign.",
        "Senator Cruz faced criticism for unreported loans to his campaign.",
        "President Obama described the attack as a sobering reminder.",
        "Japan faces threats like North Korea, the American secretary said.",
    ],
)
def test_an_event_noun_that_is_only_a_topic_has_no_source(extract, text: str) -> None:
    art = extract(text)
    assert art.events == [], events_of(art)


def test_an_opinion_or_a_condition_is_no_agreement_or_demand(extract) -> None:
    assert extract("American experts agree it will be difficult to win the case.").events == []
    art = extract("Should Senator Rubio win Florida, no candidate will get the delegates, Chris Cillizza writes.")
    assert "REQUEST" not in {e.type for e in art.events}, events_of(art)


def test_a_name_the_parser_took_for_an_adverb_is_still_the_subject(extract) -> None:
    # the small parser reads "Turkey" here as a noun adverb of "massed"
    art = extract("Turkey massed troops along its border with Syria.")
    assert [(t, s) for t, s, _ in events_of(art)] == [("MOBILIZE", ["TUR"])], events_of(art)


def test_coordinated_nationalities_are_all_sources(extract) -> None:
    art = extract("Indian and Chinese troops exchanged fire in the Himalayas on Monday.")
    assert only(art, "ASSAULT") and ("ASSAULT", ["CHN", "IND"], []) in events_of(art)


def test_speaking_by_telephone_is_consulting_the_partner(extract) -> None:
    # a call or talks have two sides: PLOVER codes both as sources and no target
    art = extract("French President Emmanuel Macron spoke by telephone with Iranian President Hassan Rouhani.")
    assert ("CONSULT", ["FRA", "IRN"], []) in events_of(art)
    art = extract("French deputies held talks with leaders of Romania's new government on Tuesday.")
    assert ("CONSULT", ["FRA", "ROU"], []) in events_of(art)
    # a host is not a side of talks but their host
    art = extract("Russian President Boris Yeltsin hosted Japanese Prime Minister Ryutaro Hashimoto.")
    assert ("CONSULT", ["RUS"], ["JPN"]) in events_of(art)


def test_a_that_clause_hung_as_an_adverbial_holds_the_target(extract) -> None:
    art = extract("Pakistan charged that the Indian army was shelling its villages.")
    assert ("ACCUSE", ["PAK"], ["IND"]) in events_of(art)


def test_an_unnamed_target_takes_the_country_it_is_in(extract) -> None:
    art = extract("Germany donated tents and blankets to flood victims in Mozambique.")
    assert ("AID", ["DEU"], ["MOZ"]) in events_of(art)


def test_a_visit_abroad_consults_the_host_country(extract) -> None:
    art = extract("The Indian foreign minister arrived in Kabul on Tuesday for a two-day visit.")
    assert ("CONSULT", ["IND"], ["AFG"]) in events_of(art)
    home = extract("The Indian foreign minister arrived in Mumbai on Tuesday.")
    assert all(e.target == [] for e in home.events), events_of(home)


def test_a_round_of_talks_is_talks(extract) -> None:
    art = extract("Sudanese and South Sudanese negotiators held a new round of talks in Addis Ababa.")
    assert [t for t, _, _ in events_of(art)] == ["CONSULT"], events_of(art)


def test_what_is_sent_is_no_target_where_it_goes_is(extract) -> None:
    art = extract("France sent 300 paratroopers to Chad on Monday.")
    assert events_of(art) == [("MOBILIZE", ["FRA"], ["TCD"])]


def test_handing_over_a_suspect_is_judicial_cooperation(extract) -> None:
    art = extract("Kenya handed over two terror suspects to Uganda on Friday.")
    assert events_of(art) == [("COOPERATE", ["KEN"], ["UGA"])]


def test_a_time_after_a_meeting_noun_is_not_the_partner(extract) -> None:
    art = extract("The Turkish foreign minister held talks on Monday with his Greek counterpart.")
    assert events_of(art) == [("CONSULT", ["GRC", "TUR"], [])]


def test_people_who_act_in_protest_are_protesting(extract) -> None:
    drivers = extract("Spanish truck drivers blocked fuel depots in protest at rising diesel prices.")
    assert [t for t, _, _ in events_of(drivers)] == ["PROTEST"], events_of(drivers)
    state = extract("Britain recalled its ambassador to Iran in protest.")
    assert [t for t, _, _ in events_of(state)] == ["SANCTION"], events_of(state)


def test_seeking_help_is_a_request_and_fighting_a_disease_no_attack(extract) -> None:
    art = extract("Malawi sought international assistance to fight the spread of cholera.")
    assert [t for t, _, _ in events_of(art)] == ["REQUEST"], events_of(art)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The Israeli cabinet voted against the proposal on Sunday.", "REJECT"),
        ("Syria brushed aside American calls for a withdrawal from Lebanon.", "REJECT"),
        ("The Washington Treasury blacklisted two Iranian banks on Tuesday.", "SANCTION"),
    ],
)
def test_phrasal_rejections_and_blacklists(extract, text: str, etype: str) -> None:
    art = extract(text)
    assert etype in [t for t, _, _ in events_of(art)], events_of(art)


def test_coordinated_verbs_are_each_an_event(extract) -> None:
    art = extract("Militias burned the village and killed 40 civilians in Darfur on Monday.")
    assert {t for t, _, _ in events_of(art)} == {"COERCE", "ASSAULT"}, events_of(art)
    demand = extract("Sudan urged the rebels to lay down their arms and join the talks.")
    assert [t for t, _, _ in events_of(demand)] == ["REQUEST"], events_of(demand)


def test_who_acts_after_a_passive_is_its_patient(extract) -> None:
    art = extract("The Serbian minister was indicted by the tribunal in The Hague and will resign.")
    resign = only(art, "AGREE")
    assert [art.actor(i).name for i in resign.source] == ["Serbian minister"], events_of(art)


def test_where_investigators_are_sent_is_the_target(extract) -> None:
    art = extract("The IAEA dispatched inspectors to a uranium plant in central Iran on Monday.")
    assert ("ACCUSE", ["IGO"], ["IRN"]) in events_of(art)


def test_saying_someone_is_to_blame_is_an_accusation(extract) -> None:
    said = extract("Israeli officials said Syria was behind the bombing in Tel Aviv.")
    assert ("ACCUSE", ["ISR"], ["SYR"]) in events_of(said)
    held = extract("Britain held Iran responsible for the attack on its embassy.")
    assert ("ACCUSE", ["GBR"], ["IRN"]) in events_of(held)


def test_an_event_noun_with_its_agent_stays_an_event_under_a_reaction(extract) -> None:
    art = extract("The release of 50 prisoners by the Serbian government was welcomed by the United Nations.")
    assert {t for t, _, _ in events_of(art)} == {"RETREAT", "SUPPORT"}, events_of(art)


def test_being_hit_by_sanctions_is_being_sanctioned(extract) -> None:
    art = extract("Libya was hit by new American sanctions on Thursday.")
    assert ("SANCTION", ["USA"], ["LBY"]) in events_of(art)


def test_warnings_and_defiance(extract) -> None:
    warned = extract("Beijing said it would not tolerate any moves toward Taiwanese independence.")
    assert [t for t, _, _ in events_of(warned)] == ["THREATEN"], events_of(warned)
    assert extract("The government tolerated the small protests for a week.").events == []
    ignored = extract("Zimbabwe's government ignored a court order to stop the farm seizures.")
    assert "REJECT" in [t for t, _, _ in events_of(ignored)], events_of(ignored)


def test_a_verb_that_is_no_event_here_governs_nothing(extract) -> None:
    # "return" without an object is no concession, so the talks it returns to are the event
    art = extract("North Korea said it was ready to return to the six-party talks.")
    assert events_of(art) == [("AGREE", ["PRK"], [])], events_of(art)


def test_a_multi_word_nationality_codes_the_group(extract) -> None:
    art = extract("Pakistani Islamic parties threatened nationwide protests if the government signed the treaty.")
    assert [(t, src) for t, src, _ in events_of(art)] == [("THREATEN", ["PAK"])]


def test_civilians_fighting_police_riot(extract) -> None:
    art = extract("About 5,000 students fought running battles with riot police in Seoul on Friday.")
    riot = only(art, "PROTEST")
    assert riot.mode == "riot"
    army = extract("Rebels clashed with government troops near the border.")
    assert [t for t, _, _ in events_of(army)] == ["ASSAULT"], events_of(army)


def test_epithets_of_states(extract) -> None:
    art = extract("Egypt urged the Jewish state to halt settlement activity.")
    assert ("REQUEST", ["EGY"], ["ISR"]) in events_of(art)


def test_where_investigators_go_is_what_they_investigate(extract) -> None:
    art = extract("The United Nations sent 21 military observers to Bosnia on Wednesday to investigate the shelling.")
    assert ("ACCUSE", ["IGO"], ["BIH"]) in events_of(art)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Russia pulled its troops out of Moldova's Transdniester region.", ("RETREAT", ["RUS"], ["MDA"])),
        ("Zimbabwe's information minister lashed out at Britain over the land dispute.", ("ACCUSE", ["ZWE"], ["GBR"])),
        ("Saudi Arabia recalled its ambassador from Qatar on Wednesday.", ("SANCTION", ["SAU"], ["QAT"])),
    ],
)
def test_what_is_moved_is_no_target_where_from_is(extract, text: str, event: tuple[str, list[str], list[str]]) -> None:
    assert event in events_of(extract(text))


def test_rallying_people_is_no_protest_rallying_outside_parliament_is(extract) -> None:
    art = extract(
        "Tens of thousands of Georgians rallied outside parliament in Tbilisi demanding the president resign."
    )
    assert ("PROTEST", ["GEO"], ["GEO"]) in events_of(art)
    assert extract("Mr. Renzi is rallying a coalition against the 5-Star Movement.").events == []


def test_a_harm_that_is_the_condition_is_no_threat(extract) -> None:
    art = extract("If he has killed reporters, I think that's terrible, Mr. Trump said.")
    assert "THREATEN" not in [t for t, _, _ in events_of(art)], events_of(art)


def test_a_politician_hitting_a_rival_criticises(extract) -> None:
    art = extract("Hillary Clinton on Monday hit Bernie Sanders on immigration.")
    assert [t for t, _, _ in events_of(art)] == ["ACCUSE"], events_of(art)
    jets = extract("Israeli jets hit targets in southern Lebanon on Monday.")
    assert [t for t, _, _ in events_of(jets)] == ["ASSAULT"], events_of(jets)


def test_british_spellings_are_the_same_verbs(extract) -> None:
    art = extract("Germany formally recognised Slovenia as an independent state on Thursday.")
    assert ("SUPPORT", ["DEU"], ["SVN"]) in events_of(art)


def test_his_country_is_the_speakers(extract) -> None:
    art = extract("The Iranian foreign minister said his government rejected the American proposal.")
    assert ("REJECT", ["IRN"], ["USA"]) in events_of(art)


def test_an_event_under_a_trailing_charge_is_kept_as_reported(extract) -> None:
    art = extract("Russia has supplied Armenia with tanks and artillery, Azerbaijani officials charged.")
    assert ("AID", ["RUS"], ["ARM"]) in events_of(art)
    assert ("ACCUSE", ["AZE"], ["RUS"]) in events_of(art)
    assert only(art, "AID").modality == "reported"


def test_troops_do_not_visit(extract) -> None:
    art = extract("French troops arrived in Rwanda on Thursday to protect refugees fleeing the fighting.")
    assert [t for t, _, _ in events_of(art)] == ["AID"], events_of(art)
    art = extract("About 2,000 Syrian troops arrived in Beirut on Monday.")
    assert only(art, "MOBILIZE").mode == "troops"
    art = extract("U.S. Defense Secretary William Perry arrived in Seoul on Sunday.")
    assert only(art, "CONSULT").mode == "visit"


def test_bowing_to_demands_concedes_and_pledging_money_agrees(extract) -> None:
    art = extract("The government bowed to the strikers' demands on Friday.")
    assert [t for t, _, _ in events_of(art)] == ["CONCEDE"], events_of(art)
    art = extract("Japan pledged 300 million yen in credits to Vietnam.")
    assert ("AGREE", ["JPN"], ["VNM"]) in events_of(art)


def test_a_strike_on_a_day_is_a_strike_and_its_demand_no_event_of_its_own(extract) -> None:
    art = extract("Nigerian oil workers began an indefinite strike on Monday to demand the release of Moshood Abiola.")
    assert [t for t, _, _ in events_of(art)] == ["PROTEST"], events_of(art)


def test_a_crowd_storming_an_embassy_riots_settlers_burning_offices_coerce(extract) -> None:
    art = extract("Iranian students stormed the British embassy in Tehran on Saturday.")
    assert only(art, "PROTEST").mode == "riot"
    art = extract("Jewish settlers set fire to the offices of the Palestinian administrators overnight.")
    assert "PROTEST" not in [t for t, _, _ in events_of(art)], events_of(art)


def test_not_ruling_out_a_harm_threatens(extract) -> None:
    art = extract("The United States said on Friday it would not rule out military intervention in Haiti.")
    assert ("THREATEN", ["USA"], ["HTI"]) in events_of(art)


def test_what_is_discussed_is_no_partner(extract) -> None:
    art = extract("British and Irish officials discussed the Northern Ireland peace process in Dublin.")
    assert only(art, "CONSULT").target == []


def test_a_promise_to_a_country_agrees(extract) -> None:
    art = extract("The PLO promised Israel it would amend the Palestinian Covenant.")
    assert ("AGREE", ["PSE"], ["ISR"]) in events_of(art)


def test_what_follows_an_agreement_in_a_new_clause_is_no_intent(extract) -> None:
    art = extract("Polisario guerrillas agreed to a ceasefire and began withdrawing from the buffer zone.")
    assert only(art, "RETREAT").modality == "asserted"


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Syria put its army on a state of maximum alert, Lebanese radio reported.", "MOBILIZE"),
        ("Egyptian President Hosni Mubarak sent a message of solidarity to Saudi Arabia.", "SUPPORT"),
        ("Hutu militiamen hacked to death dozens of villagers in a church near Kigali.", "ASSAULT"),
    ],
)
def test_objects_that_type_their_verb(extract, text: str, etype: str) -> None:
    assert etype in [t for t, _, _ in events_of(extract(text))]


def test_calls(extract) -> None:
    assert events_of(extract("Yeltsin called Clinton on Saturday.")) == [("CONSULT", ["RUS", "USA"], [])]
    assert extract("Yeltsin called Clinton on Saturday.").events[0].mode == "phone"
    assert extract("Trump called Clinton a liar.").events == []
    assert [t for t, _, _ in events_of(extract("Ryan has previously called out Trump."))] == ["ACCUSE"]
    called_for = extract("Aung San Suu Kyi called for dialogue with the ruling junta.")
    assert [(e.type, e.mode) for e in called_for.events] == [("REQUEST", None)]


def test_their_own_event_noun_is_the_subjects(extract) -> None:
    art = extract("Israeli forces completed their pullout from the West Bank town of Jenin on Monday.")
    assert ("RETREAT", ["ISR"], ["PSE"]) in events_of(art)
    assert all(a.sector != "BUS" for a in art.actors), art.actors  # the West Bank town is no bank


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Palestinian youths stoned Israeli soldiers in Nablus.", ("PROTEST", "riot")),
        ("Mexican peasants occupied the town hall in the southern city of Chilpancingo.", ("PROTEST", "obstruct")),
        ("Iraqi troops occupied Kuwait in August 1990.", ("ASSAULT", None)),
        ("UNICEF vaccinated 200,000 children in southern Sudan.", ("AID", None)),
        ("American troops escorted food convoys in Somalia.", ("AID", None)),
        ("France gave refuge to the deposed Haitian president.", ("AID", None)),
        ("Moscow came out in support of Iraq's demand for the lifting of sanctions.", ("SUPPORT", None)),
        ("France voiced its backing for the Algerian government.", ("SUPPORT", None)),
    ],
)
def test_what_civilians_and_helpers_do(extract, text: str, event: tuple[str, str | None]) -> None:
    assert event in [(e.type, e.mode) for e in extract(text).events], events_of(extract(text))


def test_who_did_the_deed_is_the_target_not_its_victims(extract) -> None:
    art = extract("Amnesty International condemned the torture of prisoners by Turkish police.")
    assert ("ACCUSE", ["IGO"], ["TUR"]) in events_of(art)
    art = extract("The United Nations launched an investigation into the killing of civilians by Indonesian troops.")
    assert ("ACCUSE", ["IGO"], ["IDN"]) in events_of(art)


def test_the_clause_of_a_demand_noun_is_the_demand(extract) -> None:
    art = extract("The International Labor Office reiterated its demand today that Israel ease restrictions.")
    assert [t for t, _, _ in events_of(art)] == ["REQUEST"], events_of(art)


def test_voting_down_rejects_working_together_cooperates(extract) -> None:
    assert [t for t, _, _ in events_of(extract("The U.S. Senate voted down the treaty on Wednesday."))] == ["REJECT"]
    art = extract("French and German engineers worked together on the new tank.")
    assert "COOPERATE" in [t for t, _, _ in events_of(art)], events_of(art)


def test_by_a_vote_is_a_manner_not_the_agent(extract) -> None:
    art = extract("Israel's cabinet approved the Wye River accord on Wednesday by a vote of eight to four.")
    assert ("AGREE", ["ISR"], []) in events_of(art)
    assert ("AGREE", ["ISR"], []) in events_of(extract("The accord was approved by the Israeli cabinet."))


def test_a_people_of_several_states_placed_nowhere_takes_the_sentences_country(extract) -> None:
    art = extract("Turkish authorities imprisoned six Kurdish members of parliament on Friday.")
    assert ("COERCE", ["TUR"], ["TUR"]) in events_of(art)


def test_who_receives_praise_or_criticism_is_the_target(extract) -> None:
    art = extract("Chile's decision to restore democracy won praise from the United States on Monday.")
    assert ("SUPPORT", ["USA"], ["CHL"]) in events_of(art)
    art = extract("Israel faced strong criticism from the United Nations over the raid.")
    assert ("ACCUSE", ["IGO"], ["ISR"]) in events_of(art)
    art = extract("The peace plan received the backing of the Arab League at a summit in Cairo.")
    assert ("SUPPORT", ["IGO"], []) in events_of(art)


def test_blessings_and_appreciation_support(extract) -> None:
    assert ("SUPPORT", ["EGY"], ["ISR", "PSE"]) in events_of(
        extract("Egypt gave its blessing to the agreement between Israel and the PLO.")
    )
    assert [t for t, _, _ in events_of(extract("Syria expressed appreciation for Iran's mediation efforts."))] == [
        "SUPPORT"
    ]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("The Palestinians pulled out of the peace talks after the massacre in Hebron.", ["SANCTION"]),
        ("Russian troops pulled out of Chechnya on Monday.", ["RETREAT"]),
        ("Germany withdrew its support for the Croatian government.", ["SANCTION"]),
        ("Serbia withdrew its candidacy for the presidency of the organisation.", []),
        ("Bosnian Serbs reopened the road to Sarajevo airport.", ["RETREAT"]),
    ],
)
def test_what_is_withdrawn_from_or_reopened_types_the_verb(extract, text: str, types: list[str]) -> None:
    assert [t for t, _, _ in events_of(extract(text))] == types


def test_not_hesitating_to_use_force_threatens(extract) -> None:
    art = extract("The United States would not hesitate to use force if North Korea attacked the South.")
    assert "THREATEN" in [t for t, _, _ in events_of(art)], events_of(art)
    assert only(art, "THREATEN").negated is False


def test_troops_sent_to_fight_are_deployed_jets_that_raid_attack(extract) -> None:
    art = extract("Turkey sent thousands of troops to its southeastern provinces to fight Kurdish rebels.")
    assert [t for t, _, _ in events_of(art)] == ["MOBILIZE"], events_of(art)
    art = extract("Israeli jets raided Palestinian guerrilla bases in eastern Lebanon on Thursday.")
    assert [t for t, _, _ in events_of(art)] == ["ASSAULT"], events_of(art)
    art = extract("Turkish police raided the offices of the newspaper in Istanbul.")
    assert [t for t, _, _ in events_of(art)] == ["COERCE"], events_of(art)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Tough new sanctions against Cuba were approved by the U.S. Congress.", ("SANCTION", ["USA"], ["CUB"])),
        ("The withdrawal of Russian troops from Estonia was completed in August 1994.", ("RETREAT", ["RUS"], ["EST"])),
        ("The decision by the EU to suspend aid to Burundi was criticised.", ("SANCTION", ["IGO"], ["BDI"])),
        ("Jordan's King Hussein, who praised Egypt on Monday, flew to Cairo.", ("SUPPORT", ["JOR"], ["EGY"])),
    ],
)
def test_who_acts_in_nominal_passive_and_relative_forms(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text))


def test_a_meeting_between_two_sides_has_both_as_sources_a_mediation_between_them_targets(extract) -> None:
    art = extract("The meeting between Russian and Chinese officials in Beijing lasted three hours.")
    assert ("CONSULT", ["CHN", "RUS"], []) in events_of(art)
    art = extract("Arab League Secretary General Chadli Klibi undertook a mediation mission between Syria and Jordan.")
    assert ("CONSULT", ["IGO"], ["JOR", "SYR"]) in events_of(art)


def test_troops_leaving_a_country_withdraw_a_president_leaving_travels(extract) -> None:
    art = extract("The last Russian troops left Lithuania on Tuesday.")
    assert events_of(art) == [("RETREAT", ["RUS"], ["LTU"])]
    assert extract("President Clinton left Washington for Tokyo on Sunday.").events == []


def test_an_uncoded_target_also_takes_the_country_it_is_in(extract) -> None:
    art = extract("The IAEA has dispatched inspectors to the Esfahan Uranium Conversion Facilities in central Iran.")
    assert any("IRN" in tgt for _, _, tgt in events_of(art)), events_of(art)


def test_troops_sent_to_protect_are_aid_roadblocks_by_civilians_are_a_protest(extract) -> None:
    art = extract("France has sent 2,500 troops to Rwanda to protect civilians fleeing the fighting.")
    assert events_of(art) == [("AID", ["FRA"], ["RWA"])]
    art = extract("French truck drivers set up roadblocks on major highways on Tuesday to press their demand.")
    assert [(e.type, e.mode) for e in art.events] == [("PROTEST", "obstruct")]
    assert [e.type for e in extract("Police set up roadblocks around the capital on Friday.").events] == ["COERCE"]


def test_a_force_posture_faces_the_country_across_the_border_not_its_own_troops(extract) -> None:
    art = extract("India placed its armed forces on high alert along the border with Pakistan on Monday.")
    assert events_of(art) == [("MOBILIZE", ["IND"], ["PAK"])]
    assert events_of(extract("Iran massed troops on the Iraqi border.")) == [("MOBILIZE", ["IRN"], ["IRQ"])]


def test_letting_in_aid_or_peacekeepers_is_a_retreat_by_the_host(extract) -> None:
    art = extract("Serb forces allowed a U.N. aid convoy to pass through to the besieged town of Srebrenica on Friday.")
    assert [e.type for e in art.events] == ["RETREAT"], events_of(art)
    art = extract("Bangladeshi peacekeeping troops arrived in Sierra Leone on Tuesday.")
    assert events_of(art) == [("RETREAT", ["SLE"], ["BGD"])]
    art = extract("French troops arrived in Chad on Monday.")
    assert events_of(art) == [("MOBILIZE", ["FRA"], ["TCD"])]


def test_a_people_the_model_leaves_untagged_still_acts(extract) -> None:
    art = extract("About 50,000 Greeks took to the streets of Athens on Sunday to oppose recognition of Macedonia.")
    assert ("PROTEST", ["GRC"]) in [(t, s) for t, s, _ in events_of(art)], events_of(art)


def test_acceding_to_a_demand_concedes_to_who_made_it(extract) -> None:
    art = extract("South Korea's government agreed to the opposition's demand for direct presidential elections.")
    assert events_of(art) == [("CONCEDE", ["KOR"], ["KOR"])]
    art = extract("The U.N. Security Council suspended sanctions against Libya on Monday.")
    assert events_of(art) == [("RETREAT", ["IGO"], ["LBY"])]  # easing economic sanctions (CAMEO 085)
    art = extract("A French court found six Algerian militants guilty of plotting attacks in Paris.")
    assert events_of(art) == [("ACCUSE", ["FRA"], ["DZA"])]


def test_diplomatic_recognition_and_stated_satisfaction_are_support(extract) -> None:
    art = extract("Argentina and Britain restored full diplomatic relations on Thursday.")
    assert [e.type for e in art.events] == ["SUPPORT"], events_of(art)
    art = extract("China's foreign minister spoke highly of U.S. efforts to resume dialogue on the Korean peninsula.")
    assert ("SUPPORT", ["CHN"], ["USA"]) in events_of(art)
    art = extract("He expressed confidence that the party could still come together.")
    assert art.events == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia halted its bombing of Chechen villages on Thursday, a military spokesman said.",
        "Iraqi forces evacuated their positions along the Kuwaiti border on Monday.",
        "Rwandan rebels announced an immediate cessation of hostilities on Friday.",
        "Burma's military rulers granted the International Committee of the Red Cross access to prisons.",
        "The last U.S. Marines left Somalia on Friday, ending the American mission there.",
    ],
)
def test_ways_of_standing_down_are_retreats(extract, text: str) -> None:
    assert [e.type for e in extract(text).events] == ["RETREAT"]


def test_a_refusal_held_over_someone_by_unless_is_a_threat(extract) -> None:
    text = "Greece said it would block Turkey's bid to join the European Union unless Ankara withdrew its troops."
    assert events_of(extract(text)) == [("THREATEN", ["GRC"], ["TUR"])]
    art = extract("Mr. Cruz pledged to oppose legal status for undocumented immigrants.")
    assert [e.type for e in art.events] == ["REJECT"]


def test_saying_someone_is_to_blame_accuses_them(extract) -> None:
    art = extract("Eritrea said Ethiopian troops were to blame for the renewed fighting on the border.")
    assert events_of(art) == [("ACCUSE", ["ERI"], ["ETH"])]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Kuwait wrote off Egypt's debts worth about $7 billion on Monday.", "AID"),
        ("The World Food Programme began distributing wheat to displaced people in western Afghanistan.", "AID"),
        ("Mexico's ruling party agreed to a series of electoral reforms on Wednesday.", "CONCEDE"),
        ("Israel ordered the closure of three Palestinian universities in the West Bank.", "COERCE"),
        ("President Clinton held a telephone conversation with Russian President Boris Yeltsin on Sunday.", "CONSULT"),
    ],
)
def test_events_named_by_what_is_done_to_an_object(extract, text: str, etype: str) -> None:
    assert [e.type for e in extract(text).events] == [etype]


def test_a_conversation_is_a_consultation_only_on_the_telephone(extract) -> None:
    assert extract("McConnell said he had a conversation with the candidate on Tuesday morning.").events == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The United States rushed to the defence of Israel at the Security Council.", ("SUPPORT", ["USA"], ["ISR"])),
        ("Japan's emperor expressed deep sorrow to China for the war.", ("SUPPORT", ["JPN"], ["CHN"])),
        ("Pakistan granted diplomatic recognition to the government of Afghanistan.", ("SUPPORT", ["PAK"], ["AFG"])),
        ("The Ukrainian parliament voted overwhelmingly in favor of the declaration.", ("SUPPORT", ["UKR"], [])),
    ],
)
def test_ways_of_taking_a_side_are_support(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Putin chides Turkey and praises Trump at news conference.", "ACCUSE"),
        ("Tamil rebels and government troops skirmished near Jaffna on Sunday.", "ASSAULT"),
        ("Syria redeployed two armoured divisions to the Golan Heights on Monday.", "MOBILIZE"),
        ("Nicaragua's government declared an amnesty for 1,000 political prisoners.", "CONCEDE"),
    ],
)
def test_a_wider_news_vocabulary(extract, text: str, etype: str) -> None:
    assert etype in [e.type for e in extract(text).events]


def test_events_told_as_a_state_are_still_events(extract) -> None:
    art = extract("Iraqi Kurds came under attack from Iranian artillery on Sunday.")
    assert events_of(art) == [("ASSAULT", ["IRN"], ["IRQ"])]
    art = extract("Thousands of Nigerian oil workers are on strike.")
    assert [(t, s) for t, s, _ in events_of(art)] == [("PROTEST", ["NGA"])]
    art = extract("Sudan's government is waging a brutal war against rebels in the south.")
    assert [t for t, _, _ in events_of(art)] == ["ASSAULT"]
    assert extract("He is going to be very much in demand around the country.").events == []
    assert extract("Fiorina had waged a cross-country charm offensive.").events == []


def test_armed_forces_that_blast_attack_and_uncoded_forces_act_for_their_owner(extract) -> None:
    art = extract("Israeli jets blasted suspected guerrilla hideouts in the Bekaa Valley on Wednesday.")
    assert [e.type for e in art.events] == ["ASSAULT"]
    art = extract("Iraq said its warplanes hit an Iranian oil platform in the Gulf on Monday.")
    assert events_of(art) == [("ASSAULT", ["IRQ"], ["IRN"])]
    art = extract("Senator Cruz blasted the Iran deal on Monday.")
    assert [e.type for e in art.events] == ["ACCUSE"]


def test_an_offered_act_is_the_event_read_as_an_intent(extract) -> None:
    art = extract("Iran offered on Sunday to exchange all remaining prisoners of war with Iraq.")
    assert [(e.type, e.modality, e.trigger.text) for e in art.events] == [("AGREE", "intended", "exchange")]


def test_a_spokesman_speaks_for_the_body_named_a_relative_clause_names_no_one(extract) -> None:
    art = extract("A spokesman for the Iraqi government condemned the bombing of a bus in Jerusalem on Sunday.")
    assert [(t, s) for t, s, _ in events_of(art)] == [("ACCUSE", ["IRQ"])]
    art = extract("The union, which endorsed Hillary Clinton in November, is one of the more liberal ones.")
    assert all("USA" not in s for _, s, _ in events_of(art)), events_of(art)


def test_a_state_firing_on_a_crowd_is_repression_on_rebels_an_attack(extract) -> None:
    art = extract("Egyptian police opened fire on Moslem fundamentalist demonstrators on Monday night.")
    assert [(e.type, e.mode) for e in art.events] == [("COERCE", "repression")]
    art = extract("Indonesian troops fired on separatist rebels in Aceh.")
    assert [e.type for e in art.events] == ["ASSAULT"]


def test_asking_that_someone_answer_for_a_deed_accuses_them(extract) -> None:
    art = extract("Russia demanded an explanation from Norway for the launch of a research rocket.")
    assert events_of(art) == [("ACCUSE", ["RUS"], ["NOR"])]
    art = extract("The European Parliament urged Turkey to stop torturing political prisoners.")
    assert [e.type for e in art.events] == ["REQUEST"]


def test_placing_someone_under_arrest_coerces_them_also_in_the_passive(extract) -> None:
    art = extract("Opposition leader Anwar Ibrahim was placed under house arrest by Malaysian police.")
    assert events_of(art) == [("COERCE", ["MYS"], ["MYS"])]
    art = extract("But such measures have been met with fierce opposition by gay rights supporters.")
    assert "CONSULT" not in [e.type for e in art.events]


def test_aid_goes_to_the_country_its_recipients_are_in(extract) -> None:
    art = extract("Japan provided $5 million in aid to victims of the earthquake in northwestern Turkey.")
    assert events_of(art) == [("AID", ["JPN"], ["TUR"])]


def test_a_threat_targets_whoever_must_comply_or_where_it_would_strike(extract) -> None:
    art = extract("Israel threatened to retaliate if Hizbollah guerrillas in Lebanon continued their rocket attacks.")
    assert events_of(art) == [("THREATEN", ["ISR"], ["LBN"])]
    art = extract("Hamas threatened to resume suicide bombings in Israel if the killings continued.")
    assert events_of(art) == [("THREATEN", ["PSE"], ["ISR"])]


def test_considering_a_harm_holds_it_over_someone(extract) -> None:
    art = extract("The European Union said it was considering sanctions against Nigeria over the executions.")
    assert events_of(art) == [("THREATEN", ["IGO"], ["NGA"])]


def test_a_statement_speaks_for_those_who_issued_it(extract) -> None:
    art = extract("A joint statement by the foreign ministers of Egypt and Jordan called on Israel to stop.")
    [(etype, sources, targets)] = events_of(art)
    assert (etype, targets) == ("REQUEST", ["ISR"]) and set(sources) <= {"EGY", "JOR"} and sources
    art = extract("The Non-Aligned Movement urged the lifting of sanctions against Libya.")
    assert [(t, s) for t, s, _ in events_of(art)] == [("REQUEST", ["IGO"])]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Algeria legalized Islamic parties on Thursday for the first time since independence.", "CONCEDE"),
        ("Kenya's president restored multi-party democracy in December.", "CONCEDE"),
        ("The U.S. military raised its alert level in the Gulf on Friday.", "MOBILIZE"),
        ("Israel stepped up patrols along its border with Lebanon on Tuesday.", "MOBILIZE"),
        ("Palestinian negotiators walked out of the talks with Israel on Monday.", "SANCTION"),
        ("Iran withdrew from the Islamic summit in protest against the Egyptian delegation.", "SANCTION"),
        ("U.S. envoy Dennis Ross shuttled between Israel and Syria last week.", "CONSULT"),
    ],
)
def test_yielding_posturing_and_breaking_off(extract, text: str, etype: str) -> None:
    assert etype in [e.type for e in extract(text).events]


def test_ending_a_meeting_is_no_sanction(extract) -> None:
    assert "SANCTION" not in [e.type for e in extract("Japan's central bank ended a policy meeting on Friday.").events]


def test_receiving_a_titled_visitor_hosts_a_visit_criminals_are_actors(extract) -> None:
    art = extract("Russian President Boris Yeltsin received Chinese Premier Li Peng in the Kremlin on Friday.")
    assert [e.type for e in art.events] == ["CONSULT"]
    art = extract("Cruz received the endorsement of Gov. Mike Pence on Friday.")
    assert "CONSULT" not in [e.type for e in art.events]
    art = extract("Drug traffickers assassinated a leading presidential candidate at a rally near Bogota.")
    assert [(t, s) for t, s, _ in events_of(art)] == [("ASSAULT", ["COL"])]


def test_a_complaint_over_a_deed_accuses_whose_deed_it_is(extract) -> None:
    art = extract("Lebanon lodged a complaint with the U.N. Security Council over Israeli air raids on its territory.")
    assert events_of(art) == [("ACCUSE", ["LBN"], ["ISR"])]


def test_depositing_money_in_a_central_bank_is_aid(extract) -> None:
    art = extract("Saudi Arabia deposited $500 million in Syria's central bank to shore up its currency.")
    assert [e.type for e in art.events] == ["AID"]


def test_a_report_or_resolution_speaks_for_who_issued_it(extract) -> None:
    art = extract("A report by Amnesty International accused Turkish police of torturing detainees.")
    assert events_of(art) == [("ACCUSE", ["IGO"], ["TUR"])]


def test_insisting_that_something_be_done_is_a_request(extract) -> None:
    art = extract("Russia insisted that NATO expansion be halted.")
    assert events_of(art) == [("REQUEST", ["RUS"], ["IGO"])]


def test_police_storming_a_building_coerce_and_a_country_owning_a_group_codes_it(extract) -> None:
    art = extract("South Korean riot police stormed a Seoul cathedral to arrest striking union leaders.")
    assert [e.type for e in art.events] == ["COERCE"]
    art = extract("Sudan's government and southern rebels signed a ceasefire agreement in Nairobi on Saturday.")
    assert next(a for a in art.actors if a.name == "southern rebels").country == "SDN"


@pytest.mark.parametrize(
    "text",
    [
        "Clinton released her medical records in July.",
        "Trump has said he was not releasing his taxes because his returns are being audited.",
        "Pence stated in a press release on Tuesday that the foundation must be shut down.",
        "Davis did not immediately return a request seeking comment.",
    ],
)
def test_releasing_papers_or_words_releases_no_one(extract, text: str) -> None:
    assert "RETREAT" not in {t for t, _, _ in events_of(extract(text))}, events_of(extract(text))


def test_a_release_of_people_is_a_retreat_with_the_released_as_target(extract) -> None:
    art = extract("The American sailors were swiftly released by Iran.")
    assert ("RETREAT", ["IRN"], ["USA"]) in events_of(art), events_of(art)
    # without an agent nobody is known to have released them (the sailors did not withdraw): no event
    assert events_of(extract("The American sailors were swiftly released.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Security Council said Iraq would face serious consequences if it continued to block the inspectors.",
            ("THREATEN", ["IGO"], ["IRQ"]),
        ),
        ("Israel said Hizbollah would pay a heavy price for the attack.", ("THREATEN", ["ISR"], ["LBN"])),
        (
            "France urged other European countries to back the Algerian government in its fight against militants.",
            ("SUPPORT", ["FRA"], ["DZA"]),
        ),
        ("NATO suspended its air strikes against Serb positions on Monday.", ("RETREAT", ["IGO"], ["SRB"])),
        # a riot where its rioters are, like "protested in Serbia", is against that place
        ("Rioters in northern Nigeria burned churches and shops after Friday prayers.", ("PROTEST", ["NGA"], ["NGA"])),
        ("Greek farmers blockaded border crossings with their tractors on Monday.", ("PROTEST", ["GRC"], ["GRC"])),
        ("Russian hackers attacked the websites of Estonian government ministries.", ("COERCE", ["RUS"], ["EST"])),
        ("French rail workers walked off the job on Tuesday.", ("PROTEST", ["FRA"], ["FRA"])),
    ],
)
def test_events_told_without_their_usual_verb(extract, text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in events_of(extract(text)), events_of(extract(text))


def test_a_prediction_of_hardship_is_no_threat(extract) -> None:
    assert events_of(extract("The minister said farmers would face higher costs next year.")) == []


def test_the_topic_of_an_inquiry_is_not_the_inquirers_deed(extract) -> None:
    art = extract("The FBI opened an inquiry into the bombing of the U.S. embassy in Nairobi.")
    assert [t for t, _, _ in events_of(art)] == ["ACCUSE"], events_of(art)


def test_a_show_of_force_by_moving_warships(extract) -> None:
    art = extract("The United States moved an aircraft carrier into the Gulf as tension with Iraq grew.")
    assert "MOBILIZE" in {t for t, _, _ in events_of(art)}, events_of(art)


def test_a_host_of_talks_between_others_mediates(extract) -> None:
    art = extract("Egypt hosted talks between rival Palestinian factions in Cairo.")
    e = only(art, "CONSULT")
    assert (e.mode, [art.actor(i).country for i in e.source], [art.actor(i).country for i in e.target]) == (
        "third-party",
        ["EGY"],
        ["PSE"],
    )


def test_training_an_army_is_military_aid(extract) -> None:
    assert ("AID", ["GBR"], ["SLE"]) in events_of(extract("British troops trained Sierra Leone's new army."))
    assert events_of(extract("Admiral Harris trained as a naval flight officer.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Algeria's government suspended the activities of the main Islamic party.",
        "Egypt barred opposition candidates from running in the parliamentary elections.",
        "Belarus stripped three opposition deputies of their parliamentary immunity.",
    ],
)
def test_a_state_restricting_its_own_opposition_coerces(extract, text: str) -> None:
    assert [t for t, _, _ in events_of(extract(text))] == ["COERCE"], events_of(extract(text))


def test_a_state_restricting_another_state_sanctions(extract) -> None:
    assert events_of(extract("The United States banned imports of Iranian oil.")) == [("SANCTION", ["USA"], ["IRN"])]


def test_documenting_abuses_accuses_who_committed_them(extract) -> None:
    art = extract("U.N. human rights investigators documented widespread abuses by Sudanese troops in Darfur.")
    assert ("ACCUSE", ["IGO"], ["SDN"]) in events_of(art), events_of(art)


def test_asking_for_an_investigation_accuses_the_investigated(extract) -> None:
    art = extract("Rights groups urged the United Nations to investigate reports of massacres by Rwandan soldiers.")
    e = only(art, "ACCUSE")
    assert [art.actor(i).country for i in e.target] == ["RWA"]
    art = extract("Greece appealed to the European Court of Human Rights against Turkey.")
    assert events_of(art) == [("ACCUSE", ["GRC"], ["TUR"])]


def test_an_arrest_told_without_its_agent_is_the_states_where_it_happens(extract) -> None:
    art = extract("Two British journalists were arrested in Zimbabwe on Monday.")
    assert events_of(art) == [("COERCE", ["ZWE"], ["GBR"])]
    art = extract("A US national has been put under investigation in Italy for her role in rioting in Genoa.")
    assert ("ACCUSE", ["ITA"], ["USA"]) in events_of(art), events_of(art)
    # an attack without its attacker names no one: the place is not the attacker
    assert events_of(extract("Three Egyptians were killed in Libya.")) == []


def test_a_protest_against_a_states_decision_targets_the_state(extract) -> None:
    art = extract("British farmers protested outside parliament against the government's ban on beef exports.")
    assert events_of(art) == [("PROTEST", ["GBR"], ["GBR"])]


def test_forces_deployed_or_put_on_alert_mobilise_in_the_passive(extract) -> None:
    art = extract("Thousands of Indian troops were deployed along the border with Pakistan.")
    assert events_of(art) == [("MOBILIZE", ["IND"], ["PAK"])]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The Iraqi government acquiesced to the U.N. demand for unrestricted inspections.", "CONCEDE"),
        ("Israeli and Palestinian negotiators huddled in Washington on Monday.", "CONSULT"),
    ],
)
def test_rarer_trigger_verbs(extract, text: str, etype: str) -> None:
    assert [t for t, _, _ in events_of(extract(text))] == [etype], events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran hanged two men convicted of spying for Israel.", ("ASSAULT", ["IRN"], [])),
        ("Egypt extended the state of emergency for another three years on Monday.", ("COERCE", ["EGY"], ["EGY"])),
        ("The United States supplied Israel with fighter jets.", ("AID", ["USA"], ["ISR"])),
        ("Italy sent 2,000 troops to Albania on Tuesday to protect food aid deliveries.", ("AID", ["ITA"], ["ALB"])),
    ],
)
def test_events_read_from_what_the_verb_is_done_to(extract, text: str, event: tuple) -> None:
    assert events_of(extract(text)) == [event]


def test_extending_a_law_or_hanging_a_picture_is_no_event(extract) -> None:
    assert extract("Congress extended the law for five years.").events == []
    assert extract("The museum hanged two pictures by Monet in the hall.").events == []


def test_a_state_coercing_at_home_targets_its_own_people(extract) -> None:
    art = extract("Thailand's military rulers imposed martial law in Bangkok after a night of clashes.")
    assert events_of(art) == [("COERCE", ["THA"], ["THA"])]


def test_letting_inspectors_back_in_allows_international_involvement(extract) -> None:
    art = extract("North Korea allowed U.N. nuclear inspectors back into the Yongbyon complex on Monday.")
    assert [t for t, _, _ in events_of(art)] == ["RETREAT"]


def test_a_strike_gone_on_takes_the_verbs_phrases(extract) -> None:
    art = extract("French public sector workers went on strike on Tuesday against the government's austerity plan.")
    assert events_of(art) == [("PROTEST", ["FRA"], ["FRA"])]
    art = extract("Nigerian oil workers went on strike on Monday in Lagos.")
    assert events_of(art) == [("PROTEST", ["NGA"], ["NGA"])]


def test_up_to_a_number_is_no_destination(extract) -> None:
    art = extract("Iraq has massed up to 80,000 troops near the Kuwaiti border, Pentagon officials said.")
    assert events_of(art) == [("MOBILIZE", ["IRQ"], ["KWT"])]


def test_the_toll_of_an_attack_is_on_whom_it_was_aimed(extract) -> None:
    text = (
        "Vietnamese-led forces launched artillery, mortar, and rocket fire against Kampuchean guerrilla camps"
        " near the eastern Thai border today, killing or wounding 50, Thai military sources said."
    )
    assert events_of(extract(text)) == [("ASSAULT", ["VNM"], ["KHM"])] * 2  # the killing and the wounding


def test_aid_reaches_the_place_its_receivers_come_from_or_are_sent_to(extract) -> None:
    art = extract("Japan will provide food aid to refugees fleeing the fighting in Liberia.")
    assert events_of(art) == [("AGREE", ["JPN"], ["?", "LBR"])]  # promised aid (PLOVER: agreeing) to refugees
    art = extract("The IAEA has dispatched inspectors to the Esfahan facilities in central Iran to monitor the plant.")
    assert [(t, tg) for t, _, tg in events_of(art)] == [("ACCUSE", ["IRN"])]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Norway mediated secret talks between Israel and the PLO.", ("CONSULT", ["NOR"], ["ISR", "PSE"])),
        ("Hamas threatened to carry out more suicide bombings inside Israel.", ("THREATEN", ["PSE"], ["ISR"])),
        ("Egypt urged Arab states to rally behind the Palestinian leadership.", ("SUPPORT", ["EGY"], ["PSE"])),
        ("Serbia barred U.N. war crimes investigators from entering Kosovo.", ("REJECT", ["SRB"], ["IGO"])),
        ("The United Nations pulled its peacekeepers out of Somalia.", ("SANCTION", ["IGO"], ["SOM"])),
    ],
)
def test_third_parties_and_international_involvement(extract, text: str, event: tuple) -> None:
    assert events_of(extract(text)) == [event]


@pytest.mark.parametrize(
    "text",
    [
        "Last month, Singh and Tarar went to a Trump rally in Cleveland.",
        "He attended the rally, though he's still not sure whether he'll vote for Clinton.",
        "Republicans' Long, Uneasy History With Race At Trump rallies across the country.",
    ],
)
def test_a_campaign_rally_is_no_protest(extract, text: str) -> None:
    assert [e.type for e in extract(text).events] == []


def test_a_rally_against_something_is_a_protest(extract) -> None:
    art = extract("Thousands of students held an anti-war rally in Seoul on Saturday.")
    assert [e.type for e in art.events] == ["PROTEST"]


def test_protesters_own_government_and_property_handed_back(extract) -> None:
    art = extract("Thousands of Israelis demonstrated in Tel Aviv against the government's decision to leave Hebron.")
    assert ("PROTEST", ["ISR"], ["ISR"]) in events_of(art), events_of(art)
    art = extract("Iraq handed back to Kuwait on Sunday military equipment it seized during the 1990 invasion.")
    assert events_of(art) == [("RETREAT", ["IRQ"], ["KWT"])]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Libya has equipped the rebels with anti-aircraft missiles, according to Western diplomats.", "AID"),
        ("British warships escorted oil tankers through the Gulf on Tuesday.", "AID"),
        ("Iraqi troops razed several Kurdish villages in the north, a Kurdish spokesman said.", "COERCE"),
        ("Israel closed off the Gaza Strip on Sunday after a suicide bombing in Tel Aviv.", "COERCE"),
        ("About 2,000 rebels gave themselves up to the Ugandan army last month.", "RETREAT"),
    ],
)
def test_arming_escorting_razing_sealing_surrendering(extract, text: str, etype: str) -> None:
    assert [t for t, _, _ in events_of(extract(text))] == [etype], events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton closed her New York victory speech on Tuesday night with a tribute to the activists.",
        "Other Republican leaders said on Thursday that it's up to Trump to close the schism in the GOP.",
        "She brought with her a bouquet of flowers which she laid down at the center of the memorial.",
        "Obama Just Pulled Out The Race Card On Donald Trump In A Major Way.",
    ],
)
def test_closing_a_speech_or_laying_down_flowers_is_no_event(extract, text: str) -> None:
    assert extract(text).events == []


def test_closing_a_border_or_an_embassy_reduces_relations(extract) -> None:
    assert events_of(extract("Jordan closed its border with Iraq on Monday.")) == [("SANCTION", ["JOR"], ["IRQ"])]


@pytest.mark.parametrize(
    "text",
    [
        "Prospects are even dimmer for an assault weapons ban, another high priority for Democrats.",
        "Ted Cruz wants to ban all abortions in this country.",
        "If Republicans nominate Donald Trump, and barring a cataclysm, they will, there will be a fight.",
    ],
)
def test_a_ban_that_sanctions_no_one_is_no_sanction(extract, text: str) -> None:
    assert [e.type for e in extract(text).events if e.type == "SANCTION"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Iowa State University's Dianne Bystrom agreed.",
        "The Clinton team will appeal to her base with many of the same arguments Obama used four years ago.",
    ],
)
def test_agreeing_with_nothing_settled_and_courting_voters_are_no_events(extract, text: str) -> None:
    assert extract(text).events == []


def test_a_candidates_appeal_to_a_group_is_no_request(extract) -> None:
    assert extract("Trump's appeal to working-class whites is only half the story.").events == []


def test_the_main_clauses_would_is_no_intent_of_its_if_clause(extract) -> None:
    art = extract("If Nancy Davis had met Ronald Reagan earlier in his career, he would have gotten an Oscar.")
    assert [(e.type, e.modality) for e in art.events] == [("CONSULT", "hypothetical")]


def test_forces_made_ready_mobilise_and_a_stance_of_readiness_threatens(extract) -> None:
    art = extract("The Macedonian army prepared to resume shelling Albanian rebel-held territory.")
    assert [t for t, _, _ in events_of(art)] == ["MOBILIZE"]
    art = extract("Iraq's interim government announced that it is prepared to impose martial law.")
    assert [t for t, _, _ in events_of(art)] == ["THREATEN"]


def test_between_two_sides_neither_sides_country_is_a_target(extract) -> None:
    art = extract("Palestinians and Israelis failed to reach agreement on the fate of Palestinian offices.")
    assert events_of(art) == [("REJECT", ["ISR", "PSE"], [])]


def test_ordering_a_newspaper_to_stop_is_censorship(extract) -> None:
    art = extract("Nicaragua's government ordered the opposition newspaper La Prensa to suspend publication.")
    assert [t for t, _, _ in events_of(art)] == ["COERCE"]


def test_harms_that_result_from_an_attack_are_events_done_to_its_target(extract) -> None:
    text = (
        "Algerian police opened fire to disperse Islamist demonstrators on Friday night,"
        " killing one person and arresting 20, security sources said."
    )
    # firing on a crowd is repression; the killing is an attack on the crowd; the arrests, of the
    # same type as the repression, are the same event told twice
    assert events_of(extract(text)) == [("COERCE", ["DZA"], ["DZA"]), ("ASSAULT", ["DZA"], ["DZA"])]
    # a riot's own acts are the riot
    art = extract("Palestinian prisoners rioted at a jail in northern Israel, setting fire to their mattresses.")
    assert [t for t, _, _ in events_of(art)] == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("A U.N. commission found Iraq responsible for destroying the oil fields.", ("ACCUSE", ["IGO"], ["IRQ"])),
        ("Iraq branded the U.N. inspectors as spies working for Washington.", ("ACCUSE", ["IRQ"], ["IGO"])),
        ("President Bush set a January 15 deadline for Iraq to withdraw from Kuwait.", ("THREATEN", ["USA"], ["IRQ"])),
    ],
)
def test_blame_labels_and_deadlines(extract, text: str, event: tuple) -> None:
    assert events_of(extract(text)) == [event]


def test_a_court_schedule_is_no_deadline_held_over_anyone(extract) -> None:
    assert extract("Judge Sullivan set an April 15 deadline for parties to litigate the plan.").events == []


@pytest.mark.parametrize(
    "text",
    [
        "Below, POLITICO rounded up just a sampling of the ways that Oz has been discredited.",
        "It refers to the percentage of jobless people in the workforce who are actively seeking employment.",
        "Stein did not meet the Commission's 15 percent polling threshold.",
        "This crippling stigma was later reinforced by former President Bill Clinton.",
        "Indiana GOP Rep. Susan Brooks plans to seek her party's gubernatorial nomination.",
    ],
)
def test_errands_of_campaigns_and_reporting_are_no_events(extract, text: str) -> None:
    assert extract(text).events == []


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The Turkish air force scrambled four F-16 jets after Greek planes entered its airspace.", "MOBILIZE"),
        ("Burma's military rulers crushed a student protest in Rangoon on Friday.", "COERCE"),
        ("Algeria's government dissolved the Islamic Salvation Front on Wednesday.", "COERCE"),
        ("China clamped down on dissidents ahead of the anniversary of the Tiananmen crackdown.", "COERCE"),
        ("Iran has armed and trained Hezbollah guerrillas in southern Lebanon, Israel says.", "AID"),
        ("The United States put together a $20 billion bailout for Mexico on Tuesday.", "AID"),
        ("Russia completed the pullback of its troops from the Chechen capital Grozny on Friday.", "RETREAT"),
    ],
)
def test_scrambling_crushing_dissolving_training_bailouts_pullbacks(extract, text: str, etype: str) -> None:
    assert etype in [t for t, _, _ in events_of(extract(text))], events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Mexico's central bank eased interest rates for the third time this year.",
        "The gym still has photos of Ali on the walls, partly to inspire the fighters who train there now.",
        "Mr. Pence has privately worked to quell the growing concerns surrounding the Republican ticket.",
    ],
)
def test_rates_eased_fighters_training_and_concerns_quelled_are_no_events(extract, text: str) -> None:
    assert extract(text).events == []


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Police fired rubber bullets at stone-throwing youths in Hebron on Friday.", "COERCE"),
        ("Unidentified gunmen fired bullets into a crowded market in Algiers on Friday.", "ASSAULT"),
        ("Rebels seized control of the provincial capital after two days of heavy fighting.", "ASSAULT"),
        ("Iraqi gunners lobbed shells at Kurdish villages near the Turkish border.", "ASSAULT"),
        ("Egyptian President Hosni Mubarak played host to Yasser Arafat in Cairo on Sunday.", "CONSULT"),
        ("Israel shrugged off international criticism of its settlement policy on Monday.", "REJECT"),
        ("North Korea stonewalled U.N. inspectors seeking access to two suspect sites.", "REJECT"),
        ("The United States took China to task for its human rights record.", "ACCUSE"),
    ],
)
def test_idioms_of_force_hosting_refusal_and_rebuke(extract, text: str, etype: str) -> None:
    assert etype in [t for t, _, _ in events_of(extract(text))], events_of(extract(text))


def test_a_protest_that_is_the_purpose_of_an_act_is_its_own_event(extract) -> None:
    art = extract("Thousands of people defied a curfew in Kathmandu to demonstrate against King Gyanendra.")
    assert [t for t, _, _ in events_of(art)] == ["REJECT", "PROTEST"], events_of(art)
    # a protest planned or asked for stays inside the plan
    art = extract("The union's leaders urged workers to walk out to protest against the pay cuts.")
    assert "PROTEST" not in [t for t, _, _ in events_of(art)], events_of(art)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # "?": the aid workers, an actor of no country
        ("Sudanese rebels released 12 aid workers they had held for two weeks.", ("RETREAT", ["SDN"], ["?"])),
        ("Pakistan recalled its troops from the Kargil heights on Sunday.", ("RETREAT", ["PAK"], ["IND"])),
        ("Zimbabwe expelled a BBC correspondent on Friday.", ("COERCE", ["ZWE"], ["GBR"])),
    ],
)
def test_people_freed_troops_recalled_reporters_expelled(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "It starts with the proposition that journalists are killing journalism.",
        "Bennett shot back with a laugh.",
        "People are pretty fed up with politicians who tell one group one thing.",
        "The Marsh Landing Country Club charged a $100,000 initiation fee in 2009.",
        "A White House official, who requested anonymity to discuss a private conversation, said so.",
        "Even with the latest obstacle in Trump's march to the nomination, Republican leaders said he has time.",
        "Mr. Trump's appeals to the economic anxieties of white voters worked.",
        '"We\'re meeting our benchmarks," said a spokeswoman for the committee.',
        "His standing with female voters has hit historically dismal levels.",
        # the newsroom's credit line
        "Samantha Lachman contributed reporting from Charleston.",
        "Amanda Terkel contributed reporting.",
    ],
)
def test_words_of_politics_and_commerce_that_are_no_events(extract, text: str) -> None:
    assert extract(text).events == []


def test_contributing_money_to_relief_is_still_aid(extract) -> None:
    assert [e.type for e in extract("Japan contributed $10 million to the relief effort in Bangladesh.").events] == [
        "AID"
    ]


def test_a_forecast_is_no_stated_intention(extract) -> None:
    # others expect a visit: it stays a visit, hypothetical (a stated plan to cooperate is AGREE)
    art = extract("Egyptian President Hosni Mubarak is expected to visit Israel next week.")
    assert [(e.type, e.modality) for e in art.events] == [("CONSULT", "hypothetical")]


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Bernie Sanders visited Missouri on Saturday, holding a rally in Springfield that drew 5,000 people.",
        "As Mrs. Clinton prepares to accept the Democratic Party's nomination in Philadelphia, she will face voters.",
        "The clash raised doubts about whether Congress will allocate funds to fight Zika before the recess.",
        "Cruz's team executed this flawlessly on his earlier January bus tour.",
        "In Ohio, the poll reaffirmed that Senator Rob Portman's biggest liability is his low name recognition.",
    ],
)
def test_journeys_at_home_nominations_diseases_and_polls_are_no_events(extract, text: str) -> None:
    assert extract(text).events == []


def test_a_place_naming_an_event_is_where_it_was_not_who_did_it(extract) -> None:
    art = extract("Two people survived the Mother Emanuel Church shooting in Charleston last year.")
    assert art.events == []  # a church does not shoot; who did is not said
    art = extract("Clinton advocated for a speedy Iraq withdrawal.")
    assert events_of(art) == [("RETREAT", ["USA"], ["IRQ"])], events_of(art)
    art = extract("Critics had been predicting an impending U.S. withdrawal from the region.")
    assert [s for t, s, _ in events_of(art) if t == "RETREAT"] == [["USA"]], events_of(art)


@pytest.mark.parametrize(
    "text",
    [
        "Russian opposition.",
        "It was a critique he made again and again, inviting vicious ridicule from Gov. Chris Christie.",
        "We chase absentee requests with an endorsed Republican slate card, said Jim Borges.",
    ],
)
def test_the_opposition_ridicule_invited_and_ballot_requests_are_no_events(extract, text: str) -> None:
    assert extract(text).events == []


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("The State Department withheld a key Benghazi email in 2014.", []),
        ("He and his wife had just welcomed a second baby girl three weeks ago.", []),
        ("The former president is again answering the call to energize his wife's campaign.", []),
        (
            "During the same interview, Senator John Smith also withheld support from the Republican nominee.",
            ["REJECT"],
        ),
    ],
)
def test_information_withheld_births_and_duties_are_no_events(extract, text: str, types: list) -> None:
    assert [e.type for e in extract(text).events] == types


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("He says the court's decision strengthened his resolve to fight for more fairness.", []),
        ("Kurdish rebels are fighting for independence in southeastern Turkey.", ["ASSAULT"]),
        ("Sanders went first at the town hall hosted by CNN.", []),
        ("I had handed over 15 months of research on foreign policy to the campaign.", []),
        ("Hillary Clinton and her Democratic allies launched a new round of attacks on Tuesday.", ["ACCUSE"]),
    ],
)
def test_causes_town_halls_papers_and_attacks_in_words(extract, text: str, types: list) -> None:
    assert [e.type for e in extract(text).events] == types


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Sen. Mark Kirk, R-Ill., rescinded his endorsement of Trump on Monday.", ["SANCTION"]),
        ("The reporters who have been traveling with her for the past year say so.", []),
        ("All the Republicans seeking the White House raced into the first debate of 2016.", []),
        ("Trump's campaign had made inquiries with other data vendors.", []),
    ],
)
def test_endorsements_rescinded_journeys_in_company_office_sought(extract, text: str, types: list) -> None:
    assert [e.type for e in extract(text).events] == types


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iranian border posts came under Iraqi artillery fire on Tuesday.", ("ASSAULT", ["IRQ"], ["IRN"])),
        ("The peace treaty between Israel and Jordan was signed on Wednesday.", ("AGREE", ["ISR", "JOR"], [])),
        ("American food aid arrived in the Somali capital Mogadishu on Wednesday.", ("AID", ["USA"], ["SOM"])),
        (
            "A Japanese relief team arrived in Kobe on Tuesday to help victims of the earthquake.",
            ("AID", ["JPN"], ["JPN"]),
        ),
        ("U.S. warships sailed into the Gulf on Sunday amid rising tension with Iraq.", ("MOBILIZE", ["USA"], [])),
    ],
)
def test_attacks_come_under_treaties_signed_and_relief_arriving(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Clinton sailed through the primary on Tuesday.",
        "He said he first heard gunfire about 9:42 p.m.",
        "Voters arrived at 25 randomly selected sites for Democratic primaries.",
    ],
)
def test_sailing_through_hearing_gunfire_and_arriving_voters_are_no_events(extract, text: str) -> None:
    assert extract(text).events == []


@pytest.mark.parametrize(
    "text",
    [
        "Obama refrained from criticizing Netanyahu on Monday.",
        "But the White House is steering clear of criticizing Trump for his tax deductions.",
        "Clinton stopped short of endorsing Sanders.",
        "Mr. Trump avoided attacking Clinton on Monday.",
    ],
)
def test_an_act_avoided_is_negated(extract, text: str) -> None:
    events = extract(text).events
    assert events and all(e.negated for e in events), [(e.type, e.negated) for e in events]


def test_as_opposed_to_is_no_rejection(extract) -> None:
    art = extract('"We may end up having to do it in chunks, as opposed to an omnibus bill," the president said.')
    assert [e.type for e in art.events if e.type == "REJECT"] == []


def test_fears_fed_are_no_aid_and_a_descriptor_is_no_name(extract) -> None:
    assert extract("Many fear Trump will feed insecurity in nations worried about China's power.").events == []
    art = extract("Billionaire Donald Trump praised Matthew Boyle at a press conference on Monday.")
    assert events_of(art)[0][:2] == ("SUPPORT", ["USA"]), events_of(art)


def test_aid_rushed_is_aid_and_coming_to_the_aid_of_defends(extract) -> None:
    assert events_of(extract("Japan rushed emergency aid to Indonesia on Monday.")) == [("AID", ["JPN"], ["IDN"])]
    assert events_of(extract("Egypt came to the aid of Jordan on Monday.")) == [("SUPPORT", ["EGY"], ["JOR"])]


def test_no_verb_object_pair_is_typed_by_two_rules() -> None:
    # in the built lexicon the later rule would win silently: every pair's type is written once
    rules = json.loads(resources.files("newsgraph.data").joinpath("events.json").read_text("utf-8"))["object_types"]
    assert doubly_typed(rules) == {}
    assert doubly_typed(
        [{"verbs": ["ship"], "objects": {"AID": ["tank"]}}, {"verbs": ["ship"], "objects": {"MOBILIZE": ["tank"]}}]
    ) == {("ship", "tank"): ["AID", "MOBILIZE"]}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Thousands of students marched in Jakarta demanding the resignation of President Suharto.", "Suharto"),
        ("Kenyan students rioted following a rally calling for the removal of President Daniel arap Moi.", "Moi"),
        ("Thousands of Serbs rallied in Belgrade urging the government to release political prisoners.", "government"),
    ],
)
def test_a_protest_targets_whom_it_makes_demands_of(extract, text: str, target: str) -> None:
    art = extract(text)
    protest = only(art, "PROTEST")
    names = [art.actor(i).name for i in protest.target]
    assert len(names) == 1 and target in names[0], names


def test_yielding_at_home_yields_to_no_one_the_place_names(extract) -> None:
    art = extract("Five hundred Ugandan rebels surrendered in Gulu last week.")
    assert events_of(art) == [("RETREAT", ["UGA"], [])]
    # the place is also where the arms they lay down are
    art = extract("Some 300 leftist guerrillas laid down their arms in northern Colombia on Sunday under a peace deal.")
    assert events_of(art) == [("RETREAT", ["COL"], [])], events_of(art)
    art = extract("Serb forces withdrew from positions near Gorazde on Tuesday.")
    assert [t for t, _, _ in events_of(art)] == ["RETREAT"], events_of(art)


def test_a_warning_that_someone_will_pay_dearly_threatens_them(extract) -> None:
    art = extract("North Korea's official news agency warned that Seoul would pay dearly for the naval clash.")
    assert events_of(art) == [("THREATEN", ["PRK"], ["KOR"])]


def test_joint_raids_by_two_states_agents_are_cooperation(extract) -> None:
    art = extract("U.S. and Mexican drug agents carried out joint raids along the border.")
    assert [(t, s) for t, s, _ in events_of(art)] == [("COOPERATE", ["MEX", "USA"])]


@pytest.mark.parametrize(
    ("text", "etype", "modality", "negated"),
    [
        # not yet done: negated, and a refusal where PLOVER reads one ("has not released")
        ("The French president has yet to apologize to the Algerians.", "SUPPORT", "asserted", True),
        ("The Serbian government is yet to release the detained journalists.", "REJECT", "asserted", False),
        ("Neither Israel nor Syria agreed to the American plan.", "REJECT", "asserted", False),
        ("Analysts predicted that China would impose sanctions on Japan.", "SANCTION", "hypothetical", False),
    ],
)
def test_acts_not_yet_done_refused_by_both_or_forecast(
    extract, text: str, etype: str, modality: str, negated: bool
) -> None:
    e = only(extract(text), etype)
    assert (e.modality, e.negated) == (modality, negated)


@pytest.mark.parametrize(
    "text",
    [
        "The senator settled in a chair behind the podium.",
        "The ruling brought the dispute between the two parties into sharp relief.",
        "The governor had broad appeal for moderate Republicans.",
        "She has a rally planned for Friday evening in Des Moines.",
    ],
)
def test_idioms_of_sitting_contrast_attraction_and_campaigning_are_no_events(extract, text: str) -> None:
    assert events_of(extract(text)) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Egyptian President Hosni Mubarak received PLO chairman Yasser Arafat in Cairo.",
            ("CONSULT", ["EGY"], ["PSE"]),
        ),
        ("Russia pledged to respect Ukraine's borders.", ("AGREE", ["RUS"], ["UKR"])),
        ("Germany helped Russia dismantle its ageing nuclear submarines.", ("AID", ["DEU"], ["RUS"])),
        ("NATO sent 60,000 peacekeeping troops to Bosnia.", ("AID", ["IGO"], ["BIH"])),
        ("The Security Council gave Baghdad until January 15 to withdraw from Kuwait.", ("THREATEN", ["IGO"], ["IRQ"])),
        ("North Korea warned it would pull out of the Non-Proliferation Treaty.", ("THREATEN", ["PRK"], [])),
        ("South Korean workers staged a nationwide strike against a new labour law.", ("PROTEST", ["KOR"], ["KOR"])),
        ("Angry crowds rampaged through the streets of Jakarta.", ("PROTEST", ["IDN"], ["IDN"])),
        ("Iraq continued to export oil despite U.N. sanctions.", ("REJECT", ["IRQ"], ["IGO"])),
        (
            # (the parties it restores them to are its own)
            "Pakistan's military government restored the right of political parties to hold rallies.",
            ("CONCEDE", ["PAK"], ["PAK"]),
        ),
        ("Iraqi troops used Western hostages as human shields.", ("ASSAULT", ["IRQ"], [])),
    ],
)
def test_hosts_pledges_help_ultimatums_and_defiance(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Clinton promised to raise the minimum wage.",
        "Obama helped Clinton win the nomination.",
        "Trump won the primary despite criticism from Republican leaders.",
        "The party welcomed Smith as its new chairman.",
        "She clinched an outright majority of regular, pledged delegates.",
    ],
)
def test_pledges_at_home_campaign_help_and_criticism_weathered_are_no_events(extract, text: str) -> None:
    assert events_of(extract(text)) == []


def test_a_promised_act_that_harms_threatens(extract) -> None:
    text = "Trump has promised to build a wall on the border and deport millions of undocumented immigrants."
    assert [t for t, _, _ in events_of(extract(text))] == ["THREATEN"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Eleven people were killed when gunmen opened fire on a bus near Luxor.", ("ASSAULT", ["EGY"], ["EGY"])),
        ("France is prepared to send troops to Rwanda on a humanitarian mission.", ("AGREE", ["FRA"], ["RWA"])),
        ("Thousands of Czechs filled Wenceslas Square on Monday to demand free elections.", ("PROTEST", ["CZE"], [])),
        (
            "Miners besieged the government building in Bucharest, pelting it with stones.",
            ("PROTEST", ["ROU"], ["ROU"]),
        ),
        ("German President Richard von Weizsaecker asked forgiveness from Israel.", ("SUPPORT", ["DEU"], ["ISR"])),
        ("U.S. Air Force planes dropped food and medicine to refugees in northern Iraq.", ("AID", ["USA"], ["IRQ"])),
        ("Hamas said it would not abide by the ceasefire.", ("REJECT", ["PSE"], [])),
        ("The United States warned it would veto any resolution that criticised Israel.", ("THREATEN", ["USA"], [])),
        ("Israel retaliated with air strikes on Lebanon.", ("ASSAULT", ["ISR"], ["LBN"])),
    ],
)
def test_attacks_told_in_a_clause_of_time_missions_of_help_crowds_and_refusals(
    extract, text: str, event: tuple
) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "I looked into the eyes of moms and dads.",
        "We are called to adhere to our civil authorities.",
        "He is going to be very much in demand around the country.",
        "The committee does not discriminate or retaliate based on military service.",
    ],
)
def test_gazes_rules_of_conduct_popularity_and_retaliation_at_work_are_no_events(extract, text: str) -> None:
    assert events_of(extract(text)) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Opposition leaders called off a general strike planned for Monday.", ("CONCEDE", ["?"], [])),
        ("Rwanda ordered the United Nations peacekeeping force to leave the country.", ("SANCTION", ["RWA"], ["IGO"])),
        ("Iraq expelled U.N. relief workers from the northern city of Mosul.", ("SANCTION", ["IRQ"], ["IGO"])),
        ("India rushed paramilitary police to the troubled state of Assam.", ("MOBILIZE", ["IND"], [])),
        ("Soldiers raped dozens of women in the village, survivors said.", ("ASSAULT", ["?"], [])),
        ("A Hamas suicide bomber killed himself and 20 Israelis on a bus in Tel Aviv.", ("ASSAULT", ["PSE"], ["ISR"])),
        ("Iraq used poison gas against Kurdish villagers in Halabja.", ("ASSAULT", ["IRQ"], ["IRQ"])),
        ("Serb forces drove tens of thousands of ethnic Albanians from their homes.", ("ASSAULT", ["SRB"], ["ALB"])),
        ("Nicaragua brought a case against the United States at the World Court.", ("ACCUSE", ["NIC"], ["IGO"])),
    ],
)
def test_dissent_eased_expulsions_forces_rushed_and_violence_named_by_its_means(
    extract, text: str, event: tuple
) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The United States will train Colombian troops fighting drug traffickers.", ("AGREE", ["USA"], ["COL"])),
        ("Kenyan police took three journalists into custody on Monday.", ("COERCE", ["KEN"], ["KEN"])),
        ("Russian police put down a riot by prisoners at a jail in Siberia.", ("COERCE", ["RUS"], ["RUS"])),
        (
            "Israeli troops blew up the homes of two suspected Hamas militants in the West Bank.",
            ("COERCE", ["ISR"], ["PSE"]),
        ),
        ("Protesters burned an effigy of President Clinton outside the embassy.", ("PROTEST", ["USA"], ["USA"])),
        ("Australia expressed confidence in the Indonesian government.", ("SUPPORT", ["AUS"], ["IDN"])),
        ("China stood up for North Korea at the Security Council on Tuesday.", ("SUPPORT", ["CHN"], ["PRK"])),
        ("Israel and the PLO came to terms on Wednesday on the handover of Hebron.", ("AGREE", ["ISR", "PSE"], [])),
        ("France lobbied on behalf of Lebanon at the United Nations.", ("SUPPORT", ["FRA"], ["LBN"])),
        ("Iranian police locked up dozens of students after the campus protests.", ("COERCE", ["IRN"], ["IRN"])),
    ],
)
def test_prisoners_exchanged_custody_effigies_and_support_in_idioms(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Obama had essentially locked up the nomination before Kentucky's primary.",
        "Christie stood behind Donald Trump on Super Tuesday.",
        "He expressed confidence that the party could still come together.",
        "We're just going to have to come to terms with it.",
        "Admiral Harris trained as a naval flight officer.",
    ],
)
def test_nominations_won_stage_positions_hopes_and_resignation_are_no_events(extract, text: str) -> None:
    assert events_of(extract(text)) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Chinese police detained dozens of members of the Falun Gong sect in Beijing.", "CHN"),
        ("Turkish police raided the offices of a pro-Kurdish newspaper in Istanbul.", "TUR"),
        ("Hindu nationalists marched through New Delhi to demand a ban on cow slaughter.", "IND"),
    ],
)
def test_people_coerced_or_protesting_at_home_are_where_the_object_or_march_is(extract, text: str, target: str) -> None:
    art = extract(text)
    assert any(target in {art.actor(i).country for i in e.target} for e in art.events), events_of(art)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Turkey said Greece was harbouring Kurdish guerrillas and allowing them to train there.",
            ("ACCUSE", ["TUR"], ["GRC"]),
        ),
        (
            "Iraq dropped its objections to U.N. weapons inspectors visiting presidential sites.",
            ("CONCEDE", ["IRQ"], ["IGO"]),
        ),
        ("U.N. investigators began looking into reports of mass killings of civilians.", ("ACCUSE", ["IGO"], ["?"])),
        ("North Korea boycotted the talks with South Korea.", ("REJECT", ["PRK"], ["KOR"])),
        ("China boycotted Japanese goods.", ("SANCTION", ["CHN"], ["JPN"])),
        ("Russia said it reserved the right to strike at rebel bases in Georgia.", ("THREATEN", ["RUS"], [])),
        ("Syria evacuated its troops from the area.", ("RETREAT", ["SYR"], [])),
    ],
)
def test_wrongs_alleged_objections_dropped_boycotts_by_states_and_rights_reserved(
    extract, text: str, event: tuple
) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "She said she reserves the right to reconsider.",
        "Iraq withdrew its proposal on Monday.",
    ],
)
def test_a_right_to_change_ones_mind_and_a_proposal_withdrawn_are_no_events(extract, text: str) -> None:
    assert events_of(extract(text)) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The Bosnian Serbs handed over 300 U.N. peacekeepers they had held as hostages.",
            ("RETREAT", ["BIH"], ["IGO"]),
        ),
        ("Iraqi troops massed on the border.", ("MOBILIZE", ["IRQ"], [])),
        ("The Japanese government announced a new package of yen loans for Manila.", ("AID", ["JPN"], ["PHL"])),
    ],
)
def test_people_handed_over_forces_massing_and_packages_of_aid(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Poland's communist government legalised the Solidarity trade union.", "CONCEDE"),
        ("The United States lifted its ban on flights to Iraq.", "RETREAT"),
        ("Serbian authorities revoked the licence of the independent radio station B92.", "COERCE"),
        ("Pakistani troops cordoned off the area and searched houses for weapons.", "COERCE"),
        ("Israel sealed its borders with the West Bank and Gaza.", "SANCTION"),
        ("Beijing said it would not hesitate to use force against Taiwan.", "THREATEN"),
        ("Russian prosecutors opened a criminal case against the former minister.", "ACCUSE"),
    ],
)
def test_unions_legalised_bans_on_trade_licences_cordons_and_threats_not_held_back(
    extract, text: str, etype: str
) -> None:
    assert etype in [t for t, _, _ in events_of(extract(text))], events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Arab League chief Chadli Klibi mediated between Syria and Palestinian leader Yasser Arafat.",
            ("CONSULT", ["IGO"], ["PSE", "SYR"]),
        ),
        (
            "European Community foreign ministers called for Serbian forces to pull out of Bosnia.",
            ("REQUEST", ["IGO"], ["SRB"]),
        ),
        ("A British minister repeated that Libya must surrender the suspects.", ("REQUEST", ["GBR"], ["LBY"])),
        (
            "Nicaragua's government ordered the opposition daily La Prensa to stop publishing.",
            ("COERCE", ["NIC"], ["NIC"]),
        ),
        ("Burmese troops seized part of a Karen guerrilla base near the Thai border.", ("ASSAULT", ["MMR"], ["MMR"])),
        ("Burundian militiamen raided a camp for Congolese refugees.", ("ASSAULT", ["BDI"], ["COD"])),
        ("Israeli intelligence passed evidence to the United States about al Qaeda.", ("COOPERATE", ["ISR"], ["USA"])),
    ],
)
def test_mediation_between_calls_for_a_clause_orders_to_stop_bases_seized_and_evidence_passed(
    extract, text: str, event: tuple
) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("A Russian official proposed concessions to the U.S. negotiator.", ("AGREE", ["RUS"], ["USA"])),
        ("Afghan rebels set off a string of bombs in Kabul.", ("ASSAULT", ["AFG"], ["AFG"])),
        ("A Palestinian detainee died after being tortured in Israeli police custody.", ("ASSAULT", ["ISR"], [])),
        (
            "Latvia's constitutional court struck down curbs on the use of Russian on the radio.",
            ("CONCEDE", ["LVA"], []),
        ),
        ("The United States stepped up pressure on China to rein in its actions.", ("REQUEST", ["USA"], ["CHN"])),
        ("Syrian officers abandoned their mediation between rival militias.", ("SANCTION", ["SYR"], [])),
        (
            "Palestinian and Israeli negotiators were unable to agree on the fate of the offices.",
            ("REJECT", ["ISR", "PSE"], []),
        ),
        (
            "The Macedonian army got ready to resume its shelling of territory held by Albanian rebels.",
            ("MOBILIZE", ["MKD"], ["ALB"]),
        ),
        ("Israel's supreme court began hearings on the legality of interrogation methods.", ("ACCUSE", ["ISR"], [])),
    ],
)
def test_paraphrases_of_gold_events_keep_their_type(extract, text: str, event: tuple) -> None:
    # type and source: a paraphrase keeps who did what (whom it names varies with the wording)
    found = [(t, src) for t, src, _ in events_of(extract(text))]
    assert event[:2] in found, events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Aid of 70 million dollars for Romania and Poland was agreed by EC foreign ministers.",
            ("AGREE", ["IGO"], ["POL", "ROU"]),
        ),
        (
            "The withdrawal of Serbian forces from Bosnia was demanded by EC foreign ministers.",
            ("REQUEST", ["IGO"], ["SRB"]),
        ),
        (
            "A threat to break relations with Russia was made by the Azerbaijani parliament.",
            ("THREATEN", ["AZE"], ["RUS"]),
        ),
        (
            "The capture of a Karen guerrilla stronghold by Burmese troops was reported by Thai police.",
            ("ASSAULT", ["MMR"], ["MMR"]),
        ),
        ("The evacuation of the Gaza settlements by Israel will take place in August.", ("RETREAT", ["ISR"], ["PSE"])),
    ],
)
def test_passives_with_an_agent_and_nominal_acts_by_someone(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_a_person_asked_in_the_passive_is_asked_nothing(extract) -> None:
    assert events_of(extract("Sanders was asked by host Bill Maher about the emails.")) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Switzerland kicked out two Russian diplomats accused of espionage.", ("SANCTION", ["CHE"], ["RUS"])),
        (
            "The Red Cross stopped delivering aid in Baghdad after its vehicles were shot at.",
            ("SANCTION", ["IGO"], ["IRQ"]),
        ),
        ("Iran vowed a fresh offensive against Iraq unless Baghdad met its terms.", ("THREATEN", ["IRN"], ["IRQ"])),
        ("An American woman is under investigation in Italy over the Genoa riots.", ("ACCUSE", ["ITA"], ["USA"])),
        ("The United States said no to Kofi Annan's call for a package of U.N. reforms.", ("REJECT", ["USA"], ["IGO"])),
    ],
)
def test_expulsions_in_idiom_aid_stopped_offensives_vowed_and_refusals_said(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a place reached through a participle's noun, or a way into the streets
        ("Car bombs planted by Chechen rebels exploded in Grozny on Sunday.", ("ASSAULT", ["RUS"], ["RUS"])),
        ("Thousands of Kenyans took to the streets in Nairobi on Friday.", ("PROTEST", ["KEN"], ["KEN"])),
        # taking away what a state seizes; a court striking down a restriction
        ("Israeli soldiers took rifles away from Jewish settlers in Hebron.", ("COERCE", ["ISR"], ["ISR"])),
        ("Turkey's Constitutional Court struck down the ban on headscarves.", ("CONCEDE", ["TUR"], [])),
        # a present under a past "insist" is a subjunctive demand
        ("The NATO allies insisted that Iraqi troops leave Kuwait at once.", ("REQUEST", ["IGO"], ["IRQ"])),
        # one side saying the other broke a truce charges it
        ("Israel said Hamas had violated the truce.", ("ACCUSE", ["ISR"], ["PSE"])),
        # an envoy called in to hear a protest
        ("Ghana called in Togo's ambassador to protest about the border raids.", ("ACCUSE", ["GHA"], ["TGO"])),
        # emergency rule with no place named is over the state's own land
        ("The Thai government declared a state of emergency on Monday.", ("COERCE", ["THA"], ["THA"])),
        # one's own troops offered are no target
        ("Egypt offered to put its troops at the disposal of the Kuwaiti government.", ("AGREE", ["EGY"], ["KWT"])),
    ],
)
def test_places_through_nouns_seizures_subjunctives_and_own_troops(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Israeli police struck down a protester with a baton.", "CONCEDE"),
        ("He certainly took my attention away from the campaign.", "COERCE"),
        ("Israel said Hamas had violated the truce.", "ASSAULT"),
    ],
)
def test_phrasal_readings_need_their_objects_and_a_charged_breach_is_no_attack(extract, text: str, absent: str) -> None:
    assert absent not in {e[0] for e in events_of(extract(text))}, events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # troops flown or deployed to prop up a government, or to protect, are aid (CAMEO 074)
        ("Belgium flew 500 paratroopers to Zaire to shore up Mobutu's government.", ("AID", ["BEL"], ["COD"])),
        # vessels handed over to another state's forces are aid; a people expelled is coerced
        ("Japan handed over two patrol vessels to the Philippine coast guard.", ("AID", ["JPN"], ["PHL"])),
        ("Libya expelled thousands of Egyptians, saying they had no work permits.", ("COERCE", ["LBY"], ["EGY"])),
        ("Libya expelled two Egyptian diplomats on Monday.", ("SANCTION", ["LBY"], ["EGY"])),
        # a plural noun the model reads as a name, placed in a country
        ("Kidnappers in Yemen freed two French tourists on Sunday.", ("RETREAT", ["YEM"], ["FRA"])),
        ("Egypt closed the Iranian interests section in Cairo.", ("SANCTION", ["EGY"], ["IRN"])),
        # emergency rule lifted, with no place named, eases it over the state's own land
        ("Peru's government lifted the state of siege on Sunday.", ("CONCEDE", ["PER"], ["PER"])),
    ],
)
def test_help_sent_vessels_handed_over_people_expelled_and_emergency_rule_lifted(
    extract, text: str, event: tuple
) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # protesters gathering protest; a crowd throwing stones riots; a sit-in the parser split
        ("Thousands of demonstrators gathered outside parliament in Kiev on Sunday.", ("PROTEST", ["UKR"], ["UKR"])),
        ("Hundreds of Pakistanis pelted the U.S. consulate in Lahore with stones.", ("PROTEST", ["PAK"], ["USA"])),
        ("Two hundred students staged a sit-in outside parliament in Dhaka on Monday.", ("PROTEST", ["BGD"], ["BGD"])),
        # people who are no state acting in protest protest, whatever the act
        (
            "Striking Greek teachers shut down schools on Tuesday in protest at the budget.",
            ("PROTEST", ["GRC"], ["GRC"]),
        ),
        # a statement that a state lets armed men through accuses it
        ("Turkey said Syria was allowing Kurdish rebels to cross the border.", ("ACCUSE", ["TUR"], ["SYR"])),
        # two states promising something together agree
        ("Spain and Portugal promised to set up a joint army brigade.", ("AGREE", ["ESP", "PRT"], [])),
    ],
)
def test_gatherings_stonings_sit_ins_acts_in_protest_let_through_and_joint_promises(
    extract, text: str, event: tuple
) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_armed_men_throwing_stones_attack(extract) -> None:
    assert ("ASSAULT", ["IRQ"], []) in events_of(extract("Iraqi soldiers pelted the crowd with stones.")), events_of(
        extract("Iraqi soldiers pelted the crowd with stones.")
    )


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # an offer to mediate is made to both sides
        ("Norway offered to mediate between Sri Lanka and the Tamil rebels.", ("AGREE", ["NOR"], ["LKA"])),
        # a span of time given to act is an ultimatum
        ("NATO gave the Bosnian Serbs ten days to withdraw their heavy guns.", ("THREATEN", ["IGO"], ["BIH"])),
        ("Malaysia banned two opposition newspapers on Friday.", ("COERCE", ["MYS"], ["MYS"])),
        ("Israel imposed a naval blockade on Gaza.", ("ASSAULT", ["ISR"], ["PSE"])),
        # a breach told first and its source named after it is the breach
        ("Indian troops violated the ceasefire in Kashmir on Sunday, Pakistan said.", ("ASSAULT", ["IND"], ["IND"])),
        # a group that acts where it lives is of the place where it acts
        ("Gunmen kidnapped two German engineers at Sanaa airport on Sunday.", ("ASSAULT", ["YEM"], ["DEU"])),
    ],
)
def test_mediation_offers_ultimatums_bans_blockades_and_groups_placed_by_their_acts(
    extract, text: str, event: tuple
) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_a_day_something_was_given_is_no_ultimatum(extract) -> None:
    text = "Trump essentially gave his campaign $2 million on Thursday to show donors he is committed."
    assert "THREATEN" not in {e[0] for e in events_of(extract(text))}, events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a capital named in apposition is a place; what it comes under is done to it
        ("The capital Kigali came under shelling from Rwandan rebels on Sunday.", ("ASSAULT", ["RWA"], ["RWA"])),
        ("Rioting by Kenyan students broke out in Nairobi on Monday.", ("PROTEST", ["KEN"], ["KEN"])),
    ],
)
def test_capitals_in_apposition_and_rioting(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # inspectors stopped from doing their work are kept out (CAMEO 1246)
        ("North Korea prevented IAEA inspectors from visiting the Yongbyon reactor.", ("REJECT", ["PRK"], ["IGO"])),
        ("Serbian troops broke through Bosnian government lines near Bihac.", ("ASSAULT", ["SRB"], ["BIH"])),
        # a facility's name is no small town elsewhere ("the Karni crossing")
        ("Israel reopened the Karni crossing into the Gaza Strip on Tuesday.", ("RETREAT", ["ISR"], ["PSE"])),
    ],
)
def test_inspectors_kept_out_front_lines_broken_and_crossings_reopened(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "He worked to prevent foreign workers from replacing Americans at banks.",
        "Sanders broke through with nonwhite voters in the South.",
    ],
)
def test_keeping_workers_out_and_breaking_through_with_voters_are_no_events(extract, text: str) -> None:
    assert events_of(extract(text)) == []


def test_a_threatened_measure_told_as_a_statement_is_placed(extract) -> None:
    text = "The Algerian government warned that it would impose a curfew in Oran if the riots continued."
    assert ("THREATEN", ["DZA"], ["DZA"]) in events_of(extract(text)), events_of(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Sanders held a rally Saturday in Des Moines.",
        "His plan would require Sanders burning through cash.",
        "Sanders' campaign didn't immediately return a request seeking comment.",
    ],
)
def test_campaign_rallies_spending_and_requests_for_comment_are_no_events(extract, text: str) -> None:
    assert events_of(extract(text)) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a particle after the object ("pulled their heavy weapons back")
        ("Serb forces pulled their tanks back from around Gorazde on Sunday.", ("RETREAT", ["SRB"], [])),
        # a border opened to refugees shelters them (CAMEO 075); jamming broadcasts censors them
        ("Pakistan opened its border to 20,000 Afghan refugees on Monday.", ("AID", ["PAK"], ["AFG"])),
        ("Cuba jammed American radio broadcasts on Tuesday.", ("COERCE", ["CUB"], ["USA"])),
        # a town's name joined by hyphens is a place, not the politician it ends with
        ("Taliban fighters overran the northern city of Mazar-i-Sharif on Saturday.", ("ASSAULT", ["AFG"], ["AFG"])),
    ],
)
def test_particles_after_objects_shelter_jamming_and_hyphenated_towns(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_resources_pulled_away_are_no_retreat(extract) -> None:
    assert events_of(extract("Podesta acknowledged that OFA pulled resources away from the DNC.")) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iranian gunboats sank a Kuwaiti tanker in the Gulf on Monday.", ("ASSAULT", ["IRN"], ["KWT"])),
        # what a promised transfer moves is not whom it is promised to
        ("Portugal agreed on Tuesday to hand Macau back to China in 1999.", ("AGREE", ["PRT"], ["CHN"])),
    ],
)
def test_ships_sunk_and_promised_transfers(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_a_campaign_sunk_is_no_attack(extract) -> None:
    assert events_of(extract("The scandal over his comments sank Cain's campaign.")) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # concern, alarm or displeasure voiced over what another did criticises it (CAMEO 111)
        ("Manila voiced alarm over Chinese construction on a disputed reef.", ("ACCUSE", ["PHL"], ["CHN"])),
        ("The United States expressed concern over Russia's military build-up.", ("ACCUSE", ["USA"], ["RUS"])),
        # calling someone or their act a name
        ("Venezuela's president called President Bush a liar and a war criminal.", ("ACCUSE", ["VEN"], ["USA"])),
    ],
)
def test_concern_voiced_and_names_called_criticise(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_a_worry_about_no_one_and_a_name_that_is_no_insult_are_no_events(extract) -> None:
    assert events_of(extract("Japanese voters expressed concern about the economy.")) == []
    assert events_of(extract("Iran called the agreement a first step.")) == []


def test_defences_strengthened_and_weapons_paraded_show_force(extract) -> None:
    assert events_of(extract("Vietnam strengthened its defences along the Chinese border.")) == [
        ("MOBILIZE", ["VNM"], ["CHN"])
    ]
    assert events_of(extract("Libya paraded its new Soviet-made tanks through Tripoli.")) == [("MOBILIZE", ["LBY"], [])]
    assert events_of(extract("The Chinese city paraded floats through its streets.")) == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # revenge vowed threatens whoever did the deed
        ("Hamas vowed revenge for the killing of its leader by Israel.", ("THREATEN", ["PSE"], ["ISR"])),
        # the agent of a passive condition is the one threatened
        ("Iran vowed to close the Strait of Hormuz if attacked by the United States.", ("THREATEN", ["IRN"], ["USA"])),
        # a body suspending a member state sanctions it
        ("The Commonwealth suspended Zimbabwe on Monday.", ("SANCTION", ["IGO"], ["ZWE"])),
    ],
)
def test_revenge_conditions_and_suspended_members(extract, text: str, event: tuple) -> None:
    assert event in events_of(extract(text)), events_of(extract(text))


def test_decisions_reversed_and_sentences_commuted_concede(extract) -> None:
    reversed_ = extract("Egypt's government reversed a decision to raise bread prices after riots.")
    assert ("CONCEDE", ["EGY"], ["EGY"]) in events_of(reversed_), events_of(reversed_)
    commuted = extract("Iran's judiciary commuted the death sentence of a dissident.")
    assert [e[0] for e in events_of(commuted)] == ["CONCEDE"], events_of(commuted)


@pytest.mark.parametrize(
    "text",
    [
        "Sanders said he would never have forgiven himself if he had refused the invitation.",
        "Voters in districts hardest hit by Chinese imports chose more extreme lawmakers.",
        "Sanders rocketed from near-obscurity to winning primaries in state after state.",
    ],
)
def test_oneself_acted_on_blows_of_trade_and_careers_that_rocket_are_no_events(extract, text: str) -> None:
    assert events_of(extract(text)) == []


def test_a_policy_supported_supports_no_one(extract) -> None:
    assert events_of(extract("Sanders supports raising the minimum wage to $15 by 2020.")) == []
    assert [e[0] for e in events_of(extract("Russia supported Serbia in the dispute over Kosovo."))] == ["SUPPORT"]


def test_a_price_charged_accuses_no_one(extract) -> None:
    assert events_of(extract("Trump has charged more than that for office space in Manhattan.")) == []
    police = extract("Brazilian police charged the American swimmer with filing a false robbery report.")
    assert ("ACCUSE", ["BRA"], ["USA"]) in events_of(police), events_of(police)


def test_running_for_office_and_pressing_an_advantage_ask_no_one(extract) -> None:
    assert events_of(extract("President Obama isn't seeking re-election.")) == []
    assert events_of(extract("The Russians have been pressing their advantage in recent months.")) == []
    assert [e[0] for e in events_of(extract("Russia pressed Iran to accept the deal."))] == ["REQUEST"]
