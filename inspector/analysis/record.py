"""What the pipeline keeps of one message, and the running result of a run.

Only verification messages (and look-alikes claiming to be one) are kept after a message has
been looked at, so memory stays flat however large the mailbox; ``all_messages`` keeps every
message for reports that want them all. A kept record is packed (``packed.PackedList``): some
350 bytes a verification message instead of 6 KB of objects, decoded when read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from inspector.analysis.packed import PackedList
from inspector.auth.report import AuthReport
from inspector.contacts.sender import SenderInfo
from inspector.domains.dns import Resolver
from inspector.extract.services import Service, owns_domain, service_by_id
from inspector.model import (
    Channel,
    Extraction,
    FolderRole,
    RawMail,
    ReadProblem,
    TextMessage,
    Timeline,
)


@dataclass(frozen=True, slots=True)
class MessageRecord:
    """Everything inspector learnt about one message."""

    source: str
    channel: Channel
    folder: str | None
    folder_role: FolderRole
    from_display: str | None
    from_address: str | None
    from_domain: str | None
    to: tuple[str, ...]
    subject: str | None
    extraction: Extraction
    timeline: Timeline
    category: str | None = None
    truncated: bool = False
    from_count: int = 1
    auth: AuthReport | None = None  # once authentication checks ran (e-mail)
    sender: SenderInfo | None = None  # for SMS
    # Links showing one address and leading to another: (shown, linked) hosts (parse/links).
    links: tuple[tuple[str, str], ...] = ()

    @property
    def is_verification(self) -> bool:
        return self.extraction.is_verification

    @property
    def code(self) -> str | None:
        return self.extraction.code


@dataclass(frozen=True, slots=True)
class Options:
    """What the pipeline needs to know besides the messages; side effects are passed in."""

    now: datetime
    resolver: Resolver | None = None
    service: Service | None = None
    all_messages: bool = False
    trust_authserv_ids: tuple[str, ...] = ()
    region: str | None = None
    jobs: int | None = None  # worker processes, see ``parallel.jobs``


@dataclass(slots=True)
class RunResult:
    records: PackedList[MessageRecord] = field(default_factory=PackedList)
    problems: list[ReadProblem] = field(default_factory=list)
    messages_read: int = 0
    sources_failed: int = 0
    # Messages read per folder (or file, for loose files and SMS exports), in reading order:
    # what the report names when it says where it looked.
    searched: dict[str, int] = field(default_factory=dict)

    @property
    def incomplete(self) -> bool:
        """Something could not be read: a folder, a file, a message, a whole source."""
        return bool(self.problems)


def add_problem(result: RunResult, problem: ReadProblem) -> None:
    result.problems.append(problem)
    result.sources_failed += problem.fatal


def add_read(result: RunResult, item: RawMail | TextMessage) -> None:
    """Count one message read, under its folder (else its file)."""
    result.messages_read += 1
    where = item.folder or item.source.partition("#")[0]
    result.searched[where] = result.searched.get(where, 0) + 1


def add_record(result: RunResult, record: MessageRecord | None, options: Options) -> None:
    if record is None:
        return
    if options.all_messages:
        # Every record is listed, so every one is decoded for the report: packing would
        # only cost time.
        result.records.append(record)
    elif relevant(record, options.service):
        result.records.pack(record)


def relevant(record: MessageRecord, service: Service | None) -> bool:
    return relevant_parts(record.extraction, record.from_domain, service)


def relevant_parts(
    extraction: Extraction, from_domain: str | None, service: Service | None
) -> bool:
    if not extraction.is_verification:
        return False
    if service is None:
        return True
    if extraction.service == service.id:
        return True
    return from_domain is not None and owns_domain(service, from_domain)


def service_of(record: MessageRecord) -> Service | None:
    return service_by_id(record.extraction.service) if record.extraction.service else None
