"""Entity mentions: the model's entities corrected by what the lexicon knows.

The model finds names well but types and bounds them less well: a general's
surname tagged as a place, a drone as an organisation, "the US National
Security Adviser" as an organisation, "Iran-Iraq war" as one event. Each NER
span is cleaned (determiners, possessives, titles and stray brackets cut off),
then read against the lexicon spans it overlaps (nlp/lexicon.py): a known
name wins, a country prefix splits off, a title is not an entity. Lexicon
spans the model missed are added; context typing rules run last.
"""
from __future__ import annotations

from ..model import Document
from ..resolve import gazetteer
from .context import after_title, dateline_places, personal, retype, titled_names
from .found import (DETERMINERS, EXERCISE_CODE, KNOWLEDGE, POSSESSIVE, PRIORITY, SHAPE_TYPE, TITLES, Found,
                    Spans)
from .knowledge import organisation_names, organisations, rules, weapon_families


TRAILING_WORDS = frozenset({"that", "which", "who", "whom", "whose"})


def _trim(sdoc, start: int, end: int) -> tuple[int, int]:
    """Cut determiners, possessives, punctuation, unbalanced brackets and a clause that follows
    ("... Ministry of Defence that Somali units opened fire") off a token range."""
    while start < end and (sdoc[start].lower_ in DETERMINERS or sdoc[start].is_punct):
        start += 1
    for i in range(start, end):
        if sdoc[i].text in "([" or i > start and sdoc[i].lower_ in TRAILING_WORDS:
            end = i  # "the Kenyan Ministry of Defence that Somali units ...": the clause opener ends the name
            break
    while end > start and (sdoc[end - 1].text in POSSESSIVE or sdoc[end - 1].is_punct):
        end -= 1
    return start, end


def _possessive_split(sdoc, start: int, end: int) -> list[tuple[int, int]]:
    """'Iran’s Quds Aviation Industry' -> 'Iran', 'Quds Aviation Industry'."""
    for i in range(start + 1, end - 1):
        if sdoc[i].text in POSSESSIVE:
            return [(start, i), (i + 1, end)]
    return [(start, end)]


def _strip_titles(spans: Spans, start: int, end: int) -> int:
    """Move the start of a person's name past the titles the model included ("Ayatollah Ali Khamenei")."""
    moved = True
    while moved and start < end - 1:
        moved = False
        for t in spans.of(TITLES, start, end, "inside"):
            if t.start == start and t.end < end and t[0].text[:1].isupper():
                start, moved = t.end, True
                break
    return start


def _proper_names(sdoc, spans: Spans, start: int, end: int) -> bool:
    """Two or more proper names that are no country or organisation: after a rank or title, a person."""
    return end - start >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                    and not spans.of(("COUNTRY", "ORG", "BODY"), t.i, t.i + 1)
                                    for t in sdoc[start:end])


def _cut_titles(sdoc, spans: Spans, start: int, end: int) -> tuple[int, int]:
    """A capitalised title at the end of a non-person name is not part of it ("White House National Security Adviser")."""
    for t in spans.of(("TITLE", "RANK"), start, end):
        if t[0].text[:1].isupper() and t.end >= end:
            end = min(end, t.start)
    return _trim(sdoc, start, end)


