"""Locations: places resolved to a canonical name, kind, country code and coordinates.

One pass of one pattern finds runs of capitalised words ("Rio Grande do Sul",
"Russia’s", "U.S."); inside each run the longest surface forms the gazetteer
knows are looked up.  Context then decides two things, by classes of evidence:

- whether a hit is a place at all: a name inside a longer capitalised name
  ("Michael Jordan", "Paris Agreement") is not; a place name that is also an
  ordinary English word ("Reading", "Nice") or a given name needs a locative
  word before it or ", <state>" after it; a small foreign town needs the same
  or its country elsewhere in the text; title-case headlines accept only the
  names that need no such support;
- which place it is: a following "region"/"state" word, "<Country>'s" before
  it, ", <state or country>" after it, a governor, and the countries the rest
  of the document names or implies (Atlanta makes Georgia the US state, Tbilisi
  the country); otherwise the prior order of the gazetteer (countries, capitals
  and big cities, regions, smaller cities by population).

Mentions of one place are merged; "the region" joins the region named before
it.  Demonyms ("South Korean") are not mentions: they are listed in
``adjectival`` on their country, which is reported even when only its
adjective occurs.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field


from . import gazetteer, names
from .document import Document
from .patterns import compile_pattern
from .gazetteer import Place
from .records import Location, Span
from .registry import Extractor

# Lower-case words that may stand inside a place name: "Rio Grande do Sul", "Gulf of Aden".
_PARTICLES = "of|de|do|da|dos|das|del|della|di|du|des|la|le|el|al|the|and|upon|on|am|an|der|den|van|von|y|sur|en"
_WORD = r"(?:\p{Lu}\.(?:\p{Lu}\.)++|\p{Lu}[\p{L}\p{M}'’\-]*+)"
# A run of capitalised words joined by single spaces and particles; possessive, so linear.
_RUN = compile_pattern(rf"(?<![\p{{L}}\p{{N}}]){_WORD}(?:[ ](?:(?:{_PARTICLES})[ ])*+{_WORD})*+")
_TOKEN = compile_pattern(r"\S+")
_POSSESSIVE = ("'s", "’s", "'", "’")
_NEXT_WORD = compile_pattern(r"[ ]([\p{Lu}][\p{L}\p{M}'’\-]*)")
_LETTER_WORD = compile_pattern(r"\p{L}[\p{L}'’\-]*")
_LOWER_TYPES = "region|province|state|oblast|governorate|prefecture|county|district|territory|city"
_LOWER_TYPE_AFTER = compile_pattern(rf"[ ]({_LOWER_TYPES})\b")
# A plural type word shared by coordinated names types each of them: "the Arequipa and Moquegua regions".
_PLURAL_TYPES = "regions|provinces|states|districts|counties|prefectures|governorates|oblasts|cities"
_NAME = r"\p{Lu}[\p{L}\p{M}'’\-]*(?:[ ]\p{Lu}[\p{L}\p{M}'’\-]*)?"
_SHARED_TYPE_AFTER = compile_pattern(rf"(?:,[ ]{_NAME})*,?[ ](?:and|or)[ ]{_NAME}[ ]({_PLURAL_TYPES})\b|[ ]({_PLURAL_TYPES})\b")
# First letters of the words those patterns read after a space: a cheap test before matching them.
_LOWER_TYPE_INITIALS = frozenset(word[0] for word in _LOWER_TYPES.split("|"))
_SHARED_TYPE_INITIALS = frozenset(word[0] for word in f"{_PLURAL_TYPES}|and|or".split("|"))
# A river or lake named after a place is not that place: "the Jordan river", "the Taquari and Jacuí rivers".
_WATER_AFTER = compile_pattern(rf"(?:(?:,[ ]{_NAME})*,?[ ](?:and|or)[ ]{_NAME})?[ ](?:river|rivers|lake|lakes)\b")
_COMMA_PLACE = compile_pattern(rf"(,[ ])({_WORD}(?:[ ]{_WORD}){{0,3}})")
_ANAPHOR = compile_pattern(r"\b[Tt]he[ ](region|province|oblast|governorate|prefecture|state)\b")
# A description of a region in a headline or lead: "Russian Border Region".
_REGION_HEADS = ("Region", "Province", "Oblast")
_REGION_PHRASE = compile_pattern(rf"\b({_WORD}[ ])?(?:{_WORD}[ ])?({'|'.join(_REGION_HEADS)})\b")

# A name the gazetteer lacks, made a region by the word after it: "Sindhupalchok district", "Kajiado County".
# Not when a capitalised word follows ("Kings County Hospital", "District Court": an institution).
_REGION_TYPES = "district|county|province|prefecture|governorate|oblast|region"
_REGION_TYPE_WORDS = tuple(_REGION_TYPES.split("|"))
# The only non-ASCII letters that match a type word's letters when case is ignored (İ as i, ſ as s).
_CASELESS_ODD_LETTERS = ("İ", "ſ")
_UNLISTED_REGION = compile_pattern(
    rf"(?<![\p{{L}}\p{{N}}'’\-])(\p{{Lu}}\p{{Ll}}[\p{{L}}\p{{M}}'’\-]*(?:[ ]\p{{Lu}}\p{{Ll}}[\p{{L}}\p{{M}}'’\-]*)?)[ ]"
    rf"((?i:{_REGION_TYPES}))\b(?![ ]\p{{Lu}})"
)
# A settlement the gazetteer lacks, named by the word before it: "the besieged town of Tawila", "the village of Kuchi".
_UNLISTED_TOWN = compile_pattern(
    r"\b(?:town|towns|village|villages|city|hamlet|port|settlement|township|suburb|neighbourhood|neighborhood)[ ]of[ ]"
    r"(\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*(?:[ ]\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*)?)(?![\p{L}\p{N}])"
)
# Capitalised words that describe a district rather than name one ("the Central district", "a Republican district").
_REGION_DESCRIPTIONS = frozenset(
    """
    The This That These Those Each Every Another Any Some Which What Whose Our Their His Her Its My Your One
    North South East West Northern Southern Eastern Western Central Upper Lower Middle Inner Outer Greater
    Federal Special Autonomous Administrative Electoral Congressional Legislative Parliamentary Judicial Police
    Military Health School Business Financial Commercial Industrial Residential Historic Capital Metropolitan
    Republican Democratic Labour Conservative Liberal Home Local Rural Urban Border Coastal Neighbouring Neighboring
    Same Other Entire Whole New Old First Second Third Last Next Wine Mountain Lake River Royal Imperial
    """.split()
)

# "of" and "to" often stand before places ("the mayor of", "flew to") but as often before other names.
_WEAK_LOCATIVES = frozenset({"of", "to"})
LOCATIVE_WORDS = frozenset(
    "in at near from to into outside inside across around toward towards via through throughout within "
    "between along off northern southern eastern western central north south east west of".split()
)
# Capitalised words that start sentences or headlines without being part of a name.
_FUNCTION_WORDS = frozenset(
    "in at on to from near for by with of and or but the a an as after before when while since during "
    "across into outside inside both between if although though despite amid over under this that these those "
    "meanwhile however yesterday today".split()
)
# Compass nouns kept in the span: "East Africa", "Lower Austria", "North-West India".
_PREFIXES = frozenset(
    "North South East West Upper Lower Greater North-West North-East South-West South-East Northwest Northeast "
    "Southwest Southeast".split()
)
_DIRECTIONS = frozenset("North South East West Northern Southern Eastern Western Central Greater Upper Lower Outer".split())
# Capitalised words after a place that continue it: "Kursk Oblast", "Gaza City".
_TYPE_WORDS = {
    "Region": "region", "Province": "region", "State": "region", "Oblast": "region", "Governorate": "region",
    "Prefecture": "region", "County": "region", "Territory": "region", "City": "city",
}
# Head words that make a capitalised run a natural feature or a facility (UNER tags these LOC).
_FEATURE_HEADS = frozenset(
    "River Sea Ocean Lake Lakes Mountains Mountain Mount Island Islands Bay Gulf Valley Desert Peninsula Strait "
    "Canal Delta Street Avenue Road Square Bridge Park Boulevard Highway Coast Falls Forest Hills Heights Harbor "
    "Harbour Garden Gardens Plaza Airport".split()
)
_FEATURE_STARTS = frozenset("Mount Lake Cape Isle".split())
_FEATURE_WORDS = _FEATURE_HEADS | _FEATURE_STARTS
_SPEECH_AFTER = compile_pattern(r"[ ](?:said|says|told|added|wrote|argued|explained|noted|replied|asked)\b")
_OF_BEFORE = compile_pattern(rf"((?:{_WORD}[ ])+)of[ ](?:the[ ])?$")
_COORDINATION = compile_pattern(r",?[ ](?:and|or|and then|as well as)[ ]|,[ ]")
_ACCORDING = compile_pattern(r"\b[Aa]ccording to[ ]$")
_GOVERNOR = compile_pattern(r"\b(?:[Gg]overnor|Gov\.|state legislature|statehouse)\b")
# Offices named after the place they serve: "Texas Governor Greg Abbott", "Moscow Mayor".
_OFFICES = frozenset(
    "Mayor Governor Gov President Premier Prime Minister Senator Sen Rep Representative Attorney Police Sheriff "
    "Chief Governor-General Lieutenant Councillor Commissioner".split()
)
# Heads of a polity's long name, kept in the mention: "Kingdom of France", "City of Buenos Aires".
_POLITY_HEADS = frozenset(
    "Republic Kingdom Principality Duchy Grand Empire Emirate Sultanate Commonwealth Federation State City "
    "Community Province County Region Municipality Canton Territory Isle Island Islands Gulf Bay Sea Strait".split()
)
_SMALL_CITY = 100_000
_BIG_CITY = 1_000_000


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    surface: str
    candidates: tuple[Place, ...]
    demonym: str | None = None  # country code when the hit is a demonym
    type_word: str | None = None  # "region", "city": from "Kursk region", "Gaza City"
    owner: str | None = None  # country code of "Russia's" before the hit
    comma_place: tuple[Place, ...] = ()  # what ", Texas" after the hit names
    comma_end: int = 0
    locative: bool = False  # a locative word ("in", "near") before it
    supported: bool = False  # a locative word before, or ", <place>" after
    inside_name: bool = False  # part of a longer capitalised name
    headline: bool = False
    sentence_start: bool = False
    next_word: str | None = None
    speech_after: bool = False  # "said", "told" right after it: a person's name
    water_after: bool = False  # "river", "lakes" right after it (or after names joined to it): a river's name
    chosen: Place | None = field(default=None)


def extract_locations(doc: Document) -> list[Location]:
    """Every place the text names, one record per place with all its mentions."""
    text = doc.text
    starts = gazetteer.first_words()
    hits: list[_Hit] = []
    for run in _RUN.finditer(text):
        surface = run.group()
        # Most runs are one capitalised word that begins no place name: skipped before any splitting.
        if " " in surface or "-" in surface or _key(surface) in starts:
            hits += _hits_in_run(text, run.start(), surface)
    _add_context(doc, hits)
    named = _named_countries(hits)
    places = [hit for hit in hits if hit.demonym is None and _is_place(hit, named)]
    places = _with_coordinated(text, hits, places, named)
    places = _without_short_names(hits, places)
    context = _context_countries(hits, places)
    for hit in places:
        hit.chosen = _choose(hit, context, text)
    places = sorted(places + _unlisted_regions(text, hits, places), key=lambda hit: hit.start)
    return _records(doc, places, [hit for hit in hits if hit.demonym is not None])


def _hits_in_run(text: str, start: int, run: str) -> list[_Hit]:
    """Longest gazetteer surfaces (and demonyms) inside one capitalised run (``run`` at ``start``), left to right."""
    starts = gazetteer.first_words()
    if " " not in run:  # one word, the commonest run: no feature, no longer surface
        hit = _lookup(text, start, _strip_possessive(text, start, start + len(run))) if starts.get(_key(run)) else None
        if hit is not None:
            return [hit]
        return _hyphen_parts(text, start, start + len(run)) if "-" in run else []
    words = run.split(" ")
    longest = [starts.get(_key(word), 0) for word in words]  # the most words a surface starting there has
    with_feature = not _FEATURE_WORDS.isdisjoint(map(_strip_word, words) if "'" in run or "’" in run else words)
    if not with_feature and "-" not in run and not any(longest):  # "President Joe Biden"
        return []
    tokens = []
    for word in words:
        tokens.append((start, start + len(word)))
        start += len(word) + 1
    hits: list[_Hit] = []
    count = len(tokens)
    i = 0
    while i < count:
        if words[i][0].islower():
            i += 1
            continue
        hit = None
        for j in range(min(count, i + longest[i]), i, -1):
            if words[j - 1][0].islower():
                continue
            hit = _lookup(text, tokens[i][0], _strip_possessive(text, tokens[j - 1][0], tokens[j - 1][1]))
            if hit is not None:
                break
        feature = _feature(text, tokens, words, i) if with_feature else None
        if feature is not None and (hit is None or feature.end > hit.end) and not _country_leads(hit, feature):
            hit = feature
        if hit is None:
            if "-" in words[i]:
                hits.extend(_hyphen_parts(text, *tokens[i]))
            i += 1
            continue
        hits.append(hit)
        while i < count and tokens[i][0] < hit.end:
            i += 1
    return hits


def _unlisted_regions(text: str, hits: list[_Hit], places: list[_Hit]) -> list[_Hit]:
    """Districts and counties ("Sindhupalchok district") and towns ("the town of Tawila") the gazetteer lacks,
    with every bare mention of their name; in the country the document names most, if it names one most.
    No coordinates."""
    regions = list(_UNLISTED_REGION.finditer(text)) if _may_have_region_type(text) else []
    towns = list(_UNLISTED_TOWN.finditer(text))
    if not regions and not towns:  # most documents
        return []
    taken = [(hit.start, hit.end) for hit in hits]
    country = _main_country(hits, places)
    found: list[_Hit] = []
    named: dict[str, Place] = {}
    for match in regions:
        name = match.group(1)
        if name.endswith(_POSSESSIVE) or any(word in _REGION_DESCRIPTIONS or gazetteer.demonym_country(word) for word in name.split()):
            continue
        if _overlaps(taken, match.start(), match.end()) or gazetteer.lookup(name):
            continue
        place = named.setdefault(name, Place(f"{name} {match.group(2).capitalize()}", "region", country, None, None))
        found.append(_Hit(match.start(), match.end(), match.group(), (place,), chosen=place))
    for match in towns:
        name = match.group(1)
        if name.endswith(_POSSESSIVE) or _overlaps(taken, match.start(1), match.end(1)) or gazetteer.lookup(name):
            continue
        if any(word in _REGION_DESCRIPTIONS or gazetteer.demonym_country(word) for word in name.split()):
            continue
        place = named.setdefault(name, Place(name, "city", country, None, None))
        found.append(_Hit(match.start(1), match.end(1), name, (place,), chosen=place))
    taken += [(hit.start, hit.end) for hit in found]
    for name, place in named.items():
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            whole_word = not (start and text[start - 1].isalnum()) and not text[end : end + 1].isalnum()
            if whole_word and not _overlaps(taken, start, end):
                found.append(_Hit(start, end, name, (place,), chosen=place))
            start = text.find(name, end)
    return found


def _may_have_region_type(text: str) -> bool:
    """False when no district/county/... word stands in the text in any case: most news skips the region scan."""
    lowered = text.lower()
    return any(word in lowered for word in _REGION_TYPE_WORDS) or any(letter in text for letter in _CASELESS_ODD_LETTERS)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _main_country(hits: list[_Hit], places: list[_Hit]) -> str | None:
    """The country the document names (or implies by demonyms) most often; None on a tie or none."""
    counts: dict[str, int] = {}
    for hit in places:
        if hit.chosen is not None and hit.chosen.kind == "country":
            counts[hit.chosen.country] = counts.get(hit.chosen.country, 0) + 1
    for hit in hits:
        if hit.demonym:
            counts[hit.demonym] = counts.get(hit.demonym, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=counts.get)


def _country_leads(hit: _Hit | None, feature: _Hit) -> bool:
    """"US Warships Transit Strait" is the US and a headline; "Irish Sea", "Ohio River" are features."""
    if hit is None or (hit.candidates and hit.candidates[0].kind != "country"):
        return False
    return feature.surface.count(" ") > hit.surface.count(" ") + 1


@functools.lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """A word as the gazetteer's first-word table stores it (news repeats its words: cached)."""
    return gazetteer.fold(_strip_word(word).replace("’", "'"))


