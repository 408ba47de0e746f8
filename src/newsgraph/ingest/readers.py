"""Readers for every input kind, detected by content and extension.

Each reader is a generator of :class:`InputDocument` or :class:`IngestFailure`:
a broken file, line or record becomes one failure that names it, and reading
goes on. Containers (JSONL, WARC, feeds) are streamed record by record so
memory stays bounded whatever their size.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from ..errors import Errors
from ..record import Offsets, Source
from ..settings import Settings, load_settings
from .base import IngestFailure, InputDocument

log = logging.getLogger(__name__)

Item = InputDocument | IngestFailure
Reader = Callable[[bytes, str], Iterator[Item]]

_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_FEED_EXT = {".rss", ".atom", ".xml"}
_JSONL_EXT = {".jsonl", ".ndjson", ".json"}
_WARC_EXT = {".warc"}


# -- decoding ---------------------------------------------------------------------
def decode_text(data: bytes, path: str) -> str | IngestFailure:
    """Bytes to ``str``: BOMs first, then UTF-8, then charset-normalizer's best guess."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return data.decode("utf-8", errors="replace")  # invalid bytes never stop a batch
    return str(best)


def _binary_reason(head: bytes) -> str | None:
    """Why ``head`` is not text, or None. UTF-16 text (BOM) is text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    if b"\x00" in head:
        return "NUL bytes"
    sample = head[:4096]
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if sample and control / len(sample) > 0.1:
        return f"{control} control bytes in the first {len(sample)}"
    return None


# -- detection ----------------------------------------------------------------------
def detect_format(path: str, head: bytes) -> str:
    """One of text, html, jsonl, warc, feed, from the first bytes and the extension."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    ext = os.path.splitext(name)[1]
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]
    low = probe.lower()
    if probe.startswith(b"WARC/") or ext in _WARC_EXT:
        return "warc"
    if low.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and (b"<rss" in low or b"<feed" in low or b"<rdf" in low):
        return "feed"
    if ext in _FEED_EXT and (b"<rss" in low or b"<feed" in low):
        return "feed"
    if probe.startswith(b"{") or (ext in _JSONL_EXT and not probe.startswith(b"<")):
        return "jsonl"
    if low.startswith((b"<!doctype html", b"<html")) or ext in _HTML_EXT or (b"<html" in low and b"<body" in low):
        return "html"
    return "text"


# -- per-kind readers ---------------------------------------------------------------------
def read_text(data: bytes, path: str) -> Iterator[Item]:
    text = decode_text(data, path)
    if isinstance(text, IngestFailure):
        yield text
        return
    if not text.strip():
        yield IngestFailure(path, Errors.E102.format(path=path))
        return
    yield InputDocument(text=text, source=Source(path=path, format="text"))


def html_document(
    html: str | bytes,
    path: str,
    url: str | None = None,
    fmt: str = "html",
    record: str | None = None,
    published: str | None = None,
) -> Item:
    """Main text and metadata of an HTML page (trafilatura; htmldate when no date is found).

    Widgets set inside paragraphs (a person's hover card: photo, name, links to stories) are
    removed before extraction, or their words run into the sentence. The body spans leave out
    the headline at the top of the text and page furniture (:func:`newsgraph.clean.page_body`)."""
    import trafilatura
    from trafilatura.utils import load_html

    from ..clean import page_body, prune_inline_widgets

    label = f"{path}:{record}" if record else path
    try:
        tree = load_html(html)
        if tree is not None:
            prune_inline_widgets(tree)
        extracted = trafilatura.bare_extraction(
            tree if tree is not None else html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
        )
    except Exception as exc:  # noqa: BLE001 - malformed HTML of any kind is one failure
        return IngestFailure(label, Errors.E107.format(path=label, reason=type(exc).__name__))
    if extracted is None:
        return IngestFailure(label, Errors.E107.format(path=label, reason="no main text found"))
    doc: dict[str, Any] = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = (doc.get("text") or "").strip()
    if not text:
        return IngestFailure(label, Errors.E107.format(path=label, reason="no main text found"))
    date = published or doc.get("date")
    if not date:
        try:
            from htmldate import find_date

            date = find_date(html, url=url, outputformat="%Y-%m-%d")
        except Exception:  # noqa: BLE001 - a date is optional
            date = None
    meta = {k: doc[k] for k in ("author", "sitename", "hostname", "description", "categories", "tags") if doc.get(k)}
    if record:
        meta["record"] = record
    return InputDocument(
        text=text,
        source=Source(path=path, url=url or doc.get("url"), format=fmt),
        title=doc.get("title"),
        published=(date or None),
        body=page_body(text, doc.get("title")),
        meta=meta,
    )


