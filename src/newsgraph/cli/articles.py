"""Article commands: ``extract`` (to stdout), ``ingest`` (into the database), ``show``, ``list``, ``stats``.

spaCy, the pipeline and the store are imported inside the commands that use them, so that
``--help``, ``list`` and ``show`` start without loading them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import Errors, StoreError
from ..ingest.base import IngestFailure, InputDocument
from ..record import Article
from ..settings import Settings
from .app import app
from .common import open_store, settings
from .options import (
    DbOption,
    LimitOption,
    OffsetOption,
    PublishedOption,
    SinceOption,
    UntilOption,
    check_range,
)
from .output import one_line, say, skipped, warn

if TYPE_CHECKING:
    from rich.console import Console

    from ..store import Store


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class ShowFormat(StrEnum):
    json = "json"
    table = "table"


PathsArg = Annotated[
    list[str],
    typer.Argument(help="Files, directories (read recursively) or '-' for stdin.", show_default=False),
]
ModelOption = Annotated[str | None, typer.Option("--model", help="Installed spaCy pipeline to use.")]
ProcessesOption = Annotated[
    int | None, typer.Option("--processes", "-p", min=1, max=64, help="Worker processes for NLP.")
]
BatchOption = Annotated[int | None, typer.Option("--batch-size", min=1, max=10_000, help="Articles per batch.")]

SUMMARY_ROWS = 20  # articles listed after an ingest
DETAILED = 5  # articles shown with their quotes and events after an ingest


def console(stderr: bool = False) -> Console:
    """A rich console that never wraps lines (file names and quotes stay whole in logs)."""
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=True, highlight=False)


def _stream(paths: list[str], conf: Settings, published: str | None) -> Iterator[Article | IngestFailure]:
    """Records of every input, in order; the warnings of the readers are reported as they come."""
    from ..ingest import iter_documents
    from ..pipeline import extract_stream

    def docs() -> Iterator[InputDocument | IngestFailure]:
        for item in iter_documents(paths, conf, published=published):
            if isinstance(item, InputDocument):
                for w in item.warnings:
                    warn(w)
            yield item

    yield from extract_stream(docs(), conf)


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[
        ExtractFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: one object per input "
            "(a list for several); jsonl: one record per line; table: a readable summary.",
        ),
    ] = ExtractFormat.json,
    published: PublishedOption = None,
    model: ModelOption = None,
    processes: ProcessesOption = None,
    batch_size: BatchOption = None,
) -> None:
    """Extract article records from PATHS and print them (nothing is stored).

    Example: newsgraph extract examples/gallant-2024-03-27.txt --format table
    """
    conf = settings(model=model, processes=processes, batch_size=batch_size)
    failed = 0
    collected: list[Article] = []
    for item in _stream(paths, conf, published):
        if isinstance(item, IngestFailure):
            failed += 1
            skipped(item.message)
        elif fmt is ExtractFormat.jsonl:
            sys.stdout.write(item.to_json() + "\n")
            sys.stdout.flush()
        elif fmt is ExtractFormat.table:
            print_article(item)
        else:
            collected.append(item)
    if fmt is ExtractFormat.json and collected:
        data: Any = collected[0].to_dict() if len(collected) == 1 else [a.to_dict() for a in collected]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(1)


class _Summary:
    """What the ingest summary needs, kept small: rows for the first articles, details of a few."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, int, int, int]] = []
        self.detailed: list[Article] = []
        self.stored = 0

    def add(self, a: Article) -> None:
        self.stored += 1
        if len(self.rows) < SUMMARY_ROWS:
            self.rows.append((a.id, a.title or "(untitled)", a.published or "-", *_counts(a)))
        if len(self.detailed) < DETAILED:
            self.detailed.append(a)


def _counts(a: Article) -> tuple[int, int, int]:
    return len(a.actors), len(a.quotes), len(a.events)


# What a store raises for a record it cannot write: its own coded error, or a value it cannot
# serialise (the store wraps database errors in StoreError).
UNWRITABLE = (StoreError, TypeError, ValueError)


