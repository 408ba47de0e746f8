"""Across articles: duplicates, registry, consolidation, queries, exports — on real text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from newsgraph.corpus import queries
from newsgraph.corpus.dedup import republished_variants
from newsgraph.corpus.export import export
from newsgraph.corpus.registry import merge_entries, split_entry
from newsgraph.ingest import InputDocument
from newsgraph.record import Article, Source
from newsgraph.store import Store
from tests.conftest import EXAMPLES, SHARED


def real_texts(n: int) -> list[str]:
    folder = SHARED / "data" / "polnear" / "train" / "text"
    files = sorted(folder.glob("*.txt"))[:n] if folder.exists() else []
    texts = [f.read_text("utf-8") for f in files]
    return texts or [(EXAMPLES / "gallant-2024-03-27.txt").read_text("utf-8")]


@pytest.fixture()
def store(db_url: str):
    with Store(db_url) as opened:  # SQLite and PostgreSQL
        yield opened


def arts(pipeline, items: list[tuple[str, str, str | None]]) -> list[Article]:
    docs = [InputDocument(text=t, source=Source(path=i), id=i, published=p) for i, t, p in items]
    return [a for a in pipeline.process(docs) if isinstance(a, Article)]


def test_republished_copies_are_found_and_originals_are_not_confused(pipeline, store: Store) -> None:
    originals = real_texts(6)
    items = [(f"orig{i}", t, "2016-03-01") for i, t in enumerate(originals)]
    store.write(arts(pipeline, items))
    copied = originals[:3]  # one when the PolNeAR texts are not on this machine
    copies = [
        (f"copy{i}-{k}", v, "2016-03-02") for i, t in enumerate(copied) for k, v in republished_variants(t).items()
    ]
    report = store.write(arts(pipeline, copies))
    assert report.duplicates == {cid: f"orig{cid[4]}" for cid, _, _ in copies}
    clusters = queries.duplicates(store)
    assert sorted(c["original"] for c in clusters) == [f"orig{i}" for i in range(len(copied))]
    assert all(len(c["copies"]) == 5 for c in clusters)  # the original and its four copies
    assert store.get("copy0-trimmed").duplicate_of == "orig0"


def test_registry_merges_name_variants_and_keeps_namesakes_apart(pipeline, store: Store) -> None:
    store.write(
        arts(
            pipeline,
            [
                ("t1", "Donald Trump told supporters in Ohio that he would win the state.", "2016-03-01"),
                (
                    "t2",
                    "Republican candidate Donald J. Trump said on Monday that the polls were wrong.",
                    "2016-03-05",
                ),
                ("t3", "Trump criticized the debate moderators again.", "2016-03-07"),
                ("t4", "Donald Trump Jr. campaigned for his father in Iowa.", "2016-03-08"),
            ],
        )
    )
    entries = {e["name"]: e for e in queries.actors(store, "Trump")}
    senior = next(e for n, e in entries.items() if n in ("Donald Trump", "Donald J. Trump"))
    assert senior["articles"] == 3 and {"Donald Trump", "Donald J. Trump", "Trump"} <= set(senior["variants"])
    assert "Donald Trump Jr." not in entries  # a bare "Trump" means the father, not the son
    [junior] = queries.actors(store, "Donald Trump Jr.")
    assert junior["articles"] == 1 and junior["id"] != senior["id"]
    detail = queries.actor_detail(store, senior["id"])
    assert {lk["reason"] for lk in detail["links"]} >= {"new entry"}
    assert any("surname" in lk["reason"] for lk in detail["links"])
    assert (detail["first_seen"], detail["last_seen"]) == ("2016-03-01", "2016-03-07")


def test_actors_known_only_by_description_are_not_merged_across_articles(pipeline, store: Store) -> None:
    store.write(
        arts(
            pipeline,
            [
                ("c1", "The court sentenced three opposition activists to prison on Monday.", "2016-03-01"),
                ("c2", "The court rejected the appeal of the former mayor.", "2016-03-02"),
            ],
        )
    )
    courts = [e for e in queries.actors(store, "court") if e["name"] == "court"]
    assert [e["articles"] for e in courts] == [1, 1]
    reasons = {lk["reason"] for e in courts for lk in queries.actor_detail(store, e["id"])["links"]}
    assert reasons == {"new entry: described only, not merged across articles"}


def test_merge_and_split_survive_reingest(pipeline, store: Store) -> None:
    items = [
        ("m1", "Hillary Clinton spoke in Iowa on Monday.", "2016-01-04"),
        ("m2", "Secretary Clinton met voters in Des Moines.", "2016-01-05"),
        ("m3", "HRC told donors that the race was close.", "2016-01-06"),
    ]
    store.write(arts(pipeline, items))
    with store.engine.connect() as conn:
        hrc = queries.find_actors(conn, "HRC")
        hillary = queries.find_actors(conn, "Hillary Clinton")
    assert hrc and hillary and hrc != hillary
    with store.engine.begin() as conn:
        merge_entries(conn, hillary[0], hrc[0], force=True)  # the tagger read "HRC" as a body
    store.write(arts(pipeline, items))  # re-ingest: the correction holds
    entry = queries.actors(store, "Hillary Clinton")[0]
    assert entry["articles"] == 3 and "HRC" in entry["variants"]
    with store.engine.begin() as conn:
        new = split_entry(conn, entry["id"], "HRC")
    store.write(arts(pipeline, items))
    assert [e["id"] for e in queries.actors(store, "HRC")] == [new]


def test_same_quote_and_event_across_outlets_are_consolidated(pipeline, store: Store) -> None:
    a = (
        "Chinese Foreign Minister Wang Yi met Japanese Foreign Minister Yoko Kamikawa in Beijing on Tuesday. "
        '"We must manage our differences with wisdom and patience," Wang said.'
    )
    b = (
        '"We must manage our differences with wisdom and patience," Chinese Foreign Minister Wang Yi said after '
        "he met Japanese Foreign Minister Yoko Kamikawa in Beijing on Tuesday, state media reported."
    )
    store.write(arts(pipeline, [("o1", a, "2024-03-27"), ("o2", b, "2024-03-27")]))
    from sqlalchemy import func, select

    from newsgraph.corpus.schema import story_quote_sources, story_quotes

    with store.engine.connect() as conn:
        multi = conn.execute(
            select(story_quotes.c.id, func.count())
            .join(story_quote_sources)
            .group_by(story_quotes.c.id)
            .having(func.count() > 1)
        ).all()
    assert len(multi) == 1


def test_queries_answer_with_sources(pipeline, store: Store, gallant_text: str) -> None:
    store.write(arts(pipeline, [("g", gallant_text, None)]))
    qs = queries.quotes(store, speaker="Gallant")
    assert qs and all(q["speaker_name"] == "Yoav Gallant" and q["article_id"] == "g" for q in qs)
    assert any(
        "no moral right" in q["content_text"]
        for q in queries.quotes(store, speaker="Yoav Gallant", about="moral right")
    )
    evs = queries.events(store, actor="Gallant", type="CONSULT")
    assert evs and all(e["type"] == "CONSULT" for e in evs)
    line = queries.timeline(store, "Gallant")
    dates = [x["date"] for x in line]
    assert dates == sorted(dates) and {x["what"] for x in line} >= {"said", "CONSULT"}
    hits = queries.search(store, "ceasefire")
    assert {h["kind"] for h in hits} >= {"article"}
    # the same snippets on both databases: the match in brackets, a few words around it
    assert all("[ceasefire]" in h["snippet"].lower() and len(h["snippet"]) < 400 for h in hits)
    net = queries.network(store)
    assert any(e["cooperation"] for e in net["edges"])
    from newsgraph.errors import QueryError

    with pytest.raises(QueryError, match=r"\[E400\]"):
        queries.quotes(store, speaker="Nobody Atall")


def test_exports_open_in_their_tools(pipeline, store: Store, gallant_text: str, tmp_path: Path) -> None:
    import networkx as nx
    import pyarrow.parquet as pq

    store.write(arts(pipeline, [("g", gallant_text, None)]))
    [jl] = export(store, "jsonl", tmp_path / "a.jsonl")
    assert Article.from_dict(json.loads(jl.read_text().splitlines()[0])).id == "g"
    csvs = export(store, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "quotes.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert len(csvs) == 6 and rows and rows[0]["article_id"] == "g"
    export(store, "parquet", tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert table.num_rows == len(store.get("g").events)
    [gml] = export(store, "graphml", tmp_path / "n.graphml")
    g = nx.read_graphml(gml)
    assert g.number_of_edges() >= 1 and "Yoav Gallant" in {d.get("name") for _, d in g.nodes(data=True)}
    [plover] = export(store, "plover", tmp_path / "events.csv")
    with plover.open() as f:
        ev = list(csv.DictReader(f))
    assert ev and {"event_type", "source_country", "target_country", "sentence"} <= set(ev[0])


def test_incremental_ingest_updates_without_reprocessing(pipeline, store: Store) -> None:
    t = real_texts(2)
    store.write(arts(pipeline, [("i1", t[0], "2016-01-01")]))
    before = store.stats()["registry_actors"]
    store.write(arts(pipeline, [("i2", t[-1], "2016-01-02")]))
    after = store.stats()
    assert after["articles"] == 2 and after["registry_actors"] >= before
