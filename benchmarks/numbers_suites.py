"""Score factsift's numbers extractor and quantulum3 side by side on public test suites.

    python benchmarks/numbers_suites.py --data ../shared/eval/numbers [--failures]

Suites (see SOURCES.md in the data folder): quantulum3's own ``quantities.json`` and
Microsoft Recognizers-Text's English ``NumberModel.json``, ``PercentModel.json`` and
``OrdinalModel.json``.

How a case is scored, the same way for both tools:
- the case passes when the multiset of values a tool extracts equals the multiset of
  expected values, each pair within 0.5% (absolute 1e-9 near zero);
- a range counts as its midpoint (quantulum3's own convention for ranges), a vague
  amount ("thousands") and a date have no value and are left out, identifiers are left out;
- ordinals ("third", "21st") are scored only on OrdinalModel.json, where only ordinals
  count: quantulum3's file and NumberModel expect no ordinals, and quantulum3 has no kind
  to tell them apart, so it is scored on all it finds everywhere;
- Recognizers' values are strings: "100%" counts as 100; a "null" percentage (a share
  told only by its size, "a small percent") is matched by a percent figure without a
  value, which factsift gives and quantulum3 cannot; other values that are not numbers
  (relative ordinals such as "end") no tool gives, so those cases fail for both;
- quantulum3 runs without its optional scikit-learn classifier (it only loads with
  scikit-learn 1.8.0), i.e. with its built-in disambiguation;
- every case is scored; the cases Recognizers marks NotSupported for its own Python port
  are also scored separately, so the table shows both figures.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.document import Document  # noqa: E402
from extractors.numbers import extract_numbers  # noqa: E402

TOLERANCE = 0.005


def factsift_values(text: str, *, ordinals: bool = False) -> list[float | None]:
    """Values of the figures; ``ordinals`` selects ordinals only (OrdinalModel), else they are left out.

    A percent without a value ("a small percent") is None, Recognizers' "null" percentage.
    """
    values = []
    for number in extract_numbers(Document(text)):
        if (number.kind == "ordinal") != ordinals:
            continue
        if number.kind == "range" and number.low is not None and number.high is not None:
            values.append((number.low + number.high) / 2)
        elif number.value is not None and number.kind != "date":
            values.append(float(number.value))
        elif number.kind == "percent":
            values.append(None)
    return values


def quantulum_values(text: str) -> list[float]:
    from quantulum3 import classifier, parser

    # Its optional classifier only unpickles with scikit-learn 1.8.0; without it quantulum3
    # uses its own dictionary disambiguation (USE_CLF is the package's switch for that).
    classifier.USE_CLF = False

    try:
        return [float(quantity.value) for quantity in parser.parse(text)]
    except Exception as error:  # a crash of the other tool fails the case, it does not stop the run
        print(f"quantulum3 raised {type(error).__name__} on {text[:60]!r}", file=sys.stderr)
        return []


def same_values(found: list[float | None], expected: list[float | None]) -> bool:
    """Equal multisets: numbers within the tolerance, None only with None."""
    if found.count(None) != expected.count(None):
        return False
    found_numbers = sorted(value for value in found if value is not None)
    expected_numbers = sorted(value for value in expected if value is not None)
    return len(found_numbers) == len(expected_numbers) and all(map(_close, found_numbers, expected_numbers))


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=1e-9)


def load_quantulum_suite(path: Path) -> list[dict]:
    cases = json.loads(path.read_text(encoding="utf-8"))
    return [{"text": case["req"], "expected": [float(r["value"]) for r in case["res"]], "python_unsupported": False} for case in cases]


_NOT_A_NUMBER = float("nan")  # a relative ordinal ("end", "current"): no tool gives it


def _recognizers_value(raw: str, type_name: str) -> float | None:
    """The expected value: a number, None for a "null" percentage, NaN for what no tool gives."""
    if raw == "null" and type_name == "percentage":
        return None
    try:
        return float(raw.rstrip("%"))
    except ValueError:
        return _NOT_A_NUMBER


def load_recognizers_suite(path: Path) -> list[dict]:
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    loaded = []
    for case in cases:
        values = [_recognizers_value(str(result["Resolution"].get("value")), result["TypeName"]) for result in case["Results"]]
        loaded.append({
            "text": case["Input"],
            "expected": values,  # NaN stays in: no value equals it, the case fails for both
            "python_unsupported": "python" in case.get("NotSupported", "").lower(),
        })
    return loaded


def score(cases: list[dict], tool) -> tuple[int, int, list[dict]]:
    passed = passed_supported = 0
    failures = []
    for case in cases:
        found = tool(case["text"])
        ok = same_values(found, case["expected"])
        passed += ok
        passed_supported += ok and not case["python_unsupported"]
        if not ok:
            failures.append({"text": case["text"], "expected": case["expected"], "found": found})
    return passed, passed_supported, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with quantities.json and the Recognizers *Model.json files")
    parser.add_argument("--failures", action="store_true", help="print factsift's failed cases")
    args = parser.parse_args()
    suites = {
        "quantities.json": load_quantulum_suite(args.data / "quantities.json"),
        "NumberModel.json": load_recognizers_suite(args.data / "NumberModel.json"),
        "PercentModel.json": load_recognizers_suite(args.data / "PercentModel.json"),
        "OrdinalModel.json": load_recognizers_suite(args.data / "OrdinalModel.json"),
    }
    tools = {"factsift": factsift_values, "quantulum3": quantulum_values}
    quantulum_values("warm up 1 km")  # its lazy unit loading is not part of any case
    header = f"{'suite':<20}{'cases':>6}{'no-value':>9}{'py-unsup':>9}" + "".join(f"{name + ' all':>16}{name + ' w/o py-unsup':>26}" for name in tools)
    print(header)
    print("-" * len(header))
    all_failures = {}
    for suite_name, cases in suites.items():
        no_value = sum(any(value is None or math.isnan(value) for value in case["expected"]) for case in cases)
        unsupported = sum(case["python_unsupported"] for case in cases)
        row = f"{suite_name:<20}{len(cases):>6}{no_value:>9}{unsupported:>9}"
        for tool_name, tool in tools.items():
            if tool_name == "factsift" and suite_name == "OrdinalModel.json":
                tool = functools.partial(factsift_values, ordinals=True)
            passed, passed_supported, failures = score(cases, tool)
            row += f"{passed:>7}/{len(cases):<3} {100 * passed / len(cases):5.1f}%"
            supported = len(cases) - unsupported
            row += f"{passed_supported:>15}/{supported:<3} {100 * passed_supported / max(1, supported):5.1f}%"
            if tool_name == "factsift":
                all_failures[suite_name] = failures
        print(row)
    print("\nno-value: cases with an expected value that is not a number: a \"null\" percentage (\"a small percent\"), matched by"
          " a percent figure without a value; relative ordinals (\"end\"), which fail for both tools.\npy-unsup: cases Recognizers marks NotSupported for its Python port;"
          " 'w/o py-unsup' scores the other cases only.")
    if args.failures:
        for suite_name, failures in all_failures.items():
            print(f"\n## factsift failures in {suite_name}: {len(failures)}")
            for failure in failures:
                print(f"  {failure['text'][:110]!r}\n      expected {failure['expected']}  found {[round(v, 6) for v in failure['found']]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
