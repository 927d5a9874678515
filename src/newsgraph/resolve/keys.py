"""The keys an entity is found by across documents (stored in the entity_keys table).

    n:<name>      its canonical name, normalised              (links on sight)
    a:<alias>     a surface form of several words, or an acronym (links on sight)
    q:<letters>   the name with spaces and hyphens removed: "Rezaei Nejad" = "Rezaeinejad"
    s:<surname>   a person's last name: links a surname-only mention when one person has it
    b:<block>     a coarse sound-alike block for fuzzy comparison ("Mehdi"/"Mahdi Farahani")
    body:<key>:<country>   a national body of one country ("foreign_ministry:Ukraine")

Keys are small strings so the linker can find candidates with one indexed query
instead of comparing a new name with every entity of the corpus.
"""
from __future__ import annotations

import re
import unicodedata

from ..model import LocalEntity
from .within import fold, norm, squash

# Spelling variation in transliterated names, removed before blocking.
TRANSLITERATION = [("kh", "h"), ("gh", "k"), ("q", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"),
                   ("w", "v"), ("ph", "f"), ("dh", "d"), ("th", "t"), ("ck", "k"), ("c", "k"), ("z", "s")]


def skeleton(word: str) -> str:
    """A sound-alike skeleton: transliteration variants merged, vowels after the first letter dropped."""
    w = fold(word).lower()
    w = re.sub(r"[^a-z]", "", w)
    for a, b in TRANSLITERATION:
        w = w.replace(a, b)
    if not w:
        return ""
    rest = re.sub(r"[aeiou]", "", w[1:])
    return (w[0] + re.sub(r"(.)\1+", r"\1", rest))[:5]


def is_acronym(text: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", text)
    return 2 <= len(letters) <= 8 and letters.isupper() and " " not in text.strip()


def name_keys(name: str) -> set[str]:
    return {"n:" + norm(name)}


def _short_form(alias: str, name: str) -> bool:
    """'Kashan' of 'Kashan Air Base', 'Xinghe' of 'Xinghe Defence Technology': too loose to link on."""
    words = alias.split()
    return len(words) == 1 and len(name.split()) > 1 and norm(name).startswith(norm(alias) + " ")


def strong_keys(local: LocalEntity) -> set[str]:
    """Keys that link on sight: the name, multi-word aliases and acronyms, the squashed name."""
    if any(k.startswith("body:") for k in local.link_keys):
        return set(local.link_keys) | name_keys(local.name)
    keys = name_keys(local.name) | set(local.link_keys)
    for alias in local.aliases:
        words = alias.split()
        if _short_form(alias, local.name) or local.type == "PERSON" and len(words) == 1:
            continue
        keys.add("a:" + norm(alias))
    if local.type in ("PERSON", "ORG") and len(local.name.split()) > 1:
        keys.add("q:" + squash(local.name))
    return {k for k in keys if len(k) > 2}


def weak_keys(local: LocalEntity) -> set[str]:
    """Keys that only propose candidates: surname and sound-alike block."""
    keys = set()
    if local.type == "PERSON":
        words = local.name.split()
        keys.add("s:" + norm(words[-1]))
        keys.add("b:" + skeleton(words[-1]) + ":" + skeleton(words[0])[:1])
    elif local.type == "ORG" and not is_acronym(local.name):
        keys.add("b:" + skeleton(local.name.split()[0]) + ":" + str(len(local.name.split())))
    return {k for k in keys if len(k) > 3}


def folded_name(name: str) -> str:
    return unicodedata.normalize("NFKC", fold(name)).lower()
