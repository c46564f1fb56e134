"""The hand annotations stay true to the samples they describe.

They are the ground truth the extractors are scored against, so a figure
that no longer occurs in its sample, or a conflict no fact supports, would
quietly skew every score.
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SAMPLES = sorted((ROOT / "samples").rglob("*.txt"))
FACT_FIELDS = ["figure", "value", "low", "high", "qualifier", "unit", "counted",
               "source", "cue", "polarity", "places", "actors"]
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "vague"}
POLARITIES = {"asserts", "denies", "unconfirmed", "declines"}
COMPARE_EXTRA = {"agreements", "tensions"}


def annotation_path(sample: Path) -> Path:
    return HERE / f"{sample.stem}.json"


def load(sample: Path) -> dict:
    return json.loads(annotation_path(sample).read_text(encoding="utf-8"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_is_a_news_article(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    headline = text.split("\n", 1)[0]
    assert 2000 <= len(text) <= 4000
    assert headline.strip() and not headline.endswith(".")


def test_every_sample_is_annotated_and_nothing_else() -> None:
    annotated = {path.stem for path in HERE.glob("*.json")} - {"location_ambiguity"}
    assert annotated == {sample.stem for sample in SAMPLES}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_facts_match_their_sample(sample: Path) -> None:
    data = load(sample)
    text = sample.read_text(encoding="utf-8")
    assert data["sample"] == sample.relative_to(ROOT).as_posix()
    assert data["facts"]
    for fact in data["facts"]:
        assert list(fact) == FACT_FIELDS
        assert fact["figure"] in text
        assert fact["qualifier"] in QUALIFIERS
        assert (fact["source"] is None) == (fact["cue"] is None) == (fact["polarity"] is None)
        assert fact["polarity"] is None or fact["polarity"] in POLARITIES
        assert fact["cue"] is None or fact["cue"].lower() in text.lower()
        assert all(isinstance(name, str) and name for name in fact["places"] + fact["actors"])


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_bounds_follow_the_qualifier(sample: Path) -> None:
    for fact in load(sample)["facts"]:
        value, low, high, qualifier = fact["value"], fact["low"], fact["high"], fact["qualifier"]
        if qualifier == "vague":
            assert value is None and low is not None and high is None
        elif value is None:  # a range
            assert low < high
        elif qualifier == "at_least":
            assert (low, high) == (value, None)
        elif qualifier == "at_most":
            assert (low, high) == (None, value)
        else:
            assert low == high == value


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_only_the_compare_lead_file_lists_conflicts(sample: Path) -> None:
    data = load(sample)
    lead = sample.parent.name == "compare" and sample.stem.endswith("_a")
    assert bool(data["conflicts"]) == lead
    assert set(data) - {"sample", "facts", "conflicts"} == (COMPARE_EXTRA if lead else set())


def test_each_conflict_is_backed_by_annotated_facts() -> None:
    leads = [sample for sample in SAMPLES if load(sample)["conflicts"]]
    assert leads
    for lead in leads:
        for conflict in load(lead)["conflicts"]:
            assert len(set(conflict["values"])) >= 2
            found = set()
            for document in conflict["documents"]:
                values = {fact["value"] for fact in load(ROOT / document)["facts"]}
                given = values & set(conflict["values"])
                assert given, (conflict["about"], document)
                found |= given
            assert found == set(conflict["values"])


def test_location_ambiguity_sentences() -> None:
    rows = json.loads((HERE / "location_ambiguity.json").read_text(encoding="utf-8"))
    assert len(rows) >= 30
    for row in rows:
        assert list(row) == ["text", "surface", "country"]
        assert row["surface"] in row["text"]
        assert row["country"] is None or pycountry.countries.get(alpha_2=row["country"]) is not None
    surfaces = {row["surface"] for row in rows}
    for surface in surfaces:
        countries = {row["country"] for row in rows if row["surface"] == surface}
        assert len(countries) >= 2, surface  # every surface is shown in at least two readings
