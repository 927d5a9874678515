"""Rule classes from the claims-attribution round, each pinned by sentences of our own.

Seat cities standing for the organisation seated there ("Brussels" acting is the EU),
"the government" as the country the story is about, and strikes by workers as PROTEST.
"""
from __future__ import annotations


import pytest

from newsgraph.extract import events
from newsgraph.model import Document, LocalEntity

from .test_events import hand_entities, nlp  # noqa: F401  (session-scoped model fixture)


def entities(text: str, table: dict[str, tuple[str, list[str]]]) -> list[LocalEntity]:
    """Entities of `text` by name: {name: (type, surfaces)}."""
    return hand_entities(text, [(surface, name, etype, None) for name, (etype, surfaces) in table.items()
                                for surface in surfaces])


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


# the attribution round: passive accusals, denied acts, threats, undergone and culprit events -----
PEOPLE = dict(PARTIES, **{"Amina Odhiambo": ("PERSON", ["Amina Odhiambo"]),
                          "Canada": ("COUNTRY", ["Canada", "Canadian", "Ottawa"])})


@pytest.mark.slow
@pytest.mark.parametrize("text, wanted, unwanted", [
    # a reduced relative: the clause's actor made the charge, the firms' country is the accused
    ("Kenya sanctioned five firms in Uganda accused of supplying rifles to Sudan.",
     ("AID", "Uganda", "Sudan", "alleged", "Kenya"), ("ACCUSE", "Uganda", None)),
    # a "by" agent is the accuser; the passive subject did the act
    ("Uganda was accused by Kenya of supplying rifles to Sudan.",
     ("AID", "Uganda", "Sudan", "alleged", "Kenya"), ("ACCUSE", "Uganda", "Kenya")),
    ("Uganda was accused by Kenya of supplying rifles to Sudan.",
     ("ACCUSE", "Kenya", "Uganda", "asserted", None), None),
    # "stands accused": the subject is the accused, no one is named as the accuser
    ("Tanzania stands accused of supplying rifles to Sudan.",
     ("AID", "Tanzania", "Sudan", "alleged", None), ("ACCUSE", "Tanzania", None)),
])
def test_passive_accusations(nlp, text, wanted, unwanted):  # noqa: F811
    got = claims(nlp, text, PARTIES)
    assert wanted in got, got
    assert unwanted is None or not any(c[:3] == unwanted for c in got), got


@pytest.mark.slow
def test_an_active_object_relative_is_no_passive_accusation(nlp):  # noqa: F811
    text = "Kenya sanctioned three Ugandan officers it accused of supplying rifles to Sudan."
    got = triples(nlp, text, PARTIES)
    assert ("ACCUSE", "Kenya", "Uganda") in got and ("AID", "Uganda", "Sudan") in got, got


@pytest.mark.slow
@pytest.mark.parametrize("denial, denier", [
    ("Kampala and Khartoum deny any transfer of weapons.", "Uganda"),
    ("Kampala and Khartoum deny any transfer of weapons.", "Sudan"),
    ("Uganda dismissed claims of involvement.", "Uganda"),
])
def test_denying_an_event_noun_denies_the_alleged_act(nlp, denial, denier):  # noqa: F811
    table = dict(PARTIES, Uganda=("COUNTRY", ["Uganda", "Ugandan", "Kampala"]),
                 Sudan=("COUNTRY", ["Sudan", "Sudanese", "Khartoum"]))
    text = "Kenyan intelligence says Uganda has shipped rifles to Sudan. " + denial
    got = claims(nlp, text, table)
    assert ("AID", "Uganda", "Sudan", "denied", denier) in got, got
    assert any(c[0] == "REJECT" and c[1] == denier for c in got), got


@pytest.mark.slow
def test_a_denied_deal_with_no_claim_before_adds_nothing(nlp):  # noqa: F811
    got = claims(nlp, "Uganda rejected reports of a deal with Sudan.", PARTIES)
    assert not any(c[3] == "denied" for c in got), got


