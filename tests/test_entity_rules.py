"""Entity rules for news in general: wire credits, datelines, qualified bodies, facilities, named groups.
Our own sentences; each test pins one class of error, not one text."""
from __future__ import annotations

import pytest

from .test_entities import analysed, nlp  # noqa: F401  (session-scoped model fixture)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def analyse(nlp):  # noqa: F811
    """Text -> (Document, {canonical name: LocalEntity})."""
    return lambda text: analysed(nlp, text)


def by_type(ents: dict, etype: str) -> set[str]:
    return {name for name, e in ents.items() if e.type == etype}


def test_wire_agency_credit_is_blanked_but_the_dateline_place_and_outlet_stay(analyse):
    doc, ents = analyse("Norway hosts Arctic talks\n\nTROMSO, May 2 (Reuters) - Norwegian and Finnish ministers met "
                        "in Tromso on Friday to discuss patrols in the Barents Sea, officials said.\n")
    assert "Reuters" not in ents
    assert doc.outlet == "Reuters"
    agency = [r for r in doc.regions if r.label == "agency"]
    assert [doc.text[r.start:r.end] for r in agency] == ["Reuters"]
    assert "Tromso" in ents and ents["Tromso"].type == "LOCATION"


def test_agency_acting_in_the_body_is_kept(analyse):
    _, ents = analyse("The ministry confirmed the arrests on Tuesday after Reuters reported that twelve officers "
                      "had been detained in the capital.")
    assert "Reuters" in by_type(ents, "ORG")


def test_capital_named_only_in_the_dateline_and_as_a_place_is_the_city(analyse):
    _, ents = analyse("VILNIUS, June 9 (AFP) - Lithuania closed two border crossings on Monday. Crowds gathered "
                      "in central Vilnius in the evening to support the decision.")
    assert "Vilnius" in by_type(ents, "LOCATION")
    assert not any(m.text.lower() == "vilnius" for m in ents["Lithuania"].mentions)


def test_capital_after_the_government_in_stands_for_the_state(analyse):
    _, ents = analyse("Paris has cut aid since the government in Bamako expelled the ambassador of France last year.")
    assert "Bamako" in ents["Mali"].aliases
    assert "Bamako" not in ents


def test_demonym_or_possessive_with_army_in_lower_case_is_that_state_s_army(analyse):
    _, ents = analyse("The Malian army said it had retaken the town. Niger's army sent reinforcements, "
                      "and the army's spokesman later confirmed the operation.")
    armies = {e.country: e for e in ents.values() if e.type == "ORG"}
    assert {"Mali", "Niger"} <= set(armies)
    assert any(m.text == "Malian army" for m in armies["Mali"].mentions)


def test_army_before_a_title_is_part_of_the_title(analyse):
    _, ents = analyse("Ghana's army chief, General Kofi Mensah, visited the northern garrison on Monday.")
    assert not by_type(ents, "ORG")
    assert "Kofi Mensah" in by_type(ents, "PERSON")


def test_federal_police_in_lower_case_is_the_country_s_police(analyse):
    _, ents = analyse("Brazilian prosecutors opened an inquiry into the contract. The federal police said in a "
                      "statement that two officials had been questioned in Brazil.")
    police = [e for e in ents.values() if e.type == "ORG" and any(m.text == "federal police" for m in e.mentions)]
    assert len(police) == 1 and police[0].country == "Brazil"


def test_unknown_organisation_opening_with_a_country_name_stays_whole(analyse):
    _, ents = analyse("The Kenya Ports Authority suspended night shifts at Mombasa after the strike began.")
    assert "Kenya Ports Authority" in by_type(ents, "ORG")
    assert "Ports Authority" not in ents


def test_department_named_in_a_capitalised_title_is_not_a_mention_of_it(analyse):
    _, ents = analyse("U.S. Treasury Secretary Maria Lopez will travel to Tokyo next week for talks.")
    assert not by_type(ents, "ORG")
    assert ents["Maria Lopez"].country == "United States"


def test_facility_named_with_a_lower_case_head_is_named_without_it(analyse):
    _, ents = analyse("American soldiers left the Incirlik air base on Sunday. Two drones later struck "
                      "the Gao Air Base, the army said.")
    assert "Incirlik" in by_type(ents, "LOCATION")
    assert any(m.text == "Incirlik air base" for m in ents["Incirlik"].mentions)
    assert "Gao Air Base" in by_type(ents, "LOCATION")


