"""PLOVER events read from the dependency parse (see the events issue)."""
from __future__ import annotations

from ..model import Document, Event, LocalEntity


def extract(doc: Document, sdoc, entities: list[LocalEntity]) -> list[Event]:
    return []
