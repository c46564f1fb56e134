"""``--jobs``: worker processes give the same output, in input order, as one process."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cli import pipeline
from cli.app import app
from conftest import REPO

SAMPLES = REPO / "samples"
runner = CliRunner()


def test_two_jobs_write_what_one_job_writes(tmp_path):
    if not any(SAMPLES.rglob("*.txt")):
        pytest.skip("samples/ has no texts")
    missing = str(tmp_path / "missing.txt")
    one = runner.invoke(app, ["extract", str(SAMPLES), missing, "--format", "json", "--jobs", "1"], catch_exceptions=False)
    two = runner.invoke(app, ["extract", str(SAMPLES), missing, "--format", "json", "--jobs", "2"], catch_exceptions=False)
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout
    paths = [document["path"] for document in json.loads(two.stdout)["documents"]]
    assert paths == sorted(str(path) for path in SAMPLES.rglob("*") if path.suffix in (".txt", ".md")) + [missing]


def test_default_jobs_is_one_for_small_inputs(tmp_path):
    small = tmp_path / "small.txt"
    small.write_text("Prices rose 12% in 2024.", encoding="utf-8")
    assert pipeline.default_jobs([str(small), str(small), "-", str(tmp_path / "missing.txt")]) == 1


def test_default_jobs_grows_with_the_input_up_to_the_cores(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (pipeline.BYTES_PER_JOB * 3))
    assert pipeline.default_jobs([str(big)]) == 3
    assert pipeline.default_jobs([str(big), str(big)]) == 4
