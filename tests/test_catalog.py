"""Finding ids are a contract: the code, the catalogue, the JSON Schema and the README agree."""

from __future__ import annotations

import ast
import json

from inspector.diagnosis.catalog import FINDINGS, markdown_table
from inspector.report.schemas import schema_text
from tests.conftest import ROOT


def ids_in_code() -> set[str]:
    """Every id a ``Finding(...)`` in the product is built with (positional or ``id=``)."""
    found = set()
    for path in (ROOT / "inspector").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or getattr(node.func, "id", None) != "Finding":
                continue
            first = node.args[0] if node.args else None
            named = next((k.value for k in node.keywords if k.arg == "id"), None)
            for value in (first, named):
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.add(value.value)
    return found


def test_every_id_built_is_catalogued_and_every_catalogued_id_is_built() -> None:
    assert ids_in_code() == set(FINDINGS)


def test_the_schema_enumerates_the_catalogue() -> None:
    schema = json.loads(schema_text("analyze"))
    assert schema["$defs"]["finding"]["properties"]["id"]["enum"] == list(FINDINGS)


def test_the_readme_table_is_the_catalogue() -> None:
    assert markdown_table() in (ROOT / "README.md").read_text(encoding="utf-8")
