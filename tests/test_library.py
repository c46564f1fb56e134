"""The library's shape: the one-call API, the registry and the one-way import arrow."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys

import pytest

import extractors
from extractors import Document, extract, extract_records, fold_repeats, registry
from extractors.records import Record, Span, to_dict


def test_extract_returns_the_document_shape():
    result = extract("Nothing to see.", path="a.txt", only=["numbers"])
    assert result == {"path": "a.txt", "chars": 15, "numbers": result["numbers"], "errors": []}


def test_extract_is_picklable_for_dask_spark_and_ray():
    assert pickle.loads(pickle.dumps(extract)) is extract


def test_plan_puts_dependencies_first():
    assert registry.plan(["facts"]) == ["numbers", "locations", "actors", "sources", "facts"]


def test_unknown_extractor_names_the_valid_ones():
    with pytest.raises(registry.UnknownExtractorError, match="valid names: numbers, actors"):
        registry.get("colours")


def test_only_the_asked_extractors_are_returned(shouts):
    records = extract_records(Document("UN and EU"), only=[shouts])
    assert list(records) == ["shouts"]
    assert [r.text for r in records["shouts"]] == ["UN", "EU"]


def test_records_in_repeated_paragraphs_fold_into_repeats():
    text = "ALPHA said.\nBETA.\nALPHA said.\n"
    doc = Document(text)
    records = [Record(text="ALPHA", start=0, end=5), Record(text="BETA", start=12, end=16), Record(text="ALPHA", start=18, end=23)]
    folded = fold_repeats(doc, records)
    assert folded == [Record(text="ALPHA", start=0, end=5, repeats=(Span(18, 23),)), Record(text="BETA", start=12, end=16)]


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class _Slotted(Record):
    mentions: tuple[Span, ...] = ()


def test_to_dict_keeps_field_order_for_plain_slotted_and_extended_records():
    plain = Record(text="Kursk", start=4, end=9, repeats=(Span(20, 25),))
    assert to_dict(plain) == {"text": "Kursk", "start": 4, "end": 9, "repeats": [{"start": 20, "end": 25}]}
    assert list(to_dict(_Slotted(text="a", start=0, end=1, mentions=(Span(0, 1),)))) == [
        "text", "start", "end", "repeats", "mentions"]
    extended = Record(text="a", start=0, end=1)
    object.__setattr__(extended, "note", "not a field")  # an attribute set after __init__ is no field
    assert list(to_dict(extended)) == ["text", "start", "end", "repeats"]


def test_library_never_imports_the_cli_typer_or_rich():
    code = (
        "import sys, extractors\n"
        "from extractors import extract\n"
        "extract('The U.N. said 5,000 people fled Paris on Tuesday, officials said.')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'cli', 'typer', 'rich', 'click'})\n"
        "print(','.join(bad))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == ""


def test_library_configures_no_logging_and_prints_nothing():
    code = (
        "import logging, extractors\n"
        "extractors.extract('The U.N. said 5,000 people fled Paris on Tuesday.')\n"
        "assert not logging.getLogger().handlers\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == ""
    assert "UserWarning" not in completed.stderr
    assert completed.stderr == ""


def test_third_party_extractor_from_an_entry_point(monkeypatch):
    """A package names an Extractor under the group factsift.extractors; the registry finds it by name."""
    from importlib.metadata import EntryPoint

    plugin = EntryPoint(name="capitals", value="conftest:CAPITALS", group=registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr("importlib.metadata.entry_points", lambda group: [plugin] if group == registry.ENTRY_POINT_GROUP else [])
    registry._plugin_entry_points.cache_clear()
    try:
        assert registry.names()[-1] == "capitals"
        records = extract("NASA and ESA", only=["capitals"])["capitals"]
        assert [record["text"] for record in records] == ["NASA", "ESA"]
    finally:
        registry.unregister("capitals")
        registry._plugin_entry_points.cache_clear()
