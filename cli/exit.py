"""Exit statuses, so scripts can act on what happened."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    SUCCESS = 0
    FILE_ERROR = 1  # at least one input could not be read; the others were processed
    USAGE = 2  # bad option, unknown extractor name, nothing to read
    CONFLICT = 3  # `compare` found figures that disagree
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM
