"""Modality and source: is an event stated, claimed, denied or planned, and who says so.

The frame is read by walking from the trigger up the parse: reporting verbs make
their subject the source ("Salyukov added that ..."), allegation verbs and hedges
make it alleged ("accused X of", "reportedly", "reports that"), denial verbs make it
denied by their subject ("denied sending"), intent and future make it planned
("is preparing to", "will"). The nearest speaker wins; the cues live in
data/modality.yaml.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import frames, lexicon
from .parties import gift_served
from .roles import Reader, is_passive, passive_accusal, receptive_adjective, subject

CLAUSE_LOCAL = frozenset({"xcomp", "conj", "prep", "pcomp", "pobj", "acomp", "dobj", "advcl", "attr", "oprd"})
INTO_SPEECH = frozenset({"ccomp", "parataxis", "xcomp", "advcl", "dobj", "acl", "conj"})
GENERIC_DETERMINERS = frozenset({"a", "an", "any"})
DENIED = frozenset({"ccomp", "xcomp", "pcomp", "prep", "dobj"})
INTO_FRAME = frozenset({"ccomp", "xcomp", "pcomp", "prep", "dobj", "parataxis", "acl", "advcl"})
ATTRIBUTED = frozenset({"ccomp", "parataxis", "conj"})  # how a closing ", X said" may hang under its clause
CARRIED = frozenset({"ccomp", "dobj", "xcomp", "parataxis"})


@dataclass
class Frame:
    """What the sentence around a trigger says about it."""

    source: list[str] = field(default_factory=list)
    speech: bool = False  # reported by someone (said, told, according to)
    claimed: bool = False  # an allegation: hedges, "accused X of", "reports that"
    denied_by: list[str] | None = None
    negated: bool = False
    planned: bool = False
    absorbed: bool = False  # the content of another event ("asked Iran to deliver")
    content_of: object = None  # the verb whose complement it is ("agreed to <provide>")
    background: bool = False  # an event noun deep in a reported clause: presupposed, not the claim
    purpose: bool = False  # the act another is done for ("drones for its invasion of Ukraine"): known, not claimed
    hypothetical: bool = False  # "if asked", "unless attacked": no event
    announced: bool = False  # said with "will"/"would" (not only intended): a hostile one is a threat
    told_done: bool = False  # the reported clause itself, in a past tense: an act the speaker tells of
    cues: list[str] = field(default_factory=list)


class FrameReader:
    """Reads the frame of triggers in one parsed document."""

    def __init__(self, reader: Reader):
        self.reader = reader
        self.cue = frames()

    def speaker(self, verb) -> list[str]:
        """Who speaks through `verb`: its subject, its agent, or the subject it inherits."""
        subj = subject(verb)
        if passive_accusal(verb):
            return self.reader.accuser(verb)
        if is_passive(verb):
            return self.reader.of_all(t for c in verb.children if c.dep_ == "agent" for t in c.children)
        if subj is None and verb.lemma_.lower() in self.cue.report_verbs:
            subj = swallowed_subject(verb)
        if subj is not None:  # "a report by the US outlet X said": its author
            return self.reader.of(subj) or self.reader.of_all(self.authors(subj))
        return self.reader.implicit_actor(verb).actors

    def unnamed_source(self, verb) -> bool:
        """ "sources said", "officials told": a speaker the text does not name."""
        subj = subject(verb)
        return subj is not None and not self.reader.of(subj) and self.unnamed(subj)

    def unnamed(self, noun) -> bool:
        """ "sources", "Western officials", "people familiar with the matter": speakers outside the act
        or unnamed on purpose, whose word is a claim."""
        lemma = noun.lemma_.lower()
        return lemma in self.cue.hedge_sources or lemma in self.cue.outsider_nouns or any(
            c.dep_ in ("amod", "compound") and c.lower_ in self.cue.outsider_modifiers
            or c.dep_ in ("amod", "acl") and c.lemma_.lower() in self.cue.anonymous_modifiers for c in noun.children)

    @staticmethod
    def authors(noun) -> list:
        """Who wrote or saw a document: "a report by the US Treasury", "documents seen by Reuters"."""
        by = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for p in c.children
              if p.dep_ == "pobj"]
        return by + [p for acl in noun.children if acl.dep_ == "acl" for a in acl.children if a.dep_ == "agent"
                     for p in a.children if p.dep_ == "pobj"]

    def read(self, trigger) -> Frame:
        future = self.future(trigger)
        frame = Frame(negated=negated(trigger), planned=future, announced=future,
                      background=trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and not culprit_of(trigger)
                      and trigger.head.head.lemma_ != "be"  # "Iran is in talks with Russia": the predicate
                      and receptive_adjective(trigger) is None and not self.taken_part(trigger))
        frame.purpose = trigger.pos_ == "NOUN" and gift_served(trigger) is not None
        if self.hedged(trigger):
            frame.claimed = True
            frame.cues.append("hedge")
        local, node = True, trigger
        self._nominal = trigger.pos_ == "NOUN"
        if denies_claim_above(trigger, self.cue):
            return frame  # "..., an allegation Kampala rejects": the rejection is told as fact, by the rejecter
        frame.hypothetical = self.generic_subject(trigger)
        if self._grievance(frame, trigger) or self.according_to_which(frame, trigger):
            return frame
        while node.head.i != node.i:
            head, dep = node.head, node.dep_
            if dep == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
                dep = "ccomp"  # "said the pullout was over, but that Chad remained open to ...": a second complement
            self._node = node
            if dep == "relcl" and head.lemma_.lower() not in self.cue.claim_nouns \
                    and self.extraposed_dismissal(head, dep) is None:
                break  # "arming the rebels, who have fired missiles": a description, outside the frame above
            if dep == "ccomp" and (coordinated_before(node, head) or sentential_relative(node)):
                break
            if self._step(frame, head, dep, local):
                break
            local = local and dep in CLAUSE_LOCAL
            node = head
        if not frame.source and not frame.denied_by:
            self._according_to(frame, trigger)
        attribution = None
        if not frame.speech and frame.denied_by is None:
            attribution = self.trailing_attribution(trigger)
            if attribution is not None:
                self._speaker(frame, attribution, claimed=False, label="attribution")
            else:
                self._trailing_citation(frame, trigger)
        frame.told_done = self.told_done(trigger, attribution)
        return frame

    def _trailing_citation(self, frame: Frame, trigger) -> None:
        """ "Russia has asked China for arms, the Financial Times reported, citing US officials", parsed
        with no speaker for the clause: the ones cited close the sentence, and it is their claim."""
        for verb in trigger.sent:
            if verb.i <= trigger.i or verb.lemma_.lower() not in self.cue.citing_verbs or verb.dep_ != "advcl" \
                    or verb.doc[verb.i - 1].text != ",":
                continue
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            cited = self.reader.of_all(objects)
            if cited:
                frame.speech, frame.source = True, cited
                frame.claimed = frame.claimed or any(self.unnamed(o) for o in objects)
                frame.cues.append(f"citation({verb.lower_})")
            return

    def trailing_attribution(self, trigger):
        """ "The two air forces concluded the exercise ..., the spokesman of the army said.", parsed with
        "said" under the clause it attributes: a reporting verb closing the sentence after a comma, with
        a subject and nothing to carry of its own, speaks the whole sentence."""
        sent = trigger.sent
        for verb in sent:
            lemma = verb.lemma_.lower()
            if verb.i <= trigger.i or verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ATTRIBUTED \
                    or lemma not in self.cue.report_verbs or lemma in self.cue.clausal_report_verbs:
                continue
            subj = subject(verb)
            if subj is None or subj.i > verb.i or any(c.dep_ in CARRIED for c in verb.children):
                continue  # "..., he said that ...": a speaker with a clause of its own
            start = subj.left_edge.i
            if trigger.i < start and start > sent.start and verb.doc[start - 1].lower_ == ",":
                return verb
        return None

    def told_done(self, trigger, attribution=None) -> bool:
        """ "Seoul lodged a protest, an official said", "said Tokyo had conveyed concerns": a past act
        the reporting verb's clause tells of, not the saying itself."""
        if trigger.pos_ != "VERB":
            return False
        clause = trigger
        while clause.dep_ in ("advcl", "conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head  # "expelled two diplomats, accusing them of spying, the ministry said"
        reported = attribution is not None or clause.dep_ in ("ccomp", "parataxis") \
            and clause.head.lemma_.lower() in self.cue.report_verbs
        return reported and (clause.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                                         for c in clause.children))

    def _step(self, frame: Frame, head, dep: str, local: bool) -> bool:
        """Apply what `head` says about the clause below it; True when a speaker was found."""
        lemma = head.lemma_.lower()
        cue = self.cue
        if self.hedged(head) and dep in INTO_FRAME:
            frame.claimed = True
            frame.cues.append("hedge")
        marks = {c.lower_ for c in self._node.children if c.dep_ == "mark"} if dep in ("advcl", "ccomp") else set()
        if marks & cue.conditionals:
            frame.hypothetical = True  # "if asked", "was not clear whether Iran had sent any"
        if dep == "advcl" and marks & cue.time_marks:
            frame.background = True  # "was supplied before Russia launched its invasion": a date, not the claim
            return True  # no speaker above claims it
        copula = self.extraposed_dismissal(head, dep)
        if copula is not None:  # "It is an absolute lie that Belgrade is preparing an attack", he said
            above = copula.head
            said = copula.dep_ in ("ccomp", "parataxis") and above.lemma_.lower() in cue.report_verbs
            frame.denied_by = self.speaker(above) if said else []
            frame.cues.append(f"dismiss(it is {head.lower_})")
            return True
        if head.pos_ in ("VERB", "AUX"):
            return self._verb_step(frame, head, lemma, dep, local)
        if head.pos_ in ("NOUN", "PROPN"):
            if local and self._nominal and lemma in cue.topic_nouns and dep in ("prep", "pobj", "pcomp"):
                frame.absorbed = True  # "talks on expanding cooperation"
            if local and (lemma in cue.intent_nouns and dep in ("acl", "prep", "pcomp", "xcomp", "pobj")
                          or self.pursued(head, dep)):
                frame.planned = True
                frame.cues.append(f"intent({head.lower_})")
            if lemma in cue.claim_nouns and dep in ("acl", "prep", "pcomp", "ccomp", "relcl") \
                    and not (dep == "ccomp" and self._node.i < head.i):  # "X did Y, a charge Z denies": a comment
                return self._claim_noun(frame, head)
        elif head.pos_ == "ADJ" and local and (lemma in cue.intent_adjectives and dep == "xcomp"
                                               or dep == "prep" and any(
                    receptive_adjective(c) == head for c in self._node.children)):
            frame.planned = True
            frame.cues.append(f"intent({head.lower_})")
        return False

    def taken_part(self, noun) -> bool:
        """ "take part in joint exercises", "participate in the drills": the act itself, not background."""
        verb = noun.head.head
        if noun.head.lower_ != "in":
            return False
        for phrase in self.cue.participation_verbs:
            lemma, *obj = phrase.split()
            if verb.lemma_.lower() == lemma and (not obj or any(c.dep_ == "dobj" and c.lower_ == obj[0]
                                                                 for c in verb.children)):
                return True
        return False

    def _claim_noun(self, frame: Frame, noun) -> bool:
        """ "US reports that ...": the claim is its owner's. A speaker above it only relays it,
        unless the speaker holds it ("we have information indicating ...")."""
        vehicle = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "through", "via") else None
        if vehicle is not None and vehicle.pos_ == "VERB" and vehicle.lemma_.lower() in self.cue.report_verbs:
            frame.speech = True  # "said in a statement that ...": the speaker's own word, not a claim it relays
            frame.source = self.speaker(vehicle)
            frame.cues.append(f"report({vehicle.lower_} in {noun.lower_})")
            return True
        frame.claimed = True
        frame.cues.append(f"claim({noun.lower_})")
        owner = self.claim_owner(noun)
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.cue.deny_verbs:  # "denied reports that ..."
            frame.denied_by, frame.source = self.speaker(noun.head), owner  # "denied US claims that": US claims it
            frame.cues.append(f"deny({noun.head.lower_})")
            return True
        dismisser = self.dismissed_by(noun)
        if dismisser is not None:
            frame.denied_by, frame.source = self.speaker(dismisser), owner
            frame.cues.append(f"dismiss({dismisser.lower_})")
            return True
        if owner:
            frame.source = owner
            return True
        held = noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.cue.holding_verbs
        return not held

    def claim_owner(self, noun) -> list[str]:
        """Whose claim a claim noun is: "US reports", "the statement of the Azerbaijani ministry",
        "the allegation that ... was voiced by Sullivan"."""
        owner = self.reader.of(noun) or self.reader.of_all(self.authors(noun))  # "a report by the website X"
        if not owner and noun.dep_ == "nsubjpass":
            owner = self.reader.of_all(p for c in noun.head.children if c.dep_ == "agent"
                                       for p in c.children if p.dep_ == "pobj")
        if not owner and noun.lemma_.lower() in self.cue.statement_nouns:  # not "evidence of the UAE supplying"
            owner = self.reader.of_all(p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                       for p in c.children if p.dep_ == "pobj"
                                       and not any(a.dep_ in ("acl", "relcl") for a in p.children))
        return owner

    def according_to_which(self, frame: Frame, trigger) -> bool:
        """ "denies the statement of the Azerbaijani ministry according to which Armenian forces opened
        fire": what the clause after "according to which" tells is the claim noun's owner's claim."""
        doc = trigger.doc
        for which in trigger.sent:
            if which.lower_ not in ("which", "whom") or which.i < 2 or which.i > trigger.i \
                    or doc[which.i - 1].lower_ != "to" or doc[which.i - 2].lower_ != "according":
                continue
            noun = next((t for t in reversed(doc[trigger.sent.start:which.i - 2])
                         if t.pos_ == "NOUN" and t.lemma_.lower() in self.cue.claim_nouns), None)
            if noun is None:
                return False
            frame.speech, frame.claimed = True, True
            frame.source = self.claim_owner(noun)
            frame.cues.append(f"claim({noun.lower_} according to which)")
            denier = noun.head if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.cue.deny_verbs \
                else self.dismissed_by(noun)
            if denier is not None:
                frame.denied_by = self.speaker(denier)
            return True
        return False

    def dismissed_by(self, noun):
        """The verb whose subject dismisses a claim noun: "dismissed as baseless reports that ...",
        "called the reports fabrications", "said reports that ... were baseless" (the saying)."""
        cue, head = self.cue, noun.head
        verb = head.head if noun.dep_ == "pobj" and head.lower_ == "as" else head if noun.dep_ == "dobj" else None
        if verb is not None and verb.pos_ in ("VERB", "AUX") and (
                verb.lemma_.lower() in cue.deny_verbs or verb.lemma_.lower() in cue.labelling_verbs
                and any(t.lemma_.lower() in cue.dismissive_words for t in verb.subtree)):
            return verb
        said = noun.dep_ in ("nsubj", "nsubjpass") and head.dep_ in ("ccomp", "parataxis") \
            and head.head.lemma_.lower() in cue.report_verbs
        if said and dismissive(head):
            return head.head
        return None

    def extraposed_dismissal(self, head, dep: str):
        """The copula of "it is a lie / not true that <clause>", when `head` carries that clause."""
        if dep not in ("ccomp", "acl", "relcl"):
            return None
        nominal = dep in ("acl", "relcl")  # "a lie that ...", parsed on the noun
        copula = head.head if nominal and head.dep_ in ("attr", "acomp") else head
        if nominal and head.lemma_.lower() not in self.cue.dismissive_words:
            return None
        expletive = any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in copula.children)
        return copula if expletive and copula.lemma_.lower() == "be" and dismissive(copula) else None

    def _verb_step(self, frame: Frame, head, lemma: str, dep: str, local: bool) -> bool:
        cue = self.cue
        if local and dep in ("xcomp", "pcomp", "prep", "ccomp") and frame.content_of is None:
            frame.content_of = head
            frame.absorbed = frame.absorbed or lemma in cue.absorbing_verbs
        if local and self._nominal and dep in ("dobj", "prep") and lemma in cue.answering_verbs:
            frame.background = True  # "vowed to avenge the killing": the killing is done, and told as known
            return True
        if local and self._nominal and dep in ("dobj", "prep") and lemma in cue.topic_verbs:
            frame.absorbed = True  # "discussed military cooperation": a topic, not an act
        intent_deps = ("xcomp", "pcomp", "prep", "dobj") if self._nominal else ("xcomp", "pcomp", "prep")
        ongoing = lemma in cue.continuing_verbs  # "will continue to support": under way already
        setting = dep == "prep" and self._node.lower_ in cue.setting_preps  # "agreed ... in a phone call"
        if local and dep in intent_deps and not ongoing and not setting \
                and (lemma in cue.intent_verbs or self.future(head)):
            frame.announced = frame.announced or (self.future(head) and lemma not in cue.intent_verbs)
            frame.planned = True
            frame.cues.append(f"intent({head.lower_})")
        if local and self.pursued(head, dep):
            frame.planned = True
            frame.cues.append("intent(in talks)")
        if local and dep in ("advcl", "xcomp") and self.intent_object(head, self._node):
            frame.planned = True  # "expressed its keenness to expand training", the clause parsed on the verb
            frame.cues.append(f"intent({head.lower_})")
            if lemma in cue.report_verbs:  # ... voiced by the one who expressed it
                return self._speaker(frame, head, claimed=False, label="report")
        if local and dep == "xcomp" and negated(head):
            frame.negated = True
        if lemma in cue.hedge_passives and is_passive(head) and dep == "xcomp":
            frame.claimed = True
            frame.cues.append(f"passive({head.lower_})")
        if dep not in INTO_FRAME:
            return False
        if lemma in cue.deny_verbs and dep in DENIED and noncommittal(head):
            frame.hypothetical = True  # "neither confirmed nor denied carrying out the strike": nothing told
            return True
        if lemma in cue.deny_verbs and dep in DENIED:
            if self.appended_denial(head, dep):  # "X accused Y of ..., a charge Z denies": the accusation stands
                return True
            frame.denied_by = self.speaker(head)
            frame.cues.append(f"deny({head.lower_})")
            return True
        if lemma in cue.allege_verbs and dep == "dobj" and self._node.lemma_.lower() in lexicon().culprit_nouns:
            return self._speaker(frame, head, claimed=False, label="report")  # "claimed responsibility for"
        if lemma in cue.accuse_frames or lemma in cue.allege_verbs:
            return self._speaker(frame, head, claimed=True, label="allege")
        if lemma in cue.report_verbs and dep in INTO_SPEECH and not self.handles_object(head, dep):
            if dep == "dobj" and self.yet_to_come(head):  # "is expected to announce new sanctions"
                frame.planned = True
                frame.cues.append(f"intent({head.lower_})")
            return self._speaker(frame, head, claimed=False, label="report")
        return False

    def pursued(self, head, dep: str) -> bool:
        """ "in talks with Russia to buy jets": an infinitive on a pursuit noun (or, so parsed, on the
        copula that is "in talks"), an act pursued and not done."""
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in self._node.children):
            return False
        nouns = self.cue.pursuit_nouns
        if dep == "acl":
            return head.lemma_.lower() in nouns
        return dep == "advcl" and head.lemma_.lower() == "be" and any(
            p.lemma_.lower() in nouns for c in head.children if c.dep_ == "prep" for p in c.children)

    def intent_object(self, verb, clause) -> bool:
        """Whether an infinitive clause follows `verb`'s object that is an intent noun ("keenness to")."""
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.cue.intent_nouns and c.i < clause.i for c in verb.children)

    def appended_denial(self, verb, dep: str) -> bool:
        """ "Kenya accused Uganda of ..., a charge Kampala denies", parsed as if Kampala denied the
        whole clause before it: the denial answers the charge, not the accusing."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        subj = subject(verb)  # "an allegation Minsk rejected", parsed with the claim noun on "Minsk"
        if subj is not None and (obj is None or obj.i > verb.i):
            obj = next((c for c in subj.children if c.dep_ == "compound"), None)
        return dep == "ccomp" and self._node.i < verb.i and obj is not None and obj.i < verb.i \
            and obj.lemma_.lower() in self.cue.claim_nouns and self._node.lemma_.lower() in self.cue.accuse_frames

    def yet_to_come(self, verb) -> bool:
        """ "will announce", "is expected to unveil": what is announced is not done yet."""
        above = verb.head.lemma_.lower()
        return self.future(verb) or verb.dep_ == "xcomp" and (
            above in self.cue.intent_verbs or above in self.cue.intent_adjectives or self.future(verb.head))

    def handles_object(self, verb, dep: str) -> bool:
        """ "added the firms to its list, barring them from ...": a reporting verb with a thing
        for its object is an act, and what hangs on it beside the object is no speech. Some
        report only through a clause ("concluded the exercise" is no finding)."""
        if verb.lemma_.lower() in self.cue.clausal_report_verbs:
            return dep not in ("ccomp", "parataxis")
        if dep in ("ccomp", "parataxis", "dobj"):
            return False
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.lemma_.lower() not in self.cue.claim_nouns

    def _speaker(self, frame: Frame, head, claimed: bool, label: str) -> bool:
        frame.claimed = frame.claimed or claimed or self.unnamed_source(head)
        frame.speech = True
        source = self.cited(head) or self.speaker(head) or self.told_outlet(head)
        frame.cues.append(f"{label}({head.lower_})")
        if source:
            frame.source = source
            return not self.answered(head)
        return False

    def answered(self, verb) -> bool:
        """ "dismissed a report by X claiming that ...": the report's claim, which a denial above may answer."""
        return verb.dep_ == "acl" and verb.head.lemma_.lower() in self.cue.claim_nouns \
            and verb.head.head.lemma_.lower() in self.cue.deny_verbs

    def cited(self, verb) -> list[str]:
        """ "CNN reported, citing US officials": the claimant the outlet cites, when the text names them."""
        return self.reader.of_all(obj for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj")
                                  and c.lemma_.lower() in self.cue.citing_verbs
                                  for obj in c.children if obj.dep_ == "dobj")

    def told_outlet(self, verb) -> list[str]:
        """ "two people familiar with the matter told Reuters": unnamed speakers, the outlet they told."""
        if verb.lemma_.lower() not in self.cue.telling_verbs or not self.unnamed_source(verb):
            return []
        return [k for c in verb.children if c.dep_ in ("dobj", "dative") for k in self.reader.of(c)
                if self.reader.parties.kind(k) == "ORG"]

    def _grievance(self, frame: Frame, trigger) -> bool:
        """ "a note of protest over Tehran's supply of drones", "imposed sanctions over Iran's drone
        deliveries": an act named as the grievance is alleged by whoever holds it against the doer."""
        prep = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in self.cue.grievance_preps:
            return False
        held = self._held(prep.head)
        if held is None:
            return False
        verb = held
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "pobj", "prep", "conj") and verb.head.i != verb.i:
            verb = verb.head
        frame.claimed = True
        frame.source = self.speaker(verb) if verb.pos_ in ("VERB", "AUX") else []
        frame.cues.append(f"grievance({held.lower_})")
        return True

    def _held(self, node):
        """The grievance an "over" phrase hangs on, maybe through the grievance's own object
        ("sanctions on three officials over ...")."""
        words = self.cue.grievance_words
        for _ in range(3):
            if node.lemma_.lower() in words or any(
                    c.dep_ == "dobj" and c.lemma_.lower() in words for c in node.children):
                return node
            if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
                return None
            node = node.head
        return None

    def _according_to(self, frame: Frame, trigger) -> None:
        """ "..., according to X": X is the source of the clause the phrase hangs on; closing a
        sentence after a comma, of every clause coordinated with it ("X delivered shells to Russia
        and is preparing a launch, according to Seoul")."""
        for token in trigger.sent:
            scope = token.head
            if scope.dep_ == "conj" and token.i > trigger.i and token.nbor(-1).text == ",":
                scope = scope.head
            if token.lower_ == "according" and scope.left_edge.i <= trigger.i <= scope.right_edge.i:
                pobj = [p for to in token.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"]
                if not pobj:
                    continue
                noun = pobj[0]
                frame.speech = True
                frame.source = self.reader.of(noun) or self.reader.of_all(self.authors(noun))
                frame.claimed = frame.claimed or (not frame.source and (
                    self.unnamed(noun) or noun.lemma_.lower() in self.cue.claim_nouns))
                frame.cues.append("according-to")
                return

    def generic_subject(self, trigger) -> bool:
        """ "an attack on X would trigger the treaty", "any transfer could violate": an event noun
        with an indefinite article as the subject of what would follow from it is a supposition; so is
        "any weapons reaching Ukraine"."""
        if trigger.dep_ == "acl" and any(c.dep_ == "det" and c.lower_ == "any" for c in trigger.head.children):
            return True
        return trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass") \
            and any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in trigger.children) \
            and (self.future(trigger.head) or self.possible(trigger.head))

    # markers on a single word -------------------------------------------------
    def future(self, token) -> bool:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in self.cue.future_aux for c in token.children):
            return True
        if self.possible(token) and not self.speculated(token):  # "could retaliate": not yet done
            return True
        return token.pos_ == "NOUN" and any(
            c.dep_ in ("amod", "compound") and c.lower_ in self.cue.intent_modifiers for c in token.children)

    def possible(self, token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ in self.cue.possible_aux for c in token.children)

    def speculated(self, token) -> bool:
        """ "may have supplied": a guess about the past, an allegation."""
        return self.possible(token) and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)

    def hedged(self, token) -> bool:
        return self.speculated(token) or any(c.dep_ == "advmod" and c.lower_ in self.cue.hedges for c in token.children)


