"""Facts: each amount linked to what it counts, who, where and who says so.

A fact is a figure that is an amount (not a year, date, ordinal or identifier)
together with the actors and places tied to it, the attribution behind it and
its sentence.  Ties are looked for in the figure's clause first, then its
sentence, then the nearest preceding mention in its paragraph (for places, at
last the document's most mentioned place); across restatements the closest
level that finds anything wins.  Who says so is the attribution whose content
covers the figure, else the one of its sentence.

A figure restated in the same document (same value, same ``about``: the
counted noun's head, singular, through a synonym table, or for people the
predicate: "41 people were killed" is about "death") is one fact with several
mentions, as is a figure in a repeated paragraph and a vague amount of the same
thing that covers it ("Thousands of Workers" in the headline of "5,000 workers").
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import regex

from .document import Document
from .patterns import compile_pattern
from .records import Actor, Fact, Location, Number, Source, Span
from .registry import Extractor

AMOUNT_KINDS = frozenset({"cardinal", "percent", "money", "quantity", "range"})
MEASURED_KINDS = frozenset({"percent", "money"})  # kinds whose measured noun stands before the figure: "damage at $5m"

# Clause boundaries inside a sentence: strong punctuation, a comma before a
# subordinating word, or a complementizer ("announced that 5,000 ...").  Case is ignored in the words
# only, and a complementizer's first letter is tested case-sensitively first (no other letter matches
# t or w when case is ignored): the scan runs half again as fast as with IGNORECASE on the whole pattern.
_CLAUSE_BREAK = compile_pattern(
    r"[;:()\[\]—–]"
    r"|,\s+(?=(?i:which|who|whom|whose|while|whereas|although|though|but|despite|after|before|when|because|since"
    r"|according|as|even|yet|so|and)\b)"
    r"|\b(?=[tTwW])(?i:that|which|who|whom|whose)\b"
)

_SPACES = compile_pattern(r"\s*")
_BREAK_REACH = 16  # past the spaces after a clause break: its longest word ("according") and the letter after it

# The counted phrase's head noun ends before a preposition or relative word.
_HEAD_STOP = compile_pattern(
    r"\s(?:of|in|at|from|to|for|on|with|by|who|that|which|across|over|under|per|along|near|after|before|during|since"
    r"|than|into|between|among|through|against|within|around|downstream|upstream|abroad|overseas)\s",
    regex.IGNORECASE,
)
_WORD = compile_pattern(r"[\p{L}][\p{L}'’-]*")

_IRREGULAR_PLURALS = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife", "knives": "knife", "thieves": "thief",
    "leaves": "leaf", "halves": "half", "shelves": "shelf", "wolves": "wolf", "calves": "calf",
    "buses": "bus", "gases": "gas", "viruses": "virus", "crises": "crisis", "analyses": "analysis", "bases": "base",
}
# Words that end in "s" but are not plurals (or have no singular worth using).
_INVARIABLE = frozenset(
    "news series species means staff police personnel media data aircraft sheep fish deer crisis basis analysis "
    "status census bus gas virus campus bonus corpus chaos physics economics politics lens alias".split()
)
# Lemma -> the canonical word of its synonym set.
_SYNONYMS = {
    "laborer": "worker", "labourer": "worker", "labor": "worker", "labour": "worker",
    "dead": "death", "killed": "death", "fatality": "death", "died": "death", "casualty": "death",
    "wounded": "injured", "injury": "injured", "hurt": "injured",
    "troop": "soldier", "serviceman": "soldier", "servicemember": "soldier",
    "individual": "person", "kid": "child", "house": "home", "dwelling": "home",
    "sapper": "engineer",
}


# What happened to the people counted: "41 people were killed", "89 injured people".
_STATUS_WORDS = {
    "death": "killed dead died deaths death fatalities perished drowned kills kill killing toll",
    "missing": "missing unaccounted",
    "injured": "injured wounded hurt injuries",
    "displaced": "displaced evacuated fled homeless relocated uprooted",
    "arrested": "arrested detained jailed",
    "rescued": "rescued",
}
_STATUS_PHRASES = {"from their homes": "displaced", "out of their homes": "displaced"}  # "forced 18,000 from their homes"
_STATUS_OF = {word: status for status, words in _STATUS_WORDS.items() for word in words.split()} | _STATUS_PHRASES
_STATUS = compile_pattern(r"\b(?:" + "|".join(sorted(_STATUS_OF, key=len, reverse=True)) + r")\b", regex.IGNORECASE)
# Heads that only say "people": the predicate tells what is counted.
_GENERIC_HEADS = frozenset("person resident civilian individual inhabitant villager citizen adult".split())
STATUS_WINDOW = 80  # characters after a figure in which its predicate is looked for
# A status or a measured noun just before the figure: "death toll rises to 56", "number of dead at 41",
# "killing nine", "the damage could reach $60 million", "revenue of $2.5 billion".
_AUXILIARIES = frozenset("could would will may might has have had is was were are been be now".split())
_LINK_VERBS = frozenset("rises rose risen rise climbed climbs reached reaches reach stands stood stand jumped hit hits "
                        "totalled totaled totals total put estimated".split())
_LINK_PREPOSITIONS = frozenset({"to", "at", "of"})
_CONVERSION_BEFORE = compile_pattern(r"\s*\(\s*")  # between "4.5 billion rupees" and "$33 million)"
_NOT_MEASURED = frozenset("the a an it its this that they he she we there which who and or but said says".split())
VAGUE_SPAN = 1000  # "thousands" reaches up to 1000 times its lower bound when no upper bound is given
COUNTED_GAP = 30  # characters between a figure and its counted phrase ("5,000 of the workers")
# A country named as a place, not as an actor: "in Russia", "to Russia's Kursk region".
_PLACE_BEFORE = compile_pattern(r"\b(?:in|to|at|from|into|across|near|within|inside|throughout|towards?|outside)\s+(?:the\s+)?$",
                              regex.IGNORECASE)
_AGE_BEFORE = compile_pattern(r"\p{L}, $")
_POSSESSIVE_AFTER = compile_pattern(r"['’]s?\s+")


def lemma(word: str) -> str:
    """A plural noun's singular by regular English rules and a small irregular table."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s") or word.endswith("s'"):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word in _INVARIABLE or len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def normalize_counted(counted: str | None) -> str | None:
    """The head noun of a counted phrase, singular, mapped through the synonym table.

    "construction workers" and "North Korean laborers" both give "worker"; the
    head is the last word before any preposition ("tonnes of grain" gives "tonne").
    """
    if not counted:
        return None
    stop = _HEAD_STOP.search(f" {counted} ")
    phrase = counted[: max(0, stop.start() - 1)] if stop else counted
    words = _WORD.findall(phrase)
    if not words:
        return None
    head = lemma(words[-1])
    return _SYNONYMS.get(head, head)


