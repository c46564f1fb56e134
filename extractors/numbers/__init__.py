"""Numbers: every figure in a news text, with value, bounds, unit, kind, qualifier and what it counts.

A compiled trigger pattern walks the whole text once; at each trigger ``patterns.scan_at``
matches the figure, and a small rule (``figures``) reads it, looking a few characters
around it for a scale word, a unit, a range, a qualifier and the counted noun.
Nothing is re-scanned, so time grows linearly with the text.

Decisions a consumer can rely on:

- ``text`` is the figure as a reader would quote it: qualifier words, currency,
  scale and unit included ("as many as 15,000", "$2.5 billion", "12%", "between 30
  and 40 km"); ``start``/``end`` always satisfy ``text == doc.text[start:end]``.
- ``value`` is an int when whole (5000, not 5000.0), else rounded to 10 places.
  ``low``/``high`` equal ``value`` when exact or approximate; "as many as 15,000" has
  high 15000 and low None, "at least 300" low 300 and high None.  A vague amount
  ("thousands", "tens of thousands", "several hundred") has value None and ``low``
  the scale it names (1000, 10000, 100).  A range has value None and both bounds.
- ``kind``: money carries an ISO 4217 code in ``unit`` ("USD"); percent carries
  "percent" or "percentage point"; a quantity carries quantulum3's unit name
  ("kilometre", "square mile", "USD per kilogram" for rates); years are integers of
  kind "year"; dates ("March 2024", "Tuesday", "this year") have no value; a range
  keeps its unit but not its kind of amount.
- Identifiers (F-16, COVID-19, Section 230, Boeing 737, list markers) are kind
  "identifier" and left out unless ``include_identifiers=True``; clock times, phone
  numbers and web addresses are never reported.
- The same figure told again with the same counted noun ("5,000 construction workers"
  in two paragraphs) is one record, its later places in ``repeats``.
- ``counted`` is the short noun phrase the figure counts (see ``counted.py``); money,
  percentages and quantities count only a phrase after "of"/"in" or the noun before
  "of"/"rose to" ("revenue of $2.5 billion").
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
