"""The event lexicons (data/plover.yaml, modality.yaml, references.yaml) loaded once into lookups.

The YAML files are what a domain expert edits; this module only turns them into
sets and small records so the extraction code reads `lex.verbs["supply"]` rather
than walking nested dictionaries.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..data import load_yaml

CONDITIONS = ("object", "party_object", "armed_object", "particle", "adverb", "modifier", "as_", "joint", "bare", "clause", "subject",
              "toward")


@dataclass(frozen=True)
class Cue:
    """One trigger entry: a lemma that signals a PLOVER type, with its conditions."""

    type: str
    lemma: str
    pos: str  # "verb" or "noun"
    object: tuple[str, ...] = ()
    party_object: bool | str = False  # the object is a party; "named": named as one, not as a place in it
    armed_object: bool = False  # the party helped is an armed group ("backing the M23 rebels" is aid)
    particle: tuple[str, ...] = ()
    adverb: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()  # an amod/compound the word must carry ("military support")
    as_: tuple[str, ...] = ()
    joint: str | bool = False  # True: only when joint; a type name: becomes that type when joint
    reverse: bool = False
    mode: str | None = None
    light: bool = False
    bare: bool = False  # no predicative complement: "called Turkey" is a call, "called Turkey an ally" is not
    clause: str | None = None  # "future" ("warned that X will strike") or "dismissal" ("said the reports were false")
    by_state: str | None = None  # the type it becomes when a state does it (a state's "protest" is ACCUSE)
    planned_only: bool = False  # fires only when said of the future ("will respond"), and is then a present act
    needs_target: bool = False  # only with a named target
    needs_actor: bool = False  # only with a named actor, even for types that may lack one
    records: str | None = None  # the type recorded, parties read as `type` reads them ("share technology with")
    subject: tuple[str, ...] = ()  # the subject (of the verb, or of the verb carrying the noun) is one of these
    toward: tuple[str, ...] = ()  # a place phrase of the verb ends in one of these ("fired a missile into the sea")

    @property
    def specificity(self) -> int:
        """How many conditions the entry carries: the most specific satisfied entry wins."""
        return sum(1 for c in CONDITIONS if getattr(self, c) and not (c == "joint" and isinstance(self.joint, str)))

    @property
    def name(self) -> str:
        return f"{self.type}:{self.pos}:{self.lemma}"


def _cue(etype: str, pos: str, lemma: str, spec: dict | None) -> Cue:
    spec = dict(spec or {})
    if "as" in spec:
        spec["as_"] = spec.pop("as")
    for key in ("object", "particle", "adverb", "modifier", "as_", "subject", "toward"):
        if key in spec:
            spec[key] = tuple(str(v) for v in spec[key])
    return Cue(type=etype, lemma=str(lemma), pos=pos, **spec)


@dataclass
class Lexicon:
    """Trigger words per PLOVER type, argument prepositions and object classes."""

    verbs: dict[str, list[Cue]] = field(default_factory=dict)
    nouns: dict[str, list[Cue]] = field(default_factory=dict)
    symmetric: set[str] = field(default_factory=set)
    local_actors: frozenset[str] = frozenset()
    provoking: frozenset[str] = frozenset()  # hostile acts an untargeted threat answers
    mutual: frozenset[str] = frozenset()  # types two joint subjects do to each other ("A and B freed prisoners")
    threat_modes: dict[str, str] = field(default_factory=dict)
    actorless: frozenset[str] = frozenset()
    requires_target: frozenset[str] = frozenset()
    place_targets: frozenset[str] = frozenset()
    owner_targets: frozenset[str] = frozenset()  # hostile acts on a party's weapons hit that party
    target_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    location_preps: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    planning_verbs: frozenset[str] = frozenset()  # "preparing sanctions": light for a noun, the event planned
    joint_words: frozenset[str] = frozenset()
    objects: dict[str, frozenset[str]] = field(default_factory=dict)
    generic_objects: frozenset[str] = frozenset()
    object_modes: dict[str, str] = field(default_factory=dict)
    handler_nouns: frozenset[str] = frozenset()  # "drone operators": people, named by what they handle
    beneficiary_verbs: frozenset[str] = frozenset()  # "a loan to help Kenya rebuild": Kenya receives
    undergo_verbs: frozenset[str] = frozenset()  # "Kenya faces sanctions from X": the subject is the target
    culprit_preps: frozenset[str] = frozenset()  # "X was behind the attack": the subject is the actor
    culprit_adjectives: frozenset[str] = frozenset()  # "X was responsible for the attack"
    culprit_nouns: frozenset[str] = frozenset()  # "X claimed responsibility for the attack"
    joining_verbs: frozenset[str] = frozenset()  # "X joined Y in sanctioning Z": both act
    clause_targets: frozenset[str] = frozenset()  # "demanded that X release ...": X is the target

    def preps_for(self, etype: str) -> frozenset[str]:
        return self.target_preps.get(etype, self.target_preps["default"])

    def classes_of(self, words) -> set[str]:
        """The object classes any of `words` (lower-cased lemmas) belongs to."""
        words = set(words)
        return {name for name, members in self.objects.items() if words & members}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    spec = load_yaml("plover.yaml")
    lex = Lexicon()
    for etype, body in spec["types"].items():
        if body.get("symmetric"):
            lex.symmetric.add(etype)
        for pos, table in (("verb", lex.verbs), ("noun", lex.nouns)):
            for lemma, conds in (body.get(pos + "s") or {}).items():
                for cond in conds if isinstance(conds, list) else [conds]:
                    table.setdefault(str(lemma), []).append(_cue(etype, pos, lemma, cond))
    lex.target_preps = {k: frozenset(v) for k, v in spec["target_preps"].items()}
    lex.actorless = frozenset(spec["actorless"])
    lex.local_actors = frozenset(spec["local_actors"])
    lex.provoking = frozenset(spec.get("provoking_types", ()))
    lex.mutual = frozenset(spec.get("mutual_types", ()))
    lex.threat_modes = dict(spec["threat_modes"])
    lex.requires_target = frozenset(spec["requires_target"])
    lex.place_targets = frozenset(spec["place_targets"])
    lex.owner_targets = frozenset(spec.get("owner_targets") or ())
    lex.location_preps = frozenset(spec["location_preps"])
    lex.light_verbs = frozenset(spec["light_verbs"])
    lex.planning_verbs = frozenset(spec.get("planning_verbs") or ())
    lex.joint_words = frozenset(spec["joint_words"])
    lex.objects = {k: frozenset(str(w) for w in v) for k, v in spec["objects"].items()}
    lex.generic_objects = frozenset(spec["generic_objects"])
    lex.object_modes = dict(spec["object_modes"])
    lex.beneficiary_verbs = frozenset(spec.get("beneficiary_verbs") or ())
    lex.handler_nouns = frozenset(spec.get("handler_nouns") or ())
    lex.undergo_verbs = frozenset(spec.get("undergo_verbs") or ())
    lex.culprit_preps = frozenset(spec.get("culprit_preps") or ())
    lex.culprit_adjectives = frozenset(spec.get("culprit_adjectives") or ())
    lex.culprit_nouns = frozenset(spec.get("culprit_nouns") or ())
    lex.joining_verbs = frozenset(spec.get("joining_verbs") or ())
    lex.clause_targets = frozenset(spec.get("clause_targets") or ())
    return lex


@lru_cache(maxsize=1)
def giving_verbs() -> frozenset[str]:
    """Verbs that give (AID verbs that are not received): "supplied drones to Russia for its war"."""
    return frozenset(lemma for lemma, cues in lexicon().verbs.items()
                     if any(c.type == "AID" and not c.reverse for c in cues))


@dataclass(frozen=True)
class Frames:
    """Modality cues (data/modality.yaml) as sets of lemmas."""

    report_verbs: frozenset[str]
    allege_verbs: frozenset[str]
    accuse_frames: frozenset[str]
    deny_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    holding_verbs: frozenset[str]
    hedge_sources: frozenset[str]
    hedges: frozenset[str]
    hedge_passives: frozenset[str]
    future_aux: frozenset[str]
    intent_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    intent_nouns: frozenset[str]
    intent_modifiers: frozenset[str]
    negations: frozenset[str]
    conditionals: frozenset[str]
    absorbing_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    topic_nouns: frozenset[str]
    absorbing_types: frozenset[str]
    speech_acts: frozenset[str]
    told_acts: frozenset[str] = frozenset()
    continuing_verbs: frozenset[str] = frozenset()
    citing_verbs: frozenset[str] = frozenset()
    telling_verbs: frozenset[str] = frozenset()
    anonymous_modifiers: frozenset[str] = frozenset()
    participation_verbs: frozenset[str] = frozenset()
    victim_claims: frozenset[str] = frozenset()
    dismissive_words: frozenset[str] = frozenset()
    labelling_verbs: frozenset[str] = frozenset()
    clausal_report_verbs: frozenset[str] = frozenset()
    outsider_nouns: frozenset[str] = frozenset()
    receptive_adjectives: frozenset[str] = frozenset()
    involvement_nouns: frozenset[str] = frozenset()
    confirm_verbs: frozenset[str] = frozenset()
    withholding_verbs: frozenset[str] = frozenset()
    possible_aux: frozenset[str] = frozenset()
    outsider_modifiers: frozenset[str] = frozenset()
    grievance_words: frozenset[str] = frozenset()
    grievance_preps: frozenset[str] = frozenset()
    time_marks: frozenset[str] = frozenset()
    setting_preps: frozenset[str] = frozenset()
    truth_words: frozenset[str] = frozenset()
    statement_nouns: frozenset[str] = frozenset()
    answering_verbs: frozenset[str] = frozenset()
    pursuit_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def frames() -> Frames:
    spec = load_yaml("modality.yaml")
    return Frames(**{name: frozenset(str(w) for w in spec.get(name, ())) for name in Frames.__dataclass_fields__})


@dataclass(frozen=True)
class References:
    """Words standing for parties named elsewhere (data/references.yaml)."""

    pair_nouns: dict[str, frozenset[str]]
    pair_determiners: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    own_country_nouns: frozenset[str]
    agent_nouns: frozenset[str]
    container_nouns: frozenset[str]
    located_nouns: frozenset[str]
    seats: dict[str, str] = field(default_factory=dict)
    home_nouns: frozenset[str] = frozenset()
    state_body_nouns: frozenset[str] = frozenset()
    kind_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    frontier_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    state_organ_words: frozenset[str] = frozenset()
    force_nouns: frozenset[str] = frozenset()
    peer_titles: frozenset[str] = frozenset()
    owned_nouns: frozenset[str] = frozenset()
    force_name_words: frozenset[str] = frozenset()
    posted_nouns: frozenset[str] = frozenset()
    placed_nouns: frozenset[str] = frozenset()
    making_participles: frozenset[str] = frozenset()
    armed_nouns: frozenset[str] = frozenset()
    epithet_heads: frozenset[str] = frozenset()
    epithet_members: dict[str, frozenset[str]] = field(default_factory=dict)
    epithet_qualifiers: dict[str, frozenset[str]] = field(default_factory=dict)

    def located(self, token) -> bool:
        """A noun for a place things are in ("bases in Chad": by its form too, as "bases" lemmatises to "basis")."""
        return token.lemma_.lower() in self.located_nouns or token.lower_ in self.located_nouns

    @cached_property
    def state_organs(self) -> frozenset[str]:
        """Words that make an organisation's name an organ of a state ("Ministry", "Forces", "Army")."""
        return self.state_organ_words | self.home_nouns | self.state_body_nouns

    def pronoun_kind(self, word: str) -> str | None:
        word = word.lower()
        return next((kind for kind, words in self.pronouns.items() if word in words), None)


