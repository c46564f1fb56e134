"""Compare facts across documents: which figures agree, which differ, who stands behind each.

Input is ``factsift/1`` document objects (as :func:`extractors.extract` returns
them) holding ``facts``, ``locations`` and ``sources``.  Facts about the same
thing are grouped across documents: the same normalised counted noun
(``about``) and unit, tied to the same place, a place in the same country, or
the same actor.  A fact tied to no place stands for its document's most
mentioned place.  Inside each document, attributions that pull against each
other ("has confirmed" / "have yet to confirm") are reported as tensions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import regex

NEGATIVE_POLARITIES = frozenset({"denies", "unconfirmed"})
TOLLS = frozenset({"death", "missing", "injured", "displaced", "arrested", "rescued"})  # one value at a time
EXACT_TOLERANCE = 0.005  # relative difference under which two figures are the same
APPROX_TOLERANCE = 0.05  # ... when either is given as "about", "around", "some"
DISPUTE_DISTANCE = 300  # characters between an assertion and the denial that answers it

_NAME_WORD = regex.compile(r"[\p{L}\p{N}]+")
# A denial that answers the assertion before it refers back to it: "denied the claim", "disputed those figures".
_BACK_REFERENCE = regex.compile(
    r"^(?:the|that|this|those|these|such)\s+(?:claims?|reports?|allegations?|accusations?|figures?|numbers?|accounts?|"
    r"assertions?|charges?|statements?|estimates?|toll)\b|^(?:it|this|that)$",
    regex.IGNORECASE,
)
# A doubt about a count answers an assertion that gives one: "has yet to confirm how many were on shift".
_COUNT_QUESTION = regex.compile(
    r"^(?:how\s+(?:many|much)|the\s+(?:exact\s+|final\s+|full\s+)?(?:number|toll|figures?|count|total|scale))\b", regex.IGNORECASE)
_YEAR = regex.compile(r"\b(?:1[89]|20)\d\d\b")
_FUNCTION_WORDS = frozenset(
    "the a an of to in on at for from by with and or but that this these those it its is was were be been has have had "
    "will would could should not no as than then there their they them he she his her we our you i which who whom whose "
    "said says say".split()
)
_VERB_SUFFIXES = ("ing", "ed", "es", "s", "d")


@dataclass(frozen=True)
class Backer:
    """One document's statement of a figure and who says so (None: unattributed)."""

    document: str
    text: str
    start: int
    end: int
    source: str | None
    cue: str | None
    polarity: str | None


@dataclass(frozen=True)
class Version:
    """One way a figure is given, and every statement of it."""

    text: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    qualifier: str
    backers: tuple[Backer, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(backer.document for backer in self.backers))


@dataclass(frozen=True)
class Group:
    """Facts of several documents about the same thing."""

    about: str
    unit: str | None
    places: tuple[str, ...]
    actors: tuple[str, ...]
    versions: tuple[Version, ...]
    verdict: str  # agree | differ

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(document for version in self.versions for document in version.documents))


@dataclass(frozen=True)
class Tension:
    """Two attributions of one document that pull against each other.

    ``kind``: "unconfirmed" or "denied" (the same cue verb with opposite
    polarity: "has confirmed" / "have yet to confirm"), "disputed" (a denial
    or a non-confirmation just after an assertion: "residents said ... Mr.
    Bista denied"), "figures" (two sources give one toll, such as the dead or
    the missing, different values).
    """

    document: str
    kind: str
    asserted: dict[str, Any]
    doubted: dict[str, Any]


@dataclass(frozen=True)
class Comparison:
    documents: tuple[str, ...]
    groups: tuple[Group, ...]
    tensions: tuple[Tension, ...]

    @property
    def conflicts(self) -> int:
        """Groups whose figures differ, plus tensions: non-zero means the texts disagree."""
        return sum(group.verdict == "differ" for group in self.groups) + len(self.tensions)


@dataclass(frozen=True)
class _Entry:
    """A fact with the document it came from and the places and countries it stands for."""

    document: str
    fact: dict[str, Any]
    places: frozenset[str]
    countries: frozenset[str]
    actors: frozenset[str]


def compare(documents: Sequence[dict[str, Any]]) -> Comparison:
    """Group the documents' facts about the same thing and find tensions inside each document."""
    entries = [entry for document in documents for entry in _entries(document)]
    groups = [_group(members) for members in _clusters(entries)]
    tensions = [tension for document in documents for tension in find_tensions(document)]
    return Comparison(
        documents=tuple(document["path"] for document in documents),
        groups=tuple(group for group in groups if len(group.documents) > 1),
        tensions=tuple(tensions),
    )


def _entries(document: dict[str, Any]) -> list[_Entry]:
    locations = document.get("locations") or []
    country_of = {location["name"]: location.get("country") for location in locations}
    main = _main_place(locations)
    # A place the gazetteer cannot put in a country lies in the country the document is about.
    main_country = country_of.get(main[0]) if main else None
    entries = []
    for fact in document.get("facts") or []:
        if not fact.get("about"):
            continue
        places = frozenset(fact.get("locations") or main)
        countries = {country_of.get(place) or main_country for place in places}
        entries.append(_Entry(
            document=document["path"], fact=fact, places=places,
            countries=frozenset(country for country in countries if country),
            actors=frozenset(fact.get("actors") or ()),
        ))
    return entries


