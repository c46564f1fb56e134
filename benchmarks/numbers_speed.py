"""Characters a second of the numbers extractor, beside quantulum3 on the same text, and linear scaling.

    python benchmarks/numbers_speed.py [--seed ../shared/seed] [--size 2000000] [--quantulum-chars 100000]

The text (about 2 MB) is built from paragraphs of the articles in samples/ (if present)
and the seed article (if given), and generated news-like paragraphs (seven sentences in ten
without a figure, the others dense with figures).  The sample articles alone, which were
written to be dense with figures, are timed too.  Nothing of it
is written to disk.  factsift's extractor runs on the whole text as one document
(after one warm-up call, so the unit index is loaded; best of three runs, of two for
the 10x text); quantulum3.parse is fed the same
text paragraph by paragraph, as fast as it goes, on the first ``--quantulum-chars``
characters (it manages tens of kilobytes a second), and its rate is that sample's rate.
Linear scaling: the extractor's time on the text and on ten copies of it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.document import Document  # noqa: E402
from extractors.numbers import extract_numbers  # noqa: E402

_TEMPLATES = (
    "Officials said {n} people were killed and as many as {n2} injured when the {ord} storm of the season struck on {day}.",
    "The company reported revenue of ${m} billion for the {ord} quarter, up {p}% from a year earlier.",
    "About {n} households, or roughly one in {small} residents, were without power across {n2} square kilometres.",
    "Prices rose {p} percent in {month} {year}, the fastest pace since {year2}, while wages grew {p2} per cent.",
    "The government pledged £{m}m ({m2} million euros) to rebuild {n} homes between {small} and {small2} kilometres from the coast.",
    "Thousands of workers joined the strike, and tens of thousands more are expected next week, union leaders said.",
    "The {m}-magnitude earthquake struck at a depth of {small} km, about {n} miles south-east of the capital.",
    "Temperatures reached {small}C on {day}, and at least {n} flights were cancelled at the airport.",
    "Analysts expect between {p} and {p2} percent growth this year, below the {p}% forecast in {month}.",
    "Twenty-three lawmakers voted against the bill, which needs two thirds of the {n}-member chamber.",
)
# Most sentences of a news report carry no figure at all.
_PLAIN = (
    "The minister told reporters that the government would review the decision after consulting regional leaders.",
    "Residents described scenes of confusion as emergency crews worked through the night to clear the roads.",
    "Critics said the plan did little to address the underlying causes of the crisis, which has deepened in recent months.",
    "The central bank said it remained committed to bringing inflation back to its target over the medium term.",
    "Opposition lawmakers accused the prime minister of ignoring warnings from his own advisers about the risks.",
    "A spokesperson for the company declined to comment on the talks, citing commercial confidentiality.",
    "Aid agencies have warned that access to the worst-hit districts remains difficult because of damaged bridges.",
    "Analysts said investors were waiting for clearer signals from policymakers before committing new capital.",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_MONTHS = ("January", "March", "June", "September", "December")
_ORDINALS = ("first", "second", "third", "fourth", "10th")


def generated_sentences(count: int, rng: random.Random) -> list[str]:
    sentences = []
    for _ in range(count):
        if rng.random() < 0.7:
            sentences.append(rng.choice(_PLAIN))
            continue
        template = rng.choice(_TEMPLATES)
        sentences.append(template.format(
            n=f"{rng.randint(2, 99_999):,}", n2=f"{rng.randint(100, 20_000):,}", m=round(rng.uniform(1, 99), 1),
            m2=rng.randint(2, 900), p=round(rng.uniform(0.1, 15), 1), p2=round(rng.uniform(0.1, 15), 1),
            small=rng.randint(2, 40), small2=rng.randint(41, 90), ord=rng.choice(_ORDINALS), day=rng.choice(_DAYS),
            month=rng.choice(_MONTHS), year=rng.randint(1990, 2025), year2=rng.randint(1950, 1989),
        ))
    return sentences


def sample_articles(seed_dir: Path | None) -> str:
    """The articles in samples/ and the seed folder, joined."""
    paths = sorted((ROOT / "samples").glob("*.txt")) + (sorted(seed_dir.glob("*.txt")) if seed_dir is not None else [])
    return "\n\n".join(path.read_text(encoding="utf-8") for path in paths)


def build_text(size: int, seed_dir: Path | None) -> str:
    """News-like text of about ``size`` characters, in paragraphs."""
    rng = random.Random(7)
    paragraphs = [paragraph for paragraph in sample_articles(seed_dir).split("\n") if paragraph.strip()]
    parts: list[str] = []
    length = 0
    while length < size:
        if paragraphs and rng.random() < 0.3:
            paragraph = rng.choice(paragraphs)
        else:
            paragraph = " ".join(generated_sentences(rng.randint(2, 5), rng))
        parts.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(parts)


def time_factsift(text: str, *, repeat: int) -> tuple[float, int]:
    """The best of ``repeat`` runs (other processes on a shared machine only ever slow a run down)."""
    doc = Document(text)  # splitting sentences is the document's cost, not the extractor's
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        numbers = extract_numbers(doc)
        best = min(best, time.perf_counter() - started)
    return best, sum(1 + len(number.repeats) for number in numbers)  # every mention, folded or not


def time_quantulum(text: str) -> tuple[float, int, int]:
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False  # its classifier only loads with scikit-learn 1.8.0
    parser.parse("warm up: 1 km")  # its lazy unit loading (seconds) is left out
    paragraphs = [paragraph for paragraph in text.split("\n\n") if paragraph.strip()]
    started = time.perf_counter()
    found = sum(len(parser.parse(paragraph)) for paragraph in paragraphs)
    return time.perf_counter() - started, found, sum(len(paragraph) for paragraph in paragraphs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=None, help="folder with the seed article(s), e.g. ../shared/seed")
    parser.add_argument("--size", type=int, default=2_000_000, help="characters of text (default 2,000,000)")
    parser.add_argument("--quantulum-chars", type=int, default=100_000, help="characters fed to quantulum3 (default 100,000)")
    args = parser.parse_args()

    started = time.perf_counter()
    extract_numbers(Document("warm up: 5 km and $3 million"))  # loads the unit index once
    print(f"first call (unit index load and pattern compile): {time.perf_counter() - started:.3f} s")

    text = build_text(args.size, args.seed)
    seconds, found = time_factsift(text, repeat=3)
    rate = len(text) / seconds
    print(f"factsift numbers: {len(text):,} chars in {seconds:.3f} s = {rate:,.0f} chars/s ({found:,} figures)")

    if articles_text := sample_articles(args.seed):
        dense = "\n\n".join([articles_text] * max(1, args.size // len(articles_text)))
        dense_seconds, dense_found = time_factsift(dense, repeat=3)
        print(f"factsift numbers on the sample articles alone (one figure every {len(dense) // max(1, dense_found)} chars): "
              f"{len(dense) / dense_seconds:,.0f} chars/s")

    big = "\n\n".join([text] * 10)
    big_seconds, _ = time_factsift(big, repeat=2)
    print(f"linear scaling: 1x {seconds:.3f} s, 10x {big_seconds:.3f} s, ratio {big_seconds / seconds:.1f} (10 is linear)")

    # quantulum3 last: importing it (scikit-learn, numpy) enlarges the heap that Python's
    # garbage collector walks, which would slow the runs above if it came first.
    sample = text[: args.quantulum_chars]
    q_seconds, q_found, q_chars = time_quantulum(sample)
    q_rate = q_chars / q_seconds
    print(f"quantulum3.parse per paragraph: {q_chars:,} chars in {q_seconds:.3f} s = {q_rate:,.0f} chars/s ({q_found:,} quantities)")
    print(f"factsift / quantulum3: {rate / q_rate:.1f}x")

    return 0


if __name__ == "__main__":
    sys.exit(main())
