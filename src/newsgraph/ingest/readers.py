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
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from ..errors import Errors, Warnings
from ..record import Offsets, Source
from ..settings import Settings, load_settings
from .base import LONG_RUN, IngestFailure, InputDocument, printable_path, replace_controls
from .dates import EARLIEST, date_in_name, date_in_url, latest, plausible_date
from .decoding import binary_reason as _binary_reason
from .decoding import decode

log = logging.getLogger(__name__)

Item = InputDocument | IngestFailure
Reader = Callable[[bytes, str], Iterator[Item]]

_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_FEED_EXT = {".rss", ".atom", ".xml"}
_JSONL_EXT = {".jsonl", ".ndjson", ".json"}
_WARC_EXT = {".warc"}


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
def _decoded(data: bytes, path: str) -> tuple[str, list[str]] | IngestFailure:
    """Decoded text with NUL and stray control characters replaced (and said so)."""
    result = decode(data, path)
    if isinstance(result, IngestFailure):
        return result
    text, warnings = result
    text, controls = replace_controls(text)
    if controls:
        warnings.append(Warnings.W111.format(path=path, count=controls))
    return text, warnings


def read_text(data: bytes, path: str) -> Iterator[Item]:
    result = _decoded(data, path)
    if isinstance(result, IngestFailure):
        yield result
        return
    text, warnings = result
    if not text.strip() or not text.replace("\ufffd", "").strip():
        yield IngestFailure(path, Errors.E102.format(path=path))
        return
    yield InputDocument(
        text=text,
        source=Source(path=path, format="text"),
        fallback_published=date_in_name(path),
        warnings=warnings,
    )


def checked_date(value: Any, label: str, warnings: list[str]) -> str | None:
    """A stated publication date as ``YYYY-MM-DD``, or None with a warning [W101] when it is none."""
    if value is None or value == "":
        return None
    date = plausible_date(value)
    if date is None:
        shown = value if isinstance(value, str) and len(value) < 80 else f"<{type(value).__name__}>"
        high = latest().isoformat()
        warnings.append(Warnings.W101.format(path=label, value=shown, low=EARLIEST.isoformat(), high=high))
    return date


def _text_field(obj: dict[str, Any], key: str, label: str, warnings: list[str]) -> str | None:
    """A field that must be text (title, url): other values are dropped with [W112]."""
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return replace_controls(value)[0] if value else None
    warnings.append(Warnings.W112.format(path=label, field=key, kind=type(value).__name__))
    return None


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
    warnings: list[str] = []
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
    text, controls = replace_controls((doc.get("text") or "").strip())
    if not text.replace("\ufffd", "").strip():
        return IngestFailure(label, Errors.E107.format(path=label, reason="no main text found"))
    if controls:
        warnings.append(Warnings.W111.format(path=label, count=controls))
    date = published or checked_date(doc.get("date"), label, warnings)
    if not date:
        try:
            from htmldate import find_date

            date = plausible_date(find_date(html, url=url, outputformat="%Y-%m-%d"))
        except Exception:  # noqa: BLE001 - a date is optional
            date = None
    meta = {
        k: _clean_value(doc[k])
        for k in ("author", "sitename", "hostname", "description", "categories", "tags")
        if doc.get(k)
    }
    if record:
        meta["record"] = record
    page_url = url or doc.get("url")
    return InputDocument(
        text=text,
        source=Source(path=path, url=page_url, format=fmt),
        title=_clean_value(doc.get("title")) or None,
        published=(date or None),
        body=page_body(text, doc.get("title")),
        meta=meta,
        fallback_published=date_in_url(page_url) or date_in_name(path),
        warnings=warnings,
    )


