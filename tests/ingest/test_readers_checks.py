"""Inputs checked where they enter: decoding, stdin, special files, JSONL fields, publication dates."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from newsgraph.ingest import IngestFailure, InputDocument, decode, iter_documents
from newsgraph.ingest.dates import date_in_name, date_in_url, plausible_date
from newsgraph.ingest.readers import read_jsonl_stream, read_stdin
from newsgraph.settings import Settings

FRENCH = "Le président a déclaré que les négociations reprendraient à Genève. « Nous serons là », a-t-il dit.\n" * 4
GOOD = "The foreign ministry said on Monday that the envoy would return to Geneva for talks."


def run(paths: list[Path], **kw: object) -> tuple[list[InputDocument], list[IngestFailure]]:
    out = list(iter_documents(paths, Settings(**kw)))
    return [d for d in out if isinstance(d, InputDocument)], [d for d in out if isinstance(d, IngestFailure)]


# -- decoding ----------------------------------------------------------------------------------
def test_utf8_with_a_few_broken_bytes_stays_utf8_and_says_so() -> None:
    data = FRENCH.encode()
    text, warnings = decode(data[:50] + b"\xff\xfe\x80" + data[50:], "f.txt")  # type: ignore[misc]
    assert text.count("\ufffd") == 3 and "président" in text and "Genève" in text
    assert len(warnings) == 1 and warnings[0].startswith("[W110] f.txt: 3 bytes")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16-le", "utf-16-be", "utf-16", "utf-8-sig"])
def test_legacy_and_utf16_texts_are_read(encoding: str) -> None:
    text, warnings = decode(FRENCH.encode(encoding), "f.txt")  # type: ignore[misc]
    assert text == FRENCH and warnings == []


def test_text_that_decodes_to_nothing_is_refused() -> None:
    result = decode(b"\xff\xfe" + b"\x00\xd8" * 500, "f.txt")
    assert isinstance(result, IngestFailure) and result.message.startswith("[E110] f.txt")


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"%PDF-1.7\n", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"PK\x03\x04", "ZIP"), (b"\xff\xd8\xff\xe0", "JPEG")],
)
def test_binary_files_are_known_by_their_first_bytes(head: bytes, kind: str, tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_bytes(head + b"plain words after the magic number " * 50)
    good, bad = run([tmp_path])
    assert not good and "[E103]" in bad[0].message and kind in bad[0].message


def test_a_stray_nul_is_replaced_and_said(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD + "\x00 More.")
    good, _ = run([tmp_path])
    assert good[0].text == GOOD + "\ufffd More." and good[0].warnings[0].startswith("[W111]")


# -- standard input ------------------------------------------------------------------------------
def test_stdin_is_checked_like_a_file() -> None:
    settings = Settings()
    binary = list(read_stdin(settings, io.BufferedReader(io.BytesIO(os.urandom(1 << 16)))))  # type: ignore[arg-type]
    assert len(binary) == 1 and binary[0].message.startswith("[E103] <stdin>")  # type: ignore[union-attr]
    zipped = list(read_stdin(settings, io.BufferedReader(io.BytesIO(gzip.compress(GOOD.encode())))))  # type: ignore[arg-type]
    assert isinstance(zipped[0], InputDocument) and zipped[0].text == GOOD
    closed = io.BufferedReader(io.BytesIO(b"x"))  # type: ignore[arg-type]
    closed.close()
    failed = list(read_stdin(settings, closed))
    assert failed[0].message.startswith("[E113] <stdin>")  # type: ignore[union-attr]


def test_oversized_stdin_is_refused() -> None:
    stream = io.BufferedReader(io.BytesIO((GOOD + "\n").encode() * 100))  # type: ignore[arg-type]
    out = list(read_stdin(Settings(max_file_bytes=1000), stream))
    assert len(out) == 1 and out[0].message.startswith("[E101] <stdin>")  # type: ignore[union-attr]


# -- files and folders ---------------------------------------------------------------------------
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(GOOD)
    good, bad = run([tmp_path])
    assert len(good) == 1 and bad[0].message.startswith(f"[E114] {tmp_path / 'pipe.txt'}: not a regular file")


def test_folder_links_are_followed_unless_they_loop(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "linked.txt").write_text(GOOD)
    (tmp_path / "in" / "to-other").symlink_to(tmp_path / "other", target_is_directory=True)
    (tmp_path / "in" / "back").symlink_to(tmp_path / "in", target_is_directory=True)
    good, bad = run([tmp_path / "in"])
    assert [Path(d.source.path or "").name for d in good] == ["linked.txt"]
    assert len(bad) == 1 and bad[0].message.startswith(f"[E115] {tmp_path / 'in' / 'back'}")


def test_file_names_that_are_not_utf8_are_named_readably(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9 [bold].txt")
    (tmp_path / name).write_text(GOOD)
    good, _ = run([tmp_path])
    assert good[0].source.path == f"{tmp_path}/caf\\xe9 [bold].txt"
    json.dumps(good[0].source.path).encode("utf-8")  # storable


# -- JSONL fields --------------------------------------------------------------------------------
def _jsonl(*lines: str, limit: int = 1_000_000) -> list[InputDocument | IngestFailure]:
    return list(read_jsonl_stream(io.BytesIO(("\n".join(lines) + "\n").encode()), "in.jsonl", limit))


@pytest.mark.parametrize(
    ("line", "code", "limit"),
    [
        ('{"id": ' + "7" * 5000 + ', "text": "x"}', "[E116]", 1_000_000),
        ('{"id": {"a": 1}, "text": "x"}', "[E116]", 1_000_000),
        ('{"id": true, "text": "x"}', "[E116]", 1_000_000),
        ('{"id": "", "text": "x"}', "[E116]", 1_000_000),
        ('{"id": "a", "x": ' + "[" * 50_000 + "]" * 50_000 + "}", "[E105]", 1_000_000),
        ('{"id": "a", "text": "' + "word " * 400 + '"}', "[E105]", 1500),  # a line over the limit
    ],
)
def test_jsonl_records_that_cannot_be_read_are_named(line: str, code: str, limit: int) -> None:
    (item,) = _jsonl(line, limit=limit)
    assert isinstance(item, IngestFailure) and item.message.startswith(f"{code} in.jsonl:1")


def test_jsonl_fields_of_the_wrong_kind_are_dropped_with_a_warning() -> None:
    (doc,) = _jsonl(json.dumps({"id": 12, "title": {"x": 1}, "url": 42, "published": "not a date", "text": GOOD}))
    assert isinstance(doc, InputDocument)
    assert (doc.id, doc.title, doc.source.url, doc.published) == ("12", None, None, None)
    assert [w[:6] for w in doc.warnings] == ["[W101]", "[W112]", "[W112]"]


def test_jsonl_text_with_nul_and_lone_surrogates_is_storable() -> None:
    (doc,) = _jsonl('{"id": "c", "text": "Talks resumed.\\u0000 \\ud800 Done."}')
    assert isinstance(doc, InputDocument)
    assert doc.text == "Talks resumed.\ufffd \ufffd Done." and doc.warnings[0].startswith("[W111]")
    doc.text.encode("utf-8")


# -- publication dates ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-27", "2024-03-27"),
        ("2024-03-27T09:30:00Z", "2024-03-27"),
        ("2024-03-27 09:30", "2024-03-27"),
        ("2024-03-27Tlate", None),
        ("0001-01-01", None),
        ("99999-12-31", None),
        ("2019-13-45", None),
        ("not a date", None),
        (20240327, None),
        ({"y": 2024}, None),
    ],
)
def test_only_plausible_iso_dates_are_kept(value: object, expected: str | None) -> None:
    assert plausible_date(value) == expected


def test_dates_in_urls_and_file_names() -> None:
    assert date_in_url("https://www.example.com/2019/11/19/world/talks.html") == "2019-11-19"
    assert date_in_url("https://www.example.com/world/talks-resume") is None
    assert date_in_name("archive/outlet_2016-10-09_title.txt") == "2016-10-09"
    assert date_in_name("notes/talks.txt") is None


def test_the_publication_date_comes_from_the_best_source(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.pipeline import extract_stream

    dated = tmp_path / "outlet_2016-10-09_talks.txt"
    dated.write_text("The envoy said on Tuesday that the talks would resume in Geneva.")
    with_text_date = tmp_path / "outlet_2016-10-09_header.txt"
    with_text_date.write_text("Wednesday, March 27, 2024\n\nThe envoy said on Tuesday that the talks would resume.")
    settings = pipeline.settings

    def published(path: Path, given: str | None = None) -> str | None:
        (art,) = list(extract_stream(iter_documents([path], settings, published=given), settings))
        return art.published  # type: ignore[union-attr]

    assert published(dated) == "2016-10-09"  # the file name, when the text has no date
    assert published(with_text_date) == "2024-03-27"  # the text beats the file name
    assert published(with_text_date, "2020-01-02") == "2020-01-02"  # --published beats the text
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text(json.dumps({"id": "r", "published": "2018-05-06", "text": "The envoy arrived."}) + "\n")
    assert published(jsonl, "2020-01-02") == "2018-05-06"  # the record's own date beats --published
    url_only = tmp_path / "u.jsonl"
    url_only.write_text(json.dumps({"id": "u", "url": "https://x.example/2019/11/19/a", "text": "Talks went on."}))
    assert published(url_only) == "2019-11-19"
