"""Which country a person or body acts for, read from the words around the name.
Our own sentences; each test pins one way news names an affiliation."""
from __future__ import annotations

import pytest

from .test_entities import analysed, nlp  # noqa: F401  (session-scoped model fixture)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def countries(nlp):  # noqa: F811
    """Text -> {entity name: country} for the people and organisations the text names."""
    return lambda text: {name: e.country for name, e in analysed(nlp, text)[1].items() if e.type in ("PERSON", "ORG")}


def test_counterpart_qualified_by_a_demonym(countries):
    got = countries("Chile's Defence Minister Rosa Ibarra welcomed her Argentine counterpart Martin Sosa "
                    "in Santiago on Monday for talks on border patrols.")
    assert got.get("Martin Sosa") == "Argentina"
    assert got.get("Rosa Ibarra") == "Chile"


def test_surname_mention_keeps_the_country_of_the_full_name(countries):
    got = countries("Qatari Energy Minister Hamad al-Kuwari arrived in Tokyo on Sunday. "
                    "Al-Kuwari said the gas contract would be renewed for ten years.")
    assert got.get("Hamad al-Kuwari") == "Qatar"
    assert "Al-Kuwari" not in got


def test_title_with_the_country_in_an_of_phrase(countries):
    got = countries("The foreign minister of Peru, Luis Ortega, said the embassy would reopen next month.")
    assert got.get("Luis Ortega") == "Peru"


def test_apposition_with_a_possessive_country(countries):
    got = countries("Samuel Okafor, Nigeria's police chief, said forty suspects had been detained.")
    assert got.get("Samuel Okafor") == "Nigeria"


def test_person_who_heads_a_national_body(countries):
    got = countries("Ahmed Fawzi, who heads Egypt's armaments authority, said the factory would open in May.")
    assert got.get("Ahmed Fawzi") == "Egypt"


def test_name_of_a_country(countries):
    got = countries("The two border commanders, Aibek Toktosunov of Kyrgyzstan and Farrukh Nazarov of "
                    "Uzbekistan, signed a protocol on Wednesday.")
    assert got.get("Aibek Toktosunov") == "Kyrgyzstan"
    assert got.get("Farrukh Nazarov") == "Uzbekistan"


def test_seat_of_government_in_a_title(countries):
    got = countries("Kremlin spokesman Pavel Orlin said Moscow would respond to the new tariffs imposed "
                    "by Japan.")
    assert got.get("Pavel Orlin") == "Russia"


def test_the_kremlin_acts_for_russia_as_the_white_house_for_the_united_states(countries):
    got = countries("The Kremlin denied the report on Thursday, and the White House declined to comment.")
    assert got.get("Kremlin") == "Russia"
    assert got.get("White House") == "United States"


def test_office_holder_takes_the_dateline_country(countries):
    got = countries("Tension rises over fishing rights\n\nLIMA, May 4 (Reuters) - Peru protested on Monday "
                    "after Ecuadorian boats were seen near its coast. Peru has long disputed the zone.\n\n"
                    "Interior Minister Carla Quispe told reporters the navy had been put on alert, and "
                    "Peru would raise the matter at the regional summit.")
    assert got.get("Carla Quispe") == "Peru"


def test_state_body_without_a_country_is_the_story_state(countries):
    got = countries("Lithuania's government approved the budget on Friday. Lithuania needs new air defences, "
                    "officials said, and Lithuania will buy them this year. The Constitutional Court is "
                    "expected to rule on a challenge next week.")
    assert got.get("Constitutional Court") == "Lithuania"


def test_a_description_of_a_body_is_not_a_person(countries):
    """'the Ugandan army' names a body: it says nothing of which person is Ugandan."""
    got = countries("Kenya's Foreign Minister Joyce Wanjiru flew to Kigali on Monday. Peter Mugisha, a trader "
                    "in the border town, said the Ugandan army had closed the road.")
    assert got.get("Joyce Wanjiru") == "Kenya"
    assert got.get("Peter Mugisha") is None


def test_spokesman_for_a_national_body_and_bodies_qualified_by_country(countries):
    got = countries("Reza Tavakoli, a spokesman for the Iranian foreign ministry, said the talks would resume. "
                    "Officers of Poland's Internal Security Agency attended the hearing.")
    assert got.get("Reza Tavakoli") == "Iran"
    assert got.get("Internal Security Agency") == "Poland"


def test_a_bare_title_under_a_dateline_is_the_desks_country_even_in_a_story_about_another(countries):
    got = countries("JERUSALEM (Reuters) - Iran has sent new rockets to Hezbollah, Israeli officials said on Monday. "
                    "Iran denied the report and Tehran said it had no link to the shipments. "
                    "Defense Minister Avi Rosen said the rockets threatened the north.")
    assert got.get("Avi Rosen") == "Israel"


def test_a_bare_ministry_or_title_in_a_sentence_placed_in_a_capital_is_that_countrys(countries):
    got = countries("The Kenyan Foreign Ministry said it was studying the Somali report. "
                    "In Kampala, Foreign Ministry spokesman Moses Okello rejected the claims as baseless. "
                    "In Moscow, Deputy Foreign Minister Pavel Orlov said the same.")
    assert got.get("Moses Okello") == "Uganda"
    assert got.get("Pavel Orlov") == "Russia"
    assert got.get("Kenyan Foreign Ministry") == "Kenya"
