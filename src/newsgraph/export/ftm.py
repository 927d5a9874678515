"""FollowTheMoney entities (JSON Lines) for Aleph / OpenAleph: `ftm` and `alephclient
write-entities` read them.

People, organisations, countries (as public bodies) and places become FtM entities;
each source document an Article; each (entity, document) pair of mentions a
Documentation; each event an UnknownLink between its actor and target (an Event
when it has only an actor), with the evidence sentence as summary and the article
as proof. Weapons, named events and OTHER have no FtM schema and stay in the event
descriptions. Ids are derived from the dataset name, so two databases never collide.
"""
from __future__ import annotations

import json
from typing import IO, Iterator

from ..errors import OptionalDependencyMissing
from ..store import Store
from .subgraph import Subgraph

SCHEMA = {"PERSON": "Person", "ORG": "Organization", "COUNTRY": "PublicBody", "LOCATION": "Address"}


def _model():
    try:
        from followthemoney import model
    except ModuleNotFoundError:
        raise OptionalDependencyMissing("the FollowTheMoney export", "ftm") from None
    return model


class Builder:
    """Makes FtM proxies with ids scoped to one dataset."""

    def __init__(self, dataset: str):
        self.model = _model()
        self.dataset = dataset

    def make(self, schema: str, *key: str):
        proxy = self.model.make_entity(schema)
        proxy.make_id("newsgraph", self.dataset, *key)
        return proxy


def _entity(b: Builder, node: dict):
    schema = SCHEMA[node["type"]]
    proxy = b.make(schema, "entity", node["id"])
    proxy.add("full" if schema == "Address" else "name", node["name"])
    if schema != "Address":
        proxy.add("alias", [a for a in node["aliases"] if a != node["name"]])
    country = node["name"] if node["type"] == "COUNTRY" else node["country_name"]
    proxy.add("country", country, quiet=True)
    if schema == "Person":
        proxy.add("position", node["roles"])
    proxy.add("description", f"newsgraph entity {node['id']} ({node['type']})")
    return proxy


def _article(b: Builder, doc) -> object:
    proxy = b.make("Article", "document", doc.id)
    proxy.add("title", doc.title or doc.name)
    proxy.add("fileName", doc.name)
    proxy.add("bodyText", doc.text)
    proxy.add("publishedAt", doc.published, quiet=True)
    proxy.add("sourceUrl", doc.url, quiet=True)
    proxy.add("publisher", doc.outlet)
    proxy.add("author", doc.byline)
    return proxy


def _describe(ev: dict, g: Subgraph) -> str:
    name = lambda i: g.labels.get(i, {}).get("name", i)  # noqa: E731
    said = f", according to {name(ev['source'])}" if ev["source"] else ""
    what = f" ({ev['object']})" if ev["object"] else ""
    return f"{ev['type']}{'/' + ev['mode'] if ev['mode'] else ''}{what}: {ev['modality']}{said}"


def _event(b: Builder, ev: dict, g: Subgraph, known: dict[str, str]):
    actor, target = known.get(ev["actor"]), known.get(ev["target"])
    if actor and target:
        proxy = b.make("UnknownLink", "event", ev["id"])
        proxy.add("subject", actor)
        proxy.add("object", target)
        proxy.add("role", f"{ev['type']} ({ev['modality']})")
    else:
        proxy = b.make("Event", "event", ev["id"])
        proxy.add("name", f"{g.labels.get(ev['actor'], {}).get('name', '?')} {ev['type']}")
        proxy.add("involved", [i for i in (actor, target) if i])
        proxy.add("location", g.labels.get(ev["location"], {}).get("name"))
    proxy.add("date", ev["date"], quiet=True)
    proxy.add("summary", ev["evidence"]["text"])
    proxy.add("description", _describe(ev, g))
    proxy.add("proof", b.make("Article", "document", ev["doc"]).id)
    return proxy


def entities(store: Store, g: Subgraph, dataset: str) -> Iterator[dict]:
    b = Builder(dataset)
    known: dict[str, str] = {}
    for node in g.nodes:
        if node["type"] in SCHEMA:
            proxy = _entity(b, node)
            known[node["id"]] = proxy.id
            yield proxy.to_dict()
    pairs = [p for p in store.mention_pairs(list(known)) if p["entity_id"] in known]
    docs = {p["doc_id"] for p in pairs} | {e["doc"] for e in g.events}
    for doc_id in sorted(docs):
        yield _article(b, store.document(doc_id)).to_dict()
    for p in pairs:
        link = b.make("Documentation", "mention", p["entity_id"], p["doc_id"])
        link.add("entity", known[p["entity_id"]])
        link.add("document", b.make("Article", "document", p["doc_id"]).id)
        link.add("role", f"mentioned {p['count']} time{'s' if p['count'] != 1 else ''}")
        yield link.to_dict()
    for ev in g.events:
        yield _event(b, ev, g, known).to_dict()


def write_ftm(store: Store, g: Subgraph, out: IO[str], dataset: str) -> int:
    n = 0
    for entity in entities(store, g, dataset):
        out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n
