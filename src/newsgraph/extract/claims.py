"""Tie denials and accusations to the claims they answer, and drop repeated events.

"Iranian officials denied the accusations" denies the act alleged a sentence or
two before: that act is copied with modality `denied` and the denier as source,
and the REJECT is aimed at whoever made the claim. "X alleged that Y did Z" aims
the ACCUSE at Y. A confirmation ("the ministry confirmed the delivery") does the same
with modality `asserted`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .lexicon import frames, lexicon
from .modality import decide, denies_claim_above, dismissed_claim, sentential_relative
from .roles import child, laid_on

if TYPE_CHECKING:
    from .events import EventReader, Found

LOOK_BACK = 4  # sentences searched for the claim a denial answers
SPEECH_TYPES = frozenset({"ACCUSE", "REJECT"})
ANAPHORS = frozenset({"them", "it", "this", "that", "these", "those"})
POINTING = frozenset({"the", "these", "this", "those", "such"})  # "denied the reports": ones told before
PARTITIVES = frozenset({"one", "each", "all", "any", "some", "most", "none", "both", "either"})


def link(found: list[Found], reader: EventReader) -> list[Found]:
    """Fill ACCUSE and REJECT targets from the claims around them; add the acts a denial denies."""
    found = complete_pending(found, reader.parties)
    extra: list[Found] = []
    for f in found:
        if f.event.type == "ACCUSE" and f.event.target is None:
            aim_accusation(f, found, reader.parties)
            f.event.target = f.event.target or answered_event_actor(f, found, reader.parties)
        elif f.event.type == "REJECT":
            extra += answer_denial(f, found, reader)
    for f in found:
        if f.event.type == "THREATEN" and f.event.target is None and f.event.actor:
            aim_threat(f, found, reader.parties)
    return found + extra + confirmations(found, reader)


def confirmations(found: list[Found], reader: EventReader) -> list[Found]:
    """ "Kenya delivered jets to Uganda, US officials said. Uganda's spokesman confirmed the
    delivery": the act alleged of the confirmer's side, asserted on the confirmer's word."""
    from .events import evidence_span  # events imports this module
    cue, parties, out = frames(), reader.parties, []
    for n, sent in enumerate(reader.sdoc.sents):
        for verb in sent:
            if verb.lemma_.lower() not in cue.confirm_verbs or verb.pos_ != "VERB" or unconfirmed(verb, cue):
                continue
            confirmer = next(iter(reader.reader.of(child(verb, "nsubj"))), None)
            confirmed = confirmed_acts(verb)
            if confirmer is None or confirmed is None:
                continue
            what, acts = confirmed
            if any(f.sent == n and f.match.token in what.subtree for f in found):
                continue  # "confirmed receiving the systems from Russia": read as its own event
            hits = nearest_claims(  # as far back as a recalled deal ("the delivery")
                found, n, range(1, 2 * LOOK_BACK + 1), lambda o, _: (not acts or o.event.type in acts)
                and not parties.same_side(o.event.source, confirmer) and involves(o, confirmer, parties))
            start, end = evidence_span(sent)
            out += [replace(o, sent=n, event=replace(
                o.event, modality="asserted", source=confirmer, evidence_start=start,
                evidence_end=end, confidence=round(o.event.confidence - 0.1, 2),
                rule=f"{o.event.rule}; confirmed by {verb.lower_} (the claim it answers)")) for o in hits]
    return out


def unconfirmed(verb, cue) -> bool:
    """ "neither confirmed nor denied", "declined to confirm", "could not confirm"."""
    if any(c.dep_ in ("neg", "preconj") or c.lower_ in cue.negations for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in cue.withholding_verbs
                                     or any(c.dep_ == "neg" for c in verb.head.children))


