"""The country a story is about, for names its text ties to no country.

A minister or court named bare ("Interior Minister X", "the Constitutional Court")
serves the state the story is about: the dateline's, when the body names that
state again, else the first state the body names as a noun, when it is among
the two named most.
"""
from __future__ import annotations

from ..resolve import gazetteer
from ..resolve.within import Cluster
from .found import Found


def _opens_dateline(sdoc, m: Found) -> bool:
    """'MANILA, May 4 -', 'ASTANA (Reuters) -': a place in capitals opening a line."""
    text = sdoc[m.start:m.end].text
    after = sdoc[m.end].text if m.end < len(sdoc) else ""
    opens = m.start == 0 or sdoc[m.start].is_sent_start or sdoc[m.start - 1].is_space \
        or "\n" in sdoc[m.start - 1].text_with_ws
    return text.isupper() and len(text) > 3 and opens and after in (",", "(", "—", "–", "-")


def home_country(sdoc, clusters: list[Cluster]) -> str | None:
    """The country a story is about: its dateline's when the body names it again (a hub such as Brussels
    or Jeddah is not), else the first country the body names as a noun ('Chinese' in 'the Chinese consulate
    in Manila' is not the story's) when no other is named more often but one."""
    counts = {c.canonical: sum(m.start >= 0 for m in c.mentions) for c in clusters
              if c.type == "COUNTRY" and c.canonical}
    dateline = _dateline_country(sdoc, clusters)
    if dateline and counts.get(dateline, 0) >= 3:
        return dateline
    firsts = sorted((m.start, c.canonical) for c in clusters if c.type == "COUNTRY" and c.canonical
                    for m in c.mentions if m.start >= 0 and m.how != "demonym" and not _opens_dateline(sdoc, m))
    if not firsts:
        return None
    first = firsts[0][1]
    ranked = sorted(counts.values(), reverse=True)
    return first if counts[first] >= ranked[min(1, len(ranked) - 1)] else None


def desk_country(sdoc, clusters: list[Cluster]) -> str | None:
    """The country a story is filed from, when its body names that country too: a minister a
    reporter names by bare title ("Defense Minister X" under a JERUSALEM dateline) is its own."""
    dateline = _dateline_country(sdoc, clusters)
    named = {c.canonical for c in clusters if c.type == "COUNTRY" and c.canonical
             for m in c.mentions if m.start >= 0 and not _opens_dateline(sdoc, m)}
    return dateline if dateline in named else None


def _dateline_country(sdoc, clusters: list[Cluster]) -> str | None:
    for c in clusters:
        for m in c.mentions:
            if 0 <= m.start < 60 and c.type in ("COUNTRY", "LOCATION") and _opens_dateline(sdoc, m):
                return c.canonical if c.type == "COUNTRY" else gazetteer.state_of(c.canonical or sdoc[m.start:m.end].text.title())
    return None