def _clean_value(value: Any) -> Any:
    """``value`` with every string in it free of NUL, control characters and lone surrogates."""
    if isinstance(value, str):
        return replace_controls(value)[0]
    if isinstance(value, dict):
        return {str(k): _clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    return value


def read_html(data: bytes, path: str) -> Iterator[Item]:
    result = decode(data, path)
    if isinstance(result, IngestFailure):
        yield result
        return
    text, warnings = result
    if "<" not in text:
        yield IngestFailure(path, Errors.E107.format(path=path, reason="no HTML markup"))
        return
    item = html_document(text, path)
    if isinstance(item, InputDocument):
        item.warnings[:0] = warnings
    yield item


def read_jsonl_stream(
    stream: IO[bytes], path: str, max_line_bytes: int = 20_000_000, first_line: int = 1
) -> Iterator[Item]:
    """One article per line: ``{"id", "text" | "html", "url", "published", "title", ...}``.

    Lines are read with a bound (``max_line_bytes``, the ``max_file_bytes`` setting), so one
    endless line cannot take the memory. ``first_line``: the number of the stream's first line
    in its file (a part of a file read on its own keeps the file's line numbers).
    """
    for lineno, raw in _bounded_lines(stream, max_line_bytes, first_line):
        if raw is None:
            reason = f"line over {max_line_bytes} bytes"
            yield IngestFailure(path, Errors.E105.format(path=path, line=lineno, reason=reason), lineno)
            continue
        line = raw.decode("utf-8", errors="replace").strip()
        if not line:
            continue
        try:
            obj = json.loads(line, parse_int=_int_or_digits)
        except RecursionError:
            yield IngestFailure(path, Errors.E105.format(path=path, line=lineno, reason="nested too deeply"), lineno)
            continue
        except ValueError as exc:  # JSONDecodeError, or a number Python will not convert
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc).split(";")[0]
            yield IngestFailure(path, Errors.E105.format(path=path, line=lineno, reason=reason), lineno)
            continue
        if not isinstance(obj, dict):
            yield IngestFailure(path, Errors.E112.format(path=path, line=lineno), lineno)
            continue
        item = _json_document(obj, path, lineno)
        if isinstance(item, InputDocument) and "\ufffd" in line and b"\xef\xbf\xbd" not in raw:
            broken = line.count("\ufffd")
            item.warnings.append(Warnings.W110.format(path=f"{path}:{lineno}", count=broken, encoding="UTF-8"))
        yield item


