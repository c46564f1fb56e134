"""`factsift compare`: render a :class:`extractors.compare.Comparison` and choose the exit status.

Table on a terminal (figure groups, then attribution tensions), otherwise
json (one object), jsonl (one group or tension a line) or csv (one row per
statement of a figure, one per tension).
"""

from __future__ import annotations

import csv
import dataclasses
import json
from typing import Any, TextIO

from extractors.compare import Comparison, Group, Tension

from .exit import ExitStatus

WANTED = ("facts", "locations", "sources")  # what compare reads of each document

COMPARE_SCHEMA = "factsift-compare/1"
CSV_COLUMNS = ("record", "group", "about", "unit", "where", "verdict", "figure", "value", "low", "high", "qualifier",
               "document", "source", "cue", "polarity", "doubted_source", "doubted_cue", "doubted_polarity")


def group_dict(group: Group) -> dict[str, Any]:
    return {
        "about": group.about, "unit": group.unit, "places": list(group.places), "actors": list(group.actors),
        "verdict": group.verdict, "documents": list(group.documents),
        "versions": [
            {"text": version.text, "value": version.value, "low": version.low, "high": version.high,
             "qualifier": version.qualifier, "documents": list(version.documents),
             "backers": [dataclasses.asdict(backer) for backer in version.backers]}
            for version in group.versions
        ],
    }


def tension_dict(tension: Tension) -> dict[str, Any]:
    return {"document": tension.document, "kind": tension.kind, "asserted": tension.asserted, "doubted": tension.doubted}


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "schema": COMPARE_SCHEMA, "documents": list(comparison.documents), "conflicts": comparison.conflicts,
        "groups": [group_dict(group) for group in comparison.groups],
        "tensions": [tension_dict(tension) for tension in comparison.tensions],
    }


def render(comparison: Comparison, fmt: str, stream: TextIO, *, color: bool | None) -> None:
    """Write ``comparison`` to ``stream`` in ``fmt`` (table, json, jsonl or csv)."""
    if fmt == "json":
        json.dump(comparison_dict(comparison), stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt == "jsonl":
        from .render.json_format import dumps

        for group in comparison.groups:
            stream.write(dumps({"record": "group", **group_dict(group)}) + "\n")
        for tension in comparison.tensions:
            stream.write(dumps({"record": "tension", **tension_dict(tension)}) + "\n")
    elif fmt == "csv":
        _render_csv(comparison, stream)
    else:
        _render_table(comparison, stream, color=color)


def _render_csv(comparison: Comparison, stream: TextIO) -> None:
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for number, group in enumerate(comparison.groups, 1):
        shared = {"record": "group", "group": number, "about": group.about, "unit": group.unit,
                  "where": "; ".join(group.places), "verdict": group.verdict}
        for version in group.versions:
            for backer in version.backers:
                writer.writerow(shared | {
                    "figure": backer.text, "value": version.value, "low": version.low, "high": version.high,
                    "qualifier": version.qualifier, "document": backer.document, "source": backer.source,
                    "cue": backer.cue, "polarity": backer.polarity})
    for tension in comparison.tensions:
        writer.writerow({
            "record": "tension", "verdict": tension.kind, "document": tension.document,
            "source": tension.asserted["speaker"], "cue": tension.asserted["cue"], "polarity": tension.asserted["polarity"],
            "doubted_source": tension.doubted["speaker"], "doubted_cue": tension.doubted["cue"],
            "doubted_polarity": tension.doubted["polarity"]})


def _who(source: str | None, cue: str | None) -> str:
    if source is None:
        return "unattributed"
    return f"{source} ({cue})" if cue else source


CLAIM_WIDTH = 80  # characters of a tension's content shown in the table


def _claim(statement: dict[str, Any]) -> str:
    """ "North Korea (has confirmed): plans to dispatch 5,000 ..." """
    content = " ".join((statement.get("figure") or statement.get("content") or "").split())
    if len(content) > CLAIM_WIDTH:
        content = content[: CLAIM_WIDTH - 1] + "…"
    who = _who(statement["speaker"], statement["cue"])
    return f"{who}: {content}" if content else who


def short_labels(paths: tuple[str, ...]) -> dict[str, str]:
    """Each path by its file name when the names are unique (a narrow table), else in full."""
    names = {path: path.replace("\\", "/").rsplit("/", 1)[-1] for path in paths}
    return names if len(set(names.values())) == len(names) else {path: path for path in paths}


def _render_table(comparison: Comparison, stream: TextIO, *, color: bool | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # No markup: names and paths such as "a[1].txt" print as written.
    console = Console(file=stream, force_terminal=color, no_color=color is False, highlight=False, soft_wrap=False,
                      markup=False)
    label = short_labels(comparison.documents)
    groups = Table(title=f"Figure groups ({len(comparison.groups)})", title_justify="left")
    for title in ("About", "Where", "Values", "Sources", "Verdict"):
        groups.add_column(title, overflow="fold")
    for group in comparison.groups:
        verdict = Text("DIFFER", style="bold red") if group.verdict == "differ" else Text("agree")
        for index, version in enumerate(group.versions):
            first = index == 0
            groups.add_row(
                group.about if first else "", ", ".join(group.places) if first else "",
                f"{version.text} ({', '.join(label[document] for document in version.documents)})",
                "; ".join(dict.fromkeys(_who(backer.source, backer.cue) for backer in version.backers)),
                verdict if first else "", end_section=index == len(group.versions) - 1,
            )
    console.print(groups)
    if comparison.tensions:
        tensions = Table(title=f"Attribution tension ({len(comparison.tensions)})", title_justify="left")
        for title in ("Document", "Kind", "Asserted", "Doubted"):
            tensions.add_column(title, overflow="fold")
        for tension in comparison.tensions:
            tensions.add_row(label[tension.document], tension.kind, _claim(tension.asserted), _claim(tension.doubted))
        console.print(tensions)
    console.print(f"{comparison.conflicts} conflict{'s' if comparison.conflicts != 1 else ''} "
                  f"in {len(comparison.documents)} document{'s' if len(comparison.documents) != 1 else ''}")


def exit_status(comparison: Comparison, *, read_errors: bool) -> ExitStatus:
    """1 when an input could not be read, else 3 when the texts disagree, else 0."""
    if read_errors:
        return ExitStatus.FILE_ERROR
    return ExitStatus.CONFLICT if comparison.conflicts else ExitStatus.SUCCESS


def run_compare(paths: list[str] | None, fmt: str | None, output: str | None, max_bytes: int, jobs: int | None,
                debug: bool) -> ExitStatus:
    """Read and extract every input, compare them, render; return the exit status."""
    from extractors.compare import compare

    from .app import _resolve_format, _resolve_paths, report
    from .pipeline import process_inputs
    from .sink import write_output

    fmt = _resolve_format(fmt, output)
    documents, read_errors = [], False
    for doc, messages in process_inputs(_resolve_paths(paths), WANTED, max_bytes=max_bytes, jobs=jobs, debug=debug):
        report(messages)
        if doc["errors"]:
            read_errors = True
        else:
            documents.append(doc)
    comparison = compare(documents)
    written = write_output(output, lambda stream: render(comparison, fmt, stream, color=None if output is None else False),
                           debug=debug)
    return exit_status(comparison, read_errors=read_errors or not written)