def write_batch(store: Store, batch: list[Article]) -> tuple[list[Article], dict[str, str], list[str]]:
    """Store a batch; when the batch as a whole is refused, store its articles one by one so that
    one record that cannot be written loses only itself.

    The seam with the store: ``Store.write_batch`` is all or nothing today; where it learns to
    store a batch around the records it refuses, this fallback runs only for a batch refused whole.

    Returns:
        The articles stored, the near-duplicates found, and one [E312] message per article lost.
    """
    try:
        return list(batch), dict(store.write_batch(batch).duplicates), []
    except UNWRITABLE:
        if len(batch) == 1:
            raise
    stored: list[Article] = []
    duplicates: dict[str, str] = {}
    lost: list[str] = []
    for a in batch:
        try:
            duplicates.update(store.write_batch([a]).duplicates)
            stored.append(a)
        except UNWRITABLE as exc:
            lost.append(Errors.E312.format(id=_label(a), reason=str(exc) or type(exc).__name__))
    return stored, duplicates, lost


def _label(a: Article) -> str:
    where = a.source.path or a.source.url
    return f"{where} (id {a.id})" if where else a.id


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = None,
    published: PublishedOption = None,
    model: ModelOption = None,
    processes: ProcessesOption = None,
    batch_size: BatchOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary, only failures.")] = False,
) -> None:
    """Extract articles from PATHS and store them in the database (re-ingesting replaces).

    Example: newsgraph ingest examples/ --db sqlite:///news.db
    """
    conf = settings(db=db, model=model, processes=processes, batch_size=batch_size)
    store = open_store(conf.db, create=True, conf=conf)
    failed = 0
    summary = _Summary()
    batch: list[Article] = []
    duplicates: dict[str, str] = {}

    def flush() -> None:
        nonlocal failed
        if not batch:
            return
        try:
            done, dups, lost = write_batch(store, batch)
        except UNWRITABLE as exc:  # a batch of one the store refused
            done, dups, lost = [], {}, [Errors.E312.format(id=_label(batch[0]), reason=str(exc) or type(exc).__name__)]
        duplicates.update(dups)
        for a in done:
            summary.add(a)
        for message in lost:
            failed += 1
            skipped(message)
        batch.clear()

    try:
        with _progress("ingesting") as bar:
            task = bar.add_task("ingest", total=None)
            for item in _stream(paths, conf, published):
                if isinstance(item, IngestFailure):
                    failed += 1
                    skipped(item.message)
                else:
                    batch.append(item)
                    if len(batch) >= conf.batch_size:
                        flush()
                bar.advance(task)
            flush()
        if not quiet:
            print_ingest_summary(summary, duplicates, failed, store)
    finally:
        store.close()
    if failed:
        raise typer.Exit(1)


def _progress(label: str) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    err = console(stderr=True)
    return Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=True,
    )


def _text(value: str | None) -> Any:
    """User text for a rich table cell: plain, never markup."""
    from rich.text import Text

    return Text(one_line(value or "-"))


def print_ingest_summary(summary: _Summary, duplicates: dict[str, str], failed: int, store: Store) -> None:
    """One line per article (up to 20), the quotes and events of the first few, totals."""
    from rich.markup import escape
    from rich.table import Table

    out = console()
    table = Table(title=_text(f"Stored in {store.url}"), show_lines=False)
    for col in ("id", "title", "published", "actors", "quotes", "events"):
        table.add_column(col, overflow="fold", max_width=60 if col == "title" else None)
    for aid, title, date, n_actors, n_quotes, n_events in summary.rows:
        shown = _text(title)
        if aid in duplicates:
            shown.append(" (duplicate)", style="dim")
        table.add_row(aid, shown, date, str(n_actors), str(n_quotes), str(n_events))
    if summary.stored > len(summary.rows):
        table.add_row("…", f"and {summary.stored - len(summary.rows)} more", "", "", "", "")
    out.print(table)
    for a in summary.detailed if summary.stored <= DETAILED else []:
        print_article_details(a)
    totals = store.stats()
    out.print(
        f"[bold]{summary.stored}[/bold] articles stored ({len(duplicates)} near-duplicates), "
        f"{failed} inputs skipped. Database now holds {totals['articles']} articles, "
        f"{totals['quotes']} quotes, {totals['events']} events ({escape(str(store.url))})."
    )


