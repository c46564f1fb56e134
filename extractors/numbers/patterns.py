"""The compiled patterns of the numbers extractor.

``scan_at`` reads the figure at a trigger with one alternation of rules; its named
groups say which rule reads the hit.  Every repeat is possessive (``++``/``*+``) or bounded, so
no pattern can backtrack catastrophically.  The small anchored patterns after
it are tried only at a hit, to read what stands right before or after it.
"""

from __future__ import annotations

import functools

import regex

from ..patterns import compile_pattern
from ..patterns import trie_pattern as shared_trie_pattern

from .words import ALL_WORDS, VAGUE

class LazyPattern:
    """A ``regex`` pattern compiled on first use (or loaded from the cache of compiled patterns),
    so that importing the extractor stays cheap.

    After the first use its methods are plain attributes: no indirection per call.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        compiled = compile_pattern(*self._source)
        for method in ("match", "search", "finditer", "findall", "fullmatch"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


@functools.cache
def group_numbers(pattern: regex.Pattern, names: tuple[str, ...]) -> tuple[int, ...]:
    """The numbers of the groups ``names`` in ``pattern``: a ``regex`` match finds a group by number at once and
    by name in a quarter of a microsecond, which adds up over the several groups each figure reads."""
    return tuple(pattern.groupindex[name] for name in names)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)


def before(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern that ends at ``$`` and is searched right to left, so a miss costs one attempt, not one per position."""
    return LazyPattern(pattern, flags | regex.REVERSE)


def ends_with(text: str, start: int, window: int, words: tuple[str, ...]) -> bool:
    """A cheap look before a ``before`` pattern: do the ``window`` characters before ``start`` end, spaces
    aside, with one of ``words`` (in any case)?  Where they do not, the pattern cannot match there."""
    return text[max(0, start - window):start].rstrip().lower().endswith(words)


def may_end_with(text: str, start: int, window: int, words: tuple[str, ...], *, case_blind: bool = True) -> bool:
    """``ends_with`` that never rules out a match of a ``before`` pattern of ``words``, case-blind or not:
    ``regex`` folds "ſ" to "s" and "K" to "k", ``str.lower`` does not, so where case is blind a window that
    is not ASCII is left to the pattern."""
    before = text[max(0, start - window):start]
    if not case_blind:
        return before.rstrip().endswith(words)
    return not before.isascii() or before.rstrip().lower().endswith(words)


# A prefix tree, not a list of alternatives: the regex engine tries a list's 159 words one by one (16 us a hit).
_WORD = shared_trie_pattern(sorted(set(ALL_WORDS)))
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH = rf"(?:{_MONTH_NAMES}|{_MONTH_ABBREVIATIONS})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_CURRENCY_SIGN = r"(?:US\$|[A-Z]{1,2}\$|CN¥|[$£€¥₹₩₽₺₦₴])"
_DIGITS = r"""(?:\d{1,3}(?:,\d{3})++(?!,?\d)|\d{1,2}(?:,\d{2}(?=,))++,\d{3}(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})++(?!\d)|\d++)(?:\.\d++)?|\.\d++"""

# The rules of the scanner, in the order they are tried at a place: the first that matches reads it.
# Each rule is split by what its match can start with (a digit, a letter, anything else), so that a hit
# only tries the rules that can start there: one alternation of all of them cost 10 us a hit, mostly
# spent failing rules that begin with the wrong kind of character.
_SKIP_WEB = r"(?i:https?://|www\.)\S++"  # not figures: web addresses, clock times, phone numbers
_SKIP_DIGIT = r"""
        (?<![\d.])\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?i:[ap]\.m\.|[ap]m\b))?
      | (?<![\d.])\d{1,2}(?:\.[0-5]\d)?\s?(?i:[ap]\.m\.|[ap]m\b)
      | \b\d{3}-\d{3,4}-\d{4}\b"""
_SKIP_OTHER = r"""
        \+\d[\d\s().-]{6,18}\d(?!\d)
      | \(\d{3}\)\s?\d{3}-\d{4}"""
# only an abbreviation takes a full stop ("Sept. 11"); "in March." ends its sentence
_MONTH_DATE = rf"(?:{_MONTH}(?<=\b(?:{_MONTH_ABBREVIATIONS}))\b\.?|{_MONTH}\b)(?:\s\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s\d{{4}}\b)?"
_DATE_DIGIT = rf"""
        \b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b
      | \b\d{{4}}-\d{{2}}-\d{{2}}\b
      | \b\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH_DATE}"""
_DATE_WORD = rf"""
        \b{_MONTH_DATE}
      | \b{_WEEKDAY}\b
      | \b(?i:this|last|next|past|coming)\s(?i:year|month|week|decade|century|weekend|spring|summer|autumn|winter)\b"""