def _lookup(text: str, start: int, end: int) -> _Hit | None:
    surface = text[start:end]
    candidates, code = _resolve(surface)
    if candidates:
        return _Hit(start, end, surface, candidates)
    if code is not None:
        return _Hit(start, end, surface, (), demonym=code)
    return None


@functools.lru_cache(maxsize=16384)
def _resolve(surface: str) -> tuple[tuple[Place, ...], str | None]:
    """(places, demonym's country) for a surface form; news repeats its names, so this is cached."""
    key = gazetteer.fold(gazetteer.normalize(surface))
    return gazetteer.lookup(key), gazetteer.demonym_country(key)


def _strip_possessive(text: str, start: int, end: int) -> int:
    """The end of a token without "'s": "Russia’s" -> "Russia"."""
    if end <= start or text[end - 1] not in "s'’":  # every possessive ending ends in "s" or an apostrophe
        return end
    for suffix in _POSSESSIVE:
        if text.endswith(suffix, start, end) and end - len(suffix) > start:
            return end - len(suffix)
    return end


def _hyphen_parts(text: str, start: int, end: int) -> list[_Hit]:
    """Places inside a hyphenated word: "Russia-Ukraine", "Kursk-based"."""
    if "-" not in text[start:end]:
        return []
    hits = []
    position = start
    for part in text[start:end].split("-"):
        if part[:1].isupper():
            hit = _lookup(text, position, _strip_possessive(text, position, position + len(part)))
            if hit is not None:
                hits.append(hit)
        position += len(part) + 1
    return hits


