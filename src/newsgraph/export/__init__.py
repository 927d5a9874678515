"""Exports of the knowledge base to the formats analysts' tools read."""
from __future__ import annotations

from typing import IO

from ..errors import NewsgraphError

FORMATS = ("jsonl",)


def export(store, fmt: str, out: IO[str]) -> int:
    """Write the whole knowledge base in `fmt` to `out`; returns the number of records."""
    if fmt == "jsonl":
        from .jsonl import write

        return write(store, out)
    raise NewsgraphError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
