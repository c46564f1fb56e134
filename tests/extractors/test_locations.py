"""The locations extractor: exact places, kinds, codes and offsets; context; speed on hostile input."""

from __future__ import annotations

import time

import pytest
import regex

from extractors import Document, extract
from extractors.locations import _CASELESS_ODD_LETTERS, _REGION_TYPES, _may_have_region_type, extract_locations
from extractors.records import Span


# Sentences written for this check: (text, the name as written, expected ISO country code of the
# place it names, or None when it names no place here).  benchmarks/location_ambiguity.py prints
# the accuracy over them.
AMBIGUOUS = [
    ("Paris is preparing for the Olympics, the French sports minister said.", "Paris", "FR"),
    ("The bus crashed outside Paris, Texas, on Friday.", "Paris", "US"),
    ("Paris Hilton posted a photo of her dog.", "Paris", None),
    ("Protesters filled the streets of Paris on Saturday.", "Paris", "FR"),
    ("Russian troops invaded Georgia in 2008, and Tbilisi still fears Moscow.", "Georgia", "GE"),
    ("Georgia's governor signed the election bill in Atlanta on Monday.", "Georgia", "US"),
    ("Voters in Georgia lined up for hours outside polling stations in Atlanta.", "Georgia", "US"),
    ("Georgia and Armenia held talks on the border dispute.", "Georgia", "GE"),
    ("King Abdullah returned to Amman, the capital of Jordan.", "Jordan", "JO"),
    ("Michael Jordan won six championships with Chicago.", "Jordan", None),
    ("Refugees crossed from Syria into Jordan last year.", "Jordan", "JO"),
    ("Jordan Peterson gave a lecture in Toronto.", "Jordan", None),
    ("Bushfires raged across Victoria as Melbourne sweltered.", "Victoria", "AU"),
    ("Victoria Beckham launched a new fashion line.", "Victoria", None),
    ("The ferry from Vancouver docked in Victoria, British Columbia.", "Victoria", "CA"),
    ("Washington imposed new sanctions on Tehran.", "Washington", "US"),
    ("Denzel Washington starred in the film.", "Washington", None),
    ("Wildfires spread across Washington state and Oregon.", "Washington", "US"),
    ("Floods hit Chad and Niger after weeks of rain.", "Chad", "TD"),
    ("Chad Smith said the deal was done.", "Chad", None),
    ("The festival in Nice drew thousands of visitors to the Riviera.", "Nice", "FR"),
    ("Nice work, the coach told his players.", "Nice", None),
    ("Reading is a pleasure for many children.", "Reading", None),
    ("Police in Reading, England, arrested two men.", "Reading", "GB"),
    ("Mobile phone sales fell in the third quarter.", "Mobile", None),
    ("A hurricane struck Mobile, Alabama, overnight.", "Mobile", "US"),
    ("Heavy snow closed roads in Moscow and St. Petersburg.", "Moscow", "RU"),
    ("The students moved to Moscow, Idaho, for college.", "Moscow", "US"),
    ("Troops massed near Kursk, close to the border with Ukraine.", "Kursk", "RU"),
    ("Lincoln signed the proclamation in 1863.", "Lincoln", None),
    ("The senator flew home to Lincoln, Nebraska, on Friday.", "Lincoln", "US"),
    ("Sydney and Melbourne recorded record heat.", "Sydney", "AU"),
    ("Sydney Sweeney starred in the new series.", "Sydney", None),
    ("Hamilton, Ontario, reported its first case.", "Hamilton", "CA"),
    ("Lewis Hamilton won the race.", "Hamilton", None),
    ("Floods swept through Alexandria, Egypt's second city.", "Alexandria", "EG"),
    ("Birmingham, Alabama, is a centre of the civil rights movement.", "Birmingham", "US"),
    ("Birmingham City Council approved the budget in England.", "Birmingham", None),
]


def locations(text: str):
    return extract_locations(Document(text))


def resolved(text: str, surface: str) -> str | None:
    """The country of the place mentioned at ``surface``'s first occurrence, or None if no place is there."""
    start = text.index(surface)
    for place in locations(text):
        if any(span.start <= start < span.end for span in place.mentions):
            return place.country
    return None


@pytest.mark.parametrize(("text", "surface", "expected"), AMBIGUOUS, ids=[f"{c[1]}-{i}" for i, c in enumerate(AMBIGUOUS)])
def test_ambiguous_names_resolve_by_context(text, surface, expected):
    assert resolved(text, surface) == expected


def test_country_forms_and_offsets():
    text = "The U.S. and Britain warned North Korea; Türkiye and the UK agreed."
    found = {(p.name, p.kind, p.country, p.mentions) for p in locations(text)}
    assert found == {
        ("United States", "country", "US", (Span(4, 8),)),
        ("United Kingdom", "country", "GB", (Span(13, 20), Span(57, 59))),
        ("North Korea", "country", "KP", (Span(28, 39),)),
        ("Turkey", "country", "TR", (Span(41, 48),)),
    }


