"""The claims ledger of a story: who asserts, alleges, denies or plans it, and how many
independent sources stand behind each. Pure functions over event records.

Independence: reports from one outlet are one source; reports that carry the same
sentence word for word are copies of one wire story, whatever outlet ran them.
(Near-duplicate documents are never analysed at all, see clean/dedup.py.)
"""
from __future__ import annotations

import re

MODALITIES = ("asserted", "alleged", "denied", "planned")


def _sentence_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def independent(events: list[dict], documents: dict[str, dict]) -> int:
    """How many independent sources the documents of `events` are (outlets, wire copies merged)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    for ev in events:
        doc = ev["doc"]
        outlet = (documents.get(doc) or {}).get("outlet")
        root("doc:" + doc)
        if outlet:
            join("doc:" + doc, "outlet:" + outlet.lower())
        sentence = _sentence_key((ev.get("evidence") or {}).get("text") or "")
        if sentence:
            join("doc:" + doc, "text:" + sentence)
    return len({root("doc:" + ev["doc"]) for ev in events})


def ledger(events: list[dict], documents: dict[str, dict]) -> list[dict]:
    """One line per (modality, source): the documents that report it so, and how independent they are.

    `source` None means the documents say it in their own voice.
    """
    lines: dict[tuple, list[dict]] = {}
    for ev in events:
        lines.setdefault((ev["modality"], ev["source"]), []).append(ev)
    out = []
    for (modality, source), evs in sorted(lines.items(), key=lambda kv: (MODALITIES.index(kv[0][0])
                                                                         if kv[0][0] in MODALITIES else 9,
                                                                         kv[0][1] or "")):
        out.append({"modality": modality, "source": source, "documents": list(dict.fromkeys(e["doc"] for e in evs)),
                    "events": [e["id"] for e in evs], "independent": independent(evs, documents),
                    "evidence": evs[0].get("evidence", {}).get("text")})
    return out


def corroboration(events: list[dict], documents: dict[str, dict]) -> dict[str, int]:
    """Independent sources per modality: how many assert it, allege it, deny it, plan it."""
    return {m: independent([e for e in events if e["modality"] == m], documents)
            for m in MODALITIES if any(e["modality"] == m for e in events)}
