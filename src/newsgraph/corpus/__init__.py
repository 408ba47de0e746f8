"""Across articles: near-duplicates, the actor registry, consolidation, queries, exports.

The store calls three hooks inside its write transaction, so the corpus tables
are always consistent with the articles: :func:`forget` before replacing
articles, :func:`after_write` after inserting a batch, and
:func:`create_search_index` when the database is opened.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

from ..record import Article
from ..settings import Settings


def create_search_index(conn: Connection) -> None:
    """Create the full-text index when the database lacks it."""


def forget(conn: Connection, article_ids: list[str]) -> None:
    """Remove what the corpus tables hold about articles about to be replaced."""


def after_write(conn: Connection, articles: list[Article], settings: Settings) -> dict[str, str]:
    """Update duplicates, registry and consolidation for a new batch; returns {id: duplicate_of}."""
    return {}


def registry_size(conn: Connection) -> int:
    return 0


__all__: list[Any] = ["after_write", "create_search_index", "forget", "registry_size"]
