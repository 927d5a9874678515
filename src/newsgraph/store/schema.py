"""Tables of the newsgraph database, as SQLAlchemy Core metadata.

The same tables serve SQLite and PostgreSQL; anything backend-specific (full-text
search, pragmas) lives in `store/backends.py`.
"""
from __future__ import annotations

from sqlalchemy import (
    BigInteger,
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

metadata = MetaData()

# Strings compare byte by byte on both backends (SQLite's BINARY, PostgreSQL's "C"),
# so ORDER BY name gives the same order everywhere, whatever the server's locale.
Str = String().with_variant(String(collation="C"), "postgresql")
Txt = Text().with_variant(Text(collation="C"), "postgresql")

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", Str, nullable=False),
    Column("applied_at", Str, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # ingest order
    Column("id", Str, nullable=False, unique=True),
    Column("name", Str, nullable=False),
    Column("source", Str, nullable=False),
    Column("title", Txt),
    Column("published", Str),
    Column("url", Txt),
    Column("outlet", Str),
    Column("byline", Str),
    Column("language", Str),
    Column("text", Txt, nullable=False),
    Column("regions", Txt, nullable=False, default="[]"),  # JSON [[start, end, label], ...]
    Column("content_hash", Str, nullable=False, index=True),
    Column("fingerprint", BigInteger, nullable=False, default=0),
    Column("band0", Integer),
    Column("band1", Integer),
    Column("band2", Integer),
    Column("band3", Integer),
    Column("band4", Integer),
    Column("band5", Integer),
    Column("band6", Integer),
    Column("duplicate_of", Str),
    Column("status", Str, nullable=False),
    Column("ingested_at", Str, nullable=False),
)

# Near-duplicate look-up (store/db.py docs_sharing_band): one index per SimHash band,
# holding the fingerprint too so the distance is computed without reading the rows,
# and only originals, the only documents a new one can be a near-duplicate of.
NEAR_DUPLICATE_INDEXES = [
    Index(f"ix_documents_near{i}", documents.c[f"band{i}"], documents.c.fingerprint,
          sqlite_where=documents.c.duplicate_of.is_(None), postgresql_where=documents.c.duplicate_of.is_(None))
    for i in range(7)
]

# One row per input read (file or record): makes re-ingesting a no-op and lets a
# killed batch resume where it stopped.
sources = Table(
    "sources",
    metadata,
    Column("key", Str, primary_key=True),  # source location + hash of its bytes
    Column("doc_id", Str, nullable=False, index=True),
)

entities = Table(
    "entities",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Str, nullable=False, unique=True),
    Column("name", Str, nullable=False),
    Column("type", Str, nullable=False, index=True),
    Column("country_id", Str, index=True),
    Column("locked_name", Integer, nullable=False, default=0),  # renamed by an analyst
)

# Keys an entity is found by when new mentions are linked: normalised names and aliases.
entity_keys = Table(
    "entity_keys",
    metadata,
    Column("key", Str, nullable=False),
    Column("type", Str, nullable=False),
    Column("entity_id", Str, ForeignKey("entities.id"), nullable=False, index=True),
    Index("ix_entity_keys_key_type", "key", "type"),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", Str, ForeignKey("entities.id"), nullable=False, index=True),
    Column("alias", Str, nullable=False),
    Index("ux_entity_alias", "entity_id", "alias", unique=True),
)

entity_roles = Table(
    "entity_roles",
    metadata,
    Column("entity_id", Str, ForeignKey("entities.id"), nullable=False, index=True),
    Column("role", Str, nullable=False),
    Column("country", Str),
    Column("doc_id", Str, nullable=False),
)

# Why a document's local entity was linked to a corpus entity (shown by `entity NAME`).
entity_links = Table(
    "entity_links",
    metadata,
    Column("entity_id", Str, ForeignKey("entities.id"), nullable=False, index=True),
    Column("doc_id", Str, nullable=False, index=True),
    Column("local_key", Str, nullable=False),
    Column("local_name", Str, nullable=False),
    Column("reason", Txt, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Str, nullable=False, index=True),
    Column("entity_id", Str, ForeignKey("entities.id"), nullable=False, index=True),
    Column("local_key", Str, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Str, nullable=False),
)

