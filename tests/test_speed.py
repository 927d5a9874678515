"""Speed-ups that must not change any result: analysis split over forked processes, the
attribute rules looked up instead of matched, and a document's stories read and written
in bulk. Every article here is our own fictional text."""
from __future__ import annotations

import multiprocessing
from types import SimpleNamespace

import pytest

from newsgraph.clean import clean
from newsgraph.model import RawDocument
from newsgraph.store import Store
from newsgraph.stories import assign

PAIRS = [("Norway", "Chile", "Oslo", "Santiago"), ("Kenya", "Peru", "Nairobi", "Lima"),
         ("Poland", "Ghana", "Warsaw", "Accra"), ("Canada", "Egypt", "Ottawa", "Cairo")]
STORIES = [
    "{cap_a}, 3 March — {a}'s foreign minister Lena Varga met her {b} counterpart in {cap_b} on Monday to "
    "discuss a new trade agreement. Officials said the talks would continue next week.",
    "{a} has delivered six patrol boats to {b}, the defence ministry in {cap_a} said on Tuesday. "
    "{b} denied that the vessels were armed, and said it would use them against smugglers.",
    "Thousands of people protested outside the {b} embassy in {cap_a} on Saturday. Police said the rally "
    "was peaceful; the organisers accused {b} of ignoring a court ruling.",
]


@pytest.fixture(scope="module")
def documents():
    texts = [story.format(a=a, b=b, cap_a=ca, cap_b=cb) for a, b, ca, cb in PAIRS for story in STORIES]
    return [clean(RawDocument(name=f"a{i}.txt", source=f"test:a{i}", data=text, format="text"))
            for i, text in enumerate(texts)]


@pytest.mark.slow
@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork()")
def test_analysis_split_over_processes_gives_the_same_results_in_the_same_order(documents):
    from newsgraph.extract import Analyser

    alone = list(Analyser(batch_size=4).analyse_many(documents))
    split = Analyser(batch_size=4, n_process=2)
    try:
        got = list(split.analyse_many(documents))
        assert split._workers is not None  # the documents really went to forked workers
    finally:
        split.close()
    assert [a.doc_id for a in got] == [d.id for d in documents]
    assert got == alone
    assert any(a.events for a in got) and all(a.entities for a in got)


@pytest.mark.slow
def test_multi_token_attribute_rules_annotate_exactly_as_the_model():
    import spacy

    from newsgraph.nlp import DEFAULT_MODEL, load

    text = ("Y'all gotta see this, c'mon. Let's go: there were two boats and there is a third one, "
            "ain't there? We're gonna wait, they said, and there are no plans yet.")
    ours, theirs = load()(text), spacy.load(DEFAULT_MODEL)(text)
    assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [(t.pos_, str(t.morph), t.lemma_) for t in theirs]


def _event(date: str | None, obj: str | None, actor: str | None = "E1", target: str | None = "E2") -> dict:
    return {"type": "AID", "actor_id": actor, "target_id": target, "date": date, "object": obj, "story_id": None}


def test_events_of_one_document_join_and_widen_the_story_the_first_one_starts(tmp_path):
    store = Store(str(tmp_path / "kb.db"))
    first = [_event("2025-05-01", "patrol boats"), _event("2025-05-20", None), _event(None, None, None, None)]
    with store.transaction() as writer:
        rows = assign(writer, SimpleNamespace(published="2025-05-10"), first)
    assert rows[0]["story_id"] == rows[1]["story_id"] is not None and rows[2]["story_id"] is None
    later = [_event("2025-06-01", None), _event("2025-06-03", None)]
    with store.transaction() as writer:
        rows += assign(writer, SimpleNamespace(published="2025-06-02"), later)
    stories = store.story_rows()
    assert len(stories) == 1 and {r["story_id"] for r in rows if r["story_id"]} == {stories[0]["id"]}
    story = stories[0]
    assert (story["date_from"], story["date_to"]) == ("2025-05-01", "2025-06-03")
    assert (story["first_seen"], story["last_seen"]) == ("2025-05-10", "2025-06-02")
    store.close()