def print_article_details(a: Article, out: Console | None = None) -> None:
    """Actors, quotes and events of one article, readable; user text is never markup."""
    from rich.markup import escape

    out = out or console()
    out.print(f"\n[bold]{escape(one_line(a.title or a.id))}[/bold]  ({escape(a.published or 'no date')})")
    if a.actors:
        out.print("[bold]Actors[/bold]")
        for ac in a.actors[:12]:
            codes = "/".join(x for x in (ac.country, ac.sector) if x) or "-"
            role = f", {ac.roles[0]}" if ac.roles else ""
            out.print(f"  {escape(one_line(ac.name + role))} [dim]{ac.kind} {codes}, {len(ac.mentions)} mentions[/dim]")
    if a.quotes:
        out.print("[bold]Quotes[/bold]")
        for q in a.quotes[:10]:
            speaker = a.actor(q.speaker.actor) if q.speaker else None
            who = speaker.name if speaker else (q.speaker.text if q.speaker else "?")
            text = q.content.text if len(q.content.text) < 140 else q.content.text[:137] + "…"
            line = f"{who} ({q.kind}{', ' + q.date if q.date else ''}): {text}"
            out.print("  " + escape(one_line(line)))
    if a.events:
        out.print("[bold]Events[/bold]")
        for e in a.events[:10]:
            src = ", ".join(_names(a, e.source)) or "?"
            tgt = ", ".join(_names(a, e.target)) or "-"
            flags = (" negated" if e.negated else "") + (f" {e.modality}" if e.modality != "asserted" else "")
            head = f"{e.date or '????-??-??'} {e.type}{'/' + e.mode if e.mode else ''}: {src} -> {tgt}"
            out.print(f"  {escape(one_line(head))} [dim]“{escape(one_line(e.trigger.text))}”{flags}[/dim]")


def _names(a: Article, actor_ids: list[str]) -> list[str]:
    return [actor.name for i in actor_ids if (actor := a.actor(i)) is not None]


def print_article(a: Article) -> None:
    from rich.markup import escape

    out = console()
    out.print(f"[bold]{escape(a.id)}[/bold] {escape(one_line(a.source.path or a.source.url or ''))}")
    print_article_details(a, out)
    n_actors, n_quotes, n_events = _counts(a)
    out.print(f"[dim]{n_actors} actors, {n_quotes} quotes, {n_events} events[/dim]\n")


@app.command()
def show(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="Article id (see 'newsgraph list'), or a file that was ingested.")
    ],
    db: DbOption = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="json (the record) or table.")] = ShowFormat.json,
) -> None:
    """Show a stored article: by its id, or by the file it was ingested from.

    Example: newsgraph show examples/gallant-2024-03-27.txt --format table
    """
    with open_store(db) as store:
        articles = _stored(store, article_id)
    for art in articles:
        if fmt is ShowFormat.json:
            sys.stdout.write(art.to_json(indent=2) + "\n")
        else:
            print_article(art)


def _stored(store: Store, article_id: str) -> list[Article]:
    """The article with that id; else, when it names a file, the stored articles read from it (their
    ids are found by reading the file as ingest did, without the pipeline)."""
    try:
        return [store.get(article_id)]
    except StoreError:
        if not Path(article_id).is_file():
            raise
    from ..ingest import iter_documents

    found = []
    for doc in iter_documents([article_id]):
        if isinstance(doc, InputDocument):
            try:
                found.append(store.get(doc.stable_id()))
            except StoreError:
                continue
    if not found:
        raise StoreError(Errors.E302.format(id=article_id))
    return found


@app.command("list")
def list_articles(
    db: DbOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """List stored articles, newest first, with their counts."""
    check_range(since, until)
    with open_store(db) as store:
        rows = store.list(limit=limit, offset=offset, since=since, until=until)
    if not rows:
        say("no articles match")
        return
    if as_json or not sys.stdout.isatty():
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    table = Table()
    for col in ("id", "published", "title", "actors", "quotes", "events"):
        table.add_column(col, overflow="fold", max_width=60 if col == "title" else None)
    for r in rows:
        table.add_row(
            _text(r["id"]),
            r["published"] or "-",
            _text(r["title"]),
            str(r["actors"]),
            str(r["quotes"]),
            str(r["events"]),
        )
    console().print(table)


@app.command()
def stats(db: DbOption = None) -> None:
    """Counts of what the database holds (JSON)."""
    with open_store(db) as store:
        sys.stdout.write(json.dumps(store.stats(), indent=2) + "\n")
