"""Rules that read one figure at a scanner hit: value, scale, unit, range, qualifier, counted."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ..document import Document
from ..patterns import DualPattern
from ..records import Number, Span
from . import patterns as p
from .counted import counted_after, counted_before
from .units import Unit, index
from .words import VAGUE, clean_number, parse_run

_UNICODE_FRACTIONS = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
                      "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}
# Symbols that are also English words or lone letters: a unit only when fused ("2pm" is a clock, "10m" metres).
_WORDLIKE_SYMBOLS = frozenset("a in am pm at as is it be by do go he me my no of on or so to up us we an ha bar cup set pair drop gross".split())
_SPACED_LETTERS = frozenset("m g L t W V J N C F K A".split())
_ANAPHORA_WORDS = ("the", "these", "those", "their", "its", "our", "both")
_ANAPHORA_BEFORE = p.before(rf"(?i)\b(?:{'|'.join(_ANAPHORA_WORDS)})\s++$")
_PRONOUN_ONE_BEFORE = p.before(r"(?i)\b(?:the|this|that|which|each|every|no|any|some|another|such|a|only|last)\s++$")
_PRONOUN_ONE_AFTER = p.lazy(r"(?i)\s++(?:another|other|who|that|which|of\s+(?:us|them|you|those))\b|'s\b|’s\b")
_TIME_WORD_BEFORE = p.before(r"(?i)\b(?:per|a\s+split|every|each)\s++$")
_MONTH_CONTEXT_BEFORE = p.before(r"(?i)\b(?:in|on|since|until|till|by|from|through|during|early|late|mid|last|next|this|of|before|after)[\s-]++$")
_NEGATIVE_WORDS = ("minus", "negative")
_NEGATIVE_WORD = p.before(rf"(?i)\b(?:{'|'.join(_NEGATIVE_WORDS)})\s++$")
_YEAR_CONTEXT_BEFORE = p.before(r"(?i)(?:\b(?:in|since|until|till|by|from|through|during|early|late|mid|before|after|of|year|fiscal|between|and|to|the|summer|spring|autumn|fall|winter)|[,(–-])[\s-]*+$")


@dataclass(slots=True)
class _Figure:
    """A figure being read; becomes a ``Number`` when done."""

    start: int
    end: int
    value: float | int | None
    kind: str = "cardinal"
    unit: str | None = None
    qualifier: str = "exact"
    low: float | int | None = None
    high: float | int | None = None
    multiplier: int = 1  # the scale word applied to the digits: "3 million" -> 10**6
    from_digits: bool = True
    fraction: bool = False


def read_figures(doc: Document) -> list[Number]:
    """Scan the whole text once and read every figure in order, each figure once."""
    text = doc.text
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters ("İ") grow when lower-cased
        lowered = text.translate(_ASCII_LOWER)
    found: list[Number] = []
    position = 0
    for start, word in _triggers(text, lowered):
        if start < position:
            continue
        if word is not None and word.lastgroup == "article":
            figure = _read_article_unit(lowered, start, word.end())
            match = None
        else:
            match = _match_at(text, start)
            figure = _read_vague_share(text, start, word.group()[1:]) if match is None and word is not None else None
        if match is None:
            if figure is not None:
                found.append(_finish(doc, figure))
                position = figure.end
            continue
        figures, position = _read_hit(text, match)
        for figure in figures:
            found.append(_finish(doc, figure))
    return _fold_mentions(found)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# ``regex``'s ``\s``, spelled out for the word trigger: ``re`` also reads "\x1c"-"\x1f" as spaces, ASCII as they are.
_SPACE = r"[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_NON_WORD = DualPattern(r"\W")


def _triggers(text: str, lowered: str) -> list[tuple[int, object]]:
    """Places where a figure may start, in text order (see ``patterns.DIGIT_TRIGGER``): each its offset and,
    at a word, the word trigger's match (see ``_word_trigger``), whose offsets are one past the text's.

    No two triggers share an offset (a digit or sign is no letter), so sorting the pairs never compares matches.
    """
    padded = " " + lowered
    triggers = [(match.start(), None) for match in _digit_trigger().finditer(text)]
    if padded.isascii():  # where ``re`` and ``regex`` read the trigger alike: no need to ask which one is right
        triggers += [(match.start(), match) for match in _ascii_word_trigger().finditer(padded)]
    else:
        triggers += [
            (match.start(), match) for match in _word_trigger().finditer(padded)
            if padded[match.start()].isascii() or _NON_WORD.fullmatch(padded[match.start()])
        ]
    triggers.sort()
    return triggers


@functools.cache
def _digit_trigger() -> re.Pattern:
    return re.compile(p.DIGIT_TRIGGER)


@functools.cache
def _word_trigger() -> DualPattern:
    """Number, date and vague words; and "a"/"an" before the opening of a unit it may count ("a gallon").

    The unit names are looked up in a dict there: in the prefix tree they would double its size and its scan time.
    Each match opens with the character before the word, one that is no ASCII word character (``_triggers`` drops
    the rare non-ASCII word characters, "é"): where ``\\b`` stands before a letter.  Opening with a character class,
    the pattern lets the engine skip in C to the next space or sign and try the words there only; a leading ``\\b``
    was tried at every character, at twice the cost.  It scans the text after an added space, so that a word at
    the start has a character before it too.
    """
    words = sorted(set(p.TRIGGER_WORDS))
    after_a = p.trie_pattern([word[1:] for word in words if word.startswith("a")])
    others = p.trie_pattern([word for word in words if not word.startswith("a")])
    openings = p.trie_pattern(sorted(_article_unit_openings()))
    return DualPattern(rf"[^a-z0-9_](?:a(?:{after_a}|(?P<article>n?)(?={_SPACE}{openings}))|{others})\b")


@functools.cache
def _ascii_word_trigger() -> re.Pattern:
    """``_word_trigger`` for ASCII text, where both engines read ``\\b`` and ``_SPACE`` alike: ``re`` runs it without
    the look over the whole text that ``DualPattern`` takes to choose."""
    return re.compile(_word_trigger().pattern)


@functools.cache
def _article_units() -> dict[str, Unit]:
    """Singular unit names worth one when counted by "a"/"an": "a gallon", "a penny", "a megawatt"; not "a day",
    "a point", "a quarter" (a number word), nor units of physics labs whose names are everyday words ("a mole",
    "a gray area", "a candle")."""
    return {
        surface: unit
        for surface, unit in index().surfaces.items()
        if surface.isalpha() and len(surface) > 3 and unit.entity in _ARTICLE_ENTITIES
        and surface not in _NOT_ARTICLE_UNITS and surface not in p.TRIGGER_WORDS and not surface.endswith("s")
    }


@functools.cache
def _article_unit_openings() -> frozenset[str]:
    """The first four letters of each of ``_article_units`` (all longer than three, all letters): only before one
    of them can "a"/"an" count a unit."""
    return frozenset(surface[:4] for surface in _article_units())


_ARTICLE_ENTITIES = frozenset(("length", "mass", "area", "volume", "currency", "power", "energy", "data storage"))
# Unit names that are also common words: "a real problem", "a league", "a span of years", "a peck on the cheek".
_NOT_ARTICLE_UNITS = frozenset(
    """degree point gross second minute pound mark dash pinch drop sheet block stone line hand bolt magnitude
    barn league span real mill rand peck quartet tetrad tetrade nibble nybble nyble quad nucleotide twip""".split()
)


def _read_article_unit(lowered: str, start: int, end: int) -> _Figure | None:
    """"a gallon", "an acre", "a dollar": one unit, counted by the article at ``start:end`` (its space included)."""
    word = p.WORD_TOKEN.match(lowered, end)
    if word is None or lowered[word.end():word.end() + 1].isalnum() or lowered[word.end():word.end() + 1] == "_":
        return None
    unit = _article_units().get(word.group())
    if unit is None:
        return None
    if unit.entity == "currency":
        return _Figure(start, word.end(), 1, kind="money", unit=unit.code or unit.name, from_digits=False)
    return _Figure(start, word.end(), 1, kind="quantity", unit=unit.name, from_digits=False)


def _read_vague_share(text: str, start: int, noun: str) -> _Figure | None:
    """"a small percentage of voters", "a tiny fraction of": a proportion told by its size, not its value.

    A bare "a percentage" or "the %" is no figure; "share" is one only before "of" ("a large share of the vote"),
    as it is also a stock ("a large share buyback"); "a large percentage-point cut" is the size of a change.
    """
    end = start + len(noun)
    if noun not in p.SHARE_NOUNS or noun == "share" and not text.startswith(" of ", end):
        return None
    if text.startswith((" point", "-point"), end):
        return None
    size = p.SHARE_SIZE_BEFORE.search(text, max(0, start - 40), start)
    if size is None:
        return None
    return _Figure(size.start(), end, None, kind="percent", unit="percent", qualifier="vague", from_digits=False)


def _match_at(text: str, start: int):
    """The scanner's match at a trigger, starting earlier for "a hundred", "this year", "US$5", "+1 555", "(555)"."""
    may_lead = text[start].isalpha() and p.may_end_with(text, start, 12, p.LEADS)
    lead = p.LEAD_WORDS.search(text, max(0, start - 12), start) if may_lead else None
    candidates = [lead.start()] if lead is not None else []
    if text[start] == "$" and start >= 1 and text[start - 1].isupper():
        candidates.append(start - 2 if start >= 2 and text[start - 2].isupper() else start - 1)
    if start and text[start - 1] in "+(-−.":
        candidates.append(start - 1)
    candidates.append(start)
    for candidate in candidates:
        match = p.scan_at(text, candidate)
        if match is not None:
            return match
    return None


