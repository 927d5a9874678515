"""Resolution inside one document: every surface form of one thing becomes one entity.

Rules, in order: a name the model typed as a place or organisation that is a
person's surname becomes that person; demonyms, capitals and official names
join their country ("Iranian", "Tehran" -> Iran); surnames and partial names
join the full name ("Bagheri" -> "Mohammad Bagheri"); acronyms join their
expansion ("IRGC" -> "Islamic Revolutionary Guard Corps"), by a bracketed
definition or by initials; a short form joins the longer name it starts
("Xinghe" -> "Xinghe Defence Technology"); an unqualified national body joins
the qualified one ("Foreign Ministry" -> "Azerbaijani Foreign Ministry").
Every join records why, in words.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..extract.knowledge import rules
from ..extract.found import Found
from . import gazetteer

SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "to", "at", "de", "al"}


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lower case, curly quotes straightened, 'the' and possessive dropped, spaces collapsed."""
    t = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("‘", "'")
    t = re.sub(r"^the\s+", "", t.strip())
    t = re.sub(r"'s?$", "", t)
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s/-]", "", t)).strip()


@lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """Letters and digits only: 'Amir Abdollahian' and 'Amirabdollahian' squash alike."""
    return re.sub(r"[\W_]", "", norm(text))


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass
class Cluster:
    """Mentions of one thing in one document."""

    type: str
    mentions: list[Found] = field(default_factory=list)
    canonical: str | None = None
    country: str | None = None
    body: str | None = None
    parent: str | None = None
    evidence: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # surface of each mention, in order

    def add(self, f: Found, text: str, why: str | None = None) -> None:
        self.mentions.append(f)
        self.texts.append(text)
        if why and why not in self.evidence:
            self.evidence.append(why)

    @property
    def first(self) -> int:
        return min(m.start_char for m in self.mentions)


class Context:
    """The text and mentions being resolved, with look-ups the rules share."""

    def __init__(self, text: str, found: list[Found], sdoc=None):
        self.text = text
        self.sdoc = sdoc
        self.found = found

    def surface(self, f: Found) -> str:
        return self.text[f.start_char:f.end_char]

    def sentence(self, f: Found) -> int:
        if self.sdoc is None or f.start < 0:
            return -1
        return self.sdoc[f.start].sent.start


def person_parts(doc: Context) -> dict[str, str]:
    """Squashed full names, surnames and last-two-token forms of multi-word person names -> full name."""
    parts: dict[str, str] = {}
    for f in doc.found:
        if f.type != "PERSON":
            continue
        words = doc.surface(f).split()
        if len(words) < 2:
            continue
        full = " ".join(words)
        for k in range(1, len(words) + 1):
            parts.setdefault(squash(" ".join(words[-k:])), full)
    return parts


def retype_people_and_places(doc: Context) -> None:
    """The surname rule (an ORG 'Mehrabi' is the person 'Abdollah Mehrabi'), and known cities the model called people."""
    parts = person_parts(doc)
    for f in doc.found:
        key = squash(doc.surface(f))
        if f.type != "PERSON" and f.how in ("ner", "context") and key in parts and len(key) > 2:
            f.type, f.how = "PERSON", "surname"
        elif f.type == "PERSON" and f.how == "ner" and key not in parts and " " not in doc.surface(f).strip():
            if gazetteer.place_country(doc.surface(f)):
                f.type, f.how = "LOCATION", "place"


def repeated_names(doc: Context) -> list[Found]:
    """A person's surname the model did not tag where it recurs ('Talebi said ...' after 'Reza Talebi',
    or after a lone 'Talebi' it did tag)."""
    if doc.sdoc is None:
        return []
    taken = {i for f in doc.found if f.start >= 0 for i in range(f.start, f.end)}
    surnames = {words[-1] for f in doc.found if f.type == "PERSON" for words in [doc.surface(f).split()]
                if words and (len(words) > 1 or len(words[0]) > 3 and words[0].istitle())}
    out = []
    for tok in doc.sdoc:
        if tok.i not in taken and tok.pos_ in ("PROPN", "NOUN") and len(tok.text) > 2 and tok.text[:1].isupper() \
                and any(_same_surname(tok.text, s) for s in surnames):
            out.append(Found(tok.i, tok.i + 1, "PERSON", how="repeat", start_char=tok.idx,
                             end_char=tok.idx + len(tok.text)))
    return out


