"""The JSON Lines export: the project's public data contract (shared/EXPORT-SCHEMA.md)."""
from __future__ import annotations

import json
from typing import IO, Iterator

from .. import query


def records(store) -> Iterator[dict]:
    for doc in store.documents():
        yield {"kind": "document", "id": doc.id, "name": doc.name, "title": doc.title,
               "published": doc.published, "url": doc.url, "outlet": doc.outlet, "byline": doc.byline,
               "language": doc.language, "status": doc.status, "duplicate_of": doc.duplicate_of,
               "text": doc.text}
    for ent in query.entities(store, with_mentions=True):
        yield {"kind": "entity"} | ent
    for ev in query.events(store):
        yield {"kind": "event"} | ev


def write(store, out: IO[str]) -> int:
    n = 0
    for rec in records(store):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