def _fold_mentions(numbers: list[Number]) -> list[Number]:
    """The same figure told again ("5,000 construction workers" twice) is one record; later places go to ``repeats``."""
    first: dict[tuple, int] = {}
    kept: list[Number] = []
    later: dict[int, list[Span]] = {}
    for number in numbers:
        if number.kind != "identifier" and (number.counted is not None or number.kind in ("date", "year")):  # foldable
            key = (number.text, number.value, number.low, number.high, number.unit, number.kind, number.qualifier, number.counted)
            if key in first:
                later.setdefault(first[key], []).append(Span(number.start, number.end))
                continue
            first[key] = len(kept)
        kept.append(number)
    for place, spans in later.items():
        kept[place] = replace(kept[place], repeats=kept[place].repeats + tuple(spans))
    return kept


def _read_hit(text: str, match) -> tuple[list[_Figure], int]:
    """The figures that start at a scanner hit and where scanning resumes."""
    group = match.lastgroup
    if group == "skip":
        return [], match.end()
    if group == "date":
        return _read_date(text, match)
    if group == "ident":
        start = match.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-‐"):
            start -= 1  # "F-16", "COVID-19": the whole name
        return [_Figure(start, match.end(), None, kind="identifier")], match.end()
    if group == "vague":
        return [_read_vague(match)], match.end()
    if group == "words":
        figures = _read_words(text, match)
    elif group == "unicode_fraction":
        figures = [_Figure(match.start(), match.end(), _UNICODE_FRACTIONS[match.group()], fraction=True)]
    else:
        figures = [_read_numeric(text, match)]
    if not figures:
        return [], match.end()
    last = _extend(text, figures[-1])
    figures[-1] = _read_ratio(text, last) or _read_range(text, last) or last
    return figures, max(match.end(), figures[-1].end)


