"""The text report (``--format text``): verdict, findings with advice, then a compact table.

It is rendered from the same document as the JSON report, so both always agree and
``--redact`` applies to both. Every string from a message passes through ``clean``.
"""

from __future__ import annotations

from datetime import datetime
from typing import NotRequired, TypedDict, cast

from inspector.diagnosis.wording import duration, when
from inspector.report.sanitize import clean
from inspector.report.serialize import JSON

# The parts of the serialized ``inspector.report.document.Report`` the text shows.


class _FindingDoc(TypedDict):
    id: str
    severity: str
    message: str
    advice: str
    detail: str | None


_MessageDoc = TypedDict(  # "from" is a Python keyword: the functional form
    "_MessageDoc",
    {
        "channel": str,
        "folder": str | None,
        "folder_role": str,
        "from": str | None,
        "is_verification": bool,
        "service": str | None,
        "code": str | None,
        "sent_at": str | None,
        "delivered_at": str | None,
        "transit_seconds": float | None,
        "freshness": str | None,
    },
)


class _SkippedDoc(TypedDict):
    where: str
    why: str


class _EmailDoc(TypedDict):
    input: str
    valid: bool


class _PhoneDoc(TypedDict):
    input: str
    type: str | None


class _ContactsDoc(TypedDict):
    email: NotRequired[_EmailDoc]
    phone: NotRequired[_PhoneDoc]


class _ReportDoc(TypedDict):
    now: str
    verdict: str
    incomplete: bool
    messages_read: int
    ignored_after_now: int
    skipped: list[_SkippedDoc]
    messages: list[_MessageDoc]
    findings: list[_FindingDoc]
    contacts: NotRequired[_ContactsDoc]


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


def render(document: JSON) -> str:
    """The text of a serialized report (redacted or not: one document, two renderings)."""
    doc = cast("_ReportDoc", document)  # made by jsonable(Report): the shape is the schema's
    now = datetime.fromisoformat(doc["now"])
    lines: list[str] = []
    lines += _wrap(doc["verdict"], "")
    skipped = doc["skipped"]
    if doc["incomplete"] and skipped:
        places = ", ".join(s["where"] for s in skipped[:3])
        more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        lines += _wrap(
            f"This diagnosis is incomplete: {places}{more} could not be read (why: at the "
            "end); what is there may change the answer.",
            "",
        )
    findings = doc["findings"]
    if findings:
        lines += ["", "Findings:"]
        for finding in findings:
            mark = _MARK.get(finding["severity"], finding["severity"])
            lines += _wrap(f"{mark} {finding['message']} [{finding['id']}]", "  ")
            lines += _wrap(f"-> {finding['advice']}", " " * 11)
            if finding["detail"]:
                lines += _wrap(finding["detail"], " " * 11)
    else:
        lines += ["", "No problems found."]
    messages = doc["messages"]
    lines += ["", _table_title(doc)]
    if messages:
        lines += _table(messages, now)
    for extra in _contacts(doc):
        lines.append(extra)
    if doc["ignored_after_now"]:
        count = doc["ignored_after_now"]
        lines += [
            "",
            f"{count} verification message{'s' if count != 1 else ''} arrived after --now "
            f"({when(now, now)}) and {'were' if count != 1 else 'was'} left out.",
        ]
    if skipped:
        lines += ["", "Could not read:"]
        for problem in skipped[:20]:
            lines += _wrap(problem["why"], "  ")
        if len(skipped) > 20:
            lines.append(f"  ... and {len(skipped) - 20} more")
    return "\n".join(lines) + "\n"


def _table_title(doc: _ReportDoc) -> str:
    listed = len(doc["messages"])
    shown = sum(1 for m in doc["messages"] if m["is_verification"])
    read = doc["messages_read"]
    what = "verification message" if shown == 1 else "verification messages"
    title = f"{shown} {what} in {read} read"
    if listed > shown:
        title += f" (all {listed} listed)"
    return title + ":" if listed else title + "."


def _table(messages: list[_MessageDoc], now: datetime) -> list[str]:
    header = ["#", "Arrived", "Where", "Service", "Code", "State", "Transit", "From"]
    rows = [header]
    for i, msg in enumerate(messages):
        arrived = msg["delivered_at"] or msg["sent_at"]
        transit = msg["transit_seconds"]
        role = msg["folder_role"]
        where = msg["folder"] or (role if role and role != "other" else "-")
        if msg["channel"] == "sms":
            where = "SMS"
        rows.append(
            [
                str(i),
                when(datetime.fromisoformat(arrived), now) if arrived else "?",
                where,
                _service_name(msg["service"]),
                msg["code"] or "-",
                (msg["freshness"] or "-").replace("_", " "),
                duration(transit) if transit is not None else "-",
                msg["from"] or "?",
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


def _contacts(doc: _ReportDoc) -> list[str]:
    out = []
    contacts = doc.get("contacts") or _ContactsDoc()
    email = contacts.get("email")
    if email:
        state = "valid" if email["valid"] else "invalid"
        out += ["", f"Registered address: {clean(email['input'])} ({state})"]
    phone = contacts.get("phone")
    if phone:
        kind = phone["type"] or "unknown type"
        out += ["", f"Registered phone: {clean(phone['input'])} ({kind})"]
    return out
