"""Shared output for commands: JSON for scripts, rich tables for people, one-line errors."""
from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.markup import escape  # noqa: F401 - shared with commands
from rich.table import Table

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def emit_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def table(title: str | None, columns: list[str], rows: list[list]) -> None:
    tab = Table(title=title, show_lines=False, header_style="bold")
    for col in columns:
        tab.add_column(col, overflow="fold")
    for row in rows:
        tab.add_row(*["" if v is None else str(v) for v in row])
    out.print(tab)


def error(message: str) -> None:
    err.print(f"[red]Error:[/red] {escape(message)}")


def show(args, data, columns: list[str] | None = None, rows: list[list] | None = None, title: str | None = None) -> None:
    """JSON with --json, else a table of `rows` (or the JSON when there is no table form)."""
    if getattr(args, "json", False) or columns is None:
        emit_json(data)
    else:
        table(title, columns, rows or [])