def _feature(text: str, tokens: list[tuple[int, int]], words: list[str], i: int) -> _Hit | None:
    """A capitalised run headed by a feature word: "Hudson River", "Mount Everest", "H Street"."""
    if words[i] in _FEATURE_STARTS and i + 1 < len(words) and words[i + 1][:1].isupper():
        end = tokens[i + 1][1]
        return _Hit(tokens[i][0], _strip_possessive(text, tokens[i + 1][0], end), text[tokens[i][0]:end], (_feature_place(text[tokens[i][0]:end]),))
    if words[i].lower() in _FUNCTION_WORDS:
        return None
    for j in range(i + 1, min(len(words), i + 4)):
        if words[j][:1].islower() or _strip_word(words[j - 1]) != words[j - 1]:
            return None  # no particle, no possessive inside: "Florida's Gulf" is Florida's, not a name
        if _strip_word(words[j]) in _FEATURE_HEADS:
            end = _strip_possessive(text, tokens[j][0], tokens[j][1])
            surface = text[tokens[i][0]:end]
            return _Hit(tokens[i][0], end, surface, (_feature_place(surface),))
    return None


def _strip_word(word: str) -> str:
    """``word`` without a possessive ending."""
    if "'" not in word and "’" not in word:
        return word
    for suffix in _POSSESSIVE:
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _feature_place(surface: str) -> Place:
    return Place(gazetteer.normalize(surface), "place", None, None, None)


