"""Ingest on many cores or machines with Dask: the NLP on the workers, the store in one place.

    newsgraph ingest PATHS --dask local[:N] | tcp://HOST:PORT --db URL

Inputs are split into partitions the workers read themselves (:func:`partitions`):
groups of files, line ranges of a JSONL file, record ranges of a WARC file;
standard input is read here and sent along. Each worker loads the pipeline
once (:class:`PipelinePlugin`, a Dask worker plugin) and returns a partition's
records. Results stream back as they complete, are put back in input order
and written in batched transactions, so the corpus layer (registry,
near-duplicates, consolidation) sees the articles exactly as a one-process
ingest does and the database ends the same.

A worker that dies mid-run loses and duplicates nothing: nothing is written
until its partition's records are back, Dask runs the partition again on
another worker, and a partition that kills workers again and again is
reported ([E206]) instead of stopping the run. Stopped runs are completed by
running the same command again (records already stored are left as they are).

Only this module imports Dask; the CLI imports it only when a distributed ingest is asked for.
"""

from __future__ import annotations

import io
import itertools
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from .errors import ConfigError, Errors
from .ingest.base import IngestFailure, InputDocument
from .ingesting import IngestSummary, OnFailure, OnWarning, Progress, ingest_local, rich_progress, write_counted
from .record import Article
from .settings import Settings
from .store import Store

Item = Article | IngestFailure


@dataclass(frozen=True, slots=True)
class Partition:
    """A piece of the input a worker reads on its own.

    ``kind``: ``files`` (``paths``, read whole), ``lines`` (bytes ``start``..``stop`` of a plain
    JSONL file whose first line is number ``first``), ``warc`` (bytes ``start``..``stop`` of a WARC
    file whose first HTML response is number ``first``), ``documents`` (read here already).
    """

    index: int
    kind: str
    paths: tuple[str, ...] = ()
    start: int = 0
    stop: int = 0
    first: int = 1
    documents: tuple[InputDocument | IngestFailure, ...] = ()

    @property
    def label(self) -> str:
        if self.kind == "files":
            return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} … {self.paths[-1]}"
        if self.kind in ("lines", "warc"):
            unit = "line" if self.kind == "lines" else "record"
            return f"{self.paths[0]} ({unit}s from {self.first})"
        return "<stdin>"


