"""The factsift command: a thin layer of inputs, options and output over ``extractors``.

Data goes to stdout, everything else (progress, warnings, errors) to stderr.
Exit statuses are in :mod:`cli.exit`.
"""

from __future__ import annotations

import signal
import sys
from typing import Annotated, List, Optional

import typer

from .exit import DaskError, ExitStatus
from .inputs import DEFAULT_MAX_BYTES

app = typer.Typer(
    name="factsift",
    help="Extract numbers, actors, locations and sources from news text, and link them into facts.",
    epilog="Exit status: 0 success; 1 an input could not be read or the output could not be written "
    "(the other inputs are still reported); 2 usage error; 3 `compare` found conflicting figures; 130 interrupted.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Terminated(BaseException):
    """Raised from the SIGTERM handler so that cleanup runs; like Ctrl-C, no `except Exception` catches it."""


def _version_callback(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"factsift {version('factsift')}")
        except PackageNotFoundError:
            typer.echo("factsift (not installed)")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Extract numbers, actors, locations and sources from news text, and link them into facts."""


# Options shared by every extracting command (one definition, used everywhere).
PathsArg = Annotated[
    Optional[List[str]],
    typer.Argument(help="Files or folders (*.txt, *.md, recursively). '-' or no path with piped input reads stdin.", show_default=False, metavar="PATHS"),
]
FormatOpt = Annotated[
    Optional[str],
    typer.Option("--format", "-f", help="table, json, jsonl or csv. Default: table on a terminal, jsonl when piped.", show_default=False, metavar="FORMAT"),
]
OutputOpt = Annotated[
    Optional[str],
    typer.Option("--output", "-o", help="Write to FILE (replaced only when the run completes) instead of stdout.", show_default=False, metavar="FILE"),
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", help="Refuse inputs larger than this many bytes.", min=1, metavar="BYTES")
]
JobsOpt = Annotated[
    Optional[int], typer.Option("--jobs", "-j", help="Worker processes (default: one per core, fewer for small inputs).", min=1, show_default=False, metavar="N")
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks for internal errors.")]
DaskOpt = Annotated[
    Optional[str],
    typer.Option("--dask", help="Extract on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786); needs factsift[dask].", show_default=False, metavar="ADDRESS"),
]


def report(messages: list[str]) -> None:
    """Print an input's warnings and errors on stderr, each on one line."""
    for message in messages:
        typer.echo(f"factsift: {message}", err=True)


def _fail_usage(message: str) -> None:
    typer.echo(f"factsift: error: {message}", err=True)
    raise typer.Exit(ExitStatus.USAGE)


def _parse_only(only: str | None, default: tuple[str, ...] | None = None) -> list[str]:
    """The extractor names of ``--only``, checked; ``default`` (all built-ins) without it."""
    from extractors import DEFAULT_EXTRACTORS, registry

    if not only:
        return list(default or DEFAULT_EXTRACTORS)
    wanted = [name.strip() for name in only.split(",") if name.strip()]
    known = registry.names()
    for name in wanted:
        if name not in known:
            _fail_usage(f"unknown extractor {name!r}; valid names: {', '.join(known)}")
    return list(dict.fromkeys(wanted))


def _resolve_format(fmt: str | None, output: str | None) -> str:
    from .render import FORMATS

    if fmt is None:
        return "table" if output is None and sys.stdout.isatty() else "jsonl"
    if fmt not in FORMATS:
        _fail_usage(f"unknown format {fmt!r}; valid formats: {', '.join(FORMATS)}")
    return fmt


def _stdin_is_terminal() -> bool:
    return sys.stdin is None or sys.stdin.isatty()


def _resolve_paths(paths: list[str] | None) -> list[str]:
    if paths:
        return paths
    if _stdin_is_terminal():
        _fail_usage("no input: give files or folders, or pipe text on stdin (see factsift --help)")
    return ["-"]


def run_extraction(
    paths: list[str] | None,
    wanted: list[str],
    fmt: str | None,
    output: str | None,
    max_bytes: int,
    jobs: int | None,
    debug: bool,
    dask: str | None = None,
) -> ExitStatus:
    """Read every input, extract, render; return the exit status."""
    from .render import make_renderer
    from .sink import write_output

    fmt = _resolve_format(fmt, output)
    paths = _resolve_paths(paths)
    documents = _documents(paths, wanted, max_bytes, jobs, debug, dask)
    failed_inputs = False

    def render(stream) -> None:
        nonlocal failed_inputs
        renderer = make_renderer(fmt, stream, wanted, color=None if output is None else False)
        for doc, messages in documents:
            report(messages)
            failed_inputs = failed_inputs or bool(doc["errors"])
            renderer.document(doc)
        renderer.end()

    try:
        written = write_output(output, render, debug=debug)
    except DaskError as error:
        _fail_usage(str(error))
    return ExitStatus.FILE_ERROR if failed_inputs or not written else ExitStatus.SUCCESS


def _documents(paths: list[str], wanted: list[str], max_bytes: int, jobs: int | None, debug: bool, dask: str | None):
    """``(document, messages)`` in input order: from local processes, or from the Dask cluster at ``dask``."""
    from .pipeline import process_inputs

    if dask is None:
        return process_inputs(paths, wanted, max_bytes=max_bytes, jobs=jobs, debug=debug)
    from .distributed import connect, process_inputs_dask

    if jobs is not None:
        _fail_usage("--jobs and --dask do not go together: the cluster's workers set the parallelism")
    try:
        client = connect(dask)
    except DaskError as error:
        _fail_usage(str(error))
    return process_inputs_dask(client, paths, wanted, max_bytes=max_bytes, debug=debug)


def _extract_command(name: str | None):
    """Build the `extract` command, or a per-extractor shortcut when ``name`` is given."""

    def command(
        paths: PathsArg = None,
        only: Annotated[
            Optional[str],
            typer.Option("--only", help="Comma-separated extractors: numbers,actors,locations,sources,facts.", show_default=False, metavar="NAMES"),
        ] = None,
        fmt: FormatOpt = None,
        output: OutputOpt = None,
        max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
        jobs: JobsOpt = None,
        debug: DebugOpt = False,
        dask: DaskOpt = None,
    ) -> None:
        wanted = [name] if name else _parse_only(only)
        raise typer.Exit(run_extraction(paths, wanted, fmt, output, max_bytes, jobs, debug, dask))

    if name:
        # A shortcut takes no --only: drop it from the signature Typer reads.
        import inspect

        signature = inspect.signature(command, eval_str=True)
        command.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[p for p in signature.parameters.values() if p.name != "only"]
        )
    return command


