"""Typing a name from its context: the model's label corrected by what stands around it.

A name before "air defense system" is a weapon, after "the destroyer" a named
ship; an unknown "place" that "added" something or follows a title is a
person; a name after "in" or "the village of" is a place; "Oct 2" and "Riot"
(in "Riot police") are no one; a capitalised city opening a paragraph
("GENEVA (AFP) -") is a dateline's place.
"""
from __future__ import annotations

from ..resolve import gazetteer
from .found import KNOWLEDGE, POSSESSIVE, TITLES, Found, Spans
from .knowledge import rules

LOCATIVE = {"in", "at", "near", "from", "into", "outside", "inside", "across", "toward", "towards", "via", "around",
            "over", "off", "to"}
STRONG_LOCATIVE = {"in", "near", "at", "outside", "inside", "across", "via", "off", "into"}


def _weapon_context(f: Found, sdoc) -> bool:
    """'Tactical Sayayd air defense system', 'the destroyer Deylaman'."""
    r = rules()
    if f.start > 0 and sdoc[f.start - 1].lower_ in r.vessel_nouns:
        return True
    if f.type == "PERSON" and f.end - f.start > 1:
        return False
    for t in sdoc[f.end:min(f.end + 4, f.sent_end(sdoc))]:
        if t.lower_ in r.weapon_nouns and t.pos_ in ("NOUN", "PROPN"):
            return True
        if not (t.is_lower and t.pos_ in ("NOUN", "ADJ", "PROPN") or t.text == "-"):
            return False
    return False


def personal(sdoc, start: int, end: int) -> bool:
    """Words that can be a person's name: no organisation's head ("Aerospace Force Research"), and
    not the first half of a coordinated body ("... Research and Self-Sufficiency Jihad Organization")."""
    heads = rules().org_heads
    return not any(t.lower_ in heads for t in sdoc[start:end]) and (end >= len(sdoc) or sdoc[end].lower_ != "and")


BETWEEN_TITLE_AND_NAME = (",", "the", "to", "of", "for")


def after_title(sdoc, spans: Spans, start: int, between=BETWEEN_TITLE_AND_NAME) -> bool:
    """Whether a name follows a title: "the ambassador, X", "Ambassador to the United Nations X"."""
    i, hops = start - 1, 0
    while i >= 0 and hops < 8:
        if sdoc[i].lower_ in between:
            i, hops = i - 1, hops + 1
            continue
        body = spans.ending_at(("ORG", "COUNTRY", "BODY"), i + 1)  # "ambassador to the United Nations, X"
        if not body or i == start - 1:
            break
        i, hops = body[0].start - 1, hops + 1
    return i >= 0 and bool(spans.ending_at(TITLES, i + 1))


def _titled(f: Found, sdoc, spans: Spans) -> bool:
    """A name right after a title ('Colonel X') or with a title in apposition ('X, a spokesman for ...')."""
    root = sdoc[f.start:f.end].root
    if any(c.dep_ == "appos" and c.lower_ in rules().title_heads and c.i >= f.end for c in root.children):
        return True
    if f.how != "ner":  # a capitalised word of our own after "a spokesman, ", not after "Minister of"
        return after_title(sdoc, spans, f.start, between=(",",))
    return (f.end - f.start >= 2 or f.type == "PERSON") and after_title(sdoc, spans, f.start)


def _person_context(f: Found, sdoc, spans: Spans) -> bool:
    """An unknown place in a person's part: subject of 'added', agent after 'by', coordinated with a person."""
    span = sdoc[f.start:f.end]
    root = span.root
    if _titled(f, sdoc, spans):
        return True
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in rules().person_verbs:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "by":
        return True
    if root.dep_ == "conj" and root.head.ent_type_ == "PERSON" or any(
            c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in root.children):
        return True
    return False


def _place_context(f: Found, sdoc) -> bool:
    """A known place after 'in' or before 'province'; any name after 'in', or between 'from' and 'to'."""
    text = sdoc[f.start:f.end].text
    before = sdoc[f.start - 1].lower_ if f.start > 0 else ""
    after = sdoc[f.end].lower_ if f.end < len(sdoc) else ""
    if after in POSSESSIVE:
        return False
    if before in STRONG_LOCATIVE or before == "from" and after == "to":
        return True
    if before == "of" and f.start > 1 and sdoc[f.start - 2].lower_ in rules().place_nouns:
        return True  # "the village of Novohrodivka"
    known = gazetteer.place_country(text) or gazetteer.is_place(text)
    return bool(known) and (before in LOCATIVE or after in rules().admin_heads or f.type == "ORG")


MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _not_a_name(f: Found, sdoc) -> bool:
    """'Oct 2' (a dateline's date) and 'Riot' in 'Riot police' are not people."""
    tokens = sdoc[f.start:f.end]
    if any(t.like_num or any(c.isdigit() for c in t.text) for t in tokens):
        return True
    if tokens[0].lower_.rstrip(".") in MONTHS and len(tokens) <= 2:
        return True
    root = tokens.root
    return (len(tokens) == 1 and tokens[0].is_sent_start and root.dep_ == "compound" and root.head.is_lower
            and root.head.pos_ == "NOUN")


