"""Targets an event's own clause leaves out but its context gives.

Some events lack a target the text names nearby: "Kenya carried out strikes in
Somali towns" hits Somalia (filled before claims are linked, `prefill`); "Ankara
denied the account" answers whoever accused Ankara a sentence before (after, `aim`).
Each rule only fills an empty target and records itself in the event's rule.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .claims import ANAPHORS, rejudge
from .lexicon import frames
from .roles import child, direct_object, listed, prep_objects
from .triggers import lemma_of

if TYPE_CHECKING:
    from .events import EventReader, Found

ANSWER_BACK = 2  # sentences searched for the accusation a rejection answers (further back, it answers no one named)
ALLEGED_BACK = 1  # the same for an act alleged by a source, a weaker sign of who claimed
ADDRESSING_PREPS = frozenset({"on", "upon", "to"})  # "called on all sides", "appealed to the public"
CONDEMNED_PREPS = frozenset({"over", "about", "at", "of"})
DERIVING_SUFFIXES = frozenset({"ing", "ment", "s", "al"})  # the act's noun from its verb ("shelling", "deployment")
SIDE_BY_SIDE = frozenset({"COOPERATE", "CONSULT", "AGREE"})  # both parties did it ("joint drills by A and B")
CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "parataxis", "appos", "conj"})


@lru_cache(maxsize=1)
def answered_nouns() -> frozenset[str]:
    """Objects that make "rejected the <noun>" an answer to someone's claim ("denied any involvement" too)."""
    return frozenset(frames().claim_nouns) | frozenset(frames().involvement_nouns) | listed("answered_nouns")


def prefill(found: list[Found], reader: EventReader) -> list[Found]:
    """Before claims are linked (so that a denial copies the completed act): the targets of
    attacks, demands and warnings the sentence gives around them."""
    extra: list[Found] = []
    untargeted = {id(f) for f in found if f.event.target is None}
    for f in found:
        if f.event.actor is None and f.event.target is not None:
            arm_the_receiver(f, found)
        if f.pending and f.event.type in listed("hosted_types") and f.match.cue.mode == "visit":
            aim_at_host(f, reader)
        if f.event.type == "AGREE" and f.event.target is None and f.event.actor is not None:
            aim_deal_at_partner(f, found, reader.parties)
        if f.event.target is not None or f.event.actor is None or f.pending:  # pending: completed from an earlier act, or dropped
            continue
        if f.event.type in listed("addressed_types"):
            aim_at_addressee(f, reader.parties)
        elif f.event.type in listed("place_aimed_types"):
            aim_at_place(f, reader.parties)
            if f.event.target is None:
                aim_at_accuser(f, reader.parties)
        if f.event.target is None and f.event.type in listed("answering_types"):
            extra += aim_at_provocation(f, reader.parties)
    for f in found:  # "the delegation arrived in Moscow, the Russian ministry said": Russia is a party after all
        if id(f) in untargeted and f.event.target is not None and f.event.modality == "alleged":
            rejudge(f, reader.parties)
    return found + extra


def aim_deal_at_partner(f: Found, found: list[Found], parties) -> None:
    """ "Israel signed a contract to buy 14 F-35s from the United States": the deal is with the
    other party of the transfer it is signed for."""
    trigger = f.match.token
    # "finalizing a deal to buy": the clause of the verb that carries the deal
    clause = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger
    inside = {t.i for t in clause.subtree}
    for o in found:
        ev = o.event
        if o.sent != f.sent or ev.type != "AID" or o.match.token.i not in inside or not (ev.actor and ev.target):
            continue
        sides = [k for k in (ev.actor, ev.target) if not parties.same_side(k, f.event.actor)]
        if len(sides) == 1 and len({ev.actor, ev.target}) == 2:
            f.event.target = sides[0]
            f.event.rule += f"; target: the other party of the {o.match.token.lower_}"
            f.pending = False  # who speaks is judged again with the other targets found here (prefill)
            return


