"""`factsift compare`: exit statuses 0, 1 and 3 and every format, checked exactly.

The facts, locations and sources extractors are replaced for these tests by
test-only ones that read "41 deaths in Lima, Reuters said" sentences, so
the expected output does not move when the real extractors improve.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from typer.testing import CliRunner

from cli.app import app
from extractors import extract, registry
from extractors.facts import normalize_counted
from extractors.records import Fact, Location, Source

runner = CliRunner()
_STATEMENT = regex.compile(r"(\d+) (\w+) in (\w+), (\w+) (said|denied)")


def fake_facts(doc) -> list[Fact]:
    return [Fact(text=match.group(1), start=match.start(1), end=match.end(1), value=int(match.group(1)),
                 low=int(match.group(1)), high=int(match.group(1)), unit=None, kind="cardinal", qualifier="exact",
                 counted=match.group(2), about=normalize_counted(match.group(2)), locations=(match.group(3),),
                 source=match.group(4), cue=match.group(5), polarity="asserts",
                 sources=({"speaker": match.group(4), "speaker_name": match.group(4), "cue": match.group(5),
                           "polarity": "asserts"},))
            for match in _STATEMENT.finditer(doc.text) if match.group(5) == "said"]


def fake_locations(doc) -> list[Location]:
    return [Location(text=match.group(3), start=match.start(3), end=match.end(3), name=match.group(3), kind="city",
                     country="PE") for match in _STATEMENT.finditer(doc.text)]


def fake_sources(doc) -> list[Source]:
    return [Source(text=match.group(0), start=match.start(), end=match.end(), speaker=match.group(4),
                   speaker_name=match.group(4), speaker_kind="media", cue=match.group(5), content=match.group(0),
                   polarity="asserts" if match.group(5) == "said" else "denies")
            for match in _STATEMENT.finditer(doc.text)]


@pytest.fixture
def fakes():
    for name, function, record in (("facts", fake_facts, Fact), ("locations", fake_locations, Location),
                                   ("sources", fake_sources, Source)):
        registry.register(registry.Extractor(name, function, record))
    yield
    for name in ("facts", "locations", "sources"):
        registry.unregister(name)


def run(*args: str):
    return runner.invoke(app, ["compare", "--jobs", "1", *args], catch_exceptions=False)


def write(tmp_path, **texts: str) -> list[str]:
    paths = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_agreement_only_exits_0_in_jsonl(fakes, tmp_path):
    a, b = write(tmp_path, a="41 deaths in Lima, Reuters said.", b="Later 41 dead in Lima, AP said.")
    result = run("--format", "jsonl", a, b)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == (
        '{"record":"group","about":"death","unit":null,"places":["Lima"],"actors":[],"verdict":"agree",'
        f'"documents":["{a}","{b}"],"versions":[{{"text":"41","value":41,"low":41,"high":41,"qualifier":"exact",'
        f'"documents":["{a}","{b}"],"backers":[{{"document":"{a}","text":"41","start":0,"end":2,"source":"Reuters",'
        f'"cue":"said","polarity":"asserts"}},{{"document":"{b}","text":"41","start":6,"end":8,"source":"AP",'
        '"cue":"said","polarity":"asserts"}]}]}\n'
    )


def test_differing_figures_exit_3_in_json(fakes, tmp_path):
    a, b = write(tmp_path, a="41 deaths in Lima, Reuters said.", b="56 deaths in Lima, AP said.")
    result = run("--format", "json", a, b)
    assert result.exit_code == 3
    assert result.stderr == ""
    output = json.loads(result.stdout)
    assert (output["schema"], output["documents"], output["conflicts"], output["tensions"]) == (
        "factsift-compare/1", [a, b], 1, [])
    (group,) = output["groups"]
    assert [(version["text"], version["documents"], [backer["source"] for backer in version["backers"]])
            for version in group["versions"]] == [("41", [a], ["Reuters"]), ("56", [b], ["AP"])]
    assert group["verdict"] == "differ"


def test_csv_one_row_per_statement(fakes, tmp_path):
    a, b = write(tmp_path, a="41 deaths in Lima, Reuters said.", b="56 deaths in Lima, AP said.")
    result = run("--format", "csv", a, b)
    assert result.exit_code == 3
    assert result.stdout == (
        "record,group,about,unit,where,verdict,figure,value,low,high,qualifier,document,source,cue,polarity,"
        "doubted_source,doubted_cue,doubted_polarity\n"
        f"group,1,death,,Lima,differ,41,41,41,41,exact,{a},Reuters,said,asserts,,,\n"
        f"group,1,death,,Lima,differ,56,56,56,56,exact,{b},AP,said,asserts,,,\n"
    )


def test_table_shows_groups_and_tensions(fakes, tmp_path):
    a, b = write(tmp_path, a="41 deaths in Lima, Reuters said. 41 deaths in Lima, AP denied.",
                 b="41 deaths in Lima, AP said.")
    result = run("--format", "table", a, b)
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "Figure groups (1)"
    assert [cell.strip() for cell in lines[2].split("┃")[1:-1]] == ["About", "Where", "Values", "Sources", "Verdict"]
    assert "Attribution tension (1)" in result.stdout
    assert lines[-1] == "1 conflict in 2 documents"


def test_unreadable_input_exits_1_and_the_rest_is_compared(fakes, tmp_path):
    (a,) = write(tmp_path, a="41 deaths in Lima, Reuters said.")
    missing = str(tmp_path / "gone.txt")
    result = run("--format", "jsonl", a, missing)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"factsift: {missing}: no such file or folder\n"


def test_help_documents_the_exit_status():
    result = runner.invoke(app, ["compare", "--help"])
    assert result.exit_code == 0
    assert "Exit status 3 when figures differ" in " ".join(result.stdout.split())


REPO = Path(__file__).resolve().parents[2]
COMPARE_SET = REPO / "samples" / "compare"
ANNOTATED = REPO / "tests" / "annotations" / "jalbire_dam_collapse_a.json"


@pytest.mark.skipif(not ANNOTATED.exists(), reason="the compare set's annotations are not here")
def test_real_extractors_find_every_conflict_written_into_the_compare_set():
    if not extract("5 dogs", only=["numbers"])["numbers"]:
        pytest.skip("the numbers extractor is not in place yet")
    result = runner.invoke(app, ["compare", "--jobs", "1", "--format", "json", str(COMPARE_SET)], catch_exceptions=False)
    assert result.exit_code == 3
    assert result.stderr == ""
    groups = json.loads(result.stdout)["groups"]
    differing = [{version["value"] for version in group["versions"]} for group in groups if group["verdict"] == "differ"]
    for conflict in json.loads(ANNOTATED.read_text(encoding="utf-8"))["conflicts"]:
        assert any(set(conflict["values"]) <= values for values in differing), conflict["about"]
