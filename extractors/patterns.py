"""Pattern helpers shared by the extractors."""

from __future__ import annotations

import functools
import re

import regex


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
        return regex.compile(self.pattern)

    def _for(self, text: str):
        return self._fast if _NOT_AGREED.search(text) is None else self._full

    def finditer(self, text: str):
        return self._for(text).finditer(text)

    def fullmatch(self, text: str):
        return self._for(text).fullmatch(text)
