"""Documents and corpus statistics."""
from __future__ import annotations

from ..store import Store


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