def read_html(data: bytes, path: str) -> Iterator[Item]:
    text = decode_text(data, path)
    if isinstance(text, IngestFailure):
        yield text
        return
    if "<" not in text:
        yield IngestFailure(path, Errors.E107.format(path=path, reason="no HTML markup"))
        return
    yield html_document(text, path)


def read_jsonl_stream(stream: IO[bytes], path: str) -> Iterator[Item]:
    """One article per line: ``{"id", "text" | "html", "url", "published", "title", ...}``."""
    for lineno, raw in enumerate(stream, 1):
        line = raw.decode("utf-8", errors="replace").strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestFailure(path, Errors.E105.format(path=path, line=lineno, reason=exc.msg), lineno)
            continue
        if not isinstance(obj, dict):
            yield IngestFailure(path, Errors.E112.format(path=path, line=lineno), lineno)
            continue
        yield _json_document(obj, path, lineno)


def _json_document(obj: dict[str, Any], path: str, lineno: int) -> Item:
    rid = obj.get("id")
    rid = str(rid) if rid is not None else None
    published = obj.get("published") or obj.get("date")
    title = obj.get("title")
    url = obj.get("url")
    extra = {k: v for k, v in obj.items() if k not in {"id", "text", "html", "url", "published", "date", "title"}}
    text = obj.get("text")
    if isinstance(text, str) and text.strip():
        return InputDocument(
            text=text,
            source=Source(path=path, url=url, format="jsonl"),
            id=rid,
            title=title,
            published=str(published) if published else None,
            meta={**extra, "record": f"line {lineno}"},
        )
    html = obj.get("html")
    if isinstance(html, str) and html.strip():
        item = html_document(
            html,
            path,
            url=url,
            fmt="jsonl",
            record=f"line {lineno}",
            published=str(published) if published else None,
        )
        if isinstance(item, InputDocument):
            item.id = rid
            item.title = title or item.title
            item.meta.update(extra)
        return item
    return IngestFailure(path, Errors.E106.format(path=path, line=lineno), lineno)


def read_warc_stream(stream: IO[bytes], path: str) -> Iterator[Item]:
    """HTML response records of a WARC (plain or gzip), as Common Crawl News writes them."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for rec in ArchiveIterator(stream):
            if rec.rec_type != "response":
                continue
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            n += 1
            url = rec.rec_headers.get_header("WARC-Target-URI")
            wdate = (rec.rec_headers.get_header("WARC-Date") or "")[:10] or None
            body = rec.content_stream().read()
            item = html_document(body, path, url=url, fmt="warc", record=f"record {n}")
            if isinstance(item, InputDocument) and not item.published:
                item.published = wdate
            yield item
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
        yield IngestFailure(path, Errors.E108.format(path=path, reason=str(exc) or type(exc).__name__))


def read_feed(data: bytes, path: str) -> Iterator[Item]:
    """Entries of an RSS/Atom feed saved to disk: content or summary, link, published."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield IngestFailure(path, Errors.E109.format(path=path, reason=reason))
        return
    for n, entry in enumerate(parsed.entries, 1):
        html = ""
        if entry.get("content"):
            html = entry.content[0].get("value", "")
        html = html or entry.get("summary", "")
        text = _html_to_text(html).strip()
        if not text:
            yield IngestFailure(path, Errors.E106.format(path=path, line=f"entry {n}"), n)
            continue
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                t = entry[key]
                published = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
                break
        yield InputDocument(
            text=text,
            source=Source(path=path, url=entry.get("link"), format="feed"),
            title=entry.get("title"),
            published=published,
            body=[Offsets(0, len(text))],
            meta={"record": f"entry {n}", **({"author": entry["author"]} if entry.get("author") else {})},
        )


