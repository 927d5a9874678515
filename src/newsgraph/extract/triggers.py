"""Trigger words: the verbs and nouns of data/plover.yaml whose conditions hold in the sentence.

A word may carry several entries ("receive" a delegation is CONSULT, "receive"
drones is AID); each entry's conditions are checked against the parse and the
most specific satisfied entry wins. No entry, no event: there is no default type.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..resolve import gazetteer
from .lexicon import Cue, frames
from .modality import dismissed_claim
from .roles import STOPPED, Arguments, Reader, generic, prep_objects, subject

VERB_POS = frozenset({"VERB"})
PREDICATIVE = frozenset({"oprd", "xcomp", "ccomp", "acomp", "attr"})
NOUN_POS = frozenset({"NOUN"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})


@dataclass
class Match:
    """A trigger token, the lexicon entry it matched, its final type and arguments."""

    token: object
    cue: Cue
    type: str
    args: Arguments


def lemma_of(token) -> str:
    """The token's lemma, joined with a hyphenated prefix ("test-fire") when there is one."""
    lemma = (token.lemma_ or token.lower_).lower()
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ \
            and not doc[token.i - 1].whitespace_:
        return doc[token.i - 2].lower_ + "-" + lemma
    return lemma


def cues_for(token, reader: Reader) -> list[Cue]:
    table = reader.lex.verbs if token.pos_ in VERB_POS else reader.lex.nouns if token.pos_ in NOUN_POS else None
    if table is None:
        return []
    lemma = lemma_of(token)
    return table.get(lemma) or ([] if "-" not in lemma else table.get(lemma.split("-")[-1], []))


def find(sent, reader: Reader) -> list[Match]:
    """Every trigger in `sent` with the entry that fits it best."""
    out = []
    for token in sent:
        cues = cues_for(token, reader)
        if cues:
            match = choose(token, cues, reader)
            if match is not None:
                out.append(match)
    return out


def choose(token, cues: list[Cue], reader: Reader) -> Match | None:
    """The satisfied entry with a complete event first, then the most specific one."""
    best, best_rank = None, None
    for cue in cues:
        args = reader.verb(token, cue) if cue.pos == "verb" else reader.noun(token, cue)
        if not satisfied(token, cue, args, reader):
            continue
        etype = cue.joint if isinstance(cue.joint, str) and is_joint(token, args, reader) else cue.type
        if etype != cue.type:  # a joint drill: read its parties as COOPERATE reads them
            args = reader.noun(token, replace(cue, type=etype)) if cue.pos == "noun" else reader.verb(
                token, replace(cue, type=etype))
        if cue.by_state and args.named_actor and any(reader.parties.kind(a) == "COUNTRY" for a in args.actors):
            etype = cue.by_state
        etype = cue.records or etype
        rank = (etype not in reader.lex.requires_target or has_party(args.targets, reader.parties), cue.specificity)
        if best_rank is None or rank > best_rank:
            best, best_rank = Match(token, cue, etype, args), rank
    return best


def has_party(keys: list[str], parties) -> bool:
    """Whether a target is a party or a place in a known country: "sent a carrier to the eastern
    Mediterranean" gives no one anything."""
    return any(parties.kind(k) != "LOCATION" or parties.country_of(k) for k in keys)


def unnamed_party_object(token, reader: Reader) -> bool:
    """ "denied arming any group in Sudan", "has not armed either side": an object that is a party,
    though none in particular (a denial then answers the one alleged)."""
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return obj is not None and generic(obj) and (obj.lemma_.lower() in reader.parties.refs.agent_nouns
                                                 or obj.lemma_.lower() in reader.parties.refs.pair_nouns["COUNTRY"])


def satisfied(token, cue: Cue, args: Arguments, reader: Reader) -> bool:
    """Whether every condition of `cue` holds for this token and its arguments."""
    if cue.object and not set(cue.object) & args.object_classes:
        return False
    if cue.object and "weapon" in cue.object and carried_event(token, reader):
        return False
    if cue.pos == "verb" and not cue.object and carries_agreement(token, cue, reader):
        return False  # "struck a deal": the deal is the event, no strike
    if cue.party_object and "target=object" not in args.how and not unnamed_party_object(token, reader):
        return False
    if cue.armed_object and not armed_object(token, args, reader):
        return False
    if cue.reverse and cue.type == "ASSAULT" and STOPPED not in args.how:
        return False  # weapons stopped, but no one named who sent them: read as the shooter's act, if at all
    if cue.party_object == "named" and any(c.dep_ == "dobj" and is_place(c, reader) for c in token.children):
        return False  # "Russian missiles reached Kyiv": a strike on the city, not arms for Ukraine
    if cue.particle and not any(c.dep_ in ("prt", "prep", "agent") and c.lower_ in cue.particle
                                for c in token.children):
        return False
    if cue.adverb and not any(c.dep_ == "advmod" and c.lower_ in cue.adverb for c in token.children):
        return False
    if cue.modifier and not any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in cue.modifier
                                for c in token.children):
        return False
    if cue.as_ and not any(c.dep_ in PREDICATIVE or c.dep_ == "prep" and c.lower_ == "as"
                           for c in as_phrases(token) if any(t.lemma_.lower() in cue.as_ for t in phrase_words(c))):
        return False
    if cue.bare and any(c.dep_ in PREDICATIVE for c in token.children):
        return False
    if cue.toward and not any(p.lemma_.lower() in cue.toward
                              for p in prep_objects(token, reader.lex.location_preps | {"toward", "towards"})):
        return False
    if cue.subject and not subject_is(token, cue, args):
        return False
    if cue.clause == "dismissal" and dismissed_claim(token) is None:
        return False
    if cue.clause == "future" and not any(c.dep_ == "ccomp" and future_clause(c) and not others_act(c, args, reader)
                                          for c in token.children):
        return False
    return not (cue.joint is True and not is_joint(token, args, reader))


