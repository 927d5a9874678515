"""`export`: the knowledge base in the formats other tools read, whole or around one entity."""
from __future__ import annotations

import re
import sys

import newsgraph

from ..errors import NewsgraphError
from ..export import FOLDER_FORMATS, FORMATS, Selection, export, export_folder
from ..store.graph_sql import EventFilter
from . import output

MODALITIES = ("asserted", "alleged", "denied", "planned")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def register(commands, common) -> None:
    p = commands.add_parser("export", parents=[common],
                            help="write the knowledge base as JSON Lines, GraphML, GEXF, CSV, Neo4j or FollowTheMoney")
    p.add_argument("--format", "-f", default="jsonl", choices=FORMATS,
                   help="jsonl (default), graphml/gexf (Gephi), csv (spreadsheets), neo4j (neo4j-admin import), "
                        "ftm (Aleph)")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="file to write (default: standard output); a folder for csv and neo4j")
    g = p.add_argument_group("what to export (the same filters as the API)")
    g.add_argument("--entity", metavar="ID|NAME", help="only the network around this entity (an id, a name or an alias)")
    g.add_argument("--depth", type=int, default=1, help="hops around --entity (default 1)")
    g.add_argument("--max-nodes", type=int, default=5000, help="at most this many entities around --entity")
    g.add_argument("--type", action="append", metavar="TYPE", help="PLOVER event type (repeat or comma-separate)")
    g.add_argument("--modality", action="append", metavar="M", help="asserted, alleged, denied, planned (repeatable)")
    for name, what in (("actor", "the actor"), ("target", "the target"), ("source", "who says so"),
                       ("involving", "actor, target or source"), ("story", "the story"), ("doc", "the document")):
        g.add_argument(f"--{name}", metavar="ID", help=f"only events with this id as {what}")
    g.add_argument("--since", metavar="DATE", help="events dated on or after YYYY[-MM[-DD]]")
    g.add_argument("--until", metavar="DATE", help="events dated on or before YYYY[-MM[-DD]]")
    g.add_argument("--min-confidence", type=float, metavar="X", help="events with confidence at least X (0..1)")
    p.set_defaults(run=run_export)


def _split(values: list[str] | None, upper: bool = False) -> list[str]:
    out = [v.strip() for value in values or [] for v in value.split(",") if v.strip()]
    return [v.upper() for v in out] if upper else [v.lower() for v in out]


def selection(args) -> Selection:
    modalities = _split(args.modality)
    if bad := [m for m in modalities if m not in MODALITIES]:
        raise NewsgraphError(f"--modality {bad[0]!r} is not one of {', '.join(MODALITIES)}")
    for flag, value in (("--since", args.since), ("--until", args.until)):
        if value and not DATE.match(value):
            raise NewsgraphError(f"{flag} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    if args.depth < 1 or args.max_nodes < 1:
        raise NewsgraphError("--depth and --max-nodes must be at least 1")
    f = EventFilter(types=_split(args.type, upper=True), modalities=modalities, actor=args.actor, target=args.target,
                    source=args.source, entity=args.involving, story=args.story, doc=args.doc,
                    date_from=args.since, date_to=args.until, min_confidence=args.min_confidence)
    return Selection(entity=args.entity, depth=args.depth, max_nodes=args.max_nodes, filter=f)


def run_export(args) -> int:
    sel = selection(args)
    with newsgraph.open(args.db) as kb:
        if sel.entity:
            from ..resolve.overrides import find

            sel.entity = find(kb.store, sel.entity, unique=True)["id"]
        if args.format in FOLDER_FORMATS:
            if not args.output:
                raise NewsgraphError(f"--format {args.format} writes a folder of CSV files: give it with -o FOLDER")
            n = export_folder(kb.store, args.format, args.output, sel)
        elif args.output:
            try:
                with open(args.output, "w", encoding="utf-8") as fh:
                    n = export(kb.store, args.format, fh, sel)
            except OSError as exc:
                raise NewsgraphError(f"cannot write {args.output}: {exc.strerror}") from None
        else:
            export(kb.store, args.format, sys.stdout, sel)
            return 0
    if not args.quiet:
        output.err.print(f"wrote {n} records to {args.output}")
    return 0
