"""The corrections table: what users said is wrong with an extracted item, kept apart from extracted data.

A correction is keyed by what survives a re-ingest — the article id (a hash of
its URL and text), the item's kind and the character offsets of its evidence
(a quote's content, an event's trigger, an actor's mention) — never by the
per-record item ids (``q3``, ``e7``), which a new pipeline version may number
differently. Re-ingesting an article replaces its extracted rows; this table
has no foreign key to them on purpose, so nothing here is deleted with them.
The functions that read and write it live in :mod:`newsgraph.corpus.corrections`.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Index, Integer, String, Table, Text

from .schema import metadata

corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(128), nullable=False),
    Column("item_kind", String(16), nullable=False),  # quote | event | actor
    Column("item_start", Integer, nullable=False),  # evidence offsets: quote content, event trigger, actor mention
    Column("item_end", Integer, nullable=False),
    Column("item_text", Text, nullable=False),  # the evidence text, to tell a moved span from a changed text
    Column("field", String(16), nullable=False),  # 'wrong' (the item is no such thing) or the field fixed
    Column("value", JSON),  # the right value (None for 'wrong')
    Column("original", JSON),  # the item as extracted when corrected
    Column("note", Text),
    Column("user", String(80), nullable=False),
    Column("created_at", String(32), nullable=False),
    Index("ix_corrections_article", "article_id", "item_kind"),
)
