"""Exit statuses, so scripts can act on what happened, and the errors that lead to them."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    SUCCESS = 0
    FILE_ERROR = 1  # at least one input could not be read; the others were processed
    USAGE = 2  # bad option, unknown extractor name, nothing to read
    CONFLICT = 3  # `compare` found figures that disagree
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM


class DaskError(Exception):
    """Dask is not installed, or the scheduler cannot be reached or was lost (a usage error).

    Defined here, not in cli.distributed, so that a local run never imports the Dask code.
    """
