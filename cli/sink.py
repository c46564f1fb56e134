"""Where output goes: stdout, or a file written beside its target and renamed into place.

An interrupted or failed run never leaves a half-written ``--output`` file, and
an existing file is replaced only when the run completes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Callable, TextIO


class OutputSink:
    def __init__(self, path: str | None):
        self.path = path
        self.stream: TextIO = sys.stdout
        self._temp_path: str | None = None
        self._committed = False

    def __enter__(self) -> "OutputSink":
        if self.path is not None:
            folder = os.path.dirname(os.path.abspath(self.path))
            descriptor, self._temp_path = tempfile.mkstemp(prefix=".factsift-", suffix=".tmp", dir=folder)
            self.stream = os.fdopen(descriptor, "w", encoding="utf-8", newline="")
        return self

    def commit(self) -> None:
        """Flush everything; for a file, move it into place."""
        self.stream.flush()
        if self._temp_path is not None:
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.replace(self._temp_path, self.path)  # type: ignore[arg-type]
            self._temp_path = None
        self._committed = True

    def __exit__(self, exc_type, exc, traceback) -> None:
        if self._temp_path is not None:
            try:
                self.stream.close()
            finally:
                os.unlink(self._temp_path)


def write_output(path: str | None, write: Callable[[TextIO], None], *, debug: bool = False) -> bool:
    """Run ``write(stream)`` into stdout or ``path``; False when the output could not be written.

    A reader that goes away (`| head`) ends the run quietly; a full disk or a closed file system is
    one line on stderr, and no half-written ``--output`` file is left.
    """
    try:
        with OutputSink(path) as sink:
            write(sink.stream)
            sink.commit()
    except BrokenPipeError:
        silence_stdout()
    except OSError as error:
        if debug:
            raise
        silence_stdout()
        print(f"factsift: error: cannot write the output: {error.strerror or error}", file=sys.stderr)
        return False
    return True


def silence_stdout() -> None:
    """After the reader went away, point stdout at /dev/null so the final flush is quiet."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return  # not a real file (a test runner's buffer): nothing will flush to a closed pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)
