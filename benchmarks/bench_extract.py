"""Throughput of the whole pipeline against spaCy's bare parse of the same texts, in one run.

    python benchmarks/bench_extract.py [FOLDER] [--limit N] [--batch-size 32] [--rounds 2] [--chunk 64]
    python benchmarks/bench_extract.py --memory 2000

The first form times, on the same texts: spaCy's stock pipeline as ``spacy.load`` gives it
(the floor: a bare parse), newsgraph's own spaCy pipeline with all of newsgraph's components
disabled (the same parse with newsgraph's tokenizer rule and indexed attribute ruler, see
``newsgraph.nlp.attribute_ruler``) and the full pipeline (cleaning, masking, components,
records), after one untimed warm-up pass. The texts are timed in chunks of ``--chunk``: each
chunk runs through all three, back to back, in rotating order, so that a machine slowing down
or speeding up during the run weighs on every side alike. The ratio is the summed bare time
over the summed full time, over ``--rounds`` passes; the spread of the per-chunk ratios shows
how steady the machine was. It reports the ratio against both parses, and each newsgraph
component's share of the stock parse.
The second writes a JSONL of N articles and ingests it into a fresh SQLite file, printing peak
RSS every few hundred articles.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import tempfile
import time
from collections import defaultdict
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train" / "text"


def machine() -> str:
    import os

    import spacy

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, spaCy {spacy.__version__}"


def throughput(folder: Path, limit: int | None, batch_size: int, rounds: int, chunk: int) -> None:
    from newsgraph.ingest import InputDocument
    from newsgraph.pipeline import Pipeline
    from newsgraph.record import Source
    from newsgraph.registry import COMPONENTS
    from newsgraph.settings import Settings

    files = sorted(folder.glob("*.txt"))[:limit]
    texts = [f.read_text("utf-8") for f in files]
    words = sum(len(t.split()) for t in texts)
    import spacy

    pipe = Pipeline(Settings(batch_size=batch_size))
    nlp = pipe.nlp
    stock = spacy.load(pipe.settings.model)
    ours = ["newsgraph_paragraphs", *COMPONENTS]  # every component newsgraph adds to spaCy's

    def bare_parse(part: list[str]) -> float:
        t0 = time.perf_counter()
        for _ in stock.pipe(part, batch_size=batch_size):
            pass
        return time.perf_counter() - t0

    def own_parse(part: list[str]) -> float:
        t0 = time.perf_counter()
        with nlp.select_pipes(disable=ours):
            for _ in nlp.pipe(part, batch_size=batch_size):
                pass
        return time.perf_counter() - t0

    def full_extract(part: list[InputDocument]) -> float:
        t0 = time.perf_counter()
        for _ in pipe.process(part):
            pass
        return time.perf_counter() - t0

    # A first pass over new texts is slow for reasons outside newsgraph (spaCy growing its
    # vocabulary and string store, allocator warm-up): warm up untimed.
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    for _ in stock.pipe(texts, batch_size=batch_size):
        pass
    spent: dict[str, float] = defaultdict(float)
    enabled = list(nlp.pipe_names)
    for name in ours:  # time each of our components by wrapping it in the pipeline
        comp = nlp.get_pipe(name)

        def timed(doc, _comp=comp, _name=name):
            s = time.perf_counter()
            out = _comp(doc)
            spent[_name] += time.perf_counter() - s
            return out

        # the slot among all components, disabled ones included (the model ships "senter" off): an
        # index into ``pipe_names`` would put each wrapper one slot early, over spaCy's "ner"
        slot = nlp.component_names.index(name)
        nlp._components[slot] = (name, timed)  # noqa: SLF001 - timing wrapper
    if nlp.pipe_names != enabled:
        raise RuntimeError(f"timing wrappers changed the pipeline: {nlp.pipe_names} != {enabled}")
    docs = [InputDocument(text=t, source=Source(path=str(f)), id=f.stem) for f, t in zip(files, texts, strict=True)]
    bare_runs: list[float] = []
    own_runs: list[float] = []
    full_runs: list[float] = []
    ratios: list[float] = []  # bare / full for each chunk of each round
    own_ratios: list[float] = []  # own parse / full for each chunk of each round
    for r in range(rounds):
        bare_total = own_total = full_total = 0.0
        for k, at in enumerate(range(0, len(texts), chunk)):
            part_texts, part_docs = texts[at : at + chunk], docs[at : at + chunk]
            timers = [(bare_parse, part_texts), (own_parse, part_texts), (full_extract, part_docs)]
            took = [0.0, 0.0, 0.0]
            for j in range(3):  # who goes first rotates from chunk to chunk
                side = (r + k + j) % 3
                timer, part = timers[side]
                took[side] = timer(part)  # type: ignore[operator]
            bare, own, full = took[0], took[1], took[2]
            bare_total += bare
            own_total += own
            full_total += full
            ratios.append(bare / full)
            own_ratios.append(own / full)
        bare_runs.append(bare_total)
        own_runs.append(own_total)
        full_runs.append(full_total)
    bare, own, full = sum(bare_runs) / rounds, sum(own_runs) / rounds, sum(full_runs) / rounds
    ratios.sort()
    own_ratios.sort()

    def spread(xs: list[float]) -> str:
        return (
            f"median {xs[len(xs) // 2]:.3f}, 10th-90th percentile {xs[len(xs) // 10]:.3f}-{xs[9 * len(xs) // 10]:.3f}"
        )

    runs = lambda xs: ", ".join(f"{x:.1f}" for x in xs)  # noqa: E731
    print(f"machine: {machine()}")
    print(f"texts: {len(texts)} from {folder} ({words} words), batch size {batch_size}, 1 process")
    print(
        f"after one untimed warm-up pass; {rounds} rounds of {len(ratios) // rounds} chunks of {chunk} texts, "
        "each chunk through the three back to back in rotating order; mean of the rounds"
    )
    print("| run | seconds (mean) | each round | docs/s | words/s |\n| --- | --- | --- | --- | --- |")
    print(
        f"| spaCy's stock pipeline (spacy.load): the bare parse | {bare:.1f} | {runs(bare_runs)} | "
        f"{len(texts) / bare:.1f} | {words / bare:,.0f} |"
    )
    print(
        f"| newsgraph's spaCy pipeline, newsgraph components off | {own:.1f} | {runs(own_runs)} | "
        f"{len(texts) / own:.1f} | {words / own:,.0f} |"
    )
    print(
        f"| newsgraph extract (all stages) | {full:.1f} | {runs(full_runs)} | {len(docs) / full:.1f} | "
        f"{words / full:,.0f} |"
    )
    print(f"throughput ratio (extract / bare parse): {bare / full:.3f}; overhead {100 * (full - bare) / bare:.1f}%")
    print(
        f"against newsgraph's own spaCy pipeline (what newsgraph's components and records cost): {own / full:.3f}; "
        f"that parse is {100 * (bare - own) / bare:.1f}% faster than the stock one"
    )
    print(f"per-chunk ratios: {spread(ratios)}; against the own parse: {spread(own_ratios)}")
    print("component times, mean of the rounds:")
    for name in ours:
        print(f"  {name}: {spent[name] / rounds:.2f} s ({100 * spent[name] / rounds / bare:.1f}% of the bare parse)")


def memory(n: int) -> None:
    from newsgraph.ingest import iter_documents
    from newsgraph.pipeline import extract_stream
    from newsgraph.record import Article
    from newsgraph.settings import Settings
    from newsgraph.store import Store

    texts = [f.read_text("utf-8") for f in sorted(DEFAULT.glob("*.txt"))] or ["A minister said talks went well."]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "many.jsonl"
        with src.open("w") as f:
            for i in range(n):
                f.write(json.dumps({"id": f"m{i}", "text": texts[i % len(texts)] + f"\n\nCopy {i}."}) + "\n")
        settings = Settings(db=f"sqlite:///{tmp}/m.db")
        store = Store(settings.db, settings)
        batch: list[Article] = []
        done = 0
        t0 = time.perf_counter()
        for item in extract_stream(iter_documents([src], settings), settings):
            if isinstance(item, Article):
                batch.append(item)
            if len(batch) >= settings.batch_size:
                store.write_batch(batch)
                done += len(batch)
                batch.clear()
                if done % 400 == 0:
                    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                    print(f"{done} articles: peak RSS {rss:.0f} MB, {time.perf_counter() - t0:.0f} s")
        if batch:
            store.write_batch(batch)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n} articles: peak RSS {rss:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=2, help="passes over all texts (their mean is reported)")
    ap.add_argument("--chunk", type=int, default=64, help="texts timed back to back through bare parse and extract")
    ap.add_argument("--memory", type=int, metavar="N")
    args = ap.parse_args()
    if args.memory:
        memory(args.memory)
    else:
        throughput(args.folder, args.limit, args.batch_size, args.rounds, args.chunk)


if __name__ == "__main__":
    main()