def test_region_with_type_word_owner_and_anaphor():
    text = "Russia’s Kursk region was shelled. Officials in the region said 12 houses burned."
    by_name = {p.name: p for p in locations(text)}
    kursk = by_name["Kursk Oblast"]
    assert (kursk.kind, kursk.country, kursk.text, kursk.start, kursk.end) == ("region", "RU", "Kursk region", 9, 21)
    assert kursk.mentions == (Span(9, 21), Span(48, 58))
    assert text[48:58] == "the region"
    assert by_name["Russia"].mentions == (Span(0, 6),)


def test_us_state_and_brazilian_state():
    text = "Rio Grande do Sul state flooded while Texas burned."
    found = [(p.name, p.kind, p.country, p.text) for p in locations(text)]
    assert found == [("Rio Grande do Sul", "region", "BR", "Rio Grande do Sul state"), ("Texas", "region", "US", "Texas")]


def test_city_has_coordinates_and_population_ranked_candidate():
    (paris,) = locations("She flew to Paris.")
    assert (paris.name, paris.kind, paris.country, paris.start, paris.end) == ("Paris", "city", "FR", 12, 17)
    assert paris.lat == pytest.approx(48.853) and paris.lon == pytest.approx(2.349)


def test_curated_places():
    text = "Aid reached the Gaza Strip while ships avoided the Red Sea and migrants landed on Lampedusa."
    found = [(p.name, p.kind, p.country) for p in locations(text)]
    assert found == [("Gaza Strip", "place", "PS"), ("Red Sea", "place", None), ("Lampedusa", "place", "IT")]


def test_demonyms_are_adjectival_not_mentions():
    text = "South Korean intelligence said Russian officials met in Moscow."
    by_name = {p.name: p for p in locations(text)}
    south_korea = by_name["South Korea"]
    assert (south_korea.country, south_korea.mentions, south_korea.adjectival) == ("KR", (), (Span(0, 12),))
    assert (south_korea.text, south_korea.start, south_korea.end) == ("South Korean", 0, 12)
    assert by_name["Russia"].adjectival == (Span(31, 38),) and by_name["Russia"].mentions == ()


def test_title_case_headline_gives_no_junk():
    text = "North Korea to Send Thousands of Workers to Rebuild Russian Border Region"
    found = [(p.name, p.mentions) for p in locations(text)]
    assert found == [("North Korea", (Span(0, 11),)), ("Russia", ())]


def test_names_inside_longer_names_are_not_places():
    text = "The New York Times and the Bank of Scotland reported on the Paris Agreement."
    assert [p.name for p in locations(text)] == []


def test_features_and_polities():
    text = "Barges crossed the Potomac River into the Kingdom of Spain and East Africa."
    found = [(p.text, p.kind) for p in locations(text)]
    assert found == [("Potomac River", "place"), ("Kingdom of Spain", "country"), ("East Africa", "place")]


def test_a_river_named_after_a_place_is_not_that_place():
    text = "Rain swelled the Taquari and Jacuí rivers and the Jordan river, but Jordan itself stayed dry."
    assert [(p.name, [text[m.start:m.end] for m in p.mentions]) for p in locations(text)] == [("Jordan", ["Jordan"])]
    assert locations(text)[0].start == text.rindex("Jordan")


def test_city_state_pair_is_one_mention():
    text = "She was born in Nashville, Tennessee."
    (place,) = locations(text)
    assert (place.name, place.country, place.text) == ("Nashville", "US", "Nashville, Tennessee")


def test_seed_article_locations(seed_text):
    text = seed_text
    result = extract(text, only=["locations"])["locations"]
    summary = {(p["name"], p["kind"], p["country"]) for p in result}
    assert summary == {
        ("North Korea", "country", "KP"),
        ("Russia", "country", "RU"),
        ("Kursk Oblast", "region", "RU"),
        ("Ukraine", "country", "UA"),
        ("South Korea", "country", "KR"),
    }
    kursk = next(p for p in result if p["name"] == "Kursk Oblast")
    texts = {text[m["start"]:m["end"]] for m in kursk["mentions"]}
    assert {"Kursk region", "Russian Border Region"} <= texts
    south_korea = next(p for p in result if p["name"] == "South Korea")
    assert south_korea["mentions"] == [] and {text[a["start"]:a["end"]] for a in south_korea["adjectival"]} == {"South Korean"}
    for place in result:
        assert text[place["start"]:place["end"]] == place["text"]


