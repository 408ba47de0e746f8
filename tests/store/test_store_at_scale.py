"""The store at scale: few statements per article, concurrent writers lose nothing, light imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import event

from newsgraph.ingest import InputDocument
from newsgraph.record import Article, Source
from newsgraph.settings import Settings
from newsgraph.store import Store
from tests.conftest import shared_path
from tests.corpus.tables import dump_tables
from tests.store.test_store_writes import STORY, _consistent


def test_a_batch_costs_few_statements_per_article(pipeline, db_url: str) -> None:
    folder = shared_path("data", "polnear", "train", "text")
    docs = [
        InputDocument(text=p.read_text("utf-8"), source=Source(path=p.name), id=p.stem, published="2016-10-01")
        for p in sorted(folder.glob("*.txt"))[:16]
    ]
    articles = [a for a in pipeline.process(docs) if isinstance(a, Article)]
    with Store(db_url, Settings(batch_size=8)) as store:
        store.write(articles[:8])  # a corpus to link to
        counted: list[str] = []
        event.listen(store.engine, "before_cursor_execute", lambda *args: counted.append(args[2]))
        store.write(articles[8:])
    actors = sum(len(a.actors) for a in articles[8:])
    assert actors > 8 * 10  # real articles, many actors each
    # the old write path ran 8 or more statements per actor; a batch now runs a few dozen in all
    assert len(counted) / 8 <= 10, counted


def _jsonl(path: Path, ids: range) -> Path:
    path.write_text("".join(json.dumps({"id": f"c{i}", "text": f"{STORY} Report {i}."}) + "\n" for i in ids))
    return path


def test_two_ingests_into_one_database_lose_nothing(tmp_path: Path, db_url: str) -> None:
    first = _jsonl(tmp_path / "a.jsonl", range(0, 30))
    second = _jsonl(tmp_path / "b.jsonl", range(20, 50))  # ten articles in both
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "newsgraph.cli", "ingest", str(f), "--db", db_url, "--batch-size", "4", "--quiet"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in (first, second)
    ]
    results = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert _consistent(db_url) == 50
    tables = dump_tables(db_url)
    assert len({row for row in tables["signatures"]}) == 50
    # every article linked once: no actor of an article written twice
    links = [r for r in tables["registry_links"]]
    assert len(links) == len(set(links))


def test_queries_import_neither_spacy_nor_scipy_nor_datasketch() -> None:
    code = (
        "import sys, newsgraph.store, newsgraph.corpus.queries, newsgraph.corpus.export, newsgraph.corpus.registry; "
        "heavy = sorted(m for m in ('spacy', 'scipy', 'datasketch', 'thinc', 'numpy', 'dask') if m in sys.modules); "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
