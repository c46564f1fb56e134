"""Facts: figures tied to what, who, where and who says so, on records built by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from extractors import extract
from extractors.document import Document
from extractors.facts import about, clause_bounds, clause_breaks, extract_facts, is_age, lemma, normalize_counted, status_after
from extractors.records import Actor, Location, Number, Source, Span

TEXT = (
    "Norway has confirmed plans to send 300 firefighters and rescue divers to Greece's Evros region to help after the fires.\n"
    "Greek minister Nikos Papadakis announced that 300 firefighters and 40 rescue divers will arrive in 2025.\n"
    "State media have yet to confirm the figures, but local officials say that as many as 1,200 volunteers are working in Evros.\n"
    "Greek minister Nikos Papadakis announced that 300 firefighters and 40 rescue divers will arrive in 2025.\n"
)


def at(needle: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of ``needle`` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Span(start, start + len(needle))


def number(needle: str, value, *, nth: int = 0, counted=None, kind="cardinal", qualifier="exact", low=None, high=None,
           repeats=()) -> Number:
    span = at(needle, nth)
    return Number(text=needle, start=span.start, end=span.end, value=value, low=value if low is None else low,
                  high=value if high is None else high, kind=kind, qualifier=qualifier, counted=counted, repeats=repeats)


def actor(name: str, kind: str, *surfaces: tuple[str, int]) -> Actor:
    mentions = tuple(at(surface, nth) for surface, nth in surfaces)
    first = mentions[0]
    return Actor(text=TEXT[first.start:first.end], start=first.start, end=first.end, name=name, kind=kind, mentions=mentions)


def location(name: str, kind: str, country: str, *surfaces: tuple[str, int]) -> Location:
    mentions = tuple(at(surface, nth) for surface, nth in surfaces)
    first = mentions[0]
    return Location(text=TEXT[first.start:first.end], start=first.start, end=first.end, name=name, kind=kind,
                    country=country, mentions=mentions)


def source(speaker: str, name: str, kind: str, cue: str, content: str, *, nth: int = 0, polarity="asserts") -> Source:
    speaker_span, cue_span, content_span = at(speaker, nth), at(cue, nth), at(content, nth)
    return Source(text=TEXT[speaker_span.start:content_span.end], start=speaker_span.start, end=content_span.end,
                  speaker=speaker, speaker_name=name, speaker_kind=kind, cue=cue, content=content, polarity=polarity,
                  speaker_start=speaker_span.start, speaker_end=speaker_span.end, cue_start=cue_span.start,
                  cue_end=cue_span.end, content_start=content_span.start, content_end=content_span.end)


def records():
    numbers = [
        number("300", 300, counted="firefighters"),
        number("300", 300, nth=1, counted="firefighters", repeats=(at("300", 2),)),
        number("40", 40, counted="rescue divers", repeats=(at("40", 1),)),
        number("2025", 2025, kind="year", repeats=(at("2025", 1),)),
        number("as many as 1,200", 1200, counted="volunteers", qualifier="at_most", low=None),
    ]
    actors = [
        actor("Norway", "country", ("Norway", 0)),
        actor("Nikos Papadakis", "person", ("Nikos Papadakis", 0), ("Nikos Papadakis", 1)),
        actor("State media", "organization", ("State media", 0)),
    ]
    locations = [
        location("Greece", "country", "GR", ("Greece", 0)),
        location("Evros", "region", "GR", ("Evros region", 0), ("Evros", 1)),
    ]
    sources = [
        source("Norway", "Norway", "country", "has confirmed", "plans to send 300 firefighters and rescue divers to Greece's Evros region to help after the fires"),
        source("Greek minister Nikos Papadakis", "Nikos Papadakis", "person", "announced",
               "300 firefighters and 40 rescue divers will arrive in 2025"),
        source("State media", "State media", "media", "have yet to confirm", "the figures", polarity="unconfirmed"),
        source("local officials", "local officials", "anonymous", "say", "as many as 1,200 volunteers are working in Evros"),
    ]
    return numbers, actors, locations, sources


def facts():
    numbers, actors, locations, sources = records()
    return extract_facts(Document(TEXT), numbers=numbers, actors=actors, locations=locations, sources=sources)


def test_one_fact_per_amount_years_left_out():
    assert [(fact.text, fact.value, fact.about) for fact in facts()] == [
        ("300", 300, "firefighter"), ("40", 40, "diver"), ("as many as 1,200", 1200, "volunteer")]


def test_restatement_and_repeated_paragraph_are_mentions_of_one_fact():
    fact = facts()[0]
    assert (fact.start, fact.end) == (at("300").start, at("300").end)
    assert fact.mentions == (at("300", 0), at("300", 1), at("300", 2))
    assert fact.mention_count == 3
    assert fact.sources == (
        {"speaker": "Norway", "speaker_name": "Norway", "cue": "has confirmed", "polarity": "asserts"},
        {"speaker": "Greek minister Nikos Papadakis", "speaker_name": "Nikos Papadakis", "cue": "announced", "polarity": "asserts"},
    )
    assert (fact.source, fact.source_kind, fact.cue, fact.polarity) == ("Norway", "country", "has confirmed", "asserts")
    assert fact.sentence == TEXT.splitlines()[0]


def test_actor_of_the_clause_wins_and_speakers_elsewhere_are_sources_not_actors():
    first, divers, volunteers = facts()
    assert first.actors == ("Norway",)
    assert divers.actors == ()
    assert divers.source == "Nikos Papadakis"
    assert volunteers.actors == ()


def test_country_beside_one_of_its_regions_is_dropped_and_a_figure_without_place_gets_the_main_one():
    first, divers, volunteers = facts()
    assert first.locations == ("Evros",)
    assert divers.locations == ("Evros",)  # the most mentioned place of the text
    assert volunteers.locations == ("Evros",)


def test_source_whose_content_covers_the_figure_not_the_negated_one_in_the_sentence():
    volunteers = facts()[2]
    assert (volunteers.source, volunteers.cue, volunteers.polarity, volunteers.qualifier) == (
        "local officials", "say", "asserts", "at_most")
    assert volunteers.repeats == ()
    assert volunteers.mention_count == 1


def test_figure_with_no_attribution_is_unattributed():
    text = "The bridge is 120 metres long."
    doc = Document(text)
    figure = Number(text="120 metres", start=14, end=24, value=120, low=120, high=120, unit="metre", kind="quantity")
    (fact,) = extract_facts(doc, numbers=[figure], actors=[], locations=[], sources=[])
    assert (fact.source, fact.cue, fact.sources, fact.unit, fact.about, fact.sentence) == (
        None, None, (), "metre", None, text)


def test_nearest_preceding_mention_in_the_paragraph_when_the_sentence_has_none():
    text = "Officials in Lagos met on Monday. They said 12 schools had closed. Abuja was calm."
    doc = Document(text)
    lagos = Location(text="Lagos", start=13, end=18, name="Lagos", kind="city", country="NG", mentions=(Span(13, 18),))
    abuja = Location(text="Abuja", start=67, end=72, name="Abuja", kind="city", country="NG", mentions=(Span(67, 72),))
    figure = Number(text="12", start=44, end=46, value=12, low=12, high=12, counted="schools")
    (fact,) = extract_facts(doc, numbers=[figure], actors=[], locations=[lagos, abuja], sources=[])
    assert fact.locations == ("Lagos",)


def test_same_value_different_things_are_two_facts():
    text = "They sent 50 trucks and 50 doctors, then 50 more trucks."
    doc = Document(text)
    figures = [Number(text="50", start=start, end=start + 2, value=50, low=50, high=50, counted=counted)
               for start, counted in ((10, "trucks"), (24, "doctors"), (41, "more trucks"))]
    found = extract_facts(doc, numbers=figures, actors=[], locations=[], sources=[])
    assert [(fact.start, fact.about, fact.mention_count) for fact in found] == [(10, "truck", 2), (24, "doctor", 1)]


def test_vague_amounts_are_facts_never_merged_with_each_other():
    text = "Thousands of workers came; thousands of workers left."
    doc = Document(text)
    figures = [Number(text=surface, start=start, end=start + 9, value=None, low=1000, high=None, qualifier="vague",
                      counted="workers") for surface, start in (("Thousands", 0), ("thousands", 27))]
    assert [fact.start for fact in extract_facts(doc, numbers=figures, actors=[], locations=[], sources=[])] == [0, 27]


def test_a_vague_amount_restates_the_first_precise_figure_of_the_same_thing_in_its_range():
    text = "Thousands of Workers Sent\nSome 800 workers left, then 5,000 workers and 9,000 workers. Thousands of people cheered."
    doc = Document(text)

    def figure(surface, value, counted, nth=0, qualifier="exact"):
        start = text.index(surface) if nth == 0 else text.index(surface, text.index(surface) + 1)
        return Number(text=surface, start=start, end=start + len(surface), value=value, counted=counted,
                      low=1000 if value is None else value, high=None if value is None else value, qualifier=qualifier)

    numbers = [figure("Thousands", None, "Workers", qualifier="vague"), figure("800", 800, "workers"),
               figure("5,000", 5000, "workers"), figure("9,000", 9000, "workers"),
               figure("Thousands", None, "people", nth=1, qualifier="vague")]
    found = extract_facts(doc, numbers=numbers, actors=[], locations=[], sources=[])
    assert [(fact.text, fact.mention_count) for fact in found] == [("800", 1), ("5,000", 2), ("9,000", 1), ("Thousands", 1)]
    assert found[1].mentions == (Span(0, 9), Span(text.index("5,000"), text.index("5,000") + 5))


@pytest.mark.parametrize(("counted", "about"), [
    ("construction workers", "worker"), ("North Korean laborers", "worker"), ("labourers", "worker"),
    ("combat engineers", "engineer"), ("people", "person"), ("deaths", "death"), ("fatalities", "death"),
    ("tonnes of grain", "tonne"), ("homes", "home"), ("houses", "home"), ("troops", "soldier"), ("buses", "bus"),
    ("churches", "church"), ("news", "news"), ("the state's health facilities", "facility"), (None, None), ("", None),
])
def test_normalize_counted(counted, about):
    assert normalize_counted(counted) == about


def test_lemma_keeps_words_that_only_look_plural():
    assert [lemma(word) for word in ("crisis", "status", "glass", "gas", "cities", "boxes", "Workers'")] == [
        "crisis", "status", "glass", "gas", "city", "box", "worker"]


def test_clause_is_cut_at_complementizer_and_subordinate_comma():
    text = "Shoigu announced that 5,000 workers will arrive, although nobody confirmed it."
    doc = Document(text)
    start = text.index("5,000")
    assert text[slice(*clause_bounds(clause_breaks(text), start, start + 5, doc.sentences[0]))] == " 5,000 workers will arrive"


@pytest.mark.parametrize(("counted", "status", "expected"), [
    ("people", "death", "death"), ("deaths", None, "death"), (None, "injured", "injured"), ("residents", "displaced", "displaced"),
    ("aid workers", "death", "worker death"), ("laborers", None, "worker"), ("people", None, "person"), (None, None, None),
])
def test_about_takes_the_predicate_for_generic_heads(counted, status, expected):
    assert about(counted, status) == expected


def test_status_after_reads_the_predicate_and_the_modifier():
    text = "Another 17 people are missing and 89 injured people were evacuated."
    assert status_after(text, 8, 33) == "missing"
    assert status_after(text, 34, len(text)) == "injured"
    assert status_after(text, 0, 7) is None
    forced = "Rain forced more than 18,000 from their homes."
    assert status_after(forced, forced.index("18,000") + 6, len(forced)) == "displaced"


def test_figures_in_one_clause_get_their_own_predicate():
    text = "Another 17 people are missing and 89 were injured."
    doc = Document(text)
    figures = [Number(text="17", start=8, end=10, value=17, low=17, high=17, counted="people"),
               Number(text="89", start=34, end=36, value=89, low=89, high=89)]
    found = extract_facts(doc, numbers=figures, actors=[], locations=[], sources=[])
    assert [fact.about for fact in found] == ["missing", "injured"]


SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_fc91b6eb06179b31.txt"


@pytest.mark.skipif(not SEED.exists(), reason="the reference article (../shared/seed) is not here")
def test_reference_article_gives_each_fact_once():
    from extractors import extract

    found = extract(SEED.read_text(encoding="utf-8"), only=["facts"])["facts"]
    if not any(fact["value"] for fact in found):
        pytest.skip("the numbers extractor is not in place yet")
    exact = {fact["value"]: fact for fact in found}
    assert sorted(exact) == [1000, 5000, 15000]  # the headline's "Thousands of Workers" restates 5,000
    workers, engineers, laborers = exact[5000], exact[1000], exact[15000]
    assert (workers["about"], workers["locations"], workers["mention_count"]) == (
        "worker", ["North Korea", "Kursk Oblast"], 4)
    assert "North Korea" in workers["actors"]
    assert [(entry["speaker_name"], entry["cue"]) for entry in workers["sources"]] == [
        ("North Korea", "has confirmed"), ("Sergei K. Shoigu", "announced")]
    assert (engineers["about"], engineers["source"], engineers["cue"], engineers["locations"]) == (
        "engineer", "Sergei K. Shoigu", "announced", ["Kursk Oblast"])
    assert (laborers["about"], laborers["qualifier"], laborers["cue"], laborers["locations"], laborers["mention_count"]) == (
        "worker", "at_most", "indicate", ["Russia"], 2)
    assert "South Korean" in laborers["source"]
    assert "North Korea" in laborers["actors"]


def test_ages_and_counts_of_anonymous_sources_are_not_facts():
    text = "Mina Tamang, 34, said two officials speaking on condition of anonymity said 41 died."
    doc = Document(text)
    age = Number(text="34", start=13, end=15, value=34, low=34, high=34)
    two = Number(text="two", start=22, end=25, value=2, low=2, high=2, counted="officials")
    died = Number(text="41", start=76, end=78, value=41, low=41, high=41)
    officials = Source(text=text[22:78], start=22, end=78, speaker="two officials speaking on condition of anonymity",
                       speaker_name=None, speaker_kind="anonymous", cue="said", content="41 died", speaker_start=22,
                       speaker_end=71, cue_start=72, cue_end=76, content_start=76, content_end=84)
    assert is_age(text, age) and not is_age(text, died)
    (fact,) = extract_facts(doc, numbers=[age, two, died], actors=[], locations=[], sources=[officials])
    assert (fact.text, fact.about, fact.source, fact.source_kind) == ("41", "death", "two officials speaking on condition of anonymity", "anonymous")


def test_a_restatement_says_what_the_first_mention_left_unsaid():
    text = "Haller was sold for €2.3bn. A price of €2.3bn was fair."
    doc = Document(text)
    first = Number(text="€2.3bn", start=20, end=26, value=2.3e9, low=2.3e9, high=2.3e9, unit="EUR", kind="money",
                   repeats=(Span(39, 45),))
    (fact,) = extract_facts(doc, numbers=[first], actors=[], locations=[], sources=[])
    assert (fact.about, fact.mention_count, fact.mentions, fact.repeats) == (
        "price", 2, (Span(20, 26), Span(39, 45)), (Span(39, 45),))


def test_the_attributed_body_mention_speaks_for_the_fact_not_the_headline():
    text = "Toll Rises to 56\nAt least 56 people died, the Red Cross said."
    doc = Document(text)
    headline = Number(text="56", start=14, end=16, value=56, low=56, high=56, counted=None)
    body = Number(text="At least 56", start=17, end=28, value=56, low=56, high=None, qualifier="at_least", counted="people")
    red_cross = Source(text=text[17:], start=17, end=len(text), speaker="the Red Cross", speaker_name="Red Cross",
                       speaker_kind="organization", cue="said", content="At least 56 people died", speaker_start=42,
                       speaker_end=55, cue_start=56, cue_end=60, content_start=17, content_end=40)
    (fact,) = extract_facts(doc, numbers=[headline, body], actors=[], locations=[], sources=[red_cross])
    assert (fact.text, fact.qualifier, fact.about, fact.source, fact.mention_count) == ("At least 56", "at_least", "death", "Red Cross", 2)
    assert fact.sentence == "At least 56 people died, the Red Cross said."


def test_a_status_word_right_before_the_next_figure_is_that_figure_s():
    text = "A magnitude 7.1 quake struck, killing at least 23 people."
    assert status_after(text, 12, text.index("at least"), next_figure=text.index("at least")) is None
    assert status_after(text, 12, len(text)) == "death"


def test_an_unnamed_sum_is_the_one_named_sum_of_its_value_and_currency():
    text = "Haller agreed to a €2.3bn deal. The €2.3bn price was high; €5m fees and a €5m bonus and €5m in costs."
    doc = Document(text)
    starts = [index for index in range(len(text)) if text.startswith("€", index)]
    surfaces = ("€2.3bn", "€2.3bn", "€5m", "€5m", "€5m")
    values = (2.3e9, 2.3e9, 5e6, 5e6, 5e6)
    counted = (None, "price", "fees", "bonus", None)
    numbers = [Number(text=surface, start=start, end=start + len(surface), value=value, low=value, high=value,
                      unit="EUR", kind="money", counted=noun)
               for surface, start, value, noun in zip(surfaces, starts, values, counted)]
    found = extract_facts(doc, numbers=numbers, actors=[], locations=[], sources=[])
    assert [(fact.text, fact.start, fact.about, fact.mention_count) for fact in found] == [
        ("€2.3bn", 19, "price", 2), ("€5m", 59, "fee", 1), ("€5m", 74, "bonus", 1), ("€5m", 88, None, 1)]


def test_claimant_comes_before_a_pending_confirmation_inside_its_claim():
    text = ("The Reserve Bank of India (RBI) held rates. Officials said the ministry had asked for a dividend of "
            "as much as ₹2.5 lakh crore, a figure the bank has yet to confirm.")
    (dividend,) = extract(text)["facts"]
    assert (dividend["source"], dividend["cue"], dividend["polarity"]) == ("Officials", "said", "asserts")
    assert [(entry["speaker_name"], entry["polarity"]) for entry in dividend["sources"]] == [
        (None, "asserts"), ("Reserve Bank of India", "unconfirmed")]


def test_complementizer_first_letters_are_the_only_ones_matching_t_or_w_when_case_is_ignored():
    # _CLAUSE_BREAK tests a complementizer's first letter case-sensitively before its case-blind words.
    every_character = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    assert set(regex.findall(r"(?i)[tw]", every_character)) == set("tTwW")


@pytest.mark.parametrize("spaces", [" ", "  \n\t ", " " * 40])
def test_clause_breaks_near_the_end_are_found_as_in_a_scan_of_the_whole_text(spaces):
    text = f"They said,{spaces}Although late; the Which{spaces}one, and{spaces}that whose. Next: who, whom (so) yet."
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            assert clause_breaks(text, start, end) == [span for span in clause_breaks(text) if start <= span[0] < end]


def test_where_a_statement_was_made_is_not_the_figures_place():
    text = ("Inflation in India eased in October. The governor told reporters in Mumbai that prices would rise "
            "between 4 and 4.5 percent.")
    (forecast,) = [fact for fact in extract(text)["facts"] if fact["kind"] == "range"]
    assert forecast["locations"] == ["India"]
    (rise,) = extract("Inflation in India eased. Prices would rise 4%, the governor said on Monday in Mumbai.")["facts"]
    assert rise["locations"] == ["India"]
