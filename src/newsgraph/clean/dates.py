"""Publication dates from datelines, headers and metadata, by the forms in data/datelines.yaml."""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from ..data import load_yaml

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[re.Pattern], re.Pattern]:
    spec = load_yaml("datelines.yaml")
    return [re.compile(p, re.IGNORECASE) for p in spec["patterns"]], re.compile(spec["filler"])


@lru_cache(maxsize=1)
def _header_words() -> tuple[re.Pattern, int, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """What else a header line may carry around its date: a keyword or a place before it, section
    names or a note of its last update after."""
    spec = load_yaml("datelines.yaml")
    return (re.compile(spec["keyed"]), int(spec["keyed_max_words"]), re.compile(spec["sections"]),
            re.compile(spec["update_note"]), re.compile(spec["placed"]), re.compile(spec["bylined"]))


def _to_iso(groups: dict) -> str | None:
    if groups.get("iso"):
        y, m, d = (int(x) for x in groups["iso"].split("-"))
    elif groups.get("slashed"):
        first, second = int(groups["first"]), int(groups["second"])
        d, m = (second, first) if first <= 12 < second else (first, second)
        y = int(groups["year"])
    else:
        month = groups["month"].lower().rstrip(".")
        m = int(month) if month.isdigit() else MONTHS.get(month) or MONTHS.get(month[:3])
        if not m:
            return None
        y, d = int(groups["year"]) if groups.get("year") else 2000 + int(groups["yy"]), int(groups["day"])
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, re.Match] | None:
    """The first well-formed date in `text`, as (YYYY-MM-DD, match)."""
    for pattern in _patterns()[0]:
        for m in pattern.finditer(text):
            iso = _to_iso(m.groupdict())
            if iso:
                return iso, m
    return None


def dateline(line: str) -> str | None:
    """The date of a line that is only a date with filler words around it."""
    keyword, max_words, sections, update_note, placed, bylined = _header_words()
    line = update_note.sub("", line)
    if len(line) > 80:
        return None
    found = find_date(line)
    if not found:
        return None
    iso, m = found
    before, after = line[:m.start()], line[m.end():]
    filler = _patterns()[1]
    if filler.match(before + " " + after) or not before.strip() and sections.match(after):
        return iso
    if placed.match(before) and filler.match(placed.sub("", before) + " " + after):
        return iso  # "Riyadh, Tuesday 14 October 2025"
    if bylined.match(before) and filler.match(after):
        return iso  # "Ahmet Yildiz | 10.09.2026 - 14:05"
    return iso if keyword.search(before) and len(line.split()) <= max_words else None


@lru_cache(maxsize=1)
def _wire() -> re.Pattern:
    return re.compile(load_yaml("datelines.yaml")["wire"])


def wire_dateline(text: str, pos: int) -> re.Match | None:
    """A wire dateline ("KYIV, March 3 (Reuters) -") starting exactly at `pos`."""
    return _wire().match(text, pos)


def with_year(match: re.Match, year: int | None) -> str | None:
    """A wire dateline's date, in its own year or else `year`, as YYYY-MM-DD (None when it gives
    no day or no year is known)."""
    if match.group("dday"):
        return _to_iso({"month": match.group("dmonth"), "day": match.group("dday"), "year": match.group("dyear")})
    year = match.group("year") or year
    if not match.group("day") or not year:
        return None
    return _to_iso({"month": match.group("month"), "day": match.group("day"), "year": year})


def normalise(value: str | None) -> str | None:
    """A metadata date value (ISO timestamp, '3 March 2025', ...) as YYYY-MM-DD."""
    if not value:
        return None
    found = find_date(value)
    return found[0] if found else None
