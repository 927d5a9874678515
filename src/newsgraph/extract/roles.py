"""Who did what to whom: the actor, target, object and place of an event trigger, from the parse.

Verbs take their actor from the subject (the agent in passives, the controller of
"asked Iran to deliver", the head noun of "drones used by Russia"), their target
from a party object or a preposition the PLOVER type expects, their object from
the thing given. Event nouns take their actor from a possessor, a "by" phrase or
the subject of the verb they are the object of ("launched a joint drill").
(Used by the events stage; entities' roles and titles live in affiliations.py.)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..data import load_yaml

from .lexicon import Cue, Lexicon, frames, giving_verbs, lexicon
from .parties import Parties

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})
CLIMB = frozenset({"xcomp", "pcomp", "prep", "pobj", "advcl", "conj", "acl", "dobj", "attr", "acomp", "oprd"})
NOUN_UP = frozenset({"dobj", "pobj", "prep", "attr", "conj", "appos", "compound", "nsubjpass", "oprd", "pcomp"})
OBJECT_TRIM = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advmod", "prep"})
TRADED = frozenset({"trade"})  # object classes whose "from"/"to" phrase names the party ("curbs on imports from Kenya")


@dataclass
class Arguments:
    """The parties and things a trigger's parse gives, with how each was found."""

    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    object: str | None = None
    object_classes: set[str] = field(default_factory=set)
    location: str | None = None
    governor: object = None  # the verb an event noun is the object of
    inherited: bool = False  # actor taken from another clause (control, pronoun)
    light: bool = False  # an event noun carried by a light verb ("held talks")
    filled: bool = False  # a recipient slot holds a non-party ("spoke to reporters")
    named_actor: bool = False  # the actor is the subject itself ("Iran protested"), not "Iranian students"
    reciprocal: bool = False  # "accused each other": each actor acts on the others
    how: list[str] = field(default_factory=list)


@lru_cache(maxsize=None)
def listed(name: str) -> frozenset[str]:
    """The words listed under `name` in references.yaml (lists read by the event roles only)."""
    return frozenset(str(w) for w in load_yaml("references.yaml").get(name) or ())


RECIPROCAL = "parties=accusing each other"
STOPPED = "reversed (weapons stopped)"


def reciprocal(token) -> bool:
    """ "each other", "one another", "the other": the subjects acting on one another."""
    if token is None:
        return False
    words = {token.lower_, *(c.lower_ for c in token.children if c.dep_ in ("det", "nummod"))}
    return words in ({"other", "each"}, {"another", "one"}, {"other", "the"})


def blamed(verb) -> list:
    """Whom "blamed the attack on X" blames: the object of the verb's blaming preposition."""
    word = (load_yaml("references.yaml").get("blaming_verbs") or {}).get(verb.lemma_.lower())
    return prep_objects(verb, {word}) if word else []


def laid_on(args) -> bool:
    """ "blamed the attack on al-Shabaab": an act whose doer a charge names, worth keeping untargeted."""
    return any(how.startswith(("actor=blamed", "actor=accused by")) for how in args.how)


MODIFIERS = frozenset({"amod", "compound", "npadvmod", "nmod"})
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})


def modifiers(token) -> list:
    """The words modifying `token` and theirs ("40 Chinese J-10C fighters": J-10C, and Chinese on it),
    with their conjuncts ("Chinese and Russian weapons")."""
    out = [c for c in token.children if c.dep_ in MODIFIERS]
    out += [g for c in out for g in c.children if g.dep_ in MODIFIERS]
    return out + [j for c in out for j in c.conjuncts if j not in out]


UNSPECIFIED_DETERMINERS = frozenset({"any", "either", "no", "every"})


def generic(noun) -> bool:
    """ "to any party", "to either side", "to anyone": a recipient no one in particular; in a denial,
    whoever the claim named."""
    return noun.lower_ in ("anyone", "anybody", "anything") or any(
        c.dep_ == "det" and c.lower_ in UNSPECIFIED_DETERMINERS for c in noun.children)


def child(token, *deps):
    return next((c for c in token.children if c.dep_ in deps), None)


def is_root(token) -> bool:
    return token.head.i == token.i


class Implicit(NamedTuple):
    """An understood actor: its parties, how they were found, and the verb subject read, if one was."""

    actors: list[str]
    how: str
    subject: object = None


def relative_antecedent(verb):
    """What a relative clause is about, when it is the object left out of an act told inside it:
    "the Houthis, whom Riyadh accuses Iran of arming", "Hezbollah, which it accuses Iran of supplying"."""
    node = verb
    while node.dep_ in ("pcomp", "pobj", "prep", "xcomp") and node.head.i != node.i:
        node = node.head
    if node.i == verb.i or node.dep_ != "relcl":
        return None
    pronoun = next((t for t in node.subtree if t.i < node.i and t.lower_ in RELATIVE), None)
    if pronoun is None or pronoun.dep_ in ("nsubj", "nsubjpass"):
        return None
    return node.head


def infinitive_of_noun(verb) -> bool:
    """ "its readiness to take part", "Kenya's decision to send troops": the noun is no subject of the verb."""
    return verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def receptive_adjective(word):
    """The adjective an event word is what someone is open or ready to: "open to cooperation",
    "ready for talks", "open to cooperating"."""
    prep = word.head
    if word.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep" or prep.lower_ not in ("to", "for"):
        return None
    adjective = prep.head
    if adjective.pos_ == "ADJ" and adjective.dep_ in ("acomp", "xcomp", "oprd") \
            and adjective.lemma_.lower() in frames().receptive_adjectives:
        return adjective
    return None


