"""Actors: people, organizations, countries and groups, with roles, aliases and every mention."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from extractors import extract
from extractors.actors import _GROUP_NOUN, _PIECE, _RUN, _PlaceSpans, _group_noun_matches, _pieces, extract_actors
from extractors.document import Document
from extractors.records import Location, Span

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_fc91b6eb06179b31.txt"


def actors(text: str, locations: list[Location] = ()) -> dict[str, tuple]:
    """name -> (kind, role, aliases, mention offsets), checking that every offset points at its text."""
    result = {}
    for actor in extract_actors(Document(text), locations=list(locations)):
        assert text[actor.start : actor.end] == actor.text
        assert (actor.start, actor.end) == (actor.mentions[0].start, actor.mentions[0].end)
        result[actor.name] = (actor.kind, actor.role, actor.aliases, [(m.start, m.end) for m in actor.mentions])
    return result


def place(text: str, surface: str, name: str, kind: str, country: str) -> Location:
    """A location record for every occurrence of ``surface`` (what the locations extractor would give)."""
    starts = [i for i in range(len(text)) if text.startswith(surface, i)]
    return Location(text=surface, start=starts[0], end=starts[0] + len(surface), name=name, kind=kind, country=country,
                    mentions=tuple(Span(s, s + len(surface)) for s in starts))


def test_title_before_a_name_is_the_role_and_the_surname_joins_the_full_name():
    text = "Russian President Vladimir Putin met Kim Jong-un on Tuesday. Putin said the talks went well."
    assert actors(text) == {
        "Vladimir Putin": ("person", "Russian President", ("Putin",), [(18, 32), (61, 66)]),
        "Kim Jong-un": ("person", None, (), [(37, 48)]),
    }


def test_appositive_role_and_courtesy_title_mention():
    text = "Sergei K. Shoigu, a Russian official, arrived on Monday. Mr. Shoigu left on Friday."
    assert actors(text) == {"Sergei K. Shoigu": ("person", "Russian official", ("Shoigu",), [(0, 16), (61, 67)])}


def test_role_noun_before_a_name():
    text = "The deal was announced by Russian official Sergei K. Shoigu in Moscow."
    assert actors(text)["Sergei K. Shoigu"] == ("person", "Russian official", (), [(43, 59)])


def test_the_role_ends_at_the_last_title():
    text = "Apple CEO Tim Cook disagreed, and Secretary of State Antony Blinken said so. Andrew Bailey, the central bank's governor, agreed."
    assert actors(text) == {
        "Tim Cook": ("person", "Apple CEO", (), [(10, 18)]),
        "Antony Blinken": ("person", "Secretary of State", (), [(53, 67)]),
        "Andrew Bailey": ("person", "central bank's governor", (), [(77, 90)]),
    }


def test_hyphenated_names():
    text = "The trade chief Ngozi Okonjo-Iweala spoke after Kim Jong-un arrived."
    assert actors(text) == {
        "Ngozi Okonjo-Iweala": ("person", "trade chief", (), [(16, 35)]),
        "Kim Jong-un": ("person", None, (), [(48, 59)]),
    }


def test_particle_names_stay_whole():
    text = "EU Commission President Ursula von der Leyen said so. Osama bin Laden was killed; Bashar al-Assad fled."
    assert actors(text) == {
        "Ursula von der Leyen": ("person", "EU Commission President", (), [(24, 44)]),
        "Osama bin Laden": ("person", None, (), [(54, 69)]),
        "Bashar al-Assad": ("person", None, (), [(82, 97)]),
    }


def test_acronym_introduced_in_parentheses_joins_the_long_name():
    text = "The World Health Organization (WHO) warned on Monday. WHO officials said the risk was low."
    assert actors(text) == {
        "World Health Organization": ("organization", None, ("WHO",), [(4, 29), (31, 34), (54, 57)]),
    }


def test_organizations_media_and_international_bodies():
    text = ("The European Central Bank raised rates, the U.N. said. Amnesty International and Reuters reported it. "
            "The Food and Drug Administration approved the drug, said Maria Lopez, an economist at Barclays.")
    assert actors(text) == {
        "European Central Bank": ("organization", None, (), [(4, 25)]),
        "U.N.": ("organization", None, (), [(44, 48)]),
        "Amnesty International": ("organization", None, (), [(55, 76)]),
        "Reuters": ("organization", None, (), [(81, 88)]),
        "Food and Drug Administration": ("organization", None, (), [(106, 134)]),
        "Maria Lopez": ("person", "economist at Barclays", (), [(159, 170)]),
        "Barclays": ("organization", None, (), [(188, 196)]),
    }


def test_organizations_known_by_their_neighbours():
    text = ("Rating agency S&P Global said the deal was risky, and a Harley-Davidson spokeswoman agreed. "
            "Jesse LaBrocca, founder of Hack Forums, did not.")
    assert actors(text) == {
        "S&P Global": ("organization", None, (), [(14, 24)]),
        "Harley-Davidson": ("organization", None, (), [(56, 71)]),
        "Jesse LaBrocca": ("person", "founder of Hack Forums", (), [(92, 106)]),
        "Hack Forums": ("organization", None, (), [(119, 130)]),
    }


def test_descriptor_before_a_name_and_places_coordinated_with_places():
    text = "Teams worked in Nsanje and Chikwawa. Scotsman James Watt improved the engine; Watt's design spread."
    assert actors(text) == {"James Watt": ("person", "Scotsman", ("Watt",), [(46, 56), (78, 82)])}


def test_appositive_title_with_of_and_a_lone_surname_that_owns_something():
    text = "Yuan Shikai, the President of the Republic of China, refused. Hitchcock's films were dark, critics said."
    assert actors(text) == {
        "Yuan Shikai": ("person", "President of the Republic of China", (), [(0, 11)]),
        "Hitchcock": ("person", None, (), [(62, 71)]),
    }


def test_employer_before_a_role_and_company_suffixes():
    text = ("Apple Inc. shares fell. Morgan Stanley analyst Erik Woodring cut his target. "
            "The Securities and Exchange Commission declined to comment.")
    assert actors(text) == {
        "Apple Inc.": ("organization", None, (), [(0, 10)]),
        "Morgan Stanley": ("organization", None, (), [(24, 38)]),
        "Erik Woodring": ("person", "Morgan Stanley analyst", (), [(47, 60)]),
        "Securities and Exchange Commission": ("organization", None, (), [(81, 115)]),
    }


def test_datelines_sentence_openers_and_organization_adjectives():
    text = "GENEVA, March 3 (AP) - The Federal Reserve held rates. Shares of Nvidia Corp rose. The House of Commons voted."
    assert actors(text) == {
        "AP": ("organization", None, (), [(17, 19)]),
        "Federal Reserve": ("organization", None, (), [(27, 42)]),
        "Nvidia Corp": ("organization", None, (), [(65, 76)]),
        "House of Commons": ("organization", None, (), [(87, 103)]),
    }


def test_groups_and_state_media():
    text = ("Protesters clashed with police while the opposition called for elections. North Korean state media "
            "were silent, but South Korean intelligence sources said more troops had left.")
    assert actors(text) == {
        "protesters": ("group", None, (), [(0, 10)]),
        "opposition": ("group", None, (), [(41, 51)]),
        "North Korean state media": ("organization", None, (), [(74, 98)]),
        "South Korean intelligence": ("group", None, ("South Korean intelligence sources",), [(116, 149)]),
    }


def test_countries_and_capitals_that_act_are_country_actors():
    text = "Washington imposed sanctions on Tehran after North Korea has confirmed the launch. Tourists still visit North Korea."
    locations = [
        place(text, "Washington", "Washington", "city", "US"),
        place(text, "Tehran", "Tehran", "city", "IR"),
        place(text, "North Korea", "North Korea", "country", "KP"),
    ]
    assert actors(text, locations) == {
        "United States": ("country", None, ("Washington",), [(0, 10)]),
        "Iran": ("country", None, ("Tehran",), [(32, 38)]),
        "North Korea": ("country", None, (), [(45, 56)]),
    }


def test_a_country_acts_through_its_possessions_and_as_a_passive_agent():
    text = "Russia's invasion was condemned. The land was claimed by Albania. Russia's Kursk region is quiet. France doesn't agree."
    locations = [place(text, "Russia", "Russia", "country", "RU"), place(text, "Albania", "Albania", "country", "AL"),
                 place(text, "France", "France", "country", "FR")]
    assert actors(text, locations) == {
        "Russia": ("country", None, (), [(0, 6)]),
        "Albania": ("country", None, (), [(57, 64)]),
        "France": ("country", None, (), [(98, 104)]),
    }


def test_a_country_that_is_only_a_place_or_an_adjective_is_not_an_actor():
    text = "Workers were sent to Russia. Russian officials and Russia's border region were quiet."
    locations = [place(text, "Russia", "Russia", "country", "RU")]
    assert actors(text, locations) == {"Russian officials": ("group", None, (), [(29, 46)])}


def test_title_case_headline_yields_no_junk():
    text = ("North Korea to Send Thousands of Workers to Rebuild Russian Border Region\n"
            "North Korea has confirmed plans to send workers to Russia.")
    locations = [place(text, "North Korea", "North Korea", "country", "KP"), place(text, "Russia", "Russia", "country", "RU")]
    assert actors(text, locations) == {"North Korea": ("country", None, (), [(74, 85)])}


def test_sentence_openers_months_weekdays_and_demonyms_are_not_actors():
    text = "However, on Monday the Russian delegation left. In March, Americans voted. Although it rained, Tuesday was calm."
    assert actors(text) == {}


def test_web_boilerplate_is_not_a_person_but_mid_sentence_will_is_a_name():
    text = "Read More: Why Prices Rise. Click Here To Subscribe. Reporters met Will Smith on Monday. Will the talks go on?"
    assert actors(text) == {"Will Smith": ("person", None, (), [(67, 77)])}


def test_all_caps_headline_yields_no_junk():
    text = "PRESIDENT SIGNS SWEEPING BILL ON TRADE WITH EUROPE\nThe bill passed on Friday."
    assert actors(text) == {}


def test_mentions_in_a_repeated_paragraph_are_repeats():
    paragraph = "Officials said Maria Lopez of the World Bank would visit."
    text = f"{paragraph}\nLopez arrived on Monday.\n{paragraph}"
    (lopez,) = [a for a in extract_actors(Document(text), locations=[]) if a.kind == "person"]
    assert (lopez.name, [(m.start, m.end) for m in lopez.mentions], [(m.start, m.end) for m in lopez.repeats]) == (
        "Maria Lopez", [(15, 26), (58, 63)], [(98, 109)])


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_article_actors_roles_and_aliases():
    text = SEED.read_text(encoding="utf-8")
    from extractors.locations import extract_locations

    doc = Document(text)
    found = {a.name: a for a in extract_actors(doc, locations=extract_locations(doc))}
    summary = {name: (a.kind, a.role, a.aliases) for name, a in found.items()}
    assert summary == {
        "North Korea": ("country", None, ()),
        "Russia": ("country", None, ("Russian government",)),
        "Sergei K. Shoigu": ("person", "Russian official", ("Shoigu",)),
        "Vladimir Putin": ("person", "Russian President", ()),
        "Kim Jong-un": ("person", None, ()),
        "North Korean state media": ("organization", None, ()),
        "South Korean intelligence": ("group", None, ("South Korean intelligence sources",)),
        "U.N.": ("organization", None, ()),
    }
    shoigu = found["Sergei K. Shoigu"]
    assert [text[m.start : m.end] for m in shoigu.mentions] == ["Sergei K. Shoigu", "Shoigu"]
    assert [text[m.start : m.end] for m in shoigu.repeats] == ["Shoigu"]  # its paragraph appears twice
    assert text[found["North Korea"].start : found["North Korea"].end] == "North Korea"
    assert found["North Korea"].start == 0


@pytest.mark.parametrize("unit", ["A ", "A. ", "Mr. ", "The Bank Of ", "Kim Jong-", "X" * 50 + " ", "U.N. "])
def test_adversarial_runs_of_capitals_finish_fast(unit):
    text = unit * (100_000 // len(unit))
    started = time.perf_counter()
    found = extract_actors(Document(text), locations=[])
    assert time.perf_counter() - started < 5.0
    assert all(text[a.start : a.end] == a.text for a in found)


def test_a_name_that_defines_its_acronym_is_an_organization_with_that_alias():
    text = "The U.S. Geological Survey (USGS) said the quake hit at dawn. The USGS later raised its estimate."
    actors = extract(text, only=["actors"])["actors"]
    assert [(actor["name"], actor["kind"], actor["aliases"], len(actor["mentions"])) for actor in actors] == [
        ("U.S. Geological Survey", "organization", ["USGS"], 3)]


def test_for_a_inside_an_organization_name_keeps_it_whole():
    found = actors("Maya MacGuineas, president of the Committee for a Responsible Federal Budget, disagreed.")
    assert found["Committee for a Responsible Federal Budget"][0] == "organization"
    # "a" joins nothing else: "Is Trump a Fascist" stays two names
    assert "Trump a Fascist" not in actors("Is Trump a Fascist? Maya MacGuineas asked.")


def test_a_run_split_at_its_spaces_gives_the_pieces_the_pattern_reads():
    text = (
        "Vladimir Putin met the Bank of England. Osama bin Laden and Sergei K. Shoigu saw Mr. Smith of the "
        "U.S. Geological Survey. Bashar al-Assad, the Food and Drug Administration, Reuters  Bloomberg and AT&T Inc. "
        "Putin's Kremlin, Tom\tHanks, Mary O'Neil, Kremlin-backed Wagner, Charles de Gaulle; Maria del Carmen."
    )
    runs = list(_RUN.finditer(text))
    assert len(runs) > 10
    for run in runs:
        pattern = [(m.group(), m.start(), m.end(), m.group("conn") is not None) for m in _PIECE.finditer(text, run.start(), run.end())]
        pieces = [(piece.text, piece.start, piece.end, piece.connector) for piece in _pieces(text, run.group(), run.start())]
        assert pieces == pattern, run.group()


@pytest.mark.parametrize(
    "text",
    [
        "Police said the policeman and police officials met farmers officials, then protesters protesters.",
        "State media\tagency and state  television services; NEWS agency; News agency sources.",
        "Ünal’s opposition, É police, x_police, 1police, Пolice, government\u00a0officials, Rebels",
        "police",
        "no group here",
        "",
    ],
)
def test_group_nouns_are_matched_where_a_scan_of_the_whole_text_matches_them(text):
    def found(matches):
        return [(match.span(), match.group("noun"), match.group("tail")) for match in matches]

    assert found(_group_noun_matches(text)) == found(_GROUP_NOUN.finditer(" " + text))


def test_a_word_written_in_lower_case_counts_only_as_a_whole_word():
    places = _PlaceSpans([], "Environment rules. Steel and iron. Trade\tmedicine, ok")
    assert places.writes_lower("Iron")  # before a period
    assert places.writes_lower("Medicine")  # after a tab, before a comma
    assert places.writes_lower("Ok")  # at the end of the text
    assert not places.writes_lower("Environment")  # only capitalised
    assert not places.writes_lower("Ron")  # inside "environment" and "iron" only
    assert not places.writes_lower("Trade")
