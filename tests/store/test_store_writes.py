"""The store: round trip, replace on re-ingest, schema version, transactions, killed ingest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.errors import StoreError
from newsgraph.record import Article
from newsgraph.store import Store

STORY = (
    "Turkish Foreign Minister Hakan Fidan met his Greek counterpart George Gerapetritis in Athens on "
    'Friday. "We agreed to keep talking," Fidan told reporters. Greece said it would host the next round.'
)


@pytest.fixture()
def article(extract) -> Article:
    return extract(STORY, published="2024-03-08", title="Fidan in Athens")


def test_round_trip_keeps_the_record(db_url: str, article: Article) -> None:
    with Store(db_url) as store:
        store.write([article])
        again = store.get(article.id)
    assert again.to_dict() == article.to_dict()


def test_parts_are_stored_with_offsets(db_url: str, article: Article) -> None:
    with Store(db_url) as store:
        store.write([article])
        with store.engine.connect() as con:
            mentions = con.execute(text('SELECT start, "end", text FROM mentions')).all()
            n_quotes = con.execute(text("SELECT count(*) FROM quotes")).scalar()
            model = con.execute(text("SELECT model FROM articles")).scalar()
    assert len(mentions) >= len(article.actors) >= 1
    for start, end, mtext in mentions:
        assert article.text[start:end] == mtext
    assert n_quotes == len(article.quotes) >= 1
    assert str(model).startswith("en_core_web_sm")


def test_reingest_replaces_instead_of_duplicating(db_url: str, article: Article) -> None:
    with Store(db_url) as store:
        first = store.write([article])
        second = store.write([article])
        stats = store.stats()
    assert first.written == [article.id] and second.replaced == [article.id]
    assert stats["articles"] == 1 and stats["actors"] == len(article.actors)


def test_the_same_article_twice_in_one_batch_is_stored_once(db_url: str, article: Article) -> None:
    # a corpus can hold one text under two file names (PolNeAR's train split does): same id, one row
    with Store(db_url) as store:
        report = store.write_batch([article, Article.from_dict(article.to_dict())])
        stats = store.stats()
    assert report.written == [article.id]
    assert stats["articles"] == 1 and stats["quotes"] == len(article.quotes)


def test_another_schema_version_is_refused(db_url: str) -> None:
    with Store(db_url) as store, store.engine.begin() as con:
        con.execute(text("UPDATE newsgraph_meta SET value = '0' WHERE key = 'schema_version'"))
    with pytest.raises(StoreError, match=r"\[E301\]"):
        Store(db_url)


def test_a_failing_batch_is_rolled_back_and_nothing_is_lost(db_url: str, article: Article, extract) -> None:
    with Store(db_url) as store:
        store.write([article])
        other = extract("Kenya's president said on Monday he would visit Ethiopia next week.", published="2024-03-04")
        broken = Article.from_dict({**other.to_dict(), "title": None})
        broken.quotes = [*article.quotes, *article.quotes]  # duplicate quote ids violate the primary key
        with pytest.raises(StoreError, match=r"\[E303\]"):
            store.write([other, broken])
        stats = store.stats()
        assert stats["articles"] == 1
        assert store.get(article.id).to_dict() == article.to_dict()


def _consistent(url: str) -> int:
    """The number of stored articles, after checking that each has all its parts and no part is orphaned."""
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            if engine.dialect.name == "sqlite":
                assert con.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            orphans = con.execute(
                text("SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)")
            )
            assert orphans.scalar() == 0
            # (a JSON column: text on SQLite, decoded by the driver on PostgreSQL)
            rows = con.execute(text("SELECT record FROM articles")).scalars()
            records = [r if isinstance(r, dict) else json.loads(r) for r in rows]
            for rec in records:  # every stored article has all its parts
                got = con.execute(text("SELECT count(*) FROM actors WHERE article_id = :a"), {"a": rec["id"]}).scalar()
                assert got == len(rec["actors"])
    finally:
        engine.dispose()
    return len(records)


def _stored(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return int(con.execute(text("SELECT count(*) FROM articles")).scalar() or 0)
    except SQLAlchemyError:  # not created yet, or locked
        return 0
    finally:
        engine.dispose()


def test_a_killed_ingest_leaves_a_consistent_database_and_a_rerun_completes(tmp_path: Path, db_url: str) -> None:
    src = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"k{i}", "text": f"{STORY} Story number {i}."}) for i in range(120)]
    src.write_text("\n".join(lines) + "\n")
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(src), "--db", db_url, "--batch-size", "8", "--quiet"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and _stored(db_url) < 16:  # kill it once some batches are in
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _consistent(db_url)
    assert 0 < partial < 120
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert _consistent(db_url) == 120


def test_store_opens_through_sqlalchemy_url(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'u.db'}") as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM newsgraph_meta")).scalar() == "1"
