"""Every span of every record points at its own text: text[start:end] == span.text."""

from __future__ import annotations

from pathlib import Path

from newsgraph.ingest import InputDocument, iter_documents
from newsgraph.record import Article, check_offsets, iter_spans
from newsgraph.settings import Settings
from tests.conftest import EXAMPLES, SHARED


def inputs() -> list[Path]:
    paths = [EXAMPLES]
    for extra in (SHARED / "data" / "html", SHARED / "data" / "samples"):
        if extra.exists():
            paths.append(extra)
    return paths


def test_all_spans_on_all_test_inputs(pipeline) -> None:
    docs = [d for d in iter_documents(inputs(), Settings()) if isinstance(d, InputDocument)]
    polnear = SHARED / "data" / "polnear" / "dev" / "text"
    if polnear.exists():
        from newsgraph.record import Source

        docs += [
            InputDocument(text=p.read_text("utf-8"), source=Source(path=str(p)), id=p.stem)
            for p in sorted(polnear.glob("*.txt"))[:10]
        ]
    arts = [a for a in pipeline.process(docs) if isinstance(a, Article)]
    assert len(arts) == len(docs)
    n = 0
    for a in arts:
        check_offsets(a)
        for span in iter_spans(a):
            assert a.text[span.start : span.end] == span.text
            n += 1
        assert Article.from_json(a.to_json()).to_dict() == a.to_dict()
    assert n > 50
