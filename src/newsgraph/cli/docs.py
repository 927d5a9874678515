"""`docs`, `show` and `stats`: what is in the database."""
from __future__ import annotations

import newsgraph

from . import output


def register(commands, common) -> None:
    p = commands.add_parser("docs", parents=[common], help="list documents")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--status", help="only documents with this status (analysed, duplicate, near-duplicate, non-english)")
    p.set_defaults(run=run_docs)
    s = commands.add_parser("show", parents=[common], help="show one document: metadata, regions and text")
    s.add_argument("doc", metavar="DOC", help="document id (or its prefix) or file name")
    s.set_defaults(run=run_show)
    t = commands.add_parser("stats", parents=[common], help="counts of documents, entities, events and stories")
    t.set_defaults(run=run_stats)


def doc_summary(d) -> dict:
    return {"id": d.id, "name": d.name, "title": d.title, "published": d.published, "outlet": d.outlet,
            "byline": d.byline, "url": d.url, "language": d.language, "status": d.status,
            "duplicate_of": d.duplicate_of, "source": d.source, "chars": len(d.text)}


def run_docs(args) -> int:
    with newsgraph.open(args.db) as kb:
        docs = [doc_summary(d) for d in kb.documents(limit=args.limit, offset=args.offset, status=args.status)]
    rows = [[d["id"], d["name"], d["published"], d["status"], (d["title"] or "")[:60]] for d in docs]
    output.show(args, docs, ["id", "name", "published", "status", "title"], rows)
    return 0


def run_show(args) -> int:
    with newsgraph.open(args.db) as kb:
        d = kb.document(args.doc)
    data = doc_summary(d) | {"regions": [[r.start, r.end, r.label] for r in d.regions], "text": d.text}
    if args.json:
        output.emit_json(data)
        return 0
    for key, value in doc_summary(d).items():
        if value is not None:
            output.out.print(f"[bold]{key}[/bold]: {output.escape(str(value))}")
    for r in d.regions:
        output.out.print(f"[dim]{r.label} {r.start}-{r.end}: {output.escape(d.text[r.start:r.end])}[/dim]")
    output.out.print()
    output.out.print(output.escape(d.text))
    return 0


def print_stats(stats: dict) -> None:
    rows = [["documents", stats["documents"], _fmt(stats["documents_by_status"])],
            ["entities", stats["entities"], _fmt(stats["entities_by_type"])],
            ["mentions", stats["mentions"], ""],
            ["events", stats["events"], _fmt(stats["events_by_type"])],
            ["", "", _fmt(stats["events_by_modality"])],
            ["stories", stats["stories"], ""]]
    output.table(f"newsgraph: {stats['database']}", ["what", "count", "by kind"], rows)


def _fmt(counts: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))


def run_stats(args) -> int:
    with newsgraph.open(args.db) as kb:
        stats = kb.stats()
    if args.json:
        output.emit_json(stats)
    else:
        print_stats(stats)
    return 0
