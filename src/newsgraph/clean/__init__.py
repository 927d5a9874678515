"""Cleaning: decode, extract the main text, mark boilerplate, read metadata, fingerprint."""
from __future__ import annotations

import hashlib
from functools import lru_cache

from ..errors import InputRejected
from ..model import Document, RawDocument, Region
from . import boilerplate, dates, dedup, language, layout
from .decode import decode


MIN_HTML_WORDS = 12  # less than a sentence of body text: a menu, a login wall or an empty template


def _html_to_text(html: str) -> tuple[str, dict]:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    words = len((extracted.text or "").split()) if extracted is not None else 0
    if words < MIN_HTML_WORDS:
        raise InputRejected("no-text", f"HTML page has no article text ({words} words outside navigation and markup)")
    meta = {"title": extracted.title, "published": extracted.date, "outlet": extracted.sitename,
            "url": extracted.url, "byline": extracted.author}
    return extracted.text, {k: v for k, v in meta.items() if v}


def document_id(source: str, body_hash: str) -> str:
    return "D" + hashlib.sha1(f"{source}\n{body_hash}".encode()).hexdigest()[:12]


def clean(raw: RawDocument) -> Document:
    """A `Document` ready for analysis, or InputRejected with the reason."""
    text = raw.data if isinstance(raw.data, str) else decode(raw.data)[0]
    meta = dict(raw.meta)
    if raw.format == "html":
        text, html_meta = _html_to_text(text)
        meta = html_meta | meta
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise InputRejected("empty", "no text (only white space)")
    regions, found = boilerplate.find(text)
    top = layout.analyse(text, regions, meta.get("title"))
    regions = sorted(regions + top.regions, key=lambda r: r.start)
    doc = Document(
        id="", name=raw.name, source=raw.source, text=text, regions=regions,
        title=meta.get("title") or top.title,
        published=dates.normalise(meta.get("published")) or top.published,
        url=meta.get("url"), outlet=meta.get("outlet") or found.get("outlet") or top.outlet,
        byline=meta.get("byline") or found.get("byline") or top.byline,
    )
    body = doc.analysable_text()
    if not body.strip():
        raise InputRejected("no-text", "no article text: every line is boilerplate")
    doc.language = language.detect(body)
    doc.content_hash = dedup.content_hash(body)
    doc.fingerprint = dedup.simhash(body)
    doc.id = document_id(raw.source, doc.content_hash)
    return doc


__all__ = ["clean", "decode", "document_id", "Region"]