def confirmed_acts(verb) -> tuple[object, frozenset[str]] | None:
    """What a confirmation confirms, and the types of act it answers (empty: any); None when it
    confirms no act told before."""
    obj = child(verb, "dobj")
    clause = child(verb, "xcomp", "pcomp")
    if obj is None and clause is not None and clause.pos_ == "VERB":  # "confirmed receiving"
        return clause, frozenset(cue.type for cue in lexicon().verbs.get(clause.lemma_.lower(), []))
    if obj is None:
        return None
    if obj.lemma_.lower() in frames().claim_nouns:
        return obj, frozenset()  # "confirmed the report"
    if not any(c.lower_ in POINTING for c in obj.children):
        return None  # "confirmed a deal with Iran": a new act, read as its own event
    types = frozenset(cue.type for cue in lexicon().nouns.get(obj.lemma_.lower(), []))
    return (obj, types) if types else None


def aim_threat(f: Found, found: list[Found], parties) -> None:
    """ "China accused Japan of ... and said it would retaliate", "Japan expelled two diplomats.
    China vowed to respond": an untargeted threat answers the latest hostile act against its side."""
    side = f.event.actor
    provoking = lexicon().provoking
    for other in reversed(found):
        ev = other.event
        if not (f.sent - 2 <= other.sent <= f.sent) or other is f or ev.type not in provoking:
            continue
        if other.sent == f.sent and ev.evidence_start == f.event.evidence_start and ev.type in SPEECH_TYPES \
                and parties.same_side(ev.actor, side) and ev.target and not parties.same_side(ev.target, side):
            f.event.target = ev.target  # "accused Japan of ... and said it would respond"
        elif ev.actor and ev.target and parties.same_side(ev.target, side) and not parties.same_side(ev.actor, side):
            f.event.target = ev.actor
        if f.event.target:
            f.event.rule += f"; target answered by the threat ({ev.type})"
            return


def complete_pending(found: list[Found], parties) -> list[Found]:
    """Events missing a party take it from the nearest earlier event of the same type; otherwise they go.

    A missing target: "Iran denied supplying weapons" after "Iran supplied drones to Russia"; "the
    rally was organised by X" after "people rallied outside the Iranian embassy". A missing giver:
    "the jets were delivered in May" after "Russia sold Su-35s to Iran" (and the receiver, if untold).
    """
    out = []
    for f in found:
        target = f.event.target
        if f.orphan:
            earlier = nearest_like(f, out, lambda o: o.event.actor and (
                parties.same_side(o.event.target, target) if target else o.event.target))
            if earlier is None:
                continue
            borrow(f, earlier, earlier.event.actor, target or earlier.event.target, "actor", parties)
        elif f.pending:
            earlier = nearest_like(f, out, lambda o: o.event.target and (
                o.event.actor is None or parties.same_side(o.event.actor, f.event.actor))
                and not parties.same_side(o.event.target, f.event.actor))
            if earlier is None:
                if laid_on(f.match.args):  # "blamed the attack on X": X's act, aimed where told before if it was
                    out.append(f)
                continue
            borrow(f, earlier, f.event.actor, earlier.event.target, "target", parties)
        out.append(f)
    return out


def nearest_like(f: Found, before: list[Found], fits) -> Found | None:
    """The nearest earlier event of `f`'s type, a few sentences back at most, that `fits`."""
    return next((o for o in reversed(before) if o.event.type == f.event.type
                 and f.sent - LOOK_BACK * 2 <= o.sent <= f.sent and fits(o)), None)


def borrow(f: Found, earlier: Found, actor, target, what: str, parties) -> None:
    """Complete `f` from `earlier`, a little less sure of it. Who speaks is judged again with the
    parties complete: "Tehran maintained the equipment was supplied" is Iran telling its own act."""
    f.event.actor, f.event.target = actor, target
    rejudge(f, parties)
    f.event.object = f.event.object or earlier.event.object
    f.event.confidence = round(f.event.confidence - 0.1, 2)
    f.event.rule += f"; {what} from an earlier {earlier.match.token.lower_}"
    f.orphan = f.pending = False