def _dateline(f: Found, sdoc, text: str) -> bool:
    """'JERUSALEM (AFP) -', 'KAZAN, Russia -': the capitalised place a story opens with."""
    after = sdoc[f.end].text if f.end < len(sdoc) else ""
    opens = f.start == 0 or sdoc[f.start].is_sent_start or sdoc[f.start - 1].is_space
    return text.isupper() and len(text) > 3 and opens and after in (",", "(", "—", "–", "-")


def dateline_places(found: list[Found], sdoc) -> list[Found]:
    """'GENEVA (AFP) —' opening a paragraph: the model often misses the capitalised city."""
    taken = {i for f in found if f.start >= 0 for i in range(f.start, f.end)}
    out = []
    for tok in sdoc:
        i = tok.i
        if not (i == 0 or sdoc[i - 1].is_space or "\n" in sdoc[i - 1].whitespace_) or i in taken:
            continue
        j = i
        while j < len(sdoc) and sdoc[j].is_upper and sdoc[j].is_alpha:
            j += 1
        name = sdoc[i:j].text.title() if j > i else ""
        if len(name) > 3 and j < len(sdoc) and sdoc[j].text in (",", "(", "—", "–", "-") and not any(
                k in taken for k in range(i, j)) and (gazetteer.lookup(name) or gazetteer.place_country(name)):
            out.append(_upper_place(Found(i, j, "LOCATION"), sdoc[i:j].text))
    return out


def _upper_place(f: Found, text: str) -> Found:
    """'WASHINGTON' in a dateline is Washington."""
    hit = gazetteer.lookup(text.title())
    if hit is None:
        return Found(f.start, f.end, "LOCATION", text.title(), how="dateline")
    name, kind = hit
    if gazetteer.is_state(name):
        return Found(f.start, f.end, "COUNTRY", name, name, how=kind)
    return Found(f.start, f.end, "LOCATION", name, how="lexicon")


def retype(f: Found, sdoc, spans: Spans) -> Found | None:
    """Correct the model's type from context; None when the span names no one thing."""
    if f.how != "ner":
        return f
    text = sdoc[f.start:f.end].text
    low = text.lower()
    r = rules()
    if f.type == "NORP" or low in r.generic or low in r.blocs or not any(c.isupper() for c in text):
        return None
    if f.type == "LOCATION" and text.isupper() and len(text) > 3 and gazetteer.lookup(text.title()):
        return _upper_place(f, text)
    if _dateline(f, sdoc, text):
        f.type, f.how = "LOCATION", "dateline"
        return f
    if f.type == "PERSON" and _not_a_name(f, sdoc):
        return None
    if f.type == "LOCATION" and sdoc[f.end - 1].lower_ in r.org_heads and sdoc[f.end - 1].lower_ not in r.facility_heads:
        f.type = "ORG"
    if f.type in ("PRODUCT", "ORG", "LOCATION", "PERSON", "EVENT") and _weapon_context(f, sdoc) \
            and not gazetteer.is_place(text):
        f.type, f.how = "WEAPON", "context"
    elif f.type == "PRODUCT":
        f.type = "OTHER"
    elif f.type == "LOCATION" and not gazetteer.is_place(text) and _person_context(f, sdoc, spans):
        f.type, f.how = "PERSON", "context"
    elif f.type == "ORG" and personal(sdoc, f.start, f.end) and _titled(f, sdoc, spans):
        f.type, f.how = "PERSON", "context"
    elif f.type in ("PERSON", "ORG") and _place_context(f, sdoc):
        f.type, f.how = "LOCATION", "context"
    return f


def _described(f: Found, sdoc, nouns: frozenset[str]) -> bool:
    """'X, the company led by ...': an apposition headed by one of `nouns`."""
    root = sdoc[f.start:f.end].root
    return any(c.dep_ == "appos" and c.lower_ in nouns and c.i >= f.end for c in root.children)


def titled_names(found: list[Found], sdoc, spans: Spans) -> list[Found]:
    """Names the model missed that a title or description marks: 'Colonel X Y', 'X Y, a spokesman for ...',
    'X Y, the company that ...'."""
    taken = {i for f in found if f.start >= 0 for i in range(f.start, f.end)}
    lexical = {i for s in spans.of(KNOWLEDGE + TITLES, 0, len(sdoc)) for i in range(s.start, s.end)}
    out, i = [], 0
    while i < len(sdoc):
        j = i
        while j < len(sdoc) and sdoc[j].tag_ == "NNP" and sdoc[j].is_title and sdoc[j].is_alpha \
                and j not in taken and j not in lexical:
            j += 1
        if j > i:
            f = Found(i, j, "PERSON", how="titled")
            if _titled(f, sdoc, spans):
                out.append(f)
            elif _described(f, sdoc, rules().org_nouns):
                f.type = "ORG"
                out.append(f)
        i = j + 1
    return out
