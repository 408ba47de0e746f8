"""Annotations of real pages: drafts resolved to offsets, re-attached after the text changes, scored."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.evaluation.annotate import resolve
from newsgraph.evaluation.real import agreement, attach, compare, from_record

TEXT = (
    "The mayor of Springfield, Ann Lee, met union leaders on Tuesday.\n"
    "\u201cWe will not close the plant,\u201d she told reporters after the talks.\n"
    "Police arrested two protesters outside city hall, a spokesman said.\n"
)

DRAFT: dict[str, Any] = {
    "page": "p1",
    "actors": [
        {
            "id": "A1",
            "name": "Ann Lee",
            "kind": "person",
            "country": "USA",
            "sector": "GOV",
            "mentions": [
                {"text": "The mayor of Springfield", "at": 0},
                {"text": "Ann Lee", "at": 0},
                {"text": "she", "at": 65},
            ],
        },
        {"id": "A2", "name": "union leaders", "kind": "group", "mentions": [{"text": "union leaders", "at": 0}]},
        {
            "id": "A3",
            "name": "Police",
            "kind": "organization",
            "sector": "COP",
            "mentions": [{"text": "Police", "at": 0}],
        },
        {"id": "A4", "name": "protesters", "kind": "group", "mentions": [{"text": "two protesters", "at": 0}]},
        {"id": "A5", "name": "spokesman", "kind": "person", "mentions": [{"text": "a spokesman", "at": 0}]},
    ],
    "places": [{"text": "Springfield", "at": 0}],
    "quotes": [
        {
            "kind": "direct",
            "speaker": "A1",
            "speaker_mention": {"text": "she", "at": 65},
            "cue": {"text": "told", "at": 65},
            "content": {"text": "We will not close the plant,", "at": 0},
        }
    ],
    "events": [
        {"type": "CONSULT", "source": ["A1", "A2"], "target": [], "trigger": {"text": "met", "at": 0}},
        {"type": "COERCE", "source": ["A3"], "target": ["A4"], "trigger": {"text": "arrested", "at": 0}},
    ],
    "timexes": [{"text": "Tuesday", "at": 0, "value": "2024-03-26"}],
}


def resolved() -> dict[str, Any]:
    ann, problems = resolve(DRAFT, TEXT, "2024-03-27")
    assert problems == []
    return ann


def test_annotate_resolve_finds_whole_words_and_keeps_no_text() -> None:
    ann = resolved()
    she = ann["actors"][0]["mentions"][2]
    assert TEXT[she["start"] : she["end"]] == "she"
    # only offsets and checksums of the page's text are kept (and the annotator's own names)
    assert "close the plant" not in repr(ann) and "arrested" not in repr(ann)
    assert ann["actors"][0]["name"] == "Ann Lee"


def test_annotate_resolve_reports_bad_spans_types_and_ids() -> None:
    bad = {
        "actors": [{"id": "A1", "kind": "person", "mentions": [{"text": "Bob", "at": 0}]}],
        "events": [{"type": "MEET", "source": ["A9"], "trigger": {"text": "met", "at": 0}}],
    }
    _, problems = resolve(bad, TEXT)
    assert any("'Bob' not found" in p for p in problems)
    assert any("not a PLOVER type" in p for p in problems)
    assert any("unknown actor id 'A9'" in p for p in problems)


def test_real_attach_follows_paragraphs_when_extraction_changes() -> None:
    ann = resolved()
    new_text = "A lead paragraph the first extraction lost.\n" + TEXT.replace("Police arrested", "Officers arrested")
    gold, covered, lost = attach(ann, new_text)
    ev = gold["events"][0]["trigger"]
    assert new_text[ev["start"] : ev["end"]] == "met"
    # the changed third paragraph is not covered and its spans are not moved
    assert [e["type"] for e in gold["events"]] == ["CONSULT"]
    assert lost >= 1
    assert all(not (s <= new_text.index("A lead") < e) for s, e in covered)


def test_real_agreement_of_an_annotation_with_itself_is_perfect() -> None:
    ann = resolved()
    fig = agreement([(ann, ann)])
    assert fig["quotes"]["f1"] == fig["events"]["f1"] == 1.0
    assert fig["actors"]["error_rate"] == 0.0


def _record(**changes: Any) -> dict[str, Any]:
    def sp(t: str, after: int = 0) -> dict[str, Any]:
        i = TEXT.index(t, after)
        return {"start": i, "end": i + len(t), "text": t}

    rec: dict[str, Any] = {
        "id": "p1",
        "actors": [
            {
                "id": "a1",
                "name": "Ann Lee",
                "kind": "person",
                "country": "USA",
                "sector": "GOV",
                "mentions": [sp("Ann Lee"), sp("she")],
            },
            {"id": "a2", "name": "Springfield", "kind": "country", "country": "USA", "mentions": [sp("Springfield")]},
            {
                "id": "a3",
                "name": "Police",
                "kind": "organization",
                "country": None,
                "sector": "COP",
                "mentions": [sp("Police")],
            },
            {"id": "a4", "name": "protesters", "kind": "group", "mentions": [sp("two protesters")]},
        ],
        "quotes": [
            {
                "kind": "direct",
                "speaker": {"actor": "a1", **sp("she")},
                "cue": sp("told"),
                "content": sp("\u201cWe will not close the plant,\u201d"),
            },
        ],
        "events": [
            {"type": "CONSULT", "source": ["a1"], "target": [], "trigger": sp("met")},
            {"type": "ASSAULT", "source": ["a3"], "target": ["a4"], "trigger": sp("arrested")},
        ],
        "timexes": [{**sp("Tuesday"), "value": "2024-03-19"}],
    }
    rec.update(changes)
    return rec


def test_real_compare_counts_what_a_reader_would() -> None:
    ann = resolved()
    res = compare(ann, from_record(_record()), TEXT)
    c = res["counts"]
    assert c["quotes_right"] == 1 and c["speaker_right"] == 1  # marks included or not, the same quote
    assert c["events_type_right"] == 1  # the arrest read as an assault is no match
    assert c["events_right"] == 1  # talks: a source in common, no target on either side
    assert c["actors_reported"] == 3  # Springfield is an annotated place: neither actor nor error
    assert c["dates_resolved"] == 1 and c["dates_right"] == 0
    kinds = {e["error"] for e in res["errors"]}
    assert "ASSAULT not an event here" in kinds and "COERCE missed" in kinds


@pytest.mark.parametrize(
    ("speaker", "right"),
    [("a1", 1), (None, 1), ("a3", 0)],  # None: the span "she" still names the speaker
)
def test_real_speaker_is_right_by_actor_or_by_the_span_naming_it(speaker: str | None, right: int) -> None:
    rec = _record()
    rec["quotes"][0]["speaker"]["actor"] = speaker
    assert compare(resolved(), from_record(rec), TEXT)["counts"]["speaker_right"] == right
