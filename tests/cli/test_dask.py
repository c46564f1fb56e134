"""``--dask``: a run on a Dask cluster writes exactly what a local run writes.

The cluster tests start a ``LocalCluster`` with two worker processes (skipped
when Dask is not installed: ``pip install 'factsift[dask]'``).
"""

from __future__ import annotations

import functools
import json
import sys

import pytest
from typer.testing import CliRunner

import cli.distributed
from cli.app import app
from conftest import REPO
from extractors import registry
from extractors.records import Record

SAMPLES = REPO / "samples"
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def scheduler() -> str:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def sample_paths(tmp_path) -> list[str]:
    """The samples folder, then a missing file: its error must come out in the same place."""
    if not any(SAMPLES.rglob("*.txt")):
        pytest.skip("samples/ has no texts")
    return [str(SAMPLES), str(tmp_path / "missing.txt")]


@pytest.mark.parametrize("command", [["extract", "--format", "json"], ["extract", "--format", "jsonl"], ["numbers", "--format", "csv"]])
def test_dask_output_equals_local_output(scheduler, sample_paths, command):
    local = invoke(*command, *sample_paths, "--jobs", "1")
    on_cluster = invoke(*command, *sample_paths, "--dask", scheduler)
    assert local.exit_code == on_cluster.exit_code == 1  # the missing file
    assert on_cluster.stdout == local.stdout
    assert f"{sample_paths[1]}: no such file or folder" in on_cluster.stderr


def test_dask_keeps_input_order(scheduler, sample_paths):
    result = invoke("extract", "--format", "json", *sample_paths, "--dask", scheduler)
    paths = [document["path"] for document in json.loads(result.stdout)["documents"]]
    expected = sorted(str(path) for path in SAMPLES.rglob("*") if path.suffix in (".txt", ".md"))
    assert paths == expected + [sample_paths[1]]


def explode(doc) -> list:
    """A test-only extractor that fails on one document."""
    if "BOOM" in doc.text:
        raise ValueError("exploded")
    return []


def register_explodes() -> None:
    registry.register(registry.Extractor("explodes", explode, Record))


def test_a_failing_document_is_reported_as_in_a_local_run(scheduler, tmp_path):
    """It fails its batch; the batch's documents run again one by one, and only it is an error."""
    import cloudpickle
    from distributed import Client

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module
    with Client(scheduler, set_as_default=False) as client:
        client.run(register_explodes)
    register_explodes()
    for name, text in (("a.txt", "fine"), ("b.txt", "BOOM"), ("c.txt", "fine too")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    try:
        local = invoke("extract", "--only", "explodes", str(tmp_path), "--format", "json", "--jobs", "1")
        on_cluster = invoke("extract", "--only", "explodes", str(tmp_path), "--format", "json", "--dask", scheduler)
    finally:
        registry.unregister("explodes")
    assert local.exit_code == on_cluster.exit_code == 1
    assert on_cluster.stdout == local.stdout
    assert [document["errors"] for document in json.loads(on_cluster.stdout)["documents"]] == [
        [],
        ["internal error: ValueError: exploded (run with --debug for a traceback)"],
        [],
    ]


def test_library_function_maps_over_a_dask_bag(scheduler):
    """The README's way for archives the workers read themselves: ``extract`` mapped over a bag."""
    import dask.bag
    from distributed import Client

    from extractors import extract

    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    if not texts:
        pytest.skip("samples/ has no texts")
    with Client(scheduler, set_as_default=False) as client:
        on_cluster = dask.bag.from_sequence(texts, npartitions=2).map(extract, only=["numbers", "sources"]).compute(scheduler=client)
    assert on_cluster == [extract(text, only=["numbers", "sources"]) for text in texts]


def test_unreachable_scheduler_is_a_usage_error(monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(cli.distributed, "connect", functools.partial(cli.distributed.connect, timeout=1))
    result = invoke("extract", str(REPO / "README.md"), "--dask", "tcp://127.0.0.1:1")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("factsift: error: cannot reach the Dask scheduler at tcp://127.0.0.1:1: ")


def test_bad_address_is_a_usage_error():
    pytest.importorskip("distributed")
    result = invoke("extract", str(REPO / "README.md"), "--dask", "scheduler-without-port")
    assert result.exit_code == 2
    assert result.stderr.startswith("factsift: error: not a Dask scheduler address (tcp://HOST:PORT): scheduler-without-port")


def test_scheduler_without_workers_is_a_usage_error(monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(cli.distributed, "connect", functools.partial(cli.distributed.connect, timeout=1))
    with distributed.LocalCluster(n_workers=0, processes=True, dashboard_address=":0") as cluster:
        result = invoke("extract", str(REPO / "README.md"), "--dask", cluster.scheduler_address)
    assert result.exit_code == 2
    assert result.stderr == f"factsift: error: the Dask scheduler at {cluster.scheduler_address} has no workers (waited 1 s)\n"


def test_missing_dask_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    result = invoke("extract", str(REPO / "README.md"), "--dask", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert result.stderr.startswith("factsift: error: --dask needs Dask: pip install 'factsift[dask]'")


def test_jobs_and_dask_do_not_go_together():
    result = invoke("extract", str(REPO / "README.md"), "--jobs", "2", "--dask", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert "--jobs and --dask do not go together" in result.stderr
