"""newsgraph's spaCy components, added to whichever pipeline is loaded.

A span ruler, `newsgraph_lexicon`, matches what the data files know by name
(countries and their demonyms and capitals, organisations, weapon systems,
regions; nlp/lexicon.py), and `newsgraph_shapes` what has a recognisable shape
(titles, designations, exercise codes, "<Name> Air Base"; nlp/shapes.py).
Their spans go to `doc.spans["newsgraph"]` with exact character offsets,
overlapping freely: extract/mentions.py decides between them and the model's
own entities. `newsgraph_participles` repairs verbs the small model tags as
something else ("armed" as an adjective, "rejects" as a noun). The model's
attribute_ruler is swapped for an identical but faster form (nlp/attributes.py).
"""
from __future__ import annotations

from spacy.language import Language

from ..data import load_yaml
from . import attributes
from .lexicon import SPANS_KEY, patterns
from .shapes import Shapes

LEXICON = "newsgraph_lexicon"
SHAPES = "newsgraph_shapes"


PARAGRAPHS = "newsgraph_paragraphs"
CLOSING_QUOTES = frozenset({'"', "\u201d", "'", "\u2019"})
SENTENCE_ENDS = frozenset({".", "!", "?", '"', "\u201d"})
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc):
    """A blank line, or a line break after a full stop, starts a sentence (a hard-wrapped line
    does not); a closing quote right after a full stop ends the sentence before it (the parser
    alone reads '."' and the next paragraph as one sentence)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        ended = token.i >= 2 and doc[token.i - 2].text in SENTENCE_ENDS
        if before.is_space and (before.text.count("\n") >= 2 or "\n" in before.text and ended):
            token.is_sent_start = True
        elif token.text in CLOSING_QUOTES and before.text in (".", "!", "?") and not before.whitespace_:
            token.is_sent_start = False
        elif before.text in DASHES and after_wire_credit(before):
            token.is_sent_start = True
    return doc


def after_wire_credit(dash) -> bool:
    """ "TOKYO, Dec 10 (Reuters) - Japan scrambled jets": the dash after a wire credit near the start
    of a line; what follows is the first sentence (parsed with the dateline, it loses its subject)."""
    doc, i = dash.doc, dash.i - 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    if i < 0 or doc[i].text != ")":
        return False
    for back in range(i - 1, max(i - 16, -1), -1):
        if "\n" in doc[back].text or back == 0:
            return True
    return False


PARTICIPLES = "newsgraph_participles"


@Language.factory(PARTICIPLES)
def make_participles(nlp, name):
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    modality = load_yaml("modality.yaml")
    denials = {third_person(v): v for v in modality["deny_verbs"]}  # "rejects" -> "reject"
    claim_nouns = frozenset(modality["claim_nouns"])
    references = load_yaml("references.yaml")
    blaming = references["blaming_verbs"]
    stopping = frozenset(references["intercepting_verbs"]) | frozenset(references["stopping_verbs"])
    trigger_verbs = frozenset(str(v) for t in load_yaml("plover.yaml")["types"].values() for v in t.get("verbs") or ())

    def repair_verbs(doc):
        """Verbs the small model tags as something else. "Iran armed Uganda with drones", tagged as an
        adjective: a word with a subject and a direct object is a verb, lemmatised as one ("arm")."""
        for token in doc:
            if token.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in token.children) \
                    and any(c.dep_ == "nsubj" for c in token.children):
                token.pos_ = "VERB"
                token.tag_ = "VBD"
                token.set_morph("Tense=Past|VerbForm=Fin")
                if lemmatizer is not None and getattr(lemmatizer, "mode", "") == "rule":
                    token.lemma_ = lemmatizer.rule_lemmatize(token)[0]
        kept = [(t.head.i, t.dep_) for t in doc]
        gerund_objects(doc, lemmatizer, trigger_verbs)
        claim_roots(doc, denials, claim_nouns)
        denied_claims(doc, denials, claim_nouns)
        answered_claims(doc, denials, claim_nouns)
        opening_subjects(doc)
        blamed_on(doc, blaming)
        reduced_relatives(doc, stopping)
        if not is_tree(doc):  # a repair that loops the parse would stop the document's analysis
            for token, (head, dep) in zip(doc, kept):
                token.head, token.dep_ = doc[head], dep
        return doc
    return repair_verbs


def gerund_objects(doc, lemmatizer, trigger_verbs: frozenset[str]) -> None:
    """ "denied mistreating prisoners": the small model reads the gerund as a noun compound of its
    object. An "-ing" word between a verb (or preposition) and that one's object, whose verb is an
    event trigger, is rebuilt as that verb, with that object."""
    if lemmatizer is None or getattr(lemmatizer, "mode", "") != "rule":
        return
    for word in doc:
        obj = word.head
        if word.tag_ != "NN" or not word.lower_.endswith("ing") or word.dep_ != "compound" \
                or obj.i != word.i + 1 or obj.dep_ not in ("dobj", "pobj") or obj.head.i > word.i \
                or word.i == 0 or doc[word.i - 1].i != obj.head.i:  # right after its verb or preposition
            continue
        pos = word.pos_
        word.pos_ = "VERB"
        verb = lemmatizer.rule_lemmatize(word)[0]
        if verb not in trigger_verbs:  # "in neighbouring Niger": an adjective-like word, left alone
            word.pos_ = pos
            continue
        word.tag_, word.lemma_ = "VBG", verb
        word.set_morph("Aspect=Prog|Tense=Pres|VerbForm=Part")
        word.head, word.dep_ = obj.head, ("xcomp" if obj.dep_ == "dobj" else "pcomp")
        obj.head, obj.dep_ = word, "dobj"


def third_person(verb: str) -> str:
    """ "deny" -> "denies", "dismiss" -> "dismisses", "reject" -> "rejects"."""
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")


def is_tree(doc) -> bool:
    """Whether every token's chain of heads reaches a root (a repair may not make a loop)."""
    for token in doc:
        node, steps = token, 0
        while node.head.i != node.i:
            node, steps = node.head, steps + 1
            if steps > len(doc):
                return False
    return True