@pytest.mark.slow
@pytest.mark.parametrize("text, wanted", [
    ("Kenya expelled two Ugandan diplomats on Monday. Uganda said it would retaliate.",
     ("THREATEN", "Uganda", "Kenya")),
    ("Uganda accused Kenya of abusing trade rules and said it would take firm countermeasures.",
     ("THREATEN", "Uganda", "Kenya")),
    ("Kenya imposed tariffs on Ugandan sugar. Uganda condemned the tariffs and said it would respond "
     "with countermeasures against Kenyan firms.", ("THREATEN", "Uganda", "Kenya")),
])
def test_a_threat_answers_the_hostile_act_before_it(nlp, text, wanted):  # noqa: F811
    got = triples(nlp, text, PARTIES)
    assert wanted in got, got
    assert not any(t[0] == "THREATEN" and t[2] is None for t in got), got


@pytest.mark.slow
@pytest.mark.parametrize("text, wanted", [
    ("Somalia faces new sanctions from Kenya.", ("SANCTION", "Kenya", "Somalia")),
    ("Tanzania suffered a cyber attack by Uganda.", ("ASSAULT", "Uganda", "Tanzania")),
    ("Canada criticised the detention of activists by Uganda.", ("ACCUSE", "Canada", "Uganda")),
])
def test_who_undergoes_and_who_is_condemned(nlp, text, wanted):  # noqa: F811
    assert wanted in triples(nlp, text, PEOPLE)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Kenya said Uganda was behind the attack on the border post.",
    "Kenya said Uganda was responsible for the attack on the border post.",
])
def test_the_culprit_of_an_event_noun_is_alleged(nlp, text):  # noqa: F811
    got = claims(nlp, text, PARTIES)
    assert any(c[:2] == ("ASSAULT", "Uganda") and c[3:] == ("alleged", "Kenya") for c in got), got


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Kenya's foreign ministry spokesperson Amina Odhiambo rejected the report on Monday.",
    # a spokesperson or cabinet secretary whose title names no country: the one the sentence names
    "Kenya scrambled fighter jets in response, Chief Cabinet Secretary Amina Odhiambo said.",
])
def test_a_spokesperson_speaks_for_their_country(nlp, text):  # noqa: F811
    from newsgraph.extract import entities as entity_stage
    found = entity_stage.extract(Document(id="D1", name="t.txt", source="t.txt", text=text), nlp(text))
    person = next(e for e in found if e.type == "PERSON")
    assert person.country == "Kenya", [(e.name, e.type, e.country) for e in found]


@pytest.mark.slow
@pytest.mark.parametrize("text, wanted", [
    # the forces one side detects are the other side's moves, facing the side that saw them
    ("Kenya's defence ministry said it had detected twelve Ugandan military aircraft near the border.",
     ("MOBILIZE", "Uganda", "Kenya", "asserted", "Kenya")),
    ("Tanzania spotted Kenyan warships off its coast on Sunday.", ("MOBILIZE", "Kenya", "Tanzania", "asserted", None)),
    ("Uganda put its forces on high alert.", ("MOBILIZE", "Uganda", None, "asserted", None)),
])
def test_detected_and_alerted_forces(nlp, text, wanted):  # noqa: F811
    assert wanted in claims(nlp, text, PARTIES)


@pytest.mark.slow
def test_condemning_the_drills_aims_at_the_side_that_aimed_them(nlp):  # noqa: F811
    text = ("Uganda launched large-scale drills around Kenya on Monday. Kenya put its forces on alert. "
            "Amina Odhiambo condemned the drills as reckless.")
    got = triples(nlp, text, PEOPLE)
    assert ("ACCUSE", "Amina Odhiambo", "Uganda") in got, got


