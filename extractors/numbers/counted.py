"""What a figure counts: the short noun phrase right after it, or the noun before "of".

"5,000 construction workers and combat engineers" -> "construction workers";
"as many as 15,000 North Korean laborers are" -> "North Korean laborers";
"Thousands of Workers" (a title-case headline) -> "workers"; "revenue of $2.5 billion" -> "revenue".
The phrase stops at punctuation, at a function word or verb, or after four words.
"""

from __future__ import annotations

import regex

from ..document import Document
from .patterns import ends_with, group_numbers, lazy
from .words import ALL_WORDS

_MAX_WORDS = 4
# Up to six words ahead in one match (their spans from ``captures``), rather than a match per word.
_WORDS_AHEAD = lazy(r"(?:[ \u00a0]++(?P<word>\p{L}[\p{L}'’-]*+)){1,6}")
_OF = lazy(r"[ \u00a0]++(?:of|in)(?=[ \u00a0])(?:[ \u00a0]++(?:the|its|their|his|her|our|these|those|all)(?=[ \u00a0]))?")
_LINK_WORDS = ("stood at", "rose to", "fell to", "rose by", "fell by", "of", "was", "were", "is", "are", "totalled", "totaled",
               "reached", "hit", "rose", "fell", "grew", "dropped", "climbed", "jumped", "surged", "slipped", "declined",
               "increased", "decreased", "plunged", "soared", "tumbled")
# A phrase that follows the counted noun inside its subject: "rates on Asia-Europe routes", "unemployment in Spain"
_TRAILING_PHRASE = lazy(
    r"(?P<noun>\p{L}[\p{L}'’-]*)[ \u00a0]+(?:of|in|on|at|for|from|across|among)(?:[ \u00a0]+[\p{L}\d'’.&-]+){1,3}?[ \u00a0]*$",
    regex.REVERSE,
)
_LINK_BEFORE = lazy(  # searched right to left: it ends at the figure
    r"(?P<noun>\p{L}[\p{L}'’-]*)[ \u00a0]+(?:" + "|".join(regex.escape(words) for words in _LINK_WORDS) + r")[ \u00a0]++$",
    regex.VERBOSE | regex.REVERSE,
)
_STOP = frozenset(
    """
    a an the this that these those their its his her our your my and or but nor so yet as than then
    of in on at to for from by with without into onto over under about after before since until during per via
    is are was were be been being am have has had will would could should may might must can do does did
    said says say told according who whom whose which what when where while if whether because although though
    it they them he she we you i us him
    also still already only just now currently even each every more less most least many much few several other another
    some any all both either neither such no not nearly almost around roughly about ago earlier later up down out off there here
    percent per cent pct year years month months week weeks day days today yesterday tomorrow
    """.split()
) | frozenset(ALL_WORDS)
# The total after "of the": "47 of the 125 seats", "of the country's 28 districts".
_TOTAL = lazy(r"(?:[ \u00a0]++\p{L}+['’]s)?[ \u00a0]++\d[\d,]*+(?=[ \u00a0]\p{Ll})")
# A compass word that opens a place: "in southern Brazil", "in the north-east".
_DIRECTION = lazy(r"[ \u00a0]++(?:north|south|east|west|central|northern|southern|eastern|western|northeastern|northwestern|"
                  r"southeastern|southwestern|north-eastern|north-western|south-eastern|south-western)\b")
_IRREGULAR_PAST = frozenset("struck hit shook left took made rose fell grew began came went sent brought caught cost".split())
_TIME_NOUNS = frozenset("year years month months week weeks day days quarter half".split())
_LONG_WORDS = lazy(r"\p{L}{4,}+")  # runs of letters longer than three (a shorter run fails at each of its letters)
_SKIP_FIRST = frozenset("more additional extra further fewer other consecutive straight successive".split())


