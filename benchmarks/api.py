"""API latency: p50/p95 of the entity page and graph endpoints on a generated database.

Builds (once, then reuses) a SQLite database with 100,000 documents' worth of
entities, mentions and events, written through the store's Writer: entities
follow a Zipf law (a few countries in every other article, a long tail of people
and organisations), each document mentions about a dozen of them and reports a
few events between them, so hubs have tens of thousands of events, as in a real
news corpus. Then serves it with uvicorn on loopback and times a bounded loop of
sequential requests per endpoint, for hub entities and for ordinary ones.

    python benchmarks/api.py                      # 100,000 documents, 200 requests per endpoint
    python benchmarks/api.py --docs 10000 --requests 50 --db /tmp/small.db

Target: p95 < 100 ms for the entity page and graph endpoints.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

import httpx

import newsgraph
from newsgraph.api import create_app
from newsgraph.api.background import BackgroundServer
from newsgraph.model import Document

TYPES = ["COUNTRY"] * 1 + ["PERSON"] * 5 + ["ORG"] * 3 + ["LOCATION"] * 2 + ["WEAPON"]
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
          "SANCTION", "MOBILIZE", "ASSAULT"]
MODALITIES = ["asserted"] * 6 + ["alleged"] * 2 + ["denied", "planned"]
SYLLABLES = ["ka", "ro", "vin", "del", "mar", "tes", "lo", "an", "qu", "ber", "sol", "ni", "dra", "ve", "zu", "hal"]


def name_of(rng: random.Random, etype: str) -> str:
    word = lambda n: "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()  # noqa: E731
    return f"{word(2)} {word(3)}" if etype == "PERSON" else (f"{word(2)} {word(2)} Group" if etype == "ORG" else word(3))


class Zipf:
    """Draws entity indexes with probability proportional to 1 / rank ** s."""

    def __init__(self, n: int, s: float, rng: random.Random):
        weights = [1 / (r + 1) ** s for r in range(n)]
        total = sum(weights)
        acc, self.cum = 0.0, []
        for w in weights:
            acc += w / total
            self.cum.append(acc)
        self.rng = rng

    def draw(self) -> int:
        import bisect

        return min(bisect.bisect_left(self.cum, self.rng.random()), len(self.cum) - 1)


def make_entities(kb, rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    out = []
    with kb.store.transaction() as w:
        for i in range(n):
            etype = "COUNTRY" if i < 60 else rng.choice(TYPES)
            name = name_of(rng, etype) + ("" if i < 60 else f" {i}")
            eid = w.create_entity(name, etype, None)
            w.add_aliases(eid, [name, name.split()[0]])
            out.append((eid, name, etype))
    return out


def make_document(i: int, rng: random.Random, zipf: Zipf, entities: list, events_per_doc: int):
    """A document whose sentences name its entities: mentions and event evidence are exact spans."""
    cast = list(dict.fromkeys(zipf.draw() for _ in range(12)))
    text, mentions, events = f"Report {i}\n\n", [], []
    for k in range(0, len(cast) - 1, 2):
        a, b = entities[cast[k]], entities[cast[k + 1]]
        start = len(text)
        sentence = f"{a[1]} and {b[1]} were named in report {i}, officials said on day {k}."
        text += sentence + " "
        mentions += [(a[0], start, start + len(a[1]), a[1]),
                     (b[0], start + len(a[1]) + 5, start + len(a[1]) + 5 + len(b[1]), b[1])]
        if len(events) < events_per_doc:
            events.append((a[0], b[0], start, start + len(sentence)))
    day = dt_of(i)
    doc = Document(id=f"B{i:07d}", name=f"bench-{i}.txt", source=f"bench/{i}", text=text, title=f"Report {i}",
                   published=day, content_hash=f"h{i}", fingerprint=i, status="analysed")
    return doc, mentions, events


def dt_of(i: int) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(1_600_000_000 + (i * 2_000) % 150_000_000))


def add_documents(kb, rng: random.Random, entities: list, first: int, count: int, events_per_doc: int) -> None:
    """Documents first..first+count-1, with their mentions and events, 2,000 to a transaction."""
    zipf = Zipf(len(entities), 1.05, rng)
    for lo in range(first, first + count, 2000):
        with kb.store.transaction() as w:
            seq = w.next_event_seq()
            mention_rows, event_rows = [], []
            for i in range(lo, min(lo + 2000, first + count)):
                doc, mentions, events = make_document(i, rng, zipf, entities, events_per_doc)
                w.add_document(doc, None)
                mention_rows += [{"doc_id": doc.id, "entity_id": e, "local_key": "L", "start": s, "end": t,
                                  "text": x} for e, s, t, x in mentions]
                for actor, target, s, t in events:
                    event_rows.append(dict(seq=seq, id=f"V{seq}", doc_id=doc.id, type=rng.choice(PLOVER), mode=None,
                                           actor_id=actor, target_id=target, object=None, modality=rng.choice(MODALITIES),
                                           source_id=actor if rng.random() < 0.3 else None,
                                           date=doc.published if rng.random() < 0.7 else None, location_id=None,
                                           ev_start=s, ev_end=t, confidence=round(rng.uniform(0.4, 0.95), 2),
                                           rule="bench", story_id=None))
                    seq += 1
            w.add_mentions(mention_rows)
            w.add_events(event_rows)
        print(f"\r  generated {min(lo + 2000, first + count):,} documents", end="", file=sys.stderr)


def generate(path: str, docs: int, n_entities: int, events_per_doc: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    started = time.perf_counter()
    with newsgraph.open(path) as kb:
        entities = make_entities(kb, rng, n_entities)
        add_documents(kb, rng, entities, 0, docs, events_per_doc)
        stats = kb.stats()
    print(f"\r  generated {stats['documents']:,} documents, {stats['entities']:,} entities, "
          f"{stats['mentions']:,} mentions, {stats['events']:,} events in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)


def refresh_after_ingest(path: str, count: int, events_per_doc: int) -> None:
    """How long the summaries take to catch up after `count` more documents (an ingest batch)."""
    with newsgraph.open(path) as kb:
        rows = sorted(kb.store.entity_page(order="id", limit=None)[0], key=lambda r: r["seq"])
        entities = [(r["id"], r["name"], r["type"]) for r in rows]
        first = kb.stats()["documents"]
        add_documents(kb, random.Random(first), entities, first, count, events_per_doc)
        started = time.perf_counter()
        kb.store.refresh_summary()
        print(f"\nsummaries caught up with {count:,} new documents in {time.perf_counter() - started:.2f} s "
              f"(a full rebuild is only needed after a merge or split)")


def timed(client: httpx.Client, paths: list[str]) -> list[float]:
    out = []
    for path in paths:
        t = time.perf_counter()
        r = client.get(path)
        out.append((time.perf_counter() - t) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"{path}: {r.status_code} {r.text[:200]}")
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


ENDPOINTS = {
    "entity page  /api/entities/{id}": "/api/entities/{id}",
    "claims       /api/entities/{id}/claims": "/api/entities/{id}/claims",
    "timeline     /api/entities/{id}/timeline": "/api/entities/{id}/timeline?limit=200",
    "graph d=1    /api/graph/{id}": "/api/graph/{id}?depth=1&max_nodes=60&max_edges=300",
    "graph d=2    /api/graph/{id}?depth=2": "/api/graph/{id}?depth=2&max_nodes=60&max_edges=300",
    "graph full   /api/graph/{id}?max_nodes=100": "/api/graph/{id}?depth=2&max_nodes=100&max_edges=300",
    "graph d=1, asserted only": "/api/graph/{id}?depth=1&max_nodes=60&max_edges=300&modality=asserted",
    "autocomplete /api/search/entities": "/api/search/entities?q={prefix}",
}


def sample(kb, n: int, rng: random.Random) -> dict[str, list[dict]]:
    """Hubs (the 1% most mentioned) and ordinary entities (uniform over the rest)."""
    top = kb.store.entity_page(order="mentions", limit=None)[0]
    hubs = top[: max(1, len(top) // 100)]
    rest = top[len(hubs):]
    return {"hub": [rng.choice(hubs) for _ in range(n)], "ordinary": [rng.choice(rest) for _ in range(n)]}


def run(path: str, requests: int) -> None:
    rng = random.Random(3)
    with newsgraph.open(path) as kb:
        started = time.perf_counter()
        kb.store.refresh_summary(full=True)
        rebuilt = time.perf_counter() - started
        groups = sample(kb, requests, rng)
        stats = kb.stats()
    print(f"graph summaries rebuilt from scratch in {rebuilt:.1f} s (in the background when `serve` starts)")
    print(f"database: {stats['documents']:,} documents, {stats['entities']:,} entities, {stats['mentions']:,} mentions, "
          f"{stats['events']:,} events; {requests} sequential requests per line, after 20 warm-up requests")
    print(f"{'endpoint':44} {'entities':9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    worst = 0.0
    with BackgroundServer(create_app(path)) as server, httpx.Client(base_url=server.url, timeout=60) as c:
        for label, template in ENDPOINTS.items():
            for group, picked in groups.items():
                paths = [template.format(id=e["id"], prefix=e["name"][:4]) for e in picked]
                timed(c, paths[:20])
                ms = timed(c, paths)
                p95 = percentile(ms, 0.95)
                worst = max(worst, p95) if "autocomplete" not in label else worst
                print(f"{label:44} {group:9} {statistics.median(ms):8.1f} {p95:8.1f} {max(ms):8.1f}")
    print(f"worst p95 of the entity page and graph endpoints: {worst:.1f} ms (target < 100 ms)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "newsgraph-api-bench.db"))
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--entities", type=int, default=20_000)
    ap.add_argument("--events-per-doc", type=int, default=4)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--fresh", action="store_true", help="rebuild the database even if it exists")
    ap.add_argument("--refresh-docs", type=int, default=1000,
                    help="then add this many documents and time the summaries' refresh (0: skip)")
    args = ap.parse_args()
    if args.fresh or not os.path.exists(args.db):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(args.db + suffix):
                os.remove(args.db + suffix)
        generate(args.db, args.docs, args.entities, args.events_per_doc)
    run(args.db, args.requests)
    if args.refresh_docs:
        refresh_after_ingest(args.db, args.refresh_docs, args.events_per_doc)


if __name__ == "__main__":
    main()
