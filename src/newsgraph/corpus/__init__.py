"""Across articles: near-duplicates, the actor registry, consolidation, queries, exports.

The store calls these hooks inside its write transaction, so the corpus tables
always agree with the articles: :func:`create_search_index` when the database
is opened, :func:`forget` before articles are replaced, :func:`find_duplicates`
before a batch is inserted and :func:`after_write` after. Everything is
incremental and batched: a new batch is compared with, and linked to, what is
stored through indexed look-ups (a few statements per batch), without
re-reading the corpus; the result is the same as writing its articles one at a
time, in order.

Nothing here imports spaCy, scipy or datasketch at import time: queries and
exports start fast (the near-duplicate signatures load datasketch when a batch
is written).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, MetaData, Table, Text, delete, func, insert, select, text
from sqlalchemy.engine import Connection

from ..record import Article
from ..settings import Settings
from . import schema
from .consolidate import consolidate_batch, forget_stories
from .registry import chunks, link_articles, unlink


def create_search_index(conn: Connection) -> None:
    """Full-text index: an FTS5 table on SQLite, GIN indexes on PostgreSQL."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
            "article_id UNINDEXED, kind UNINDEXED, ref UNINDEXED, body, tokenize='porter unicode61')"
        )
    elif conn.dialect.name == "postgresql":
        # a stored tsvector per row, kept by PostgreSQL itself: the index finds the rows and the
        # ranking reads the vector instead of parsing every matching article again
        for table, column in (("articles", "text"), ("quotes", "content_text")):
            conn.exec_driver_sql(
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector "
                f"GENERATED ALWAYS AS (to_tsvector('english', {column})) STORED"
            )
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{table}_fts")  # the expression index of schema 1.0
            conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{table}_search ON {table} USING gin (search_vector)")


def forget(conn: Connection, article_ids: list[str]) -> None:
    """Drop the corpus rows of articles about to be replaced; registry entries and stories left with
    no article go too (names pinned by the user stay), so a re-run ends as a clean ingest would."""
    for part in chunks(article_ids):
        for t in (schema.signatures, schema.lsh_bands):
            conn.execute(delete(t).where(t.c.article_id.in_(part)))
    forget_stories(conn, article_ids)
    unlink(conn, article_ids)
    if conn.dialect.name == "sqlite":
        for part in chunks(article_ids):
            marks = ", ".join(f":a{i}" for i in range(len(part)))
            conn.execute(
                text(f"DELETE FROM search_fts WHERE article_id IN ({marks})"),
                {f"a{i}": aid for i, aid in enumerate(part)},
            )


def find_duplicates(conn: Connection, articles: list[Article], settings: Settings) -> tuple[dict[str, str], Any]:
    """``{article id: id of the first-seen copy}`` for a batch, and the signatures to store after it."""
    from .dedup import find_duplicates as _find

    return _find(conn, articles, settings)


def after_write(conn: Connection, articles: list[Article], duplicates: dict[str, str], signed: Any) -> None:
    """Signatures, registry links, consolidated events and quotes, search rows for a stored batch."""
    from .dedup import store_signatures

    store_signatures(conn, signed)
    links = link_articles(conn, articles)
    consolidate_batch(conn, articles, links, duplicates)
    if conn.dialect.name == "sqlite":
        rows: list[dict[str, Any]] = []
        for art in articles:
            rows.append({"article_id": art.id, "kind": "article", "ref": art.id, "body": _search_body(art)})
            rows += [{"article_id": art.id, "kind": "quote", "ref": q.id, "body": q.content.text} for q in art.quotes]
        conn.execute(insert(_fts), rows)


def _search_body(art: Article) -> str:
    title = art.title if isinstance(art.title, str) else ""
    return f"{title}\n{art.body_text()}"


# the FTS5 table as SQLAlchemy sees it, for bulk inserts (created by create_search_index)
_fts = Table(
    "search_fts",
    MetaData(),
    Column("article_id", Text),
    Column("kind", Text),
    Column("ref", Text),
    Column("body", Text),
)


def registry_size(conn: Connection) -> int:
    return int(conn.scalar(select(func.count()).select_from(schema.registry)) or 0)


__all__ = ["after_write", "create_search_index", "find_duplicates", "forget", "registry_size"]
