"""Rule classes from the claims-attribution round, each pinned by sentences of our own.

Seat cities standing for the organisation seated there ("Brussels" acting is the EU),
"the government" as the country the story is about, and strikes by workers as PROTEST.
"""
from __future__ import annotations

import re

import pytest

from newsgraph.extract import events
from newsgraph.model import Document, LocalEntity, Mention

from .test_events import nlp  # noqa: F401  (session-scoped model fixture)


def entities(text: str, table: dict[str, tuple[str, list[str]]]) -> list[LocalEntity]:
    """Entities of `text` by name: {name: (type, surfaces)}."""
    out = []
    for name, (etype, surfaces) in table.items():
        ent = LocalEntity(key=f"L{len(out)}", name=name, type=etype)
        for surface in surfaces:
            found = re.finditer(rf"\b{re.escape(surface)}\b", text)
            ent.mentions += [Mention(m.start(), m.end(), surface) for m in found]
        if ent.mentions:
            out.append(ent)
    return out


def triples(nlp, text: str, table) -> set[tuple]:  # noqa: F811
    ents = entities(text, table)
    doc = Document(id="D1", name="t.txt", source="t.txt", text=text, published="2025-06-02")
    found = events.extract(doc, nlp(text), ents)
    names = {e.key: e.name for e in ents}
    return {(e.type, names.get(e.actor), names.get(e.target)) for e in found}


EU = {"European Union": ("ORG", ["European Union"]), "Belgium": ("COUNTRY", ["Brussels"]),
      "Serbia": ("COUNTRY", ["Serbia", "Belgrade"]), "Kenya": ("COUNTRY", ["Kenya", "Kenyan"]),
      "Uganda": ("COUNTRY", ["Uganda"]), "Press Union": ("ORG", ["Press Union"])}


@pytest.mark.slow
def test_seat_city_acting_is_the_organisation(nlp):  # noqa: F811
    text = ("The European Union has warned Serbia over its border policy. "
            "Brussels imposed fresh sanctions on Serbia on Friday.")
    got = triples(nlp, text, EU)
    assert ("SANCTION", "European Union", "Serbia") in got, got
    assert not any(actor == "Belgium" for _, actor, _ in got)


@pytest.mark.slow
def test_seat_city_without_its_organisation_stays_the_city(nlp):  # noqa: F811
    got = triples(nlp, "Serbia accused Brussels of meddling in its affairs.", EU)
    assert ("ACCUSE", "Serbia", "European Union") not in got


@pytest.mark.slow
def test_the_government_is_the_country_the_story_is_about(nlp):  # noqa: F811
    text = ("Kenya raised fuel taxes this month. Kenyan lawmakers debated the budget. "
            "Critics in Uganda watched closely. The Press Union accused the government of silencing critics.")
    got = triples(nlp, text, EU)
    assert any(etype == "ACCUSE" and target == "Kenya" for etype, _, target in got), got
    assert not any(etype == "ACCUSE" and target == "Uganda" for etype, _, target in got), got


@pytest.mark.slow
@pytest.mark.parametrize("text, expected, unwanted", [
    ("Teachers in Nairobi went on strike against the government of Kenya.", ("PROTEST", None, "Kenya"), "ASSAULT"),
    ("Rail workers will strike next week against the government of Uganda.", ("PROTEST", None, "Uganda"), "ASSAULT"),
])
def test_a_strike_by_workers_is_a_protest(nlp, text, expected, unwanted):  # noqa: F811
    got = triples(nlp, text, EU)
    assert expected in got
    assert not any(t[0] == unwanted for t in got)


@pytest.mark.slow
def test_a_military_strike_stays_an_assault(nlp):  # noqa: F811
    got = triples(nlp, "Kenyan jets carried out a strike on rebel camps in Uganda.", EU)
    assert not any(t[0] == "PROTEST" for t in got)


@pytest.mark.slow
def test_lender_gives_aid_to_a_country(nlp):  # noqa: F811
    table = {"International Monetary Fund": ("ORG", ["IMF"]), "Kenya": ("COUNTRY", ["Kenya"])}
    got = triples(nlp, "The IMF approved a new loan of $900 million to Kenya on Tuesday.", table)
    assert ("AID", "International Monetary Fund", "Kenya") in got


PARTIES = {"Kenya": ("COUNTRY", ["Kenya", "Kenyan", "Nairobi"]), "Uganda": ("COUNTRY", ["Uganda", "Ugandan"]),
           "Somalia": ("COUNTRY", ["Somalia", "Somali"]), "Sudan": ("COUNTRY", ["Sudan", "Sudanese"]),
           "Tanzania": ("COUNTRY", ["Tanzania", "Tanzanian"]), "Press Union": ("ORG", ["Press Union"]),
           "International Monetary Fund": ("ORG", ["IMF"]), "World Bank": ("ORG", ["World Bank"])}


