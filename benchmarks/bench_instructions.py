"""Instructions, not seconds: the pipeline's cost against spaCy's bare parse, counted by callgrind.

    python benchmarks/bench_instructions.py [FOLDER] [--limit 40]

Wall-clock ratios on a shared virtual machine swing by several points from one
process to the next; instruction counts do not (the same binary on the same
input executes the same instructions whatever else the machine is doing). This
script re-runs itself under ``valgrind --tool=callgrind`` with instrumentation
off, warms the pipelines up, then switches counting on for spaCy's stock
pipeline on the texts (``spacy.load``: the bare parse), for newsgraph's own spaCy
pipeline with every newsgraph component off (the same parse with newsgraph's
tokenizer rule and indexed attribute ruler) and for the full pipeline on the same
texts, dumping the count after each. It prints the totals and the ratios.
Instructions are a proxy for time (a cache miss costs more than an add), so this
complements ``bench_extract.py`` rather than replacing it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train" / "text"


def _control(*args: str) -> None:
    subprocess.run(["callgrind_control", *args, str(os.getpid())], check=True, capture_output=True)


def measure(folder: Path, limit: int) -> None:
    """Runs inside callgrind: warm up, then count the bare parse and the full pipeline."""
    from newsgraph.ingest import InputDocument
    from newsgraph.pipeline import Pipeline
    from newsgraph.record import Source
    from newsgraph.registry import COMPONENTS
    from newsgraph.settings import Settings

    files = sorted(folder.glob("*.txt"))[:limit]
    texts = [f.read_text("utf-8") for f in files]
    import spacy

    pipe = Pipeline(Settings(batch_size=32))
    nlp = pipe.nlp
    stock = spacy.load(pipe.settings.model)
    ours = ["newsgraph_paragraphs", *COMPONENTS]
    docs = [InputDocument(text=t, source=Source(path=str(f)), id=f.stem) for f, t in zip(files, texts, strict=True)]
    for _ in pipe.process(docs):  # warm-up: vocabulary, string store, lazy loading
        pass
    for _ in stock.pipe(texts, batch_size=32):
        pass
    _control("-z")
    _control("-i", "on")
    for _ in stock.pipe(texts, batch_size=32):
        pass
    _control("-i", "off")
    _control("-d", "bare")
    _control("-i", "on")
    with nlp.select_pipes(disable=ours):
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    _control("-i", "off")
    _control("-d", "own")
    _control("-i", "on")
    for _ in pipe.process(docs):
        pass
    _control("-i", "off")
    _control("-d", "full")


def _total(text: str) -> int:
    """The dump's instruction total (its "totals:" line; "summary:" can be 0 in a dump)."""
    found = re.findall(r"^totals:\s+(\d+)", text, re.M) or re.findall(r"^summary:\s+(\d+)", text, re.M)
    if not found:
        raise SystemExit("no instruction total in a callgrind dump")
    return max(int(x) for x in found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inside:
        measure(args.folder, args.limit)
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        cmd = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={out}.%p",
            sys.executable,
            __file__,
            str(args.folder),
            "--limit",
            str(args.limit),
            "--inside",
        ]
        subprocess.run(cmd, check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        dumps = {}
        for f in Path(tmp).iterdir():
            text = f.read_text(errors="replace")
            trigger = re.search(r"^desc: Trigger: dump (\w+)", text, re.M)
            if trigger is not None and trigger.group(1) in ("bare", "own", "full"):
                dumps[trigger.group(1)] = _total(text)
    if set(dumps) != {"bare", "own", "full"}:
        raise SystemExit(f"callgrind dumps not found (got {sorted(dumps)})")
    bare, own, full = dumps["bare"], dumps["own"], dumps["full"]
    print(f"texts: {args.limit} from {args.folder}, batch size 32, after an uncounted warm-up pass")
    print("| run | instructions |\n| --- | --- |")
    print(f"| spaCy's stock pipeline (spacy.load): the bare parse | {bare:,} |")
    print(f"| newsgraph's spaCy pipeline, newsgraph components off | {own:,} |")
    print(f"| newsgraph extract (all stages) | {full:,} |")
    print(f"instruction ratio (bare / extract): {bare / full:.3f}; overhead {100 * (full - bare) / bare:.1f}%")
    print(f"against newsgraph's own spaCy pipeline (what newsgraph's components and records cost): {own / full:.3f}")


if __name__ == "__main__":
    main()