@functools.lru_cache(maxsize=4096)
def about(counted: str | None, status: str | None) -> str | None:
    """What a figure counts, normalised: "people" + "killed" is "death", "aid workers" + "killed" is "worker death"."""
    head = normalize_counted(counted)
    generic = any(lemma(word) in _GENERIC_HEADS for word in _WORD.findall(counted or ""))  # "people remain"
    if head is None or generic or head in _STATUS_WORDS:
        return status or (head if not generic else "person")
    return f"{head} {status}" if status else head


def measured_before(text: str, start: int, clause_start: int) -> str | None:
    """The word right before a figure that says what it measures ("toll rises to", "damage at"), or None.

    Read backwards over at most a few words: [noun] [auxiliaries] [link verb] [to|at|of] figure.
    """
    segment = text[max(clause_start, start - 60):start]
    if not segment[-1:].isspace():
        return None
    words = segment.lower().split()
    linked = bool(words) and words[-1] in _LINK_PREPOSITIONS
    if linked:
        words.pop()
    if words and words[-1] in _LINK_VERBS:
        words.pop()
        linked = True
    while words and words[-1] in _AUXILIARIES:
        words.pop()
    if not words or not words[-1].isalpha():
        return None
    word = words[-1]
    if word in _STATUS_OF:
        return word
    # A noun needs "at", "of", "reached"...: "would provide £1.5m" measures nothing.
    if not linked or word in _NOT_MEASURED or word.endswith(("ed", "ing")):
        return None
    return word