def _country_sets(spec: dict) -> dict[str, frozenset[str]]:
    """Country lists by name, with "+other" entries replaced by the countries listed under `other`
    (in this table, or in `epithet_members`)."""
    members = load_yaml("references.yaml").get("epithet_members") or {}

    def expand(name: str, seen: frozenset[str] = frozenset()) -> set[str]:
        out = set()
        for item in spec.get(name) or members.get(name) or ():
            item = str(item)
            if item.startswith("+") and item[1:] not in seen:
                out |= expand(item[1:], seen | {name})
            elif not item.startswith("+"):
                out.add(item)
        return out
    return {str(k): frozenset(expand(str(k))) for k in spec}


@lru_cache(maxsize=1)
def references() -> References:
    spec = load_yaml("references.yaml")
    return References(
        pair_nouns={k: frozenset(v) for k, v in spec["pair_nouns"].items()},
        pair_determiners=frozenset(spec["pair_determiners"]),
        pronouns={k: frozenset(v) for k, v in spec["pronouns"].items()},
        own_country_nouns=frozenset(spec["own_country_nouns"]),
        agent_nouns=frozenset(spec["agent_nouns"]),
        container_nouns=frozenset(spec["container_nouns"]),
        located_nouns=frozenset(spec["located_nouns"]),
        seats={str(k).lower(): str(v) for k, v in (spec.get("seats") or {}).items()},
        home_nouns=frozenset(spec.get("home_nouns") or ()),
        state_body_nouns=frozenset(spec.get("state_body_nouns") or ()),
        frontier_nouns=frozenset(spec.get("frontier_nouns") or ()),
        group_nouns=frozenset(spec.get("group_nouns") or ()),
        state_organ_words=frozenset(spec.get("state_organ_words") or ()),
        force_nouns=frozenset(spec.get("force_nouns") or ()),
        peer_titles=frozenset(spec.get("peer_titles") or ()),
        force_name_words=frozenset(spec.get("force_name_words") or ()),
        posted_nouns=frozenset(spec.get("posted_nouns") or ()),
        placed_nouns=frozenset(spec.get("placed_nouns") or ()),
        making_participles=frozenset(spec.get("making_participles") or ()),
        owned_nouns=frozenset(spec.get("owned_nouns") or ()),
        armed_nouns=frozenset(spec.get("armed_nouns") or ()),
        epithet_heads=frozenset(spec.get("epithet_heads") or ()),
        epithet_members=_country_sets(spec.get("epithet_members") or {}),
        epithet_qualifiers=_country_sets(spec.get("epithet_qualifiers") or {}),
        kind_nouns={str(k): frozenset(str(n).lower() for n in v) for k, v in (spec.get("kind_nouns") or {}).items()},
    )
