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

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String, nullable=False),
    Column("applied_at", String, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # ingest order
    Column("id", String, nullable=False, unique=True),
    Column("name", String, nullable=False),
    Column("source", String, nullable=False),
    Column("title", Text),
    Column("published", String),
    Column("url", Text),
    Column("outlet", String),
    Column("byline", String),
    Column("language", String),
    Column("text", Text, nullable=False),
    Column("regions", Text, nullable=False, default="[]"),  # JSON [[start, end, label], ...]
    Column("content_hash", String, nullable=False, index=True),
    Column("fingerprint", BigInteger, nullable=False, default=0),
    Column("band0", Integer, index=True),
    Column("band1", Integer, index=True),
    Column("band2", Integer, index=True),
    Column("band3", Integer, index=True),
    Column("band4", Integer, index=True),
    Column("band5", Integer, index=True),
    Column("band6", Integer, index=True),
    Column("duplicate_of", String),
    Column("status", String, nullable=False),
    Column("ingested_at", String, nullable=False),
)

# One row per input read (file or record): makes re-ingesting a no-op and lets a
# killed batch resume where it stopped.
sources = Table(
    "sources",
    metadata,
    Column("key", String, primary_key=True),  # source location + hash of its bytes
    Column("doc_id", String, nullable=False, index=True),
)

entities = Table(
    "entities",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("name", String, nullable=False),
    Column("type", String, nullable=False, index=True),
    Column("country_id", String, index=True),
    Column("locked_name", Integer, nullable=False, default=0),  # renamed by an analyst
)

# Keys an entity is found by when new mentions are linked: normalised names and aliases.
entity_keys = Table(
    "entity_keys",
    metadata,
    Column("key", String, nullable=False),
    Column("type", String, nullable=False),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False, index=True),
    Index("ix_entity_keys_key_type", "key", "type"),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False, index=True),
    Column("alias", String, nullable=False),
    Index("ux_entity_alias", "entity_id", "alias", unique=True),
)

entity_roles = Table(
    "entity_roles",
    metadata,
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False, index=True),
    Column("role", String, nullable=False),
    Column("country", String),
    Column("doc_id", String, nullable=False),
)

# Why a document's local entity was linked to a corpus entity (shown by `entity NAME`).
entity_links = Table(
    "entity_links",
    metadata,
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False, index=True),
    Column("doc_id", String, nullable=False, index=True),
    Column("local_key", String, nullable=False),
    Column("local_name", String, nullable=False),
    Column("reason", Text, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String, nullable=False, index=True),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False, index=True),
    Column("local_key", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", String, nullable=False),
)

# Analyst decisions (merge, split, rename), replayed over new documents.
overrides = Table(
    "overrides",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String, nullable=False),
    Column("args", Text, nullable=False),  # JSON
    Column("created_at", String, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("doc_id", String, nullable=False, index=True),
    Column("type", String, nullable=False, index=True),
    Column("mode", String),
    Column("actor_id", String, index=True),
    Column("target_id", String, index=True),
    Column("object", Text),
    Column("modality", String, nullable=False),
    Column("source_id", String, index=True),
    Column("date", String),
    Column("location_id", String),
    Column("ev_start", Integer, nullable=False),
    Column("ev_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("rule", String, nullable=False),
    Column("story_id", String, index=True),
)

stories = Table(
    "stories",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("type", String, nullable=False),
    Column("actor_id", String),
    Column("target_id", String),
    Column("first_seen", String),
    Column("last_seen", String),
    Column("title", Text),
)
