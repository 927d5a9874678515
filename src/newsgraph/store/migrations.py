"""Ordered schema migrations, each run in its own transaction and recorded.

A migration is a function of a SQLAlchemy connection. Append new ones to
`MIGRATIONS`; never edit one that has shipped.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection, Engine

from . import schema


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(conn)


def _full_text(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
            "title, text, content='documents', content_rowid='seq')"
        ))
    else:
        conn.execute(text(
            "ALTER TABLE documents ADD COLUMN IF NOT EXISTS tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english', coalesce(title,'') || ' ' || text)) STORED"
        ))
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_tsv ON documents USING gin(tsv)"))


MIGRATIONS = [
    (1, "initial schema", _initial),
    (2, "full-text search over documents", _full_text),
]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_migrations"):
        return 0
    versions = conn.execute(select(schema.schema_migrations.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(engine: Engine) -> list[int]:
    """Bring the database to the latest schema; returns the versions applied."""
    applied = []
    for version, name, step in MIGRATIONS:
        with engine.begin() as conn:
            if current_version(conn) >= version:
                continue
            step(conn)
            conn.execute(schema.schema_migrations.insert().values(
                version=version, name=name, applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ))
            applied.append(version)
    return applied


LATEST = MIGRATIONS[-1][0]
