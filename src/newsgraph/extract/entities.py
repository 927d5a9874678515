"""Entities of one document: mentions found, resolved within the document, with roles and country.

    mentions.find   the model's entities corrected by the lexicon and context
    within.resolve  every surface form of one thing joined, with the reason
    affiliations    titles, appositions and the country each person or body acts for
"""
from __future__ import annotations

from ..model import Document, LocalEntity, Mention
from ..resolve import within
from . import affiliations, mentions

AFFILIATED = ("PERSON", "ORG")


def to_local(key: str, c: within.Cluster, aff: affiliations.Affiliation | None) -> LocalEntity:
    aff = aff or affiliations.Affiliation()
    return LocalEntity(
        key=key, name=within.name_of(c), type=c.type,
        mentions=[Mention(m.start_char, m.end_char, t) for m, t in zip(c.mentions, c.texts)],
        aliases=list(dict.fromkeys(c.texts)),
        country=aff.country if c.type in AFFILIATED else None,
        roles=aff.roles if c.type == "PERSON" else [],
        evidence=c.evidence + aff.evidence,
        link_keys=[f"body:{c.body}:{c.country}"] if c.body and c.country else [],
    )


def extract(doc: Document, sdoc) -> list[LocalEntity]:
    """The document-local entities of `doc`, whose spaCy analysis is `sdoc`, in order of first mention."""
    found = mentions.find(doc, sdoc)
    clusters = within.resolve(doc.text, found, sdoc)
    found_affiliations = affiliations.affiliations(sdoc, clusters)
    return [to_local(f"L{i}", c, found_affiliations.get(id(c))) for i, c in enumerate(clusters)]
