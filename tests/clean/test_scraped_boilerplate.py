"""Cleaning marks body spans and metadata; the text is never rewritten."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean_text


def body_text(text: str) -> str:
    r = clean_text(text)
    return "\n".join(text[b.start : b.end] for b in r.body)


def test_sample_header_title_and_footer(gallant_text: str) -> None:
    r = clean_text(gallant_text)
    assert r.published == "2024-03-27"
    assert r.title == (
        "'Only a decisive victory will bring to an end of this war,' Israeli DM Gallant tells top "
        "US officials amid escalating rift"
    )
    body = body_text(gallant_text)
    assert "No comments:" not in body and "Wednesday, March 27, 2024" not in body
    assert "Only a decisive victory will bring to an end of this war,' Israeli DM" not in body
    assert body.startswith("As relations between the United States and Israel")
    assert body.rstrip().endswith("connected to the war in Gaza.")


@pytest.mark.parametrize(
    "line",
    [
        "Posted by Daily Brief at 9:14 AM",
        "Labels: Israel, United States, Gaza",
        "Email ThisBlogThis!Share to TwitterShare to Facebook",
        "Copyright 2024 The Associated Press. All rights reserved.",
        "Share on Facebook",
    ],
)
def test_boilerplate_lines_are_left_out_of_the_body(line: str) -> None:
    text = (
        "Officials in Brussels said on Monday that the summit would go ahead.\n\n"
        "The talks are expected to focus on energy prices and support for Ukraine.\n\n"
        f"{line}\n\nDiplomats said a joint statement was being drafted."
    )
    body = body_text(text)
    assert line not in body
    assert "summit would go ahead" in body and "joint statement" in body


def test_byline_becomes_metadata() -> None:
    text = (
        "Storm damage closes coastal roads\n\nBy Maria Lopez\n\nHeavy rain closed three coastal roads on "
        "Sunday, the transport agency said, and more storms are forecast for the week."
    )
    r = clean_text(text)
    assert r.meta["author"] == "Maria Lopez"
    assert "By Maria Lopez" not in body_text(text)


def test_an_ordinary_article_keeps_all_its_text() -> None:
    text = (
        "Ministers agree on budget\n\nFinance ministers agreed on Tuesday to a new budget framework.\n\n"
        '"This is a good day," the chair said.'
    )
    r = clean_text(text)
    assert r.title == "Ministers agree on budget"
    assert body_text(text).replace("\n", "") == text.replace("\n", "")


def test_blank_text_has_no_body() -> None:
    assert clean_text("  \n\n ").body == []


def test_a_footer_ends_the_article() -> None:
    text = (
        "Officials in Brussels said on Monday that the summit would go ahead.\n\n"
        "Diplomats said a joint statement was being drafted.\n\nNo comments:\n\nPost a Comment\n\n"
        "Newer Post Older Post Home\n\nSubscribe to: Post Comments (Atom)"
    )
    body = body_text(text)
    assert body.endswith("being drafted.") and "Comment" not in body