def test_a_name_before_a_complex_is_the_complex_not_a_person(analyse):
    _, ents = analyse("The Peruvian minister will visit the Shahid Alavi aerospace complex near Isfahan on Monday.")
    assert "Shahid Alavi" not in by_type(ents, "PERSON")
    assert "Shahid Alavi" in by_type(ents, "LOCATION")


def test_oil_block_is_a_place(analyse):
    _, ents = analyse("Two patrol boats were sent to waters near the Orinoco oil block on Tuesday, the navy said.")
    assert "Orinoco" in by_type(ents, "LOCATION")


def test_unknown_name_before_a_group_noun_is_an_organisation(analyse):
    _, ents = analyse("Government troops have been fighting the Kalo militia in the hills for two years.")
    assert "Kalo" in by_type(ents, "ORG")


def test_platform_named_as_where_a_statement_was_made_is_an_organisation(analyse):
    _, ents = analyse("The mayor of Odesa said on Telegram that three people had been injured overnight.")
    assert "Telegram" in by_type(ents, "ORG")


def test_body_named_for_the_country_it_works_in_or_on_is_one_organisation(analyse):
    _, ents = analyse("The UN Panel of Experts on Eritrea said last week that the Northern Resistance in Chad "
                      "had received rifles. The Wagner Group in Mali denied it.")
    orgs = by_type(ents, "ORG")
    assert "UN Panel of Experts on Eritrea" in orgs, orgs
    assert ents["UN Panel of Experts on Eritrea"].country is None  # a UN body, not Eritrea's
    assert "Wagner Group" in orgs and "Mali" in by_type(ents, "COUNTRY"), ents


def model_says_org(nlp, text: str, name: str):  # noqa: F811
    """`text` parsed, with the model's entity for `name` forced to ORG (as the small model tags some
    real diplomats' names), and the mentions found in it."""
    from newsgraph.extract import mentions
    from newsgraph.model import Document

    sdoc = nlp(text)
    start = text.index(name)
    forced = sdoc.char_span(start, start + len(name), label="ORG")
    sdoc.ents = [e for e in sdoc.ents if e.end <= forced.start or e.start >= forced.end] + [forced]
    found = mentions.find(Document(id="D", name="t.txt", source="t.txt", text=text), sdoc)
    return {text[f.start_char:f.end_char]: f.type for f in found}


def test_a_name_the_model_calls_an_organisation_after_a_title_is_a_person(nlp):  # noqa: F811
    got = model_says_org(nlp, "Kenya's ambassador to the United Nations, Vassily Orlenko, dismissed the report.",
                         "Vassily Orlenko")
    assert got.get("Vassily Orlenko") == "PERSON", got
    got = model_says_org(nlp, "Chile's Ambassador to the United Nations Saeed Karami said the claims were false.",
                         "United Nations Saeed Karami")
    assert got.get("Saeed Karami") == "PERSON" and got.get("United Nations") == "ORG", got
    got = model_says_org(nlp, "He heads the Kenyan Air Force Research and Test Organization.", "Kenyan Air Force Research")
    assert "PERSON" not in got.values(), got


def test_a_first_name_after_a_title_and_comma_joins_the_surname(analyse):
    _, ents = analyse("At least 37 people were arrested in Nairobi, a police spokesman, Olumide Fashola, said.")
    assert "Olumide Fashola" in by_type(ents, "PERSON"), ents.keys()
    _, ents = analyse("In Lima, Kiprono met Chilean Minister of State for Foreign Affairs Mohammed al-Sulaiti.")
    assert "State" not in ents and "Mohammed al-Sulaiti" in by_type(ents, "PERSON"), ents.keys()


def test_a_name_the_model_stops_short_of_its_possessive_reaches_it(nlp):  # noqa: F811
    from newsgraph.extract import mentions
    from newsgraph.model import Document

    text = "An aide in President Park Min Joon's office said the talks would resume."
    sdoc = nlp(text)
    start = text.index("Park Min")
    sdoc.ents = [sdoc.char_span(start, start + len("Park Min"), label="PERSON")]  # as the model tags it
    found = mentions.find(Document(id="D", name="t.txt", source="t.txt", text=text), sdoc)
    assert "Park Min Joon" in [text[f.start_char:f.end_char] for f in found if f.type == "PERSON"]
