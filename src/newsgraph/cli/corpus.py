"""Corpus commands: quotes, events, timeline, network, search, duplicates, actors, export.

Output is JSON lines by default (one object per line, like sqlite-utils), or a
table with ``--table``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..corpus import queries
from ..corpus.export import FORMATS, export
from ..errors import NewsgraphError
from ..settings import load_settings
from ..store import Store
from .app import app

err = Console(stderr=True)
out = Console(soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="NEWSGRAPH_DB", help="Database URL [default: sqlite:///newsgraph.db]."),
]
TableOption = Annotated[bool, typer.Option("--table", help="A readable table instead of JSON lines.")]
SinceOption = Annotated[str | None, typer.Option(help="On or after this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="On or before this date (YYYY-MM-DD).")]
LimitOption = Annotated[int, typer.Option(help="At most this many rows.")]
DupOption = Annotated[bool, typer.Option("--duplicates", help="Also count near-duplicate copies of a story.")]


def _store(db: str | None) -> Store:
    overrides: dict[str, Any] = {"db": db} if db else {}
    settings = load_settings(**overrides)
    try:
        return Store(settings.db, settings)
    except NewsgraphError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc


def _emit(rows: list[dict[str, Any]], table: bool, columns: tuple[str, ...]) -> None:
    if not table:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        return
    t = Table()
    for c in columns:
        t.add_column(c, overflow="fold", max_width=70)
    for r in rows:
        t.add_row(*(str(r.get(c, "")) if r.get(c) is not None else "-" for c in columns))
    out.print(t)


def _run(fn: Any) -> Any:
    try:
        return fn()
    except NewsgraphError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc


def _edit(store: Store, fn: Any) -> Any:
    with store.writing() as conn:
        return fn(conn)


@app.command("quotes")
def quotes_cmd(
    speaker: Annotated[str | None, typer.Option(help="Who said it (any name variant).")] = None,
    about: Annotated[str | None, typer.Option(help="Words the quote contains.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    duplicates: DupOption = False,
    limit: LimitOption = 100,
    db: DbOption = None,
    table: TableOption = False,
) -> None:
    """Quotes across articles, newest first: newsgraph quotes --speaker "Hillary Clinton" --about email"""
    with _store(db) as store:
        rows = _run(lambda: queries.quotes(store, speaker, about, since, until, duplicates, limit))
    _emit(rows, table, ("date", "speaker_name", "kind", "content_text", "title"))


@app.command("events")
def events_cmd(
    actor: Annotated[str | None, typer.Option(help="Source or target (any name variant).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,  # noqa: A002
    since: SinceOption = None,
    until: UntilOption = None,
    duplicates: DupOption = False,
    limit: LimitOption = 100,
    db: DbOption = None,
    table: TableOption = False,
) -> None:
    """Events across articles: newsgraph events --actor Israel --type ASSAULT --since 2024-01-01"""
    with _store(db) as store:
        rows = _run(lambda: queries.events(store, actor, type, since, until, duplicates, limit))
    _emit(rows, table, ("date", "type", "source_names", "target_names", "trigger_text", "title"))


@app.command()
def timeline(
    name: Annotated[str, typer.Argument(help="An actor's name (any variant).")],
    db: DbOption = None,
    table: TableOption = False,
) -> None:
    """What an actor said and did, in date order, with sources."""
    with _store(db) as store:
        rows = _run(lambda: queries.timeline(store, name))
    _emit(rows, table, ("date", "what", "kind", "text", "source"))


@app.command()
def network(
    since: SinceOption = None,
    until: UntilOption = None,
    type: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")] = None,  # noqa: A002
    db: DbOption = None,
) -> None:
    """Actor-to-actor ties weighted by events, split into cooperation and conflict (JSON)."""
    with _store(db) as store:
        net = queries.network(store, since, until, type)
    sys.stdout.write(json.dumps(net, ensure_ascii=False) + "\n")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in articles and quotes.")],
    limit: LimitOption = 50,
    db: DbOption = None,
    table: TableOption = False,
) -> None:
    """Full-text search over articles and quotes."""
    with _store(db) as store:
        rows = queries.search(store, query, limit)
    _emit(rows, table, ("kind", "article_id", "snippet", "title"))


@app.command("duplicates")
def duplicates_cmd(db: DbOption = None) -> None:
    """Near-duplicate clusters: the first-seen article and every copy (JSON lines)."""
    with _store(db) as store:
        rows = queries.duplicates(store)
    _emit(rows, False, ())


actors_app = typer.Typer(help="The actor registry: list, show, merge, split.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")


@actors_app.command("list")
def actors_list(
    name: Annotated[str | None, typer.Argument(help="Filter by name.")] = None,
    limit: LimitOption = 100,
    db: DbOption = None,
    table: TableOption = False,
) -> None:
    """Registry entries with article counts and name variants."""
    with _store(db) as store:
        rows = queries.actors(store, name, limit)
    _emit(rows, table, ("id", "name", "kind", "country", "sector", "articles", "first_seen", "last_seen"))


@actors_app.command("show")
def actors_show(entry: Annotated[int, typer.Argument(help="Registry id.")], db: DbOption = None) -> None:
    """One entry: variants, roles over time, and why each mention was linked."""
    with _store(db) as store:
        d = _run(lambda: queries.actor_detail(store, entry))
    sys.stdout.write(json.dumps(d, ensure_ascii=False, default=str, indent=2) + "\n")


@actors_app.command("merge")
def actors_merge(
    keep: Annotated[int, typer.Argument(help="Registry id to keep.")],
    other: Annotated[int, typer.Argument(help="Registry id merged into it.")],
    db: DbOption = None,
    force: Annotated[bool, typer.Option("--force", help="Merge even when kind or country differ.")] = False,
) -> None:
    """Merge entry OTHER into KEEP; the correction survives re-ingest."""
    from ..corpus.registry import merge_entries

    with _store(db) as store:
        moved = _run(lambda: _edit(store, lambda conn: merge_entries(conn, keep, other, force=force)))
    err.print(f"merged {other} into {keep}: {moved} article mentions moved")


@actors_app.command("split")
def actors_split(
    entry: Annotated[int, typer.Argument(help="Registry id.")],
    name: Annotated[str, typer.Argument(help="The name variant that is someone else.")],
    db: DbOption = None,
) -> None:
    """Move the mentions called NAME out of ENTRY into a new entry; the correction survives re-ingest."""
    from ..corpus.registry import split_entry

    with _store(db) as store:
        new = _run(lambda: _edit(store, lambda conn: split_entry(conn, entry, name)))
    err.print(f"'{name}' split from {entry} into new entry {new}")


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=f"One of: {', '.join(FORMATS)}.")],
    target: Annotated[
        Path, typer.Argument(metavar="OUT", help="File (jsonl, graphml, plover) or folder (csv, parquet).")
    ],
    db: DbOption = None,
) -> None:
    """Export the corpus: records, tables, the network or a PLOVER event table."""
    with _store(db) as store:
        paths = _run(lambda: export(store, fmt, target))
    for p in paths:
        err.print(f"wrote {p}")
