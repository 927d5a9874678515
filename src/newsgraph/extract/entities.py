"""Entity mentions from the model's named entities, grouped into document-local entities.

Baseline: the model's labels mapped to newsgraph types, countries recognised by
the gazetteer, mentions with the same canonical name grouped.
"""
from __future__ import annotations

import re

from ..model import Document, LocalEntity, Mention
from ..resolve import gazetteer

LABEL_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION",
              "NORP": "NORP", "EVENT": "EVENT", "PRODUCT": "WEAPON"}
LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"(['’]s|['’])$")


def surface(text: str) -> str:
    return POSSESSIVE.sub("", LEADING.sub("", text.strip())).strip()


def extract(doc: Document, sdoc) -> list[LocalEntity]:
    found: dict[tuple[str, str], LocalEntity] = {}
    for ent in sdoc.ents:
        etype = LABEL_TYPE.get(ent.label_)
        if etype is None:
            continue
        name = surface(ent.text)
        country = gazetteer.country(name)
        if country:
            etype, name = "COUNTRY", country
        elif etype == "NORP":
            continue
        key = (etype, name)
        local = found.get(key)
        if local is None:
            local = found[key] = LocalEntity(key=f"L{len(found)}", name=name, type=etype)
        local.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
        if ent.text not in local.aliases:
            local.aliases.append(ent.text)
    return list(found.values())
