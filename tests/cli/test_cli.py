"""The command line: formats, inputs, messages and exit codes, checked exactly.

These tests use the test-only ``shouts`` extractor (see conftest) so that the
expected output is fixed; the real extractors are covered by their own tests
and by the golden files.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cli.app import app
from extractors import registry

runner = CliRunner()
TEXT = "NASA and ESA agreed.\n"


def invoke(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def test_json_output_is_the_contract(shouts):
    result = invoke("extract", "--only", "shouts", "--format", "json", "-", input=TEXT)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout) == {
        "schema": "factsift/1",
        "documents": [
            {
                "path": "-",
                "chars": 21,
                "shouts": [
                    {"text": "NASA", "start": 0, "end": 4, "repeats": [], "length": 4},
                    {"text": "ESA", "start": 9, "end": 12, "repeats": [], "length": 3},
                ],
                "errors": [],
            }
        ],
    }


def test_jsonl_streams_one_record_a_line(shouts):
    result = invoke("extract", "--only", "shouts", "--format", "jsonl", input=TEXT)
    assert result.exit_code == 0
    assert result.stdout == (
        '{"document":"-","extractor":"shouts","text":"NASA","start":0,"end":4,"repeats":[],"length":4}\n'
        '{"document":"-","extractor":"shouts","text":"ESA","start":9,"end":12,"repeats":[],"length":3}\n'
    )


def test_piped_default_format_is_jsonl(shouts):
    result = invoke("extract", "--only", "shouts", input=TEXT)
    assert result.stdout.splitlines()[0].startswith('{"document":"-","extractor":"shouts"')


def test_csv_one_row_per_record(shouts):
    result = invoke("extract", "--only", "shouts", "--format", "csv", input=TEXT)
    assert result.exit_code == 0
    assert result.stdout == (
        "document,extractor,text,start,end,repeats,length,message\n"
        "-,shouts,NASA,0,4,[],4,\n"
        "-,shouts,ESA,9,12,[],3,\n"
    )


def test_table_lists_records(shouts):
    result = invoke("extract", "--only", "shouts", "--format", "table", input=TEXT)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].strip("─ ") == "-  (21 characters)"
    assert "shouts (2)" in lines[1]
    assert any(line.split("│")[1:4] == [" NASA ", " 0     ", " 4   "] for line in lines)


def test_extractor_subcommand_equals_extract_only(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Prices rose 12% in 2024, officials said.", encoding="utf-8")
    shortcut = invoke("numbers", str(path), "--format", "json")
    long_form = invoke("extract", "--only", "numbers", str(path), "--format", "json")
    assert shortcut.exit_code == long_form.exit_code == 0
    assert shortcut.stdout == long_form.stdout
    assert list(json.loads(shortcut.stdout)["documents"][0]) == ["path", "chars", "numbers", "errors"]


def test_folder_is_read_recursively_in_sorted_order(shouts, tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("ZED", encoding="utf-8")
    (tmp_path / "a.txt").write_text("AAA", encoding="utf-8")
    (tmp_path / "c.txt").write_text("CCC", encoding="utf-8")
    (tmp_path / "skip.csv").write_text("NOPE", encoding="utf-8")
    result = invoke("extract", "--only", "shouts", "--format", "json", "--jobs", "1", str(tmp_path))
    paths = [doc["path"] for doc in json.loads(result.stdout)["documents"]]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.md"), str(tmp_path / "c.txt")]


def test_parallel_jobs_keep_input_order(shouts, tmp_path):
    for index in range(6):
        (tmp_path / f"{index}.txt").write_text("WORD " * (index + 1), encoding="utf-8")
    serial = invoke("extract", "--only", "shouts", "--format", "jsonl", "--jobs", "1", str(tmp_path))
    parallel = invoke("extract", "--only", "shouts", "--format", "jsonl", "--jobs", "2", str(tmp_path))
    assert parallel.exit_code == 0
    assert parallel.stdout == serial.stdout


def test_missing_file_is_reported_and_others_still_processed(shouts, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("OK", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = invoke("extract", "--only", "shouts", "--format", "json", str(missing), str(good))
    assert result.exit_code == 1
    assert result.stderr == f"factsift: {missing}: no such file or folder\n"
    documents = json.loads(result.stdout)["documents"]
    assert documents[0] == {"path": str(missing), "chars": None, "errors": ["no such file or folder"]}
    assert documents[1]["shouts"][0]["text"] == "OK"


def test_failed_input_in_jsonl_is_an_error_line(shouts, tmp_path):
    missing = tmp_path / "gone.txt"
    result = invoke("extract", "--only", "shouts", "--format", "jsonl", str(missing))
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {"document": str(missing), "extractor": "error", "message": "no such file or folder"}


def test_folder_without_text_files(shouts, tmp_path):
    (tmp_path / "data.csv").write_text("x", encoding="utf-8")
    result = invoke("extract", "--only", "shouts", "--format", "json", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"factsift: {tmp_path}: folder has no .txt or .md files\n"


def test_binary_file_is_refused(shouts, tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\x00\x00\x01")
    result = invoke("extract", "--only", "shouts", "--format", "json", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"factsift: {path}: binary file (contains NUL bytes)\n"


def test_cp1252_falls_back_with_a_warning(shouts, tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("CAFÉ “QUOTE”".encode("cp1252"))
    result = invoke("extract", "--only", "shouts", "--format", "json", str(path))
    assert result.exit_code == 0
    assert result.stderr == f"factsift: warning: {path}: not UTF-8 (byte 3); decoded as cp1252\n"
    assert [r["text"] for r in json.loads(result.stdout)["documents"][0]["shouts"]] == ["CAFÉ", "QUOTE"]


def test_bom_is_stripped_and_offsets_index_the_decoded_text(shouts, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfUN says")
    result = invoke("extract", "--only", "shouts", "--format", "json", str(path))
    document = json.loads(result.stdout)["documents"][0]
    assert document["chars"] == 7
    assert document["shouts"][0] == {"text": "UN", "start": 0, "end": 2, "repeats": [], "length": 2}


def test_empty_file_gives_empty_results(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    result = invoke("extract", "--format", "json", str(path))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout)["documents"] == [
        {"path": str(path), "chars": 0, "numbers": [], "actors": [], "locations": [], "sources": [], "facts": [], "errors": []}
    ]


def test_unknown_extractor_is_a_usage_error():
    result = invoke("extract", "--only", "numbers,colours", input=TEXT)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"factsift: error: unknown extractor 'colours'; valid names: {', '.join(registry.names())}\n"
    )


def test_unknown_format_is_a_usage_error():
    result = invoke("numbers", "--format", "xml", input=TEXT)
    assert result.exit_code == 2
    assert result.stderr == "factsift: error: unknown format 'xml'; valid formats: table, json, jsonl, csv\n"


def test_unknown_option_is_a_usage_error():
    result = invoke("extract", "--colour", input=TEXT)
    assert result.exit_code == 2
    assert "No such option" in result.stderr and "--colour" in result.stderr
    assert result.stdout == ""


def test_no_input_on_a_terminal_is_a_usage_error(monkeypatch):
    monkeypatch.setattr("cli.app._stdin_is_terminal", lambda: True)
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 2
    assert result.stderr == "factsift: error: no input: give files or folders, or pipe text on stdin (see factsift --help)\n"


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("factsift ")


def test_schema_is_json_schema_and_validates_output(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(invoke("schema").stdout)
    assert schema["title"] == "factsift/1"
    path = tmp_path / "a.txt"
    path.write_text("The U.N. said 5,000 workers arrived in Paris on Tuesday.", encoding="utf-8")
    output = json.loads(invoke("extract", "--format", "json", str(path)).stdout)
    jsonschema.validate(output, schema)


def test_show_highlights_and_prints_a_legend(shouts):
    result = invoke("show", "--only", "shouts", input=TEXT)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == ["legend:  shouts  ", "NASA and ESA agreed."]


def test_output_file_is_written_whole(shouts, tmp_path):
    target = tmp_path / "out.json"
    result = invoke("extract", "--only", "shouts", "--format", "json", "--output", str(target), input=TEXT)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["documents"][0]["shouts"][1]["text"] == "ESA"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_output_file_is_kept_when_the_run_fails(tmp_path):
    def explode(doc):
        raise RuntimeError("boom")

    registry.register(registry.Extractor("explode", explode, registry.Record))
    try:
        target = tmp_path / "out.json"
        target.write_text("previous", encoding="utf-8")
        with pytest.raises(RuntimeError):
            invoke("extract", "--only", "explode", "--debug", "--output", str(target), input=TEXT)
        assert target.read_text(encoding="utf-8") == "previous"
        assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    finally:
        registry.unregister("explode")


def test_internal_error_is_one_line_without_debug():
    def explode(doc):
        raise RuntimeError("boom")

    registry.register(registry.Extractor("explode", explode, registry.Record))
    try:
        result = invoke("extract", "--only", "explode", "--format", "jsonl", input=TEXT)
    finally:
        registry.unregister("explode")
    assert result.exit_code == 1
    assert result.stderr == "factsift: -: internal error: RuntimeError: boom (run with --debug for a traceback)\n"


@pytest.mark.parametrize("command", ["extract", "numbers", "actors", "locations", "sources", "facts", "show", "schema", "compare"])
def test_every_command_has_help_and_is_documented(command):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert f"`factsift {command}" in readme


def test_every_registered_command_is_in_the_readme():
    from pathlib import Path

    import typer.main

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name in group.commands:
        assert f"`factsift {name}" in readme, name
