"""A folder for Neo4j: CSV files with the headers `neo4j-admin database import full`
expects, the import command (import.sh), and load.cypher to load the same files with
LOAD CSV into a running database.

Graph model: (:Entity:Person|Organization|Country|...) nodes, (:Document) and (:Event)
nodes; (:Event)-[:ACTOR|TARGET|SOURCE|LOCATION]->(:Entity), (:Event)-[:REPORTED_IN]->(:Document),
(:Entity)-[:MENTIONED_IN {count}]->(:Document), (:Entity)-[:ACTS_FOR]->(:Entity) and, for
drawing, (:Entity)-[:INTERACTS {type, modality, weight}]->(:Entity) counted from the events.
"""
from __future__ import annotations

from pathlib import Path

from ..store import Store
from .subgraph import Subgraph
from .tables import write_rows

LABELS = {"PERSON": "Person", "ORG": "Organization", "COUNTRY": "Country", "LOCATION": "Location",
          "WEAPON": "Weapon", "EVENT": "NamedEvent", "OTHER": "Other"}
PARTIES = ("actor", "target", "source", "location")
FILES = {
    "entities.csv": ["id:ID(Entity)", "name", "type", "country", "aliases:string[]", "roles:string[]", "mentions:int", ":LABEL"],
    "documents.csv": ["id:ID(Document)", "name", "title", "published", "url", "outlet", ":LABEL"],
    "events.csv": ["id:ID(Event)", "type", "mode", "object", "modality", "date", "confidence:float", "rule", "story",
                   "evidence_start:int", "evidence_end:int", "evidence", ":LABEL"],
    "event_parties.csv": [":START_ID(Event)", ":END_ID(Entity)", ":TYPE"],
    "event_documents.csv": [":START_ID(Event)", ":END_ID(Document)", ":TYPE"],
    "mentions.csv": [":START_ID(Entity)", ":END_ID(Document)", "count:int", ":TYPE"],
    "acts_for.csv": [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"],
    "interactions.csv": [":START_ID(Entity)", ":END_ID(Entity)", "type", "modality", "weight:int", "first_date",
                         "last_date", "events:string[]", ":TYPE"],
}
NODE_FILES = ["entities.csv", "documents.csv", "events.csv"]


def _array(values: list[str]) -> str:
    return ";".join(v.replace(";", ",") for v in values)


def _rows(store: Store, g: Subgraph) -> dict[str, list[list]]:
    ids = {n["id"] for n in g.nodes}
    pairs = store.mention_pairs([n["id"] for n in g.nodes])
    doc_ids = {e["doc"] for e in g.events} | {p["doc_id"] for p in pairs}
    docs = store.document_headers(doc_ids)
    return {
        "entities.csv": [[n["id"], n["name"], n["type"], n["country_name"], _array(n["aliases"]), _array(n["roles"]),
                          n["mentions"], f"Entity;{LABELS.get(n['type'], 'Other')}"] for n in g.nodes],
        "documents.csv": [[i, d["name"], d["title"], d["published"], d["url"], d["outlet"], "Document"] for i, d in docs.items()],
        "events.csv": [[e["id"], e["type"], e["mode"], e["object"], e["modality"], e["date"], e["confidence"], e["rule"],
                        e["story"], e["evidence"]["start"], e["evidence"]["end"], e["evidence"]["text"], "Event"] for e in g.events],
        "event_parties.csv": [[e["id"], e[p], p.upper()] for e in g.events for p in PARTIES if e[p] in ids],
        "event_documents.csv": [[e["id"], e["doc"], "REPORTED_IN"] for e in g.events],
        "mentions.csv": [[p["entity_id"], p["doc_id"], p["count"], "MENTIONED_IN"] for p in pairs],
        "acts_for.csv": [[n["id"], n["country"], "ACTS_FOR"] for n in g.nodes if n["country"] in ids],
        "interactions.csv": [[e["source"], e["target"], e["type"], e["modality"], e["weight"], e["first_date"],
                              e["last_date"], _array(e["events"]), "INTERACTS"] for e in g.edges],
    }


def import_command() -> str:
    nodes = " ".join(f"--nodes={f}" for f in NODE_FILES)
    rels = " ".join(f"--relationships={f}" for f in FILES if f not in NODE_FILES)
    return ("#!/bin/sh\n# Import into a new Neo4j 5 database (stop it first): sh import.sh [DATABASE]\n"
            'cd "$(dirname "$0")" || exit 1\n'
            f"neo4j-admin database import full --overwrite-destination --multiline-fields=true {nodes} {rels} \"${{1:-neo4j}}\"\n")


def _list(column: str) -> str:
    return f"CASE WHEN row.`{column}` IS NULL OR row.`{column}` = '' THEN [] ELSE split(row.`{column}`, ';') END"


def cypher() -> str:
    """LOAD CSV statements for the same files (copy them into Neo4j's import folder first)."""
    parts = ["// newsgraph: load the CSV files of this folder with LOAD CSV.",
             "// Copy them into Neo4j's import folder, then run this script (cypher-shell -f load.cypher).",
             *[f"CREATE CONSTRAINT newsgraph_{l.lower()} IF NOT EXISTS FOR (n:{l}) REQUIRE n.id IS UNIQUE;"
               for l in ("Entity", "Document", "Event")],
             "LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row MERGE (n:Entity {id: row.`id:ID(Entity)`})\n"
             f"  SET n.name = row.name, n.type = row.type, n.country = row.country, n.aliases = {_list('aliases:string[]')},\n"
             f"      n.roles = {_list('roles:string[]')}, n.mentions = toInteger(row.`mentions:int`);",
             *[f"MATCH (n:Entity {{type: '{t}'}}) SET n:{l};" for t, l in LABELS.items()],
             "LOAD CSV WITH HEADERS FROM 'file:///documents.csv' AS row MERGE (d:Document {id: row.`id:ID(Document)`})\n"
             "  SET d.name = row.name, d.title = row.title, d.published = row.published, d.url = row.url, d.outlet = row.outlet;",
             "LOAD CSV WITH HEADERS FROM 'file:///events.csv' AS row MERGE (e:Event {id: row.`id:ID(Event)`})\n"
             "  SET e.type = row.type, e.mode = row.mode, e.object = row.object, e.modality = row.modality, e.date = row.date,\n"
             "      e.confidence = toFloat(row.`confidence:float`), e.rule = row.rule, e.story = row.story,\n"
             "      e.evidence_start = toInteger(row.`evidence_start:int`), e.evidence_end = toInteger(row.`evidence_end:int`),\n"
             "      e.evidence = row.evidence;",
             *[f"LOAD CSV WITH HEADERS FROM 'file:///event_parties.csv' AS row WITH row WHERE row.`:TYPE` = '{p.upper()}'\n"
               f"  MATCH (e:Event {{id: row.`:START_ID(Event)`}}), (n:Entity {{id: row.`:END_ID(Entity)`}}) MERGE (e)-[:{p.upper()}]->(n);"
               for p in PARTIES],
             "LOAD CSV WITH HEADERS FROM 'file:///event_documents.csv' AS row\n"
             "  MATCH (e:Event {id: row.`:START_ID(Event)`}), (d:Document {id: row.`:END_ID(Document)`}) MERGE (e)-[:REPORTED_IN]->(d);",
             "LOAD CSV WITH HEADERS FROM 'file:///mentions.csv' AS row\n"
             "  MATCH (n:Entity {id: row.`:START_ID(Entity)`}), (d:Document {id: row.`:END_ID(Document)`})\n"
             "  MERGE (n)-[m:MENTIONED_IN]->(d) SET m.count = toInteger(row.`count:int`);",
             "LOAD CSV WITH HEADERS FROM 'file:///acts_for.csv' AS row\n"
             "  MATCH (n:Entity {id: row.`:START_ID(Entity)`}), (c:Entity {id: row.`:END_ID(Entity)`}) MERGE (n)-[:ACTS_FOR]->(c);",
             "LOAD CSV WITH HEADERS FROM 'file:///interactions.csv' AS row\n"
             "  MATCH (a:Entity {id: row.`:START_ID(Entity)`}), (b:Entity {id: row.`:END_ID(Entity)`})\n"
             "  MERGE (a)-[r:INTERACTS {type: row.type, modality: row.modality}]->(b)\n"
             f"  SET r.weight = toInteger(row.`weight:int`), r.first_date = row.first_date, r.last_date = row.last_date,\n"
             f"      r.events = {_list('events:string[]')};"]
    return "\n".join(parts) + "\n"


def write_neo4j(store: Store, g: Subgraph, folder: Path) -> int:
    n = sum(write_rows(folder / name, FILES[name], rows) for name, rows in _rows(store, g).items())
    (folder / "import.sh").write_text(import_command(), encoding="utf-8")
    (folder / "load.cypher").write_text(cypher(), encoding="utf-8")
    return n