def rejudge(f: Found, parties) -> None:
    """Decide again who speaks, now that `f` has its parties (a third party's word is a claim; a
    party's own is not)."""
    frame = replace(f.frame, source=[f.event.source]) if f.event.source else f.frame
    decided = decide(frame, f.event.type, [f.event.actor], [f.event.target], parties)
    if decided is not None and f.event.modality != "denied":
        f.event.modality, f.event.source = decided


def aim_accusation(f: Found, found: list[Found], parties) -> None:
    """ "X alleged that Y supplied drones": the accusation is aimed at Y."""
    for other in found:
        ev = other.event
        if other.sent == f.sent and ev.modality == "alleged" and ev.actor and ev.type not in SPEECH_TYPES \
                and parties.same_side(ev.source, f.event.actor) and not parties.same_side(ev.actor, f.event.actor):
            f.event.target = ev.actor
            return


def claims_before(f: Found, found: list[Found], parties, types: frozenset = frozenset(),
                  any_side: bool = False) -> list[Found]:
    """The alleged acts (of `types`, if any given) involving the denier in the nearest earlier
    sentence that has any; with `any_side`, whoever they involve, in the denial's own sentence
    ("X accused Y of using Z's territory ..., a charge Z denies")."""
    denier = f.event.actor

    def fits(o: Found, back: int) -> bool:  # never what the denier itself says ("denied it, saying they ...")
        return o is not f and (not types or o.event.type in types) \
            and (back > 0 or o.match.token.i < f.match.token.i) and (any_side or involves(o, denier, parties)) \
            and not parties.same_side(o.event.source, denier)
    return nearest_claims(found, f.sent, range(0, 1 if any_side else LOOK_BACK + 1), fits)


def nearest_claims(found: list[Found], sent: int, backs: range, fits) -> list[Found]:
    """The alleged acts (no accusations or denials themselves) that `fits`, in the nearest sentence
    `backs` sentences before `sent` that has any."""
    for back in backs:
        hits = [o for o in found if o.sent == sent - back and o.event.modality == "alleged"
                and o.event.type not in SPEECH_TYPES and fits(o, back)]
        if hits:
            return hits
    return []


def involves(o: Found, side, parties) -> bool:
    return parties.same_side(side, o.event.actor) or parties.same_side(side, o.event.target)


def answered_event_actor(f: Found, found: list[Found], parties) -> str | None:
    """ "rejected the sanctions", "condemned the strikes": aimed at whoever did what the text told of before."""
    obj = child(f.match.token, "dobj")
    if obj is None or not any(c.lower_ in POINTING for c in obj.children):
        return None
    types = {cue.type for cue in lexicon().nouns.get(obj.lemma_.lower(), [])}
    earlier = [o for o in reversed(found) if o.event.type in types and o.sent <= f.sent
               and o.event.evidence_start <= f.event.evidence_start and o.event.actor
               and not parties.same_side(o.event.actor, f.event.actor)]
    aimed = [o for o in earlier if o.event.target]  # "condemned the drills": those aimed at someone first
    return (aimed or earlier)[0].event.actor if earlier else None


def refers_to_claims(trigger) -> bool:
    """ "denied the accusations", "rejected them": the object points back at a claim."""
    claim_nouns = frames().claim_nouns
    if denies_claim_above(trigger, frames()):
        return True  # "charges that both capitals deny", "a claim Kabul rejects"
    obj = child(trigger, "dobj") or dismissed_claim(trigger)  # "said the reports were false"
    if obj is None:
        return False
    if trigger.dep_ == "relcl" and obj.lower_ in ("which", "that") or sentential_relative(trigger):
        return True  # "say X has supplied shells, which both countries deny": the clause it hangs on
    part = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" and p.lemma_.lower() in claim_nouns), None)
    obj = part if part is not None and obj.lemma_.lower() in PARTITIVES else obj  # "every one of these charges"
    spelled_out = any(c.dep_ in ("acl", "relcl", "prep") and not described(c) and c.lower_ != "as"
                      for c in obj.children)  # "rejected the claim as fabrication" spells nothing out
    return not spelled_out and (obj.lemma_.lower() in claim_nouns or obj.lower_ in ANAPHORS)