def status_after(text: str, start: int, end: int, *, next_figure: int | None = None) -> str | None:
    """The first status word ("killed", "missing", "evacuated") in ``text[start:end]``, as its status.

    A word right before the next figure is that figure's: "struck on Sunday, killing at least 23".
    """
    for match in _STATUS.finditer(text, start, end):
        if next_figure is not None and not text[match.end():next_figure].strip():
            break
        return _STATUS_OF[match.group(0).lower()]
    return None


@dataclass(slots=True)
class _Mention:
    """One stated figure with what it is tied to; restatements are merged later.

    Never changed once built (``_converted`` makes a new one); not frozen, as a frozen dataclass is slow to build.
    """

    number: Number
    sentence: Span  # the figure's sentence (its own span when it stands in none)
    about: str | None
    actors: tuple[str, ...]
    actor_level: int
    locations: tuple[str, ...]
    location_level: int
    sources: tuple[Source, ...]  # who claims it, the main claimant first
    copies: tuple[Span, ...] = ()  # the same words in repeated paragraphs


class _SpanIndex:
    """Named mentions sorted by start, to find those inside a range or just before it."""

    def __init__(self, mentions: Iterable[tuple[int, int, str]], *, rank: dict[str, int] | None = None):
        self.items = sorted(mentions)
        self.starts = [start for start, _end, _name in self.items]
        self.rank = rank or {}  # name -> how specific (lower first): among one sentence's names, the finest is nearest

    def inside(self, start: int, end: int, *, skip: Sequence[tuple[int, int]] = ()) -> list[str]:
        first = bisect.bisect_left(self.starts, start)
        names: list[str] = []
        for mention_start, mention_end, name in self.items[first:bisect.bisect_left(self.starts, end)]:
            if mention_end <= end and name not in names and not (skip and _covered(mention_start, mention_end, skip)):
                names.append(name)
        return names

    def nearest_before(self, offset: int, floor: int, *, skip: Sequence[tuple[int, int]] = (), sentence_start: int = 0) -> list[str]:
        """The name mentioned last before ``offset`` (not before ``floor``); with ranks, the finest name of the
        sentence it stands in (from ``sentence_start`` back): "the town of Tawila in North Darfur" gives Tawila."""
        index = bisect.bisect_left(self.starts, offset) - 1
        while index >= 0 and self.items[index][0] >= floor:
            mention_start, mention_end, name = self.items[index]
            if mention_end <= offset and not _covered(mention_start, mention_end, skip):
                if not self.rank:
                    return [name]
                finest, bound = name, max(floor, sentence_start)
                while index >= 0 and self.items[index][0] >= bound:  # back through that sentence only: linear
                    start, end, other = self.items[index]
                    if end <= offset and not _covered(start, end, skip) and self.rank.get(other, 9) <= self.rank.get(finest, 9):
                        finest = other
                    index -= 1
                return [finest]
            index -= 1
        return []


class _Coverage:
    """Many spans, asked whether one of them covers ``[start, end)``, in logarithmic time."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.lows = [low for low, _high in ordered]
        self.reach = list(itertools.accumulate((high for _low, high in ordered), max))  # furthest end so far

    def covers(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.lows, start) - 1
        return index >= 0 and self.reach[index] >= end


def _covered(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """For the few speaker spans of one sentence."""
    return any(low <= start and end <= high for low, high in spans)


def _mention_spans(record: Actor | Location) -> list[tuple[int, int, str]]:
    spans = record.mentions or (Span(record.start, record.end),)
    return [(span.start, span.end, record.name) for span in spans]


def clause_breaks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The clause breaks that start in ``text[start:end]`` (default: the whole text), in one pass."""
    end = len(text) if end is None else end
    # A break that starts before ``end`` reaches no further than the spaces after it and one short word:
    # the scan need not read the next sentence.
    limit = min(len(text), _SPACES.match(text, end).end() + _BREAK_REACH)
    breaks = []
    for match in _CLAUSE_BREAK.finditer(text, start, limit):
        if match.start() >= end:
            break
        breaks.append(match.span())
    return breaks


