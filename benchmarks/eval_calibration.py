"""How well quote confidence matches precision: a reliability table on a PolNeAR-layout folder.

    python benchmarks/eval_calibration.py PATH/TO/polnear/dev

Every quote (with the reporting threshold off) is a prediction; it is correct
when the reference pairing matches it to a gold attribution with an
overlapping source. Rows: confidence bins, quotes in the bin, mean confidence,
observed precision.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from newsgraph.evaluation.attributions import _sources_agree, pair, quote_attribution, read_polnear
from newsgraph.ingest import InputDocument
from newsgraph.pipeline import Pipeline
from newsgraph.record import Source
from newsgraph.settings import Settings


def main() -> None:
    folder = Path(sys.argv[1])
    texts, gold = read_polnear(folder)
    pipe = Pipeline(Settings(quote_min_confidence=0.0))
    docs = [InputDocument(text=texts[d], source=Source(path=d), id=d) for d in sorted(gold)]
    bins: dict[float, list[tuple[float, bool]]] = defaultdict(list)
    for art in pipe.process(docs):
        text = texts[art.id]
        preds = [quote_attribution(q) for q in art.quotes]
        ok = {i for i, j in pair(text, preds, gold[art.id]) if _sources_agree(text, preds[i], gold[art.id][j])}
        for i, q in enumerate(art.quotes):
            bins[min(0.9, int(q.confidence * 10) / 10)].append((q.confidence, i in ok))
    print("| confidence | quotes | mean confidence | precision |\n| --- | --- | --- | --- |")
    for b in sorted(bins):
        rows = bins[b]
        mean = sum(c for c, _ in rows) / len(rows)
        prec = sum(1 for _, k in rows if k) / len(rows)
        print(f"| {b:.1f}–{b + 0.1:.1f} | {len(rows)} | {mean:.2f} | {prec:.2f} |")


if __name__ == "__main__":
    main()
