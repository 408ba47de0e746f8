"""The ``newsgraph`` command line: a thin layer over the function API.

Each module adds its commands to :data:`app`: ``articles`` (extract, ingest,
show, list, stats), ``evaluate`` (eval attributions/events), ``corpus``
(quotes, events, timeline, network, search, export, actors).
"""

from __future__ import annotations

from . import articles, corpus, evaluate  # noqa: F401  (register commands)
from .app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
