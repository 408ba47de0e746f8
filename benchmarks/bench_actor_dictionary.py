"""What the open actor dictionary adds to extraction time, and what it costs to load and ship.

    python benchmarks/bench_actor_dictionary.py [FOLDER] [--limit N] [--rounds 2] [--chunk 64]

Runs the full pipeline over the texts twice per chunk in one process: once as shipped and once
with the actor stage's dictionary taken out (its lexicon without ``dictionary``, and mention
finders built from that lexicon: no dictionary names found in the text, no dictionary codes).
Each chunk of ``--chunk`` texts goes through both, back to back, in alternating order, and is
timed in CPU seconds of this process (``time.process_time``: other processes on a shared
machine do not count, as wall-clock seconds would). Prints the summed CPU time of each side,
the added share, the one-time cost of loading the dictionary and building its finders, and
the size of the shipped files.
"""

from __future__ import annotations

import argparse
import copy
import platform
import time
from dataclasses import replace
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train" / "text"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=64)
    args = ap.parse_args()

    from importlib import resources

    from newsgraph.actors.dictionary import ActorDictionary
    from newsgraph.actors.mentions import MentionFinder
    from newsgraph.ingest import InputDocument
    from newsgraph.pipeline import Pipeline
    from newsgraph.record import Source
    from newsgraph.settings import Settings

    files = sorted(args.folder.glob("*.txt"))[: args.limit]
    docs = [InputDocument(text=f.read_text("utf-8"), source=Source(path=str(f)), id=f.stem) for f in files]
    pipe = Pipeline(Settings(batch_size=32))
    comp = pipe.nlp.get_pipe("newsgraph_actors")

    started = time.process_time()
    ActorDictionary(_raw())  # read and index the shipped file anew
    loaded = time.process_time() - started
    started = time.process_time()
    MentionFinder(pipe.nlp, comp.lexicon)
    with_finder = time.process_time() - started

    shipped = (comp.lexicon, comp.finder, comp.us_lexicon, comp.us_finder)
    bare = replace(comp.lexicon, dictionary=None)
    bare_finder = MentionFinder(pipe.nlp, bare)
    bare_us = bare.reading_us_states()
    bare_us_finder = copy.copy(bare_finder)
    bare_us_finder.lex = bare_us
    started = time.process_time()
    MentionFinder(pipe.nlp, bare)
    without_finder = time.process_time() - started
    stripped = (bare, bare_finder, bare_us, bare_us_finder)

    def run(part: list[InputDocument], setup: tuple[object, object, object, object]) -> float:
        comp.lexicon, comp.finder, comp.us_lexicon, comp.us_finder = setup
        t = time.process_time()
        for _ in pipe.process(part):
            pass
        return time.process_time() - t

    run(docs[: args.chunk], shipped)  # warm-up
    run(docs[: args.chunk], stripped)
    totals = {"with": 0.0, "without": 0.0}
    for r in range(args.rounds):
        for k in range(0, len(docs), args.chunk):
            part = docs[k : k + args.chunk]
            order = [("with", shipped), ("without", stripped)]
            if (k // args.chunk + r) % 2:
                order.reverse()
            for name, setup in order:
                totals[name] += run(part, setup)
    comp.lexicon, comp.finder, comp.us_lexicon, comp.us_finder = shipped

    data = resources.files("newsgraph.data")
    size = sum(data.joinpath(n).stat().st_size for n in ("phoenix_actors.json", "phoenix_agents.json"))  # type: ignore[attr-defined]
    print(f"machine: {platform.machine()}, {len(docs)} texts from {args.folder}, {args.rounds} rounds")
    print(f"extraction CPU time with the dictionary {totals['with']:.1f} s, without {totals['without']:.1f} s")
    print(f"added by the dictionary: {100 * (totals['with'] / totals['without'] - 1):+.2f}%")
    print(
        f"one-time: load the dictionary {loaded:.2f} s; mention finder with it {with_finder:.2f} s, "
        f"without {without_finder:.2f} s"
    )
    print(f"shipped dictionary files: {size / 1e6:.2f} MB")


def _raw() -> dict[str, object]:
    import json
    from importlib import resources

    return json.loads(resources.files("newsgraph.data").joinpath("phoenix_actors.json").read_text("utf-8"))  # type: ignore[no-any-return]


if __name__ == "__main__":
    main()
