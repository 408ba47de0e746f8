"""The read endpoints: articles, quotes, events, actors, timelines, the network, search, duplicates, exports.

Each calls the corpus query function the CLI calls (:mod:`newsgraph.corpus.queries`), with the
same filters and meaning; list endpoints answer ``{"items": [...], "next": cursor | null}``.
Handlers are plain functions: FastAPI runs them in its thread pool, so a slow query never holds
up the event loop.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from starlette.background import BackgroundTask

from ..corpus import queries
from ..corpus.corrections import apply_corrections, corrections_for, export_corrections
from ..corpus.export import FORMATS, export
from ..errors import ApiError, Errors
from ..settings import Settings
from ..store import Store
from . import params
from .passages import with_passages

router = APIRouter()

Since = Annotated[str | None, Query(description="On or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[str | None, Query(description="On or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Limit = Annotated[int, Query(description="At most this many rows (1 to the setting api_max_limit).")]
CursorQ = Annotated[str | None, Query(description="The 'next' value of the previous page.")]
Duplicates = Annotated[bool, Query(description="Also count near-duplicate copies of a story.")]
Country = Annotated[
    bool,
    Query(
        description="When the actor is a country (its name, ISO3 code or registry id), also every actor coded "
        "with that country: its government, ministers, army, people."
    ),
]
EXPORTS = (*FORMATS, "corrections")
_MEDIA = {
    "jsonl": ("application/x-ndjson", "newsgraph.jsonl"),
    "graphml": ("application/graphml+xml", "newsgraph.graphml"),
    "plover": ("text/csv", "newsgraph-plover.csv"),
}


def store_of(request: Request) -> Store:
    return request.app.state.store


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


class Json(JSONResponse):
    """JSON written by ``json.dumps`` straight from the query's dicts (FastAPI's generic encoder walks
    every value of every row first: a fifth of the time of a 1,000-item timeline)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def page(items: list[dict[str, Any]], limit: int, cursor: str | None) -> Json:
    return Json({"items": items, "next": cursor if len(items) == limit else None})


@router.get("/articles", tags=["articles"])
def list_articles(
    request: Request,
    since: Since = None,
    until: Until = None,
    outlet: Annotated[str | None, Query(description="Part of the source URL or path, e.g. nytimes.com.")] = None,
    actor: Annotated[str | None, Query(description="Articles naming this actor: a name or a registry id.")] = None,
    text: Annotated[str | None, Query(description="Words the article contains (full-text index).")] = None,
    duplicates: Annotated[bool, Query(description="Also list near-duplicate copies.")] = True,
    limit: Limit = 50,
    cursor: CursorQ = None,
    country: Country = False,
) -> Json:
    """Stored articles, newest first (undated last), with counts of actors, quotes and events."""
    after = params.decode_cursor(cursor, 2)
    n = params.limit(limit, settings_of(request).api_max_limit)
    rows = queries.articles(
        store_of(request),
        since=params.date("since", since),
        until=params.date("until", until),
        outlet=params.text("outlet", outlet),
        actor=params.actor_ref(actor),
        text_query=params.text("text", text),
        duplicates=duplicates,
        limit=n,
        after=(after[0], after[1]) if after else None,
        country=country,
    )
    last = rows[-1] if rows else None
    return page(rows, n, params.encode_cursor(last["published"], last["id"]) if last else None)


@router.get("/articles/{article_id:path}", tags=["articles"])
def get_article(
    request: Request,
    article_id: str,
    corrected: Annotated[bool, Query(description="Apply the users' corrections to the record.")] = False,
) -> Json:
    """The ``newsgraph.article/1`` record, with ``corrections``: the users' corrections of its items."""
    store = store_of(request)
    art = store.get(article_id)
    found = corrections_for(store, art)
    record = (apply_corrections(art, found) if corrected else art).to_dict()
    record["corrections"] = found
    return Json(record)


