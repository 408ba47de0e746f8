"""Cross-article tables, added to the store's ``metadata``.

``signatures`` and ``lsh_bands`` hold MinHash signatures and their LSH band
keys, so a new article is compared with the corpus without rebuilding an
index. ``registry_*`` is the actor registry: entries, the name variants that
lead to them, the article actors linked to them (with the reason), and the
user's corrections. ``story_*`` consolidates events and quotes across articles.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, LargeBinary, String, Table, Text

from ..store.schema import metadata

signatures = Table(
    "signatures",
    metadata,
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
    Column("cluster", String(128), nullable=False, index=True),
    Column("shingles", Integer, nullable=False),
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("band", Integer, nullable=False),
    Column("key", String(64), nullable=False),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Index("ix_lsh_band_key", "band", "key"),
)

registry = Table(
    "registry",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("first_seen", String(32)),
    Column("last_seen", String(32)),
)

registry_names = Table(
    "registry_names",
    metadata,
    Column("registry_id", Integer, ForeignKey("registry.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("key", String(200), nullable=False, index=True),
    Column("name", Text, nullable=False),
    # a user's correction: this name always leads to this entry
    Column("pinned", Boolean, nullable=False, default=False),
)

registry_links = Table(
    "registry_links",
    metadata,
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("actor_id", String(32), nullable=False),
    Column("registry_id", Integer, ForeignKey("registry.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("role", Text),
    Column("published", String(32)),
    Column("reason", Text, nullable=False),
)

story_events = Table(
    "story_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(16), nullable=False, index=True),
    Column("source", Text, nullable=False),  # sorted registry ids, comma-separated
    Column("target", Text, nullable=False),
    Column("first_date", String(32), index=True),
    Column("last_date", String(32)),
)

story_event_sources = Table(
    "story_event_sources",
    metadata,
    Column("story_event_id", Integer, ForeignKey("story_events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("event_id", String(32), nullable=False),
)

story_quotes = Table(
    "story_quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("speaker", Integer, index=True),  # registry id or null
    Column("key", String(64), nullable=False, index=True),
    Column("text", Text, nullable=False),
)

story_quote_sources = Table(
    "story_quote_sources",
    metadata,
    Column("story_quote_id", Integer, ForeignKey("story_quotes.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("quote_id", String(32), nullable=False),
)
