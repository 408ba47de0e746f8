"""Time expressions resolved against the publication date."""

from __future__ import annotations

import pytest


def values(extract, text: str, published: str | None) -> dict[str, str | None]:
    return {t.text: t.value for t in extract(text, published=published).timexes}


@pytest.mark.parametrize(
    ("text", "published", "expr", "value"),
    [
        (
            "Gallant stated on Tuesday afternoon that talks went well.",
            "2024-03-27",
            "Tuesday afternoon",
            "2024-03-26",
        ),
        (
            "The minister spoke on Monday evening after the vote.",
            "2024-03-27",
            "Monday evening",
            "2024-03-25",
        ),
        # weekday arithmetic across a year end and a leap day
        ("Rebels attacked the town on Friday, officials said.", "2024-01-01", "Friday", "2023-12-29"),
        ("The council voted on Wednesday to extend the mission.", "2024-03-01", "Wednesday", "2024-02-28"),
        ("The envoy will meet the rebels on Friday in Doha.", "2024-03-27", "Friday", "2024-03-29"),
        ("Officials said talks would resume next Monday.", "2024-03-27", "next Monday", "2024-04-01"),
        ("The ministry said yesterday that it had no comment.", "2024-03-01", "yesterday", "2024-02-29"),
        ("Prices rose sharply last month, the bank said.", "2024-01-15", "last month", "2023-12"),
        ("The pact was signed on March 3, 2019 in Vienna.", "2024-03-27", "March 3, 2019", "2019-03-03"),
        # a day with no year: the last one for a past clause, the next one for a future clause
        ("Elections were held on 12 May in the capital.", "2024-03-27", "12 May", "2023-05-12"),
        ("Elections will be held on 12 May in the capital.", "2024-03-27", "12 May", "2024-05-12"),
        ("The court heard the appeal on March 21, lawyers said.", "2019-11-20", "March 21", "2019-03-21"),
        ("The ceasefire began on 2024-02-10 at noon.", None, "2024-02-10", "2024-02-10"),
        ("The army withdrew two days ago, residents said.", "2024-03-27", "two days ago", "2024-03-25"),
        ("The leaders met earlier this month in Cairo.", "2024-03-27", "earlier this month", "2024-03"),
        ("Protests began last week in the north.", "2024-03-27", "last week", "2024-W12"),
    ],
)
def test_expressions_resolve(extract, text: str, published: str | None, expr: str, value: str) -> None:
    assert values(extract, text, published)[expr] == value


def test_the_same_day_is_anchored_to_the_date_before(extract) -> None:
    got = values(
        extract,
        "Troops entered the city on March 4, 2024. Aid arrived the same day, and the next day talks began.",
        "2024-03-10",
    )
    assert got["the same day"] == "2024-03-04" and got["the next day"] == "2024-03-05"


def test_the_same_day_that_is_left_unresolved(extract) -> None:
    got = values(extract, "He spoke on Monday. His visit began on the same day that the vote took place.", "2024-03-27")
    assert got["the same day"] is None


def test_relative_dates_need_a_publication_date(extract) -> None:
    got = values(extract, "The minister resigned on Tuesday, a week after the vote on March 3, 2024.", None)
    assert got["Tuesday"] is None and got["March 3, 2024"] == "2024-03-03"


def test_may_the_verb_is_not_a_month(extract) -> None:
    assert values(extract, "Officials may 3 times revise the plan.", "2024-03-27") == {}


def test_date_of_prefers_the_clause_then_the_sentence(extract, nlp) -> None:
    from newsgraph.dates import date_of

    doc = nlp.make_doc("Kirby said on Monday that they will meet. Nothing else happened.")
    doc._.published = "2024-03-27"
    doc = nlp(doc)
    assert date_of(doc, 0, 26) == ("2024-03-25", "clause")
    assert date_of(doc, 27, 41, (0, 41)) == ("2024-03-25", "sentence")
    assert date_of(doc, 43, 66, (43, 66)) == ("2024-03-27", "published")


def test_matching_ignores_case_and_keeps_offsets_after_characters_that_grow_when_lowered() -> None:
    from newsgraph.dates.resolve import find_timexes

    text = "İstanbul: ON MARCH 5, 2024 the council met; it met again Tuesday."
    found = [(text[m.start : m.end], m.kind) for m in find_timexes(text)]
    assert found == [("MARCH 5, 2024", "month_day_year"), ("Tuesday", "weekday")]


# -- classes seen on real news pages ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expr", "value"),
    [
        # the publication day's own weekday is that day, past or future, not a week away
        ("The defence secretary on Wednesday accused the senator of lying.", "2019-11-20", "Wednesday", "2019-11-20"),
        ("The firm is set to announce the price later on Wednesday.", "2019-11-20", "Wednesday", "2019-11-20"),
        ("Lawmakers voted on Tuesday to end the strike.", "2019-11-19", "Tuesday", "2019-11-19"),
        # "last"/"next" still move a week
        ("The board met last Wednesday.", "2019-11-20", "last Wednesday", "2019-11-13"),
        ("The board meets next Wednesday.", "2019-11-20", "next Wednesday", "2019-11-27"),
    ],
)
def test_weekday_of_the_publication_day(extract, text: str, published: str, expr: str, value: str) -> None:
    assert values(extract, text, published)[expr] == value


