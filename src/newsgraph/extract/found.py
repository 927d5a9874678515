"""A mention being read (`Found`) and the lexicon's spans of a document (`Spans`), shared by the mention rules."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.lexicon import SPANS_KEY

KNOWLEDGE = ("COUNTRY", "EPITHET", "ORG", "BODY", "WEAPON", "REGION", "DESIGNATION", "EVENTNAME", "FACILITY",
             "ADMIN")
TITLES = ("TITLE", "RANK", "HONORIFIC")
SHAPE_TYPE = {"EVENTNAME": "EVENT", "FACILITY": "LOCATION", "ADMIN": "LOCATION", "REGION": "LOCATION",
              "WEAPON": "WEAPON", "ORG": "ORG", "COUNTRY": "COUNTRY", "EPITHET": "COUNTRY"}
PRIORITY = {"COUNTRY": 0, "ORG": 0, "WEAPON": 0, "REGION": 0, "EPITHET": 1, "BODY": 1, "EVENTNAME": 2,
            "FACILITY": 2, "ADMIN": 2, "DESIGNATION": 2}
POSSESSIVE = {"'s", "’s", "'", "’"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
EXERCISE_CODE = re.compile(r"^[A-Za-z]+-(19|20)\d\d$")


@dataclass
class Found:
    """One mention: a token range of the spaCy doc (or characters, for credits) and what it is."""

    start: int  # token offsets
    end: int
    type: str  # PERSON, ORG, COUNTRY, LOCATION, WEAPON, EVENT, OTHER
    canonical: str | None = None  # the known name it stands for, when the lexicon knows it
    country: str | None = None  # COUNTRY: the country; others: the country that qualifies it
    body: str | None = None  # key of a national body ("foreign_ministry")
    parent: str | None = None  # known organisation a longer name belongs to
    how: str = "ner"  # ner, lexicon, shape, context, credit; countries: name, demonym, capital...
    start_char: int = -1
    end_char: int = -1

    def sent_end(self, sdoc) -> int:
        return sdoc[self.start].sent.end if self.start >= 0 else self.end

    def chars(self, sdoc) -> tuple[int, int]:
        if self.start_char >= 0:
            return self.start_char, self.end_char
        return sdoc[self.start].idx, sdoc[self.end - 1].idx + len(sdoc[self.end - 1].text)


class Spans:
    """The lexicon's spans of one doc, looked up by token range."""

    def __init__(self, sdoc):
        self.all = list(sdoc.spans[SPANS_KEY]) if SPANS_KEY in sdoc.spans else []
        self.by_start: dict[int, list] = {}
        self.by_end: dict[int, list] = {}
        for s in self.all:
            self.by_start.setdefault(s.start, []).append(s)
            self.by_end.setdefault(s.end, []).append(s)
        self.longest = max((s.end - s.start for s in self.all), default=0)

    def of(self, labels, start: int, end: int, how: str = "overlap") -> list:
        """Spans with one of `labels` that overlap, lie inside, equal or cover tokens start..end."""
        if how == "equal":
            return [s for s in self.by_start.get(start, ()) if s.end == end and s.label_ in labels]
        near = [s for i in range(max(0, start - self.longest), end) for s in self.by_start.get(i, ())
                if s.end > start and s.label_ in labels]
        if how == "inside":
            return [s for s in near if s.start >= start and s.end <= end]
        if how == "covering":
            return [s for s in near if s.start <= start and s.end >= end]
        return near

    def ending_at(self, labels, end: int) -> list:
        return sorted((s for s in self.by_end.get(end, ()) if s.label_ in labels), key=lambda s: s.start)
