"""Extraction: entities, roles and events read from one analysed document."""
from __future__ import annotations

from typing import Iterable, Iterator

from ..model import Analysis, Document
from ..nlp import DEFAULT_MODEL, load


class Analyser:
    """Runs the spaCy pipeline over documents in batches and extracts what newsgraph stores."""

    def __init__(self, model: str = DEFAULT_MODEL, events: bool = True, batch_size: int = 16):
        self.model = model
        self.events = events
        self.batch_size = batch_size
        self.nlp = load(model)

    def analyse_many(self, docs: Iterable[Document]) -> Iterator[Analysis]:
        docs = list(docs)
        texts = (d.analysable_text() for d in docs)
        for doc, sdoc in zip(docs, self.nlp.pipe(texts, batch_size=self.batch_size)):
            yield self.analyse_parsed(doc, sdoc)

    def analyse(self, doc: Document) -> Analysis:
        return next(self.analyse_many([doc]))

    def analyse_parsed(self, doc: Document, sdoc) -> Analysis:
        from . import entities, events

        found = entities.extract(doc, sdoc)
        happened = events.extract(doc, sdoc, found) if self.events else []
        return Analysis(doc_id=doc.id, entities=found, events=happened)


__all__ = ["Analyser"]
