"""GraphML and GEXF: the entity graph as Gephi (and networkx, yEd, Cytoscape desktop) opens it.

Nodes are entities (label, type, country, aliases, roles, mentions); edges are
events between two entities counted by actor, target, event type and modality,
with the first and last date and the weight (number of events).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import IO

from .subgraph import Subgraph

INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
NODE_ATTRS = [("label", "string"), ("type", "string"), ("country", "string"), ("country_id", "string"),
              ("aliases", "string"), ("roles", "string"), ("mentions", "int"), ("events", "int")]
EDGE_ATTRS = [("type", "string"), ("modality", "string"), ("weight", "double"), ("date", "string"),
              ("last_date", "string"), ("events", "string"), ("documents", "string")]
NODE_RGB = {"PERSON": (217, 104, 43), "ORG": (47, 138, 83), "COUNTRY": (45, 100, 176), "LOCATION": (130, 86, 179),
            "WEAPON": (184, 50, 39), "EVENT": (19, 143, 143), "OTHER": (107, 122, 123)}
GEXF_NS, VIZ_NS = "http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz"


def clean(value) -> str:
    return INVALID_XML.sub("", "" if value is None else str(value))


def node_values(n: dict) -> dict:
    return {"label": n["name"], "type": n["type"], "country": n["country_name"], "country_id": n["country"],
            "aliases": "; ".join(n["aliases"]), "roles": "; ".join(n["roles"]), "mentions": n["mentions"],
            "events": n["events"]}


def edge_values(e: dict) -> dict:
    return {"type": e["type"], "modality": e["modality"], "weight": float(e["weight"]), "date": e["first_date"],
            "last_date": e["last_date"], "events": " ".join(e["events"]), "documents": " ".join(e["documents"])}


def _write(root: ET.Element, out: IO[str]) -> None:
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def write_graphml(g: Subgraph, out: IO[str]) -> int:
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for kind, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        for name, typ in attrs:
            ET.SubElement(root, "key", {"id": f"{kind[0]}_{name}", "for": kind, "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, "graph", id="newsgraph", edgedefault="directed")
    for n in g.nodes:
        el = ET.SubElement(graph, "node", id=clean(n["id"]))
        for name, value in node_values(n).items():
            if value not in (None, ""):
                ET.SubElement(el, "data", key=f"n_{name}").text = clean(value)
    for i, e in enumerate(g.edges):
        el = ET.SubElement(graph, "edge", id=f"e{i}", source=clean(e["source"]), target=clean(e["target"]))
        for name, value in edge_values(e).items():
            if value not in (None, ""):
                ET.SubElement(el, "data", key=f"e_{name}").text = clean(value)
    _write(root, out)
    return len(g.nodes) + len(g.edges)


def _attvalues(parent: ET.Element, values: dict) -> None:
    box = ET.SubElement(parent, "attvalues")
    for name, value in values.items():
        if value not in (None, ""):
            ET.SubElement(box, "attvalue", {"for": name, "value": clean(value)})


def write_gexf(g: Subgraph, out: IO[str]) -> int:
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:viz": VIZ_NS, "version": "1.2"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "newsgraph"
    ET.SubElement(meta, "description").text = "entities and the PLOVER events between them"
    graph = ET.SubElement(root, "graph", defaultedgetype="directed", mode="static")
    for kind, attrs in (("node", NODE_ATTRS[1:]), ("edge", EDGE_ATTRS)):
        box = ET.SubElement(graph, "attributes", {"class": kind})
        for name, typ in attrs:
            if name != "weight":
                ET.SubElement(box, "attribute", id=name, title=name, type="integer" if typ == "int" else typ)
    nodes = ET.SubElement(graph, "nodes")
    for n in g.nodes:
        el = ET.SubElement(nodes, "node", id=clean(n["id"]), label=clean(n["name"]))
        _attvalues(el, {k: v for k, v in node_values(n).items() if k != "label"})
        r, gr, b = NODE_RGB.get(n["type"], NODE_RGB["OTHER"])
        ET.SubElement(el, "viz:color", r=str(r), g=str(gr), b=str(b))
        ET.SubElement(el, "viz:size", value=str(10 + min(40, n["events"])))
    edges = ET.SubElement(graph, "edges")
    for i, e in enumerate(g.edges):
        el = ET.SubElement(edges, "edge", id=str(i), source=clean(e["source"]), target=clean(e["target"]),
                           label=clean(e["type"]), weight=str(float(e["weight"])))
        _attvalues(el, {k: v for k, v in edge_values(e).items() if k != "weight"})
    _write(root, out)
    return len(g.nodes) + len(g.edges)
