"""Link each document's local entities to corpus entities, recording why."""
from __future__ import annotations

import re
import unicodedata

from ..model import Analysis, LocalEntity
from ..store import Writer


def norm(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    t = re.sub(r"[^\w\s-]", "", t)
    return re.sub(r"\s+", " ", t).strip()


def keys_of(local: LocalEntity) -> set[str]:
    return {norm(local.name)} | {norm(a) for a in local.aliases}


def _choose(local: LocalEntity, candidates: list[dict]) -> tuple[dict | None, str]:
    name_key = norm(local.name)
    for cand in candidates:
        if name_key in cand["matched"]:
            return cand, f"same name {local.name!r}"
    if candidates:
        cand = candidates[0]
        return cand, "shared alias " + ", ".join(sorted(repr(k) for k in cand["matched"]))
    return None, ""


def _country_id(writer: Writer, name: str | None, known: dict[str, str]) -> str | None:
    """The corpus entity of a country named as someone's affiliation, created if new."""
    if not name:
        return None
    if name not in known:
        found = writer.entity_candidates([norm(name)], "COUNTRY")
        known[name] = found[0]["id"] if found else writer.create_entity(name, "COUNTRY", None)
        writer.add_keys(known[name], "COUNTRY", {norm(name)})
    return known[name]


def link(writer: Writer, doc_id: str, analysis: Analysis) -> dict[str, str]:
    """Map each local entity key to a corpus entity id, creating entities as needed."""
    ids: dict[str, str] = {}
    country_ids: dict[str, str] = {}
    ordered = sorted(analysis.entities, key=lambda e: e.type != "COUNTRY")
    for local in ordered:
        keys = keys_of(local)
        chosen, reason = _choose(local, writer.entity_candidates(sorted(keys), local.type))
        country_id = _country_id(writer, local.country, country_ids)
        if chosen is None:
            eid = writer.create_entity(local.name, local.type, country_id)
            reason = "new entity"
        else:
            eid = chosen["id"]
            if country_id and not chosen["country_id"]:
                writer.update_entity(eid, country_id=country_id)
        writer.add_keys(eid, local.type, keys)
        writer.add_aliases(eid, local.aliases)
        writer.add_roles(eid, local.roles, local.country, doc_id)
        writer.add_link(eid, doc_id, local.key, local.name, reason)
        writer.add_mentions([{"doc_id": doc_id, "entity_id": eid, "local_key": local.key,
                              "start": m.start, "end": m.end, "text": m.text} for m in local.mentions])
        ids[local.key] = eid
        if local.type == "COUNTRY":
            country_ids[local.name] = eid
    return ids
