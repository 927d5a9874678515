"""Find non-body lines (ads, share bars, banners, bylines, credits) by the rules in data/boilerplate.yaml.

Lines are marked, never deleted: the stored text stays as read and offsets stay exact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_yaml
from ..model import Region


@dataclass
class Line:
    start: int
    end: int  # end of the stripped content
    text: str  # stripped content


@lru_cache(maxsize=1)
def rules() -> list[tuple[str, re.Pattern]]:
    return [(label, re.compile(p, re.IGNORECASE)) for label, pats in load_yaml("boilerplate.yaml").items() for p in pats]


def lines(text: str) -> list[Line]:
    """Non-blank lines with offsets of their stripped content."""
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw)
    return out


def classify(line: str) -> tuple[str, re.Match] | None:
    if len(line) > 200:
        return None
    for label, pattern in rules():
        m = pattern.match(line)
        if m:
            return label, m
    return None


def find(text: str) -> tuple[list[Region], dict]:
    """Boilerplate regions, plus what they tell (outlet, byline)."""
    regions, found = [], {}
    for line in lines(text):
        hit = classify(line.text)
        if hit is None:
            continue
        label, m = hit
        regions.append(Region(line.start, line.end, label))
        groups = m.groupdict()
        if groups.get("outlet"):
            found.setdefault("outlet", groups["outlet"].strip())
        if groups.get("author"):
            found.setdefault("byline", groups["author"].strip())
    return regions, found