# Analyst decisions (merge, split, rename), replayed over new documents.
overrides = Table(
    "overrides",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", Str, nullable=False),
    Column("args", Txt, nullable=False),  # JSON
    Column("created_at", Str, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Str, nullable=False, unique=True),
    Column("doc_id", Str, nullable=False, index=True),
    Column("type", Str, nullable=False, index=True),
    Column("mode", Str),
    Column("actor_id", Str, index=True),
    Column("target_id", Str, index=True),
    Column("object", Txt),
    Column("modality", Str, nullable=False),
    Column("source_id", Str, index=True),
    Column("date", Str),
    Column("location_id", Str),
    Column("ev_start", Integer, nullable=False),
    Column("ev_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("rule", Str, nullable=False),
    Column("story_id", Str, index=True),
)

stories = Table(
    "stories",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Str, nullable=False, unique=True),
    Column("type", Str, nullable=False),
    Column("actor_id", Str, index=True),  # an entity's stories (`newsgraph stories ENTITY`)
    Column("target_id", Str, index=True),
    Column("first_seen", Str),
    Column("last_seen", Str),
    Column("title", Txt),
    # how new events find the story they belong to (stories/cluster.py)
    Column("key", Str, index=True),  # type and country-lifted parties
    Column("date_from", Str),  # span of the events' dates (YYYY-MM-DD), or of their documents'
    Column("date_to", Str),
    Column("objects", Txt),  # words of what was given, agreed, denied ("drone shahed")
)

# Summaries derived from events and mentions (store/graph_sql.py rebuilds them when those
# change), so an entity page or an ego network costs the same for a country named in every
# other article as for a rare name: the API reads a few index entries instead of grouping
# tens of thousands of events per request. Never edited by hand; safe to empty.
graph_edges = Table(
    "graph_edges",
    metadata,
    Column("actor_id", Str, nullable=False),
    Column("target_id", Str, nullable=False),
    Column("type", Str, nullable=False),
    Column("modality", Str, nullable=False),
    Column("count", Integer, nullable=False),
    Column("first_date", Str),
    Column("last_date", Str),
    Column("confidence", Float),
    Index("ux_graph_edges", "actor_id", "target_id", "type", "modality", unique=True),
    Index("ix_graph_edges_target", "target_id", "actor_id"),
)

graph_pairs = Table(  # both directions: entity -> other with the number of events between them
    "graph_pairs",
    metadata,
    Column("entity_id", Str, nullable=False),
    Column("other_id", Str, nullable=False),
    Column("events", Integer, nullable=False),
    Index("ix_graph_pairs", "entity_id", "events", "other_id"),
    Index("ux_graph_pairs", "entity_id", "other_id", unique=True),
)

graph_entity_counts = Table(  # events an entity is actor, target or source of, by type and modality
    "graph_entity_counts",
    metadata,
    Column("entity_id", Str, nullable=False),
    Column("type", Str, nullable=False),
    Column("modality", Str, nullable=False),
    Column("count", Integer, nullable=False),
    Index("ux_graph_entity_counts", "entity_id", "type", "modality", unique=True),
)

graph_entity_docs = Table(  # mentions of an entity per document
    "graph_entity_docs",
    metadata,
    Column("entity_id", Str, nullable=False),
    Column("doc_id", Str, nullable=False),
    Column("mentions", Integer, nullable=False),
    Index("ix_graph_entity_docs", "entity_id", "mentions", "doc_id"),
    Index("ux_graph_entity_docs", "entity_id", "doc_id", unique=True),
)

graph_entity_events = Table(  # an entity's events (as actor, target or source) in date order
    "graph_entity_events",
    metadata,
    Column("entity_id", Str, nullable=False),
    Column("day", Str, nullable=False),  # the event's date, else its document's, else "~" (after every date)
    Column("seq", Integer, nullable=False),
    Index("ix_graph_entity_events", "entity_id", "day", "seq"),
)

graph_state = Table(  # what the summaries were built from, and when
    "graph_state",
    metadata,
    Column("key", Str, primary_key=True),
    Column("value", Str, nullable=False),
)
