"""Sources extractor (being written: see issue 6)."""

from __future__ import annotations

from .document import Document
from .records import Source
from .registry import Extractor


def extract_sources(doc: Document, *, actors: list) -> list[Source]:
    return []


EXTRACTOR = Extractor("sources", extract_sources, Source, requires=("actors",), description="who says what: attributions and quotations")
