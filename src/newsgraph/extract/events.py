"""PLOVER events read from the dependency parse, with modality, source, date and place.

Sentence by sentence: find triggers (triggers.py), read their parties (roles.py),
read the frame around them (modality.py), date them (timex.py). Then, across the
document, tie denials and accusations to the claims they answer (claims.py) and
drop repeats. Every event records the rule and cues that produced it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Document, Event, LocalEntity
from . import aims, claims, timex
from .lexicon import frames
from .modality import Frame, FrameReader, decide, noncommittal
from .parties import Parties
from .roles import Reader, child, is_passive, listed
from .triggers import Match, find

DEFINITE = frozenset({"the", "these", "those", "this", "that", "its", "their"})
ANSWERS = frozenset({"ACCUSE", "REJECT"})  # aimed at who is accused or who claimed, not at the act's target


@dataclass
class Found:
    """An event with what produced it: its sentence, trigger match and frame."""

    event: Event
    sent: int
    match: Match
    frame: Frame = field(default_factory=Frame)
    pending: bool = False  # lacks a target the text gave earlier ("denied supplying weapons")
    orphan: bool = False  # lacks the actor of the deal told earlier ("the jets were delivered in May")


class EventReader:
    """Reads the events of one parsed document."""

    def __init__(self, doc: Document, sdoc, entities: list[LocalEntity]):
        self.doc = doc
        self.parties = Parties(sdoc, entities)
        self.reader = Reader(self.parties)
        self.framer = FrameReader(self.reader)
        self.published = timex.parse_published(doc.published)
        self.sdoc = sdoc

    def read(self) -> list[Found]:
        found: list[Found] = []
        quotation = Quotation(self.sdoc.text)
        for n, sent in enumerate(self.sdoc.sents):
            dates = sentence_dates(sent)
            speaker = quotation.running_on(n, sent, self.quote_speaker)
            self.parties.quote_speaker = speaker  # "our forces" in it are the speaker's
            framed = [(match, self.framer.read(match.token)) for match in find(sent, self.reader)]
            for _, frame in framed if speaker else ():  # '"They attacked via Humera."' after '"...," he said.'
                if not frame.speech and frame.denied_by is None and not frame.background:
                    frame.source, frame.speech = list(speaker), True
                    frame.cues.append("quote goes on")
            lend_content(framed)
            for match, frame in framed:
                if not frame.absorbed:
                    found += self.events_of(match, frame, n, sent, dates)
        return found

    def quote_speaker(self, sent) -> list[str]:
        """Who a sentence quotes: the speaker of its reporting verb ('"...," he said.')."""
        said = frames().report_verbs
        return next((found for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in said
                     for found in [self.framer.speaker(t)] if found), [])

    def events_of(self, match: Match, frame: Frame, n: int, sent, dates) -> list[Found]:
        if match.cue.planned_only:  # "Iran will respond": the threat is made now
            if not frame.planned:
                return []
            frame.planned = False
        if frame.hypothetical or prevented(match.token) or match.type == "REJECT" and noncommittal(match.token):
            return []
        actors, targets = self.arrange(match, frame)
        status = self.keep(match, actors, targets)
        if status is None and frame.denied_by is not None and actors and match.cue.pos == "verb":
            status = "pending"  # "Moscow denied mistreating prisoners": the act alleged earlier, if any
        if status is None:
            return []
        both_ways = pairs(match, actors, targets, self.reader.lex.symmetric, self.reader.lex.mutual)
        if match.args.reciprocal and frame.claimed and not targets:  # "blamed each other for the shelling":
            return [Found(self.event(match, sent, dates, frame, actor, target, "alleged", target), n, match, frame)
                    for actor, target in both_ways]  # each side's charge against the other
        return [Found(self.event(match, sent, dates, frame, actor, target, *decided), n, match, frame,
                      pending=status == "pending", orphan=status == "orphan")
                for decided in decisions(frame, match.type, actors, targets, self.parties)
                for actor, target in both_ways]

    def arrange(self, match: Match, frame: Frame) -> tuple[list[str], list[str]]:
        """Actors and targets as the event's parties: persons lifted when they deny for their
        country, places as the country they lie in, one's own side no target."""
        actors, targets = list(match.args.actors), list(match.args.targets)
        if frame.denied_by and match.args.inherited:  # "the minister denied sending drones": his country sent
            actors = [self.parties.country_of(a) or a for a in actors]
        actors = [a for a in actors if self.parties.kind(a) != "LOCATION"]  # a town does not act; its people are unnamed
        if not actors and match.type in self.reader.lex.local_actors:  # "protesters marched through Tbilisi"
            actors = [k for k in [self.parties.country_of(self.reader.place(match.token))] if k]
        targets = [self.place_target(t, match.type) if self.parties.kind(t) == "LOCATION" else t for t in targets]
        targets = [t for t in targets if t and t not in actors]
        if actors:  # "Heidari discussed cooperation between Iran and Russia": his own side is no target
            targets = [t for t in targets if not any(self.parties.same_side(a, t) for a in actors)]
        return actors, targets

    def place_target(self, key: str, etype: str) -> str | None:
        """A place as target stands for its country; an attacked place stays itself if its country is unnamed."""
        return self.parties.country_of(key) or (key if etype in self.reader.lex.place_targets else None)

    def keep(self, match: Match, actors: list[str], targets: list[str]) -> str | None:
        """ "keep", "pending" (complete only with an earlier event's target) or None (drop).

        Events need a named actor (some types excepted); event nouns need their own parties,
        except a definite one ("the rally was organised by X"), which points back.
        """
        lex = self.reader.lex
        if not actors and recalls_deal(match):
            return "orphan"
        if not actors and (match.type not in lex.actorless or not targets or match.cue.needs_actor):
            return None
        if targets or any(t for _, t in pairs(match, actors, targets, lex.symmetric, lex.mutual)):
            return "keep"
        definite = match.cue.pos == "noun" and any(c.lower_ in ("the", "this", "that") for c in match.token.children)
        open_slot = not match.args.filled  # "denied supplying weapons": the recipient is untold, not someone else
        if match.type in lex.requires_target or match.cue.needs_target or match.cue.pos == "noun" and not match.args.light:
            if open_slot and (match.cue.pos == "verb" or definite):
                return "pending"
            return "keep" if match.type in lex.actorless and not match.cue.needs_target else None
        return "keep"

    def event(self, match: Match, sent, dates, frame: Frame, actor, target, modality, source) -> Event:
        start, end = evidence_span(sent)
        args = match.args
        modes = self.reader.lex.object_modes
        mode = match.cue.mode or next((modes[c] for c in sorted(args.object_classes) if c in modes), None)
        mode = mode if match.type == match.cue.type else None
        threat = self.reader.lex.threat_modes.get(match.type)
        if threat and frame.announced and modality == "planned":  # "the US will impose sanctions on ...": a threat
            match, mode, modality = replace(match, type="THREATEN"), threat, "asserted"
        when = event_date(match, dates, self.published, modality == "planned")
        return Event(
            type=match.type, actor=actor, target=target, modality=modality, source=source,
            mode=mode, object=args.object, date=when,
            location=args.location, evidence_start=start, evidence_end=end,
            confidence=confidence(match, frame, actor, target), rule=rule_of(match, frame),
        )