def clause_bounds(breaks: Sequence[tuple[int, int]], start: int, end: int, sentence: Span) -> tuple[int, int]:
    """The clause around ``[start, end)``: the sentence cut at the nearest breaks either side."""
    index = bisect.bisect_left(breaks, (start,))
    before = breaks[index - 1] if index > 0 else None
    after = index
    while after < len(breaks) and breaks[after][0] < end:
        after += 1
    clause_start = before[1] if before is not None and before[1] <= start and before[0] >= sentence.start else sentence.start
    clause_end = breaks[after][0] if after < len(breaks) and breaks[after][0] < sentence.end else sentence.end
    return clause_start, clause_end


def _tied(index: _SpanIndex, doc: Document, number: Number, sentence: Span, clause: tuple[int, int],
          skip: Sequence[tuple[int, int]]) -> tuple[tuple[str, ...], int]:
    """Names tied to the figure and the level that found them (0 clause, 1 sentence, 2 paragraph, 3 none).

    Mentions in ``skip`` (speakers) are sources, not actors.
    """
    if not index.items:  # nothing named at all
        return (), 3
    found = index.inside(*clause, skip=skip)
    if found:
        return tuple(found), 0
    found = index.inside(sentence.start, sentence.end, skip=skip)
    if found:
        return tuple(found), 1
    paragraph = doc.paragraphs[doc.paragraph_index(number.start)]
    before = doc.sentence_at(max(paragraph.start, sentence.start - 1))
    found = index.nearest_before(sentence.start, paragraph.start, skip=skip,
                                 sentence_start=before.start if before is not None else paragraph.start)
    return tuple(found), (2 if found else 3)


class _SourceIndex:
    """Attributions by content span (to find the one covering a figure) and by sentence of their cue."""

    def __init__(self, doc: Document, sources: Sequence[Source]):
        self.by_content = sorted(
            (source for source in sources if source.content_start is not None and source.content_end is not None),
            key=lambda source: source.content_start,
        )
        self.content_starts = [source.content_start for source in self.by_content]
        self.longest = max((source.content_end - source.content_start for source in self.by_content), default=0)
        self.by_sentence: dict[int, list[Source]] = {}
        for source in sources:
            anchor = source.cue_start if source.cue_start is not None else source.start
            self.by_sentence.setdefault(doc.sentence_index(anchor), []).append(source)

    def covering(self, start: int, end: int) -> tuple[Source, ...]:
        """The attributions whose content covers ``[start, end)``, those asserting it first, innermost first.

        "Officials said the ministry asked for ₹2.5 lakh crore, a figure the bank has yet to confirm":
        the officials claim the figure; the bank's pending confirmation comes after them.
        """
        found: list[Source] = []
        index = bisect.bisect_right(self.content_starts, start) - 1
        while index >= 0 and self.content_starts[index] >= start - self.longest:
            source = self.by_content[index]
            if source.content_end >= end:
                found.append(source)
            index -= 1
        found.sort(key=lambda source: (source.polarity != "asserts", source.content_end - source.content_start))
        return tuple(found)

    def of_sentence(self, sentence_index: int, offset: int) -> Source | None:
        """The sentence's attribution whose cue is nearest the figure, among those whose content is not
        known: one whose content is known and leaves the figure out claims something else."""
        candidates = [source for source in self.by_sentence.get(sentence_index, []) if source.content_start is None]
        return min(candidates, key=lambda source: abs((source.cue_start or source.start) - offset), default=None)


def _speaker_spans(sources: Iterable[Source | None]) -> list[tuple[int, int]]:
    """Where the sources speak; a country that says so acts too ("North Korea has confirmed plans to send")."""
    return [(source.speaker_start, source.speaker_end) for source in sources
            if source is not None and source.speaker_start is not None and source.speaker_end is not None
            and source.speaker_kind != "country"]


