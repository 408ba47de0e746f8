"""The read endpoints on SQLite and PostgreSQL: each answers what the corpus query answers, with its
filters, cursor pages and the passage offsets of search hits."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import networkx as nx

from newsgraph.corpus import queries
from newsgraph.record import Article
from newsgraph.store import Store

from .conftest import error_of, walk


def test_articles_list_every_stored_article_newest_first_with_counts(client, store: Store, example_articles) -> None:
    items = client.get("/articles").json()["items"]
    assert {i["id"] for i in items} == {a.id for a in example_articles}
    dated = [i["published"] for i in items if i["published"]]
    assert dated == sorted(dated, reverse=True)
    by_id = {a.id: a for a in example_articles}
    for i in items:
        a = by_id[i["id"]]
        assert (i["actors"], i["quotes"], i["events"]) == (len(a.actors), len(a.quotes), len(a.events))


def test_article_pages_follow_the_cursor_to_the_end_without_repeats(client) -> None:
    whole = client.get("/articles").json()["items"]
    for size in (1, 2, 3):
        paged = walk(client, "/articles", size)
        assert [i["id"] for i in paged] == [i["id"] for i in whole]


def test_article_filters_since_until_outlet_actor_text(client, example_articles, sample_id) -> None:
    ids = lambda url: {i["id"] for i in client.get(url).json()["items"]}  # noqa: E731
    assert ids("/articles?since=2024-03-18") == {
        a.id for a in example_articles if a.published and a.published >= "2024-03-18"
    }
    assert ids("/articles?until=2024-03-14") == {
        a.id for a in example_articles if a.published and a.published <= "2024-03-14"
    }
    from_feed = ids("/articles?outlet=NEWS.example.org")
    assert from_feed and from_feed == {a.id for a in example_articles if "news.example.org" in (a.source.url or "")}
    briefs = {a.id for a in example_articles if (a.source.path or "").endswith("briefs.jsonl")}
    assert briefs and ids("/articles?outlet=briefs.jsonl") == briefs
    naming = ids("/articles?actor=Yoav Gallant")
    assert sample_id in naming and "brief-001" not in naming
    with_word = ids("/articles?text=Hamas")
    assert sample_id in with_word
    assert with_word == {a.id for a in example_articles if "hamas" in a.text.lower()}
    assert ids("/articles?text=zzzunfoundword") == set()


def test_article_record_is_the_stored_record_with_its_corrections(client, store: Store, sample_id) -> None:
    got = client.get(f"/articles/{sample_id}").json()
    assert got.pop("corrections") == []
    assert got == store.get(sample_id).to_dict()
    assert got["schema"] == "newsgraph.article/1"
    status, code, message = error_of(client.get("/articles/no-such-article"))
    assert (status, code) == (404, "E302") and "no-such-article" in message


def test_quotes_filters_and_pages_mean_what_the_cli_means(client, store: Store) -> None:
    every = client.get("/quotes?limit=500").json()["items"]
    assert len(every) == len(queries.quotes(store, limit=500)) > 5
    assert [(q["article_id"], q["quote_id"]) for q in walk(client, "/quotes", 4)] == [
        (q["article_id"], q["quote_id"]) for q in every
    ]
    by_name = client.get("/quotes?speaker=Gallant").json()["items"]
    assert by_name and {q["speaker_name"] for q in by_name} == {"Yoav Gallant"}
    entry = by_name[0]["speaker_id"]
    by_id = client.get(f"/quotes?speaker={entry}").json()["items"]
    assert [q["quote_id"] for q in by_id] == [q["quote_id"] for q in by_name]
    about = client.get("/quotes?about=hostages").json()["items"]
    assert about and all("hostages" in q["content_text"].lower() for q in about)
    assert client.get("/quotes?since=2024-03-20").json()["items"]
    assert all(
        (q["date"] or q["published"]) <= "2024-03-15" for q in client.get("/quotes?until=2024-03-15").json()["items"]
    )
    # a copy of a story is counted once unless asked for
    with_copies = client.get("/quotes?limit=500&duplicates=true").json()["items"]
    assert len(with_copies) > len(every)


def test_events_filters_and_pages(client, store: Store) -> None:
    every = client.get("/events?limit=500").json()["items"]
    assert len(every) == len(queries.events(store, limit=500)) > 3
    assert [(e["article_id"], e["event_id"]) for e in walk(client, "/events", 3)] == [
        (e["article_id"], e["event_id"]) for e in every
    ]
    consult = client.get("/events?type=consult").json()["items"]
    assert consult and {e["type"] for e in consult} == {"CONSULT"}
    node = client.get("/network").json()["nodes"][0]
    by_id = client.get(f"/events?actor={node['id']}").json()["items"]
    assert by_id and all(node["id"] in e["source_entries"] + e["target_entries"] for e in by_id)
    by_name = client.get("/events", params={"actor": node["name"]}).json()["items"]
    assert {(e["article_id"], e["event_id"]) for e in by_id} <= {(e["article_id"], e["event_id"]) for e in by_name}
    dated = client.get("/events?since=2024-03-18&until=2024-03-27").json()["items"]
    assert dated and all("2024-03-18" <= e["date"] <= "2024-03-27" for e in dated)


def test_actors_detail_and_timeline_link_each_item_to_its_evidence(client, store: Store) -> None:
    listed = client.get("/actors?name=Gallant").json()["items"]
    assert [a["name"] for a in listed] == ["Yoav Gallant"]
    entry = listed[0]["id"]
    detail = client.get(f"/actors/{entry}").json()
    assert detail["name"] == "Yoav Gallant" and detail["country"] == "ISR" and detail["links"]
    timeline = client.get(f"/actors/{entry}/timeline").json()["items"]
    assert timeline and [t["date"] for t in timeline] == sorted(t["date"] for t in timeline)
    for t in timeline:
        art = store.get(t["article_id"])
        if t["what"] == "said":
            quote = next(q for q in art.quotes if q.id == t["item"])
            assert quote.content.text == t["text"]
            assert queries.article_links(store, art.id)[quote.speaker.actor]["entry"] == entry
        else:
            assert any(e.id == t["item"] and e.type == t["what"] for e in art.events)


def test_network_ties_and_the_events_behind_each(client) -> None:
    net = client.get("/network").json()
    assert net["nodes"] and net["edges"]
    node_ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in net["edges"])
    for e in net["edges"]:
        assert e["events"] == e["cooperation"] + e["conflict"]
        behind = client.get(f"/network/ties/{e['source']}/{e['target']}").json()["items"]
        assert 1 <= len(behind) <= e["events"]
        assert all(e["source"] in b["source_entries"] and e["target"] in b["target_entries"] for b in behind)
    coop = client.get("/network?kind=cooperation").json()
    assert coop["edges"] and all(e["cooperation"] > 0 for e in coop["edges"])
    typed = client.get("/network?type=CONSULT").json()
    assert typed["edges"] and all(e["cooperation"] == e["events"] for e in typed["edges"])
    assert client.get("/network?since=2030-01-01").json() == {"nodes": [], "edges": []}


def test_search_hits_open_at_their_passage(client, store: Store) -> None:
    hits = client.get("/search?q=hostages").json()["items"]
    assert {h["kind"] for h in hits} == {"article", "quote"}
    for h in hits:
        art = store.get(h["article_id"])
        p = h["passage"]
        passage = art.text[p["start"] : p["end"]]
        if h["kind"] == "quote":
            q = next(q for q in art.quotes if q.id == h["ref"])
            assert (p["start"], p["end"]) == (q.content.start, q.content.end)
        assert "hostage" in passage.lower()


def test_duplicates_group_the_copy_with_the_first_seen(client, sample_id) -> None:
    clusters = client.get("/duplicates").json()["items"]
    sample = [c for c in clusters if sample_id in {c["original"], *(x["id"] for x in c["copies"])}]
    assert len(sample) == 1 and sample[0]["original"] == sample_id
    assert [c["id"] for c in sample[0]["copies"]][0] == sample_id
    # every cluster's original is its first copy
    assert all(c["original"] == c["copies"][0]["id"] for c in clusters)


def test_exports_download_every_format(client, example_articles: list[Article]) -> None:
    lines = client.get("/export/jsonl").text.splitlines()
    assert sorted(json.loads(x)["id"] for x in lines) == sorted(a.id for a in example_articles)
    plover = list(csv.DictReader(io.StringIO(client.get("/export/plover").text)))
    assert len(plover) == sum(len(a.events) for a in example_articles)
    graph = nx.read_graphml(io.BytesIO(client.get("/export/graphml").content))
    assert graph.number_of_edges() == len(client.get("/network").json()["edges"])
    for fmt in ("csv", "parquet"):
        r = client.get(f"/export/{fmt}")
        assert r.headers["content-type"] == "application/zip"
        names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
        assert {f"newsgraph-{fmt}/{t}.{fmt}" for t in ("articles", "actors", "quotes", "events")} <= set(names)
    status, code, message = error_of(client.get("/export/xlsx"))
    assert (status, code) == (404, "E401") and "jsonl" in message


def test_health_and_openapi(client) -> None:
    health = client.get("/health").json()
    assert health["ok"] and health["writable"] and health["articles"] >= 7 and "database" not in health
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/articles", "/articles/{article_id}", "/quotes", "/events", "/actors", "/actors/{actor_id}",
              "/actors/{actor_id}/timeline", "/network", "/search", "/duplicates", "/export/{fmt}",
              "/extract", "/ingest", "/corrections"):  # fmt: skip
        assert p in paths, p
    assert "Swagger" in client.get("/docs").text
