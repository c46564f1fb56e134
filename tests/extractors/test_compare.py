"""compare: facts of several documents grouped, agreements and conflicts, tensions inside one text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import extract
from extractors.compare import Backer, Version, compare, cue_verb, find_tensions, same_figure
from extractors.records import Fact, Location, Source, Span, to_dict


def fact(text: str, start: int, value, about: str, *, qualifier="exact", places=(), actors=(), source=None, cue=None,
         unit=None, low=None, high=None) -> dict:
    sources = ({"speaker": source, "speaker_name": source, "cue": cue, "polarity": "asserts"},) if source else ()
    return to_dict(Fact(text=text, start=start, end=start + len(text), value=value,
                        low=value if low is None else low, high=value if high is None else high, unit=unit,
                        kind="cardinal", qualifier=qualifier, counted=about + "s", about=about, locations=tuple(places),
                        actors=tuple(actors), source=source, cue=cue, sources=sources))


def place(name: str, kind: str, country: str, *starts: int) -> dict:
    return to_dict(Location(text=name, start=starts[0], end=starts[0] + len(name), name=name, kind=kind, country=country,
                            mentions=tuple(Span(start, start + len(name)) for start in starts)))


def document(path: str, facts=(), locations=(), sources=()) -> dict:
    return {"path": path, "facts": list(facts), "locations": list(locations), "sources": list(sources)}


def source(start: int, speaker: str, cue: str, polarity: str = "asserts", content: str = "it") -> dict:
    return to_dict(Source(text=f"{speaker} {cue} {content}", start=start, end=start + len(speaker) + len(cue) + len(content) + 2,
                          speaker=speaker, speaker_name=speaker, speaker_kind="organization", cue=cue, content=content,
                          polarity=polarity))


def test_different_figures_about_the_same_place_differ_and_name_who_says_which():
    result = compare([
        document("a.txt", [fact("5,000", 10, 5000, "worker", places=["Kursk Oblast"], source="North Korea", cue="confirmed")]),
        document("b.txt", [fact("6,000", 40, 6000, "worker", places=["Kursk Oblast"], source="Shoigu", cue="said")]),
    ])
    (group,) = result.groups
    assert (group.about, group.places, group.verdict, group.documents) == ("worker", ("Kursk Oblast",), "differ", ("a.txt", "b.txt"))
    assert [(version.text, version.value) for version in group.versions] == [("5,000", 5000), ("6,000", 6000)]
    assert group.versions[1].backers == (Backer("b.txt", "6,000", 40, 45, "Shoigu", "said", "asserts"),)
    assert result.conflicts == 1


def test_same_figure_agrees_and_unattributed_backer_has_no_source():
    result = compare([
        document("a.txt", [fact("41", 0, 41, "death", places=["Sindhupalchok"])]),
        document("b.txt", [fact("41", 5, 41, "death", places=["Sindhupalchok"], source="Red Cross", cue="said")]),
    ])
    (group,) = result.groups
    assert group.verdict == "agree"
    assert group.versions[0].backers == (Backer("a.txt", "41", 0, 2, None, None, None),
                                         Backer("b.txt", "41", 5, 7, "Red Cross", "said", "asserts"))
    assert result.conflicts == 0


def test_places_in_the_same_country_or_the_main_place_of_the_document_link_facts():
    locations_a = [place("Sindhupalchok District", "region", "NP", 100, 300), place("Nepal", "country", "NP", 200)]
    locations_b = [place("Nepal", "country", "NP", 50, 150, 250)]
    result = compare([
        document("a.txt", [fact("41", 0, 41, "death", places=["Sindhupalchok District"])], locations_a),
        document("b.txt", [fact("56", 0, 56, "death")], locations_b),
    ])
    (group,) = result.groups
    assert (group.places, group.verdict) == (("Sindhupalchok District", "Nepal"), "differ")


def test_unrelated_places_other_things_and_single_documents_are_not_grouped():
    result = compare([
        document("a.txt", [fact("41", 0, 41, "death", places=["Lima"]), fact("9", 10, 9, "bridge", places=["Lima"])]),
        document("b.txt", [fact("56", 0, 56, "death", places=["Kathmandu"]), fact("300", 10, 300, "home", places=["Lima"])]),
    ])
    assert result.groups == ()
    assert result.conflicts == 0


def test_a_shared_actor_links_facts_without_places():
    result = compare([
        document("a.txt", [fact("120", 0, 120, "worker", qualifier="approx", actors=["Jalbire Hydropower"])]),
        document("b.txt", [fact("150", 0, 150, "worker", qualifier="approx", actors=["Jalbire Hydropower"])]),
        document("c.txt", [fact("120", 0, 120, "worker", qualifier="approx", actors=["Jalbire Hydropower"])]),
    ])
    (group,) = result.groups
    assert [(version.value, version.documents) for version in group.versions] == [(120, ("a.txt", "c.txt")), (150, ("b.txt",))]
    assert group.verdict == "differ"


def test_same_figure_tolerances_and_vague_amounts():
    def version(value, qualifier="exact", low=None, high=None):
        return Version(text="", value=value, low=value if low is None else low, high=value if high is None else high,
                       qualifier=qualifier, backers=())

    assert same_figure(version(5000), version(5020))
    assert not same_figure(version(5000), version(5100))
    assert same_figure(version(5000, "approx"), version(5200))
    assert not same_figure(version(56, "at_least"), version(48, "at_least"))
    assert same_figure(version(None, "vague", low=1000), version(6000))
    assert not same_figure(version(None, "exact", low=30, high=40), version(None, "exact", low=30, high=50))


def test_confirmed_and_yet_to_confirm_in_one_text_is_a_tension():
    doc = document("a.txt", sources=[
        source(0, "North Korea", "has confirmed", content="plans to send 5,000 workers"),
        source(200, "North Korean state media", "have yet to confirm", "unconfirmed", content="these specifics"),
    ])
    (tension,) = find_tensions(doc)
    assert (tension.kind, tension.asserted["speaker"], tension.asserted["cue"], tension.doubted["speaker"],
            tension.doubted["polarity"]) == ("unconfirmed", "North Korea", "has confirmed", "North Korean state media", "unconfirmed")
    assert compare([doc]).conflicts == 1


def test_a_denial_or_non_confirmation_answering_a_claim_just_before():
    disputed = document("b.txt", sources=[source(0, "Two officials", "said", content="the RSF demanded $2,500"),
                                          source(60, "An RSF spokesman", "denied", "denies", content="the claim")])
    unconfirmed = document("c.txt", sources=[source(0, "police", "said", content="150 labourers lived at the site"),
                                             source(70, "The developer", "has yet to confirm", "unconfirmed")])
    far = document("d.txt", sources=[source(0, "Two officials", "said"), source(900, "An RSF spokesman", "denied", "denies")])
    assert [(tension.kind, tension.asserted["speaker"]) for tension in find_tensions(disputed)] == [("disputed", "Two officials")]
    assert [(tension.kind, tension.doubted["speaker"]) for tension in find_tensions(unconfirmed)] == [("disputed", "The developer")]
    assert find_tensions(far) == []


def test_one_toll_given_two_values_by_two_sources_of_one_text():
    doc = document("b.txt", [fact("At least 56", 0, 56, "death", qualifier="at_least", source="Red Cross", cue="said"),
                             fact("41", 300, 41, "death", source="home ministry", cue="said"),
                             fact("41", 400, 41, "death", source="police", cue="said"),
                             fact("5,000", 500, 5000, "worker", source="police", cue="said"),
                             fact("15,000", 600, 15000, "worker", source="intelligence", cue="indicate")])
    tensions = find_tensions(doc)
    assert [(tension.kind, tension.asserted["figure"], tension.doubted["figure"], tension.doubted["speaker"])
            for tension in tensions] == [("figures", "At least 56", "41", "home ministry"), ("figures", "At least 56", "41", "police")]


def test_a_denial_about_something_else_is_no_dispute():
    unrelated = document("e.txt", sources=[
        source(0, "The European Union", "said", content="it would release €1.5 million for chlorine tablets"),
        source(90, "The health ministry", "denied", "denies", content="reports that the hospital had run out of fluids")])
    shared_words = document("f.txt", sources=[
        source(0, "A union official", "said", content="the company would close the Chemnitz plant next year"),
        source(80, "The company", "denied", "denies", content="plans to close the Chemnitz plant")])
    count = document("g.txt", sources=[
        source(0, "The mayor", "said", content="the flood destroyed the bridge"),
        source(60, "The army", "has yet to confirm", "unconfirmed", content="how many soldiers were deployed")])
    assert find_tensions(unrelated) == [] and find_tensions(count) == []
    assert [tension.kind for tension in find_tensions(shared_words)] == ["disputed"]


def test_tolls_of_another_country_or_another_year_are_no_tension():
    doc = document("h.txt", [
        fact("87", 0, 87, "death", places=("Malawi",), source="Ministry of Health", cue="said"),
        fact("9", 300, 9, "death", places=("Tete",), source="directorate", cue="reported"),
        fact("1,800", 500, 1800, "death", places=("Malawi",), source="WHO", cue="according to"),
        fact("41", 700, 41, "death", places=("Lilongwe",), source="police", cue="said"),
    ], locations=[place("Malawi", "country", "MW", 10), place("Tete", "region", "MZ", 310),
                  place("Lilongwe", "city", "MW", 710)])
    doc["facts"][2]["sentence"] = "The outbreak is the worst since 2022-23, when nearly 1,800 deaths were recorded."
    assert [(tension.asserted["figure"], tension.doubted["figure"]) for tension in find_tensions(doc)] == [("87", "41")]


def test_declining_to_comment_is_no_tension():
    doc = document("a.txt", sources=[source(0, "The ministry", "said"), source(40, "The army", "declined to comment", "declines")])
    assert find_tensions(doc) == []


def test_cue_verb():
    assert [cue_verb(cue) for cue in ("has confirmed", "have yet to confirm", "said", "denied", None)] == [
        "confirm", "confirm", "said", "deni", None]


NEWS_WORDS = st.sampled_from([
    "41 people were killed", "56 people died", "17 are missing", "in Lima", "in Nepal", ", the ministry said", ".",
    " ", "\n", "as many as 30 workers", "Thousands of workers", "has yet to confirm the toll", "has confirmed",
    "the Red Cross", "denied", "$60 million", "(", ")", "about 120 labourers", "North Korea",
])
TEXTS = st.lists(NEWS_WORDS, max_size=25).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_compare_never_raises_and_every_group_spans_documents(texts):
    documents = [extract(text, path=f"{index}.txt", only=["facts", "locations", "sources"]) for index, text in enumerate(texts)]
    result = compare(documents)
    for group in result.groups:
        assert len(group.documents) > 1 and group.verdict in ("agree", "differ")
    for document in documents:
        for fact in document["facts"]:
            assert fact["mention_count"] == len(fact["mentions"]) == len(fact["repeats"]) + 1
    assert result.conflicts == sum(group.verdict == "differ" for group in result.groups) + len(result.tensions)
