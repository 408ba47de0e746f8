"""Kill and concurrency runs of ``newsgraph ingest`` on real articles (docs/reliability.md).

    python benchmarks/reliability_runs.py [--articles 120]

- **kill**: an ingest into a fresh SQLite file is killed with SIGKILL at three moments (after the
  first, a middle and a late batch is stored); each time the database is checked (SQLite's
  integrity check; every stored article has all its actors, mentions, quotes, events and time
  expressions, none half-written), the same ingest is run again to the end, and its tables are
  compared with those of one clean ingest of the same inputs.
- **concurrency**: the inputs are split in two folders and two ``ingest`` processes write them into
  one SQLite file at the same time, once a new file (both create the schema) and once a file whose
  schema exists; the articles stored are counted against the inputs.

Inputs are PolNeAR training texts from ../shared when present, else generated texts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
PARTS = ("actors", "mentions", "quotes", "events", "timexes")
CORPUS_TABLES = ("registry", "registry_names", "registry_links", "story_events", "story_quotes")


def write_inputs(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    texts = sorted(POLNEAR.glob("*.txt"))[:n] if POLNEAR.is_dir() else []
    for i, f in enumerate(texts):
        shutil.copy(f, folder / f"{i:04d}-{f.name}")
    for i in range(len(texts), n):
        (folder / f"{i:04d}.txt").write_text(
            f"The mayor of town {i} met aid agencies on Monday.\n\n"
            f'"We need {i + 10} more pumps," the mayor told reporters after the meeting.'
        )


def ingest(paths: list[Path], db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "ingest", *map(str, paths), "--db", f"sqlite:///{db}", "--quiet",
         "--batch-size", "16"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip


def count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return 0


def half_written(db: Path) -> tuple[str, int]:
    """SQLite's integrity check and the number of articles whose parts do not match their record."""
    with sqlite3.connect(db) as conn:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        bad = 0
        for aid, record in conn.execute("SELECT id, record FROM articles"):
            rec = json.loads(record)
            found = {
                t: conn.execute(f"SELECT count(*) FROM {t} WHERE article_id = ?", (aid,)).fetchone()[0] for t in PARTS
            }
            want = {
                "actors": len(rec["actors"]),
                "mentions": sum(len(a["mentions"]) for a in rec["actors"]),
                "quotes": len(rec["quotes"]),
                "events": len(rec["events"]),
                "timexes": len(rec["timexes"]),
            }
            bad += found != want
    return check, bad


def tables(db: Path) -> dict[str, int]:
    return {t: count(db, t) for t in ("articles", *PARTS, *CORPUS_TABLES)}


def kill_runs(inputs: Path, n: int, work: Path) -> None:
    clean = work / "clean.db"
    t = time.monotonic()
    proc = ingest([inputs], clean)
    proc.wait()
    print(f"clean ingest: exit {proc.returncode}, {time.monotonic() - t:.0f} s, tables {tables(clean)}", flush=True)
    for moment, stored in (("after the first batch", 16), ("mid-run", n // 2), ("late", n - 16)):
        db = work / f"killed-{stored}.db"
        proc = ingest([inputs], db)
        while count(db, "articles") < stored and proc.poll() is None:
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        at_kill = count(db, "articles")
        check, bad = half_written(db)
        again = ingest([inputs], db)
        again.wait()
        after = tables(db)
        same = {k: (after[k], v) for k, v in tables(clean).items() if after[k] != v}
        print(
            f"kill {moment}: {at_kill} articles stored at the kill, integrity {check}, {bad} half-written; "
            f"re-run exit {again.returncode}, {after['articles']} of {n} articles; "
            f"tables differing from the clean ingest (re-run, clean): {same or 'none'}",
            flush=True,
        )


def concurrency_run(inputs: Path, n: int, work: Path) -> None:
    halves = [work / "a", work / "b"]
    for h in halves:
        h.mkdir()
    for i, f in enumerate(sorted(inputs.iterdir())):
        shutil.copy(f, halves[i % 2] / f.name)
    for fresh in (True, False):
        db = work / f"two-writers-{'fresh' if fresh else 'made'}.db"
        if not fresh:  # the schema made beforehand: only the writes race
            subprocess.run(
                [sys.executable, "-c", f"from newsgraph.store import Store; Store('sqlite:///{db}').close()"],
                check=True,
            )
        procs = [ingest([h], db) for h in halves]
        errors = []
        for p in procs:
            _, err = p.communicate()
            errors.append((p.returncode, err.decode("utf-8", "replace").strip().splitlines()[-1:]))
        stored = count(db, "articles")
        print(
            f"two ingests into one {'new' if fresh else 'existing'} SQLite file: exits and last stderr lines "
            f"{errors}; {stored} of {n} articles stored, {n - stored} lost",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--only", choices=("kill", "concurrency"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsgraph-reliability-"))
    try:
        inputs = work / "inputs"
        write_inputs(inputs, args.articles)
        print(f"{args.articles} inputs ({'PolNeAR train' if POLNEAR.is_dir() else 'generated'}) in {inputs}")
        if args.only in (None, "kill"):
            kill_runs(inputs, args.articles, work)
        if args.only in (None, "concurrency"):
            concurrency_run(inputs, args.articles, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
