"""newsgraph: turn raw news articles into a sourced, queryable knowledge graph.

Library API (the CLI, HTTP API and UI are thin over it):

    import newsgraph
    kb = newsgraph.open("news.db")            # a file path, or a SQLAlchemy URL
    report = kb.ingest(["articles/"])         # files, folders, globs
    kb.stats(); kb.documents(); kb.export("jsonl", open("kb.jsonl", "w"))
"""
from __future__ import annotations

from typing import IO, Iterable

from . import query
from .errors import NewsgraphError
from .ingest import IngestOptions, IngestReport
from .store import Store

__version__ = "0.1.0"


class KnowledgeBase:
    """One newsgraph database and the operations on it."""

    def __init__(self, target: str | None = None):
        self.store = Store(target)

    def close(self) -> None:
        self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ingest(self, targets: Iterable[str], options: IngestOptions | None = None, **kwargs) -> IngestReport:
        from .ingest import ingest

        return ingest(self.store, targets, options, **kwargs)

    def documents(self, limit: int | None = None, offset: int = 0, status: str | None = None):
        return self.store.documents(limit=limit, offset=offset, status=status)

    def document(self, ref: str):
        return self.store.document(ref)

    def stats(self) -> dict:
        return query.stats(self.store)

    def entities(self, with_mentions: bool = False, type: str | None = None, country: str | None = None,  # noqa: A002
                 q: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Entities, filtered by type, country (name or id) and text in a name or alias."""
        return query.entities(self.store, with_mentions=with_mentions, etype=type, country=country, q=q,
                              limit=limit, offset=offset)

    def entity(self, name_or_id: str) -> dict:
        """One entity with aliases, roles, mentions per document and why they were linked."""
        return query.entity(self.store, name_or_id)

    def merge(self, keep: str, *others: str) -> dict:
        """Merge `others` into `keep` (ids or names); lasts across new documents."""
        from .resolve import overrides

        return overrides.merge(self.store, keep, list(others))

    def split(self, entity: str, aliases: list[str], name: str | None = None) -> dict:
        """Move the mentions written as `aliases` out of `entity` into a new entity, returned."""
        from .resolve import overrides

        return overrides.split(self.store, entity, aliases, name)

    def rename(self, entity: str, name: str) -> dict:
        """Give `entity` the canonical name `name`, kept whatever later documents call it."""
        from .resolve import overrides

        return overrides.rename(self.store, entity, name)

    def events(self, **filters) -> list[dict]:
        """Events with evidence; filters: types, actor, target, entity, source, modality, date_from,
        date_to, min_confidence, story, doc (entities by id, name or alias)."""
        from .query.events import event_filter, events

        return events(self.store, event_filter(self.store, **filters) if filters else None)

    def entity_names(self, ids) -> dict[str, str]:
        """id -> canonical name, for labelling events and stories."""
        return {i: r["name"] for i, r in self.store.entities_by_id(ids).items()}

    def claims(self, entity: str | None = None, **filters) -> dict:
        """The claims ledger (of `entity`, or of everything): who says what about whom."""
        from .query.events import claims, event_filter

        return claims(self.store, entity, event_filter(self.store, **filters))

    def timeline(self, entity: str, **filters) -> dict:
        """The events `entity` takes part in, in date order."""
        from .query.events import event_filter, timeline

        return timeline(self.store, entity, event_filter(self.store, **filters))

    def stories(self, entity: str | None = None, **filters) -> list[dict]:
        """Stories across documents, each with its ledger of who asserts, alleges and denies it."""
        from .query.events import event_filter, stories

        return stories(self.store, entity, event_filter(self.store, **filters))

    def export(self, fmt: str, out: IO[str], selection=None) -> int:
        from .export import export

        return export(self.store, fmt, out, selection)

    def export_folder(self, fmt: str, folder: str, selection=None) -> int:
        """csv and neo4j exports: several files written into `folder`."""
        from .export import export_folder

        return export_folder(self.store, fmt, folder, selection)


def open(target: str | None = None) -> KnowledgeBase:  # noqa: A001 - the library's entry point
    """Open (creating and migrating if needed) the knowledge base at `target`."""
    return KnowledgeBase(target)


__all__ = ["open", "KnowledgeBase", "IngestOptions", "IngestReport", "NewsgraphError", "__version__"]
