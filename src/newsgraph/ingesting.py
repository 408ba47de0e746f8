"""Ingest into a store in one process, and the summary every ingest gives.

:func:`ingest_local` reads the inputs, runs the pipeline (``settings.processes``
worker processes for the NLP) and writes the records in batches of
``batch_size``, each batch one transaction. What it keeps is bounded whatever the
size of the run (:class:`IngestSummary`): counts, the first 20 articles' rows,
the records of the first few (shown in full after a small ingest, dropped
once the run is past them) and the failures. The Dask ingest
(:mod:`newsgraph.distributed`) gives the same summary.

This module imports neither Dask nor spaCy; the pipeline is imported when an
ingest starts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .ingest.base import IngestFailure, InputDocument
from .record import Article
from .settings import Settings
from .store import Store, WriteReport, article_label

SUMMARY_ROWS = 20  # articles listed in a summary
DETAILED = 5  # an ingest of at most this many articles shows each in full

Progress = Callable[["IngestSummary"], None]
OnWarning = Callable[[str], None]  # a reader's warning (W codes), as the document is read
OnFailure = Callable[[IngestFailure], None]  # an input skipped (a reader's, the pipeline's, the store's)


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did, kept small whatever its size: counts, the first articles, every failure."""

    written: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    first: list[dict[str, Any]] = field(default_factory=list)  # id, title, published, counts of the first 20
    shown: list[Article] = field(default_factory=list)  # the records, while no more than DETAILED are stored
    started: float = field(default_factory=time.monotonic)
    dashboard: str | None = None

    @property
    def stored(self) -> int:
        return self.written + self.replaced + self.unchanged

    @property
    def rate(self) -> float:
        """Articles per second so far."""
        return self.stored / max(time.monotonic() - self.started, 1e-9)

    def add(self, batch: list[Article], report: WriteReport) -> list[IngestFailure]:
        """Count a written batch; returns the failures it adds (the articles the store refused)."""
        self.written += len(report.written)
        self.replaced += len(report.replaced)
        self.unchanged += len(report.unchanged)
        self.duplicates += len(report.duplicates)
        new = [IngestFailure(label, msg) for label, msg in report.failed.items()]
        self.failures += new
        refused = set(report.failed)
        small = self.stored <= DETAILED
        for a in {a.id: a for a in batch}.values():  # one id twice in a batch is stored once
            if article_label(a) in refused:
                continue
            if len(self.first) < SUMMARY_ROWS:
                self.first.append(
                    {
                        "id": a.id,
                        "title": a.title,
                        "published": a.published,
                        "actors": len(a.actors),
                        "quotes": len(a.quotes),
                        "events": len(a.events),
                        "duplicate_of": a.duplicate_of,
                    }
                )
            if small:
                self.shown.append(a)
        if not small:
            self.shown.clear()
        return new


def write_counted(
    store: Store,
    batch: list[Article],
    summary: IngestSummary,
    progress: Progress | None = None,
    on_failure: OnFailure | None = None,
) -> None:
    """Write a batch (one transaction), count it, tell of the articles the store refused; empties ``batch``."""
    if batch:
        refused = summary.add(batch, store.write_batch(list(batch)))
        batch.clear()
        if on_failure is not None:
            for failure in refused:
                on_failure(failure)
    if progress is not None:
        progress(summary)


def ingest_local(
    paths: list[str],
    store: Store,
    settings: Settings,
    progress: Progress | None = None,
    published: str | None = None,
    on_warning: OnWarning | None = None,
    on_failure: OnFailure | None = None,
) -> IngestSummary:
    """The one-process ingest (``settings.processes`` workers for the NLP).

    Args:
        paths: Files, directories or ``-``.
        store: Where to write.
        settings: Batch size, model, processes.
        progress: Called with the summary after every batch written.
        published: Publication date for inputs that state none (as ``iter_documents``).
        on_warning: Called with each reader's warning as its document is read.
        on_failure: Called with each input skipped, as it happens (a reader's, the pipeline's, the store's).
    """
    from .ingest import iter_documents
    from .pipeline import extract_stream

    def documents() -> Iterator[InputDocument | IngestFailure]:
        for item in iter_documents(paths, settings, published=published):
            if on_warning is not None and isinstance(item, InputDocument):
                for w in item.warnings:
                    on_warning(w)
            yield item

    summary = IngestSummary()
    batch: list[Article] = []
    for item in extract_stream(documents(), settings):
        if isinstance(item, IngestFailure):
            summary.failures.append(item)
            if on_failure is not None:
                on_failure(item)
            continue
        batch.append(item)
        if len(batch) >= settings.batch_size:
            write_counted(store, batch, summary, progress, on_failure)
    write_counted(store, batch, summary, progress, on_failure)
    return summary


def rich_progress(console: Any) -> tuple[Any, Progress]:
    """A rich progress display (articles stored, articles/s, failures) and the callback that feeds it."""
    from rich.progress import Progress as Bar
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Bar(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
        transient=True,
    )
    task = bar.add_task("ingesting", total=None)

    def update(summary: IngestSummary) -> None:
        where = f" · dashboard {summary.dashboard}" if summary.dashboard else ""
        bar.update(
            task,
            description=f"{summary.stored} articles stored · {summary.rate:.1f} articles/s · "
            f"{len(summary.failures)} failed{where}",
        )

    return bar, update


__all__ = ["DETAILED", "SUMMARY_ROWS", "IngestSummary", "ingest_local", "rich_progress", "write_counted"]
