"""The JSON Schema of the ``factsift/1`` output, derived from the record types.

Deriving it from the dataclasses keeps the schema and the records from drifting.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Sequence

from . import SCHEMA, registry
from .records import Record, Span

_SPAN_SCHEMA = {
    "type": "object",
    "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}},
    "required": ["start", "end"],
}


def _type_schema(annotation: Any) -> dict[str, Any]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(arg) for arg in typing.get_args(annotation)]
        merged: list[str] = []
        for option in options:
            kind = option.get("type")
            for name in kind if isinstance(kind, list) else [kind]:
                if name and name not in merged:
                    merged.append(name)
        if all(set(option) == {"type"} for option in options):
            return {"type": merged}
        return {"anyOf": options}
    if origin in (tuple, list):
        args = [arg for arg in typing.get_args(annotation) if arg is not Ellipsis]
        return {"type": "array", "items": _type_schema(args[0]) if args else {}}
    if origin is dict:
        return {"type": "object"}
    if annotation is Span:
        return _SPAN_SCHEMA
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
    if annotation in simple:
        return {"type": simple[annotation]}
    return {}


def record_schema(record_type: type[Record]) -> dict[str, Any]:
    """The JSON Schema of one record type."""
    hints = typing.get_type_hints(record_type)
    properties = {field.name: _type_schema(hints[field.name]) for field in dataclasses.fields(record_type)}
    return {
        "type": "object",
        "description": (record_type.__doc__ or "").strip(),
        "properties": properties,
        "required": ["text", "start", "end"],
    }


def output_schema(extractor_names: Sequence[str] | None = None) -> dict[str, Any]:
    """The JSON Schema of ``factsift extract --format json`` output."""
    names = list(extractor_names) if extractor_names else registry.names()
    document_properties: dict[str, Any] = {
        "path": {"type": "string", "description": "the path as given; '-' for stdin"},
        "chars": {"type": ["integer", "null"], "description": "length of the decoded text; null when it could not be read"},
        "errors": {"type": "array", "items": {"type": "string"}},
    }
    for name in names:
        document_properties[name] = {"type": "array", "items": record_schema(registry.get(name).record_type)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://factsift.invalid/schema/factsift-1.json",
        "title": SCHEMA,
        "type": "object",
        "properties": {
            "schema": {"const": SCHEMA},
            "documents": {
                "type": "array",
                "items": {"type": "object", "properties": document_properties, "required": ["path", "chars", "errors"]},
            },
        },
        "required": ["schema", "documents"],
    }