def test_adversarial_input_is_fast_and_offsets_hold():
    pieces = [
        "Paris " * 200, "U.S. " * 200, "A B C D E F G H " * 300, "of the of the " * 300, "North-South-East-West- " * 100,
        "Rio Grande do Sul do Sul do " * 100, "’s’s’s " * 200, "Mount " * 300, "\n" * 100, "São Paulo, Texas, " * 200,
    ]
    text = "".join(pieces)
    text = (text * (100_000 // len(text) + 1))[:100_000]
    started = time.perf_counter()
    found = locations(text)
    assert time.perf_counter() - started < 5.0
    for place in found:
        assert text[place.start:place.end] == place.text
        for span in place.mentions:
            assert 0 <= span.start < span.end <= len(text)


def test_country_acting_is_still_a_place_but_a_person_is_not():
    text = "Israel said the talks failed. Chad Smith said he agreed."
    assert [(p.name, p.mentions) for p in locations(text)] == [("Israel", (Span(0, 6),))]


def test_places_joined_to_a_place_support_each_other():
    text = "He lived in London and then Glasgow."
    assert [(p.name, p.text) for p in locations(text)] == [("London", "London"), ("Glasgow", "Glasgow")]


def test_mentions_in_a_repeated_paragraph_are_repeats():
    text = "Floods hit Texas.\n\nRescuers reached Houston.\n\nFloods hit Texas."
    (texas, houston) = locations(text)
    assert (texas.name, texas.mentions, texas.repeats) == ("Texas", (Span(11, 16),), (Span(57, 62),))
    assert (houston.name, houston.mentions, houston.repeats) == ("Houston", (Span(36, 43),), ())


def test_headlines_keep_real_places_and_make_no_long_features():
    cases = {
        "China Warns Taiwan Over Independence Push as US Warships Transit Strait": [
            ("China", "CN"), ("Taiwan", "TW"), ("US", "US"),
        ],
        "Hurricane Milton Slams Florida's Gulf Coast, Leaving Millions Without Power": [("Florida", "US"), ("Gulf Coast", None)],
        "Police Say Gunman Acted Alone in Texas School Shooting": [("Texas", "US")],
    }
    for headline, expected in cases.items():
        assert [(p.text, p.country) for p in locations(headline)] == expected, headline


def test_district_the_gazetteer_lacks_is_a_region_of_the_main_country_with_its_bare_mentions():
    text = ("Floods in Dolakha district of Nepal killed 12 people. Nepal's army sent helicopters to Dolakha on Monday, "
            "and the Kenyan Red Cross said Kajiado County was spared.")
    found = {location.name: location for location in extract_locations(Document(text))}
    dolakha = found["Dolakha District"]
    assert (dolakha.kind, dolakha.country, dolakha.lat) == ("region", "NP", None)
    assert [text[m.start:m.end] for m in dolakha.mentions] == ["Dolakha district", "Dolakha"]
    assert (found["Kajiado"].kind, found["Kajiado"].country) == ("region", "KE")  # listed: the gazetteer resolves it


@pytest.mark.parametrize("text", [
    "The school is in Scott's district, near the river.",
    "Voters in the Central district and a Republican district were polled.",
    "She was taken to Kings County Hospital on Friday.",
])
def test_descriptions_possessives_and_institutions_are_not_unlisted_districts(text):
    assert [location.name for location in extract_locations(Document(text)) if location.name.endswith(("District", "County"))] == []


@pytest.mark.parametrize("text, expected", [
    ("Homes were damaged in the Arequipa and Moquegua regions of Peru.", [("Arequipa", "region"), ("Moquegua", "region"), ("Peru", "country")]),
    ("Rain hit the Kursk, Belgorod and Bryansk regions.", [("Kursk Oblast", "region"), ("Belgorod Oblast", "region"), ("Bryansk Oblast", "region")]),
])
def test_a_plural_type_word_types_every_coordinated_name(text, expected):
    assert [(location.name, location.kind) for location in extract_locations(Document(text))] == expected


def test_a_town_the_gazetteer_lacks_is_named_by_the_word_before_it():
    text = "Aid reached the besieged town of Tawila in Sudan on Saturday. Thousands have fled to Tawila since May."
    found = {location.name: location for location in extract_locations(Document(text))}
    tawila = found["Tawila"]
    assert (tawila.kind, tawila.country) == ("city", "SD")
    assert [text[m.start:m.end] for m in tawila.mentions] == ["Tawila", "Tawila"]


def test_only_the_listed_odd_letters_match_a_region_type_word_s_letters_when_case_is_ignored():
    # _may_have_region_type lower-cases the text and looks for these letters apart.
    letters = "".join(sorted(set(_REGION_TYPES) - {"|"}))
    every_character = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    odd = {char for char in regex.findall(rf"(?i)[{letters}]", every_character) if char.lower() not in letters}
    assert odd == set(_CASELESS_ODD_LETTERS)
    assert _may_have_region_type("the Sindhupalchok DİSTRICT") and not _may_have_region_type("Kathmandu, Nepal")
