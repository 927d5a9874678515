"""SQLite against PostgreSQL on the same corpus: ingest cost and query latency.

The corpus is analysed once; both backends then ingest it with those analyses
replayed, so the timings compare storage (read, clean, dedup, resolve, write),
not spaCy. Query latencies are medians of repeated calls through the library
API, the same calls the CLI and the HTTP API make.

    python benchmarks/backends.py --postgres postgresql://postgres@/postgres?host=/tmp/pg --n 2000

`--postgres` names a server on which the benchmark may create and drop a
database. Peak RSS is printed at the end.
"""
from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gen_corpus  # noqa: E402
from scaling import fresh_db  # noqa: E402

import newsgraph  # noqa: E402
from newsgraph.clean import clean  # noqa: E402
from newsgraph.ingest import IngestOptions, Ingester  # noqa: E402
from newsgraph.read import read_paths  # noqa: E402


class Replay:
    """Stands in for the Analyser: hands back analyses computed once, by document id."""

    def __init__(self, analyses: dict):
        self.analyses = analyses

    def analyse_many(self, docs):
        return [self.analyses[d.id] for d in docs]


def analyse_once(corpus: str) -> Replay:
    from newsgraph.errors import InputRejected
    from newsgraph.extract import Analyser

    docs = []
    for raw in read_paths([corpus]):
        try:
            docs.append(clean(raw))
        except InputRejected:
            pass
    return Replay({a.doc_id: a for a in Analyser().analyse_many(docs)})


def ingest(url: str, corpus: str, replay: Replay) -> tuple[float, object]:
    with newsgraph.open(url) as kb:
        start = time.perf_counter()
        report = Ingester(kb.store, IngestOptions(), analyser=replay).run(read_paths([corpus]))
        return time.perf_counter() - start, report


def busiest(kb) -> tuple[str, str]:
    """The most mentioned entity and a word that occurs in many documents, to query with."""
    counts = kb.store.mention_counts()
    top = max(counts, key=counts.get)
    words = Counter(w for d in kb.documents(limit=50) for w in (d.title or "").split() if w.isalpha() and len(w) > 5)
    return top, words.most_common(1)[0][0]


def queries(kb) -> dict:
    top, word = busiest(kb)
    return {
        "stats": lambda: kb.stats(),
        "entities page (50, by name)": lambda: kb.entities(limit=50),
        "entities of one type (50)": lambda: kb.entities(type="PERSON", limit=50),
        "entity detail (busiest)": lambda: kb.entity(top),
        "events of the busiest entity": lambda: kb.events(entity=top),
        "timeline of the busiest entity": lambda: kb.timeline(top),
        "claims ledger of the busiest entity": lambda: kb.claims(top),
        "stories of the busiest entity": lambda: kb.stories(top),
        f"full-text search {word!r}": lambda: kb.store.search_documents(word),
        "full-text search, prefix 'sanct'": lambda: kb.store.search_documents("sanct"),
        "export jsonl (everything)": lambda: kb.export("jsonl", io.StringIO()),
    }


def latency(fn, repeat: int) -> float:
    fn()  # warm caches and compiled statements
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--postgres", required=True, help="PostgreSQL server URL the benchmark may create a database on")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        gen_corpus.write_jsonl(corpus, args.n, args.seed)
        start = time.perf_counter()
        replay = analyse_once(corpus)
        nlp_s = time.perf_counter() - start
        urls = {"SQLite": fresh_db(None, tmp, "lite"), "PostgreSQL": fresh_db(args.postgres, tmp, "pg")}
        results = {name: ingest(url, corpus, replay) for name, url in urls.items()}
        print(f"== {args.n:,} generated articles; analysis (spaCy + extraction, once): {nlp_s:.1f} s "
              f"= {nlp_s * 1000 / args.n:.1f} ms/doc")
        for name, (seconds, report) in results.items():
            print(f"{name:>10} ingest without the analysis: {seconds:6.1f} s = {seconds * 1000 / args.n:5.1f} ms/doc; "
                  f"with it {args.n / (seconds + nlp_s):5.1f} docs/s ({report.ingested} ingested)")
        lite, pg = (results[k][0] for k in ("SQLite", "PostgreSQL"))
        print(f"PostgreSQL / SQLite storage time: {pg / lite:.2f}; whole ingest: {(pg + nlp_s) / (lite + nlp_s):.2f}")
        kbs = {name: newsgraph.open(url) for name, url in urls.items()}
        print(f"\n{'query (median of ' + str(args.repeat) + ')':<40} {'SQLite ms':>10} {'PostgreSQL ms':>14} {'ratio':>6}")
        plans = {name: queries(kb) for name, kb in kbs.items()}
        for label in plans["SQLite"]:
            a, b = (latency(plans[n][label], args.repeat) for n in ("SQLite", "PostgreSQL"))
            print(f"{label:<40} {a:10.1f} {b:14.1f} {b / a:6.2f}")
        for kb in kbs.values():
            kb.close()
    print(f"\npeak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