def _main_place(locations: Sequence[dict[str, Any]]) -> tuple[str, ...]:
    """The document's most mentioned place: where a figure tied to no place happens."""
    if not locations:
        return ()
    best = max(locations, key=lambda location: len(location.get("mentions") or ()) + len(location.get("repeats") or ()))
    return (best["name"],)


def _keys(entry: _Entry) -> list[tuple[str, str]]:
    """What links facts: a place, an actor, a country."""
    return ([("place", place) for place in entry.places] + [("actor", actor) for actor in entry.actors]
            + [("country", country) for country in entry.countries])


def _clusters(entries: Sequence[_Entry]) -> list[list[_Entry]]:
    """Connected sets of facts with the same ``about`` and unit that share a place, an actor or a country.

    Linear in the number of facts: each fact joins the first fact seen with each of its keys.
    """
    buckets: dict[tuple[str, str | None], list[_Entry]] = {}
    for entry in entries:
        buckets.setdefault((entry.fact["about"], entry.fact.get("unit")), []).append(entry)
    clusters = []
    for bucket in buckets.values():
        parent = list(range(len(bucket)))

        def root(index: int) -> int:
            while parent[index] != index:
                parent[index] = parent[parent[index]]
                index = parent[index]
            return index

        first_with: dict[tuple[str, str], int] = {}
        for index, entry in enumerate(bucket):
            for key in _keys(entry):
                other = first_with.setdefault(key, index)
                parent[root(index)] = root(other)
        members: dict[int, list[_Entry]] = {}
        for index, entry in enumerate(bucket):
            members.setdefault(root(index), []).append(entry)
        clusters.extend(members.values())
    return clusters


def _backers(entry: _Entry) -> list[Backer]:
    fact = entry.fact
    statements = fact.get("sources") or [{"speaker_name": None, "speaker": None, "cue": None, "polarity": None}]
    return [Backer(entry.document, fact["text"], fact["start"], fact["end"],
                   statement.get("speaker_name") or statement.get("speaker"), statement.get("cue"), statement.get("polarity"))
            for statement in statements]


def _group(members: Sequence[_Entry]) -> Group:
    versions: dict[tuple[Any, ...], list[_Entry]] = {}
    for entry in members:
        fact = entry.fact
        versions.setdefault((fact.get("value"), fact.get("low"), fact.get("high"), fact.get("qualifier")), []).append(entry)
    built = tuple(
        Version(text=entries[0].fact["text"], value=key[0], low=key[1], high=key[2], qualifier=key[3],
                backers=tuple(backer for entry in entries for backer in _backers(entry)))
        for key, entries in versions.items()
    )
    first = members[0].fact
    return Group(
        about=first["about"], unit=first.get("unit"),
        places=tuple(dict.fromkeys(place for entry in members for place in sorted(entry.places))),
        actors=tuple(dict.fromkeys(actor for entry in members for actor in sorted(entry.actors))),
        versions=built,
        verdict="differ" if _disagree(built) else "agree",
    )


def _point(version: Version) -> tuple[float, ...] | None:
    """The figure as stated, for comparison; a vague amount ("thousands") states none."""
    if version.qualifier == "vague":
        return None
    if version.value is not None:
        return (version.value,)
    if version.low is not None and version.high is not None:
        return (version.low, version.high)
    return None


def same_figure(a: Version, b: Version) -> bool:
    """Equal within 0.5% (5% when either is approximate); vague amounts match anything."""
    point_a, point_b = _point(a), _point(b)
    if point_a is None or point_b is None:
        return True
    if len(point_a) != len(point_b):
        point_a, point_b = (point_a[0], point_a[-1]), (point_b[0], point_b[-1])
    tolerance = APPROX_TOLERANCE if "approx" in (a.qualifier, b.qualifier) else EXACT_TOLERANCE
    return all(abs(x - y) <= tolerance * max(abs(x), abs(y)) for x, y in zip(point_a, point_b))


def _disagree(versions: Sequence[Version]) -> bool:
    """True when two versions stated by different documents give different figures."""
    return any(
        not same_figure(a, b) and any(doc_a != doc_b for doc_a in a.documents for doc_b in b.documents)
        for i, a in enumerate(versions) for b in versions[i + 1:]
    )


def _name_words(name: str | None) -> list[str]:
    words = [word.lower() for word in _NAME_WORD.findall((name or "").replace("’s", "").replace("'s", ""))]
    return words[1:] if words[:1] == ["the"] else words


def cue_verb(cue: str | None) -> str | None:
    """The cue's verb stem: "has confirmed" and "have yet to confirm" both give "confirm"."""
    words = _name_words(cue)
    if not words:
        return None
    verb = words[-1]
    for suffix in _VERB_SUFFIXES:
        if verb.endswith(suffix) and len(verb) - len(suffix) >= 4:
            return verb[: -len(suffix)]
    return verb


