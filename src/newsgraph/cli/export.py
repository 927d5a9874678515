"""`export`: the knowledge base in the formats other tools read."""
from __future__ import annotations

import sys

import newsgraph

from ..export import FORMATS
from . import output


def register(commands, common) -> None:
    p = commands.add_parser("export", parents=[common], help="write the knowledge base as JSON Lines (and more formats)")
    p.add_argument("--format", "-f", default="jsonl", choices=FORMATS)
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(run=run_export)


def run_export(args) -> int:
    with newsgraph.open(args.db) as kb:
        if args.output:
            with open(args.output, "w", encoding="utf-8") as fh:
                n = kb.export(args.format, fh)
            if not args.quiet:
                output.err.print(f"wrote {n} records to {args.output}")
        else:
            kb.export(args.format, sys.stdout)
    return 0
