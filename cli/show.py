"""`factsift show`: the text with every extraction highlighted, like displaCy in a terminal.

Spans are found generically: a record's ``mentions`` if it has them, otherwise
its ``start``/``end``, plus any ``*_start``/``*_end`` pairs (a source's speaker,
cue and content).
"""

from __future__ import annotations

from typing import Sequence, TextIO

from rich.console import Console
from rich.text import Text

STYLES = ("bold magenta", "bold cyan", "bold green", "bold yellow", "bold blue", "bold red")


def record_spans(record: dict) -> list[tuple[str, int, int]]:
    """(label, start, end) for every span a record marks in the text."""
    spans = []
    if record.get("mentions"):
        spans.extend(("", mention["start"], mention["end"]) for mention in record["mentions"])
    else:
        spans.append(("", record["start"], record["end"]))
        spans.extend(("", repeat["start"], repeat["end"]) for repeat in record.get("repeats", ()))
    for key, value in record.items():
        if key.endswith("_start") and isinstance(value, int) and isinstance(record.get(key[:-6] + "_end"), int):
            spans.append((key[:-6], value, record[key[:-6] + "_end"]))
    return spans


def render_highlighted(doc: dict, wanted: Sequence[str], stream: TextIO) -> None:
    console = Console(file=stream, highlight=False)
    text = Text(doc["_text"].rstrip("\n"))  # the final line break would print as a blank line
    legend = Text("legend: ")
    for index, name in enumerate(wanted):
        style = STYLES[index % len(STYLES)]
        legend.append(f" {name} ", style=style + " reverse")
        legend.append(" ")
        for record in doc.get(name, ()):
            for label, start, end in record_spans(record):
                if 0 <= start < end <= len(text):
                    text.stylize(style + (" underline" if label == "content" else ""), start, end)
    console.rule(Text(doc["path"], style="bold"))
    console.print(legend)
    console.print(text)
