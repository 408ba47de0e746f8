"""Article commands: ``extract`` (to stdout), ``ingest`` (into the database), ``show``, ``list``, ``stats``.

spaCy, the pipeline, the store and Dask are imported inside the commands that use them, so that
``--help``, ``list`` and ``show`` start without loading them. ``ingest`` is a thin layer over
:func:`newsgraph.ingesting.ingest_local` (or :func:`newsgraph.distributed.ingest_distributed`
with ``--dask``): failures and warnings are printed as they happen, one line each.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import ConfigError, Errors, StoreError
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

    from ..ingesting import IngestSummary
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


DaskOption = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="local[:N] | tcp://HOST:PORT",
        help="Run the NLP on Dask workers: a local cluster of N processes (local: one per core), "
        "or a running scheduler's address; the store is written here, as without --dask.",
    ),
]


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = None,
    published: PublishedOption = None,
    model: ModelOption = None,
    processes: ProcessesOption = None,
    batch_size: BatchOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary, only failures.")] = False,
    dask: DaskOption = None,
) -> None:
    """Extract articles from PATHS and store them in the database (re-ingesting an unchanged article
    leaves it as it is, a changed one replaces it).

    Example: newsgraph ingest examples/ --db sqlite:///news.db
    """
    from ..ingesting import ingest_local, rich_progress

    conf = settings(db=db, model=model, processes=processes, batch_size=batch_size)
    if dask is not None:
        try:
            from ..distributed import ingest_distributed, parse_address
        except ImportError as exc:
            raise ConfigError(Errors.E021.format(reason=exc)) from exc
        parse_address(dask)  # a wrong address is refused before the database is touched
    store = open_store(conf.db, create=True, conf=conf)
    try:
        bar, update = rich_progress(console(stderr=True))
        with bar:
            if dask is None:
                summary = ingest_local(
                    paths, store, conf, progress=update, published=published, on_warning=warn, on_failure=_skipped
                )
            else:
                summary = ingest_distributed(
                    paths,
                    store,
                    conf,
                    dask=dask,
                    progress=update,
                    published=published,
                    on_warning=warn,
                    on_failure=_skipped,
                )
        if not quiet:
            print_ingest_summary(summary, store)
    finally:
        store.close()
    if summary.failures:
        raise typer.Exit(1)


def _skipped(failure: IngestFailure) -> None:
    skipped(failure.message)


def _text(value: str | None) -> Any:
    """User text for a rich table cell: plain, never markup."""
    from rich.text import Text

    return Text(one_line(value or "-"))


def print_ingest_summary(summary: IngestSummary, store: Store) -> None:
    """One line per article (up to 20), the quotes and events of a small ingest's articles, totals."""
    from rich.markup import escape
    from rich.table import Table

    out = console()
    table = Table(title=_text(f"Stored in {store.url}"), show_lines=False)
    for col in ("id", "title", "published", "actors", "quotes", "events"):
        table.add_column(col, overflow="fold", max_width=60 if col == "title" else None)
    for row in summary.first:
        shown = _text(row["title"] or "(untitled)")
        if row["duplicate_of"]:
            shown.append(" (duplicate)", style="dim")
        counts = (str(row[k]) for k in ("actors", "quotes", "events"))
        table.add_row(_text(row["id"]), shown, row["published"] or "-", *counts)
    if summary.stored > len(summary.first):
        table.add_row("…", f"and {summary.stored - len(summary.first)} more", "", "", "", "")
    out.print(table)
    for a in summary.shown:
        print_article_details(a)
    totals = store.stats()
    kept = f", {summary.unchanged} unchanged" if summary.unchanged else ""
    out.print(
        f"[bold]{summary.stored}[/bold] articles stored ({summary.duplicates} near-duplicates{kept}), "
        f"{len(summary.failures)} inputs skipped, {summary.rate:.1f} articles/s. Database now holds "
        f"{totals['articles']} articles, {totals['quotes']} quotes, {totals['events']} events "
        f"({escape(str(store.url))})."
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
    out.print(f"[dim]{len(a.actors)} actors, {len(a.quotes)} quotes, {len(a.events)} events[/dim]\n")


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