def described(clause) -> bool:
    """ "the report that first appeared in the Times": a relative clause describing the claim
    (its relative pronoun is the subject), not one telling what it claims."""
    return clause.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which")
                                          for c in clause.children)


def denied_acts(trigger) -> frozenset[str] | None:
    """ "denied any transfer of weapons", "rejected reports of a deal", "dismissed claims of
    involvement": the types of act the denial answers (empty: any act); None when it names none."""
    obj = child(trigger, "dobj") or dismissed_claim(trigger)
    clause = None if obj is not None else child(trigger, "xcomp", "ccomp", "pcomp")
    if obj is None and clause is not None and clause.pos_ in ("VERB", "AUX"):
        return frozenset()  # "denied mistreating prisoners": whatever act was alleged of the denier
    if obj is None or any(c.lower_ in POINTING for c in obj.children):
        return None
    if obj.lemma_.lower() in frames().claim_nouns:
        inner = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "about")
                      for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
        if inner is None:
            return None
        obj = inner
    types = frozenset(cue.type for cue in lexicon().nouns.get(obj.lemma_.lower(), []))
    return types if types or obj.lemma_.lower() in frames().involvement_nouns else None


def answer_denial(f: Found, found: list[Found], reader: EventReader) -> list[Found]:
    parties = reader.parties
    denier = f.event.actor
    acts = denied_acts(f.match.token)
    before = claims_before(f, found, parties, acts or frozenset())
    pointed = refers_to_claims(f.match.token)  # "denied the accusations": aimed at the accuser
    if pointed and not before:
        before = claims_before(f, found, parties, acts or frozenset(), any_side=True)
    answered = pointed or (acts is not None and bool(before))  # "denied any transfer": at no one
    if f.event.target is None and not answered:
        f.event.target = answered_event_actor(f, found, parties)
    if f.event.target is None and pointed:
        f.event.target = next((o.event.source for o in before if o.event.source
                               and not parties.same_side(o.event.source, denier)), None)
    own = [o for o in found if o.sent == f.sent and o.event.modality == "denied"
           and parties.same_side(o.event.source, denier)]
    for o in own:  # "denied mistreating prisoners": the prisoners the charge named, of its victim
        if o.event.target is None:
            o.event.target = next((b.event.target for b in before if b.event.type == o.event.type
                                   and parties.same_side(b.event.actor, o.event.actor)), None)
    if own or not answered:
        return []
    return [replace(o, sent=f.sent, frame=f.frame, event=replace(
                o.event, modality="denied", source=denier,
                evidence_start=f.event.evidence_start, evidence_end=f.event.evidence_end,
                confidence=round(min(o.event.confidence, f.event.confidence) - 0.1, 2),
                rule=f"{o.event.rule}; denied by {f.match.token.lower_} (the claim it answers)"))
            for o in before]


def dedupe(found: list[Found]) -> list:
    """One event per (type, parties, modality, source, sentence), keeping the most confident;
    a sourced event stands for an unsourced twin of the same sentence."""
    symmetric = lexicon().symmetric
    best: dict[tuple, object] = {}
    for f in found:
        ev = f.event
        parties = tuple(sorted([ev.actor or "", ev.target or ""])) if ev.type in symmetric else (ev.actor, ev.target)
        key = (ev.type, parties, ev.modality, ev.evidence_start)
        kept = best.get(key)
        if kept is not None and kept.source != ev.source and None not in (kept.source, ev.source):
            key += (ev.source,)  # two speakers say the same: both kept
            kept = best.get(key)
        if kept is None or (ev.source is not None, ev.confidence) > (kept.source is not None, kept.confidence):
            if kept is not None:
                ev.object = ev.object or kept.object
                ev.date = ev.date or kept.date
            best[key] = ev
    named = {(ev.type, ev.actor, ev.modality, ev.evidence_start) for ev in best.values() if ev.target}
    return [ev for ev in best.values()
            if ev.target or (ev.type, ev.actor, ev.modality, ev.evidence_start) not in named]