def _same_surname(a: str, b: str) -> bool:
    """'Zelenskyy' and 'Zelensky': the same surname, spelled with a letter more or less."""
    a, b = squash(a), squash(b)
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and abs(len(a) - len(b)) <= 2 and (a.startswith(b) or b.startswith(a))


def _matches(words: list[str], full: list[str]) -> str | None:
    """Why a name `words` is the person `full`, or None."""
    a, b = squash(" ".join(words)), squash(" ".join(full))
    if a == b:
        return "spelling"
    if len(words) < len(full) and [w.lower() for w in full[-len(words):]] == [w.lower() for w in words]:
        return "surname" if len(words) == 1 else "partial"
    if len(a) >= 5 and b.endswith(a):
        return "surname"
    if len(words) == 1 and len(full) > 1 and _same_surname(words[0], full[-1]):
        return "spelling"
    return None


def cluster_people(doc: Context, people: list[Found]) -> list[Cluster]:
    """Full names first, then surnames and partial names to the nearest full name they end."""
    clusters: list[tuple[list[str], Cluster]] = []
    singles = []
    for f in people:
        words = doc.surface(f).split()
        if len(words) < 2:
            singles.append(f)
            continue
        home = next(((full, c) for full, c in clusters if _matches(words, full) or _matches(full, words)), None)
        if home is None:
            c = Cluster("PERSON")
            c.add(f, doc.surface(f))
            clusters.append((words, c))
            continue
        full, c = home
        why = _matches(words, full) or "longer form"
        c.add(f, doc.surface(f), f"'{doc.surface(f)}' and '{' '.join(full)}' are the same name ({why})")
        if len(words) > len(full):
            clusters[clusters.index(home)] = (words, c)
    for f in singles:
        _attach_single(doc, f, clusters)
    return [c for _, c in clusters]


def _attach_single(doc: Context, f: Found, clusters: list) -> None:
    words = doc.surface(f).split()
    hits = [(full, c) for full, c in clusters if _matches(words, full)]
    if not hits:
        hits = [(full, c) for full, c in clusters if len(full) > 1 and full[0].lower() == words[0].lower()]
    if not hits:
        c = Cluster("PERSON")
        c.add(f, doc.surface(f))
        clusters.append((words, c))
        return
    before = [h for h in hits if h[1].first < f.start_char]
    full, c = (before or hits)[-1] if before else hits[0]
    c.add(f, doc.surface(f), f"'{doc.surface(f)}' is a short form of '{' '.join(full)}'")


def _location_key(text: str) -> str:
    """'Ardabil province' and 'Ardabil' are one place; 'Kashan Air Base' keeps its head."""
    words = text.split()
    while len(words) > 1 and words[-1].lower() in rules().admin_heads:
        words = words[:-1]
    return norm(" ".join(words))


def _weapon_key(text: str) -> str:
    key = norm(text)
    return key[:-1] if re.search(r"\d+s$", key) else key


def key_of(doc: Context, f: Found) -> tuple:
    """The within-document identity of a mention before the joining rules run."""
    text = doc.surface(f)
    if f.type == "COUNTRY":
        return ("COUNTRY", f.canonical) if f.canonical else ("EPITHET", f.how)
    if f.canonical:
        return (f.type, f.canonical)
    if f.body:
        return ("BODY", f.body, f.country)
    if f.type == "LOCATION":
        return ("LOCATION", _location_key(text))
    if f.type == "WEAPON":
        return ("WEAPON", _weapon_key(text))
    return (f.type, norm(text))


def cluster_by_key(doc: Context, found: list[Found]) -> dict[tuple, Cluster]:
    clusters: dict[tuple, Cluster] = {}
    for f in found:
        key = key_of(doc, f)
        c = clusters.get(key)
        if c is None:
            c = clusters[key] = Cluster(f.type, canonical=f.canonical, body=f.body, parent=f.parent,
                                        country=f.country)
        why = None
        if f.type == "COUNTRY" and f.how in ("demonym", "capital", "alias"):
            why = f"'{doc.surface(f)}' is the {'name' if f.how == 'alias' else f.how} of {f.canonical}"
        elif c.mentions and norm(doc.surface(f)) != norm(c.texts[0]):
            why = f"'{doc.surface(f)}' and '{c.texts[0]}' name the same {f.type.lower()}"
        c.add(f, doc.surface(f), why)
        c.parent = c.parent or f.parent
        c.country = c.country or f.country
    return clusters


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper() and w.lower() not in SMALL_WORDS)


