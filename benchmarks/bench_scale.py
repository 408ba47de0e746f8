"""Scaling benchmark: the store from 1,000 to 100,000 articles, and Dask against one process.

    python benchmarks/bench_scale.py [--sizes 1000,10000,100000] [--work DIR] [--url URL]
    python benchmarks/bench_scale.py --only store      # just the store part
    python benchmarks/bench_scale.py --only dask [--dask-articles 96]

**Store part.** The NLP costs the same for every article, so the real articles are extracted
once: PolNeAR train + dev (924 texts, with their publication dates) and the news pages of
``shared/data/news-pages`` (HTML), timing the NLP CPU of each batch. The records are cached in
``WORK/records.jsonl`` (delete it to extract again). To reach 100,000 articles they are then
*re-identified*: copy k of an article gets a new id, a publication date k × 11 days later
(event and quote dates too), and its text, title, quotes and the names of actors named in fewer
than three of the real articles rewritten with a letter permutation of its own (same lengths, so
every offset still holds), so each copy is a new text with new people in it while the actors
every outlet names ("Donald Trump", countries) recur; one copy in ten keeps the permutation of the
copy before it, so it is a near-duplicate of that copy. The copies are written in batches of
``--batch-size`` into a fresh store, timing the store's CPU per batch (``time.process_time`` in
this process: SQLite runs in-process; with ``--url postgresql+psycopg://...`` the server's own
CPU is not counted) and counting SQL statements with a SQLAlchemy ``before_cursor_execute``
listener. At each size of ``--sizes`` it prints store CPU per article (over the last
``--window`` articles), statements per article, the NLP share of ingest CPU, peak and current
RSS, the database size and the median of ``--repeat`` calls of each query; after the largest,
the peak RSS of ``newsgraph export parquet`` of the whole store (a child process).

**Dask part.** The first ``--dask-articles`` PolNeAR texts as one JSONL file, ingested three
times into fresh SQLite files: one process (the pipeline loaded before the clock starts), and
``ingest_distributed`` on a ``LocalCluster`` of 1 and of 2 worker processes (cluster started
and pipelines loaded before the clock starts). Prints wall seconds, articles/s and speed-ups
over the one-process run, and whether the three databases are identical (every table).
Wall-clock figures need a quiet machine: ``--only dask`` re-runs just this part.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))  # tests.corpus.tables compares databases


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def machine() -> str:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    load = os.getloadavg()
    return f"{cpu}, {os.cpu_count()} cores, load average {load[0]:.1f} at start"


# -- the real articles, extracted once ---------------------------------------------------------
def real_inputs() -> Iterator[Any]:
    from newsgraph.ingest import InputDocument, iter_documents
    from newsgraph.record import Source

    polnear = SHARED / "polnear"
    meta = {}
    for line in (polnear / "metadata.tsv").read_text("utf-8").splitlines()[1:]:
        cols = line.split("\t")
        meta[cols[1]] = {"published": cols[5] or None, "title": cols[7] or None}
    for split in ("train", "dev"):
        for p in sorted((polnear / split / "text").glob("*.txt")):
            m = meta.get(p.stem, {})
            yield InputDocument(
                text=p.read_text("utf-8"),
                source=Source(path=str(p), url=f"polnear:{split}/{p.stem}", format="text"),
                id=p.stem,
                title=m.get("title"),
                published=m.get("published"),
            )
    yield from iter_documents([str(SHARED / "news-pages" / "html")])


def extract_once(work: Path, batch_size: int) -> tuple[list[dict[str, Any]], list[float]]:
    """The records of the real articles and the NLP CPU seconds per article of each batch."""
    from newsgraph.record import Article

    cache, timing = work / "records.jsonl", work / "nlp-cpu.json"
    if cache.exists() and timing.exists():
        records = [json.loads(line) for line in cache.open(encoding="utf-8")]
        return records, json.loads(timing.read_text())
    from itertools import islice

    from newsgraph.pipeline import Pipeline
    from newsgraph.settings import Settings

    pipeline = Pipeline(Settings(batch_size=batch_size))
    records: list[dict[str, Any]] = []
    per_batch: list[float] = []
    docs = real_inputs()
    while chunk := list(islice(docs, batch_size)):
        t0 = time.process_time()
        out = [a for a in pipeline.process(chunk) if isinstance(a, Article)]
        per_batch.append((time.process_time() - t0) / max(len(out), 1))
        records += [a.to_dict() for a in out]
        print(f"  extracted {len(records)} articles, {per_batch[-1]:.3f} NLP CPU s/article in this batch", flush=True)
    with cache.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    timing.write_text(json.dumps(per_batch))
    return records, per_batch


# -- re-identified copies ----------------------------------------------------------------------
def _table(k: int) -> dict[int, int]:
    rng = random.Random(k)
    lower = list("abcdefghijklmnopqrstuvwxyz")
    shuffled = lower[:]
    rng.shuffle(shuffled)
    table = {ord(a): ord(b) for a, b in zip(lower, shuffled, strict=True)}
    table.update({ord(a.upper()): ord(b.upper()) for a, b in zip(lower, shuffled, strict=True)})
    return table


def _shift(value: Any, days: int) -> Any:
    if not isinstance(value, str) or len(value) < 10:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
        return value


def copies(records: list[dict[str, Any]], n: int) -> Iterator[dict[str, Any]]:
    """``n`` records: the real ones, then re-identified copies (see the module docstring)."""
    named = Counter(name for r in records for name in {a["name"] for a in r["actors"]})
    common = {name for name, c in named.items() if c >= 3}
    for i in range(n):
        base = records[i % len(records)]
        k = i // len(records)
        if k == 0:
            yield base
            continue
        perm = k - 1 if k >= 2 and (i * 2654435761) % 10 == 0 else k  # one in ten: the copy before's text
        table = _table(perm)
        days = k * 11
        r = dict(base)
        r["id"] = f"{base['id']}~{k}"
        r["text"] = base["text"].translate(table)
        r["title"] = base["title"].translate(table) if isinstance(base.get("title"), str) else base.get("title")
        r["published"] = _shift(base.get("published"), days)
        r["source"] = {**base["source"], "url": f"{base['source'].get('url') or base['id']}~{k}"}
        r["actors"] = [
            a
            if a["name"] in common
            else {
                **a,
                "name": a["name"].translate(table),
                "mentions": [{**m, "text": m["text"].translate(table)} for m in a["mentions"]],
            }
            for a in base["actors"]
        ]
        r["quotes"] = [
            {
                **q,
                "content": {**q["content"], "text": q["content"]["text"].translate(table)},
                "date": _shift(q.get("date"), days),
            }
            for q in base["quotes"]
        ]
        r["events"] = [{**e, "date": _shift(e.get("date"), days)} for e in base["events"]]
        yield r


# -- the store part ----------------------------------------------------------------------------
QUERIES = {
    "quotes --speaker 'Donald Trump'": lambda q, st, since: q.quotes(st, speaker="Donald Trump"),
    "events --actor 'Hillary Clinton'": lambda q, st, since: q.events(st, actor="Hillary Clinton"),
    "timeline 'Donald Trump'": lambda q, st, since: q.timeline(st, "Donald Trump"),
    "network --since LAST-30-DAYS": lambda q, st, since: q.network(st, since=since),
    "search 'email server'": lambda q, st, since: q.search(st, "email server"),
}


def database_bytes(url: str) -> int:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        return sum(Path(str(path) + s).stat().st_size for s in ("", "-wal") if Path(str(path) + s).exists())
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        size = int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar() or 0)
    engine.dispose()
    return size


def export_peak(url: str, out: Path) -> tuple[float, float]:
    """Peak RSS (MB) and wall seconds of a parquet export of the store, in a child process."""
    code = (
        "import sys; from pathlib import Path; from newsgraph.store import Store; "
        "from newsgraph.corpus.export import export; "
        "s = Store(sys.argv[1]); export(s, 'parquet', Path(sys.argv[2])); s.close()"
    )
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, url, str(out)])
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"export failed with status {status}")
    return usage.ru_maxrss / 1e3, time.perf_counter() - t0


def store_part(args: argparse.Namespace, work: Path) -> None:
    from sqlalchemy import event

    from newsgraph.corpus import queries
    from newsgraph.record import Article
    from newsgraph.settings import Settings
    from newsgraph.store import Store

    print("## Store at scale\n", flush=True)
    records, nlp = extract_once(work, args.batch_size)
    nlp_per_article = statistics.mean(nlp)
    print(
        f"real articles: {len(records)}; NLP CPU per article {nlp_per_article:.3f} s "
        f"(per batch: min {min(nlp):.3f}, max {max(nlp):.3f})\n",
        flush=True,
    )
    sizes = sorted(int(x) for x in args.sizes.split(","))
    url = args.url or f"sqlite:///{work / 'scale.db'}"
    if not args.url:
        for suffix in ("", "-wal", "-shm"):
            Path(str(work / "scale.db") + suffix).unlink(missing_ok=True)
    settings = Settings(batch_size=args.batch_size)
    store = Store(url, settings)
    statements = [0]
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.__setitem__(0, statements[0] + 1))
    window: list[tuple[int, float, int]] = []  # (articles, store CPU s, statements) per batch
    rows = []
    written = 0
    last_date = ""
    batch: list[Article] = []
    print(
        "| articles | store CPU s/article (last window) | SQL statements/article | store share of ingest CPU "
        "| RSS MB (peak) | DB MB |"
    )
    print("| --- | --- | --- | --- | --- | --- |", flush=True)
    sizes_left = list(sizes)
    for rec in copies(records, sizes[-1]):
        batch.append(Article.from_dict(rec))
        last_date = max(last_date, rec.get("published") or "")
        if len(batch) < args.batch_size and written + len(batch) < sizes_left[0]:
            continue
        before, t0 = statements[0], time.process_time()
        store.write_batch(batch)
        window.append((len(batch), time.process_time() - t0, statements[0] - before))
        written += len(batch)
        batch = []
        if written >= sizes_left[0]:
            recent, n = [], 0
            for b in reversed(window):
                recent.append(b)
                n += b[0]
                if n >= args.window:
                    break
            cpu = sum(b[1] for b in recent) / n
            sql = sum(b[2] for b in window) / written
            share = cpu / (cpu + nlp_per_article)
            size_mb = database_bytes(url) / 1e6
            print(
                f"| {written:,} | {cpu * 1000:.1f} ms | {sql:.2f} | {share:.1%} | {rss_mb():.0f} ({peak_mb():.0f}) "
                f"| {size_mb:.0f} |",
                flush=True,
            )
            since = (date.fromisoformat(last_date[:10]) - timedelta(days=30)).isoformat()
            timing = {}
            for label, fn in QUERIES.items():
                times, found = [], 0
                for _ in range(args.repeat):
                    t1 = time.perf_counter()
                    res = fn(queries, store, since)
                    times.append((time.perf_counter() - t1) * 1000)
                    found = len(res["edges"]) if isinstance(res, dict) else len(res)
                timing[label] = (statistics.median(times), found)
            rows.append((written, timing))
            print("  queries: " + "; ".join(f"{k} {v[0]:.0f} ms ({v[1]})" for k, v in timing.items()), flush=True)
            sizes_left.pop(0)
            if not sizes_left:
                break
    print("\n| query | " + " | ".join(f"{n:,} articles: median ms (rows)" for n, _ in rows) + " |")
    print("| --- |" + " --- |" * len(rows))
    for label in QUERIES:
        cells = " | ".join(f"{t[label][0]:.0f} ({t[label][1]})" for _, t in rows)
        print(f"| `{label}` | {cells} |")
    store.close()
    peak, wall = export_peak(url, work / "parquet")
    print(f"\nparquet export of {written:,} articles: peak RSS {peak:.0f} MB, {wall:.0f} s wall", flush=True)


# -- the Dask part -----------------------------------------------------------------------------
def _cpu_seconds() -> float:
    """CPU seconds used so far by the process this runs in (run on each Dask worker)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def dask_part(args: argparse.Namespace, work: Path) -> None:
    from tests.corpus.tables import differences, dump_tables

    from distributed import Client, LocalCluster
    from newsgraph.distributed import PipelinePlugin, ingest_distributed
    from newsgraph.ingest import iter_documents
    from newsgraph.pipeline import Pipeline
    from newsgraph.record import Article
    from newsgraph.settings import Settings
    from newsgraph.store import Store

    print(f"\n## Dask on LocalCluster against one process ({args.dask_articles} PolNeAR articles)\n", flush=True)
    src = work / "dask-input.jsonl"
    texts = sorted((SHARED / "polnear" / "train" / "text").glob("*.txt"))[: args.dask_articles]
    with src.open("w", encoding="utf-8") as f:
        for p in texts:
            f.write(json.dumps({"id": p.stem, "text": p.read_text("utf-8")}) + "\n")
    settings = Settings(batch_size=args.batch_size)
    urls = {}

    def fresh(name: str) -> str:
        for suffix in ("", "-wal", "-shm"):
            Path(str(work / name) + suffix).unlink(missing_ok=True)
        urls[name] = f"sqlite:///{work / name}"
        return urls[name]

    results: dict[str, tuple[float, float]] = {}
    worker_cpu = {"one process": "-"}
    pipeline = Pipeline(settings)
    with Store(fresh("one.db"), settings) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        batch: list[Article] = []
        for item in pipeline.process(iter_documents([str(src)], settings)):
            if isinstance(item, Article):
                batch.append(item)
                if len(batch) >= settings.batch_size:
                    store.write_batch(batch)
                    batch = []
        if batch:
            store.write_batch(batch)
        results["one process"] = (time.perf_counter() - t0, time.process_time() - c0)
    del pipeline
    for workers in (1, 2):
        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
            Client(cluster) as client,
        ):
            client.register_plugin(PipelinePlugin(settings))  # pipelines loaded before the clock starts
            before = client.run(_cpu_seconds)
            with Store(fresh(f"dask{workers}.db"), settings) as store:
                t0, c0 = time.perf_counter(), time.process_time()
                summary = ingest_distributed([str(src)], store, settings, client=client)
                label = f"LocalCluster, {workers} worker{'s' if workers > 1 else ''}"
                results[label] = (time.perf_counter() - t0, time.process_time() - c0)
            after = client.run(_cpu_seconds)
            worker_cpu[label] = " + ".join(f"{after[w] - before[w]:.1f}" for w in sorted(after))
            assert summary.stored == len(texts), summary
    base = results["one process"][0]
    print(
        "| run | wall s | articles/s | speed-up | CPU s of this process | CPU s of each worker |\n"
        "| --- | --- | --- | --- | --- | --- |"
    )
    for label, (wall, cpu) in results.items():
        print(
            f"| {label} | {wall:.1f} | {len(texts) / wall:.2f} | {base / wall:.2f}× | {cpu:.1f} | {worker_cpu[label]} |"
        )
    same = [differences(dump_tables(urls["one.db"]), dump_tables(urls[n])) for n in ("dask1.db", "dask2.db")]
    print(f"\ndatabases identical to the one-process ingest (every table): {'yes' if same == [[], []] else same}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--only", choices=("store", "dask"))
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-bench-scale")
    ap.add_argument("--url", help="a database URL for the store part instead of a SQLite file (an empty database)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--window", type=int, default=1000, help="articles over which store CPU is averaged")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dask-articles", type=int, default=96)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}\ncommand: python benchmarks/bench_scale.py {' '.join(sys.argv[1:])}\n", flush=True)
    if args.only != "dask":
        store_part(args, args.work)
    if args.only != "store":
        dask_part(args, args.work)


if __name__ == "__main__":
    main()