def denies_claim_above(trigger, cue) -> bool:
    """ "charges that both capitals deny", "a claim Kabul rejects": a denial hanging on the claim it denies."""
    if trigger.lemma_.lower() not in cue.deny_verbs:
        return False
    head, subj = trigger.head, subject(trigger)
    if subj is not None and any(c.dep_ == "compound" and c.lemma_.lower() in cue.claim_nouns for c in subj.children):
        return True  # the same, parsed with the claim noun as a modifier of the denier
    if trigger.dep_ == "acl" and head.lemma_.lower() in cue.claim_nouns:
        return True  # "..., an allegation denied by Pristina"
    return trigger.dep_ in ("relcl", "ccomp") and head.lemma_.lower() in cue.claim_nouns and subject(head) is None


def negated(token) -> bool:
    """ "did not send", "never sent", "sent no drones", "no drone was sent"."""
    words = frames().negations
    for c in token.children:
        if c.dep_ == "neg" or c.dep_ in ("advmod", "det", "preconj") and c.lower_ in words:
            return True
        if c.dep_ in ("nsubjpass", "dobj", "nsubj") and any(d.dep_ == "det" and d.lower_ in words for d in c.children):
            return True
    return False


def dismissive(predicate) -> bool:
    """ "... were baseless", "is a fabrication", "is not true", "has nothing to do with reality"."""
    cue = frames()
    complements = [c for c in predicate.children if c.dep_ in ("acomp", "attr", "oprd", "dobj")]
    return predicate.lemma_.lower() in cue.dismissive_words \
        or any(c.lemma_.lower() in cue.dismissive_words for c in complements) \
        or negated(predicate) and any(c.lemma_.lower() in cue.truth_words for c in complements)


