"""Spans found by their shape rather than by name, in one pass over the tokens.

    TITLE, RANK   a title head with the modifiers before it ("Deputy Foreign Minister", "Rear Admiral")
    HONORIFIC     "Mr.", "Ayatollah"
    EVENTNAME     capitalised words ending in an event head ("Aras Joint Exercise") or after "Operation"
    FACILITY      capitalised words ending in a facility head ("Kashan Air Base", "Aras river")
    ADMIN         capitalised words ending in an administrative head ("Ardabil province")
    DESIGNATION   "<Family>-<number>" codes ("Shahed-149", "AZIREX-2024", "Tarmuk-II")
    REGION        a known region (matched by the phrase ruler) with a compass word before it ("eastern Mediterranean")

A dictionary look-up per token replaces the token Matcher, whose open-ended
"capitalised words then a head" patterns cost more than the rest of the
pipeline. The heads and words come from data/titles.yaml and entity_rules.yaml.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Span

from ..data import load_yaml
from .lexicon import SPANS_KEY

DESIGNATION = re.compile(r"^[A-Z][A-Za-z/]{0,12}-\d{1,4}[A-Z]{0,3}\d{0,2}s?$")
FAMILY = re.compile(r"^[A-Z][A-Za-z]{1,12}$")
SUFFIX = re.compile(r"^([IVX]{1,4}|[A-Z]{1,2}\d{0,2})$")  # "Tarmuk-II", "IRIS-T": split by the tokenizer
CAPITALISED = re.compile(r"^[A-Z0-9][\w'’.-]*$")


ARTICLES = frozenset({"The", "A", "An"})


class Shapes:
    """The `newsgraph_shapes` component: adds shape spans to doc.spans["newsgraph"]."""

    def __init__(self, tokenize: Callable[[str], list[str]]):
        titles = load_yaml("titles.yaml")
        rules = load_yaml("entity_rules.yaml")
        self.heads: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        for label, phrases, folded in (("TITLE", titles["heads"], True), ("RANK", titles["ranks"], True),
                                       ("HONORIFIC", titles["honorifics"], False),
                                       ("EVENTNAME", rules["event_heads"], False),
                                       ("FACILITY", rules["facility_heads"], False),
                                       ("ADMIN", rules["admin_heads"], False)):
            for phrase in phrases:
                words = tuple(w.lower() if folded else w for w in tokenize(phrase))
                self.heads.setdefault(words[0], []).append((words, label, folded))
        for entries in self.heads.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.modifiers = frozenset(m.lower() for m in titles["modifiers"])
        self.openers = frozenset(rules["event_openers"])
        self.compass = frozenset(c.lower() for c in rules["compass"])

    def __call__(self, doc):
        spans = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
        words = [t.text for t in doc]
        found: list[Span] = []
        for i, word in enumerate(words):
            lower = word.lower()
            if lower in self.heads or word in self.heads:
                found += self._heads_at(doc, words, i, lower)
            if "-" in word or i + 1 < len(words) and words[i + 1] == "-":
                found += self._designation_at(doc, words, i)
            if word in self.openers:
                end = self._capitalised_right(words, i + 1)
                if end > i + 1:
                    found.append(Span(doc, i, end, label="EVENTNAME"))
        found += self._compass(doc, spans)
        doc.spans[SPANS_KEY] = spans + found
        return doc

    def _heads_at(self, doc, words: list[str], i: int, lower: str) -> list[Span]:
        out: list[Span] = []
        for key in (lower, words[i]) if lower != words[i] else (lower,):
            for head, label, folded in self.heads.get(key, ()):
                end = i + len(head)
                if end > len(words) or tuple(w.lower() if folded else w for w in words[i:end]) != head:
                    continue
                start = self._lead(words, i, label)
                if label == "TITLE":
                    end = self._complement(doc, words, end)
                if start is not None and not any(s.end == end and s.start <= start for s in out):
                    out.append(Span(doc, start, end, label=label))
        return out

    @staticmethod
    def _complement(doc, words: list[str], end: int) -> int:
        """'Secretary' + 'of State', 'Under Secretary' + 'for Terrorism and Financial Intelligence': before a
        name the model tagged as a person, the office's complement belongs to the title."""
        if end >= len(words) or words[end] not in ("of", "for"):
            return end
        j = end + 1
        while j < len(words) and doc[j].ent_type_ != "PERSON" and (
                CAPITALISED.match(words[j]) or words[j] in ("and", "the", "of", "&")):
            j += 1
        named = j < len(words) and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B"
        return j if j > end + 1 and named else end

    def _lead(self, words: list[str], i: int, label: str) -> int | None:
        """Where a span headed at token `i` starts: titles take modifiers, names take capitalised words."""
        start = i
        if label in ("TITLE", "RANK"):
            while start > 0 and words[start - 1].lower() in self.modifiers:
                start -= 1
            return start
        if label == "HONORIFIC":
            return start
        while start > 0 and CAPITALISED.match(words[start - 1]) and not (label == "ADMIN" and words[start - 1] in ARTICLES):
            start -= 1  # (a sentence's opening "The" is no part of a region's name: "The Islamic State claimed")
        if label == "ADMIN" and start > 2 and words[start - 1].lower() == "and" and CAPITALISED.match(words[start - 2]):
            start -= 1
            while start > 0 and CAPITALISED.match(words[start - 1]):
                start -= 1
        return start if start < i else None

    @staticmethod
    def _capitalised_right(words: list[str], i: int) -> int:
        while i < len(words) and CAPITALISED.match(words[i]):
            i += 1
        return i

    @staticmethod
    def _designation_at(doc, words: list[str], i: int) -> list[Span]:
        text = words[i]
        if DESIGNATION.match(text):
            return [Span(doc, i, i + 1, label="DESIGNATION")]
        if i + 2 < len(words) and words[i + 1] == "-" and FAMILY.match(text) and SUFFIX.match(words[i + 2]) \
                and not doc[i + 1].whitespace_ and not doc[i].whitespace_:
            return [Span(doc, i, i + 3, label="DESIGNATION")]
        return []

    def _compass(self, doc, spans: list[Span]) -> list[Span]:
        return [Span(doc, s.start - 1, s.end, label="REGION", span_id=s.id_) for s in spans
                if s.label_ == "REGION" and s.start > 0 and doc[s.start - 1].lower_ in self.compass]