def claim_roots(doc, denials: dict[str, str], claim_nouns: frozenset[str]) -> None:
    """ "accused Beijing of arming Moscow, charges China rejects": the small model reads the plural claim
    noun after the comma as the sentence's verb, and the denial as its complement (or as a noun).
    The claim word is a noun again, and the denial a relative clause on it, with the name its subject."""
    lemmas = set(denials.values())
    for claim in doc:
        if claim.dep_ not in ("ROOT", "conj") or claim.pos_ != "VERB" or not claim.lower_.endswith("s") \
                or claim.lower_[:-1] not in claim_nouns or claim.i == 0 or doc[claim.i - 1].text != ",":
            continue
        denial = next((c for c in claim.children if c.i > claim.i
                       and (c.lower_ in denials or c.lemma_.lower() in lemmas)), None)
        if denial is None:
            continue
        claim.pos_, claim.tag_, claim.lemma_ = "NOUN", "NNS", claim.lower_[:-1]
        claim.set_morph("Number=Plur")
        denial.pos_, denial.tag_, denial.dep_ = "VERB", "VBZ", "relcl"
        denial.lemma_ = denials.get(denial.lower_, denial.lemma_)
        denial.set_morph("Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
        names = [t for t in doc[claim.i + 1:denial.i] if t.pos_ == "PROPN"]
        if names and len(names) == denial.i - claim.i - 1:
            for name in names[:-1]:
                name.head, name.dep_ = names[-1], "compound"
            names[-1].head, names[-1].dep_ = denial, "nsubj"


def denied_claims(doc, denials: dict[str, str], claim_nouns: frozenset[str]) -> None:
    """ "Tehran rejects claims it has supplied Moscow with missiles": the small model reads "rejects"
    as a plural noun, the subject of "claims". The denial is the verb, the claims its object (what
    they say hangs on them), and the name before it its subject."""
    for denial in doc:
        claim = denial.head
        if denial.lower_ not in denials or denial.pos_ not in ("NOUN", "PROPN") or denial.dep_ != "nsubj" \
                or claim.i != denial.i + 1 or claim.pos_ != "VERB" or not claim.lower_.endswith("s") \
                or claim.lower_[:-1] not in claim_nouns:
            continue
        names = [c for c in denial.children if c.i < denial.i and c.dep_ in ("compound", "amod", "nmod")]
        root = claim.dep_ == "ROOT"
        denial.head, denial.dep_ = (denial, "ROOT") if root else (claim.head, claim.dep_)
        denial.pos_, denial.tag_, denial.lemma_ = "VERB", "VBZ", denials[denial.lower_]
        denial.set_morph("Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
        for other in [c for c in claim.children if c.dep_ not in ("ccomp", "acl", "prep", "amod", "det")]:
            other.head = denial  # the sentence's punctuation and the like
        for content in [c for c in claim.children if c.dep_ == "ccomp"]:
            content.dep_ = "acl"  # "claims (that) it has supplied ...": what the claims say
        claim.head, claim.dep_ = denial, "dobj"
        claim.pos_, claim.tag_, claim.lemma_ = "NOUN", "NNS", claim.lower_[:-1]
        claim.set_morph("Number=Plur")
        if names:
            subject = names[-1]
            for name in names[:-1]:
                name.head, name.dep_ = subject, "compound"
            subject.head, subject.dep_ = denial, "nsubj"
            subject.pos_ = "PROPN" if subject.text[:1].isupper() else subject.pos_


def answered_claims(doc, denials: dict[str, str], claim_nouns: frozenset[str]) -> None:
    """ "..., a charge Tehran rejects": the small model reads "rejects" as a plural noun in apposition.
    A present-tense denial verb after a claim noun and a name is rebuilt as the relative clause it
    is (the name its subject), so the denial finds the claim it answers."""
    for verb in doc:
        lemma = denials.get(verb.lower_)
        if lemma is None or verb.pos_ not in ("NOUN", "PROPN") or verb.i < 2:
            continue
        start = verb.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].sent == verb.sent:
            start -= 1
        claim = doc[start - 1] if start < verb.i and start > 0 else None
        if claim is None or claim.lemma_.lower() not in claim_nouns:
            continue
        if verb.head.i != verb.i and verb.head.i in range(start - 1, verb.i):
            continue  # hung under its own words: too broken to rebuild
        subject = doc[verb.i - 1]
        for name in doc[start:subject.i]:
            name.head, name.dep_ = subject, "compound"
        if verb.head.i == verb.i:  # the sentence's root: "a charge" becomes it, with what hung on "rejects"
            for other in [c for c in verb.children if c.i not in range(start - 1, verb.i)]:
                other.head = claim
            claim.head, claim.dep_ = claim, "ROOT"
        elif claim.head.i in range(start, verb.i + 1):
            claim.head, claim.dep_ = verb.head, verb.dep_  # "a charge" stands where "rejects" stood
        subject.head, subject.dep_ = verb, "nsubj"
        verb.head, verb.dep_ = claim, "relcl"
        verb.pos_, verb.tag_, verb.lemma_ = "VERB", "VBZ", lemma
        verb.set_morph("Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")


SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
def blamed_on(doc, blaming: dict[str, str]) -> None:
    """ "blamed the attack on al-Shabaab": the model hangs "on al-Shabaab" on the attack, as its
    target; it names whom the verb blames, and is hung on the verb."""
    for verb in doc:
        prep_word = blaming.get(verb.lemma_.lower())
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if prep_word else None
        if obj is None or any(c.dep_ == "prep" and c.lower_ == prep_word for c in verb.children):
            continue
        prep = next((c for c in reversed(list(obj.children)) if c.dep_ == "prep" and c.lower_ == prep_word), None)
        if prep is not None:
            prep.head = verb


def reduced_relatives(doc, verbs: frozenset[str]) -> None:
    """ "intercepted a Houthi drone fired toward Jizan": the small model reads "a drone fired ..." as a
    clause (the drone fired), leaving the verb without its object. For verbs that need one, a clause
    right after the verb, with a subject and a past verb but no auxiliary or object, is the object
    with a participle on it."""
    for verb in doc:
        if verb.lemma_.lower() not in verbs or any(c.dep_ == "dobj" for c in verb.children):
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and c.tag_ in ("VBD", "VBN")), None)
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
        if subj is None or subj.left_edge.i != verb.i + 1 or subj.i > clause.i \
                or any(c.dep_ in ("aux", "auxpass", "dobj", "mark") for c in clause.children):
            continue
        subj.head, subj.dep_ = verb, "dobj"
        clause.head, clause.dep_, clause.tag_ = subj, "acl", "VBN"


