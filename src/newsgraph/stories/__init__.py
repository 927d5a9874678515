"""Stories: events that tell the same happening across documents, and their claims ledger."""
from __future__ import annotations

from ..model import Document, Event
from ..store import Writer


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
