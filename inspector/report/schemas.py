"""The published JSON Schemas: one file per JSON document, shipped in the package.

``inspector schema NAME`` prints one by command name. The files sit beside this module as
``DOCUMENT.schema.json``; those of the report, ``extract`` and the contact checks are written
by :mod:`inspector.report.schemagen` from the types that produce the JSON. Loading needs
nothing but the file, so printing a schema costs no import of the checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

# Command -> the document it prints (analyze and scan print the same report; scan adds its
# "mailbox" section). "watch" prints JSON Lines events, one schema for every line.
COMMANDS: dict[str, str] = {
    "analyze": "report",
    "scan": "report",
    "extract": "extract",
    "check-email": "check-email",
    "check-phone": "check-phone",
    "watch": "watch-events",
}


def file_name(document: str) -> str:
    return f"{document}.schema.json"


def folder() -> Traversable:
    """Where the schema files are shipped (imported late: ``inspector --help`` need not)."""
    from importlib.resources import files

    return files("inspector.report")


def available() -> list[str]:
    """The command names whose schema file is shipped, in ``COMMANDS`` order."""
    root = folder()
    return [name for name, doc in COMMANDS.items() if root.joinpath(file_name(doc)).is_file()]


def schema_text(command: str) -> str:
    """The schema file of ``command``'s JSON, as shipped (``KeyError`` for an unknown name,
    ``FileNotFoundError`` for one this build does not ship)."""
    return folder().joinpath(file_name(COMMANDS[command])).read_text(encoding="utf-8")
