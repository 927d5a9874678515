"""The storage interface: the only module that speaks SQL.

`Store` opens a database by URL (a file path means SQLite), applies migrations
and answers queries. Writes go through `Store.transaction()`, which yields a
`Writer` bound to one transaction: a document and everything derived from it
are committed together or not at all.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from typing import Iterator

from sqlalchemy import BigInteger, bindparam, func, select, text, union, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from ..clean import dedup
from ..errors import DatabaseError, NotFound
from ..model import Document, Region
from . import migrations, schema as t
from .backends import DEFAULT_DB, database_url, hamming_distance, make_engine, write_connection  # noqa: F401
from .entity_sql import EntityReads, EntityWrites
from .event_sql import EventReads, EventWrites
from .graph_sql import GraphReads


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _doc_row(doc: Document) -> dict:
    bands = dedup.bands(doc.fingerprint)
    fp = doc.fingerprint - (1 << 64) if doc.fingerprint >= (1 << 63) else doc.fingerprint
    return dict(
        id=doc.id, name=doc.name, source=doc.source, title=doc.title, published=doc.published,
        url=doc.url, outlet=doc.outlet, byline=doc.byline, language=doc.language, text=doc.text,
        regions=json.dumps([[r.start, r.end, r.label] for r in doc.regions]),
        content_hash=doc.content_hash, fingerprint=fp,
        **{f"band{i}": b for i, b in enumerate(bands)},
        duplicate_of=doc.duplicate_of, status=doc.status, ingested_at=_now(),
    )


def row_to_document(row) -> Document:
    m = row._mapping
    fp = m["fingerprint"] or 0
    return Document(
        id=m["id"], name=m["name"], source=m["source"], text=m["text"], title=m["title"],
        published=m["published"], url=m["url"], outlet=m["outlet"], byline=m["byline"],
        language=m["language"], regions=[Region(*r) for r in json.loads(m["regions"] or "[]")],
        content_hash=m["content_hash"], fingerprint=fp + (1 << 64) if fp < 0 else fp,
        duplicate_of=m["duplicate_of"], status=m["status"],
    )


# Statements run for every ingested document, built once so SQLAlchemy reuses their compiled form.
_SOURCE_DOC = select(t.sources.c.doc_id).where(t.sources.c.key == bindparam("key"))
_ORIGINAL_BY_HASH = (select(t.documents.c.id).where(t.documents.c.content_hash == bindparam("hash"),
                                                     t.documents.c.duplicate_of.is_(None))
                     .order_by(t.documents.c.seq).limit(1))
_TOP_EVENT_SEQ = select(func.coalesce(func.max(t.events.c.seq), 0))


@lru_cache(maxsize=8)
def _band_query(backend: str, within: int):
    """Original documents sharing a SimHash band with `:fp` (bands `:b0`...) and within `within` bits of it;
    built once, its parameters bound per document, so SQLAlchemy compiles it once."""
    c = t.documents.c
    near = hamming_distance(backend, c.fingerprint, bindparam("fp", type_=BigInteger)) <= within
    per_band = [select(c.seq).where(c[f"band{i}"] == bindparam(f"b{i}"), c.duplicate_of.is_(None), near)
                for i in range(len(dedup.BAND_WIDTHS))]  # each answered by its covering index
    return select(c.id, c.fingerprint).where(c.seq.in_(union(*per_band))).order_by(c.seq)


class Writer(EntityWrites, EventWrites):
    """Write access inside one transaction (see `Store.transaction`)."""

    def __init__(self, conn: Connection):
        self.conn = conn

    # documents -------------------------------------------------------------
    def add_document(self, doc: Document, source_key: str | None) -> None:
        result = self.conn.execute(t.documents.insert(), _doc_row(doc))  # one compiled statement for every document
        seq = result.inserted_primary_key[0]
        if self.conn.dialect.name == "sqlite":
            self.conn.execute(
                text("INSERT INTO documents_fts(rowid, title, text) VALUES (:r, :ti, :tx)"),
                {"r": seq, "ti": doc.title or "", "tx": doc.text},
            )
        if source_key:
            self.add_source(source_key, doc.id)

    def has_source(self, key: str) -> bool:
        """True when this input is already stored (by this or another process)."""
        return self.conn.execute(_SOURCE_DOC, {"key": key}).first() is not None

    def original_by_hash(self, content_hash: str) -> str | None:
        """The stored original with this body, as seen inside the writer's lock."""
        return self.conn.execute(_ORIGINAL_BY_HASH, {"hash": content_hash}).scalar()

    def add_source(self, key: str, doc_id: str) -> None:
        self.conn.execute(t.sources.insert(), {"key": key, "doc_id": doc_id})

    def set_status(self, doc_id: str, status: str) -> None:
        self.conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(status=status))

    # entities --------------------------------------------------------------
    def entity_candidates(self, keys: list[str], etype: str | None) -> list[dict]:
        """Entities reachable from any of `keys` (of type `etype`), with the keys that matched."""
        if not keys:
            return []
        q = select(t.entity_keys.c.entity_id, t.entity_keys.c.key).where(t.entity_keys.c.key.in_(set(keys)))
        if etype:
            q = q.where(t.entity_keys.c.type == etype)
        matched: dict[str, set[str]] = {}
        for eid, key in self.conn.execute(q):
            matched.setdefault(eid, set()).add(key)
        if not matched:
            return []
        rows = self.conn.execute(select(t.entities).where(t.entities.c.id.in_(matched))).mappings().all()
        out = [dict(r) | {"matched": matched[r["id"]]} for r in rows]
        return sorted(out, key=lambda r: r["seq"])

    def entity(self, entity_id: str) -> dict | None:
        row = self.conn.execute(select(t.entities).where(t.entities.c.id == entity_id)).mappings().first()
        return dict(row) if row else None

    def entity_keys(self, entity_id: str) -> set[str]:
        q = select(t.entity_keys.c.key).where(t.entity_keys.c.entity_id == entity_id)
        return set(self.conn.execute(q).scalars())

    def create_entity(self, name: str, etype: str, country_id: str | None) -> str:
        seq = self.next_entity_seq()  # never reuses the id of an entity merged away (entity_sql.py)
        eid = self.new_entity_id(seq, name, etype)
        self.conn.execute(t.entities.insert().values(seq=seq, id=eid, name=name, type=etype, country_id=country_id))
        return eid

    def update_entity(self, entity_id: str, **values) -> None:
        self.conn.execute(update(t.entities).where(t.entities.c.id == entity_id).values(**values))

    def add_keys(self, entity_id: str, etype: str, keys: set[str]) -> None:
        have = self.entity_keys(entity_id)
        rows = [{"key": k, "type": etype, "entity_id": entity_id} for k in sorted(keys - have) if k]
        if rows:
            self.conn.execute(t.entity_keys.insert(), rows)

    def add_aliases(self, entity_id: str, aliases: list[str]) -> None:
        q = select(t.entity_aliases.c.alias).where(t.entity_aliases.c.entity_id == entity_id)
        have = set(self.conn.execute(q).scalars())
        rows = [{"entity_id": entity_id, "alias": a} for a in dict.fromkeys(aliases) if a not in have]
        if rows:
            self.conn.execute(t.entity_aliases.insert(), rows)

    def add_roles(self, entity_id: str, roles: list[str], country: str | None, doc_id: str) -> None:
        rows = [{"entity_id": entity_id, "role": r, "country": country, "doc_id": doc_id} for r in roles]
        if rows:
            self.conn.execute(t.entity_roles.insert(), rows)

    def add_link(self, entity_id: str, doc_id: str, local_key: str, local_name: str, reason: str) -> None:
        self.conn.execute(t.entity_links.insert().values(
            entity_id=entity_id, doc_id=doc_id, local_key=local_key, local_name=local_name, reason=reason))

    def add_mentions(self, rows: list[dict]) -> None:
        if rows:
            self.conn.execute(t.mentions.insert(), rows)

    def reassign_entity(self, old_id: str, new_id: str) -> None:
        """Point everything that refers to `old_id` at `new_id` (an analyst's merge)."""
        for table, cols in (
            (t.mentions, ["entity_id"]), (t.entity_links, ["entity_id"]), (t.entity_roles, ["entity_id"]),
            (t.entity_keys, ["entity_id"]), (t.entities, ["country_id"]),
            (t.events, ["actor_id", "target_id", "source_id", "location_id"]),
        ):
            for col in cols:
                self.conn.execute(update(table).where(table.c[col] == old_id).values({col: new_id}))
        aliases = self.conn.execute(
            select(t.entity_aliases.c.alias).where(t.entity_aliases.c.entity_id == old_id)).scalars().all()
        self.conn.execute(t.entity_aliases.delete().where(t.entity_aliases.c.entity_id == old_id))
        self.add_aliases(new_id, list(aliases))
        self.conn.execute(t.entities.delete().where(t.entities.c.id == old_id))

    def add_override(self, action: str, args: dict) -> None:
        self.conn.execute(t.overrides.insert().values(action=action, args=json.dumps(args), created_at=_now()))

    # events ----------------------------------------------------------------
    def next_event_seq(self) -> int:
        return self.conn.execute(_TOP_EVENT_SEQ).scalar() + 1

    def add_events(self, rows: list[dict]) -> None:
        if rows:
            self.conn.execute(t.events.insert(), rows)


