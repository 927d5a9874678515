"""Which document entity a token or noun phrase stands for, as event parties.

Tokens map to `LocalEntity` keys through mention offsets; demonyms ("Iranian
officials") map to the country they name; pronouns, "his country" and "the two
countries" map back to the entities they stand for when the text makes it clear.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cached_property, lru_cache

from ..data import load_yaml
from ..model import LocalEntity, Mention
from ..resolve import gazetteer
from .knowledge import organisations, weapon_origin
from .lexicon import frames, giving_verbs, references

PARTY_TYPES = frozenset({"COUNTRY", "PERSON", "ORG", "LOCATION"})
DESCEND = ("appos", "compound", "amod", "nmod", "poss", "npadvmod")
DESCEND_PREPS = frozenset({"of", "from", "for"})  # "officials of", "a delegation from", "a spokesman for"
LISTING_PREPS = frozenset({"including", "like"})  # "countries including Peru", "states like Chile"
HALVES = frozenset({"North", "South"})  # "the North", "the South": the divided country the story names
WINDOW = 900  # characters to look back for what a pronoun or "the two countries" stands for


COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10}


def count(token) -> int | None:
    """The number a word says: "two", "3"; None for other words."""
    word = token.lower_
    return int(word) if word.isdigit() else COUNTS.get(word)


def gift_served(noun):
    """The giving verb whose "for" phrase `noun` sits in ("supplied drones to Russia for use in its
    invasion"), or None: the act the gift serves."""
    node, through_for = noun, False
    for _ in range(5):
        if node.head.i == node.i:
            return None
        through_for = through_for or node.dep_ == "pobj" and node.head.lower_ == "for"
        node = node.head
        if node.pos_ == "VERB":
            return node if through_for and node.lemma_.lower() in giving_verbs() else None
    return None


@lru_cache(maxsize=1)
def home_forces() -> frozenset[str]:
    """Nouns that, plain and unnamed ("the army"), stand for the forces of the story's country."""
    return frozenset(str(w) for w in load_yaml("references.yaml").get("home_force_nouns") or ())


class Parties:
    """Resolves tokens of one parsed document to the keys of its local entities."""

    def __init__(self, sdoc, entities: list[LocalEntity]):
        self.sdoc = sdoc
        self.entities = {e.key: e for e in entities}
        self.spans = sorted((m.start, m.end, e.key) for e in entities for m in e.mentions)
        self.starts = [s for s, _, _ in self.spans]
        self.by_name = {e.name.lower(): e.key for e in entities if e.type in PARTY_TYPES}
        self.countries = {e.name: e.key for e in entities if e.type == "COUNTRY"}
        self.refs = references()
        self.implied: list[LocalEntity] = []  # countries the text names only by demonym or by a place
        self.quote_speaker: list[str] = []  # who speaks a quotation running on without its own attribution

    # single tokens ----------------------------------------------------------
    def at(self, token) -> str | None:
        """The entity whose mention covers `token`, if any."""
        i = bisect_right(self.starts, token.idx) - 1
        while i >= 0 and self.spans[i][0] <= token.idx:
            start, end, key = self.spans[i]
            if token.idx < end:
                return key
            i -= 1
        return None

    def demonym(self, token) -> str | None:
        """The country entity a demonym, capital or state name names ("Iranian" -> Iran), if in the text."""
        if token.pos_ not in ("ADJ", "PROPN", "NOUN") or not token.text[:1].isupper():
            return None
        found = gazetteer.lookup(token.text)
        if found is None:
            return None
        name, form = found
        if name in self.countries or form != "demonym":
            return self.countries.get(name)
        key = self.country(name)
        ent = self.entities[key]
        if not any(m.start == token.idx for m in ent.mentions):
            ent.mentions.append(Mention(token.idx, token.idx + len(token.text), token.text))
            ent.aliases = list(dict.fromkeys(ent.aliases + [token.text]))
        return key

    def country(self, name: str | None) -> str | None:
        """The key of the country `name`, added as an implied entity when the text has none for it."""
        if not name:
            return None
        if name not in self.countries:
            ent = LocalEntity(key=f"I{len(self.implied)}", name=name, type="COUNTRY",
                              evidence=["implied by a demonym or a place in the text"])
            self.implied.append(ent)
            self.entities[ent.key] = ent
            self.countries[name] = ent.key
            self.by_name[name.lower()] = ent.key
        return self.countries[name]

    def direct(self, token) -> str | None:
        """The party `token` itself names: a mention of a party entity, or a demonym."""
        key = self.at(token)
        if key is not None:
            key = self.seated(token) or key
            return key if self.entities[key].type in PARTY_TYPES else None
        return self.demonym(token)

    def maker(self, token) -> str | None:
        """Who made a thing, by a word on it: a demonym or country ("Turkish drones"), or a known
        weapon's designer ("J-10C fighters": China)."""
        key = self.at(token)
        if key is not None and self.entities[key].type == "WEAPON":
            return self.country(weapon_origin(self.entities[key].name))
        return self.direct(token)

    def seated(self, token) -> str | None:
        """The organisation a seat city stands for as a party ("Brussels" acting is the EU), if the text names it."""
        org = self.refs.seats.get(token.lower_)
        return self.by_name.get(org.lower()) if org else None

    def kind(self, key: str | None) -> str | None:
        return self.entities[key].type if key in self.entities else None

    def country_of(self, key: str | None) -> str | None:
        """The country entity a party acts for (a country stands for itself)."""
        ent = self.entities.get(key)
        if ent is None:
            return None
        if ent.type == "COUNTRY":
            return key
        if ent.type == "LOCATION":  # a city or base lies in a country
            return self.country(ent.country or gazetteer.place_country(ent.name))
        return self.country(ent.country)

    def lift(self, key: str | None) -> str | None:
        """The country a party stands for; an armed group stands for itself ("its fighters" are Hezbollah's)."""
        if self.armed_group(key):
            return key
        return self.country_of(key) or key

    def armed_group(self, key: str | None) -> bool:
        ent = self.entities.get(key) if key is not None else None
        return ent is not None and ent.type == "ORG" and bool(organisations().get(ent.name, {}).get("armed_group"))

    def outlet(self, key: str | None) -> bool:
        ent = self.entities.get(key) if key is not None else None
        return ent is not None and ent.type == "ORG" and bool(organisations().get(ent.name, {}).get("outlet"))

    def same_side(self, a: str | None, b: str | None) -> bool:
        """Whether two parties are on one side: the same country, an armed group being its own side
        ("Sudan" and the Rapid Support Forces fight each other)."""
        return a is not None and b is not None and self.lift(a) == self.lift(b)

    # noun phrases -----------------------------------------------------------
    def phrase(self, head, hint: list[str] | None = None) -> list[str]:
        """The parties the phrase headed by `head` names: one per conjunct ("Iran and Russia")."""
        keys = self._one(head, hint)
        titles = [a for a in head.children if a.dep_ == "appos" and a.i > head.i]
        # "Ashtiani, Deputy Chief of Staff, and Farid Aliyev met": the second name hangs on the title
        for conj in [*head.conjuncts, *(c for a in titles for c in a.conjuncts)]:
            if conj.i > head.i:
                keys += self._one(conj, hint) or self.titled_later(conj)
        return list(dict.fromkeys(keys))

    def titled_later(self, title) -> list[str]:
        """ "Fomin and Commander of the Iranian Army's Ground Forces Kioumars Heydari discussed ...",
        parsed with the name hung elsewhere: the person named before the verb, after the title."""
        if title.lemma_.lower() not in self.refs.pair_nouns.get("PERSON", ()) \
                or title.head.pos_ not in ("PROPN", "NOUN"):
            return []
        verb = title.head.head
        end = verb.i if verb.pos_ in ("VERB", "AUX") and verb.i > title.i else min(title.i + 12, len(title.doc))
        for token in title.doc[title.i + 1:end]:
            key = self.direct(token)
            if key is not None and self.kind(key) == "PERSON":
                return [key]
        return []

    def _one(self, head, hint: list[str] | None, depth: int = 0) -> list[str]:
        half = self.half(head) or self.epithet(head)
        if half:
            return half
        key = self.direct(head)
        if key is not None:
            return [key] + [k for c in head.conjuncts if c.i > head.i for k in [self.direct(c)] if k]
        lower = head.lower_
        if head.pos_ == "PRON":
            return self.pronoun(head, hint)
        pair = self.pair(head)
        if pair:
            return pair
        if lower in self.refs.own_country_nouns or head.lemma_ in self.refs.own_country_nouns:
            owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if owner is not None:
                return [self.lift(k) for k in self.pronoun(owner, hint)]
        if depth >= 3:
            return []
        if head.lemma_.lower() in self.refs.group_nouns:  # "the Iran-backed group" is not Iran
            return self.definite(head) or self._descend(head, hint, depth)
        return self._descend(head, hint, depth) or self.definite(head)

    def epithet(self, head) -> list[str]:
        """ "the Gulf state", "the small West African nation", "the kingdom": the last country named
        before that the words before the head fit (references.yaml `epithet_qualifiers`)."""
        word = head.lower_
        if word not in self.refs.epithet_heads or head.pos_ not in ("NOUN", "PROPN") \
                or head.left_edge.lower_ != "the":  # ("The Horn of Africa nation": "the" may hang on "Horn")
            return []
        before = " " + " ".join(t.lower_ for t in head.doc[head.left_edge.i:head.i] if t.dep_ != "det") + " "
        fits = [countries for qualifier, countries in self.refs.epithet_qualifiers.items()
                if f" {qualifier} " in before]
        if word in self.refs.epithet_members:
            fits.append(self.refs.epithet_members[word])
        if not fits:
            return []
        allowed = frozenset.intersection(*fits)
        for idx, key in reversed(self._timeline):
            if idx >= head.idx:
                continue
            if idx < head.idx - WINDOW:
                break
            ent = self.entities[key]
            if ent.type == "COUNTRY" and ent.name in allowed:
                return [key]
        return []

    def half(self, head) -> list[str]:
        """ "the North", "the South": the one divided country of that half the story names."""
        if head.text not in HALVES or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return []
        found = [key for name, key in self.countries.items() if name.startswith(head.text + " ")]
        return found if len(found) == 1 else []

    def definite(self, head) -> list[str]:
        """ "the ministry", "the agency": the last organisation or person so named before."""
        if head.pos_ in ("NOUN", "PROPN") and head.is_lower and head.lemma_.lower() in self.refs.agent_nouns \
                and [c.lower_ for c in head.children if c.dep_ in ("det", "nummod")] in (["one"], ["another"]):
            return self.named_before(head)  # "One official said", after "senior US officials said"
        if head.pos_ not in ("NOUN", "PROPN") or not head.is_lower \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return []
        word = head.lemma_.lower()
        if word in self.refs.home_nouns and all(c.dep_ in ("det", "punct") for c in head.lefts):
            force = self.force_before(head) if word in self.refs.force_nouns else None
            if force:
                return [force]
            # not "accused the government of hiring Russians"; "Iran delivered drones to the army":
            # not the army of the one who gives
            return self.local_or_home(head, before=True, besides=self.mover(head))
        for idx, key in reversed(self._timeline):
            if idx >= head.idx:
                continue
            if idx < head.idx - WINDOW:
                break
            ent = self.entities[key]
            if ent.type in ("ORG", "PERSON") and word in ent.name.lower().split():
                return [key]
            if word in self.refs.armed_nouns and self.armed_group(key):
                return [key]  # "denied backing the rebels" after "the M23 rebels"
            if ent.type == "ORG" and ent.name.lower() in self.refs.kind_nouns.get(word, ()):
                return [key]  # "the lender" after "the IMF"
            if ent.type == "ORG" and word in self.refs.group_nouns and not self.outlet(key) \
                    and (self.armed_group(key) or not set(ent.name.lower().split()) & self.refs.state_organs):
                # ("supported the group" is no news agency; the Rapid Support Forces are a group, not an organ)
                return [key]  # "the militant group" after "al Shabaab"
        if word in self.refs.state_body_nouns and all(c.dep_ in ("det", "punct", "compound", "amod") for c in head.lefts):
            named = self.named_before(head)  # "the ministry said" after "South Korea's defence ministry said"
            if named:
                return named
            return self.local_or_home(head, before=True)  # "the defence ministry said": no ministry named
        if word in home_forces() and all(c.dep_ in ("det", "punct") for c in head.lefts):
            return self.local_or_home(head, besides=self.mover(head))  # "urged the army to ...": no army named
        if word in self.refs.agent_nouns and all(c.dep_ in ("det", "punct") for c in head.lefts):
            return self.named_before(head)
        return []

    def local_or_home(self, head, before: bool = False, besides: str | None = None) -> list[str]:
        """The one country `head`'s sentence names (before it, if `before`), else the story's;
        never `besides`."""
        local = self.sentence_country(head, before, besides)
        return [local] if local else [self.home] if self.home and self.home != besides else []

    def mover(self, head) -> str | None:
        """The country named as the subject of the clause `head` receives something in ("to the army")."""
        if not (head.dep_ == "dative" or head.dep_ == "pobj" and head.head.lower_ in ("to", "for")):
            return None
        verb = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
        if subj is None or head in subj.subtree:
            return None
        return self.one_country(subj.left_edge.idx, subj.right_edge.idx + 1)

    def force_before(self, head) -> str | None:
        """ "The Israeli Air Force struck ..., the military said": the armed force its sentence named last."""
        sent = head.sent
        for idx, key in reversed(self._timeline):
            ent = self.entities[key]
            if sent.start_char <= idx < head.idx and ent.type == "ORG" and ent.country \
                    and set(ent.name.lower().split()) & self.refs.force_name_words \
                    and not self.armed_group(key):
                return key
        return None

    def named_before(self, head) -> list[str]:
        """ "the officials said" after "two US officials said": the side the same noun was given before.
        "Two of the officials" are of a group counted larger before ("three US officials"), else of
        the last group so named ("one of the officials" after "senior US officials")."""
        lemma = head.lemma_.lower()
        part = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
        part = count(part) if part is not None else None
        # a side named two windows back still holds for "the officials"
        earlier = [t for t in reversed(head.doc[:head.i])
                   if t.idx >= head.idx - 2 * WINDOW and t.lemma_.lower() == lemma]
        counted = [t for t in earlier if part is None or any(c.dep_ == "nummod" and (count(c) or 0) > part
                                                              for c in t.children)]
        for token in counted or earlier:
            sides = [k for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                     for k in [self.direct(c)] if k]
            if sides:
                return sides[:1]
        return []

    @cached_property
    def home(self) -> str | None:
        """The country the story is about: the one the text names most often (first named on a tie)."""
        counts = {key: len(e.mentions) for key, e in self.entities.items() if e.type == "COUNTRY"}
        return max(counts, key=counts.get) if counts else None

    def sentence_country(self, head, before: bool = False, besides: str | None = None) -> str | None:
        """ "Chile test-fired a missile, the military said": the one country its sentence names
        (before `head`, if `before`) other than `besides`."""
        sent = head.sent
        return self.one_country(sent.start_char, head.idx if before else sent.end_char, besides)

    def one_country(self, start: int, end: int, besides: str | None = None) -> str | None:
        """The one country (other than `besides`) named between two character offsets, if only one is."""
        found = {self.lift(k) for idx, k in self._timeline if start <= idx < end}
        found = {k for k in found if k and k != besides and self.kind(k) == "COUNTRY"}
        return found.pop() if len(found) == 1 else None

    def _descend(self, head, hint, depth: int) -> list[str]:
        listed = self.listed_members(head, hint, depth)
        if listed:
            return listed
        for dep in DESCEND:
            for child in head.children:
                if child.dep_ == dep and not (dep == "poss" and child.pos_ == "PRON" and hint is None):
                    found = self._one(child, hint, depth + 1)
                    if found:
                        return found
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        in_country = any(self.kind(self.at(p)) == "COUNTRY" for c in head.children if c.dep_ == "prep"
                         and c.lower_ == "in" for p in c.children)  # "closed its embassy in Pakistan": Pakistan
        if owner is not None and head.lemma_.lower() in self.refs.owned_nouns and not in_country:
            return [self.lift(k) for k in self.pronoun(owner, hint)]  # "its positions in Kalbajar": its, not the place's
        for child in head.children:
            if child.dep_ == "acl" and self.stands_for_owner(head) and subject_less(child):
                # "sources aligned with the United States", "officials close to the Kremlin"
                for pobj in (p for c in child.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"):
                    found = self._one(pobj, hint, depth + 1)
                    if found:
                        return found
            if child.dep_ == "prep" and (child.lower_ in DESCEND_PREPS and self.stands_for_owner(head)
                                         and (child.lower_ != "for" or self.works_for(head))
                                         or child.lower_ == "with" and head.lemma_.lower() in self.refs.frontier_nouns
                                         or child.lower_ == "in" and self.speaks_for_where(head)):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not (child.lower_ == "in" and self.placed_in(head, pobj)):
                        found = self._one(pobj, hint, depth + 1)
                        if found:
                            return found + [k for c in pobj.conjuncts if c.i > pobj.i for k in self._one(c, hint, 3)]
        if owner is not None and self.stands_for_owner(head):
            return [self.lift(k) for k in self.pronoun(owner, hint)]  # "its special envoy"
        return []

    def listed_members(self, head, hint, depth: int) -> list[str]:
        """ "22 countries, including Armenia and Algeria", "states such as Peru": the ones named."""
        for prep in head.children:
            listing = prep.lower_ in LISTING_PREPS or prep.lower_ == "as" and any(
                c.lower_ == "such" for c in prep.children)
            if prep.dep_ == "prep" and listing:
                return [k for p in prep.children if p.dep_ == "pobj"
                        for m in [p, *p.conjuncts] for k in self._one(m, hint, depth + 1)]
        return []

    def speaks_for_where(self, head) -> bool:
        """ "officials in Tehran", "targets in Lebanon" stand for the place's country; "diplomats in
        Beirut" serve there for another."""
        lemma = head.lemma_.lower()
        return self.refs.located(head) or lemma in self.refs.agent_nouns and lemma not in self.refs.posted_nouns

    def placed_in(self, head, pobj) -> bool:
        """ "sources in Niamey": informants the place only locates (see `placed_nouns`)."""
        hit = gazetteer.lookup(pobj.text)
        return head.lemma_.lower() in self.refs.placed_nouns and (
            self.kind(self.at(pobj)) == "LOCATION" or bool(hit) and hit[1] == "capital")

    def works_for(self, head) -> bool:
        """ "a spokesman for the Kremlin", "experts for the UN" speak for it; "its envoy for Afghanistan"
        and "the ambassador for trade" are posted to it."""
        return head.lemma_.lower() not in self.refs.posted_nouns and not any(c.dep_ == "poss" for c in head.children)

    def stands_for_owner(self, head) -> bool:
        """ "members of a delegation from Russia" names Russia; "the tomb of the Unknown Soldier" does not."""
        lemma = head.lemma_.lower()
        return head.pos_ in ("PRON", "NUM") or lemma in self.refs.agent_nouns or lemma in self.refs.container_nouns

    # what words stand for ---------------------------------------------------
    @cached_property
    def _timeline(self) -> list[tuple[int, str]]:
        """Every party reference in document order, for pronouns and "the two countries"."""
        out = []
        for token in self.sdoc:
            key = self.direct(token)
            if key is not None and (not out or out[-1][1] != key or out[-1][0] < token.idx - 40):
                out.append((token.idx, key))
        return out

    @cached_property
    def _groups(self) -> list[tuple[int, list[str]]]:
        """Parties named together ("Moscow and Tehran", "Damavandian and Mehrabi"), in document order."""
        out = []
        for token in self.sdoc:
            key = self.direct(token)
            if key is None or token.dep_ == "conj":
                continue
            keys = list(dict.fromkeys([key] + [k for c in token.conjuncts if c.i > token.i for k in [self.direct(c)] if k]))
            if len(keys) >= 2:
                out.append((token.idx, keys))
        return out

    def last_group(self, before: int, types: set[str] | None = None) -> list[str]:
        """The parties last named together before character `before` (of `types`, when given)."""
        for idx, keys in reversed(self._groups):
            if before - WINDOW <= idx < before and (types is None or all(self.kind(k) in types for k in keys)):
                return keys
        return []

    def recent(self, before: int, types: set[str], n: int) -> list[str]:
        """The last `n` distinct parties of `types` mentioned before character `before`."""
        found: list[str] = []
        for idx, key in reversed(self._timeline):
            if idx >= before:
                continue
            if idx < before - WINDOW or len(found) == n:
                break
            if "COUNTRY" in types and self.kind(key) == "LOCATION" and self.country_of(key):
                key = self.country_of(key)  # "arrived in Moscow ...; the sides discussed": Russia is one
            if self.kind(key) in types and key not in found:
                found.append(key)
        return found

    def pronoun(self, token, hint: list[str] | None) -> list[str]:
        kind = self.refs.pronoun_kind(token.text)
        if kind is None:
            return []
        if hint and token.dep_ == "poss":
            return hint
        if kind == "SPEAKER":
            return self.quoted(token)
        receiver = self.receiver_of_purpose(token)
        if receiver:
            return receiver
        aimed = self.object_before(token)
        if aimed is not None:
            return aimed
        binder = self.binder(token, kind)
        if binder:
            return binder
        if kind in ("PLURAL", "GROUP") and self.bound_to_unnamed(token, kind):
            return []  # "organisers said they would march", "the militia said it had launched drones"
        if kind == "PERSON":
            return self.recent(token.idx, {"PERSON"}, 1)
        if kind == "GROUP":
            return self.recent(token.idx, {"COUNTRY", "ORG"}, 1)
        group = self.last_group(token.idx)  # "they", "them": the parties last named together
        if group:
            return group
        pair = self.recent(token.idx, {"COUNTRY"}, 2)
        return pair if len(pair) == 2 else []

    def receiver_of_purpose(self, token) -> list[str]:
        """ "supplied drones to Russia for use in its invasion of Ukraine": "its" in the purpose
        phrase of a giving verb is the receiver's (the "to" party, or the first object)."""
        giver = gift_served(token.head) if token.dep_ == "poss" else None
        if giver is None:
            return []
        to = [p for c in giver.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
              for p in c.children if p.dep_ == "pobj"]
        objects = to or [c for c in giver.children if c.dep_ in ("dative", "dobj")]
        return next((found for o in objects for found in [self._one(o, None, 1)] if found), [])

    def quoted(self, token) -> list[str]:
        """ "'We reject these claims,' Iravani said": who says "we" or "I" is the speaker the sentence
        quotes, the subject of the reporting verb above the quote or closing the sentence."""
        said = frames().report_verbs
        node = token
        while node.head.i != node.i:
            node = node.head
            if node.pos_ == "VERB" and node.lemma_.lower() in said:
                break
        else:
            node = next((v for v in node.children if v.dep_ in ("parataxis", "ccomp") and v.i > token.i
                         and v.lemma_.lower() in said), node)
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if node.lemma_.lower() not in said or subj is None or self.refs.pronoun_kind(subj.text) == "SPEAKER":
            return list(self.quote_speaker)
        return self._one(subj, None, 1)

    def object_before(self, token) -> list[str] | None:
        """ "imposed sanctions on Iranian firms, accusing them of ...", "condemned the transfers,
        calling them a violation": the object of a participle's subject-less clause is what the main
        verb acted on (maybe no party at all), never its subject. None: not such a pronoun."""
        verb = token.head
        if token.dep_ != "dobj" or verb.dep_ != "advcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
        for obj in [o for obj in objects for o in (obj, *obj.conjuncts)]:  # "added X Trading and a Chinese firm"
            found = self._one(obj, None, 1) or [
                k for c in obj.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for p in c.children if p.dep_ == "pobj" for k in self._one(p, None, 1)]
            if found:
                return found
        return [] if objects else None

    def binder(self, token, kind: str) -> list[str]:
        """The subject of an enclosing clause a pronoun refers back to ("X said his country ...")."""
        types = {"PERSON"} if kind == "PERSON" else {"COUNTRY", "ORG"} if kind == "GROUP" else None
        node = token
        for _ in range(8):
            if node.head.i == node.i:
                return []
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.left_edge.i <= token.i <= subj.right_edge.i or subj.pos_ == "PRON":
                continue
            found = self._one(subj, None, 1)
            if found and kind == "PLURAL":  # "Iran and Russia said they", "Iranian officials said they",
                plural = len(found) >= 2 or subj.tag_ in ("NNS", "NNPS") or self.kind(found[0]) == "ORG"
                return found if plural else []  # "the Houthis said they"
            if found and (types is None or self.kind(found[0]) in types or kind == "PERSON"):
                return found[:1]
        return []

    def bound_to_unnamed(self, token, kind: str = "PLURAL") -> bool:
        """Whether a pronoun is bound by the nearest enclosing subject that no party names: plural people
        for "they", a group ("the militia", "the company") for "it"."""
        node = token
        for _ in range(8):
            if node.head.i == node.i:
                return False
            node = node.head
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                if node.pos_ in ("VERB", "AUX") else None
            if subj is None or subj.left_edge.i <= token.i <= subj.right_edge.i or subj.pos_ == "PRON":
                continue
            if kind == "GROUP":
                return subj.tag_ == "NN" and subj.lemma_.lower() in self.refs.agent_nouns and not self._one(subj, None, 1)
            return subj.tag_ == "NNS" and not self._one(subj, None, 1)
        return False

    def pair(self, head) -> list[str]:
        """ "the two countries", "both sides": the last two parties of the kind named."""
        words = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet", "quantmod")}
        sides = words == {"the"} and head.lower_ in ("sides", "parties")  # "the sides discussed ...": the two
        if not ("both" in words or "the" in words and words & self.refs.pair_determiners or sides):
            return []  # "two friendly countries" introduces new ones; "the two countries" points back
        for etype, nouns in self.refs.pair_nouns.items():
            if head.lemma_ in nouns or head.lower_ in nouns:
                group = self.last_group(head.idx, {etype})
                if len(group) == 2:
                    return group
                titled = self.titled(head) if etype == "PERSON" else []
                if len(titled) == 2:
                    return titled
                own = self.acting(head)  # "Russia urged the two governments": Russia is not one of them
                pair = [k for k in self.recent(head.idx, {etype}, 2 + len(own)) if k not in own][:2]
                return list(reversed(pair)) if len(pair) == 2 else []
        return []

    def titled(self, head) -> list[str]:
        """ "the two ministers": the last two people the text gave that title (or called counterparts),
        however far back, rather than whoever was named last."""
        noun = head.lemma_.lower()
        found: list[str] = []
        for idx, key in reversed(self._timeline):
            ent = self.entities[key]
            if idx < head.idx and key not in found and ent.type == "PERSON" and any(
                    word in role.lower().split() for role in ent.roles for word in (noun, *self.refs.peer_titles)):
                found.append(key)
            if len(found) == 2:
                return list(reversed(found))
        return []

    def acting(self, head) -> list[str]:
        """The parties named as subject of the verb a phrase is the object of ("X urged <head>")."""
        node = head
        while node.dep_ in ("dobj", "pobj", "prep", "dative", "conj") and node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                return self._one(subj, None, 3) if subj is not None and subj.i != head.i else []
        return []


def subject_less(verb) -> bool:
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
