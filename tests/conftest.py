"""Shared fixtures: a tiny test-only extractor whose output never changes.

CLI tests check formats, exit codes and messages byte for byte; they use the
``shouts`` extractor (runs of two or more capitals) so that their expected
output does not move when the real extractors improve.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import regex

from extractors import registry
from extractors.records import Record

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_fc91b6eb06179b31.txt"


@dataclass(frozen=True, kw_only=True)
class Shout(Record):
    """A word written in capitals."""

    length: int


_SHOUT = regex.compile(r"\b\p{Lu}{2,}\b")


def find_shouts(doc) -> list[Shout]:
    return [
        Shout(text=match.group(), start=match.start(), end=match.end(), length=len(match.group()))
        for match in _SHOUT.finditer(doc.text)
    ]


# What a third-party package would name in its entry point (see tests/test_library.py).
CAPITALS = registry.Extractor("capitals", find_shouts, Shout, description="words in capitals, as a plugin")


@pytest.fixture
def shouts():
    """Register the test-only ``shouts`` extractor for one test."""
    registry.register(registry.Extractor("shouts", find_shouts, Shout, description="words in capitals"))
    yield "shouts"
    registry.unregister("shouts")


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("the reference article (../shared/seed) is not present")
    return SEED.read_text(encoding="utf-8")
