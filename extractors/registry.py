"""Extractors registered by name, run in dependency order.

An extractor is a plain function ``fn(doc, **deps) -> list[Record]`` whose
keyword arguments are the outputs of the extractors it ``requires``.  Third-party
packages add their own through the entry-point group ``factsift.extractors``;
each entry point names an :class:`Extractor` object.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from typing import Callable, Sequence

from .records import Record

ENTRY_POINT_GROUP = "factsift.extractors"


@dataclass(frozen=True)
class Extractor:
    name: str
    function: Callable[..., list[Record]]
    record_type: type[Record] = Record
    requires: tuple[str, ...] = ()
    description: str = ""


# name -> "module:attribute" for the built-in extractors, imported on first use
# so that `factsift --help` and `import extractors` stay fast.
_BUILTIN = {
    "numbers": "extractors.numbers:EXTRACTOR",
    "actors": "extractors.actors:EXTRACTOR",
    "locations": "extractors.locations:EXTRACTOR",
    "sources": "extractors.sources:EXTRACTOR",
    "facts": "extractors.facts:EXTRACTOR",
}

_loaded: dict[str, Extractor] = {}


class UnknownExtractorError(ValueError):
    """Raised for a name that no extractor is registered under."""

    def __init__(self, name: str, known: Sequence[str]):
        super().__init__(f"unknown extractor {name!r}; valid names: {', '.join(known)}")
        self.name = name
        self.known = tuple(known)


@functools.cache
def _plugin_entry_points() -> dict[str, object]:
    """Installed third-party extractors, looked up once per process."""
    from importlib.metadata import entry_points  # costs ~30 ms: only when a name is not a built-in

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name not in _BUILTIN}


def names() -> list[str]:
    """All registered extractor names, built-ins first in pipeline order."""
    extra = set(_plugin_entry_points()) | {name for name in _loaded if name not in _BUILTIN}
    return list(_BUILTIN) + sorted(extra)


def get(name: str) -> Extractor:
    """The extractor registered under ``name``."""
    if name in _loaded:
        return _loaded[name]
    if name in _BUILTIN:
        module_name, attribute = _BUILTIN[name].split(":")
        extractor = getattr(importlib.import_module(module_name), attribute)
    elif name in _plugin_entry_points():
        extractor = _plugin_entry_points()[name].load()  # type: ignore[attr-defined]
    else:
        raise UnknownExtractorError(name, names())
    if not isinstance(extractor, Extractor):
        raise TypeError(f"entry point {name!r} does not name an extractors.registry.Extractor")
    _loaded[name] = extractor
    return extractor


def register(extractor: Extractor) -> Extractor:
    """Register an extractor object in this process (tests, notebooks, plugins)."""
    _loaded[extractor.name] = extractor
    return extractor


def unregister(name: str) -> None:
    """Forget an extractor registered with :func:`register` (built-ins reload on next use)."""
    _loaded.pop(name, None)


def plan(wanted: Sequence[str]) -> list[str]:
    """The names to run for ``wanted``, dependencies first, each once."""
    order: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in order:
            return
        if name in path:
            raise ValueError(f"extractor dependency cycle: {' -> '.join(path + (name,))}")
        for dependency in get(name).requires:
            visit(dependency, path + (name,))
        order.append(name)

    for name in wanted:
        visit(name, ())
    return order
