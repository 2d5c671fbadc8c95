"""The JSON report as types: what ``--format json`` prints, ``schema_version`` 1.

Each class is one object of ``inspector/report/report.schema.json``; its fields, in order, are the
object's keys (``inspector.report.serialize`` writes them). The checks' own results are used
as they are: a message's ``auth`` is the ``AuthReport``, ``spam`` its ``SpamVerdict``,
``sender`` the ``SenderInfo``, a hop the ``Hop``, a finding the ``Finding``, and the contact
checks their ``EmailCheck`` and ``PhoneCheck``. Only what the report puts together from
several results has a type here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from inspector import __version__
from inspector.auth.report import AuthReport
from inspector.auth.spam import SpamVerdict
from inspector.contacts.email import EmailCheck
from inspector.contacts.phone import PhoneCheck
from inspector.contacts.sender import SenderInfo
from inspector.model import Channel, Finding, FolderRole, Freshness, Hop
from inspector.report.serialize import json_meta

SCHEMA_VERSION = 1

# A finding in the report: ``messages`` are indexes into the report's ``messages``.
FINDING_KEYS = ("id", "severity", "message", "advice", "detail", "messages")


@dataclass(frozen=True, slots=True)
class Tool:
    name: str = "inspector"
    version: str = __version__


@dataclass(frozen=True, slots=True)
class MessageEntry:
    """One message as the report lists it: where it was, what it says, how it travelled."""

    source: str
    channel: Channel
    folder: str | None
    folder_role: FolderRole
    category: str | None
    from_display: str | None = field(metadata=json_meta(key="from"))
    to: tuple[str, ...]
    subject: str | None
    is_verification: bool
    service: str | None
    code: str | None
    origin: str | None  # the origin-bound code's domain
    valid_for_seconds: int | None
    validity_source: str | None
    expires_at: datetime | None
    sent_at: datetime | None
    delivered_at: datetime | None
    transit_seconds: float | None
    hops: tuple[Hop, ...]
    freshness: Freshness | None
    truncated: bool
    # Left out when absent: ``auth`` and ``spam`` for e-mail that was checked, ``sender`` for SMS.
    auth: AuthReport | None = field(default=None, metadata=json_meta(optional=True))
    spam: SpamVerdict | None = field(default=None, metadata=json_meta(optional=True))
    sender: SenderInfo | None = field(default=None, metadata=json_meta(optional=True))


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something that could not be read: a folder, a file, a message, a whole source."""

    where: str
    why: str  # one sentence naming the thing and what to do


@dataclass(frozen=True, slots=True)
class Searched:
    """A folder (or file) that was read, and how many messages it held."""

    where: str
    messages: int


@dataclass(frozen=True, slots=True)
class Contacts:
    """The registered address and number, checked when ``--email``/``--phone`` are given."""

    email: EmailCheck | None = field(default=None, metadata=json_meta(optional=True))
    phone: PhoneCheck | None = field(default=None, metadata=json_meta(optional=True))


@dataclass(frozen=True, slots=True)
class FolderEntry:
    name: str
    role: FolderRole
    scanned: bool


@dataclass(frozen=True, slots=True)
class QuotaEntry:
    resource: str  # "STORAGE" (KiB), "MESSAGE" (count), ...
    usage: int
    limit: int
    ratio: float  # usage / limit, rounded to 4 places


@dataclass(frozen=True, slots=True)
class Mailbox:
    """What ``scan`` read of the IMAP mailbox."""

    host: str
    user: str
    folders: tuple[FolderEntry, ...]
    missing_folders: tuple[str, ...]
    quota: QuotaEntry | None  # null when the server reports none
    incomplete: bool
    imap_commands: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The whole document; ``contacts`` and ``mailbox`` are left out when not relevant."""

    schema_version: int = SCHEMA_VERSION
    tool: Tool = field(default_factory=Tool)
    now: datetime
    requested_at: datetime | None
    verdict: str
    problem_found: bool
    incomplete: bool  # something could not be read: see ``skipped``
    messages_read: int
    # Verification messages that arrived after ``now``: left out of the diagnosis.
    ignored_after_now: int
    searched: tuple[Searched, ...]
    skipped: tuple[Skipped, ...]
    messages: tuple[MessageEntry, ...]
    findings: tuple[Finding, ...] = field(metadata=json_meta(keys=FINDING_KEYS))
    contacts: Contacts | None = field(default=None, metadata=json_meta(optional=True))
    mailbox: Mailbox | None = field(default=None, metadata=json_meta(optional=True))


@dataclass(frozen=True, slots=True)
class ExtractResult:
    """The JSON ``inspector extract`` prints: what was found in one message body."""

    is_verification: bool
    code: str | None
    valid_for_seconds: int | None
    service: str | None
    origin: str | None  # the origin-bound code's domain
