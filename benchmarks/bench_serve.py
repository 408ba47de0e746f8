"""Load test of ``newsgraph serve`` on loopback: latency (p50/p95) and errors at 1, 8 and 32 clients.

The server runs in a process of its own (``newsgraph serve``, one uvicorn worker unless ``--workers``
says more) on a free port of 127.0.0.1; the clients are threads of this process, each with a keep-alive
connection, each sending requests back to back. Every cell (endpoint x clients) is bounded in time
and in count, and the run stops by itself. The server's CPU time per request is read from /proc, a
figure a busy machine disturbs less than wall-clock latency.

Build the store first (about 4 minutes of CPU):

    newsgraph ingest ../shared/data/polnear/train/text ../shared/data/polnear/dev/text --db sqlite:////tmp/polnear.db

Then:

    .venv/bin/python benchmarks/bench_serve.py --db sqlite:////tmp/polnear.db
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

ENDPOINTS = ("article", "quotes", "search", "timeline", "quotes (no filter)")
SEARCH_WORDS = ("email", "immigration", "debate", "Clinton", "taxes", "border wall", "Supreme Court", "polls")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children (uvicorn's workers) so far (Linux /proc)."""
    total = 0.0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        pids += [int(c) for c in children]
    return total


def targets(base: str) -> dict[str, Callable[[], Iterator[str]]]:
    """The URLs each endpoint cycles through, taken from the store itself."""
    with httpx.Client(base_url=base, timeout=60) as c:
        ids, cursor = [], None
        while len(ids) < 300:
            page = c.get("/articles", params={"limit": 100, **({"cursor": cursor} if cursor else {})}).json()
            ids += [a["id"] for a in page["items"]]
            cursor = page["next"]
            if not cursor:
                break
        actors = c.get("/actors", params={"limit": 40}).json()["items"]
    people = [a for a in actors if a["kind"] in ("person", "organization", "group")][:20]
    return {
        "article": lambda: itertools.cycle(f"/articles/{i}" for i in ids),
        "quotes": lambda: itertools.cycle(f"/quotes?speaker={a['id']}&limit=50" for a in people),
        "search": lambda: itertools.cycle(f"/search?q={w}&limit=20" for w in SEARCH_WORDS),
        "timeline": lambda: itertools.cycle(f"/actors/{a['id']}/timeline" for a in people),
        "quotes (no filter)": lambda: itertools.cycle(["/quotes?limit=50"]),
    }


def run_cell(base: str, urls: Iterator[str], clients: int, seconds: float, max_requests: int) -> dict[str, float]:
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0
    sent = 0
    deadline = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors, sent
        with httpx.Client(base_url=base, timeout=30) as c:
            while time.monotonic() < deadline:
                with lock:
                    if sent >= max_requests:
                        return
                    sent += 1
                    url = next(urls)
                t0 = time.perf_counter()
                try:
                    ok = c.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    errors += not ok

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": round(q[49] * 1000, 1),
        "p95_ms": round(q[94] * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "per_s": round(len(latencies) / wall, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default="sqlite:////tmp/polnear.db")
    ap.add_argument("--clients", default="1,8,32", help="Concurrent clients per cell, comma-separated.")
    ap.add_argument("--seconds", type=float, default=8.0, help="Time bound of each cell.")
    ap.add_argument("--requests", type=int, default=400, help="Count bound of each cell.")
    ap.add_argument("--workers", type=int, default=1, help="Server processes (newsgraph serve --workers).")
    ap.add_argument("--endpoints", default=",".join(ENDPOINTS), help="Which endpoints, comma-separated.")
    ap.add_argument("--json", type=Path, help="Also write the results here.")
    args = ap.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    exe = [sys.executable, "-m", "newsgraph.cli", "serve", "--db", args.db, "--port", str(port)]
    exe += ["--workers", str(args.workers)]
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_API_TOKEN"}  # reads only
    server = subprocess.Popen([*exe, "--log-level", "warning"], env=env, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise SystemExit("the server did not start")
        counts = httpx.get(base + "/health").json()
        urls = targets(base)
        print(f"store: {counts['articles']} articles, {counts['quotes']} quotes, {counts['events']} events ({args.db})")
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, load average {os.getloadavg()}, "
            f"Python {platform.python_version()}"
        )
        results = []
        print(
            f"{'endpoint':20s} {'clients':>7s} {'requests':>8s} {'errors':>6s} {'p50 ms':>8s} {'p95 ms':>8s} "
            f"{'max ms':>8s} {'req/s':>7s} {'server CPU ms/req':>18s}"
        )
        for name in args.endpoints.split(","):
            for n in (int(x) for x in args.clients.split(",")):
                run_cell(base, urls[name](), 1, 1.0, 5)  # warm the server's caches
                cpu0 = cpu_seconds(server.pid)
                cell = run_cell(base, urls[name](), n, args.seconds, args.requests)
                cell["server_cpu_ms_per_request"] = round((cpu_seconds(server.pid) - cpu0) * 1000 / cell["requests"], 1)
                results.append({"endpoint": name, "clients": n, **cell})
                print(
                    f"{name:20s} {n:7d} {cell['requests']:8d} {cell['errors']:6d} {cell['p50_ms']:8.1f} "
                    f"{cell['p95_ms']:8.1f} {cell['max_ms']:8.1f} {cell['per_s']:7.1f} "
                    f"{cell['server_cpu_ms_per_request']:18.1f}",
                    flush=True,
                )
        print(f"load average after: {os.getloadavg()}")
        if args.json:
            args.json.write_text(json.dumps({"db": args.db, "results": results}, indent=1))
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