def armed_object(token, args: Arguments, reader: Reader) -> bool:
    """ "denied backing the M23 rebels", "Iran's support to the Houthis": the party helped is an armed
    group (one listed as such, or named or called by an armed group's word), so the help is material."""
    words = reader.parties.refs.armed_nouns
    if any(reader.parties.armed_group(k) for k in args.targets):
        return True
    named = (reader.parties.entities.get(k) for k in args.targets)
    if any(e is not None and e.type == "ORG" and set(e.name.lower().split()) & words for e in named):
        return True
    helped = [c for c in token.children if c.dep_ == "dobj"] + prep_objects(token, {"to", "for", "of"})
    return any(h.lemma_.lower() in words for h in helped)


def carried_event(verb, reader: Reader) -> bool:
    """ "agreed to launch production of air defence systems": a light verb whose object is an event noun
    carries that event; the weapons named in it do not make the verb a weapon's act of its own.
    ("Lodged a protest" still is one: its entry asks for a grievance, not a weapon.)"""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in reader.lex.light_verbs:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.lemma_.lower() in reader.lex.nouns and not reader.is_weapon(obj)


def carries_agreement(verb, cue: Cue, reader: Reader) -> bool:
    """ "struck a deal", "forged an agreement": a light verb carrying an agreement, which is the
    event, not one of the verb's own type."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and carried_event(verb, reader) and "agreement" in reader.classes(obj) \
        and cue.type not in {c.type for c in reader.lex.nouns.get(obj.lemma_.lower(), [])}


def is_place(token, reader: Reader) -> bool:
    """A place named as one: a city, or a capital (which elsewhere may stand for its state)."""
    hit = gazetteer.lookup(token.text)
    return reader.parties.kind(reader.parties.at(token)) == "LOCATION" or bool(hit) and hit[1] == "capital"


def as_phrases(token) -> list:
    """The verb's own complements, and an "as" phrase the model hung on its object ("described the
    accusations as lies")."""
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return list(token.children) + [c for c in (obj.children if obj is not None else ()) if c.lower_ == "as"]


def phrase_words(token) -> list:
    """The words of `token`'s phrase, without its clauses ("an exercise that posed no threat" is no threat)."""
    out, todo = [], [token]
    while todo:
        cur = todo.pop()
        out.append(cur)
        todo += [c for c in cur.children if c.dep_ not in CLAUSE_DEPS]
    return out


def subject_is(token, cue: Cue, args: Arguments) -> bool:
    """ "dock workers went on strike": the doer (the verb's subject, or that of the verb carrying
    the noun) is one of `cue.subject`."""
    verb = token if cue.pos == "verb" else args.governor
    subj = subject(verb) if verb is not None else None
    if subj is None:
        return False
    heads = [t for t in subj.subtree if t.dep_ in ("compound", "amod") or t.i == subj.i]
    words = {w for t in heads for w in (t.lemma_.lower(), t.lower_, t.lower_.removesuffix("s"))}
    return bool(words & set(cue.subject))


def future_clause(verb) -> bool:
    """ "(warned) that Washington will target ...": a clause whose verb carries a future auxiliary."""
    cues = frames()
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return any(c.dep_ == "aux" and c.lower_ in cues.future_aux for c in verb.children)
    return any(c.dep_ == "aux" and c.lower_ in cues.future_aux | cues.possible_aux for c in verb.children)


def others_act(clause, args: Arguments, reader: Reader) -> bool:
    """ "warned that Russia could help Iran": a third party's future act is a claim, not a threat;
    "warned that Kenya would pay a heavy price" (no act of Kenya's) still is."""
    doers = reader.of(subject(clause))
    if not doers or not cues_for(clause, reader):  # "would pay a heavy price", "would face sanctions"
        return False
    return not any(reader.parties.same_side(d, a) for d in doers for a in args.actors)


# A party met "around", "near" or "against" a drill is faced, not a partner in it.
FACING_PREPS = frozenset({"around", "near", "toward", "towards", "against", "along", "off", "at"})


def is_joint(token, args: Arguments, reader: Reader) -> bool:
    """Two parties acting together, or a "joint"/"jointly" modifier on the trigger or its object."""
    words = reader.lex.joint_words
    near = list(token.children) + ([token.head] + list(token.head.children) if token.dep_ == "compound" else [])
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is not None:
        near += list(obj.children)
    if any(t.lower_ in words for t in near):
        return True
    facing = any(h.split("target=prep ", 1)[1].split()[0] in FACING_PREPS for h in args.how if "target=prep " in h)
    lifted = {reader.parties.lift(k) for k in args.actors + ([] if facing else args.targets)}
    return len(lifted) >= 2
