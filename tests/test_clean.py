"""Cleaning: metadata from headers and datelines, boilerplate marked (not deleted), language, fingerprints."""
from __future__ import annotations

import pytest

from newsgraph.clean import clean, dates, dedup, language
from newsgraph.model import RawDocument

# Fictional articles written for these tests.
HEADER_FORM = ("Border talks resume date 2025-03-14 Negotiators from Norland and Sudmark resumed talks "
               "on Friday over the disputed river crossing, the foreign ministry said.\n\n"
               "The talks are expected to last three days.\n")
CLUTTERED = """Issued by Northern Studies Center - Vienna
ad a b
Advertisement

"Sudmark Signs Grain Deal With Norland"

Wednesday 05/March/2025 - 09:40 AM
The Morning Ledger
Ilse Martens

Sudmark and Norland signed a grain supply agreement in the capital on Tuesday, trade officials said.
The deal covers three years of deliveries.
Share this article
Photo: Ledger/File
Source: NNA
Latest news
"""


def raw(text: str, fmt: str = "text", **meta) -> RawDocument:
    return RawDocument(name="t.txt", source="/tmp/t.txt", data=text.encode(), format=fmt, meta=meta)


def labels(doc) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in doc.regions:
        out.setdefault(r.label, []).append(doc.text[r.start:r.end])
    return out


def test_header_form_gives_title_and_date_and_keeps_text():
    doc = clean(raw(HEADER_FORM))
    assert doc.text == HEADER_FORM  # stored as read
    assert doc.title == "Border talks resume" and doc.published == "2025-03-14"
    assert labels(doc)["header"] == ["date 2025-03-14"]
    body = doc.analysable_text()
    assert len(body) == len(doc.text) and "2025-03-14" not in body and "Negotiators" in body


def test_boilerplate_lines_are_marked_and_excluded_from_analysis():
    doc = clean(raw(CLUTTERED))
    found = labels(doc)
    assert found["banner"] == ["Issued by Northern Studies Center - Vienna"]
    assert found["ad"] == ["ad a b", "Advertisement"]
    assert found["dateline"] == ["Wednesday 05/March/2025 - 09:40 AM"]
    assert found["share"] == ["Share this article"] and found["photo"] == ["Photo: Ledger/File"]
    assert found["credit"] == ["Source: NNA"] and found["related"] == ["Latest news"]
    assert doc.title == "Sudmark Signs Grain Deal With Norland"
    assert doc.published == "2025-03-05" and doc.outlet == "NNA" and doc.byline == "Ilse Martens"
    body = doc.analysable_text()
    for gone in ("Issued by", "Advertisement", "Share this", "Source: NNA", "Latest news", "Ilse Martens"):
        assert gone not in body
    assert "signed a grain supply agreement" in body


def test_a_dateline_under_a_one_sentence_standfirst_dates_the_story():
    text = ("Kenya sends drones to Somalia\n\nNairobi says the aircraft will help its troops, while Mogadishu "
            "welcomed the move on Monday.\n\nPublished On 9 Aug 2026\n\nKenya on Monday sent six drones to Somalia, "
            "the defence ministry said.\n")
    doc = clean(raw(text))
    assert doc.published == "2026-08-09" and labels(doc)["dateline"] == ["Published On 9 Aug 2026"]
    assert "welcomed the move" in doc.analysable_text()


def test_a_wire_trailer_is_boilerplate():
    text = ("NAIROBI, May 2 (Reuters) - Kenya said it had sent drones to Somalia.\n\n"
            "(Reporting by Amina Odhiambo in Nairobi; additional reporting by Jomo Kariuki; Editing by Ana Ruiz)\n")
    doc = clean(raw(text))
    assert labels(doc)["trailer"] == ["(Reporting by Amina Odhiambo in Nairobi; additional reporting by Jomo Kariuki; "
                                      "Editing by Ana Ruiz)"]
    assert "Amina Odhiambo" not in doc.analysable_text() and "sent drones to Somalia" in doc.analysable_text()


@pytest.mark.parametrize("line, expected", [
    ("Tuesday 07/February/2025 - 01:03 AM", "2025-02-07"),
    ("August 29, 2024", "2024-08-29"),
    ("Published: 3 March 2025 | 10:15 GMT", "2025-03-03"),
    ("2025-01-31T08:00:00Z", "2025-01-31"),
    ("Updated Sept. 4, 2023 at 5:00 pm", "2023-09-04"),
    ("Updated 9:15 AM EDT, Wed March 5, 2025", "2025-03-05"),  # abbreviated weekday, time zone
    ("Fri 7 Mar 2025", "2025-03-07"),
    ("Commentary | Published 12 June 2024", "2024-06-12"),  # a section name before the keyed date
    ("Updated on: June 3, 2024 / 9:10 AM EDT / Channel Nine", "2024-06-03"),
    ("03.06.2024", "2024-06-03"),  # day first with dots
    ("3 June 2024, 09:10 | World | Security", "2024-06-03"),  # section names after the date
    ("03.06.2024 [09:10]", "2024-06-03"),  # a bracketed time
    ("date: Monday, 03 June 2024 9:10 PM  [ Last Update: Monday, 03 June 2024 9:40 PM ]", "2024-06-03"),
    ("Lima, Monday 3 June 2024", "2024-06-03"),  # the place, then the date
    ("June 3, 2024 4:58 PM GMT+9", "2024-06-03"),
    ("Published: 08/04/2024, 11:26 AM", "2024-04-08"),  # slashes: day first
    ("04/28/2024", "2024-04-28"),  # ... unless only the second number can be a day
    ("Published: 3 Jun 2024 - 09:14 pm | Last Update: 3 Jun 2024 - 10:02 pm", "2024-06-03"),
    ("Published: 03.06.2024, 21:15", "2024-06-03"),  # dots after a keyword
    ("LIMA — Monday 3 June 2024", "2024-06-03"),  # the place, a dash, then the date
    ("June, 3, 2024 - 11:45", "2024-06-03"),  # a comma after the month
    ("3 Jun, 2024 14:05 / Updated 3 Jun, 2024 15:30", "2024-06-03"),  # an update note after a slash
    ("Maria Lopez   |03.06.2024 - 14:05", "2024-06-03"),  # a byline, a bar, then the date
    ("Published: 03.06.24, 21:10", "2024-06-03"),  # a two-digit year after a publishing word
])
def test_datelines(line, expected):
    assert dates.dateline(line) == expected