def arm_the_receiver(f: Found, found: list[Found]) -> None:
    """ "provided Moscow with drones that have been used to hit targets in Ukraine": whoever was
    given the weapons is who used them."""
    node, described = f.match.token, False
    for _ in range(8):
        if node.head.i == node.i:
            return
        described = described or node.dep_ in ("relcl", "acl")
        node = node.head
        giver = next((o for o in found if o.sent == f.sent and o.match.token.i == node.i and o.event.type == "AID"
                      and o.event.target and o.event.target != f.event.target), None)
        if giver is not None:
            if described:
                f.event.actor = giver.event.target
                f.event.rule += "; actor: who was given the weapons"
            return


def aim(found: list[Found], reader: EventReader) -> list[Found]:
    """After claims are linked: rejections answer the claim made against their side, condemnations
    and praise the act they judge. Requests no one is asked to grant, and repeats, are dropped."""
    extra: list[Found] = []
    for f in found:
        if f.event.target is not None or not f.event.actor:
            continue
        if f.event.type == "REJECT" and answers_claim(f.match.token):
            aim_rejection(f, found, reader.parties)
        elif f.event.type in listed("judging_types"):
            extra += aim_at_judged(f, found, reader.parties)
    found = found + extra
    return [f for f in found if not unaddressed(f) and not shadowed(f, found) and not restated_denial(f)]


def restated_denial(f: Found) -> bool:
    """ "rejected the reports, calling them a fabrication", "rejected what it called absurd rumours":
    a labelling that only colours a denial already made is no second denial."""
    if f.event.type != "REJECT" or not f.match.cue.as_:
        return False
    token = f.match.token
    if f.event.modality == "denied" or any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in token.children):
        return True
    deny = frames().deny_verbs
    return token.dep_ in ("advcl", "relcl", "ccomp", "conj", "xcomp") and token.head.lemma_.lower() in deny \
        or token.head.dep_ in ("dobj", "pobj") and token.head.head.lemma_.lower() in deny


def shadowed(f: Found, found: list[Found]) -> bool:
    """ "lodged a formal protest with Pakistan": the verb's event (ACCUSE, aimed at Pakistan) already
    tells it; the untargeted event of its object noun is the same act told again."""
    verb = f.match.args.governor
    return f.match.cue.pos == "noun" and f.event.target is None and verb is not None and any(
        o is not f and o.match.token.i == verb.i and o.sent == f.sent and o.event.actor == f.event.actor
        and o.event.target is not None for o in found)


def unaddressed(f: Found) -> bool:
    """ "called for calm", "demanded an inquiry": a request with no one asked, not even someone
    unnamed ("urged its partners", "called on all sides"); "called the plan a step towards
    escalation": a description (an "as" entry) of no party's act."""
    if f.event.target is not None:
        return False
    if f.match.cue.as_ and f.event.type != "REJECT" or f.event.type in listed("aimed_only_types"):
        return True  # (a claim called baseless is denied, whoever made it)
    token = f.match.token
    if f.event.type not in listed("addressed_only_types") or any(
            c.dep_ in ("prep", "dative") and c.lower_ in ADDRESSING_PREPS for c in token.children):
        return False
    obj = child(token, "dobj", "dative")
    return obj is None or obj.tag_ not in ("NNS", "NNPS", "PRP")


def answers_claim(trigger) -> bool:
    """ "denied that ...", "denied using drones", "rejected the accusations": a rebuttal,
    not the refusal of a thing ("rejected the draft resolution")."""
    obj = child(trigger, "dobj")
    if obj is None:
        return True
    inner = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return any(word.lemma_.lower() in answered_nouns() or word.lower_ in ANAPHORS for word in [obj, *inner])


def aim_rejection(f: Found, found: list[Found], parties) -> None:
    """The rejection answers the latest claim against the rejecter's side: an accusation's
    accuser, or the source of an act alleged against it."""
    side = f.event.actor
    for other in reversed(found):
        ev = other.event
        if other is f or not (f.sent - ANSWER_BACK <= other.sent <= f.sent) or ev.evidence_start > f.event.evidence_start:
            continue
        if other.sent == f.sent and other.match.token.i > f.match.token.i:
            continue
        accuser = claimant(ev, side, parties, f.sent - other.sent)
        if accuser is not None:
            f.event.target = accuser
            f.event.rule += f"; target: the claim it answers ({ev.type}, {f.sent - other.sent} sentences before)"
            return