@pytest.mark.slow
@pytest.mark.parametrize("text, wanted", [
    # an unnamed national institution speaking is the one country its sentence names
    ("Kenya reported heavy rain. Uganda test-fired a new cruise missile from a coastal site, the military said.",
     ("MOBILIZE", "Uganda", None, "asserted", "Uganda")),
    ("Kenya reported heavy rain. Ugandan officials said the navy would stage a live-fire drill on Saturday.",
     ("MOBILIZE", "Uganda", None, "planned", "Uganda")),
    # an aircraft carrier is a weapon platform: sending one is a deployment
    ("Kenya said it would send an aircraft carrier to the Red Sea next week.",
     ("MOBILIZE", "Kenya", None, "planned", "Kenya")),
])
def test_unnamed_institutions_and_platforms(nlp, text, wanted):  # noqa: F811
    assert wanted in claims(nlp, text, PARTIES)



@pytest.mark.slow
@pytest.mark.parametrize("text, wanted", [
    # a warning that one could act against others is a threat
    ("Kenya has warned that it could impose sanctions on firms that trade with rebels.",
     ("THREATEN", "Kenya", None, "asserted", None)),
    # "might deploy": not yet done
    ("Uganda might deploy troops to the border next month.", ("MOBILIZE", "Uganda", None, "planned", None)),
    # "may have supplied": a guess about the past is an allegation
    ("Uganda may have supplied rifles to Sudan, Kenya said.", ("AID", "Uganda", "Sudan", "alleged", "Kenya")),
])
def test_modal_possibility(nlp, text, wanted):  # noqa: F811
    assert wanted in claims(nlp, text, PARTIES)


@pytest.mark.slow
@pytest.mark.parametrize("text, wanted", [
    ("Kenya severed diplomatic ties with Uganda on Friday.", ("SANCTION", "Kenya", "Uganda")),
    ("Kenya has reduced Uganda's diplomatic presence in Nairobi.", ("SANCTION", "Kenya", "Uganda")),
    ("Tanzania froze Uganda's assets.", ("SANCTION", "Tanzania", "Uganda")),
    ("The naval arm of the Kenyan army held a live-fire drill on Saturday.", ("MOBILIZE", "Kenya", None)),
])
def test_reductions_of_relations_and_arms_of_forces(nlp, text, wanted):  # noqa: F811
    assert wanted in triples(nlp, text, PARTIES)


@pytest.mark.slow
@pytest.mark.parametrize("text, wanted", [
    # claiming responsibility is the doer's own word; denying it is a denial
    ("A Somali militia claimed responsibility for the bombing of a Kenyan border post.",
     ("ASSAULT", "Somalia", "Kenya", "asserted", "Somalia")),
    ("Uganda denied responsibility for the attack on the Kenyan convoy.",
     ("ASSAULT", "Uganda", "Kenya", "denied", "Uganda")),
    # "blamed X for <event noun>": X did it, by the accuser's word
    ("Kenya blamed Uganda for a missile strike on Kenyan villages.",
     ("ASSAULT", "Uganda", "Kenya", "alleged", "Kenya")),
])
def test_responsibility_claimed_denied_and_blamed(nlp, text, wanted):  # noqa: F811
    assert wanted in claims(nlp, text, PARTIES)


@pytest.mark.slow
def test_being_part_of_cooperation_is_no_claim_of_it(nlp):  # noqa: F811
    text = "Uganda sent rifles to Sudan as part of defence cooperation between the two countries, Kenya said."
    assert not any(c[0] == "COOPERATE" and c[4] == "Kenya" for c in claims(nlp, text, PARTIES))


@pytest.mark.slow
def test_denying_a_clause_without_an_act_denies_the_alleged_one(nlp):  # noqa: F811
    text = "Kenya accused Uganda of supplying rifles to Sudan. Uganda denied that it had done anything wrong."
    got = claims(nlp, text, PARTIES)
    assert ("AID", "Uganda", "Sudan", "denied", "Uganda") in got, got