app.command("extract", help="Run the extractors (all by default) over files, folders or stdin.")(_extract_command(None))
for _name, _help in (
    ("numbers", "Figures: value, bounds, unit, kind, qualifier and what each counts."),
    ("actors", "People, organizations, countries and groups, merged across mentions, with roles."),
    ("locations", "Places with canonical name, kind, country code and coordinates."),
    ("sources", "Who says so: attributions, quotations, anonymous and documentary sources."),
    ("facts", "Each figure linked to what it counts, who, where and who says so."),
):
    app.command(_name, help=f"{_help} Same as `extract --only {_name}`.")(_extract_command(_name))


@app.command("show", help="Print the text with every extraction highlighted, and a legend.")
def show(
    paths: PathsArg = None,
    only: Annotated[Optional[str], typer.Option("--only", help="Comma-separated extractors to highlight.", show_default=False, metavar="NAMES")] = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    debug: DebugOpt = False,
) -> None:
    from .pipeline import process_inputs
    from .show import render_highlighted

    wanted = _parse_only(only, ("numbers", "actors", "locations", "sources"))
    status = ExitStatus.SUCCESS
    for doc, messages in process_inputs(_resolve_paths(paths), wanted, max_bytes=max_bytes, jobs=1, debug=debug, keep_text=True):
        report(messages)
        if doc["errors"]:
            status = ExitStatus.FILE_ERROR
            continue
        render_highlighted(doc, wanted, sys.stdout)
    raise typer.Exit(status)


@app.command("compare", help="Group facts about the same thing across documents; show where figures agree and differ, "
             "who stands behind each, and attribution tension inside a text. Exit status 3 when figures differ or "
             "attributions pull against each other, 0 when everything agrees, 1 when an input could not be read.")
def compare(
    paths: PathsArg = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    jobs: JobsOpt = None,
    debug: DebugOpt = False,
) -> None:
    from .compare import run_compare

    raise typer.Exit(run_compare(paths, fmt, output, max_bytes, jobs, debug))


@app.command("schema", help="Print the JSON Schema of the `--format json` output (factsift/1).")
def schema() -> None:
    import json

    from extractors.schema import output_schema

    typer.echo(json.dumps(output_schema(), indent=2))


def _on_sigterm(signum, frame):  # pragma: no cover - exercised through a subprocess test
    raise Terminated()


def main() -> None:
    """Console entry point: maps interrupts and closed pipes to quiet exits."""
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        app(standalone_mode=True)
    except Terminated:
        _quiet_stderr("factsift: terminated")
        sys.exit(ExitStatus.TERMINATED)


def _quiet_stderr(message: str) -> None:
    try:
        print(message, file=sys.stderr)
    except OSError:
        pass

