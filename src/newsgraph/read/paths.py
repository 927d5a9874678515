"""Expand what the user named into inputs, and hand each to the reader for its format.

Every problem with an input becomes a `Rejection` naming it; nothing raises
past this module, so one bad file never stops a batch.
"""
from __future__ import annotations

import glob
import os
import sys
from typing import IO, Iterable, Iterator

from ..model import RawDocument, Rejection
from . import records

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

FORMAT_BY_SUFFIX = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "records", ".ndjson": "records", ".json": "records",
    ".warc": "warc", ".warc.gz": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}
ARCHIVE_FORMATS = {"warc", "feed"}


def format_of(path: str, head: bytes) -> str:
    lower = path.lower()
    for suffix, fmt in FORMAT_BY_SUFFIX.items():
        if lower.endswith(suffix):
            return fmt
    start = head.lstrip()[:200].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def expand(targets: Iterable[str]) -> Iterator[str | Rejection]:
    """Files named, found under folders (sorted, recursively) or matched by globs."""
    for target in targets:
        if target == "-":
            yield "-"
        elif os.path.isdir(target):
            for root, dirs, files in os.walk(target):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name not in SKIPPED_NAMES:
                        yield os.path.join(root, name)
        elif os.path.lexists(target):
            yield target
        elif glob.has_magic(target):
            matches = sorted(glob.glob(target, recursive=True))
            if not matches:
                yield Rejection(target, "not-found", "no file matches this pattern")
            yield from expand(matches)
        else:
            yield Rejection(target, "not-found", "no such file or folder")


def _check_file(path: str, max_bytes: int) -> Rejection | None:
    if os.path.islink(path) and not os.path.exists(path):
        return Rejection(path, "broken-link", f"broken symbolic link (points to {os.readlink(path)})")
    if not os.path.isfile(path):
        return Rejection(path, "not-a-file", "not a regular file")
    size = os.path.getsize(path)
    if size == 0:
        return Rejection(path, "empty", "empty file")
    if size > max_bytes and format_of(path, b"") not in ARCHIVE_FORMATS:  # archives: the limit is per record
        return Rejection(path, "too-large",
                         f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit (--max-size)")
    if not os.access(path, os.R_OK):
        return Rejection(path, "unreadable", "permission denied: cannot read this file")
    return None


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Rejection]:
    problem = _check_file(path, max_bytes)
    if problem:
        yield problem
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
            fmt = format_of(path, head)
            if fmt == "records":
                fh.seek(0)
                yield from records.read_records(fh, path)
                return
            if fmt in ("warc", "feed"):
                from . import archives

                fh.seek(0)
                yield from archives.read_archive(fh, path, fmt, max_bytes)
                return
            data = head + fh.read()
    except PermissionError:
        yield Rejection(path, "unreadable", "permission denied: cannot read this file")
        return
    except OSError as exc:
        yield Rejection(path, "unreadable", f"cannot read: {exc.strerror or exc}")
        return
    yield RawDocument(name=os.path.basename(path), source=os.path.abspath(path), data=data, format=fmt)


def read_paths(targets: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
               stdin: IO[bytes] | None = None) -> Iterator[RawDocument | Rejection]:
    """All inputs behind `targets`, in a stable order, as documents or rejections."""
    for item in expand(targets):
        if isinstance(item, Rejection):
            yield item
        elif item == "-":
            yield from records.read_records(stdin or sys.stdin.buffer, "<stdin>")
        else:
            yield from read_file(item, max_bytes)
