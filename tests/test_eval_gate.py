"""Evaluation gate: the scorer's figures on gold-annotated corpora must not drop below pinned floors.

Floors sit a little under the figures measured when they were pinned, so noise
does not fail the build but a real regression does. Raise them when quality
improves; never lower one to make a change pass.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import newsgraph

from .conftest import EXAMPLES, GOLD, ROOT, SCORER, SEEDS

# Pinned 2026-11-23 at: seeds entities 0.993 (splits 1, types 1.0), events 0.667, dyad 0.722, claims 0.634;
# examples entities 0.993 (splits 0), events 0.654, dyad 0.698, claims 0.571.
# Examples raised 2026-11-23 (session 2) to events 0.742, dyad 0.798, claims 0.684.
# Raised 2026-11-23 (session 3, purchases, listed parties, grievances, appended denials) from seeds
# events 0.706, dyad 0.767, claims 0.744.
# Raised 2026-11-23 (session 5: surnames the model missed, sources of told protests, denials by
# dismissal) from seeds events 0.721, dyad 0.767, claims 0.773; examples events 0.756, dyad 0.816,
# claims 0.732.
SEED_FLOORS = {"published": 1.0, "provenance": 1.0, "entities.f1": 0.97, "entities.type_accuracy": 0.97,
               "events.f1": 0.70, "events_dyad.f1": 0.74, "claims.f1": 0.74}
EXAMPLE_FLOORS = {"published": 1.0, "provenance": 1.0, "entities.f1": 0.97, "entities.type_accuracy": 0.97,
                  "events.f1": 0.73, "events_dyad.f1": 0.79, "claims.f1": 0.70}
# Held-out set (tests/fixtures/heldout: 14 articles on topics the seeds and examples leave out, and
# 42 one-sentence items coded with strict PLOVER), pinned 2026-11-23 after the generalisation round:
# articles entities 0.917 (splits 6), events 0.403, dyad 0.425, claims 0.156; sentences dyad 0.659.
# Raised 2026-11-23 after the claims round (targets from clauses and phrases, seat cities,
# "the government", workers' strikes, accused acts and their sources):
# articles events 0.542, dyad 0.558, claims 0.304; sentences dyad 0.681.
# First measured before any fix: articles entities 0.917, events 0.397, dyad 0.418, claims 0.135; sentences 0.575.
# Entities raised 2026-11-23 after the entity round (wire agency credits blanked, dateline capitals as places,
# lower-case qualified armies, facility names): articles entities 0.990 (splits 4).
# Raised 2026-11-23 after the attribution round (passive accusations, denied event nouns and charges,
# threats aimed at what provoked them, undergone and culprit events, modal "could", spokespeople's
# countries; measured with the event-targets round's work in the same tree):
# articles events 0.553, dyad 0.563, claims 0.447; sentences dyad 0.696.
# Raised 2026-11-23 after the target and affiliation rounds: articles events 0.567, dyad 0.597, claims 0.455;
# sentences dyad 0.783. After the last claims round: articles dyad 0.605, claims 0.477.
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
HELDOUT_FLOORS = {"published": 1.0, "provenance": 1.0, "entities.f1": 0.97, "entities.type_accuracy": 0.96,
                  "events.f1": 0.55, "events_dyad.f1": 0.59, "claims.f1": 0.46}
SENTENCE_FLOORS = {"published": 1.0, "provenance": 1.0, "entities.f1": 0.97, "events_dyad.f1": 0.76}
MAX_SPLITS = {"seeds": 2, "examples": 2, "heldout": 5, "sentences": 8}


def score(corpus, gold, tmp_path) -> dict:
    db, export = tmp_path / "kb.db", tmp_path / "export.jsonl"
    with newsgraph.open(str(db)) as kb:
        kb.ingest([str(c) for c in (corpus if isinstance(corpus, list) else [corpus])])
        with open(export, "w", encoding="utf-8") as fh:
            kb.export("jsonl", fh)
    run = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(export), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def figure(metrics: dict, name: str) -> float:
    value = metrics
    for part in name.split("."):
        value = value[part]
    return value


def check(metrics: dict, floors: dict, max_splits: int) -> None:
    assert not metrics["documents_missing"], metrics["documents_missing"]
    assert metrics["entities"]["splits"] <= max_splits, metrics["entities"]
    below = {k: (figure(metrics, k), floor) for k, floor in floors.items() if figure(metrics, k) < floor}
    assert not below, f"below the pinned floor (measured, floor): {below}"


@pytest.mark.slow
def test_seed_corpus_scores(tmp_path):
    if not (SEEDS.is_dir() and GOLD.is_file() and SCORER.is_file()):
        pytest.skip("../shared (seeds, gold, scorer) is not present in this checkout")
    check(score(SEEDS, GOLD, tmp_path), SEED_FLOORS, MAX_SPLITS["seeds"])


@pytest.mark.slow
def test_fictional_sample_scores(tmp_path):
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score.py is not present in this checkout")
    check(score(EXAMPLES, ROOT / "examples" / "gold.jsonl", tmp_path), EXAMPLE_FLOORS, MAX_SPLITS["examples"])


@pytest.mark.slow
def test_heldout_article_scores(tmp_path):
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score.py is not present in this checkout")
    articles = sorted(HELDOUT.glob("*.txt"))
    check(score(articles, HELDOUT / "gold.jsonl", tmp_path), HELDOUT_FLOORS, MAX_SPLITS["heldout"])


@pytest.mark.slow
def test_heldout_sentence_scores(tmp_path):
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score.py is not present in this checkout")
    sentences = HELDOUT / "sentences.jsonl"
    check(score(sentences, HELDOUT / "sentences_gold.jsonl", tmp_path), SENTENCE_FLOORS, MAX_SPLITS["sentences"])