def ner_pieces(sdoc, spans: Spans) -> list[Found]:
    """The model's entities as cleaned token ranges with their first type."""
    out = []
    labels = rules().labels
    for ent in sdoc.ents:
        etype = labels.get(ent.label_)
        if etype is None:
            continue
        start, end = _trim(sdoc, ent.start, ent.end)
        for s, e in _possessive_split(sdoc, start, end):
            s, e = _trim(sdoc, s, e)
            named = _strip_titles(spans, s, e)
            if etype != "PERSON" and named > s and _proper_names(sdoc, spans, named, e):
                etype = "PERSON"  # "Rear Admiral Alireza Mohtasham", tagged as an organisation
            elif etype == "ORG" and after_title(sdoc, spans, s) and _proper_names(sdoc, spans, s, e) \
                    and personal(sdoc, s, e) and not spans.of(TITLES, s, e):
                etype = "PERSON"  # "Russia's ambassador, Vassily Nebenzia,", tagged as an organisation
            elif etype == "ORG" and after_title(sdoc, spans, s):
                lead = spans.of(("ORG",), s, e, "inside")  # "Ambassador to the United Nations Saeed Iravani"
                if lead and lead[0].start == s and _proper_names(sdoc, spans, lead[0].end, e) \
                        and personal(sdoc, lead[0].end, e):
                    out += [Found(s, lead[0].end, "ORG"), Found(lead[0].end, e, "PERSON")]
                    continue
            if etype == "ORG":
                named_at = _person_after_body(sdoc, spans, s, e)
                if named_at is not None:  # "Commander of the Iranian Army's Ground Forces Kioumars Heydari"
                    out += [Found(s, named_at, "ORG"), Found(named_at, e, "PERSON")]
                    continue
            if etype == "PERSON":
                s = named
                e = _name_before_possessive(sdoc, spans, e)
            elif not spans.of(("COUNTRY", "ORG"), s, e, "equal"):
                s, e = _cut_titles(sdoc, spans, s, e)
            if s < e:
                out.append(Found(s, e, etype))
    return out


def _person_after_body(sdoc, spans: Spans, start: int, end: int) -> int | None:
    """Where a person's name begins inside an organisation's name the model ran on ("Ground Forces
    Kioumars Heydari"): two or three personal name words right after the body's head word."""
    heads = rules().org_heads
    for k in (end - 2, end - 3):
        if k - 1 > start and sdoc[k - 1].lower_ in heads and _proper_names(sdoc, spans, k, end) \
                and personal(sdoc, k, end) and not spans.of(TITLES, k, end):
            return k
    return None


def _name_before_possessive(sdoc, spans: Spans, end: int) -> int:
    """ "President Yoon Suk Yeol's office", tagged "Yoon Suk": the model stops a person's name short
    of the word that carries the possessive; a capitalised word right before "'s" ends the name."""
    if end + 1 < len(sdoc) and sdoc[end + 1].text in POSSESSIVE and sdoc[end].pos_ == "PROPN" \
            and sdoc[end].is_title and sdoc[end].is_alpha and not spans.of(KNOWLEDGE + TITLES, end, end + 1) \
            and not sdoc[end].ent_type_:
        return end + 1
    return end


def _lexicon_found(span, sdoc) -> Found | None:
    """What one lexicon span is, on its own."""
    label = span.label_
    if label == "COUNTRY":
        hit = gazetteer.lookup(span.text)
        kind = hit[1] if hit else "name"
        etype = "COUNTRY" if gazetteer.is_state(span.id_) else "LOCATION"
        return Found(span.start, span.end, etype, span.id_, span.id_ if etype == "COUNTRY" else None, how=kind)
    if label == "EPITHET":
        return Found(span.start, span.end, "COUNTRY", None, how="epithet:" + span.id_)
    if label == "BODY":
        if not all(t.text[:1].isupper() for t in span if t.is_alpha and len(t.text) > 2) \
                and not _lowercase_body(span, sdoc):
            return None
        return Found(span.start, span.end, "ORG", body=span.id_, how="body")
    if label == "DESIGNATION":
        return _designation(span, sdoc)
    if label in ("EVENTNAME", "FACILITY", "ADMIN"):
        start = _proper_start(sdoc, span.start, span.end)
        if start >= span.end - 1:
            return None
        return Found(start, span.end, SHAPE_TYPE[label], how="shape")
    end = span.end
    while label == "WEAPON" and end - span.start > 1 and sdoc[end - 1].lower_ in rules().weapon_nouns:
        end -= 1  # "Apache helicopters" names the Apache
    return Found(span.start, end, SHAPE_TYPE[label], span.id_ or None, how="lexicon")


