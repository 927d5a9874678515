"""Roles and affiliations: who a person is and which country a person or organisation acts for.

Read from the text around the mentions, strongest evidence first:
- titles before a name ("Iran's Foreign Minister Hossein Amirabdollahian",
  "White House National Security Council Coordinator John Kirby"), with the
  country or organisation that qualifies them;
- appositions ("Mohammad Bagheri, the chief of staff of Iran's armed forces");
- for organisations, the known country (data/organizations.yaml), the country
  that qualifies a national body, the owner in "the U.S. Navy's Fifth Fleet", a
  city that opens the name ("Shenzhen ...") or a demonym before "company";
- for people still without a country, a description such as "the Iranian
  commander" that can only be one of them, then the surname's form, among the
  countries the text names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..data import load_yaml
from ..resolve import gazetteer
from ..resolve.within import Cluster, opening_place_country
from .knowledge import organisation_names, organisations, rules
from .found import POSSESSIVE, TITLES, Found, Spans
from .home import desk_country, home_country

SMALL = {"of", "the", "and", "for", "to", "in", "on", "at", "a", "an"}
PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "abd", "abdul", "ould"}


@dataclass
class Affiliation:
    """What the text says of one cluster: its roles and the country it acts for, with why."""

    roles: list[str] = field(default_factory=list)
    country: str | None = None
    via: Cluster | None = None  # an organisation whose country it takes
    evidence: list[str] = field(default_factory=list)
    titled: bool = False  # a title stands before the name


class Reader:
    """The parsed text with its mentions and clusters, for the role rules."""

    def __init__(self, sdoc, clusters: list[Cluster]):
        self.sdoc = sdoc
        self.spans = Spans(sdoc)
        self.cluster_of: dict[int, Cluster] = {id(m): c for c in clusters for m in c.mentions}
        self.by_end: dict[int, Found] = {m.end: m for c in clusters for m in c.mentions if m.start >= 0}
        self.cluster_starts: dict[int, list[Found]] = {}
        for c in clusters:
            for m in c.mentions:
                if m.start >= 0:
                    self.cluster_starts.setdefault(m.start, []).append(m)
        self.clusters = clusters

    def qualifier(self, pos: int) -> Cluster | None:
        """The country or organisation ending at token `pos` (or before a possessive there)."""
        f = self.by_end.get(pos)
        if f is None and pos > 0 and self.sdoc[pos - 1].text in POSSESSIVE:
            f = self.by_end.get(pos - 1)
        c = self.cluster_of.get(id(f)) if f is not None else None
        return c if c is not None and c.type in ("COUNTRY", "ORG") else None


def _take(aff: Affiliation, who: Cluster | None, why: str) -> None:
    if who is None or aff.country or aff.via:
        return
    if who.type == "COUNTRY":
        aff.country = who.canonical
    else:
        aff.via = who
    aff.evidence.append(why)


def title_before(r: Reader, f: Found, aff: Affiliation) -> None:
    """'Iran's Foreign Minister X': the titles right before a name, and who qualifies them."""
    cursor, titles = f.start, []
    while True:
        ending = r.spans.ending_at(TITLES, cursor)
        if not ending:
            break
        titles.insert(0, ending[0])
        cursor = ending[0].start
    for group in _title_groups([t for t in titles if t.label_ != "HONORIFIC"]):
        role = r.sdoc[group[0].start:group[-1].end].text
        if role not in aff.roles:
            aff.roles.append(role)
    if not titles:
        _described_before(r, f, aff)
    if titles:
        q = r.qualifier(cursor) or _first_party(r, cursor, f.start)
        _take(aff, q, f"title '{r.sdoc[cursor:f.start].text.strip()}' before the name")
        _seat_in_title(r.sdoc[cursor:f.start], aff)
        offices = _titles_data("state_offices")
        aff.titled = aff.titled or any(t.text.lower() in offices or t[-1].lower_ in offices for t in titles)


def _seat_in_title(span, aff: Affiliation) -> None:
    """'Kremlin spokesman X', 'White House Coordinator X': a seat of government or known body inside the title."""
    if aff.country or aff.via:
        return
    seats = load_yaml("titles.yaml").get("seats_of_government", {})
    words = [t.text for t in span]
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            name = " ".join(words[i:i + n])
            known = organisations().get(organisation_names().get(name, ""), {})
            country = seats.get(name) or known.get("country")
            if country:
                aff.country = country
                aff.evidence.append(f"'{name}' in the title serves {country}")
                return


def _described_before(r: Reader, f: Found, aff: Affiliation) -> None:
    """'his Turkish counterpart X', 'the Kenyan national X': a noun for a person, qualified by a country."""
    noun = f.start - 1
    if noun < 1 or r.sdoc[noun].lower_ not in _titles_data("person_nouns"):
        return
    q = r.qualifier(noun)
    if q is not None and q.type == "COUNTRY":
        _take(aff, q, f"'{r.sdoc[noun - 1:f.end].text}'")


