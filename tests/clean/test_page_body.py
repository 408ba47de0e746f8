"""A web page's body: its extracted text without the headline at the top and page furniture."""

from __future__ import annotations

import pytest

from newsgraph.clean import page_body
from newsgraph.ingest.readers import html_document
from newsgraph.record import Offsets

LEAD = (
    "Officials in the coastal province said on Monday that the new sea wall would be finished "
    "before the storm season, two years ahead of the plan."
)
SECOND = "The wall, paid for by a national fund, runs for nine kilometres along the harbour."


def body_lines(text: str, title: str | None = None) -> list[str]:
    spans = page_body(text, title)
    return [line for b in spans for line in text[b.start : b.end].split("\n") if line.strip()]


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        ("Province finishes sea wall two years early", "Province finishes sea wall two years early"),
        # the page title carries the site's name
        ("Province finishes sea wall two years early", "Province finishes sea wall two years early - Coast News"),
        # a subheadline that is not the title: short, no final punctuation, before a longer paragraph
        ("Sea wall built ahead of the storm season", "Province finishes sea wall two years early"),
    ],
)
def test_the_headline_at_the_top_is_not_body(headline: str, title: str) -> None:
    text = f"{headline}\n{LEAD}\n{SECOND}"
    assert body_lines(text, title) == [LEAD, SECOND]


def test_the_title_repeated_after_the_lead_is_not_body() -> None:
    title = "Province finishes sea wall two years early"
    assert body_lines(f"{LEAD}\n{title}\n{SECOND}", title) == [LEAD, SECOND]


def test_a_lead_sentence_is_never_a_headline() -> None:
    short_lead = "The sea wall is finished."
    assert body_lines(f"{short_lead}\n{LEAD}\n{SECOND}", "Province finishes sea wall") == [short_lead, LEAD, SECOND]


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Ana Silva; additional reporting by Tom Reed; Editing by Mark Hall",
        "Contributing: Lee Wong, Coast Daily",
        "Writing by Paul Klein; editing by Jane Frost",
        "Associated Press writer Maria Lopez in Lima contributed to this report.",
        "Follow our coverage of the storm season here.",
        "Follow Coast News on Instagram, Facebook and Twitter.",
        "Listen to the Coast Hour live at 9:00 weekdays - or listen back here.",
        "Reach the reporter on Twitter at http://twitter.com/coastreporter",
        "ana.silva@coastnews.example",
        "twitter.com/coastreporter",
        "Read more: Storm season forecast to be the worst in a decade",
        "SEE MORE: Harbour closed as waves hit the coast",
        "DON'T MISS",
        "Fishermen count the cost of the storm [VIDEO]",
        "We want to hear from readers about this story. Send your letters to letters@coastnews.example.",
    ],
)
def test_credit_and_furniture_lines_are_not_body(line: str) -> None:
    assert body_lines(f"{LEAD}\n{line}\n{SECOND}") == [LEAD, SECOND]


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the local newspaper showed that the fund had been used twice.",
        "Contributing to the delay, the steel arrived late from the mill.",
        "The governor said she would follow the debate on Twitter and answer questions.",
    ],
)
def test_sentences_that_start_like_furniture_stay(line: str) -> None:
    assert body_lines(f"{LEAD}\n{line}\n{SECOND}") == [LEAD, line, SECOND]


def test_body_spans_point_into_the_text_unchanged() -> None:
    text = f"Province finishes sea wall two years early\n{LEAD}\nReporting by Ana Silva\n{SECOND}"
    spans = page_body(text, "Province finishes sea wall two years early")
    assert spans == [Offsets(text.index(LEAD), text.index(LEAD) + len(LEAD)), Offsets(text.index(SECOND), len(text))]


PAGE = """<!doctype html><html><head><title>Governor defends flood plan - Valley Post</title>
<meta property="og:title" content="Governor defends flood plan">
<meta property="article:published_time" content="2019-11-19T10:00:00Z"></head>
<body><article><h1>Governor defends flood plan</h1>
<p>Valley Gov. <span class="rollover-people"><a href="/people/ann-ross">Ann Ross</a><span
class="rollover-people-block"><img src="/img/ross.jpg" alt=""><a class="name" href="/people/ann-ross">Ann
Marie Ross</a><a href="/news/1">Governor signs water bill</a> <a href="/news/2">Ross names new
adviser</a> <a class="more" href="/people/ann-ross">MORE</a></span></span> (D) is defending the
state's flood plan after a week of criticism from farmers and county officials across the valley.</p>
<p>The plan would move levees back from the river in four counties and pay owners for the land they
lose, at a cost the state puts at two hundred million dollars over ten years.</p>
<p>Farmers say the payments are too low and the timetable too short for them to find new fields.</p>
<p>Reporting by Sam Ortiz; Editing by Kay Lund</p>
</article></body></html>"""


def test_html_page_body_leaves_out_hover_cards_and_credit_lines() -> None:
    doc = html_document(PAGE, "valley.html")
    assert not hasattr(doc, "message"), doc
    body = " ".join(doc.text[b.start : b.end] for b in doc.body)  # type: ignore[union-attr]
    assert "Valley Gov. Ann Ross (D) is defending" in body
    assert "Ann Marie Ross" not in doc.text and "Governor signs water bill" not in doc.text  # type: ignore[union-attr]
    assert "Reporting by" not in body and "Reporting by Sam Ortiz" in doc.text  # type: ignore[union-attr]
    assert "Farmers say the payments are too low" in body