def _abbreviates(acronym: str, name: str) -> bool:
    """'IRGC' ~ 'Islamic Revolutionary Guard Corps'; letters in order, the first one first (Schwartz-Hearst)."""
    letters = re.sub(r"[^A-Za-z]", "", acronym).lower()
    if len(letters) < 2 or not name or name[0].lower() != letters[0]:
        return False
    if _initials(name).lower() == letters:
        return True
    pos = 0
    for ch in letters:
        pos = name.lower().find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return len(letters) >= 3 and _initials(name).lower().startswith(letters[:2])


def _is_acronym(text: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", text)
    return 2 <= len(letters) <= 8 and letters.isupper() and " " not in text.strip()


def join_acronyms(doc: Context, clusters: list[Cluster]) -> list[Cluster]:
    """An acronym cluster joins the organisation it abbreviates: 'X (ABC)' first, then by initials."""
    out = list(clusters)
    for c in clusters:
        if c.type not in ("ORG", "LOCATION") or c.canonical or not all(_is_acronym(t) for t in c.texts):
            continue
        target = _bracket_definition(doc, c, out) or next(
            (o for o in out if o is not c and o.type == c.type and any(_abbreviates(c.texts[0], t) for t in o.texts)),
            None)
        if target is not None:
            _merge(target, c, f"'{c.texts[0]}' abbreviates '{_longest(target)}'")
            out.remove(c)
    return out


def _bracket_definition(doc: Context, acronym: Cluster, clusters: list[Cluster]) -> Cluster | None:
    """'State Security Service (DTX)': the mention right before the bracket the acronym opens."""
    for m in acronym.mentions:
        before = doc.text[:m.start_char].rstrip()
        if not before.endswith("("):
            continue
        end = len(before[:-1].rstrip())
        for c in clusters:
            if c is not acronym and c.type in ("ORG", "LOCATION") and any(x.end_char == end for x in c.mentions):
                return c
    return None


def _merge(into: Cluster, other: Cluster, why: str) -> None:
    for f, t in zip(other.mentions, other.texts):
        into.add(f, t)
    into.evidence += [why] + [e for e in other.evidence if e not in into.evidence]
    into.country = into.country or other.country
    into.parent = into.parent or other.parent


def _longest(c: Cluster) -> str:
    return max(c.texts, key=lambda t: (len(t.split()), len(t)))


def join_short_forms(doc: Context, clusters: list[Cluster]) -> list[Cluster]:
    """'Xinghe' -> 'Xinghe Defence Technology', 'Kashan' -> 'Kashan Air Base': a one-word name that starts a longer one."""
    out = list(clusters)
    for c in clusters:
        if c.canonical or c.type not in ("ORG", "LOCATION", "PERSON") or any(len(t.split()) > 1 for t in c.texts):
            continue
        if not all(m.how in ("ner", "context", "place") for m in c.mentions):
            continue
        word = c.texts[0].lower()
        longer = [o for o in out if o is not c and o.type in ("ORG", "LOCATION") and o.type == _prefix_type(c, o)
                  and any(len(t.split()) > 1 and t.split()[0].lower() == word for t in o.texts)]
        if len(longer) == 1:
            _merge(longer[0], c, f"'{c.texts[0]}' is a short form of '{_longest(longer[0])}'")
            for m in c.mentions:
                m.type = longer[0].type
            out.remove(c)
    return out


def _prefix_type(short: Cluster, longer: Cluster) -> str:
    return longer.type if short.type in ("PERSON", "LOCATION", "ORG") else short.type


def resolve_bodies(doc: Context, clusters: list[Cluster]) -> list[Cluster]:
    """An unqualified 'Foreign Ministry' is the qualified one in the text, else that of the country
    named in its sentence (or most in the text) when the body stands alone in news; else it is dropped."""
    out = [c for c in clusters if not (c.body and not c.country)]
    for c in clusters:
        if not (c.body and not c.country):
            continue
        placed = _placed_country(doc, c)  # "In Tehran, Foreign Ministry spokesman X said": Iran's ministry
        same = [o for o in out if o.body == c.body and o.country and placed in (None, o.country)]
        if placed and not same and rules().bodies[c.body].get("standalone"):
            c.country = placed
            c.evidence.append(f"'{c.texts[0]}' is that of {placed}, where its sentence is placed")
            out.append(c)
            continue
        if same:
            target = min(same, key=lambda o: abs(o.first - c.first))
            _merge(target, c, f"'{c.texts[0]}' is the {_longest(target)} named earlier")
            continue
        if not rules().bodies[c.body].get("standalone"):
            continue
        country = _sentence_country(doc, c) or _main_country(clusters)
        if country:
            c.country = country
            c.evidence.append(f"'{c.texts[0]}' is taken to be that of {country}, the country its sentence names")
            out.append(c)
    return out


def _placed_country(doc: Context, c: Cluster) -> str | None:
    if doc.sdoc is None or c.mentions[0].start < 0:
        return None
    return opening_place_country(doc.sdoc[c.mentions[0].start].sent)


def opening_place_country(sent) -> str | None:
    """The country of the place a sentence opens with ("In Tehran, ...", "In Moscow, ...")."""
    words = [t for t in sent if not t.is_space][:4]
    if len(words) < 3 or words[0].lower_ != "in" or "," not in [t.text for t in words[2:4]]:
        return None
    return gazetteer.state_of(words[1].text if words[2].text == "," else f"{words[1].text} {words[2].text}")


def _sentence_country(doc: Context, c: Cluster) -> str | None:
    sent = doc.sentence(c.mentions[0])
    hits = [f for f in doc.found if f.type == "COUNTRY" and f.canonical and doc.sentence(f) == sent]
    return hits[0].canonical if hits and sent >= 0 else None


def _main_country(clusters: list[Cluster]) -> str | None:
    counts = Counter({c.canonical: len(c.mentions) for c in clusters if c.type == "COUNTRY" and c.canonical})
    return counts.most_common(1)[0][0] if counts else None


def resolve_epithets(clusters: list[Cluster]) -> list[Cluster]:
    """'the Islamic Republic' is the mentioned country whose official name starts so."""
    out = [c for c in clusters if not (c.type == "COUNTRY" and not c.canonical)]
    counts = {c.canonical: len(c.mentions) for c in out if c.type == "COUNTRY"}
    for c in clusters:
        if c.type != "COUNTRY" or c.canonical:
            continue
        epithet = c.mentions[0].how.split(":", 1)[-1]
        options = gazetteer.epithets().get(epithet, ())
        present = [o for o in options if o in counts]
        choice = max(present, key=lambda o: counts[o]) if present else (options[0] if len(options) == 1 else None)
        if choice is None:
            continue
        target = next((o for o in out if o.type == "COUNTRY" and o.canonical == choice), None)
        why = f"'{c.texts[0]}' is the official style of {choice}, named in the text"
        if target is None:
            c.canonical = choice
            c.evidence.append(why)
            out.append(c)
        else:
            _merge(target, c, why)
    return out


def name_of(c: Cluster) -> str:
    """The canonical name: the known one, else the fullest surface form."""
    if c.canonical:
        return c.canonical
    if c.type == "ORG" and c.body and c.country:
        return _body_name(c)
    texts = [t for t in c.texts if not (_is_acronym(t) and c.type in ("ORG", "LOCATION"))] or c.texts
    if c.type == "LOCATION":
        best = max(texts, key=lambda t: (len(_location_key(t).split()), not t.isupper(), -c.texts.index(t)))
        best = best.title() if best.isupper() and len(best) > 4 else best
        words = best.split()
        while len(words) > 1 and words[-1].lower() in rules().admin_heads:
            words = words[:-1]
        return _without_common_head(" ".join(words))
    if c.type == "WEAPON":
        best = texts[0]
        return best[:-1] if re.search(r"\ds$", best) else best
    return max(texts, key=lambda t: (len(t.split()), len(t), -c.texts.index(t)))


def _without_common_head(name: str) -> str:
    """'Kossei air base' is named Kossei: a head in lower case describes the place, it is not part of
    its name ('Kashan Air Base' keeps it)."""
    for head in sorted((h for h in rules().facility_heads if h.islower()), key=len, reverse=True):
        if name.endswith(" " + head) and name[:-len(head) - 1].strip():
            return name[:-len(head) - 1]
    return name


def _body_name(c: Cluster) -> str:
    """'Iranian Navy' as written; 'Foreign Ministry' of Ukraine becomes 'Ukrainian Foreign Ministry'."""
    qualified = [t for t in c.texts if gazetteer.lookup(t.split()[0]) is not None and len(t.split()) > 1]
    if qualified:
        return max(qualified, key=len)
    demonyms = gazetteer.countries()[c.country].demonyms if c.country in gazetteer.countries() else ()
    adjective = next((d for d in demonyms if not d.endswith("s") or d.endswith("ss")), None)
    return f"{adjective} {c.texts[0]}" if adjective else f"{c.texts[0]} of {c.country}"


PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "around", "across", "via", "off"}
MOTION_WORDS = {"visit", "visits", "visited", "visiting", "trip", "trips", "travel", "travels", "traveled",
                "travelled", "arrive", "arrived", "arrives", "flew", "fly", "flies", "returned", "return",
                "came", "come", "went", "go", "headed", "moved", "sailed", "journey", "tour", "toured", "landed"}