def _of_after(r: Reader, f: Found, aff: Affiliation) -> None:
    """'X of Kyrgyzstan', 'X of the opposition party Y': whom a name is said to be of."""
    i = f.end
    if i + 1 >= len(r.sdoc) or r.sdoc[i].lower_ != "of":
        return
    start = i + 2 if r.sdoc[i + 1].lower_ == "the" else i + 1
    for m in r.cluster_starts.get(start, []):
        c = r.cluster_of.get(id(m))
        if c is not None and c.type in ("COUNTRY", "ORG"):
            _take(aff, c, f"'{r.sdoc[f.start:m.end].text}'")
            return


def _leads(r: Reader, f: Found, aff: Affiliation) -> None:
    """'X, who heads Egypt's armaments authority': the body a relative clause says the person leads."""
    root = r.sdoc[f.start:f.end].root
    verbs = _titles_data("leading_verbs")
    for clause in (c for c in root.children if c.dep_ == "relcl" and c.lower_ in verbs):
        objects = [t for t in clause.children if t.dep_ in ("dobj", "attr")]
        for obj in objects:
            tokens = list(obj.subtree)
            _take(aff, _first_party(r, tokens[0].i, tokens[-1].i + 1), f"'{r.sdoc[clause.i:tokens[-1].i + 1].text}'")


def _title_groups(titles: list) -> list[list]:
    """'Defence Minister' and 'Brigadier General' are two roles: an office and a rank."""
    groups: list[list] = []
    for t in titles:
        if groups and groups[-1][-1].label_ == t.label_ and groups[-1][-1].end == t.start:
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def apposition(r: Reader, f: Found, aff: Affiliation) -> None:
    """'X, the chief of staff of Iran's armed forces,': the role and whom it serves."""
    root = r.sdoc[f.start:f.end].root
    heads = rules().title_heads
    for child in root.children:
        if child.dep_ == "appos" and (child.lower_ in heads or r.spans.of(TITLES, child.i, child.i + 1)):
            tokens = _appos_tokens(child)
            _add_role(r, aff, tokens)
        elif child.dep_ == "appos" and child.lower_ in _titles_data("person_nouns") | _demonym_nouns(r, child):
            tokens = _appos_tokens(child)
            _take(aff, _first_party(r, tokens[0].i, tokens[-1].i + 1), f"apposition '{r.sdoc[tokens[0].i:tokens[-1].i + 1].text}'")
    head = _described_by(root, heads) if root.dep_ == "appos" else None
    if head is not None:
        _add_role(r, aff, [t for t in r.sdoc[head.left_edge.i:head.i + 1]])
        before = [t for t in r.sdoc[head.left_edge.i:f.start] if not t.is_punct]
        _take(aff, _first_party(r, before[0].i, before[-1].i + 1), f"'{r.sdoc[before[0].i:before[-1].i + 1].text}'")


def _described_by(name, heads: frozenset[str]):
    """'the foreign minister of Peru, X', 'an analyst quoted by the Y newspaper, X': the parser hangs
    the name on the nearest noun; climb to the title or person noun the phrase is built on."""
    nouns = heads | _titles_data("person_nouns")
    h = name.head
    for _ in range(5):
        if h.lower_ in nouns and h.i < name.i:
            return h
        if h.dep_ not in ("pobj", "prep", "agent", "acl", "compound", "poss", "appos") or h.head is h:
            return None
        h = h.head
    return None


def _demonym_nouns(r: Reader, tok) -> set[str]:
    """'X, a Belarusian,': a demonym standing as the noun of an apposition."""
    f = r.by_end.get(tok.i + 1)
    c = r.cluster_of.get(id(f)) if f is not None and f.start == tok.i else None
    return {tok.lower_} if c is not None and c.type == "COUNTRY" else set()


def _add_role(r: Reader, aff: Affiliation, tokens: list) -> None:
    role = _role_text(r, tokens)
    if role and role not in aff.roles:
        aff.roles.append(role)
    start, end = tokens[0].i, tokens[-1].i + 1
    _take(aff, _first_party(r, start, end), f"apposition '{r.sdoc[start:end].text}'")


def _first_party(r: Reader, start: int, end: int) -> Cluster | None:
    for i in range(start, end):
        f = r.by_end.get(i + 1)
        c = r.cluster_of.get(id(f)) if f is not None and f.start >= start else None
        if c is not None and c.type in ("COUNTRY", "ORG"):
            return c
    return None


