"""Authentication-Results in the plain shape nearly every receiver writes, read directly.

The ``authres`` package reads any RFC 8601 value, but spends about 0.4 ms on each one (it
builds its grammar as it goes), which is most of what a verification message costs to
check at receipt. Nearly every stamp is simple: ``authserv-id; method=result [reason=token]
ptype.property=value ...; ...`` with comments in parentheses. ``parse`` reads exactly that
shape, with ``authres``'s results (authserv-id, methods, results and property names in lower
case, values as written, comments dropped, ``none`` for no result); anything else (quoted
strings, nested comments, a version, a reason after the properties, a trailing ";", no
authserv-id, text beyond ASCII) is left to ``authres`` (None). The tests hold the two to the
same answers on every stamp of the fixtures and corpora and on generated ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Result", "parse"]


@dataclass(frozen=True, slots=True)
class Result:
    """One resinfo, as ``receipt`` reads it from ``authres``'s result objects."""

    method: str
    result: str
    reason: str | None
    properties: tuple[tuple[str, str, str], ...]  # (ptype, property, value)


_COMMENT = re.compile(r"\([^()\\]*\)")
_ID = re.compile(r"[ \t\r\n]*([A-Za-z0-9][A-Za-z0-9._-]*)[ \t\r\n]*")
_WORD = r"[A-Za-z0-9][A-Za-z0-9_-]*"
# A property value: a token or an address (authres refuses ":" and a second "@").
_VALUE = r"[A-Za-z0-9_.+/=-]*(?:@[A-Za-z0-9_.+/=-]*)?"
_RESINFO = re.compile(
    rf"\s*({_WORD})\s*=\s*({_WORD})(?:\s+reason\s*=\s*([A-Za-z0-9_.-]+))?"
    rf"((?:\s+{_WORD}\.{_WORD}\s*=\s*{_VALUE})*)\s*"
)
_PROPERTY = re.compile(rf"({_WORD})\.({_WORD})\s*=\s*({_VALUE})")


def parse(value: str) -> tuple[str, list[Result]] | None:
    """(authserv-id, results) of a value in the simple shape; None for any other value."""
    if not value.isascii() or '"' in value or "\\" in value:
        return None
    text = _COMMENT.sub(" ", value) if "(" in value else value
    if "(" in text or ")" in text:
        return None  # a nested or unclosed comment
    head, semicolon, rest = text.partition(";")
    authserv_id = _ID.fullmatch(head)
    if authserv_id is None or not semicolon:
        return None
    parts = rest.split(";")
    if len(parts) == 1 and parts[0].strip().lower() == "none":
        return authserv_id.group(1).lower(), []
    results: list[Result] = []
    for part in parts:
        match = _RESINFO.fullmatch(part)
        if match is None:
            return None
        method, result, reason, properties = match.groups()
        results.append(
            Result(
                method.lower(),
                result.lower(),
                reason,
                tuple(
                    (ptype.lower(), name.lower(), found)
                    for ptype, name, found in _PROPERTY.findall(properties)
                ),
            )
        )
    return authserv_id.group(1).lower(), results
