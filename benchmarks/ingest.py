"""Ingest throughput without NLP: documents/s and peak RSS on a generated corpus.

Measures read -> decode -> boilerplate/metadata -> language -> dedup -> store
(SQLite), the part of the pipeline every document pays for whether or not it is
analysed. In the same run it times the bare minimum on the same files: read
each file and insert its text into SQLite in its own transaction (the same
durability newsgraph gives each document), so the ratio says what cleaning,
deduplication and bookkeeping cost on top of storing the text.

    python benchmarks/ingest.py --n 10000
"""
from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gen_corpus  # noqa: E402

import newsgraph  # noqa: E402
from newsgraph.ingest import IngestOptions  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_store(folder: str, db: str) -> float:
    """Read each file and insert it into SQLite, one transaction per document."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE docs (name TEXT PRIMARY KEY, text TEXT)")
    start = time.perf_counter()
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as fh:
            text = fh.read().decode("utf-8")
        with conn:
            conn.execute("INSERT INTO docs VALUES (?, ?)", (name, text))
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        gen_corpus.write_dir(corpus, args.n, args.seed)
        words = sum(len(open(os.path.join(corpus, f), encoding="utf-8").read().split()) for f in os.listdir(corpus))
        bare_s = bare_store(corpus, os.path.join(tmp, "bare.db"))
        rss_before = peak_rss_mb()
        with newsgraph.open(os.path.join(tmp, "kb.db")) as kb:
            start = time.perf_counter()
            report = kb.ingest([corpus], IngestOptions(analyse=False, batch_size=256))
            elapsed = time.perf_counter() - start
    stored = report.ingested + report.duplicates + report.near_duplicates
    print(f"documents: {args.n} generated, {stored} stored ({report.near_duplicates} near-duplicates), "
          f"{len(report.rejected)} rejected; {words / args.n:.0f} words each")
    print(f"ingest without NLP: {elapsed:.2f} s, {args.n / elapsed:,.0f} documents/s, {words / elapsed:,.0f} words/s")
    print(f"bare read + SQLite insert of the same files: {bare_s:.2f} s, {args.n / bare_s:,.0f} documents/s")
    print(f"ratio: newsgraph ingest runs at {bare_s / elapsed:.2f}x the speed of a bare insert")
    print(f"peak RSS: {peak_rss_mb():.0f} MB (before ingest: {rss_before:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
