"""Entities with their aliases, roles, country and mentions."""
from __future__ import annotations

from collections import defaultdict

from ..store import Store


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
