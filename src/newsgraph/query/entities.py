"""Entities with their aliases, roles, country and mentions; one entity in detail, with why it is one."""
from __future__ import annotations

from collections import defaultdict

from ..store import Store


def _group(rows: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def _country_id(store: Store, country: str | None) -> str | None:
    """A country given by id or by any of its names."""
    if not country:
        return None
    from ..resolve.overrides import find

    return find(store, country)["id"]


def entities(store: Store, with_mentions: bool = False, etype: str | None = None, country: str | None = None,
             q: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Entities (filtered by type, country name or id, and text in a name or alias) with aliases, roles, country id
    and, optionally, every mention."""
    rows = store.entity_rows(etype=etype, country_id=_country_id(store, country), q=q, limit=limit, offset=offset)
    filtered = bool(etype or country or q or limit)
    wanted = {r["id"] for r in rows}

    def children(table: str, order: str | None = None) -> dict[str, list[dict]]:
        if filtered:
            return {eid: store.entity_children(table, eid) for eid in wanted}
        return _group(store.rows(table, order=order), "entity_id")

    aliases, roles = children("entity_aliases"), children("entity_roles")
    mentions = children("mentions", "id") if with_mentions else {}
    out = []
    for e in rows:
        rec = {"id": e["id"], "name": e["name"], "type": e["type"],
               "aliases": sorted({a["alias"] for a in aliases.get(e["id"], [])}),
               "country": e["country_id"],
               "roles": list(dict.fromkeys(r["role"] for r in roles.get(e["id"], [])))}
        if with_mentions:
            rec["mentions"] = [{"doc": m["doc_id"], "start": m["start"], "end": m["end"], "text": m["text"]}
                               for m in mentions.get(e["id"], [])]
        out.append(rec)
    return out


def _documents(store: Store, links: list[dict], mentions: list[dict]) -> list[dict]:
    """Per document: how it named the entity, its mentions, and why its local entity was linked here."""
    by_doc = _group(mentions, "doc_id")
    out = []
    for doc_id in dict.fromkeys([link["doc_id"] for link in links] + list(by_doc)):
        doc_links = [link for link in links if link["doc_id"] == doc_id]
        ms = by_doc.get(doc_id, [])
        try:
            name = store.document(doc_id).name
        except Exception:  # noqa: BLE001 - a document removed by hand still lists its mentions
            name = None
        out.append({"doc": doc_id, "name": name, "mentions": len(ms),
                    "texts": list(dict.fromkeys(m["text"] for m in ms)),
                    "spans": [[m["start"], m["end"]] for m in ms],
                    "linked_as": [link["local_name"] for link in doc_links],
                    "why": [link["reason"] for link in doc_links]})
    return out


def _roles(rows: list[dict]) -> list[dict]:
    out: dict[tuple, dict] = {}
    for r in rows:
        rec = out.setdefault((r["role"], r["country"]), {"role": r["role"], "country": r["country"], "docs": []})
        if r["doc_id"] not in rec["docs"]:
            rec["docs"].append(r["doc_id"])
    return list(out.values())


def entity(store: Store, ref: str) -> dict:
    """One entity by id, name or alias: aliases, roles with the country served, mentions per document,
    why each document's mention was linked to it, and the analysts' corrections that touched it."""
    from ..resolve.overrides import find

    e = find(store, ref)
    eid = e["id"]
    country = store.entity_row(e["country_id"]) if e["country_id"] else None
    overrides = [o for o in store.overrides_list()
                 if eid in (o["args"].get("into"), o["args"].get("from"), o["args"].get("to"), o["args"].get("entity"))]
    return {
        "id": eid, "name": e["name"], "type": e["type"], "name_locked": bool(e["locked_name"]),
        "country": e["country_id"], "country_name": country["name"] if country else None,
        "aliases": sorted({a["alias"] for a in store.entity_children("entity_aliases", eid)}),
        "roles": _roles(store.entity_children("entity_roles", eid)),
        "documents": _documents(store, store.entity_children("entity_links", eid),
                                store.entity_children("mentions", eid)),
        "overrides": [{"action": o["action"], "at": o["created_at"]} | o["args"] for o in overrides],
    }
