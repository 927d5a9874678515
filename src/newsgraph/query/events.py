"""Events with their evidence, modality and source."""
from __future__ import annotations

from ..store import Store


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
