"""The shared pattern helpers: the compiled-pattern cache and the prefix-tree alternation."""

from __future__ import annotations

import os
import pickle

import pytest
import regex

from extractors.patterns import DualPattern, PatternStore, trie_pattern

PATTERN = r"(?<!\p{L})\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+)*"


def test_a_saved_pattern_is_served_from_the_cache_without_compiling(tmp_path, monkeypatch):
    path = tmp_path / "patterns.pickle"
    first = PatternStore(path)
    fresh = first.compile(PATTERN, regex.MULTILINE)
    first.save()
    assert path.is_file()

    def no_compile(*args, **kwargs):
        raise AssertionError("compiled again instead of served from the cache")

    monkeypatch.setattr(regex, "compile", no_compile)
    cached = PatternStore(path).compile(PATTERN, regex.MULTILINE)
    text = "talks between North Korea and the Russian Federation"
    assert [m.span() for m in cached.finditer(text)] == [m.span() for m in fresh.finditer(text)] == [(14, 25), (34, 52)]
    assert cached.flags == fresh.flags


def test_save_writes_only_when_a_pattern_is_new(tmp_path):
    path = tmp_path / "patterns.pickle"
    store = PatternStore(path)
    store.compile(PATTERN)
    store.save()
    written = path.stat().st_mtime_ns
    os.utime(path, ns=(written - 10**9, written - 10**9))
    again = PatternStore(path)
    again.compile(PATTERN)
    again.save()
    assert path.stat().st_mtime_ns == written - 10**9


class _RunsCode:
    def __reduce__(self):
        return (os.system, ("echo tampered",))


@pytest.mark.parametrize("payload", [pickle.dumps({(PATTERN, 0): _RunsCode()}), b"not a pickle", b""])
def test_a_tampered_or_corrupt_cache_is_refused_and_rebuilt(tmp_path, payload):
    path = tmp_path / "patterns.pickle"
    path.write_bytes(payload)
    store = PatternStore(path)
    assert store.compile(PATTERN).match("Kursk Oblast").group() == "Kursk Oblast"
    store.save()
    assert PatternStore(path).compile(PATTERN).pattern == PATTERN


def test_an_unwritable_cache_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    store = PatternStore(blocked / "patterns.pickle")
    assert store.compile(PATTERN).match("Seoul").group() == "Seoul"
    store.save()
    assert blocked.read_text() == "a file where the cache folder should be"


def test_trie_pattern_matches_each_word_and_only_them():
    pattern = regex.compile(rf"\b(?:{trie_pattern(['said', 'says', 'told', 'told reporters'])})\b")
    assert [m.group() for m in pattern.finditer("she said, he says, they told reporters; the teller sayid")] == [
        "said", "says", "told reporters"]


def test_dual_pattern_gives_the_same_matches_on_ascii_and_on_other_scripts():
    pattern = DualPattern(r"\b\w+\b")
    assert [m.group() for m in pattern.finditer("Kyiv, Kursk")] == ["Kyiv", "Kursk"]
    assert [m.group() for m in pattern.finditer("Київ, Kursk")] == ["Київ", "Kursk"]
