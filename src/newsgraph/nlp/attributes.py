"""The model's attribute_ruler, applied by dictionary look-up instead of spaCy's token Matcher.

The shipped English pipelines map tags to parts of speech, morphology and some
lemmas with an `attribute_ruler` of a few hundred one- or two-token rules
(`{"TAG": "NN"}`, `{"TAG": "PRP", "LOWER": "his"}`). Run through the generic
Matcher they cost about a fifth of the whole pipeline; looked up by the first
token's text or tag they cost almost nothing. The rules, their order (later
rules win) and the attribute setter are the model's own, so the annotations are
identical (tests/test_entities.py checks it on real text). Rules of a shape this
module does not know leave the original component in place.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens._retokenize import set_token_attrs

FIELD = {  # what a token's rules may test, and its place in the token signature
    "TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3, "ORTH": 4, "TEXT": 4}


def _test(value):
    """A predicate for one attribute's value in a Matcher token pattern."""
    if isinstance(value, dict):
        if set(value) == {"IN"}:
            allowed = set(value["IN"])
            return lambda v: v in allowed
        if set(value) == {"NOT_IN"}:
            banned = set(value["NOT_IN"])
            return lambda v: v not in banned
        if set(value) == {"REGEX"}:
            rx = re.compile(value["REGEX"])
            return lambda v: isinstance(v, str) and bool(rx.search(v))
        raise ValueError(f"unsupported pattern value {value!r}")
    return lambda v: v == value


class FastAttributes:
    """A drop-in for a spaCy AttributeRuler: same rules, same order, same setter.

    One-token rules depend only on a token's (tag, lower, dep, is_space, text),
    so their merged attributes are computed once per distinct signature, keyed by
    the attributes' integer ids (reading them as strings costs more than the rules)."""

    def __init__(self, ruler):
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.single: list[tuple[int, list]] = []
        self.multi: list[tuple[int, list[list]]] = []
        for attr_id in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(attr_id))[1]:
                specs = [self._spec(token) for token in pattern]
                (self.single if len(specs) == 1 else self.multi).append((attr_id, specs[0] if len(specs) == 1 else specs))
        self.cache: dict[tuple, dict] = {}
        self.openers: dict[tuple, list[int]] = {}  # signature -> multi rules whose first token it matches
        self.by_tag: dict[str, list[tuple[int, list]]] = {}  # tag -> the one-token rules its tag allows
        self.distinct: dict[tuple, dict] = {}

    @staticmethod
    def _spec(token: dict) -> list:
        if not set(token) <= set(FIELD):
            raise ValueError(f"unsupported pattern token {token!r}")
        return [(FIELD[k], _test(v)) for k, v in token.items()]

    @staticmethod
    def _sig(t) -> tuple:
        return (t.tag_, t.lower_, t.dep_, t.is_space, t.text)

    @staticmethod
    def _key(t) -> tuple:
        return (t.tag, t.lower, t.dep, t.is_space, t.orth)  # one-to-one with `_sig`, without decoding strings

    def _for_tag(self, tag: str) -> list[tuple[int, list]]:
        """The one-token rules whose TAG test (if any) `tag` passes, in rule order."""
        found = self.by_tag.get(tag)
        if found is None:
            found = self.by_tag[tag] = [(a, spec) for a, spec in self.single
                                        if all(test(tag) for f, test in spec if f == FIELD["TAG"])]
        return found

    def _merged(self, sig: tuple) -> dict:
        """The attributes the one-token rules give a token with this signature, later rules winning."""
        out: dict = {}
        for attr_id, spec in self._for_tag(sig[0]):
            if all(test(sig[f]) for f, test in spec) and self.indices[attr_id] in (0, -1):
                out.update(self.attrs[attr_id])
        return self.distinct.setdefault(tuple(out.items()), out)  # one dict per distinct result: the cache stays small

    def _opening(self, key: tuple, token) -> list[int]:
        """Which multi-token rules (by position in `self.multi`) a token with this key can start."""
        found = self.openers.get(key)
        if found is None:
            sig = self._sig(token)
            found = self.openers[key] = [n for n, (_, specs) in enumerate(self.multi)
                                         if all(test(sig[f]) for f, test in specs[0])]
        return found

    def _multi_matches(self, tokens: list, keys: list[tuple]) -> dict[int, list[tuple[int, dict]]]:
        """Token index -> (rule, attributes) of the multi-token rules that set it; only tokens that
        can open a rule are tried, so a document costs one look-up per token."""
        later: dict[int, list[tuple[int, dict]]] = {}
        for i, key in enumerate(keys):
            for n in self._opening(key, tokens[i]):
                attr_id, specs = self.multi[n]
                if i + len(specs) <= len(tokens) and all(
                        test(self._sig(tokens[i + k])[f]) for k, spec in enumerate(specs) if k for f, test in spec):
                    j = i + (self.indices[attr_id] % len(specs))
                    later.setdefault(j, []).append((attr_id, self.attrs[attr_id]))
        return later

    def __call__(self, doc):
        tokens = list(doc)
        keys = [self._key(t) for t in tokens]
        later = self._multi_matches(tokens, keys)
        for i, key in enumerate(keys):
            attrs = self.cache.get(key)
            if attrs is None:
                attrs = self.cache[key] = self._merged(self._sig(tokens[i]))
            if i in later:
                attrs = self._with_multi(self._sig(tokens[i]), later[i])
            if attrs:
                set_token_attrs(tokens[i], attrs)
        return doc

    def _with_multi(self, sig: tuple, extra: list[tuple[int, dict]]) -> dict:
        """One-token and multi-token rules for one token, applied in rule order."""
        ordered = [(a, self.attrs[a]) for a, spec in self.single
                   if all(test(sig[f]) for f, test in spec) and self.indices[a] in (0, -1)] + extra
        out: dict = {}
        for _, attrs in sorted(ordered, key=lambda x: x[0]):
            out.update(attrs)
        return out


_BUILT: dict[int, FastAttributes] = {}


@Language.factory("newsgraph_attributes")
def make_fast_attributes(nlp, name):
    """Hands over the FastAttributes built from the ruler being replaced (see `speed_up`)."""
    return _BUILT.pop(id(nlp))


def speed_up(nlp) -> bool:
    """Replace `nlp`'s attribute_ruler by its dictionary form; False (and no change) when the rules do not allow it."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        fast = FastAttributes(nlp.get_pipe("attribute_ruler"))
    except (ValueError, KeyError, TypeError):
        return False
    at = nlp.pipe_names.index("attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    _BUILT[id(nlp)] = fast
    where = {"before": nlp.pipe_names[at]} if at < len(nlp.pipe_names) else {"last": True}
    nlp.add_pipe("newsgraph_attributes", **where)
    return True
