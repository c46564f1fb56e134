"""Properties of every extractor on arbitrary text: no exception, valid offsets, determinism."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import DEFAULT_EXTRACTORS, Document, extract_records
from extractors.records import to_dict

NEWSY = st.sampled_from(
    [
        "North Korea", "said", "“", "”", '"', "'", "5,000", "3.5", "%", "$", "£45m", "€1.2bn", "as many as", "U.N.",
        "Mr.", "Shoigu", "Paris", "the ministry", "according to", ",", ".", " ", "\n", "\r\n", "\r", "tens of thousands",
        "third", "2019", "Tuesday", "(", ")", "-", "between 30 and 40", "Kursk region", "officials said", "he said",
        "\u200b", "\u202e", "e\u0301", "🙂", "مرحبا", "שלום", "\x07", "\t", "WHO", "Reading", "Georgia",
    ]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(st.one_of(NEWSY, st.text(max_size=5)), max_size=60).map("".join))


def check_offsets(text: str, value) -> None:
    """Every record (and every nested span) points at its own text."""
    if isinstance(value, dict):
        if {"text", "start", "end"} <= value.keys() and isinstance(value["text"], str):
            assert 0 <= value["start"] <= value["end"] <= len(text)
            assert text[value["start"]:value["end"]] == value["text"]
        for key, inner in value.items():
            if key.endswith("_start") and inner is not None:
                end = value[key[: -len("_start")] + "_end"]
                assert 0 <= inner <= end <= len(text)
            check_offsets(text, inner)
    elif isinstance(value, list):
        for item in value:
            check_offsets(text, item)
    if isinstance(value, dict) and "mentions" in value:
        for mention in value["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_every_extractor_keeps_offsets_valid_and_is_deterministic(text):
    first = to_dict(extract_records(Document(text), DEFAULT_EXTRACTORS))
    check_offsets(text, first)
    assert to_dict(extract_records(Document(text), DEFAULT_EXTRACTORS)) == first
