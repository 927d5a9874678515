"""Graph exports parsed back: GraphML and GEXF by networkx, CSV as neo4j-admin expects it,
FollowTheMoney entities by the followthemoney package; whole, around one entity, filtered."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest

import newsgraph
from newsgraph.export import Selection, export, export_folder
from newsgraph.store.graph_sql import EventFilter

from . import pgserver
from .conftest import cli_env
from .fixtures.ui.build import HOSTILE_PERSON, build

pytestmark = pytest.mark.slow  # the fixture database is built by the real pipeline (spaCy)
nx = pytest.importorskip("networkx")

NEO4J_HEADER = re.compile(r"^(:(ID|START_ID|END_ID)\(\w+\)|\w+:(ID|START_ID|END_ID)\(\w+\)|:TYPE|:LABEL|"
                          r"\w+(:(int|long|float|double|boolean|string|date)(\[\])?)?)$")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def built(request, tmp_path_factory):
    if request.param == "sqlite":
        return build(str(tmp_path_factory.mktemp("export") / "kb.db"))
    url, _ = pgserver.create_database(request.getfixturevalue("postgres_server"))
    return build(url)


@pytest.fixture(scope="module")
def kb(built):
    with newsgraph.open(built["db"]) as handle:
        yield handle


def text_of(store, fmt: str, sel: Selection | None = None) -> str:
    out = io.StringIO()
    export(store, fmt, out, sel)
    return out.getvalue()


def read_graph(kb, fmt: str, sel: Selection | None = None):
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    return reader(io.BytesIO(text_of(kb.store, fmt, sel).encode("utf-8")))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_gephi_formats_load_in_networkx_with_every_entity(kb, built, fmt):
    g = read_graph(kb, fmt)
    assert g.number_of_nodes() == kb.stats()["entities"]
    ids = built["entities"]
    assert g.nodes[ids["mara"]]["label"] == HOSTILE_PERSON  # markup survives as text
    assert g.nodes[ids["errazuriz"]]["type"] == "PERSON" and g.nodes[ids["errazuriz"]]["country"] == "Chile"
    edges = [d for _, _, d in g.edges(ids["chile"], data=True) if d["type"] == "COOPERATE" and d["modality"] == "asserted"]
    assert edges and float(edges[0]["weight"]) >= 2 and edges[0]["date"] == "2024-03-12"
    assert any(d["modality"] == "denied" for _, _, d in g.edges(data=True))


def test_ego_export_follows_depth_and_filters(kb, built):
    ids = built["entities"]
    one = read_graph(kb, "graphml", Selection(entity=ids["ecuador"], depth=1))
    assert set(one.nodes) == {ids["ecuador"], ids["peru"]}
    two = read_graph(kb, "graphml", Selection(entity=ids["ecuador"], depth=2))
    assert {ids["chile"], ids["mara"]} <= set(two.nodes)
    denied = read_graph(kb, "gexf", Selection(filter=EventFilter(modalities=["denied"])))
    assert denied.number_of_edges() >= 1 and {d["modality"] for *_, d in denied.edges(data=True)} == {"denied"}
    assert ids["errazuriz"] not in denied.nodes  # filtered exports keep only the parties of the chosen events


def test_csv_folder_has_nodes_edges_and_events(kb, built, tmp_path):
    export_folder(kb.store, "csv", tmp_path / "csv")
    rows = {name: list(csv.DictReader(open(tmp_path / "csv" / f"{name}.csv", encoding="utf-8")))
            for name in ("nodes", "edges", "events")}
    assert len(rows["nodes"]) == kb.stats()["entities"]
    assert {"id", "name", "type", "country"} <= set(rows["nodes"][0])
    assert {"source", "target", "type", "modality", "weight"} <= set(rows["edges"][0])
    events = {r["id"]: r for r in rows["events"]}
    denial = events[built["events"]["denial"]]
    text = built["texts"]["02"]
    assert denial["evidence_text"] == text[int(denial["evidence_start"]):int(denial["evidence_end"])]
    assert denial["source_name"] == "Chile" and denial["modality"] == "denied"


def test_neo4j_folder_is_what_neo4j_admin_imports(kb, built, tmp_path):
    folder = tmp_path / "neo4j"
    export_folder(kb.store, "neo4j", folder)
    ids: dict[str, set[str]] = {}
    relationships = []
    for path in sorted(folder.glob("*.csv")):
        table = list(csv.reader(open(path, encoding="utf-8")))
        header, body = table[0], table[1:]
        assert all(NEO4J_HEADER.match(h) for h in header), (path.name, header)
        assert all(len(row) == len(header) for row in body), path.name
        id_col = next((i for i, h in enumerate(header) if ":ID(" in h), None)
        if id_col is not None:
            group = re.search(r":ID\((\w+)\)", header[id_col]).group(1)
            values = [row[id_col] for row in body]
            assert len(values) == len(set(values)), f"duplicate ids in {path.name}"
            ids.setdefault(group, set()).update(values)
        else:
            assert ":TYPE" in header
            relationships.append((header, body))
    assert len(ids["Entity"]) == kb.stats()["entities"]
    for header, body in relationships:  # neo4j-admin refuses relationships to missing nodes
        for col, h in enumerate(header):
            if m := re.match(r":(START|END)_ID\((\w+)\)", h):
                assert {row[col] for row in body} <= ids[m.group(2)]
    script = (folder / "import.sh").read_text()
    cypher = (folder / "load.cypher").read_text()
    for path in folder.glob("*.csv"):
        assert path.name in script and f"file:///{path.name}" in cypher
    assert "neo4j-admin database import full" in script
    parties = list(csv.reader(open(folder / "event_parties.csv", encoding="utf-8")))[1:]
    assert [built["events"]["denial"], built["entities"]["chile"], "SOURCE"] in parties


def test_ftm_entities_validate_and_link_people_to_their_sources(kb, built):
    model = pytest.importorskip("followthemoney").model
    proxies = [model.get_proxy(json.loads(line)) for line in text_of(kb.store, "ftm").splitlines()]
    by_schema: dict[str, list] = {}
    for p in proxies:
        by_schema.setdefault(p.schema.name, []).append(p)
    assert {"Person", "PublicBody", "Article", "Documentation", "UnknownLink"} <= set(by_schema)
    errazuriz = next(p for p in by_schema["Person"] if p.first("name") == "Tomas Errazuriz")
    assert errazuriz.get("country") == ["cl"]
    articles = {p.id for p in by_schema["Article"]}
    ids = {p.id for p in proxies}
    for link in by_schema["UnknownLink"]:
        assert link.first("subject") in ids and link.first("object") in ids and link.first("proof") in articles
    denial = next(p for p in by_schema["UnknownLink"] if "denied" in p.first("role"))
    assert "according to Chile" in denial.first("description")
    for doc in by_schema["Documentation"]:
        assert doc.first("document") in articles and doc.first("entity") in ids
    assert len(ids) == len(proxies)


def test_ftm_without_the_extra_says_what_to_install(kb, monkeypatch):
    from newsgraph.errors import OptionalDependencyMissing

    monkeypatch.setitem(sys.modules, "followthemoney", None)
    with pytest.raises(OptionalDependencyMissing, match=r"pip install 'newsgraph\[ftm\]'"):
        text_of(kb.store, "ftm")


def test_jsonl_without_filters_is_the_contract_and_with_them_a_subset(kb, built):
    from newsgraph.export import jsonl

    whole = io.StringIO()
    jsonl.write(kb.store, whole)
    assert text_of(kb.store, "jsonl") == whole.getvalue()
    part = [json.loads(line) for line in text_of(kb.store, "jsonl", Selection(entity=built["entities"]["ecuador"])).splitlines()]
    kinds = {r["kind"] for r in part}
    assert kinds == {"document", "entity", "event"}
    entities = {r["id"] for r in part if r["kind"] == "entity"}
    assert entities == {built["entities"]["ecuador"], built["entities"]["peru"]}
    docs = {r["id"]: r["text"] for r in part if r["kind"] == "document"}
    for r in part:
        if r["kind"] == "event":
            assert docs[r["doc"]][r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["text"]


def test_cli_export_formats_and_errors(built, tmp_path):
    if "://" in built["db"]:
        pytest.skip("the command line is checked once, on SQLite")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "--db", built["db"], "export", *args],
                              capture_output=True, text=True, env=cli_env())

    ok = run("-f", "graphml", "--entity", "Chile", "--depth", "2", "--modality", "asserted,planned",
             "-o", str(tmp_path / "chile.graphml"))
    assert ok.returncode == 0, ok.stderr
    g = nx.read_graphml(tmp_path / "chile.graphml")
    assert built["entities"]["ecuador"] in g and {d["modality"] for *_, d in g.edges(data=True)} <= {"asserted", "planned"}
    assert run("-f", "neo4j", "-o", str(tmp_path / "n")).returncode == 0 and (tmp_path / "n" / "import.sh").exists()
    for args, words in ((("-f", "csv"), "-o FOLDER"), (("--since", "March"), "YYYY"),
                        (("--modality", "rumoured"), "asserted"), (("-f", "gexf", "-o", str(tmp_path / "no" / "x.gexf")), "cannot write"),
                        (("--entity", "NOPE", "-f", "gexf"), "no entity")):
        bad = run(*args)
        assert bad.returncode == 1 and words in bad.stderr and "Traceback" not in bad.stderr, (args, bad.stderr)


def test_seed_graphml_has_the_entity_count_of_stats(seeds, tmp_path):
    """The issue's check: the seeds exported to GraphML load in networkx with `newsgraph stats`' entity count."""
    db = str(tmp_path / "seeds.db")
    with newsgraph.open(db) as kb:
        kb.ingest([str(seeds)])
        g = read_graph(kb, "graphml")
        assert g.number_of_nodes() == kb.stats()["entities"] > 0
        for _, _, d in g.edges(data=True):
            assert d["type"] and d["modality"] and float(d["weight"]) >= 1