# ---- the figure itself -----------------------------------------------------------------------------------------------

def _word_before(text: str, start: int) -> bool:
    """A cheap look before the context patterns: a word (or "No.") ends just before ``start``."""
    return start >= 2 and text[start - 1] in " \u00a0-" and (text[start - 2].isalpha() or text[start - 2] == ".")


def _after_a_space(text: str, end: int) -> str:
    """The character at ``end``, or the one after it when it is a space: where a pattern that opens with ``\\s?``
    can first tell a match (the scale and percent patterns are tried only where it could start them)."""
    char = text[end:end + 1]
    return text[end + 1:end + 2] if char.isspace() else char


_ORDINAL_SUFFIXES = frozenset(("st", "nd", "rd", "th"))
_SCALE_STARTS = frozenset("mMbBtThHlLcCdDkKG")  # million, bn, thousand, hundred, lakh, crore, dozen, k, G
_PERCENT_STARTS = frozenset("%pP")


def _may_continue(text: str, end: int) -> bool:
    """A cheap look before the scale, percent and unit patterns: is anything attached or one space away?"""
    following = text[end:end + 2]
    if not following:
        return False
    first = following[0]
    if first == " " or first == "\u00a0" or first == "-":
        second = following[1:2]
        return second.isalpha() or second in "°$€£¥%'\"″µ"
    return not first.isspace() and first not in ",.;:!?)]}”’"


def _digits_value(digits: str) -> float | int:
    if digits.isascii() and digits.isdigit():
        return int(digits)  # most figures: no separator, no decimal point
    cleaned = digits.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "." in cleaned:
        return float(cleaned)
    return int(cleaned)


_NUMERIC_GROUPS = ("digits", "exponent", "mixed", "over", "sign", "currency")


