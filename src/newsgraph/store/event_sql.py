"""Event and story queries and writes (mixins for `Store` and `Writer`): all event SQL lives here.

The API's paged event and story reads are in graph_sql.py; what is here serves
ingest (assigning events to stories inside the document's transaction).
"""
from __future__ import annotations

from sqlalchemy import bindparam, func, select, update

from . import schema as t

# Built once, so ingest reuses their compiled form (see entity_sql.py).
_PARTIES = select(t.entities.c.id, t.entities.c.type, t.entities.c.country_id, t.entities.c.name).where(
    t.entities.c.id.in_(bindparam("ids", expanding=True)))
_STORIES_WITH_KEYS = select(t.stories).where(t.stories.c.key.in_(bindparam("keys", expanding=True))).order_by(
    t.stories.c.seq.desc())
_TOP_STORY_SEQ = select(func.coalesce(func.max(t.stories.c.seq), 0))


class EventReads:
    """Read queries about events, claims and stories, mixed into `Store`."""

    def story_rows(self, entity: str | None = None) -> list[dict]:
        """Every story (whose actor or target is `entity`, when given), oldest first."""
        s = t.stories.c
        q = select(t.stories).order_by(s.seq)
        if entity:
            q = q.where((s.actor_id == entity) | (s.target_id == entity))
        with self.reading() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]


class EventWrites:
    """Event and story writes inside one transaction, mixed into `Writer`."""

    def party_rows(self, ids) -> dict[str, dict]:
        """id -> {type, country_id, name} for the entities an event refers to."""
        ids = [i for i in set(ids) if i]
        if not ids:
            return {}
        return {r["id"]: dict(r) for r in self.conn.execute(_PARTIES, {"ids": ids}).mappings()}

    def stories_with_keys(self, keys: set[str]) -> dict[str, list[dict]]:
        """Stories of each blocking key, the most recently seen first: one query for a document's events."""
        found: dict[str, list[dict]] = {key: [] for key in keys}
        if keys:
            for r in self.conn.execute(_STORIES_WITH_KEYS, {"keys": sorted(keys)}).mappings():
                found[r["key"]].append(dict(r))
        return found

    def next_story_seq(self) -> int:
        return self.conn.execute(_TOP_STORY_SEQ).scalar() + 1

    def insert_stories(self, rows: list[dict]) -> None:
        if rows:
            self.conn.execute(t.stories.insert(), rows)

    def update_story(self, story_id: str, **values) -> None:
        self.conn.execute(update(t.stories).where(t.stories.c.id == story_id).values(**values))