def noncommittal(verb) -> bool:
    """ "neither confirmed nor denied", "would not confirm or deny": a denial coordinated with a
    confirmation not made, which says nothing."""
    other = verb.head if verb.dep_ == "conj" else next((c for c in verb.children if c.dep_ == "conj"), None)
    if other is None or other.lemma_.lower() not in frames().confirm_verbs:
        return False
    first = min(verb, other, key=lambda t: t.i)
    return negated(first) or any(c.dep_ == "preconj" and c.lower_ == "neither" for c in first.children)


def dismissed_claim(verb):
    """ "said Kurti's allegation was false": the claim noun a reporting verb's clause dismisses."""
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis")):
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lemma_.lower() in frames().claim_nouns and dismissive(clause):
            return subj
    return None


def coordinated_before(clause, verb) -> bool:
    """ "X accused Seoul of selling arms, and spokesman Y said ...", parsed with the accusation as what
    Y said: a clause ending before ", and <subject> said" (or "; <subject> said") is coordinated with the
    saying, not its content."""
    subj = subject(verb)
    if clause.i > verb.i or subj is None or subj.i > verb.i:
        return False
    start = subj.left_edge.i
    if clause.right_edge.i < start and start >= 1 and verb.doc[start - 1].text == ";":
        return True  # "X accuse Rwanda of backing M23; Kigali denies it"
    return clause.right_edge.i < start and start >= 2 and verb.doc[start - 1].lower_ in ("and", "but") \
        and verb.doc[start - 2].text == ","


