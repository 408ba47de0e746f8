"""PLOVER dev by halves, and what half B forecasts for a withheld part of the same collection.

    python benchmarks/eval_halves.py [GOLD] [--withheld 128] [--resamples 1000]

The event rules were developed on half A of the dev records (the records whose id's MD5 is
even); half B's errors are never read, so its score is the nearest thing to the withheld part
this repository has. The script prints each half's event-type and full-event F1 (aggregates
only: no record of half B is printed), then resamples ``--withheld`` records from half B with
replacement and reports the 2.5/50/97.5 percentiles of the two scores and how often each lands
within 0.05 of the score on all of dev.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from pathlib import Path
from typing import Any

from newsgraph.evaluation.events import predict, read_gold, score
from newsgraph.settings import load_settings

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "plover" / "gsr-dev.jsonl"


def half_of(record_id: str) -> str:
    return "A" if int(hashlib.md5(record_id.encode()).hexdigest(), 16) % 2 == 0 else "B"


def headline(res: dict[str, Any]) -> tuple[float, float]:
    return res["type_micro"]["f1"], res["full_event"]["f1"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--withheld", type=int, default=128, help="size of the withheld part to forecast")
    ap.add_argument("--resamples", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    gold, texts = read_gold(args.gold)
    preds = predict(texts, load_settings())
    dev_type, dev_full = headline(score(gold, preds))
    print(f"dev ({len(gold)}): type F1 {dev_type:.3f}, full F1 {dev_full:.3f}")
    halves = {h: [k for k in gold if half_of(k) == h] for h in "AB"}
    for h, ids in halves.items():
        t, f = headline(score({k: gold[k] for k in ids}, {k: preds.get(k, []) for k in ids}))
        print(f"half {h} ({len(ids)}): type F1 {t:.3f}, full F1 {f:.3f}")

    rnd = random.Random(args.seed)
    draws: list[tuple[float, float]] = []
    for _ in range(args.resamples):
        sample = [rnd.choice(halves["B"]) for _ in range(args.withheld)]
        # a record drawn twice counts twice: each draw gets an id of its own
        g = {f"{k}#{i}": gold[k] for i, k in enumerate(sample)}
        p = {f"{k}#{i}": preds.get(k, []) for i, k in enumerate(sample)}
        draws.append(headline(score(g, p)))
    for name, col, dev in (("type F1", 0, dev_type), ("full F1", 1, dev_full)):
        values = sorted(d[col] for d in draws)
        n = len(values)
        lo, mid, hi = values[int(0.025 * n)], values[n // 2], values[min(n - 1, int(0.975 * n))]
        near = sum(abs(v - dev) <= 0.05 for v in values) / n
        print(
            f"withheld {args.withheld} drawn from half B, {name}: {lo:.3f} / {mid:.3f} / {hi:.3f} "
            f"(2.5/50/97.5%); within 0.05 of dev in {near:.0%} of {n} draws"
        )


if __name__ == "__main__":
    main()
