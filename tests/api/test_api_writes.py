"""Extraction, the token rule for writes, actor merge and split, and corrections: stored apart from
extracted data, shown in the record, kept across re-ingest, exported as labelled examples the
evaluation code reads."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from newsgraph.corpus.corrections import export_corrections
from newsgraph.evaluation.actors import coverage
from newsgraph.evaluation.attributions import quote_attribution, read_polnear
from newsgraph.evaluation.events import article_events, read_gold, score
from newsgraph.ingest import InputDocument
from newsgraph.record import Article, Source
from newsgraph.store import Store

from ..conftest import EXAMPLES
from .conftest import TOKEN, WRITER, client_for, error_of

STORY = (
    "Israeli Defense Minister Yoav Gallant met U.S. Defense Secretary Lloyd Austin in Washington on Tuesday. "
    '"We will not stop until the hostages are home," Gallant told reporters after the meeting.'
)


def test_extract_returns_records_and_stores_nothing(client, store: Store) -> None:
    before = store.stats()["articles"]
    r = client.post(
        "/extract?published=2024-03-26&title=Gallant", content=STORY, headers={"content-type": "text/plain"}
    )
    assert r.status_code == 200, r.text
    [rec] = r.json()["items"]
    assert rec["schema"] == "newsgraph.article/1" and rec["title"] == "Gallant" and rec["published"] == "2024-03-26"
    assert {"Yoav Gallant", "Lloyd Austin"} <= {a["name"] for a in rec["actors"]}
    for q in rec["quotes"]:
        assert STORY[q["content"]["start"] : q["content"]["end"]] == q["content"]["text"]
    as_json = client.post("/extract", json=[{"id": "one", "text": STORY}, {"id": "two", "text": STORY.upper()}])
    assert [x["id"] for x in as_json.json()["items"]] == ["one", "two"]
    html = (EXAMPLES / "ministers-meet.html").read_text(encoding="utf-8")
    page = client.post("/extract", content=html, headers={"content-type": "text/html"}).json()["items"][0]
    assert "Jordan" in page["text"] and page["actors"]
    assert store.stats()["articles"] == before


def test_writes_without_a_token_on_the_server_are_403(store: Store, sample_id: str) -> None:
    with client_for(store, token="") as c:
        for method, url, body in (
            ("POST", "/ingest", {"text": STORY}),
            ("POST", "/actors/1/merge", {"other": 2}),
            ("POST", "/actors/1/split", {"name": "x"}),
            ("POST", "/corrections", {"article_id": sample_id, "kind": "event", "item": "e1", "field": "wrong"}),
            ("DELETE", "/corrections/1", None),
        ):
            r = c.request(method, url, json=body, headers=WRITER)
            assert error_of(r)[:2] == (403, "E604"), url
        assert c.get("/health").json()["writable"] is False
    assert store.stats()["articles"] >= 7


def test_writes_need_the_token(client, store: Store, sample_id: str) -> None:
    before = store.stats()
    body = {"article_id": sample_id, "kind": "event", "item": "e1", "field": "wrong"}
    for headers in (
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": TOKEN},
        {"Authorization": f"Basic {TOKEN}"},
    ):
        assert error_of(client.post("/ingest", json={"text": STORY}, headers=headers))[:2] == (403, "E603")
        assert error_of(client.post("/corrections", json=body, headers=headers))[:2] == (403, "E603")
        assert error_of(client.post("/actors/1/merge", json={"other": 2}, headers=headers))[:2] == (403, "E603")
        assert error_of(client.delete("/corrections/1", headers=headers))[:2] == (403, "E603")
    assert store.stats() == before


def test_ingest_stores_and_a_second_time_replaces(client, store: Store) -> None:
    first = client.post("/ingest", json={"id": "api-1", "text": STORY, "published": "2024-03-26"}, headers=WRITER)
    assert first.status_code == 200, first.text
    assert first.json()["written"] == ["api-1"] and first.json()["by"] == "tester"
    again = client.post("/ingest", json={"id": "api-1", "text": STORY, "published": "2024-03-26"}, headers=WRITER)
    assert again.json()["replaced"] == ["api-1"]
    rec = client.get("/articles/api-1").json()
    assert rec["text"] == STORY and rec["published"] == "2024-03-26"
    assert "api-1" in {q["article_id"] for q in client.get("/quotes?speaker=Gallant&limit=500").json()["items"]}


def test_merge_and_split_actors(client) -> None:
    japan = client.get("/actors?name=Japan").json()["items"][0]
    australia = client.get("/actors?name=Australia").json()["items"][0]
    merged = client.post(f"/actors/{japan['id']}/merge", json={"other": australia["id"]}, headers=WRITER)
    assert merged.status_code == 200 and merged.json()["moved"] >= 1
    assert error_of(client.get(f"/actors/{australia['id']}"))[:2] == (404, "E400")
    names = {lk["name"] for lk in client.get(f"/actors/{japan['id']}").json()["links"]}
    assert {"Japan", "Australia"} <= names
    split = client.post(f"/actors/{japan['id']}/split", json={"name": "Australia"}, headers=WRITER).json()
    assert {lk["name"] for lk in client.get(f"/actors/{split['new_entry']}").json()["links"]} == {"Australia"}
    status, code, message = error_of(
        client.post(f"/actors/{japan['id']}/split", json={"name": "Nobody"}, headers=WRITER)
    )
    assert (status, code) == (422, "E600") and "Japan" in message
    assert error_of(client.post(f"/actors/{japan['id']}/merge", json={"other": japan["id"]}, headers=WRITER))[0] == 422
    assert error_of(client.post(f"/actors/{japan['id']}/merge", json={"other": 999999}, headers=WRITER))[:2] == (
        404,
        "E400",
    )


def _correct(client, **body):
    return client.post("/corrections", json=body, headers=WRITER)


def test_corrections_show_in_the_record_and_apply_on_request(client, store: Store, sample_id: str) -> None:
    art = store.get(sample_id)
    event = art.events[0]
    other_type = next(t for t in ("AGREE", "ACCUSE") if t != event.type)
    quote = next(q for q in art.quotes if q.speaker and q.speaker.actor)
    new_speaker = next(a for a in art.actors if a.id != quote.speaker.actor and a.mentions and a.kind == "person")
    actor = next(a for a in art.actors if a.country)
    made = [
        _correct(client, article_id=sample_id, kind="event", item=event.id, field="type", value=other_type.lower()),
        _correct(client, article_id=sample_id, kind="quote", item=quote.id, field="speaker", value=new_speaker.id),
        _correct(client, article_id=sample_id, kind="actor", item=actor.id, field="country", value="fra", note="why"),
        _correct(client, article_id=sample_id, kind="quote", item=art.quotes[-1].id, field="wrong"),
    ]
    assert [r.status_code for r in made] == [201] * 4, [r.text for r in made]
    rec = client.get(f"/articles/{sample_id}").json()
    assert rec["events"][0]["type"] == event.type  # the extracted record is unchanged
    got = {(c["item"]["kind"], c["item"]["id"], c["field"]): c for c in rec["corrections"]}
    assert got[("event", event.id, "type")]["value"] == other_type
    assert got[("event", event.id, "type")]["original"]["type"] == event.type
    assert got[("quote", quote.id, "speaker")]["value"]["name"] == new_speaker.name
    assert (
        got[("actor", actor.id, "country")]["note"] == "why" and got[("actor", actor.id, "country")]["user"] == "tester"
    )
    fixed = Article.from_dict(client.get(f"/articles/{sample_id}?corrected=true").json())
    assert next(e for e in fixed.events if e.id == event.id).type == other_type
    assert next(q for q in fixed.quotes if q.id == quote.id).speaker.actor == new_speaker.id
    assert fixed.actor(actor.id).country == "FRA"
    assert art.quotes[-1].id not in {q.id for q in fixed.quotes}
    listed = client.get(f"/corrections?article_id={sample_id}").json()["items"]
    assert len(listed) == 4 and all(c["user"] == "tester" for c in listed)
    withdrawn = client.delete(f"/corrections/{listed[0]['id']}", headers=WRITER)
    assert withdrawn.status_code == 200
    assert len(client.get(f"/articles/{sample_id}").json()["corrections"]) == 3
    assert error_of(client.delete(f"/corrections/{listed[0]['id']}", headers=WRITER))[:2] == (404, "E413")


INVALID_CORRECTIONS = [
    ({"kind": "event", "item": "e999"}, 404, "E410", "e1"),
    ({"kind": "event", "field": "speaker"}, 422, "E411", "wrong, type"),
    ({"kind": "event", "field": "type", "value": "BOMBING"}, 422, "E412", "ASSAULT"),
    ({"kind": "quote", "item": "q1", "field": "kind", "value": "shouted"}, 422, "E412", "direct, indirect, mixed"),
    ({"kind": "quote", "item": "q1", "field": "speaker", "value": "a999"}, 422, "E412", "Actors of the article"),
    ({"kind": "quote", "item": "q1", "field": "speaker", "value": {"start": -4, "end": 2}}, 422, "E412", "inside"),
    ({"kind": "actor", "item": "a1", "field": "country", "value": "ZZZ"}, 422, "E412", "alpha-3"),
    ({"kind": "actor", "item": "a1", "field": "sector", "value": "XYZ"}, 422, "E412", "GOV"),
    ({"kind": "sentence"}, 422, "E600", "quote, event, actor"),
    ({"article_id": "no-such-article"}, 404, "E302", "no-such-article"),
]


def test_invalid_corrections_say_what_is_valid(client, sample_id: str) -> None:
    for change, status, code, shown in INVALID_CORRECTIONS:
        body = {"article_id": sample_id, "kind": "event", "item": "e1", "field": "wrong", **change}
        got_status, got_code, message = error_of(_correct(client, **body))
        assert (got_status, got_code) == (status, code) and shown in message, (change, message)
    assert client.get(f"/corrections?article_id={sample_id}").json()["items"] == []


def test_corrections_survive_reingest_and_follow_their_evidence_when_ids_change(
    client, store: Store, sample_id: str
) -> None:
    art = store.get(sample_id)
    quote, event = art.quotes[2], art.events[1]
    assert (
        _correct(client, article_id=sample_id, kind="quote", item=quote.id, field="kind", value="mixed").status_code
        == 201
    )
    assert _correct(client, article_id=sample_id, kind="event", item=event.id, field="wrong").status_code == 201
    store.write([art])  # re-ingest: the extracted rows are replaced
    rec = client.get(f"/articles/{sample_id}").json()
    assert {(c["item"]["kind"], c["item"]["id"]) for c in rec["corrections"]} == {
        ("quote", quote.id),
        ("event", event.id),
    }
    # a later pipeline numbers the items differently: the corrections follow the evidence offsets
    renumbered = Article.from_dict(art.to_dict())
    for n, q in enumerate(reversed(renumbered.quotes), 1):
        q.id = f"q{100 + n}"
    for n, e in enumerate(renumbered.events, 1):
        e.id = f"e{200 + n}"
    store.write([renumbered])
    rec = client.get(f"/articles/{sample_id}").json()
    attached = {c["item"]["kind"]: c["item"]["id"] for c in rec["corrections"]}
    new_quote = next(q for q in renumbered.quotes if q.content.start == quote.content.start)
    new_event = next(e for e in renumbered.events if e.trigger.start == event.trigger.start)
    assert attached == {"quote": new_quote.id, "event": new_event.id}
    fixed = client.get(f"/articles/{sample_id}?corrected=true").json()
    assert next(q for q in fixed["quotes"] if q["id"] == new_quote.id)["kind"] == "mixed"
    assert new_event.id not in {e["id"] for e in fixed["events"]}
    # an item the new extraction no longer has keeps its correction, unattached
    fewer = Article.from_dict(renumbered.to_dict())
    fewer.quotes = [q for q in fewer.quotes if q.id != new_quote.id]
    store.write([fewer])
    rec = client.get(f"/articles/{sample_id}").json()
    assert {c["item"]["kind"]: c["item"]["id"] for c in rec["corrections"]}["quote"] is None


def test_corrections_export_as_examples_the_evaluation_code_reads(
    client, store: Store, sample_id: str, pipeline, tmp_path: Path
) -> None:
    art = store.get(sample_id)
    event = next(e for e in art.events if e.source)
    quote = next(q for q in art.quotes if q.speaker and q.speaker.actor)
    speaker = next(a for a in art.actors if a.id != quote.speaker.actor and a.kind == "person" and a.mentions)
    actor = next(a for a in art.actors if a.kind == "country")
    _correct(client, article_id=sample_id, kind="event", item=event.id, field="type", value="ACCUSE")
    _correct(client, article_id=sample_id, kind="quote", item=quote.id, field="speaker", value=speaker.id)
    _correct(client, article_id=sample_id, kind="actor", item=actor.id, field="sector", value="GOV")
    files = export_corrections(store, tmp_path / "out")
    assert [f.name for f in files] == ["corrections.jsonl", "events.jsonl", "actors.jsonl", "quotes"]
    every = [json.loads(x) for x in (tmp_path / "out" / "corrections.jsonl").read_text().splitlines()]
    assert len(every) == 3 and all(c["context"]["text"] for c in every)
    # events: PLOVER gold lines, scored by the event metrics
    gold, texts = read_gold(tmp_path / "out" / "events.jsonl")
    [(rid, g)] = gold.items()
    assert g["type"] == "ACCUSE" and texts[rid] == art.text[event.sentence.start : event.sentence.end]
    src = art.actor(event.source[0])
    assert g["source"][0][0] == (src.country or "")
    doc = InputDocument(text=texts[rid], source=Source(format="text"), id=rid)
    preds = {rid: article_events(pipeline(doc))}
    assert score(gold, preds)["records"] == 1
    # actors: gold actors with text and code, read by the coverage metric
    records = [json.loads(x) for x in (tmp_path / "out" / "actors.jsonl").read_text().splitlines()]
    assert records[0]["source"][0]["sector"] == "GOV" and records[0]["source"][0]["text"] in records[0]["text"]
    found = pipeline(InputDocument(text=records[0]["text"], source=Source(format="text"), id=records[0]["id"]))
    assert coverage(records, {found.id: found})["gold_actors"] == 1
    # quotes: a PolNeAR-layout folder whose attributions carry the corrected speaker
    texts_q, gold_q = read_polnear(tmp_path / "out" / "quotes")
    assert texts_q[sample_id] == art.text
    fixed_quote = quote_attribution(quote)
    mention = min(speaker.mentions, key=lambda m: abs(m.start - quote.content.start))
    corrected = [g for g in gold_q[sample_id] if g["content"] == fixed_quote["content"]]
    assert corrected and corrected[0]["source"] == [(mention.start, mention.end)]
    assert len(gold_q[sample_id]) == len(art.quotes)
    # the same examples as one download
    z = zipfile.ZipFile(io.BytesIO(client.get("/export/corrections").content))
    assert "newsgraph-corrections/events.jsonl" in z.namelist()
    assert f"newsgraph-corrections/quotes/attributions/{sample_id}.ann" in z.namelist()