QUOTES = ('"', "\u201c", "\u201d")
OPENING_QUOTES = ('"', "\u201c")
QUOTE_REACH = 2  # sentences a quotation may run on past its attribution


class Quotation:
    """Who speaks a quotation that runs on past the sentence attributing it: news quotes a speaker
    for a sentence or two more ('"...," he said. "They were attacking via Humera."'), and across
    paragraphs re-opens the quote at each one's start."""

    def __init__(self, text: str):
        self.text = text
        self.speaker: list[str] = []  # who spoke the last attributed quote
        self.spoke_at = -QUOTE_REACH - 1
        self.inside = False  # a quotation opened before this sentence is still open
        self.last_end = 0

    def running_on(self, n: int, sent, speaker_of) -> list[str]:
        """The speaker of `sent` when it continues an attributed quotation, else []."""
        self.inside = self.inside and "\n" not in self.text[self.last_end:sent.start_char]  # a paragraph closes it
        self.last_end = sent.start_char + len(sent.text.rstrip())
        marks = sum(t.text.count(q) for t in sent for q in QUOTES)
        quoted_start = self.inside or sent.text.lstrip()[:1] in OPENING_QUOTES
        self.inside = (self.inside + marks) % 2 == 1
        own = speaker_of(sent) if marks else []
        if quoted_start and not own and self.speaker and n - self.spoke_at <= QUOTE_REACH:
            self.spoke_at = n
            return self.speaker
        if own:
            self.speaker, self.spoke_at = own, n
        return []


def recalls_deal(match: Match) -> bool:
    """ "The jets were delivered in May", "the first batteries will be handed over in 2027": a definite
    thing given in the passive, no giver named, is the deal the text told before."""
    verb = match.token
    if match.type not in listed("recalled_types") or match.cue.pos != "verb" or not is_passive(verb):
        return False
    thing = child(verb, "nsubjpass") or (child(verb.head, "nsubjpass", "nsubj") if verb.dep_ == "xcomp" else None)
    return thing is not None and any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in thing.children)


def decisions(frame: Frame, etype: str, actors: list[str], targets: list[str], parties) -> list[tuple]:
    """(modality, source) once per speaker: "Britain and the EU accused them of ..." is two claims."""
    speakers = frame.source[1:] if frame.denied_by is None else []
    out = [decide(frame, etype, actors, targets, parties)]
    out += [decide(replace(frame, source=[s]), etype, actors, targets, parties) for s in speakers]
    if frame.denied_by and frame.source:  # "Iran denied US claims that ...": the US claims it, Iran denies it
        out += [decide(replace(frame, denied_by=None, source=[s]), etype, actors, targets, parties)
                for s in frame.source if not any(parties.same_side(s, d) for d in frame.denied_by)]
    return [d for d in dict.fromkeys(out) if d is not None]


