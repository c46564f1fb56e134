"""Country-code accuracy of the locations extractor on ambiguous place names.

    python benchmarks/location_ambiguity.py

The cases (Paris, Georgia, Jordan, Victoria, Washington, Chad, Nice, Reading, Mobile...) are the
sentences of ``tests/extractors/test_locations.py``: each gives the name as written and the ISO
code of the place it names there, or None when it names no place.  A case is right when the
extractor gives exactly that.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_cases():
    """The cases and the ``resolved(text, surface)`` helper of the test module."""
    spec = importlib.util.spec_from_file_location("test_locations", ROOT / "tests" / "extractors" / "test_locations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.AMBIGUOUS, module.resolved


def main() -> int:
    cases, resolved = load_cases()
    right = 0
    for text, surface, expected in cases:
        got = resolved(text, surface)
        right += got == expected
        print(f"{'ok ' if got == expected else 'BAD'} {surface:<11} expected {expected!s:<5} got {got!s:<5} | {text}")
    print(f"\naccuracy: {right}/{len(cases)} = {100 * right / len(cases):.1f}%")
    places = [case for case in cases if case[2] is not None]
    place_right = sum(resolved(text, surface) == expected for text, surface, expected in places)
    print(f"country code right where a place is meant: {place_right}/{len(places)}; "
          f"not-a-place cases right: {right - place_right}/{len(cases) - len(places)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