def _add_context(doc: Document, hits: list[_Hit]) -> None:
    """Read what stands around each hit: the evidence the rules below weigh."""
    text = doc.text
    ends = {hit.end: hit for hit in hits}
    headlines: dict[tuple[int, int], bool] = {}  # sentence bounds -> a title-case line?
    sentence: Span | None = None
    for hit in hits:
        if sentence is None or not sentence.start <= hit.start < sentence.end:  # hits come in order, often several a sentence
            sentence = doc.sentence_at(hit.start)
            sentence_start = sentence.start if sentence else 0
            bounds = (sentence_start, sentence.end if sentence else len(text))
            if bounds not in headlines:
                headlines[bounds] = _is_headline(text, *bounds)
        hit.headline = headlines[bounds]
        hit.sentence_start = not text[sentence_start:hit.start].strip(" \"'“‘(")
        previous_word = _previous_word(text, max(sentence_start, hit.start - 40), hit.start)
        previous_lower = previous_word.lower()
        hit.supported = previous_lower in LOCATIVE_WORDS and not (
            previous_word == "to" and _ACCORDING.search(text, max(0, hit.start - 16), hit.start)
        )
        hit.locative = hit.supported and previous_lower not in _WEAK_LOCATIVES
        owner_hit = ends.get(hit.start - 3) or ends.get(hit.start - 1)
        if owner_hit is not None and text[owner_hit.end:hit.start].strip() in ("'s", "’s", "'", "’"):
            owner = owner_hit.candidates[:1]
            hit.owner = owner[0].country if owner and owner[0].kind == "country" else None
        if previous_word and previous_word[0].isupper() and not hit.sentence_start and not _is_free_word(previous_word):
            hit.inside_name = True
        if hit.demonym is not None:
            continue
        _extend_left(text, hit, sentence_start, previous_word)
        following = text[hit.end:hit.end + 40]
        spaced = following.startswith(" ")  # the patterns read after a hit begin with a space (or a comma)
        next_word = _NEXT_WORD.match(following) if spaced else None
        hit.next_word = next_word.group(1) if next_word else None
        hit.speech_after = spaced and _SPEECH_AFTER.match(following) is not None
        hit.water_after = spaced and _WATER_AFTER.match(text, hit.end, min(len(text), hit.end + 120)) is not None
        if hit.next_word in _TYPE_WORDS:
            hit.type_word = _TYPE_WORDS[hit.next_word]
            hit.end += 1 + len(hit.next_word)
            hit.surface = text[hit.start:hit.end]
            following = text[hit.end:hit.end + 40]
            next_word = _NEXT_WORD.match(following)  # "Birmingham City Council" goes on
            hit.next_word = next_word.group(1) if next_word else None
        else:
            initial = following[1:2] if spaced else ""
            lower_type = _LOWER_TYPE_AFTER.match(following) if initial in _LOWER_TYPE_INITIALS else None
            shared_type = (
                _SHARED_TYPE_AFTER.match(text, hit.end, min(len(text), hit.end + 120))
                if not lower_type and (initial in _SHARED_TYPE_INITIALS or following.startswith(",")) else None
            )
            if lower_type:
                hit.type_word = "city" if lower_type.group(1) == "city" else "region"
                hit.end += lower_type.end()
                hit.surface = text[hit.start:hit.end]
            elif shared_type:
                hit.type_word = "city" if (shared_type.group(1) or shared_type.group(2)) == "cities" else "region"
        comma = _COMMA_PLACE.match(text, hit.end, min(len(text), hit.end + 60)) if text.startswith(", ", hit.end) else None
        if comma:
            hit.comma_place = _comma_candidates(comma.group(2))
            if hit.comma_place:
                hit.comma_end = comma.start(2) + len(comma.group(2))
                hit.supported = True
        if hit.next_word in _DIRECTIONS or previous_word in _DIRECTIONS:
            hit.inside_name = False


