"""Entities, events, claims, stories and ego networks as plain records for the API, UI and exports.

Records keep the field names of the JSON Lines export (shared/EXPORT-SCHEMA.md).
Responses that refer to entities or documents by id carry an `entities` (and
`documents`) map of id -> name, type, title, so a client can label what it shows
without a request per id.
"""
from __future__ import annotations

from collections import Counter

from ..errors import NotFound
from ..store import Store
from ..store.graph_sql import EventFilter
from ..stories.ledger import corroboration

MODALITIES = ("asserted", "alleged", "denied", "planned")
LEDGER_EVENTS = 300  # the latest events read into one claims ledger


def page(items: list, total: int, limit: int | None, offset: int, **extra) -> dict:
    """One page of a list, with what a client needs to ask for the next one."""
    more = limit is not None and offset + len(items) < total
    return {"items": items, "total": total, "limit": limit, "offset": offset,
            "next_offset": offset + len(items) if more else None} | extra


def entity_labels(store: Store, ids) -> dict[str, dict]:
    """id -> {name, type, country} for every id that exists."""
    return {i: {"name": r["name"], "type": r["type"], "country": r["country_id"]}
            for i, r in store.entities_by_id(ids).items()}


def doc_labels(store: Store, ids) -> dict[str, dict]:
    return {i: {"name": r["name"], "title": r["title"], "published": r["published"]}
            for i, r in store.document_headers(ids).items()}


def entity_records(store: Store, rows: list[dict]) -> list[dict]:
    """Entity rows as export records: id, name, type, aliases, country, roles."""
    ids = [r["id"] for r in rows]
    aliases, roles = store.aliases_by_entity(ids), store.roles_by_entity(ids)
    return [{"id": r["id"], "name": r["name"], "type": r["type"], "aliases": aliases.get(r["id"], []),
             "country": r["country_id"],
             "roles": list(dict.fromkeys(x["role"] for x in roles.get(r["id"], [])))} for r in rows]


def entity(store: Store, entity_id: str) -> dict:
    row = store.entities_by_id([entity_id]).get(entity_id)
    if row is None:
        raise NotFound(f"no entity {entity_id!r}: find its id by name with `newsgraph entities --q NAME` "
                       f"or /api/search/entities?q=NAME")
    return entity_records(store, [row])[0] | {"locked_name": bool(row.get("locked_name"))}


def entity_detail(store: Store, entity_id: str, mentions: int = 50, documents: int = 50, neighbours: int = 20) -> dict:
    """One entity with its aliases, roles (and where they were seen), mentions by document,
    neighbours in the event graph and counts of its events by type and modality."""
    rec = entity(store, entity_id)
    mention_rows, mention_total = store.mention_page(entity_id, limit=mentions)
    doc_rows, doc_total = store.documents_mentioning(entity_id, limit=documents)
    near = store.neighbour_weights(entity_id, limit=neighbours)
    seen = EventFilter(entity=entity_id)
    roles = store.roles_by_entity([entity_id]).get(entity_id, [])
    rec |= {
        "roles_seen": [{"role": r["role"], "country": r["country"], "doc": r["doc_id"], "documents": r["documents"]}
                       for r in roles],
        "mention_count": mention_total,
        "mentions": [{"doc": m["doc_id"], "start": m["start"], "end": m["end"], "text": m["text"]} for m in mention_rows],
        "documents": {"total": doc_total, "items": [
            {"doc": d["doc_id"], "name": d["name"], "title": d["title"], "published": d["published"],
             "mentions": d["mentions"]} for d in doc_rows]},
        "neighbours": near,
        "events_by_type": store.event_counts(seen, "type"),
        "events_by_modality": store.event_counts(seen, "modality"),
    }
    rec["entities"] = entity_labels(store, [rec["country"]] + [n["id"] for n in near])
    return rec


def neighbours(store: Store, entity_id: str, f: EventFilter | None = None, limit: int = 50) -> dict:
    entity(store, entity_id)
    near = store.neighbour_weights(entity_id, f, limit=limit)
    return {"entity": entity_id, "items": near, "entities": entity_labels(store, [n["id"] for n in near])}


def entities_page(store: Store, type: str | None = None, country: str | None = None, order: str = "name",
                  limit: int = 50, offset: int = 0) -> dict:
    rows, total = store.entity_page(type=type, country=country, order=order, limit=limit, offset=offset)
    items = entity_records(store, rows)
    if order == "mentions":
        for item, row in zip(items, rows):
            item["mention_count"] = row["mention_count"]
    return page(items, total, limit, offset, entities=entity_labels(store, [i["country"] for i in items]))


