"""What the text and HTML reports both read from the report document, and say alike.

The renderings work on the serialized document (the JSON, redacted or not), typed here as
far as they read it: its shape is the published schema's.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NotRequired, TypedDict

from inspector.diagnosis.wording import duration, when

DEFAULT_LIMIT = 20  # timeline rows: enough for any one attempt, short enough to read
ROLES = frozenset({"inbox", "junk", "trash", "archive", "other"})


class FindingDoc(TypedDict):
    """A finding as every JSON document writes it (the report adds ``detail``)."""

    id: str
    severity: str
    message: str
    advice: str


class ReportFindingDoc(FindingDoc):
    detail: str | None
    messages: list[int]


class HopDoc(TypedDict):
    by: str | None
    at: str | None
    delay_seconds: float | None


MessageDoc = TypedDict(  # "from" is a Python keyword: the functional form
    "MessageDoc",
    {
        "channel": str,
        "folder": str | None,
        "folder_role": str,
        "from": str | None,
        "subject": str | None,
        "is_verification": bool,
        "service": str | None,
        "code": str | None,
        "expires_at": str | None,
        "sent_at": str | None,
        "delivered_at": str | None,
        "transit_seconds": float | None,
        "hops": list[HopDoc],
        "freshness": str | None,
    },
)


class SkippedDoc(TypedDict):
    where: str
    why: str


class SearchedDoc(TypedDict):
    where: str
    messages: int


class EmailDoc(TypedDict):
    input: str
    valid: bool


class PhoneDoc(TypedDict):
    input: str
    type: str | None


class ContactsDoc(TypedDict):
    email: NotRequired[EmailDoc]
    phone: NotRequired[PhoneDoc]


class MailboxDoc(TypedDict):
    host: str


class ReportDoc(TypedDict):
    tool: dict[str, str]
    now: str
    requested_at: str | None
    verdict: str
    incomplete: bool
    messages_read: int
    ignored_after_now: int
    searched: list[SearchedDoc]
    skipped: list[SkippedDoc]
    messages: list[MessageDoc]
    findings: list[ReportFindingDoc]
    contacts: NotRequired[ContactsDoc]
    mailbox: NotRequired[MailboxDoc]


def timeline_rows(
    doc: ReportDoc, limit: int | None, every_message: bool
) -> tuple[list[MessageDoc], int]:
    """The messages a timeline shows (the newest ``limit`` of them; None: all) and how
    many there were: verification messages, or every message listed with ``every_message``."""
    listed = doc["messages"]
    rows = listed if every_message else [m for m in listed if m["is_verification"]]
    shown = rows[-limit:] if limit is not None else rows
    return shown, len(rows)


def timeline_title(doc: ReportDoc, shown: int, total: int, every_message: bool) -> str:
    if every_message:
        return f"All {total:,} messages listed, oldest first"
    return f"Verification messages ({total:,} of {doc['messages_read']:,} read), oldest first"


def arrival(msg: MessageDoc) -> datetime | None:
    stamp = msg["delivered_at"] or msg["sent_at"]
    return datetime.fromisoformat(stamp) if stamp else None


def place(msg: MessageDoc) -> str:
    """Where a message was: its folder, else its role, else "-"; "SMS" for a text message."""
    if msg["channel"] == "sms":
        return "SMS"
    role = msg["folder_role"]
    return msg["folder"] or (role if role and role != "other" else "-")


def service_name(service_id: str | None) -> str:
    from inspector.extract.services import service_by_id

    service = service_by_id(service_id) if service_id else None
    return service.name if service else service_id or "-"


def took(msg: MessageDoc) -> str:
    transit = msg["transit_seconds"]
    return duration(transit) if transit is not None else "-"


def arrived(msg: MessageDoc, now: datetime) -> str:
    moment = arrival(msg)
    return when(moment, now) if moment else "?"


def footer(doc: ReportDoc, now: datetime) -> str:
    """One line: what was read (where, how many), what was not, the zone of the times."""
    read = doc["messages_read"]
    mailbox = doc.get("mailbox")
    source = f" from {mailbox['host']}" if mailbox else ""
    searched = doc["searched"]
    places = ", ".join(f"{s['where']} {s['messages']:,}" for s in searched[:4])
    if len(searched) > 4:
        places += f" and {len(searched) - 4} more"
    line = f"Read {count(read, 'message')}{source}" + (f" ({places})" if places else "")
    skipped = len(doc["skipped"])
    line += f"; {count(skipped, 'place')} could not be read" if skipped else "; nothing skipped"
    return f"{line}. Times are {zone_name(now)}."


def incomplete_notice(doc: ReportDoc) -> str | None:
    skipped = doc["skipped"]
    if not skipped:
        return None
    places = ", ".join(s["where"] for s in skipped[:3])
    more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
    return (
        f"This diagnosis is incomplete: {places}{more} could not be read; what is there may "
        "change the answer."
    )


def ignored_line(doc: ReportDoc, now: datetime) -> str | None:
    late = doc["ignored_after_now"]
    if not late:
        return None
    verb = "were" if late != 1 else "was"
    return (
        f"{count(late, 'verification message')} arrived after --now ({when(now, now)}) and "
        f"{verb} left out."
    )


def zone_name(now: datetime) -> str:
    """``UTC``, or ``UTC+01:00``: the offset is all a report's ISO times carry."""
    offset = now.utcoffset() or timedelta(0)
    if not offset:
        return "UTC"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def count(number: int, word: str) -> str:
    return f"{number:,} {word if number == 1 else word + 's'}"
