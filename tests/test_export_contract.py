"""The JSON Lines export keeps the contract of shared/EXPORT-SCHEMA.md."""
from __future__ import annotations

import io
import json
import re

import pytest

import newsgraph

DOC_FIELDS = {"id": str, "name": str, "title": (str, type(None)), "published": (str, type(None)),
              "url": (str, type(None)), "outlet": (str, type(None)), "text": str}
ENTITY_FIELDS = {"id": str, "name": str, "type": str, "aliases": list, "country": (str, type(None)),
                 "roles": list, "mentions": list}
EVENT_FIELDS = {"id": str, "doc": str, "type": str, "mode": (str, type(None)), "actor": (str, type(None)),
                "target": (str, type(None)), "object": (str, type(None)), "modality": str,
                "source": (str, type(None)), "date": (str, type(None)), "location": (str, type(None)),
                "evidence": dict, "confidence": float, "story": (str, type(None))}
ENTITY_TYPES = {"PERSON", "ORG", "COUNTRY", "LOCATION", "WEAPON", "EVENT", "OTHER"}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "alleged", "denied", "planned"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def exported(tmp_path_factory, request):
    from .conftest import EXAMPLES

    db = str(tmp_path_factory.mktemp("contract") / "kb.db")
    with newsgraph.open(db) as kb:
        kb.ingest([str(EXAMPLES)])
        first, second = io.StringIO(), io.StringIO()
        kb.export("jsonl", first)
        kb.export("jsonl", second)
    assert first.getvalue() == second.getvalue(), "re-exports of the same database are identical"
    return [json.loads(line) for line in first.getvalue().splitlines()]


def check_fields(record: dict, fields: dict) -> None:
    for name, kind in fields.items():
        assert name in record, f"{record['kind']} lacks {name}"
        assert isinstance(record[name], kind), (record["kind"], name, record[name])


@pytest.mark.slow
def test_every_line_keeps_the_contract(exported):
    kinds = {r["kind"] for r in exported}
    assert kinds == {"document", "entity", "event"}
    docs = {r["id"]: r for r in exported if r["kind"] == "document"}
    entities = {r["id"]: r for r in exported if r["kind"] == "entity"}
    for d in docs.values():
        check_fields(d, DOC_FIELDS)
        assert d["published"] is None or DATE.match(d["published"])
    for e in entities.values():
        check_fields(e, ENTITY_FIELDS)
        assert e["type"] in ENTITY_TYPES
        assert e["country"] is None or entities[e["country"]]["type"] == "COUNTRY"
        for m in e["mentions"]:
            assert docs[m["doc"]]["text"][m["start"]:m["end"]] == m["text"]
    for ev in (r for r in exported if r["kind"] == "event"):
        check_fields(ev, EVENT_FIELDS)
        assert ev["type"] in PLOVER and ev["modality"] in MODALITIES and 0 <= ev["confidence"] <= 1
        assert ev["date"] is None or DATE.match(ev["date"])
        for party in ("actor", "target", "source", "location"):
            assert ev[party] is None or ev[party] in entities
        span = ev["evidence"]
        assert docs[ev["doc"]]["text"][span["start"]:span["end"]] == span["text"]
    ids = [r["id"] for r in exported]
    assert len(ids) == len(set(ids))


@pytest.mark.slow
def test_duplicates_and_foreign_documents_are_exported_but_not_analysed(exported):
    docs = [r for r in exported if r["kind"] == "document"]
    analysed = {r["doc"] for r in exported if r["kind"] == "event"}
    analysed |= {m["doc"] for r in exported if r["kind"] == "entity" for m in r["mentions"]}
    skipped = [d for d in docs if d.get("duplicate_of") or d.get("status") == "non-english"]
    assert skipped, "the sample corpus holds a wire copy and a French article"
    assert not analysed & {d["id"] for d in skipped}
