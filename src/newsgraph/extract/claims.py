"""Tie denials and accusations to the claims they answer, and drop repeated events.

"Iranian officials denied the accusations" denies the act alleged a sentence or
two before: that act is copied with modality `denied` and the denier as source,
and the REJECT is aimed at whoever made the claim. "X alleged that Y did Z" aims
the ACCUSE at Y.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .lexicon import frames, lexicon
from .roles import child

if TYPE_CHECKING:
    from .events import EventReader, Found

LOOK_BACK = 4  # sentences searched for the claim a denial answers
SPEECH_TYPES = frozenset({"ACCUSE", "REJECT"})
ANAPHORS = frozenset({"them", "it", "this", "that", "these", "those"})


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
    return found + extra


def complete_pending(found: list[Found], parties) -> list[Found]:
    """Events missing a target take it from the nearest earlier event of the same type and actor.

    "Iran denied supplying weapons" after "Iran supplied drones to Russia"; "the rally was
    organised by X" after "people rallied outside the Iranian embassy". Otherwise they go.
    """
    out = []
    for f in found:
        if f.pending:
            earlier = next((o for o in reversed(out) if not o.pending and o.event.type == f.event.type
                            and o.event.target and f.sent - LOOK_BACK * 2 <= o.sent <= f.sent
                            and (o.event.actor is None or parties.same_side(o.event.actor, f.event.actor))
                            and not parties.same_side(o.event.target, f.event.actor)), None)
            if earlier is None:
                continue
            f.event.target = earlier.event.target
            f.event.object = f.event.object or earlier.event.object
            f.event.confidence = round(f.event.confidence - 0.1, 2)
            f.event.rule += f"; target from an earlier {earlier.match.token.lower_}"
            f.pending = False
        out.append(f)
    return out


def aim_accusation(f: Found, found: list[Found], parties) -> None:
    """ "X alleged that Y supplied drones": the accusation is aimed at Y."""
    for other in found:
        ev = other.event
        if other.sent == f.sent and ev.modality == "alleged" and ev.actor \
                and parties.same_side(ev.source, f.event.actor) and not parties.same_side(ev.actor, f.event.actor):
            f.event.target = ev.actor
            return


def claims_before(f: Found, found: list[Found], parties) -> list[Found]:
    """The alleged acts involving the denier in the nearest earlier sentence that has any."""
    denier = f.event.actor
    for back in range(0, LOOK_BACK + 1):
        hits = [o for o in found if o.sent == f.sent - back and o is not f and o.event.modality == "alleged"
                and o.event.type not in SPEECH_TYPES
                and (back > 0 or o.event.evidence_start < f.match.token.idx)
                and (parties.same_side(denier, o.event.actor) or parties.same_side(denier, o.event.target))]
        if hits:
            return hits
    return []


def answered_event_actor(f: Found, found: list[Found], parties) -> str | None:
    """ "rejected the sanctions", "condemned the strikes": aimed at whoever did what the text told of before."""
    obj = child(f.match.token, "dobj")
    if obj is None or not any(c.lower_ in ("the", "these", "this", "those", "such") for c in obj.children):
        return None
    types = {cue.type for cue in lexicon().nouns.get(obj.lemma_.lower(), [])}
    earlier = next((o for o in reversed(found) if o.event.type in types and o.sent <= f.sent
                    and o.event.evidence_start <= f.event.evidence_start and o.event.actor
                    and not parties.same_side(o.event.actor, f.event.actor)), None)
    return earlier.event.actor if earlier else None


def refers_to_claims(trigger) -> bool:
    """ "denied the accusations", "rejected them": the object points back at a claim."""
    obj = child(trigger, "dobj")
    if obj is None:
        return False
    spelled_out = any(c.dep_ in ("acl", "relcl", "prep") for c in obj.children)
    return not spelled_out and (obj.lemma_.lower() in frames().claim_nouns or obj.lower_ in ANAPHORS)


def answer_denial(f: Found, found: list[Found], reader: EventReader) -> list[Found]:
    parties = reader.parties
    denier = f.event.actor
    before = claims_before(f, found, parties)
    answered = refers_to_claims(f.match.token)
    if f.event.target is None and not answered:
        f.event.target = answered_event_actor(f, found, parties)
    if f.event.target is None and answered:
        f.event.target = next((o.event.source for o in before if o.event.source
                               and not parties.same_side(o.event.source, denier)), None)
    own = [o for o in found if o.sent == f.sent and o.event.modality == "denied"
           and parties.same_side(o.event.source, denier)]
    if own or not answered:
        return []
    return [replace(o, sent=f.sent, frame=f.frame, event=replace(
                o.event, modality="denied", source=denier,
                evidence_start=f.event.evidence_start, evidence_end=f.event.evidence_end,
                confidence=round(min(o.event.confidence, f.event.confidence) - 0.1, 2),
                rule=f"{o.event.rule}; denied by {f.match.token.lower_} (claim of an earlier sentence)"))
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
