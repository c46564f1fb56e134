"""CSV: one row per record; lists and objects are JSON text in their cell."""

from __future__ import annotations

import csv
import dataclasses
from typing import Sequence, TextIO

from extractors import registry

from .json_format import dumps

LEAD_COLUMNS = ("document", "extractor")


def columns_for(wanted: Sequence[str]) -> list[str]:
    """The union of the wanted extractors' record fields, in first-seen order."""
    columns: list[str] = list(LEAD_COLUMNS)
    for name in wanted:
        for field in dataclasses.fields(registry.get(name).record_type):
            if field.name not in columns:
                columns.append(field.name)
    if "message" not in columns:
        columns.append("message")
    return columns


class CsvRenderer:
    def __init__(self, stream: TextIO, wanted: Sequence[str]):
        self.stream = stream
        self.wanted = list(wanted)
        self.columns = columns_for(wanted)
        self.writer = csv.DictWriter(stream, fieldnames=self.columns, extrasaction="ignore", lineterminator="\n")
        self.writer.writeheader()

    def document(self, doc: dict) -> None:
        for name in self.wanted:
            for record in doc.get(name, ()):
                row = {key: _cell(value) for key, value in record.items()}
                self.writer.writerow({"document": doc["path"], "extractor": name, **row})
        for message in doc.get("errors", ()):
            self.writer.writerow({"document": doc["path"], "extractor": "error", "message": message})
        self.stream.flush()

    def end(self) -> None:
        self.stream.flush()


def _cell(value: object) -> object:
    if isinstance(value, (list, dict)):
        return dumps(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