# 'the government in N'Djamena', 'the authorities in Minsk': the capital stands for the state.
SEAT_OF_POWER = {"government", "governments", "authorities", "leadership", "regime", "junta", "rulers",
                 "administration"}


def _place_use(doc: Context, f: Found) -> bool:
    """'arrived in Baku', 'his visit to Baku', 'visited Ankara': the city, not the state.
    Coordinated with another state ('in London and Washington') it is the state."""
    if doc.sdoc is None or f.start < 0:
        return False
    if _dateline_use(doc, f):
        return True
    tok = doc.sdoc[f.start:f.end].root
    if any(c.dep_ == "conj" for c in tok.children) or tok.dep_ == "conj":
        return False
    if f.end < len(doc.sdoc) and doc.sdoc[f.end].text in ("'s", "’s"):
        return False
    prev = doc.sdoc[f.start - 1] if f.start > 0 else None
    while prev is not None and prev.lower_ in rules().compass and prev.i > 0:
        prev = doc.sdoc[prev.i - 1]  # 'in central Chisinau'
    if prev is None:
        return False
    if prev.lower_ in PLACE_PREPOSITIONS:
        return prev.head.lower_ not in SEAT_OF_POWER
    if prev.lower_ == "to" and (prev.head.lower_ in MOTION_WORDS or prev.head.head.lower_ in MOTION_WORDS):
        return True
    return tok.dep_ == "dobj" and tok.head.lower_ in MOTION_WORDS


