"""Summary tables for the API (mixin for `Store`): counts derived from events and mentions.

A country named in every other article has tens of thousands of events; grouping
them on each request would make its page a hundred times slower than a rare
name's. The summaries (schema.graph_*) hold those groups. Events and mentions are
only ever appended, so a refresh adds what came in since the last one; an analyst's
correction (merge, split) moves existing rows and triggers a full rebuild. Readers
ask `summary_ready()` first and read the events themselves while a summary lags, so
answers are always current: only their speed depends on the summary.
"""
from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import case, func, or_, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from . import schema as t

log = logging.getLogger(__name__)

REFRESH_EVERY = 10.0  # seconds: while data keeps changing (an ingest running), refresh at most this often
CHECK_EVERY = 1.0  # seconds a freshness check is trusted within one process
UNDATED = "~"  # sorts after every YYYY-MM-DD date
KEYS = {  # summary table -> its key columns, the count columns summed and the date columns kept min / max
    t.graph_edges: (("actor_id", "target_id", "type", "modality"), ("count",), ("first_date",), ("last_date", "confidence")),
    t.graph_pairs: (("entity_id", "other_id"), ("events",), (), ()),
    t.graph_entity_counts: (("entity_id", "type", "modality"), ("count",), (), ()),
    t.graph_entity_docs: (("entity_id", "doc_id"), ("mentions",), (), ()),
}


def _state_now(conn: Connection) -> dict[str, int]:
    """What the data looks like now: the highest id of what the summaries depend on."""
    tops = {"events": func.max(t.events.c.seq), "mentions": func.max(t.mentions.c.id), "overrides": func.max(t.overrides.c.id)}
    return {name: int(conn.execute(select(top)).scalar() or 0) for name, top in tops.items()}


def _state_built(conn: Connection) -> dict[str, float]:
    return {k: float(v) for k, v in conn.execute(select(t.graph_state.c.key, t.graph_state.c.value)).all()}


# what to add: queries over the events (by seq) or mentions (by id) in since = (after, up to) ------
def _edges(since: int):
    c = t.events.c
    return (select(c.actor_id, c.target_id, c.type, c.modality, func.count().label("count"),
                   func.min(c.date).label("first_date"), func.max(c.date).label("last_date"),
                   func.max(c.confidence).label("confidence"))
            .where(c.seq > since[0], c.seq <= since[1], c.actor_id.is_not(None), c.target_id.is_not(None),
                   c.actor_id != c.target_id)
            .group_by(c.actor_id, c.target_id, c.type, c.modality))


def _pairs(since: int):
    edges = _edges(since).subquery()
    both = union_all(select(edges.c.actor_id.label("a"), edges.c.target_id.label("b"), edges.c["count"].label("n")),
                     select(edges.c.target_id, edges.c.actor_id, edges.c["count"])).subquery()
    return select(both.c.a.label("entity_id"), both.c.b.label("other_id"), func.sum(both.c.n).label("events")) \
        .group_by(both.c.a, both.c.b)


def _roles(since: int):
    """(entity_id, day, seq, type, modality) once per entity an event involves as actor, target or
    source (an actor who is also the source counts once); day is the event's date, else its document's."""
    c, d = t.events.c, t.documents.c
    day = func.coalesce(c.date, d.published, UNDATED)
    with_docs = t.events.outerjoin(t.documents, d.id == c.doc_id)
    earlier = {c.actor_id: [], c.target_id: [c.actor_id], c.source_id: [c.actor_id, c.target_id]}
    parts = [select(role.label("entity_id"), day.label("day"), c.seq, c.type, c.modality).select_from(with_docs)
             .where(c.seq > since[0], c.seq <= since[1], role.is_not(None), *[or_(e.is_(None), e != role) for e in before])
             for role, before in earlier.items()]
    return union_all(*parts).subquery()


def _entity_counts(since: int):
    roles = _roles(since)
    return select(roles.c.entity_id, roles.c.type, roles.c.modality, func.count().label("count")) \
        .group_by(roles.c.entity_id, roles.c.type, roles.c.modality)


def _entity_docs(since: int):
    m = t.mentions.c
    return (select(m.entity_id, m.doc_id, func.count().label("mentions")).where(m.id > since[0], m.id <= since[1])
            .group_by(m.entity_id, m.doc_id))


def _entity_events(since: int):
    roles = _roles(since)
    return select(roles.c.entity_id, roles.c.day, roles.c.seq).order_by(roles.c.entity_id, roles.c.day, roles.c.seq)


