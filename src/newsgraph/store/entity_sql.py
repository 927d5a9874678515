"""Entity queries and writes (mixins for `Store` and `Writer`): all entity SQL lives here."""
from __future__ import annotations

import json

from sqlalchemy import bindparam, delete, func, or_, select, update

from . import schema as t

# Statements ingest runs for every document, built once: SQLAlchemy then reuses their compiled
# form instead of building and hashing a new expression per call ("expanding" lists render IN (...)).
_KEY_MATCHES = select(t.entity_keys.c.key, t.entity_keys.c.type, t.entity_keys.c.entity_id).where(
    t.entity_keys.c.key.in_(bindparam("keys", expanding=True)))
_ranked = select(t.entity_keys.c.key, t.entity_keys.c.type, t.entity_keys.c.entity_id,
                 func.row_number().over(partition_by=(t.entity_keys.c.key, t.entity_keys.c.type),
                                        order_by=t.entity_keys.c.entity_id).label("rank")).where(
    t.entity_keys.c.key.in_(bindparam("keys", expanding=True))).subquery()
_KEY_MATCHES_CAPPED = select(_ranked.c.key, _ranked.c.type, _ranked.c.entity_id).where(
    _ranked.c.rank <= bindparam("cap"))
_ENTITIES_BY_ID = select(t.entities).where(t.entities.c.id.in_(bindparam("ids", expanding=True)))
_KEYS_OF = select(t.entity_keys.c.entity_id, t.entity_keys.c.key).where(
    t.entity_keys.c.entity_id.in_(bindparam("ids", expanding=True)))
_ALIASES_OF = select(t.entity_aliases.c.entity_id, t.entity_aliases.c.alias).where(
    t.entity_aliases.c.entity_id.in_(bindparam("ids", expanding=True)))
_ENTITY_EXISTS = select(t.entities.c.seq).where(t.entities.c.id == bindparam("id"))
_TOP_ENTITY_SEQ = select(func.coalesce(func.max(t.entities.c.seq), 0))
_MERGES = select(t.overrides.c.args).where(t.overrides.c.action == "merge")


class EntityReads:
    """Read queries about entities, mixed into `Store`."""

    def entity_rows(self, etype: str | None = None, country_id: str | None = None, q: str | None = None,
                    limit: int | None = None, offset: int = 0) -> list[dict]:
        """Entities filtered by type, country id and text in their name or aliases, in creation order."""
        c = t.entities.c
        query = select(t.entities).order_by(c.seq).offset(offset)
        if etype:
            query = query.where(c.type == etype.upper())
        if country_id:
            query = query.where(c.country_id == country_id)
        if q:
            like = f"%{q.lower()}%"
            aliases = select(t.entity_aliases.c.entity_id).where(func.lower(t.entity_aliases.c.alias).like(like))
            query = query.where(or_(func.lower(c.name).like(like), c.id.in_(aliases)))
        if limit is not None:
            query = query.limit(limit)
        with self.reading() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def entity_row(self, entity_id: str) -> dict | None:
        with self.reading() as conn:
            row = conn.execute(select(t.entities).where(t.entities.c.id == entity_id)).mappings().first()
        return dict(row) if row else None

    def entities_named(self, name: str) -> list[dict]:
        """Entities whose name or one of whose aliases is `name` (any case), names first."""
        low = name.lower()
        c = t.entities.c
        aliased = select(t.entity_aliases.c.entity_id).where(func.lower(t.entity_aliases.c.alias) == low)
        query = select(t.entities).where(or_(func.lower(c.name) == low, c.id.in_(aliased))).order_by(c.seq)
        with self.reading() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
        return sorted(rows, key=lambda r: r["name"].lower() != low)

    def entity_children(self, table: str, entity_id: str) -> list[dict]:
        """Rows of `table` (entity_aliases, entity_roles, entity_links, mentions, entity_keys) of one entity."""
        tab = t.metadata.tables[table]
        query = select(tab).where(tab.c.entity_id == entity_id)
        if "id" in tab.c:
            query = query.order_by(tab.c.id)
        with self.reading() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def overrides_list(self) -> list[dict]:
        with self.reading() as conn:
            rows = conn.execute(select(t.overrides).order_by(t.overrides.c.id)).mappings().all()
        return [dict(r) | {"args": json.loads(r["args"])} for r in rows]