def _previous_word(text: str, start: int, end: int) -> str:
    """The letters (and dots, apostrophes) right before ``end``, past spaces: "in", "Mr.", "Russia’s"."""
    before = text[start:end].rstrip(" \t")
    last = before.rsplit(" ", 1)[-1]
    if last.isalpha():  # the common case: a plain word, read at once
        return last
    end = len(before) + start
    position = end
    while position > start and (text[position - 1].isalpha() or text[position - 1] in ".'’-"):
        position -= 1
    return text[position:end]


def _extend_left(text: str, hit: _Hit, sentence_start: int, previous_word: str) -> None:
    """Take in what belongs to the name before it: "East Africa", "Kingdom of France".

    "<Organisation> of <place>" ("Bank of Scotland") makes the place part of that name.
    """
    if previous_word in _PREFIXES and text.endswith(previous_word + " ", sentence_start, hit.start):
        hit.start -= len(previous_word) + 1
        hit.surface = text[hit.start:hit.end]
        return
    if hit.headline or not text.endswith(("of ", "of the "), sentence_start, hit.start):
        return
    of = _OF_BEFORE.search(text, max(sentence_start, hit.start - 60), hit.start)
    if of is None:
        return
    words = of.group(1).split()
    if words[-1] not in _POLITY_HEADS:
        # "Bank of Scotland" is a name; "Haller-Brandt of Stuttgart", "Margaret of Parma" name a place
        hit.inside_name = words[-1] in names.ORG_HEADS or words[-1] in names.FACILITY_HEADS
        hit.locative = hit.supported = not hit.inside_name and words[-1].lower() not in _FUNCTION_WORDS
        return
    start = of.start(1)
    for word in words:
        if word.lower() not in _FUNCTION_WORDS:
            break
        start += len(word) + 1
    hit.start = start
    hit.surface = text[hit.start:hit.end]