# "said on Monday in Lilongwe", "told parliament in Lilongwe": where the words were spoken.
_VENUE_AFTER_CUE = compile_pattern(r"(?:[ ]on[ ]\p{Lu}\p{Ll}+)?(?:[ ]\p{Ll}+){0,2}?[ ](?:in|at)[ ]\p{Lu}[\p{L}.'’-]*(?:[ ]\p{Lu}[\p{L}.'’-]*)*")


def _said_at(doc: Document, sources: Sequence[Source]) -> Iterable[tuple[int, int]]:
    """Where statements were made rather than what they are about: the words after a cue and before its content
    ("told reporters in Mumbai that …"), or the place right after a cue that closes a clause ("…, she said in Lilongwe")."""
    for source in sources:
        if source.cue_end is None or source.content_start is None or source.content_end is None:
            continue
        if source.content_start >= source.cue_end:
            yield source.cue_end, source.content_start
        elif source.content_end <= source.cue_start:
            venue = _VENUE_AFTER_CUE.match(doc.text, source.cue_end)
            if venue is not None:
                yield source.cue_end, venue.end()


def is_age(text: str, number: Number) -> bool:
    """"Mina Tamang, 34, who lost her husband": an age in apposition, not an amount."""
    return (number.kind == "cardinal" and number.counted is None and isinstance(number.value, int)
            and 0 < number.value < 125 and _AGE_BEFORE.search(text, max(0, number.start - 3), number.start) is not None
            and text.startswith(",", number.end))


@dataclass(frozen=True)
class _Context:
    """What every figure of one document is read against, indexed once."""

    doc: Document
    actors: _SpanIndex
    locations: _SpanIndex
    demonyms: _SpanIndex
    sources: _SourceIndex
    figure_starts: list[int]
    main_place: tuple[str, ...]  # the place the document is about: its most mentioned
    breaks: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # sentence start -> its clause breaks

    def clause(self, sentence: Span, start: int, end: int) -> tuple[int, int]:
        """The clause of ``sentence`` around ``[start, end)``; breaks are found only in sentences with a figure."""
        breaks = self.breaks.get(sentence.start)
        if breaks is None:
            breaks = self.breaks[sentence.start] = clause_breaks(self.doc.text, sentence.start, sentence.end)
        return clause_bounds(breaks, start, end, sentence)


def _mention(context: _Context, number: Number, copies: tuple[Span, ...] = ()) -> _Mention:
    doc = context.doc
    sentence = doc.sentence_at(number.start) or Span(number.start, number.end)
    clause = context.clause(sentence, number.start, number.end)
    following = bisect.bisect_right(context.figure_starts, number.start)
    next_start = context.figure_starts[following] if following < len(context.figure_starts) else len(doc.text)
    before = measured_before(doc.text, number.start, clause[0])
    if number.kind in MEASURED_KINDS:  # sums and shares measure a noun, not what happened to people
        status, counted = None, number.counted or (before if before not in _STATUS_OF else None)
    else:
        status = _STATUS_OF.get(before or "") or status_after(
            doc.text, number.start, min(clause[1], next_start, number.end + STATUS_WINDOW), next_figure=next_start)
        counted = number.counted
    sources = context.sources.covering(number.start, number.end)
    sentence_index = doc.sentence_index(number.start)
    if not sources:
        fallback = context.sources.of_sentence(sentence_index, number.start)
        sources = (fallback,) if fallback is not None else ()
    speakers = _speaker_spans(context.sources.by_sentence.get(sentence_index, []) + list(sources))
    actors, actor_level = _tied(context.actors, doc, number, sentence, clause, speakers)
    nationality = context.demonyms.inside(number.start, _counted_end(doc.text, number, clause[1])) if context.demonyms.items else []
    if nationality:  # "15,000 North Korean laborers": the demonym says whose they are
        actors, actor_level = tuple(dict.fromkeys(nationality + list(actors if actor_level == 0 else ()))), 0
    locations, location_level = _tied(context.locations, doc, number, sentence, clause, ())
    if not locations:  # a figure with no place of its own happens where the article is
        locations = context.main_place
    return _Mention(number, sentence, about(counted, status), actors, actor_level, locations, location_level, sources, copies)


