"""The entity knowledge in data/, loaded once into the shapes the rules use."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..data import load_yaml


def lower_set(values) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@dataclass(frozen=True)
class Rules:
    """entity_rules.yaml and titles.yaml, as sets for membership tests."""

    labels: dict
    generic: frozenset[str]
    blocs: frozenset[str]
    weapon_nouns: frozenset[str]
    vessel_nouns: frozenset[str]
    event_heads: frozenset[str]
    event_context: frozenset[str]
    facility_heads: frozenset[str]
    admin_heads: frozenset[str]
    org_heads: frozenset[str]
    person_verbs: frozenset[str]
    leader_bodies: frozenset[str]
    org_nouns: frozenset[str]
    place_nouns: frozenset[str]
    bodies: dict  # key -> {"names": [...], "standalone": bool}
    title_heads: frozenset[str]
    title_words: frozenset[str]
    surname_endings: dict = field(default_factory=dict)
    compass: frozenset[str] = frozenset()  # "central", "eastern": qualify a place without naming another
    remit_heads: dict = field(default_factory=dict)  # "on" -> {"panel", "experts"}: "Panel of Experts on Yemen"


@lru_cache(maxsize=1)
def rules() -> Rules:
    r = load_yaml("entity_rules.yaml")
    t = load_yaml("titles.yaml")
    heads = lower_set(t["heads"]) | lower_set(t["ranks"])
    words = {w for phrase in t["heads"] + t["ranks"] + t["modifiers"] for w in re.split(r"[\s-]+", phrase.lower())}
    return Rules(
        labels=r["labels"], generic=lower_set(r["generic_terms"]), blocs=lower_set(r["blocs"]),
        weapon_nouns=lower_set(r["weapon_nouns"]), vessel_nouns=lower_set(r["vessel_nouns"]),
        event_heads=lower_set(r["event_heads"]), event_context=lower_set(r["event_context"]),
        facility_heads=lower_set(r["facility_heads"]), admin_heads=lower_set(r["admin_heads"]),
        org_heads=lower_set(r["org_heads"]), person_verbs=lower_set(r["person_verbs"]),
        leader_bodies=lower_set(r["leader_bodies"]), org_nouns=lower_set(r["org_nouns"]),
        place_nouns=lower_set(r["place_nouns"]),
        bodies=r["national_bodies"], title_heads=heads | {h.split()[-1] for h in heads},
        title_words=frozenset(words), surname_endings=r.get("surname_endings", {}),
        compass=lower_set(r.get("compass", [])),
        remit_heads={prep: lower_set(heads) for prep, heads in (r.get("remit_heads") or {}).items()},
    )


@lru_cache(maxsize=1)
def organisations() -> dict[str, dict]:
    """Known organisations by canonical name."""
    return {o["name"]: o for o in load_yaml("organizations.yaml")}


@lru_cache(maxsize=1)
def organisation_names() -> dict[str, str]:
    """Every name and alias (exact case) -> canonical organisation name."""
    out = {}
    for name, org in organisations().items():
        for alias in [name, *org.get("aliases", [])]:
            out.setdefault(alias, name)
            if alias.lower().startswith("the "):
                out.setdefault(alias[4:], name)
    return out


@lru_cache(maxsize=1)
def weapons() -> dict[str, dict]:
    """Known weapon systems by canonical name."""
    return {w["name"]: w for w in load_yaml("weapons.yaml")["systems"]}


@lru_cache(maxsize=1)
def weapon_families() -> dict[str, dict]:
    return {f["family"]: f for f in load_yaml("weapons.yaml")["families"]}


def weapon_origin(name: str) -> str | None:
    """The country that designed a weapon named `name` ("J-10C": China; "Shahed-149" or "Mohajer 6", by
    its family: Iran)."""
    known = weapons().get(name) or weapon_families().get(re.split(r"[-\s]", name, maxsplit=1)[0])
    return (known or {}).get("origin")


@lru_cache(maxsize=1)
def body_names() -> dict[str, str]:
    """Lower-cased name of a national body ("foreign ministry") -> its key."""
    return {n.lower(): key for key, body in rules().bodies.items() for n in body["names"]}
