"""What differs between SQLite and PostgreSQL: URLs, engines, transactions, write locks.

Everything else in store/ is written once in SQLAlchemy Core and runs on both.
"""
from __future__ import annotations

import os
import re
import sqlite3
import time
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import Text, cast, create_engine, event, func, text
from sqlalchemy.dialects.postgresql import BIT
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import DatabaseError

DEFAULT_DB = "newsgraph.db"
WRITE_OPTION = "newsgraph_write"  # execution option marking a write transaction
WRITE_LOCK_KEY = 0x6E657773  # PostgreSQL advisory lock held by the one writer ("news")
TS_CONFIG = "simple"  # PostgreSQL text search: lower-cased words, like SQLite FTS5's unicode61


def database_url(target: str | None) -> str:
    """Turn a `--db` value (a file path or a SQLAlchemy URL) into a URL."""
    target = target or os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB
    if "://" in target:
        for prefix in ("postgresql://", "postgres://"):
            if target.startswith(prefix):
                return "postgresql+psycopg://" + target[len(prefix):]
        return target
    return "sqlite:///" + os.path.abspath(target)


def _hamming(a: int | None, b: int | None) -> int:
    """Differing bits of two SimHash fingerprints stored as signed 64-bit integers."""
    if a is None or b is None:
        return 64
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def hamming_distance(dialect: str, column, fingerprint: int):
    """SQL for the bits in which `column` differs from `fingerprint` (both signed 64-bit)."""
    if dialect == "sqlite":
        return func.ng_hamming(column, fingerprint)
    differing = cast(column.op("#")(fingerprint), BIT(64))  # bigint XOR, as 64 bits
    return func.length(func.replace(cast(differing, Text), "0", ""))


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun by `_sqlite_begin`, not the driver
    dbapi_conn.create_function("ng_hamming", 2, _hamming, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")
    _switch_to_wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _switch_to_wal(cur, patience: float = 30.0) -> None:
    """Put the file in WAL mode, waiting out other connections doing the same.

    SQLite answers a journal-mode switch that meets another connection's lock with
    "database is locked" at once, without the busy handler, so processes opening a
    new file together retry here for as long as busy_timeout would have waited.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _sqlite_begin(conn: Connection) -> None:
    """Write transactions take SQLite's write lock up front, so concurrent writers queue
    (busy_timeout) instead of failing when a read-then-write transaction meets a newer commit."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")


def _sqlite_engine(url: str, path: str | None) -> Engine:
    if path and path != ":memory:":
        folder = os.path.dirname(path) or "."
        if not os.path.isdir(folder):
            raise DatabaseError(f"cannot create the database {path}: folder {folder} does not exist")
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def make_engine(url: str) -> Engine:
    """A SQLAlchemy engine for `url`, set up for newsgraph's transactions."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"--db {url!r} is neither a file path nor a database URL: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise DatabaseError(f"{url.split(':')[0]} needs a driver: pip install 'newsgraph[postgres]' "
                            f"({exc.name} missing)") from None


def lock_for_writing(conn: Connection, key: int = WRITE_LOCK_KEY) -> None:
    """Serialise writers: one document is linked and stored at a time, on every backend.

    Entity resolution reads then writes (find the entity, else create it); two
    processes doing that at once would create the same entity twice. SQLite
    serialises through BEGIN IMMEDIATE; PostgreSQL through a transaction-level
    advisory lock, released at commit. Analysis, the costly part, stays parallel.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


@contextmanager
def write_connection(engine: Engine, key: int = WRITE_LOCK_KEY) -> Iterator[Connection]:
    """A connection in a write transaction that no other process writes alongside."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            lock_for_writing(conn, key)
            yield conn


def tsquery(q: str) -> str:
    """A user's words as a PostgreSQL tsquery for `to_tsquery(TS_CONFIG, ...)`: every word
    required, the last one as a prefix, as `graph_sql.fts_query` asks of SQLite."""
    words = re.findall(r"\w+", q)
    return " & ".join(words[:-1] + [words[-1] + ":*"]) if words else ""
