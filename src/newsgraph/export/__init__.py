"""Exports of the knowledge base to the formats analysts' tools read.

    export(store, "graphml", out, Selection(entity="E12", depth=2))   # one stream
    export_folder(store, "neo4j", "out/neo4j")                         # csv, neo4j: a folder

jsonl is the project's data contract (shared/EXPORT-SCHEMA.md); graphml and gexf
open in Gephi; csv is nodes.csv + edges.csv + events.csv; neo4j is the folder of
`neo4j-admin database import` with a LOAD CSV script; ftm is FollowTheMoney
entities for Aleph. A `Selection` narrows any of them to the network around one
entity and to events matching the API's filters.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO

from ..errors import NewsgraphError
from .subgraph import Selection, build

FORMATS = ("jsonl", "graphml", "gexf", "csv", "neo4j", "ftm")
FOLDER_FORMATS = ("csv", "neo4j")


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise NewsgraphError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")


def dataset_name(store) -> str:
    """A name for the database, used to scope FtM ids: the file name without extension."""
    tail = store.url.rsplit("/", 1)[-1]
    return os.path.splitext(tail)[0] or "newsgraph"


def _jsonl(store, out: IO[str], sel: Selection) -> int:
    from .jsonl import records, write

    if sel.everything:
        return write(store, out)
    g = build(store, sel)
    keep = {"entity": {n["id"] for n in g.nodes}, "event": {e["id"] for e in g.events}}
    mentioned = {p["doc_id"] for p in store.mention_pairs(list(keep["entity"]))}
    keep["document"] = {e["doc"] for e in g.events} | mentioned
    n = 0
    for rec in records(store):
        if rec["id"] in keep[rec["kind"]]:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def export(store, fmt: str, out: IO[str], selection: Selection | None = None) -> int:
    """Write the knowledge base (or `selection` of it) in `fmt` to `out`; returns the records written."""
    _check(fmt)
    sel = selection or Selection()
    if fmt in FOLDER_FORMATS:
        raise NewsgraphError(f"--format {fmt} writes several files: give a folder with -o")
    if fmt == "jsonl":
        return _jsonl(store, out, sel)
    g = build(store, sel)
    if fmt == "ftm":
        from .ftm import write_ftm

        return write_ftm(store, g, out, dataset_name(store))
    from .xmlgraph import write_gexf, write_graphml

    return (write_graphml if fmt == "graphml" else write_gexf)(g, out)


def export_folder(store, fmt: str, folder: str | Path, selection: Selection | None = None) -> int:
    """Write a folder format (csv, neo4j) into `folder`, created if needed; returns the rows written."""
    _check(fmt)
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NewsgraphError(f"{folder} is a file: --format {fmt} writes a folder of CSV files, give a folder path")
    folder.mkdir(parents=True, exist_ok=True)
    g = build(store, selection or Selection())
    if fmt == "csv":
        from .tables import write_csv

        return write_csv(store, g, folder)
    from .neo4j import write_neo4j

    return write_neo4j(store, g, folder)


__all__ = ["FORMATS", "FOLDER_FORMATS", "Selection", "export", "export_folder"]