def claimant(ev, side: str, parties, back: int) -> str | None:
    """Who made a claim against `side`, if `ev` is one, `back` sentences before the rejection."""
    if ev.type in listed("answered_types") and ev.actor and parties.same_side(ev.target, side) \
            and not parties.same_side(ev.actor, side):
        return ev.actor
    if back <= ALLEGED_BACK and ev.modality == "alleged" and ev.source and parties.same_side(ev.actor, side) \
            and not parties.same_side(ev.source, side):
        return ev.source
    return None


def aim_at_judged(f: Found, found: list[Found], parties) -> list[Found]:
    """ "condemned the drills, which Seoul and Washington held", "criticised the test", "welcomed the
    agreement": aimed at whoever did the act judged, the event its object noun itself names, else the
    latest earlier act told by the same word. Fills `f` with the first and returns copies for the others."""
    obj = judged(f.match.token)
    if obj is None:
        return []
    doers = [k for k in acts_named(obj, f, found) if k and not parties.same_side(k, f.event.actor)]
    doers = list(dict.fromkeys(doers))
    if not doers:
        return []
    f.event.target = doers[0]
    f.event.rule += f"; target: who did the act judged ({obj.lower_})"
    return [replace(f, event=replace(f.event, target=k)) for k in doers[1:]]


def judged(trigger):
    """What a judgement is of: its object ("condemned the test"), or the noun of an "over" or
    "about" phrase ("voiced concern over the drills")."""
    obj = direct_object(trigger)
    inner = [p for w in [trigger] + ([obj] if obj is not None else []) for c in w.children
             if c.dep_ == "prep" and c.lower_ in CONDEMNED_PREPS for p in c.children if p.dep_ == "pobj"]
    if obj is not None and obj.lemma_.lower() in listed("feeling_nouns") and inner:
        return inner[0]
    if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
        return obj
    return inner[0] if inner else None


def acts_named(obj, f: Found, found: list[Found]) -> list[str]:
    """The doers of the act the noun `obj` names: an event read from `obj` itself (both parties
    of a joint one), else the actor of the latest earlier event whose trigger is the same word."""
    held = {t.i for t in phrase_heads(obj)}  # "drills off the coast, which X condemned": the drills
    own = [o.event for o in found if o is not f and o.match.token.i in held and o.sent == f.sent]
    word = obj.lemma_.lower()
    earlier = [o.event for o in found if o is not f and o.sent <= f.sent and o.event.actor
               and o.event.evidence_start < f.event.evidence_start and same_word(trigger_word(o.match.token), word)]
    acts = own or [ev for ev in earlier if ev.evidence_start == earlier[-1].evidence_start]
    return [k for ev in acts for k in (ev.actor, ev.target if ev.type in SIDE_BY_SIDE else None)]


def same_word(verb: str, noun: str) -> bool:
    """ "shell" and "shelling", "deploy" and "deployment", "test" and "test": one act, told twice."""
    return noun == verb or noun.startswith(verb) and noun[len(verb):] in DERIVING_SUFFIXES


def phrase_heads(token) -> list:
    """`token` and the words whose prepositional phrases it ends ("drills off the coast": coast, drills),
    where a relative clause may hang on the wrong one."""
    out = [token]
    while token.dep_ == "pobj" and token.head.dep_ == "prep" and len(out) < 4:
        token = token.head.head
        out.append(token)
        if token.pos_ in ("VERB", "AUX"):  # "held drills in May, which X condemned": the verb's act
            return out + [c for c in token.children if c.dep_ == "dobj"]
    return out


def trigger_word(token) -> str:
    """The word an act is told by, as its noun would be: "test-fired" -> "test"."""
    return lemma_of(token).split("-")[0]


def aim_at_place(f: Found, parties) -> None:
    """ "a drone strike on a village in Afghan territory", "shelled towns in Kenya": the country hit;
    "killed civilians" with no place named: the people of the country the story is about."""
    words = phrase_tokens(f.match.token)
    for word in words:
        key = parties.direct(word)
        country = parties.country_of(key) if key is not None and parties.kind(key) in ("LOCATION", "COUNTRY") else None
        if country and not parties.same_side(country, f.event.actor):
            f.event.target = country
            f.event.rule += f"; target: the country of {word.text}"
            return
    victims = next((w for w in words if w.dep_ in ("dobj", "pobj") and parties.refs.located(w)), None)
    if victims is not None and parties.home and not parties.same_side(parties.home, f.event.actor):
        f.event.target = parties.home
        f.event.rule += f"; target: the {victims.lower_} of the story's country"


