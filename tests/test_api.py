"""The HTTP API through HTTP (Starlette's TestClient) on a database of our fictional
articles (tests/fixtures/ui) with hand-written events, on SQLite and on PostgreSQL."""
from __future__ import annotations

import re
import subprocess
import sys
import time

import httpx
import pytest

from newsgraph.api import create_app
from newsgraph.api.security import allowed_hosts
from newsgraph.store import Store
from newsgraph.store.graph_sql import GraphReads

from . import pgserver
from .conftest import cli_env
from .fixtures.ui.build import HOSTILE_PERSON, build

pytestmark = pytest.mark.slow  # the fixture database is built by the real pipeline (spaCy)

ENDPOINTS = {"/api/stats", "/api/session", "/api/documents", "/api/documents/{doc_id}", "/api/search",
             "/api/search/entities", "/api/search/documents", "/api/entities", "/api/entities/{entity_id}",
             "/api/entities/{entity_id}/mentions", "/api/entities/{entity_id}/neighbours",
             "/api/entities/{entity_id}/timeline", "/api/entities/{entity_id}/claims", "/api/events",
             "/api/events/{event_id}", "/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/claims",
             "/api/graph/{entity_id}", "/api/entities/{entity_id}/rename", "/api/entities/{entity_id}/merge",
             "/api/entities/{entity_id}/split"}


def fixture_db(request, tmp_path_factory) -> str:
    """A new database URL of the backend this module instance runs on."""
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("api") / "kb.db")
    url, _ = pgserver.create_database(request.getfixturevalue("postgres_server"))
    return url


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def built(request, tmp_path_factory):
    return build(fixture_db(request, tmp_path_factory))


@pytest.fixture(scope="module")
def client(built):
    from fastapi.testclient import TestClient

    with TestClient(create_app(built["db"])) as c:
        yield c


