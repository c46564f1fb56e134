"""Actors extractor (being written: see issue 4)."""

from __future__ import annotations

from .document import Document
from .records import Actor
from .registry import Extractor


def extract_actors(doc: Document, *, locations: list) -> list[Actor]:
    return []


EXTRACTOR = Extractor("actors", extract_actors, Actor, requires=("locations",), description="people, organizations, countries and groups")