def prep_objects(token, preps) -> list:
    """Objects of `token`'s prepositions named in `preps`, in order ("with Russia" -> Russia)."""
    out = []
    for c in token.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            out += [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
            out += [p for q in c.children if q.dep_ == "prep" for p in q.children if p.dep_ == "pobj"]  # "out of Mali"
    return out


def nested_nouns(noun, depth: int = 3) -> list:
    """Nouns hanging on `noun` by "of"/"in" ("its experience in the production of drones"): spaCy often
    attaches the object's "with Tajikistan" to the last of them instead of the verb."""
    out, node = [], noun
    for _ in range(depth if noun is not None else 0):
        node = next((p for c in node.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                     for p in c.children if p.dep_ == "pobj"), None)
        if node is None:
            break
        out.append(node)
    return out


def coordinated(verb) -> list:
    """Verbs coordinated with `verb` ("sent or promised missiles to Russia"), which share its objects."""
    return [c for c in verb.conjuncts if c.pos_ in ("VERB", "AUX")]


def helped(verb, helping: frozenset[str]) -> list:
    """ "helped escort the convoys to Juba": the act a helping verb helps with, whose phrases name who gains."""
    if verb.lemma_.lower() not in helping:
        return []
    return [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]


def plain_object(verb):
    """The object of `verb` itself: "which Nairobi accuses Eritrea of" has two, and Eritrea is it."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in RELATIVE), None) or child(verb, "dobj")


def direct_object(verb):
    """The direct object, shared with coordinated verbs; a relative pronoun stands for its noun."""
    obj = plain_object(verb)
    if obj is None:
        obj = next((o for c in coordinated(verb) for o in [child(c, "dobj")] if o is not None), None)
    if obj is not None and obj.lower_ in RELATIVE and verb.dep_ == "relcl":
        if obj.lower_ == "which" and verb.lemma_.lower() in frames().deny_verbs and verb.doc[obj.i - 1].text == ",":
            return None  # "arming the RSF, which the UAE denies": the denial answers the sentence, not the RSF
        return verb.head
    if obj is None and verb.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in verb.children):
        return first_conjunct(verb.head)  # "the firms it accused of ...": the object the relative leaves out
    return obj


def partitive(token):
    """ "40 of the drones", "one of its vessels": the thing counted, not the count."""
    if token is not None and (token.pos_ == "NUM" or token.lower_ in ("some", "several", "many", "most", "all")):
        return next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"), token)
    return token


def barrage(weapon) -> bool:
    """ "40 drones", "hundreds of missiles", "a wave of drones": more than one weapon, an attack
    under way (not one aircraft lost)."""
    if weapon.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in weapon.children):
        return True
    return weapon.dep_ == "pobj" and weapon.head.head.lemma_.lower() in listed("barrage_nouns")


def first_conjunct(token):
    """ "officials and companies it accused": a relative clause on the last conjunct speaks of them all."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def said_of(verb) -> bool:
    """ "firms it said had supplied engines", "a man police believe planted the bomb": a clause told of
    the noun a relative clause of speech describes, whose gap is the subject."""
    speech = verb.head
    if verb.dep_ != "ccomp" or speech.dep_ != "relcl" or speech.head.pos_ not in ("NOUN", "PROPN"):
        return False
    speaker = next((c for c in speech.children if c.dep_ in SUBJECTS), None)
    return speaker is not None and speech.head.i < speaker.i < speech.i


def is_passive(verb) -> bool:
    """ "drones were supplied", "drones supplied by Iran"; not "that it had supplied drones"."""
    if any(c.dep_ in ("nsubj", "csubj") for c in verb.children):
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def passive_accusal(verb) -> bool:
    """ "X was accused by Y of ...", "firms accused of supplying ...", "X stands accused of":
    an accusing verb whose accused is not its object."""
    if verb.lemma_.lower() not in frames().accuse_frames or verb.tag_ not in ("VBN", "VBD"):
        return False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)  # "has been accused by Y of"
    if any(c.dep_ in ("dobj", "csubj") or c.dep_ == "aux" and not passive for c in verb.children):
        return False
    subj = child(verb, "nsubj")
    if subj is not None:  # "companies accused of ...", misparsed as a clause; not "the firms it accused of"
        return verb.dep_ not in ("ROOT", "relcl") and subj.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "prep" and c.lower_ in ("of", "for") for c in verb.children)
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.dep_ in (
        "acl", "advcl", "acomp", "oprd", "xcomp")


def stands_accused(verb) -> bool:
    """ "X stands accused of", "X remains accused of": the participle completes its head verb."""
    return verb.dep_ in ("acomp", "oprd", "xcomp") or verb.dep_ == "advcl" and verb.i - 1 == verb.head.i


def accused_tokens(verb) -> list:
    """Who a passive accusal accuses: its passive subject, the subject of "stands accused",
    or the noun phrase right before the participle ("firms in Kenya accused of ...")."""
    subj = child(verb, "nsubjpass", "nsubj")
    if subj is None and stands_accused(verb):
        subj = subject(verb.head)
    if subj is None:
        before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
        before = before if before is not None and before.pos_ in ("NOUN", "PROPN") else None
        subj = before if before is not None else (verb.head if verb.dep_ == "acl" else None)
    return [] if subj is None else [subj, *subj.conjuncts]


def subject(verb):
    """The subject token; for relative clauses and participles, the noun they modify."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    subj = subjects[-1] if len(subjects) > 1 and subjects[-1].i < verb.i else child(verb, *SUBJECTS)
    # "TAIPEI, Oct 14 (AP) - China's military launched ...": of two subjects, the one next to the verb
    if subj is not None:
        if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
            return verb.head
        if subj.lower_ in RELATIVE and said_of(verb):
            return verb.head.head  # "firms that it said had supplied drones", parsed with "that" on "supplied"
        return subj
    if said_of(verb):  # "companies it said had supplied engines": the companies supplied them
        return verb.head.head
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return None


def passive_thing(patient, cue: Cue) -> bool:
    """A pronoun subject of a passive giving verb stands for the thing given: "many of them were
    supplied by Iran"; with a "with" phrase it is the recipient ("they were supplied with drones")."""
    if patient is None or cue.type != "AID" or patient.dep_ != "nsubjpass" or prep_objects(patient.head, {"with"}):
        return False
    return patient.pos_ == "PRON" or any(p.pos_ == "PRON" for p in prep_objects(patient, {"of"}))