def _counted_end(text: str, number: Number, limit: int) -> int:
    """Where the counted phrase after the figure ends (the figure's end when it is not found there)."""
    if not number.counted:
        return number.end
    found = text.find(number.counted, number.end, min(limit, number.end + len(number.counted) + COUNTED_GAP))
    return found + len(number.counted) if found >= 0 else number.end


def _merge_key(mention: _Mention) -> tuple[Any, ...] | None:
    """Mentions with equal keys are one fact; a figure with no counted noun is never merged."""
    number = mention.number
    if mention.about is None or number.qualifier == "vague":
        return None
    amount = number.value if number.value is not None else (number.low, number.high)
    return (amount, number.unit, mention.about)


def _strongest(mentions: Sequence[_Mention], names: str, level: str) -> tuple[str, ...]:
    """The names found at the closest level any mention reached, in order of first mention."""
    if len(mentions) == 1:  # most facts
        return tuple(dict.fromkeys(getattr(mentions[0], names)))
    best = min(getattr(mention, level) for mention in mentions)
    return tuple(dict.fromkeys(name for mention in mentions if getattr(mention, level) == best for name in getattr(mention, names)))


def _drop_containing_countries(names: tuple[str, ...], locations: dict[str, Location]) -> tuple[str, ...]:
    """"Kursk Oblast" makes "Russia" beside it redundant: keep the most specific places."""
    finer = {locations[name].country for name in names if name in locations and locations[name].kind != "country"}
    return tuple(name for name in names
                 if not (name in locations and locations[name].kind == "country" and locations[name].country in finer))


def _source_entry(source: Source) -> dict[str, Any]:
    return {"speaker": source.speaker, "speaker_name": source.speaker_name, "cue": source.cue, "polarity": source.polarity}


def _fact(doc: Document, mentions: Sequence[_Mention], locations: dict[str, Location]) -> Fact:
    first = mentions[0].number
    first_span = Span(first.start, first.end)
    if len(mentions) == 1 and not mentions[0].copies:  # most figures are stated once
        spans = [first_span]
    else:
        spans = sorted({Span(m.number.start, m.number.end) for m in mentions} | {span for m in mentions for span in m.copies},
                       key=lambda span: span.start)
    backing = [source for m in mentions for source in m.sources]
    sources: list[dict[str, Any]] = []
    for source in backing:
        entry = _source_entry(source)
        if entry not in sources:
            sources.append(entry)
    primary = backing[0] if backing else None
    sentence = mentions[0].sentence
    return Fact(
        text=first.text, start=first.start, end=first.end,
        repeats=tuple(span for span in spans if span != first_span) if len(spans) > 1 else (),
        value=first.value, low=first.low, high=first.high, unit=first.unit, kind=first.kind,
        qualifier=first.qualifier, counted=next((m.number.counted for m in mentions if m.number.counted), None),
        about=next((m.about for m in mentions if m.about), None),
        actors=_strongest(mentions, "actors", "actor_level"),
        locations=_drop_containing_countries(_strongest(mentions, "locations", "location_level"), locations),
        source=(primary.speaker_name or primary.speaker) if primary else None,
        source_kind=primary.speaker_kind if primary else None,
        cue=primary.cue if primary else None,
        polarity=primary.polarity if primary else None,
        sources=tuple(sources),
        sentence=doc.text[sentence.start:sentence.end],
        mention_count=len(spans),
        mentions=tuple(spans),
    )


_FINEST = {"city": 0, "place": 1, "region": 2, "country": 3}  # the finest place first


