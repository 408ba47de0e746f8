"""Actor coverage on PLOVER dev by development half and untouched half.

    python benchmarks/eval_actor_halves.py [GOLD] [--misses]

The same figure as ``newsgraph eval actors`` (a gold source or target is found when an actor
with the same country has a mention overlapping its text), on all of dev and on each half
(``eval_halves.half_of``: the MD5 of the record id, even = A). Actor rules are developed on
half A; half B is only scored, so ``--misses`` lists half A's misses and nothing of half B.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eval_halves import GOLD, half_of

from newsgraph.evaluation.actors import coverage
from newsgraph.ingest import InputDocument
from newsgraph.pipeline import extract_stream
from newsgraph.record import Article, Source
from newsgraph.settings import load_settings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--misses", action="store_true", help="list the misses of half A")
    args = ap.parse_args()
    records = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()]
    docs = [InputDocument(text=str(r["text"]), source=Source(path=str(args.gold)), id=str(r["id"])) for r in records]
    arts = {a.id: a for a in extract_stream(docs, load_settings()) if isinstance(a, Article)}
    parts = {"dev": records, **{h: [r for r in records if half_of(str(r["id"])) == h] for h in "AB"}}
    for name, part in parts.items():
        res = coverage(part, arts)
        print(f"{name:3s} gold actors {res['gold_actors']:3d}  found {res['found']:3d}  coverage {res['coverage']:.3f}")
    if args.misses:
        for m in coverage(parts["A"], arts)["misses"]:
            print(f"  A {m['id']} {m['role']}: {m['text']!r} ({m['code']})")


if __name__ == "__main__":
    main()
