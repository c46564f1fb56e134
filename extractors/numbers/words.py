"""Number words: the vocabulary and a small parser for runs of them.

A run is what the scanner matched: words such as "two hundred and forty",
"half a million", "twenty-three fifths", "one and a half", separated by spaces,
hyphens, "and" or commas.  ``parse_run`` turns it into one or more numbers
(a run may hold several: "three-nought-four" is 3, 0 and 4).
"""

from __future__ import annotations

from dataclasses import dataclass

SMALL = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "lakh": 10**5, "crore": 10**7}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 10**3, "millionth": 10**6, "billionth": 10**9, "trillionth": 10**12,
}
# Denominators of fractions: "two thirds", "a quarter", "one half".
DENOMINATORS = {name: value for name, value in ORDINALS.items() if value > 2} | {"half": 2, "quarter": 4}
PLURAL_DENOMINATORS = {name + "s": value for name, value in DENOMINATORS.items() if name not in ("half",)} | {"halves": 2}
# Vague plurals: "thousands" means at least a thousand, value unknown.
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9, "trillions": 10**12}

PLURAL_SCALES = frozenset(("hundreds", "thousands", "millions", "billions", "trillions"))
CARDINAL_WORDS = tuple(SMALL) + tuple(TENS) + ("hundred", "dozen", "dozens") + tuple(SCALES)
ALL_WORDS = CARDINAL_WORDS + tuple(ORDINALS) + tuple(PLURAL_DENOMINATORS) + ("half", "quarter", "quarters") + tuple(PLURAL_SCALES)
# The same words as sets, for the parser's membership tests: "in" a tuple compares word after word (a microsecond
# for a word that is none of them, as the one that follows a run mostly is).
_CARDINALS = frozenset(CARDINAL_WORDS)
_NUMBER_WORDS = frozenset(ALL_WORDS)


@dataclass(frozen=True, slots=True)
class WordNumber:
    """A number read from words: token span [first, last] and its value."""

    first: int
    last: int
    value: float | int
    ordinal: bool = False
    fraction: bool = False


