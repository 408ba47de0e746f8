"""Quote errors seen on real news pages, each fixed as a class: AP's two-apostrophe closing
marks, quotations that run over other people's attributions, passive accusations, speaker
pronouns read as the person a quotation is about, and colons inside quotations."""

from __future__ import annotations

import pytest

from newsgraph.quotes.marks import find_quotes
from newsgraph.record import Article, Quote


def speaker_name(art: Article, q: Quote) -> str | None:
    if q.speaker is None or q.speaker.actor is None:
        return None
    a = art.actor(q.speaker.actor)
    return a.name if a else None


def quote_with(art: Article, words: str) -> Quote:
    found = [q for q in art.quotes if words in q.content.text]
    assert found, [q.content.text for q in art.quotes]
    return found[0]


# -- closing marks typed as two apostrophes ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a curly opening mark closed by two right single marks (AP copy)
        (
            "“The water is not safe to drink,’’ the county health officer said. “Boil it first.’’",
            ["“The water is not safe to drink,’’", "“Boil it first.’’"],
        ),
        # both marks typed as pairs of single marks
        (
            "‘‘We will appeal the ruling,’’ the union’s lawyer said on Friday.",
            ["‘‘We will appeal the ruling,’’"],
        ),
        # a pair of straight apostrophes closing a curly mark
        (
            "“Nobody told us the plant would close,'' said a worker who asked not to be named.",
            ["“Nobody told us the plant would close,''"],
        ),
    ],
)
def test_two_apostrophes_close_a_quotation(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == expected


def test_a_quotation_closed_by_two_apostrophes_does_not_run_into_the_next_paragraphs(extract) -> None:
    text = (
        "“The bridge has to be rebuilt before winter,’’ Mayor Ellen Park said on Monday.\n\n"
        "“We cannot wait for the state,’’ Park added.\n\n"
        "Council member David Ruiz disagreed. “The money is not there,’’ Ruiz said.\n\n"
        "The council will vote next month on the plan."
    )
    art = extract(text, published="2019-11-20")
    ruiz = quote_with(art, "The money is not there")
    assert speaker_name(art, ruiz) == "David Ruiz"
    assert "Park" not in ruiz.content.text
    park = quote_with(art, "The bridge has to be rebuilt")
    assert "Ruiz" not in park.content.text and speaker_name(art, park) == "Ellen Park"
    assert all(len(q.content.text) < 120 for q in art.quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the closing mark typed as a single apostrophe: the quotation ends before the attribution
        (
            '"The vote was rigged from the start,\' the opposition leader said. "We will not accept it."',
            ["\"The vote was rigged from the start,'", '"We will not accept it."'],
        ),
        # no closing mark at all: the quotation ends at the attribution, not at the paragraph's end
        (
            "“Our members are ready to strike, the union president told reporters. Talks resume today.",
            ["“Our members are ready to strike,"],
        ),
    ],
)
def test_a_quotation_never_spans_another_attribution(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == expected


def test_an_attribution_quoted_inside_a_quotation_stays_inside(extract) -> None:
    # the quoted person quotes someone else: the inner attribution is part of the words
    text = "“My father told me ‘never sell the farm,’ he said, and I never did,” the rancher recalled."
    assert [text[q.start : q.end] for q in find_quotes(text)] == [text[: text.index(" the rancher")]]


# -- passive accusations ------------------------------------------------------------------------


def test_the_accused_is_not_the_speaker(extract) -> None:
    text = (
        "The former mayor was accused by state prosecutors of taking bribes from two developers. "
        "The company is accused of hiding losses from its investors."
    )
    art = extract(text, published="2019-11-20")
    for q in art.quotes:
        assert q.speaker is None or q.speaker.text not in ("The former mayor", "The company"), q.speaker
    bribes = quote_with(art, "taking bribes")
    assert bribes.speaker is not None and bribes.speaker.text == "state prosecutors"


def test_said_to_have_is_nobodys_statement(extract) -> None:
    art = extract("The general is said to have ordered the retreat himself.", published="2019-11-20")
    assert all(q.speaker is None or q.speaker.text != "The general" for q in art.quotes)


def test_quoted_as_saying_keeps_its_subject(extract) -> None:
    art = extract("Minister Carla Reyes was quoted as saying that the budget was final.", published="2019-11-20")
    q = quote_with(art, "the budget was final")
    assert speaker_name(art, q) == "Carla Reyes"


# -- speaker pronouns ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the quotation names the person it is about; "she" is the one speaking
        (
            "Press secretary Laura Hill issued a statement after the hearing. “Ambassador Tom Baker "
            "confirmed under oath that he had seen no sign of a deal,” she said.",
            "confirmed under oath",
            "Laura Hill",
        ),
        (
            "Senator John Marsh praised the general on Sunday. “General Peter Wood is a brave man who "
            "served his country for thirty years,” he said.",
            "brave man",
            "John Marsh",
        ),
        (
            "Tom Harris defended his brother at the trial. “Sam Harris did nothing wrong and everyone "
            "in this town knows it,” he said.",
            "did nothing wrong",
            "Tom Harris",
        ),
    ],
)
def test_speaker_pronoun_is_not_the_person_the_quote_is_about(extract, text: str, words: str, speaker: str) -> None:
    art = extract(text, published="2019-11-20")
    assert speaker_name(art, quote_with(art, words)) == speaker


