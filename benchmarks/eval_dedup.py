"""Near-duplicate detection quality: republished variants of real articles, and false pairs.

    python benchmarks/eval_dedup.py [--originals 200]

Uses the same cleaning, shingling, MinHash and LSH banding as ingest. Each of
N PolNeAR articles gets four copies (other boilerplate, re-wrapped lines, a
changed headline, a trimmed last paragraph); recall is the share of copies
whose original is found. Precision: every pair among the 924 distinct PolNeAR
articles that the method would call a copy is a false pair.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from newsgraph.clean import clean_text
from newsgraph.corpus.dedup import band_keys, is_copy, republished_variants, shingles, signature
from newsgraph.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def body(text: str) -> str:
    r = clean_text(text)
    return "\n\n".join(text[b.start : b.end] for b in r.body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--originals", type=int, default=200)
    args = ap.parse_args()
    s = Settings()
    files = sorted((SHARED / "train" / "text").glob("*.txt")) + sorted((SHARED / "dev" / "text").glob("*.txt"))
    texts = {f.stem: f.read_text("utf-8") for f in files}
    sigs = {k: signature(body(t), s.dedup_num_perm) for k, t in texts.items()}
    sizes = {k: len(shingles(body(t))) for k, t in texts.items()}
    buckets: dict[tuple[int, str], list[str]] = defaultdict(list)
    for k, m in sigs.items():
        for key in band_keys(m, s.dedup_threshold, s.dedup_num_perm):
            buckets[key].append(k)

    def sim(a: np.ndarray, b: np.ndarray) -> float:
        return float(np.mean(a == b))

    false_pairs = set()
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if is_copy(sim(sigs[a].hashvalues, sigs[b].hashvalues), sizes[a], sizes[b], s.dedup_threshold):
                    false_pairs.add(tuple(sorted((a, b))))
    found = defaultdict(int)
    total = defaultdict(int)
    for k in list(texts)[: args.originals]:
        for kind, v in republished_variants(texts[k]).items():
            m = signature(body(v), s.dedup_num_perm)
            n = len(shingles(body(v)))
            cands = {c for key in band_keys(m, s.dedup_threshold, s.dedup_num_perm) for c in buckets.get(key, [])}
            hit = k in cands and is_copy(sim(m.hashvalues, sigs[k].hashvalues), n, sizes[k], s.dedup_threshold)
            wrong = [
                c
                for c in cands
                if c != k and is_copy(sim(m.hashvalues, sigs[c].hashvalues), n, sizes[c], s.dedup_threshold)
            ]
            total[kind] += 1
            found[kind] += hit and not wrong
    print(f"articles: {len(texts)}; false pairs among them: {len(false_pairs)} {sorted(false_pairs)[:5]}")
    n_found, n_total = sum(found.values()), sum(total.values())
    print(
        f"copies detected: {n_found}/{n_total} (recall {n_found / n_total:.3f}); precision "
        f"{n_found / (n_found + len(false_pairs)):.3f} counting every false pair"
    )
    for kind in total:
        print(f"  {kind}: {found[kind]}/{total[kind]}")


if __name__ == "__main__":
    sys.exit(main())
