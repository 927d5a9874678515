"""Stories: events that tell the same happening across documents, and their claims ledger.

`assign` runs inside each document's transaction: every new event joins the
compatible story of its blocking key (cluster.py) or starts one, so adding or
re-ingesting documents updates stories incrementally, never by a rebuild.
"""
from __future__ import annotations

from ..model import Document, Event
from ..store import Writer
from . import cluster


def events_to_rows(writer: Writer, doc: Document, events: list[Event], ids: dict[str, str]) -> list[dict]:
    """Event rows with local entity keys replaced by corpus entity ids."""
    seq = writer.next_event_seq()
    rows = []
    for i, ev in enumerate(events):
        rows.append(dict(
            seq=seq + i, id=f"V{seq + i}", doc_id=doc.id, type=ev.type, mode=ev.mode,
            actor_id=ids.get(ev.actor), target_id=ids.get(ev.target), object=ev.object,
            modality=ev.modality, source_id=ids.get(ev.source), date=ev.date,
            location_id=ids.get(ev.location), ev_start=ev.evidence_start, ev_end=ev.evidence_end,
            confidence=ev.confidence, rule=ev.rule, story_id=None,
        ))
    return rows


def _lifter(writer: Writer, rows: list[dict]):
    parties = writer.party_rows(r[k] for r in rows for k in ("actor_id", "target_id"))

    def lift(entity_id: str | None) -> str | None:
        row = parties.get(entity_id)
        if row is None or row["type"] == "COUNTRY":
            return entity_id
        return row["country_id"] or entity_id

    return lift, parties


def _title(etype: str, actor: str | None, target: str | None, obj: str | None, parties: dict) -> str:
    name = lambda i: parties[i]["name"] if i in parties else "?"  # noqa: E731
    title = f"{etype}: {name(actor) if actor else '?'} -> {name(target) if target else '?'}"
    return f"{title} ({obj})" if obj else title


class _Stories:
    """The stories a document's events may join, read with one query and written back in bulk.

    Stories made or widened by earlier events of the same document are seen by later
    ones, exactly as if each event were read and written on its own."""

    def __init__(self, writer: Writer, keys: set[str]):
        self.writer = writer
        self.by_key = writer.stories_with_keys(keys)
        self.next_seq: int | None = None
        self.created: list[dict] = []
        self.made: set[str] = set()
        self.changed: dict[str, dict] = {}

    def create(self, **values) -> dict:
        if self.next_seq is None:
            self.next_seq = self.writer.next_story_seq()
        seq, self.next_seq = self.next_seq, self.next_seq + 1
        story = values | {"seq": seq, "id": f"S{seq}"}
        self.by_key[story["key"]].insert(0, story)  # the newest first, as `stories_with_keys` orders them
        self.created.append(story)
        self.made.add(story["id"])
        return story

    def update(self, story: dict, **values) -> None:
        story.update(values)
        if story["id"] not in self.made:  # a stored story: written back by `flush`; a new one is inserted whole
            self.changed.setdefault(story["id"], {}).update(values)

    def flush(self) -> None:
        self.writer.insert_stories(self.created)
        for story_id, values in self.changed.items():
            self.writer.update_story(story_id, **values)


def assign(writer: Writer, doc: Document, rows: list[dict]) -> list[dict]:
    """Set `story_id` on each event row: the compatible existing story, or a new one."""
    lift, parties = _lifter(writer, rows)
    keys = [cluster.story_key(row["type"], lift(row["actor_id"]), lift(row["target_id"])) for row in rows]
    stories = _Stories(writer, {key for key in keys if key is not None})
    for row, key in zip(rows, keys):
        if key is None:
            continue
        span = cluster.when(row["date"], doc.published)
        words = cluster.object_words(row["object"])
        story = next((s for s in stories.by_key[key] if cluster.compatible(s, span, words)), None)
        if story is None:
            story = stories.create(
                type=row["type"], actor_id=row["actor_id"], target_id=row["target_id"], key=key,
                first_seen=doc.published, last_seen=doc.published, objects=" ".join(sorted(words)) or None,
                date_from=span[0] if span else None, date_to=span[1] if span else None,
                title=_title(row["type"], row["actor_id"], row["target_id"], row["object"], parties))
            row["story_id"] = story["id"]
            continue
        row["story_id"] = story["id"]
        seen = [d for d in (story["first_seen"], story["last_seen"], doc.published) if d]
        stories.update(story, first_seen=min(seen, default=None), last_seen=max(seen, default=None),
                       **cluster.widen(story, span, words))
    stories.flush()
    return rows


__all__ = ["assign", "events_to_rows"]
