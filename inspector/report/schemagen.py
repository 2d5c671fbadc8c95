"""The JSON Schemas of inspector's JSON documents, derived from the types that produce them.

Every JSON document inspector prints is a dataclass written by the one serializer
(:mod:`inspector.report.serialize`), so its schema follows from the same declarations: the
field types, and ``json_meta``'s key, skip, optional, keys and pairs. Deriving it keeps the
published files and the output from drifting apart; what a type cannot say (the catalogue of
finding ids, result words kept as ``str``, a constant) is in ``_OVERRIDES``.

The shipped files are this module's output and ``tests/test_schemas.py`` fails when one is
stale; rewrite them with ``python -m inspector.report.schemagen``. Only that command and the
tests import this module: ``inspector schema NAME`` reads the files.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import types
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Union, get_args, get_origin, get_type_hints

from inspector.auth.report import (
    RESULTS,
    ArcCheck,
    DkimCheck,
    DkimSignature,
    DmarcCheck,
    ReceiptResult,
    SpfCheck,
)
from inspector.auth.spam_parts import SpamRule, SpamVerdict
from inspector.contacts.email import EmailCheck
from inspector.contacts.phone import PhoneCheck
from inspector.diagnosis.catalog import FINDINGS
from inspector.diagnosis.rules.contacts import CheckedEmail, CheckedPhone
from inspector.model import Finding
from inspector.report.document import SCHEMA_VERSION, ExtractResult, MessageEntry, Report, Tool
from inspector.report.schemas import file_name, folder
from inspector.report.serialize import JSON, JSONObject, Spec, field_spec

_TIME_PATTERN = r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:\d\d|Z)$"

# Document name -> (root type, title). Names are the schema files' (``NAME.schema.json``).
DOCUMENTS: dict[str, tuple[type, str]] = {
    "report": (Report, "inspector analyze/scan report"),
    "extract": (ExtractResult, "inspector extract result"),
    "check-email": (CheckedEmail, "inspector check-email result"),
    "check-phone": (CheckedPhone, "inspector check-phone result"),
}
# A contact check is always written judged: with the findings its problems make.
_WRITTEN_AS: dict[type, type] = {EmailCheck: CheckedEmail, PhoneCheck: CheckedPhone}

_RESULT: JSONObject = {"enum": list(RESULTS)}
_OVERRIDES: dict[tuple[type, str], JSONObject] = {
    (Report, "schema_version"): {"const": SCHEMA_VERSION},
    (Tool, "name"): {"const": "inspector"},
    (Finding, "id"): {"enum": list(FINDINGS)},
    (Finding, "messages"): {"type": "array", "items": {"type": "integer", "minimum": 0}},
    (MessageEntry, "validity_source"): {"enum": ["stated", "service_default", None]},
    (SpfCheck, "result"): _RESULT,
    (DkimCheck, "result"): _RESULT,
    (DkimSignature, "result"): _RESULT,
    (DmarcCheck, "result"): _RESULT,
    (ArcCheck, "result"): _RESULT,
    (ReceiptResult, "result"): _RESULT,
    (SpamVerdict, "verdict"): {"enum": ["spam", "ham", "unknown"]},
    (SpamRule, "kind"): {"enum": ["bad", "good", "info", "unknown"]},
}
# Counts and sizes are never negative.
_COUNTS = re.compile(r"^(messages_read|ignored_after_now|messages|usage|limit|imap_commands)$")


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, JSONObject] = {
            "time": {"type": "string", "pattern": _TIME_PATTERN},
        }
        self._names: dict[tuple[type, tuple[str, ...] | None], str] = {}

    def type_schema(self, hint: object, spec: Spec) -> JSONObject:
        if hint is type(None):
            return {"type": "null"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is float:
            return {"type": "number"}
        if hint is str:
            return {"type": "string"}
        if hint is datetime:
            return {"$ref": "#/$defs/time"}
        if isinstance(hint, type) and issubclass(hint, Enum):
            return {"enum": [member.value for member in hint]}
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            written = _WRITTEN_AS.get(hint, hint)
            return {"$ref": f"#/$defs/{self.define(written, spec.keys)}"}
        origin, args = get_origin(hint), get_args(hint)
        if origin in (Union, types.UnionType):
            return self._union(args, spec)
        if origin in (tuple, list):
            if spec.pairs:  # ((key, value), ...) written as an object
                value = get_args(args[0])[1]
                return {"type": "object", "additionalProperties": self.type_schema(value, Spec())}
            return {"type": "array", "items": self.type_schema(args[0], spec)}
        raise TypeError(f"no JSON Schema for {hint!r}")

    def _union(self, args: tuple[object, ...], spec: Spec) -> JSONObject:
        parts = [self.type_schema(a, spec) for a in args if a is not type(None)]
        nullable = type(None) in args
        if len(parts) == 1 and nullable:
            only = parts[0]
            if set(only) == {"type"} and isinstance(only["type"], str):
                return {"type": [only["type"], "null"]}
            if set(only) == {"enum"} and isinstance(only["enum"], list):
                return {"enum": [*only["enum"], None]}
        options: list[JSON] = [*parts, {"type": "null"}] if nullable else list(parts)
        return {"anyOf": options}

    def define(self, cls: type, keys: tuple[str, ...] | None) -> str:
        """The ``$defs`` name of ``cls`` (cut to ``keys``), defining it on first use."""
        known = self._names.get((cls, keys))
        if known is not None:
            return known
        name = _snake(cls.__name__)
        if keys is not None and name in self.defs:
            name = f"{name}_summary"
        self._names[(cls, keys)] = name
        self.defs[name] = {}  # reserved: a type may contain itself (SpamVerdict.others)
        self.defs[name] = self.object_schema(cls, keys)
        return name

    def object_schema(self, cls: type, keys: tuple[str, ...] | None = None) -> JSONObject:
        hints = get_type_hints(cls)
        root: JSONObject = _object()
        for f in dataclasses.fields(cls):
            spec = field_spec(f)
            if spec.skip:
                continue
            path = (spec.key or f.name).split(".")
            if keys is not None and path[0] not in keys:
                continue
            hint = hints[f.name]
            if spec.optional:  # left out when None, never written as null
                hint = next(a for a in get_args(hint) or (hint,) if a is not type(None))
            schema = _OVERRIDES.get((cls, f.name)) or self.type_schema(hint, spec)
            if _COUNTS.match(f.name) and schema == {"type": "integer"}:
                schema = {"type": "integer", "minimum": 0}
            parent = root
            for key in path[:-1]:
                properties = parent["properties"]
                assert isinstance(properties, dict)
                if key not in properties:
                    properties[key] = _object()
                    _require(parent, key)
                nested = properties[key]
                assert isinstance(nested, dict)
                parent = nested
            properties = parent["properties"]
            assert isinstance(properties, dict)
            properties[path[-1]] = schema
            if not spec.optional:
                _require(parent, path[-1])
        if keys is not None:  # the projection's own key order
            properties = root["properties"]
            assert isinstance(properties, dict)
            root["properties"] = {k: properties[k] for k in keys}
            required = root["required"]
            assert isinstance(required, list)
            root["required"] = [k for k in keys if k in required]
        return root


def _object() -> JSONObject:
    return {"type": "object", "properties": {}, "required": [], "additionalProperties": False}


def _require(schema: JSONObject, key: str) -> None:
    required = schema["required"]
    assert isinstance(required, list)
    required.append(key)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def generate(name: str) -> JSONObject:
    """The JSON Schema of document ``name`` (a key of ``DOCUMENTS``)."""
    root_type, title = DOCUMENTS[name]
    builder = _Builder()
    body = builder.object_schema(root_type)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://inspector.invalid/schema/{name}-{SCHEMA_VERSION}.json",
        "title": f"{title}, schema_version {SCHEMA_VERSION}",
        **body,
        "$defs": dict(sorted(builder.defs.items())),
    }


def render(name: str) -> str:
    """The file text of document ``name``'s schema (stable: sorted definitions, 2 spaces)."""
    return json.dumps(generate(name), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Rewrite the shipped schema files; ``--check`` only says which are stale (exit 1)."""
    check = "--check" in (argv if argv is not None else sys.argv[1:])
    stale = []
    for name in DOCUMENTS:
        path = Path(str(folder())) / file_name(name)
        text = render(name)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path.name)
            if not check:
                path.write_text(text, encoding="utf-8")
    verb = "stale" if check else "written"
    print(f"{verb}: {', '.join(stale)}" if stale else "all schemas are up to date")
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
