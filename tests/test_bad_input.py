"""Bad input gets one clear line naming it, the batch goes on, and nothing is half written."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

import newsgraph
from newsgraph.ingest import IngestOptions

from .conftest import cli_env, write

GOOD = ("Fictional Herald\n\nThe defence ministers of Norland and Sudmark met in the capital on Monday "
        "to discuss a joint naval exercise planned for the spring, officials said.\n")


def bad_folder(tmp_path):
    """One good article beside one file for each kind of bad input."""
    folder = tmp_path / "in"
    write(folder, "good.txt", GOOD)
    write(folder, "empty.txt", b"")
    write(folder, "blank.txt", "   \n\n  \n")
    write(folder, "binary.txt", bytes(range(256)) * 40)
    write(folder, "latin1_garbage.txt", b"\x81\x8d\x8f\x90\x9d" * 200)
    write(folder, "huge.txt", "word " * 300_000)
    write(folder, "no_text.html", "<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    write(folder, "records.jsonl", "\n".join([
        json.dumps({"id": "rec-1", "text": "Officials in Sudmark said on Friday that talks with Norland would resume next week in the capital."}),
        "{this is not json",
        json.dumps({"id": "rec-3", "title": "no body here"}),
        json.dumps(["not", "an", "object"]),
    ]))
    unreadable = write(folder, "secret.txt", GOOD + "unreadable copy\n")
    os.chmod(unreadable, 0)
    os.symlink(str(folder / "gone.txt"), str(folder / "broken_link.txt"))
    return folder


def test_each_bad_input_is_named_once_with_its_reason(tmp_path, kb):
    folder = bad_folder(tmp_path)
    missing = str(tmp_path / "does-not-exist.txt")
    report = kb.ingest([str(folder), missing], IngestOptions(analyse=False, max_bytes=1_000_000))
    reasons = {os.path.basename(r.source.split(":")[0]): r.reason for r in report.rejected}
    expected = {"empty.txt": "empty", "blank.txt": "empty", "binary.txt": "binary",
                "latin1_garbage.txt": "undecodable", "huge.txt": "too-large", "no_text.html": "no-text",
                "broken_link.txt": "broken-link", "does-not-exist.txt": "not-found"}
    if os.geteuid() != 0:  # root reads any file, whatever its mode
        expected["secret.txt"] = "unreadable"
    for name, reason in expected.items():
        assert reasons.get(name) == reason, (name, reasons)
    record_reasons = sorted(r.reason for r in report.rejected if "records.jsonl" in r.source)
    assert record_reasons == ["bad-json", "bad-record", "bad-record"]
    assert all(r.message and len(r.line().splitlines()) == 1 for r in report.rejected)
    assert len({r.source for r in report.rejected}) == len(report.rejected)
    names = {d.name for d in kb.documents()}
    assert {"good.txt", "rec-1"} <= names


def test_cli_exit_status_and_summary(tmp_path):
    folder = bad_folder(tmp_path)
    db = str(tmp_path / "kb.db")
    run = subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "--db", db, "ingest", "--no-nlp",
                          "--max-size", "1", str(folder)], capture_output=True, text=True, env=cli_env())
    assert run.returncode == 1, run.stderr
    assert "huge.txt" in run.stderr and "over the 1.0 MB limit" in run.stderr
    assert "Summary:" in run.stderr and "rejected, empty: 2" in run.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ok = subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "--db", db, "ingest", "--no-nlp",
                         str(folder / "good.txt")], capture_output=True, text=True, env=cli_env())
    assert ok.returncode == 0
    usage = subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "ingest"], capture_output=True, text=True)
    assert usage.returncode == 2


def test_json_output_is_machine_readable(tmp_path):
    folder = bad_folder(tmp_path)
    run = subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "--db", str(tmp_path / "k.db"), "ingest",
                          "--no-nlp", "--json", "--max-size", "1", str(folder)], capture_output=True, text=True, env=cli_env())
    report = json.loads(run.stdout)
    assert report["ingested"] == 2 and report["rejected"] >= 8
    assert report["rejected_by_reason"]["empty"] == 2


def test_undecodable_text_is_rejected_not_guessed(tmp_path, kb):
    path = write(tmp_path, "mixed.txt", "Ministers met on Monday. ".encode() * 20 + b"\xff\xfe\x00\xd8" * 50)
    report = kb.ingest([str(path)], IngestOptions(analyse=False))
    assert [r.reason for r in report.rejected] in (["undecodable"], ["binary"])


@pytest.mark.parametrize("encoding", ["utf-16", "cp1251", "latin-1", "utf-8-sig"])
def test_other_encodings_are_detected(tmp_path, kb, encoding):
    text = {"cp1251": "Министры обороны встретились в понедельник в столице, чтобы обсудить совместные учения. " * 4,
            }.get(encoding, "The ministers met on Monday in Zürich to discuss the café embargo and the naïve plan. " * 4)
    path = write(tmp_path, f"a_{encoding}.txt", text.encode(encoding))
    report = kb.ingest([str(path)], IngestOptions(analyse=False))
    assert not report.rejected
    stored = kb.documents()[0].text
    assert stored.strip() == text.strip()


def test_database_folder_missing_is_one_clear_error(tmp_path):
    run = subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "--db", str(tmp_path / "nope" / "kb.db"),
                          "stats"], capture_output=True, text=True, env=cli_env())
    assert run.returncode == 1
    assert run.stderr.startswith("Error:") and "does not exist" in run.stderr
    assert "Traceback" not in run.stderr


def test_open_twice_migrates_once(db_url):
    with newsgraph.open(db_url) as kb:
        first = kb.stats()["schema_version"]
    with newsgraph.open(db_url) as kb:
        assert kb.stats()["schema_version"] == first >= 2
