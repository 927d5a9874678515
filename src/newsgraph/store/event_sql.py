"""Event and story queries and writes (mixins for `Store` and `Writer`): all event SQL lives here."""
from __future__ import annotations


class EventReads:
    """Read queries about events, claims and stories, mixed into `Store`."""


class EventWrites:
    """Event and story writes inside one transaction, mixed into `Writer`."""
