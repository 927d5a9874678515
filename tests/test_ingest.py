"""Ingest: every input format, duplicates, idempotence, and recovery after SIGKILL."""
from __future__ import annotations

import io
import json
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time

import newsgraph
from newsgraph.ingest import IngestOptions

from .conftest import ROOT, cli_env, write

NO_NLP = IngestOptions(analyse=False)
WORDS = ("border trade river grain rail bridge customs fishing power pipeline visa port water treaty loan "
         "school bank road market tariff canal airport harbour wheat cotton timber copper").split()


def article(i: int) -> str:
    """A distinct fictional article: its topic words are drawn at random, seeded by `i`."""
    rng = random.Random(i)
    topics = rng.sample(WORDS, 6)
    sentences = [f"The ministers of Norland and Sudmark discussed the {a} and the {b} on day {i} of the talks."
                 for a, b in zip(topics[::2], topics[1::2])]
    sentences.append(f"Officials said the {topics[0]} agreement would be signed within {rng.randint(2, 40)} days.")
    return " ".join(sentences) + "\n"


def test_formats_text_html_jsonl_and_stdin(tmp_path, kb):
    write(tmp_path, "a.txt", "Headline one date 2025-01-02 " + article(1))
    write(tmp_path, "b.html", f"<html><head><title>B</title></head><body><article><p>{article(2)}</p></article></body></html>")
    write(tmp_path, "c.jsonl", json.dumps({"id": "c-1", "title": "C", "text": article(3), "url": "https://example.org/c",
                                           "published": "2025-02-03", "outlet": "Example Wire"}) + "\n")
    report = kb.ingest([str(tmp_path / "*.txt"), str(tmp_path / "b.html"), str(tmp_path / "c.jsonl")], NO_NLP)
    assert report.ingested == 3 and not report.rejected
    stdin = io.BytesIO((json.dumps({"id": "s-1", "body": article(4)}) + "\n").encode())
    report = kb.ingest(["-"], NO_NLP, stdin=stdin)
    assert report.ingested == 1
    docs = {d.name: d for d in kb.documents()}
    assert docs["a.txt"].published == "2025-01-02" and docs["a.txt"].title == "Headline one"
    assert docs["c-1"].url == "https://example.org/c" and docs["c-1"].outlet == "Example Wire"
    assert "s-1" in docs and docs["b.html"].title == "B"


def test_reingest_is_a_noop_and_duplicates_are_recorded(tmp_path, kb):
    write(tmp_path, "one.txt", article(1))
    write(tmp_path, "copy/one_again.txt", article(1))  # same text, other file
    write(tmp_path, "wire.txt", "ad ad ad\nBy Jan Novak\n" + article(1) + "Share this article\nSource: Example Wire\n")
    first = kb.ingest([str(tmp_path)], NO_NLP)
    assert (first.ingested, first.duplicates) == (1, 2)  # the wire copy's body is the same once boilerplate is set aside
    again = kb.ingest([str(tmp_path)], NO_NLP)
    assert (again.ingested, again.duplicates, again.unchanged) == (0, 0, 3)
    docs = kb.documents()
    original = next(d for d in docs if d.duplicate_of is None)
    assert all(d.duplicate_of == original.id for d in docs if d is not original)
    near = tmp_path / "near.txt"
    near.write_text(article(1).replace("Officials said", "Officials told reporters") + "No date was set.\n")
    assert kb.ingest([str(near)], NO_NLP).near_duplicates == 1


def test_non_english_is_stored_and_flagged(tmp_path, kb):
    write(tmp_path, "fr.txt", "Les ministres des affaires étrangères se sont réunis lundi dans la capitale et ont "
                              "convenu de rouvrir le poste frontière, ont indiqué des responsables.\n")
    report = kb.ingest([str(tmp_path)], NO_NLP)
    assert report.non_english == 1
    doc = kb.documents()[0]
    assert doc.language == "fr" and doc.status == "non-english"


def make_corpus(folder, n: int) -> None:
    for i in range(n):
        write(folder, f"art_{i:04d}.txt", article(i) + f"Document {i} of the batch.\n")


def _count(db: str) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_sigkill_midway_leaves_consistent_db_and_rerun_finishes(tmp_path):
    corpus, db, n = tmp_path / "corpus", str(tmp_path / "kb.db"), 400
    make_corpus(corpus, n)
    cmd = [sys.executable, "-m", "newsgraph.cli.main", "--db", db, "ingest", "--no-nlp", "--batch-size", "8", str(corpus)]
    proc = subprocess.Popen(cmd, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while _count(db) < 40 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = _count(db)
    assert 0 < done < n, "the kill should land mid-batch"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute("SELECT count(*) FROM documents d LEFT JOIN sources s ON s.doc_id = d.id "
                               "WHERE s.key IS NULL").fetchone()[0]
        assert orphans == 0
    rerun = subprocess.run(cmd + ["--json"], env=cli_env(), capture_output=True, text=True)
    report = json.loads(rerun.stdout)
    assert report["unchanged"] == done and not report["rejected"]
    assert report["ingested"] + report["near_duplicates"] + report["duplicates"] == n - done
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT name) FROM documents").fetchone() == (n, n)


def test_sqlite_runs_in_wal_mode(db_url):
    if "://" in db_url:
        return
    newsgraph.open(db_url).close()
    with sqlite3.connect(db_url) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_readme_starts_with_the_two_commands():
    """The README opens with two one-line commands, and CI runs exactly the second."""
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```\n(.*?)\n```", text, re.S)[:2]
    assert len(blocks) == 2 and all("\n" not in b for b in blocks)
    assert text.index(blocks[1]) < text.index("## ")
    install, tests = blocks
    assert "newsgraph demo" in install
    ci_lines = (ROOT / ".ci" / "run").read_text().splitlines()
    assert tests in ci_lines, ".ci/run must call exactly the README's test command"
