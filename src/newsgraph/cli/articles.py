"""Article commands: ``extract`` (to stdout), ``ingest`` (into the database), ``show``, ``list``, ``stats``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from ..errors import NewsgraphError
from ..ingest import IngestFailure, InputDocument, iter_documents
from ..pipeline import extract_stream
from ..record import Article
from ..settings import Settings, load_settings
from ..store import Store, article_label
from .app import app

out = Console(soft_wrap=True)
err = Console(stderr=True)


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
DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="NEWSGRAPH_DB", help="Database URL [default: sqlite:///newsgraph.db]."),
]
ModelOption = Annotated[str | None, typer.Option("--model", help="Installed spaCy pipeline to use.")]
ProcessesOption = Annotated[int | None, typer.Option("--processes", "-p", min=1, help="Worker processes for NLP.")]
BatchOption = Annotated[int | None, typer.Option("--batch-size", min=1, help="Articles per batch.")]


def _settings(**overrides: Any) -> Settings:
    try:
        return load_settings(**{k: v for k, v in overrides.items() if v is not None})
    except NewsgraphError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc


def _check_paths(paths: list[str]) -> None:
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        for p in missing:
            err.print(f"[red]Error:[/red] {p}: no such file or directory.")
        raise typer.Exit(2)


def _progress(label: str) -> Progress:
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


def _stream(paths: list[str], settings: Settings) -> Iterator[Article | IngestFailure]:
    docs: Iterator[InputDocument | IngestFailure] = iter_documents(paths, settings)
    try:
        yield from extract_stream(docs, settings)
    except NewsgraphError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc


def _report_failure(f: IngestFailure) -> None:
    err.print(f"[yellow]skipped[/yellow] {f.message}", highlight=False)


def _counts(a: Article) -> str:
    return f"{len(a.actors)} actors, {len(a.quotes)} quotes, {len(a.events)} events"


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
    model: ModelOption = None,
    processes: ProcessesOption = None,
    batch_size: BatchOption = None,
) -> None:
    """Extract article records from PATHS and print them (nothing is stored).

    Example: newsgraph extract examples/gallant-2024-03-27.txt --format table
    """
    _check_paths(paths)
    settings = _settings(model=model, processes=processes, batch_size=batch_size)
    failed = 0
    collected: list[Article] = []
    for item in _stream(paths, settings):
        if isinstance(item, IngestFailure):
            failed += 1
            _report_failure(item)
        elif fmt is ExtractFormat.jsonl:
            sys.stdout.write(item.to_json() + "\n")
        elif fmt is ExtractFormat.table:
            print_article(item)
        else:
            collected.append(item)
    if fmt is ExtractFormat.json:
        data: Any = collected[0].to_dict() if len(collected) == 1 else [a.to_dict() for a in collected]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = None,
    model: ModelOption = None,
    processes: ProcessesOption = None,
    batch_size: BatchOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary, only failures.")] = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="local[:N] | tcp://HOST:PORT",
            help="Run the NLP on Dask workers: a local cluster of N processes, or a scheduler's address.",
        ),
    ] = None,
) -> None:
    """Extract articles from PATHS and store them in the database (re-ingesting replaces).

    Example: newsgraph ingest examples/ --db sqlite:///news.db
    """
    _check_paths(paths)
    settings = _settings(db=db, model=model, processes=processes, batch_size=batch_size)
    try:
        store = Store(settings.db, settings)
    except NewsgraphError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    if dask is not None:
        _ingest_dask(paths, settings, store, dask, quiet)
        return
    failures: list[IngestFailure] = []
    stored: list[Article] = []
    batch: list[Article] = []
    duplicates: dict[str, str] = {}

    def flush() -> None:
        if batch:
            report = store.write_batch(batch)
            duplicates.update(report.duplicates)
            for label, message in report.failed.items():  # articles the store could not write
                failures.append(IngestFailure(label, message))
                _report_failure(failures[-1])
            batch[:] = [a for a in batch if article_label(a) not in report.failed]
            stored.extend(_light(a) for a in batch)
            batch.clear()

    with _progress("ingesting") as bar:
        task = bar.add_task("ingest", total=None)
        for item in _stream(paths, settings):
            if isinstance(item, IngestFailure):
                failures.append(item)
                _report_failure(item)
            else:
                batch.append(item)
                if len(batch) >= settings.batch_size:
                    flush()
            bar.advance(task)
        flush()
    if not quiet:
        print_ingest_summary(stored, duplicates, failures, store)
    store.close()
    if failures:
        raise typer.Exit(1)


def _ingest_dask(paths: list[str], settings: Settings, store: Store, dask: str, quiet: bool) -> None:
    try:
        from ..distributed import ingest_distributed, rich_progress
    except ImportError as exc:
        err.print(f"[E006] Distributed ingest needs dask[distributed] ({exc}): pip install 'dask[distributed]'.")
        raise typer.Exit(2) from exc

    bar, update = rich_progress(err)
    try:
        with bar:
            summary = ingest_distributed(paths, store, settings, dask=dask, progress=update)
    except NewsgraphError as exc:
        err.print(f"[red]{exc}[/red]", highlight=False, markup=False)
        raise typer.Exit(2) from exc
    finally:
        store.close()
    for f in summary.failures:
        _report_failure(f)
    if not quiet:
        out.print(
            f"{summary.stored} articles stored ({summary.written} new, {summary.replaced} replaced, "
            f"{summary.unchanged} unchanged, {summary.duplicates} near-duplicates), {len(summary.failures)} inputs "
            f"skipped, {summary.rate:.2f} articles/s.",
            highlight=False,
        )
    if summary.failures:
        raise typer.Exit(1)


def _light(a: Article) -> Article:
    """The parts of an article the summary needs (drops the text to keep memory flat)."""
    if len(a.text) > 0:
        a.meta = {"chars": len(a.text)}
    return a


def print_ingest_summary(
    articles: list[Article], duplicates: dict[str, str], failures: list[IngestFailure], store: Store
) -> None:
    """One line per article (up to 20), the top actors and quotes when few, totals."""
    table = Table(title=f"Stored in {store.url}", show_lines=False)
    for col in ("id", "title", "published", "actors", "quotes", "events"):
        table.add_column(col, overflow="fold", max_width=60 if col == "title" else None)
    for a in articles[:20]:
        title = (a.title or "(untitled)") + (" [dim](duplicate)[/dim]" if a.id in duplicates else "")
        table.add_row(a.id, title, a.published or "-", str(len(a.actors)), str(len(a.quotes)), str(len(a.events)))
    if len(articles) > 20:
        table.add_row("…", f"and {len(articles) - 20} more", "", "", "", "")
    out.print(table)
    if len(articles) <= 5:
        for a in articles:
            print_article_details(a)
    totals = store.stats()
    out.print(
        f"[bold]{len(articles)}[/bold] articles stored ({len(duplicates)} near-duplicates), "
        f"{len(failures)} inputs skipped. Database now holds {totals['articles']} articles, "
        f"{totals['quotes']} quotes, {totals['events']} events."
    )


def print_article_details(a: Article) -> None:
    """Actors, quotes and events of one article, readable."""
    out.print(f"\n[bold]{a.title or a.id}[/bold]  ({a.published or 'no date'})")
    if a.actors:
        out.print("[bold]Actors[/bold]")
        for ac in a.actors[:12]:
            codes = "/".join(x for x in (ac.country, ac.sector) if x) or "-"
            role = f", {ac.roles[0]}" if ac.roles else ""
            out.print(
                f"  {ac.name}{role} [dim]{ac.kind} {codes}, {len(ac.mentions)} mentions[/dim]",
                highlight=False,
            )
    if a.quotes:
        out.print("[bold]Quotes[/bold]")
        for q in a.quotes[:10]:
            speaker = a.actor(q.speaker.actor) if q.speaker else None
            who = speaker.name if speaker else (q.speaker.text if q.speaker else "?")
            text = q.content.text if len(q.content.text) < 140 else q.content.text[:137] + "…"
            out.print(f"  {who} ({q.kind}{', ' + q.date if q.date else ''}): {text}", highlight=False)
    if a.events:
        out.print("[bold]Events[/bold]")
        for e in a.events[:10]:
            src = ", ".join(a.actor(i).name for i in e.source if a.actor(i)) or "?"  # type: ignore[union-attr]
            tgt = ", ".join(a.actor(i).name for i in e.target if a.actor(i)) or "-"  # type: ignore[union-attr]
            flags = (" negated" if e.negated else "") + (f" {e.modality}" if e.modality != "asserted" else "")
            out.print(
                f"  {e.date or '????-??-??'} {e.type}{'/' + e.mode if e.mode else ''}: {src} -> {tgt} "
                f"[dim]“{e.trigger.text}”{flags}[/dim]",
                highlight=False,
            )


def print_article(a: Article) -> None:
    out.print(f"[bold]{a.id}[/bold] {a.source.path or a.source.url or ''}")
    print_article_details(a)
    out.print(f"[dim]{_counts(a)}[/dim]\n")


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id (see 'newsgraph list').")],
    db: DbOption = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="json (the record) or table.")] = ShowFormat.json,
) -> None:
    """Show one stored article record."""
    settings = _settings(db=db)
    try:
        with Store(settings.db, settings) as store:
            art = store.get(article_id)
    except NewsgraphError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    if fmt is ShowFormat.json:
        sys.stdout.write(art.to_json(indent=2) + "\n")
    else:
        print_article(art)


@app.command("list")
def list_articles(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many articles.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """List stored articles, newest first, with their counts."""
    settings = _settings(db=db)
    with Store(settings.db, settings) as store:
        rows = store.list(limit=limit, offset=offset, since=since, until=until)
    if as_json or not out.is_terminal:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    table = Table()
    for col in ("id", "published", "title", "actors", "quotes", "events"):
        table.add_column(col, overflow="fold", max_width=60 if col == "title" else None)
    for r in rows:
        table.add_row(
            r["id"],
            r["published"] or "-",
            r["title"] or "-",
            str(r["actors"]),
            str(r["quotes"]),
            str(r["events"]),
        )
    out.print(table)


@app.command()
def stats(db: DbOption = None) -> None:
    """Counts of what the database holds (JSON)."""
    settings = _settings(db=db)
    with Store(settings.db, settings) as store:
        sys.stdout.write(json.dumps(store.stats(), indent=2) + "\n")