_IDENT = r"""                                   # digits fused with letters: G7, F-16, COVID-19, i7, 06F6, J1149.5+6663
        (?<=\p{L}[-‐]?+)[-‐]?\d[\p{L}\d]*+(?:[-.+]\d[\p{L}\d]*+)*+
      | \b(?!\d++[eE][-+]?\d++\b)\d++\p{L}++\d[\p{L}\d]*+"""
_NUMERIC = rf"""
        (?<![\p{{L}}\d_.,/^])
        (?P<currency>{_CURRENCY_SIGN}\s?)?
        (?P<sign>[-−](?=\.?\d))?
        (?P<digits>{_DIGITS})
        (?P<exponent>[eE][-+]?\d++\b|\s?[x×]\s?10\^?[-−]?\d++|\^[-+]*+\d++)?
        (?P<mixed>\s{{1,2}}\d{{1,2}}/\d{{1,3}}\b)?
        (?P<over>/[1-9]\d{{0,3}}(?![\d/]))?
        (?!/\d)"""
_UNICODE_FRACTION = r"(?<![\p{L}\d])[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]"
_VAGUE = r"""
        \b(?i:(?:tens|hundreds|dozens|scores)\sof\s(?:thousands|millions|billions)|thousands|hundreds|millions|billions|trillions|dozens|scores(?=\sof\b)
           |(?:several|a\sfew|few|many)\s(?:hundred|thousand|million|billion)s?)\b"""
_WORDS = rf"""
        \b(?i:(?:an?\s++)?
        {_WORD}\b
        (?:(?:\s*+[-‐–]\s*+|\s*+,\s++|\s++(?:(?:and|&)\s++)?(?:an?\s++)?|\s++of\s++(?:an?\s++)?(?=(?:hundred|thousand|million|billion|dozen)\b)){_WORD}\b)*+
        (?:\s++point\s++(?:zero|nought|naught|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b(?:[\s-]++(?:zero|nought|naught|one|two|three|four|five|six|seven|eight|nine)\b)*+)?)"""


def _scanner(**rules: str) -> LazyPattern:
    """One alternation of ``rules``, each a named group (the name tells ``figures`` which rule read the hit)."""
    return lazy("\n  | ".join(f"(?P<{name}>{rule}\n    )" for name, rule in rules.items()), regex.VERBOSE)


_AT_DIGIT = _scanner(skip=_SKIP_DIGIT, date=_DATE_DIGIT, ident=_IDENT, numeric=_NUMERIC)
_AMOUNT = _scanner(numeric=_NUMERIC)
_AT_LETTER = _scanner(skip=_SKIP_WEB, date=_DATE_WORD, numeric=_NUMERIC, vague=_VAGUE, words=_WORDS)  # numeric: "US$5"
_AT_WORD = _scanner(date=_DATE_WORD, vague=_VAGUE, words=_WORDS)  # the same where no web address or currency can start
_AT_OTHER = _scanner(skip=_SKIP_OTHER, ident=_IDENT, numeric=_NUMERIC, unicode_fraction=_UNICODE_FRACTION)


def scan_at(text: str, position: int):
    """The scanner's match at ``position``: the first rule (skip, date, ident, numeric, unicode_fraction,
    vague, words) that matches there, or None."""
    if position >= len(text):
        return None
    char = text[position]
    if char.isdecimal():
        return (_AT_DIGIT if _digits_may_be_more(text, position) else _AMOUNT).match(text, position)
    if char.isalpha():
        return (_AT_LETTER if _may_be_web_or_money(text, position) else _AT_WORD).match(text, position)
    return _AT_OTHER.match(text, position)


def _may_be_web_or_money(text: str, position: int) -> bool:
    """Whether the letter at ``position`` could open a web address ("http", "www.": no other character folds
    to "h" or "w") or a currency sign ("US$", "C$", "CN¥"): the two rules that ``_AT_WORD`` leaves out, and
    that cost two fifths of ``_AT_LETTER`` where they fail, as they nearly always do."""
    return text[position] in "hHwW" or "$" in text[position + 1:position + 3] or text.startswith("CN¥", position)


_MONTH_OR_MERIDIEM_STARTS = "JFMASONDaApP"


def _digits_may_be_more(text: str, position: int) -> bool:
    """Whether the digits at ``position`` could open a clock time, a phone number, a date or an identifier
    (the other rules of ``_AT_DIGIT``), not only an amount: most hits ("5,000 people") cannot, and one rule
    costs a third of the four.  They could after a letter or a dash ("F-16"), or before a letter, one of
    ":/-.", or a space and then a month's capital or "a"/"p" ("5 pm", "12 March")."""
    before = text[position - 1:position] if position else ""
    if before.isalpha() or before in ("-", "‐"):
        return True
    end = position + 1
    while end < len(text) and text[end].isdecimal():
        end += 1
    after = text[end:end + 1]
    if after.isalpha() or after in (":", "/", "-", "."):
        return True
    return after.isspace() and text[end + 1:end + 2] in _MONTH_OR_MERIDIEM_STARTS