def _read_numeric(text: str, match) -> _Figure:
    digits, exponent, mixed, over, sign, currency = match.group(*p.group_numbers(match.re, _NUMERIC_GROUPS))
    if len(digits) > MAX_FIGURE_DIGITS and sum(char.isdigit() for char in digits) > MAX_FIGURE_DIGITS:
        return _Figure(match.start(), match.end(), None, kind="identifier")  # a serial number or a hash
    value = _digits_value(digits)
    if exponent:
        value = _apply_exponent(value, exponent)
        if value is None:
            return _Figure(match.start(), match.end(), None, kind="identifier")
    if mixed:
        numerator, denominator = mixed.split("/")
        if int(denominator):
            value = value + int(numerator) / int(denominator)
    if over:
        value = value / int(over[1:])
    start = match.start()
    if sign:
        value = -value
    elif _word_before(text, start) and p.ends_with(text, start, 12, _NEGATIVE_WORDS):
        word = _NEGATIVE_WORD.search(text, max(0, start - 12), start)
        if word is not None:
            start, value = word.start(), -value
    figure = _Figure(start, match.end(), clean_number(value))
    if currency:
        unit = index().symbols.get(currency.strip())
        figure.kind, figure.unit = "money", unit.code if unit else None
        if figure.value > 0 and text[start - 1:start] == "(" and text[figure.end:figure.end + 1] == ")":
            figure.start, figure.end, figure.value = start - 1, figure.end + 1, -figure.value  # accounts: "($99.99)"
    return figure


def _read_mixed_tail(text: str, figure: _Figure, multiplier: int) -> int:
    """Add the smaller parts after "4 thousand": "3 hundred", "and 21", "and two hundred"."""
    while multiplier > 1 and text[figure.end:figure.end + 1] == " ":
        tail = p.MIXED_TAIL.match(text, figure.end)
        if tail is None:
            break
        if tail.group("digits"):
            scale = p.SCALE_VALUES[tail.group("scale").lower()] if tail.group("scale") else 1
            part, part_end = int(tail.group("digits")) * scale, tail.end()
        else:
            words = p.scan_at(text, tail.end())
            parsed = _read_words(text, words) if words is not None and words.lastgroup == "words" else []
            if not parsed or parsed[0].start != tail.end() or parsed[0].kind != "cardinal" or parsed[0].fraction:
                break
            part, part_end, scale = parsed[0].value, parsed[0].end, 1
        if not 0 < part < multiplier:
            break
        figure.value, figure.end, multiplier = clean_number(figure.value + part), part_end, scale
    return figure.end


def _fraction_value(match) -> float:
    shares = {"half": 2, "quarter": 4, "third": 3, "quarters": 4, "thirds": 3}
    if match.group("denominator"):
        return 1 / shares[match.group("denominator").lower()]
    return (2 if match.group("count").lower() == "two" else 3) / shares[match.group("plural").lower()]


# Beyond these no news figure goes, and big-integer arithmetic on "1e999999999" would never end.
MAX_FIGURE_DIGITS = 30
MAX_EXPONENT = 308


def _apply_exponent(value: float | int, exponent: str) -> float | int | None:
    """The value with its exponent applied; None when the exponent is too large to be a figure."""
    if exponent[0] in "eE":
        power = int(exponent[1:])
    elif exponent[0] == "^":
        power = int(exponent.lstrip("^").replace("-", "").replace("+", ""))
        if power > MAX_EXPONENT or abs(value) > 10 ** 6:
            return None
        return value ** (-power if exponent.count("-") % 2 else power)
    else:
        power = int(exponent.split("10", 1)[1].lstrip("^").replace("−", "-"))
    if abs(power) > MAX_EXPONENT:
        return None
    return value * 10 ** power