def _role_text(r: Reader, tokens) -> str:
    """'the chief of staff of Iran's armed forces' -> 'Chief of Staff of the Armed Forces'."""
    words: list[str] = []
    skip_to = -1
    for t in tokens:
        if t.i < skip_to:
            continue
        f = next((m for m in r.cluster_starts.get(t.i, []) if m.end < len(r.sdoc)), None)
        c = r.cluster_of.get(id(f)) if f is not None else None
        if c is not None and c.type == "PERSON":
            break
        if c is not None and c.type == "COUNTRY" and r.sdoc[f.end].text in POSSESSIVE:
            if not words or words[-1].lower() != "the":
                words.append("the")
            skip_to = f.end + 1
            continue
        words.append(t.text_with_ws)
    while words and words[0].strip().lower() in ("the", "a", "an", "his", "her", "its", "their"):
        words.pop(0)
    text = "".join(w if w.endswith(" ") or i == len(words) - 1 else w + " " * (w.isalpha() and words[i + 1][:1].isalpha())
                   for i, w in enumerate(words))
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    for h in load_yaml("titles.yaml")["honorifics"]:
        text = re.sub(rf"\s+{re.escape(h)}$", "", text)
    return " ".join(w if w.lower() in SMALL and i else w[:1].upper() + w[1:] for i, w in enumerate(text.split()))


