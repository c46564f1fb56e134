"""Rich tables for the terminal: one table per extractor per document.

The only knowledge of extractors here is which columns to show first; any
other extractor gets its text and offsets.
"""

from __future__ import annotations

from typing import Sequence, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

# extractor -> (column title, record field); list fields show as counts or joined text.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "numbers": (("Text", "text"), ("Value", "value"), ("Low", "low"), ("High", "high"), ("Unit", "unit"),
                ("Kind", "kind"), ("Qualifier", "qualifier"), ("Counted", "counted"), ("Seen", "repeats")),
    "actors": (("Name", "name"), ("Kind", "kind"), ("Role", "role"), ("Aliases", "aliases"), ("Mentions", "mentions")),
    "locations": (("Name", "name"), ("Kind", "kind"), ("Country", "country"), ("Lat", "lat"), ("Lon", "lon"),
                  ("Mentions", "mentions")),
    "sources": (("Speaker", "speaker"), ("Refers to", "speaker_name"), ("Kind", "speaker_kind"), ("Cue", "cue"),
                ("Polarity", "polarity"), ("Direct", "direct"), ("Content", "content")),
    "facts": (("Figure", "text"), ("What", "counted"), ("Who", "actors"), ("Where", "locations"), ("Source", "source"),
              ("Cue", "cue"), ("Mentions", "mention_count")),
}
DEFAULT_COLUMNS = (("Text", "text"), ("Start", "start"), ("End", "end"))


class TableRenderer:
    def __init__(self, stream: TextIO, wanted: Sequence[str], *, color: bool | None = None):
        self.console = Console(file=stream, force_terminal=color, no_color=color is False, highlight=False, soft_wrap=False)
        self.wanted = list(wanted)

    def document(self, doc: dict) -> None:
        self.console.rule(Text(f"{doc['path']}  ({doc['chars'] if doc['chars'] is not None else '-'} characters)", style="bold"))
        for message in doc.get("errors", ()):
            self.console.print(Text(f"error: {message}", style="red"))
        for name in self.wanted:
            if name in doc:
                self.console.print(self._table(name, doc[name]))

    def _table(self, name: str, records: list[dict]) -> Table:
        columns = COLUMNS.get(name, DEFAULT_COLUMNS)
        table = Table(title=f"{name} ({len(records)})", title_justify="left", expand=False)
        for title, _field in columns:
            table.add_column(title, overflow="fold")
        for record in records:
            table.add_row(*(_cell(field, record.get(field)) for _title, field in columns))
        return table

    def end(self) -> None:
        self.console.file.flush()


def _cell(field: str, value: object) -> str:
    if field == "repeats":
        return str(len(value or ()) + 1)  # times seen: the record itself and its repeats
    if field == "mentions":
        return str(len(value or ()))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else repr(value)
    if isinstance(value, list):
        return ", ".join(str(item) if not isinstance(item, dict) else str(item.get("speaker") or item) for item in value)
    return str(value)
