"""Entity queries and writes (mixins for `Store` and `Writer`): all entity SQL lives here."""
from __future__ import annotations


class EntityReads:
    """Read queries about entities, mixed into `Store`."""


class EntityWrites:
    """Entity writes inside one transaction, mixed into `Writer`."""