def _is_free_word(word: str) -> bool:
    """A capitalised word before a place that does not make it part of a longer name."""
    word = _strip_word(word.rstrip("."))
    return (
        word.lower() in _FUNCTION_WORDS
        or word in _DIRECTIONS
        or gazetteer.demonym_country(word) is not None
        or gazetteer.has_surface(gazetteer.fold(word))
    )


def _comma_candidates(surface: str) -> tuple[Place, ...]:
    """Places named by the words after a comma: "Texas" in "Paris, Texas", "D.C.", "France"."""
    words = surface.split(" ")
    for count in range(len(words), 0, -1):
        found = gazetteer.lookup(_strip_word(" ".join(words[:count])))
        found = tuple(place for place in found if place.kind in ("region", "country"))
        if found:
            return found
    return ()


@functools.lru_cache(maxsize=4096)
def _is_headline_text(sentence: str) -> bool:
    if sentence.rstrip("\"'”’) ").endswith((".", "!", "?")):
        # Like a sentence: a headline only when every content word is capitalised, so the first that is not ends it.
        count = 0
        for match in itertools.islice(_LETTER_WORD.finditer(sentence), 1, None):
            word = match.group()
            if word.lower() not in _FUNCTION_WORDS:
                if not word[0].isupper():
                    return False
                count += 1
        return count >= 6
    words = [word for word in _LETTER_WORD.findall(sentence)[1:] if word.lower() not in _FUNCTION_WORDS]
    capitalised = sum(word[0].isupper() for word in words)
    return len(words) >= 3 and capitalised >= 0.75 * len(words)


def _is_headline(text: str, start: int, end: int) -> bool:
    """A title-case line: after the first word, most content words capitalised (all if it ends like a sentence)."""
    return _is_headline_text(text[start:end]) if end - start < 300 else False