def main_place(locations: Sequence[Location], doc: Document | None = None) -> tuple[str, ...]:
    """The place the article is about.  News names it in its lead: the one town there, else the one region
    ("in Sindhupalchok district" rather than "Nepal"), or the country of several ("the Arequipa and Moquegua
    regions" of Peru).  Otherwise the most mentioned place."""
    ranked = sorted((location for location in locations if location.mentions), key=lambda location: location.start)
    if not ranked:
        return ()
    lead_end = _lead_end(doc) if doc is not None else 0
    in_lead = [location for location in ranked if location.kind != "country" and any(span.start < lead_end for span in location.mentions)]
    for kind in ("city", "region"):  # "the town of Tawila in North Darfur state": the town
        of_kind = [location for location in in_lead if location.kind == kind]
        if len(of_kind) == 1:
            return (of_kind[0].name,)
        if of_kind:
            break  # several of the finest kind: the event spans them
    countries = {location.country for location in in_lead}
    if len(countries) == 1:
        country = next((location for location in ranked if location.kind == "country" and location.country in countries), None)
        if country is not None:
            return (country.name,)
    return (max(ranked, key=lambda location: len(location.mentions)).name,)


def _lead_end(doc: Document) -> int:
    """The end of the lead: the first two sentences of the first paragraph that is not a headline."""
    for index, paragraph in enumerate(doc.paragraphs):
        body = doc.text[paragraph.start:paragraph.end]
        if body.rstrip().endswith((".", "”", '"')) and len(body) > 120:
            first = doc.sentence_index(paragraph.start)
            last = min(first + 1, len(doc.sentences) - 1)
            return min(doc.sentences[last].end, paragraph.end)
    return 0


def _converted(text: str, mention: _Mention, previous: _Mention | None) -> _Mention:
    """A sum in brackets right after another ("4.5 billion rupees ($33 million)") measures the same thing."""
    if (mention.about is None and previous is not None and previous.about is not None
            and mention.number.kind == previous.number.kind == "money"
            and _CONVERSION_BEFORE.fullmatch(text, previous.number.end, mention.number.start)):
        return dataclasses.replace(mention, about=previous.about)
    return mention


def split_roles(text: str, actors: Sequence[Actor], locations: Sequence[Location]
                ) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Actor and place mentions; a country both extractors found is an actor only where it acts.

    "North Korea has confirmed" is an actor and a place (a country acting is where its figure
    happens); "in Russia" and "Russia's Kursk region" are places only.
    """
    actor_spans = [span for actor in actors for span in _mention_spans(actor)]
    place_spans = [span for location in locations for span in _mention_spans(location)]
    place_starts = {start for start, _end, _name in place_spans}
    shared = {(start, end) for start, end, _name in actor_spans} & {(start, end) for start, end, _name in place_spans}
    as_place = set()
    for start, end in shared:
        possessive = _POSSESSIVE_AFTER.match(text, end)
        if _PLACE_BEFORE.search(text, max(0, start - 20), start) or (possessive and possessive.end() in place_starts):
            as_place.add((start, end))
    return [span for span in actor_spans if span[:2] not in as_place], place_spans


def _restatements(doc: Document, number: Number) -> tuple[list[Number], tuple[Span, ...]]:
    """The number's own restatements (read on their own) and its copies in repeated paragraphs."""
    restated, copies = [], []
    for span in number.repeats:
        if doc.is_repeat(span.start):
            copies.append(span)
        else:
            restated.append(dataclasses.replace(number, text=doc.text[span.start:span.end], start=span.start,
                                                end=span.end, repeats=()))
    return restated, tuple(copies)


