"""Corpus benchmark: ingest PolNeAR train + dev through the CLI, then time every query.

    python benchmarks/bench_corpus.py [--db PATH | --url URL] [--skip-ingest] [--repeat 7]

``--url`` takes any database URL instead of the SQLite file, e.g. an empty PostgreSQL
database: ``--url postgresql+psycopg://user@host/newsgraph_bench``.

Prints the ingest wall time, articles/s and database size, the near-duplicate
pairs found among the corpus (there should be none: they are 924 different
articles), and the median time of each query over ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def database_bytes(url: str) -> int:
    """The size of the database on disk: the SQLite file, or PostgreSQL's own count."""
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).stat().st_size
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        size = int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar() or 0)
    engine.dispose()
    return size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-polnear.db")
    ap.add_argument("--url", help="a database URL instead of the SQLite file --db (an empty database)")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--processes", type=int, default=1)
    args = ap.parse_args()
    url = args.url or f"sqlite:///{args.db}"
    if not args.skip_ingest and not args.url:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
    if not args.skip_ingest:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "polnear.jsonl"
            meta = {}
            for line in (SHARED / "metadata.tsv").read_text("utf-8").splitlines()[1:]:
                cols = line.split("\t")
                meta[cols[1]] = {"published": cols[5], "outlet": cols[4], "title": cols[7]}
            with src.open("w") as f:
                for split in ("train", "dev"):
                    for p in sorted((SHARED / split / "text").glob("*.txt")):
                        m = meta.get(p.stem, {})
                        f.write(
                            json.dumps(
                                {
                                    "id": p.stem,
                                    "text": p.read_text("utf-8"),
                                    **m,
                                    "url": f"polnear:{split}/{p.stem}",
                                }
                            )
                            + "\n"
                        )
            t0 = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "newsgraph.cli",
                    "ingest",
                    str(src),
                    "--db",
                    url,
                    "--quiet",
                    "--processes",
                    str(args.processes),
                ],
                check=True,
            )
            wall = time.perf_counter() - t0
        n = 924
        print(
            f"ingest: {n} articles in {wall:.0f} s ({n / wall:.2f} articles/s, {args.processes} process(es)); "
            f"database {database_bytes(url) / 1e6:.1f} MB"
        )
    from newsgraph.corpus import queries
    from newsgraph.store import Store

    store = Store(url)
    stats = store.stats()
    print(
        f"stored: {stats['articles']} articles, {stats['quotes']} quotes, {stats['events']} events, "
        f"{stats['registry_actors']} registry actors, {stats['duplicates']} marked near-duplicates"
    )
    for c in queries.duplicates(store):
        print("  duplicate cluster:", [x["id"] for x in c["copies"]])
    trumps = queries.actors(store, "Trump", limit=20)
    print(
        "registry entries matching 'Trump':",
        [(t["name"], t["articles"], t["variants"][:6]) for t in trumps[:6]],
    )
    runs = {
        "quotes --speaker 'Hillary Clinton'": lambda: queries.quotes(store, speaker="Hillary Clinton"),
        "quotes --speaker Trump --about wall --since 2016-01-01": lambda: queries.quotes(
            store, speaker="Trump", about="wall", since="2016-01-01"
        ),
        "events --actor Clinton --type ACCUSE": lambda: queries.events(store, actor="Clinton", type="ACCUSE"),
        "timeline 'Hillary Clinton'": lambda: queries.timeline(store, "Hillary Clinton"),
        "network": lambda: queries.network(store),
        "network --type ACCUSE --since 2016-01-01": lambda: queries.network(store, since="2016-01-01", type="ACCUSE"),
        "search 'email server'": lambda: queries.search(store, "email server"),
    }
    print("| query | median ms | rows |\n| --- | --- | --- |")
    for label, fn in runs.items():
        times = []
        rows = None
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            rows = fn()
            times.append((time.perf_counter() - t0) * 1000)
        count = len(rows["edges"]) if isinstance(rows, dict) else len(rows or [])
        print(f"| `{label}` | {statistics.median(times):.0f} | {count} |")


if __name__ == "__main__":
    main()
