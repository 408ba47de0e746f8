"""Every input kind, read from real content, yields documents with their metadata."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsgraph.ingest import IngestFailure, InputDocument, iter_documents
from newsgraph.ingest.readers import read_stdin
from newsgraph.settings import Settings
from tests.conftest import EXAMPLES, shared_path

ARTICLE = (
    "Jordan's King Abdullah met U.S. Secretary of State Antony Blinken in Amman on Sunday, "
    "the royal court said. The two discussed aid deliveries to Gaza."
)


def docs(paths: list[Path | str], **kw: object) -> list[InputDocument | IngestFailure]:
    return list(iter_documents(paths, Settings(**kw)))


def test_plain_text_is_read_unchanged(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    [d] = docs([p])
    assert isinstance(d, InputDocument)
    assert d.text == ARTICLE and d.source.format == "text" and d.source.path == str(p)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_text_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = "Café owners in Zürich said the “new rules” will hurt business. " * 3
    p = tmp_path / "enc.txt"
    p.write_bytes(text.encode(encoding))
    [d] = docs([p])
    assert isinstance(d, InputDocument)
    assert d.text == text


def test_invalid_bytes_do_not_stop_a_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"The minister said talks would resume \xff\xfe\xfa next week.")
    (tmp_path / "b.txt").write_text(ARTICLE)
    out = docs([tmp_path])
    assert len(out) == 2 and all(isinstance(d, InputDocument) for d in out)


def test_real_html_pages_give_main_text_title_and_date() -> None:
    folder = shared_path("data", "html")
    out = [d for d in docs([folder]) if d.source.format == "html"]
    assert len(out) == 13
    for d in out:
        assert isinstance(d, InputDocument), d
        assert d.title and len(d.text) > 200
        assert d.published and len(d.published) == 10
        # the body is the text but for a headline and page furniture (newsgraph.clean.page_body)
        assert d.body and d.body[-1].end <= len(d.text)
        assert sum(b.end - b.start for b in d.body) > 0.9 * len(d.text)
    bbc = next(d for d in out if isinstance(d, InputDocument) and "bbc" in (d.source.path or ""))
    assert "burials" in (bbc.title or "").lower()
    assert bbc.source.url and bbc.source.url.startswith("https://www.bbc.com/")


def test_jsonl_ids_and_fields_are_carried_through(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    rows = [
        {
            "id": "x1",
            "text": ARTICLE,
            "published": "2024-03-03",
            "title": "King meets Blinken",
            "outlet": "AP",
        },
        {
            "id": "x2",
            "html": f"<html><head><title>T</title></head><body><article><p>{ARTICLE}</p>"
            f"<p>{ARTICLE}</p></article></body></html>",
            "url": "https://example.org/a",
        },
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    a, b = docs([p])
    assert isinstance(a, InputDocument) and isinstance(b, InputDocument)
    assert (a.id, a.published, a.title, a.meta["outlet"]) == ("x1", "2024-03-03", "King meets Blinken", "AP")
    assert b.id == "x2" and "Blinken" in b.text and b.source.url == "https://example.org/a"


def test_warc_response_records_are_read(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (
        f"<html><head><title>Talks in Amman</title></head><body><article><h1>Talks in Amman</h1>"
        f"<p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>"
    ).encode()
    path = tmp_path / "news.warc.gz"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for n in range(2):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                f"https://news.example/{n}",
                "response",
                payload=io.BytesIO(html),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-04T10:00:00Z"},
            )
            writer.write_record(rec)
    out = docs([path])
    assert [d.source.url for d in out if isinstance(d, InputDocument)] == [
        "https://news.example/0",
        "https://news.example/1",
    ]
    assert all(isinstance(d, InputDocument) and d.source.format == "warc" and "Blinken" in d.text for d in out)


def test_truncated_warc_keeps_records_before_the_damage(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    html = f"<html><body><article><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>".encode()
    for n in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://n.example/{n}", "response", payload=io.BytesIO(html), http_headers=headers
            )
        )
    data = buf.getvalue()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * 0.8)])
    out = docs([path])
    good = [d for d in out if isinstance(d, InputDocument)]
    bad = [d for d in out if isinstance(d, IngestFailure)]
    assert len(good) >= 1 and len(bad) == 1 and str(path) in bad[0].message


def test_rss_feed_entries_become_articles(tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>
    <item><title>King meets Blinken</title><link>https://news.example/king</link>
    <pubDate>Sun, 03 Mar 2024 09:00:00 GMT</pubDate><description><![CDATA[<p>{ARTICLE}</p>]]></description></item>
    <item><title>Second</title><link>https://news.example/2</link><description>{ARTICLE}</description></item>
    </channel></rss>"""
    p = tmp_path / "world.rss"
    p.write_text(feed)
    a, b = docs([p])
    assert isinstance(a, InputDocument) and isinstance(b, InputDocument)
    assert (a.title, a.source.url, a.published, a.source.format) == (
        "King meets Blinken",
        "https://news.example/king",
        "2024-03-03",
        "feed",
    )
    assert a.text == ARTICLE


def test_directories_are_read_recursively_in_order_and_hidden_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE)
    (tmp_path / "1.txt").write_text(ARTICLE + " One.")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    out = docs([tmp_path])
    assert [Path(d.source.path or "").name for d in out if isinstance(d, InputDocument)] == ["1.txt", "2.txt"]


def test_stdin_is_read_as_jsonl_or_text() -> None:
    data = (json.dumps({"id": "s1", "text": ARTICLE}) + "\n").encode()
    [d] = list(read_stdin(Settings(), io.BufferedReader(io.BytesIO(data))))
    assert isinstance(d, InputDocument) and d.id == "s1"
    [t] = list(read_stdin(Settings(), io.BufferedReader(io.BytesIO(ARTICLE.encode()))))
    assert isinstance(t, InputDocument) and t.text == ARTICLE


def test_gzipped_jsonl_is_streamed(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl.gz"
    with gzip.open(p, "wt") as f:
        for i in range(3):
            f.write(json.dumps({"id": f"g{i}", "text": ARTICLE}) + "\n")
    assert [d.id for d in docs([p]) if isinstance(d, InputDocument)] == ["g0", "g1", "g2"]


def test_examples_folder_reads_cleanly() -> None:
    out = docs([EXAMPLES])
    assert out and all(isinstance(d, InputDocument) for d in out)