def _lowercase_body(span, sdoc) -> bool:
    """'Sudan's army', 'the federal police': a body named in lower case, but not 'the army chief' (a title)."""
    after = sdoc[span.end].lower_ if span.end < len(sdoc) else ""
    return span.text.islower() and bool(rules().bodies[span.id_].get("lowercase")) \
        and after not in rules().title_heads


def _proper_start(sdoc, start: int, end: int) -> int:
    """Skip sentence-initial common words a capitalised-name pattern swept in."""
    while start < end - 1 and (sdoc[start].lower_ in DETERMINERS or sdoc[start].tag_ not in ("NNP", "NNPS")
                               and not sdoc[start].text.isupper() and not any(c.isdigit() for c in sdoc[start].text)):
        start += 1
    return start


def _designation(span, sdoc) -> Found:
    """'Shahed-149' is a weapon, 'AZIREX-2024' an exercise; for other codes the nearer cue word decides."""
    text = span.text
    if text.split("-")[0] in weapon_families() and not EXERCISE_CODE.match(text):
        return Found(span.start, span.end, "WEAPON", how="designation")
    event_at = _distance(sdoc, span, rules().event_context)
    weapon_at = _distance(sdoc, span, rules().weapon_nouns)
    if EXERCISE_CODE.match(text) or event_at < weapon_at:
        start = span.start
        while start > span.sent.start and sdoc[start - 1].tag_ in ("NNP", "NNPS") and sdoc[start - 1].is_title:
            start -= 1  # "Sea Shield-2025", "Iron Canopy-25"
        return Found(start, span.end, "EVENT", how="designation")
    return Found(span.start, span.end, "WEAPON", how="designation")


def _distance(sdoc, span, words: frozenset[str], window: int = 5) -> int:
    """Tokens between `span` and the nearest of `words` in its sentence (a large number when none)."""
    lo, hi = max(span.sent.start, span.start - window), min(span.sent.end, span.end + window)
    dists = [span.start - t.i if t.i < span.start else t.i - span.end + 1
             for t in sdoc[lo:hi] if t.lower_ in words and not span.start <= t.i < span.end]
    return min(dists, default=99)


def _best(candidates: list):
    return min(candidates, key=lambda s: (PRIORITY.get(s.label_, 9), -(s.end - s.start))) if candidates else None


def read_ner(piece: Found, sdoc, spans: Spans) -> list[Found] | None:
    """What a cleaned NER piece is, given the lexicon; None when a longer lexicon span stands instead."""
    s, e = piece.start, piece.end
    for x in spans.of(KNOWLEDGE, s, e):
        covers = x.start <= s and x.end >= e and x.end - x.start > e - s
        crosses = not (x.start <= s and x.end >= e) and not (x.start >= s and x.end <= e)
        if x.label_ != "BODY" and covers or crosses and x.label_ in ("COUNTRY", "ORG", "WEAPON", "REGION"):
            return None
    equal = _best(spans.of(KNOWLEDGE, s, e, "equal"))
    if equal is not None:
        found = _lexicon_found(equal, sdoc)
        return [found] if found else []
    inside = spans.of(KNOWLEDGE, s, e, "inside")
    return compose(piece, inside, sdoc, spans) if inside else [piece]


