"""Where output goes: stdout, or a file written beside its target and renamed into place.

An interrupted or failed run never leaves a half-written ``--output`` file, and
an existing file is replaced only when the run completes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from typing import TextIO


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
