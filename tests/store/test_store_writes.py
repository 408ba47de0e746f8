"""The store: round trip, replace on re-ingest, schema version, transactions, killed ingest."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

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


def test_round_trip_keeps_the_record(tmp_path: Path, article: Article) -> None:
    with Store(f"sqlite:///{tmp_path / 'n.db'}") as store:
        store.write([article])
        again = store.get(article.id)
    assert again.to_dict() == article.to_dict()


def test_parts_are_stored_with_offsets(tmp_path: Path, article: Article) -> None:
    db = tmp_path / "n.db"
    with Store(f"sqlite:///{db}") as store:
        store.write([article])
    con = sqlite3.connect(db)
    for start, end, mtext in con.execute('SELECT start, "end", text FROM mentions'):
        assert article.text[start:end] == mtext
    n_quotes = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    assert n_quotes == len(article.quotes) >= 1
    assert con.execute("SELECT model FROM articles").fetchone()[0].startswith("en_core_web_sm")


def test_reingest_replaces_instead_of_duplicating(tmp_path: Path, article: Article) -> None:
    with Store(f"sqlite:///{tmp_path / 'n.db'}") as store:
        first = store.write([article])
        second = store.write([article])
        stats = store.stats()
    assert first.written == [article.id] and second.replaced == [article.id]
    assert stats["articles"] == 1 and stats["actors"] == len(article.actors)


def test_another_schema_version_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    Store(url).close()
    con = sqlite3.connect(tmp_path / "old.db")
    con.execute("UPDATE newsgraph_meta SET value = '0' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match=r"\[E301\]"):
        Store(url)


def test_a_failing_batch_is_rolled_back_and_nothing_is_lost(tmp_path: Path, article: Article, extract) -> None:
    with Store(f"sqlite:///{tmp_path / 'n.db'}") as store:
        store.write([article])
        other = extract("Kenya's president said on Monday he would visit Ethiopia next week.", published="2024-03-04")
        broken = Article.from_dict({**other.to_dict(), "title": None})
        broken.quotes = [*article.quotes, *article.quotes]  # duplicate quote ids violate the primary key
        with pytest.raises(StoreError, match=r"\[E303\]"):
            store.write([other, broken])
        stats = store.stats()
        assert stats["articles"] == 1
        assert store.get(article.id).to_dict() == article.to_dict()


def _consistent(db: Path) -> int:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = con.execute("SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)")
    assert orphans.fetchone()[0] == 0
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    records = [json.loads(r[0]) for r in con.execute("SELECT record FROM articles")]
    for rec in records:  # every stored article has all its parts
        got = con.execute("SELECT count(*) FROM actors WHERE article_id = ?", (rec["id"],)).fetchone()[0]
        assert got == len(rec["actors"])
    con.close()
    return int(n)


def test_a_killed_ingest_leaves_a_consistent_database_and_a_rerun_completes(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"k{i}", "text": f"{STORY} Story number {i}."}) for i in range(120)]
    src.write_text("\n".join(lines) + "\n")
    db = tmp_path / "k.db"
    cmd = [
        sys.executable,
        "-m",
        "newsgraph.cli",
        "ingest",
        str(src),
        "--db",
        f"sqlite:///{db}",
        "--batch-size",
        "8",
        "--quiet",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:  # kill it once some batches are in
        time.sleep(0.2)
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=0.1)
                n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                con.close()
            except sqlite3.Error:
                continue
            if n >= 16:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _consistent(db)
    assert 0 < partial < 120
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert _consistent(db) == 120


def test_store_opens_through_sqlalchemy_url(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'u.db'}") as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM newsgraph_meta")).scalar() == "1"
