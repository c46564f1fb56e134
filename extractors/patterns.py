"""Pattern helpers shared by the extractors, and the compiled-pattern cache."""

from __future__ import annotations

import functools
import io
import pickle
import re
import sys

import regex

from .cache import cache_dir, write_cache


class _PatternUnpickler(pickle.Unpickler):
    """Unpickles compiled ``regex`` patterns and nothing else: the only callable allowed is
    ``regex._regex.compile``, so a tampered cache file cannot run code (it is refused and rebuilt)."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a compiled pattern: {module}.{name}")


class PatternStore:
    """Compiled ``regex`` patterns kept between processes.

    ``regex`` parses a pattern in Python before its C engine gets the compiled code, and for
    factsift's patterns that parse is a third of a short run's time.  A pickled ``regex``
    pattern carries that compiled code, so reloading one skips the parse.  Patterns are
    keyed by their text and flags in a file per regex and Python version; ``save`` writes
    the file only when this process compiled a pattern it did not have.
    """

    def __init__(self, path) -> None:
        self.path = path
        self._patterns: dict[tuple[str, int], regex.Pattern] | None = None
        self._added = False

    def compile(self, pattern: str, flags: int = 0) -> regex.Pattern:
        if self._patterns is None:
            self._patterns = self._load()
        key = (pattern, int(flags))
        compiled = self._patterns.get(key)
        if compiled is None:
            compiled = self._patterns[key] = regex.compile(pattern, flags)
            self._added = True
        return compiled

    def save(self) -> None:
        if self._added and self._patterns is not None:
            self._added = False
            write_cache(self.path, pickle.dumps(self._patterns), replaces="patterns-*.pickle")

    def _load(self) -> dict[tuple[str, int], regex.Pattern]:
        try:
            loaded = _PatternUnpickler(io.BytesIO(self.path.read_bytes())).load()
        except FileNotFoundError:
            return {}
        except (OSError, pickle.UnpicklingError, ValueError, TypeError, EOFError, AttributeError, IndexError, regex.error):
            return {}  # unreadable, tampered or from another regex build: compile afresh and rewrite it
        return loaded if isinstance(loaded, dict) else {}


_STORE = PatternStore(cache_dir() / f"patterns-regex{regex.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}.pickle")


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile``, served from the cache of compiled patterns when this pattern was seen before."""
    return _STORE.compile(pattern, flags)


def save_compiled_patterns() -> None:
    """Keep the patterns compiled so far for the next process (a no-op when none is new)."""
    _STORE.save()


def trie_pattern(words, *, space: str = r"\s+") -> str:
    """An alternation written as a prefix tree ("sa(?:id|ys)"): a position that starts no word fails
    after a character or two, so one pattern scans a long word list in linear time.

    A space inside a word matches ``space``.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(space if char == " " else regex.escape(char)) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


# Characters that stdlib ``re`` and ``regex`` class alike for ``\w``, ``\b`` and ``\s``: ASCII but the
# separators \x1c-\x1f, Latin letters and signs but superscripts and fractions, dashes, quotes, currency.
_NOT_AGREED = re.compile("[^\x00-\x1b -~\xa0-\xb1\xb4-\xb8\xba\xbb\xbf-\u02af\u2010-\u2027\u2030-\u203e\u20a0-\u20bf]")


class DualPattern:
    """A plain pattern (no ``regex``-only syntax, no ``(?i)``: the two modules fold case differently) that
    ``re`` runs on texts where both modules read every character alike, and ``regex`` on the rest: the
    same matches, and ``re`` compiles and scans a prefix-tree alternation two to four times faster.
    Each is compiled on first use.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    @functools.cached_property
    def _fast(self) -> re.Pattern:
        return re.compile(self.pattern)

    @functools.cached_property
    def _full(self) -> regex.Pattern:
        return compile_pattern(self.pattern)

    def _for(self, text: str):
        return self._fast if _NOT_AGREED.search(text) is None else self._full

    def finditer(self, text: str):
        return self._for(text).finditer(text)

    def fullmatch(self, text: str):
        return self._for(text).fullmatch(text)
