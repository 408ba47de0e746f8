"""Extraction and the writes: ``POST /extract`` (nothing stored), and with the token ``POST /ingest``,
actor merge and split, corrections.

A body is an article as text (``text/plain``), a page (``text/html``), or JSON: one object or a
list of objects like the lines of a JSONL input (``{"text" | "html", "id", "title", "published",
"url", ...}``). newsgraph never fetches a URL: an object with a URL and no text is refused [E608].
"""

from __future__ import annotations

import io
import json
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi import Path as PathParam
from pydantic import BaseModel, Field

from ..corpus import queries
from ..corpus.corrections import KINDS, add_correction, delete_correction, list_corrections
from ..corpus.registry import merge_entries, split_entry
from ..errors import ApiError, Errors
from ..ingest import IngestFailure, InputDocument, html_document
from ..ingest.readers import read_jsonl_stream
from ..record import Article, Source
from . import params
from .auth import writer
from .routes import settings_of, store_of

router = APIRouter()
_pipeline_lock = threading.Lock()  # one spaCy pipeline, one document batch at a time
_ARTICLE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        {"$ref": "#/components/schemas/ArticleIn"},
                        {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}},
                    ]
                }
            },
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


class ArticleIn(BaseModel):
    """One article as JSON (a JSONL input line): ``text`` or ``html`` is required."""

    text: str | None = None
    html: str | None = None
    id: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="Publication date (ISO); found in the text when absent.")
    url: str | None = Field(None, description="Where the article came from (recorded, never fetched).")


def _pipeline(request: Request) -> Any:
    with _pipeline_lock:
        if getattr(request.app.state, "pipeline", None) is None:
            from ..pipeline import Pipeline

            request.app.state.pipeline = Pipeline(settings_of(request))
        return request.app.state.pipeline


async def _documents(request: Request, title: str | None, published: str | None) -> list[InputDocument | IngestFailure]:
    """The articles a request carries, read as ``newsgraph ingest`` reads files."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    if not raw.strip():
        raise ApiError(Errors.E607.format(detail="the request body is empty: send an article."), 422)
    if kind in ("application/json", ""):
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ApiError(Errors.E602.format(reason=getattr(exc, "msg", str(exc))), 400) from exc
        items = data if isinstance(data, list) else [data]
        limit = settings_of(request).api_max_articles
        if len(items) > limit:
            raise ApiError(Errors.E610.format(count=len(items), limit=limit), 413)
        if not items:
            raise ApiError(Errors.E607.format(detail="an empty list: send one or more articles."), 422)
        for n, obj in enumerate(items, 1):
            if not isinstance(obj, dict):
                raise ApiError(Errors.E607.format(detail=f"item {n} is not a JSON object."), 422)
            has_text = any(isinstance(obj.get(k), str) and obj[k].strip() for k in ("text", "html"))
            if not has_text and obj.get("url"):
                raise ApiError(Errors.E608.format(url=str(obj["url"])[:200]), 422)
        lines = io.BytesIO(b"\n".join(json.dumps(o, ensure_ascii=False).encode() for o in items))
        return list(read_jsonl_stream(lines, "request"))
    text = raw.decode("utf-8", errors="replace")
    if kind == "text/plain":
        return [
            InputDocument(text=text, source=Source(path="request", format="text"), title=title, published=published)
        ]
    if kind == "text/html":
        doc = html_document(text, "request", published=published)
        if isinstance(doc, InputDocument) and title:
            doc.title = title
        return [doc]
    raise ApiError(Errors.E609.format(type=kind), 415)


def _extract(request: Request, docs: list[InputDocument | IngestFailure]) -> tuple[list[Article], list[dict[str, Any]]]:
    failures = [
        {"input": f.path + (f":{f.line}" if f.line else ""), "message": f.message}
        for f in docs
        if isinstance(f, IngestFailure)
    ]
    wanted = [d for d in docs if isinstance(d, InputDocument)]
    if not wanted:
        raise ApiError(failures[0]["message"] if failures else Errors.E607.format(detail="no article."), 422)
    pipeline = _pipeline(request)
    with _pipeline_lock:
        found = list(pipeline.process(wanted))
    failures += [{"input": f.path, "message": f.message} for f in found if isinstance(f, IngestFailure)]
    return [a for a in found if isinstance(a, Article)], failures


Title = Annotated[str | None, Query(description="Headline, for a text/plain or text/html body.")]
Published = Annotated[str | None, Query(description="Publication date, for a text/plain or text/html body.")]


@router.post("/extract", tags=["extraction"], openapi_extra=_ARTICLE_BODY)
async def extract(request: Request, title: Title = None, published: Published = None) -> dict[str, Any]:
    """The record of each article sent (nothing is stored): ``{"items": [records], "failures": [...]}``."""
    docs = await _documents(request, title, params.date("published", published) if published else None)
    from starlette.concurrency import run_in_threadpool

    articles, failures = await run_in_threadpool(_extract, request, docs)
    return {"items": [a.to_dict() for a in articles], "failures": failures}


@router.post("/ingest", tags=["extraction"], openapi_extra=_ARTICLE_BODY)
async def ingest(
    request: Request, user: Annotated[str, Depends(writer)], title: Title = None, published: Published = None
) -> dict[str, Any]:
    """Extract and store each article sent (re-sending one replaces it; needs the token)."""
    docs = await _documents(request, title, params.date("published", published) if published else None)
    from starlette.concurrency import run_in_threadpool

    def work() -> dict[str, Any]:
        articles, failures = _extract(request, docs)
        report = store_of(request).write_batch(articles) if articles else None
        return {
            "written": report.written if report else [],
            "replaced": report.replaced if report else [],
            "duplicates": report.duplicates if report else {},
            "failures": failures,
            "by": user,
        }

    return await run_in_threadpool(work)


class MergeIn(BaseModel):
    other: int = Field(description="Registry id merged into this one (it disappears).")


class SplitIn(BaseModel):
    name: str = Field(min_length=1, max_length=300, description="The name variant that is someone else.")


ActorId = Annotated[int, PathParam(description="Registry id (see /actors).")]


@router.post("/actors/{actor_id}/merge", tags=["actors"])
def merge(request: Request, actor_id: ActorId, body: MergeIn, user: Annotated[str, Depends(writer)]) -> dict[str, Any]:
    """Merge entry ``other`` into this one; the correction survives re-ingest (its names are pinned)."""
    store = store_of(request)
    if body.other == actor_id:
        raise ApiError(Errors.E600.format(name="other", value=body.other, expected="Another entry's id."), 422)
    queries.actor_detail(store, actor_id)  # [E400] 404 when either is unknown
    queries.actor_detail(store, body.other)
    with store.engine.begin() as conn:
        moved = merge_entries(conn, actor_id, body.other)
    return {"kept": actor_id, "merged": body.other, "moved": moved, "by": user}


@router.post("/actors/{actor_id}/split", tags=["actors"])
def split(request: Request, actor_id: ActorId, body: SplitIn, user: Annotated[str, Depends(writer)]) -> dict[str, Any]:
    """Move this entry's article actors called ``name`` to a new entry; survives re-ingest."""
    store = store_of(request)
    detail = queries.actor_detail(store, actor_id)
    names = sorted({lk["name"] for lk in detail["links"]})
    if body.name not in names:
        raise ApiError(
            Errors.E600.format(name="name", value=body.name, expected="Names of this entry: " + ", ".join(names) + "."),
            422,
        )
    with store.engine.begin() as conn:
        new = split_entry(conn, actor_id, body.name)
    return {"entry": actor_id, "new_entry": new, "name": body.name, "by": user}