def _html_to_text(html: str) -> str:
    """Paragraph text of an HTML fragment (feed entries hold small fragments)."""
    if "<" not in html:
        return html
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - unparsable fragments fall back to raw text
        return html
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [b.text_content().strip() for b in root.iter("p", "li", "h1", "h2", "h3", "blockquote")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else root.text_content()


# -- files, directories, stdin ------------------------------------------------------------
def _open_maybe_gzip(path: Path) -> IO[bytes]:
    with path.open("rb") as f:
        magic = f.read(2)
    return cast(IO[bytes], gzip.open(path, "rb")) if magic == b"\x1f\x8b" else path.open("rb")


def _gzip_damage(path: Path) -> str | None:
    """Why a gzip file is truncated or corrupt, or None (the WARC reader stops quietly at damage)."""
    with path.open("rb") as f:
        if f.read(2) != b"\x1f\x8b":
            return None
    try:
        with gzip.open(path, "rb") as g:
            while g.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as exc:
        return str(exc) or type(exc).__name__
    return None


def _peek(path: Path, size: int = 8192) -> bytes:
    """The first bytes of a file, decompressed when gzip (a truncated file still gives its start)."""
    with path.open("rb") as f:
        raw = f.read(65536)
    if raw[:2] != b"\x1f\x8b":
        return raw[:size]
    return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, size)


def read_path(path: Path, settings: Settings) -> Iterator[Item]:
    """Every document in one file (never raises for bad content)."""
    label = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield IngestFailure(label, Errors.E111.format(path=label, reason=exc.strerror or exc))
        return
    if size == 0:
        yield IngestFailure(label, Errors.E102.format(path=label))
        return
    try:
        head = _peek(path)
    except (OSError, zlib.error) as exc:
        yield IngestFailure(label, Errors.E104.format(path=label, reason=str(exc) or type(exc).__name__))
        return
    fmt = detect_format(label, head)
    # Containers are streamed, so the size limit guards only what is read whole.
    if fmt not in ("jsonl", "warc") and size > settings.max_file_bytes:
        yield IngestFailure(label, Errors.E101.format(path=label, size=size, limit=settings.max_file_bytes))
        return
    if fmt != "warc" and (reason := _binary_reason(head)):
        yield IngestFailure(label, Errors.E103.format(path=label, reason=reason))
        return
    try:
        if fmt == "warc":
            failed = False
            with path.open("rb") as f:
                for item in read_warc_stream(f, label):
                    failed = failed or isinstance(item, IngestFailure)
                    yield item
            if not failed and (reason := _gzip_damage(path)):
                yield IngestFailure(label, Errors.E108.format(path=label, reason=reason))
            return
        if fmt == "jsonl":
            with _open_maybe_gzip(path) as f:
                yield from read_jsonl_stream(f, label)
            return
        with _open_maybe_gzip(path) as f:
            data = f.read(settings.max_file_bytes + 1)
        if len(data) > settings.max_file_bytes:
            yield IngestFailure(
                label,
                Errors.E101.format(path=label, size=f"over {len(data) - 1}", limit=settings.max_file_bytes),
            )
            return
        reader = {"html": read_html, "feed": read_feed}.get(fmt, read_text)
        yield from reader(data, label)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield IngestFailure(label, Errors.E104.format(path=label, reason=str(exc) or type(exc).__name__))
    except OSError as exc:
        yield IngestFailure(label, Errors.E111.format(path=label, reason=exc.strerror or exc))


def read_stdin(settings: Settings, stream: IO[bytes] | None = None) -> Iterator[Item]:
    """``-``: standard input, detected like a file (JSONL streamed, anything else read whole)."""
    raw = stream if stream is not None else sys.stdin.buffer
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(cast(io.RawIOBase, raw))
    head = buffered.peek(8192)[:8192]
    fmt = detect_format("<stdin>", head)
    if fmt == "jsonl":
        yield from read_jsonl_stream(buffered, "<stdin>")
        return
    data = buffered.read(settings.max_file_bytes + 1)
    if not data.strip():
        yield IngestFailure("<stdin>", Errors.E102.format(path="<stdin>"))
        return
    if fmt == "warc":
        yield from read_warc_stream(io.BytesIO(data), "<stdin>")
        return
    reader = {"html": read_html, "feed": read_feed}.get(fmt, read_text)
    yield from reader(data, "<stdin>")


def _walk(directory: Path) -> Iterator[Path]:
    """Files under ``directory``, recursively, sorted, hidden ones skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def iter_documents(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Item]:
    """Stream every document from files, directories (recursive) and ``-`` (stdin).

    Args:
        paths: Files, directories or ``"-"``.
        settings: For ``max_file_bytes``; defaults to :func:`load_settings`.

    Yields:
        :class:`InputDocument` per article, :class:`IngestFailure` per input that
        cannot be read (the iteration goes on).
    """
    settings = settings or load_settings()
    for p in paths:
        if str(p) == "-":
            yield from read_stdin(settings)
            continue
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                yield from read_path(f, settings)
        elif path.exists():
            yield from read_path(path, settings)
        else:
            yield IngestFailure(str(p), Errors.E100.format(path=p))
