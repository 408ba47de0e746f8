"""Corpus commands: quotes, events, timeline, network, search, duplicates, actors, export.

Output is JSON lines by default (one object per line, like sqlite-utils), or a
table with ``--table``. The query functions live in :mod:`newsgraph.corpus.queries`
and are imported inside each command (the corpus package is not needed for ``--help``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .app import app
from .common import open_store
from .options import (
    DbOption,
    DupOption,
    LimitOption,
    RegistryId,
    SinceOption,
    TableOption,
    TypeOption,
    UntilOption,
    check_id,
    check_name,
    check_query,
    check_range,
)
from .output import one_line, say


def _emit(rows: list[dict[str, Any]], table: bool, columns: tuple[str, ...], empty: str) -> None:
    """Rows as JSON lines (or a table); no rows is said on stderr (``empty``), so stdout stays clean."""
    if not rows:
        say(empty)
        return
    if not table:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    from .articles import console

    t = Table()
    for c in columns:
        t.add_column(c, overflow="fold", max_width=70)
    for r in rows:
        t.add_row(*(Text(one_line(str(r[c]))) if r.get(c) is not None else Text("-") for c in columns))
    console().print(t)


def _dates(since: str | None, until: str | None) -> None:
    check_range(since, until)


SpeakerOption = Annotated[
    str | None, typer.Option(help="Who said it (any name variant).", callback=check_name, metavar="NAME")
]
AboutOption = Annotated[str | None, typer.Option(help="Words the quote contains.", callback=check_query)]
ActorOption = Annotated[
    str | None, typer.Option(help="Source or target (any name variant).", callback=check_name, metavar="NAME")
]


@app.command("quotes")
def quotes_cmd(
    speaker: SpeakerOption = None,
    about: AboutOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    duplicates: DupOption = False,
    limit: LimitOption = 100,
    db: DbOption = None,
    table: TableOption = False,
) -> None:
    """Quotes across articles, newest first: newsgraph quotes --speaker "Yoav Gallant" --about victory"""
    _dates(since, until)
    from ..corpus import queries

    with open_store(db) as store:
        rows = queries.quotes(store, speaker, about, since, until, duplicates, limit)
    _emit(rows, table, ("date", "speaker_name", "kind", "content_text", "title"), "no quotes match")


@app.command("events")
def events_cmd(
    actor: ActorOption = None,
    type: TypeOption = None,  # noqa: A002
    since: SinceOption = None,
    until: UntilOption = None,
    duplicates: DupOption = False,
    limit: LimitOption = 100,
    db: DbOption = None,
    table: TableOption = False,
) -> None:
    """Events across articles: newsgraph events --actor Israel --type ASSAULT --since 2024-01-01"""
    _dates(since, until)
    from ..corpus import queries

    with open_store(db) as store:
        rows = queries.events(store, actor, type, since, until, duplicates, limit)
    _emit(rows, table, ("date", "type", "source_names", "target_names", "trigger_text", "title"), "no events match")


@app.command()
def timeline(
    name: Annotated[str, typer.Argument(help="An actor's name (any variant).", callback=check_name)],
    db: DbOption = None,
    table: TableOption = False,
) -> None:
    """What an actor said and did, in date order, with sources."""
    from ..corpus import queries

    with open_store(db) as store:
        rows = queries.timeline(store, name)
    _emit(rows, table, ("date", "what", "kind", "text", "source"), "no statements or events match")


@app.command()
def network(
    since: SinceOption = None,
    until: UntilOption = None,
    type: TypeOption = None,  # noqa: A002
    db: DbOption = None,
) -> None:
    """Actor-to-actor ties weighted by events, split into cooperation and conflict (JSON)."""
    _dates(since, until)
    from ..corpus import queries

    with open_store(db) as store:
        net = queries.network(store, since, until, type)
    sys.stdout.write(json.dumps(net, ensure_ascii=False) + "\n")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in articles and quotes.", callback=check_query)],
    limit: LimitOption = 50,
    db: DbOption = None,
    table: TableOption = False,
) -> None:
    """Full-text search over articles and quotes."""
    from ..corpus import queries

    with open_store(db) as store:
        rows = queries.search(store, query, limit)
    _emit(rows, table, ("kind", "article_id", "snippet", "title"), "no articles or quotes match")


@app.command("duplicates")
def duplicates_cmd(db: DbOption = None) -> None:
    """Near-duplicate clusters: the first-seen article and every copy (JSON lines)."""
    from ..corpus import queries

    with open_store(db) as store:
        rows = queries.duplicates(store)
    _emit(rows, False, (), "no copies of a story are stored")


actors_app = typer.Typer(help="The actor registry: list, show, merge, split.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")


@actors_app.command("list")
def actors_list(
    name: Annotated[str | None, typer.Argument(help="Filter by name.", callback=check_name)] = None,
    limit: LimitOption = 100,
    db: DbOption = None,
    table: TableOption = False,
) -> None:
    """Registry entries with article counts and name variants."""
    from ..corpus import queries

    with open_store(db) as store:
        rows = queries.actors(store, name, limit)
    _emit(
        rows,
        table,
        ("id", "name", "kind", "country", "sector", "articles", "first_seen", "last_seen"),
        "no actors match",
    )


@actors_app.command("show")
def actors_show(entry: RegistryId, db: DbOption = None) -> None:
    """One entry: variants, roles over time, and why each mention was linked."""
    from ..corpus import queries

    with open_store(db) as store:
        d = queries.actor_detail(store, entry)
    sys.stdout.write(json.dumps(d, ensure_ascii=False, default=str, indent=2) + "\n")


@actors_app.command("merge")
def actors_merge(
    keep: Annotated[int, typer.Argument(help="Registry id to keep.", callback=check_id)],
    other: Annotated[int, typer.Argument(help="Registry id merged into it.", callback=check_id)],
    db: DbOption = None,
) -> None:
    """Merge entry OTHER into KEEP; the correction survives re-ingest."""
    from ..corpus.registry import merge_entries

    with open_store(db) as store, store.engine.begin() as conn:
        moved = merge_entries(conn, keep, other)
    say(f"merged {other} into {keep}: {moved} article mentions moved")


@actors_app.command("split")
def actors_split(
    entry: RegistryId,
    name: Annotated[str, typer.Argument(help="The name variant that is someone else.", callback=check_name)],
    db: DbOption = None,
) -> None:
    """Move the mentions called NAME out of ENTRY into a new entry; the correction survives re-ingest."""
    from ..corpus.registry import split_entry

    with open_store(db) as store, store.engine.begin() as conn:
        new = split_entry(conn, entry, name)
    say(f"'{name}' split from {entry} into new entry {new}")


EXPORT_FORMATS = ("jsonl", "csv", "parquet", "graphml", "plover")  # newsgraph.corpus.export.FORMATS


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=f"One of: {', '.join(EXPORT_FORMATS)}.")],
    target: Annotated[
        Path, typer.Argument(metavar="OUT", help="File (jsonl, graphml, plover) or folder (csv, parquet).")
    ],
    db: DbOption = None,
) -> None:
    """Export the corpus: records, tables, the network or a PLOVER event table."""
    from ..corpus.export import export

    with open_store(db) as store:
        paths = export(store, fmt, target)
    for p in paths:
        say(f"wrote {p}")