def compose(piece: Found, inside: list, sdoc, spans: Spans) -> list[Found]:
    """A name that contains known names: split off a leading country, keep a longer organisation, ..."""
    s, e = piece.start, piece.end
    lead = next((x for x in inside if x.label_ == "COUNTRY" and x.start == s), None)
    if lead is not None and piece.type != "LOCATION":
        return _country_led(piece, lead, sdoc, spans)
    countries = [x for x in inside if x.label_ == "COUNTRY"]
    if piece.type in ("EVENT", "LOCATION", "NORP") and countries and _only_countries(sdoc, s, e, countries):
        return [_lexicon_found(c, sdoc) for c in countries]
    weapons = [x for x in inside if x.label_ in ("WEAPON", "DESIGNATION")]
    if weapons and all(t.is_lower or t.is_punct or t.i in range(weapons[0].start, weapons[0].end) for t in sdoc[s:e]):
        return [_lexicon_found(weapons[0], sdoc)]
    shape = next((x for x in inside if x.label_ in ("FACILITY", "ADMIN", "EVENTNAME") and x.end == e), None)
    if shape is not None and piece.type != "PERSON":
        piece.type = SHAPE_TYPE[shape.label_]
    orgs = [x for x in inside if x.label_ == "ORG"]
    if piece.type == "ORG" and orgs:
        piece.parent = orgs[0].id_
    international = bool(orgs) and not (organisations().get(orgs[0].id_) or {}).get("country")
    if piece.type == "ORG" and countries and not international:  # "UN Panel of Experts on Eritrea" is the UN's
        piece.country = countries[0].id_
    return [piece]


def _only_countries(sdoc, s: int, e: int, countries: list) -> bool:
    covered = {i for c in countries for i in range(c.start, c.end)}
    return all(i in covered or not sdoc[i].text[:1].isupper() for i in range(s, e))


def _country_led(piece: Found, lead, sdoc, spans: Spans) -> list[Found]:
    """'Azerbaijani Defence Ministry' (one body), 'Iranian Islamic Revolutionary Guard Corps' (country + org)."""
    country = _lexicon_found(lead, sdoc)
    rest = lead.end + (1 if lead.end < piece.end and sdoc[lead.end].text in POSSESSIVE else 0)
    if rest >= piece.end:
        return [country]
    body = spans.of(("BODY",), rest, piece.end, "equal")
    if body and country.type == "COUNTRY":
        return [Found(piece.start, piece.end, "ORG", country=country.country, body=body[0].id_, how="body")]
    known = spans.of(("ORG", "WEAPON", "REGION"), rest, piece.end, "equal")
    if known:
        return [country, _lexicon_found(known[0], sdoc)]
    if spans.of(TITLES, rest, piece.end, "covering"):
        return [country]
    if piece.type == "ORG" and (country.how == "demonym" or _unknown_named_org(sdoc, spans, rest, piece.end)):
        return [Found(piece.start, piece.end, "ORG", country=country.country, how="ner")]
    tail = Found(rest, piece.end, piece.type, country=country.country)
    read = read_ner(tail, sdoc, spans)
    return [country] + (read or [])


def _unknown_named_org(sdoc, spans: Spans, start: int, end: int) -> bool:
    """'Taiwan Affairs Office', 'Kenya Ports Authority': capitalised words ending in an organisation's
    head that the lexicon does not know on their own keep the country's name they open with."""
    words = [t for t in sdoc[start:end] if t.is_alpha]
    return bool(words) and all(t.text[:1].isupper() for t in words) and sdoc[end - 1].lower_ in rules().org_heads \
        and not spans.of(KNOWLEDGE + TITLES, start, end)


def _title_domain(f: Found, spans: Spans) -> bool:
    """'U.S. Treasury' in 'U.S. Treasury Secretary X': the organisation's last word opens a person's title
    ("Treasury Secretary"), so the name is the title's country and domain, not a mention of the body."""
    return f.type == "ORG" and f.end - f.start > 1 and any(
        t.start == f.end - 1 and t.end > f.end and t[-1].is_title for t in spans.of(TITLES, f.end - 1, f.end))


def _title_country(f: Found, sdoc, spans: Spans) -> list[Found]:
    """The country a title's organisation opens with ('U.S.' in 'U.S. Treasury Secretary')."""
    lead = [s for s in spans.of(("COUNTRY",), f.start, f.end - 1, "inside") if s.start == f.start]
    return [c for c in (_lexicon_found(lead[0], sdoc),) if c.type == "COUNTRY"] if lead else []


