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

    def entities(self, with_mentions: bool = False) -> list[dict]:
        return query.entities(self.store, with_mentions=with_mentions)

    def events(self) -> list[dict]:
        return query.events(self.store)

    def export(self, fmt: str, out: IO[str]) -> int:
        from .export import export

        return export(self.store, fmt, out)


def open(target: str | None = None) -> KnowledgeBase:  # noqa: A001 - the library's entry point
    """Open (creating and migrating if needed) the knowledge base at `target`."""
    return KnowledgeBase(target)


__all__ = ["open", "KnowledgeBase", "IngestOptions", "IngestReport", "NewsgraphError", "__version__"]
