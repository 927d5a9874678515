"""NLP throughput: the full newsgraph ingest (entities on) against bare spaCy, in one run.

On the same generated articles (benchmarks/gen_corpus.py) it times
  bare      `spacy.load(model)` as its package ships it (tok2vec, tagger, parser, attribute_ruler,
            lemmatizer, ner; senter disabled, as shipped) and `nlp.pipe(texts, batch_size)` over the raw
            file texts in one process: parsing only, nothing read, cleaned or stored;
  entities  newsgraph ingest in one process (read, clean, dedup, the same spaCy pipeline with newsgraph's
            attribute look-up, lexicon and shape rulers, entities, linking, SQLite) with events off;
  full      the same with events on, as `newsgraph ingest` runs;
  full/N    the full ingest with the analysis split over N forked processes (`Analyser(n_process=N)`,
            what `newsgraph ingest` does by default on a machine with two cores), fork included;
  workers   the full ingest with `--workers N` (Dask: cleaning and analysis in N processes, one writer),
            cluster start-up and model loading included.
Each runs in its own process, after loading the model, so words/s exclude start-up and peak RSS is
the run's own (with its worker processes). Ratios are of wall-clock words/s; the CPU-time ratio
beside them (CPU of the process and of its analysis workers) is steadier on a busy machine.
With --repeat R the parts run R times, interleaved, and the best time of each is kept.
The target is newsgraph >= 0.8x bare spaCy.

    python benchmarks/nlp.py --n 1000 [--repeat 2]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (forked analysis workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def texts_of(folder: str) -> list[str]:
    out = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            out.append(fh.read())
    return out


def run_bare(folder: str, batch_size: int) -> dict:
    import spacy

    from newsgraph.nlp import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    texts = texts_of(folder)
    start, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return {"seconds": time.perf_counter() - start, "cpu": cpu_seconds() - cpu, "pipes": nlp.pipe_names}


def run_ingest(folder: str, db: str, events: bool, batch_size: int, workers: int = 1, n_process: int = 1) -> dict:
    import newsgraph
    from newsgraph.extract import Analyser
    from newsgraph.ingest import IngestOptions

    options = IngestOptions(batch_size=batch_size * 2)
    analyser = Analyser(events=events, batch_size=batch_size, n_process=n_process) if workers <= 1 else None
    extra = {"workers": workers} if workers > 1 else {"analyser": analyser}
    with newsgraph.open(db) as kb:
        start, cpu = time.perf_counter(), cpu_seconds()
        report = kb.ingest([folder], options, **extra)
        if analyser is not None:
            analyser.close()  # ends its worker processes, whose CPU time then counts
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
        stats = kb.stats()
    return {"seconds": seconds, "cpu": cpu, "ingested": report.ingested,
            "entities": stats["entities"], "mentions": stats["mentions"], "events": stats["events"]}


def child(part: str, folder: str, tmp: str, batch_size: int, workers: int, n_process: int) -> dict:
    """Run one part in a fresh process and read back its timings and peak RSS."""
    cmd = [sys.executable, __file__, "--part", part, "--folder", folder, "--tmp", tmp, "--batch-size", str(batch_size),
           "--workers", str(workers), "--n-process", str(n_process)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the {part} run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def part_main(args) -> int:
    if args.part == "bare":
        result = run_bare(args.folder, args.batch_size)
    else:
        db = os.path.join(args.tmp, f"{args.part}.db")
        for stale in (db, db + "-wal", db + "-shm"):  # a repeat starts from an empty database
            if os.path.exists(stale):
                os.remove(stale)
        workers = args.workers if args.part == "workers" else 1
        n_process = args.n_process if args.part == "parallel" else 1
        result = run_ingest(args.folder, db, args.part != "entities", args.batch_size, workers, n_process)
    rss = peak_rss_mb() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(result | {"peak_rss_mb": round(rss, 1)}))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="articles to generate")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2, help="processes for the `workers` run (0 skips it)")
    ap.add_argument("--n-process", type=int, default=2, help="analysis processes of the `full/N` run (1 skips it)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each part, interleaved; the best is kept")
    ap.add_argument("--part", choices=["bare", "entities", "full", "parallel", "workers"], help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    ap.add_argument("--tmp", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.part:
        return part_main(args)
    import gen_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "corpus")
        gen_corpus.write_dir(folder, args.n, args.seed)
        words = sum(len(t.split()) for t in texts_of(folder))
        parts = ("bare", "entities", "full") + (("parallel",) if args.n_process > 1 else ()) + (
            ("workers",) if args.workers > 1 else ())
        results: dict[str, dict] = {}
        for _ in range(args.repeat):
            for part in parts:
                r = child(part, folder, tmp, args.batch_size, args.workers, args.n_process)
                best = results.setdefault(part, r)
                best["seconds"], best["cpu"] = min(best["seconds"], r["seconds"]), min(best["cpu"], r["cpu"])
    bare_wps = words / results["bare"]["seconds"]
    bare_cpu = words / results["bare"]["cpu"]
    print(f"{args.n} articles, {words} words, best of {args.repeat}; bare spaCy pipeline "
          f"{', '.join(results['bare']['pipes'])}; peak RSS of full/N and workers counts their worker processes")
    for part, r in results.items():
        wps = words / r["seconds"]
        extra = f"  {r['entities']} entities, {r['mentions']} mentions, {r['events']} events" if part != "bare" else ""
        label = {"workers": f"workers={args.workers}", "parallel": f"full/{args.n_process}"}.get(part, part)
        cpu = "" if part == "workers" else f"  (CPU-time ratio {words / r['cpu'] / bare_cpu:4.2f}x)"
        print(f"{label:9s} {wps:9.0f} words/s  {r['seconds']:7.1f} s  peak RSS {r['peak_rss_mb']:7.1f} MB  "
              f"ratio {wps / bare_wps:4.2f}x{cpu}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