def _rebuild(conn: Connection, now: dict[str, int]) -> None:
    events, mentions = (0, now["events"]), (0, now["mentions"])
    for table, query in ((t.graph_edges, _edges(events)), (t.graph_pairs, _pairs(events)),
                         (t.graph_entity_counts, _entity_counts(events)), (t.graph_entity_docs, _entity_docs(mentions)),
                         (t.graph_entity_events, _entity_events(events))):
        conn.execute(table.delete())
        conn.execute(table.insert().from_select([c.name for c in table.columns], query))


def _upsert(conn: Connection, table, rows: list[dict]) -> None:
    """Add grouped `rows` into `table` in one statement: counts summed, dates kept earliest / latest."""
    from sqlalchemy.dialects import postgresql, sqlite

    keys, sums, mins, maxs = KEYS[table]
    stmt = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}[conn.dialect.name](table)
    new, old = stmt.excluded, table.c
    values = {k: old[k] + new[k] for k in sums}
    values |= {k: case((new[k].is_(None), old[k]), (old[k].is_(None), new[k]), (new[k] < old[k], new[k]), else_=old[k])
               for k in mins}
    values |= {k: case((new[k].is_(None), old[k]), (old[k].is_(None), new[k]), (new[k] > old[k], new[k]), else_=old[k])
               for k in maxs}
    conn.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=values), rows)


def _add_since(conn: Connection, built: dict[str, float], now: dict[str, int]) -> None:
    events, mentions = (int(built["events"]), now["events"]), (int(built["mentions"]), now["mentions"])
    for table, query in ((t.graph_edges, _edges(events)), (t.graph_pairs, _pairs(events)),
                         (t.graph_entity_counts, _entity_counts(events)), (t.graph_entity_docs, _entity_docs(mentions))):
        rows = [dict(r) for r in conn.execute(query).mappings()]
        if rows:
            _upsert(conn, table, rows)
    conn.execute(t.graph_entity_events.insert().from_select(["entity_id", "day", "seq"], _entity_events(events)))


class GraphSummary:
    """Keeps the summary tables current and tells readers whether they can be trusted."""

    summaries = True  # False: always read the events themselves (tests compare both ways)

    def summary_ready(self) -> bool:
        """True when the summaries describe the data as it is. A lagging one is refreshed in a
        background thread (at most every REFRESH_EVERY seconds), never while a request waits."""
        if not self.summaries:
            return False
        now = time.monotonic()
        memo = self.__dict__.get("_summary_memo")
        if memo and now - memo[0] < CHECK_EVERY:
            return memo[1]
        with self.reading() as conn:
            current, built = _state_now(conn), _state_built(conn)
        ready = all(built.get(k) == v for k, v in current.items())
        if not ready:
            self._refresh_later(built.get("built_at", 0.0))
        self._summary_memo = (now, ready)
        return ready

    def _refresh_later(self, built_at: float) -> None:
        tried = self.__dict__.get("_summary_tried", 0.0)
        if time.time() - max(built_at, tried) < REFRESH_EVERY:
            return
        self._summary_tried = time.time()
        threading.Thread(target=self.refresh_summary, kwargs={"blocking": False}, daemon=True,
                         name="newsgraph-summaries").start()

    def refresh_summary(self, blocking: bool = True, full: bool = False) -> bool:
        """Bring the summaries up to date in one transaction: add what was appended since the last
        refresh, or rebuild them all after a correction. False when it could not be done now."""
        lock = self.__dict__.setdefault("_summary_lock", threading.Lock())
        if not lock.acquire(blocking=blocking):
            return False
        started = time.perf_counter()
        try:
            with self.transaction() as writer:
                conn = writer.conn
                current, built = _state_now(conn), _state_built(conn)
                rebuild = (full or "events" not in built or built.get("overrides") != current["overrides"]
                           or conn.dialect.name not in ("sqlite", "postgresql"))
                _rebuild(conn, current) if rebuild else _add_since(conn, built, current)
                conn.execute(t.graph_state.delete())
                conn.execute(t.graph_state.insert(), [{"key": k, "value": repr(v)} for k, v in
                                                      (current | {"built_at": time.time()}).items()])
            self._summary_memo = (time.monotonic(), True)
            log.info("graph summaries %s in %.1f s", "rebuilt" if rebuild else "refreshed", time.perf_counter() - started)
            return True
        except SQLAlchemyError as exc:  # a read-only database, a lock held too long: read the events instead
            log.warning("graph summaries not refreshed (%s); reading events directly", exc.__class__.__name__)
            return False
        finally:
            lock.release()

    def rebuild_summary(self) -> bool:
        return self.refresh_summary(full=True)
