"""Time expressions ("on Sunday", "last month", "in July 2024") as dates, against the publication date.

A date keeps its precision in its form: "2024-11-24" (day), "2024-11" (month),
"2024" (year). Relative expressions need the publication date; without one they
give no date rather than an invented one.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..data import load_yaml

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTH_RE = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?")
WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
DAY_RE = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    unit: str
    shift: int


@lru_cache(maxsize=1)
def _rules() -> tuple[list[Rule], re.Pattern]:
    spec = load_yaml("timex.yaml")
    rules = [Rule(re.compile(r["pattern"]), r["unit"], int(r["shift"])) for r in spec["relative"]]
    return rules, re.compile(spec["vague"])


def parse_published(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _add_months(d: date, months: int) -> tuple[int, int]:
    n = d.year * 12 + d.month - 1 + months
    return n // 12, n % 12 + 1


def _relative(rule: Rule, pub: date) -> str:
    if rule.unit == "day":
        return (pub + timedelta(days=rule.shift)).isoformat()
    if rule.unit == "month":
        y, m = _add_months(pub, rule.shift)
        return f"{y:04d}-{m:02d}"
    return f"{pub.year + rule.shift:04d}"


def _weekday(day: int, pub: date, future: bool) -> str:
    """The named weekday nearest the publication date: on or before it, after it for plans."""
    delta = (pub.weekday() - day) % 7
    if future:
        return (pub + timedelta(days=(day - pub.weekday()) % 7 or 7)).isoformat()
    return (pub - timedelta(days=delta)).isoformat()


def _year_for(month: int, pub: date | None, future: bool) -> int | None:
    """The year of a month named without one: the nearest such month before (or after) publication."""
    if pub is None:
        return None
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _calendar(text: str, pub: date | None, future: bool) -> str | None:
    """Dates written with month names and years ("3 March 2025", "July 2024", "in 2021")."""
    month_m = MONTH_RE.search(text)
    year_m = YEAR_RE.search(text)
    if month_m is None:
        return year_m.group(1) if year_m else None
    month = MONTHS[month_m.group(1)]
    rest = text[:month_m.start()] + " " + text[month_m.end():]
    rest = YEAR_RE.sub(" ", rest)
    day_m = DAY_RE.search(rest)
    year = int(year_m.group(1)) if year_m else _year_for(month, pub, future)
    if year is None:
        return None
    if day_m and 1 <= int(day_m.group(1)) <= 31:
        try:
            return date(year, month, int(day_m.group(1))).isoformat()
        except ValueError:
            return None
    return f"{year:04d}-{month:02d}"


def normalise(phrase: str, published: date | str | None, future: bool = False) -> str | None:
    """The date `phrase` names, as YYYY-MM-DD, YYYY-MM or YYYY; None when it cannot be told."""
    pub = parse_published(published) if isinstance(published, str) or published is None else published
    text = phrase.lower().strip()
    words = set(re.findall(r"[a-z]+", text))
    future = (future or "next" in words or "coming" in words) and not words & {"last", "past", "previous"}
    iso = ISO_RE.search(text)
    if iso:
        return iso.group(0)
    rules, vague = _rules()
    for rule in rules:
        if rule.pattern.search(text):
            return _relative(rule, pub) if pub else None
    if MONTH_RE.search(text) or YEAR_RE.search(text):
        return _calendar(text, pub, future)
    if vague.search(text):
        return None
    weekday = WEEKDAY_RE.search(text)
    if weekday and pub:
        return _weekday(WEEKDAYS[weekday.group(1)], pub, future)
    return None
