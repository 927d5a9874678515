"""WARC crawl files and RSS/Atom feeds: articles in, everything else skipped, streamed."""
from __future__ import annotations

import gzip
import io
import tracemalloc
from pathlib import Path

import pytest

from newsgraph.ingest import IngestOptions
from newsgraph.model import RawDocument, Rejection
from newsgraph.read import read_paths
from newsgraph.read.archives import html_to_text

from .conftest import write

NO_NLP = IngestOptions(analyse=False)

PARAGRAPHS = [
    "The coastguard of Norland intercepted a freighter carrying rifles off the port of Vessa on Tuesday.",
    "Officials said the cargo had been loaded in a neighbouring country and was bound for rebel groups.",
    "The shipping company denied any knowledge of the weapons and said it would cooperate with investigators.",
]


def page(title: str, lead: str, date: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}T08:00:00Z">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in [lead, *PARAGRAPHS])
    return (f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>").encode()


def warc_file(path: Path, records: list[tuple], gz: bool = True) -> Path:
    """Write records (type, uri, content type, status, payload) as a WARC file."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for rec_type, uri, ctype, status, payload in records:
            http = None
            if rec_type in ("response", "request"):
                first = f"{status} OK" if rec_type == "response" else "GET / HTTP/1.1"
                http = StatusAndHeaders(first, [("Content-Type", ctype)], protocol="HTTP/1.1",
                                        is_http_request=rec_type == "request")
            rec = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(payload), http_headers=http,
                                            warc_content_type=ctype if http is None else None,
                                            warc_headers_dict={"WARC-Date": "2025-02-03T10:00:00Z"})
            writer.write_record(rec)
    return path


def crawl(tmp_path: Path, gz: bool = True) -> Path:
    html = "text/html; charset=utf-8"
    return warc_file(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), [
        ("request", "https://news.example/a", "application/http", "200", b""),
        ("response", "https://news.example/a", html, "200", page("Freighter seized", "Rifles found on a freighter.", "2025-01-30")),
        ("response", "https://news.example/b", html, "200", page("Talks resume", "Delegations met again in Vessa.")),
        ("response", "https://news.example/gone", html, "404", page("Not found", "This page does not exist.")),
        ("response", "https://news.example/logo.png", "image/png", "200", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("conversion", "https://news.example/c", "text/plain", "200", "\n\n".join(PARAGRAPHS).encode()),
    ], gz)


@pytest.mark.parametrize("gz", [True, False])
def test_warc_yields_articles_and_skips_the_rest(tmp_path, gz):
    items = list(read_paths([str(crawl(tmp_path, gz))]))
    assert all(isinstance(i, RawDocument) for i in items), items
    by_url = {i.meta["url"]: i for i in items}
    assert set(by_url) == {"https://news.example/a", "https://news.example/b", "https://news.example/c"}
    assert by_url["https://news.example/a"].format == "html"
    assert by_url["https://news.example/c"].format == "text"
    assert by_url["https://news.example/a"].meta["published"] == "2025-01-30"  # the page's own date
    assert by_url["https://news.example/b"].meta["published"] == "2025-02-03"  # else the crawl date
    assert len({i.source for i in items}) == 3 and all("crawl.warc" in i.source for i in items)


def test_warc_ingest_stores_text_without_navigation(kb, tmp_path):
    report = kb.ingest([str(crawl(tmp_path))], NO_NLP)
    assert report.ingested == 3 and not report.rejected
    docs = {d.url: d for d in kb.documents()}
    seized = docs["https://news.example/a"]
    assert "Rifles found on a freighter." in seized.text and "Contact us" not in seized.text
    assert seized.published == "2025-01-30"
    assert kb.ingest([str(tmp_path / "crawl.warc.gz")], NO_NLP).unchanged == 3


def test_size_limit_applies_per_record_not_per_archive(tmp_path):
    big = page("Long report", "A long report. " + "More detail follows here. " * 4000)
    path = warc_file(tmp_path / "big.warc.gz", [
        ("response", "https://news.example/long", "text/html", "200", big),
        ("response", "https://news.example/short", "text/html", "200", page("Short", "A short report.")),
    ])
    limit = len(big) - 1000
    assert path.stat().st_size < limit * 2
    items = list(read_paths([str(path), str(path)], max_bytes=limit // 10))
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert {r.reason for r in rejected} == {"too-large"} and "https://news.example/long" in rejected[0].message
    assert sum(isinstance(i, RawDocument) for i in items) == 2


def test_not_a_warc_is_one_rejection(tmp_path):
    path = write(tmp_path, "broken.warc", b"this is not a web archive\n" * 20)
    items = list(read_paths([str(path)]))
    assert len(items) == 1 and items[0].reason == "bad-warc"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example Wire</title><link>https://wire.example/</link>
<item><title>Coastguard seizes rifles</title><link>https://wire.example/1</link>
<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate><dc:creator>Ana Ruiz</dc:creator>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>{0}</p><p>{1}</p><script>track()</script><p>{2}</p>]]></content:encoded></item>
<item><title>Teaser only</title><link>https://wire.example/2</link><pubDate>Wed, 05 Mar 2025 09:30:00 +0100</pubDate>
<description>&lt;p&gt;Delegations from both sides met again in &lt;b&gt;Vessa&lt;/b&gt; for a second round of talks.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://wire.example/3</link></item>
</channel></rss>""".format(*PARAGRAPHS)

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<entry><title type="html">Ports &amp;amp; harbours closed</title><id>urn:uuid:1</id>
<link rel="alternate" href="https://atom.example/ports"/><published>2025-03-06T07:00:00Z</published>
<author><name>Li Wen</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{0}</p><p>{1}</p></div></content></entry>
<entry><title>Summary only</title><id>urn:uuid:2</id><updated>2025-03-07</updated>
<summary>{2}</summary></entry>
</feed>""".format(*PARAGRAPHS)


def test_rss_items_become_documents_with_metadata(tmp_path):
    items = list(read_paths([str(write(tmp_path, "wire.rss", RSS))]))
    first, second, empty = items
    assert first.meta == {"title": "Coastguard seizes rifles", "url": "https://wire.example/1",
                          "published": "2025-03-04", "byline": "Ana Ruiz"}
    assert first.data.split("\n\n") == PARAGRAPHS and "track()" not in first.data
    assert second.data == "Delegations from both sides met again in Vessa for a second round of talks."
    assert second.meta["published"] == "2025-03-05"
    assert isinstance(empty, Rejection) and empty.reason == "empty" and empty.source.endswith("#3")


def test_atom_entries_and_ingest(kb, tmp_path):
    path = write(tmp_path, "feed.atom", ATOM)
    first, second = list(read_paths([str(path)]))
    assert first.name == "https://atom.example/ports" and first.meta["title"] == "Ports & harbours closed"
    assert first.data.split("\n\n") == PARAGRAPHS[:2] and first.meta["byline"] == "Li Wen"
    assert second.meta["published"] == "2025-03-07" and second.name == "urn:uuid:2"
    report = kb.ingest([str(path)], NO_NLP)
    assert report.ingested == 2
    assert {d.title for d in kb.documents()} == {"Ports & harbours closed", "Summary only"}


@pytest.mark.parametrize("content, reason", [
    ("<?xml version='1.0'?><urlset><url><loc>https://x.example/</loc></url></urlset>", "not-a-feed"),
    ("<rss><channel><item><title>One</title><description>Text of one.</description></item><item><title>", "bad-feed"),
])
def test_bad_feeds_are_rejected_with_a_reason(tmp_path, content, reason):
    items = list(read_paths([str(write(tmp_path, "x.xml", content))]))
    assert items[-1].reason == reason
    if reason == "bad-feed":
        assert isinstance(items[0], RawDocument) and items[0].data == "Text of one."


def test_html_to_text_keeps_paragraphs():
    assert html_to_text("<div>One <i>two</i><br>three</div><style>p{}</style><ul><li>four</li></ul>") == \
        "One two\n\nthree\n\nfour"


def _peak_while_reading(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = sum(1 for i in read_paths([str(path)], max_bytes=1_000_000) if isinstance(i, RawDocument))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_archives_stream_in_bounded_memory(tmp_path):
    """Reading 4,000 records holds about one record at a time, not the file."""
    item = "<item><title>T{0}</title><link>https://wire.example/{0}</link><description>{1}</description></item>"
    body = " ".join(PARAGRAPHS) * 6
    feed = tmp_path / "big.rss"
    with open(feed, "w") as fh:
        fh.write("<rss><channel><title>Big</title>")
        for i in range(4000):
            fh.write(item.format(i, body))
        fh.write("</channel></rss>")
    pages = [("response", f"https://news.example/{i}", "text/html", "200", page(f"T{i}", body)) for i in range(4000)]
    crawl_file = warc_file(tmp_path / "big.warc.gz", pages)
    for path, size in ((feed, feed.stat().st_size), (crawl_file, len(gzip.decompress(crawl_file.read_bytes())))):
        count, peak = _peak_while_reading(path)
        assert count == 4000
        assert peak < size / 10, f"{path.name}: peak {peak} bytes for a {size}-byte archive"
