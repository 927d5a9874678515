"""Span-ruler phrase patterns built from the data files: what newsgraph knows by name.

Each pattern's label says what kind of thing it names and its `id` the
canonical name (or key) it stands for:

    COUNTRY   a country name, alias, demonym or capital (id: canonical name)
    EPITHET   a shortened official name ("Islamic Republic"), resolved in the text
    ORG       a known organisation (id: canonical name)
    BODY      a body every state has ("Foreign Ministry"; id: its key)
    WEAPON    a known weapon system (id: canonical name)
    REGION    a sea, strait or region (id: canonical name)

Spans found by their shape (titles, designations, "<Name> Air Base") are added
by nlp/shapes.py to the same span group.
"""
from __future__ import annotations

from ..data import load_yaml

SPANS_KEY = "newsgraph"


def _variants(name: str) -> list[str]:
    """The form as written (without a leading "the"), and in title case for lower-case heads."""
    if name.lower().startswith("the "):
        name = name[4:]
    out = [name]
    titled = " ".join(w[:1].upper() + w[1:] if w.islower() and len(w) > 3 else w for w in name.split())
    out.append(titled)
    return list(dict.fromkeys(v for v in out if v))


def _phrases(label: str, canonical: str, names: list[str], plural: bool = False) -> list[dict]:
    out = []
    for name in dict.fromkeys([canonical, *names]):
        for form in _variants(name):
            out.append({"label": label, "pattern": form, "id": canonical})
            if plural and form[-1:].isalnum() and not form.endswith("s"):
                out.append({"label": label, "pattern": form + "s", "id": canonical})  # "F-16s", "Typhoons"
    return out


def country_patterns() -> list[dict]:
    from ..resolve import gazetteer

    out = [{"label": "COUNTRY", "pattern": form, "id": name} for form, (name, _kind) in gazetteer.forms().items()]
    out += [{"label": "EPITHET", "pattern": e, "id": e} for e in gazetteer.epithets()]
    return out


def organisation_patterns() -> list[dict]:
    out = []
    for org in load_yaml("organizations.yaml"):
        out += _phrases("ORG", org["name"], org.get("aliases", []))
    bodies = load_yaml("entity_rules.yaml")["national_bodies"]
    for key, body in bodies.items():
        out += [{"label": "BODY", "pattern": n, "id": key} for n in body["names"]]
    return out


def weapon_patterns() -> list[dict]:
    out = []
    for system in load_yaml("weapons.yaml")["systems"]:
        out += _phrases("WEAPON", system["name"], system.get("aliases", []), plural=True)
    return out


def region_patterns() -> list[dict]:
    return [{"label": "REGION", "pattern": name, "id": region["name"]}
            for region in load_yaml("regions.yaml") for name in [region["name"], *region.get("aliases", [])]]


def patterns() -> list[dict]:
    """Every phrase pattern of newsgraph's span ruler."""
    return country_patterns() + organisation_patterns() + weapon_patterns() + region_patterns()
