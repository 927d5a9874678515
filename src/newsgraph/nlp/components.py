"""newsgraph's spaCy components, added to whichever pipeline is loaded."""
from __future__ import annotations


def add_to(nlp) -> None:
    """Add the rulers built from data files (see extract/ and data/)."""
    return None
