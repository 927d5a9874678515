"""`serve`: the HTTP API and web UI (see the interfaces issue)."""
from __future__ import annotations


def register(commands, common) -> None:
    """Add this module's commands to the parser."""
