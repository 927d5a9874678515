"""The ingest pipeline: read -> clean -> dedup -> analyse -> resolve -> store.

Each document, and everything derived from it, is committed in one transaction,
together with the record of its source. A batch killed half-way therefore leaves
a consistent database, and running it again skips what is already in.
"""
from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator

from .clean import clean, dedup
from .errors import InputRejected
from .model import Analysis, Document, RawDocument, Rejection
from .read import read_paths
from .read.paths import DEFAULT_MAX_BYTES
from .store import Store, Writer

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What a batch did: counts by outcome and every rejection with its reason."""

    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    unchanged: int = 0
    non_english: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def rejected_by_reason(self) -> dict[str, int]:
        return dict(Counter(r.reason for r in self.rejected))

    def as_dict(self) -> dict:
        return {"ingested": self.ingested, "duplicates": self.duplicates, "near_duplicates": self.near_duplicates,
                "unchanged": self.unchanged, "non_english": self.non_english, "rejected": len(self.rejected),
                "rejected_by_reason": self.rejected_by_reason,
                "rejections": [{"source": r.source, "reason": r.reason, "message": r.message} for r in self.rejected]}


@dataclass
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 32
    analyse: bool = True
    model: str | None = None
    # analysis processes for large batches (0: two where fork() and a second core exist). One by default:
    # on a busy two-core machine a second one did not pay for itself (benchmarks/nlp.py, full/2)
    n_process: int = 1


def source_key(raw: RawDocument) -> str:
    data = raw.data.encode("utf-8") if isinstance(raw.data, str) else raw.data
    return f"{raw.source}|{hashlib.sha1(data).hexdigest()}"


class Deduplicator:
    """Finds the original of a document among stored ones and those earlier in the batch."""

    def __init__(self, store: Store):
        self.store = store
        self.batch: list[Document] = []

    def original_of(self, doc: Document) -> tuple[str, str] | None:
        for earlier in self.batch:
            if earlier.content_hash == doc.content_hash:
                return earlier.id, "duplicate"
        found = self.store.doc_by_hash(doc.content_hash)
        if found:
            return found, "duplicate"
        for earlier in self.batch:
            if dedup.is_near_duplicate(earlier.fingerprint, doc.fingerprint):
                return earlier.id, "near-duplicate"
        for other_id, fp in self.store.docs_sharing_band(doc.fingerprint):
            if dedup.is_near_duplicate(fp, doc.fingerprint):
                return other_id, "near-duplicate"
        return None


def clean_or_reject(raw: RawDocument) -> Document | Rejection:
    """The cleaned document, or the rejection saying why it cannot become one."""
    try:
        return clean(raw)
    except InputRejected as exc:
        return Rejection(raw.source, exc.reason, str(exc))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Ingester:
    """Runs batches of inputs through the pipeline into one store."""

    def __init__(self, store: Store, options: IngestOptions | None = None, analyser=None,
                 on_item: Callable[..., None] | None = None):
        self.store = store
        self.options = options or IngestOptions()
        self._analyser = analyser
        self._owns_analyser = False
        self.on_item = on_item or (lambda source, outcome, detail="": None)
        self.report = IngestReport()

    @property
    def analyser(self):
        if self._analyser is None and self.options.analyse:
            from .extract import Analyser
            from .nlp import DEFAULT_MODEL

            self._analyser = Analyser(self.options.model or DEFAULT_MODEL, n_process=self.options.n_process)
            self._owns_analyser = True
        return self._analyser

    def reject(self, rejection: Rejection) -> None:
        self.report.rejected.append(rejection)
        self.on_item(rejection.source, "rejected", rejection.message)
        log.warning("%s", rejection.line())

    def prepare(self, batch: list[RawDocument | Rejection]) -> list[tuple[Document, str]]:
        """Clean and classify a batch; returns the documents to store with their source keys."""
        dedup_ = Deduplicator(self.store)
        ready = []
        for item in batch:
            if isinstance(item, Rejection):
                self.reject(item)
                continue
            key = source_key(item)
            if self.store.source_doc(key):
                self.unchanged(item.source)
                continue
            doc = clean_or_reject(item)
            if isinstance(doc, Rejection):
                self.reject(doc)
                continue
            self.classify_document(dedup_, doc)
            ready.append((doc, key))
        return ready

    def unchanged(self, source: str) -> None:
        self.report.unchanged += 1
        self.on_item(source, "unchanged")

    @staticmethod
    def classify_document(dedup_: Deduplicator, doc: Document) -> None:
        """Mark `doc` a duplicate, near-duplicate or non-English document, and let later ones compare with it."""
        original = dedup_.original_of(doc)
        if original:
            doc.duplicate_of, doc.status = original
        elif not doc.is_english:
            doc.status = "non-english"
        dedup_.batch.append(doc)

    def analyse(self, docs: list[Document]) -> dict[str, Analysis]:
        todo = [d for d in docs if d.status == "new"]
        if not todo or not self.options.analyse:
            return {}
        return {a.doc_id: a for a in self.analyser.analyse_many(todo)}

    def store_one(self, doc: Document, key: str, analysis: Analysis | None) -> None:
        if doc.status == "new":
            doc.status = "analysed" if analysis is not None else "stored"
        with self.store.transaction() as writer:
            if key and writer.has_source(key):  # another process stored this input since `prepare` looked
                self.unchanged(doc.source)
                return
            if doc.status in ("analysed", "stored") and (original := writer.original_by_hash(doc.content_hash)):
                doc.duplicate_of, doc.status, analysis = original, "duplicate", None  # the same: a concurrent writer
            writer.add_document(doc, key)
            if analysis is not None:
                write_analysis(writer, doc, analysis)
        counter = {"duplicate": "duplicates", "near-duplicate": "near_duplicates", "non-english": "non_english"}
        attr = counter.get(doc.status, "ingested")
        setattr(self.report, attr, getattr(self.report, attr) + 1)
        self.on_item(doc.source, doc.status)

    def run(self, inputs: Iterable[RawDocument | Rejection]) -> IngestReport:
        try:
            for batch in _batches(inputs, self.options.batch_size):
                ready = self.prepare(batch)
                analyses = self.analyse([d for d, _ in ready])
                for doc, key in ready:
                    self.store_one(doc, key, analyses.get(doc.id))
        finally:
            if self._owns_analyser:
                self._analyser.close()  # its worker processes, if it started any
        return self.report


def write_analysis(writer: Writer, doc: Document, analysis: Analysis) -> None:
    """Link entities across the corpus and write mentions, events and stories."""
    from .resolve import across
    from .stories import assign, events_to_rows

    ids = across.link(writer, doc.id, analysis)
    writer.add_events(assign(writer, doc, events_to_rows(writer, doc, analysis.events, ids)))


def ingest(store: Store, targets: Iterable[str], options: IngestOptions | None = None, **kwargs) -> IngestReport:
    """Ingest files, folders, globs (and '-' for JSON Lines on stdin) into `store`."""
    options = options or IngestOptions()
    stdin = kwargs.pop("stdin", None)
    if (kwargs.get("workers") or 1) <= 1 and not kwargs.get("scheduler"):  # one process: no Dask to import
        kwargs.pop("workers", None), kwargs.pop("scheduler", None)
        return Ingester(store, options, **kwargs).run(read_paths(targets, options.max_bytes, stdin=stdin))
    from .distributed import ingester_for  # workers=N or scheduler="tcp://..." spread the work over Dask

    with ingester_for(store, options, **kwargs) as ingester:
        return ingester.run(read_paths(targets, options.max_bytes, stdin=stdin))