def mentions_page(store: Store, entity_id: str, doc: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    entity(store, entity_id)
    rows, total = store.mention_page(entity_id, doc=doc, limit=limit, offset=offset)
    items = [{"doc": m["doc_id"], "start": m["start"], "end": m["end"], "text": m["text"]} for m in rows]
    return page(items, total, limit, offset, documents=doc_labels(store, [i["doc"] for i in items]))


# events --------------------------------------------------------------------
def event_records(store: Store, rows: list[dict]) -> list[dict]:
    """Event rows as export records, with the evidence text cut from the stored document."""
    spans = [(r["doc_id"], r["ev_start"], r["ev_end"]) for r in rows]
    texts = store.evidence_texts(spans)
    out = []
    for r, span in zip(rows, spans):
        rec = {"id": r["id"], "doc": r["doc_id"], "type": r["type"], "mode": r["mode"], "actor": r["actor_id"],
               "target": r["target_id"], "object": r["object"], "modality": r["modality"], "source": r["source_id"],
               "date": r["date"], "location": r["location_id"],
               "evidence": {"start": r["ev_start"], "end": r["ev_end"], "text": texts.get(span, "")},
               "confidence": r["confidence"], "rule": r["rule"], "story": r["story_id"]}
        if "published" in r:
            rec["published"] = r["published"]
        out.append(rec)
    return out


def parties(events: list[dict]) -> set[str]:
    return {e[k] for e in events for k in ("actor", "target", "source", "location") if e.get(k)}


def labelled(store: Store, events: list[dict], **extra) -> dict:
    """Events with the labels of the entities and documents they refer to."""
    return extra | {"entities": entity_labels(store, parties(events)),
                    "documents": doc_labels(store, {e["doc"] for e in events})}


def events_page(store: Store, f: EventFilter | None = None, order: str = "seq", limit: int = 50, offset: int = 0) -> dict:
    rows, total = store.event_page(f, order=order, limit=limit, offset=offset)
    items = event_records(store, rows)
    return page(items, total, limit, offset) | labelled(store, items)


def event(store: Store, event_id: str) -> dict:
    row = store.events_by_id([event_id]).get(event_id)
    if row is None:
        raise NotFound(f"no event {event_id!r}: /api/events lists the events")
    rec = event_records(store, [row])[0]
    return rec | labelled(store, [rec])


def timeline(store: Store, entity_id: str, f: EventFilter | None = None, limit: int = 100, offset: int = 0) -> dict:
    """An entity's events in date order (the event's date, else its document's publication date)."""
    entity(store, entity_id)
    f = f or EventFilter()
    f.entity = entity_id
    rows, total = store.event_page(f, order="date", limit=limit, offset=offset)
    items = event_records(store, rows)
    for item in items:
        item["when"] = item["date"] or item.pop("published", None)
        item.pop("published", None)
    return page(items, total, limit, offset) | labelled(store, items)


# claims ledger ---------------------------------------------------------------
def _new_claim(ev: dict) -> dict:
    return {"type": ev["type"], "actor": ev["actor"], "target": ev["target"], "objects": [], "sources": [],
            "documents": [], "reports": 0, "first_date": None, "last_date": None,
            "by_modality": {m: [] for m in MODALITIES}}


def _add_report(claim: dict, ev: dict) -> None:
    claim["by_modality"].setdefault(ev["modality"], []).append(
        {"event": ev["id"], "doc": ev["doc"], "source": ev["source"], "date": ev["date"], "mode": ev["mode"],
         "object": ev["object"], "confidence": ev["confidence"], "story": ev["story"], "evidence": ev["evidence"]})
    claim["reports"] += 1
    for name, value in (("objects", ev["object"]), ("sources", ev["source"]), ("documents", ev["doc"])):
        if value and value not in claim[name]:
            claim[name].append(value)
    if ev["date"]:
        claim["first_date"] = min(filter(None, (claim["first_date"], ev["date"])))
        claim["last_date"] = max(filter(None, (claim["last_date"], ev["date"])))


def ledger(events: list[dict]) -> list[dict]:
    """Events grouped into claims (who did what to whom), each with its reports side by side by
    modality (asserted, alleged, denied, planned) and who says so; most reported first."""
    groups: dict[tuple, dict] = {}
    for ev in events:
        key = (ev["type"], ev["actor"], ev["target"])
        if key not in groups:
            groups[key] = _new_claim(ev)
        _add_report(groups[key], ev)
    return sorted(groups.values(), key=lambda c: (-c["reports"], c["type"], c["actor"] or "", c["target"] or ""))


def claims(store: Store, entity_id: str | None = None, story_id: str | None = None, f: EventFilter | None = None,
           max_events: int = LEDGER_EVENTS) -> dict:
    """The claims ledger of an entity (events it acts in, is targeted by or reports) or of a story."""
    f = f or EventFilter()
    if entity_id:
        entity(store, entity_id)
        f.entity = entity_id
    if story_id:
        story_row(store, story_id)
        f.story = story_id
    rows, total = store.event_page(f, order="recent", limit=max_events)
    events = event_records(store, rows)
    found = ledger(events)
    docs = store.document_headers({e["doc"] for e in events})
    for claim in found:  # independent sources behind each modality (one outlet, or one wire text, counts once)
        reports = [r | {"modality": m, "id": r["event"]} for m, rs in claim["by_modality"].items() for r in rs]
        claim["corroboration"] = corroboration(reports, docs)
    return {"entity": entity_id, "story": story_id, "claims": found, "events": total,
            "truncated": total > len(events)} | labelled(store, events)


# stories -------------------------------------------------------------------
def story_record(row: dict) -> dict:
    return {"id": row["id"], "type": row["type"], "actor": row["actor_id"], "target": row["target_id"],
            "first_seen": row["first_seen"], "last_seen": row["last_seen"], "title": row["title"],
            "event_count": row.get("events"), "document_count": row.get("documents")}


def stories_page(store: Store, entity_id: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    rows, total = store.story_page(entity=entity_id, limit=limit, offset=offset)
    items = [story_record(r) for r in rows]
    labels = entity_labels(store, {i[k] for i in items for k in ("actor", "target") if i[k]})
    return page(items, total, limit, offset, entities=labels)


def story_row(store: Store, story_id: str) -> dict:
    row = store.story_row(story_id)
    if row is None:
        raise NotFound(f"no story {story_id!r}: `newsgraph stories` or /api/stories lists the stories")
    return row


def story(store: Store, story_id: str, limit: int = 200) -> dict:
    """A story with its events across documents, in date order."""
    row = story_row(store, story_id)
    rows, total = store.event_page(EventFilter(story=story_id), order="date", limit=limit)
    events = event_records(store, rows)
    rec = story_record(row) | {"event_count": total, "document_count": len({e["doc"] for e in events}), "items": events}
    ids = parties(events) | {i for i in (rec["actor"], rec["target"]) if i}
    return rec | {"entities": entity_labels(store, ids), "documents": doc_labels(store, {e["doc"] for e in events})}


# ego network ---------------------------------------------------------------
def _grow(store: Store, nodes: dict[str, int], frontier: list[str], depth: int, f: EventFilter | None,
          max_nodes: int) -> tuple[list[str], bool]:
    """Add the heaviest new neighbours of `frontier` at `depth`; returns them and whether some were
    left out. Each frontier node offers its strongest links only, enough to fill the room left."""
    room = max(max_nodes - len(nodes), 0)
    if not room:
        return [], False
    weights: Counter = Counter()
    per_node = max(10, -(-2 * room // len(frontier)))
    for pair in store.top_neighbours(frontier, f, per_node=per_node + len(nodes)):
        if pair["other"] not in nodes:
            weights[pair["other"]] += pair["events"]
    added = [n for n, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:room]]
    nodes.update({n: depth for n in added})
    return added, len(weights) > room


def ego_graph(store: Store, center: str, depth: int = 1, f: EventFilter | None = None, max_nodes: int = 100,
              max_edges: int = 500) -> dict:
    """The network around `center` to `depth` hops: nodes by type and edges counted by event type and
    modality; at most `max_nodes` nodes (the most connected first) and the `max_edges` heaviest edges."""
    entity(store, center)
    max_nodes = max(1, max_nodes)
    nodes, frontier, truncated = {center: 0}, [center], False
    for level in range(1, depth + 1):
        if not frontier:
            break
        frontier, cut = _grow(store, nodes, frontier, level, f, max_nodes)
        truncated |= cut
    edges = store.edge_weights(list(nodes), f, within=True, limit=max_edges + 1)
    truncated |= len(edges) > max_edges
    return graph_record(store, nodes, edges[:max_edges]) | {"center": center, "depth": depth, "truncated": truncated}


def graph_record(store: Store, nodes: dict[str, int], edges: list[dict]) -> dict:
    """Nodes (with type, country and the number of events on their edges) and aggregated edges."""
    rows = store.entities_by_id(nodes)
    degree: Counter = Counter()
    for e in edges:
        degree[e["actor_id"]] += e["count"]
        degree[e["target_id"]] += e["count"]
    countries = entity_labels(store, {r["country_id"] for r in rows.values() if r["country_id"]})
    out_nodes = [{"id": i, "name": rows[i]["name"], "type": rows[i]["type"], "country": rows[i]["country_id"],
                  "country_name": countries.get(rows[i]["country_id"], {}).get("name"), "depth": d,
                  "events": degree[i]} for i, d in nodes.items() if i in rows]
    out_edges = [{"id": f"{e['actor_id']}>{e['target_id']}:{e['type']}:{e['modality']}", "source": e["actor_id"],
                  "target": e["target_id"], "type": e["type"], "modality": e["modality"], "count": e["count"],
                  "first_date": e["first_date"], "last_date": e["last_date"]} for e in edges]
    return {"nodes": out_nodes, "edges": out_edges}
