"""Stories across documents and their claims ledger, on fictional articles of our own
(tests/fixtures/events/): one article alleges an arms delivery, another denies it,
a third carries the first one's sentence word for word."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cli.main import main
from newsgraph.stories import cluster, ledger

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def aid_story(kb) -> dict:
    names = {}
    for story in kb.stories():
        names = kb.entity_names([story["actor"], story["target"]])
        if story["type"] == "AID" and names.get(story["actor"]) == "Belarus" and names.get(story["target"]) == "Serbia":
            return story
    raise AssertionError(f"no AID Belarus -> Serbia story in {kb.stories()}")


@pytest.mark.slow
def test_an_assertion_and_a_denial_from_two_articles_form_one_story(kb):
    kb.ingest([str(FIXTURES / "drone_claims.jsonl")])
    story = aid_story(kb)
    names = kb.entity_names(line["source"] for line in story["ledger"])
    lines = {(line["modality"], names.get(line["source"])) for line in story["ledger"]}
    assert ("alleged", "Lithuania") in lines
    assert ("denied", "Ilya Marchenko") in lines
    assert story["document_count"] == 2
    assert story["first_seen"] == "2025-06-02" and story["last_seen"] == "2025-06-04"
    assert story["corroboration"] == {"alleged": 1, "denied": 1}


@pytest.mark.slow
def test_new_documents_join_stories_incrementally_and_wire_copies_are_not_new_sources(kb):
    kb.ingest([str(FIXTURES / "drone_claims.jsonl")])
    before = aid_story(kb)
    kb.ingest([str(FIXTURES / "wire_copy.jsonl")])
    after = aid_story(kb)
    assert after["id"] == before["id"]
    assert after["document_count"] == 3 and after["event_count"] == before["event_count"] + 1
    alleged = next(line for line in after["ledger"] if line["modality"] == "alleged")
    assert len(alleged["documents"]) == 2
    assert alleged["independent"] == 1  # the same sentence, syndicated: one source
    kb.ingest([str(FIXTURES / "wire_copy.jsonl")])  # re-ingesting changes nothing
    assert aid_story(kb)["event_count"] == after["event_count"]


@pytest.mark.slow
def test_cli_lists_events_claims_timeline_and_stories_with_evidence(tmp_path, capsys):
    db = str(tmp_path / "kb.db")
    assert main(["--db", db, "-q", "ingest", str(FIXTURES / "drone_claims.jsonl")]) == 0
    capsys.readouterr()
    assert main(["--db", db, "events", "--type", "AID", "--modality", "denied", "--evidence", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "AID Belarus -> Serbia" in out and "denied, says Ilya Marchenko" in out
    assert "“Belarusian Foreign Ministry spokesman" in out and "rule: AID:verb:send" in out
    assert main(["--db", db, "claims", "Belarus", "--evidence"]) == 0
    out = capsys.readouterr().out
    assert "alleged  by Lithuania" in out and "denied   by Ilya Marchenko" in out
    assert main(["--db", db, "timeline", "Serbia"]) == 0
    assert "2025-05" in capsys.readouterr().out
    assert main(["--db", db, "stories", "--evidence"]) == 0
    assert "AID Belarus -> Serbia" in capsys.readouterr().out
    assert main(["--db", db, "events", "--actor", "Atlantis"]) == 1  # an unknown entity is an error, not nothing
    assert "no entity 'Atlantis'" in capsys.readouterr().err


def test_story_keys_lift_parties_and_ignore_order_for_symmetric_types():
    assert cluster.story_key("CONSULT", "E2", "E1") == cluster.story_key("CONSULT", "E1", "E2")
    assert cluster.story_key("AID", "E2", "E1") != cluster.story_key("AID", "E1", "E2")
    assert cluster.story_key("AID", None, None) is None


def test_dates_and_objects_decide_between_stories_of_one_key():
    story = {"date_from": "2025-03-01", "date_to": "2025-03-31", "objects": "drone"}
    assert cluster.compatible(story, cluster.span("2025-04-10"), {"drone"})
    assert not cluster.compatible(story, cluster.span("2025-09-10"), {"drone"})
    assert not cluster.compatible(story, cluster.span("2025-03-10"), {"missile"})
    assert cluster.compatible(story, None, cluster.object_words("weapons"))  # too general to split on
    assert cluster.object_words("200 Shahed-136 drones") == {"drone", "shahed-136"}
    assert cluster.when(None, "2025-06-04") == ("2025-04-05", "2025-06-04")


def test_independent_sources_merge_outlets_and_identical_sentences():
    ev = lambda i, doc, text: {"id": i, "doc": doc, "modality": "asserted", "source": None,  # noqa: E731
                               "evidence": {"text": text}}
    docs = {"a": {"outlet": "Ledger"}, "b": {"outlet": "Ledger"}, "c": {"outlet": "Wire"}, "d": {"outlet": None}}
    events = [ev("1", "a", "X said so."), ev("2", "b", "Y said so."), ev("3", "c", "X said so!"), ev("4", "d", "Z.")]
    assert ledger.independent(events, docs) == 2  # a+b one outlet, c copies a's sentence; d on its own
    assert ledger.corroboration(events, docs) == {"asserted": 2}
