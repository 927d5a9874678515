"""Commands over entities (see the entities issue)."""
from __future__ import annotations


def register(commands, common) -> None:
    """Add this module's commands to the parser."""
