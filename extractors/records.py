"""Typed, immutable records that every extractor returns.

Every record carries ``text``, ``start`` and ``end`` so that
``source[start:end] == text`` always holds; the rest is the extractor's own.
``to_dict`` is the one place where records become plain JSON-ready data, so
every renderer (JSON, JSON Lines, CSV, tables) sees the same field names.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields, is_dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into the decoded text."""

    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Record:
    """Base of every record: the surface text and where it stands."""

    text: str
    start: int
    end: int
    repeats: tuple[Span, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Number(Record):
    """A figure: its value, bounds, unit, kind, qualifier and what it counts."""

    value: float | int | None
    low: float | int | None
    high: float | int | None
    unit: str | None = None
    kind: str = "cardinal"  # cardinal|ordinal|percent|money|quantity|year|date|range|identifier
    qualifier: str = "exact"  # exact|approx|at_least|at_most|vague
    counted: str | None = None


@dataclass(frozen=True, kw_only=True)
class Actor(Record):
    """A person, organization, country or group, merged across its mentions."""

    name: str
    kind: str  # person|organization|country|group
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Location(Record):
    """A place resolved to a canonical name, kind, country code and coordinates."""

    name: str
    kind: str  # country|region|city|place
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: tuple[Span, ...] = ()
    adjectival: tuple[Span, ...] = ()  # demonyms implying this country ("South Korean"): not place mentions


@dataclass(frozen=True, kw_only=True)
class Source(Record):
    """An attribution: who says what, through which cue, with what polarity."""

    speaker: str | None
    speaker_name: str | None
    speaker_kind: str | None  # person|organization|media|country|anonymous|document
    cue: str | None
    content: str | None
    direct: bool = False
    polarity: str = "asserts"  # asserts|denies|unconfirmed|declines
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    content_start: int | None = None
    content_end: int | None = None
    content_parts: tuple[Span, ...] = ()  # the pieces of a split quotation ("We will not," she said, "back down.")


@dataclass(frozen=True, kw_only=True)
class Fact(Record):
    """A figure linked to what it counts, who, where and who says so."""

    value: float | int | None
    low: float | int | None
    high: float | int | None
    unit: str | None
    kind: str
    qualifier: str
    counted: str | None
    about: str | None = None  # the counted noun normalised: head lemma through a synonym table ("laborers" -> "worker")
    actors: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    source: str | None = None  # speaker_name (or speaker); None means unattributed
    source_kind: str | None = None
    cue: str | None = None
    polarity: str | None = None
    sources: tuple[dict[str, Any], ...] = ()
    sentence: str = ""
    mention_count: int = 1
    mentions: tuple[Span, ...] = ()  # every place the figure is stated: restatements and repeated paragraphs


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_SCALARS = frozenset({str, int, float, bool, type(None)})


def to_dict(record: Any) -> Any:
    """Turn a record (or a container of records) into JSON-ready data.

    This runs for every field of every record, so it dispatches on the exact class and
    converts a field only when it is not already a plain scalar.
    """
    cls = record.__class__
    if cls in _SCALARS:
        return record
    if cls is Span:
        return {"start": record.start, "end": record.end}
    if cls is tuple or cls is list:
        return [to_dict(item) for item in record]
    if cls is dict:
        return {key: to_dict(value) for key, value in record.items()}
    if not is_dataclass(record) or isinstance(record, type):
        return record
    names = _field_names(cls)
    data = getattr(record, "__dict__", None)
    if data is not None and len(data) == len(names):
        data = data.copy()  # the fields in order (__init__ sets them so), without a getattr per field
    else:
        data = {name: getattr(record, name) for name in names}  # slotted, or extra attributes set after __init__
    for name, value in data.items():
        if value.__class__ not in _SCALARS:
            data[name] = to_dict(value)
    return data
