"""What a graph export contains: the whole knowledge base, or the network around one
entity, narrowed by the same event filters as the API."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..query import graph
from ..store import Store
from ..store.graph_sql import EventFilter

EXPORT_MAX_NODES = 5000


@dataclass
class Selection:
    """--entity/--depth and the event filters of `newsgraph export`."""

    entity: str | None = None
    depth: int = 1
    max_nodes: int = EXPORT_MAX_NODES
    filter: EventFilter = field(default_factory=EventFilter)

    @property
    def everything(self) -> bool:
        return self.entity is None and self.filter.is_empty()


@dataclass
class Subgraph:
    """Entities (with country name and mention count), the events among them and the
    edges those events make, counted by actor, target, type and modality."""

    nodes: list[dict]
    events: list[dict]
    edges: list[dict]
    labels: dict[str, dict]


def _ego(store: Store, sel: Selection) -> list[str]:
    ego = graph.ego_graph(store, sel.entity, depth=sel.depth, f=sel.filter, max_nodes=sel.max_nodes, max_edges=10**9)
    return [n["id"] for n in ego["nodes"]]


def _events(store: Store, sel: Selection, ego: list[str] | None) -> list[dict]:
    """The selected events: all matching ones, or those among the ego network's entities."""
    if ego is None:
        return graph.event_records(store, store.event_page(sel.filter, limit=None)[0])
    ids = set(ego) | {None}
    rows = [r for r in store.events_touching(ego, sel.filter) if r["actor_id"] in ids and r["target_id"] in ids]
    return graph.event_records(store, rows)


def _node_ids(sel: Selection, ego: list[str] | None, events: list[dict]) -> list[str] | None:
    if ego is not None:
        return ego
    if sel.filter.is_empty():
        return None  # every entity, so the export has the entity count of `newsgraph stats`
    return list(graph.parties(events))


def edges_of(events: list[dict]) -> list[dict]:
    """Events between two different entities, counted by (actor, target, type, modality)."""
    edges: dict[tuple, dict] = {}
    for ev in events:
        if not ev["actor"] or not ev["target"] or ev["actor"] == ev["target"]:
            continue
        key = (ev["actor"], ev["target"], ev["type"], ev["modality"])
        edge = edges.setdefault(key, {"source": ev["actor"], "target": ev["target"], "type": ev["type"],
                                      "modality": ev["modality"], "weight": 0, "first_date": None, "last_date": None,
                                      "events": [], "documents": []})
        edge["weight"] += 1
        edge["events"].append(ev["id"])
        if ev["doc"] not in edge["documents"]:
            edge["documents"].append(ev["doc"])
        if ev["date"]:
            edge["first_date"] = min(filter(None, (edge["first_date"], ev["date"])))
            edge["last_date"] = max(filter(None, (edge["last_date"], ev["date"])))
    return list(edges.values())


def build(store: Store, sel: Selection | None = None) -> Subgraph:
    sel = sel or Selection()
    ego = _ego(store, sel) if sel.entity else None
    events = _events(store, sel, ego)
    ids = _node_ids(sel, ego, events)
    rows = store.entity_page(order="id", limit=None)[0] if ids is None else list(store.entities_by_id(ids).values())
    nodes = graph.entity_records(store, sorted(rows, key=lambda r: r["seq"]))
    counts = store.mention_counts(None if ids is None else [n["id"] for n in nodes])
    names = {n["id"]: n["name"] for n in nodes}
    missing = {n["country"] for n in nodes if n["country"] and n["country"] not in names}
    names |= {i: r["name"] for i, r in store.entities_by_id(missing).items()}
    for node in nodes:
        node["country_name"] = names.get(node["country"])
        node["mentions"] = counts.get(node["id"], 0)
    kept = {n["id"] for n in nodes}
    edges = [e for e in edges_of(events) if e["source"] in kept and e["target"] in kept]
    degree = Counter()
    for e in edges:
        degree[e["source"]] += e["weight"]
        degree[e["target"]] += e["weight"]
    for node in nodes:
        node["events"] = degree[node["id"]]
    return Subgraph(nodes=nodes, events=events, edges=edges, labels=graph.entity_labels(store, kept | graph.parties(events)))