# missing targets ------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # the subject of an object clause is who a demand is made of
    ("The Press Union demanded that Kenyan authorities free the reporters.", ("REQUEST", "Press Union", "Kenya")),
    # a party object that is a ship or vessel is still the accused
    ("Kenya accused Ugandan coast guard vessels of harassing Kenyan fishermen.", ("ACCUSE", "Kenya", "Uganda")),
    ("Kenya accused Ugandan coast guard vessels of harassing Kenyan fishermen.", ("COERCE", "Uganda", "Kenya")),
    # an object relative without its pronoun: the noun is the one accused
    ("Kenya imposed sanctions on four Ugandan officials it accused of supplying rifles to Sudan.",
     ("ACCUSE", "Kenya", "Uganda")),
    ("Kenya imposed sanctions on four Ugandan officials it accused of supplying rifles to Sudan.",
     ("AID", "Uganda", "Sudan")),
    # one's own forces are no target; "out of" names where they leave
    ("Kenya has pulled its troops out of Somalia and Sudan.", ("RETREAT", "Kenya", "Somalia")),
    ("The last Kenyan soldiers left Somalia on Friday.", ("RETREAT", "Kenya", "Somalia")),
    # "lodged a protest with": a state's protest is an accusation aimed at the other side
    ("Tanzania lodged a formal protest with Uganda over the shooting.", ("ACCUSE", "Tanzania", "Uganda")),
    # the border with X faces X
    ("Uganda deployed troops to its border with Kenya, Kenyan officials said.", ("MOBILIZE", "Uganda", "Kenya")),
    # a purpose clause names who a loan helps
    ("The World Bank approved a new loan to help Somalia rebuild its ports.", ("AID", "World Bank", "Somalia")),
])
def test_targets_from_clauses_and_phrases(nlp, text, expected):  # noqa: F811
    assert expected in triples(nlp, text, PARTIES)


@pytest.mark.slow
def test_an_unnamed_crowd_binds_its_pronoun(nlp):  # noqa: F811
    text = "Kenya and Uganda signed a trade deal. Organisers said they would stage a march to parliament on Friday."
    got = triples(nlp, text, PARTIES)
    assert not any(t[0] == "PROTEST" and t[1] in ("Kenya", "Uganda") for t in got), got


# sources ------------------------------------------------------------------------------
def claims(nlp, text: str, table) -> set[tuple]:  # noqa: F811
    ents = entities(text, table)
    doc = Document(id="D1", name="t.txt", source="t.txt", text=text, published="2025-06-02")
    names = {e.key: e.name for e in ents}
    return {(e.type, names.get(e.actor), names.get(e.target), e.modality, names.get(e.source))
            for e in events.extract(doc, nlp(text), ents)}


@pytest.mark.slow
def test_the_lender_said_is_the_lenders_own_word(nlp):  # noqa: F811
    text = "The IMF approved the release of 900 million dollars to Kenya on Monday, the lender said."
    assert ("AID", "International Monetary Fund", "Kenya", "asserted", "International Monetary Fund") \
        in claims(nlp, text, PARTIES)


@pytest.mark.slow
def test_the_accuser_is_the_source_of_the_accused_act(nlp):  # noqa: F811
    text = "Kenya accused Uganda of torturing Kenyan prisoners."
    assert ("ASSAULT", "Uganda", "Kenya", "alleged", "Kenya") in claims(nlp, text, PARTIES)


@pytest.mark.slow
def test_a_reported_act_near_the_speakers_border_keeps_the_speaker(nlp):  # noqa: F811
    text = "Uganda has deployed tanks to its border with Kenya, Kenyan officials said on Monday."
    assert ("MOBILIZE", "Uganda", "Kenya", "asserted", "Kenya") in claims(nlp, text, PARTIES)


@pytest.mark.slow
def test_continuing_an_act_is_no_plan(nlp):  # noqa: F811
    text = "Kenya said it would continue to support Somalia's security forces."
    got = claims(nlp, text, PARTIES)
    assert ("SUPPORT", "Kenya", "Somalia", "asserted", None) in got, got
    assert not any(c[3] == "planned" for c in got), got


@pytest.mark.slow
def test_a_denied_act_keeps_the_denier_as_source(nlp):  # noqa: F811
    text = "Tanzania denied that any Tanzanian firm had helped Sudan evade the embargo."
    assert ("AID", "Tanzania", "Sudan", "denied", "Tanzania") in claims(nlp, text, PARTIES)
