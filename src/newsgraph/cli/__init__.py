"""The ``newsgraph`` command line: a thin layer over the function API.

Each module adds its commands to :data:`app`: ``articles`` (extract, ingest,
show, list, stats), ``evaluate`` (eval attributions/events), ``corpus``
(quotes, events, timeline, network, search, export, actors), ``serve`` (the REST API and web UI).
"""

from __future__ import annotations

from . import articles, corpus, evaluate, serve  # noqa: F401  (register commands)
from .app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
