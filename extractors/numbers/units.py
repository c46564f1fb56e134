"""Unit and currency surfaces, compiled from quantulum3's unit data.

quantulum3 needs about 4 s to load its units at run time, so ``build`` reads
them once (``python -m extractors.numbers.units``) and writes the compact index
``extractors/data/units.json``: surface -> (canonical name, entity, ISO code).
The extractor only loads that JSON file, on first use.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

INDEX_PATH = Path(__file__).resolve().parent.parent / "data" / "units.json"

# When one surface names several units, the first entity in this order wins:
# news text measures lengths, weights and durations far more than barns or coulombs.
ENTITY_PREFERENCE = (
    "length", "mass", "time", "temperature", "area", "volume", "currency", "speed", "energy", "power",
    "data storage", "frequency", "pressure", "force", "volume (lumber)", "dimensionless",
)
# Surfaces quantulum3 reads in a way news rarely means.
SURFACE_OVERRIDES = {"bp": "basis point", "c": "cent", "R": "south african rand", "Gy": "gray", "kt": "knot", "¥": "japanese yen"}
# News units and currency words that quantulum3 lacks: surface -> (name, entity, ISO code).
EXTRA_SURFACES = {
    "magnitude": ("magnitude", "seismic magnitude", None),
    "renminbi": ("chinese yuan", "currency", "CNY"),
    "yuan": ("chinese yuan", "currency", "CNY"),
    "rouble": ("russian ruble", "currency", "RUB"),
    "roubles": ("russian ruble", "currency", "RUB"),
    "ruble": ("russian ruble", "currency", "RUB"),
    "rubles": ("russian ruble", "currency", "RUB"),
    "hryvnia": ("ukrainian hryvnia", "currency", "UAH"),
    "hryvnias": ("ukrainian hryvnia", "currency", "UAH"),
    "naira": ("nigerian naira", "currency", "NGN"),
    "shilling": ("kenyan shilling", "currency", "KES"),
    "shillings": ("kenyan shilling", "currency", "KES"),
    "riyal": ("saudi riyal", "currency", "SAR"),
    "riyals": ("saudi riyal", "currency", "SAR"),
    "dirham": ("uae dirham", "currency", "AED"),
    "dirhams": ("uae dirham", "currency", "AED"),
    "lira": ("turkish lira", "currency", "TRY"),
    "zloty": ("polish zloty", "currency", "PLN"),
    "zlotys": ("polish zloty", "currency", "PLN"),
    "krona": ("swedish krona", "currency", "SEK"),
    "kronor": ("swedish krona", "currency", "SEK"),
    "SEK": ("swedish krona", "currency", "SEK"),
    "krone": ("norwegian krone", "currency", "NOK"),
    "kroner": ("norwegian krone", "currency", "NOK"),
    "baht": ("thai baht", "currency", "THB"),
    "ringgit": ("malaysian ringgit", "currency", "MYR"),
    "rupiah": ("indonesian rupiah", "currency", "IDR"),
    "taka": ("bangladeshi taka", "currency", "BDT"),
    "HK$": ("hong kong dollar", "currency", "HKD"),
    "S$": ("singapore dollar", "currency", "SGD"),
    "NT$": ("new taiwan dollar", "currency", "TWD"),
    "₺": ("turkish lira", "currency", "TRY"),
    "₦": ("nigerian naira", "currency", "NGN"),
    "₴": ("ukrainian hryvnia", "currency", "UAH"),
    "CN¥": ("chinese yuan", "currency", "CNY"),
    "RMB": ("chinese yuan", "currency", "CNY"),
    "Rs": ("indian rupee", "currency", "INR"),
}
# quantulum3's "dollar" is unspecified; news means the US dollar unless told.
DEFAULT_CODES = {"dollar": "USD", "cent": "USD", "penny": "GBP", "dime": "USD"}


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    entity: str
    code: str | None  # ISO 4217 for currencies


@dataclass(frozen=True)
class UnitIndex:
    symbols: dict[str, Unit]  # case-sensitive: "m", "M", "km", "°C"
    surfaces: dict[str, Unit]  # lower-cased names and plurals: "kilometres", "degrees celsius"
    first_words: frozenset[str] = frozenset()  # the first word of every surface and every symbol: a word that
    # is none of them ("people", "were") opens no unit, and needs no lookup of the phrases it begins


def _rank(unit) -> tuple[int, str]:
    entity = unit.entity.name
    order = ENTITY_PREFERENCE.index(entity) if entity in ENTITY_PREFERENCE else len(ENTITY_PREFERENCE)
    return order, unit.name


def _entry(unit) -> list:
    code = unit.currency_code or DEFAULT_CODES.get(unit.name) if unit.entity.name == "currency" else None
    return [unit.name, unit.entity.name, code]


def build(path: Path = INDEX_PATH) -> None:
    """Compile quantulum3's units (slow: seconds) into the small JSON index."""
    from quantulum3 import load

    units = load.units("en_US")
    by_name = {name: unit for name, unit in units.names.items()}
    symbols: dict[str, list] = {}
    surfaces: dict[str, list] = {}
    tables = ((units.symbols, symbols, str), (units.symbols_all, symbols, str), (units.surfaces_lower, surfaces, str.lower))
    for table, target, key in tables:
        for surface, candidates in table.items():
            if key(surface) in target:
                continue  # exact-case symbols come first, then quantulum3's looser variants
            candidates = [unit for unit in candidates if unit.name not in ("dimensionless", "unk")]
            if target is symbols:  # quantulum3 also lists case-folded variants ("My", "AT"): keep real symbols
                candidates = [unit for unit in candidates if surface in unit.symbols]
            if not candidates or not surface.strip():
                continue
            override = SURFACE_OVERRIDES.get(surface)
            unit = by_name[override] if override in by_name else min(candidates, key=_rank)
            target[key(surface)] = _entry(unit)
    for surface, entry in EXTRA_SURFACES.items():
        (symbols if any(ch.isupper() or not ch.isalpha() for ch in surface) else surfaces)[surface] = list(entry)
    path.write_text(json.dumps({"symbols": symbols, "surfaces": surfaces}, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")


@functools.cache
def index() -> UnitIndex:
    """The unit index, read from the data file on first use."""
    data = json.loads(INDEX_PATH.read_text(encoding="utf-8"))
    return UnitIndex(
        symbols={surface: Unit(*entry) for surface, entry in data["symbols"].items()},
        surfaces={surface: Unit(*entry) for surface, entry in data["surfaces"].items()},
        first_words=frozenset(surface.split(" ")[0] for surface in (*data["symbols"], *data["surfaces"])),
    )


if __name__ == "__main__":
    build()
