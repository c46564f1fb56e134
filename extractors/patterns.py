"""Pattern helpers shared by the extractors."""

from __future__ import annotations

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
