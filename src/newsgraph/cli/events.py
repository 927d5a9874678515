"""Commands over events (see the events issue)."""
from __future__ import annotations


def register(commands, common) -> None:
    """Add this module's commands to the parser."""
