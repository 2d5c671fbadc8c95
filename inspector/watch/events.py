"""What ``inspector watch`` reports, one event at a time: ``started``, ``message``,
``reconnected``, ``finished``.

Each class is one branch of ``inspector/report/watch-events.schema.json``; its fields, in
order, are the JSON object's keys (written by ``inspector.report.serialize``). ``--format
jsonl`` prints each event as one line the moment it happens; the text output renders the same
JSON values (``inspector.watch.render``), so ``--redact`` masks both alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from inspector.model import FolderRole, Freshness, Severity
from inspector.report.serialize import json_meta

#: Version of the event shapes (``watch-events.schema.json``); bumped on an incompatible change.
EVENTS_VERSION = 1


@dataclass(frozen=True, slots=True)
class FolderOut:
    name: str
    role: FolderRole
    method: str  # "idle", "poll" or "scan"


@dataclass(frozen=True, slots=True, kw_only=True)
class Started:
    event: str = "started"
    version: int = EVENTS_VERSION
    at: datetime
    source: str  # "alice@imap.example.com:993" or a path
    kind: str  # "imap" or "path"
    folders: tuple[FolderOut, ...]
    missing_folders: tuple[str, ...]
    service: str | None
    requested_at: datetime
    wait_seconds: float
    until: datetime


@dataclass(frozen=True, slots=True)
class AuthOut:
    """The authentication verdict in one word, with the three results it is made of."""

    verdict: str  # "pass", "fail" or "unknown"
    spf: str
    dkim: str
    dmarc: str
    source: str | None  # "receipt", "verified" or None (nothing known)


@dataclass(frozen=True, slots=True)
class HopOut:
    from_host: str | None = field(metadata=json_meta(key="from"))
    by: str | None
    at: datetime | None
    delay_seconds: float | None


@dataclass(frozen=True, slots=True)
class FindingOut:
    id: str
    severity: Severity
    message: str
    advice: str
    detail: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageEvent:
    event: str = "message"
    at: datetime  # when it was reported
    backlog: bool  # in the mailbox before the watch began (sent after the request)
    folder: str | None
    folder_role: FolderRole
    folder_meaning: str
    category: str | None  # a Gmail tab
    source: str
    from_display: str | None = field(metadata=json_meta(key="from"))
    from_address: str | None
    subject: str | None
    is_verification: bool
    service: str | None
    code: str | None
    sent_at: datetime | None
    delivered_at: datetime | None
    since_request_seconds: float | None
    transit_seconds: float | None
    hops: tuple[HopOut, ...]
    valid_for_seconds: int | None
    expires_at: datetime | None
    seconds_left: float | None
    freshness: Freshness | None
    authentication: AuthOut | None
    suspicious: bool
    findings: tuple[FindingOut, ...]
    ends_watch: bool
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ReconnectedEvent:
    event: str = "reconnected"
    at: datetime
    folders: tuple[str, ...]
    attempts: int
    offline_seconds: float
    uidvalidity_changed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SkippedOut:
    where: str
    why: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Finished:
    event: str = "finished"
    at: datetime
    reason: str  # "code_arrived", "wait_over", "interrupted" or "unreachable"
    exit_code: int
    elapsed_seconds: float
    verdict: str
    code: str | None  # the code that ended the watch, if one did
    messages_read: int
    codes_seen: int
    reconnects: int
    findings: tuple[FindingOut, ...]
    skipped: tuple[SkippedOut, ...]


Event = Started | MessageEvent | ReconnectedEvent | Finished

REASONS = ("code_arrived", "wait_over", "interrupted", "unreachable")
