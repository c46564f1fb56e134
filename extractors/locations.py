"""Locations extractor (being written: see issue 5)."""

from __future__ import annotations

from .document import Document
from .records import Location
from .registry import Extractor


def extract_locations(doc: Document) -> list[Location]:
    return []


EXTRACTOR = Extractor("locations", extract_locations, Location, description="places with country code and coordinates")
