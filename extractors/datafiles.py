"""The package's data files, read straight from ``extractors/data`` beside the code.

Wheels install the package unzipped, so a plain file read is enough; ``importlib.resources``
would add about a tenth of a second of imports to every short run.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


def data_path(name: str) -> Path:
    """The path of the data file ``name`` ("cues.txt", "gazetteer.json")."""
    return DATA_DIR / name