def trie_pattern(words) -> str:
    """A prefix-tree alternation of ``words`` (spaces matched literally)."""
    return shared_trie_pattern(words, space=regex.escape(" "))


# Where a figure may start.  Two plain scans (digits and signs; then words, over
# ASCII-lower-cased text) merged by offset run several times faster than one
# alternation of both, which defeats the engines' fast skipping.  The digits scan is
# for stdlib ``re`` (which reads ``\d`` and these signs as ``regex`` does): opening with
# one character class, it skips to the next candidate in C, 35% faster than ``regex``.
# That class is ASCII digits, "$" and every non-ASCII character, a table lookup where ``\d`` asks the
# Unicode database of every character: twice as fast; a look-behind then keeps only the digits and signs.
_SIGNS = "$£€¥₹₩₽₺₦₴½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
DIGIT_TRIGGER = rf"[0-9$\x80-\U0010ffff](?:(?<=\d)\d*|(?<=[{_SIGNS}]))"  # a run of digits, or one sign
# Nouns of a proportion whose size is only described: "a small percentage of voters", "a tiny fraction of".
SHARE_NOUNS = frozenset(("percent", "percentage", "per cent", "proportion", "fraction", "share"))
TRIGGER_WORDS = ALL_WORDS + tuple(VAGUE) + tuple(sorted(SHARE_NOUNS)) + ("tens", "http", "https", "www", "minus", "negative") + tuple(
    name.lower() for name in f"{_MONTH_NAMES}|{_MONTH_ABBREVIATIONS}".split("|") + _WEEKDAY[3:-1].split("|")
) + ("year", "month", "week", "decade", "century", "weekend", "spring", "summer", "autumn", "winter")
# Words that belong to the figure but come before its trigger word: "a hundred", "this year", "several thousand".
LEADS = ("a", "an", "this", "last", "next", "past", "coming", "several", "few", "many")
LEAD_WORDS = before(rf"(?i)\b(?:{'|'.join(LEADS[:-1])}|a\s++few|{LEADS[-1]})\s++$")

# The size words before a share noun, searched right to left: "a small", "a relatively large", "an ever-growing".
SHARE_SIZE_BEFORE = before(
    r"""(?i)\ban?\s++(?:\p{L}++ly\s++|ever-)?
    (?:small|smaller|tiny|minuscule|negligible|modest|large|larger|big|bigger|huge|vast|great|greater|high|higher|low|lower|
       significant|substantial|sizeable|sizable|considerable|disproportionate|growing|increasing|rising|shrinking|declining|dwindling)
    \s++$""",
    regex.VERBOSE,
)

WORD_TOKEN = lazy(r"\p{L}++|&")

# Scale after digits: "2.5 billion", "£45m", "€1.2bn", "500k", "10 bln".
SCALE = lazy(
    r"""(?:\s?(?P<word>(?i:million|billion|trillion|thousand|hundred|lakh|crore|dozen|doz|dz))s?\b
         |(?P<short>bn|mn|mln|bln|tln|tn|mil|MM|[kKMBT])(?![\p{L}\d])
         |(?P<bare>[bG])(?![\p{L}\d])(?!\s*+\p{L})
         |\s(?P<spaced>bn|mn|mln|bln|tln|tn|[kK]|MM)(?![\p{L}\d])
         |\s(?P<spaced_bare>[MBG])(?![\p{L}\d])(?!\s*+\p{L}))""",
    regex.VERBOSE,
)
SCALE_VALUES = {
    "dozen": 12, "doz": 12, "dz": 12, "hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "lakh": 10**5, "crore": 10**7,
    "k": 10**3, "K": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6, "MM": 10**6, "M": 10**6,
    "b": 10**9, "G": 10**9, "bn": 10**9, "bln": 10**9, "B": 10**9, "tn": 10**12, "tln": 10**12, "T": 10**12,
}
# "m" and "b" are scales only after a currency ("£45m"); otherwise "5m" is five metres.
MONEY_ONLY_SCALE = lazy(r"(?P<short>[mb])(?![\p{L}\d])")

PERCENT = lazy(
    r"""\s?(?:(?P<points>(?i:percentage\s+points?|percent(?:age)?\s+points?|pct\.?\s+points?))
         |(?P<percent>%|(?i:per\s?cents?|percentages?|pct)\b))""",
    regex.VERBOSE,
)
ORDINAL_SUFFIX = lazy(r"(?:st|nd|rd|th)\b")
DECADE_SUFFIX = lazy(r"'?s\b")