def aim_at_host(f: Found, reader: EventReader) -> None:
    """ "two destroyers arrived at Mombasa port for a visit", "toured a drone plant near Minsk": a port
    call, an arrival or a site visit with no one named to meet is a visit to the country of the place."""
    parties, token = reader.parties, f.match.token
    sites = [c for c in token.children if c.dep_ == "dobj"]  # "toured a plant near Minsk"
    for pobj in [p for t in (token, *sites) for p in prep_objects(t, reader.reader.lex.location_preps)]:
        for word in [*(c for c in pobj.children if c.dep_ in ("compound", "poss")), pobj]:  # "Russia's Tatarstan"
            country = host_country(word, parties)
            if country and not parties.same_side(country, f.event.actor):
                f.event.target, f.pending = country, False
                f.event.rule += f"; target: the country of {word.text}, where it arrived"
                return


def host_country(word, parties) -> str | None:
    """The country a place word lies in: a capital's country first ("Colombo port", where a
    smaller namesake elsewhere may share the name), then the country of the place entity."""
    capital = parties.demonym(word) if word.pos_ == "PROPN" else None
    key = parties.at(word)
    placed = key is not None and parties.kind(key) in ("LOCATION", "COUNTRY")
    return capital or (parties.country_of(key) if placed else None)


def aim_at_addressee(f: Found, parties) -> None:
    """ "summoned the German ambassador to demand an explanation": the purpose clause's
    demand, protest or warning is addressed to whoever was summoned, called or met."""
    token = f.match.token
    if token.dep_ not in ("xcomp", "advcl") or token.head.pos_ not in ("VERB", "AUX"):
        return
    obj = child(token.head, "dobj")
    found = [k for k in (parties.phrase(obj) if obj is not None else []) if not parties.same_side(k, f.event.actor)]
    if found:
        f.event.target = found[0]
        f.event.rule += f"; target: the object of {token.head.lower_}"


def aim_at_provocation(f: Found, parties) -> list[Found]:
    """ "warned that it would respond to joint drills by Japan and Korea": the threat is aimed at
    those whose act it answers (the "by" parties, or the parties, of its "to"/"against" phrase).
    Fills `f` with the first and returns copies for the others."""
    content = [c for c in f.match.token.children if c.dep_ in ("ccomp", "xcomp")] or [f.match.token]
    words = [w for c in content for w in c.subtree if w.dep_ == "pobj"]
    answered = [w for w in words if w.head.lower_ in ("to", "against")]
    doers = [w for w in words if w.head.lower_ == "by"] if answered else []  # "respond to drills by X" (by: on either)
    aimed = list(dict.fromkeys(k for w in (doers or answered) for k in parties.phrase(w)))
    aimed = [k for k in aimed if parties.kind(k) != "LOCATION" and not parties.same_side(k, f.event.actor)]
    if not aimed:
        return []
    f.event.target = aimed[0]
    f.event.rule += "; target: the act it answers"
    return [replace(f, event=replace(f.event, target=k)) for k in aimed[1:]]


def aim_at_accuser(f: Found, parties) -> None:
    """ "Kenya accused Somali troops of starting the clash": an attack a state alleges against
    another, with no target told, is one it says it suffered."""
    ev = f.event
    victim = parties.country_of(ev.source) if ev.modality == "alleged" and not parties.outlet(ev.source) else None
    if victim and not parties.same_side(victim, ev.actor):
        ev.target = victim
        ev.rule += "; target: the accuser's country"


def phrase_tokens(token) -> list:
    """The words of `token`'s prepositional phrases and object, not of its clauses."""
    out, todo = [], [c for c in token.children if c.dep_ in ("prep", "dobj")]
    while todo:
        cur = todo.pop(0)
        out.append(cur)
        todo += [c for c in cur.children if c.dep_ not in CLAUSES]
    return out
