"""JSON (one object, the factsift/1 contract) and JSON Lines (one record a line)."""

from __future__ import annotations

import json
from typing import Sequence, TextIO

from extractors import SCHEMA


def dumps(value: object) -> str:
    """Compact, UTF-8-friendly JSON that jq and grep take without surprises."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class JsonRenderer:
    """Collects every document and writes one JSON object at the end."""

    def __init__(self, stream: TextIO, wanted: Sequence[str]):
        self.stream = stream
        self.documents: list[dict] = []

    def document(self, doc: dict) -> None:
        self.documents.append(doc)

    def end(self) -> None:
        json.dump({"schema": SCHEMA, "documents": self.documents}, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


class JsonLinesRenderer:
    """One line per record, with ``document`` and ``extractor`` added; streams."""

    def __init__(self, stream: TextIO, wanted: Sequence[str]):
        self.stream = stream
        self.wanted = list(wanted)

    def document(self, doc: dict) -> None:
        lines = []
        for name in self.wanted:
            for record in doc.get(name, ()):
                lines.append(dumps({"document": doc["path"], "extractor": name, **record}))
        for message in doc.get("errors", ()):
            lines.append(dumps({"document": doc["path"], "extractor": "error", "message": message}))
        if lines:
            self.stream.write("\n".join(lines) + "\n")
            self.stream.flush()

    def end(self) -> None:
        self.stream.flush()