def sentential_relative(clause) -> bool:
    """ "accused Abu Dhabi of arming the RSF, which the UAE denies": a clause opened by a relative
    "which" after a comma comments on the whole sentence (the model may parse it as a complement).
    Not a clause inside a relative ("a firm, which London says carried missiles")."""
    which = next((c for c in clause.children if c.lower_ == "which" and c.dep_ in ("dobj", "nsubj", "nsubjpass")), None)
    return clause.dep_ in ("ccomp", "relcl", "advcl", "conj") and which is not None and clause.head.i < which.i \
        and which.i >= 1 and which.i == clause.left_edge.i and clause.doc[which.i - 1].text == ","


def culprit_of(noun) -> bool:
    """ "said X was behind the attack": the event noun is the claim itself, not background."""
    lex = lexicon()
    prep = noun.head
    holder = prep.head.lemma_.lower()
    return prep.lower_ in lex.culprit_preps or prep.lower_ in ("for", "of", "in") and (
        holder in lex.culprit_adjectives or holder in lex.culprit_nouns and prep.head.dep_ == "dobj")


def swallowed_subject(verb):
    """ "... in the Persian Gulf, Russia's ambassador to Tehran said.": a speaker the parser hung as an
    apposition on the noun before it, leaving the reporting verb without a subject."""
    if verb.i == 0:
        return None
    token = verb.doc[verb.i - 1]
    while token.dep_ != "appos" and token.head.i < verb.i and token.head.i != token.i:
        token = token.head
    start = token.left_edge.i
    if token.dep_ == "appos" and start > 0 and verb.doc[start - 1].text == ",":
        return token
    return None


