"""The one serializer: result dataclasses to JSON-able values, for every JSON inspector prints.

A dataclass becomes an object with one key per field, in field order; enums become their
value, datetimes ISO 8601 (with their offset), tuples and lists arrays. How a field appears is
declared once, on the field, with ``json_meta`` in its ``metadata``:

- ``key="from"``: the JSON key when the attribute name cannot be it (a Python keyword, or a
  name kept for the code's sake); a dotted key (``"receiver.host"``) nests the value in an
  object shared with the fields naming the same prefix, at the first one's position.
- ``skip=True``: not in the JSON (internal, or written elsewhere in the document).
- ``optional=True``: the key is left out when the value is None (a section that may be absent),
  rather than written as null.
- ``keys=(...)``: a nested dataclass (or each one of a sequence of them) keeps only these
  JSON keys, in this order: one type, two views (a finding in the report and in a contact check).
- ``pairs=True``: a tuple of ``(key, value)`` pairs written as an object (later keys win).

Values derived from others (``DkimCheck.domains``, ``SpamVerdict.reasons``) are fields with
``init=False`` computed in ``__post_init__``, so they are serialized like any other field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import TypeAlias

JSON: TypeAlias = dict[str, "JSON"] | list["JSON"] | str | int | float | bool | None
JSONObject: TypeAlias = dict[str, JSON]

_META = "inspector.json"


@dataclass(frozen=True, slots=True)
class Spec:
    key: str | None = None
    skip: bool = False
    optional: bool = False
    keys: tuple[str, ...] | None = None
    pairs: bool = False


def field_spec(f: dataclasses.Field[object]) -> Spec:
    """How field ``f`` is written (the JSON Schema generator reads the same declarations)."""
    spec = f.metadata.get(_META, Spec())
    if not isinstance(spec, Spec):
        raise TypeError(f"{f.name}: metadata not made by json_meta")
    return spec


def json_meta(
    *,
    key: str | None = None,
    skip: bool = False,
    optional: bool = False,
    keys: tuple[str, ...] | None = None,
    pairs: bool = False,
) -> dict[str, object]:
    """``metadata`` for ``dataclasses.field`` saying how the field is written (module doc)."""
    return {_META: Spec(key, skip, optional, keys, pairs)}


@dataclass(frozen=True, slots=True)
class _Slot:
    """One field of a dataclass as the serializer writes it (worked out once per class)."""

    attr: str
    path: tuple[str, ...]  # ("from",) or ("receiver", "host") for a nested key
    optional: bool
    keys: tuple[str, ...] | None
    pairs: bool


_PLANS: dict[type, tuple[_Slot, ...]] = {}


def _plan(cls: type) -> tuple[_Slot, ...]:
    slots = []
    for f in dataclasses.fields(cls):
        spec = f.metadata.get(_META, Spec())
        if not isinstance(spec, Spec):
            raise TypeError(f"{cls.__name__}.{f.name}: metadata not made by json_meta")
        if not spec.skip:
            path = tuple((spec.key or f.name).split("."))
            slots.append(_Slot(f.name, path, spec.optional, spec.keys, spec.pairs))
    plan = _PLANS[cls] = tuple(slots)
    return plan


def jsonable(value: object) -> JSON:
    """``value`` as plain JSON values (dict, list, str, int, float, bool, None)."""
    # The common cases first, by exact type: a report has hundreds of thousands of values.
    if (
        type(value) is str
        or type(value) is int
        or type(value) is float
        or type(value) is bool
        or value is None
    ):
        return value
    plan = _PLANS.get(type(value))
    if plan is not None:
        return _object(value, plan)
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, Enum):  # before str and int: a StrEnum member is a str too
        return jsonable(value.value)
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _object(value, _plan(type(value)))
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    raise TypeError(f"cannot write a {type(value).__name__} as JSON")


def _object(instance: object, plan: tuple[_Slot, ...]) -> JSONObject:
    out: JSONObject = {}
    for slot in plan:
        raw = getattr(instance, slot.attr)
        if raw is None and slot.optional:
            continue
        if slot.pairs:
            value: JSON = {str(k): jsonable(v) for k, v in raw}
        elif slot.keys is not None:
            value = _project(raw, slot.keys)
        else:
            value = jsonable(raw)
        if len(slot.path) == 1:
            out[slot.path[0]] = value
            continue
        parent = out
        for key in slot.path[:-1]:
            nested = parent.setdefault(key, {})
            if not isinstance(nested, dict):
                raise TypeError(f"{type(instance).__name__}: {key!r} is both a value and a group")
            parent = nested
        parent[slot.path[-1]] = value
    return out


def _project(raw: object, keys: tuple[str, ...]) -> JSON:
    """The nested dataclass(es) in ``raw`` cut down to ``keys``."""
    full = jsonable(raw)
    if isinstance(full, dict):
        return {k: full[k] for k in keys}
    if isinstance(full, list):
        return [{k: item[k] for k in keys} if isinstance(item, dict) else item for item in full]
    return full