# -- partitions -------------------------------------------------------------------------------
def _walk(directory: Path) -> Iterator[Path]:
    """Files under ``directory`` in the order the one-process ingest reads them."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(8192)
    except OSError:
        return b""


def partitions(paths: Iterable[str], settings: Settings, size: int | None = None) -> Iterator[Partition]:
    """Split inputs into partitions of about ``size`` documents, in input order.

    The default, a quarter of the batch size (8), keeps every worker busy to the end of a run;
    the size changes nothing in the result, which is written in batches of ``batch_size``.
    """
    from .ingest import detect_format

    size = size or max(settings.batch_size // 4, 1)
    index = itertools.count()
    files: list[str] = []

    def flush_files() -> Iterator[Partition]:
        if files:
            yield Partition(next(index), "files", tuple(files))
            files.clear()

    for p in paths:
        if str(p) == "-":
            yield from flush_files()
            from .ingest.readers import read_stdin

            docs = read_stdin(settings)
            while chunk := tuple(itertools.islice(docs, size)):
                yield Partition(next(index), "documents", documents=chunk)
            continue
        path = Path(p)
        for f in _walk(path) if path.is_dir() else [path]:
            head = _head(f)
            fmt = detect_format(str(f), head) if head else "text"
            if fmt == "jsonl" and head[:2] != b"\x1f\x8b":
                yield from flush_files()
                for start, stop, first in _line_ranges(f, size):
                    yield Partition(next(index), "lines", (str(f),), start, stop, first)
                continue
            if fmt == "warc":  # records found by offset (gzip WARCs are one gzip member per record)
                ranges = _warc_ranges(f, size)
                if ranges is not None:
                    yield from flush_files()
                    for start, stop, first in ranges:
                        yield Partition(next(index), "warc", (str(f),), start, stop, first)
                    continue
            files.append(str(f))
            if len(files) >= size:
                yield from flush_files()
    yield from flush_files()


def _line_ranges(path: Path, size: int) -> list[tuple[int, int, int]]:
    """Byte ranges of ``size`` lines each: (start, stop, number of the first line)."""
    out: list[tuple[int, int, int]] = []
    start, line, count, pos = 0, 1, 0, 0
    with path.open("rb") as f:
        for raw in f:
            pos += len(raw)
            count += 1
            if count == size:
                out.append((start, pos, line))
                start, line, count = pos, line + count, 0
    if count or not out:
        out.append((start, pos, line))
    return out


def _warc_ranges(path: Path, size: int) -> list[tuple[int, int, int]] | None:
    """Byte ranges of about ``size`` HTML responses each, or None when the file cannot be scanned."""
    from warcio.archiveiterator import ArchiveIterator

    out: list[tuple[int, int, int]] = []
    try:
        with path.open("rb") as f:
            records = ArchiveIterator(f)
            start, first, count, n = 0, 1, 0, 0
            for rec in records:
                ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
                offset = records.get_record_offset()
                if rec.rec_type != "response" or "html" not in ctype.lower():
                    continue
                if count == size:
                    out.append((start, offset, first))
                    start, first, count = offset, n + 1, 0
                n += 1
                count += 1
            out.append((start, path.stat().st_size, first))
    except Exception:  # noqa: BLE001 - a damaged WARC is read whole by the ordinary reader, which reports it
        return None
    return out


# -- the worker side --------------------------------------------------------------------------
_PIPELINES: dict[Settings, Any] = {}


def worker_pipeline(settings: Settings) -> Any:
    """The pipeline of this worker process for ``settings``, loaded once."""
    if settings not in _PIPELINES:
        from .pipeline import Pipeline

        _PIPELINES[settings] = Pipeline(settings)
    return _PIPELINES[settings]


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin: each worker loads the pipeline when it starts, before its first task."""

    name = "newsgraph-pipeline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        worker_pipeline(self.settings)

    def teardown(self, worker: Any) -> None:
        _PIPELINES.pop(self.settings, None)


def read_partition(
    part: Partition, settings: Settings, published: str | None = None
) -> Iterator[InputDocument | IngestFailure]:
    """The documents of one partition, as the one-process readers give them (``published`` as there)."""
    from .ingest import iter_documents
    from .ingest.readers import note_long_runs

    if part.kind == "files":
        yield from iter_documents(list(part.paths), settings, published=published)
        return
    for item in _read_pieces(part, settings):
        if isinstance(item, InputDocument):
            if published and not item.published:
                item.published = published
            note_long_runs(item)
        yield item


def _read_pieces(part: Partition, settings: Settings) -> Iterator[InputDocument | IngestFailure]:
    """A partition's documents, read by the one-process readers (the same checks, numbers and dates)."""
    from .ingest.readers import read_jsonl_stream, read_warc_stream

    if part.kind == "documents":  # standard input, read by the client
        yield from part.documents
        return
    path = part.paths[0]
    with open(path, "rb") as f:
        f.seek(part.start)
        data = io.BytesIO(f.read(part.stop - part.start))
    if part.kind == "lines":
        yield from read_jsonl_stream(data, path, settings.max_file_bytes, first_line=part.first)
    else:
        yield from read_warc_stream(data, path, settings.max_file_bytes, first_record=part.first)


def extract_partition(
    part: Partition, settings: Settings, published: str | None = None
) -> tuple[list[Item], list[str]]:
    """Run on a worker: read a partition and extract its articles (failures name their input);
    also the readers' warnings, in input order."""
    warnings: list[str] = []

    def documents() -> Iterator[InputDocument | IngestFailure]:
        for item in read_partition(part, settings, published):
            if isinstance(item, InputDocument):
                warnings.extend(item.warnings)
            yield item

    return list(worker_pipeline(settings).process(documents())), warnings


# -- the client side --------------------------------------------------------------------------
def parse_address(dask: str) -> tuple[str | None, int | None]:
    """``local`` / ``local:N`` -> (None, N workers); ``tcp://host:port`` -> (address, None). Else [E020]."""
    text = dask.strip()
    if text == "local" or text.startswith("local:"):
        n = text.partition(":")[2]
        if n and (not n.isdigit() or not 1 <= int(n) <= 512):
            raise ConfigError(Errors.E020.format(value=dask))
        return None, int(n) if n else None
    if "://" in text and text.split("://", 1)[1]:
        return text, None
    raise ConfigError(Errors.E020.format(value=dask))