class Store(EntityReads, EventReads, GraphReads):
    """A newsgraph database, opened by URL and migrated to the latest schema."""

    def __init__(self, target: str | None = None):
        self.url = database_url(target)
        self.engine = make_engine(self.url)
        try:
            migrations.migrate(self.engine)
        except OperationalError as exc:
            raise DatabaseError(f"cannot open the database {self.url}: {exc.orig}") from None

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Writer]:
        """A write transaction, exclusive among all processes writing to this database."""
        with write_connection(self.engine) as conn:
            yield Writer(conn)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    # ingest look-ups -------------------------------------------------------
    def source_doc(self, key: str) -> str | None:
        with self.reading() as conn:
            return conn.execute(_SOURCE_DOC, {"key": key}).scalar()

    def doc_by_hash(self, content_hash: str) -> str | None:
        with self.reading() as conn:
            return conn.execute(_ORIGINAL_BY_HASH, {"hash": content_hash}).scalar()

    def docs_sharing_band(self, fingerprint: int, within: int = dedup.NEAR_DUPLICATE_BITS) -> list[tuple[str, int]]:
        """Original documents within `within` bits of `fingerprint`, found through the bands they
        share with it (see clean/dedup.py). The distance is computed by the database: a band
        matches about one document in 512, and shipping those rows out would cost more as the
        corpus grows than the whole rest of deduplication."""
        signed = fingerprint - (1 << 64) if fingerprint >= (1 << 63) else fingerprint
        params = {"fp": signed} | {f"b{i}": b for i, b in enumerate(dedup.bands(fingerprint))}
        with self.reading() as conn:
            rows = conn.execute(_band_query(self.backend, within), params)
            return [(i, fp + (1 << 64) if fp < 0 else fp) for i, fp in rows]

    # queries ---------------------------------------------------------------
    def documents(self, limit: int | None = None, offset: int = 0, status: str | None = None) -> list[Document]:
        q = select(t.documents).order_by(t.documents.c.seq).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        if status:
            q = q.where(t.documents.c.status == status)
        with self.reading() as conn:
            return [row_to_document(r) for r in conn.execute(q)]

    def document(self, ref: str) -> Document:
        c = t.documents.c
        with self.reading() as conn:
            for cond in (c.id == ref, c.name == ref, c.id.like(ref + "%")):
                row = conn.execute(select(t.documents).where(cond).order_by(c.seq).limit(1)).first()
                if row is not None:
                    return row_to_document(row)
        raise NotFound(f"no document {ref!r}: `newsgraph docs` lists the documents")

    def count(self, table: str, **where) -> int:
        tab = t.metadata.tables[table]
        q = select(func.count()).select_from(tab)
        for col, value in where.items():
            q = q.where(tab.c[col] == value)
        with self.reading() as conn:
            return conn.execute(q).scalar()

    def group_count(self, table: str, column: str) -> dict[str, int]:
        tab = t.metadata.tables[table]
        q = select(tab.c[column], func.count()).group_by(tab.c[column])
        with self.reading() as conn:
            return {k: n for k, n in conn.execute(q)}

    def rows(self, table: str, order: str = "seq", **where) -> list[dict]:
        tab = t.metadata.tables[table]
        q = select(tab)
        for col, value in where.items():
            q = q.where(tab.c[col] == value)
        if order:
            q = q.order_by(tab.c[order])
        with self.reading() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def schema_version(self) -> int:
        with self.reading() as conn:
            return migrations.current_version(conn)