@pytest.mark.parametrize(
    ("text", "published", "expr", "value"),
    [
        ("Prices fell in June, the bank said.", "2019-11-20", "June", "2019-06"),
        ("The strike began in early January and lasted a month.", "2019-11-20", "early January", "2019-01"),
        ("Exports rose in October from a year earlier.", "2019-11-20", "October", "2019-10"),
        ("The company unveiled the lander in May.", "2019-11-20", "May", "2019-05"),
        # a future clause: the next such month
        ("The talks will resume in March, officials said.", "2019-11-20", "March", "2020-03"),
        ("The tariffs are due to start in mid-December.", "2019-11-20", "mid-December", "2019-12"),
        # "last" and "next" pick the month before or after the current one
        ("Sales slumped last December.", "2019-11-20", "last December", "2018-12"),
        # the year the sentence gives
        ("In 2016 the plant closed in August after a fire.", "2019-11-20", "August", "2016-08"),
        # present tense and no clue: the nearest
        ("The new rules take effect in January.", "2019-11-20", "January", "2020-01"),
    ],
)
def test_a_month_named_alone_is_a_date(extract, text: str, published: str, expr: str, value: str) -> None:
    assert values(extract, text, published)[expr] == value


@pytest.mark.parametrize(
    "text",
    [
        "Protesters plan to march on the capital.",  # the verb
        "Pressure on May grew after the vote failed.",  # the prime minister
        "Critics of May's deal met in London.",
        "Support grew for June Carter's bid.",  # a first name
    ],
)
def test_month_words_that_are_no_dates(extract, text: str) -> None:
    assert values(extract, text, "2019-11-20") == {}


def test_the_next_year_is_counted_from_the_year_the_story_is_in(extract) -> None:
    got = values(
        extract,
        "The treaty was signed in 2014. The next year, both sides walked away from it, and by the "
        "following month the border was closed.",
        "2019-11-20",
    )
    assert got["2014"] == "2014" and got["The next year"] == "2015"
    assert got["the following month"] is None  # a year is no month to count from


def test_that_year_and_the_year_before(extract) -> None:
    text = "Sales peaked in 2008. That year the firm hired 900 people; the year before, 300."
    got = values(extract, text, "2019-11-20")
    assert got["That year"] == "2008" and got["the year before"] == "2007"


def test_the_next_year_with_nothing_before_counts_from_publication(extract) -> None:
    assert values(extract, "The plant will close the next year.", "2019-11-20")["the next year"] == "2020"


def test_later_and_earlier_count_from_the_time_named_before(extract) -> None:
    got = values(
        extract,
        "The contract was signed in March 2018. Two months later, the supplier went bankrupt.",
        "2019-11-20",
    )
    assert got["Two months later"] == "2018-05"
    got = values(extract, "The pair reached the hospital nine days before the announcement.", "2019-11-20")
    assert got["nine days before"] is None  # counted from an event the text names, not from a date


def test_a_past_day_without_a_year_stays_in_the_past(extract) -> None:
    got = values(extract, "The ministry said the attack took place on the night of March 21.", "2019-11-20")
    assert got["March 21"] == "2019-03-21"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The 2016 campaign was the most expensive on record.", "2016", "2016"),
        ("The firm reported fiscal 2019 results on Monday.", "2019", "2019"),
        ("He flew helicopters in the war (1982) with distinction.", "1982", "1982"),
    ],
)
def test_a_year_standing_alone(extract, text: str, expr: str, value: str) -> None:
    assert values(extract, text, "2019-11-20")[expr] == value


@pytest.mark.parametrize(
    "text",
    [
        "The army sent 2000 troops to the border.",  # a count
        "Flight 1549 landed on the river.",  # a code
        "Turnout rose to 2019 percent of the target.",
        "The 2019-20 season starts in August.",  # a season is no single year
    ],
)
def test_numbers_that_are_no_years(extract, text: str) -> None:
    assert not {k for k in values(extract, text, "2019-11-20") if k[:2] in ("19", "20")}


def test_a_month_with_this_year_is_one_expression(extract) -> None:
    got = values(extract, "In May this year, travellers were stranded at the border.", "2019-11-20")
    assert got == {"May this year": "2019-05"}


def test_a_year_ago_keeps_the_month_the_sentence_names(extract) -> None:
    got = values(extract, "Dealers sold 30,000 cars in October, down 10 percent from a year ago.", "2019-11-20")
    assert got["October"] == "2019-10" and got["a year ago"] == "2018-10"


def test_a_year_named_in_another_clause_does_not_date_a_month(extract) -> None:
    got = values(extract, "The senator, who first won in 2012, said in June that she would retire.", "2019-11-20")
    assert got["June"] == "2019-06"


def test_today_in_someones_words_is_not_the_publication_day(extract) -> None:
    got = values(extract, "“Today’s hearing changed nothing,” the spokeswoman said. Talks resume today.", "2019-11-20")
    assert got["Today"] is None and got["today"] == "2019-11-20"
