"""Score the locations extractor alone as a LOC tagger on a UNER IOB2 file.

    python benchmarks/eval_locations.py --data ../shared/eval/ner/uner_en_pud.iob2 [--errors FILE]

Reads and scores the data with ``eval_ner.py``'s functions; only the place
mentions count (demonyms in ``adjectival`` are not entities in UNER).  Use
``eval_ner.py`` for actors and locations together and for spaCy beside them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_ner import build_units, prf, read_sentences, score, write_errors  # noqa: E402

from extractors import Document  # noqa: E402
from extractors.locations import extract_locations  # noqa: E402


def location_spans(doc: Document) -> set[tuple[int, int, str]]:
    return {(m.start, m.end, "LOC") for place in extract_locations(doc) for m in place.mentions}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="UNER IOB2 file")
    parser.add_argument("--unit", choices=("document", "sentence"), default="document")
    parser.add_argument("--errors", type=Path, help="write exact-match LOC errors to this file")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = parser.parse_args(argv)

    units = build_units(read_sentences(args.data), args.unit)
    for unit in units:
        unit.gold = [span for span in unit.gold if span[2] == "LOC"]
    chars = sum(len(unit.text) for unit in units)
    location_spans(Document("Warm up in Paris."))
    documents = [Document(unit.text) for unit in units]  # sentence splitting is not the extractor's time
    wall, cpu = [], []
    for _ in range(args.repeat):  # best of several: the machine may be shared
        started, started_cpu = time.perf_counter(), time.process_time()
        predictions = [location_spans(doc) for doc in documents]
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    scores = score(units, predictions)
    print(
        f"{args.data}: {len(units)} {args.unit}s, {chars:,} chars; locations: "
        f"{chars / min(wall):,.0f} chars/s wall, {chars / min(cpu):,.0f} chars/s CPU (best of {args.repeat})"
    )
    for mode in ("exact", "overlap"):
        tp, predicted, gold = scores[mode]["LOC"]
        precision, recall, f1 = prf(tp, predicted, gold)
        print(f"LOC {mode:<8} P {precision:5.1f}  R {recall:5.1f}  F1 {f1:5.1f}   (tp {tp}, predicted {predicted}, gold {gold})")
    if args.errors:
        write_errors(args.errors, units, predictions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
