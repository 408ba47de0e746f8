"""``newsgraph serve``: the REST API and the web UI over a store, run by uvicorn."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer
from rich.console import Console

from ..errors import NewsgraphError
from ..settings import load_settings
from .app import app

err = Console(stderr=True)


@app.command()
def serve(
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="NEWSGRAPH_DB", help="Database URL [default: sqlite:///newsgraph.db]."),
    ] = None,
    host: Annotated[
        str | None, typer.Option(help="Address to listen on [default: 127.0.0.1, setting serve_host].")
    ] = None,
    port: Annotated[
        int | None, typer.Option(min=1, max=65535, help="Port [default: 8000, setting serve_port].")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Server processes [default: 1, setting serve_workers].")
    ] = None,
    log_level: Annotated[
        str, typer.Option(help="uvicorn's log level: critical, error, warning, info, debug.")
    ] = "info",
) -> None:
    """Serve the REST API (OpenAPI at /docs) and the web UI (/ui/) over the database.

    Reads are open; writes (ingest, actor merge/split, corrections) need NEWSGRAPH_API_TOKEN set
    on the server and sent by the client. Example: newsgraph serve --db sqlite:///newsgraph.db --port 8000
    """
    try:
        given: dict[str, Any] = {"db": db, "serve_host": host, "serve_port": port, "serve_workers": workers}
        settings = load_settings(**{k: v for k, v in given.items() if v is not None})
        from ..api import create_app

        application = create_app(settings)
        import uvicorn
    except (NewsgraphError, ImportError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    mode = "writes need the token" if settings.api_token else "read-only (NEWSGRAPH_API_TOKEN is not set)"
    mode += f", {settings.serve_workers} worker{'s' if settings.serve_workers > 1 else ''}"
    err.print(
        f"newsgraph: {settings.db} on http://{settings.serve_host}:{settings.serve_port}/ui/ — API at /docs, {mode}",
        highlight=False,
    )
    if settings.serve_workers > 1:
        # each worker process builds the app itself from the environment: pass the resolved settings on
        application.state.store.close()
        os.environ.update({"NEWSGRAPH_" + k.upper(): str(v) for k, v in given.items() if v is not None})
        uvicorn.run(
            "newsgraph.api:create_app",
            factory=True,
            host=settings.serve_host,
            port=settings.serve_port,
            workers=settings.serve_workers,
            log_level=log_level,
        )
        return
    uvicorn.run(application, host=settings.serve_host, port=settings.serve_port, log_level=log_level)
