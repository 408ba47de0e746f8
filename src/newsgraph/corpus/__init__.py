"""Across articles: near-duplicates, the actor registry, consolidation, queries, exports.

The store calls three hooks inside its write transaction, so the corpus tables
always agree with the articles: :func:`create_search_index` when the database
is opened, :func:`forget` before articles are replaced, and
:func:`after_write` after a batch is inserted. Everything is incremental: a
new batch is compared with, and linked to, what is stored, without
re-reading the corpus.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.engine import Connection

from ..record import Article
from ..settings import Settings
from ..store import schema as store_schema
from . import schema
from .consolidate import consolidate
from .dedup import find_duplicate, store_signature
from .registry import link_article


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
    """Drop the corpus rows of articles about to be replaced (their registry entries stay)."""
    for t in (
        schema.signatures,
        schema.lsh_bands,
        schema.registry_links,
        schema.story_event_sources,
        schema.story_quote_sources,
    ):
        conn.execute(delete(t).where(t.c.article_id.in_(article_ids)))
    if conn.dialect.name == "sqlite":
        for aid in article_ids:
            conn.execute(text("DELETE FROM search_fts WHERE article_id = :a"), {"a": aid})


def after_write(conn: Connection, articles: list[Article], settings: Settings) -> dict[str, str]:
    """Duplicates, registry links, consolidated events and quotes, search rows for a new batch.

    Returns:
        ``{article id: id of the first-seen copy}`` for the near-duplicates found.
    """
    dups: dict[str, str] = {}
    for art in articles:
        original, sig, words = find_duplicate(conn, art, settings)
        cluster = original or art.id
        store_signature(conn, art.id, sig, cluster, words, settings)
        if original:
            dups[art.id] = original
            art.duplicate_of = original
            conn.execute(
                update(store_schema.articles)
                .where(store_schema.articles.c.id == art.id)
                .values(duplicate_of=original, record=art.to_dict())
            )
        links = link_article(conn, art)
        consolidate(conn, art, links)
        if conn.dialect.name == "sqlite":
            rows = [{"a": art.id, "k": "article", "r": art.id, "b": f"{art.title or ''}\n{art.body_text()}"}]
            rows += [{"a": art.id, "k": "quote", "r": q.id, "b": q.content.text} for q in art.quotes]
            conn.execute(text("INSERT INTO search_fts (article_id, kind, ref, body) VALUES (:a, :k, :r, :b)"), rows)
    return dups


def registry_size(conn: Connection) -> int:
    return int(conn.scalar(select(func.count()).select_from(schema.registry)) or 0)


__all__ = ["after_write", "create_search_index", "forget", "registry_size"]