class CorrectionIn(BaseModel):
    article_id: str = Field(min_length=1, max_length=128)
    kind: str = Field(description="quote, event or actor")
    item: str = Field(min_length=1, max_length=32, description="The item's id in the record as it is now (q3, e1, a2).")
    field: str = Field(description="'wrong', or the field fixed: quote speaker|kind, event type, actor country|sector.")
    value: Any = Field(None, description="The right value: an actor id or {start, end} for a speaker, a code, a type.")
    note: str | None = Field(None, max_length=2000)


@router.get("/corrections", tags=["corrections"])
def corrections(
    request: Request,
    article_id: Annotated[str | None, Query(description="Only this article's corrections.")] = None,
    limit: Annotated[int, Query(description="At most this many.")] = 500,
) -> dict[str, Any]:
    """Users' corrections, by article, oldest first."""
    n = params.limit(limit, settings_of(request).api_max_limit)
    return {"items": list_corrections(store_of(request), article_id, n)}


@router.post("/corrections", tags=["corrections"], status_code=201)
def correct(
    request: Request, body: Annotated[CorrectionIn, Body()], user: Annotated[str, Depends(writer)]
) -> dict[str, Any]:
    """Mark an item wrong or give the right value of one field; stored apart from extracted data, keyed by
    the article, the item kind and the evidence offsets, so it re-attaches after a re-ingest."""
    params.choice("kind", body.kind, KINDS)
    return add_correction(
        store_of(request), body.article_id, body.kind, body.item, body.field, body.value, user, body.note
    )


@router.delete("/corrections/{correction_id}", tags=["corrections"])
def withdraw(request: Request, correction_id: int, user: Annotated[str, Depends(writer)]) -> dict[str, Any]:
    """Withdraw a correction."""
    delete_correction(store_of(request), correction_id)
    return {"deleted": correction_id, "by": user}
