"""spaCy pipeline loading and newsgraph's custom components."""
from .pipeline import DEFAULT_MODEL, load

__all__ = ["DEFAULT_MODEL", "load"]