def _who(source: dict[str, Any]) -> str | None:
    return source.get("speaker_name") or source.get("speaker")


def _statement(source: dict[str, Any]) -> dict[str, Any]:
    return {"speaker": _who(source), "cue": source.get("cue"), "polarity": source.get("polarity"),
            "content": source.get("content"), "start": source["start"], "end": source["end"]}


def find_tensions(document: dict[str, Any]) -> list[Tension]:
    """Attributions and tolls of one document that pull against each other."""
    sources = sorted(document.get("sources") or [], key=lambda source: source["start"])
    tensions = []
    for index, doubted in enumerate(sources):
        if doubted.get("polarity") not in NEGATIVE_POLARITIES:
            continue
        for kind, asserted in _against(doubted, sources[:index], sources[index + 1:]):
            tensions.append(Tension(document["path"], kind, _statement(asserted), _statement(doubted)))
            break
    return tensions + _toll_tensions(document)


def _against(doubted: dict[str, Any], before: Sequence[dict[str, Any]], after: Sequence[dict[str, Any]]):
    """Assertions the doubting attribution pulls against, the closest reason first."""
    verb = cue_verb(doubted.get("cue"))
    for source in list(before) + list(after):
        if source.get("polarity") == "asserts" and verb is not None and cue_verb(source.get("cue")) == verb:
            yield ("unconfirmed" if doubted.get("polarity") == "unconfirmed" else "denied"), source
    if (before and before[-1].get("polarity") == "asserts" and doubted["start"] - before[-1]["end"] <= DISPUTE_DISTANCE
            and _answers(doubted, before[-1])):
        yield "disputed", before[-1]


def _answers(doubted: dict[str, Any], asserted: dict[str, Any]) -> bool:
    """The denial is about the assertion: it stands inside it ("..., a figure the bank has yet to confirm"),
    refers back to it ("denied the claim"), doubts the count it gives ("how many were on shift"), or shares
    two content words with it."""
    if asserted["start"] <= doubted["start"] and doubted["end"] <= asserted["end"]:
        return True
    content = (doubted.get("content") or "").strip()
    if _BACK_REFERENCE.search(content):
        return True
    if _COUNT_QUESTION.search(content) and regex.search(r"\d", asserted.get("content") or ""):
        return True
    return len(_content_words(content) & _content_words(asserted.get("content"))) >= 2


def _content_words(text: str | None) -> set[str]:
    """Lower-case words of a statement without function words, plural "s" and "-ing"/"-ed" endings."""
    words = set()
    for word in _NAME_WORD.findall((text or "").lower()):
        if word in _FUNCTION_WORDS or word.isdigit() or len(word) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        words.add(word)
    return words


def _fact_statement(fact: dict[str, Any]) -> dict[str, Any]:
    return {"speaker": fact.get("source"), "cue": fact.get("cue"), "polarity": fact.get("polarity"),
            "content": fact.get("sentence"), "figure": fact["text"], "start": fact["start"], "end": fact["end"]}


def _same_setting(a: dict[str, Any], b: dict[str, Any], countries: dict[str, str | None]) -> bool:
    """Two tolls can only disagree about the same place and time: not when both are placed and in no common
    country ("87 deaths" in Malawi, "9 deaths" in Mozambique's Tete; a ministry "in Kathmandu" still counts
    Nepal's dead), nor when one sentence dates itself to a year the other does not name ("the 2001
    earthquake, which killed 74")."""
    where_a = {countries.get(name) or name for name in a.get("locations") or ()}
    where_b = {countries.get(name) or name for name in b.get("locations") or ()}
    if where_a and where_b and not where_a & where_b:
        return False
    return set(_YEAR.findall(a.get("sentence") or "")) == set(_YEAR.findall(b.get("sentence") or ""))


def _toll_tensions(document: dict[str, Any]) -> list[Tension]:
    """One toll (dead, missing, injured, displaced...) given different values by different sources of one text."""
    first_of: dict[tuple[str, str | None], dict[str, Any]] = {}
    countries = {location["name"]: location.get("country") for location in document.get("locations") or ()}
    tensions = []
    for fact in sorted(document.get("facts") or [], key=lambda fact: fact["start"]):
        if fact.get("about") not in TOLLS or fact.get("qualifier") == "vague":
            continue
        key = (fact["about"], fact.get("unit"))
        first = first_of.setdefault(key, fact)
        version = Version(fact["text"], fact.get("value"), fact.get("low"), fact.get("high"), fact["qualifier"], ())
        earlier = Version(first["text"], first.get("value"), first.get("low"), first.get("high"), first["qualifier"], ())
        if (first is not fact and fact.get("source") != first.get("source") and not same_figure(earlier, version)
                and _same_setting(first, fact, countries)):
            tensions.append(Tension(document["path"], "figures", _fact_statement(first), _fact_statement(fact)))
    return tensions
