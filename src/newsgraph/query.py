"""Read the knowledge base as plain records (dicts), shared by the CLI, API and exports."""
from __future__ import annotations

from collections import defaultdict

from .store import Store


def _group(rows: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def entities(store: Store, with_mentions: bool = False) -> list[dict]:
    """Every entity with aliases, roles, country id and (optionally) mentions."""
    aliases = _group(store.rows("entity_aliases", order=None), "entity_id")
    roles = _group(store.rows("entity_roles", order=None), "entity_id")
    mentions = _group(store.rows("mentions", order="id"), "entity_id") if with_mentions else {}
    out = []
    for e in store.rows("entities"):
        rec = {"id": e["id"], "name": e["name"], "type": e["type"],
               "aliases": sorted({a["alias"] for a in aliases.get(e["id"], [])}),
               "country": e["country_id"],
               "roles": list(dict.fromkeys(r["role"] for r in roles.get(e["id"], [])))}
        if with_mentions:
            rec["mentions"] = [{"doc": m["doc_id"], "start": m["start"], "end": m["end"], "text": m["text"]}
                               for m in mentions.get(e["id"], [])]
        out.append(rec)
    return out


def events(store: Store) -> list[dict]:
    """Every event with its evidence sentence cut from the stored text."""
    texts: dict[str, str] = {}
    out = []
    for ev in store.rows("events"):
        if ev["doc_id"] not in texts:
            texts[ev["doc_id"]] = store.document(ev["doc_id"]).text
        text = texts[ev["doc_id"]]
        out.append({
            "id": ev["id"], "doc": ev["doc_id"], "type": ev["type"], "mode": ev["mode"],
            "actor": ev["actor_id"], "target": ev["target_id"], "object": ev["object"],
            "modality": ev["modality"], "source": ev["source_id"], "date": ev["date"],
            "location": ev["location_id"],
            "evidence": {"start": ev["ev_start"], "end": ev["ev_end"], "text": text[ev["ev_start"]:ev["ev_end"]]},
            "confidence": ev["confidence"], "rule": ev["rule"], "story": ev["story_id"],
        })
    return out


def stats(store: Store) -> dict:
    """Counts of documents by status, entities by type, events by type and modality."""
    return {
        "database": store.url.split("://", 1)[0] if "sqlite" not in store.url else store.url[len("sqlite:///"):],
        "schema_version": store.schema_version(),
        "documents": store.count("documents"),
        "documents_by_status": store.group_count("documents", "status"),
        "entities": store.count("entities"),
        "entities_by_type": store.group_count("entities", "type"),
        "mentions": store.count("mentions"),
        "events": store.count("events"),
        "events_by_type": store.group_count("events", "type"),
        "events_by_modality": store.group_count("events", "modality"),
        "stories": store.count("stories"),
    }