@pytest.mark.slow
def test_joining_another_in_an_act_makes_both_actors(nlp):  # noqa: F811
    got = triples(nlp, "Tanzania joined Kenya in sanctioning Uganda on Monday.", PARTIES)
    assert ("SANCTION", "Tanzania", "Uganda") in got and ("SANCTION", "Kenya", "Uganda") in got, got


DENIERS = dict(PARTIES, Uganda=("COUNTRY", ["Uganda", "Ugandan", "Kampala"]),
               Kenya=("COUNTRY", ["Kenya", "Kenyan", "Nairobi"]))


@pytest.mark.slow
@pytest.mark.parametrize("text, denier", [
    # a denial hanging on the charges it denies: not itself an allegation
    ("Activists have accused Ugandan troops of killing civilians in Kenya, charges that both Kampala and "
     "Nairobi deny.", "Uganda"),
    ("Activists have accused Ugandan troops of killing civilians in Kenya, charges that both Kampala and "
     "Nairobi deny.", "Kenya"),
    # "every one of these charges" points back at the claim
    ("Kenya has blamed Uganda for a missile strike on Kenyan villages. Uganda has denied every one of these charges.",
     "Uganda"),
])
def test_denials_of_charges(nlp, text, denier):  # noqa: F811
    got = claims(nlp, text, DENIERS)
    assert any(c[:2] == ("ASSAULT", "Uganda") and c[3:] == ("denied", denier) for c in got), got
    assert not any(c[0] == "REJECT" and c[3] == "alleged" for c in got), got


@pytest.mark.slow
def test_a_product_version_is_no_claim(nlp):  # noqa: F811
    text = "Kenya will build a newer version of the rifle, which has been used by Uganda in Sudan."
    assert not any(c[3] == "alleged" for c in claims(nlp, text, PARTIES))


# frames that do not reach an event ---------------------------------------------------
REBELS = dict(DENIERS, **{"Sudan": ("COUNTRY", ["Sudan", "Sudanese", "Khartoum"]),
                          "Tanzania": ("COUNTRY", ["Tanzania", "Tanzanian", "Dodoma"]),
                          "Commerce Ministry": ("ORG", ["Commerce Ministry"])})


@pytest.mark.slow
@pytest.mark.parametrize("text, frame_of", [
    # a relative clause describes a participant: the denial or charge above does not reach it
    ("Uganda has denied arming the Sudanese militias, who have shelled towns in Kenya for months.", "denied"),
    ("Kenyan prosecutors accuse the trader of moving cash for a Ugandan arms firm, which Tanzania sanctioned "
     "last year.", "alleged"),
])
def test_a_relative_clause_is_outside_the_frame_above(nlp, text, frame_of):  # noqa: F811
    got = claims(nlp, text, REBELS)
    inner = {"denied": "ASSAULT", "alleged": "SANCTION"}[frame_of]
    assert any(c[0] == inner for c in got), got
    assert not any(c[0] == inner and c[3] == frame_of for c in got), got


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The Press Union also says Ugandan police helped detain the reporters at the border post at Malaba, "
    "an allegation Kampala has rejected.",
    "Kenya also says Ugandan troops helped guard the trucks on the road to Juba, a claim Kampala has rejected.",
])
def test_a_claim_rejected_in_apposition_is_no_allegation_of_the_rejection(nlp, text):  # noqa: F811
    got = claims(nlp, text, REBELS)
    assert any(c[:2] == ("REJECT", "Uganda") for c in got), got
    assert not any(c[0] == "REJECT" and c[3] == "alleged" for c in got), got


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Kenya said Tanzania stood with its ally and warned that an armed attack on Kenyan vessels would trigger the pact.",
    "Nairobi said any strike on Kenyan soil could draw a response from Tanzania.",
])
def test_an_indefinite_event_that_would_have_effects_is_a_supposition(nlp, text):  # noqa: F811
    got = claims(nlp, text, REBELS)
    assert not any(c[0] == "ASSAULT" for c in got), got


