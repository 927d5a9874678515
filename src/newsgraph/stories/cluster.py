"""When two events tell the same happening: same type, same (country-lifted) parties,
compatible dates and compatible objects. Pure functions over event rows.

The blocking key (type + parties) finds the candidate stories with one indexed
look-up; dates and objects then decide among them, so adding a document costs
the same however large the corpus is.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from ..extract.lexicon import lexicon

TOLERANCE = timedelta(days=45)  # reports of one happening, dated loosely, fall within this
UNDATED_WINDOW = timedelta(days=60)  # an undated event: around its document's publication


def story_key(etype: str, actor: str | None, target: str | None) -> str | None:
    """TYPE|A|B with parties lifted to their country; unordered for symmetric types."""
    if actor is None and target is None:
        return None
    parties = [actor or "-", target or "-"]
    if etype in lexicon().symmetric:
        parties.sort()
    return "|".join([etype, *parties])


def span(value: str | None) -> tuple[str, str] | None:
    """The days a date names: "2024-11-24" one day, "2024-11" a month, "2024" a year."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = date(*parts)
            return day.isoformat(), day.isoformat()
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1).isoformat(), date(parts[0], parts[1], last).isoformat()
        return date(parts[0], 1, 1).isoformat(), date(parts[0], 12, 31).isoformat()
    except (ValueError, TypeError):
        return None


def when(event_date: str | None, published: str | None) -> tuple[str, str] | None:
    """An event's own span, else a window around its document's publication, else None."""
    own = span(event_date)
    if own:
        return own
    seen = span(published)
    if not seen:
        return None
    day = date.fromisoformat(seen[0])
    return (day - UNDATED_WINDOW).isoformat(), day.isoformat()


def overlaps(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Whether two spans, widened by the tolerance, meet (an unknown span meets anything)."""
    if a is None or b is None:
        return True
    a0, a1 = date.fromisoformat(a[0]) - TOLERANCE, date.fromisoformat(a[1]) + TOLERANCE
    return a0 <= date.fromisoformat(b[1]) and date.fromisoformat(b[0]) <= a1


@lru_cache(maxsize=1)
def _object_vocabulary() -> frozenset[str]:
    return frozenset(w for words in lexicon().objects.values() for w in words)


def object_words(text: str | None) -> set[str]:
    """The words that say what was given or done: known object words and model names ("s-400")."""
    if not text:
        return set()
    out = set()
    generic = lexicon().generic_objects
    for word in re.findall(r"[\w-]+", text.lower()):
        single = word[:-1] if word.endswith("s") and len(word) > 3 else word
        if single in generic or word in generic:
            continue
        if single in _object_vocabulary() or word in _object_vocabulary() or re.search(r"[a-z].*\d|\d.*[a-z]", word):
            out.add(single)
    return out


def compatible(story: dict, span_: tuple[str, str] | None, words: set[str]) -> bool:
    """Whether an event can join `story` (a stories row): dates meet and objects do not differ."""
    story_span = (story["date_from"], story["date_to"]) if story.get("date_from") else None
    if not overlaps(story_span, span_):
        return False
    known = set((story.get("objects") or "").split())
    return not known or not words or bool(known & words)


def widen(story: dict, span_: tuple[str, str] | None, words: set[str]) -> dict:
    """The story's date span and object words after an event joins it."""
    values: dict = {}
    if span_:
        values["date_from"] = min(filter(None, (story.get("date_from"), span_[0])))
        values["date_to"] = max(filter(None, (story.get("date_to"), span_[1])))
    known = set((story.get("objects") or "").split())
    if words - known:
        values["objects"] = " ".join(sorted(known | words))
    return values
