"""factsift's cache directory: tables and compiled patterns kept between runs.

Everything here is derived from the installed package (never from input text), so a
missing, read-only or corrupt cache only costs time: the data is rebuilt and the
results are the same.  The directory is ``$XDG_CACHE_HOME/factsift`` (``~/.cache/factsift``).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

STALE_AFTER_S = 7 * 86400  # another install may still use a cache it read this week


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factsift"


def write_cache(path: Path, payload: bytes, *, replaces: str) -> bool:
    """Write ``payload`` atomically (readable by this user only) and remove the stale files matching
    the glob ``replaces``; False when the cache cannot be written (a read-only or missing home)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(payload)
        os.replace(handle.name, path)
        now = time.time()
        for stale in path.parent.glob(replaces):
            if stale != path and now - stale.stat().st_atime > STALE_AFTER_S:
                stale.unlink(missing_ok=True)
    except OSError:
        return False
    return True