def _is_place(hit: _Hit, named: frozenset[str]) -> bool:
    """Whether the evidence around a hit lets it stand as a place (``named``: countries the text names)."""
    best = hit.candidates[0]
    if best.kind == "place" and best.population == 0 and best.country is None and best.lat is None:
        return not hit.headline or hit.surface.count(" ") == 1  # "Gulf Coast", not "Warships Transit Strait"
    single = " " not in hit.surface and hit.type_word is None
    if hit.water_after:
        return False
    if hit.inside_name and not hit.headline:
        return False
    if hit.next_word and not hit.headline and best.kind != "country" and _continues_name(hit.next_word):
        return False
    if hit.next_word and best.kind == "country" and hit.next_word in names.ORG_HEADS and not hit.headline:
        return False
    needs_support = single and (_is_common_word(hit) or _is_person_name(hit))
    if needs_support:
        return not hit.headline and (bool(hit.comma_place) or (hit.locative and not hit.sentence_start))
    if single and best.kind == "city" and best.population < _BIG_CITY and _is_personal(hit.surface) and not gazetteer.is_capital(best):
        return hit.supported or (best.country in named and not hit.headline)
    if best.kind == "city" and best.population < _SMALL_CITY and hit.type_word is None and " " not in hit.surface:
        return hit.supported or (best.country in named and not hit.headline)
    return True


def _is_common_word(hit: _Hit) -> bool:
    """A place name that is also an ordinary word ("Reading", "Nice"); countries and big cities are exempt."""
    best = hit.candidates[0]
    big = best.kind in ("country", "place") or (best.kind == "city" and best.population >= _BIG_CITY)
    return not big and gazetteer.is_common_word(hit.surface)


def _with_coordinated(text: str, hits: list[_Hit], places: list[_Hit], named: frozenset[str]) -> list[_Hit]:
    """Accept a name joined to an accepted place by "and", "or" or a comma: "London and then Glasgow"."""
    accepted = {id(hit) for hit in places}
    previous: _Hit | None = None
    for hit in hits:
        if hit.demonym is not None:
            continue
        if id(hit) in accepted:
            previous = hit
        elif previous is not None and _COORDINATION.fullmatch(text, previous.end, hit.start):
            hit.locative = hit.supported = True
            if _is_place(hit, named):
                accepted.add(id(hit))
                previous = hit
    return [hit for hit in hits if id(hit) in accepted]


def _without_short_names(hits: list[_Hit], places: list[_Hit]) -> list[_Hit]:
    """Drop a bare city or region name that the text also uses to begin a longer name.

    After "Tokai Precision Industries", "Tokai's stock fell" is the company, not the town: the
    bare form keeps its place reading only with a locative word or ", <state>".
    """
    accepted = {id(hit) for hit in places}
    name_starts = {
        hit.surface for hit in hits
        if id(hit) not in accepted and hit.next_word and hit.candidates and hit.candidates[0].kind in ("city", "region")
    }
    if not name_starts:
        return places
    return [hit for hit in places if hit.surface not in name_starts or hit.supported]


def _continues_name(word: str) -> bool:
    """A capitalised word after a city or region that makes one longer name ("Paris Agreement").

    Not: an office held there ("Texas Governor"), a pronoun, or a region or country ("Paris Texas").
    """
    if word in _OFFICES or word == "I" or word.lower() in _FUNCTION_WORDS:
        return False
    return not any(place.kind in ("region", "country") for place in gazetteer.lookup(word)[:1])


def _is_person_name(hit: _Hit) -> bool:
    """A one-word place that may be a person's name here ("Jordan Peterson", "Victoria said", "Lincoln").

    Any given name before another capitalised word, or before a speech verb unless it is a
    country; a small city's name when it is also a given name or surname.
    """
    word, best = hit.surface, hit.candidates[0]
    if not _is_personal(word):
        return False
    if hit.next_word is not None and not hit.headline:  # a headline capitalises every word
        return True
    if hit.speech_after:
        return best.kind != "country"  # "Israel said": a country acting is still the place
    return best.kind == "city" and best.population < _SMALL_CITY


def _named_countries(hits: list[_Hit]) -> frozenset[str]:
    """Countries the text names or implies by a demonym: a small town there needs less support."""
    codes = {hit.demonym for hit in hits if hit.demonym}
    codes |= {hit.candidates[0].country for hit in hits if hit.candidates and hit.candidates[0].kind == "country"}
    return frozenset(codes)


@functools.lru_cache(maxsize=16384)
def _is_personal(word: str) -> bool:
    """In the given-name or surname lists (NOT_NAMES: listed there, but mostly used otherwise, places among them)."""
    return names.is_given_name(word) or names.is_weak_given_name(word) or names.is_surname(word) or word in names.NOT_NAMES


def _context_countries(hits: list[_Hit], places: list[_Hit]) -> frozenset[str]:
    """Countries the document names, implies by demonyms, or locates unambiguous places in."""
    codes = {hit.demonym for hit in hits if hit.demonym}
    for hit in places:
        countries = {place.country for place in hit.candidates}
        if len(countries) == 1 and None not in countries:
            codes |= countries
    return frozenset(codes)


