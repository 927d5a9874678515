"""Distributed ingest with Dask: workers clean and analyse, one writer commits in order.

    newsgraph ingest --workers 4 news/             # a LocalCluster on this machine
    newsgraph ingest --scheduler tcp://host:8786 news/   # an existing cluster

Each batch makes two trips to the cluster. Workers clean it (decode, extract
text, fingerprint); the client then deduplicates it in input order against the
database and the batches ahead of it; workers analyse the documents that are
new, with the spaCy model loaded once per worker; the client links entities
across documents and commits, one transaction per document, in input order.
Several batches are in flight at once, so workers stay busy while the client
writes. Because every decision that depends on other documents (duplicates,
entity resolution, ids) is taken by the one client in the same order as a
single-process ingest, the database comes out identical.

A worker that dies mid-batch loses nothing: the scheduler runs its task again
elsewhere, and nothing is written before a batch's results come back.
"""
from __future__ import annotations

import logging
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator

from .clean import dedup
from .errors import NewsgraphError, OptionalDependencyMissing
from .ingest import Deduplicator, IngestReport, Ingester, _batches, clean_or_reject, source_key
from .model import Analysis, Document, RawDocument, Rejection
from .nlp import DEFAULT_MODEL

try:
    from distributed import WorkerPlugin
except ModuleNotFoundError:  # the dask extra is not installed: only single-process ingest
    WorkerPlugin = object

log = logging.getLogger(__name__)

BATCHES_PER_WORKER = 3  # in flight per worker: one running, the next ones queued behind it
LOCAL_CLUSTER_CONFIG = {
    # Dask fixes glibc's trim threshold for its workers, which also freezes the mmap threshold:
    # every large spaCy array then comes from fresh pages (ten times the page faults, a sixth
    # more CPU per document, measured). glibc's own adaptive default is better for this work.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,  # its sampling thread contends with ours for the GIL
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


# on the workers ---------------------------------------------------------------

def clean_batch(raws: list[RawDocument]) -> list[Document | Rejection]:
    """Clean each raw document; what cannot become a document comes back as a rejection."""
    return [clean_or_reject(raw) for raw in raws]


@lru_cache(maxsize=2)
def worker_analyser(model: str):
    """The worker's Analyser (and spaCy model), built once per worker process."""
    from .extract import Analyser

    return Analyser(model)


def analyse_batch(docs: list[Document], model: str) -> list[Analysis]:
    return list(worker_analyser(model).analyse_many(docs))


class ModelPreload(WorkerPlugin):
    """Dask worker plugin: load the model when a worker starts, not on its first batch."""

    name = "newsgraph-model"

    def __init__(self, model: str):
        self.model = model

    def setup(self, worker) -> None:
        worker_analyser(self.model)


# on the client ----------------------------------------------------------------

class PendingStore:
    """The store as it will be once the batches ahead have been committed.

    Duplicates are found against the database plus the documents of earlier
    batches still in flight, in the order a single process would have stored them.
    """

    def __init__(self, store):
        self.store = store
        self.docs: dict[str, Document] = {}  # id -> classified but not yet committed, in input order
        self.keys: dict[str, str] = {}  # source key -> document id, for the same documents

    def add(self, doc: Document, key: str) -> None:
        self.docs[doc.id] = doc
        self.keys[key] = doc.id

    def committed(self, doc: Document, key: str) -> None:
        self.docs.pop(doc.id, None)
        self.keys.pop(key, None)

    def source_doc(self, key: str) -> str | None:
        return self.store.source_doc(key) or self.keys.get(key)

    def doc_by_hash(self, content_hash: str) -> str | None:
        found = self.store.doc_by_hash(content_hash)
        return found or next((d.id for d in self._originals() if d.content_hash == content_hash), None)

    def docs_sharing_band(self, fingerprint: int) -> list[tuple[str, int]]:
        bands = dedup.bands(fingerprint)
        pending = [(d.id, d.fingerprint) for d in self._originals()
                   if any(a == b for a, b in zip(dedup.bands(d.fingerprint), bands))]
        return self.store.docs_sharing_band(fingerprint) + pending

    def _originals(self) -> Iterator[Document]:
        return (d for d in self.docs.values() if d.duplicate_of is None)


@dataclass
class Batch:
    """One batch on its way through the cluster, with each input's place in it."""

    items: list  # per input: Rejection, ("unchanged", source), or ("clean", key)
    to_clean: list[RawDocument]
    cleaned: object = None  # future of clean_batch
    ready: list[tuple[Document, str]] = field(default_factory=list)
    analysed: object = None  # future of analyse_batch, or None when nothing needs analysis


class DistributedIngester(Ingester):
    """An Ingester whose cleaning and analysis run on a Dask cluster."""

    def __init__(self, store, client, options=None, on_item=None):
        super().__init__(store, options, on_item=on_item)
        self.client = client
        self.pending = PendingStore(store)
        self.model = self.options.model or DEFAULT_MODEL

    def run(self, inputs: Iterable[RawDocument | Rejection]) -> IngestReport:
        from dask.distributed import wait

        batches = _batches(inputs, self.options.batch_size)
        window: deque[Batch] = deque()
        limit, exhausted = BATCHES_PER_WORKER * self._worker_count(), False
        while True:
            while not exhausted and len(window) < limit:
                batch = next(batches, None)
                exhausted = batch is None
                if batch is not None:
                    window.append(self.submit(batch))
            if not window:
                return self.report
            self.classify_cleaned(window)
            self.commit_analysed(window)
            running = [f for b in window for f in (b.cleaned, b.analysed) if f is not None and not f.done()]
            if running and (exhausted or len(window) >= limit):
                wait(running, return_when="FIRST_COMPLETED")

    def _worker_count(self) -> int:
        return max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))

    def submit(self, raws: list[RawDocument | Rejection]) -> Batch:
        """Send a batch to be cleaned, leaving out inputs already in the database."""
        items, to_clean = [], []
        for raw in raws:
            if isinstance(raw, Rejection):
                items.append(raw)
                continue
            key = source_key(raw)
            if self.store.source_doc(key):
                items.append(("unchanged", raw.source))
                continue
            items.append(("clean", key))
            to_clean.append(raw)
        batch = Batch(items, to_clean)
        if to_clean:
            batch.cleaned = self.client.submit(clean_batch, to_clean, pure=False)
        return batch

    def classify_cleaned(self, window: deque[Batch]) -> None:
        """Deduplicate, in input order, every batch whose cleaning is back; send the new documents to analysis."""
        for batch in window:
            if batch.items is None:
                continue  # classified already
            if batch.cleaned is not None and not batch.cleaned.done():
                return
            self.classify(batch, _result(batch.cleaned, "clean") if batch.cleaned is not None else [])
            batch.cleaned, batch.items = None, None
            for doc, key in batch.ready:
                self.pending.add(doc, key)
            todo = [d for d, _ in batch.ready if d.status == "new"]
            if todo and self.options.analyse:
                batch.analysed = self.client.submit(analyse_batch, todo, self.model, pure=False)

    def classify(self, batch: Batch, cleaned: list[Document | Rejection]) -> None:
        """What `Ingester.prepare` decides, taken against the database plus the batches ahead."""
        results = iter(cleaned)
        dedup_ = Deduplicator(self.pending)
        for item in batch.items:
            if isinstance(item, Rejection):
                self.reject(item)
                continue
            outcome, value = item
            if outcome == "unchanged":
                self.unchanged(value)
                continue
            doc = next(results)
            if isinstance(doc, Rejection):
                self.reject(doc)
            elif self.pending.source_doc(value):
                self.unchanged(doc.source)
            else:
                self.classify_document(dedup_, doc)
                batch.ready.append((doc, value))

    def commit_analysed(self, window: deque[Batch]) -> None:
        """Write, in input order, the batches at the front of the window whose analysis is back."""
        while window and window[0].items is None and (window[0].analysed is None or window[0].analysed.done()):
            batch = window.popleft()
            analyses = {a.doc_id: a for a in _result(batch.analysed, "analyse")} if batch.analysed is not None else {}
            for doc, key in batch.ready:
                self.store_one(doc, key, analyses.get(doc.id))
                self.pending.committed(doc, key)