class EntityWrites:
    """Entity writes inside one transaction, mixed into `Writer`."""

    def new_entity_id(self, seq: int, name: str, etype: str, taken=()) -> str:
        """`E<seq>`, but a country is known by its canonical name ("Iran", "United States"): the id
        reads the same in exports, URLs and the `country` field of people and organisations, where
        other tools look for a country's name. A name already taken falls back to `E<seq>`."""
        if etype == "COUNTRY" and name and not name[1:].isdigit() and name not in taken \
                and self.conn.execute(_ENTITY_EXISTS, {"id": name}).first() is None:
            return name
        return f"E{seq}"

    def next_entity_seq(self) -> int:
        """One past the highest entity number ever used, merged-away entities included, so ids are never reused."""
        top = self.conn.execute(_TOP_ENTITY_SEQ).scalar()
        for args in self.conn.execute(_MERGES).scalars():
            gone = json.loads(args).get("from", "")
            if gone[1:].isdigit():
                top = max(top, int(gone[1:]))
        return top + 1

    # linking one document: a few queries for all its entities ------------------
    def key_matches(self, keys: set[str], cap: int | None = None) -> list[tuple[str, str, str]]:
        """(key, type, entity id) for every stored key among `keys`; with `cap`, at most cap
        rows per key and type, so a common key costs the same however large the corpus grows."""
        out = []
        ordered = sorted(keys)
        for i in range(0, len(ordered), 500):
            chunk = {"keys": ordered[i:i + 500]}
            rows = self.conn.execute(_KEY_MATCHES, chunk) if cap is None else \
                self.conn.execute(_KEY_MATCHES_CAPPED, chunk | {"cap": cap})
            out += [tuple(r) for r in rows]
        return out

    def entities_by_id(self, ids: set[str]) -> dict[str, dict]:
        if not ids:
            return {}
        rows = self.conn.execute(_ENTITIES_BY_ID, {"ids": sorted(ids)}).mappings()
        return {r["id"]: dict(r) for r in rows}

    def keys_and_aliases(self, ids: set[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """The stored keys and aliases of entities `ids`, to insert only what is new."""
        keys: dict[str, set[str]] = {i: set() for i in ids}
        aliases: dict[str, set[str]] = {i: set() for i in ids}
        if ids:
            for eid, key in self.conn.execute(_KEYS_OF, {"ids": sorted(ids)}):
                keys[eid].add(key)
            for eid, alias in self.conn.execute(_ALIASES_OF, {"ids": sorted(ids)}):
                aliases[eid].add(alias)
        return keys, aliases

    def insert_many(self, table: str, rows: list[dict]) -> None:
        """Bulk insert into one of the entity tables (entities, entity_keys, entity_aliases, entity_roles, entity_links)."""
        if rows:
            self.conn.execute(t.metadata.tables[table].insert(), rows)

    def entity_mentions(self, entity_id: str) -> list[dict]:
        rows = self.conn.execute(select(t.mentions).where(t.mentions.c.entity_id == entity_id).order_by(t.mentions.c.id))
        return [dict(r) for r in rows.mappings()]

    def move_mentions(self, ids: list[int], new_id: str) -> None:
        if ids:
            self.conn.execute(update(t.mentions).where(t.mentions.c.id.in_(ids)).values(entity_id=new_id))

    def move_keys(self, old_id: str, new_id: str, keys: set[str]) -> None:
        if keys:
            c = t.entity_keys.c
            self.conn.execute(update(t.entity_keys).where(c.entity_id == old_id).where(c.key.in_(keys))
                              .values(entity_id=new_id))

    def aliases_of(self, entity_id: str) -> list[str]:
        c = t.entity_aliases.c
        return list(self.conn.execute(select(c.alias).where(c.entity_id == entity_id)).scalars())

    def move_aliases(self, old_id: str, new_id: str, aliases: set[str]) -> None:
        if aliases:
            c = t.entity_aliases.c
            self.conn.execute(delete(t.entity_aliases).where(c.entity_id == old_id).where(c.alias.in_(aliases)))
            self.add_aliases(new_id, sorted(aliases))

    def move_link(self, old_id: str, new_id: str, doc_id: str, local_key: str, reason: str) -> None:
        """The local entity `local_key` of `doc_id` now belongs to `new_id`; its events follow it."""
        c = t.entity_links.c
        self.conn.execute(update(t.entity_links).where(c.entity_id == old_id).where(c.doc_id == doc_id)
                          .where(c.local_key == local_key).values(entity_id=new_id, reason=reason))
        self.conn.execute(update(t.entity_roles).where(t.entity_roles.c.entity_id == old_id)
                          .where(t.entity_roles.c.doc_id == doc_id).values(entity_id=new_id))
        e = t.events.c
        for col in ("actor_id", "target_id", "source_id", "location_id"):
            self.conn.execute(update(t.events).where(e.doc_id == doc_id).where(e[col] == old_id).values({col: new_id}))

    def entity_links_of(self, entity_id: str) -> list[dict]:
        rows = self.conn.execute(select(t.entity_links).where(t.entity_links.c.entity_id == entity_id))
        return [dict(r) for r in rows.mappings()]