@router.get("/quotes", tags=["quotes and events"])
def list_quotes(
    request: Request,
    speaker: Annotated[str | None, Query(description="Who said it: a name (any variant) or a registry id.")] = None,
    about: Annotated[str | None, Query(description="Words the quote contains.")] = None,
    since: Since = None,
    until: Until = None,
    duplicates: Duplicates = False,
    limit: Limit = 100,
    cursor: CursorQ = None,
    country: Country = False,
) -> Json:
    """Quotes across articles, newest first (undated last), as ``newsgraph quotes``."""
    after = params.decode_cursor(cursor, 3)
    n = params.limit(limit, settings_of(request).api_max_limit)
    rows = queries.quotes(
        store_of(request),
        params.actor_ref(speaker),
        params.text("about", about),
        params.date("since", since),
        params.date("until", until),
        duplicates,
        n,
        after=(after[0], after[1], after[2]) if after else None,
        country=country,
    )
    last = rows[-1] if rows else None
    key = (last["date"] or last["published"] or "") if last else ""
    return page(rows, n, params.encode_cursor(key, last["article_id"], last["quote_id"]) if last else None)


@router.get("/events", tags=["quotes and events"])
def list_events(
    request: Request,
    actor: Annotated[str | None, Query(description="Source or target: a name (any variant) or a registry id.")] = None,
    type: Annotated[str | None, Query(description="A PLOVER type, e.g. CONSULT.")] = None,  # noqa: A002
    since: Since = None,
    until: Until = None,
    duplicates: Duplicates = False,
    limit: Limit = 100,
    cursor: CursorQ = None,
    country: Country = False,
) -> Json:
    """Events across articles, newest first (undated last), as ``newsgraph events``."""
    after = params.decode_cursor(cursor, 3)
    n = params.limit(limit, settings_of(request).api_max_limit)
    rows = queries.events(
        store_of(request),
        params.actor_ref(actor),
        params.event_type(type),
        params.date("since", since),
        params.date("until", until),
        duplicates,
        n,
        after=(after[0], after[1], after[2]) if after else None,
        country=country,
    )
    last = rows[-1] if rows else None
    return page(rows, n, params.encode_cursor(last["date"], last["article_id"], last["event_id"]) if last else None)


@router.get("/actors", tags=["actors"])
def list_actors(
    request: Request,
    name: Annotated[str | None, Query(description="Entries with this name or name variant.")] = None,
    limit: Limit = 100,
) -> Json:
    """Registry entries, most written about first, with name variants and first/last seen."""
    n = params.limit(limit, settings_of(request).api_max_limit)
    return Json({"items": queries.actors(store_of(request), params.text("name", name), n)})


ActorId = Annotated[int, PathParam(description="Registry id (see /actors).")]


@router.get("/actors/{actor_id}", tags=["actors"])
def get_actor(request: Request, actor_id: ActorId) -> Json:
    """One registry entry: codes, roles over time, and why each article's actor was linked to it."""
    return Json(queries.actor_detail(store_of(request), actor_id))


@router.get("/actors/{actor_id}/timeline", tags=["actors"])
def actor_timeline(request: Request, actor_id: ActorId, limit: Limit = 100, country: Country = False) -> Json:
    """What the actor said and did, in date order (its newest ``limit`` quotes and ``limit`` events, 100 unless
    asked for more, like every list of the API); each item names its article and its item id there."""
    n = params.limit(limit, settings_of(request).api_max_limit)
    return Json({"items": queries.timeline(store_of(request), actor_id, n, country=country)})