def get(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def assert_error(r, status: int) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["message"]
    assert "Traceback" not in r.text
    return body["error"]


def test_openapi_lists_every_endpoint(client):
    spec = get(client, "/openapi.json")
    assert ENDPOINTS <= set(spec["paths"])
    assert all(op.get("summary") for path in spec["paths"].values() for op in path.values())


def test_entity_search_ranks_names_and_finds_aliases(client, built):
    items = get(client, "/api/search/entities", q="tomas erra")["items"]
    assert items[0]["id"] == built["entities"]["errazuriz"] and items[0]["type"] == "PERSON"
    by_alias = get(client, "/api/search/entities", q="r. condo")["items"]
    assert by_alias[0]["id"] == built["entities"]["condori"] and "R. Condori" in by_alias[0]["matched"]
    assert get(client, "/api/search/entities", q="zzqx")["items"] == []


def test_full_text_search_returns_snippets_as_parts(client, built):
    page = get(client, "/api/search/documents", q="frigates")
    assert page["total"] == 1 and page["items"][0]["id"] == built["docs"]["01"]
    hits = [p["text"].lower() for p in page["items"][0]["snippet"] if p["hit"]]
    assert hits and all(h.startswith("frigate") for h in hits)
    both = get(client, "/api/search/documents", q="patrols Bolivia")
    assert {d["id"] for d in both["items"]} == {built["docs"]["01"], built["docs"]["02"]}
    for hostile in ('"AND(', "NEAR/*", "-- ;", "' OR 1=1"):  # query syntax of the engine is not exposed
        assert client.get("/api/search", params={"q": hostile}).status_code == 200


def test_entity_page_lists_events_whose_evidence_is_the_document_text(client, built):
    chile = built["entities"]["chile"]
    timeline = get(client, f"/api/entities/{chile}/timeline", limit=500)
    mine = {built["events"][k] for k in ("patrols", "frigates", "criticism", "denial", "waters")}
    assert mine <= {e["id"] for e in timeline["items"]}
    texts = {}
    for ev in timeline["items"]:
        assert chile in (ev["actor"], ev["target"], ev["source"])
        doc = texts.get(ev["doc"]) or texts.setdefault(ev["doc"], get(client, f"/api/documents/{ev['doc']}")["text"])
        assert ev["evidence"]["text"] == doc[ev["evidence"]["start"]:ev["evidence"]["end"]] != ""
    whens = [e["when"] for e in timeline["items"] if e["when"]]
    assert whens == sorted(whens)


def test_entity_detail_has_aliases_roles_mentions_and_neighbours(client, built):
    ids = built["entities"]
    e = get(client, f"/api/entities/{ids['errazuriz']}")
    assert e["name"] == "Tomas Errazuriz" and e["country"] == ids["chile"]
    assert e["entities"][ids["chile"]]["name"] == "Chile"
    chile = get(client, f"/api/entities/{ids['chile']}")
    assert "Chilean" in chile["aliases"] and chile["mention_count"] >= 4
    for m in chile["mentions"]:
        assert built["texts"][next(k for k, v in built["docs"].items() if v == m["doc"])][m["start"]:m["end"]] == m["text"]
    assert {d["doc"] for d in chile["documents"]["items"]} >= {built["docs"]["01"], built["docs"]["02"]}
    assert {ids["peru"], ids["bolivia"]} <= {n["id"] for n in chile["neighbours"]}
    assert chile["events_by_modality"]["denied"] >= 1


def test_event_filters(client, built):
    ids, ev = built["entities"], built["events"]

    def found(**params) -> set[str]:
        return {e["id"] for e in get(client, "/api/events", limit=500, **params)["items"]}

    assert ev["denial"] in found(type="REJECT", modality="denied") and ev["excluded"] not in found(modality="denied")
    assert {ev["patrols"], ev["frigates"], ev["waters"]} <= found(actor=ids["chile"], target=ids["peru"])
    assert ev["requests"] in found(source=ids["condori"])
    march = found(date_from="2024-03", date_to="2024-03-31")
    assert {ev["patrols"], ev["denial"]} <= march and not {ev["requests"], ev["frigates"], ev["visit"]} & march
    assert ev["join"] in found(date_from="2024-06", date_to="2024")  # a year-only date overlaps the range
    assert found(story=built["story"]) >= {ev["patrols"], ev["frigates"], ev["waters"]}
    assert ev["visit"] in found(doc=built["docs"]["03"], type="consult,agree")
    assert not {ev["patrols"]} & found(min_confidence=0.95)
    assert ev["excluded"] in found(entity=ids["bolivia"], modality=["alleged", "denied"])


def test_claims_ledger_puts_modalities_side_by_side_with_their_sources(client, built):
    ids = built["entities"]
    ledger = get(client, f"/api/entities/{ids['bolivia']}/claims")
    claim = next(c for c in ledger["claims"] if (c["type"], c["actor"], c["target"]) == ("REJECT", ids["chile"], ids["bolivia"]))
    alleged = {(r["event"], r["source"]) for r in claim["by_modality"]["alleged"]}
    denied = {(r["event"], r["source"]) for r in claim["by_modality"]["denied"]}
    assert (built["events"]["excluded"], ids["bolivia"]) in alleged
    assert (built["events"]["denial"], ids["chile"]) in denied
    assert set(claim["by_modality"]) >= {"asserted", "alleged", "denied", "planned"}
    assert claim["corroboration"]["alleged"] == claim["corroboration"]["denied"] == 1  # one document says both
    assert ledger["entities"][ids["chile"]]["name"] == "Chile"


def test_story_and_its_ledger(client, built):
    story = get(client, f"/api/stories/{built['story']}")
    assert story["title"] == "Chile and Peru joint fisheries patrols" and story["document_count"] == 2
    assert {built["events"][k] for k in ("patrols", "frigates", "waters")} <= {e["id"] for e in story["items"]}
    claims = get(client, f"/api/stories/{built['story']}/claims")["claims"]
    cooperate = next(c for c in claims if c["type"] == "COOPERATE")
    assert cooperate["by_modality"]["asserted"] and cooperate["by_modality"]["planned"]
    assert built["story"] in [s["id"] for s in get(client, "/api/stories", entity=built["entities"]["peru"])["items"]]


def test_graph_is_an_ego_network_counted_by_type_and_modality(client, built):
    ids = built["entities"]
    one = get(client, f"/api/graph/{ids['chile']}", depth=1)
    assert {ids["chile"], ids["peru"], ids["bolivia"]} <= {n["id"] for n in one["nodes"]}
    assert ids["mara"] not in {n["id"] for n in one["nodes"]}
    coop = [e for e in one["edges"] if (e["source"], e["target"], e["type"], e["modality"]) ==
            (ids["chile"], ids["peru"], "COOPERATE", "asserted")]
    assert coop and coop[0]["count"] >= 2 and coop[0]["first_date"] == "2024-03-12"
    two = get(client, f"/api/graph/{ids['chile']}", depth=2)
    assert {ids["ecuador"], ids["mara"]} <= {n["id"] for n in two["nodes"]}
    capped = get(client, f"/api/graph/{ids['chile']}", depth=2, max_nodes=2)
    assert len(capped["nodes"]) == 2 and capped["truncated"]
    denied = get(client, f"/api/graph/{ids['chile']}", modality="denied")
    assert denied["edges"] and {e["modality"] for e in denied["edges"]} == {"denied"}
    assert get(client, f"/api/graph/{ids['chile']}", date_from="2030")["edges"] == []


def test_document_view_spans_are_exact(client, built):
    doc = get(client, f"/api/documents/{built['docs']['03']}")
    assert doc["mentions"] and doc["events"]
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"] and m["entity"] in doc["entities"]
    for ev in doc["events"]:
        assert doc["text"][ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    assert HOSTILE_PERSON in {v["name"] for v in doc["entities"].values()}


def test_lists_are_paged_with_limits(client, built):
    first = get(client, "/api/entities", limit=2)
    assert len(first["items"]) == 2 and first["next_offset"] == 2 and first["total"] > 2
    rest = get(client, "/api/entities", limit=500, offset=2)
    assert len(rest["items"]) == first["total"] - 2 and rest["next_offset"] is None
    assert {i["id"] for i in first["items"]}.isdisjoint(i["id"] for i in rest["items"])
    by_mentions = get(client, "/api/entities", order="mentions", limit=5)["items"]
    assert [i["mention_count"] for i in by_mentions] == sorted((i["mention_count"] for i in by_mentions), reverse=True)
    assert get(client, "/api/entities", type="person", limit=50)["items"]
    assert {i["type"] for i in get(client, "/api/entities", type="PERSON")["items"]} == {"PERSON"}
    for path in ("/api/entities", "/api/events", "/api/documents", "/api/stories", "/api/search/documents"):
        assert_error(client.get(path, params={"limit": 501, "q": "x"}), 422)
        assert_error(client.get(path, params={"limit": 0, "q": "x"}), 422)
        assert_error(client.get(path, params={"offset": -1, "q": "x"}), 422)


def test_one_error_shape_on_every_endpoint(client):
    """Every GET endpoint with a path parameter answers an unknown id with the JSON error shape."""
    for path in sorted(p for p in ENDPOINTS if "{" in p and not p.endswith(("rename", "merge", "split"))):
        concrete = re.sub(r"\{[^}]+\}", "NOPE-404", path)
        err = assert_error(client.get(concrete), 404)
        assert "NOPE-404" in err["message"] and err["code"] == "not_found"
    assert "openapi" in assert_error(client.get("/api/no-such-thing"), 404)["message"]
    invalid = assert_error(client.get("/api/events", params={"modality": "rumoured", "date_from": "last week"}), 422)
    assert len(invalid["details"]) == 2 and "modality" in invalid["message"]
    assert "q" in assert_error(client.get("/api/search"), 422)["message"]
    assert_error(client.get("/api/graph/E1", params={"depth": 9}), 422)
    assert_error(client.post("/api/stats"), 405)


def test_unexpected_errors_are_500_without_a_trace(built, monkeypatch):
    from fastapi.testclient import TestClient

    from newsgraph.query import graph

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(graph, "entity_detail", broken)
    with TestClient(create_app(built["db"]), raise_server_exceptions=False) as c:
        r = c.get(f"/api/entities/{built['entities']['chile']}")
    err = assert_error(r, 500)
    assert "secret" not in r.text and "RuntimeError" not in r.text and err["code"] == "internal_error"


def test_security_headers_and_host_check(built):
    from fastapi.testclient import TestClient

    app = create_app(built["db"], hosts=allowed_hosts("127.0.0.1"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        for path in ("/", "/api/stats", "/static/js/app.js", "/api/entities/NOPE"):
            r = c.get(path)
            assert "script-src 'self'" in r.headers["content-security-policy"], path
            assert "unsafe-inline" not in r.headers["content-security-policy"]
            assert r.headers["x-content-type-options"] == "nosniff"
        assert c.get("/api/stats", headers={"host": "localhost:8000"}).status_code == 200
        assert_error(c.get("/api/stats", headers={"host": "attacker.example"}), 400)
        assert c.get("/docs").status_code == 404  # no Swagger UI: it would load scripts from a CDN


def test_writes_need_the_token(db_url):
    from fastapi.testclient import TestClient

    built = build(db_url)
    ids = built["entities"]
    with TestClient(create_app(db_url)) as read_only:
        assert_error(read_only.post(f"/api/entities/{ids['peru']}/rename", json={"name": "Republic of Peru"}), 403)
        assert not get(read_only, "/api/session")["writable"]
    with TestClient(create_app(db_url, token="s3cret")) as c:
        url = f"/api/entities/{ids['peru']}/rename"
        assert_error(c.post(url, json={"name": "Republic of Peru"}), 401)
        assert_error(c.post(url, json={"name": "Republic of Peru"}, headers={"Authorization": "Bearer wrong"}), 401)
        auth = {"Authorization": "Bearer s3cret"}
        assert get(c, "/api/session")["writable"]
        assert_error(c.post(url, json={"name": ""}, headers=auth), 422)
        assert c.post(url, json={"name": "Republic of Peru"}, headers=auth).json()["entity"]["name"] == "Republic of Peru"
        assert get(c, f"/api/entities/{ids['peru']}")["name"] == "Republic of Peru"
        merged = c.post(f"/api/entities/{ids['lima']}/merge", json={"into": ids["peru"]}, headers=auth)
        assert merged.status_code == 200 and merged.json()["entity"]["id"] == ids["peru"]
        assert_error(c.get(f"/api/entities/{ids['lima']}"), 404)
        assert_error(c.post(f"/api/entities/{ids['peru']}/merge", json={"into": ids["peru"]}, headers=auth), 400)
        chile = get(c, f"/api/entities/{ids['chile']}")
        split = c.post(f"/api/entities/{ids['chile']}/split", json={"aliases": ["Chilean"], "name": "Chilean people"},
                       headers=auth)
        assert split.status_code == 200, split.text
        new = get(c, f"/api/entities/{split.json()['entity']['id']}")
        assert new["name"] == "Chilean people" and {m["text"] for m in new["mentions"]} == {"Chilean"}
        assert get(c, f"/api/entities/{ids['chile']}")["mention_count"] == chile["mention_count"] - new["mention_count"]


def test_summary_tables_answer_as_the_events_do(built):
    """Entity pages and graphs read the summary tables when current, the events otherwise: both
    give the same answers after a rebuild, after an incremental refresh and after a merge, and a
    summary that lags is not used."""
    from fastapi.testclient import TestClient

    from newsgraph.resolve import overrides

    ids = built["entities"]
    paths = [p.format(c=ids["chile"], b=ids["bolivia"], m=ids["mara"]) for p in (
        "/api/entities/{c}", "/api/entities/{b}", "/api/entities/{m}", "/api/entities/{c}/timeline",
        "/api/entities/{b}/claims", "/api/entities/{c}/neighbours", "/api/graph/{c}?depth=2",
        "/api/graph/{m}?depth=3&max_nodes=3", "/api/graph/{c}?depth=2&modality=asserted&type=COOPERATE",
        "/api/events?entity={c}&order=date&limit=3&offset=2")]
    store = Store(built["db"])

    def answers(c, summaries: bool) -> dict:
        store.summaries, store._summary_memo = summaries, None
        assert store.summary_ready() is summaries
        return {p: get(c, p) for p in paths}

    def cooperation(graph: dict) -> int:
        return next(e["count"] for e in graph["edges"] if (e["source"], e["target"], e["type"], e["modality"]) ==
                    (ids["chile"], ids["peru"], "COOPERATE", "asserted"))

    with TestClient(create_app(store)) as c:
        assert store.rebuild_summary()
        before = answers(c, False)
        assert answers(c, True) == before
        with store.transaction() as w:  # one more event: the summary lags until refreshed
            seq, row = w.next_event_seq(), store.events_by_id([built["events"]["patrols"]])[built["events"]["patrols"]]
            w.add_events([row | {"seq": seq, "id": f"V{seq}", "story_id": None}])
        store._summary_memo = None
        assert not store.summary_ready()
        after = answers(c, False)
        graph = f"/api/graph/{ids['chile']}?depth=2"
        assert cooperation(after[graph]) == cooperation(before[graph]) + 1
        assert store.refresh_summary()  # adds only the new event
        assert answers(c, True) == after
        overrides.merge(store, ids["peru"], [ids["lima"]])  # a correction: rebuilt from scratch
        assert store.refresh_summary()
        assert answers(c, True) == answers(c, False)
    store.close()


def test_graph_reads_are_not_shadowed_by_other_mixins():
    """Store mixes several query classes in; a same-named method elsewhere would silently replace ours."""
    for name, fn in vars(GraphReads).items():
        if callable(fn) and not name.startswith("__"):
            assert getattr(Store, name) is fn, f"Store.{name} is not GraphReads.{name}"


def test_serve_command_answers_on_loopback(built, tmp_path):
    if not isinstance(built["db"], str) or "://" in built["db"]:
        pytest.skip("the serve command is checked once, on SQLite")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli.main", "--db", built["db"], "serve", "--port", str(port)],
                            env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        spec = _wait_for(f"http://127.0.0.1:{port}/openapi.json")
        assert ENDPOINTS <= set(spec["paths"])
        found = httpx.get(f"http://127.0.0.1:{port}/api/search/entities", params={"q": "Condori"}).json()["items"]
        assert found[0]["id"] == built["entities"]["condori"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_without_the_extra_says_what_to_install(monkeypatch, capsys):
    from newsgraph.cli.main import main

    monkeypatch.setitem(sys.modules, "uvicorn", None)
    assert main(["serve", "--port", "8000"]) == 1
    assert "pip install 'newsgraph[serve]'" in capsys.readouterr().err


def test_seed_database_search_and_evidence(seeds, tmp_path):
    """The issue's check: on the seeds, search finds "Bagheri" and his events' evidence is the document text."""
    from fastapi.testclient import TestClient

    import newsgraph

    db = str(tmp_path / "seeds.db")
    with newsgraph.open(db) as kb:
        kb.ingest([str(seeds)])
    with TestClient(create_app(db)) as c:
        found = get(c, "/api/search/entities", q="Bagheri")["items"]
        assert found and "Bagheri" in found[0]["name"]
        timeline = get(c, f"/api/entities/{found[0]['id']}/timeline", limit=500)
        for ev in timeline["items"]:
            text = get(c, f"/api/documents/{ev['doc']}")["text"]
            assert ev["evidence"]["text"] == text[ev["evidence"]["start"]:ev["evidence"]["end"]]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float = 30) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return httpx.get(url, timeout=2).raise_for_status().json()
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
