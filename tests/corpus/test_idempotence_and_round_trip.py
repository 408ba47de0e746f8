"""Re-ingesting, completing a stopped ingest and re-writing stored records all end as one clean ingest."""

from __future__ import annotations

import pytest

from newsgraph.corpus.dedup import republished_variants
from newsgraph.ingest import InputDocument
from newsgraph.record import Article, Source
from newsgraph.settings import Settings
from newsgraph.store import Store
from tests.conftest import shared_path
from tests.corpus.tables import differences, dump_tables

SMALL = Settings(batch_size=4)


@pytest.fixture(scope="module")
def corpus(pipeline) -> list[Article]:
    """Ten real articles, two republished copies and two texts that share quotes and speakers."""
    folder = shared_path("data", "polnear", "train", "text")
    texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))[:10]]
    variants = republished_variants(texts[0])
    items = [(f"p{i}", t, f"2016-0{1 + i % 9}-1{i % 10}") for i, t in enumerate(texts)]
    items += [("copy-trimmed", variants["trimmed"], "2016-01-11"), ("copy-headline", variants["headline"], None)]
    quote = '"We must manage our differences with wisdom and patience, as friends do," Wang said.'
    items += [
        ("w1", f"Chinese Foreign Minister Wang Yi met Yoko Kamikawa in Beijing on Tuesday. {quote}", "2024-03-26"),
        ("w2", f'Wang Yi spoke in Beijing. {quote[:60]}" Wang said. The court rejected the appeal.', "2024-03-27"),
    ]
    docs = [InputDocument(text=t, source=Source(path=f"{i}.txt"), id=i, published=p) for i, t, p in items]
    return [a for a in pipeline.process(docs) if isinstance(a, Article)]


def test_reingest_and_completing_a_stopped_ingest_end_as_a_clean_ingest(
    corpus: list[Article], db_url: str, other_db_url: str
) -> None:
    with Store(db_url, SMALL) as clean:
        clean.write(corpus)
    with Store(other_db_url, SMALL) as store:
        store.write(corpus[:5])  # what a stopped ingest left: its first batches
        report = store.write(corpus)  # the same command again
        assert report.unchanged == [a.id for a in corpus[:5]] and len(report.written) == len(corpus) - 5
        assert differences(dump_tables(db_url), dump_tables(other_db_url)) == []
        again = store.write(corpus)
        assert again.unchanged == [a.id for a in corpus] and not again.written
    assert differences(dump_tables(db_url), dump_tables(other_db_url)) == []


def test_records_round_trip_through_the_store(corpus: list[Article], db_url: str, other_db_url: str) -> None:
    with Store(db_url, SMALL) as first:
        first.write(corpus)
        read = list(first.iter_articles())
        assert {a.id for a in read} == {a.id for a in corpus}
        kinds = {(a.id, ac.id): [m.kind for m in ac.mentions] for a in corpus for ac in a.actors}
        assert {(a.id, ac.id): [m.kind for m in ac.mentions] for a in read for ac in a.actors} == kinds
        assert any("description" in k for k in kinds.values())  # described-only actors are in the corpus
        order = {a.id: i for i, a in enumerate(corpus)}
        with Store(other_db_url, SMALL) as second:
            second.write(sorted(read, key=lambda a: order[a.id]))
    assert differences(dump_tables(db_url), dump_tables(other_db_url)) == []


def test_a_changed_record_replaces_the_old_one_and_leaves_no_orphans(corpus: list[Article], db_url: str) -> None:
    with Store(db_url, SMALL) as store:
        store.write(corpus)
        before = dump_tables(db_url)
        changed = Article.from_dict({**corpus[3].to_dict(), "title": "Another headline"})
        assert store.write([changed]).replaced == [changed.id]
        assert store.write([corpus[3]]).replaced == [changed.id]  # and back
    after = dump_tables(db_url)
    # the registry and the stories hold what they held: nothing left linked to nothing
    for table in ("registry_names", "registry_links", "story_events", "story_quotes", "event_actors"):
        assert len(after[table]) == len(before[table]), table
    assert len(after["registry"]) == len(before["registry"])


def test_duplicates_inside_a_batch_are_handled_like_duplicates_across_batches(
    corpus: list[Article], db_url: str
) -> None:
    a, b = corpus[1], corpus[2]
    same_id = Article.from_dict({**b.to_dict(), "id": a.id})  # two JSONL lines with one id
    with Store(db_url, SMALL) as store:
        report = store.write_batch([a, a, b, same_id])
        assert report.unchanged == [a.id] and report.replaced == [a.id] and sorted(report.written) == [a.id, b.id]
        assert store.stats()["articles"] == 2
        assert store.get(a.id).text == b.text  # the later line wins, as it would in a later batch
        syndicated = Article.from_dict({**b.to_dict(), "id": "syndicated"})
        assert store.write_batch([syndicated, syndicated]).duplicates == {"syndicated": b.id}
