"""Held-out sets 2-4: fictional articles annotated without looking at newsgraph's output, scored
against floors pinned a little under the measured figures.

Each set was measured once before any rule was tuned on it (those first figures are the honest
estimate on unseen news, kept in the comments below). Sets 2 and 3 were then used to find classes
of error; set 4 never was. Once a set is used for tuning it stops measuring generalisation: write
a new one rather than tune on set 4.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from .conftest import ROOT, SCORER
from .test_eval_gate import check, score

MODALITIES = {"asserted", "alleged", "denied", "planned"}
INVARIANTS = {"published": 1.0, "provenance": 1.0}


@dataclass(frozen=True)
class HeldOut:
    folder: str
    articles: int
    floors: dict
    max_splits: int


SETS = {
    # First measured: entities 0.922, events 0.344, dyad 0.400, claims 0.198. Pinned 2026-11-23 after
    # the session-2 rounds that tuned on it: entities 0.916 (13 splits), events 0.443, dyad 0.536, claims 0.440.
    "heldout2": HeldOut("heldout2", 12, {"entities.f1": 0.90, "entities.type_accuracy": 0.90, "events.f1": 0.42,
                                         "events_dyad.f1": 0.51, "claims.f1": 0.42}, 15),
    # First measured: entities 0.922, events 0.382, dyad 0.433, claims 0.167. Pinned 2026-11-23 after
    # the rounds that tuned on it: entities 0.922 (6 splits), events 0.470, dyad 0.534, claims 0.308.
    "heldout3": HeldOut("heldout3", 12, {"entities.f1": 0.90, "entities.type_accuracy": 0.94, "events.f1": 0.44,
                                         "events_dyad.f1": 0.51, "claims.f1": 0.29}, 8),
    # Never tuned on (scored three times, errors never read). First measured before the last three tuning
    # rounds: entities 0.873, events 0.449, dyad 0.517, claims 0.175. Pinned 2026-11-23 on the final build:
    # entities 0.873 (11 splits), events 0.457, dyad 0.525, claims 0.225.
    "heldout4": HeldOut("heldout4", 10, {"entities.f1": 0.85, "entities.type_accuracy": 0.92, "events.f1": 0.43,
                                         "events_dyad.f1": 0.50, "claims.f1": 0.20}, 13),
}


def folder(name: str):
    return ROOT / "tests" / "fixtures" / SETS[name].folder


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_matches_its_articles(name):
    """Every gold row names an article of the set, quotes its evidence verbatim and names gold parties."""
    articles = {p.name: p.read_text(encoding="utf-8") for p in folder(name).glob("*.txt")}
    rows = [json.loads(line) for line in (folder(name) / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    assert len(articles) == SETS[name].articles
    assert sorted(r["doc"] for r in rows) == sorted(articles)
    for row in rows:
        names = {e["name"] for e in row["entities"]}
        for event in row["events"]:
            assert event["evidence"] in articles[row["doc"]], (row["doc"], event["evidence"])
            assert event["modality"] in MODALITIES, (row["doc"], event["modality"])
            parties = {event["actor"], event.get("target"), event.get("source")} - {None}
            assert parties <= names, (row["doc"], parties - names)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SETS))
def test_article_scores(name, tmp_path):
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score.py is not present in this checkout")
    metrics = score(sorted(folder(name).glob("*.txt")), folder(name) / "gold.jsonl", tmp_path)
    print(name, json.dumps({k: metrics[k] for k in ("entities", "events", "events_dyad", "claims")}))
    check(metrics, INVARIANTS | SETS[name].floors, SETS[name].max_splits)
