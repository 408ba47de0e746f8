"""The database tables (SQLAlchemy Core), one ``MetaData`` for the whole store.

The article record is stored twice on purpose: whole, as JSON in
``articles.record`` (what ``show``/exports return, exactly as extracted), and
taken apart into tables with offsets (actors, mentions, quotes, events, timexes)
for queries. Cross-article tables (registry, clusters, consolidation) live in
:mod:`newsgraph.corpus` and are added to the same ``metadata``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 1

metadata = MetaData()

meta_table = Table(
    "newsgraph_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("title", Text),
    Column("published", String(32), index=True),
    Column("language", String(8)),
    Column("source_path", Text),
    Column("source_url", Text),
    Column("source_format", String(16)),
    Column("text", Text, nullable=False),
    Column("body", JSON, nullable=False),
    Column("meta", JSON, nullable=False),
    Column("schema", String(32), nullable=False),
    Column("pipeline_version", String(32), nullable=False),
    Column("model", String(128), nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("duplicate_of", String(128), index=True),
    Column("record", JSON, nullable=False),
)


actors = Table(
    "actors",
    metadata,
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("roles", JSON, nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Index("ix_actors_name", "name"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), index=True, nullable=False),
    Column("actor_id", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("quote_id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("speaker_actor", String(32)),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("cue_text", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("content_text", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("content_spans", JSON),
    Column("date", String(32), index=True),
    Column("confidence", Float),
)

events = Table(
    "events",
    metadata,
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String(32), primary_key=True),
    Column("type", String(16), nullable=False, index=True),
    Column("mode", String(32)),
    Column("source", JSON, nullable=False),
    Column("target", JSON, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("date", String(32), index=True),
    Column("date_basis", String(16)),
    Column("location", JSON),
    Column("negated", Boolean, nullable=False),
    Column("modality", String(16), nullable=False),
    Column("confidence", Float),
)

timexes = Table(
    "timexes",
    metadata,
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), index=True, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(32)),
)

# users' corrections live in a table of their own (registered on the same metadata)
from . import corrections as _corrections  # noqa: E402,F401
