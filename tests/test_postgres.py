"""PostgreSQL behaves as SQLite does: same schema, ids, order, search, export; safe with concurrent writers."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

import newsgraph
from newsgraph.ingest import IngestOptions, Ingester
from newsgraph.model import Document
from newsgraph.read import read_paths
from newsgraph.store import Store, migrations

from .conftest import EXAMPLES, SEEDS, cli_env, write
from .test_distributed_corpus import gen_corpus

NO_NLP = IngestOptions(analyse=False)


def test_fingerprints_with_the_top_bit_set_round_trip(db_url):
    with newsgraph.open(db_url) as kb:
        doc = Document(id="D1", name="a.txt", source="/a.txt", text="Ships sailed.", content_hash="h1",
                       fingerprint=(1 << 64) - 3, language="en")
        with kb.store.transaction() as w:
            w.add_document(doc, "k1")
        assert kb.document("D1").fingerprint == (1 << 64) - 3
        assert [d for d, _ in kb.store.docs_sharing_band((1 << 64) - 3)] == ["D1"]


def test_entity_ids_follow_creation_order(db_url):
    with newsgraph.open(db_url) as kb:
        with kb.store.transaction() as w:
            ids = [w.create_entity(n, "ORG", None) for n in ("Norland Navy", "Vessaria Navy")]
        with kb.store.transaction() as w:
            ids.append(w.create_entity("Port Amsel", "CITY", ids[0]))
            ids.append(w.create_entity("Norland", "COUNTRY", None))  # a country is known by its name
            ids.append(w.create_entity("Norland", "COUNTRY", None))  # ... unless that is taken
        assert ids == ["E1", "E2", "E3", "Norland", "E5"]


def test_names_sort_bytewise_on_both_backends(db_url):
    names = ["zeta", "Zeta", "Åland", "alpha", "Alpha", "_x", "10", "9"]
    with newsgraph.open(db_url) as kb:
        with kb.store.transaction() as w:
            for n in names:
                w.create_entity(n, "ORG", None)
        with kb.store.reading() as conn:
            got = [r[0] for r in conn.execute(text("SELECT name FROM entities ORDER BY name"))]
    assert got == sorted(names, key=lambda n: n.encode("utf-8"))


def test_every_text_column_is_bytewise_on_postgresql(postgres_url):
    """A new String column without the schema's Str type would sort by the server's locale."""
    Store(postgres_url).close()
    with Store(postgres_url).reading() as conn:
        rows = conn.execute(text(
            "SELECT table_name, column_name, collation_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND data_type IN ('character varying', 'text')")).all()
    assert rows and [r for r in rows if r[2] != "C"] == [], "use schema.Str / schema.Txt for text columns"


def test_processes_opening_a_new_database_at_once_migrate_it_once(db_url):
    errors = []

    def open_it():
        try:
            Store(db_url).close()
        except Exception as exc:  # noqa: BLE001 - collected and reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    with Store(db_url).reading() as conn:
        versions = [r[0] for r in conn.execute(text("SELECT version FROM schema_migrations ORDER BY version"))]
    assert versions == list(range(1, migrations.LATEST + 1))


def test_threads_racing_to_create_new_sqlite_files_never_see_a_lock_error(tmp_path):
    """Switching a new file to WAL fails at once when another connection is switching it
    (no busy handler); it lost about one race in a hundred before the retry."""
    errors = []

    def open_it(path):
        try:
            Store(str(path)).close()
        except Exception as exc:  # noqa: BLE001 - collected and reported below
            errors.append(exc)

    for round_no in range(40):
        path = tmp_path / f"kb{round_no}.db"
        threads = [threading.Thread(target=open_it, args=(path,)) for _ in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    assert errors == []


def test_search_finds_the_same_documents(db_url, tmp_path):
    write(tmp_path, "a.txt", "Coastguard seizes rifles\n\nThe coastguard seized rifles on a freighter near the port.")
    write(tmp_path, "b.txt", "Freight rates rise\n\nFreight rates rose for a third month as ports stayed congested.")
    write(tmp_path, "c.txt", "Talks resume\n\nDelegations met again to discuss fishing rights in the strait.")
    with newsgraph.open(db_url) as kb:
        kb.ingest([str(tmp_path)], NO_NLP)
        found = {q: sorted(h["name"] for h in kb.store.search_documents(q)[0])
                 for q in ("freight", "freighter", "coastguard rifles", "Rights", "port", "nothing here")}
    assert found == {"freight": ["a.txt", "b.txt"], "freighter": ["a.txt"], "coastguard rifles": ["a.txt"],
                     "Rights": ["c.txt"], "port": ["a.txt", "b.txt"], "nothing here": []}


@pytest.fixture(scope="module")
def analyser():
    from newsgraph.extract import Analyser

    return Analyser()


def _export(url: str) -> str:
    out = io.StringIO()
    with newsgraph.open(url) as kb:
        kb.export("jsonl", out)
    return out.getvalue()


@pytest.mark.slow
def test_postgresql_export_is_identical_to_sqlite(tmp_path, postgres_url, analyser):
    targets = [str(EXAMPLES)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    lite = str(tmp_path / "kb.db")
    for url in (lite, postgres_url):
        with newsgraph.open(url) as kb:
            Ingester(kb.store, IngestOptions(), analyser=analyser).run(read_paths(targets))
    reference = _export(lite)
    assert Counter(json.loads(line)["kind"] for line in reference.splitlines())["event"] > 10
    assert _export(postgres_url) == reference


def _ingest_cli(url: str, *folders: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsgraph.cli.main", "--db", url, "ingest", "--json",
                             "--batch-size", "4", *map(str, folders)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=cli_env())


@pytest.mark.slow
def test_two_processes_ingesting_at_once_store_everything_once(tmp_path, postgres_url):
    """Both read the same files first, and copies of them later: each input once, no entity twice."""
    articles = list(gen_corpus().generate(36, seed=7))
    for i, (name, body) in enumerate(articles):
        write(tmp_path / ("shared" if i < 12 else "one" if i < 24 else "two"), name, body)
        if i < 8:  # the same article under another name, for each process to meet after the other stored it
            write(tmp_path / ("one" if i < 4 else "two"), "copy_" + name, body)
    Store(postgres_url).close()
    runs = [_ingest_cli(postgres_url, tmp_path / "shared", tmp_path / f) for f in ("one", "two")]
    reports = []
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        reports.append(json.loads(out))
    total = Counter({k: sum(r[k] for r in reports) for k in ("ingested", "duplicates", "near_duplicates", "unchanged")})
    assert total == {"ingested": 36, "duplicates": 8, "near_duplicates": 0, "unchanged": 12}, reports
    with Store(postgres_url).reading() as conn:
        docs = conn.execute(text("SELECT count(*), count(DISTINCT source), count(duplicate_of), "
                                 "count(DISTINCT content_hash) FROM documents")).one()
        twice = conn.execute(text(  # namesakes of different countries are different people; the same one twice is a race
            "SELECT e.name, e.type, c.name FROM entities e LEFT JOIN entities c ON c.id = e.country_id "
            "GROUP BY e.name, e.type, c.name HAVING count(*) > 1")).all()
        assert conn.execute(text("SELECT count(*) FROM entities")).scalar() > 50
    assert tuple(docs) == (44, 44, 8, 36)
    assert twice == []


def test_rows_without_ids_are_numbered_after_explicit_ones(db_url):
    """SQLite gives max(id) + 1; PostgreSQL's sequences must not hand out an id already taken."""
    from newsgraph.store import schema as t

    with newsgraph.open(db_url) as kb:
        with kb.store.transaction() as w:
            w.conn.execute(t.stories.insert().values(seq=5, id="S5", type="CONSULT"))
            w.conn.execute(t.stories.insert().values(id="S-next", type="CONSULT"))
        with kb.store.transaction() as w:
            w.create_entity("Norland Navy", "ORG", None)
            w.conn.execute(t.entities.insert().values(id="E-x", name="Vessaria", type="COUNTRY"))
        assert [(r["seq"], r["id"]) for r in kb.store.rows("stories")] == [(5, "S5"), (6, "S-next")]
        assert [(r["seq"], r["id"]) for r in kb.store.rows("entities")] == [(1, "E1"), (2, "E-x")]


def test_near_duplicate_candidates_are_filtered_by_distance_in_the_database(db_url):
    from newsgraph.clean import dedup

    base = (1 << 63) | 0b1011  # top bit set: stored as a negative integer
    fingerprints = {"D-same": base, "D-4bits": base ^ 0b1111_0000_0000_0000, "D-far": base ^ ((1 << 40) - 1),
                    "D-7bits": base ^ (0b111_1111 << 20)}
    with newsgraph.open(db_url) as kb:
        for i, (doc_id, fp) in enumerate(fingerprints.items()):
            with kb.store.transaction() as w:
                w.add_document(Document(id=doc_id, name=doc_id, source=doc_id, text="x", content_hash=str(i),
                                        fingerprint=fp, language="en"), doc_id)
        found = kb.store.docs_sharing_band(base)
    assert found == [("D-same", base), ("D-4bits", fingerprints["D-4bits"])]
    assert all(dedup.distance(fp, base) <= dedup.NEAR_DUPLICATE_BITS for _, fp in found)