def _result(future, step: str):
    """A batch's result; a batch the cluster could not finish stops the ingest with a sentence."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - whatever the cluster raised, the user gets one line
        raise NewsgraphError(
            f"the cluster could not {step} a batch ({type(exc).__name__}: {exc}); the documents before it "
            "are stored: run the same command again to go on from there") from exc


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None, model: str | None = None):
    """A Dask client: on a LocalCluster of `workers` processes, or on the cluster at `scheduler`."""
    try:
        from dask.distributed import Client, LocalCluster
    except ModuleNotFoundError:
        raise OptionalDependencyMissing("distributed ingest (--workers, --scheduler)", "dask") from None
    cluster = None
    if not log.isEnabledFor(logging.DEBUG):
        logging.getLogger("distributed").setLevel(logging.WARNING)  # its INFO lines are not for our users
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            import dask

            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0",
                                       # a failed task reaches the client as an exception; what the local
                                       # workers log besides is shutdown noise (heartbeats to a closed scheduler)
                                       silence_logs=logging.CRITICAL)
            client = Client(cluster)
    except OSError as exc:
        raise NewsgraphError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    try:
        if model is not False:
            client.register_plugin(ModelPreload(model or DEFAULT_MODEL))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def ingester_for(store, options=None, workers: int | None = None, scheduler: str | None = None,
                 on_item=None, **kwargs) -> Iterator[Ingester]:
    """A single-process Ingester, or with `workers` > 1 or a `scheduler` a DistributedIngester."""
    if (workers or 1) <= 1 and not scheduler:
        yield Ingester(store, options, on_item=on_item, **kwargs)
        return
    from .ingest import IngestOptions

    options = options or IngestOptions()
    model = (options.model or DEFAULT_MODEL) if options.analyse else False
    with dask_client(workers, scheduler, model) as client:
        yield DistributedIngester(store, client, options, on_item=on_item)