def _read_words(text: str, match) -> list[_Figure]:
    if match.group().isalpha():  # one word, the common case: one token, no need to split it
        tokens = [match.span()]
    else:
        tokens = [token.span() for token in p.WORD_TOKEN.finditer(text, match.start(), match.end())]
    words = [text[start:end].lower() for start, end in tokens]
    following = p.WORD_TOKEN.match(text, match.end() + 1) if match.end() < len(text) and text[match.end()] == " " else None
    if following is not None and following.group().lower() != "of":
        words.append(following.group().lower())  # lets "a third visit" stay an ordinal
    figures = []
    for number in parse_run(words):
        start, end = tokens[number.first][0], tokens[number.last][1]
        if number.first == number.last and _is_pronoun_one(text, start, end, words[number.first]):
            continue
        if (not number.ordinal and not number.fraction and number.value <= 10 and p.may_end_with(text, start, 8, _ANAPHORA_WORDS)
                and _ANAPHORA_BEFORE.search(text, max(0, start - 8), start)):
            continue  # "the two nations": refers back to known things, not a figure
        if number.ordinal:
            if words[number.first] == "second" and _TIME_WORD_BEFORE.search(text, max(0, start - 12), start):
                continue
            figures.append(_Figure(start, end, number.value, kind="ordinal", from_digits=False))
            continue
        if words[number.first] in ("half", "quarter") and number.last == number.first and not _is_amount_half(text, start, end, words[number.first]):
            continue  # "the first half", "the French Quarter": not an amount
        figure = _Figure(start, end, number.value, from_digits=False, fraction=number.fraction)
        word = _NEGATIVE_WORD.search(text, max(0, start - 12), start) if p.ends_with(text, start, 12, _NEGATIVE_WORDS) else None
        if word is not None:
            figure.start, figure.value = word.start(), -figure.value
        figures.append(figure)
    return figures


def _is_amount_half(text: str, start: int, end: int, word: str) -> bool:
    """"half of the votes", "more than half": a share; "the first half", "the second half of 2024" are not."""
    if word != "half":
        return False
    if _ORDINAL_BEFORE.search(text, max(0, start - 12), start):
        return False
    return text[end:end + 3].lower() == " of" or bool(p.QUALIFIER_BEFORE.search(text, max(0, start - 24), start))


_ORDINAL_BEFORE = p.before(r"(?i)\b(?:first|second|third|fourth|last|final|latter|former)\s++$")


def _is_pronoun_one(text: str, start: int, end: int, word: str) -> bool:
    """"the one", "no one", "one another": a pronoun, not a count."""
    if word != "one":
        return False
    return bool(_PRONOUN_ONE_BEFORE.search(text, max(0, start - 10), start) or _PRONOUN_ONE_AFTER.match(text, end))


def _read_vague(match) -> _Figure:
    words = match.group().lower().split()
    if words[-1] not in VAGUE:  # "several hundred", "a few thousand"
        words[-1] += "s"
        words = words[-1:]
    low = VAGUE[words[-1]] * (10 if words[0] == "tens" else VAGUE[words[0]] if len(words) > 1 else 1)
    return _Figure(match.start(), match.end(), None, qualifier="vague", low=low, from_digits=False)


def _read_date(text: str, match) -> tuple[list[_Figure], int]:
    surface = match.group()
    if surface[:1].isalpha() and surface.split()[0].rstrip(".") in _MONTHS and not any(ch.isdigit() for ch in surface):
        if surface.startswith("May") or not _MONTH_CONTEXT_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            return [], match.end()  # "may", "march": verbs and nouns unless dated
    return [_Figure(match.start(), match.end(), None, kind="date")], match.end()


