"""The shared document: text split once into paragraphs and sentences.

Every extractor reads the same ``Document`` instead of re-splitting the text.
The sentence splitter is tuned for news: it does not break after titles and
abbreviations ("Mr.", "U.N.", "Jan."), initials ("Sergei K. Shoigu"), decimal
points ("3.5") or inside a quotation. Scraped articles often repeat whole
paragraphs; ``repeat_of`` maps each repeated paragraph to its first occurrence
so that findings in it can be reported once.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property


from .patterns import compile_pattern
from .records import Span

# Words that end with a period but rarely end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen brig lt col maj capt cpt sgt cpl pvt adm cmdr supt insp det gov sen rep rev hon pres st ste mt ft jr sr
    co corp inc ltd bros dept univ assn est approx ca cf vs etc al
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ave blvd rd hwy
    u.s u.k u.n e.u u.s.a d.c a.m p.m i.e e.g
    """.split()
)

# Abbreviations that stand before a number ("No. 5", "Vol. 2") but are words otherwise ("No.").
NUMBER_ABBREVIATIONS = frozenset("no nos vol fig figs pp art sec".split())

# A candidate sentence end: terminal punctuation, optional closing quotes or
# brackets, then whitespace.  Possessive-free and linear: no nested repeats.
_BOUNDARY = compile_pattern(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = compile_pattern(r"([\p{L}\d.]+)$")  # with digits: "the 2030s." is no initial "s."
_PARAGRAPH_BREAK = compile_pattern(r"\n[ \t\r\f\v]*\n\s*|\n")
_LETTERS = compile_pattern(r"\p{L}+")
# A wire dateline opening a paragraph: "TOKYO, July 21 (Reuters) - ", "WASHINGTON (AP) — ", "FAIRVIEW, W.Va. - ".
_DATELINE = compile_pattern(
    r"\p{Lu}{2,}[\p{Lu}.'’-]*+(?:[ ]\p{Lu}[\p{Lu}.'’-]*+)*+(?:,[ ][^\n()—–]{1,40}?)?(?:[ ]\([^()\n]{1,30}\))?[ ]?"
    r"(?:--|[-—–])(?=[ ]+[\p{Lu}\"“‘])"  # the sentence after it opens with a capital or a quotation mark
)
_QUOTE_OPEN = "“"
_QUOTE_CLOSE = "”"


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    repeat_of: int | None  # index of the first identical paragraph, if any


@dataclass
class Document:
    """The text of one input and its structure, all as character offsets."""

    text: str
    path: str = "-"
    paragraphs: list[Paragraph] = field(init=False)
    sentences: list[Span] = field(init=False)

    def __post_init__(self) -> None:
        self.paragraphs = split_paragraphs(self.text)
        self.sentences = [
            sentence
            for paragraph in self.paragraphs
            for sentence in split_sentences(self.text, paragraph.start, paragraph.end)
        ]

    @cached_property
    def has_repeats(self) -> bool:
        """True when some paragraph repeats an earlier one: only then is there anything to fold."""
        return any(paragraph.repeat_of is not None for paragraph in self.paragraphs)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [paragraph.start for paragraph in self.paragraphs]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence that contains ``offset``, or None between sentences."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and self.sentences[index].start <= offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def sentence_index(self, offset: int) -> int:
        """Index of the last sentence starting at or before ``offset`` (-1 if none)."""
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def paragraph_index(self, offset: int) -> int:
        """Index of the last paragraph starting at or before ``offset`` (-1 if none)."""
        return bisect.bisect_right(self._paragraph_starts, offset) - 1

    def canonical_offset(self, offset: int) -> int:
        """Map an offset inside a repeated paragraph to the same place in its first copy."""
        index = self.paragraph_index(offset)
        if index < 0:
            return offset
        paragraph = self.paragraphs[index]
        if paragraph.repeat_of is None or offset >= paragraph.end:
            return offset
        first = self.paragraphs[paragraph.repeat_of]
        return first.start + (offset - paragraph.start)

    def is_repeat(self, offset: int) -> bool:
        """True when ``offset`` lies inside a paragraph that repeats an earlier one."""
        index = self.paragraph_index(offset)
        return index >= 0 and self.paragraphs[index].repeat_of is not None and offset < self.paragraphs[index].end


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split at line breaks; strip surrounding white space; mark exact repeats."""
    paragraphs: list[Paragraph] = []
    first_seen: dict[str, int] = {}
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _add_paragraph(text, position, match.start(), paragraphs, first_seen)
        position = match.end()
    _add_paragraph(text, position, len(text), paragraphs, first_seen)
    return paragraphs


def _add_paragraph(text: str, start: int, end: int, paragraphs: list[Paragraph], first_seen: dict[str, int]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return
    key = " ".join(text[start:end].split())  # spacing aside, the same paragraph
    repeat_of = first_seen.get(key)
    if repeat_of is None:
        first_seen[key] = len(paragraphs)
    paragraphs.append(Paragraph(start, end, repeat_of))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentences with news-aware rules; a dateline is one of its own."""
    end = len(text) if end is None else end
    dateline = _DATELINE.match(text, start, end)
    if dateline is not None:
        rest = dateline.end()
        while rest < end and text[rest].isspace():
            rest += 1
        return [Span(start, dateline.end())] + (split_sentences(text, rest, end) if rest < end else [])
    sentence_ends: list[int] = []
    inside_quote: list[int] = []  # sentence ends inside the quotation still open
    quote_depth = 0
    scan_from = start
    for match in _BOUNDARY.finditer(text, start, end):
        quote_depth = _quote_depth_after(text, scan_from, match.end(), quote_depth)
        scan_from = match.end()
        if quote_depth == 0:
            inside_quote.clear()  # the quotation closed: its sentences stay one with the attribution
        if not _is_sentence_end(text, match.start(), match.end(), end):
            continue
        if quote_depth > 0:
            inside_quote.append(match.end())
        else:
            sentence_ends.append(match.end())
    if quote_depth > 0:
        # Never closed in this paragraph (news leaves a quotation running on to the next one open):
        # its sentences are sentences.
        sentence_ends.extend(inside_quote)
    sentences: list[Span] = []
    sentence_start = start
    for sentence_end in sentence_ends:
        sentences.append(Span(sentence_start, sentence_end))
        sentence_start = sentence_end
        while sentence_start < end and text[sentence_start].isspace():
            sentence_start += 1
    if sentence_start < end:
        sentences.append(Span(sentence_start, end))
    return sentences


def _quote_depth_after(text: str, start: int, end: int, depth: int) -> int:
    """Track curly-quote nesting; a straight double quote toggles."""
    if text.find('"', start, end) < 0 and text.find(_QUOTE_OPEN, start, end) < 0 and text.find(_QUOTE_CLOSE, start, end) < 0:
        return depth  # no quotation mark: most stretches between two full stops
    for char in text[start:end]:
        if char == _QUOTE_OPEN:
            depth += 1
        elif char == _QUOTE_CLOSE:
            depth = max(0, depth - 1)
        elif char == '"':
            depth = 0 if depth else 1
    return depth


def _is_sentence_end(text: str, punct_start: int, punct_end: int, limit: int) -> bool:
    """Decide whether the punctuation at ``punct_start`` ends a sentence."""
    next_start = punct_end
    while next_start < limit and text[next_start].isspace():
        next_start += 1
    if next_start >= limit:
        return True
    following = text[next_start]
    if following.islower() or following in ",;:":
        return False
    if text[punct_start] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, punct_start - 40), punct_start)
    if word is None:
        return True
    token = word.group(1).lower().rstrip(".")
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "Sergei K. Shoigu"
    if token in NUMBER_ABBREVIATIONS:
        return not following.isdigit()
    if token in ABBREVIATIONS:
        # "in the U.S. The next day" ends a sentence; "U.S. officials" does not.
        return token in _MAY_END_SENTENCE and _starts_new_sentence(text, next_start, limit)
    return True


# Abbreviations that often end a sentence too: "in the U.S. The next day", "shares of Acme Corp. The deal".
_MAY_END_SENTENCE = frozenset("u.s u.k u.n e.u d.c etc a.m p.m inc corp co ltd".split())

_SENTENCE_OPENERS = frozenset(
    "the a an it he she they we i in on at but and this that these those there his her their its our "
    "after before when while as if for from with by since despite although however meanwhile".split()
)


def _starts_new_sentence(text: str, start: int, limit: int) -> bool:
    match = _LETTERS.match(text[start:min(limit, start + 30)])
    return bool(match) and match.group(0).lower() in _SENTENCE_OPENERS
