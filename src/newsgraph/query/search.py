"""Finding things: entity names and aliases (autocomplete), full-text search over documents,
and a document with every mention and evidence span in it (the document view)."""
from __future__ import annotations

import re

from ..store import Store
from ..store.graph_sql import HIT_END, HIT_START, EventFilter
from .graph import doc_labels, entity_labels, event_records, page, parties

SNIPPET_PARTS = re.compile(f"{HIT_START}(.*?){HIT_END}", re.S)


def _rank(needle: str, entity: dict) -> int:
    """0 exact name, 1 exact alias, 2 name starts with it, 3 a word starts with it, 4 contains it."""
    name = entity["name"].lower()
    forms = [m.lower() for m in entity["matched"]]
    if name == needle:
        return 0
    if needle in forms:
        return 1
    if name.startswith(needle):
        return 2
    if any(re.search(r"(^|\W)" + re.escape(needle), f) for f in forms):
        return 3
    return 4


def suggest_entities(store: Store, q: str, types: list[str] | None = None, limit: int = 10) -> list[dict]:
    """Entities for an autocomplete: exact and prefix matches of names and aliases first, then the
    most mentioned."""
    needle = q.strip().lower()
    found = store.match_entities(needle, types=types)
    counts = store.mention_counts([e["id"] for e in found])
    ranked = sorted(found, key=lambda e: (_rank(needle, e), -counts.get(e["id"], 0), e["name"].lower(), e["seq"]))
    labels = entity_labels(store, {e["country_id"] for e in ranked[:limit] if e["country_id"]})
    return [{"id": e["id"], "name": e["name"], "type": e["type"], "country": e["country_id"],
             "country_name": labels.get(e["country_id"], {}).get("name"),
             "matched": sorted(set(e["matched"]) - {e["name"]}), "mentions": counts.get(e["id"], 0)}
            for e in ranked[:limit]]


def snippet_parts(snippet: str | None) -> list[dict]:
    """A snippet with hit markers as [{text, hit}], so a client never has to parse markup."""
    parts, last = [], 0
    for m in SNIPPET_PARTS.finditer(snippet or ""):
        if m.start() > last:
            parts.append({"text": snippet[last:m.start()], "hit": False})
        parts.append({"text": m.group(1), "hit": True})
        last = m.end()
    if snippet and last < len(snippet):
        parts.append({"text": snippet[last:], "hit": False})
    return [p for p in parts if p["text"]]


def search_documents(store: Store, q: str, limit: int = 20, offset: int = 0) -> dict:
    """Documents containing every word of `q` (the last word as a prefix), best match first."""
    rows, total = store.search_documents(q, limit=limit, offset=offset)
    items = [{"id": r["id"], "name": r["name"], "title": r["title"], "published": r["published"],
              "snippet": snippet_parts(r["snippet"])} for r in rows]
    return page(items, total, limit, offset)


def search(store: Store, q: str, limit: int = 20, offset: int = 0) -> dict:
    """Entities whose name or alias contains `q`, and documents whose text matches it."""
    return {"q": q, "entities": suggest_entities(store, q, limit=limit),
            "documents": search_documents(store, q, limit=limit, offset=offset)}


def documents_page(store: Store, status: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    rows, total = store.document_page(status=status, limit=limit, offset=offset)
    return page(rows, total, limit, offset)


def document_view(store: Store, ref: str) -> dict:
    """A document with its text, regions, every entity mention and every event's evidence span."""
    doc = store.document(ref)
    mentions = store.mentions_in(doc.id)
    rows, _ = store.event_page(EventFilter(doc=doc.id), limit=None)
    events = event_records(store, rows)
    ids = {m["entity_id"] for m in mentions} | parties(events)
    return {
        "id": doc.id, "name": doc.name, "title": doc.title, "published": doc.published, "url": doc.url,
        "outlet": doc.outlet, "byline": doc.byline, "language": doc.language, "status": doc.status,
        "duplicate_of": doc.duplicate_of, "text": doc.text,
        "regions": [{"start": r.start, "end": r.end, "label": r.label} for r in doc.regions],
        "mentions": [{"start": m["start"], "end": m["end"], "text": m["text"], "entity": m["entity_id"]}
                     for m in mentions],
        "events": events, "entities": entity_labels(store, ids),
        "documents": doc_labels(store, [doc.duplicate_of] if doc.duplicate_of else []),
    }