def connect(dask: str) -> tuple[Any, Any]:
    """A Dask client (and the LocalCluster it started, or None) for ``local[:N]`` or a scheduler address."""
    from distributed import Client, LocalCluster

    address, workers = parse_address(dask)
    if address is not None:
        try:
            return Client(address, timeout="20s"), None
        except OSError as exc:
            raise ConfigError(Errors.E022.format(address=address, reason=exc)) from exc
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=50,
    )
    return Client(cluster), cluster


def ingest_distributed(
    paths: list[str],
    store: Store,
    settings: Settings,
    dask: str | None = None,
    client: Any = None,
    progress: Progress | None = None,
    published: str | None = None,
    on_warning: OnWarning | None = None,
    on_failure: OnFailure | None = None,
) -> IngestSummary:
    """Ingest ``paths`` into ``store`` with the NLP on Dask workers; returns what was done.

    Args:
        paths: Files, directories or ``-``.
        store: Where to write (any number of ingests may write to one PostgreSQL or SQLite store).
        settings: Batch size, model, ... (the workers get the same).
        dask: ``local``, ``local:N`` or ``tcp://host:port`` (ignored when ``client`` is given).
        client: An open ``distributed.Client`` to use instead.
        progress: Called with the summary after every batch written.
        published, on_warning, on_failure: As for :func:`~newsgraph.ingesting.ingest_local` (warnings
            and failures are told in input order, as the partitions' results are put back in order).
    """
    from distributed.client import FutureCancelledError

    from distributed import as_completed

    own: tuple[Any, Any] | None = None
    if client is None:
        own = connect(dask or "local")
        client = own[0]
    try:
        client.register_plugin(PipelinePlugin(settings))
        summary = IngestSummary(dashboard=_dashboard(client))
        parts = partitions(paths, settings)
        window = 2 * max(len(client.scheduler_info().get("workers", {})), 1) + 2
        pending = as_completed()
        labels: dict[int, str] = {}
        index_of: dict[str, int] = {}
        run = uuid.uuid4().hex[:12]

        def submit() -> bool:
            part = next(parts, None)
            if part is None:
                return False
            labels[part.index] = part.label
            fut = client.submit(extract_partition, part, settings, published, key=f"newsgraph-{run}-{part.index}")
            index_of[fut.key] = part.index
            pending.add(fut)
            return True

        for _ in range(window):
            if not submit():
                break
        done: dict[int, tuple[list[Item], list[str]]] = {}
        next_index = 0
        batch: list[Article] = []
        for fut in pending:
            index = index_of.pop(fut.key)
            try:
                done[index] = fut.result()
            except (FutureCancelledError, Exception) as exc:  # noqa: BLE001 - one partition, reported
                failed = IngestFailure(labels[index], Errors.E206.format(label=labels[index], reason=_why(exc)))
                done[index] = ([failed], [])
            fut.release()
            submit()
            while next_index in done:
                items, warnings = done.pop(next_index)
                if on_warning is not None:
                    for w in warnings:
                        on_warning(w)
                for item in items:
                    if isinstance(item, IngestFailure):
                        summary.failures.append(item)
                        if on_failure is not None:
                            on_failure(item)
                    else:
                        batch.append(item)
                        if len(batch) >= settings.batch_size:
                            write_counted(store, batch, summary, progress, on_failure)
                next_index += 1
        write_counted(store, batch, summary, progress, on_failure)
        return summary
    finally:
        if own is not None:
            own[0].close()
            if own[1] is not None:
                own[1].close()


def _why(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200] or type(exc).__name__


def _dashboard(client: Any) -> str | None:
    try:
        link = client.dashboard_link
    except Exception:  # noqa: BLE001 - no dashboard is fine
        return None
    return str(link) if link else None


__all__ = [
    "IngestSummary",
    "Partition",
    "PipelinePlugin",
    "connect",
    "extract_partition",
    "ingest_distributed",
    "ingest_local",
    "parse_address",
    "partitions",
    "read_partition",
    "rich_progress",
]