_MONTHS = frozenset("January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split())


# ---- what follows the figure: scale, percent, unit -------------------------------------------------------------------

def _extend(text: str, figure: _Figure) -> _Figure:
    """Read scale, ordinal suffix, percent, currency or unit right after the figure."""
    if figure.kind in ("identifier", "date", "ordinal"):
        return _finish_kind(text, figure)
    end = figure.end
    following = text[end:end + 3]
    uncertainty = p.UNCERTAINTY.match(text, end) if "+" in following or "±" in following else None
    if uncertainty is not None:
        figure.end = end = uncertainty.end()  # "9.83e-3 +/- 1e-5 km/s2": the spread belongs to the figure
    if figure.from_digits:
        may_scale = _may_continue(text, end) and _after_a_space(text, end) in _SCALE_STARTS
        scale = p.SCALE.match(text, end) or (p.MONEY_ONLY_SCALE.match(text, end) if figure.kind == "money" else None) if may_scale else None
        if scale is not None:
            key = next(group for group in scale.groups() if group)
            multiplier = p.SCALE_VALUES.get(key) or p.SCALE_VALUES[key.lower()]
            figure.end = end = scale.end()
            scale_word = scale.groupdict().get("word")
            second = p.SCALE.match(text, end) if scale_word else None
            if second is not None and second.group("word"):  # "14.8 lakh crore"
                multiplier *= p.SCALE_VALUES[second.group("word").lower()]
                figure.end = end = second.end()
            figure.value = clean_number(figure.value * multiplier)
            if scale_word:
                end = _read_mixed_tail(text, figure, multiplier)
            fraction = p.AND_FRACTION.match(text, end) if text.startswith(" and ", end) else None
            if fraction is not None:  # "3 million and a half"
                figure.value = clean_number(figure.value + multiplier * _fraction_value(fraction))
                figure.end = end = fraction.end()
            figure.multiplier = multiplier
        elif isinstance(figure.value, int) and text[end:end + 2] in _ORDINAL_SUFFIXES and p.ORDINAL_SUFFIX.match(text, end):
            figure.end = end + 2
            figure.kind = "ordinal"
            return figure
    if not _may_continue(text, end):
        return _finish_kind(text, figure)
    percent = p.PERCENT.match(text, end) if _after_a_space(text, end) in _PERCENT_STARTS else None
    if percent is not None and figure.kind != "money":
        figure.kind = "percent"
        figure.unit = "percentage point" if percent.group("points") else "percent"
        figure.end = percent.end()
        return figure
    if figure.kind == "cardinal" and text[max(0, figure.start - 10):figure.start].lower() == "magnitude ":
        figure.start, figure.kind, figure.unit = figure.start - 10, "quantity", "magnitude"  # "a magnitude 7.1 quake"
        return figure
    unit, unit_end = _read_unit(text, end, after_digits=figure.from_digits)
    if unit is None and figure.kind == "money":
        rate, rate_end = _compound(text, Unit(figure.unit or "", "currency", figure.unit), end)
        if rate_end > end:  # "$15.4/hour", "$350 per kg"
            figure.unit, figure.end = rate.name, rate_end
        return figure
    if unit is not None:
        if unit.entity == "currency":
            figure.kind, figure.unit = "money", unit.code or unit.name
        elif figure.kind != "money":
            figure.kind, figure.unit = "quantity", unit.name
        figure.end = unit_end
    return _finish_kind(text, figure)


def _read_unit(text: str, end: int, *, after_digits: bool) -> tuple[Unit | None, int]:
    """The longest unit surface after ``end``: "km", "square miles", "degrees Celsius", "°C", "km/h"."""
    match = p.UNIT_WORDS.match(text, end)
    if match is None:
        return None, end
    units = index()
    numbers = p.group_numbers(match.re, ("gap", "first", "second", "third"))
    gap, first, second, third = match.group(*numbers)
    if first.lower() not in units.first_words and first not in units.first_words and first[-1] not in "23²³":
        return None, end  # "5,000 people": no unit begins with "people" (nor is it a symbol with a power, "km2")
    attached = gap == ""
    candidates = []
    if third:
        candidates.append((f"{first} {second} {third}", match.end(numbers[3])))
    if second:
        candidates.append((f"{first} {second}", match.end(numbers[2])))
    candidates.append((first, match.end(numbers[1])))
    for surface, surface_end in candidates:
        unit = units.surfaces.get(surface.lower())
        if unit is None and after_digits:
            unit = _symbol(units, surface, attached, text, surface_end)
        if unit is not None:
            return _compound(text, unit, surface_end)
    return None, end


def _symbol(units, surface: str, attached: bool, text: str, end: int) -> Unit | None:
    """A case-sensitive symbol; lone letters and word-like symbols only where they cannot be words."""
    unit = units.symbols.get(surface)
    if unit is None:
        power = _POWER_SUFFIX.match(surface) if surface[-1] in "23²³" else None
        if power and power.group(1) in units.symbols:
            return _power(units, units.symbols[power.group(1)], 2 if power.group(2)[-1] in "2²" else 3)
        return None
    followed_by_word = end < len(text) - 1 and text[end] == " " and text[end + 1].isalpha()
    if surface.lower() in _WORDLIKE_SYMBOLS:
        return unit if attached or not followed_by_word and surface == "in" else None
    if len(surface) == 1 and surface.isalpha() and not attached:
        return unit if surface in _SPACED_LETTERS or not followed_by_word else None
    return unit


def _power(units, unit: Unit, power: int) -> Unit | None:
    prefix = "square " if power == 2 else "cubic "
    return units.surfaces.get(prefix + unit.name.lower()) or Unit(prefix + unit.name, unit.entity, None)


def _compound(text: str, unit: Unit, end: int) -> tuple[Unit, int]:
    """Powers and rates after a unit: "km^2", "km2", "kilometres per hour", "$/hour"."""
    power = p.UNIT_POWER.match(text, end)
    if power is not None and unit.entity != "currency":
        unit, end = _power(index(), unit, 3 if (power.group("power") or "") == "3" or power.group("sup") == "³" else 2), power.end()
    if text[end:end + 6].lower() in (" cubed", ) or text[end:end + 8].lower() == " squared":
        unit, end = _power(index(), unit, 3 if text[end + 1] == "c" else 2), end + (6 if text[end + 1] == "c" else 8)
    per = p.UNIT_PER.match(text, end)
    if per is not None:
        denominator = index().surfaces.get(per.group("unit").lower()) or (index().symbols.get(per.group("unit")) if "/" in per.group() else None)
        if denominator is not None and denominator.entity != "currency" and per.group().strip().lower() not in ("a", "an"):
            end = per.end()
            power = p.UNIT_POWER.match(text, end)
            if power is not None:  # "J/m^2", "km/s2"
                denominator, end = _power(index(), denominator, 3 if (power.group("power") or "") == "3" or power.group("sup") == "³" else 2), power.end()
            name = unit.code if unit.entity == "currency" and unit.code else unit.name
            return Unit(f"{name} per {denominator.name}", "rate" if unit.entity != "currency" else "currency", unit.code), end
    return unit, end


def _finish_kind(text: str, figure: _Figure) -> _Figure:
    """Years, decades and designators ("Boeing 737") among plain cardinals."""
    if figure.kind != "cardinal" or not figure.from_digits:
        return figure
    surface = text[figure.start:figure.end]
    if (_word_before(text, figure.start) and p.may_end_with(text, figure.start, 14, p.DESIGNATORS, case_blind=False)
            and p.DESIGNATOR_BEFORE.search(text, max(0, figure.start - 14), figure.start)):
        figure.kind = "identifier"
        return figure
    if _is_list_marker(text, figure):
        figure.kind = "identifier"
        return figure
    if isinstance(figure.value, int) and surface.isdigit() and len(surface) == 4 and 1000 <= figure.value <= 2100:
        decade = p.DECADE_SUFFIX.match(text, figure.end)
        if decade is not None:
            figure.kind, figure.end = "year", decade.end()
        elif 1900 <= figure.value <= 2100 or _YEAR_CONTEXT_BEFORE.search(text, max(0, figure.start - 12), figure.start):
            figure.kind = "year"
    return figure


def _is_list_marker(text: str, figure: _Figure) -> bool:
    """"1. Item" or "2) Item" at the start of a line."""
    before = text[max(0, figure.start - 8):figure.start]
    line_start = before.rfind("\n") + 1
    at_line_start = (line_start > 0 or figure.start <= 8) and not before[line_start:].strip()
    return at_line_start and bool(p.LIST_MARKER_AFTER.match(text, figure.end)) and isinstance(figure.value, int) and figure.value < 100


# ---- ranges --------------------------------------------------------------------------------------------------------

def _may_join_range(text: str, end: int) -> bool:
    """A cheap look before the range pattern: a dash, or " to", " and", " through" next."""
    following = text[end:end + 9]
    return following[:1] in "-–—" or following.lstrip()[:1] in ("-", "–", "—") or following.startswith((" to ", " and ", " through "))


def _read_ratio(text: str, first: _Figure) -> _Figure | None:
    """"one in five", "2 out of 10", "one over three": the share, as a fraction."""
    if first.kind != "cardinal" or first.value is None or first.fraction:
        return None
    join = p.RATIO_JOIN.match(text, first.end) if text.startswith((" in ", " out ", " over "), first.end) else None
    if join is None:
        return None
    second_match = p.scan_at(text, join.end())
    if second_match is None or second_match.lastgroup not in ("numeric", "words"):
        return None
    second = _read_numeric(text, second_match) if second_match.lastgroup == "numeric" else (_read_words(text, second_match) or [None])[0]
    if second is None or second.start != join.end() or not second.value:
        return None
    second = _extend(text, second)
    if second.kind != "cardinal" or second.multiplier > 1:
        return None
    over = join.group("join") == "over"
    if over and second.end < len(text) and text[second.end:second.end + 2].strip()[:1].isalpha():
        return None  # "2000 over 3 years" is a duration
    if not over and first.value >= second.value:
        return None  # "12 in six boxes": two counts
    return _Figure(first.start, second.end, clean_number(first.value / second.value), fraction=True, from_digits=first.from_digits)


def _read_range(text: str, first: _Figure) -> _Figure | None:
    """"30-40", "30 to 40", "between 30 and 40 km", "from 5 to 10 percent", "2013-14"."""
    if first.value is None or first.kind in ("identifier", "date", "ordinal"):
        return None
    join = p.RANGE_JOIN.match(text, first.end) if _may_join_range(text, first.end) else None
    if join is None:
        return None
    opener = _opener(text, first.start)
    if "and" in join.group() and opener != "between":
        return None
    second_match = p.scan_at(text, join.end())
    if second_match is None or second_match.lastgroup not in ("numeric", "words"):
        return None
    second = (_read_numeric(text, second_match) if second_match.lastgroup == "numeric" else (_read_words(text, second_match) or [None])[0])
    if second is None or second.start != join.end() or second.value is None:
        return None
    second = _extend(text, second)
    if second.kind in ("ordinal", "identifier", "date"):
        return None
    if first.kind == "year" and second.kind in ("cardinal", "year") and isinstance(second.value, int) and second.value < 100 and "-" in join.group():
        second.value = first.value // 100 * 100 + second.value  # "2013-14"
        second.kind = "year"
    if first.unit and second.unit and first.unit != second.unit:
        return None
    if first.kind == "percent" and second.kind != "percent" and opener not in ("between", "from"):
        return None  # "weakened 0.4% to 148.9 per dollar": a change, then the level it reached
    low, high = _scaled_pair(first, second)
    if low is None or high is None:
        return None
    low, high = min(low, high), max(low, high)
    kind_unit = second.unit or first.unit
    return _Figure(first.start, second.end, None, kind="range", unit=kind_unit, low=low, high=high)


def _scaled_pair(first: _Figure, second: _Figure) -> tuple[float | int | None, float | int | None]:
    """"2 to 3 million": the scale of the second bound applies to the first."""
    low = first.value
    if second.multiplier > 1 and first.multiplier == 1 and first.from_digits:
        low = clean_number(first.value * second.multiplier)
    return low, second.value


_OPENER = p.before(r"(?i)\b(between|from)\s++$")
_ARTICLE_BEFORE = p.before(r"(?i)\b(?:a|an|the)\s++$")
_POWER_SUFFIX = p.lazy(r"(.*?)(\^?[23]|[²³])$")


def _opener(text: str, start: int) -> str | None:
    word = _OPENER.search(text, max(0, start - 10), start)
    return word.group(1).lower() if word else None


# ---- the record ----------------------------------------------------------------------------------------------------

def _finish(doc: Document, figure: _Figure) -> Number:
    text = doc.text
    start, end = figure.start, figure.end
    qualifier = figure.qualifier
    may_qualify = (_word_before(text, start) or text[start - 1:start] == "~") and p.ends_with(text, start, 24, p.QUALIFIER_ENDINGS)
    before = p.QUALIFIER_BEFORE.search(text, max(0, start - 24), start) if may_qualify else None
    if before is not None and figure.kind not in ("date", "identifier") and not (figure.kind == "percent" and qualifier == "vague"):
        words = " ".join(before.group("words").lower().split())
        if words in ("between", "from"):
            start = before.start() if figure.kind == "range" else start
        elif words not in ("minus", "negative"):
            qualifier = p.QUALIFIERS.get(words, "approx") if qualifier == "exact" else qualifier
            start = before.start()
    after = p.QUALIFIER_AFTER.match(text, end) if text[end:end + 1] == "+" or text[end:end + 1] == " " and text[end + 1:end + 3] in ("or", "-p") else None
    if after is not None and figure.kind not in ("date", "identifier", "year") and qualifier == "exact":
        qualifier = p.QUALIFIERS.get((after.group("plus") or after.group("ormore")).lower(), "approx")
        end = after.end()
    value, low, high = _bounds(figure, qualifier)
    kind = figure.kind
    counted = None
    if kind not in ("date", "year", "identifier"):
        measured = figure.unit is not None
        # "a 4% wage offer", "a $2 billion deal": after an article a measured figure modifies the noun that follows
        modifier = (measured and kind != "range" and text[figure.end + 1:figure.end + 4] not in ("of ", "in ")
                    and _ARTICLE_BEFORE.search(text, max(0, start - 5), start) is not None)
        counted = counted_after(doc, figure.end, measured=measured and not modifier, ranks=kind == "ordinal") or counted_before(
            doc, start, measured=measured)
    return Number(text=text[start:end], start=start, end=end, value=value, low=low, high=high, unit=figure.unit,
                  kind=kind, qualifier=qualifier, counted=counted)


def _bounds(figure: _Figure, qualifier: str) -> tuple:
    if figure.kind == "range":
        return None, figure.low, figure.high
    if figure.value is None:
        return None, figure.low, figure.high
    if qualifier == "at_most":
        return figure.value, None, figure.value
    if qualifier == "at_least":
        return figure.value, figure.value, None
    return figure.value, figure.value, figure.value
