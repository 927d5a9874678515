"""Ingest throughput and how it holds up as the database grows: a benchmark, not a test.

Two parts, each printing ratios measured in the same run, so they say something
on any machine:

* throughput: bare spaCy `nlp.pipe` over the texts of a generated corpus, then
  a full newsgraph ingest of the same articles in one process, then with
  `--workers` Dask workers (model load and cluster start excluded, reported
  apart), then bare spaCy again (the machine's speed can drift during a run).
* growth: one streamed ingest of `--n` articles; per-document time and the
  writer's time per document in windows of 1,000 documents as the database
  fills, and peak RSS of the client and the workers at each checkpoint.

    python benchmarks/scaling.py                          # 1,000 for throughput, 100,000 for growth
    python benchmarks/scaling.py --growth-n 10000 --growth-workers 2
    python benchmarks/scaling.py --db postgresql://user@host/bench   # the same on PostgreSQL

A projection for a 150,000-article news day closes the report.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gen_corpus  # noqa: E402

import newsgraph  # noqa: E402
from newsgraph.ingest import IngestOptions, Ingester  # noqa: E402
from newsgraph.nlp import DEFAULT_MODEL  # noqa: E402
from newsgraph.read import read_paths  # noqa: E402

NEWS_DAY = 150_000


def rss_mb() -> float:
    """Peak resident memory of this process: VmHWM, since ru_maxrss survives exec and would
    give a worker its parent's peak."""
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds(client=None) -> float:
    """CPU time used so far by this process, plus the workers' when there is a cluster."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    own = usage.ru_utime + usage.ru_stime
    if client is None:
        return own
    workers = client.run(lambda: (lambda u: u.ru_utime + u.ru_stime)(resource.getrusage(resource.RUSAGE_SELF)))
    return own + sum(workers.values())


def worker_rss_mb(client) -> list[float]:
    if client is None:
        return []
    peaks = client.run(rss_mb)
    return sorted(peaks.values())


@dataclass
class Clock:
    """Times the writer (wall and CPU) and the whole ingest, window by window."""

    window: int
    checkpoints: set[int] = field(default_factory=set)
    client: object = None
    count: int = 0
    store_wall: float = 0.0
    store_cpu: float = 0.0
    started: float = field(default_factory=time.perf_counter)
    windows: list[dict] = field(default_factory=list)
    marks: list[dict] = field(default_factory=list)
    _last: tuple = (0.0, 0.0, 0.0)
    _last_cpu: float = 0.0

    def start(self) -> None:
        self.started = time.perf_counter()
        self._last = (self.started, 0.0, 0.0)
        self._last_cpu = cpu_seconds(self.client)

    def wrap(self, ingester: Ingester) -> None:
        store_one = ingester.store_one

        def timed(doc, key, analysis):
            wall, cpu = time.perf_counter(), time.process_time()
            store_one(doc, key, analysis)
            self.store_wall += time.perf_counter() - wall
            self.store_cpu += time.process_time() - cpu
            self.tick()

        ingester.store_one = timed

    def tick(self) -> None:
        self.count += 1
        if self.count % self.window == 0:
            now, cpu = time.perf_counter(), cpu_seconds(self.client)
            last_t, last_w, last_c = self._last
            self.windows.append({"docs": self.count, "ms_per_doc": (now - last_t) * 1000 / self.window,
                                 "cpu_ms": (cpu - self._last_cpu) * 1000 / self.window,
                                 "store_ms": (self.store_wall - last_w) * 1000 / self.window,
                                 "store_cpu_ms": (self.store_cpu - last_c) * 1000 / self.window})
            self._last, self._last_cpu = (now, self.store_wall, self.store_cpu), cpu
        if self.count in self.checkpoints:
            self.marks.append({"docs": self.count, "client_rss_mb": rss_mb(),
                               "worker_rss_mb": worker_rss_mb(self.client)})


def fresh_db(base: str | None, tmp: str, name: str) -> str:
    """A new empty database: a SQLite file in `tmp`, or a new database on the server of `base`."""
    if not base:
        return os.path.join(tmp, name + ".db")
    import psycopg

    admin = base.replace("postgresql+psycopg://", "postgresql://")
    db = f"bench_{name}_{os.getpid()}"
    head, _, query = admin.partition("?")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}"')
        conn.execute(f'CREATE DATABASE "{db}"')
    return head.rsplit("/", 1)[0] + "/" + db + (("?" + query) if query else "")


@dataclass
class Run:
    seconds: float
    report: object
    clock: Clock
    startup: float = 0.0
    cpu: float = 0.0  # CPU seconds of the client and the workers during the run


def ingest(url: str, corpus: str, workers: int, clock: Clock, batch_size: int = 32) -> Run:
    """Ingest the JSON Lines `corpus` with `workers` processes (1: no Dask), timed by `clock`."""
    from newsgraph.distributed import DistributedIngester, dask_client

    options = IngestOptions(batch_size=batch_size)
    with newsgraph.open(url) as kb:
        if workers <= 1:
            t0 = time.perf_counter()
            ingester = Ingester(kb.store, options)
            ingester.analyser  # load the model before the clock starts
            return _timed(ingester, corpus, clock, time.perf_counter() - t0)
        t0 = time.perf_counter()
        with dask_client(workers, None, DEFAULT_MODEL) as client:
            clock.client = client
            run = _timed(DistributedIngester(kb.store, client, options), corpus, clock, time.perf_counter() - t0)
            clock.marks.append({"docs": clock.count, "client_rss_mb": rss_mb(), "worker_rss_mb": worker_rss_mb(client)})
            return run


def _timed(ingester: Ingester, corpus: str, clock: Clock, startup: float) -> Run:
    clock.wrap(ingester)
    cpu = cpu_seconds(clock.client)
    clock.start()
    report = ingester.run(read_paths([corpus], max_bytes=1 << 40))  # one big JSON Lines file, streamed
    seconds = time.perf_counter() - clock.started
    return Run(seconds, report, clock, startup, cpu_seconds(clock.client) - cpu)


def bare_pipe(texts: list[str], model: str = DEFAULT_MODEL) -> float:
    """Seconds for spaCy alone to run the model over `texts` (model load excluded)."""
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe(texts[:20]))  # warm up
    start, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start, cpu_seconds() - cpu


def throughput(args, tmp: str) -> dict:
    corpus = os.path.join(tmp, "throughput.jsonl")
    gen_corpus.write_jsonl(corpus, args.n, args.seed)
    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
    out = {"n": args.n, "bare": [bare_pipe(texts)], "load": [os.getloadavg()[0]]}
    single = ingest(fresh_db(args.db, tmp, "single"), corpus, 1, Clock(window=args.n + 1))
    out["single"] = single
    for w in args.workers:
        out[f"workers_{w}"] = ingest(fresh_db(args.db, tmp, f"w{w}"), corpus, w, Clock(window=args.n + 1))
    out["bare"].append(bare_pipe(texts))
    out["load"].append(os.getloadavg()[0])
    return out


def print_throughput(t: dict, workers: list[int]) -> None:
    n = t["n"]
    bare = sum(s for s, _ in t["bare"]) / len(t["bare"])
    bare_cpu = sum(c for _, c in t["bare"]) / len(t["bare"])
    print(f"\n== throughput on {n:,} generated articles ({os.cpu_count()} cores; load average "
          f"{t['load'][0]:.1f} before, {t['load'][1]:.1f} after: other processes share the cores)")
    print(f"bare spaCy nlp.pipe ({DEFAULT_MODEL}), 1 process: {n / bare:6.1f} docs/s, "
          f"{bare_cpu * 1000 / n:.1f} CPU ms/doc (runs: {', '.join(f'{n / s:.1f}' for s, _ in t['bare'])} docs/s)")
    for label, run in [("newsgraph ingest, 1 process", t["single"])] + \
            [(f"newsgraph ingest, {w} workers", t[f"workers_{w}"]) for w in workers]:
        rate = n / run.seconds
        print(f"{label}: {rate:6.1f} docs/s = {rate / (n / bare):.2f}x bare single process; "
              f"{run.cpu * 1000 / n:.1f} CPU ms/doc = {bare_cpu / run.cpu:.2f}x bare per CPU second; "
              f"writer {run.clock.store_wall * 1000 / n:.1f} ms/doc; start-up {run.startup:.1f} s; "
              f"{run.report.ingested} ingested")


def growth(args, tmp: str) -> Run:
    corpus = os.path.join(tmp, "growth.jsonl")
    gen_corpus.write_jsonl(corpus, args.growth_n, args.seed + 1)
    clock = Clock(window=args.window, checkpoints=set(args.checkpoints))
    return ingest(fresh_db(args.db, tmp, "growth"), corpus, args.growth_workers, clock)


def print_growth(run: Run, args) -> None:
    c = run.clock
    print(f"\n== growth: {args.growth_n:,} articles streamed into one database, {args.growth_workers} worker(s); "
          f"per document, windows of {args.window:,}")
    print(f"{'documents':>10} {'ms/doc':>8} {'docs/s':>7} {'CPU ms/doc':>11} {'writer ms':>10} {'writer CPU ms':>14}")
    for w in c.windows:
        if w["docs"] in args.checkpoints or w["docs"] % (10 * args.window) == 0 or w is c.windows[-1] \
                or len(c.windows) <= 12:
            print(f"{w['docs']:>10,} {w['ms_per_doc']:8.1f} {1000 / w['ms_per_doc']:7.1f} {w['cpu_ms']:11.1f} "
                  f"{w['store_ms']:10.2f} {w['store_cpu_ms']:14.2f}")
    # early: the two windows after the first (which pays for warm-up); late: the last two
    early, late = c.windows[1:3] or c.windows[:1], c.windows[-2:]
    mean = lambda ws, k: sum(w[k] for w in ws) / len(ws)  # noqa: E731
    print(f"ratio of per-document cost, documents {late[0]['docs'] - args.window + 1:,}-{late[-1]['docs']:,} vs "
          f"{early[0]['docs'] - args.window + 1:,}-{early[-1]['docs']:,} (target <= 1.3): "
          f"{mean(late, 'ms_per_doc') / mean(early, 'ms_per_doc'):.2f} by the clock, "
          f"{mean(late, 'cpu_ms') / mean(early, 'cpu_ms'):.2f} by CPU time of all processes (CPU time leaves out "
          f"waits for cores other jobs hold); writer {mean(late, 'store_ms') / mean(early, 'store_ms'):.2f} by the "
          f"clock, {mean(late, 'store_cpu_ms') / mean(early, 'store_cpu_ms'):.2f} by CPU")
    for m in c.marks:
        workers = ", ".join(f"{r:.0f}" for r in m["worker_rss_mb"]) or "-"
        print(f"peak RSS after {m['docs']:>7,} documents: client {m['client_rss_mb']:.0f} MB, workers {workers} MB")
    r = run.report
    print(f"report: {r.ingested} ingested, {r.duplicates} duplicates, {r.near_duplicates} near-duplicates, "
          f"{len(r.rejected)} rejected, in {run.seconds / 60:.1f} min")


def print_projection(t: dict | None, g: Run | None, workers: list[int]) -> None:
    """Core-hours for a news day, from the CPU a distributed run spends per article and the one
    writer's ceiling (the writer commits in input order, so it does not scale out)."""
    print(f"\n== projection: a {NEWS_DAY:,}-article news day")
    run = (t.get(f"workers_{max(workers)}") or t["single"]) if t else g
    n = t["n"] if t else g.clock.count
    per_doc, writer = run.cpu / n, run.clock.store_wall / n
    print(f"cost: {per_doc * 1000:.0f} CPU ms per article, all processes ({NEWS_DAY * per_doc / 3600:.1f} core-hours "
          f"a day); the one writer needs {writer * 1000:.1f} ms per article (ceiling {1 / writer:,.0f} articles/s)")
    for cores in (1, 2, 4, 8, 16, 32, 64):
        rate = min(cores / per_doc, 1 / writer)
        print(f"  {cores:>2} cores: {NEWS_DAY / rate / 3600:5.2f} h{'  (writer-bound)' if rate == 1 / writer else ''}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="articles for the throughput comparison")
    ap.add_argument("--workers", type=lambda s: [int(x) for x in s.split(",")], default=[2],
                    help="worker counts to compare with one process (default 2)")
    ap.add_argument("--growth-n", type=int, default=100_000, help="articles for the growth run (0: skip)")
    ap.add_argument("--growth-workers", type=int, default=2)
    ap.add_argument("--window", type=int, default=1000)
    ap.add_argument("--checkpoints", type=lambda s: [int(x) for x in s.split(",")], default=[2000, 10_000, 100_000])
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--db", help="a PostgreSQL server URL to create the benchmark databases on (default: SQLite files)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    args.checkpoints = [c for c in args.checkpoints if c <= args.growth_n] or [args.window]
    with tempfile.TemporaryDirectory() as tmp:
        t = None if args.skip_throughput else throughput(args, tmp)
        if t:
            print_throughput(t, args.workers)
        g = growth(args, tmp) if args.growth_n else None
        if g:
            print_growth(g, args)
        print_projection(t, g, args.workers)
    print(f"\npeak RSS of this process: {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
