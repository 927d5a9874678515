"""Web archives and feeds: WARC files (a CC-NEWS crawl file) and RSS/Atom feeds.

Both are streamed record by record, so a multi-gigabyte crawl file costs the
memory of one article. The size limit (--max-size) applies to each record, not
to the archive. Records that are not articles (requests, metadata, redirects,
images) are skipped quietly; an article that cannot be read is one rejection
and the rest of the archive goes on.
"""
from __future__ import annotations

import logging
import os
import re
import zlib
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import IO, Iterator
from xml.etree.ElementTree import ParseError, iterparse, tostring

from ..errors import OptionalDependencyMissing
from ..model import RawDocument, Rejection

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
ARTICLE_RECORDS = {"response", "resource", "conversion"}  # conversion: WET plain text
HEAD_BYTES = 65536  # where a page declares its publication date
PAGE_DATE = re.compile(
    rb"""(?:article:published_time|datePublished|pubdate|publish[-_]?date|dc\.date)["']?\s*"""
    rb"""(?:content\s*=\s*|:\s*)["']\s*(\d{4}-\d\d-\d\d)""", re.I)


def read_archive(fh: IO[bytes], path: str, fmt: str, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    """The articles in a WARC file (`fmt` "warc") or an RSS/Atom feed (`fmt` "feed")."""
    if fmt == "warc":
        yield from read_warc(fh, path, max_bytes)
    else:
        yield from read_feed(fh, path, max_bytes)


# WARC -----------------------------------------------------------------------

def read_warc(fh: IO[bytes], path: str, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ModuleNotFoundError:
        raise OptionalDependencyMissing("reading WARC files", "warc") from None
    if not _starts_like_warc(fh):
        yield Rejection(path, "bad-warc", "not a WARC file: it does not start with a WARC/1.x record header")
        return
    records = ArchiveIterator(fh)
    found = 0
    try:
        for record in records:
            item = _warc_item(record, path, records.get_record_offset, max_bytes)
            if item is not None:
                found += 1
                yield item
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
        yield Rejection(path, "bad-warc", f"not a readable WARC file after {found} articles: {exc}")
        return
    if not found:
        yield Rejection(path, "empty", "no HTML or text articles in this WARC file")


def _starts_like_warc(fh: IO[bytes]) -> bool:
    """True when the (possibly gzipped) stream opens with a WARC record; leaves it at the start."""
    head = fh.read(4096)
    fh.seek(0)
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
        except zlib.error:
            return False
    return head.lstrip()[:5] == b"WARC/"


def _warc_item(record, path: str, offset_of, max_bytes: int) -> RawDocument | Rejection | None:
    """One WARC record as a document; None when the record is not an article.

    `offset_of()` gives the record's byte offset, which names it in the archive;
    warcio knows it only once the payload has been read.
    """
    if record.rec_type not in ARTICLE_RECORDS:
        return None
    ctype, charset = _content_type(record)
    fmt = "text" if record.rec_type == "conversion" or ctype == "text/plain" else "html"
    if fmt == "html" and ctype not in HTML_TYPES:
        return None
    if record.http_headers is not None and not str(record.http_headers.get_statuscode() or "").startswith("2"):
        return None
    data = record.content_stream().read(max_bytes + 1)
    where = f"{path}@{offset_of()}"
    uri = record.rec_headers.get_header("WARC-Target-URI") or where
    if len(data) > max_bytes:
        return Rejection(where, "too-large", f"WARC record {uri} is over the {max_bytes / 1e6:.1f} MB limit (--max-size)")
    if not data.strip():
        return None
    meta = {"url": uri}
    published = _page_date(data) if fmt == "html" else None
    published = published or (record.rec_headers.get_header("WARC-Date") or "")[:10]
    if published:
        meta["published"] = published
    return RawDocument(name=uri, source=where, data=_decoded(data, charset), format=fmt, meta=meta)


def _content_type(record) -> tuple[str, str | None]:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = (headers.get_header("Content-Type") or "").lower()
    kind, _, params = value.partition(";")
    charset = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params)
    return kind.strip(), charset.group(1) if charset else None


def _page_date(data: bytes) -> str | None:
    """The publication date a page declares in its head, which beats the crawl date."""
    found = PAGE_DATE.search(data[:HEAD_BYTES])
    return found.group(1).decode("ascii") if found else None


def _decoded(data: bytes, charset: str | None) -> bytes | str:
    """Text in the charset the server declared; bytes (guessed later) when it lied or said nothing."""
    if not charset:
        return data
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return data


# RSS and Atom -----------------------------------------------------------------

FEED_ROOTS = {"rss", "RDF", "feed"}
ITEM_TAGS = {"item", "entry"}
BODY_TAGS = ("encoded", "content", "description", "summary")  # best first: full text, then teaser


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_feed(fh: IO[bytes], path: str, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    base, count, open_elements = os.path.basename(path), 0, []
    try:
        for event, elem in iterparse(fh, events=("start", "end")):
            if event == "start":
                if not open_elements and _local(elem.tag) not in FEED_ROOTS:
                    yield Rejection(path, "not-a-feed", f"XML file is not an RSS or Atom feed (root <{_local(elem.tag)}>)")
                    return
                open_elements.append(elem)
                continue
            open_elements.pop()
            if _local(elem.tag) in ITEM_TAGS and open_elements:
                count += 1
                yield _feed_item(elem, f"{path}#{count}", f"{base}#{count}", max_bytes)
                open_elements[-1].remove(elem)  # keep memory flat: drop items already handed on
    except ParseError as exc:
        yield Rejection(path, "bad-feed", f"malformed feed XML after {count} items: {exc}")
        return
    if not count:
        yield Rejection(path, "empty", "no items in this feed")


def _fields(item) -> dict[str, str]:
    """First value of each child element by local name; Atom links by their href."""
    out: dict[str, str] = {}
    for child in item:
        name = _local(child.tag)
        if name == "link" and child.get("href") and child.get("rel", "alternate") == "alternate":
            out.setdefault("link", child.get("href"))
        elif name in ("author", "creator"):
            who = child.findtext("{*}name") or child.text or ""
            out.setdefault("author", who.strip())
        elif name == "content" and child.get("type") == "xhtml":
            out.setdefault("content", _xhtml(child))
        elif child.text and child.text.strip():
            out.setdefault(name, child.text.strip())
    return out


def _xhtml(elem) -> str:
    """Atom's inline XHTML content as HTML markup (namespace prefixes dropped)."""
    markup = "".join(tostring(child, encoding="unicode") for child in elem)
    return re.sub(r"<(/?)[\w.-]+:", r"<\1", markup)


def _feed_item(item, where: str, default_name: str, max_bytes: int) -> RawDocument | Rejection:
    f = _fields(item)
    body = next((f[t] for t in BODY_TAGS if f.get(t)), "")
    if len(body.encode("utf-8")) > max_bytes:
        return Rejection(where, "too-large", f"feed item is over the {max_bytes / 1e6:.1f} MB limit (--max-size)")
    text = html_to_text(body) if "<" in body else body
    if not text.strip():
        return Rejection(where, "empty", "feed item has no description or content")
    meta = {"title": html_to_text(f.get("title", "")).strip(), "url": f.get("link") or f.get("guid") or f.get("id"),
            "published": _feed_date(f.get("pubDate") or f.get("published") or f.get("updated") or f.get("date")),
            "byline": f.get("author")}
    meta = {k: v for k, v in meta.items() if v}
    return RawDocument(name=meta.get("url") or default_name, source=where, data=text, format="record", meta=meta)


def _feed_date(value: str | None) -> str | None:
    """RSS dates are RFC 822 ("Tue, 04 Mar 2025 10:00:00 GMT"); Atom's are ISO 8601."""
    if not value:
        return None
    if re.match(r"\d{4}-\d\d-\d\d", value):
        return value[:10]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return value


BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
              "article", "figure", "figcaption", "ul", "ol", "table", "hr"}
SKIP_TAGS = {"script", "style", "noscript", "iframe", "svg"}


class _TextOf(HTMLParser):
    """Text of an HTML fragment with one paragraph per block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of a feed's HTML fragment: paragraphs kept, markup and scripts dropped."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    paragraphs = (re.sub(r"\s+", " ", p).strip() for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