class Reader:
    """Reads the arguments of triggers in one parsed document."""

    def __init__(self, parties: Parties, lex: Lexicon | None = None):
        self.parties = parties
        self.lex = lex or lexicon()

    # parties of tokens ------------------------------------------------------
    def of(self, token, hint=None) -> list[str]:
        return self.parties.phrase(token, hint) if token is not None else []

    def of_all(self, tokens) -> list[str]:
        return list(dict.fromkeys(k for t in tokens for k in self.of(t)))

    def implicit_actor(self, verb) -> Implicit:
        """The understood subject of a verb without one: "asked Iran to deliver", "accused X of supplying"."""
        if verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "about"):  # "evidence of the UAE supplying weapons"
            doer = self.of_all(c for c in verb.head.children if c.dep_ == "pobj" and c.i < verb.i)
            if doer:
                return Implicit(doer, "doer named before " + verb.lower_)
        cur = verb
        for _ in range(8):
            head = cur.head
            if is_root(cur) or cur.dep_ not in CLIMB:
                return Implicit([], "")
            if head.pos_ in ("NOUN", "PROPN"):
                owner = self.of(child(head, "poss"))
                if owner:
                    return Implicit(owner, "possessor of " + head.lower_)
                if cur.lower_ == "of" and head.dep_ == "dobj" and self.agentive(head) and self.of(head):
                    return Implicit(self.of(head), "accused " + head.lower_)  # "accused X vessels of harassing"
            elif head.pos_ in ("VERB", "AUX") and cur.dep_ != "conj":
                found = self._controller(head, cur)
                if found.actors:
                    return found
            elif cur.dep_ == "conj":
                found = self.of(subject(head))
                if found:
                    return Implicit(found, "shared subject")
            cur = head
        return Implicit([], "")

    def accuser(self, verb) -> list[str]:
        """Who makes a passive accusal: its "by" agent, else whoever acts in the clause that
        names the accused ("Canada sanctioned firms accused of ..." is Canada's charge)."""
        found = self.of_all(prep_objects(verb, {"by"}))
        if found or is_root(verb) or child(verb, "nsubjpass") is not None or stands_accused(verb):
            return found
        cur = verb.head
        for _ in range(6):
            if cur.pos_ in ("VERB", "AUX") and self.of(subject(cur)):
                return self.of(subject(cur))
            if is_root(cur):
                return []
            cur = cur.head
        return []

    def _controller(self, head, via) -> Implicit:
        if passive_accusal(head):  # "X was accused by Y of supplying": X supplied
            return Implicit(self.of_all(accused_tokens(head)), f"accused by {head.lower_}")
        if via.dep_ in ("xcomp", "prep", "pcomp"):
            controller = plain_object(head) or child(head, "dative")
            controller = direct_object(head) if controller is None else controller
            if reciprocal(controller) and len(self.of(subject(head))) >= 2:  # "accused each other of shelling"
                return Implicit(self.of(subject(head)), RECIPROCAL)
            tool = head.lemma_.lower() in listed("instrument_verbs")  # "used Iranian drones to attack"
            obj = self.of(controller) if controller is not None and self.agentive(controller) and not tool else []
            if obj and head.lemma_.lower() in self.lex.joining_verbs:  # "Norway joined the EU in sanctioning"
                return Implicit(list(dict.fromkeys(self.of(subject(head)) + obj)), f"subject and object of {head.lower_}")
            if obj:
                return Implicit(obj, f"object of {head.lower_}")
        if is_passive(head):
            found = self.of_all(prep_objects(head, {"by"}))
            if found or via.dep_ != "xcomp":  # "Kenya is set to receive", "Iran was asked to deliver": the subject
                return Implicit(found, f"agent of {head.lower_}")
        subj = subject(head)
        return Implicit(self.of(subj), f"subject of {head.lower_}", subj)

    def agentive(self, token) -> bool:
        """Whether a noun can do things: a party, a pronoun, an agent noun ("officials", "the junta"), not "reports"."""
        return (self.parties.direct(token) is not None or token.pos_ == "PRON"
                or token.lemma_.lower() in self.parties.refs.agent_nouns
                or token.lemma_.lower() in self.parties.refs.home_nouns)

    # objects ----------------------------------------------------------------
    def object_words(self, token) -> set[str]:
        """Lemmas that say what a thing is: the head, its modifiers, and "hundreds of <drones>"."""
        words = {token.lemma_.lower(), token.lower_}
        for c in token.children:
            if c.dep_ in ("compound", "amod", "nmod"):
                words |= {c.lemma_.lower(), c.lower_}
            elif c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        words |= self.object_words(p)
        if self.parties.kind(self.parties.at(token)) == "WEAPON":
            words.add("weapon")
        return words

    def classes(self, token) -> set[str]:
        if token is None:
            return set()
        words = self.object_words(token)
        classes = self.lex.classes_of(words)
        if "weapon" in words:
            classes.add("weapon")
        if words & listed("immaterial_modifiers"):
            classes.discard("aid")  # "political support", "moral backing": words, not material help
        return classes

    @staticmethod
    def object_text(token) -> str:
        """The object phrase, trimmed of clauses and appositions ("several hundred IRGC drones")."""
        left = [t for t in token.lefts if t.dep_ not in ("det", "poss", "punct", "cc", "predet")]
        start = min([token.i] + [min(t.left_edge.i, t.i) for t in left])
        end = token.i + 1
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            end = max(t.i for t in of.subtree if t.dep_ not in OBJECT_TRIM or t.i == of.i) + 1
        return token.doc[start:end].text.strip(" ,\"'“”")

    # places -----------------------------------------------------------------
    def location(self, *tokens) -> str | None:
        for token in tokens:
            if token is None:
                continue
            for pobj in prep_objects(token, self.lex.location_preps):
                key = self.parties.at(pobj) or next(
                    (self.parties.at(c) for c in pobj.children if c.dep_ == "compound"), None)
                if key and self.parties.kind(key) == "LOCATION":
                    return key
        return None

    def place(self, token) -> str | None:
        """The place (a city, or a capital standing for its country) a location phrase names."""
        for pobj in prep_objects(token, self.lex.location_preps):
            key = self.parties.at(pobj)
            if key and self.parties.kind(key) in ("LOCATION", "COUNTRY"):
                return key
        return None

    # verbs and nouns --------------------------------------------------------
    def targets_by_prep(self, token, etype: str, args: Arguments | None = None) -> tuple[list[str], str]:
        """The first party named by one of the type's target prepositions ("to Russia")."""
        for pobj in prep_objects(token, self.lex.preps_for(etype)):
            prep = pobj.head.lower_
            if args is not None and prep not in self.lex.location_preps and not generic(pobj):
                args.filled = True
            found = self.of(pobj)
            if not found and prep not in self.lex.location_preps and self.classes(pobj) & TRADED:
                found = self.of_all(prep_objects(pobj, {"from", "to", "of"}) or prep_objects(token, {"from"}))
                # "curbs on imports from Kenya" (the "from" phrase may hang on "curbs")
            if prep in self.lex.location_preps:  # a place is where, not whom; but a bombing "in Kabul" hits its state
                hits = etype in self.lex.place_targets and prep == "in"
                found = [k for k in found if self.parties.kind(k) != "LOCATION"
                         or hits and self.parties.kind(self.parties.country_of(k)) == "COUNTRY"]
            if found:
                return found, "prep " + prep
        return [], ""

    def verb(self, verb, cue: Cue) -> Arguments:
        if passive_accusal(verb):
            return self.accusal(verb)
        args = Arguments()
        passive = is_passive(verb)
        subj = None if infinitive_of_noun(verb) else subject(verb)  # "a contract to sell jets": no seller yet
        if passive and subj is None and verb.dep_ == "xcomp":
            subj = subject(verb.head)  # "the jets are expected to be handed over": the jets are handed over
        patient = subj if passive else direct_object(verb)
        if patient is None and not passive:
            patient = relative_antecedent(verb)  # "the Houthis, whom Riyadh accuses Iran of arming"
        if passive:
            args.actors = self.of_all(prep_objects(verb, {"by"}))
            args.how.append("agent")
            if not args.actors and verb.lemma_.lower() in listed("hosting_verbs"):
                host = self.parties.country_of(self.place(verb)) or self.parties.sentence_country(verb)
                args.actors = [host] if host else []
                args.how.append("host country")  # "pilots will be trained in Turkey": Turkey trains them
            if not args.actors and cue.type in listed("own_patient_types") and patient is not None \
                    and self.classes(patient) & {"troops", "weapon"}:
                args.actors = [k for k in self.of(patient) if self.parties.kind(k) in ("COUNTRY", "ORG")]
                args.how.append("owner of the subject")  # "French troops were withdrawn"
        elif subj is not None:
            args.actors = [] if cue.type != "AID" and self.made_by(subj) else self.of(subj)
            args.named_actor = self.parties.direct(subj) is not None
            args.how.append("subject")
        if not args.actors and not passive and subj is None:
            implicit = self.implicit_actor(verb)
            args.actors, args.inherited = implicit.actors, bool(implicit.actors)
            args.reciprocal = implicit.how == RECIPROCAL
            args.how.append(implicit.how)
            # "Japan summoned the envoy to protest": the state itself acts, as its subject
            args.named_actor = implicit.subject is not None and self.parties.direct(implicit.subject) is not None
        self._patient(verb, patient, cue, args)
        args.reciprocal = args.reciprocal or not args.targets and len(args.actors) >= 2 and (
            reciprocal(patient) or cue.joint is True and cue.type not in self.lex.symmetric)  # "traded accusations"
        if not args.targets and blamed(verb):  # "blamed the attack on al-Shabaab": al-Shabaab is accused
            args.targets = self.of_all(blamed(verb))
            args.how.append("target=blamed")
        if not args.targets and not cue.reverse:
            self._means_of(verb, args)
        if cue.reverse:
            self._reverse(verb, patient, cue, args)
        elif cue.party_object and (patient is None or patient.lower_ in REFLEXIVES):
            self._armed_by_makers(verb, args)
        if not args.actors and cue.type == "AID" and verb.dep_ in ("ccomp", "xcomp") \
                and verb.head.lemma_.lower() in listed("permitting_verbs"):  # "letting drones reach the RSF"
            permitter = subject(verb.head)
            args.actors = self.of(permitter) if permitter is not None else self.implicit_actor(verb.head).actors
            if args.actors:
                args.how.append(f"actor=who let it ({verb.head.lower_})")
        args.location = self.location(verb, patient)
        return args

    def _means_of(self, verb, args: Arguments) -> None:
        """ "backing Russia's war effort by providing drone technology": an act done as the means of
        another is aimed where that one is."""
        if verb.dep_ != "pcomp" or verb.head.lower_ != "by" or verb.head.head.pos_ != "VERB":
            return
        end = direct_object(verb.head.head)
        args.targets = [k for k in self.of(end) if not any(self.parties.same_side(k, a) for a in args.actors)]
        if args.targets:
            args.how.append("target=object of " + verb.head.head.lower_)

    def _armed_by_makers(self, verb, args: Arguments) -> None:
        """ "Serbia is arming itself with Chinese and Russian weapons": who arms itself receives, the
        makers of what it arms with give."""
        things = prep_objects(verb, {"with"})
        givers = [k for k in self.giver([verb], things, designers=True) if k not in args.actors]
        if things and givers and args.actors:
            args.actors, args.targets = givers, args.actors
            args.how += ["armed by the makers", "target=object"]

    def accusal(self, verb) -> Arguments:
        """ "X was accused by Y of ...": Y accuses X; no accuser named, no accusation event."""
        args = Arguments(actors=self.of_all(prep_objects(verb, {"by"})), how=["passive accusal"])
        accused = self.of_all(accused_tokens(verb))
        args.targets = [k for k in accused if k not in args.actors]
        args.filled = True
        return args

    def _patient(self, verb, patient, cue: Cue, args: Arguments) -> None:
        """Split the verb's object into a target (a party) and the thing acted on."""
        patient_parties = self.of(patient) if patient is not None else []
        if args.actors:  # "pulled its forces out of Mali": one's own forces are not the target
            patient_parties = [k for k in patient_parties if not any(self.parties.same_side(k, a) for a in args.actors)]
        with_obj = next(iter(prep_objects(verb, {"with"})), None)
        thing = patient
        spoken_to = cue.type in frames().speech_acts  # "accused Chinese vessels of ...": a party, not a weapon
        hits_owner = spoken_to or cue.type in self.lex.owner_targets and self.owned_thing(patient)
        if passive_thing(patient, cue):  # "many of them were supplied by Iran": them, the weapons
            patient_parties = []
        if patient is not None and generic(patient) and self.parties.direct(patient) is None:
            patient_parties = []  # "denied arming any group in Sudan": whoever the claim named
        if patient_parties and (hits_owner or "weapon" not in self.classes(patient)
                                or patient.lemma_.lower() in self.lex.handler_nouns
                                or cue.party_object and all(self.parties.kind(k) == "ORG" for k in patient_parties)):
            # ("sheltering JNIM fighters": an armed group's fighters, not fighter jets)
            args.targets = patient_parties
            args.how.append("target=object")
            thing = with_obj if cue.type not in self.lex.symmetric else None
            if thing is None and self.parties.direct(patient) is None and child(patient, "poss") is not None:
                thing = patient  # "reduced Russia's diplomatic presence": Russia's, and a presence
            self._owner_over_place(patient, args)
        else:
            args.targets = self.of(child(verb, "dative"))
            if args.targets:
                args.how.append("target=dative")
        if not args.targets:
            args.filled = patient is not None and not cue.object and not generic(patient)
            related = coordinated(verb) + helped(verb, self.lex.beneficiary_verbs)
            open_object = patient is not None and generic(patient)  # "any group in Sudan" names no one
            holders = [verb] + ([] if open_object else [patient] + nested_nouns(patient)) \
                + [h for c in related for h in (c, child(c, "dobj"))]
            for holder in holders:
                if holder is not None:
                    args.targets, how = self.targets_by_prep(holder, cue.type, args)
                    if args.targets:
                        break
            if args.targets:
                args.how.append("target=" + how)
        if not args.targets and cue.type in self.lex.clause_targets:  # "demanded that Kenya release ..."
            clause = child(verb, "ccomp")
            args.targets = self.of(subject(clause)) if clause is not None else []
            if args.targets:
                args.how.append("target=subject of " + clause.lower_)
        if not args.targets and thing is not None and not self.is_weapon(thing):
            # "reduced Iran's diplomatic presence" (but "used Iran's drones" is no act on Iran)
            owners = self.of(child(thing, "poss"))
            if not owners and spoken_to:  # "condemned the launch by North Korea"
                owners = self.of_all(prep_objects(thing, {"by"}))
            args.targets = [k for k in owners if not any(self.parties.same_side(k, a) for a in args.actors)]
            if args.targets:
                args.how.append("target=owner of object")
        hit = partitive(patient)  # "rammed one of its vessels"
        if not args.targets and hit is not None and self.is_weapon(hit) \
                and cue.lemma in listed("defeat_verbs"):
            owners = self.weapon_owners(hit)
            args.targets = [k for k in owners if not any(self.parties.same_side(k, a) for a in args.actors)]
            if args.targets:
                args.how.append("target=owner of the weapon hit")
        thing = thing if thing is not None or patient_parties else with_obj  # "respond with force"
        if thing is not None:
            args.object = self.object_text(thing)
            args.object_classes = self.classes(thing)

    def _intercepted(self, verb, patient, args: Arguments) -> None:
        """ "Saudi air defences intercepted a Houthi drone", "Ukraine shot down 40 drones launched by
        Russia": the attack is by whoever sent the weapons, on the side that stopped them. One aircraft
        shot down ("downed a Kenyan helicopter") stays the shooter's act."""
        hit = partitive(patient)
        if hit is None or verb.lemma_.lower() not in listed("intercepting_verbs") and not barrage(hit):
            return
        sent_by = [p for acl in hit.children if acl.dep_ in ("acl", "relcl")
                   for a in acl.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        sent_by += [subject(r) for r in hit.children if r.dep_ == "relcl" and subject(r) is not None
                    and subject(r).lower_ not in RELATIVE]  # "the drones Russia launched"
        launchers = self.of_all(sent_by) or self.weapon_owners(hit)
        launchers = [k for k in launchers if not any(self.parties.same_side(k, d) for d in args.actors)]
        if launchers:
            args.actors, args.targets = launchers, args.actors
            args.how.append(STOPPED)

    def weapon_owners(self, weapon) -> list[str]:
        """Whose weapon it is: "a Kenyan military helicopter", "Russia's jets", "a drone belonging to the
        Malian army" (not "launched by": who fired it is not who lost it)."""
        mods = [c for c in weapon.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                and c.lemma_.lower() not in self.parties.refs.making_participles]  # "Iranian-made": its maker's
        belonging = [p for acl in weapon.children if acl.dep_ == "acl" and acl.lemma_.lower() == "belong"
                     for prep in acl.children if prep.lower_ == "to" for p in prep.children if p.dep_ == "pobj"]
        return self.of_all(mods + belonging)

    def made_by(self, thing) -> bool:
        """ "Iranian-made drones struck Kyiv": a weapon named by its maker, who is not its user (though
        what arrives somewhere comes from its maker: AID keeps it)."""
        return "weapon" in self.classes(thing) and any(
            c.dep_ == "amod" and c.lemma_.lower() in self.parties.refs.making_participles for c in thing.children)

    def is_weapon(self, token) -> bool:
        """Whether the word itself (not a modifier: "weapons depot") names a weapon."""
        return "weapon" in self.lex.classes_of({token.lemma_.lower()})

    def owned_thing(self, patient) -> bool:
        """ "a Hezbollah arms depot", "Iran's missile programme": a thing that is no weapon itself
        (a weapon is what is used: "used Iran's drones"), its owner named on it."""
        if patient is None or self.is_weapon(patient):
            return False
        return any(c.dep_ in ("poss", "compound", "amod", "nmod") and self.of(c) for c in patient.children)

    def _owner_over_place(self, patient, args: Arguments) -> None:
        """ "shelled its positions in the Nakhchivan exclave": a place of no known country is where;
        the positions' owner is who was hit."""
        if not all(self.parties.kind(k) == "LOCATION" and not self.parties.country_of(k) for k in args.targets):
            return
        owners = [k for k in self.of(child(patient, "poss")) if not any(self.parties.same_side(k, a) for a in args.actors)]
        if owners:
            args.targets = owners
            args.how.append("target=owner of object, not its place")

    def giver(self, holders, things, preps=frozenset({"from"}), makers: bool = True,
              designers: bool = False) -> list[str]:
        """Who gives what a buyer or receiver gets: a "from" phrase on the verb or noun, or on the
        thing got ("bought drones from Iran", parsed on "drones"); else, with `makers`, the thing's
        maker ("Turkish drones"), and with `designers` a known weapon's designer ("J-10C fighters")."""
        found = self.of_all([p for h in holders for p in prep_objects(h, preps)]
                            + [p for t in things for p in prep_objects(t, {"from"})])
        found = found or self.of_all(subject(r) for t in things for r in t.children  # "jets, which Turkey will
                                     if r.dep_ == "relcl" and r.lemma_.lower() in giving_verbs()  # deliver"
                                     and subject(r) is not None and subject(r).i > t.i)
        if found or not makers:
            return found
        return list(dict.fromkeys(k for t in things for c in modifiers(t)
                                  for k in [self.parties.maker(c) if designers else self.parties.direct(c)] if k))

    def _reverse(self, verb, patient, cue: Cue, args: Arguments) -> None:
        """Receiving, buying, hosting: the subject is the recipient or host; intercepting: the target."""
        if cue.type == "ASSAULT":
            self._intercepted(verb, patient, args)
            return
        if cue.type == "CONSULT":
            args.actors, args.targets = self.of(patient), args.actors
        else:  # "relied on Russia for arms": the particle's object gives too
            giver = self.giver([verb], [patient] if patient is not None else [], frozenset({"from", *cue.particle}),
                               designers=cue.type == "AID")
            args.actors, args.targets = giver, args.actors
            args.filled = True  # a buyer the clause leaves unnamed is not an earlier event's recipient
        args.how.append("reversed")

    def noun(self, noun, cue: Cue) -> Arguments:
        args = Arguments()
        owner = child(noun, "poss")
        args.actors = self.of(owner) or self.of_all(prep_objects(noun, {"by"}))
        if args.actors:
            args.how.append("possessor")
        elif cue.type in listed("modifier_actor_types"):  # "Russian arms sales to Peru", "Israeli airstrikes"
            mods = [c for c in noun.children if c.dep_ == "amod"]  # not compounds: "Iran sanctions" target Iran
            mods += [g for c in noun.children if c.dep_ == "compound" for g in c.children if g.dep_ == "amod"]
            mods += [j for m in mods for j in m.conjuncts]  # "Iranian and Russian naval drills"
            mods += [c for c in noun.children if c.dep_ == "compound"  # "the RSF attack" (not "the Iran sanctions")
                     and self.parties.kind(self.parties.direct(c)) == "ORG"]
            args.actors = [k for m in mods for k in [self.parties.direct(m)] if k and self.parties.kind(k) != "LOCATION"]
            if args.actors:
                args.how.append("actor=modifier")
        if not args.actors and cue.type in self.lex.symmetric:  # "a joint Iran-Russia exercise", "US-Iran talks"
            named = self.modifier_parties(noun)
            if len(named) >= 2:
                args.actors, args.targets = named[:1], named[1:]
                args.how.append("parties=modifiers")
        between = self.of_all(prep_objects(noun, {"between", "among"}))
        if len(between) >= 2:
            args.actors, args.targets = between[:1], between[1:]
            args.how.append("between")
        if not args.targets:
            args.targets, how = self.targets_by_prep(noun, cue.type, args)
            if args.targets:
                args.how.append("target=" + how)
        if noun.dep_ in ("nsubj", "nsubjpass") and not args.targets:
            self._from_predicate(noun.head, cue, args)
        self._noun_of(noun, args)
        args.governor, via = self.governor(noun)
        if args.governor is not None:
            self._undergone(noun, args.governor, via, args)
        if not args.actors:
            self._culprit(noun, args)
            if args.actors and not args.targets and noun.dep_ == "dobj" \
                    and noun.head.lemma_.lower() in frames().deny_verbs:  # "denies any support to X", parsed
                args.targets, how = self.targets_by_prep(noun.head, cue.type, args)  # with "to X" on the verb
                if args.targets:
                    args.how.append(f"target={how} of {noun.head.lower_}")
        if not args.actors:
            self._receptive(noun, args)
        if args.governor is not None:
            self._from_governor(args.governor, via, cue, args, noun.head.head.i == args.governor.i)
            self._taken(noun, args.governor, via, args)
        if not args.actors and cue.type == "AID" and not cue.reverse:  # "arms transfers from North Korea to Russia"
            # "the delivery of drones from Iran", parsed on "drones"; "Turkish drones" may be bought from anyone
            args.actors = self.giver([noun], prep_objects(noun, {"of"}), makers=False)
            if args.actors:
                args.how.append("actor=from")
        if not args.actors and args.targets and cue.type in self.lex.symmetric:
            self._speakers_own(noun, args)
        if not args.targets and cue.type == "AID":
            self._beneficiary(noun, args)
        if cue.reverse:
            self._bought(noun, args)
        args.location = self.location(noun, args.governor)
        return args

    def modifier_parties(self, noun) -> list[str]:
        """The parties named in the modifiers of a noun, hyphen chains included ("China-Iran-Russia
        navy exercise", "joint Iranian-Russian drill"); places are no party."""
        found, todo = [], [c for c in noun.children if c.dep_ in MODIFIERS]
        while todo:
            word = todo.pop(0)
            key = self.parties.direct(word)
            if key and self.parties.kind(key) != "LOCATION" and not any(self.parties.same_side(key, k) for k in found):
                found.append(key)
            todo += [c for c in word.children if c.dep_ in MODIFIERS or c.dep_ == "conj"]
        return sorted(found, key=lambda k: self.first_mention(noun, k))

    def first_mention(self, noun, key: str) -> int:
        """Where `key` is named among `noun`'s modifiers, to keep the text's order."""
        return next((t.i for t in noun.subtree if self.parties.direct(t) == key), noun.i)

    def _bought(self, noun, args: Arguments) -> None:
        """ "Romania approved the purchase of tanks from the US", "Iran's purchase of Russian jets":
        the buyer (possessor, or whoever handles the purchase) receives; the seller, or the maker
        of what is bought, gives."""
        giver = self.giver([noun], prep_objects(noun, {"of"}), designers=True)
        buyer = args.actors
        if not buyer and args.governor is not None:  # "accused Armenia of arming itself through purchases from ..."
            buyer = self.of(subject(args.governor)) or (
                self.implicit_actor(args.governor).actors if subject(args.governor) is None else [])
        args.actors, args.targets = giver, [k for k in buyer if k not in giver]
        args.how.append("reversed (bought)")

    def _taken(self, noun, verb, via: str, args: Arguments) -> None:
        """ "Peru took delivery of helicopters from Russia": the subject receives, the "from" party gives."""
        receiver = self.of(subject(verb))
        if via or verb.lemma_.lower() not in listed("receiving_verbs") or not receiver or args.actors not in ([], receiver):
            return
        giver = self.giver([noun, verb], prep_objects(noun, {"of"}), designers=True)  # "delivery of jets from Russia"
        if giver:
            args.actors, args.targets = giver, [k for k in receiver if k not in giver]
            args.how.append(f"received ({verb.lower_})")

    def _undergone(self, noun, verb, via: str, args: Arguments) -> None:
        """ "Kenya faces sanctions from Canada": Canada acts on Kenya."""
        subj = subject(verb)
        if verb.lemma_.lower() in self.lex.undergo_verbs and via in ("", "under") and subj is not None:
            # "faced drone and missile attacks by the Houthis", parsed with "by" on "drone"
            doers = [p for n in (noun, *noun.conjuncts) for p in prep_objects(n, {"from", "by"})] \
                + prep_objects(verb, {"from", "by"})
            args.actors = args.actors or self.of_all(doers)
            args.targets = [k for k in self.of(subj) if k not in args.actors]
            args.how.append(f"undergone ({verb.lower_})")

    def _speakers_own(self, noun, args: Arguments) -> None:
        """ "the spokesman said cooperation with North Korea was lawful": a partnership named with one
        partner only, as the subject of what a speaker says, is the speaker's side's."""
        clause = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" \
                or clause.head.lemma_.lower() not in frames().report_verbs:
            return
        speakers = [self.parties.lift(k) for k in self.of(subject(clause.head))]
        args.actors = [k for k in speakers if k and k not in args.targets]
        if args.actors:
            args.how.append("actor=side of the speaker")

    def _receptive(self, noun, args: Arguments) -> None:
        """ "Chad remained open to cooperation with France", "is ready for talks": whoever is open to it."""
        adjective = receptive_adjective(noun)
        if adjective is None or adjective.head.pos_ not in ("VERB", "AUX"):
            return
        args.actors = self.of(subject(adjective.head))
        if args.actors:
            args.how.append(f"actor=subject of {adjective.head.lower_} {adjective.lower_}")

    def _culprit(self, noun, args: Arguments) -> None:
        """ "Kenya was behind the attack", "Kenya was responsible for the strike": Kenya acts."""
        if noun.dep_ == "dobj" and blamed(noun.head):  # "blamed the attack on al-Shabaab"
            args.actors = self.of_all(blamed(noun.head))
            if args.actors:
                args.how.append(f"actor=blamed by {noun.head.lower_}")
            return
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in frames().deny_verbs and subject(noun.head) is not None:
            args.actors = self.of(subject(noun.head))  # "the UAE denies any military support to the RSF"
            if args.actors:
                args.how.append(f"actor=who {noun.head.lower_} it")
            return
        prep = noun.head if noun.dep_ == "pobj" else None
        holder = prep.head if prep is not None and prep.dep_ == "prep" else None
        if holder is None:
            return
        if holder.dep_ == "dobj" and "blame" in self.classes(holder) and self._traded(holder.head):
            args.actors = self.of(subject(holder.head))  # "traded accusations of shelling": each side's charge
            args.reciprocal = len(args.actors) >= 2
            if args.reciprocal:  # against the other side (not the place it happened)
                args.targets = []
                args.how.append(f"{RECIPROCAL} ({holder.head.lower_})")
            return
        accused = child(holder, "dobj") if prep.lower_ in ("of", "for") and not passive_accusal(holder) \
            and holder.lemma_.lower() in frames().accuse_frames else None
        if accused is not None and accused.i < noun.i and reciprocal(accused):  # "blamed each other for the shelling"
            args.actors = self.of(subject(holder)) if holder.pos_ in ("VERB", "AUX") else []
            args.reciprocal = len(args.actors) >= 2
            if args.reciprocal:
                args.how.append(f"{RECIPROCAL} ({holder.lower_})")
            return
        if accused is not None and accused.i < noun.i:  # "accused Russia of the attack", "blamed X for the strike"
            args.actors = self.of(accused)
            if args.actors:
                args.how.append(f"actor=accused by {holder.lower_}")
            return
        if prep.lower_ in ("for", "of", "in") and holder.lemma_.lower() in self.lex.culprit_nouns \
                and holder.dep_ == "dobj":  # "claimed responsibility for the attack", "denied any role in"
            holder = holder.head
        elif prep.lower_ in ("for", "of") and holder.lemma_.lower() in self.lex.culprit_adjectives:
            holder = holder.head
        elif prep.lower_ not in self.lex.culprit_preps:
            return
        if holder.pos_ in ("VERB", "AUX") and subject(holder) is not None:
            args.actors = self.of(subject(holder))
            if args.actors:
                args.how.append(f"actor=subject of {holder.lower_} {prep.lower_}")
        elif holder.pos_ in ("VERB", "AUX"):  # "accused Serbia of being behind the shootout"
            implicit = self.implicit_actor(holder)
            args.actors = implicit.actors
            if args.actors:
                args.how.append(f"actor={implicit.how} ({holder.lower_} {prep.lower_})")

    def _traded(self, verb) -> bool:
        """Whether `verb` is one that two sides do to each other with charges ("traded accusations")."""
        return any(c.type == "ACCUSE" and c.joint is True for c in self.lex.verbs.get(verb.lemma_.lower(), []))

    def _beneficiary(self, noun, args: Arguments) -> None:
        """ "approved a loan to help Kenya rebuild roads": the party the purpose clause helps."""
        holders = [noun] + ([args.governor] if args.governor is not None else [])
        for clause in (c for h in holders for c in h.children if c.dep_ in ("acl", "advcl", "relcl")):
            if clause.lemma_.lower() not in self.lex.beneficiary_verbs:
                continue
            heads = [child(clause, "dobj")] + [child(c, "nsubj") for c in clause.children
                                               if c.dep_ in ("ccomp", "xcomp")]
            args.targets = next((found for h in heads if h is not None for found in [self.of(h)] if found), [])
            if args.targets:
                args.how.append("target=helped by " + clause.lower_)
                return

    def _from_predicate(self, verb, cue: Cue, args: Arguments) -> None:
        """ "talks are underway between Tehran and Moscow", "the drill was held with Azerbaijan"."""
        heads = [verb] + [c for c in verb.children if c.dep_ in ("acomp", "advmod", "attr")]
        between = self.of_all(p for h in heads for p in prep_objects(h, {"between", "among"}))
        if len(between) >= 2 and not args.actors:
            args.actors, args.targets = between[:1], between[1:]
            args.how.append("between, on " + verb.lower_)
            return
        for h in heads:
            args.targets, how = self.targets_by_prep(h, cue.type)
            if args.targets:
                args.how.append(f"target={how} of {h.lower_}")
                return

    def _noun_of(self, noun, args: Arguments) -> None:
        """ "invasion of Ukraine" names the target; "delivery of drones" the object."""
        for pobj in prep_objects(noun, {"of"}):
            found = self.of(pobj)
            if found and not args.targets and "weapon" not in self.classes(pobj):
                args.targets = found
                args.how.append("target=of")
            elif args.object is None:
                args.object = self.object_text(pobj)
                args.object_classes = self.classes(pobj)
        if args.object is None:
            args.object_classes = self.classes(noun) - {"aid"}

    def governor(self, noun) -> tuple[object, str]:
        """The verb an event noun is the object of, and the preposition on the way, if any.

        A relative clause counts too: "the drills that the two armies will hold".
        """
        relcl = next((c for c in noun.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")
                      and direct_object(c) is not None and direct_object(c).i == noun.i), None)
        if relcl is not None:
            return relcl, ""
        cur, via = noun, ""
        for _ in range(4):
            if cur.dep_ not in NOUN_UP or is_root(cur):
                return None, ""
            if cur.dep_ == "prep":
                via = cur.lower_
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return cur, via
        return None, ""

    def _from_governor(self, verb, via: str, cue: Cue, args: Arguments, direct: bool) -> None:
        """ "Iran launched a drill with Azerbaijan", "in a phone call with X, he said": the verb's parties."""
        light = verb.lemma_ in self.lex.light_verbs and via in ("", "in", "on", "to", "with", "of")  # "of": a round of talks
        light = light or cue.pos == "noun" and verb.lemma_ in self.lex.planning_verbs and via == "" \
            and direct_object(verb) is not None  # "preparing sanctions against X"
        framing = via in ("in", "during", "at") and verb.lemma_ not in self.lex.light_verbs and direct
        if not (light or framing):
            return
        args.light = light
        if not args.actors:
            args.actors = self.of_all(prep_objects(verb, {"by"})) if is_passive(verb) else self.of(subject(verb))
            if not args.actors and (subject(verb) is None or infinitive_of_noun(verb)):  # "its readiness to take part in"
                args.actors = self.implicit_actor(verb).actors
                args.inherited = bool(args.actors)
            if args.actors:
                args.how.append("actor=subject of " + verb.lower_)
                subj = subject(verb)  # "Japan lodged a protest": the state itself acts
                args.named_actor = subj is not None and (subj.pos_ == "PRON" or self.parties.direct(subj) is not None)
        if not args.targets and light:
            args.targets, how = self.targets_by_prep(verb, cue.type)
            if args.targets:
                args.how.append(f"target={how} of {verb.lower_}")