def pairs(match: Match, actors: list[str], targets: list[str], symmetric, mutual=frozenset()) -> list[tuple]:
    """(actor, target) of each event: joint subjects of a symmetric or joint act pair up with
    each other ("Iran, Russia and China held a drill"), of a mutual one both ways ("A and B
    released prisoners"); otherwise each actor with each target."""
    if not targets and len(actors) >= 2 and (match.type in mutual or match.args.reciprocal):
        return [(a, b) for a in actors for b in actors if a != b]
    if not targets and len(actors) >= 2 and (match.type in symmetric or match.cue.joint is True):
        return [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
    return [(a, t) for a in actors or [None] for t in targets or [None] if a is None or a != t]


def prevented(token) -> bool:
    """ "banned them from travelling to Britain", "barred firms from buying chips", "warned Beijing
    against supplying weapons": an act kept from happening is no event (the ban itself is read as its
    own trigger)."""
    prep = token.head if token.dep_ in ("pcomp", "pobj") else None
    return prep is not None and (prep.lower_ == "from" and prep.head.lemma_.lower() in listed("preventing_verbs")
                                 or prep.lower_ == "against" and prep.head.lemma_.lower() in listed("warning_verbs"))


def lend_content(framed: list[tuple[Match, Frame]]) -> None:
    """ "agreed to provide Moscow with missiles": the act in the complement gives the AGREE its target.

    Under a threat or request the complement is only its content ("threatened to strike").
    """
    by_token = {m.token.i: m for m, _ in framed}
    for match, frame in framed:
        owner = by_token.get(frame.content_of.i) if frame.content_of is not None else None
        if owner is None:
            continue
        frame.absorbed = frame.absorbed or owner.type in frames().absorbing_types
        if owner.args.targets or owner.type in ANSWERS:
            continue
        given = match.args.actors if match.cue.reverse else match.args.targets  # "asked to buy drones from Iran"
        owner.args.targets = [t for t in given if t not in owner.args.actors]
        owner.args.object = owner.args.object or match.args.object
        if owner.args.targets:
            owner.args.how.append(f"target from {match.token.lower_}")


def evidence_span(sent) -> tuple[int, int]:
    """The sentence's character range without blanked (whitespace) edges."""
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return sent.start_char, sent.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def sentence_dates(sent) -> list[tuple[object, str]]:
    """The sentence's DATE phrases, each with the word it hangs on."""
    out = []
    for ent in sent.ents:
        if ent.label_ == "DATE":
            anchor = ent.root.head
            while anchor.pos_ not in ("VERB", "NOUN", "AUX") and anchor.head.i != anchor.i:
                anchor = anchor.head
            out.append((anchor, ent.text))
    return out


def event_date(match: Match, dates, published, future: bool) -> str | None:
    """The date of the trigger's own clause: on the trigger, its light verb, or the verbs it depends on."""
    if not dates:
        return None
    anchors = [match.token] + ([match.args.governor] if match.args.governor is not None else [])
    node = match.token
    for _ in range(3):
        if node.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "prep", "pobj", "acl", "dobj") or node.head.i == node.i:
            break
        node = node.head
        anchors.append(node)
    for anchor in anchors:
        for where, text in dates:
            if where.i == anchor.i:
                value = timex.normalise(text, published, future)
                if value:
                    return value
    return None


def confidence(match: Match, frame: Frame, actor, target) -> float:
    """A rough score for filtering: verbs over nouns, both parties over one, explicit over inherited."""
    score = 0.7 if match.cue.pos == "verb" else 0.55
    score += 0.15 if actor and target else 0.0
    score += 0.05 if match.cue.specificity else 0.0
    score -= 0.1 if match.args.inherited else 0.0
    score -= 0.05 if frame.cues else 0.0
    return round(max(0.05, min(0.95, score)), 2)


def rule_of(match: Match, frame: Frame) -> str:
    parts = [match.cue.name + (f"->{match.type}" if match.type != match.cue.type else "")]
    parts += [h for h in match.args.how if h]
    parts.append("frame=" + (",".join(frame.cues) if frame.cues else "plain"))
    return "; ".join(parts)


def extract(doc: Document, sdoc, entities: list[LocalEntity]) -> list[Event]:
    """Every PLOVER event in one parsed document; nothing when no trigger matches.

    Countries the events name only by a demonym or a place ("Indian and Chinese troops
    clashed", "shelled Kharkiv") are appended to `entities`, so every party is an entity.
    """
    reader = EventReader(doc, sdoc, entities)
    found = claims.dedupe(aims.aim(claims.link(aims.prefill(reader.read(), reader), reader), reader))
    used = {k for ev in found for k in (ev.actor, ev.target, ev.source, ev.location)}
    entities.extend(e for e in reader.parties.implied if e.key in used)
    return found
