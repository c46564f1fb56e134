"""factsift's library: text in, typed records with character offsets out.

The one function a Dask, Spark or Ray user needs is :func:`extract`: it is a
plain, picklable top-level function of a string, returns JSON-ready data in
the ``factsift/1`` document shape and touches no global state::

    from extractors import extract
    doc = extract(text, path="a.txt", only=["numbers", "sources"])

    # Dask, Spark and Ray ship it to their workers as it is (factsift installed there):
    docs = dask.bag.from_sequence(texts).map(extract).compute()
    docs = spark_context.parallelize(texts).map(extract).collect()
    docs = ray.get(list(map(ray.remote(extract).remote, texts)))

This package never prints, never configures logging and never imports the CLI.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, Sequence

from . import registry
from .document import Document
from .patterns import save_compiled_patterns
from .records import Record, Span, to_dict

SCHEMA = "factsift/1"
DEFAULT_EXTRACTORS = ("numbers", "actors", "locations", "sources", "facts")

__all__ = ["SCHEMA", "DEFAULT_EXTRACTORS", "Document", "extract", "extract_records", "fold_repeats"]


def extract_records(doc: Document, only: Sequence[str] | None = None) -> dict[str, list[Record]]:
    """Run the named extractors (default: all built-ins) and fold repeated findings."""
    wanted = list(only) if only else list(DEFAULT_EXTRACTORS)
    results: dict[str, list[Record]] = {}
    for name in registry.plan(wanted):
        extractor = registry.get(name)
        deps = {dependency: results[dependency] for dependency in extractor.requires}
        results[name] = fold_repeats(doc, extractor.function(doc, **deps))
    save_compiled_patterns()
    return {name: results[name] for name in wanted}


def extract(text: str, *, path: str = "-", only: Sequence[str] | None = None) -> dict[str, Any]:
    """Extract from one text; return the ``factsift/1`` document object."""
    doc = Document(text, path=path)
    records = extract_records(doc, only)
    result: dict[str, Any] = {"path": path, "chars": len(text)}
    for name, found in records.items():
        result[name] = [to_dict(record) for record in found]
    result["errors"] = []
    return result


def fold_repeats(doc: Document, records: Iterable[Record]) -> list[Record]:
    """Report a finding of a repeated paragraph once, its other places in ``repeats``.

    A record in a paragraph that repeats an earlier one is dropped when the same
    text was found at the same place of the first copy; its offsets are added
    to that record's ``repeats``.
    """
    records = list(records)
    if not doc.has_repeats:
        return records
    by_place = {(record.start, record.end, record.text): index for index, record in enumerate(records)}
    extra: dict[int, list[Span]] = {}
    dropped: set[int] = set()
    for index, record in enumerate(records):
        if not doc.is_repeat(record.start):
            continue
        key = (doc.canonical_offset(record.start), doc.canonical_offset(record.start) + (record.end - record.start), record.text)
        first = by_place.get(key)
        if first is None or first == index:
            continue
        extra.setdefault(first, []).append(Span(record.start, record.end))
        dropped.add(index)
    folded = []
    for index, record in enumerate(records):
        if index in dropped:
            continue
        if index in extra:
            record = dataclasses.replace(record, repeats=record.repeats + tuple(extra[index]))
        folded.append(record)
    return folded
