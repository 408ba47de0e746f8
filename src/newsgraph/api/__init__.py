"""The REST API and the web UI in one FastAPI application: ``create_app(settings)``.

The API speaks JSON at the paths the CLI commands have (``/articles``, ``/quotes``, ``/events``,
``/actors``, ``/network``, ``/search``, ``/duplicates``, ``/export/{format}``, ``/extract``,
``/ingest``, ``/corrections``), its OpenAPI description is at ``/docs``; the web UI is under
``/ui/``. Reads are open, writes need the token (:mod:`newsgraph.api.auth`). ``newsgraph serve``
runs the app with uvicorn.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from .. import __version__
from ..errors import Errors, ServeError
from ..settings import Settings, load_settings
from ..store import Store

__all__ = ["create_app"]


def create_app(settings: Settings | None = None, store: Store | None = None) -> Any:
    """The FastAPI application serving the store at ``settings.db`` (or ``store``, kept open by the caller).

    Raises:
        ServeError: [E612] when the ``serve`` extra (FastAPI, Jinja2...) is not installed.
        StoreError: [E300]/[E301] when the database cannot be opened.
    """
    try:
        from fastapi import FastAPI
        from fastapi.responses import RedirectResponse
        from starlette.middleware.sessions import SessionMiddleware
    except ImportError as exc:
        raise ServeError(Errors.E612.format(reason=exc)) from exc
    from ..web import error_page, static_files
    from ..web import router as web_router
    from . import errors, routes, writes
    from .auth import SESSION_COOKIE, SESSION_MAX_AGE, session_secret

    settings = settings or load_settings()
    own_store = store is None
    the_store = store or Store(settings.db, settings)

    @asynccontextmanager
    async def lifespan(_: Any) -> AsyncIterator[None]:
        yield
        if own_store:
            the_store.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Actors, quotes and events read from news, each one click from its evidence "
        "(character offsets into the article text). Reads are open; writes need the API token.",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = the_store
    app.state.pipeline = None
    app.state.html_error = error_page
    errors.install(app, settings.api_max_limit)
    app.include_router(routes.router)
    app.include_router(writes.router)
    app.include_router(web_router, prefix="/ui", include_in_schema=False)
    app.mount("/ui/static", static_files(), name="static")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/ui/")

    @app.get("/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness, the store's counts and whether writes are open."""
        counts = {k: v for k, v in the_store.stats().items() if k != "database"}  # a URL may hold a password
        return {"ok": True, "version": __version__, "writable": bool(settings.api_token), **counts}

    # outermost first: bodies are bounded before anything reads them
    app.add_middleware(
        SessionMiddleware,
        secret_key=session_secret(settings.api_token),
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE,
        same_site="strict",
    )
    app.add_middleware(errors.BodyLimit, limit=settings.api_max_body_bytes)
    return app
