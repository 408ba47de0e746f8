"""Bad input: one clear line naming the file (and line), skipped; the rest goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsgraph.ingest import IngestFailure, InputDocument, iter_documents
from newsgraph.settings import Settings

GOOD = "The foreign ministry said on Monday that the envoy would return to Geneva for talks."


def run(paths: list[Path], **kw: object) -> tuple[list[InputDocument], list[IngestFailure]]:
    out = list(iter_documents(paths, Settings(**kw)))
    return (
        [d for d in out if isinstance(d, InputDocument)],
        [d for d in out if isinstance(d, IngestFailure)],
    )


def test_each_bad_file_is_named_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "broken.html").write_text("<html><body><div><p></div></body")
    with gzip.open(tmp_path / "cut.txt.gz", "wb") as f:
        f.write(GOOD.encode() * 200)
    data = (tmp_path / "cut.txt.gz").read_bytes()
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    good, bad = run([tmp_path])
    assert [Path(d.source.path or "").name for d in good] == ["good.txt"]
    named = {Path(f.path).name: f.message for f in bad}
    assert set(named) == {"empty.txt", "binary.bin", "broken.html", "cut.txt.gz"}
    assert "[E102]" in named["empty.txt"] and "[E103]" in named["binary.bin"]
    assert "[E107]" in named["broken.html"] and "[E104]" in named["cut.txt.gz"]


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    p = tmp_path / "mixed.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": GOOD}),
                "{not json",
                json.dumps({"id": "b"}),
                json.dumps(["a", "list"]),
                json.dumps({"id": "c", "text": GOOD}),
            ]
        )
        + "\n"
    )
    good, bad = run([p])
    assert [d.id for d in good] == ["a", "c"]
    assert [(f.line, f.message.split("]")[0] + "]") for f in bad] == [
        (2, "[E105]"),
        (3, "[E106]"),
        (4, "[E112]"),
    ]
    assert all(f"{p}:{f.line}" in f.message for f in bad)


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(GOOD * 100)
    (tmp_path / "ok.txt").write_text(GOOD)
    good, bad = run([tmp_path], max_file_bytes=1000)
    assert [Path(d.source.path or "").name for d in good] == ["ok.txt"]
    assert len(bad) == 1 and "[E101]" in bad[0].message and "big.txt" in bad[0].message


def test_missing_path_is_reported(tmp_path: Path) -> None:
    good, bad = run([tmp_path / "nope.txt"])
    assert not good and "[E100]" in bad[0].message
