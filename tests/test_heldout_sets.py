"""Held-out sets 2-14: fictional articles annotated without looking at newsgraph's output, scored
against floors pinned a little under the measured figures.

Each set was measured once before any rule was tuned on it (those first figures are the honest
estimate on unseen news, kept in the comments below). Sets 2, 3, 4, 5 and 8, from session 6 sets 6
and 10, and from session 7 set 13, were then used to find classes of error; sets 7, 9, 11, 12 and 14
never were. Sets 5-14 are in the domain of the reviewers' seed articles (arms transfers and military
cooperation around Iran, Russia and their neighbours); 2-4 avoid it. Once a set is used for tuning it
stops measuring generalisation: write a new one rather than tune on sets 7, 9, 11, 12 or 14.
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
    # Session 5 final: events 0.455, dyad 0.543, claims 0.452.
    "heldout2": HeldOut("heldout2", 12, {"entities.f1": 0.90, "entities.type_accuracy": 0.90, "events.f1": 0.43,
                                         "events_dyad.f1": 0.52, "claims.f1": 0.43}, 15),
    # First measured: entities 0.922, events 0.382, dyad 0.433, claims 0.167. Pinned 2026-11-23 after
    # the rounds that tuned on it: entities 0.922 (6 splits), events 0.470, dyad 0.534, claims 0.308.
    # Session 3 (tuned on set 5): events 0.484, dyad 0.541, claims 0.348.
    # Session 5 final: events 0.491, dyad 0.552, claims 0.411.
    # Session 7 final: events 0.498, dyad 0.552, claims 0.432.
    "heldout3": HeldOut("heldout3", 12, {"entities.f1": 0.90, "entities.type_accuracy": 0.94, "events.f1": 0.47,
                                         "events_dyad.f1": 0.53, "claims.f1": 0.41}, 8),
    # Never tuned on until session 4 (its claim errors were read then). First measured before the last three tuning
    # rounds: entities 0.873, events 0.449, dyad 0.517, claims 0.175. Pinned 2026-11-23 on the final build:
    # entities 0.873 (11 splits), events 0.457, dyad 0.525, claims 0.225.
    # Session 3, still never tuned on: events 0.466, dyad 0.536, claims 0.272.
    # Session 5 final: events 0.464, dyad 0.560, claims 0.306 (0.337 midway: a company's own statement is now its source).
    "heldout4": HeldOut("heldout4", 10, {"entities.f1": 0.85, "entities.type_accuracy": 0.92, "events.f1": 0.44,
                                         "events_dyad.f1": 0.54, "claims.f1": 0.29}, 13),
    # Seed domain. First measured (session-3 build before any rule was tuned on it): entities 0.912,
    # events 0.614, dyad 0.680, claims 0.321 (the session-2 build: events 0.602, dyad 0.667, claims 0.302).
    # Then tuned on: entities 0.917 (4 splits), events 0.664, dyad 0.717, claims 0.505.
    # Session 5 final: events 0.688, dyad 0.746, claims 0.633.
    "heldout5": HeldOut("heldout5", 10, {"entities.f1": 0.89, "entities.type_accuracy": 0.95, "events.f1": 0.66,
                                         "events_dyad.f1": 0.72, "claims.f1": 0.59}, 6),
    # Seed domain, never tuned on (scored three times, event and claim errors never read; the first
    # lines of its three misdated articles were read to fix header dates). First measured: entities
    # 0.903, events 0.429, dyad 0.545, claims 0.239, published 0.7 (the session-2 build: claims 0.242).
    # Session 4 final: entities 0.903 (2 splits), events 0.433, dyad 0.549, claims 0.220, published 1.0.
    # Session 5 final: events 0.435, dyad 0.552, claims 0.237.
    # Session 6: tuned on (its event and claim errors read). Final: entities 0.904, events 0.455, dyad 0.596,
    # claims 0.327.
    "heldout6": HeldOut("heldout6", 10, {"entities.f1": 0.88, "entities.type_accuracy": 0.94, "events.f1": 0.43,
                                         "events_dyad.f1": 0.57, "claims.f1": 0.30}, 4),
    # Seed domain, never tuned on (aggregates only; the first lines of its three misdated articles were
    # read). First measured on the session-3 build: entities 0.900, events 0.487, dyad 0.560, claims 0.382,
    # published 0.7. Session 4 final: entities 0.900 (9 splits), events 0.495, dyad 0.568, claims 0.396,
    # published 0.9 (a wire story with no year anywhere, which the gold dates).
    # Session 5 final: events 0.510, dyad 0.584, claims 0.463.
    "heldout7": HeldOut("heldout7", 10, {"entities.f1": 0.88, "entities.type_accuracy": 0.95, "events.f1": 0.48,
                                         "events_dyad.f1": 0.55, "claims.f1": 0.43, "published": 0.9}, 11),
    # Seed domain. First measured (session-4 build after its first commit): entities 0.858, events 0.343,
    # dyad 0.434, claims 0.352, published 0.7. Then tuned on: entities 0.858 (8 splits), events 0.392,
    # dyad 0.466, claims 0.457, published 1.0.
    # Session 5 final: events 0.408, dyad 0.482, claims 0.519.
    "heldout8": HeldOut("heldout8", 10, {"entities.f1": 0.84, "entities.type_accuracy": 0.94, "events.f1": 0.38,
                                         "events_dyad.f1": 0.46, "claims.f1": 0.49}, 10),
    # Seed domain, never tuned on (aggregates only; the header lines of its two misdated articles were
    # read). Written in session 5 by a helper that never ran newsgraph. First measured (commit 1643ed2): entities 0.920,
    # events 0.381, dyad 0.491, claims 0.351, published 0.8 (before the session's dateline fix).
    # Final: claims 0.360, published 1.0.
    "heldout9": HeldOut("heldout9", 10, {"entities.f1": 0.90, "entities.type_accuracy": 0.90, "events.f1": 0.36,
                                         "events_dyad.f1": 0.47, "claims.f1": 0.33}, 11),
    # Seed domain, never tuned on (aggregates only; the header lines of its two misdated articles were
    # read). Written in session 5 by a helper without the usual brief, who followed sets 5-8's READMEs.
    # First measured (mid-session build 52b7e7c): entities 0.905, events 0.454, dyad 0.577, claims 0.230,
    # published 0.8. Final: events 0.433, dyad 0.567, claims 0.211, published 1.0.
    # Session 6: tuned on (its event and claim errors read). Final: entities 0.908, events 0.450, dyad 0.588,
    # claims 0.288. Session 7 (tuned on): entities 0.919, events 0.471, dyad 0.612, claims 0.347.
    "heldout10": HeldOut("heldout10", 10, {"entities.f1": 0.90, "entities.type_accuracy": 0.95, "events.f1": 0.45,
                                           "events_dyad.f1": 0.59, "claims.f1": 0.32}, 11),
    # Seed domain, never tuned on (scored only; the header line of its one misdated article was read).
    # Written in session 6 by a helper that never ran newsgraph: longer web news with background
    # paragraphs. First measured (commit after 'the junta accused'): entities 0.865, events 0.380,
    # dyad 0.504, claims 0.364, published 0.9 (a wire story with no year, which the gold dates).
    # Session 7 final, still untouched: events 0.400, dyad 0.519, claims 0.369.
    "heldout11": HeldOut("heldout11", 10, {"entities.f1": 0.84, "entities.type_accuracy": 0.93, "events.f1": 0.38,
                                           "events_dyad.f1": 0.50, "claims.f1": 0.34, "published": 0.9}, 6),
    # Seed domain, never tuned on (scored only; the header lines of its two misdated articles were read,
    # and gave the dateline forms of session 6's last commit: its published figure is tuned). Written in
    # session 6: short pieces in the voice of non-Western state media. First measured (same commit as
    # set 11): entities 0.902, events 0.395, dyad 0.521, claims 0.250, published 0.8. Final: entities
    # 0.898, published 1.0. Session 7 final, still untouched: events 0.400, dyad 0.531, claims 0.281.
    # Session 9 final, still untouched: events 0.452, dyad 0.593, claims 0.316.
    "heldout12": HeldOut("heldout12", 10, {"entities.f1": 0.87, "entities.type_accuracy": 0.95, "events.f1": 0.42,
                                           "events_dyad.f1": 0.56, "claims.f1": 0.29}, 12),
    # Seed domain, seed style (Iranian, Russian and other state-aligned English sites, a think-tank piece).
    # Written in session 7 by a helper that never ran newsgraph; tuned on from its first measurement
    # (commit 4b812b0): entities 0.908, events 0.568, dyad 0.675,
    # claims 0.333, published 0.9. Final: events 0.576, dyad 0.683, claims 0.367.
    "heldout13": HeldOut("heldout13", 10, {"entities.f1": 0.88, "entities.type_accuracy": 0.96, "events.f1": 0.55,
                                           "events_dyad.f1": 0.65, "claims.f1": 0.34, "published": 0.9}, 8),
    # Seed domain, seed style, never tuned on (scored only; the header line of its one misdated article was
    # read, and gave the 'Published: 05.05.26' dateline: its published figure is tuned). Written in
    # session 7 by a helper that never ran newsgraph. First measured (commit ea3448a): entities 0.912,
    # events 0.529, dyad 0.655, claims 0.505, published 0.9. Final: the same, published 1.0.
    # Session 8 final, still untouched: events 0.538, dyad 0.682, claims 0.467 (two session-8 rules taken
    # from real news cost it two claims: a second name hung on the first one's title is a conjunct of it,
    # and an armed group stands for itself, not its country).
    "heldout14": HeldOut("heldout14", 10, {"entities.f1": 0.89, "entities.type_accuracy": 0.94, "events.f1": 0.50,
                                           "events_dyad.f1": 0.64, "claims.f1": 0.44}, 6),
    # Real-wire style (Reuters, AP, AFP, Al Jazeera and regional papers: datelines, bylines, trailers), Africa,
    # Asia, Latin America, the Middle East and Eastern Europe; never tuned on. Written in session 8 by a helper
    # that never ran newsgraph, after the session's rules were in. First measured (commit after the
    # session-8 review): entities 0.896, events 0.369, dyad 0.483, claims 0.241, published 0.8. The header lines of
    # its two misdated articles were read: a dateline under a one-sentence standfirst is now read (published 0.9);
    # "Name / TNN / Updated: <date>" is left (an update note, which the date rules skip on purpose).
    # Session 9 final, still untouched: events 0.374, dyad 0.488, claims 0.239.
    "heldout15": HeldOut("heldout15", 10, {"entities.f1": 0.89, "entities.type_accuracy": 0.95, "events.f1": 0.34,
                                           "events_dyad.f1": 0.45, "claims.f1": 0.22, "published": 0.9}, 10),
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
