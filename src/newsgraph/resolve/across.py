"""Link each document's local entities to corpus entities, incrementally, recording why.

A local entity is looked up by its keys (resolve/keys.py) among the entities of
its type:
1. a strong key (name, multi-word alias, acronym, squashed spelling, national
   body of a country) links on sight, unless the two disagree on country;
2. else a person known only by a surname links to the one person of that
   surname (and compatible country) the corpus knows;
3. else names in the same sound-alike block are compared with rapidfuzz and
   linked when close enough and the countries agree ("Mahdi"/"Mehdi Farahani");
4. else a new entity is made.
Every link stores its reason, shown by `newsgraph entity NAME`. A document's
entities are linked with a handful of queries: one look-up of all their keys,
then bulk inserts. The same documents in the same order give the same ids;
analysts' merges, splits and renames move keys and names, so new documents
follow them.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import Analysis, LocalEntity
from ..store import Writer
from . import keys as k

# A blocking key (surname, sound-alike block) shared by more entities than this names no one in
# particular: "Kim" or "Nguyen" alone cannot pick a person out of thousands. Dropping such keys
# keeps the cost of linking a document flat as the corpus grows.
MAX_BLOCK = 20
PERSON_SIMILARITY = 88  # rapidfuzz ratio of folded full names
ORG_SIMILARITY = 92


@dataclass
class Choice:
    entity: dict | None
    reason: str


@dataclass
class Index:
    """Stored keys of the candidate entities of one document, kept current as entities are made."""

    by_key: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    entities: dict[str, dict] = field(default_factory=dict)
    too_common: set[tuple[str, str]] = field(default_factory=set)  # blocking keys over MAX_BLOCK

    def add(self, key: str, etype: str, entity_id: str) -> None:
        ids = self.by_key[(key, etype)]
        if entity_id not in ids:
            ids.append(entity_id)

    def candidates(self, keys: set[str], etype: str) -> list[dict]:
        """Entities of type `etype` reachable from `keys`, oldest first, with the keys that matched."""
        matched: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            if (key, etype) in self.too_common:
                continue
            for eid in self.by_key.get((key, etype), ()):
                matched[eid].add(key)
        out = [self.entities[e] | {"matched": m} for e, m in matched.items() if e in self.entities]
        return sorted(out, key=lambda r: r["seq"])


def _agree(cand: dict, country_id: str | None) -> bool:
    return not (country_id and cand.get("country_id") and cand["country_id"] != country_id)


def _strong(index: Index, local: LocalEntity, country_id: str | None) -> Choice | None:
    strong = k.strong_keys(local)
    cands = [c for c in index.candidates(strong, local.type) if _agree(c, country_id)]
    if not cands:
        return None
    exact = k.name_keys(local.name) | {x for x in strong if x.startswith(("q:", "body:"))}
    by_name = [c for c in cands if c["matched"] & exact]
    chosen = (by_name or cands)[0]
    shared = sorted(x.split(":", 1)[1] for x in chosen["matched"])
    how = "same name" if by_name else "shared name"
    return Choice(chosen, f"{how} {', '.join(repr(s) for s in shared[:3])}")


def _surname(index: Index, local: LocalEntity, country_id: str | None) -> Choice | None:
    if local.type != "PERSON" or len(local.name.split()) > 1:
        return None
    cands = [c for c in index.candidates({"s:" + k.norm(local.name)}, "PERSON") if _agree(c, country_id)]
    if len(cands) == 1:
        return Choice(cands[0], f"'{local.name}' is the surname of {cands[0]['name']!r}, the only such person")
    return None


def _fuzzy(index: Index, local: LocalEntity, country_id: str | None) -> Choice | None:
    weak = {x for x in k.weak_keys(local) if x.startswith("b:")}
    if not weak or local.type not in ("PERSON", "ORG") or len(local.name.split()) < 2:
        return None
    floor = PERSON_SIMILARITY if local.type == "PERSON" else ORG_SIMILARITY
    best, best_score = None, 0.0
    for cand in index.candidates(weak, local.type):
        if not _agree(cand, country_id) or len(cand["name"].split()) < 2:
            continue
        score = fuzz.ratio(k.folded_name(local.name), k.folded_name(cand["name"]))
        if score >= floor and score > best_score:
            best, best_score = cand, score
    if best is None:
        return None
    return Choice(best, f"spelling variant of {best['name']!r} (similarity {best_score / 100:.2f}, same type, "
                        f"no country conflict)")


def choose(index: Index, local: LocalEntity, country_id: str | None) -> Choice:
    """The corpus entity `local` is, with the reason; entity None means a new one."""
    for rule in (_strong, _surname, _fuzzy):
        found = rule(index, local, country_id)
        if found is not None:
            return found
    return Choice(None, "new entity")


def _fuller(entity: dict, local: LocalEntity) -> bool:
    """'Mohammad Bagheri' after 'Bagheri', an expansion after an acronym: a better canonical name."""
    have, new = entity["name"].lower().split(), local.name.lower().split()
    if entity.get("locked_name") or local.type not in ("PERSON", "ORG"):
        return False
    return len(new) > len(have) and new[-len(have):] == have or k.is_acronym(entity["name"]) and not k.is_acronym(local.name)


class Linker:
    """Links the local entities of one document inside the writer's transaction."""

    def __init__(self, writer: Writer, doc_id: str, analysis: Analysis):
        self.writer, self.doc_id = writer, doc_id
        self.locals = sorted(analysis.entities, key=lambda e: e.type != "COUNTRY")
        self.index = Index()
        self.next_seq: int | None = None
        self.new_entities: list[dict] = []
        self.keys: dict[str, tuple[str, set[str]]] = {}  # entity id -> (type, keys to have)
        self.aliases: dict[str, list[str]] = defaultdict(list)
        self.rows: dict[str, list[dict]] = defaultdict(list)

    def load(self) -> None:
        strong, weak = set(), set()
        for local in self.locals:
            strong |= k.strong_keys(local)
            weak |= k.weak_keys(local)
            if local.country:
                strong |= k.name_keys(local.country)
        blocks = self.writer.key_matches(weak - strong, MAX_BLOCK + 1)
        counts = Counter((key, etype) for key, etype, _ in blocks)
        self.index.too_common = {kt for kt, n in counts.items() if n > MAX_BLOCK}
        matches = self.writer.key_matches(strong) + [m for m in blocks if m[:2] not in self.index.too_common]
        self.index.entities = self.writer.entities_by_id({eid for _, _, eid in matches})
        for key, etype, eid in matches:
            self.index.add(key, etype, eid)

    def create(self, name: str, etype: str, country_id: str | None) -> str:
        if self.next_seq is None:
            self.next_seq = self.writer.next_entity_seq()
        seq, self.next_seq = self.next_seq, self.next_seq + 1
        eid = self.writer.new_entity_id(seq, name, etype, taken={r["id"] for r in self.new_entities})
        row = {"seq": seq, "id": eid, "name": name, "type": etype, "country_id": country_id, "locked_name": 0}
        self.new_entities.append(row)
        self.index.entities[row["id"]] = row
        return row["id"]

    def remember(self, eid: str, etype: str, keys: set[str]) -> None:
        have = self.keys.setdefault(eid, (etype, set()))[1]
        have |= keys
        for key in keys:
            self.index.add(key, etype, eid)

    def country_id(self, name: str | None) -> str | None:
        """The corpus entity of a country named as someone's affiliation, created if new."""
        if not name:
            return None
        found = self.index.candidates(k.name_keys(name), "COUNTRY")
        eid = found[0]["id"] if found else self.create(name, "COUNTRY", None)
        self.remember(eid, "COUNTRY", k.name_keys(name))
        return eid

    def link_one(self, local: LocalEntity) -> str:
        country_id = self.country_id(local.country) if local.type in ("PERSON", "ORG") else None
        choice = choose(self.index, local, country_id)
        if choice.entity is None:
            eid = self.create(local.name, local.type, country_id)
        else:
            eid = choice.entity["id"]
            self.upgrade(choice.entity, local, country_id)
        self.remember(eid, local.type, k.strong_keys(local) | k.weak_keys(local))
        self.aliases[eid] += local.aliases
        self.rows["entity_roles"] += [{"entity_id": eid, "role": r, "country": local.country, "doc_id": self.doc_id}
                                      for r in local.roles]
        self.rows["entity_links"].append({"entity_id": eid, "doc_id": self.doc_id, "local_key": local.key,
                                          "local_name": local.name, "reason": "; ".join([choice.reason] + local.evidence)})
        self.rows["mentions"] += [{"doc_id": self.doc_id, "entity_id": eid, "local_key": local.key,
                                   "start": m.start, "end": m.end, "text": m.text} for m in local.mentions]
        return eid

    def upgrade(self, entity: dict, local: LocalEntity, country_id: str | None) -> None:
        values = {}
        if country_id and not entity.get("country_id"):
            values["country_id"] = entity["country_id"] = country_id
        if _fuller(entity, local):
            values["name"] = entity["name"] = local.name
        if values and entity in self.new_entities:
            return
        if values:
            self.writer.update_entity(entity["id"], **values)

    def flush(self) -> None:
        """Write what linking decided: new entities, new keys and aliases, roles, links and mentions."""
        w = self.writer
        w.insert_many("entities", self.new_entities)
        known = {eid for eid in self.keys if eid not in {e["id"] for e in self.new_entities}}
        have_keys, have_aliases = w.keys_and_aliases(known)
        w.insert_many("entity_keys", [{"key": key, "type": etype, "entity_id": eid}
                                      for eid, (etype, keys) in self.keys.items()
                                      for key in sorted(keys - have_keys.get(eid, set())) if key])
        w.insert_many("entity_aliases", [{"entity_id": eid, "alias": a} for eid, aliases in self.aliases.items()
                                         for a in dict.fromkeys(aliases) if a not in have_aliases.get(eid, set())])
        for table in ("entity_roles", "entity_links"):
            w.insert_many(table, self.rows[table])
        w.add_mentions(self.rows["mentions"])

    def run(self) -> dict[str, str]:
        self.load()
        ids = {local.key: self.link_one(local) for local in self.locals}
        self.flush()
        return ids


def link(writer: Writer, doc_id: str, analysis: Analysis) -> dict[str, str]:
    """Map each local entity key to a corpus entity id, creating entities as needed."""
    return Linker(writer, doc_id, analysis).run()