def _dateline_use(doc: Context, f: Found) -> bool:
    """'LONDON, Oct 7 (...) -' opening the body: the place the story is filed from."""
    sdoc = doc.sdoc
    opens = f.start == 0 or sdoc[f.start - 1].is_space or "\n" in sdoc[f.start - 1].whitespace_
    after = sdoc[f.end].text if f.end < len(sdoc) else ""
    return opens and doc.surface(f).isupper() and after in (",", "(", "—", "–", "-")


def split_place_capitals(doc: Context, clusters: list[Cluster]) -> list[Cluster]:
    """A capital named only as a place in the whole text is that city (LOCATION), not its country."""
    out = []
    for c in clusters:
        out.append(c)
        if c.type != "COUNTRY":
            continue
        by_form: dict[str, list[Found]] = {}
        for m in c.mentions:
            if m.how == "capital":
                by_form.setdefault(doc.surface(m).lower(), []).append(m)
        for ms in by_form.values():
            if not all(_place_use(doc, m) for m in ms):
                continue
            forms = [doc.surface(m) for m in ms]
            form = next((t for t in forms if not t.isupper()), forms[0].title())
            city = Cluster("LOCATION", canonical=form)
            for m in ms:
                m.type = "LOCATION"
                city.add(m, doc.surface(m))
            city.evidence.append(f"'{form}' is named only as a place here, not for {c.canonical}")
            keep = [(m, t) for m, t in zip(c.mentions, c.texts) if m not in ms]
            c.mentions, c.texts = [m for m, _ in keep], [t for _, t in keep]
            out.append(city)
    return [c for c in out if c.mentions]


def resolve(text: str, found: list[Found], sdoc=None) -> list[Cluster]:
    """Group one document's mentions into clusters, one per thing, in order of first mention."""
    doc = Context(text, found, sdoc)
    retype_people_and_places(doc)
    found = doc.found = sorted(found + repeated_names(doc), key=lambda f: f.start_char)
    kept = [f for f in found if f.type in ("PERSON", "ORG", "COUNTRY", "LOCATION", "WEAPON", "EVENT", "OTHER")]
    people = cluster_people(doc, [f for f in kept if f.type == "PERSON"])
    others = list(cluster_by_key(doc, [f for f in kept if f.type != "PERSON"]).values())
    clusters = split_place_capitals(doc, resolve_epithets(others)) + people
    clusters = join_acronyms(doc, clusters)
    clusters = join_short_forms(doc, clusters)
    clusters = resolve_bodies(doc, clusters)
    for c in clusters:
        c.mentions, c.texts = zip(*sorted(zip(c.mentions, c.texts), key=lambda mt: mt[0].start_char)) \
            if c.mentions else ([], [])
        c.mentions, c.texts = list(c.mentions), list(c.texts)
    return sorted(clusters, key=lambda c: c.first)
