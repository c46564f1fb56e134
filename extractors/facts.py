"""Facts extractor (being written: see issue 7)."""

from __future__ import annotations

from .document import Document
from .records import Fact
from .registry import Extractor


def extract_facts(doc: Document, *, numbers: list, actors: list, locations: list, sources: list) -> list[Fact]:
    return []


EXTRACTOR = Extractor("facts", extract_facts, Fact, requires=("numbers", "actors", "locations", "sources"), description="figures linked to what, who, where and who says so")