def _group_by_noun(f: Found, sdoc) -> Found:
    """'the Kalo militia': a name the model took for a person or place is the group the noun after it says."""
    if f.how == "ner" and f.type in ("PERSON", "LOCATION") and 0 < f.start and f.end < len(sdoc) \
            and sdoc[f.start - 1].lower_ == "the" and sdoc[f.end].is_lower and sdoc[f.end].lower_ in rules().org_nouns \
            and not gazetteer.is_place(sdoc[f.start:f.end].text):
        f.type = "ORG"
    return f


def noun_named(found: list[Found], sdoc, spans: Spans) -> list[Found]:
    """'the Fano militia', 'the Azov regiment': an unknown proper name the model missed, between 'the'
    and a common noun for an organisation, names that organisation."""
    taken = {i for f in found if f.start >= 0 for i in range(f.start, f.end)}
    lexical = {i for s in spans.of(KNOWLEDGE + TITLES, 0, len(sdoc)) for i in range(s.start, s.end)}
    nouns = rules().org_nouns
    out = []
    for tok in sdoc:
        if tok.lower_ not in nouns or not tok.is_lower or tok.i < 2:
            continue
        start = tok.i
        while start > 0 and sdoc[start - 1].tag_ in ("NNP", "NNPS") and sdoc[start - 1].is_title \
                and not {start - 1} & (taken | lexical):
            start -= 1
        if start < tok.i and start > 0 and sdoc[start - 1].lower_ == "the" and not sdoc[start].is_sent_start:
            out.append(Found(start, tok.i, "ORG", how="noun"))
    return out


def add_lexicon(found: list[Found], sdoc, spans: Spans) -> list[Found]:
    """Lexicon spans the model missed, longest first, where no mention is yet."""
    taken = {i for f in found if f.start >= 0 for i in range(f.start, f.end)}
    out = []
    for span in sorted(spans.of(KNOWLEDGE, 0, len(sdoc)),
                       key=lambda x: (-(x.end - x.start), PRIORITY.get(x.label_, 9), x.start)):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        f = _lexicon_found(span, sdoc)
        if f is None or any(i in taken for i in range(f.start, f.end)):
            continue
        out.append(f)
        taken.update(range(f.start, f.end))
    return out


def credit_mentions(doc: Document) -> list[Found]:
    """The outlet a 'Source: AA' credit line names: an ORG mention inside the (masked) credit region."""
    from ..clean import boilerplate

    out = []
    for region in doc.regions:
        if region.label != "credit":
            continue
        hit = boilerplate.classify(doc.text[region.start:region.end])
        if hit is None or not hit[1].groupdict().get("outlet"):
            continue
        m = hit[1]
        raw = m.group("outlet")
        start = region.start + m.start("outlet") + (len(raw) - len(raw.lstrip()))
        name = raw.strip()
        out.append(Found(-1, -1, "ORG", organisation_names().get(name), how="credit",
                         start_char=start, end_char=start + len(name)))
    return out


def find(doc: Document, sdoc) -> list[Found]:
    """Every entity mention of one document, typed, in text order."""
    spans = Spans(sdoc)
    found: list[Found] = []
    for piece in ner_pieces(sdoc, spans):
        read = read_ner(piece, sdoc, spans)
        found += read or []
    found += add_lexicon(found, sdoc, spans)
    found = [r for f in found if (r := retype(f, sdoc, spans)) is not None]
    found = [g for f in found for g in (_title_country(f, sdoc, spans) if _title_domain(f, spans) else [f])]
    found += titled_names(found, sdoc, spans)
    found = [_group_by_noun(f, sdoc) for f in found] + noun_named(found, sdoc, spans)
    found = sorted(found + dateline_places(found, sdoc), key=lambda f: f.start)
    found = leader_bodies(join_adjacent(join_conjoined(qualify_bodies(found, sdoc), sdoc), sdoc), sdoc)
    found = remit_names(found, sdoc)
    found += nested_countries(found, sdoc, spans)
    found += credit_mentions(doc)
    for f in found:
        f.start_char, f.end_char = f.chars(sdoc)
    return sorted(found, key=lambda f: (f.start_char, f.end_char))