def opening_subjects(doc) -> None:
    """ "According to sources in Niamey, an Iranian delegation visited Niger": the small model hangs
    the subject as an apposition on the opening phrase, leaving the finite verb after it without
    one. Such an apposition, right before that verb and inside a phrase the verb governs, is its
    subject."""
    for appos in doc:
        if appos.dep_ != "appos" or appos.left_edge.i == 0 or doc[appos.left_edge.i - 1].text != ",":
            continue
        verb = doc[appos.right_edge.i + 1] if appos.right_edge.i + 1 < len(doc) else None
        if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBD", "VBZ", "VBP") \
                or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        opener = appos
        while opener.head.i != opener.i and opener.head.i != verb.i:
            opener = opener.head
        if opener.head.i == verb.i and opener.dep_ == "prep" and opener.i < appos.i:
            appos.head, appos.dep_ = verb, "nsubj"


@Language.factory(SHAPES)
def make_shapes(nlp, name):
    return Shapes(lambda text: [t.text for t in nlp.make_doc(text)])


def add_to(nlp) -> None:
    """Add the lexicon span ruler at the end of `nlp` (after the model's NER, which it does not change)."""
    if LEXICON in nlp.pipe_names:
        return
    attributes.speed_up(nlp)  # the same tag-to-POS rules, looked up instead of matched (nlp/attributes.py)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(PARTICIPLES, after="lemmatizer")
    ruler = nlp.add_pipe("span_ruler", name=LEXICON, last=True,
                         config={"spans_key": SPANS_KEY, "overwrite": True, "validate": False})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns())
    nlp.add_pipe(SHAPES, last=True)
