"""The top of an article: header line, title, dateline and byline, told apart from the body."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Region
from . import dates
from .boilerplate import Line, lines

# The seeds' header form: "<title> date YYYY-MM-DD <body>" on the first line.
HEADER = re.compile(r"^(?P<title>.*?)\s*\bdate\s+(?P<date>(19|20)\d\d-\d\d-\d\d)\b\s*")
SENTENCE_END = re.compile(r"[.!?:;][\"'”’)]*$")
TOP_LINES = 12


@dataclass
class Layout:
    regions: list[Region] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    byline: str | None = None


def _is_headline(line: Line, following: Line | None) -> bool:
    words = line.text.split()
    return following is not None and 2 <= len(words) <= 25 and not SENTENCE_END.search(line.text.rstrip('"”’'))


def _is_short_credit(line: Line) -> bool:
    words = line.text.split()
    return 1 <= len(words) <= 5 and len(line.text) <= 50 and not SENTENCE_END.search(line.text)


def _header(text: str, layout: Layout) -> int:
    """Mark the header form; returns where the body starts."""
    first = text.split("\n", 1)[0]
    m = HEADER.match(first)
    if not m:
        return 0
    layout.published = m.group("date")
    title = m.group("title").strip()
    if title:
        layout.title = title.strip('"“”')
        layout.regions.append(Region(m.start("title"), m.end("title"), "title"))
    layout.regions.append(Region(m.start("date") - len("date "), m.end("date"), "header"))
    return m.end()


def analyse(text: str, skip: list[Region], known_title: str | None = None) -> Layout:
    """Title, dateline and byline regions at the top of `text`, outside the `skip` regions."""
    layout = Layout()
    body_start = _header(text, layout)
    skipped = {(r.start, r.end) for r in skip}
    top = [ln for ln in lines(text) if ln.start >= body_start and (ln.start, ln.end) not in skipped][:TOP_LINES]
    seen_title = layout.title is not None
    for i, line in enumerate(top):
        following = top[i + 1] if i + 1 < len(top) else None
        iso = dates.dateline(line.text)
        if iso:
            layout.published = layout.published or iso
            layout.regions.append(Region(line.start, line.end, "dateline"))
        elif not seen_title and (line.text.strip('"“”') == (known_title or "").strip() or
                                 (known_title is None and _is_headline(line, following))):
            seen_title = True
            layout.title = layout.title or line.text.strip('"“”')
            layout.regions.append(Region(line.start, line.end, "title"))
        elif seen_title and _is_short_credit(line) and following is not None:
            layout.byline = line.text
            layout.regions.append(Region(line.start, line.end, "byline"))
        else:
            break
    return layout
