"""Events, claims, timelines and stories as plain records, for the CLI and library.

Thin over query/graph.py (shared with the HTTP API): this module adds what the
analyst's questions need on top, entity names accepted where ids are, and each
story's claims ledger with its count of independent sources.
"""
from __future__ import annotations

from dataclasses import replace

from ..store import Store
from ..store.graph_sql import EventFilter
from ..stories import ledger as stories_ledger
from . import graph


def entity_id(store: Store, ref: str | None) -> str | None:
    """The id of the entity `ref` names (an id, a name or an alias); None for None."""
    if not ref:
        return None
    from ..resolve.overrides import find

    return find(store, ref)["id"]


def event_filter(store: Store, types=None, actor=None, target=None, entity=None, source=None, modality=None,
                 date_from=None, date_to=None, min_confidence=None, story=None, doc=None) -> EventFilter:
    """An EventFilter from names or ids, single values or lists."""
    as_list = lambda v: [v] if isinstance(v, str) else list(v or [])  # noqa: E731
    return EventFilter(types=[t.upper() for t in as_list(types)], modalities=as_list(modality),
                       actor=entity_id(store, actor), target=entity_id(store, target),
                       entity=entity_id(store, entity), source=entity_id(store, source),
                       date_from=date_from, date_to=date_to, min_confidence=min_confidence, story=story, doc=doc)


def events(store: Store, f: EventFilter | None = None, order: str = "seq", limit: int | None = None) -> list[dict]:
    """Events matching `f` (all by default) with their evidence sentences, as export records."""
    rows, _ = store.event_page(f, order=order, limit=limit)
    return graph.event_records(store, rows)


def timeline(store: Store, entity: str, f: EventFilter | None = None, limit: int | None = None) -> dict:
    """An entity's events in date order (the event's date, else its document's publication date)."""
    return graph.timeline(store, entity_id(store, entity), f, limit=limit)


def claims(store: Store, entity: str | None = None, f: EventFilter | None = None) -> dict:
    """The claims ledger: who says what about whom, each claim's reports side by side by modality,
    with the number of independent sources behind each modality."""
    result = graph.claims(store, entity_id=entity_id(store, entity), f=f)
    docs = store.document_headers({d for c in result["claims"] for d in c["documents"]})
    for claim in result["claims"]:
        reports = [r | {"modality": m, "id": r["event"]} for m, rs in claim["by_modality"].items() for r in rs]
        claim["corroboration"] = stories_ledger.corroboration(reports, docs)
    return result


def stories(store: Store, entity: str | None = None, f: EventFilter | None = None) -> list[dict]:
    """Stories (one happening across documents) with their ledger of who asserts, alleges, denies it."""
    wanted = entity_id(store, entity)
    rows = store.story_rows(wanted)
    f = replace(f or EventFilter(), stories_of=wanted)  # read only the events of these stories
    by_story: dict[str, list[dict]] = {}
    for ev in events(store, f, order="date"):
        if ev["story"]:
            by_story.setdefault(ev["story"], []).append(ev)
    docs = store.document_headers({e["doc"] for evs in by_story.values() for e in evs})
    out = []
    for row in rows:
        evs = by_story.get(row["id"], [])
        if not evs:
            continue
        out.append(graph.story_record(row) | {
            "event_count": len(evs), "document_count": len({e["doc"] for e in evs}),
            "dates": [row["date_from"], row["date_to"]],
            "corroboration": stories_ledger.corroboration(evs, docs),
            "ledger": stories_ledger.ledger(evs, docs), "events": evs})
    return out
