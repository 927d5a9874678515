"""Read the knowledge base as plain records (dicts), shared by the CLI, API and exports.

One module per kind of record; each composes `Store` methods and speaks no SQL.
"""
from .documents import stats
from .entities import entities, entity
from .events import events

__all__ = ["entities", "entity", "events", "stats"]
