"""The shared gazetteer: surface forms, demonyms, countries, and the cost of loading it."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from extractors import gazetteer
from extractors.gazetteer import Place


def test_country_forms_resolve_to_one_code():
    for surface, code in [
        ("U.S.", "US"), ("US", "US"), ("United States", "US"), ("USA", "US"), ("Britain", "GB"), ("UK", "GB"),
        ("U.K.", "GB"), ("Türkiye", "TR"), ("Turkey", "TR"), ("Ivory Coast", "CI"), ("Côte d'Ivoire", "CI"),
        ("North Korea", "KP"), ("South Korea", "KR"), ("Czech Republic", "CZ"), ("Burma", "MM"),
    ]:
        best = gazetteer.lookup(surface)[0]
        assert (best.kind, best.country) == ("country", code), surface


def test_north_korea_is_kp_with_its_capitals_coordinates():
    place = gazetteer.country("KP")
    assert place == Place("North Korea", "country", "KP", 39.034, 125.754, 25549819)
    assert gazetteer.country("kp") == place
    assert gazetteer.country("XX") is None


def test_lookup_orders_candidates_by_prior():
    assert [(p.kind, p.country) for p in gazetteer.lookup("Georgia")[:2]] == [("country", "GE"), ("region", "US")]
    assert [p.country for p in gazetteer.lookup("Paris")[:2]] == ["FR", "US"]
    kursk = gazetteer.lookup("Kursk")
    assert [(p.name, p.kind) for p in kursk] == [("Kursk", "city"), ("Kursk Oblast", "region")]
    assert gazetteer.lookup("Nowhereville") == ()


def test_regions_get_english_names():
    assert gazetteer.lookup("Texas")[0] == Place("Texas", "region", "US", 31.007, -97.487, 0)
    assert gazetteer.lookup("Rio Grande do Sul")[0].country == "BR"
    assert gazetteer.lookup("Sicily")[0].name == "Sicily"
    assert gazetteer.lookup("Donetsk")[-1].name == "Donetsk Oblast"
    assert gazetteer.lookup("B.C.")[0].name == "British Columbia"


def test_curated_places_and_diacritics():
    assert gazetteer.lookup("Gaza Strip")[0] == Place("Gaza Strip", "place", "PS", 31.4, 34.4, 0)
    assert gazetteer.lookup("Donbass")[0].name == "Donbas"
    assert gazetteer.lookup("Sao Paulo")[0].name == "São Paulo"
    assert gazetteer.lookup("Red Sea")[0].kind == "place"


def test_demonyms():
    assert gazetteer.demonym_country("Russian") == "RU"
    assert gazetteer.demonym_country("South Korean") == "KR"
    assert gazetteer.demonym_country("North Korean") == "KP"
    assert gazetteer.demonym_country("British") == "GB"
    assert gazetteer.demonym_country("Russia") is None


def test_country_names_cover_news_forms():
    names = gazetteer.country_names()
    assert {"the U.S.", "Britain", "Türkiye", "North Korea", "the United States", "UK"} <= names
    assert "Paris" not in names


def test_common_words_are_flagged():
    assert gazetteer.is_common_word("Reading")
    assert gazetteer.is_common_word("Mobile")
    assert not gazetteer.is_common_word("Paris")


def test_generic_words_are_not_places():
    assert gazetteer.lookup("East") == ()
    assert gazetteer.lookup("Central") == ()


def test_loading_is_fast():
    """CPU time of the first lookup in a fresh process (the load), best of three: well under 0.2 s."""
    code = (
        "import time; from extractors import gazetteer; t = time.process_time(); gazetteer.lookup('Paris'); "
        "print(time.process_time() - t)"
    )
    seconds = min(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(3))
    assert seconds < 0.2


def test_the_parsed_gazetteer_is_cached_and_stale_caches_are_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    stale = tmp_path / "factsift" / "gazetteer-1-0-0.marshal"
    stale.parent.mkdir()
    stale.write_bytes(b"from an older install")
    os.utime(stale, (time.time() - 30 * 86400, time.time() - 30 * 86400))
    parsed = gazetteer._index.__wrapped__()
    (cache,) = (tmp_path / "factsift").glob("gazetteer-*.marshal")
    assert cache.name.startswith(f"gazetteer-{gazetteer.CACHE_FORMAT}-")
    cached = gazetteer._index.__wrapped__()
    assert cached.surfaces == parsed.surfaces and cached.first_words == parsed.first_words
    assert cached.candidates("Kursk Oblast") == parsed.candidates("Kursk Oblast") != ()


def test_an_unwritable_cache_folder_still_gives_the_gazetteer(tmp_path, monkeypatch):
    (tmp_path / "factsift").write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gazetteer._index.__wrapped__().candidates("Seoul")[0].country == "KR"