def test_speaker_pronoun_with_no_one_named_outside_the_quote_goes_to_the_last_speaker(extract) -> None:
    text = (
        "“The factory will reopen in spring,” said plant manager Maria Gomez.\n\n"
        "“Governor Frank Dale promised us the money in writing,” she said."
    )
    art = extract(text, published="2019-11-20")
    assert speaker_name(art, quote_with(art, "promised us the money")) == "Maria Gomez"


def test_a_speaker_that_cannot_be_told_stays_unknown(extract) -> None:
    # two women named outside the quotation, neither a subject: no guess
    text = "The award went to Anna Berg and Julia Moss. “Nobody expected Carl Lind to lose,” she said."
    art = extract(text, published="2019-11-20")
    q = quote_with(art, "Nobody expected")
    assert speaker_name(art, q) != "Carl Lind"


# -- colons inside quotations -------------------------------------------------------------------


def test_a_colon_inside_a_quotation_is_no_headline(extract) -> None:
    text = (
        "Residents mocked the new tourism slogan online. “Nebraska: honestly, it is not for everyone,” "
        "one resident wrote on Twitter."
    )
    art = extract(text, published="2019-11-20")
    q = quote_with(art, "honestly, it is not for everyone")
    assert q.speaker is not None and q.speaker.text == "one resident"
    assert all(not (q.speaker and "Nebraska" in q.speaker.text) for q in art.quotes)


# -- who speaks: object control, coordination, shares of someone's group ------------------------


def test_the_one_led_to_announce_is_the_speaker(extract) -> None:
    text = "Falling sales of the old model led the German carmaker to announce that it would close two plants."
    art = extract(text, published="2019-11-20")
    q = quote_with(art, "it would close two plants")
    assert q.speaker is not None and q.speaker.text == "the German carmaker"


def test_coordinated_speakers_link_to_the_first_named(extract) -> None:
    text = "Both Maria Lopez and Daniel Reyes told the committee that the contract had been rigged."
    art = extract(text, published="2019-11-20")
    assert speaker_name(art, quote_with(art, "the contract had been rigged")) == "Maria Lopez"


def test_some_of_someones_supporters_are_not_that_someone(extract) -> None:
    text = "Some of Senator Paul Grant's supporters claimed that the count had been rigged."
    art = extract(text, published="2019-11-20")
    assert speaker_name(art, quote_with(art, "the count had been rigged")) != "Paul Grant"


# -- deeds are no statements; a statement spread over paragraphs ------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The authorities continue to pour fuel on the fire.", "pour fuel"),
        ("Investigators found no evidence of a break-in at the depot.", "no evidence"),
        ("The mayor welcomed the decision to reopen the bridge.", "the decision"),
        ("The candidate has maintained a large polling lead for months.", "polling lead"),
        ("Police threatened to use live ammunition on the crowd.", "live ammunition"),
        ("The company declined to comment on the pricing.", "the pricing"),
        ("The clinic offered free flu shots to the detainees.", "flu shots"),
        ("Two patients sought treatment at a hospital in the capital.", "treatment"),
    ],
)
def test_a_deed_is_no_statement(extract, text: str, words: str) -> None:
    art = extract(text, published="2019-11-20")
    assert not [q for q in art.quotes if words in q.content.text]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The inspectors found that the cells were overcrowded and dirty.", "the cells were overcrowded"),
        ("The union threatened that its members would strike in March.", "its members would strike"),
    ],
)
def test_a_deed_verb_with_a_reported_clause_is_still_a_report(extract, text: str, words: str) -> None:
    art = extract(text, published="2019-11-20")
    assert quote_with(art, words).speaker is not None


def test_a_statement_over_several_paragraphs_is_one_quote_per_paragraph(extract) -> None:
    text = (
        "The club confirmed the appointment on Wednesday.\n"
        '"Anna Weber is one of the most successful coaches in the league," the club said in a statement.\n'
        '"She has won four titles in six seasons and knows our players well.\n'
        '"We are delighted that she has chosen to join us."\n'
        "Weber will take charge on Saturday."
    )
    art = extract(text, published="2019-11-20")
    statement = [q for q in art.quotes if q.speaker is not None and q.speaker.text == "the club"]
    assert len(statement) == 3
    assert all("\n" not in q.content.text for q in statement)


def test_passive_reports_are_quotes_with_no_speaker(extract) -> None:
    text = "Among those trapped inside the building were said to be several schoolchildren."
    art = extract(text, published="2019-11-20")
    q = quote_with(art, "several schoolchildren")
    assert q.speaker is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The committee concluded its third public hearing on Tuesday.", "hearing"),
        ("A court ruled the curfew illegal on Monday.", "illegal"),
        ("Which is not to say that the visit was routine.", "routine"),
    ],
)
def test_no_statement_reported(extract, text: str, words: str) -> None:
    art = extract(text, published="2019-11-20")
    assert not [q for q in art.quotes if words in q.content.text]


def test_declining_to_say_is_no_statement_of_what(extract) -> None:
    art = extract("The spokesman declined to say when the plant would reopen.", published="2019-11-20")
    assert not [q for q in art.quotes if q.cue is not None and q.cue.text == "say"]


def test_what_someone_cites_is_what_they_said(extract) -> None:
    art = extract("The governor cited the backlash as proof that the campaign was working.", published="2019-11-20")
    q = quote_with(art, "the backlash as proof")
    assert q.speaker is not None and q.speaker.text == "The governor"
