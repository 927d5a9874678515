"""Reads for the HTTP API, the web UI and the graph exports (mixin for `Store`).

Every list is paged in SQL and every aggregate (mention counts, edge weights) is
computed by the database, so a page costs the same on ten documents or on a
hundred thousand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from sqlalchemy import and_, case, func, or_, select, text, union_all
from sqlalchemy.sql import Select

from . import schema as t
from .backends import TS_CONFIG, tsquery
from .graph_summary import UNDATED, GraphSummary

IN_CHUNK = 500  # ids per IN (...) list: below SQLite's and PostgreSQL's parameter limits
HIT_START, HIT_END = "\x02", "\x03"  # snippet markers, turned into structure by query/search.py


@dataclass
class EventFilter:
    """Which events a list, ledger, graph or export is about; empty fields match everything."""

    types: list[str] = field(default_factory=list)
    modalities: list[str] = field(default_factory=list)
    actor: str | None = None
    target: str | None = None
    source: str | None = None
    entity: str | None = None  # actor, target or source
    story: str | None = None
    stories_of: str | None = None  # events of the stories whose actor or target is this entity
    doc: str | None = None
    date_from: str | None = None  # YYYY[-MM[-DD]]; an event dated 2025-03 matches 2025-03-14
    date_to: str | None = None
    min_confidence: float | None = None

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) not in (None, []) for f in fields(self))


def _chunks(ids) -> list[list]:
    ids = list(dict.fromkeys(i for i in ids if i is not None))
    return [ids[i:i + IN_CHUNK] for i in range(0, len(ids), IN_CHUNK)]


def _event_conditions(f: EventFilter) -> list:
    c = t.events.c
    cond = []
    for column, value in ((c.actor_id, f.actor), (c.target_id, f.target), (c.source_id, f.source),
                          (c.story_id, f.story), (c.doc_id, f.doc)):
        if value:
            cond.append(column == value)
    if f.entity:
        cond.append(or_(c.actor_id == f.entity, c.target_id == f.entity, c.source_id == f.entity))
    if f.stories_of:
        s = t.stories.c
        cond.append(c.story_id.in_(select(s.id).where(or_(s.actor_id == f.stories_of, s.target_id == f.stories_of))))
    if f.types:
        cond.append(c.type.in_(f.types))
    if f.modalities:
        cond.append(c.modality.in_(f.modalities))
    if f.min_confidence is not None:
        cond.append(c.confidence >= f.min_confidence)
    if f.date_from:  # "2025-03" + "~" sorts after every day of March 2025
        cond.append(c.date.concat("~") >= f.date_from)
    if f.date_to:
        cond.append(c.date <= f.date_to)
    return cond


def _only(f: EventFilter | None, *names: str) -> bool:
    """Whether `f` narrows events by nothing but the fields `names`."""
    return f is None or all(getattr(f, x.name) in (None, []) for x in fields(f) if x.name not in names)


def _filtered(q: Select, f: EventFilter | None) -> Select:
    return q.where(*_event_conditions(f)) if f is not None else q


def _page(q: Select, limit: int | None, offset: int) -> Select:
    q = q.offset(offset) if offset else q
    return q.limit(limit) if limit is not None else q


def fts_query(q: str) -> str:
    """A user's words as an FTS5 query: every word required, the last one as a prefix."""
    words = re.findall(r"\w+", q)
    if not words:
        return ""
    quoted = ['"' + w.replace('"', "") + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


class GraphReads(GraphSummary):
    """Paged and aggregated reads behind the API, the UI and the graph exports; the heavy
    aggregates come from the summary tables when they are current (see graph_summary.py)."""

    # entities --------------------------------------------------------------
    def entities_by_id(self, ids) -> dict[str, dict]:
        """Entity rows by id, for any number of ids."""
        out: dict[str, dict] = {}
        with self.reading() as conn:
            for chunk in _chunks(ids):
                for row in conn.execute(select(t.entities).where(t.entities.c.id.in_(chunk))).mappings():
                    out[row["id"]] = dict(row)
        return out

    def entity_page(self, type: str | None = None, country: str | None = None, order: str = "name",
                    limit: int | None = 50, offset: int = 0) -> tuple[list[dict], int]:
        """A page of entities of a type and/or country, ordered by name, id or mentions."""
        e = t.entities.c
        cond = [c for c in ((e.type == type) if type else None, (e.country_id == country) if country else None)
                if c is not None]
        total_q = select(func.count()).select_from(t.entities).where(*cond)
        q = select(t.entities).where(*cond)
        if order == "mentions":
            counts = (select(t.mentions.c.entity_id, func.count().label("n"))
                      .group_by(t.mentions.c.entity_id).subquery())
            q = (select(t.entities, func.coalesce(counts.c.n, 0).label("mention_count"))
                 .outerjoin(counts, counts.c.entity_id == e.id).where(*cond)
                 .order_by(func.coalesce(counts.c.n, 0).desc(), e.seq))
        else:
            q = q.order_by(e.name, e.seq) if order == "name" else q.order_by(e.seq)
        with self.reading() as conn:
            total = conn.execute(total_q).scalar()
            rows = [dict(r) for r in conn.execute(_page(q, limit, offset)).mappings()]
        return rows, total

    def match_entities(self, q: str, types: list[str] | None = None, limit: int = 200) -> list[dict]:
        """Entities whose name or an alias contains `q` (any case), with the text that matched."""
        needle = q.strip().lower()
        if not needle:
            return []
        e, a = t.entities.c, t.entity_aliases.c
        by_name = select(e.id, e.name.label("matched")).where(func.lower(e.name).contains(needle, autoescape=True))
        by_alias = select(a.entity_id.label("id"), a.alias.label("matched")).where(
            func.lower(a.alias).contains(needle, autoescape=True))
        if types:
            by_name = by_name.where(e.type.in_(types))
            by_alias = by_alias.join(t.entities, e.id == a.entity_id).where(e.type.in_(types))
        found: dict[str, list[str]] = {}
        with self.reading() as conn:
            for query in (by_name, by_alias):
                for eid, matched in conn.execute(query.limit(limit)):
                    found.setdefault(eid, []).append(matched)
        entities = self.entities_by_id(found)
        return [entities[i] | {"matched": found[i]} for i in found if i in entities]

    def aliases_by_entity(self, ids) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        a = t.entity_aliases.c
        with self.reading() as conn:
            for chunk in _chunks(ids):
                for eid, alias in conn.execute(select(a.entity_id, a.alias).where(a.entity_id.in_(chunk))):
                    out.setdefault(eid, []).append(alias)
        return {k: sorted(set(v)) for k, v in out.items()}

    def roles_by_entity(self, ids) -> dict[str, list[dict]]:
        """Each entity's distinct (role, country), with the first document it was seen in and how
        many documents state it, most stated first."""
        out: dict[str, list[dict]] = {}
        r = t.entity_roles.c
        docs = func.count(func.distinct(r.doc_id))
        q = (select(r.entity_id, r.role, r.country, func.min(r.doc_id).label("doc_id"), docs.label("documents"))
             .group_by(r.entity_id, r.role, r.country).order_by(r.entity_id, docs.desc(), r.role))
        with self.reading() as conn:
            for chunk in _chunks(ids):
                for row in conn.execute(q.where(r.entity_id.in_(chunk))).mappings():
                    out.setdefault(row["entity_id"], []).append(dict(row))
        return out

    def mention_counts(self, ids=None) -> dict[str, int]:
        """Mentions per entity, for `ids` or (None) every entity."""
        m = t.mentions.c
        out: dict[str, int] = {}
        with self.reading() as conn:
            if ids is None:
                return dict(conn.execute(select(m.entity_id, func.count()).group_by(m.entity_id)).all())
            for chunk in _chunks(ids):
                q = select(m.entity_id, func.count()).where(m.entity_id.in_(chunk)).group_by(m.entity_id)
                out.update(dict(conn.execute(q).all()))
        return out

    def mention_page(self, entity_id: str, doc: str | None = None, limit: int | None = 50,
                     offset: int = 0) -> tuple[list[dict], int]:
        m = t.mentions.c
        cond = [m.entity_id == entity_id] + ([m.doc_id == doc] if doc else [])
        q = select(m.doc_id, m.start, m.end, m.text).where(*cond).order_by(m.id)
        with self.reading() as conn:
            total = conn.execute(select(func.count()).select_from(t.mentions).where(*cond)).scalar()
            rows = [dict(r) for r in conn.execute(_page(q, limit, offset)).mappings()]
        return rows, total

    def documents_mentioning(self, entity_id: str, limit: int | None = 50,
                             offset: int = 0) -> tuple[list[dict], int]:
        """The documents that mention an entity, most mentions first, with their titles."""
        m, d, s = t.mentions.c, t.documents.c, t.graph_entity_docs.c
        if self.summary_ready():
            counts = select(s.doc_id, s.mentions).where(s.entity_id == entity_id).subquery()
        else:
            counts = (select(m.doc_id, func.count().label("mentions")).where(m.entity_id == entity_id)
                      .group_by(m.doc_id).subquery())
        q = (select(counts.c.doc_id, counts.c.mentions, d.name, d.title, d.published)
             .join(t.documents, d.id == counts.c.doc_id).order_by(counts.c.mentions.desc(), counts.c.doc_id.desc()))
        with self.reading() as conn:
            total = conn.execute(select(func.count()).select_from(counts)).scalar()
            rows = [dict(r) for r in conn.execute(_page(q, limit, offset)).mappings()]
        return rows, total

    def mentions_in(self, doc_id: str) -> list[dict]:
        """Every mention in one document, with the entity it belongs to."""
        m, e = t.mentions.c, t.entities.c
        q = (select(m.start, m.end, m.text, m.entity_id, e.name, e.type)
             .join(t.entities, e.id == m.entity_id).where(m.doc_id == doc_id).order_by(m.start, m.id))
        with self.reading() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    # documents -------------------------------------------------------------
    def document_page(self, status: str | None = None, limit: int | None = 50,
                      offset: int = 0) -> tuple[list[dict], int]:
        """Document headers (no text), in ingest order."""
        d = t.documents.c
        cond = [d.status == status] if status else []
        cols = [d.id, d.name, d.title, d.published, d.outlet, d.url, d.language, d.status, d.duplicate_of,
                func.length(d.text).label("chars")]
        q = select(*cols).where(*cond).order_by(d.seq)
        with self.reading() as conn:
            total = conn.execute(select(func.count()).select_from(t.documents).where(*cond)).scalar()
            rows = [dict(r) for r in conn.execute(_page(q, limit, offset)).mappings()]
        return rows, total

    def document_headers(self, ids) -> dict[str, dict]:
        d = t.documents.c
        out: dict[str, dict] = {}
        with self.reading() as conn:
            for chunk in _chunks(ids):
                q = select(d.id, d.name, d.title, d.published, d.url, d.outlet).where(d.id.in_(chunk))
                out.update({r["id"]: dict(r) for r in conn.execute(q).mappings()})
        return out

    def evidence_texts(self, spans: list[tuple[str, int, int]]) -> dict[tuple[str, int, int], str]:
        """The exact text of (doc, start, end) spans, cut from the stored text of each document."""
        d = t.documents.c
        texts: dict[str, str] = {}
        with self.reading() as conn:
            for chunk in _chunks(doc for doc, _, _ in spans):
                texts.update(conn.execute(select(d.id, d.text).where(d.id.in_(chunk))).all())
        return {(doc, a, b): texts[doc][a:b] for doc, a, b in spans if doc in texts}

    def search_documents(self, q: str, limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
        """Documents matching every word of `q`, best first, with a snippet around the hits."""
        if self.backend == "sqlite":
            return self._search_sqlite(q, limit, offset)
        return self._search_postgres(q, limit, offset)

    def _search_sqlite(self, q: str, limit: int, offset: int) -> tuple[list[dict], int]:
        match = fts_query(q)
        if not match:
            return [], 0
        hits = text(
            "SELECT d.id, d.name, d.title, d.published, "
            "snippet(documents_fts, 1, :a, :b, '…', 24) AS snippet "
            "FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid "
            "WHERE documents_fts MATCH :m ORDER BY bm25(documents_fts, 4.0, 1.0), d.seq LIMIT :l OFFSET :o")
        count = text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :m")
        with self.reading() as conn:
            total = conn.execute(count, {"m": match}).scalar()
            rows = conn.execute(hits, {"m": match, "a": HIT_START, "b": HIT_END, "l": limit, "o": offset})
            return [dict(r) for r in rows.mappings()], total

    def _search_postgres(self, q: str, limit: int, offset: int) -> tuple[list[dict], int]:
        words = tsquery(q)  # same words, same prefix rule as fts_query: the same documents as SQLite
        if not words:
            return [], 0
        hits = text(
            f"SELECT d.id, d.name, d.title, d.published, ts_headline('{TS_CONFIG}', d.text, query, "
            "'StartSel=' || :a || ', StopSel=' || :b || ', MaxWords=30, MinWords=12') AS snippet "
            f"FROM documents d, to_tsquery('{TS_CONFIG}', :w) query WHERE d.tsv @@ query "
            "ORDER BY ts_rank(d.tsv, query) DESC, d.seq LIMIT :l OFFSET :o")
        count = text(f"SELECT count(*) FROM documents WHERE tsv @@ to_tsquery('{TS_CONFIG}', :w)")
        with self.reading() as conn:
            total = conn.execute(count, {"w": words}).scalar()
            rows = conn.execute(hits, {"w": words, "a": HIT_START, "b": HIT_END, "l": limit, "o": offset})
            return [dict(r) for r in rows.mappings()], total

    # events ----------------------------------------------------------------
    def event_page(self, f: EventFilter | None = None, order: str = "seq", limit: int | None = 50,
                   offset: int = 0) -> tuple[list[dict], int]:
        """A page of event rows matching `f` (with their document's publication date): in ingest
        order ("seq"), by date ("date": the event's, else its document's; undated last) or latest
        first ("recent")."""
        if order != "seq" and f is not None and f.entity and _only(f, "entity") and self.summary_ready():
            return self._entity_event_page(f.entity, order, limit, offset)
        c, d = t.events.c, t.documents.c
        day = func.coalesce(c.date, d.published, UNDATED)
        q = _filtered(select(t.events, d.published).outerjoin(t.documents, d.id == c.doc_id), f)
        q = q.order_by(*{"seq": [c.seq], "date": [day, c.seq], "recent": [day.desc(), c.seq.desc()]}[order])
        with self.reading() as conn:
            total = conn.execute(_filtered(select(func.count()).select_from(t.events), f)).scalar()
            rows = [dict(r) for r in conn.execute(_page(q, limit, offset)).mappings()]
        return rows, total

    def _entity_event_page(self, entity_id: str, order: str, limit: int | None, offset: int) -> tuple[list[dict], int]:
        """event_page for one entity's events by date, read in order from graph_entity_events."""
        s, c, d = t.graph_entity_events.c, t.events.c, t.documents.c
        by = [s.day, s.seq] if order == "date" else [s.day.desc(), s.seq.desc()]
        page = _page(select(s.seq).where(s.entity_id == entity_id).order_by(*by), limit, offset)
        with self.reading() as conn:
            counts = t.graph_entity_counts.c  # every event of the entity, once
            total = conn.execute(select(func.coalesce(func.sum(counts["count"]), 0))
                                 .where(counts.entity_id == entity_id)).scalar()
            seqs = list(conn.execute(page).scalars())
            q = select(t.events, d.published).outerjoin(t.documents, d.id == c.doc_id).where(c.seq.in_(seqs))
            rows = {r["seq"]: dict(r) for r in conn.execute(q).mappings()}
        return [rows[n] for n in seqs if n in rows], total

    def events_by_id(self, ids) -> dict[str, dict]:
        out: dict[str, dict] = {}
        with self.reading() as conn:
            for chunk in _chunks(ids):
                q = select(t.events).where(t.events.c.id.in_(chunk))
                out.update({r["id"]: dict(r) for r in conn.execute(q).mappings()})
        return out

    def event_counts(self, f: EventFilter, column: str) -> dict[str, int]:
        """How many events matching `f` there are by `column` (type, modality, ...)."""
        col = t.events.c[column]
        q = _filtered(select(col, func.count()).group_by(col), f)
        if f.entity and _only(f, "entity") and column in ("type", "modality") and self.summary_ready():
            s = t.graph_entity_counts.c
            q = select(s[column], func.sum(s["count"])).where(s.entity_id == f.entity).group_by(s[column])
        with self.reading() as conn:
            return {k: n for k, n in conn.execute(q).all()}

    def edge_weights(self, ids, f: EventFilter | None = None, within: bool = False,
                     limit: int | None = None) -> list[dict]:
        """Events between two entities touching `ids` (both ends in `ids` when `within`), counted
        by actor, target, type and modality, with their first and last dates; the `limit`
        heaviest when given."""
        if _only(f, "types", "modalities") and self.summary_ready():
            c = t.graph_edges.c
            base = select(t.graph_edges)
            base = base.where(c.type.in_(f.types)) if f and f.types else base
            base = base.where(c.modality.in_(f.modalities)) if f and f.modalities else base
            weight, groups = c["count"], ()
        else:
            c = t.events.c
            weight = func.count()
            cols = [c.actor_id, c.target_id, c.type, c.modality, weight.label("count"),
                    func.min(c.date).label("first_date"), func.max(c.date).label("last_date"),
                    func.max(c.confidence).label("confidence")]
            base = _filtered(select(*cols), f).where(c.actor_id.is_not(None), c.target_id.is_not(None),
                                                     c.actor_id != c.target_id)
            groups = (c.actor_id, c.target_id, c.type, c.modality)
        heaviest = (weight.desc(), c.actor_id, c.target_id, c.type, c.modality)
        key = ("actor_id", "target_id", "type", "modality")
        out: dict[tuple, dict] = {}
        with self.reading() as conn:
            for chunk in _chunks(ids):
                if within:
                    queries = [base.where(c.actor_id.in_(chunk), c.target_id.in_(list(ids)))]
                else:
                    queries = [base.where(c.actor_id.in_(chunk)), base.where(c.target_id.in_(chunk))]
                for q in queries:
                    q = q.group_by(*groups) if groups else q
                    q = q.order_by(*heaviest).limit(limit) if limit is not None else q
                    for row in conn.execute(q).mappings():
                        out[tuple(row[k] for k in key)] = dict(row)
        edges = sorted(out.values(), key=lambda e: (-e["count"], *(e[k] for k in key)))
        return edges[:limit] if limit is not None else edges

    def top_neighbours(self, ids, f: EventFilter | None = None, per_node: int = 100) -> list[dict]:
        """For each of `ids`, the `per_node` entities it has most events with (most events first,
        then id descending): [{id, other, events}]."""
        if _only(f, "types", "modalities") and self.summary_ready():
            return self._summary_neighbours(ids, f, per_node)
        weights: dict[tuple[str, str], int] = {}
        wanted = set(ids)
        for e in self.edge_weights(ids, f):
            for me, other in ((e["actor_id"], e["target_id"]), (e["target_id"], e["actor_id"])):
                if me in wanted:
                    weights[me, other] = weights.get((me, other), 0) + e["count"]
        ranked = sorted(sorted(weights.items(), key=lambda kv: kv[0][1], reverse=True), key=lambda kv: (kv[0][0], -kv[1]))
        taken: dict[str, int] = {}
        out = []
        for (a, b), n in ranked:
            taken[a] = taken.get(a, 0) + 1
            if taken[a] <= per_node:
                out.append({"id": a, "other": b, "events": n})
        return out

    def _summary_neighbours(self, ids, f: EventFilter | None, per_node: int) -> list[dict]:
        p, g = t.graph_pairs.c, t.graph_edges.c
        out = []
        with self.reading() as conn:
            for entity_id in dict.fromkeys(ids):
                if _only(f):
                    q = select(p.other_id, p.events).where(p.entity_id == entity_id)
                    q = q.order_by(p.events.desc(), p.other_id.desc())
                else:
                    sides = []
                    for me, other in ((g.actor_id, g.target_id), (g.target_id, g.actor_id)):
                        side = select(other.label("other"), g["count"].label("n")).where(me == entity_id)
                        side = side.where(g.type.in_(f.types)) if f.types else side
                        sides.append(side.where(g.modality.in_(f.modalities)) if f.modalities else side)
                    both = union_all(*sides).subquery()
                    total = func.sum(both.c.n)
                    q = select(both.c.other, total).group_by(both.c.other).order_by(total.desc(), both.c.other.desc())
                out += [{"id": entity_id, "other": o, "events": n} for o, n in conn.execute(q.limit(per_node))]
        return out

    def neighbour_weights(self, entity_id: str, f: EventFilter | None = None, limit: int = 20) -> list[dict]:
        """The entities an entity has most events with (as actor or target), with counts."""
        if _only(f) and self.summary_ready():
            p = t.graph_pairs.c
            q = (select(p.other_id.label("id"), p.events).where(p.entity_id == entity_id)
                 .order_by(p.events.desc(), p.other_id.desc()).limit(limit))
            with self.reading() as conn:
                return [dict(r) for r in conn.execute(q).mappings()]
        c = t.events.c
        other = case((c.actor_id == entity_id, c.target_id), else_=c.actor_id)
        q = (_filtered(select(other.label("id"), func.count().label("events")), f)
             .where(or_(and_(c.actor_id == entity_id, c.target_id.is_not(None)),
                        and_(c.target_id == entity_id, c.actor_id.is_not(None))), other != entity_id)
             .group_by(other).order_by(func.count().desc(), other.desc()).limit(limit))
        with self.reading() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def events_touching(self, ids, f: EventFilter | None = None) -> list[dict]:
        """Event rows matching `f` whose actor or target is one of `ids`, in ingest order."""
        c = t.events.c
        out: dict[str, dict] = {}
        with self.reading() as conn:
            for chunk in _chunks(ids):
                q = _filtered(select(t.events), f).where(or_(c.actor_id.in_(chunk), c.target_id.in_(chunk)))
                out.update({r["id"]: dict(r) for r in conn.execute(q).mappings()})
        return sorted(out.values(), key=lambda r: r["seq"])

    def mention_pairs(self, ids=None) -> list[dict]:
        """How often each entity (of `ids`, or all) is mentioned in each document."""
        m = t.mentions.c
        q = select(m.entity_id, m.doc_id, func.count().label("count"), func.min(m.text).label("text"))
        q = q.group_by(m.entity_id, m.doc_id)
        with self.reading() as conn:
            if ids is None:
                return [dict(r) for r in conn.execute(q.order_by(m.entity_id, m.doc_id)).mappings()]
            return [dict(r) for chunk in _chunks(ids) for r in conn.execute(q.where(m.entity_id.in_(chunk))).mappings()]

    # stories ---------------------------------------------------------------
    def story_page(self, entity: str | None = None, limit: int | None = 50, offset: int = 0) -> tuple[list[dict], int]:
        s = t.stories.c
        cond = [or_(s.actor_id == entity, s.target_id == entity)] if entity else []
        counts = (select(t.events.c.story_id, func.count().label("events"),
                         func.count(func.distinct(t.events.c.doc_id)).label("documents"))
                  .where(t.events.c.story_id.is_not(None)).group_by(t.events.c.story_id).subquery())
        q = (select(t.stories, func.coalesce(counts.c.events, 0).label("events"),
                    func.coalesce(counts.c.documents, 0).label("documents"))
             .outerjoin(counts, counts.c.story_id == s.id).where(*cond).order_by(s.seq))
        with self.reading() as conn:
            total = conn.execute(select(func.count()).select_from(t.stories).where(*cond)).scalar()
            rows = [dict(r) for r in conn.execute(_page(q, limit, offset)).mappings()]
        return rows, total

    def story_row(self, story_id: str) -> dict | None:
        with self.reading() as conn:
            row = conn.execute(select(t.stories).where(t.stories.c.id == story_id)).mappings().first()
        return dict(row) if row else None

