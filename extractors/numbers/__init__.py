"""Numbers: every figure in a news text, with value, bounds, unit, kind, qualifier and what it counts.

One compiled ``regex`` scanner walks the whole text once (``patterns.SCANNER``);
each hit is read by a small rule (``figures``) that looks a few characters
around it for a scale word, a unit, a range, a qualifier and the counted noun.
Nothing is re-scanned, so time grows linearly with the text.

A record's ``text`` is the figure as a reader would quote it: qualifier words,
currency, scale and unit included ("as many as 15,000", "$2.5 billion", "12%",
"between 30 and 40 km"); ``start``/``end`` always satisfy ``text == doc.text[start:end]``.
"""

from __future__ import annotations

from ..document import Document
from ..records import Number
from ..registry import Extractor
from .figures import read_figures


def extract_numbers(doc: Document, *, include_identifiers: bool = False) -> list[Number]:
    """Every figure of ``doc`` in text order; identifiers ("F-16", "Section 230") only when asked."""
    numbers = read_figures(doc)
    if include_identifiers:
        return numbers
    return [number for number in numbers if number.kind != "identifier"]


EXTRACTOR = Extractor("numbers", extract_numbers, Number, description="figures with value, bounds, unit, qualifier and what they count")
