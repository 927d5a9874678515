"""JSON and JSON Lines records: one article per object.

Fields: `text` or `body`, and optionally `title`, `url`, `published`, `outlet`,
`id`. One bad line is one rejection; the other lines go in.
"""
from __future__ import annotations

import json
from typing import IO, Iterator

from ..model import RawDocument, Rejection

TEXT_FIELDS = ("text", "body", "content")
META_FIELDS = {"title": ("title", "headline"), "url": ("url", "link"),
               "published": ("published", "date", "published_at", "pubdate"),
               "outlet": ("outlet", "source", "site", "publisher")}


def record_to_raw(obj, where: str, default_name: str) -> RawDocument | Rejection:
    if not isinstance(obj, dict):
        return Rejection(where, "bad-record", "record is not a JSON object")
    body = next((obj[f] for f in TEXT_FIELDS if isinstance(obj.get(f), str)), None)
    if body is None:
        return Rejection(where, "bad-record", "record has no 'text' or 'body' string")
    if not body.strip():
        return Rejection(where, "empty", "record's text is empty")
    meta = {}
    for key, names in META_FIELDS.items():
        value = next((obj[n] for n in names if isinstance(obj.get(n), str) and obj[n].strip()), None)
        if value:
            meta[key] = value.strip()
    name = str(obj.get("id") or obj.get("name") or default_name)
    fmt = "html" if body.lstrip()[:15].lower().startswith(("<!doctype html", "<html")) else "record"
    return RawDocument(name=name, source=where, data=body, format=fmt, meta=meta)


def _starts_array(fh: IO[bytes]) -> bool:
    """True when the stream holds one JSON array rather than JSON Lines."""
    head = fh.peek(256) if hasattr(fh, "peek") else b""
    return head.lstrip()[:1] == b"["


def read_records(fh: IO[bytes], path: str) -> Iterator[RawDocument | Rejection]:
    base = path.rsplit("/", 1)[-1]
    if _starts_array(fh):
        try:
            items = json.loads(fh.read())
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Rejection(path, "bad-json", f"not valid JSON: {exc}")
            return
        for i, obj in enumerate(items, 1):
            yield record_to_raw(obj, f"{path}#{i}", f"{base}#{i}")
        return
    seen_any = False
    for number, line in enumerate(fh, 1):
        if not line.strip():
            continue
        seen_any = True
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except UnicodeDecodeError:
            yield Rejection(where, "undecodable", "line is not UTF-8 JSON")
            continue
        except json.JSONDecodeError as exc:
            yield Rejection(where, "bad-json", f"malformed JSON line: {exc.msg} at column {exc.colno}")
            continue
        yield record_to_raw(obj, where, f"{base}:{number}")
    if not seen_any:
        yield Rejection(path, "empty", "no records in this file")