def _appos_tokens(child) -> list:
    """The apposition without what is coordinated after it ('..., and Ghassem Damavandian, CEO of ...')."""
    cut = {t.i for c in child.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return [t for t in child.subtree if t.i not in cut]


def person_affiliations(r: Reader, home: str | None = None) -> dict[int, Affiliation]:
    out: dict[int, Affiliation] = {}
    for c in r.clusters:
        if c.type != "PERSON":
            continue
        aff = out[id(c)] = Affiliation()
        for f in c.mentions:
            if f.start >= 0:
                title_before(r, f, aff)
                apposition(r, f, aff)
                _of_after(r, f, aff)
                _leads(r, f, aff)
        aff.roles = list({role.lower(): role for role in reversed(aff.roles)}.values())[::-1]
    descriptions(r, out)
    office_holders(r, out)
    surname_hints(r, out)
    office_holders(r, out, home)
    return out


def office_holders(r: Reader, out: dict[int, Affiliation], home: str | None = None) -> None:
    """'President X' with no country named: the one country its sentence names before the name, outside
    quotes; once surnames have had their say, the country the story is about (`home`)."""
    for c in r.clusters:
        aff = out.get(id(c))
        if c.type != "PERSON" or aff is None or aff.country or aff.via or not aff.titled:
            continue
        first = next(m for m in c.mentions if m.start >= 0)
        sent = r.sdoc[first.start].sent
        quoted = _quoted(sent)
        countries = {k.canonical for k in r.clusters if k.type == "COUNTRY" and k.canonical
                     for m in k.mentions if sent.start <= m.start < first.start and m.start not in quoted}
        placed = opening_place_country(sent)  # "In Moscow, Deputy Foreign Minister X said"
        if placed:
            aff.country = placed
            aff.evidence.append(f"a title holder in a sentence placed in {placed}")
        elif len(countries) == 1:
            aff.country = countries.pop()
            aff.evidence.append(f"a title holder in a sentence about {aff.country} only")
        elif not countries and home:
            aff.country = home
            aff.evidence.append(f"a title holder in a story about {home}")


def _quoted(sent) -> set[int]:
    inside, out = False, set()
    for t in sent:
        if t.text in ('"', "“", "”"):
            inside = not inside if t.text == '"' else t.text == "“"
        elif inside:
            out.add(t.i)
    return out


def _person_nouns() -> frozenset[str]:
    """Nouns for one person: 'army' ends a rank ('General of the Army') but names a body."""
    return rules().title_heads - rules().org_heads - {"counterpart", "counterparts"}


@lru_cache(maxsize=None)
def _titles_data(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("titles.yaml").get(key, []))


def descriptions(r: Reader, out: dict[int, Affiliation]) -> None:
    """'the Iranian commander, accompanied by Salyukov': a description that fits one person only."""
    people = [c for c in r.clusters if c.type == "PERSON"]
    pending = []
    for c in r.clusters:
        if c.type != "COUNTRY":
            continue
        for f in c.mentions:
            if f.how == "demonym" and f.start > 0 and f.end < len(r.sdoc) and _describes(r, f):
                sent = r.sdoc[f.start].sent
                present = {id(p) for p in people for m in p.mentions if sent.start <= m.start < sent.end}
                pending.append((c, r.sdoc[f.start - 1:f.end + 1].text, present))
    changed = True
    while pending and changed:
        changed = False
        for item in list(pending):
            country, text, present = item
            free = [p for p in people if id(p) not in present and not (out[id(p)].country or out[id(p)].via)]
            if len(free) == 1:
                _take(out[id(free[0])], country, f"the description '{text}' fits only this person")
                pending.remove(item)
                changed = True


def _describes(r: Reader, f: Found) -> bool:
    noun = r.sdoc[f.end]
    after = r.sdoc[f.end + 1] if f.end + 1 < len(r.sdoc) else None
    return (r.sdoc[f.start - 1].lower_ == "the" and noun.lower_ in _person_nouns() and noun.tag_ == "NN"
            and (after is None or after.ent_type_ != "PERSON"))


def surname_hints(r: Reader, out: dict[int, Affiliation]) -> None:
    """Last resort: a surname ending that fits exactly one of the countries the text names."""
    present = {c.canonical for c in r.clusters if c.type == "COUNTRY" and c.canonical}
    endings = {k: v for k, v in rules().surname_endings.items() if k in present}
    for c in r.clusters:
        aff = out.get(id(c))
        if c.type != "PERSON" or aff is None or aff.country or aff.via:
            continue
        words = max(c.texts, key=len).lower().replace("-", " ").split()
        if PARTICLES & set(words):
            continue  # 'al-', 'bin': Arabic names end in -i as Persian ones do
        surname = words[-1]
        best = {country: max((len(e) for e in ends if surname.endswith(e)), default=0)
                for country, ends in endings.items()}
        top = max(best.values(), default=0)
        winners = [k for k, v in best.items() if v == top]
        if top and len(winners) == 1:
            aff.country = winners[0]
            aff.evidence.append(f"the surname '{surname}' is typical of {winners[0]}, which the text names")


def org_affiliation(r: Reader, c: Cluster) -> Affiliation:
    """Which country an organisation acts for: known, qualified, owned, or named by its first word."""
    aff = Affiliation(country=c.country)
    known = organisations().get(c.canonical or "") or organisations().get(c.parent or "")
    if aff.country is None and known and known.get("country"):
        aff.country = known["country"]
        aff.evidence.append(f"{known['name']} acts for {known['country']}")
    for f in c.mentions:
        if aff.country or aff.via or f.start < 0:
            continue
        if f.start > 0 and r.sdoc[f.start - 1].text in POSSESSIVE:
            _take(aff, r.qualifier(f.start - 1), f"'{r.sdoc[f.start - 2:f.end].text}'")
        elif f.start > 1 and r.sdoc[f.start - 1].lower_ in rules().org_nouns:
            _take(aff, r.qualifier(f.start - 1), f"'{r.sdoc[f.start - 2:f.end].text}'")
        elif f.start > 2 and r.sdoc[f.start - 1].lower_ == "based" and r.sdoc[f.start - 2].text == "-":
            _based(r, f, aff)
    if aff.country is None and aff.via is None and c.texts:
        first = c.texts[0].split()[0]
        country = gazetteer.state_of(first)
        if country and len(c.texts[0].split()) > 1:
            aff.country = country
            aff.evidence.append(f"its name opens with '{first}', in {country}")
    return aff


def _state_body_at_home(c: Cluster, aff: Affiliation, home: str | None) -> None:
    """'the Constitutional Court', 'the National Assembly' named without a country: the story's own state's."""
    if aff.country or aff.via or not home or not c.texts:
        return
    name = (c.canonical or c.texts[0]).split()
    heads = _state_body_heads()
    if len(name) > 1 and (name[-1].lower() in heads or name[0].lower() in heads):
        aff.country = home
        aff.evidence.append(f"a state body named without a country, in a story about {home}")


@lru_cache(maxsize=1)
def _state_body_heads() -> frozenset[str]:
    return frozenset(h.lower() for h in load_yaml("entity_rules.yaml").get("state_body_heads", []))


def _based(r: Reader, f: Found, aff: Affiliation) -> None:
    """'Tehran-based X', 'Shenzhen-based X': the country of the place it is based in."""
    place = r.sdoc[f.start - 3]
    hit = gazetteer.lookup(place.text)
    country = hit[0] if hit else gazetteer.place_country(place.text)
    if country and aff.country is None and aff.via is None:
        aff.country = country
        aff.evidence.append(f"'{place.text}-based'")


def affiliations(sdoc, clusters: list[Cluster]) -> dict[int, Affiliation]:
    """Roles and country of every person and organisation cluster, keyed by id(cluster)."""
    r = Reader(sdoc, clusters)
    home = home_country(sdoc, clusters)
    out = person_affiliations(r, desk_country(sdoc, clusters) or home)
    for c in clusters:
        if c.type == "ORG":
            out[id(c)] = org_affiliation(r, c)
            _state_body_at_home(c, out[id(c)], home)
    for _ in range(3):
        for aff in out.values():
            if aff.country is None and aff.via is not None:
                aff.country = aff.via.country if aff.via.type == "COUNTRY" else out.get(id(aff.via), Affiliation()).country
    return out
