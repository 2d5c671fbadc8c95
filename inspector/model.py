"""The shared vocabulary: what sources yield and what the checks produce.

Everything here is a frozen dataclass or an enum, so results can be passed between the pure
checks (``extract``, ``timeline``, ``freshness``, ``auth``, ``contacts``) and the diagnosis
without anyone mutating them on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from inspector.report.serialize import json_meta


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


class FolderRole(StrEnum):
    """Where a message sits; RFC 6154 special-use roles folded to the ones that matter here."""

    INBOX = "inbox"
    JUNK = "junk"
    TRASH = "trash"
    ARCHIVE = "archive"
    OTHER = "other"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Freshness(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    EXPIRED_IN_TRANSIT = "expired_in_transit"
    SUPERSEDED = "superseded"
    BEFORE_REQUEST = "before_request"  # sent before --requested-at: an earlier request's code
    UNKNOWN = "unknown"


# --------------------------------------------------------------------------------------------
# What sources yield. A source is any iterable of ``SourceItem``; it streams, one item at a time.


@dataclass(frozen=True, slots=True)
class RawMail:
    """One e-mail message exactly as stored (RFC 5322 bytes), plus where it was found."""

    data: bytes
    source: str  # human-readable location: "path/to/x.eml", "box.mbox#12", "imap://h/INBOX;UID=7"
    folder: str | None = None
    folder_role: FolderRole = FolderRole.OTHER
    stored_at: datetime | None = None  # IMAP INTERNALDATE or similar: when the mailbox got it
    truncated: bool = False  # the source capped the bytes it read
    category: str | None = None  # provider tab/category (Gmail Promotions/Updates), if known
    size: int | None = None  # full size when known (may exceed len(data) when truncated)


@dataclass(frozen=True, slots=True)
class TextMessage:
    """One short text message (SMS/MMS text) from an export."""

    body: str
    source: str
    sender: str
    received_at: datetime | None
    sent_at: datetime | None = None
    recipient: str | None = None
    folder: str | None = None


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A source, or part of one, that could not be read; the run goes on without it."""

    source: str
    message: str  # one sentence naming the thing and what to do
    fatal: bool = False  # the whole source is unreadable (not just one message of it)


SourceItem = RawMail | TextMessage | ReadProblem


# --------------------------------------------------------------------------------------------
# Results of the pure checks.


@dataclass(frozen=True, slots=True)
class Validity:
    """How long a code is valid for, as stated by the message or known for its service."""

    seconds: int | None = None
    expires_at: datetime | None = None  # absolute expiry when the message states a clock time
    source: str | None = None  # "stated", "service_default" or None (unknown)
    text: str | None = None  # the phrase it was read from


@dataclass(frozen=True, slots=True)
class Origin:
    """An origin-bound one-time code (WICG sms-one-time-codes): ``@top.example #123456``."""

    domain: str
    code: str
    embedded: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible code found in the text, with the score used to rank it."""

    code: str
    score: float
    where: str  # "subject", "body" or "origin"


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the verification-code engine found in one message."""

    is_verification: bool
    code: str | None = None
    candidates: tuple[Candidate, ...] = ()
    validity: Validity = field(default_factory=Validity)
    service: str | None = None  # service id from the catalogue, e.g. "tiktok"
    origin: Origin | None = None
    language: str | None = None  # best guess of the language the keywords were in


@dataclass(frozen=True, slots=True)
class Hop:
    """One Received header (RFC 5321 §4.4), oldest hop first in a timeline.

    In the JSON report a hop has the clauses' Received names (``from``, ``by``, ``with``); the
    id, the "for" recipient and the raw header are not part of it (``report/report.schema.json``).
    """

    from_host: str | None = field(metadata=json_meta(key="from"))
    from_ip: str | None
    by_host: str | None = field(metadata=json_meta(key="by"))
    with_protocol: str | None = field(metadata=json_meta(key="with"))
    id: str | None = field(metadata=json_meta(skip=True))
    for_addr: str | None = field(metadata=json_meta(skip=True))
    at: datetime | None
    delay_seconds: float | None  # since the previous (older) hop, or since Date for the first
    raw: str = field(metadata=json_meta(skip=True))


@dataclass(frozen=True, slots=True)
class Timeline:
    """The delivery path of one message and how long it took."""

    hops: tuple[Hop, ...] = ()
    sent_at: datetime | None = None
    sent_at_source: str | None = None  # "date", "dkim" or "sms"
    delivered_at: datetime | None = None
    transit_seconds: float | None = None
    clock_skew_seconds: float | None = None  # most negative step seen (< 0), if any
    greylisting_suspected: bool = False
    greylisting_seconds: float | None = None
    notes: tuple[str, ...] = ()  # e.g. "Date header missing", "hop 3 has no timestamp"


@dataclass(frozen=True, slots=True)
class Finding:
    """One conclusion of the diagnosis; ``id`` values are a public contract."""

    id: str
    severity: Severity
    message: str
    advice: str
    messages: tuple[int, ...] = ()  # indexes into the report's ``messages``
    detail: str | None = None
    rank: float = 0.0  # higher sorts first within a severity
