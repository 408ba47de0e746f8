"""Our metric code gives the reference scorers' numbers on the same predictions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.evaluation.attributions import evaluate_attributions, quote_attribution
from newsgraph.evaluation.events import evaluate_events
from newsgraph.record import Article
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def dev_slice(tmp_path_factory, pipeline) -> tuple[Path, list[Article]]:
    """A PolNeAR-layout folder with 6 dev documents, and our articles for them."""
    src = shared_path("data", "polnear", "dev")
    folder = tmp_path_factory.mktemp("polnear")
    (folder / "text").mkdir()
    (folder / "attributions").mkdir()
    from newsgraph.ingest import InputDocument
    from newsgraph.record import Source

    docs = []
    for p in sorted((src / "text").glob("*.txt"))[:6]:
        (folder / "text" / p.name).write_text(p.read_text("utf-8"), "utf-8")
        for a in (src / "attributions").glob(p.stem + "_*.ann"):
            (folder / "attributions" / a.name).write_text(a.read_text("utf-8"), "utf-8")
        docs.append(InputDocument(text=p.read_text("utf-8"), source=Source(path=str(p)), id=p.stem))
    return folder, list(pipeline.process(docs))


@pytest.mark.parametrize("subset", ["all", "direct"])
def test_attribution_metrics_equal_the_reference_scorer(dev_slice, tmp_path: Path, subset: str) -> None:
    folder, arts = dev_slice
    scorer = shared_path("scorers", "score_attributions.py")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        "\n".join(
            json.dumps(
                {
                    "doc": a.id,
                    "attributions": [
                        {k: [list(x) for x in v] for k, v in quote_attribution(q).items()} for q in a.quotes
                    ],
                }
            )
            for a in arts
        )
    )
    ref = json.loads(
        subprocess.run(
            [
                sys.executable,
                str(scorer),
                str(folder),
                str(pred),
                "--json",
                *(["--subset", "direct"] if subset == "direct" else []),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    ours = evaluate_attributions(folder, subset=subset, articles=arts)
    for key in ("attribution", "content", "cue_exact", "source_exact", "content_overlap"):
        assert ours[key] == pytest.approx(ref[key]), key
    assert ours["gold"] == ref["gold"] and ours["predicted"] == ref["predicted"]


def test_event_metrics_equal_the_reference_scorer(tmp_path: Path) -> None:
    gold = shared_path("data", "plover", "gsr-dev.jsonl")
    scorer = shared_path("scorers", "score_events.py")
    rows = [json.loads(line) for line in gold.read_text("utf-8").splitlines()[:40]]
    small = tmp_path / "gold.jsonl"
    small.write_text("\n".join(json.dumps(r) for r in rows))
    # predictions that are right, wrong and partial, to exercise every branch
    pred = tmp_path / "pred.jsonl"
    out = []
    for i, r in enumerate(rows):
        ev = {
            "type": r["event"] if i % 3 else "ACCUSE",
            "source": r["source"][:1],
            "target": [] if i % 4 else r["target"],
        }
        out.append({"id": r["id"], "events": [ev, {"type": "SUPPORT", "source": ["USA"]}] if i % 5 == 0 else [ev]})
    pred.write_text("\n".join(json.dumps(o) for o in out))
    ref = json.loads(
        subprocess.run(
            [sys.executable, str(scorer), str(small), str(pred), "--json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    ours = evaluate_events(small, predictions=pred)
    assert ours["type_f1"] == pytest.approx(ref["type_f1"]) and ours["full_f1"] == pytest.approx(ref["full_f1"])
    assert ours["source_country"]["acc"] == pytest.approx(ref["source_country"]["acc"])
    assert ours["sector"]["acc"] == pytest.approx(ref["sector"]["acc"])


def test_eval_rejects_a_folder_that_is_not_polnear(tmp_path: Path) -> None:
    from newsgraph.errors import EvaluationError

    with pytest.raises(EvaluationError, match=r"\[E500\]"):
        evaluate_attributions(tmp_path)