def counted_after(doc: Document, end: int, *, measured: bool, ranks: bool = False) -> str | None:
    """The noun phrase after the figure; after money, percent or units (``measured``) only behind "of"/"in".

    An ordinal (``ranks``) also ranks spans of time: "the 10th day", "the second quarter", "the third straight month".
    """
    text = doc.text
    if text[end:end + 1] not in (" ", "\u00a0") or not text[end + 1:end + 2].isalpha():
        return None
    leads_of = text[end + 1:end + 3] in ("of", "in")  # one space, then the letters ``_OF`` needs
    if measured and not leads_of:
        return None  # only "of"/"in" (matched by ``_OF`` below) can lead a measured figure to what it counts
    limit = _sentence_end(doc, end)
    position = end
    of = _OF.match(text, position, limit) if leads_of else None
    if of is not None:
        if of.group().lstrip().startswith("in") and (
                text[of.end() + 1:of.end() + 2].isupper() or _DIRECTION.match(text, of.end(), limit)):
            return None  # "4.8% in November", "5,000 in Russia", "34 in southern Brazil": a time or a place
        position = of.end()
        total = _TOTAL.match(text, position, limit)
        if total is not None:
            position = total.end()  # "47 of the 125 seats", "11 of the country's 28 districts": the total's noun
    elif measured:
        return None
    ahead = _WORDS_AHEAD.match(text, position, limit)
    if ahead is None:
        return None
    (word_group,) = group_numbers(ahead.re, ("word",))
    found = ahead.captures(word_group)
    taken = 0
    first = last = None  # the words of the phrase, by index; their offsets are looked up once, at the end
    for index, word in enumerate(found):
        lower = word.lower()
        if not taken and (lower in _SKIP_FIRST or lower.endswith(("'s", "’s"))):  # "more", "the state's"
            continue
        following = found[index + 1] if index + 1 < len(found) else ""
        if (lower in _STOP and not (ranks and lower in _TIME_NOUNS)) or lower.endswith("ly") or _is_verb(lower, following):
            if (lower == "of" and taken == 1 and following[:1].islower() and following not in _STOP
                    and following not in _TIME_NOUNS | {"next", "last"} and not _is_verb_form(following)):
                last = index + 1  # "a 60-day state of emergency": one noun and its "of" complement
            break
        if taken and (lower.endswith("ed") or lower in _IRREGULAR_PAST):
            break  # "the 3% rise surprised analysts", "a 7.1 earthquake struck": after a noun, a past form is the verb
        if first is None:
            first = index
        last = index
        taken += 1
        if taken == _MAX_WORDS or _is_plural_head(word, following):
            break  # "5,000 soldiers came home": a plural noun ends the phrase
    if first is None:
        return None
    phrase = text[ahead.starts(word_group)[first]:ahead.ends(word_group)[last]]
    return phrase.lower() if phrase[0].isupper() and _is_title_case(doc, end) else phrase


def counted_before(doc: Document, start: int, *, measured: bool) -> str | None:
    """"revenue of $2.5 billion", "unemployment rose to 3.9%": the noun before the link word."""
    if not measured:
        return None
    text = doc.text
    if not ends_with(text, start, 40, _LINK_WORDS):
        return None
    sentence_start = _sentence_start(doc, start)
    match = _LINK_BEFORE.search(text, max(sentence_start, start - 40), start)
    if match is None:
        return None
    noun_start, noun = match.start("noun"), match.group("noun")
    for _ in range(0 if text[match.end("noun"):start].split()[0] == "of" else 2):
        # back over "on Asia-Europe routes", then "of electric cars", to the subject's head ("a depth of 28 km": none)
        head = _TRAILING_PHRASE.search(text, max(sentence_start, noun_start - 60), noun_start + len(noun))
        if head is None or head.group("noun").lower() in _STOP or _is_verb_form(head.group("noun").lower()):
            break
        noun_start, noun = head.start("noun"), head.group("noun")
    title_case = noun[0].isupper() and (_is_title_case(doc, start) or noun_start == sentence_start)
    if noun.lower() in _STOP or _is_verb_form(noun.lower()) or noun[0].isupper() and not title_case:
        return None  # "reserves stood at", "the United Kingdom's 18%": no noun to count
    return noun.lower() if title_case else noun


# Plurals without -s that end a counted phrase as "soldiers" does ("68 people remain missing"), unless a
# plural noun they modify follows ("800,000 police officers", "5,000 women voters").
_IRREGULAR_PLURALS = frozenset("people children men women police staff personnel cattle livestock sheep fish deer".split())


def _is_plural_head(word: str, following: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return not _is_s_plural(following)
    return _is_s_plural(word)


def _is_s_plural(word: str) -> bool:
    return word.islower() and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _is_verb(word: str, following: str) -> bool:
    """"killed", "showing the": a verb ends the phrase; "trained soldiers", "meeting on": modifiers and nouns do not."""
    if word.endswith("ing") and following.lower() not in _OBJECT_WORDS:
        return False  # "ninth consecutive meeting", "a building"
    return _is_verb_form(word) and not _is_noun(following)


_OBJECT_WORDS = frozenset("the a an his her their its them it this that these those our".split())


def _is_verb_form(word: str) -> bool:
    return word.endswith(("ed", "ing"))


def _is_noun(word: str) -> bool:
    """"5,000 trained soldiers": an -ed/-ing word is kept when a plain word follows."""
    word = word.lower()
    return bool(word) and word not in _STOP and not _is_verb_form(word) and not word.endswith("ly")


def _sentence_end(doc: Document, offset: int) -> int:
    sentence = doc.sentence_at(max(0, offset - 1))
    return sentence.end if sentence is not None else len(doc.text)


def _sentence_start(doc: Document, offset: int) -> int:
    sentence = doc.sentence_at(offset)
    return sentence.start if sentence is not None else 0


def _is_title_case(doc: Document, offset: int) -> bool:
    """A headline such as "North Korea to Send Thousands of Workers": most words capitalised."""
    sentence = doc.sentence_at(max(0, offset - 1))
    if sentence is None:
        return False
    words = _LONG_WORDS.findall(doc.text, sentence.start, sentence.end)
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)