# One to three words (or a symbol) after a figure, for the unit lookup.
UNIT_WORDS = lazy(
    r"(?P<gap>[ \u00a0]?-?|[ \u00a0]?)(?P<first>°?[\p{L}µμΩ°$€£¥'’\"″]++(?:[\d²³⁻¹−-]*+))(?:(?P<s2> )(?P<second>\p{L}++))?(?:(?P<s3> )(?P<third>\p{L}++))?"
)
UNIT_POWER = lazy(r"(?:\^?(?P<power>[23])|(?P<sup>[²³]))(?![\d\p{L}])")
UNIT_PER = lazy(r"(?:\s?/\s?|\s(?i:per|an|a)\s)(?P<unit>\p{L}++)")

RANGE_JOIN = lazy(r"(?:\s*+[-–—]\s*+(?:to\s++)?|\s++(?:to|through|and)\s++)")
_QUALIFIER_WORDS = (  # in the order the pattern tries them
    "as many as", "as much as", "as few as", "up to", "fewer than", "less than", "no more than", "not more than", "at most",
    "a maximum of", "below", "under", "at least", "more than", "over", "above", "upwards of", "in excess of", "a minimum of",
    "no fewer than", "no less than", "about", "around", "some", "nearly", "almost", "roughly", "an estimated", "estimated",
    "approximately", "approx.", "close to", "circa", "just over", "just under", "more or less", "~", "between", "from",
    "minus", "negative",
)
QUALIFIER_BEFORE = before(
    r"""(?i)(?:^|(?<=[\s(“"'—–-]))(?P<words>""" + "|".join(regex.escape(words) for words in _QUALIFIER_WORDS) + r""")\s*+$""",
    regex.VERBOSE,
)
# The last words of the qualifiers: text that ends with none of them needs no search (see ``figures._ends_with``).
QUALIFIER_ENDINGS = tuple(sorted({words.split()[-1] for words in _QUALIFIER_WORDS}))
UNCERTAINTY = lazy(r"\s?(?:\+/-|±|\+-)\s?[-−]?(?:\d++(?:\.\d++)?|\.\d++)(?:[eE][-+]?\d++)?")
AND_FRACTION = lazy(r"(?i)\s++and\s++(?:(?P<one>an?|one)\s++(?P<denominator>half|quarter|third)|(?P<count>two|three)\s++(?P<plural>quarters|thirds))\b")
# The rest of a number begun in digits and a scale word: "4 thousand 3 hundred and 21", "6 crore and two hundred".
MIXED_TAIL = lazy(r"(?i)(?:\s++and)?\s++(?:(?P<digits>\d{1,3})(?![\d,.])(?:\s++(?P<scale>hundred|thousand|lakh|crore)\b)?|(?=\p{L}))")
RATIO_JOIN = lazy(r"\s++(?P<join>in|out\s++of|over)\s++")
QUALIFIER_AFTER = lazy(r"(?P<plus>\+)(?![\d])|\s(?P<ormore>or more|or so|or less|or fewer|-plus)\b")
QUALIFIERS = {
    "as many as": "at_most", "as much as": "at_most", "up to": "at_most", "fewer than": "at_most", "less than": "at_most",
    "no more than": "at_most", "not more than": "at_most", "at most": "at_most", "a maximum of": "at_most", "below": "at_most",
    "under": "at_most", "just under": "at_most", "or less": "at_most", "or fewer": "at_most",
    "at least": "at_least", "more than": "at_least", "over": "at_least", "above": "at_least", "upwards of": "at_least",
    "in excess of": "at_least", "a minimum of": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "as few as": "at_least", "just over": "at_least", "or more": "at_least", "+": "at_least", "-plus": "at_least",
}
# Words before a number that make it a name, not an amount: "Section 230", "Boeing 737".
DESIGNATORS = tuple(
    """Section Article Chapter Clause Rule Resolution Flight Route Highway Interstate Room Page Paragraph
    No. Nos. Number Boeing Airbus Apollo Soyuz Windows iPhone Galaxy Version Vol. Volume Part Title Amendment Gate
    Platform Channel Level Stage Phase Category Model Item Exhibit Table Figure Fig. Proposition Bill Ward District
    Precinct Region Zone Sector Pier Terminal Line Bus Train Mark Su MiG Tu Il Ka Mi Patriot p. pp. page section article chapter
    paragraph route flight room version""".split()
)
DESIGNATOR_BEFORE = before(r"(?:^|(?<=\s))(?:" + "|".join(regex.escape(word) for word in DESIGNATORS) + r")\s++$")
LIST_MARKER_AFTER = lazy(r"[.)]\s")