def extract_facts(doc: Document, *, numbers: list[Number], actors: list[Actor], locations: list[Location],
                  sources: list[Source]) -> list[Fact]:
    """One fact per amount; restatements of the same figure about the same thing merged."""
    actor_spans, place_spans = split_roles(doc.text, actors, locations)
    said_at = _Coverage(_said_at(doc, sources))
    place_spans = [span for span in place_spans if not said_at.covers(span[0], span[1])]  # the figure is not about it
    # "Two officials speaking on condition of anonymity said": the figure counts the sources, it is not a claim.
    anonymous = _Coverage((source.speaker_start, source.speaker_end) for source in sources
                          if source.speaker_kind == "anonymous" and source.speaker_start is not None)
    amounts = sorted((number for number in numbers if number.kind in AMOUNT_KINDS and not is_age(doc.text, number)
                      and not anonymous.covers(number.start, number.end)), key=lambda number: number.start)
    context = _Context(
        doc=doc, actors=_SpanIndex(actor_spans),
        locations=_SpanIndex(place_spans, rank={location.name: _FINEST.get(location.kind, 9) for location in locations}),
        demonyms=_SpanIndex((span.start, span.end, location.name) for location in locations for span in location.adjectival),
        sources=_SourceIndex(doc, sources),
        figure_starts=sorted([number.start for number in amounts] + [span.start for number in amounts for span in number.repeats]),
        main_place=main_place(locations, doc),
    )
    groups: dict[Any, list[_Mention]] = {}
    previous: _Mention | None = None
    for position, number in enumerate(amounts):
        restated, copies = _restatements(doc, number)
        first = previous = _converted(doc.text, _mention(context, number, copies), previous)
        key = _merge_key(first) or ("single", position)
        groups.setdefault(key, []).append(first)
        for other in (_mention(context, number) for number in restated):
            # The numbers extractor folds equal words; a restatement about something else stands alone.
            joins = first.about is None or other.about in (None, first.about)
            own = key if joins else (_merge_key(other) or ("single", position, other.number.start))
            groups.setdefault(own, []).append(other)
    by_name = {location.name: location for location in locations}
    facts = [_fact(doc, sorted(group, key=_primary_first) if len(group) > 1 else group, by_name)
             for group in _fold_vague(_fold_unnamed(list(groups.values())))]
    return sorted(facts, key=lambda fact: fact.start)


def _is_vague(mention: _Mention) -> bool:
    return mention.number.qualifier == "vague" and mention.number.value is None and mention.number.low is not None


def _primary_first(mention: _Mention) -> tuple[bool, bool, int]:
    """A fact reads from its first attributed precise mention (the body's "at least 56", not the headline's "56");
    a vague one ("thousands") only adds a mention."""
    return (_is_vague(mention), not mention.sources, mention.number.start)


def _fold_unnamed(groups: list[list[_Mention]]) -> list[list[_Mention]]:
    """A sum or share saying nothing of what it measures is the one other figure of its exact value and unit.

    "Haller agreed to a €2.3bn takeover ... the €2.3bn cash offer": two mentions, one fact.  Plain counts
    ("41") are left alone: too many things come in equal numbers.
    """
    def amount(group: list[_Mention]) -> tuple[Any, ...]:
        number = group[0].number
        return (number.value, number.low, number.high, number.unit)

    named: dict[tuple[Any, ...], list[list[_Mention]]] = {}
    for group in groups:
        if group[0].about is not None:
            named.setdefault(amount(group), []).append(group)
    kept = []
    for group in groups:
        same = named.get(amount(group), [])
        if group[0].about is None and group[0].number.unit is not None and not _is_vague(group[0]) and len(same) == 1:
            same[0].extend(group)
        else:
            kept.append(group)
    return kept


def _fold_vague(groups: list[list[_Mention]]) -> list[list[_Mention]]:
    """"Thousands of workers" restates the first precise figure of the same thing in its range (5,000 workers)."""
    precise = sorted((group for group in groups if not _is_vague(group[0])), key=lambda group: group[0].number.start)
    kept = []
    for group in groups:
        vague = group[0]
        target = None
        if _is_vague(vague) and vague.about not in (None, "person"):  # "thousands of people" could be anyone
            low = vague.number.low
            high = vague.number.high if vague.number.high is not None else low * VAGUE_SPAN
            target = next((other for other in precise if other[0].about == vague.about and other[0].number.unit == vague.number.unit
                           and other[0].number.value is not None and low <= other[0].number.value < high), None)
        if target is None:
            kept.append(group)
        else:
            target.extend(group)
    return kept


EXTRACTOR = Extractor("facts", extract_facts, Fact, requires=("numbers", "actors", "locations", "sources"),
                      description="figures linked to what, who, where and who says so")
