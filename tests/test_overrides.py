"""Analysts' merge, split and rename: recorded, explained, and lasting across re-ingest and new documents."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsgraph.errors import NewsgraphError, NotFound

from .conftest import cli_env, write

pytestmark = pytest.mark.slow

FIRST = ("Kestrel Dynamics and Arvid Holm date 2025-06-01 The defence firm Kestrel Dynamics signed a radar deal "
         "with Norway on Monday. Chief executive Arvid Holm said Kestrel Dynamics would build the radars in Bergen.\n")
SECOND = ("Arvid Holm on exports date 2025-06-03 Kestrel Systems, the company led by Arvid Holm, said exports to "
          "Finland would double. Holm said Finnish orders were firm.\n")
LATER = ("Holm visits Helsinki date 2025-06-09 Kestrel Systems chief Arvid Holm met Finnish officials in Helsinki "
         "on Monday to discuss the radar contract.\n")


def _ids(kb, name):
    return [e["id"] for e in kb.entities() if e["name"] == name]


def test_merge_lasts_for_new_documents_and_re_ingest(kb, tmp_path):
    a, b = write(tmp_path, "a.txt", FIRST), write(tmp_path, "b.txt", SECOND)
    kb.ingest([str(a), str(b)])
    assert _ids(kb, "Kestrel Dynamics") and _ids(kb, "Kestrel Systems")
    kept = kb.merge("Kestrel Dynamics", "Kestrel Systems")
    assert not _ids(kb, "Kestrel Systems")
    detail = kb.entity("Kestrel Systems")  # a merged-away name still finds the kept entity
    assert detail["id"] == kept["id"] and detail["overrides"][0]["action"] == "merge"
    kb.ingest([str(a), str(b)])  # re-ingest: unchanged files, nothing undone
    kb.ingest([str(write(tmp_path, "c.txt", LATER))])
    assert not _ids(kb, "Kestrel Systems")
    later_docs = {d["name"] for d in kb.entity(kept["id"])["documents"]}
    assert later_docs == {"a.txt", "b.txt", "c.txt"}


def test_split_moves_mentions_and_the_split_name_keeps_linking(kb, tmp_path):
    kb.ingest([str(write(tmp_path, "a.txt", FIRST)), str(write(tmp_path, "b.txt", SECOND))])
    kb.merge("Kestrel Dynamics", "Kestrel Systems")
    new = kb.split("Kestrel Dynamics", ["Kestrel Systems"])
    assert new["name"] == "Kestrel Systems" and new["type"] == "ORG"
    moved = kb.entity(new["id"])
    assert {d["name"] for d in moved["documents"]} == {"b.txt"}
    assert "Kestrel Systems" not in kb.entity("Kestrel Dynamics")["aliases"]
    kb.ingest([str(write(tmp_path, "c.txt", LATER))])
    assert {d["name"] for d in kb.entity(new["id"])["documents"]} == {"b.txt", "c.txt"}
    assert "c.txt" not in {d["name"] for d in kb.entity("Kestrel Dynamics")["documents"]}


def test_rename_sticks_when_new_documents_use_another_name(kb, tmp_path):
    kb.ingest([str(write(tmp_path, "b.txt", SECOND))])
    holm = kb.rename("Arvid Holm", "Arvid J. Holm")
    kb.ingest([str(write(tmp_path, "c.txt", LATER))])
    detail = kb.entity(holm["id"])
    assert detail["name"] == "Arvid J. Holm" and detail["name_locked"]
    assert {d["name"] for d in detail["documents"]} == {"b.txt", "c.txt"}


def test_errors_are_sentences(kb, tmp_path):
    kb.ingest([str(write(tmp_path, "a.txt", FIRST))])
    with pytest.raises(NotFound, match="newsgraph entities"):
        kb.entity("Nobody At All")
    with pytest.raises(NewsgraphError, match="itself"):
        kb.merge("Kestrel Dynamics", "Kestrel Dynamics")
    with pytest.raises(NewsgraphError, match="no mention"):
        kb.split("Kestrel Dynamics", ["Acme"])


def test_cli_entities_entity_merge_split_rename(db_url, tmp_path):
    folder = tmp_path / "articles"
    write(folder, "a.txt", FIRST)
    write(folder, "b.txt", SECOND)

    def cli(*args):
        proc = subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "--db", db_url, *args],
                              capture_output=True, text=True, env=cli_env(), timeout=300)
        return proc

    assert cli("ingest", str(folder), "-q").returncode == 0
    listed = json.loads(cli("entities", "--type", "ORG", "--json").stdout)
    assert {"Kestrel Dynamics", "Kestrel Systems"} <= {e["name"] for e in listed}
    assert cli("merge", "Kestrel Dynamics", "Kestrel Systems").returncode == 0
    shown = cli("entity", "Kestrel Dynamics")
    assert shown.returncode == 0 and "merge" in shown.stdout and "why:" in shown.stdout
    assert cli("split", "Kestrel Dynamics", "Kestrel Systems", "--name", "Kestrel Systems AS").returncode == 0
    assert cli("rename", "Kestrel Systems AS", "Kestrel Systems").returncode == 0
    detail = json.loads(cli("entity", "Kestrel Systems", "--json").stdout)
    assert detail["name_locked"] and [o["action"] for o in detail["overrides"]] == ["split", "rename"]
    missing = cli("entity", "Nobody At All")
    assert missing.returncode == 1 and missing.stderr.strip().startswith("Error:") and len(missing.stderr.strip().splitlines()) == 1
