"""One renderer per output format; each takes document dicts, none knows an extractor.

A renderer is fed documents in input order through ``document()`` and closed
with ``end()``; streaming formats write as each document arrives.
"""

from __future__ import annotations

from typing import Callable, Protocol, Sequence, TextIO

FORMATS = ("table", "json", "jsonl", "csv")


class Renderer(Protocol):
    def document(self, doc: dict) -> None: ...

    def end(self) -> None: ...


def make_renderer(fmt: str, stream: TextIO, wanted: Sequence[str], *, color: bool | None = None) -> Renderer:
    """The renderer for ``fmt`` writing to ``stream``."""
    factories: dict[str, Callable[[], Renderer]] = {
        "json": lambda: _json().JsonRenderer(stream, wanted),
        "jsonl": lambda: _json().JsonLinesRenderer(stream, wanted),
        "csv": lambda: _csv().CsvRenderer(stream, wanted),
        "table": lambda: _table().TableRenderer(stream, wanted, color=color),
    }
    return factories[fmt]()


# Imported on demand so that a JSON run never pays for Rich, and vice versa.
def _json():
    from . import json_format

    return json_format


def _csv():
    from . import csv_format

    return csv_format


def _table():
    from . import table

    return table
