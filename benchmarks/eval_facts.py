"""Score the facts extractor against the hand annotations, and compare against the annotated conflicts.

    python benchmarks/eval_facts.py [--annotations tests/annotations] [--root .]

Each annotation file (``{"sample", "facts": [...], "conflicts": [...]}``) names
its sample relative to ``--root``.  A found fact matches an annotated one when
the values agree within 0.5% (the bounds when a range has no value) and one of
the fact's mentions overlaps an occurrence of the annotated figure's words;
each annotated fact is matched at most once.  Fact precision is matched / found
and recall matched / annotated; the source and place figures count a match only
when its source (speaker, either name inside the other; both unattributed is a
match) or its place (a shared place name; both without a place is a match) is
right too.  Then ``compare`` runs over every document a conflict names, and a
conflict is found when a group it calls "differ" holds every annotated value;
an annotated tension is found when a tension of its document asserts through
the annotated source.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any, Sequence

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extractors import extract  # noqa: E402
from extractors.compare import compare  # noqa: E402

TOLERANCE = 0.005
PLACE_WORDS = frozenset("region state province district city oblast county the of".split())


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def same_amount(found: dict[str, Any], gold: dict[str, Any]) -> bool:
    if found.get("value") is not None and gold.get("value") is not None:
        return close(found["value"], gold["value"])
    return close(found.get("low"), gold.get("low")) and close(found.get("high"), gold.get("high"))


def occurrences(text: str, figure: str) -> list[tuple[int, int]]:
    """Every place the annotated figure's words stand (case-insensitive when the exact words are absent)."""
    haystack, needle = (text, figure) if figure in text else (text.lower(), figure.lower())
    spans, start = [], haystack.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + 1)
    return spans


def fact_spans(fact: dict[str, Any]) -> list[tuple[int, int]]:
    return [(span["start"], span["end"]) for span in fact.get("mentions") or []] or [(fact["start"], fact["end"])]


def overlaps(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for start, end in a for other_start, other_end in b)