@pytest.mark.slow
def test_a_reporting_verb_with_a_thing_for_object_is_no_speech(nlp):  # noqa: F811
    text = "Kenya's Commerce Ministry added four Ugandan firms to its trade blacklist, barring them from Kenyan ports."
    got = claims(nlp, text, REBELS)
    assert any(c[0] == "SANCTION" for c in got), got
    assert not any(c[0] == "SANCTION" and c[4] is not None for c in got), got


@pytest.mark.slow
def test_a_ministry_named_by_its_portfolio_speaks_for_the_country_of_its_sentence(nlp):  # noqa: F811
    text = "Chile test-fired a new rocket on Monday, the defence ministry said."
    ents = entities(text, {"Chile": ("COUNTRY", ["Chile"])})
    doc = Document(id="D1", name="t.txt", source="t.txt", text=text, published="2025-06-02")
    found = events.extract(doc, nlp(text), ents)
    names = {e.key: e.name for e in ents}
    assert found and all(names.get(e.source) == "Chile" for e in found), [(e.type, e.source) for e in found]


# recall: plans told by others, help with an act, personnel arriving ------------------------
TRIO = {"Kenya": ("COUNTRY", ["Kenya", "Kenyan"]), "Uganda": ("COUNTRY", ["Uganda", "Ugandan"]),
        "Tanzania": ("COUNTRY", ["Tanzania", "Tanzanian"]), "Sudan": ("COUNTRY", ["Sudan", "Sudanese"])}


@pytest.mark.slow
def test_a_plan_told_by_a_third_party_is_planned(nlp):  # noqa: F811
    text = "Tanzania said the Kenyan and Ugandan navies would hold a joint exercise on Lake Victoria next month."
    got = claims(nlp, text, TRIO)
    assert any(c[0] == "COOPERATE" and c[3] == "planned" and c[4] == "Tanzania" for c in got), got


@pytest.mark.slow
def test_an_intention_told_by_a_third_party_stays_alleged(nlp):  # noqa: F811
    text = "Tanzania said Kenya and Uganda were preparing to hold joint naval drills."
    got = claims(nlp, text, TRIO)
    assert ("COOPERATE", "Kenya", "Uganda", "alleged", "Tanzania") in got or \
        ("COOPERATE", "Uganda", "Kenya", "alleged", "Tanzania") in got, got


@pytest.mark.slow
def test_helping_with_an_act_aims_at_who_the_act_serves(nlp):  # noqa: F811
    text = "Ugandan soldiers helped escort the fuel convoys to Sudan last week."
    assert ("AID", "Uganda", "Sudan") in triples(nlp, text, TRIO)


@pytest.mark.slow
def test_military_personnel_arriving_in_a_country_aid_it(nlp):  # noqa: F811
    text = "About 150 Kenyan military instructors have arrived in Uganda to train its special forces."
    got = triples(nlp, text, TRIO)
    assert ("AID", "Kenya", "Uganda") in got, got
    assert ("CONSULT", "Kenya", "Uganda") not in got, got


@pytest.mark.slow
def test_a_minister_arriving_still_visits(nlp):  # noqa: F811
    text = "Kenyan Foreign Minister Ruth Wanjiru arrived in Uganda on Monday for talks."
    ents = TRIO | {"Ruth Wanjiru": ("PERSON", ["Ruth Wanjiru"])}
    assert not any(t[0] == "AID" for t in triples(nlp, text, ents))


@pytest.mark.slow
def test_sending_a_delegation_is_a_planned_visit(nlp):  # noqa: F811
    text = "Kenya said it would send a delegation to Sudan next week."
    got = claims(nlp, text, TRIO)
    assert ("CONSULT", "Kenya", "Sudan", "planned", "Kenya") in got, got
    assert not any(c[0] in ("AID", "MOBILIZE") for c in got), got
