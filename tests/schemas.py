"""Every JSON document the tests get from the CLI is checked against its published schema.

Tests parse CLI output with :func:`cli_json` (never a bare ``json.loads``: ``tests/
test_schemas.py`` looks for one), so a field added, renamed or mistyped without its schema
fails wherever that output is produced.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from inspector.report.schemas import schema_text


@cache
def validator(command: str) -> Draft202012Validator:
    schema = json.loads(schema_text(command))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check(doc: Any, command: str) -> Any:
    """``doc`` after validating it against ``command``'s schema (every error listed)."""
    errors = sorted(validator(command).iter_errors(doc), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [
            f"  {'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors
        ]
        raise AssertionError(f"{command} JSON breaks its schema:\n" + "\n".join(lines[:20]))
    return doc


def cli_json(text: str | bytes, command: str) -> Any:
    """The JSON document ``command`` printed, validated against its schema."""
    return check(json.loads(text), command)
