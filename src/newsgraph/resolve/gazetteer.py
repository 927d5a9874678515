"""Countries by every name they go by, from pycountry (a maintained ISO 3166 package)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        canonical = getattr(c, "common_name", None) or c.name
        for n in (c.name, canonical, getattr(c, "official_name", None)):
            if n:
                out[n.lower()] = canonical
    return out


def country(name: str) -> str | None:
    """The canonical short name of the country `name` refers to, if any."""
    return _names().get(name.lower())