def _choose(hit: _Hit, context: frozenset[str], text: str) -> Place:
    """The candidate the evidence favours; the gazetteer's prior order breaks ties."""
    if len(hit.candidates) == 1:
        return hit.candidates[0]
    sentence_governor = _GOVERNOR.search(text, max(0, hit.start - 120), min(len(text), hit.end + 120)) is not None
    comma_countries = {place.country for place in hit.comma_place}

    def score(indexed: tuple[int, Place]) -> tuple[int, int]:
        rank, place = indexed
        points = 0
        if hit.type_word is not None:
            points += 8 if place.kind == hit.type_word else -8
        if hit.owner is not None:
            points += 6 if place.country == hit.owner else -2
        if comma_countries:
            points += 6 if place.country in comma_countries else -4
        if place.country in context and (place.kind == "region" or place.population >= _SMALL_CITY):
            points += 3  # a notable place in a country the text is about (not a village of that name)
        if sentence_governor and place.kind == "region":
            points += 4
        return (points, -rank)

    return max(enumerate(hit.candidates), key=score)[1]


def _records(doc: Document, places: list[_Hit], demonyms: list[_Hit]) -> list[Location]:
    text = doc.text
    mentions: dict[Place, list[Span]] = {}
    swallowed: set[int] = set()  # the region of "Paris, Texas" is not a mention of its own
    for hit in places:
        if hit.start in swallowed:
            continue
        end = hit.end
        if hit.comma_end and hit.chosen.kind == "city" and _same_country(hit):
            end = hit.comma_end
            swallowed.add(text.index(",", hit.end) + 2)
        mentions.setdefault(hit.chosen, []).append(Span(hit.start, end))
    _add_anaphors(text, mentions)
    adjectival: dict[str, list[Span]] = {}
    for hit in demonyms:
        adjectival.setdefault(hit.demonym, []).append(Span(hit.start, hit.end))
    by_country = {place.country: place for place in mentions if place.kind == "country"}
    for code in adjectival:
        if code not in by_country:
            place = gazetteer.country(code)
            if place is not None:
                by_country[code] = place
                mentions.setdefault(place, [])
    records = []
    for place, spans in mentions.items():
        spans, repeated = _first_copies(doc, sorted(set(spans), key=lambda span: (span.start, span.end)))
        adjectives, repeated_adjectives = _first_copies(doc, adjectival.get(place.country, []) if place.kind == "country" else [])
        first = spans[0] if spans else adjectives[0]
        records.append(
            Location(
                text=text[first.start:first.end], start=first.start, end=first.end,
                name=place.name, kind=place.kind, country=place.country, lat=place.lat, lon=place.lon,
                mentions=spans, adjectival=adjectives, repeats=repeated + repeated_adjectives,
            )
        )
    return sorted(records, key=lambda record: record.start)


def _first_copies(doc: Document, spans: list[Span]) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """(spans, repeats): a span in a repeated paragraph that repeats one of its first copy is a repeat."""
    if not doc.has_repeats:
        return tuple(spans), ()
    starts = {(span.start, span.end) for span in spans}
    kept, repeats = [], []
    for span in spans:
        origin = doc.canonical_offset(span.start)
        is_copy = doc.is_repeat(span.start) and (origin, origin + span.end - span.start) in starts
        (repeats if is_copy else kept).append(span)
    return tuple(kept), tuple(repeats)


def _same_country(hit: _Hit) -> bool:
    return any(place.country == hit.chosen.country and place.kind == "region" for place in hit.comma_place)


def _add_anaphors(text: str, mentions: dict[Place, list[Span]]) -> None:
    """"the region" after a region, and "Russian Border Region", join that region when it is the only one."""
    regions = [place for place in mentions if place.kind == "region"]
    if len(regions) != 1:
        return
    region = regions[0]
    first = min(span.start for span in mentions[region])
    taken = [span for spans in mentions.values() for span in spans]
    for match in _ANAPHOR.finditer(text, first):
        mentions[region].append(Span(match.start(), match.end()))
    for match in _REGION_PHRASE.finditer(text) if any(head in text for head in _REGION_HEADS) else ():
        span = Span(match.start(), match.end())
        if any(o.start < span.end and span.start < o.end for o in taken):
            continue
        modifier = match.group(1)
        code = gazetteer.demonym_country(modifier.strip()) if modifier else None
        if code == region.country:
            mentions[region].append(span)


EXTRACTOR = Extractor("locations", extract_locations, Location, description="places with country code and coordinates")
