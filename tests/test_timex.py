"""Time expressions normalised against the publication date, with their precision."""
from __future__ import annotations

import pytest

from newsgraph.extract.timex import normalise

PUBLISHED = "2025-05-14"  # a Wednesday


@pytest.mark.parametrize("phrase, expected", [
    ("Sunday", "2025-05-11"),
    ("on Wednesday", "2025-05-14"),
    ("earlier Monday", "2025-05-12"),
    ("yesterday", "2025-05-13"),
    ("a day earlier", "2025-05-13"),
    ("last month", "2025-04"),
    ("earlier this month", "2025-05"),
    ("this year", "2025"),
    ("last year", "2024"),
    ("in early February", "2025-02"),
    ("mid-September", "2024-09"),
    ("in July 2023", "2023-07"),
    ("in 2019", "2019"),
    ("March 3, 2025", "2025-03-03"),
    ("3 March", "2025-03-03"),
    ("2025-01-09", "2025-01-09"),
])
def test_dates_resolve_against_the_publication_date(phrase, expected):
    assert normalise(phrase, PUBLISHED) == expected


def test_planned_events_look_forward():
    assert normalise("Sunday", PUBLISHED, future=True) == "2025-05-18"
    assert normalise("in September", PUBLISHED, future=True) == "2025-09"
    assert normalise("next Tuesday", PUBLISHED) == "2025-05-20"
    assert normalise("next month", PUBLISHED) == "2025-06"


def test_undated_documents_keep_only_absolute_dates():
    assert normalise("last month", None) is None
    assert normalise("on Friday", None) is None
    assert normalise("in early January", None) is None
    assert normalise("in 2021", None) == "2021"
    assert normalise("October 2022", None) == "2022-10"


@pytest.mark.parametrize("phrase", ["in recent months", "for years", "the past few weeks", "decades ago", "soon"])
def test_vague_phrases_give_no_date(phrase):
    assert normalise(phrase, PUBLISHED) is None