def clean_number(value: float | int) -> float | int:
    """Whole values as int (5000, not 5000.0); others rounded to 10 places (1/3 -> 0.3333333333)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return round(value, 10) if isinstance(value, float) else value


class _Builder:
    """Accumulates one cardinal: "two hundred and two thousand" -> 202000."""

    def __init__(self) -> None:
        self.total = 0
        self.current = 0
        self.last = ""  # kind of the last token: small, tens, hundred, scale, dozen
        self.empty = True

    def value(self) -> int:
        return self.total + self.current

    def accepts(self, word: str) -> bool:
        if self.empty:
            return True
        if word in SMALL:
            value = SMALL[word]
            return self.last in ("hundred", "scale") or (self.last == "tens" and 0 < value < 10)
        if word in TENS:
            return self.last in ("hundred", "scale")
        if word == "hundred":
            return self.last in ("small", "tens") and self.current < 100
        if word in SCALES:
            return self.last in ("small", "tens", "hundred", "scale", "dozen") and (self.last != "scale" or SCALES[word] > 10**4)
        if word in ("dozen", "dozens"):
            return self.last in ("small", "tens", "hundred")
        return False

    def add(self, word: str) -> None:
        if word in SMALL:
            self.current += SMALL[word]
            self.last = "small"
        elif word in TENS:
            self.current += TENS[word]
            self.last = "tens"
        elif word == "hundred":
            self.current = (self.current or 1) * 100
            self.last = "hundred"
        elif word in SCALES:
            if self.last == "scale" and self.current == 0:
                self.total *= SCALES[word]  # "three lakh crore"
            else:
                self.total += (self.current or 1) * SCALES[word]
                self.current = 0
            self.last = "scale"
        else:  # dozen
            self.current = (self.current or 1) * 12
            self.last = "dozen"
        self.empty = False


def parse_run(words: list[str]) -> list[WordNumber]:
    """Read the numbers in a run of lower-cased number words and joiners.

    ``words`` holds number words, "a"/"an", "and", "point", "of" in order; the
    caller appends any other word (say "visit") that follows the run, so that
    "a third visit" stays an ordinal while "a third" at a clause end is 1/3.
    Returns numbers with the index of their first and last word.
    """
    words = ["and" if word == "&" else word for word in words]
    for i in range(1, len(words)):
        if words[i] in PLURAL_SCALES and (words[i - 1] in SMALL or words[i - 1] in TENS):
            words[i] = words[i][:-1]  # "five hundreds" reads as "five hundred"
    found: list[WordNumber] = []
    i = 0
    n = len(words)
    while i < n:
        number, i = _read_one(words, i)
        if number is not None:
            found.append(number)
    return found


def _read_one(words: list[str], i: int) -> tuple[WordNumber | None, int]:
    start = i
    word = words[i]
    if word not in _NUMBER_WORDS and word not in ("a", "an"):
        return None, i + 1
    if word in ("a", "an"):
        return _read_article(words, i)
    if word in ORDINALS and not _is_fraction_context(words, i, numerator=None):
        return WordNumber(i, i, ORDINALS[word], ordinal=True), i + 1
    if word in ("half", "quarter"):
        return _read_fraction_tail(words, i, 1, start)
    if word in PLURAL_DENOMINATORS or word == "quarters":
        return None, i + 1
    builder = _Builder()
    last = i - 1
    while i < len(words) and words[i] in _CARDINALS and builder.accepts(words[i]):
        builder.add(words[i])
        last = i
        i += 1
        if i < len(words) - 1 and words[i] == "and" and words[i + 1] in _CARDINALS and builder.last in ("hundred", "scale"):
            fraction_follows = words[i + 1] in SMALL and i + 2 < len(words) and (
                words[i + 2] in PLURAL_DENOMINATORS or words[i + 2] == "quarters" or words[i + 1] == "one" and words[i + 2] in DENOMINATORS
            )
            if builder.accepts(words[i + 1]) and not fraction_follows:
                i += 1
    if builder.empty:
        return None, i + 1
    value: float | int = builder.value()
    # compound ordinals: "twenty-first", "one hundred twenty-fifth", "two hundredth"
    if i < len(words) and words[i] in ORDINALS and not _is_fraction_context(words, i, numerator=words[last]):
        ordinal = ORDINALS[words[i]]
        if ordinal >= 100:
            return WordNumber(start, i, value * ordinal, ordinal=True), i + 1
        if builder.last in ("tens", "hundred", "scale") and ordinal < 10 or builder.last in ("hundred", "scale"):
            return WordNumber(start, i, value + ordinal, ordinal=True), i + 1
    # decimals spelled out: "two hundred point zero three", "five point five"
    if i < len(words) - 1 and words[i] == "point" and (words[i + 1] in SMALL or words[i + 1] in TENS):
        value, last, i = _read_decimals(words, i + 1, value)
    # "one and a half", "twenty and three fifths"
    if i < len(words) and words[i] == "and":
        tail = _read_and_fraction(words, i + 1)
        if tail is not None:
            frac, end = tail
            scale = SCALES.get(words[last]) if builder.last == "scale" and builder.current == 0 else None
            value = value + frac * (scale or 1)
            last, i = end, end + 1
    # a fraction with this numerator: "two thirds", "twenty-three fifths"
    if i < len(words) and (words[i] in PLURAL_DENOMINATORS or words[i] in ("quarters",) or words[i] in DENOMINATORS and value == 1):
        denominator = PLURAL_DENOMINATORS.get(words[i]) or DENOMINATORS.get(words[i]) or 4
        return _read_fraction_tail(words, i, value, start, denominator)
    # "five and a half million": handled by "and" above; "1.5 million" is digits.
    if i < len(words) and words[i] in SCALES and isinstance(value, float):
        value *= SCALES[words[i]]
        last, i = i, i + 1
    return WordNumber(start, last, clean_number(value)), i


def _read_article(words: list[str], i: int) -> tuple[WordNumber | None, int]:
    """"a hundred", "a dozen", "a third of", "a half", "a quarter"."""
    if i + 1 >= len(words):
        return None, i + 1
    following = words[i + 1]
    if following in ("hundred", "thousand", "million", "billion", "trillion", "dozen", "lakh", "crore"):
        words[i] = "one"  # "a hundred" reads as "one hundred"; the list is parse_run's own copy
        return _read_one(words, i)
    if following in ("half", "quarter") or following in DENOMINATORS and _is_fraction_context(words, i + 1, numerator="a"):
        return _read_fraction_tail(words, i + 1, 1, i, DENOMINATORS[following])
    return None, i + 1


def _is_fraction_context(words: list[str], i: int, *, numerator: str | None) -> bool:
    """"third" is an ordinal unless it follows a numerator ("a third of", "one third")."""
    if numerator is None:
        return False
    if numerator == "a":
        return i + 1 >= len(words) or words[i + 1] in ("of",)
    return numerator in SMALL and words[i] in DENOMINATORS and SMALL[numerator] == 1 and i > 0 and words[i - 1] == numerator


def _read_fraction_tail(words: list[str], i: int, numerator: float, start: int, denominator: int | None = None) -> tuple[WordNumber, int]:
    """At a denominator word: the fraction, scaled by "of a million" / "a million" / "million"."""
    denominator = denominator or DENOMINATORS.get(words[i], 2)
    value = numerator / denominator
    last = i
    i += 1
    # "half a million", "two thirds of a million", "quarter million", "half a dozen"
    j = i
    if j < len(words) and words[j] == "of":
        j += 1
    if j < len(words) and words[j] in ("a", "an"):
        j += 1
    if j < len(words) and (words[j] in SCALES or words[j] in ("hundred", "dozen")):
        value *= SCALES.get(words[j]) or (100 if words[j] == "hundred" else 12)
        last, i = j, j + 1
    return WordNumber(start, last, clean_number(value), fraction=True), i


def _read_and_fraction(words: list[str], i: int) -> tuple[float, int] | None:
    """After "and": "a half", "a quarter", "three quarters", "two thirds", "a third"."""
    if i >= len(words):
        return None
    if words[i] in ("a", "an", "one") and i + 1 < len(words) and words[i + 1] in DENOMINATORS:
        return 1 / DENOMINATORS[words[i + 1]], i + 1
    if words[i] == "half":
        return 0.5, i
    if words[i] in SMALL and i + 1 < len(words) and (words[i + 1] in PLURAL_DENOMINATORS or words[i + 1] == "quarters"):
        return SMALL[words[i]] / (PLURAL_DENOMINATORS.get(words[i + 1]) or 4), i + 1
    return None


def _read_decimals(words: list[str], i: int, whole: float) -> tuple[float, int, int]:
    """Digits after "point": "zero three" -> .03, "seventy-one" -> .71, "eleven" -> .11."""
    digits = ""
    last = i
    while i < len(words) and (words[i] in SMALL or words[i] in TENS):
        word = words[i]
        if word in TENS and i + 1 < len(words) and words[i + 1] in SMALL and 0 < SMALL[words[i + 1]] < 10:
            digits += str(TENS[word] + SMALL[words[i + 1]])
            i += 1
        else:
            digits += str(SMALL.get(word, TENS.get(word)))
        last = i
        i += 1
    return whole + float("0." + digits), last, i
