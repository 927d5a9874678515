"""What the events stage adds to the entities-only pipeline: a time ratio and peak RSS, in one run.

The documents are parsed once (spaCy without the lemmatizer) and their entities
read; that is the entities-only pipeline. The events stage adds the lemmatizer
(only events read lemmas) and the event extraction itself, each timed on the same
parses, so the ratio is (parse + entities + lemmatizer + events) / (parse + entities).

    python benchmarks/events.py [--repeat 20] [FOLDER ...]

Folders default to examples/articles and ../shared/seeds (when present).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def documents(folders: list[str]):
    from newsgraph.clean import clean
    from newsgraph.model import RawDocument
    from newsgraph.read import read_paths

    return [clean(raw) for raw in read_paths(folders, 10**7) if isinstance(raw, RawDocument)]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*")
    ap.add_argument("--repeat", type=int, default=20, help="how many times the corpus is analysed")
    args = ap.parse_args()
    folders = args.folders or [str(ROOT / "examples" / "articles")] + (
        [str(ROOT.parent / "shared" / "seeds")] if (ROOT.parent / "shared" / "seeds").is_dir() else [])

    from newsgraph.extract import entities, events
    from newsgraph.nlp import load

    nlp = load()
    docs = documents(folders) * args.repeat
    texts = [d.analysable_text() for d in docs]
    list(nlp.pipe(texts[:4]))  # warm up
    parsed: list = []
    with nlp.select_pipes(disable=["lemmatizer"]):
        parse = timed(lambda: parsed.extend(nlp.pipe(texts)))
    lemmatizer = nlp.get_pipe("lemmatizer")
    lemmas = timed(lambda: [lemmatizer(s) for s in parsed])
    found: list = []
    ents = timed(lambda: found.extend(entities.extract(d, s) for d, s in zip(docs, parsed)))
    evs = timed(lambda: [events.extract(d, s, e) for d, s, e in zip(docs, parsed, found)])

    base = parse + ents
    print(f"documents: {len(docs)} ({len(docs) // args.repeat} x {args.repeat})")
    print(f"parse {parse:.2f}s, entities {ents:.2f}s | lemmatizer {lemmas:.2f}s, events {evs:.2f}s")
    print(f"events stage (lemmatizer + events) / entities-only pipeline: {(base + lemmas + evs) / base:.3f}"
          "  (limit 1.25)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
