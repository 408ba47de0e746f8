"""The web UI: server-rendered pages (Jinja2) over the same query functions as the API, under ``/ui/``.

Pages: articles (filters, cursor pages), an article with every item highlighted at its offsets
and explained, search opening at the matching passage, actors with their timeline, the network
with the events behind each tie, corrections, and sign-in. The CSS and the little JavaScript
(selecting items, sending corrections, zooming the network) are files of this package: nothing
is fetched from elsewhere.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..api import params
from ..api.auth import clean_user, signed_in_user, token_matches
from ..api.passages import with_passages
from ..api.routes import network_view, settings_of, store_of
from ..corpus import queries
from ..corpus.corrections import FIELDS, QUOTE_KINDS, corrections_for, list_corrections
from ..errors import ApiError, Errors
from ..record import PLOVER_TYPES
from . import explain
from .render import layout, marked_text, parts_of

_HERE = Path(str(resources.files("newsgraph.web")))
templates = Jinja2Templates(directory=str(_HERE / "templates"))
router = APIRouter()


def snippet_html(snippet: str | None) -> Markup:
    """A search snippet with its matches (in [brackets] from the index) marked, everything else escaped."""
    out = str(escape(snippet or ""))
    return Markup(re.sub(r"\[([^\[\]]*)\]", r"<mark>\1</mark>", out))


templates.env.filters["snippet"] = snippet_html


def static_files() -> StaticFiles:
    return StaticFiles(directory=str(_HERE / "static"))


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("user", signed_in_user(request))
    context["writable"] = bool(settings_of(request).api_token)
    return templates.TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, message: str, status: int) -> HTMLResponse:
    return page(request, "error.html", status=status, message=message, title=f"Error {status}")


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    actor: str | None = None,
    text: str | None = None,
    cursor: str | None = None,
) -> HTMLResponse:
    store = store_of(request)
    after = params.decode_cursor(cursor, 2)
    n = 50
    rows = queries.articles(
        store,
        since=params.date("since", since),
        until=params.date("until", until),
        outlet=params.text("outlet", outlet),
        actor=params.actor_ref(actor),
        text_query=params.text("text", text),
        limit=n,
        after=(after[0], after[1]) if after else None,
    )
    nxt = params.encode_cursor(rows[-1]["published"], rows[-1]["id"]) if len(rows) == n else None
    filters = {"since": since, "until": until, "outlet": outlet, "actor": actor, "text": text}
    return page(request, "home.html", title="Articles", rows=rows, next=nxt, filters=filters, stats=store.stats())


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, hl: str | None = None) -> HTMLResponse:
    store = store_of(request)
    art = store.get(article_id)
    passage = None
    if hl:
        try:
            a, b = (int(x) for x in hl.split("-", 1))
            passage = (a, b)
        except ValueError as exc:
            raise ApiError(
                Errors.E600.format(name="hl", value=hl, expected="Expected START-END offsets."), 422
            ) from exc
    found = corrections_for(store, art)
    by_item: dict[str, list[dict[str, Any]]] = {}
    for c in found:
        if c["item"]["id"] is not None:
            by_item.setdefault(f"{c['item']['kind']}:{c['item']['id']}", []).append(c)
    classes = {
        k: "is-corrected" + (" is-wrong" if any(c["field"] == "wrong" for c in cs) else "") for k, cs in by_item.items()
    }
    links = queries.article_links(store, art.id)
    parts = parts_of(art, passage)
    return page(
        request,
        "article.html",
        title=art.title or art.id,
        art=art,
        text=marked_text(art, parts, classes),
        links=links,
        corrections=by_item,
        orphans=[c for c in found if c["item"]["id"] is None],
        explain=explain,
        fields=FIELDS,
        plover_types=PLOVER_TYPES,
        quote_kinds=QUOTE_KINDS,
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str | None = None) -> HTMLResponse:
    words = params.text("q", q)
    store = store_of(request)
    hits = with_passages(store, queries.search(store, words, 50)) if words else []
    return page(request, "search.html", title=f"Search: {words}" if words else "Search", q=words or "", hits=hits)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, name: str | None = None) -> HTMLResponse:
    rows = queries.actors(store_of(request), params.text("name", name), 200)
    return page(request, "actors.html", title="Actors", rows=rows, name=name or "")


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: int) -> HTMLResponse:
    store = store_of(request)
    detail = queries.actor_detail(store, actor_id)
    items = queries.timeline(store, actor_id, 500)
    variants = sorted({lk["name"] for lk in detail["links"]})
    return page(request, "actor.html", title=detail["name"], a=detail, variants=variants, timeline=items)


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,  # noqa: A002
    kind: str = "all",
    min_events: int = 1,
    nodes: Annotated[int, Query(ge=5, le=400)] = 80,
    tie: str | None = None,
) -> HTMLResponse:
    store = store_of(request)
    since, until = params.date("since", since), params.date("until", until)
    type_ = params.event_type(type)
    net = network_view(store, since, until, type_, params.choice("kind", kind, params.TIE_KINDS), min_events)
    drawn = layout(net, nodes)
    tie_rows: list[dict[str, Any]] = []
    tie_names: tuple[str, str] | None = None
    if tie:
        try:
            s_id, t_id = (int(x) for x in tie.split("-", 1))
        except ValueError as exc:
            raise ApiError(
                Errors.E600.format(name="tie", value=tie, expected="Expected SOURCE-TARGET ids."), 422
            ) from exc
        tie_rows = queries.events(store, type=type_, since=since, until=until, limit=200, tie=(s_id, t_id))
        names = {n["id"]: n["name"] for n in net["nodes"]}
        tie_names = (names.get(s_id, str(s_id)), names.get(t_id, str(t_id)))
    filters = {"since": since or "", "until": until or "", "type": type_ or "", "kind": kind, "min_events": min_events}
    return page(
        request,
        "network.html",
        title="Network",
        g=drawn,
        filters=filters,
        nodes_max=nodes,
        plover_types=PLOVER_TYPES,
        tie=tie,
        tie_rows=tie_rows,
        tie_names=tie_names,
    )


@router.get("/corrections", response_class=HTMLResponse)
def corrections_page(request: Request) -> HTMLResponse:
    rows = list_corrections(store_of(request), limit=1000)
    return page(request, "corrections.html", title="Corrections", rows=rows)


@router.get("/signin", response_class=HTMLResponse)
def signin_form(request: Request, next: str = "/ui/") -> HTMLResponse:  # noqa: A002
    return page(request, "signin.html", title="Sign in", next=_local(next), message=None)


@router.post("/signin", response_class=HTMLResponse, response_model=None)
def signin(
    request: Request,
    name: Annotated[str, Form()],
    token: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/ui/",  # noqa: A002
) -> Response:
    if not settings_of(request).api_token:
        return page(request, "signin.html", status=403, title="Sign in", next=_local(next), message=Errors.E604)
    user = clean_user(name)
    if not user or not token_matches(request, token):
        message = Errors.E603 if user else Errors.E600.format(name="name", value=name, expected="Give your name.")
        return page(
            request, "signin.html", status=403 if user else 422, title="Sign in", next=_local(next), message=message
        )
    request.session["user"] = user
    return RedirectResponse(_local(next), status_code=303)


@router.post("/signout", response_model=None)
def signout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/ui/", status_code=303)


def _local(target: str) -> str:
    """Only a path of this site is a place to go back to after signing in."""
    return target if target.startswith("/") and not target.startswith("//") else "/ui/"