@router.get("/network", tags=["network"])
def get_network(
    request: Request,
    since: Since = None,
    until: Until = None,
    type: Annotated[str | None, Query(description="Only this PLOVER type.")] = None,  # noqa: A002
    kind: Annotated[str, Query(description="Ties of this kind: all, cooperation or conflict.")] = "all",
    min_events: Annotated[int, Query(description="Ties of at least this many events.")] = 1,
) -> Json:
    """Actors as nodes, ties weighted by events and split into cooperation and conflict, as ``newsgraph network``."""
    return Json(
        network_view(
            store_of(request),
            params.date("since", since),
            params.date("until", until),
            params.event_type(type),
            params.choice("kind", kind, params.TIE_KINDS),
            min_events,
        )
    )


def network_view(
    store: Store, since: str | None, until: str | None, type_: str | None, kind: str, min_events: int
) -> dict[str, Any]:
    if min_events < 1:
        raise ApiError(
            Errors.E600.format(name="min_events", value=min_events, expected="A whole number of 1 or more."), 422
        )
    net = queries.network(store, since, until, type_)
    edges = [e for e in net["edges"] if e["events"] >= min_events and (kind == "all" or e[kind] > 0)]
    used = {i for e in edges for i in (e["source"], e["target"])}
    return {"nodes": [n for n in net["nodes"] if n["id"] in used], "edges": edges}


@router.get("/network/ties/{source}/{target}", tags=["network"])
def tie_events(
    request: Request,
    source: ActorId,
    target: ActorId,
    since: Since = None,
    until: Until = None,
    type: Annotated[str | None, Query(description="Only this PLOVER type.")] = None,  # noqa: A002
    limit: Limit = 100,
) -> Json:
    """The events behind one tie: registry entry ``source`` acting on ``target``."""
    n = params.limit(limit, settings_of(request).api_max_limit)
    rows = queries.events(
        store_of(request),
        type=params.event_type(type),
        since=params.date("since", since),
        until=params.date("until", until),
        limit=n,
        tie=(source, target),
    )
    return Json({"items": rows})


@router.get("/search", tags=["search"])
def search(
    request: Request,
    q: Annotated[str, Query(description="Words to find in articles and quotes (plain words; no query syntax).")],
    limit: Limit = 50,
) -> Json:
    """Full-text search over articles and quotes; each hit gives the passage it opens at (offsets)."""
    words = params.text("q", q)
    if words is None:
        raise ApiError(Errors.E600.format(name="q", value=q, expected="Give one or more words."), 422)
    n = params.limit(limit, settings_of(request).api_max_limit)
    store = store_of(request)
    return Json({"items": with_passages(store, queries.search(store, words, n))})


@router.get("/duplicates", tags=["articles"])
def duplicates(request: Request) -> Json:
    """Near-duplicate clusters: the first-seen article and every copy, as ``newsgraph duplicates``."""
    return Json({"items": queries.duplicates(store_of(request))})


@router.get("/export/{fmt}", tags=["exports"], response_class=FileResponse)
def export_download(request: Request, fmt: str) -> FileResponse:
    """The corpus as a download: jsonl, plover (CSV), graphml, csv and parquet (a zip of one file per table),
    or corrections (a zip of labelled examples the evaluation commands read)."""
    if fmt not in EXPORTS:
        raise ApiError(Errors.E401.format(fmt=fmt, known=", ".join(EXPORTS)), 404)
    work = Path(tempfile.mkdtemp(prefix="newsgraph-export-"))
    cleanup = BackgroundTask(shutil.rmtree, work, ignore_errors=True)
    try:
        store = store_of(request)
        if fmt in _MEDIA:
            media, name = _MEDIA[fmt]
            (path,) = export(store, fmt, work / name)
            return FileResponse(path, media_type=media, filename=name, background=cleanup)
        folder = work / f"newsgraph-{fmt}"
        if fmt == "corrections":
            export_corrections(store, folder)
        else:
            export(store, fmt, folder)
        archive = work / f"{folder.name}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for f in sorted(folder.rglob("*")):
                if f.is_file():
                    z.write(f, f.relative_to(work).as_posix())
        return FileResponse(archive, media_type="application/zip", filename=archive.name, background=cleanup)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
