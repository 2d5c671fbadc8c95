"""The text report (``--format text``): verdict, findings with advice, then a compact table.

It is rendered from the same document as the JSON report, so both always agree and
``--redact`` applies to both. Every string from a message passes through ``clean``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from inspector.diagnosis.wording import duration, when
from inspector.report.sanitize import clean

_MARK = {"error": "ERROR  ", "warning": "WARNING", "info": "INFO   "}
_WIDTH = 100


def _wrap(text: str, indent: str, width: int = _WIDTH) -> list[str]:
    import textwrap

    return textwrap.wrap(
        clean(text),
        width=width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [indent]


def render(doc: dict[str, Any]) -> str:
    now = datetime.fromisoformat(doc["now"])
    lines: list[str] = []
    lines += _wrap(doc["verdict"], "")
    if doc.get("incomplete"):
        lines.append("(The report is incomplete: some messages could not be read; see below.)")
    findings = doc["findings"]
    if findings:
        lines += ["", "Findings:"]
        for finding in findings:
            mark = _MARK.get(finding["severity"], finding["severity"])
            lines += _wrap(f"{mark} {finding['message']} [{finding['id']}]", "  ")
            lines += _wrap(f"-> {finding['advice']}", " " * 11)
            if finding.get("detail"):
                lines += _wrap(finding["detail"], " " * 11)
    else:
        lines += ["", "No problems found."]
    messages = doc["messages"]
    lines += ["", _table_title(doc)]
    if messages:
        lines += _table(messages, now)
    for extra in _contacts(doc):
        lines.append(extra)
    problems = doc.get("problems") or []
    if problems:
        lines += ["", "Could not read:"]
        for problem in problems[:20]:
            lines += _wrap(problem["message"], "  ")
        if len(problems) > 20:
            lines.append(f"  ... and {len(problems) - 20} more")
    return "\n".join(lines) + "\n"


def _table_title(doc: dict[str, Any]) -> str:
    listed = len(doc["messages"])
    shown = sum(1 for m in doc["messages"] if m.get("is_verification"))
    read = doc.get("messages_read", listed)
    what = "verification message" if shown == 1 else "verification messages"
    title = f"{shown} {what} in {read} read"
    if listed > shown:
        title += f" (all {listed} listed)"
    return title + ":" if listed else title + "."


def _table(messages: list[dict[str, Any]], now: datetime) -> list[str]:
    header = ["#", "Arrived", "Where", "Service", "Code", "State", "Transit", "From"]
    rows = [header]
    for i, msg in enumerate(messages):
        arrived = msg.get("delivered_at") or msg.get("sent_at")
        transit = msg.get("transit_seconds")
        role = msg.get("folder_role")
        where = msg.get("folder") or (role if role and role != "other" else "-")
        if msg.get("channel") == "sms":
            where = "SMS"
        rows.append(
            [
                str(i),
                when(datetime.fromisoformat(arrived), now) if arrived else "?",
                where,
                _service_name(msg.get("service")),
                msg.get("code") or "-",
                (msg.get("freshness") or "-").replace("_", " "),
                duration(transit) if transit is not None else "-",
                msg.get("from") or "?",
            ]
        )
    cells = [[_cell(c) for c in row] for row in rows]
    widths = [max(len(row[col]) for row in cells) for col in range(len(header) - 1)]
    out = []
    for row in cells:
        left = "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False))
        out.append(f"  {left}  {row[-1]}".rstrip())
    return out


def _service_name(service_id: str | None) -> str:
    from inspector.extract.services import service_by_id

    service = service_by_id(service_id) if service_id else None
    return service.name if service else service_id or "-"


def _cell(value: str, limit: int = 40) -> str:
    value = clean(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _contacts(doc: dict[str, Any]) -> list[str]:
    out = []
    contacts = doc.get("contacts") or {}
    email = contacts.get("email")
    if email:
        state = "valid" if email.get("valid") else "invalid"
        out += ["", f"Registered address: {clean(email.get('input', ''))} ({state})"]
    phone = contacts.get("phone")
    if phone:
        kind = phone.get("type") or "unknown type"
        out += ["", f"Registered phone: {clean(phone.get('input', ''))} ({kind})"]
    return out
