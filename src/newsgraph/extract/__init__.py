"""Extraction: entities, roles and events read from one analysed document."""
from __future__ import annotations

import multiprocessing
import os
from typing import Iterable, Iterator

from ..model import Analysis, Document
from ..nlp import DEFAULT_MODEL, load

_FORKED: dict[int, "Analyser"] = {}  # analysers whose forked workers look them up by id (`Analyser._pool`)


def _analyse_chunk(job: tuple[int, list[Document]]) -> list[Analysis]:
    """In a forked worker: analyse a contiguous run of documents with the inherited model."""
    owner, docs = job
    return list(_FORKED[owner].analyse_many(docs, parallel=False))


def auto_processes() -> int:
    """Processes worth using for analysis here: two where a second core and fork() exist, else one."""
    if "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
        return 1  # no fork, or inside a daemonic worker (which may not have children)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(2, cores)


class Analyser:
    """Runs the spaCy pipeline over documents in batches and extracts what newsgraph stores.

    With `n_process` > 1, a call with at least `n_process * batch_size` documents is split
    into contiguous runs of whole spaCy batches, analysed by worker processes forked once
    after the model is loaded (they share its memory). Every document meets the same
    spaCy batch as in one process, so the results are identical and in the same order.
    `n_process=0` means `auto_processes()`; `close()` stops the workers."""

    def __init__(self, model: str = DEFAULT_MODEL, events: bool = True, batch_size: int = 16, n_process: int = 1):
        self.model = model
        self.events = events
        self.batch_size = batch_size
        self.n_process = n_process or auto_processes()
        self.nlp = load(model)
        # only events read lemmas: without them the lemmatizer is skipped
        self.skipped = [] if events else [p for p in ("lemmatizer",) if p in self.nlp.pipe_names]
        self._workers = None

    def analyse_many(self, docs: Iterable[Document], parallel: bool = True) -> Iterator[Analysis]:
        docs = list(docs)
        if parallel and self.n_process > 1 and len(docs) >= self.n_process * self.batch_size:
            yield from self._analyse_in_workers(docs)
            return
        texts = (d.analysable_text() for d in docs)
        for doc, sdoc in zip(docs, self.nlp.pipe(texts, batch_size=self.batch_size, disable=self.skipped)):
            yield self.analyse_parsed(doc, sdoc)

    def _analyse_in_workers(self, docs: list[Document]) -> Iterator[Analysis]:
        batches = -(-len(docs) // self.batch_size)
        per = -(-batches // self.n_process) * self.batch_size  # whole spaCy batches per worker
        jobs = [(id(self), docs[i:i + per]) for i in range(0, len(docs), per)]
        for analyses in self._pool().imap(_analyse_chunk, jobs):
            yield from analyses

    def _pool(self):
        if self._workers is None:
            _FORKED[id(self)] = self
            self._workers = multiprocessing.get_context("fork").Pool(self.n_process)
        return self._workers

    def close(self) -> None:
        """Stop the worker processes, if any were started (they are started again when needed)."""
        if self._workers is not None:
            self._workers.close()
            self._workers.join()
            self._workers = None
            _FORKED.pop(id(self), None)

    def analyse(self, doc: Document) -> Analysis:
        return next(self.analyse_many([doc]))

    def analyse_parsed(self, doc: Document, sdoc) -> Analysis:
        from . import entities, events

        found = entities.extract(doc, sdoc)
        happened = events.extract(doc, sdoc, found) if self.events else []
        return Analysis(doc_id=doc.id, entities=found, events=happened)


__all__ = ["Analyser"]
