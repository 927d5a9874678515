"""Event and story queries and writes (mixins for `Store` and `Writer`): all event SQL lives here.

The API's paged event and story reads are in graph_sql.py; what is here serves
ingest (assigning events to stories inside the document's transaction).
"""
from __future__ import annotations

from sqlalchemy import func, select, update

from . import schema as t


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
        c = t.entities.c
        q = select(c.id, c.type, c.country_id, c.name).where(c.id.in_(ids))
        return {r["id"]: dict(r) for r in self.conn.execute(q).mappings()}

    def stories_with_key(self, key: str) -> list[dict]:
        """Stories of one blocking key, the most recently seen first."""
        s = t.stories.c
        q = select(t.stories).where(s.key == key).order_by(s.seq.desc())
        return [dict(r) for r in self.conn.execute(q).mappings()]

    def create_story(self, **values) -> str:
        seq = self.conn.execute(select(func.coalesce(func.max(t.stories.c.seq), 0))).scalar() + 1
        story_id = f"S{seq}"
        self.conn.execute(t.stories.insert().values(seq=seq, id=story_id, **values))
        return story_id

    def update_story(self, story_id: str, **values) -> None:
        self.conn.execute(update(t.stories).where(t.stories.c.id == story_id).values(**values))
