"""Cross-article tables, added to the store's ``metadata``.

``signatures`` and ``lsh_bands`` hold MinHash signatures and their LSH band
keys, so a new article is compared with the corpus without rebuilding an
index. ``registry_*`` is the actor registry: entries (with the number of
articles linked to each, kept as links come and go), the name variants that
lead to them (persons' first and last name words in indexed columns, so a
bare surname finds its candidates by index), the article actors linked to
them (with the reason), and the user's corrections. ``story_*`` consolidates
events and quotes across articles; ``story_quote_marks`` indexes quotes by
winnowed fingerprints so a trimmed copy finds its story without reading a
speaker's history. ``quote_speakers`` lists each quote's speaker entry and
``event_actors`` each event's source and target entries, with their dates,
for actor queries and the network.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    func,
)

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
    # looked up by key (a hash of the band's rows, so equal keys of other bands are rare and filtered)
    Index("ix_lsh_key_band", "key", "band"),
)

registry = Table(
    "registry",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("country", String(8), index=True),
    Column("sector", String(8)),
    Column("first_seen", String(32)),
    Column("last_seen", String(32)),
    # distinct articles linked: how a bare surname picks the namesake named far more often
    Column("articles", Integer, nullable=False, default=0),
    Index("ix_registry_lower", func.lower(Column("name"))),
)

registry_names = Table(
    "registry_names",
    metadata,
    Column("registry_id", Integer, ForeignKey("registry.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("key", String(200), nullable=False, index=True),
    Column("name", Text, nullable=False, index=True),
    # a person's key of two words or more: its first and last word ("person:donald trump")
    Column("first", String(100), index=True),
    Column("last", String(100), index=True),
    # a user's correction: this name always leads to this entry
    Column("pinned", Boolean, nullable=False, default=False),
    # name queries ignore case
    Index("ix_registry_names_lower", func.lower(Column("name"))),
)

registry_links = Table(
    "registry_links",
    metadata,
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("actor_id", String(32), nullable=False),
    Column("registry_id", Integer, ForeignKey("registry.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("role", Text),
    Column("published", String(32)),
    Column("reason", Text, nullable=False),
    Index("ix_registry_links_article_actor", "article_id", "actor_id"),
)

# a user's merge, with both entries as they were, so splitting the merged names off restores them
registry_merges = Table(
    "registry_merges",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("keep", Integer, ForeignKey("registry.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("other", Integer, nullable=False),
    Column("record", JSON, nullable=False),
)

story_events = Table(
    "story_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(16), nullable=False),
    Column("source", Text, nullable=False),  # sorted registry ids, comma-separated
    Column("target", Text, nullable=False),
    Column("first_date", String(32), index=True),
    Column("last_date", String(32)),
    Index("ix_story_events_key", "source", "type", "target"),
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

story_quote_marks = Table(
    "story_quote_marks",
    metadata,
    Column("mark", BigInteger, nullable=False, index=True),
    Column("story_quote_id", Integer, ForeignKey("story_quotes.id", ondelete="CASCADE"), nullable=False, index=True),
)

story_quote_sources = Table(
    "story_quote_sources",
    metadata,
    Column("story_quote_id", Integer, ForeignKey("story_quotes.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("quote_id", String(32), nullable=False),
)

# each quote's speaker as a registry entry, with the quote's date (its own, else the article's):
# quotes by speaker, newest first, are read from the (registry_id, date) index
quote_speakers = Table(
    "quote_speakers",
    metadata,
    Column("registry_id", Integer, ForeignKey("registry.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("quote_id", String(32), nullable=False),
    Column("actor_id", String(32), nullable=False),
    Column("date", String(32)),
    Column("duplicate", Boolean, nullable=False, default=False),
    Index("ix_quote_speakers_registry_date", "registry_id", "date"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("registry_id", Integer, ForeignKey("registry.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(1), nullable=False),  # "s" source, "t" target
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", String(32), nullable=False),
    Column("actor_id", String(32), nullable=False),
    Column("type", String(16), nullable=False),
    Column("date", String(32)),
    # the article is a near-duplicate: left out of counts unless asked for
    Column("duplicate", Boolean, nullable=False, default=False),
    Index("ix_event_actors_event", "article_id", "event_id"),
    Index("ix_event_actors_registry_date", "registry_id", "date"),
    Index("ix_event_actors_date", "date"),
)
