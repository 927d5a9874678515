"""CSV exports: a spreadsheet folder (nodes.csv, edges.csv, events.csv) and the folder
`neo4j-admin database import` reads, with a Cypher script for LOAD CSV instead."""
from __future__ import annotations

import csv
from pathlib import Path

from ..store import Store
from .subgraph import Subgraph

NODE_COLUMNS = ["id", "name", "type", "country_id", "country", "aliases", "roles", "mentions", "events"]
EDGE_COLUMNS = ["source", "target", "source_name", "target_name", "type", "modality", "weight", "first_date",
                "last_date", "events", "documents"]
EVENT_COLUMNS = ["id", "doc", "doc_name", "doc_title", "published", "type", "mode", "actor", "actor_name", "target",
                 "target_name", "object", "modality", "source", "source_name", "date", "location", "location_name",
                 "confidence", "rule", "story", "evidence_start", "evidence_end", "evidence_text"]


def write_rows(path: Path, header: list[str], rows) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            n += 1
    return n


def _name(g: Subgraph, entity_id: str | None) -> str | None:
    return g.labels.get(entity_id, {}).get("name") if entity_id else None


def event_row(ev: dict, g: Subgraph, docs: dict) -> list:
    d = docs.get(ev["doc"], {})
    return [ev["id"], ev["doc"], d.get("name"), d.get("title"), d.get("published"), ev["type"], ev["mode"],
            ev["actor"], _name(g, ev["actor"]), ev["target"], _name(g, ev["target"]), ev["object"], ev["modality"],
            ev["source"], _name(g, ev["source"]), ev["date"], ev["location"], _name(g, ev["location"]),
            ev["confidence"], ev["rule"], ev["story"], ev["evidence"]["start"], ev["evidence"]["end"], ev["evidence"]["text"]]


def write_csv(store: Store, g: Subgraph, folder: Path) -> int:
    """nodes.csv, edges.csv and events.csv: open in a spreadsheet, or in Gephi's spreadsheet import."""
    docs = store.document_headers({e["doc"] for e in g.events})
    n = write_rows(folder / "nodes.csv", NODE_COLUMNS, ([x["id"], x["name"], x["type"], x["country"], x["country_name"],
               "; ".join(x["aliases"]), "; ".join(x["roles"]), x["mentions"], x["events"]] for x in g.nodes))
    n += write_rows(folder / "edges.csv", EDGE_COLUMNS, ([e["source"], e["target"], _name(g, e["source"]), _name(g, e["target"]),
                e["type"], e["modality"], e["weight"], e["first_date"], e["last_date"], " ".join(e["events"]),
                " ".join(e["documents"])] for e in g.edges))
    n += write_rows(folder / "events.csv", EVENT_COLUMNS, (event_row(ev, g, docs) for ev in g.events))
    return n
