"""The synthetic corpus the scale benchmarks ingest: deterministic, varied, and never a duplicate."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter

from newsgraph.clean import dedup

from .conftest import ROOT


def gen_corpus():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "benchmarks" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_corpus", module)
    spec.loader.exec_module(module)
    return module


def test_same_seed_same_corpus_other_seed_other_corpus():
    g = gen_corpus()
    first = list(g.generate(50, seed=4))
    assert first == list(g.generate(50, seed=4))
    assert first != list(g.generate(50, seed=5))
    assert [a.text for a in g.articles(10, seed=4, start=20)] == [t for _, t in first[20:30]]


def test_articles_are_distinct_and_not_near_duplicates():
    articles = [text for _, text in gen_corpus().generate(2000, seed=1)]
    assert len({dedup.content_hash(t) for t in articles}) == 2000
    fingerprints = [dedup.simhash(t) for t in articles]
    buckets: dict[tuple[int, int], list[int]] = {}
    for i, fp in enumerate(fingerprints):
        for band in enumerate(dedup.bands(fp)):
            for j in buckets.get(band, []):
                assert not dedup.is_near_duplicate(fp, fingerprints[j]), (i, j)
            buckets.setdefault(band, []).append(i)


def test_articles_look_like_scraped_news():
    g = gen_corpus()
    articles = list(g.articles(400, seed=2))
    kinds = Counter(a.name.split("_", 1)[1] for a in articles)
    assert set(kinds) == {f"{k}.txt" for k in ("accuse", "arms", "drill", "protest", "sanction", "summit", "visit")}
    texts = [a.text for a in articles]
    assert any(" date 20" in t.split("\n", 1)[0] for t in texts)  # "<title> date YYYY-MM-DD <body>"
    assert any("\nBy " in t for t in texts) and any("\nSource: " in t for t in texts)
    assert any(t.rstrip().endswith(("Advertisement", "Read more", "Latest news")) for t in texts)
    words = sum(len(t.split()) for t in texts) / len(texts)
    assert 150 < words < 400


def test_cli_writes_files_and_json_lines(tmp_path):
    script = str(ROOT / "benchmarks" / "gen_corpus.py")
    run = subprocess.run([sys.executable, script, "--n", "30", "--seed", "3", "--out", str(tmp_path / "d"),
                          "--jsonl", str(tmp_path / "c.jsonl")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    files = sorted((tmp_path / "d").iterdir())
    records = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text().splitlines()]
    assert len(files) == len(records) == 30
    assert [f.name for f in files] == [r["id"] for r in records]
    assert files[7].read_text() == records[7]["text"] and records[7]["published"][:2] == "20"
