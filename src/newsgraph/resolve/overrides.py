"""Analysts' corrections: merge, split and rename entities, recorded so they last.

Each correction runs in one transaction and is written to the `overrides`
table. It lasts because it moves what linking relies on: a merge moves the
other entity's keys (names, aliases, spellings) to the kept one, a split moves
the keys of the split-off names to the new entity, a rename locks the name.
New documents are linked by those keys (resolve/across.py), so a new article
naming a merged-away entity links to the kept one, a split-off name keeps
linking to its own entity, and a renamed entity keeps its name.
"""
from __future__ import annotations

from collections import Counter

from ..errors import NewsgraphError, NotFound
from ..store import Store, Writer
from . import keys as k
from .within import norm, squash


class AmbiguousEntity(NewsgraphError):
    """A name that several entities go by, where one must be chosen."""


def merged_into(store: Store) -> dict[str, str]:
    """Ids merged away -> the id they were merged into (following chains)."""
    moves = {o["args"]["from"]: o["args"]["into"] for o in store.overrides_list() if o["action"] == "merge"}
    out = {}
    for old in moves:
        new = moves[old]
        seen = {old}
        while new in moves and new not in seen:
            seen.add(new)
            new = moves[new]
        out[old] = new
    return out


def find(store: Store, ref: str, unique: bool = False) -> dict:
    """The entity `ref` names: an id (merged-away ids lead to the kept entity), a name or an alias."""
    row = store.entity_row(ref) or store.entity_row(merged_into(store).get(ref, ""))
    if row is not None:
        return row
    rows = store.entities_named(ref)
    if not rows:
        raise NotFound(f"no entity {ref!r}: `newsgraph entities --q TEXT` searches names and aliases")
    exact = [r for r in rows if r["name"].lower() == ref.lower()] or rows
    if unique and len(exact) > 1:
        listed = ", ".join(f"{r['id']} ({r['type']} {r['name']})" for r in exact[:6])
        raise AmbiguousEntity(f"{ref!r} names {len(exact)} entities: {listed}; give the id instead")
    return exact[0]


def merge(store: Store, keep_ref: str, other_refs: list[str]) -> dict:
    """Merge the `other_refs` entities into `keep_ref`; returns the kept entity."""
    keep = find(store, keep_ref, unique=True)
    others = [find(store, r, unique=True) for r in other_refs]
    with store.transaction() as w:
        for other in others:
            if other["id"] == keep["id"]:
                raise NewsgraphError(f"{other['id']} is {keep['id']} itself: name two different entities to merge")
            w.reassign_entity(other["id"], keep["id"])
            w.add_override("merge", {"into": keep["id"], "from": other["id"], "into_name": keep["name"],
                                     "from_name": other["name"], "from_type": other["type"]})
    return store.entity_row(keep["id"])


def _moving_keys(w: Writer, entity_id: str, aliases: set[str]) -> set[str]:
    payloads = {norm(a) for a in aliases} | {squash(a) for a in aliases}
    return {key for key in w.entity_keys(entity_id) if key.split(":", 1)[-1] in payloads and not key.startswith("b:")}


def split(store: Store, ref: str, aliases: list[str], name: str | None = None) -> dict:
    """Move the mentions written as one of `aliases` out of entity `ref` into a new entity; returns it."""
    ent = find(store, ref, unique=True)
    wanted = {norm(a) for a in aliases}
    with store.transaction() as w:
        mentions = w.entity_mentions(ent["id"])
        moving = [m for m in mentions if norm(m["text"]) in wanted]
        if not moving:
            seen = sorted({m["text"] for m in mentions})
            raise NewsgraphError(f"no mention of {ent['name']!r} reads {', '.join(map(repr, aliases))}; "
                                 f"its mentions read: {', '.join(map(repr, seen[:12]))}")
        if len(moving) == len(mentions):
            raise NewsgraphError(f"every mention of {ent['name']!r} reads so: rename it instead of splitting it")
        texts = Counter(m["text"] for m in moving)
        new_name = name or max(texts, key=lambda t: (len(t.split()), texts[t], len(t)))
        new_id = w.create_entity(new_name, ent["type"], ent["country_id"])
        if name:
            w.update_entity(new_id, locked_name=1)
        w.move_mentions([m["id"] for m in moving], new_id)
        w.move_keys(ent["id"], new_id, _moving_keys(w, ent["id"], set(aliases)))
        w.move_aliases(ent["id"], new_id, {a for a in w.aliases_of(ent["id"]) if norm(a) in wanted})
        _move_whole_links(w, ent["id"], new_id, mentions, moving)
        w.add_keys(new_id, ent["type"], k.name_keys(new_name) | {"a:" + norm(a) for a in aliases})
        w.add_override("split", {"from": ent["id"], "to": new_id, "aliases": sorted(aliases), "name": new_name})
    return store.entity_row(new_id)


def _move_whole_links(w: Writer, old_id: str, new_id: str, mentions: list[dict], moving: list[dict]) -> None:
    """A document's local entity whose mentions all moved goes with them, and so do its events."""
    moved = {m["id"] for m in moving}
    by_local: dict[tuple[str, str], list[int]] = {}
    for m in mentions:
        by_local.setdefault((m["doc_id"], m["local_key"]), []).append(m["id"])
    for (doc_id, local_key), ids in by_local.items():
        if all(i in moved for i in ids):
            w.move_link(old_id, new_id, doc_id, local_key, "split off by an analyst")


def rename(store: Store, ref: str, name: str) -> dict:
    """Give entity `ref` the canonical name `name`, kept whatever later documents call it."""
    ent = find(store, ref, unique=True)
    if not name.strip():
        raise NewsgraphError("the new name is empty: give the name the entity should have")
    with store.transaction() as w:
        w.update_entity(ent["id"], name=name.strip(), locked_name=1)
        w.add_keys(ent["id"], ent["type"], k.name_keys(name))
        w.add_aliases(ent["id"], [name.strip()])
        w.add_override("rename", {"entity": ent["id"], "old": ent["name"], "new": name.strip()})
    return store.entity_row(ent["id"])