def decide(frame: Frame, etype: str, actors: list[str], targets: list[str], parties) -> tuple[str, str | None] | None:
    """The modality and source of an event in `frame`; None when it did not happen (negated, unclaimed)."""
    source = frame.source[0] if frame.source else None
    if frame.purpose:
        return ("planned" if frame.planned else "asserted"), None
    if frame.denied_by is not None:
        return "denied", (frame.denied_by[0] if frame.denied_by else None)
    if frame.negated:
        return ("denied", source) if source else None
    if frame.claimed:
        return "alleged", source
    later = "planned" if frame.planned else "asserted"
    if frame.background:
        return later, None
    if source is None:
        return later, None
    involved = [k for k in actors + targets if k]
    victim = etype in frames().victim_claims and any(parties.same_side(source, t) for t in targets if t)
    if victim and not frame.planned and not any(parties.same_side(source, a) for a in actors if a):
        return "alleged", source  # "Kyiv said Russian missiles struck ...": the victim's charge
    known_side = parties.country_of(source) is not None or parties.kind(source) == "ORG"  # a side we can tell
    if known_side and not any(parties.same_side(source, k) for k in involved):  # a third party's word: claimed ("X is mulling"),
        return ("planned" if frame.planned and frame.announced else "alleged"), source  # but "X will" is a plan told
    told = frame.told_done and etype in frames().told_acts  # "Seoul lodged a protest, ..."
    if etype in frames().speech_acts and not frame.planned and not told and any(
            parties.same_side(source, a) for a in actors):
        return later, None  # "X said Y is a partner": the saying is the act
    return later, source

