"""Numbers extractor (being written: see issue 3)."""

from __future__ import annotations

from .document import Document
from .records import Number
from .registry import Extractor


def extract_numbers(doc: Document) -> list[Number]:
    return []


EXTRACTOR = Extractor("numbers", extract_numbers, Number, description="figures with value, bounds, unit, qualifier and what they count")
