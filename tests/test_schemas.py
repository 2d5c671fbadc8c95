"""The published JSON Schemas: shipped, strict, current, printed by ``inspector schema``, and
used: every CLI JSON the tests parse goes through ``tests.schemas.cli_json``."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from inspector.report import schemagen
from inspector.report.schemas import COMMANDS, available, file_name, folder, schema_text
from tests.conftest import ROOT
from tests.schemas import check


@pytest.mark.parametrize("document", list(schemagen.DOCUMENTS))
def test_shipped_schema_is_the_generated_one(document: str) -> None:
    shipped = folder().joinpath(file_name(document)).read_text(encoding="utf-8")
    assert shipped == schemagen.render(document), (
        f"{file_name(document)} is stale: run python -m inspector.report.schemagen"
    )


def objects(schema: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object schema (with ``properties``) inside ``schema``."""
    if isinstance(schema, dict):
        if schema.get("type") == "object" and "properties" in schema:
            yield path, schema
        for key, value in schema.items():
            yield from objects(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            yield from objects(value, f"{path}/{i}")


@pytest.mark.parametrize("command", available())
def test_every_schema_is_valid_and_strict(command: str) -> None:
    schema = json.loads(schema_text(command))
    Draft202012Validator.check_schema(schema)
    for path, obj in objects(schema):
        assert obj.get("additionalProperties") is False, f"{command}{path} is open"
        if command != "watch":  # the watch events' own schema decides its optional keys
            assert "required" in obj, f"{command}{path} requires nothing"


def test_strict_schemas_refuse_an_unknown_key_and_a_wrong_enum() -> None:
    doc = {"is_verification": True, "code": "1", "valid_for_seconds": None}
    doc |= {"service": None, "origin": None}
    check(doc, "extract")
    with pytest.raises(AssertionError, match="Additional properties"):
        check({**doc, "extra": 1}, "extract")
    with pytest.raises(AssertionError, match="required"):
        check({k: v for k, v in doc.items() if k != "code"}, "extract")
    finding = {"id": "no_such_finding", "severity": "error", "message": "m", "advice": "a"}
    email = {"input": "a@b.c", "valid": True, "normalized": None, "suggestion": None}
    email |= {"deliverable": None, "mx": [], "disposable": False, "role": False}
    check({**email, "findings": []}, "check-email")
    with pytest.raises(AssertionError, match="is not one of"):
        check({**email, "findings": [finding]}, "check-email")
    with pytest.raises(AssertionError, match="is not one of"):
        check(
            {**email, "findings": [{**finding, "id": "email_invalid", "severity": "bad"}]},
            "check-email",
        )


@pytest.mark.parametrize("command", available())
def test_inspector_schema_prints_the_shipped_file(command: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "inspector", "schema", command],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == schema_text(command)


def test_every_command_with_json_output_has_a_schema() -> None:
    assert set(available()) >= set(COMMANDS) - {"watch"}
    proc = subprocess.run(
        [sys.executable, "-m", "inspector", "schema", "nope"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2


def _bare_loads(path: Any) -> list[int]:
    """Lines where ``json.loads`` reads a CLI result's ``stdout``/``output`` directly."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "loads"
            and node.args
            and isinstance(node.args[0], ast.Attribute)
            and node.args[0].attr in ("stdout", "output")
        ):
            lines.append(node.lineno)
    return lines


def test_tests_parse_cli_json_through_the_schema_check() -> None:
    bare = {
        str(path.relative_to(ROOT)): found
        for path in (ROOT / "tests").glob("*.py")
        if (found := _bare_loads(path))
    }
    assert not bare, f"use tests.schemas.cli_json to parse CLI JSON: {bare}"