def _bounded_lines(stream: IO[bytes], limit: int, first: int = 1) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` of each line, or ``(line number, None)`` for a line over ``limit``
    bytes (skipped without being held in memory)."""
    lineno = first - 1
    while raw := stream.readline(limit + 1):
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
        else:
            yield lineno, raw


def _int_or_digits(digits: str) -> int | str:
    """JSON integers as ``int``, except those past Python's digit limit for ``int(str)``: kept as
    their digits (an id may be one)."""
    return int(digits) if len(digits) <= 4000 else digits


MAX_ID_CHARS = 512


def _record_id(value: Any) -> str | None | ValueError:
    """The record's id as text; a ValueError saying why it cannot be one."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return ValueError(f"holds {type(value).__name__}")
    rid = value if isinstance(value, str) else str(value)
    if not rid.strip():
        return ValueError("is empty")
    if len(rid) > MAX_ID_CHARS:
        return ValueError(f"has {len(rid)} characters, over {MAX_ID_CHARS}")
    cleaned, controls = replace_controls(rid)
    if controls:
        return ValueError("holds control characters")
    return cleaned


def _json_document(obj: dict[str, Any], path: str, lineno: int) -> Item:
    label = f"{path}:{lineno}"
    rid = _record_id(obj.get("id"))
    if isinstance(rid, ValueError):
        return IngestFailure(path, Errors.E116.format(path=path, line=lineno, reason=rid), lineno)
    warnings: list[str] = []
    published = checked_date(obj.get("published") or obj.get("date"), label, warnings)
    title = _text_field(obj, "title", label, warnings)
    url = _text_field(obj, "url", label, warnings)
    extra = {
        k: _clean_value(v)
        for k, v in obj.items()
        if k not in {"id", "text", "html", "url", "published", "date", "title"}
    }
    text = obj.get("text")
    if isinstance(text, str) and text.strip():
        text, controls = replace_controls(text)
        if controls:
            warnings.append(Warnings.W111.format(path=label, count=controls))
        return InputDocument(
            text=text,
            source=Source(path=path, url=url, format="jsonl"),
            id=rid,
            title=title,
            published=published,
            meta={**extra, "record": f"line {lineno}"},
            fallback_published=date_in_url(url),
            warnings=warnings,
        )
    html = obj.get("html")
    if isinstance(html, str) and html.strip():
        item = html_document(html, path, url=url, fmt="jsonl", record=f"line {lineno}", published=published)
        if isinstance(item, InputDocument):
            item.id = rid
            item.title = title or item.title
            item.meta.update(extra)
            item.warnings[:0] = warnings
        return item
    return IngestFailure(path, Errors.E106.format(path=path, line=lineno), lineno)


def read_warc_stream(
    stream: IO[bytes], path: str, max_record_bytes: int = 20_000_000, first_record: int = 1
) -> Iterator[Item]:
    """HTML response records of a WARC (plain or gzip), as Common Crawl News writes them;
    ``first_record`` is the number of the stream's first HTML response in its file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = first_record - 1
    try:
        for rec in ArchiveIterator(stream):
            if rec.rec_type != "response":
                continue
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            n += 1
            url = rec.rec_headers.get_header("WARC-Target-URI")
            wdate = plausible_date((rec.rec_headers.get_header("WARC-Date") or "")[:10])
            body = rec.content_stream().read(max_record_bytes + 1)
            if len(body) > max_record_bytes:
                label = f"{path}:record {n}"
                yield IngestFailure(path, Errors.E101.format(path=label, size="over", limit=max_record_bytes))
                continue
            if getattr(rec.raw_stream, "limit", 0):  # the data ended inside this record
                reason = f"record {n} is cut short"
                yield IngestFailure(path, Errors.E108.format(path=path, reason=reason))
                return
            item = html_document(body, path, url=url, fmt="warc", record=f"record {n}")
            if isinstance(item, InputDocument) and not item.published:
                item.published = wdate
            yield item
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
        yield IngestFailure(path, Errors.E108.format(path=path, reason=str(exc) or type(exc).__name__))
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on garbled headers: one failure
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'garbled record'}"
        yield IngestFailure(path, Errors.E108.format(path=path, reason=reason[:200]))


def read_feed(data: bytes, path: str) -> Iterator[Item]:
    """Entries of an RSS/Atom feed saved to disk: content or summary, link, published."""
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - a feed the parser chokes on is one failure
        yield IngestFailure(path, Errors.E109.format(path=path, reason=type(exc).__name__))
        return
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield IngestFailure(path, Errors.E109.format(path=path, reason=reason))
        return
    for n, entry in enumerate(parsed.entries, 1):
        html = ""
        if entry.get("content"):
            html = entry.content[0].get("value", "")
        html = html or entry.get("summary", "")
        text, controls = replace_controls(_html_to_text(html).strip())
        if not text.replace("\ufffd", "").strip():
            yield IngestFailure(path, Errors.E106.format(path=path, line=f"entry {n}"), n)
            continue
        label = f"{path}:entry {n}"
        warnings = [Warnings.W111.format(path=label, count=controls)] if controls else []
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                t = entry[key]
                published = checked_date(f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}", label, warnings)
                break
        link = entry.get("link") if isinstance(entry.get("link"), str) else None
        yield InputDocument(
            text=text,
            source=Source(path=path, url=link, format="feed"),
            title=_clean_value(entry.get("title")) or None,
            published=published,
            body=[Offsets(0, len(text))],
            meta={"record": f"entry {n}", **({"author": _clean_value(entry["author"])} if entry.get("author") else {})},
            fallback_published=date_in_url(link),
            warnings=warnings,
        )


def _html_to_text(html: str) -> str:
    """Paragraph text of an HTML fragment (feed entries hold small fragments)."""
    if "<" not in html:
        import html as html_lib

        return html_lib.unescape(html)
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


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def read_path(path: Path, settings: Settings) -> Iterator[Item]:
    """Every document in one file (never raises for bad content)."""
    label = printable_path(path)
    try:
        st = path.stat()
    except OSError as exc:
        yield IngestFailure(label, Errors.E111.format(path=label, reason=exc.strerror or exc))
        return
    # a named pipe or a device would block or never end: only regular files are opened
    if not stat.S_ISREG(st.st_mode):
        yield IngestFailure(label, Errors.E114.format(path=label, kind=_file_kind(st.st_mode)))
        return
    size = st.st_size
    if size == 0:
        yield IngestFailure(label, Errors.E102.format(path=label))
        return
    try:
        head = _peek(path)
    except (OSError, zlib.error) as exc:
        if isinstance(exc, OSError) and exc.errno is not None:
            yield IngestFailure(label, Errors.E111.format(path=label, reason=exc.strerror or exc))
        else:
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
                for item in read_warc_stream(f, label, settings.max_file_bytes):
                    failed = failed or isinstance(item, IngestFailure)
                    yield item
            if not failed and (reason := _gzip_damage(path)):
                yield IngestFailure(label, Errors.E108.format(path=label, reason=reason))
            return
        if fmt == "jsonl":
            with _open_maybe_gzip(path) as f:
                yield from read_jsonl_stream(f, label, settings.max_file_bytes)
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


STDIN = "<stdin>"


def read_stdin(settings: Settings, stream: IO[bytes] | None = None) -> Iterator[Item]:
    """``-``: standard input, checked like a file (gzip opened, binary refused, size bounded;
    JSONL streamed, anything else read whole)."""
    try:
        if stream is None:
            if sys.stdin is None:  # the process was started with standard input closed
                raise OSError("closed")
            stream = sys.stdin.buffer
        buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(cast(io.RawIOBase, stream))
        head = buffered.peek(8192)[:8192]
        if head[:2] == b"\x1f\x8b":
            buffered = io.BufferedReader(cast(io.RawIOBase, gzip.GzipFile(fileobj=buffered, mode="rb")))
            head = buffered.peek(8192)[:8192]
    except (OSError, ValueError, AttributeError, EOFError, zlib.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        yield IngestFailure(STDIN, Errors.E113.format(path=STDIN, reason=reason))
        return
    try:
        yield from _read_stream(buffered, head, settings)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield IngestFailure(STDIN, Errors.E104.format(path=STDIN, reason=str(exc) or type(exc).__name__))
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        yield IngestFailure(STDIN, Errors.E113.format(path=STDIN, reason=reason))


def _read_stream(buffered: io.BufferedReader, head: bytes, settings: Settings) -> Iterator[Item]:
    fmt = detect_format(STDIN, head)
    if not head.strip():
        yield IngestFailure(STDIN, Errors.E102.format(path=STDIN))
        return
    if fmt != "warc" and (reason := _binary_reason(head)):
        yield IngestFailure(STDIN, Errors.E103.format(path=STDIN, reason=reason))
        return
    if fmt == "jsonl":
        yield from read_jsonl_stream(buffered, STDIN, settings.max_file_bytes)
        return
    if fmt == "warc":
        yield from read_warc_stream(buffered, STDIN, settings.max_file_bytes)
        return
    data = buffered.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        yield IngestFailure(STDIN, Errors.E101.format(path=STDIN, size="over", limit=settings.max_file_bytes))
        return
    if not data.strip():
        yield IngestFailure(STDIN, Errors.E102.format(path=STDIN))
        return
    reader = {"html": read_html, "feed": read_feed}.get(fmt, read_text)
    yield from reader(data, STDIN)


def _walk(directory: Path, ancestors: frozenset[tuple[int, int]] = frozenset()) -> Iterator[Path | IngestFailure]:
    """Files under ``directory``, recursively, sorted, hidden ones skipped. A linked folder is
    followed unless it leads back to a folder being read (a loop: [E115])."""
    try:
        st = directory.stat()
        ancestors = ancestors | {(st.st_dev, st.st_ino)}
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        label = printable_path(directory)
        yield IngestFailure(label, Errors.E111.format(path=label, reason=exc.strerror or exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows links
            target = entry.stat() if is_dir else None
        except OSError:
            is_dir, target = False, None  # a broken or looping link: read_path names it
        if target is None:
            yield path
        elif (target.st_dev, target.st_ino) in ancestors:
            label = printable_path(path)
            yield IngestFailure(label, Errors.E115.format(path=label, target=printable_path(os.path.realpath(path))))
        else:
            yield from _walk(path, ancestors)


def iter_documents(
    paths: Iterable[str | Path], settings: Settings | None = None, published: str | None = None
) -> Iterator[Item]:
    """Stream every document from files, directories (recursive) and ``-`` (stdin).

    Args:
        paths: Files, directories or ``"-"``.
        settings: For ``max_file_bytes``; defaults to :func:`load_settings`.
        published: Publication date (``YYYY-MM-DD``) for the documents whose own metadata states
            none (plain text files, stdin); it beats a date guessed from the text, URL or name.

    Yields:
        :class:`InputDocument` per article, :class:`IngestFailure` per input that
        cannot be read (the iteration goes on).
    """
    settings = settings or load_settings()
    for item in _documents(paths, settings):
        if isinstance(item, InputDocument):
            if published and not item.published:
                item.published = published
            note_long_runs(item)
        yield item


NOTED_RUN_CHARS = 1000  # a long URL or two is normal; more text than this left unparsed is said


def note_long_runs(doc: InputDocument) -> None:
    """Warn [W102] when much of a text is runs without whitespace, which the parser does not see."""
    runs = [m.end() - m.start() for m in LONG_RUN.finditer(doc.text)]
    if sum(runs) > NOTED_RUN_CHARS:
        doc.warnings.append(Warnings.W102.format(path=doc.label, count=len(runs), longest=max(runs)))


def _documents(paths: Iterable[str | Path], settings: Settings) -> Iterator[Item]:
    for p in paths:
        if str(p) == "-":
            yield from read_stdin(settings)
            continue
        path = Path(p)
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            for f in _walk(path):
                if isinstance(f, IngestFailure):
                    yield f
                else:
                    yield from read_path(f, settings)
        elif path.exists() or path.is_symlink():
            yield from read_path(path, settings)
        else:
            label = printable_path(path)
            yield IngestFailure(label, Errors.E100.format(path=label))