@pytest.mark.parametrize("line", [
    "The ministers met on August 29, 2024 to sign the accord.",  # a sentence, not a dateline
    "31/02/2025",  # no such day
    "The accord was published on 12 June 2024 by the ministry of defence in Lima.",  # too long for a header
    "Lima, the capital, signed on 3 June 2024",  # a place, then more than a date
    "Version 1.2.2024 of the rules",  # dotted numbers inside a longer number
    "The talks ended | 03.06.2024 - 14:05",  # words before the bar are no byline
    "03.06.24",  # a two-digit year with no publishing word before it
])
def test_not_datelines(line):
    assert dates.dateline(line) is None


def test_record_metadata_wins_and_is_normalised():
    doc = clean(RawDocument(name="r1", source="x.jsonl:1", data="Ministers met in the capital on Monday to talk.",
                            format="record", meta={"published": "2025-02-01T10:00:00+01:00", "title": "T", "outlet": "O"}))
    assert (doc.published, doc.title, doc.outlet) == ("2025-02-01", "T", "O")


def test_html_main_text_and_metadata():
    html = ("<html><head><title>Talks | Site</title><meta property='article:published_time' content='2025-04-02T08:00:00Z'>"
            "<meta property='og:site_name' content='Fictional Wire'></head><body><nav>Home | World | Sport</nav>"
            "<article><h1>Ministers meet in Sudmark</h1><p>The defence ministers of Norland and Sudmark met on Tuesday "
            "in the capital to discuss a joint exercise, officials said.</p><p>They agreed to meet again in May.</p>"
            "</article><footer>Contact us</footer></body></html>")
    doc = clean(RawDocument(name="p.html", source="/tmp/p.html", data=html.encode(), format="html"))
    assert doc.published == "2025-04-02" and doc.outlet == "Fictional Wire"
    assert "Home | World" not in doc.text and "agreed to meet again" in doc.text
    assert doc.title == "Ministers meet in Sudmark"


def test_language_detection():
    assert language.detect("Les ministres de la défense se sont réunis lundi dans la capitale pour discuter "
                           "d'un exercice naval conjoint prévu au printemps.") == "fr"
    assert language.detect(HEADER_FORM) == "en"
    assert language.detect("Short.") == "en"  # too short to call


def test_simhash_threshold_separates_wire_copies_from_other_stories():
    """Why 3 bits: copies with small edits stay within it, different stories on the same topic do not."""
    story = ("Norland delivered twelve armoured vehicles to Sudmark on Monday under a deal signed last year, "
             "the defence ministry said, adding that training of crews would begin next month in the north. "
             "The vehicles arrived by rail at the border town of Vell after a two-day journey across the plain. "
             "Sudmark's army chief thanked his counterpart and said the deal would strengthen the alliance. "
             "Opposition lawmakers in Norland criticised the transfer, saying it left the country's own units short. "
             "A second delivery of eight vehicles is expected before the end of the year, officials said.")
    edited = story.replace("the defence ministry said", "the defence ministry announced") + " Both sides declined to give prices."
    other = ("Sudmark and Norland held a joint naval exercise on Monday in the southern sea, the navy said, "
             "adding that six ships and two helicopters took part in drills near the coast. The exercise, the "
             "third this year, practised search and rescue and the escort of merchant convoys. Norland's navy "
             "chief said the drills showed the alliance was ready to protect shipping lanes in the region.")
    fp = dedup.simhash(story)
    assert dedup.distance(fp, dedup.simhash(story)) == 0
    assert dedup.is_near_duplicate(fp, dedup.simhash(edited))
    assert dedup.distance(fp, dedup.simhash(other)) > 3 * dedup.NEAR_DUPLICATE_BITS


def test_bands_find_every_fingerprint_within_the_threshold():
    fp = dedup.simhash("Norland and Sudmark signed a defence pact on Monday, the ministry said.")
    for flips in ([0, 9, 20, 33, 47, 63], [1, 2, 3, 4, 5, 6], [10, 19, 28, 37, 46, 55]):
        other = fp
        for bit in flips:
            other ^= 1 << bit
        assert dedup.is_near_duplicate(fp, other)
        assert any(a == b for a, b in zip(dedup.bands(fp), dedup.bands(other)))