def qualify_bodies(found: list[Found], sdoc) -> list[Found]:
    """'Iranian' + 'Navy' -> one 'Iranian Navy'; 'Iran' + 's' + 'Foreign Ministry' -> the body of Iran."""
    by_end = {f.end: f for f in found if f.type == "COUNTRY" and f.country and f.start >= 0}
    out = []
    for f in found:
        if f.body and not f.country:
            before = by_end.get(f.start)
            possessor = by_end.get(f.start - 1) if f.start > 0 and sdoc[f.start - 1].text in POSSESSIVE else None
            if before is not None and before.how in ("demonym", "alias"):
                f.start, f.country = before.start, before.country
                before.type = "MERGED"
            elif (before or possessor) is not None:
                f.country = (before or possessor).country
        out.append(f)
    return [f for f in out if f.type != "MERGED"]


def join_conjoined(found: list[Found], sdoc) -> list[Found]:
    """'... Force Research' + 'and' + 'Self-Sufficiency Jihad Organization': one name the model cut at 'and'."""
    heads = rules().org_heads
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == f.type == "ORG" and prev.how == f.how == "ner"
                and prev.end + 1 == f.start and sdoc[prev.end].lower_ == "and"
                and sdoc[prev.end - 1].lower_ not in heads and sdoc[f.end - 1].lower_ in heads):
            prev.end = f.end
            continue
        out.append(f)
    return out


def remit_names(found: list[Found], sdoc) -> list[Found]:
    """'UN Panel of Experts' + 'on' + 'Somalia': one body named for the country it works on (the model
    cuts the name before the preposition, or just after it: 'Islamic Resistance in' + 'Iraq')."""
    remit = rules().remit_heads
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "ORG" and prev.start >= 0 and f.type == "COUNTRY" and f.start >= 0:
            inside = sdoc[prev.end - 1].lower_ in remit and prev.end == f.start and prev.end - 2 >= prev.start \
                and sdoc[prev.end - 2].lower_ in remit[sdoc[prev.end - 1].lower_]
            after = prev.end + 1 == f.start and sdoc[prev.end].lower_ in remit \
                and sdoc[prev.end - 1].lower_ in remit[sdoc[prev.end].lower_]
            if inside or after:
                prev.end = f.end
                continue
        out.append(f)
    return out


def nested_countries(found: list[Found], sdoc, spans: Spans) -> list[Found]:
    """'U.S.' in 'U.S. Navy', 'Iranian' in 'Iranian Navy': the country an organisation's name opens with.
    Its mention overlaps the organisation's; token look-ups still find the organisation."""
    out = []
    for f in found:
        if f.type != "ORG" or f.start < 0:
            continue
        lead = [s for s in spans.of(("COUNTRY",), f.start, f.end, "inside") if s.start == f.start and s.end < f.end]
        country = _lexicon_found(lead[0], sdoc) if lead else None
        if country is not None and country.type == "COUNTRY" and country.how != "capital":
            out.append(country)
    return out


def join_adjacent(found: list[Found], sdoc) -> list[Found]:
    """'AH-64E' + 'Apache' side by side are one weapon; 'Mohammed bin Abdulrahman' + 'Al Thani' one person."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and prev.type == f.type and f.type in ("WEAPON", "PERSON") and prev.end == f.start \
                and f.start >= 0:
            prev.end = f.end
            prev.canonical = prev.canonical or f.canonical
            continue
        out.append(f)
    return out


def leader_bodies(found: list[Found], sdoc) -> list[Found]:
    """'the Biden administration': the government a person leads, an ORG."""
    for f in found:
        if f.type == "PERSON" and f.how == "ner" and f.end < len(sdoc) \
                and sdoc[f.end].lower_ in rules().leader_bodies:
            f.end, f.type, f.how = f.end + 1, "ORG", "leader"
    return found
