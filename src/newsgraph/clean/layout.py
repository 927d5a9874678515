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
BODY_WORDS = 25
YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass
class Layout:
    regions: list[Region] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    outlet: str | None = None  # the agency credited in a wire dateline


def _is_body(line: Line) -> bool:
    """A line of running text: long, or a sentence (a dateline may end in "p.m." but is not one)."""
    words = len(line.text.split())
    if dates.dateline(line.text):
        return False
    return words >= BODY_WORDS or (words >= 4 and bool(SENTENCE_END.search(line.text)))


def _is_headline(line: Line) -> bool:
    return 3 <= len(line.text.split()) <= 25 and not SENTENCE_END.search(line.text.rstrip('"”’'))


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


def _top_lines(text: str, start: int, skip: list[Region]) -> list[Line]:
    """The lines between the header form (if any) and the first line of running text."""
    skipped = {(r.start, r.end) for r in skip}
    top = []
    for line in lines(text):
        if line.start < start or (line.start, line.end) in skipped:
            continue
        if _is_body(line) or len(top) == TOP_LINES:
            break
        top.append(line)
    return top


def _pick_title(top: list[Line], known_title: str | None) -> Line | None:
    """The line equal to a title known from metadata, else the longest headline-like line."""
    if known_title:
        wanted = known_title.strip()
        return next((ln for ln in top if ln.text.strip('"“”') == wanted), None)
    candidates = [ln for ln in top if _is_headline(ln)]
    return max(candidates, key=lambda ln: len(ln.text), default=None)


def r_text(text: str, region: Region) -> str:
    return text[region.start:region.end]


def _wire(text: str, starts: list[int], layout: Layout) -> None:
    """Read a wire dateline opening the body ("KYIV, March 3 (Reuters) -"): its agency is the
    outlet, and its month and day date the article when a header or dateline gave the year.
    Only the agency's name is blanked (an "agency" region): it credits the outlet and is no
    actor in the story, while the place and the brackets stay for the entity rules ("GENEVA (AFP)")."""
    for pos in starts:
        m = dates.wire_dateline(text, pos)
        if m is None:
            continue
        layout.outlet = m.group("agency").strip()
        layout.regions.append(Region(m.start("agency"), m.end("agency"), "agency"))
        year = YEAR.search(" ".join(r_text(text, r) for r in layout.regions if r.label in ("title", "masthead")))
        if layout.published is None:
            layout.published = dates.with_year(m, int(year.group()) if year else None)
        return


def analyse(text: str, skip: list[Region], known_title: str | None = None) -> Layout:
    """Title, dateline and byline regions above the first line of running text.

    Everything between the start and the body is masthead material (outlet
    name, section, headline, dateline, byline): the longest headline-like line
    is the title, a line that is a date is the dateline, short lines after the
    title are bylines, and the rest is marked as masthead.
    """
    layout = Layout()
    start = _header(text, layout)
    top = _top_lines(text, start, skip)
    title = None if layout.title else _pick_title(top, known_title)
    for line in top:
        iso = dates.dateline(line.text)
        if iso:
            layout.published = layout.published or iso
            label = "dateline"
        elif line is title:
            layout.title = line.text.strip('"“”')
            label = "title"
        elif title is not None and line.start > title.start and len(line.text.split()) <= 5:
            layout.byline = line.text  # the last short line under the headline: outlet lines come first
            label = "byline"
        else:
            label = "masthead"
        layout.regions.append(Region(line.start, line.end, label))
    body = max([start] + [ln.end for ln in top])
    if layout.published is None:
        _dated_after_standfirst(text, body, skip, layout)
    _wire(text, [start] + [ln.start for ln in lines(text) if body <= ln.start < body + 2000], layout)
    return layout


def _dated_after_standfirst(text: str, body: int, skip: list[Region], layout: Layout) -> None:
    """ "Published On 9 Aug 2026" under a one-sentence standfirst: the dateline of a web story
    whose summary line reads like running text. Only the line right after the first body line."""
    skipped = {(r.start, r.end) for r in skip}
    after = [ln for ln in lines(text) if ln.start >= body and (ln.start, ln.end) not in skipped][:2]
    if len(after) == 2 and _is_body(after[0]):
        iso = dates.dateline(after[1].text)
        if iso:
            layout.published = iso
            layout.regions.append(Region(after[1].start, after[1].end, "dateline"))