def plain(name: str | None) -> str:
    """Lower case, no accents, no leading "the": "Chautārā" and "Chautara" compare equal."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower().strip()
    return text[4:] if text.startswith("the ") else text


def same_source(fact: dict[str, Any], gold: dict[str, Any]) -> bool:
    names = {plain(entry.get("speaker_name")) for entry in fact.get("sources") or []}
    names |= {plain(entry.get("speaker")) for entry in fact.get("sources") or []} | {plain(fact.get("source"))}
    names.discard("")
    wanted = plain(gold.get("source"))
    if not wanted:
        return not names
    return any(name in wanted or wanted in name for name in names)


def place_words(name: str) -> set[str]:
    return {word for word in plain(name).replace(",", " ").split() if word not in PLACE_WORDS}


def same_place(fact: dict[str, Any], gold: dict[str, Any]) -> bool:
    found, wanted = fact.get("locations") or [], gold.get("places") or []
    if not found or not wanted:
        return not found and not wanted
    return any(place_words(a) & place_words(b) for a in found for b in wanted)


def score_sample(text: str, facts: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, int]:
    counts = {"found": len(facts), "annotated": len(gold), "fact": 0, "source": 0, "place": 0}
    unmatched = list(range(len(gold)))
    for fact in facts:
        for index in unmatched:
            wanted = gold[index]
            if same_amount(fact, wanted) and overlaps(fact_spans(fact), occurrences(text, wanted["figure"])):
                unmatched.remove(index)
                counts["fact"] += 1
                counts["source"] += same_source(fact, wanted)
                counts["place"] += same_place(fact, wanted)
                break
    return counts


def ratio(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}" if whole else "    -"


def conflict_found(conflict: dict[str, Any], groups: Sequence[Any]) -> str | None:
    """The ``about`` of the "differ" group holding every value of the annotated conflict, or None."""
    for group in groups:
        if group.verdict != "differ":
            continue
        stated = [value for version in group.versions for value in (version.value, version.low, version.high)]
        if all(any(close(value, other) for other in stated if other is not None) for value in conflict["values"]):
            return f"{group.about} ({', '.join(version.text for version in group.versions)})"
    return None


def tension_found(annotated: dict[str, Any], found: Sequence[Any]) -> str | None:
    """The kind of the reported tension of the same document whose asserting side is the annotated one, or None."""
    wanted = plain(annotated["asserts"]["source"])
    for tension in found:
        speaker = plain(tension.asserted.get("speaker"))
        if tension.document == annotated["document"] and speaker and (speaker in wanted or wanted in speaker):
            return tension.kind
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=Path, default=REPO / "tests" / "annotations")
    parser.add_argument("--root", type=Path, default=REPO, help="folder the annotations' sample paths are relative to")
    args = parser.parse_args(argv)

    loaded = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(args.annotations.glob("*.json"))]
    annotations = [data for data in loaded if isinstance(data, dict) and "facts" in data]  # other files hold other checks
    started = time.perf_counter()
    documents: dict[str, dict[str, Any]] = {}
    rows = []
    for annotation in annotations:
        sample = annotation["sample"]
        text = (args.root / sample).read_text(encoding="utf-8")
        documents[sample] = extract(text, path=sample, only=["facts", "locations", "sources"])
        rows.append((Path(sample).name, score_sample(text, documents[sample]["facts"], annotation["facts"])))
    elapsed = time.perf_counter() - started

    header = f"{'sample':42} {'found':>5} {'gold':>5} {'match':>5} | {'fact P':>6} {'R':>5} | {'source P':>8} {'R':>5} | {'place P':>7} {'R':>5}"
    print(header)
    print("-" * len(header))
    total = {key: 0 for key in ("found", "annotated", "fact", "source", "place")}
    for name, counts in rows + [("all (micro)", total)]:
        if name != "all (micro)":
            for key in total:
                total[key] += counts[key]
        else:
            print("-" * len(header))
        print(f"{name:42} {counts['found']:5} {counts['annotated']:5} {counts['fact']:5} | "
              f"{ratio(counts['fact'], counts['found']):>6} {ratio(counts['fact'], counts['annotated'])} | "
              f"{ratio(counts['source'], counts['found']):>8} {ratio(counts['source'], counts['annotated'])} | "
              f"{ratio(counts['place'], counts['found']):>7} {ratio(counts['place'], counts['annotated'])}")
    characters = sum(document["chars"] for document in documents.values())
    print(f"\n{characters} characters extracted (all extractors) in {elapsed:.2f} s")

    conflicts = {(conflict["about"], tuple(conflict["values"])): conflict
                 for annotation in annotations for conflict in annotation.get("conflicts", [])}
    if not conflicts:
        return 0
    named = sorted({path for conflict in conflicts.values() for path in conflict["documents"]})
    comparison = compare([documents[path] for path in named])
    print(f"\ncompare over {len(named)} documents: {comparison.conflicts} conflicts reported "
          f"({sum(group.verdict == 'differ' for group in comparison.groups)} figure groups that differ, "
          f"{len(comparison.tensions)} tensions)")
    found = 0
    for conflict in conflicts.values():
        group = conflict_found(conflict, comparison.groups)
        found += group is not None
        values = ", ".join(f"{value:g}" for value in conflict["values"])
        print(f"  {'found  ' if group else 'MISSED '} {conflict['about']:28} {values:24} {group or ''}")
    print(f"annotated conflicts found: {found} of {len(conflicts)}")

    tensions = [tension for annotation in annotations for tension in annotation.get("tensions", [])]
    if tensions:
        matched = [tension_found(tension, comparison.tensions) for tension in tensions]
        for tension, kind in zip(tensions, matched):
            print(f"  {'found  ' if kind else 'MISSED '} tension in {Path(tension['document']).name}: "
                  f"{tension['asserts']['source']} ({tension['asserts']['cue']}) {('as ' + kind) if kind else ''}")
        print(f"annotated tensions found: {sum(map(bool, matched))} of {len(tensions)}; "
              f"tensions reported: {len(comparison.tensions)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
