"""Ordered schema migrations, each run in its own transaction and recorded.

A migration is a function of a SQLAlchemy connection. Append new ones to
`MIGRATIONS`; never edit one that has shipped.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection, Engine

from . import schema
from .backends import TS_CONFIG, write_connection

MIGRATION_LOCK_KEY = 0x6E676D67  # processes opening a new database at once migrate it once ("ngmg")


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


def _postgres_search_like_sqlite(conn: Connection) -> None:
    """PostgreSQL indexes words as SQLite's FTS5 does (no stemming, no stop words), so a search
    finds the same documents on both; `backends.tsquery` builds the matching queries."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text("DROP INDEX IF EXISTS ix_documents_tsv"))
    conn.execute(text("ALTER TABLE documents DROP COLUMN IF EXISTS tsv"))
    conn.execute(text(
        f"ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
        f"(to_tsvector('{TS_CONFIG}', coalesce(title,'') || ' ' || text)) STORED"
    ))
    conn.execute(text("CREATE INDEX ix_documents_tsv ON documents USING gin(tsv)"))


def _serial_columns(conn: Connection) -> list[tuple[str, str]]:
    """(table, column) of every integer primary key PostgreSQL numbers with a sequence."""
    found = []
    for table in schema.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and table.autoincrement_column is not None and inspect(conn).has_table(table.name):
            found.append((table.name, pk[0].name))
    return found


def _sequences_follow_explicit_ids(conn: Connection) -> None:
    """On SQLite a row inserted without an id gets max(id) + 1, even after rows inserted with
    explicit ids (entities E1, E2 ..., events V1 ...). A PostgreSQL sequence ignores explicit
    ids and would hand out one already taken; this trigger moves it past each explicit id."""
    if conn.dialect.name != "postgresql":
        return
    for table, column in _serial_columns(conn):
        sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table, "c": column}).scalar()
        if not sequence:
            continue
        conn.execute(text(
            f"CREATE OR REPLACE FUNCTION newsgraph_follow_{table}_{column}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN IF NEW.{column} > coalesce(pg_sequence_last_value('{sequence}'), 0) THEN "
            f"PERFORM setval('{sequence}', NEW.{column}); END IF; RETURN NEW; END $$"))
        conn.execute(text(f"DROP TRIGGER IF EXISTS newsgraph_follow_ids ON {table}"))
        conn.execute(text(f"CREATE TRIGGER newsgraph_follow_ids AFTER INSERT ON {table} FOR EACH ROW "
                          f"EXECUTE FUNCTION newsgraph_follow_{table}_{column}()"))


def _graph_summaries(conn: Connection) -> None:
    """Tables of counts the API reads for entity pages and ego networks (store/graph_sql.py)."""
    tables = [schema.graph_edges, schema.graph_pairs, schema.graph_entity_counts, schema.graph_entity_docs,
              schema.graph_entity_events, schema.graph_state]
    schema.metadata.create_all(conn, tables=tables, checkfirst=True)


def _near_duplicate_indexes(conn: Connection) -> None:
    """Covering, originals-only band indexes: finding near-duplicates stays cheap as the corpus grows."""
    for i, index in enumerate(schema.NEAR_DUPLICATE_INDEXES):
        conn.execute(text(f"DROP INDEX IF EXISTS ix_documents_band{i}"))
        index.create(conn, checkfirst=True)


def _story_party_indexes(conn: Connection) -> None:
    """An entity's stories by index, not by a scan of every story."""
    for column in ("actor_id", "target_id"):
        index = next(i for i in schema.stories.indexes if list(i.columns.keys()) == [column])
        index.create(conn, checkfirst=True)


MIGRATIONS = [
    (1, "initial schema", _initial),
    (2, "full-text search over documents", _full_text),
    (3, "PostgreSQL full-text search finds what SQLite's finds", _postgres_search_like_sqlite),
    (4, "PostgreSQL numbers rows after explicit ids, as SQLite does", _sequences_follow_explicit_ids),
    (5, "summaries for the API's entity pages and ego networks", _graph_summaries),
    (6, "near-duplicate look-up by covering band indexes", _near_duplicate_indexes),
    (7, "indexes on stories' actor and target", _story_party_indexes),
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
        with write_connection(engine, MIGRATION_LOCK_KEY) as conn:
            if current_version(conn) >= version:
                continue
            step(conn)
            conn.execute(schema.schema_migrations.insert().values(
                version=version, name=name, applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ))
            applied.append(version)
    return applied


LATEST = MIGRATIONS[-1][0]
