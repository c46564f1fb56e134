"""Every sample article has its expected JSON under tests/golden; the output must equal it.

Regenerate after a deliberate change, then review the diff:
``FACTSIFT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py && git diff tests/golden``
"""

from __future__ import annotations

import json
import os

import pytest

from conftest import REPO
from extractors import extract

SAMPLES = REPO / "samples"
GOLDEN = REPO / "tests" / "golden"
SAMPLE_PATHS = sorted(path for path in SAMPLES.rglob("*") if path.suffix in {".txt", ".md"})


def golden_path(sample):
    return (GOLDEN / sample.relative_to(SAMPLES)).with_suffix(".json")


def test_there_are_samples():
    assert len(SAMPLE_PATHS) >= 5


@pytest.mark.parametrize("sample", SAMPLE_PATHS, ids=lambda path: str(path.relative_to(SAMPLES)))
def test_sample_matches_golden(sample):
    relative = sample.relative_to(REPO).as_posix()
    actual = extract(sample.read_text(encoding="utf-8"), path=relative)
    target = golden_path(sample)
    if os.environ.get("FACTSIFT_UPDATE_GOLDEN"):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert target.exists(), f"no golden file for {relative}: run with FACTSIFT_UPDATE_GOLDEN=1"
    assert actual == json.loads(target.read_text(encoding="utf-8"))


def test_every_golden_file_has_its_sample():
    expected = {golden_path(sample) for sample in SAMPLE_PATHS}
    assert set(GOLDEN.rglob("*.json")) <= expected
